"""A priority task queue that dispatches to agents through an AgentRouter."""

from __future__ import annotations

import heapq
import itertools
import logging
from dataclasses import dataclass
from typing import Any, Mapping

from agent_orchestration.errors import NoAgentAvailableError, QueueFullError, UnknownTaskError
from agent_orchestration.models import Priority, Task, TaskState
from agent_orchestration.router import AgentRouter

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SchedulerStats:
    pending: int
    succeeded: int
    failed: int
    cancelled: int
    retries: int


class TaskScheduler:
    """Runs tasks in priority order (FIFO within a priority), with retries.

    The scheduler is synchronous on purpose: the caller decides when work
    happens (``run_next``/``run_all``), which keeps it usable from a request
    handler, a worker loop or a test without threads.
    """

    def __init__(self, router: AgentRouter, max_queue: int = 1000,
                 id_prefix: str = "task") -> None:
        if max_queue < 1:
            raise ValueError("max_queue must be >= 1")
        self._router = router
        self._max_queue = max_queue
        self._id_prefix = id_prefix
        self._sequence = itertools.count(1)
        self._queue: list[tuple[int, int, str]] = []
        self._tasks: dict[str, Task] = {}
        self._retries = 0

    def submit(self, kind: str, payload: Mapping[str, Any] | None = None,
               priority: Priority = Priority.NORMAL, max_attempts: int = 3) -> Task:
        if not kind:
            raise ValueError("task kind must not be empty")
        if max_attempts < 1:
            raise ValueError(f"max_attempts must be >= 1, got {max_attempts}")
        if self.pending() >= self._max_queue:
            raise QueueFullError(self._max_queue)
        sequence = next(self._sequence)
        task = Task(task_id=f"{self._id_prefix}-{sequence}", kind=kind,
                    payload=dict(payload or {}), priority=Priority(priority),
                    max_attempts=max_attempts)
        self._tasks[task.task_id] = task
        heapq.heappush(self._queue, (int(task.priority), sequence, task.task_id))
        logger.info("queued %s (%s, priority %s)", task.task_id, kind, task.priority.name)
        return task

    def get(self, task_id: str) -> Task:
        try:
            return self._tasks[task_id]
        except KeyError:
            raise UnknownTaskError(task_id) from None

    def cancel(self, task_id: str) -> bool:
        """Cancel a task that has not finished; False if it already had."""
        task = self.get(task_id)
        if task.finished:
            return False
        task.state = TaskState.CANCELLED
        logger.info("cancelled %s", task_id)
        return True

    def pending(self) -> int:
        return sum(1 for task in self._tasks.values() if task.state is TaskState.PENDING)

    def run_next(self) -> Task | None:
        """Run the most urgent pending task once; None when nothing is pending."""
        while self._queue:
            _, _, task_id = heapq.heappop(self._queue)
            task = self._tasks[task_id]
            if task.state is TaskState.PENDING:
                self._dispatch(task)
                return task
        return None

    def run_all(self, max_steps: int | None = None) -> list[Task]:
        """Run until the queue is empty (or ``max_steps`` attempts were made)."""
        touched: dict[str, Task] = {}
        steps = 0
        while max_steps is None or steps < max_steps:
            task = self.run_next()
            if task is None:
                break
            touched[task.task_id] = task
            steps += 1
        return list(touched.values())

    def stats(self) -> SchedulerStats:
        states = [task.state for task in self._tasks.values()]
        return SchedulerStats(pending=states.count(TaskState.PENDING),
                              succeeded=states.count(TaskState.SUCCEEDED),
                              failed=states.count(TaskState.FAILED),
                              cancelled=states.count(TaskState.CANCELLED),
                              retries=self._retries)

    def _dispatch(self, task: Task) -> None:
        task.attempts += 1
        try:
            spec = self._router.route(task.kind)
        except NoAgentAvailableError as error:
            if error.capable:
                self._retry_or_fail(task, str(error))
            else:
                self._fail(task, str(error))
            return
        self._router.acquire(spec.name)
        task.state = TaskState.RUNNING
        task.agent = spec.name
        logger.debug("running %s on %s (attempt %d/%d)",
                     task.task_id, spec.name, task.attempts, task.max_attempts)
        try:
            result = spec.handler(task)
        except Exception as error:  # an agent's failure must not kill the scheduler
            self._router.release(spec.name, success=False)
            logger.warning("%s failed on %s: %s", task.task_id, spec.name, error, exc_info=True)
            self._retry_or_fail(task, f"{type(error).__name__}: {error}")
            return
        self._router.release(spec.name, success=True)
        task.state = TaskState.SUCCEEDED
        task.result = result
        task.error = None
        logger.info("%s succeeded on %s", task.task_id, spec.name)

    def _retry_or_fail(self, task: Task, reason: str) -> None:
        if task.attempts_left == 0:
            self._fail(task, reason)
            return
        task.state = TaskState.PENDING
        task.error = reason
        self._retries += 1
        heapq.heappush(self._queue, (int(task.priority), next(self._sequence), task.task_id))
        logger.info("retrying %s later (%d attempt(s) left): %s",
                    task.task_id, task.attempts_left, reason)

    def _fail(self, task: Task, reason: str) -> None:
        task.state = TaskState.FAILED
        task.error = reason
        logger.error("%s failed after %d attempt(s): %s", task.task_id, task.attempts, reason)
