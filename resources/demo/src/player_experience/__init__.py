"""Player Experience

Maturity Stage: development
Coverage: 56%
Last Updated: 2025-10-20
"""

__version__ = "0.2.0"
__maturity__ = "development"

from player_experience.feedback import FeedbackAggregator, FeedbackEntry
from player_experience.narrative import NarrativeDirector
from player_experience.persistence import SaveGameError, SessionStore
from player_experience.preferences import Intensity, Pacing, PlayerPreferences
from player_experience.session import (
    Choice,
    InvalidChoiceError,
    PlayerSession,
    Scene,
)

__all__ = [
    "Choice",
    "FeedbackAggregator",
    "FeedbackEntry",
    "Intensity",
    "InvalidChoiceError",
    "NarrativeDirector",
    "Pacing",
    "PlayerPreferences",
    "PlayerSession",
    "SaveGameError",
    "Scene",
    "SessionStore",
]
