"""Narrative engine.

Handles stories.

Maturity Stage: staging
Last Updated: 2025-11-01
"""
__version__ = (
    "0.9.0"
)
__maturity__ = "staging"
