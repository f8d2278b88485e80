"""The in-memory name index behind autocomplete and name resolution.

Built once from the store after content loads, so a keystroke never touches disk.
Labels are names and episode codes/titles only: nothing here is a story detail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.canon.episodes import EpisodeRef
from bot.canon.models import CharacterName, Episode
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


@dataclass(frozen=True)
class Named:
    """One entity for the index: its value, its label and every name it answers to."""

    value: str
    label: str
    names: tuple[str, ...] = ()
    reveal: Reveal | None = None
    neutral: str | None = None  # None: not suggested at all past the viewer's progress


class NameIndex:
    """Typo-tolerant lookup over one kind of entity (characters, actors or episodes)."""

    def __init__(self, entries: Iterable[Named]) -> None:
        self._entries: list[_Entry] = []
        self._by_value: dict[str, _Entry] = {}
        self._by_key: dict[str, _Entry] = {}
        self._keys: list[str] = []
        self._key_owner: list[_Entry] = []
        for named in entries:
            names = (named.label, *named.names)
            keys = tuple(dict.fromkeys(k for k in (normalise(n) for n in names) if k))
            neutral = _clip(named.neutral) if named.neutral else None
            entry = _Entry(named.value, _clip(named.label), keys, named.reveal, neutral)
            self._entries.append(entry)
            self._by_value[named.value] = entry
            for key in keys:
                self._by_key.setdefault(key, entry)
                self._keys.append(key)
                self._key_owner.append(entry)

    def __len__(self) -> int:
        return len(self._entries)

    def _ranked(self, query: str, limit: int) -> list[_Entry]:
        ranked: list[_Entry] = []
        exact = self._by_key.get(query)
        if exact:
            ranked.append(exact)
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
        self, text: str, audience: Audience = PUBLIC, limit: int = CHOICE_LIMIT
    ) -> list[Choice]:
        """Choices for a partly typed name: exact, then prefix, then fuzzy matches.

        Past the viewer's progress an entry shows its neutral label ("S4 E10 (finale)"),
        or is not suggested at all when it has none (a character not met yet).
        """
        query = normalise(text)
        ranked = self._entries if not query else self._ranked(query, len(self._entries))
        choices: list[Choice] = []
        for entry in ranked:
            shown = _shown_label(entry, audience)
            if shown is not None:
                choices.append(Choice(shown, entry.value))
            if len(choices) == limit:
                break
        return choices

    def resolve(self, text: str, audience: Audience = PUBLIC) -> Resolution:
        """The entity meant by ``text`` (an autocomplete value, a name or a near miss);
        suggestions, when nothing fits, follow ``audience``'s progress like autocomplete."""
        if text in self._by_value:
            return Resolution(text)
        query = normalise(text)
        if not query:
            return Resolution(None)
        exact = self._by_key.get(query)
        if exact:
            return Resolution(exact.value)
        best = process.extract(query, self._keys, scorer=fuzz.WRatio, limit=6)
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


@dataclass(frozen=True)
class Catalog:
    """Every name index the commands need, built together."""

    characters: NameIndex
    actors: NameIndex
    episodes: NameIndex

    @classmethod
    def build(
        cls,
        characters: Iterable[CharacterName],
        actors: Iterable[tuple[str, str]],
        episodes: Iterable[Episode],
    ) -> Catalog:
        return cls(
            characters=NameIndex(Named(c.id, c.name, c.aliases, c.introduced) for c in characters),
            actors=NameIndex(Named(aid, name) for aid, name in actors),
            episodes=NameIndex(
                Named(
                    e.ref.code,
                    e.heading.text,
                    (e.ref.code, e.title or "", f"season {e.ref.season} episode {e.ref.number}"),
                    e.heading.reveal,
                    e.heading.neutral,
                )
                for e in episodes
            ),
        )

    def episode_ref(self, text: str) -> EpisodeRef | None:
        """An episode code, or a title resolved through the index."""
        ref = EpisodeRef.parse(text)
        if ref is not None:
            return ref
        value = self.episodes.resolve(text).value  # a title typed in full: no suggestions
        return EpisodeRef.parse(value) if value else None
