"""Saves and restores a player's progress as small JSON documents."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from player_experience.preferences import PlayerPreferences
from player_experience.session import PlayerSession, Scene

SCHEMA_VERSION = 1


class SaveGameError(ValueError):
    """A save file that cannot be loaded; the message names the file and the field."""


class SessionStore:
    """One JSON file per player under ``root``, written atomically."""

    def __init__(self, root: Path) -> None:
        self._root = Path(root)

    def path_for(self, player_id: str) -> Path:
        if not player_id or "/" in player_id or player_id.startswith("."):
            raise ValueError(f"unsafe player id {player_id!r}")
        return self._root / f"{player_id}.json"

    def save(self, session: PlayerSession) -> Path:
        document = {
            "schema_version": SCHEMA_VERSION,
            "player_id": session.player_id,
            "preferences": session.preferences.to_dict(),
            "path": [entry.scene_id for entry in session.history],
            "choices": [entry.choice_id for entry in session.history[1:]],
        }
        target = self.path_for(session.player_id)
        self._root.mkdir(parents=True, exist_ok=True)
        # Write next to the target and rename, so a crash never leaves half a save.
        fd, temp = tempfile.mkstemp(dir=self._root, prefix=".save-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(document, handle, indent=2, sort_keys=True)
            os.replace(temp, target)
        except BaseException:
            os.unlink(temp)
            raise
        return target

    def load(self, player_id: str, scenes: dict[str, Scene]) -> PlayerSession:
        path = self.path_for(player_id)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SaveGameError(f"{path}: no saved game for player {player_id!r}") from None
        except json.JSONDecodeError as error:
            raise SaveGameError(f"{path}:{error.lineno}: not valid JSON: {error.msg}") from None
        version = _field(document, path, "schema_version", int)
        if version != SCHEMA_VERSION:
            raise SaveGameError(f"{path}: schema_version {version} is not supported")
        prefs = PlayerPreferences.from_dict(_field(document, path, "preferences", dict))
        scene_path = _field(document, path, "path", list)
        choices = _field(document, path, "choices", list)
        if not scene_path or len(choices) != len(scene_path) - 1:
            raise SaveGameError(f"{path}: 'path' and 'choices' do not match")
        session = PlayerSession(player_id, scenes, scene_path[0], prefs)
        for index, choice_id in enumerate(choices, start=1):
            reached = session.choose(choice_id).scene_id
            if reached != scene_path[index]:
                raise SaveGameError(f"{path}: choice {choice_id!r} leads to {reached!r}, "
                                    f"save says {scene_path[index]!r}")
        return session


def _field(document: Any, path: Path, name: str, kind: type) -> Any:
    if not isinstance(document, dict) or name not in document:
        raise SaveGameError(f"{path}: missing field {name!r}")
    value = document[name]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise SaveGameError(f"{path}: field {name!r} must be {kind.__name__}")
    return value
