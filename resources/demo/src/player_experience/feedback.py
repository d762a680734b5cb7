"""Aggregates post-session feedback into the numbers the design team reviews."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass

FLAG_WORDS = frozenset({"confusing", "stuck", "crash", "upsetting", "broken", "unfair"})


@dataclass(frozen=True)
class FeedbackEntry:
    player_id: str
    scene_id: str
    rating: int  # 0..10, "how likely are you to recommend this story"
    comment: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.rating <= 10:
            raise ValueError(f"rating must be 0..10, got {self.rating}")

    @property
    def flagged(self) -> bool:
        words = {word.strip(".,!?;:").lower() for word in self.comment.split()}
        return bool(words & FLAG_WORDS)


class FeedbackAggregator:
    def __init__(self) -> None:
        self._entries: list[FeedbackEntry] = []

    def add(self, entry: FeedbackEntry) -> None:
        self._entries.append(entry)

    def __len__(self) -> int:
        return len(self._entries)

    def average_rating(self) -> float | None:
        if not self._entries:
            return None
        return statistics.fmean(entry.rating for entry in self._entries)

    def net_promoter_score(self) -> float | None:
        """Promoters (9-10) minus detractors (0-6), in percent of all answers."""
        if not self._entries:
            return None
        promoters = sum(1 for entry in self._entries if entry.rating >= 9)
        detractors = sum(1 for entry in self._entries if entry.rating <= 6)
        return 100.0 * (promoters - detractors) / len(self._entries)

    def flagged(self) -> list[FeedbackEntry]:
        return [entry for entry in self._entries if entry.flagged]

    def by_scene(self) -> dict[str, float]:
        ratings: dict[str, list[int]] = defaultdict(list)
        for entry in self._entries:
            ratings[entry.scene_id].append(entry.rating)
        return {scene: statistics.fmean(values) for scene, values in sorted(ratings.items())}

    def weakest_scenes(self, limit: int = 3) -> list[str]:
        scores = self.by_scene()
        return sorted(scores, key=lambda scene: (scores[scene], scene))[:limit]
