"""A player's walk through a branching story."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Callable

from player_experience.preferences import PlayerPreferences

logger = logging.getLogger(__name__)


class InvalidChoiceError(ValueError):
    """The player picked something the current scene does not offer."""


@dataclass(frozen=True)
class Choice:
    choice_id: str
    label: str
    target_scene: str


@dataclass(frozen=True)
class Scene:
    scene_id: str
    title: str
    choices: tuple[Choice, ...] = ()
    themes: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_ending(self) -> bool:
        return not self.choices

    def choice(self, choice_id: str) -> Choice:
        for choice in self.choices:
            if choice.choice_id == choice_id:
                return choice
        offered = ", ".join(c.choice_id for c in self.choices) or "none (ending)"
        raise InvalidChoiceError(
            f"scene {self.scene_id!r} has no choice {choice_id!r} (offered: {offered})")


@dataclass
class HistoryEntry:
    scene_id: str
    choice_id: str | None
    at: float


class PlayerSession:
    """Tracks where a player is, what they chose, and skips scenes they opted out of."""

    def __init__(self, player_id: str, scenes: dict[str, Scene], start: str,
                 preferences: PlayerPreferences | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        if not player_id:
            raise ValueError("player_id must not be empty")
        if start not in scenes:
            raise KeyError(f"start scene {start!r} is not part of the story")
        for scene in scenes.values():
            for choice in scene.choices:
                if choice.target_scene not in scenes:
                    raise KeyError(f"scene {scene.scene_id!r}, choice {choice.choice_id!r}: "
                                   f"target {choice.target_scene!r} does not exist")
        self.player_id = player_id
        self.preferences = preferences or PlayerPreferences()
        self._scenes = scenes
        self._clock = clock
        self._current = start
        self._history: list[HistoryEntry] = [HistoryEntry(start, None, clock())]

    @property
    def current(self) -> Scene:
        return self._scenes[self._current]

    @property
    def history(self) -> list[HistoryEntry]:
        return list(self._history)

    @property
    def is_complete(self) -> bool:
        return self.current.is_ending

    def available_choices(self) -> list[Choice]:
        """The current scene's choices, without those leading into opted-out themes."""
        return [choice for choice in self.current.choices
                if self.preferences.allows(self._scenes[choice.target_scene].themes)]

    def choose(self, choice_id: str) -> Scene:
        choice = self.current.choice(choice_id)
        target = self._scenes[choice.target_scene]
        if not self.preferences.allows(target.themes):
            raise InvalidChoiceError(
                f"choice {choice_id!r} leads to content the player opted out of")
        logger.info("player %s: %s -> %s", self.player_id, self._current, target.scene_id)
        self._history.append(HistoryEntry(target.scene_id, choice_id, self._clock()))
        self._current = target.scene_id
        return target

    def rewind(self, steps: int = 1) -> Scene:
        """Go back ``steps`` choices (the player's "undo")."""
        if steps < 1:
            raise ValueError("steps must be >= 1")
        if steps >= len(self._history):
            raise ValueError(f"cannot rewind {steps} step(s); only "
                             f"{len(self._history) - 1} choice(s) made")
        del self._history[-steps:]
        self._current = self._history[-1].scene_id
        return self.current

    def elapsed_seconds(self) -> float:
        return self._clock() - self._history[0].at

    def summary(self) -> dict[str, object]:
        return {
            "player_id": self.player_id,
            "current_scene": self._current,
            "choices_made": len(self._history) - 1,
            "complete": self.is_complete,
            "path": [entry.scene_id for entry in self._history],
        }
