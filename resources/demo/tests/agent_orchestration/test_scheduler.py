import logging

import pytest

from agent_orchestration import (
    AgentRouter,
    AgentSpec,
    Priority,
    QueueFullError,
    Task,
    TaskScheduler,
    TaskState,
    UnknownTaskError,
)


class Recorder:
    """Handler that records the order of calls and can fail on demand."""

    def __init__(self, failures: int = 0) -> None:
        self.calls: list[str] = []
        self.failures = failures

    def __call__(self, task: Task) -> str:
        self.calls.append(task.task_id)
        if self.failures > 0:
            self.failures -= 1
            raise RuntimeError("model backend timed out")
        return f"done:{task.payload.get('scene', '-')}"


def _scheduler(handler: Recorder, max_queue: int = 1000) -> TaskScheduler:
    router = AgentRouter(failure_threshold=5, cooldown_seconds=0)
    router.register(AgentSpec("narrator", frozenset({"narrative.*"}), handler))
    return TaskScheduler(router, max_queue=max_queue)


def test_submit_assigns_ids_and_queues() -> None:
    scheduler = _scheduler(Recorder())
    first = scheduler.submit("narrative.scene", {"scene": "intro"})
    second = scheduler.submit("narrative.scene")
    assert (first.task_id, second.task_id) == ("task-1", "task-2")
    assert scheduler.pending() == 2
    assert scheduler.get("task-1") is first


def test_priority_then_fifo_order() -> None:
    handler = Recorder()
    scheduler = _scheduler(handler)
    scheduler.submit("narrative.scene", priority=Priority.LOW)
    scheduler.submit("narrative.scene")
    scheduler.submit("narrative.scene", priority=Priority.CRITICAL)
    scheduler.submit("narrative.scene")
    scheduler.run_all()
    assert handler.calls == ["task-3", "task-2", "task-4", "task-1"]


def test_success_records_result_and_agent() -> None:
    scheduler = _scheduler(Recorder())
    task = scheduler.submit("narrative.scene", {"scene": "forest"})
    assert scheduler.run_next() is task
    assert task.state is TaskState.SUCCEEDED
    assert task.result == "done:forest"
    assert task.agent == "narrator"
    assert scheduler.run_next() is None


def test_transient_failure_is_retried() -> None:
    handler = Recorder(failures=2)
    scheduler = _scheduler(handler)
    task = scheduler.submit("narrative.scene", max_attempts=3)
    scheduler.run_all()
    assert task.state is TaskState.SUCCEEDED
    assert task.attempts == 3
    assert task.error is None
    assert scheduler.stats().retries == 2


def test_persistent_failure_gives_up(caplog: pytest.LogCaptureFixture) -> None:
    scheduler = _scheduler(Recorder(failures=10))
    task = scheduler.submit("narrative.scene", max_attempts=2)
    with caplog.at_level(logging.ERROR, logger="agent_orchestration"):
        scheduler.run_all()
    assert task.state is TaskState.FAILED
    assert task.error == "RuntimeError: model backend timed out"
    assert "failed after 2 attempt(s)" in caplog.text


def test_unroutable_kind_fails_without_retry() -> None:
    scheduler = _scheduler(Recorder())
    task = scheduler.submit("memory.store", max_attempts=5)
    scheduler.run_all()
    assert task.state is TaskState.FAILED
    assert task.attempts == 1
    assert "no agent is registered" in (task.error or "")


def test_busy_agents_consume_attempts() -> None:
    router = AgentRouter()
    router.register(AgentSpec("narrator", frozenset({"narrative.*"}), Recorder()))
    router.acquire("narrator")
    scheduler = TaskScheduler(router)
    task = scheduler.submit("narrative.scene", max_attempts=2)
    scheduler.run_all()
    assert task.state is TaskState.FAILED
    assert task.attempts == 2
    assert "busy or unhealthy" in (task.error or "")


def test_cancel_skips_task() -> None:
    handler = Recorder()
    scheduler = _scheduler(handler)
    doomed = scheduler.submit("narrative.scene")
    kept = scheduler.submit("narrative.scene")
    assert scheduler.cancel(doomed.task_id) is True
    scheduler.run_all()
    assert handler.calls == [kept.task_id]
    assert doomed.state is TaskState.CANCELLED
    assert scheduler.cancel(kept.task_id) is False


def test_unknown_task() -> None:
    scheduler = _scheduler(Recorder())
    with pytest.raises(UnknownTaskError) as info:
        scheduler.get("task-99")
    assert str(info.value) == "unknown task id 'task-99'"


def test_queue_capacity() -> None:
    scheduler = _scheduler(Recorder(), max_queue=2)
    scheduler.submit("narrative.scene")
    scheduler.submit("narrative.scene")
    with pytest.raises(QueueFullError, match="2 tasks pending"):
        scheduler.submit("narrative.scene")


def test_max_steps_limits_work() -> None:
    scheduler = _scheduler(Recorder())
    for _ in range(3):
        scheduler.submit("narrative.scene")
    assert len(scheduler.run_all(max_steps=2)) == 2
    assert scheduler.pending() == 1


def test_stats() -> None:
    scheduler = _scheduler(Recorder())
    scheduler.submit("narrative.scene")
    scheduler.submit("memory.store", max_attempts=1)
    cancelled = scheduler.submit("narrative.scene")
    scheduler.cancel(cancelled.task_id)
    scheduler.run_all()
    stats = scheduler.stats()
    assert (stats.pending, stats.succeeded, stats.failed, stats.cancelled) == (0, 1, 1, 1)


@pytest.mark.parametrize("kind, attempts, message", [
    ("", 1, "kind must not be empty"),
    ("narrative.scene", 0, "max_attempts"),
])
def test_submit_validation(kind: str, attempts: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _scheduler(Recorder()).submit(kind, max_attempts=attempts)


def test_invalid_queue_size() -> None:
    with pytest.raises(ValueError):
        TaskScheduler(AgentRouter(), max_queue=0)
