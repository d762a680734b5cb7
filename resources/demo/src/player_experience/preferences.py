"""What a player told us about how they want to play."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any, Mapping

TEXT_SIZE_RANGE = (12, 32)


class Intensity(enum.Enum):
    GENTLE = "gentle"
    MODERATE = "moderate"
    INTENSE = "intense"


class Pacing(enum.Enum):
    SLOW = "slow"
    NORMAL = "normal"
    FAST = "fast"


class PreferencesError(ValueError):
    """A preferences document that cannot be used, naming the bad field."""

    def __init__(self, field_name: str, message: str) -> None:
        self.field_name = field_name
        super().__init__(f"{field_name}: {message}")


@dataclass(frozen=True)
class PlayerPreferences:
    intensity: Intensity = Intensity.MODERATE
    pacing: Pacing = Pacing.NORMAL
    text_size: int = 16
    content_warnings: frozenset[str] = field(default_factory=frozenset)
    screen_reader: bool = False

    def __post_init__(self) -> None:
        low, high = TEXT_SIZE_RANGE
        if not low <= self.text_size <= high:
            raise PreferencesError("text_size", f"must be between {low} and {high}, "
                                                f"got {self.text_size}")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PlayerPreferences:
        """Build preferences from a stored profile; unknown keys are an error."""
        known = {"intensity", "pacing", "text_size", "content_warnings", "screen_reader"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise PreferencesError(unknown[0], "unknown preference")
        intensity = _enum_value(Intensity, "intensity", data.get("intensity", "moderate"))
        pacing = _enum_value(Pacing, "pacing", data.get("pacing", "normal"))
        text_size = data.get("text_size", 16)
        if not isinstance(text_size, int) or isinstance(text_size, bool):
            raise PreferencesError("text_size", f"must be an integer, got {text_size!r}")
        warnings = data.get("content_warnings", [])
        if not isinstance(warnings, (list, tuple, set, frozenset)) or not all(
                isinstance(item, str) for item in warnings):
            raise PreferencesError("content_warnings", "must be a list of strings")
        screen_reader = data.get("screen_reader", False)
        if not isinstance(screen_reader, bool):
            raise PreferencesError("screen_reader", "must be true or false")
        return cls(intensity=intensity, pacing=pacing, text_size=text_size,
                   content_warnings=frozenset(w.strip().lower() for w in warnings),
                   screen_reader=screen_reader)

    def to_dict(self) -> dict[str, Any]:
        return {
            "intensity": self.intensity.value,
            "pacing": self.pacing.value,
            "text_size": self.text_size,
            "content_warnings": sorted(self.content_warnings),
            "screen_reader": self.screen_reader,
        }

    def merged(self, overrides: Mapping[str, Any]) -> PlayerPreferences:
        """A copy with some fields replaced, validated like a stored profile."""
        merged = self.to_dict()
        merged.update(overrides)
        return PlayerPreferences.from_dict(merged)

    def allows(self, themes: frozenset[str]) -> bool:
        """False when a scene touches a theme the player asked to be warned about."""
        return not (themes & self.content_warnings)

    def with_intensity(self, intensity: Intensity) -> PlayerPreferences:
        return replace(self, intensity=intensity)


def _enum_value(enum_type: type[enum.Enum], field_name: str, raw: Any) -> Any:
    try:
        return enum_type(raw)
    except ValueError:
        choices = ", ".join(member.value for member in enum_type)
        raise PreferencesError(field_name, f"must be one of {choices}, got {raw!r}") from None
