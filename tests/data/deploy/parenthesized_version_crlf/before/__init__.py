"""Narrative engine.

Handles stories."""
__version__ = (
    "0.9.0"
)
