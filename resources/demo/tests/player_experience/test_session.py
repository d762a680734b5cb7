import pytest

from player_experience import Choice, PlayerSession, Scene

STORY = {
    "gate": Scene("gate", "The Garden Gate", (
        Choice("enter", "Step inside", "garden"),
        Choice("leave", "Walk away", "road"),
    )),
    "garden": Scene("garden", "The Overgrown Garden"),
    "road": Scene("road", "The Long Road"),
}


def test_session_starts_at_start_scene() -> None:
    session = PlayerSession("p-1", STORY, "gate")
    assert session.current.title == "The Garden Gate"
    assert not session.is_complete


def test_unknown_start_scene() -> None:
    with pytest.raises(KeyError, match="start scene"):
        PlayerSession("p-1", STORY, "cellar")
