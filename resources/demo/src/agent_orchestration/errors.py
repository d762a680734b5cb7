"""Exceptions raised by the agent orchestration layer.

Every error carries enough context (agent name, task id, task kind) for the
caller to log it or show it to an operator without re-deriving anything.
"""

from __future__ import annotations


class OrchestrationError(Exception):
    """Base class of every error raised by :mod:`agent_orchestration`."""


class AgentRegistrationError(OrchestrationError):
    """An agent could not be registered or removed."""


class NoAgentAvailableError(OrchestrationError):
    """No registered agent can take a task of this kind right now.

    ``capable`` tells a permanent problem (no agent ever handles the kind)
    from a transient one (capable agents exist but are busy or tripped).
    """

    def __init__(self, kind: str, capable: bool) -> None:
        self.kind = kind
        self.capable = capable
        if capable:
            message = f"all agents for task kind {kind!r} are busy or unhealthy"
        else:
            message = f"no agent is registered for task kind {kind!r}"
        super().__init__(message)


class QueueFullError(OrchestrationError):
    """The scheduler refused a task because its queue is at capacity."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        super().__init__(f"task queue is full ({capacity} tasks pending)")


class UnknownTaskError(OrchestrationError, KeyError):
    """A task id that the scheduler has never issued."""

    def __init__(self, task_id: str) -> None:
        self.task_id = task_id
        super().__init__(f"unknown task id {task_id!r}")

    def __str__(self) -> str:
        # KeyError would quote the whole message again.
        return str(self.args[0])
