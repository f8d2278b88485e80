"""The in-memory name index behind autocomplete and name resolution.

Built once from the store after content loads, so a keystroke never touches disk.
Labels are names and episode codes/titles only: nothing here is a story detail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.canon.episodes import EpisodeRef
from bot.canon.models import CharacterName, Episode, Series
from bot.spoilers.policy import PUBLIC, Audience, Reveal, is_suggestible
from bot.text import normalise as normalise  # re-exported for callers that look here

CHOICE_LIMIT = 25  # Discord's maximum number of autocomplete choices
CHOICE_CHARS = 100  # Discord's maximum length of a choice name and value
_FUZZY_CUTOFF = 70.0
_SHORT_QUERY_CUTOFF = 80.0
_RESOLVE_CUTOFF = 88.0


def _clip(text: str) -> str:
    return text if len(text) <= CHOICE_CHARS else text[: CHOICE_CHARS - 1] + "…"


@dataclass(frozen=True)
class Choice:
    name: str  # what the member sees
    value: str  # what the command receives


@dataclass(frozen=True)
class Resolution:
    """The entity a typed name refers to, or the closest labels when none fits."""

    value: str | None
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Entry:
    value: str
    label: str
    keys: tuple[str, ...]  # normalised names this entry answers to
    reveal: Reveal | None  # where the viewer first meets it (None: no restriction)
    neutral: str | None  # shown instead of the label past the viewer's progress
    group: str  # the code of the series it belongs to


@dataclass(frozen=True)
class Named:
    """One entity for the index: its value, its label and every name it answers to."""

    value: str
    label: str
    names: tuple[str, ...] = ()
    reveal: Reveal | None = None
    neutral: str | None = None  # None: not suggested at all past the viewer's progress
    group: str = ""  # the code of the series it belongs to ("" for the default)


class NameIndex:
    """Typo-tolerant lookup over one kind of entity (characters, actors or episodes).

    Entries may belong to groups (their series): two series can each have an "Irina".
    Asked within a group, only its entries answer; asked without one, an exact name
    means the entry listed first (the default series is listed first).
    """

    def __init__(self, entries: Iterable[Named]) -> None:
        self._entries: list[_Entry] = []
        self._by_value: dict[str, _Entry] = {}
        self._by_key: dict[str, list[_Entry]] = {}
        self._keys: list[str] = []
        self._key_owner: list[_Entry] = []
        for named in entries:
            names = (named.label, *named.names)
            keys = tuple(dict.fromkeys(k for k in (normalise(n) for n in names) if k))
            neutral = _clip(named.neutral) if named.neutral else None
            entry = _Entry(
                named.value, _clip(named.label), keys, named.reveal, neutral, named.group
            )
            self._entries.append(entry)
            self._by_value[named.value] = entry
            for key in keys:
                self._by_key.setdefault(key, []).append(entry)
                self._keys.append(key)
                self._key_owner.append(entry)

    def __len__(self) -> int:
        return len(self._entries)

    def _exact(self, query: str, group: str | None) -> _Entry | None:
        return next(
            (e for e in self._by_key.get(query, ()) if group is None or e.group == group), None
        )

    def _ranked(self, query: str, limit: int) -> list[_Entry]:
        ranked: list[_Entry] = list(self._by_key.get(query, ()))
        ranked.extend(
            owner
            for key, owner in zip(self._keys, self._key_owner, strict=True)
            if key.startswith(query) or f" {query}" in key
        )
        if len(query) > 2 and len(set(map(id, ranked))) < limit:
            # Short queries match too much by accident ("kel" in "Clarke"): be stricter.
            cutoff = _FUZZY_CUTOFF if len(query) > 4 else _SHORT_QUERY_CUTOFF
            matches = process.extract(
                query, self._keys, scorer=fuzz.WRatio, limit=limit * 2, score_cutoff=cutoff
            )
            ranked.extend(self._key_owner[index] for _, _, index in matches)
        unique: dict[str, _Entry] = {}
        for entry in ranked:
            unique.setdefault(entry.value, entry)
        return list(unique.values())[:limit]

    def suggest(
        self,
        text: str,
        audience: Audience = PUBLIC,
        limit: int = CHOICE_LIMIT,
        group: str | None = None,
    ) -> list[Choice]:
        """Choices for a partly typed name: exact, then prefix, then fuzzy matches; only
        ``group``'s when one is given.

        Past the viewer's progress an entry shows its neutral label ("S4 E10 (finale)"),
        or is not suggested at all when it has none (a character not met yet).
        """
        query = normalise(text)
        ranked = self._entries if not query else self._ranked(query, len(self._entries))
        choices: list[Choice] = []
        for entry in ranked:
            if group is not None and entry.group != group:
                continue
            shown = _shown_label(entry, audience)
            if shown is not None:
                choices.append(Choice(shown, entry.value))
            if len(choices) == limit:
                break
        return choices

    def resolve(
        self, text: str, audience: Audience = PUBLIC, group: str | None = None
    ) -> Resolution:
        """The entity meant by ``text`` (an autocomplete value, a name or a near miss),
        within ``group`` when one is given; suggestions, when nothing fits, follow
        ``audience``'s progress like autocomplete."""
        if text in self._by_value:
            return Resolution(text)
        query = normalise(text)
        if not query:
            return Resolution(None)
        exact = self._exact(query, group)
        if exact:
            return Resolution(exact.value)
        best = [
            found
            for found in process.extract(query, self._keys, scorer=fuzz.WRatio, limit=12)
            if group is None or self._key_owner[found[2]].group == group
        ][:6]
        owners: list[_Entry] = []
        for _, score, index in best:
            owner = self._key_owner[index]
            if owner not in owners and score >= _FUZZY_CUTOFF:
                owners.append(owner)
        top_score = best[0][1] if best else 0.0
        if owners and top_score >= _RESOLVE_CUTOFF:
            runner_up = next((s for _, s, i in best if self._key_owner[i] is not owners[0]), 0.0)
            if top_score - runner_up >= 4:
                return Resolution(owners[0].value)
        labels = [_shown_label(owner, audience) for owner in owners]
        return Resolution(None, tuple(label for label in labels if label)[:5])


def _shown_label(entry: _Entry, audience: Audience) -> str | None:
    """The label ``audience`` may see: the real one, a neutral one, or none at all."""
    if is_suggestible(entry.reveal, audience):
        return entry.label
    return entry.neutral


def _from(series: Series | None) -> str:
    """ " · Star City" after a label from another series than the default; "" otherwise."""
    return "" if series is None or series.is_default else f" · {series.name}"


def _character(c: CharacterName, series: Series | None) -> Named:
    names = (
        c.aliases
        if series is None or series.is_default
        else (*c.aliases, f"{c.name} {series.name}")
    )
    return Named(c.id, c.name + _from(series), names, c.introduced, group=c.series)


def _episode(e: Episode, series: Series | None) -> Named:
    ref, heading = e.ref, e.heading
    names = [ref.code, e.title or "", f"season {ref.season} episode {ref.number}"]
    if series is not None and not series.is_default:
        names += [f"{series.name} S{ref.season}E{ref.number}", f"{series.name} {e.title or ''}"]
    neutral = heading.neutral + _from(series)
    return Named(
        ref.code, heading.text + _from(series), tuple(names), heading.reveal, neutral, ref.series
    )


@dataclass(frozen=True)
class Catalog:
    """Every name index the commands need, built together, and the series they span."""

    characters: NameIndex
    actors: NameIndex
    episodes: NameIndex
    series: tuple[Series, ...] = ()  # the default first

    @classmethod
    def build(
        cls,
        characters: Iterable[CharacterName],
        actors: Iterable[tuple[str, str]],
        episodes: Iterable[Episode],
        series: Iterable[Series] = (),
    ) -> Catalog:
        known = tuple(sorted(series, key=lambda s: not s.is_default))
        by_code = {s.code: s for s in known}
        order = {s.code: n for n, s in enumerate(known)}
        # The default series' entries come first: an exact name means its character.
        people = sorted(characters, key=lambda c: order.get(c.series, len(order)))
        shows = sorted(episodes, key=lambda e: (order.get(e.ref.series, len(order)), e.ref.key))
        return cls(
            characters=NameIndex(_character(c, by_code.get(c.series)) for c in people),
            actors=NameIndex(Named(aid, name) for aid, name in actors),
            episodes=NameIndex(_episode(e, by_code.get(e.ref.series)) for e in shows),
            series=known,
        )

    @property
    def default_series(self) -> str:
        """The code of the series commands mean when a member names none."""
        return self.series[0].code if self.series else ""

    def series_of(self, code: str) -> Series:
        """The series with this code (records only carry codes the catalog was built with)."""
        return next(s for s in self.series if s.code == code)

    def find_series(self, text: str) -> Series | None:
        """A series by its name, code or folder name ("Star City", "sc", "star-city")."""
        wanted = normalise(text)
        for series in self.series:
            names = (series.name, series.slug, series.code)
            if wanted and wanted in {normalise(n) for n in names if n}:
                return series
        return None

    def episode_ref(self, text: str, series: str | None = None) -> EpisodeRef | None:
        """An episode code ("S3E10" means one of ``series``, or the default series; "SC S1E8"
        names its own), or a title resolved through the index (within ``series`` if given)."""
        ref = EpisodeRef.parse(text, self.default_series if series is None else series)
        if ref is not None:
            return ref
        value = self.episodes.resolve(text, group=series).value  # a title typed in full
        return EpisodeRef.parse(value) if value else None
