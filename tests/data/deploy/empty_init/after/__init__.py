"""
Agent Orchestration

Maturity Stage: staging
Coverage: 66.7%
Last Updated: 2025-11-01
"""

__maturity__ = "staging"
