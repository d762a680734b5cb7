import pytest

from agent_orchestration import AgentSpec, Priority, Task, TaskState


def _noop(task: Task) -> None:
    return None


def test_task_defaults() -> None:
    task = Task(task_id="t-1", kind="narrative.scene")
    assert task.state is TaskState.PENDING
    assert task.priority is Priority.NORMAL
    assert not task.finished
    assert task.attempts_left == 3


@pytest.mark.parametrize("state, finished", [
    (TaskState.PENDING, False),
    (TaskState.RUNNING, False),
    (TaskState.SUCCEEDED, True),
    (TaskState.FAILED, True),
    (TaskState.CANCELLED, True),
])
def test_task_finished(state: TaskState, finished: bool) -> None:
    assert Task(task_id="t", kind="k", state=state).finished is finished


def test_attempts_left_never_negative() -> None:
    assert Task(task_id="t", kind="k", max_attempts=2, attempts=5).attempts_left == 0


def test_priority_orders_critical_first() -> None:
    assert sorted([Priority.LOW, Priority.CRITICAL, Priority.NORMAL]) == [
        Priority.CRITICAL, Priority.NORMAL, Priority.LOW]


@pytest.mark.parametrize("kind, expected", [
    ("narrative.scene", True),
    ("narrative.epilogue", True),
    ("safety.check", True),
    ("safety.audit", False),
    ("memory.store", False),
])
def test_can_handle_exact_and_wildcard(kind: str, expected: bool) -> None:
    spec = AgentSpec("writer", frozenset({"narrative.*", "safety.check"}), _noop)
    assert spec.can_handle(kind) is expected


@pytest.mark.parametrize("name, caps, concurrency, message", [
    ("", frozenset({"a"}), 1, "must not be empty"),
    ("   ", frozenset({"a"}), 1, "must not be empty"),
    ("x", frozenset(), 1, "no capabilities"),
    ("x", frozenset({"a"}), 0, "max_concurrency"),
])
def test_agent_spec_validation(name: str, caps: frozenset[str], concurrency: int,
                               message: str) -> None:
    with pytest.raises(ValueError, match=message):
        AgentSpec(name, caps, _noop, max_concurrency=concurrency)
