"""
Agent Orchestration

Maturity Stage: staging
Coverage: 72.4%
Last Updated: 2025-11-01
"""

__version__ = "0.3.1"
__maturity__ = "staging"

from .orchestrator import Orchestrator  # noqa: F401
