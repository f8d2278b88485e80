"""A server's guard sensitivity: named levels, the review band below the threshold, and
which side of them a score falls on. The scores themselves are the guard's (bot/guard)."""

from __future__ import annotations

from typing import Literal

from bot.community.review import Sensitivity
from bot.guard import DEFAULT_THRESHOLD, REVIEW_BAND

# Named levels, strictest first. "balanced" is the guard's own default.
LEVELS: dict[str, float] = {"strict": 0.45, "balanced": DEFAULT_THRESHOLD, "relaxed": 0.75}
LOWEST, HIGHEST = 0.3, 0.95  # a number outside these is refused
# The review band is as wide below any threshold as the guard's own is below its default.
BAND_WIDTH = round(DEFAULT_THRESHOLD - REVIEW_BAND, 3)
BAND_FLOOR = 0.1  # never ask about scores this low, whatever the threshold

Outcome = Literal["tag", "review", "fine"]


def sensitivity(threshold: float | None) -> Sensitivity:
    """The sensitivity for a stored threshold (None: the server never chose one)."""
    value = DEFAULT_THRESHOLD if threshold is None else threshold
    level = next((name for name, at in LEVELS.items() if abs(at - value) < 1e-9), None)
    review_from = max(BAND_FLOOR, round(value - BAND_WIDTH, 3))
    return Sensitivity(value, review_from, level, default=threshold is None)


def parse_level(text: str) -> float | None:
    """A level's name or a number between LOWEST and HIGHEST; None when it is neither."""
    cleaned = text.strip().casefold()
    if cleaned in LEVELS:
        return LEVELS[cleaned]
    try:
        number = float(cleaned.rstrip("%")) / (100 if cleaned.endswith("%") else 1)
    except ValueError:
        return None
    if not LOWEST <= number <= HIGHEST:
        return None
    return round(number, 2)


def outcome(score: float, chosen: Sensitivity) -> Outcome:
    """What the guard does with a message of this score in this server."""
    if score >= chosen.threshold:
        return "tag"
    if score >= chosen.review_from:
        return "review"
    return "fine"
