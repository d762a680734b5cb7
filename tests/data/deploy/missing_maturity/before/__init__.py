"""Scoring helpers.

Maturity Stage: development
Coverage: 61%
Last Updated: 2025-09-12
"""

__version__: str = '2.0.0'  # keep in sync with pyproject.toml
__all__ = [
    "score",
]
