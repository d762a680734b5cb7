'''Player experience: sessions and progress.

Maturity Stage: development
'''
__version__ = '1.2.0'
__maturity__ = 'development'  # set by promotion-console
