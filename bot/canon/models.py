"""Typed canon records, as the store returns them and the content loader builds them.

Story text is held as ``Detail`` (text plus the episode that reveals it), never as a
bare string, so a renderer cannot put it on a surface that cannot hide it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from bot.canon.episodes import EpisodeRef, SeasonRef
from bot.spoilers.policy import Detail, Label, Reveal


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str


@dataclass(frozen=True)
class Series:
    """One show in the store: For All Mankind, Star City. A folder under data/canon."""

    code: str  # prefix of its episode codes ("" for the first series, "SC"); part of keys
    slug: str  # its folder name, e.g. "star-city"
    name: str
    is_default: bool  # what commands mean when a member names no series
    sources: tuple[str, ...]


class SeasonStatus(enum.Enum):
    AIRED = "aired"  # it has dates and episodes
    ANNOUNCED = "announced"  # announced, with nothing else verified yet


@dataclass(frozen=True)
class Season:
    ref: SeasonRef
    setting: Detail | None  # in-universe span as fans describe it, e.g. "1969–1974"
    year_start: int | None
    year_end: int | None  # None: no source says
    premiere: date | None  # None only for an announced season
    finale: date | None
    premise: Detail | None
    sources: tuple[str, ...]
    episode_count: int | None = None  # how many the season has (or will have), if known
    status: SeasonStatus = SeasonStatus.AIRED
    final: bool = False  # announced as the series' last season

    @property
    def number(self) -> int:
        return self.ref.number

    @property
    def series(self) -> str:
        return self.ref.series


@dataclass(frozen=True)
class Episode:
    ref: EpisodeRef
    title: str | None  # None: not confirmed by any source we trust
    air_date: date | None  # None: sources disagree; air_date_note says how
    air_date_note: str | None
    years: tuple[int, ...]  # in-universe; empty when no source says
    is_finale: bool
    synopsis: Detail | None
    sources: tuple[str, ...]

    @property
    def reveal(self) -> Reveal:
        return Reveal(self.ref, self.is_finale)

    @property
    def heading(self) -> Label:
        """The episode's name for titles and choices; neutral for viewers not there yet."""
        title = self.title or "Title not confirmed yet"
        prefix = f"{self.ref.series} " if self.ref.series else ""
        neutral = f"{prefix}S{self.ref.season} E{self.ref.number}"
        neutral += " (finale)" if self.is_finale else ""
        return Label(f"{self.ref.code} · {title}", self.reveal, neutral)

    @property
    def setting(self) -> Detail | None:
        """The in-universe years, revealed by the episode itself: a finale's closing
        time jump is a finale detail."""
        if not self.years:
            return None
        return Detail(years_text(self.years), self.reveal)


def years_text(years: tuple[int, ...]) -> str:
    if len(years) > 2 and list(years) == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


@dataclass(frozen=True)
class Role:
    character_id: str
    character_name: str
    series: str  # the code of the series the character belongs to
    actor_id: str
    actor_name: str
    credit: str | None  # e.g. "adult", "teenager"
    seasons: tuple[int, ...]
    sources: tuple[str, ...]
    ended_by: Reveal | None = None  # the fate that ends the role in its last season


class FactKind(enum.Enum):
    STORY = "story"  # a development in a character's arc
    DEATH = "death"
    DEFECTION = "defection"
    EXILE = "exile"
    ARREST = "arrest"
    SURVIVAL = "survival"
    DEPARTURE = "departure"
    FINALE = "finale"  # a season finale's outcome, not tied to one character

    @property
    def is_fate(self) -> bool:
        return self not in (FactKind.STORY, FactKind.FINALE)


@dataclass(frozen=True)
class Fact:
    kind: FactKind
    subject_id: str | None  # the character it is about, if any
    detail: Detail
    sources: tuple[str, ...]
    key: str | None = None  # finale details: their id; fates: "fate:<character>:<code>"


@dataclass(frozen=True)
class GuardRule:
    """Detects a finale detail or a fate in a member's message: a sentence holding one of
    the subjects and one of the actions (a subject alone when there are no actions)."""

    id: str
    reveal: Reveal
    subjects: tuple[str, ...]
    actions: tuple[str, ...]
    covers: tuple[str, ...]  # keys of the facts it detects


@dataclass(frozen=True)
class KnownAs:
    """A way fans point at a character without naming them, for the spoiler guard: a
    role ("owner", "outpost") or, with ``of``, a relation to another character ("wife" of
    Ed). Each entry of ``words`` is a set of ``|``-separated alternatives."""

    words: tuple[str, ...]
    of: str | None  # the other character's id, for a relation
    first: EpisodeRef  # from when it points at this character
    until: EpisodeRef | None  # the last episode it does (None: still does)
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Character:
    id: str
    name: str
    series: str  # the code of the series the character belongs to
    aliases: tuple[str, ...]
    occupation: Detail | None  # as first introduced
    affiliation: Detail | None  # as first introduced
    first_appearance: EpisodeRef | None
    known_from: EpisodeRef | None  # when first_appearance is unknown: intro known by here
    summary: Detail | None
    sources: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    facts: tuple[Fact, ...] = ()  # story developments and fates, in reveal order
    known_as: tuple[KnownAs, ...] = ()  # roles and relations (the spoiler guard's)

    @property
    def introduced(self) -> Reveal | None:
        """When the viewer first meets them (as far as our sources say)."""
        for detail in (self.summary, self.occupation, self.affiliation):
            if detail is not None:
                return detail.reveal
        shown = self.first_appearance or self.known_from
        return Reveal(shown, False) if shown else None


@dataclass(frozen=True)
class CharacterName:
    """A character as name lookup needs it: its names, and where the viewer meets it."""

    id: str
    name: str
    aliases: tuple[str, ...]
    introduced: Reveal | None
    series: str = ""


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class TimelineEvent:
    year: int
    detail: Detail
    divergence: bool  # departs from real-world history
    sources: tuple[str, ...]

    @property
    def dated(self) -> Detail:
        """The event with its year: when a finale jumps ahead, the year is the secret."""
        return Detail(f"{self.year} · {self.detail.text}", self.detail.reveal)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "character", "episode", "event", "fact"
    ref: str  # character id, episode key, event id or fact id
    name: str | Label  # for a plain surface: a name, or a label the policy may neutralise
    body: Detail | None  # the matching story text, if any


@dataclass(frozen=True)
class SeriesCounts:
    """What the store holds about one series (for /about)."""

    series: Series
    seasons: int  # aired seasons
    episodes: int
    characters: int
    events: int
    announced: tuple[Season, ...] = ()  # seasons announced and not yet aired


@dataclass(frozen=True)
class CanonCounts:
    seasons: int
    episodes: int
    characters: int
    actors: int
    events: int
    facts: int
    finale_details: int
    sources: int
    per_series: tuple[SeriesCounts, ...] = ()
