"""player_experience asking agent_orchestration for narration, end to end in process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from agent_orchestration import AgentRouter, AgentSpec, Task, TaskScheduler, TaskState
from player_experience import (
    Choice,
    FeedbackAggregator,
    FeedbackEntry,
    InvalidChoiceError,
    NarrativeDirector,
    PlayerPreferences,
    PlayerSession,
    Scene,
    SessionStore,
)
from player_experience.narrative import FALLBACK_TEXT

pytestmark = pytest.mark.integration

STORY = {
    "harbor": Scene("harbor", "The Quiet Harbor", (
        Choice("boat", "Board the fishing boat", "open_sea"),
        Choice("cave", "Explore the sea cave", "cave"),
        Choice("inn", "Rest at the inn", "inn"),
    )),
    "open_sea": Scene("open_sea", "Open Sea", (Choice("return", "Sail home", "inn"),),
                      themes=frozenset({"drowning"})),
    "cave": Scene("cave", "The Sea Cave", (Choice("out", "Climb out", "inn"),),
                  themes=frozenset({"spiders", "darkness"})),
    "inn": Scene("inn", "The Lantern Inn"),
}


def narrator(task: Task) -> str:
    payload = task.payload
    return (f"[{payload['tone']}] {payload['title']} "
            f"(<= {payload['max_words']} words, avoiding {', '.join(payload['avoid']) or '-'})")


def build(handler: Callable[[Task], object] = narrator
          ) -> tuple[AgentRouter, TaskScheduler, NarrativeDirector]:
    router = AgentRouter(failure_threshold=2, cooldown_seconds=60)
    router.register(AgentSpec("narrator", frozenset({"narrative.*"}), handler))
    scheduler = TaskScheduler(router)
    return router, scheduler, NarrativeDirector(scheduler)


def test_narration_follows_player_preferences() -> None:
    _, scheduler, director = build()
    prefs = PlayerPreferences.from_dict({"intensity": "gentle", "pacing": "fast",
                                         "content_warnings": ["spiders"]})
    session = PlayerSession("p-7", STORY, "harbor", prefs)
    task = director.request(session)
    text = director.narration(session)
    assert text == "[warm, reassuring] The Quiet Harbor (<= 80 words, avoiding spiders)"
    assert task.state is TaskState.SUCCEEDED
    assert scheduler.stats().succeeded == 1


def test_opted_out_content_is_neither_offered_nor_reachable() -> None:
    prefs = PlayerPreferences(content_warnings=frozenset({"spiders"}))
    session = PlayerSession("p-8", STORY, "harbor", prefs)
    assert [c.choice_id for c in session.available_choices()] == ["boat", "inn"]
    with pytest.raises(InvalidChoiceError, match="opted out"):
        session.choose("cave")
    assert session.choose("boat").scene_id == "open_sea"


def test_failing_agent_yields_fallback_and_trips_circuit() -> None:
    calls = []

    def broken(task: Task) -> str:
        calls.append(task.attempts)
        raise TimeoutError("model gateway did not answer in 30 s")

    router, scheduler, director = build(broken)
    session = PlayerSession("p-9", STORY, "harbor")
    task = director.request(session)
    assert director.narration(session) == FALLBACK_TEXT
    assert task.state is TaskState.FAILED
    # Two failures in a row open the circuit, so the third attempt never reaches the agent.
    assert calls == [1, 2]
    assert "busy or unhealthy" in (task.error or "")
    assert not router.is_available("narrator")
    assert router.health("narrator").total_failures == 2


def test_every_scene_of_a_playthrough_gets_narrated() -> None:
    _, scheduler, director = build()
    session = PlayerSession("p-10", STORY, "harbor")
    texts = []
    for choice in ("boat", "return"):
        director.request(session)
        texts.append(director.narration(session))
        session.choose(choice)
    director.request(session)
    texts.append(director.narration(session))
    assert [t.split("] ")[1].split(" (")[0] for t in texts] == [
        "The Quiet Harbor", "Open Sea", "The Lantern Inn"]
    assert session.is_complete
    assert scheduler.stats().succeeded == 3


def test_saved_session_resumes_with_same_path_and_preferences(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "saves")
    prefs = PlayerPreferences.from_dict({"pacing": "slow", "text_size": 20})
    session = PlayerSession("p-11", STORY, "harbor", prefs)
    session.choose("inn")
    saved = store.save(session)
    assert json.loads(saved.read_text())["path"] == ["harbor", "inn"]
    restored = store.load("p-11", STORY)
    assert restored.summary()["path"] == ["harbor", "inn"]
    assert restored.preferences == prefs
    _, _, director = build()
    director.request(restored)
    assert "<= 220 words" in director.narration(restored)


def test_feedback_from_playthroughs() -> None:
    feedback = FeedbackAggregator()
    for player, scene, rating, comment in [
        ("p-1", "harbor", 9, "lovely"), ("p-2", "harbor", 10, ""),
        ("p-3", "cave", 4, "confusing and dark"), ("p-4", "inn", 8, "cozy"),
    ]:
        feedback.add(FeedbackEntry(player, scene, rating, comment))
    assert feedback.net_promoter_score() == 25.0
    assert [entry.player_id for entry in feedback.flagged()] == ["p-3"]
    assert feedback.weakest_scenes(1) == ["cave"]
