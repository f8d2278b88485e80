"""Episode references ("S3E10") and their parsing from what fans type."""

from __future__ import annotations

import re
from dataclasses import dataclass

SEASON_COUNT = 5
EPISODES_PER_SEASON = 10

# "S3E10", "s03e10", "3x10", "3.10", "season 3 episode 10", "S3 E10"
_CODE = re.compile(
    r"^\s*(?:s(?:eason)?\s*)?0*(\d{1,2})\s*(?:e(?:p(?:isode)?)?|x|\.|:)\s*0*(\d{1,2})\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, order=True)
class EpisodeRef:
    season: int
    number: int

    @property
    def code(self) -> str:
        return f"S{self.season}E{self.number}"

    @property
    def key(self) -> int:
        """Stable integer id used as the database key (S3E10 -> 310)."""
        return self.season * 100 + self.number

    @classmethod
    def from_key(cls, key: int) -> EpisodeRef:
        return cls(key // 100, key % 100)

    @classmethod
    def parse(cls, text: str) -> EpisodeRef | None:
        """Parse an episode code; None when the text is not one (range is not checked)."""
        match = _CODE.match(text)
        if match is None:
            return None
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return self.code
