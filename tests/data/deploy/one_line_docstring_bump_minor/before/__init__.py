"""Scoring helpers."""

__version__ = "1.4.2"
__maturity__ = "staging"
