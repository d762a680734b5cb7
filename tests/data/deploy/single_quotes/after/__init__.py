'''Player experience: sessions and progress.

Maturity Stage: staging
Coverage: 70%
Last Updated: 2025-11-01
'''
__version__ = '1.2.0'
__maturity__ = 'staging'  # set by promotion-console
