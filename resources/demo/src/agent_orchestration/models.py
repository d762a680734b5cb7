"""Value types shared by the router and the scheduler."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping


class Priority(enum.IntEnum):
    """Lower values run first."""

    CRITICAL = 0
    HIGH = 1
    NORMAL = 2
    LOW = 3


class TaskState(enum.Enum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


_FINAL_STATES = frozenset({TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED})


@dataclass
class Task:
    """One unit of work for an agent, and what happened to it."""

    task_id: str
    kind: str
    payload: Mapping[str, Any] = field(default_factory=dict)
    priority: Priority = Priority.NORMAL
    max_attempts: int = 3
    attempts: int = 0
    state: TaskState = TaskState.PENDING
    agent: str | None = None
    result: Any = None
    error: str | None = None

    @property
    def finished(self) -> bool:
        return self.state in _FINAL_STATES

    @property
    def attempts_left(self) -> int:
        return max(0, self.max_attempts - self.attempts)


Handler = Callable[[Task], Any]


@dataclass(frozen=True)
class AgentSpec:
    """An agent: what it can do, how much at once, and the code that does it."""

    name: str
    capabilities: frozenset[str]
    handler: Handler
    max_concurrency: int = 1

    def __post_init__(self) -> None:
        if not self.name or not self.name.strip():
            raise ValueError("agent name must not be empty")
        if not self.capabilities:
            raise ValueError(f"agent {self.name!r} declares no capabilities")
        if self.max_concurrency < 1:
            raise ValueError(
                f"agent {self.name!r}: max_concurrency must be >= 1, "
                f"got {self.max_concurrency}"
            )

    def can_handle(self, kind: str) -> bool:
        """True for an exact capability or a ``family.*`` wildcard match."""
        if kind in self.capabilities:
            return True
        family = kind.split(".", 1)[0]
        return f"{family}.*" in self.capabilities
