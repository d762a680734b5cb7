"""Tools.

Maturity Stage: staging
Coverage: 80%
Last Updated: 2025-11-01
"""

__version__ = "0.2.0"

HELP = """
__maturity__ = "not this one"
"""

__maturity__: str = "staging"
