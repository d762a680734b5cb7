"""Scoring helpers.

Maturity Stage: staging
Coverage: 75.5%
Last Updated: 2025-11-01
"""

__version__: str = '2.0.0'  # keep in sync with pyproject.toml
__maturity__ = 'staging'
__all__ = [
    "score",
]
