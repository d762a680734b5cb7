#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""
Agent Orchestration

Maturity Stage: staging
Coverage: 88%
Last Updated: 2025-11-01
"""

from .core import run

__version__ = "0.1.0"
__maturity__ = "staging"
