"""Reading a message as Discord would: what is visible, what is hidden, on which surface."""

from __future__ import annotations

import dataclasses
import enum
import functools
import re
import typing
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.spoilers.policy import Detail


def spoiler_regions(markdown: str) -> list[tuple[bool, str]]:
    """Split Discord markdown into (hidden, text) runs, honouring backslash escapes.

    A model of how Discord reads ``||``: a backslash makes the next character literal,
    and each unescaped ``||`` toggles the spoiler state.
    """
    runs: list[tuple[bool, str]] = []
    hidden, text = False, list[str]()
    for escaped, toggle, literal in _MARKUP.findall(markdown):
        if toggle:
            runs.append((hidden, "".join(text)))
            hidden, text = not hidden, []
        else:
            text.append(escaped or literal)
    runs.append((hidden, "".join(text)))
    return [(h, t) for h, t in runs if t]


# What spoiler_regions reads, a token at a time (its loop went a character at a time, a
# sixth of the property tests' time): a backslash and the character it makes literal,
# an unescaped ``||``, or literal text (a lone ``|``, a backslash that ends the text).
_MARKUP = re.compile(r"\\(.)|(\|\|)|([^\\|]+|[\\|])", re.DOTALL)


WORD = re.compile(r"[a-z0-9]+")
YEAR = re.compile(r"(19|20)\d\d")
NGRAM = 5


def visible(markdown: str) -> str:
    """The text Discord shows without a click: spoiler regions removed, escapes resolved."""
    return " ".join(text for hidden, text in spoiler_regions(markdown) if not hidden)


def hidden(markdown: str) -> str:
    return " ".join(text for is_hidden, text in spoiler_regions(markdown) if is_hidden)


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


# ngrams and runs keep their answers: the audits ask again and again about the same texts
# (every detail of the canon, for each example a property test tries).
@functools.lru_cache(maxsize=16384)
def ngrams(text: str, n: int = NGRAM) -> frozenset[tuple[str, ...]]:
    """The text's word n-grams; a text shorter than n words is one short gram."""
    tokens = words(text)
    if len(tokens) < n:
        return frozenset({tuple(tokens)} if tokens else ())
    return frozenset(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@functools.lru_cache(maxsize=16384)
def runs(text: str, longest: int = NGRAM) -> frozenset[tuple[str, ...]]:
    """Every contiguous run of 1 to ``longest`` words: what a secret gram could match."""
    tokens = words(text)
    return frozenset(
        tuple(tokens[i : i + n]) for n in range(1, longest + 1) for i in range(len(tokens) - n + 1)
    )


def secret_grams(tagged: list[str], open_text: list[str]) -> set[tuple[str, ...]]:
    """Grams of tagged texts that no spoiler-free text contains anywhere."""
    allowed: set[tuple[str, ...]] = set()
    for text in open_text:
        allowed |= runs(text)
    found: set[tuple[str, ...]] = set()
    for text in tagged:
        found |= ngrams(text)
    # A lone common word ("child") is not a detail; a lone year can be (a time jump).
    return {g for g in found - allowed if len(g) > 1 or YEAR.fullmatch(g[0])}


@dataclass
class Surfaces:
    """A message payload split into surfaces that can hide spoilers and those that cannot."""

    taggable: list[str]  # content, embed descriptions, field values
    plain: list[str]  # titles, field names, footers, authors, labels, choices

    @classmethod
    def of_message(cls, data: dict[str, Any]) -> Surfaces:
        taggable = [str(data.get("content") or "")]
        plain: list[str] = []
        for embed in data.get("embeds") or []:
            taggable.append(str(embed.get("description") or ""))
            plain.append(str(embed.get("title") or ""))
            plain.append(str((embed.get("footer") or {}).get("text") or ""))
            plain.append(str((embed.get("author") or {}).get("name") or ""))
            for field in embed.get("fields") or []:
                plain.append(str(field.get("name") or ""))
                taggable.append(str(field.get("value") or ""))
        for row in data.get("components") or []:
            for item in row.get("components") or []:
                plain.append(str(item.get("label") or ""))
                plain.append(str(item.get("placeholder") or ""))
                for option in item.get("options") or []:
                    plain.extend(str(option.get(k) or "") for k in ("label", "description"))
        for choice in data.get("choices") or []:
            plain.append(str(choice.get("name") or ""))
        return cls(taggable, plain)

    def leaks(self, secrets: Iterable[tuple[str, ...]]) -> list[str]:
        """Every place a secret n-gram can be read without clicking a spoiler tag."""
        secret_set = set(secrets)
        found = []
        for surface in self.plain:
            for gram in runs(surface) & secret_set:
                found.append(f"plain surface {surface!r} shows {' '.join(gram)!r}")
        for surface in self.taggable:
            for gram in runs(visible(surface)) & secret_set:
                found.append(f"untagged text {surface[:80]!r} shows {' '.join(gram)!r}")
        return found


# --- finding the story text to audit ------------------------------------------------
#
# Story text is typed: a record holds it as a ``Detail`` (text plus where it is revealed),
# never as a bare ``str``. So the audit finds it by walking the records, and a new field
# or a new kind of record is audited without anyone listing it here.

Leaf = str | bytes | int | float | bool | enum.Enum | date | None


def walk_details(value: object, where: str = "") -> Iterator[tuple[str, Detail]]:
    """Every ``Detail`` reachable from ``value`` (records, their properties, containers),
    each with where it was found ("Character.facts", "Fact.detail")."""
    if isinstance(value, Detail):
        yield where, value
    elif isinstance(value, Leaf):
        return
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from walk_details(item, where)
    elif isinstance(value, Iterable):
        for item in value:
            yield from walk_details(item, where)
    elif dataclasses.is_dataclass(value):
        for name in attributes(type(value)):
            yield from walk_details(getattr(value, name), f"{type(value).__name__}.{name}")
    else:
        raise TypeError(f"{where}: the audit cannot read a {type(value).__name__}")


def attributes(record: type) -> list[str]:
    """A record's fields and properties (properties derive story text too: a dated event)."""
    names = [f.name for f in dataclasses.fields(record)]
    names += [n for c in record.__mro__ for n, a in vars(c).items() if isinstance(a, property)]
    return list(dict.fromkeys(names))


def story_details(root: object) -> list[Detail]:
    """Every piece of story text in ``root`` (the content bundle), each once."""
    return list(dict.fromkeys(detail for _, detail in walk_details(root)))


# Fields and properties of the content's records typed ``str`` that hold no story text
# (names, ids, codes, titles, sources, the guard's words). A new ``str`` field fails the
# audit's self-check until it is listed here, or, if it tells the story, typed ``Detail``.
NOT_STORY_TEXT = frozenset(
    {
        "ContentBundle.fingerprint",
        "ContentBundle.guard_idioms",
        "Source.id",
        "Source.title",
        "Source.url",
        "Season.sources",
        "Season.series",  # a series code, e.g. "SC"
        "SeasonRef.series",
        "SeasonRef.label",
        "Series.code",
        "Series.slug",
        "Series.name",
        "Series.sources",
        "EpisodeRef.series",
        "Episode.title",  # public; past a viewer's progress it goes through Episode.heading
        "Episode.air_date_note",
        "Episode.sources",
        "Label.text",
        "Label.neutral",
        "EpisodeRef.code",
        "Character.id",
        "Character.series",
        "Character.name",
        "Character.aliases",
        "Character.sources",
        "Role.character_id",
        "Role.character_name",
        "Role.series",
        "Role.actor_id",
        "Role.actor_name",
        "Role.credit",
        "Role.sources",
        "Fact.subject_id",
        "Fact.sources",
        "Fact.key",
        "TimelineEvent.sources",
        "GuardRule.id",
        "GuardRule.subjects",
        "GuardRule.actions",
        "GuardRule.covers",
        # What the guard knows (bot/guard/lexicon.py and the characters' known_as): words
        # it looks for in members' messages, ids and names; never shown to anyone.
        "KnownAs.words",
        "KnownAs.of",
        "KnownAs.sources",
        "Lexicon.cues",
        "Lexicon.weak_cues",
        "Lexicon.words",
        "Lexicon.relations",
        "Lexicon.idioms",
        "Lexicon.episodes",  # episode titles to recognise in messages, never shown from here
        "Person.id",
        "Person.names",
        "Person.gender",  # "she" or "he", for the guard's pronouns
        "Role.words",  # the lexicon's Role (a way to point at a character), and
        "Role.of",  # the id of the character a relation is to
    }
)


def record_types(root: type) -> list[type]:
    """Every record class reachable from ``root`` through its attributes' types (not
    looking inside ``Detail``: that is the story text)."""
    seen: list[type] = []

    def visit(hint: object) -> None:
        for cls in classes_in(hint):
            if dataclasses.is_dataclass(cls) and cls is not Detail and cls not in seen:
                seen.append(cls)
                for attribute in attribute_hints(cls).values():
                    visit(attribute)

    visit(root)
    return seen


def attribute_hints(record: type) -> dict[str, object]:
    """The declared type of each field and property of ``record``."""
    hints: dict[str, object] = typing.get_type_hints(record)
    for name in attributes(record):
        if name not in hints:
            getter = getattr(record, name).fget
            hints[name] = typing.get_type_hints(getter).get("return")
    return {name: hints[name] for name in attributes(record)}


def classes_in(hint: object) -> set[type]:
    """The classes a type mentions: ``tuple[Fact, ...] | None`` -> {tuple, Fact, NoneType}."""
    found: set[type] = set()
    origin = typing.get_origin(hint)
    if origin is None and isinstance(hint, type):
        found.add(hint)
    elif isinstance(origin, type):
        found.add(origin)
    for argument in typing.get_args(hint):
        found |= classes_in(argument)
    return found
