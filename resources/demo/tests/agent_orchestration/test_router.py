import pytest

from agent_orchestration import (
    AgentRegistrationError,
    AgentRouter,
    AgentSpec,
    NoAgentAvailableError,
    Task,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _noop(task: Task) -> None:
    return None


def _agent(name: str, *caps: str, concurrency: int = 1) -> AgentSpec:
    return AgentSpec(name, frozenset(caps), _noop, max_concurrency=concurrency)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def router(clock: FakeClock) -> AgentRouter:
    router = AgentRouter(failure_threshold=2, cooldown_seconds=10, clock=clock)
    router.register(_agent("narrator-a", "narrative.*"))
    router.register(_agent("narrator-b", "narrative.scene"))
    router.register(_agent("guardian", "safety.check", concurrency=2))
    return router


def test_register_rejects_duplicates(router: AgentRouter) -> None:
    with pytest.raises(AgentRegistrationError, match="already registered"):
        router.register(_agent("guardian", "safety.check"))


def test_agents_are_listed_sorted(router: AgentRouter) -> None:
    assert router.agents() == ["guardian", "narrator-a", "narrator-b"]


def test_unregister(router: AgentRouter) -> None:
    router.unregister("narrator-b")
    assert "narrator-b" not in router.agents()
    with pytest.raises(AgentRegistrationError, match="not registered"):
        router.unregister("narrator-b")


def test_unregister_refuses_busy_agent(router: AgentRouter) -> None:
    router.acquire("guardian")
    with pytest.raises(AgentRegistrationError, match="still runs 1 task"):
        router.unregister("guardian")


def test_route_prefers_least_loaded_then_name(router: AgentRouter) -> None:
    assert router.route("narrative.scene").name == "narrator-a"
    router.acquire("narrator-a")
    assert router.route("narrative.scene").name == "narrator-b"


def test_route_wildcard_only_agent(router: AgentRouter) -> None:
    assert router.route("narrative.epilogue").name == "narrator-a"


def test_route_unknown_kind_is_permanent(router: AgentRouter) -> None:
    with pytest.raises(NoAgentAvailableError) as info:
        router.route("memory.store")
    assert info.value.capable is False
    assert "no agent is registered" in str(info.value)


def test_route_busy_agents_is_transient(router: AgentRouter) -> None:
    router.acquire("narrator-a")
    with pytest.raises(NoAgentAvailableError) as info:
        router.route("narrative.epilogue")
    assert info.value.capable is True
    assert "busy or unhealthy" in str(info.value)


def test_concurrency_limit(router: AgentRouter) -> None:
    router.acquire("guardian")
    assert router.is_available("guardian")
    router.acquire("guardian")
    assert not router.is_available("guardian")
    with pytest.raises(NoAgentAvailableError):
        router.acquire("guardian")


def test_circuit_opens_after_consecutive_failures(router: AgentRouter,
                                                  clock: FakeClock) -> None:
    for _ in range(2):
        router.acquire("narrator-b")
        router.release("narrator-b", success=False)
    assert not router.is_available("narrator-b")
    assert router.health("narrator-b").total_failures == 2
    clock.now += 10
    assert router.is_available("narrator-b")
    router.acquire("narrator-b")
    router.release("narrator-b", success=True)
    health = router.health("narrator-b")
    assert health.open_until is None
    assert health.consecutive_failures == 0
    assert health.total_successes == 1


def test_success_resets_failure_streak(router: AgentRouter) -> None:
    router.acquire("narrator-b")
    router.release("narrator-b", success=False)
    router.acquire("narrator-b")
    router.release("narrator-b", success=True)
    router.acquire("narrator-b")
    router.release("narrator-b", success=False)
    assert router.is_available("narrator-b")


def test_release_without_acquire(router: AgentRouter) -> None:
    with pytest.raises(AgentRegistrationError, match="no task in flight"):
        router.release("guardian", success=True)


def test_unknown_agent_lookups(router: AgentRouter) -> None:
    with pytest.raises(AgentRegistrationError):
        router.spec("ghost")
    with pytest.raises(AgentRegistrationError):
        router.health("ghost")


@pytest.mark.parametrize("threshold, cooldown", [(0, 1.0), (1, -1.0)])
def test_invalid_router_settings(threshold: int, cooldown: float) -> None:
    with pytest.raises(ValueError):
        AgentRouter(failure_threshold=threshold, cooldown_seconds=cooldown)
