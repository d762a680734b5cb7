"""Agent Orchestration

Maturity Stage: development
Coverage: 100%
Last Updated: 2025-10-20
"""

__version__ = "0.4.0"
__maturity__ = "development"

from agent_orchestration.errors import (
    AgentRegistrationError,
    NoAgentAvailableError,
    OrchestrationError,
    QueueFullError,
    UnknownTaskError,
)
from agent_orchestration.logconfig import configure_logging
from agent_orchestration.models import AgentSpec, Priority, Task, TaskState
from agent_orchestration.router import AgentHealth, AgentRouter
from agent_orchestration.scheduler import SchedulerStats, TaskScheduler

__all__ = [
    "AgentHealth",
    "AgentRegistrationError",
    "AgentRouter",
    "AgentSpec",
    "NoAgentAvailableError",
    "OrchestrationError",
    "Priority",
    "QueueFullError",
    "SchedulerStats",
    "Task",
    "TaskScheduler",
    "TaskState",
    "UnknownTaskError",
    "configure_logging",
]
