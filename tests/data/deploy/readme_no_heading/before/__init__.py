"""
Agent Orchestration

Maturity Stage: development
Coverage: 64.2%
Last Updated: 2025-10-01
"""

__version__ = "0.3.1"
__maturity__ = "development"

from .orchestrator import Orchestrator  # noqa: F401
