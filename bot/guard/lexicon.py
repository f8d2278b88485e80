"""What the guard knows about words and people: the vocabulary in data/canon/guard/ and
the characters' names and roles, in one plain record that ships with the canon content.

The content loader builds it (``bot/canon/guard_rules.py``) and the store keeps it as
JSON, so the guard compiles the same knowledge whether it runs in the bot, a test or a
benchmark.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources

OPEN_ENDED = 99  # a role with no last season
# The languages whose files the vocabulary comes from. A phrase from a language file other
# than English carries its language's code ("es:muere"), so the guard reads its word
# endings the way that language makes them (see bot/guard/matcher.py).
LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "ru", "ja")


def split_language(phrase: str) -> tuple[str, str]:
    """ "es:muere" -> ("es", "muere"); an unmarked phrase is English."""
    if len(phrase) > 3 and phrase[2] == ":" and phrase[:2] in LANGUAGES:
        return phrase[:2], phrase[3:]
    return "en", phrase


def plain(phrases: Iterable[str]) -> tuple[str, ...]:
    """The phrases without their language marks (nor the "=" of words matched as
    written, bot/guard/matcher.py)."""
    return tuple(split_language(p)[1].removeprefix("=") for p in phrases)


@dataclass(frozen=True)
class Role:
    """A way fans point at a character without naming them.

    ``words`` must all appear close together, each as one of its ``|`` alternatives
    ("own|owner|runs", "outpost|bar"). With ``of``, the words are a relation to another
    character, who must be named (or pointed at by a pronoun) just before: "Ed's wife".
    """

    words: tuple[str, ...]
    of: str | None = None
    first: int = 1  # the seasons in which it points at this character
    last: int = OPEN_ENDED


@dataclass(frozen=True)
class Person:
    id: str
    names: tuple[str, ...]  # every spelling: names, aliases, surname, actors, other scripts
    real: bool = False  # the show portrays a real person: history talk is not the show
    roles: tuple[Role, ...] = ()
    gender: str | None = None  # "she" or "he", as the canon data tells: for pronouns


@dataclass(frozen=True)
class Lexicon:
    people: tuple[Person, ...] = ()
    # Meaning classes ("death", "arrest", "bomb"...) -> phrases in every language. A
    # trailing "*" matches any word starting so ("погиб*"); emoji are words too.
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    weak_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)  # hints, not proof
    # Grammar the guard reads: "negation", "first_person", "pronoun", "group",
    # "namesake", "real", "show", "asking", "presuming", "owner" (the possessive "'s").
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    relations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "mother" -> mom...
    idioms: tuple[str, ...] = ()  # figures of speech: their fate words mean nothing
    # Episode titles ("Triage", "The Grey") -> "season:number:finale" ("2:9:0"): a title
    # places an outcome in its episode as a code does
    episodes: dict[str, str] = field(default_factory=dict)
    # The last in-universe year any episode shows (None: no source says): a death dated
    # after it ("she died in 2019") is nobody's in the story
    last_year: int | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Lexicon:
        data = json.loads(text)
        people = tuple(
            Person(
                id=p["id"],
                names=tuple(p["names"]),
                real=p["real"],
                roles=tuple(
                    Role(tuple(r["words"]), r["of"], r["first"], r["last"]) for r in p["roles"]
                ),
                gender=p.get("gender"),
            )
            for p in data["people"]
        )

        def table(raw: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
            return {k: tuple(v) for k, v in raw.items()}

        return cls(
            people=people,
            cues=table(data["cues"]),
            weak_cues=table(data["weak_cues"]),
            words=table(data["words"]),
            relations=table(data["relations"]),
            idioms=tuple(data["idioms"]),
            episodes=dict(data.get("episodes", {})),  # a store written before titles
            last_year=data.get("last_year"),  # a store written before round 15
        )


@cache
def common_words() -> dict[str, frozenset[str]]:
    """Everyday words in the guard's Latin-script languages, each with the languages it
    is common in (scripts/make_common_words.py, from wordfreq): never typo-corrected
    into a rule word, and as a name, anyone's."""
    data = resources.files("bot.guard").joinpath("data/common_words.txt.gz").read_bytes()
    found: dict[str, frozenset[str]] = {}
    for line in gzip.decompress(data).decode().splitlines():
        if line and not line.startswith("#"):
            word, _, languages = line.partition("\t")
            found[word] = frozenset(languages.split(","))
    return found
