"""The spoiler guard's review band, as stored: a server's sensitivity, and the messages
the guard asked its moderators about (each one, once decided, a labelled example)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Label = Literal["spoiler", "fine"]


@dataclass(frozen=True)
class Review:
    """A message the guard was unsure about; ``label`` None until a moderator decides."""

    message_id: int
    guild_id: int
    channel_id: int
    author_id: int
    content: str  # member text: escaped and tagged wherever it is shown
    score: float
    threshold: float
    rules: tuple[str, ...]  # rule keys name characters and episodes: tags only
    seen_at: datetime
    log_message_id: int | None = None
    label: Label | None = None
    decided_by: int | None = None
    decided_at: datetime | None = None

    @property
    def spoiler(self) -> bool:
        return self.label == "spoiler"


@dataclass(frozen=True)
class Sensitivity:
    """How sure the guard must be in a server: at or above ``threshold`` it tags; from
    ``review_from`` up to it, it asks the moderators; below, it lets the message be."""

    threshold: float
    review_from: float
    level: str | None  # "strict", "balanced", "relaxed"; None for a number of the server's
    default: bool  # the server never chose (the guard's own default)
