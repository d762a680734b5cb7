"""Tools.

Maturity Stage: development
Coverage: 60%
Last Updated: 2025-01-01
"""

__version__ = "0.2.0"

HELP = """
__maturity__ = "not this one"
"""

__maturity__: str = "development"
