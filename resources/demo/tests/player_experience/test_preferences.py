import pytest

from player_experience import Intensity, Pacing, PlayerPreferences
from player_experience.preferences import PreferencesError


def test_defaults() -> None:
    prefs = PlayerPreferences()
    assert prefs.intensity is Intensity.MODERATE
    assert prefs.pacing is Pacing.NORMAL
    assert prefs.text_size == 16


def test_text_size_out_of_range() -> None:
    with pytest.raises(PreferencesError, match="text_size: must be between 12 and 32"):
        PlayerPreferences(text_size=48)


def test_unknown_intensity_names_field() -> None:
    with pytest.raises(PreferencesError, match="intensity: must be one of"):
        PlayerPreferences.from_dict({"intensity": "extreme"})
