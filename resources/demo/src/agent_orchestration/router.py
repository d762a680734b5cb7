"""Capability-based routing of tasks to agents, with a per-agent circuit breaker."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable

from agent_orchestration.errors import AgentRegistrationError, NoAgentAvailableError
from agent_orchestration.models import AgentSpec

logger = logging.getLogger(__name__)


@dataclass
class AgentHealth:
    """Load and failure bookkeeping for one agent."""

    in_flight: int = 0
    consecutive_failures: int = 0
    total_successes: int = 0
    total_failures: int = 0
    open_until: float | None = None  # circuit open (agent skipped) until this clock value


class AgentRouter:
    """Picks the least loaded healthy agent that can handle a task kind.

    An agent that fails ``failure_threshold`` times in a row is taken out of
    rotation for ``cooldown_seconds``; after that one trial call decides
    whether it comes back (success) or sits out another cooldown (failure).
    """

    def __init__(self, failure_threshold: int = 3, cooldown_seconds: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be >= 1")
        if cooldown_seconds < 0:
            raise ValueError("cooldown_seconds must be >= 0")
        self._failure_threshold = failure_threshold
        self._cooldown = cooldown_seconds
        self._clock = clock
        self._agents: dict[str, AgentSpec] = {}
        self._health: dict[str, AgentHealth] = {}

    def register(self, spec: AgentSpec) -> None:
        if spec.name in self._agents:
            raise AgentRegistrationError(f"agent {spec.name!r} is already registered")
        self._agents[spec.name] = spec
        self._health[spec.name] = AgentHealth()
        logger.info("registered agent %s for %s", spec.name, ", ".join(sorted(spec.capabilities)))

    def unregister(self, name: str) -> None:
        if name not in self._agents:
            raise AgentRegistrationError(f"agent {name!r} is not registered")
        if self._health[name].in_flight:
            raise AgentRegistrationError(
                f"agent {name!r} still runs {self._health[name].in_flight} task(s)")
        del self._agents[name]
        del self._health[name]
        logger.info("unregistered agent %s", name)

    def agents(self) -> list[str]:
        return sorted(self._agents)

    def spec(self, name: str) -> AgentSpec:
        try:
            return self._agents[name]
        except KeyError:
            raise AgentRegistrationError(f"agent {name!r} is not registered") from None

    def health(self, name: str) -> AgentHealth:
        self.spec(name)
        return self._health[name]

    def is_available(self, name: str) -> bool:
        spec = self.spec(name)
        health = self._health[name]
        if health.open_until is not None and self._clock() < health.open_until:
            return False
        return health.in_flight < spec.max_concurrency

    def route(self, kind: str) -> AgentSpec:
        """The agent that should run the next task of ``kind``.

        Raises NoAgentAvailableError; its ``capable`` flag says whether
        waiting can help.
        """
        capable = [spec for spec in self._agents.values() if spec.can_handle(kind)]
        if not capable:
            raise NoAgentAvailableError(kind, capable=False)
        candidates = [spec for spec in capable if self.is_available(spec.name)]
        if not candidates:
            raise NoAgentAvailableError(kind, capable=True)
        # Least loaded first; the name keeps the choice deterministic.
        return min(candidates, key=lambda spec: (self._health[spec.name].in_flight, spec.name))

    def acquire(self, name: str) -> None:
        if not self.is_available(name):
            raise NoAgentAvailableError(f"agent:{name}", capable=True)
        self._health[name].in_flight += 1

    def release(self, name: str, success: bool) -> None:
        health = self.health(name)
        if health.in_flight == 0:
            raise AgentRegistrationError(f"agent {name!r} has no task in flight")
        health.in_flight -= 1
        if success:
            health.total_successes += 1
            health.consecutive_failures = 0
            health.open_until = None
            return
        health.total_failures += 1
        health.consecutive_failures += 1
        if health.consecutive_failures >= self._failure_threshold:
            health.open_until = self._clock() + self._cooldown
            logger.warning("agent %s failed %d times in a row; pausing it for %.0f s",
                           name, health.consecutive_failures, self._cooldown)
