"""Asks the agent orchestrator for scene narration that fits the player."""

from __future__ import annotations

import logging

from agent_orchestration import Priority, Task, TaskScheduler, TaskState
from player_experience.preferences import Intensity, Pacing
from player_experience.session import PlayerSession

logger = logging.getLogger(__name__)

FALLBACK_TEXT = "The story pauses for a moment while the world gathers itself."

_TONE = {
    Intensity.GENTLE: "warm, reassuring",
    Intensity.MODERATE: "balanced, curious",
    Intensity.INTENSE: "tense, vivid",
}
_LENGTH = {Pacing.SLOW: 220, Pacing.NORMAL: 140, Pacing.FAST: 80}


class NarrativeDirector:
    """Turns a session's current scene into a narration task and collects the text."""

    def __init__(self, scheduler: TaskScheduler, task_kind: str = "narrative.scene") -> None:
        self._scheduler = scheduler
        self._task_kind = task_kind
        self._requests: dict[str, Task] = {}

    def request(self, session: PlayerSession) -> Task:
        prefs = session.preferences
        scene = session.current
        payload = {
            "player_id": session.player_id,
            "scene": scene.scene_id,
            "title": scene.title,
            "tone": _TONE[prefs.intensity],
            "max_words": _LENGTH[prefs.pacing],
            "screen_reader": prefs.screen_reader,
            "avoid": sorted(prefs.content_warnings),
        }
        # A player waiting on screen outranks background pre-generation.
        task = self._scheduler.submit(self._task_kind, payload, priority=Priority.HIGH)
        self._requests[session.player_id] = task
        return task

    def narration(self, session: PlayerSession) -> str:
        """The narration for the player's last request, or a safe fallback."""
        task = self._requests.get(session.player_id)
        if task is None:
            raise KeyError(f"no narration requested for player {session.player_id!r}")
        if task.state is TaskState.PENDING:
            self._scheduler.run_all()
        if task.state is TaskState.SUCCEEDED and isinstance(task.result, str):
            return task.result
        logger.warning("narration for %s unavailable (%s); using fallback",
                       session.player_id, task.error or task.state.value)
        return FALLBACK_TEXT
