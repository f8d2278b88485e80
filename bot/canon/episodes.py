"""Episode and season references ("S3E10", "SC S1E8") and their parsing from what fans type.

A reference names its series by the series' short code (``series.toml``): For All
Mankind, the first series, has the empty code, so its codes read "S3E10" as they always
have; Star City's read "SC S1E8". The code is also packed into the integer key the
database stores, so a key says which series it belongs to without any lookup table.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

SEASON_MAX = 30  # bounds for what members may type and files may hold, not data
EPISODE_MAX = 30
CODE_LETTERS = 3  # a series code: up to three capital letters ("" for the first series)

# "S3E10", "s03e10", "3x10", "3.10", "season 3 episode 10", "S3 E10"
_CODE = re.compile(
    r"^\s*(?:s(?:eason)?\s*)?0*(\d{1,2})\s*(?:e(?:p(?:isode)?)?|x|\.|:)\s*0*(\d{1,2})\s*$",
    re.IGNORECASE,
)
# A series code in front of one of those: "SC S1E8", "sc: 1x8", "SC1E8".
_PREFIXED = re.compile(r"^\s*([a-z]{1,3}?)[\s:·-]*((?:s|season)?\s*\d.*)$", re.IGNORECASE)
_SERIES_CODE = re.compile(rf"^[A-Z]{{0,{CODE_LETTERS}}}$")
_KEY_BLOCK = 10000  # key = series number * 10000 + season * 100 + episode


def is_series_code(code: str) -> bool:
    return bool(_SERIES_CODE.match(code))


def series_number(code: str) -> int:
    """ "" -> 0, "A" -> 1 … "Z" -> 26, "AA" -> 27: every code gets its own number, and the
    first series keeps 0, so keys stored before there were two series stay valid."""
    if not is_series_code(code):
        raise ValueError(f"not a series code: {code!r}")
    number = 0
    for letter in code:
        number = number * 26 + (ord(letter) - ord("A") + 1)
    return number


def series_code(number: int) -> str:
    """The inverse of ``series_number``."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _prefix(series: str) -> str:
    return f"{series} " if series else ""


@dataclass(frozen=True, order=True)
class SeasonRef:
    series: str
    number: int

    @property
    def key(self) -> int:
        """The database key of a season: series number * 100 + season."""
        return series_number(self.series) * 100 + self.number

    @classmethod
    def from_key(cls, key: int) -> SeasonRef:
        return cls(series_code(key // 100), key % 100)

    @property
    def label(self) -> str:
        """ "season 3", or "SC season 1" for another series."""
        return f"{_prefix(self.series)}season {self.number}"

    def episode(self, number: int) -> EpisodeRef:
        return EpisodeRef(self.number, number, self.series)


@functools.total_ordering
@dataclass(frozen=True)
class EpisodeRef:
    season: int
    number: int
    series: str = ""  # the series' code; "" is For All Mankind

    @property
    def code(self) -> str:
        return f"{_prefix(self.series)}S{self.season}E{self.number}"

    @property
    def key(self) -> int:
        """Stable integer id used as the database key (S3E10 -> 310, SC S1E8 -> 4970108)."""
        return series_number(self.series) * _KEY_BLOCK + self.season * 100 + self.number

    @property
    def season_ref(self) -> SeasonRef:
        return SeasonRef(self.series, self.season)

    @classmethod
    def from_key(cls, key: int) -> EpisodeRef:
        block, rest = divmod(key, _KEY_BLOCK)
        return cls(rest // 100, rest % 100, series_code(block))

    @classmethod
    def parse(cls, text: str, series: str = "") -> EpisodeRef | None:
        """Parse an episode code; ``series`` is meant when the text names none. A prefix
        ("SC S1E8") names the series; whether it exists is for the caller to check. None
        when the text is not a code (ranges are not checked)."""
        match = _CODE.match(text)
        if match is not None:
            return cls(int(match.group(1)), int(match.group(2)), series)
        prefixed = _PREFIXED.match(text)
        if prefixed is None:
            return None
        match = _CODE.match(prefixed.group(2))
        if match is None:
            return None
        return cls(int(match.group(1)), int(match.group(2)), prefixed.group(1).upper())

    def __lt__(self, other: object) -> bool:
        # Comparing episodes of two series means nothing; keys keep a series together.
        if not isinstance(other, EpisodeRef):
            return NotImplemented
        return self.key < other.key

    def __str__(self) -> str:
        return self.code


def seasons_text(seasons: Iterable[SeasonRef]) -> str:
    """ "season 3", "seasons 2, 3", "seasons 2, 3 and SC season 1"."""
    found = set(seasons)
    parts = []
    for series in sorted({s.series for s in found}):
        numbers = sorted(s.number for s in found if s.series == series)
        plural = "s" if len(numbers) > 1 else ""
        parts.append(f"{_prefix(series)}season{plural} {', '.join(map(str, numbers))}")
    return " and ".join(parts)
