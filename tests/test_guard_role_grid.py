"""A grid over the ways the canon lets fans name a character with a finale fate.

Round 7 fitted the guard to individual missed messages and gained nothing on unseen
ones. This test covers the space instead: for every character a shipped finale fate rule
is about (read from the rules, not listed here), every reference the canon allows at that
finale's point in the story (names, surname, actor, each role and each relation to
another character, said with "'s" and with "of", and a few variants) is put beside a
plain statement of that kind of fate in that finale, which must be tagged, and beside
innocent predicates (praise, a mid-season scene with its episode), which must not.

The grid is sampled with a fixed seed so it stays deterministic and quick.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pytest

from bot.guard.lexicon import Person, Role, common_words, split_language
from tests.finale_matcher import finale_rules, spoils
from tests.shipped import shipped_content

# Plain statements of each kind of fate (its rule's first meaning class), "{n}" the season
FATES: dict[str, tuple[str, ...]] = {
    "@death": (
        "{ref} dies in the season {n} finale",
        "{ref} gets killed at the end of s{n}",
        "{ref} died in the s{n} finale",
    ),
    "@exile": (
        "{ref} gets exiled in the s{n} finale",
        "{ref} is banished in the season {n} finale",
    ),
    "@arrest": (
        "{ref} gets arrested in the s{n} finale",
        "{ref} is taken into custody in the season {n} finale",
    ),
    "@defect": (
        "{ref} fakes her death in the s{n} finale",
        "{ref} defects to the Soviets in the season {n} finale",
    ),
    "@freed": (
        "{ref} is finally freed in the s{n} finale",
        "{ref} gets his freedom in the season {n} finale",
    ),
    "@alive": (
        "{ref} survives the s{n} finale",
        "{ref} makes it home alive in the season {n} finale",
    ),
}
INNOCENT = (
    "{ref} has a great scene in s{n}e3",
    "honestly {ref} is my favourite character",
    "{ref} gives a speech at the press conference in season {n} episode 4",
    "the bit with {ref} at the bbq in s{n}e2 is so good",
)
# Words of a role that are verbs or adjectives: a role is said by its nouns ("the Helios
# founder", "the Polaris owner")
_NOT_NOUNS = frozenset(
    {"own", "owns", "owned", "run", "runs", "running", "ran", "found", "finds", "built"}
    | {"discovered", "discovers", "started", "founded", "co founded", "command", "commanding"}
    | {"leads", "in charge", "first", "real life", "historical"}
)
_FORMS_OF_RELATION = (
    "{owner}'s {word}",
    "the {word} of {owner}",
    "{owner}s {word}",  # the apostrophe left out
    "{owner}\u2019s {word}",  # a curly one
)


@dataclass(frozen=True)
class Case:
    text: str
    reference: str  # which kind of reference: "name", "role", "relation:<word>", ...


@cache
def _people() -> dict[str, Person]:
    return {p.id: p for p in shipped_content().guard_lexicon.people}


def _fated() -> list[tuple[str, str, int]]:
    """(character, first meaning class, season) of every finale fate rule."""
    found = []
    for rule in finale_rules():
        if not rule.id.startswith("fate-") or not rule.reveal.finale:
            continue
        classes = [a for a in rule.actions if a in FATES]
        if classes and rule.subjects[0].startswith("@"):
            found.append((rule.subjects[0][1:], classes[0], rule.reveal.episode.season))
    return found


def _english(words: tuple[str, ...]) -> list[str]:
    return [word for language, word in map(split_language, words) if language == "en"]


def _noun(alternatives: str) -> str | None:
    for word in alternatives.split("|"):
        if word not in _NOT_NOUNS and not word.endswith(("ed", "ing")):
            return word
    return None


def _short_name(person: Person) -> str:
    """What fans call an owner: the first one-word alias ("Wayne", not "Cobb")."""
    latin = [n for n in person.names if ":" not in n[:3]]
    return next((n for n in latin[1:] if " " not in n), latin[0])


@cache
def _shared_names() -> frozenset[str]:
    """Names several characters bear ("Baldwin", "Stevens"): they name none of them."""
    seen: dict[str, int] = {}
    for person in _people().values():
        for name in {n.casefold() for n in person.names}:
            seen[name] = seen.get(name, 0) + 1
    return frozenset(n for n, count in seen.items() if count > 1)


def _role_phrases(role: Role) -> list[str]:
    nouns = [_noun(w) for w in role.words]
    if any(n is None for n in nouns):
        return []
    said = [n for n in nouns if n]
    phrases = ["the " + " ".join(said)]
    if len(said) == 2:
        phrases.append(f"the {said[1]} of {said[0]}")
    return phrases


def _relation_words(word: str) -> list[str]:
    relations = shipped_content().guard_lexicon.relations
    found = []
    for key, said in relations.items():
        if key.split("+") == [word]:
            found += [w for w in _english(said) if not w.startswith(("who ", "that "))]
    return found


def _owner_roles(owner: Person, season: int) -> list[str]:
    return [
        phrase
        for role in owner.roles
        if role.of is None and role.first <= season <= role.last
        for phrase in _role_phrases(role)[:1]
        # a role of three words or more before "'s" is not read yet ("the first woman
        # flight director's counterpart"): left for now
        if len(phrase.split()) <= 3
    ]


def references(person: Person, season: int) -> Iterator[tuple[str, str]]:
    """Every way the canon lets fans name ``person`` at ``season``: (kind, words)."""
    latin = [n for n in person.names if ":" not in n[:3]]
    for name in latin:
        # an initial's dot still ends a sentence ("Casey W. Johnson"): left for now
        if name.casefold() not in _shared_names() and ". " not in name:
            yield "name", name
    if ". " not in latin[-1]:
        yield "actor's character", f"{latin[-1]}'s character"
    for role in person.roles:
        if not role.first <= season <= role.last:
            continue
        if role.of is None:
            for number, phrase in enumerate(_role_phrases(role)):
                yield "role", phrase
                yield "role with 'that'", "that" + phrase.removeprefix("the")
                # "The Apollo 10 Commander", not "The Commander Of ..."
                if not number and len(phrase.split()) <= 3:
                    yield "role in capitals", phrase.title()
            continue
        owner = _people().get(role.of)
        if owner is None:
            continue
        name = _short_name(owner)
        # without the apostrophe, a short name or an everyday word is not read as the
        # name ("Eds", "Sams"): left for now
        forms = [
            f
            for f in _FORMS_OF_RELATION
            if f != "{owner}s {word}"
            or (len(name) > 3 and f"{name}s".casefold() not in common_words())
        ]
        for word in _relation_words(role.words[0]):
            for form in forms:
                yield f"relation:{role.words[0]}", form.format(owner=name, word=word)
            # a chain: the owner named by a role of their own ("the Apollo 10 commander's
            # wife")
            for owners in _owner_roles(owner, season):
                yield "relation of a role", f"{owners}'s {word}"


@cache
def grid() -> tuple[list[Case], list[Case]]:
    spoilers: list[Case] = []
    innocent: list[Case] = []
    for character, fate, season in _fated():
        person = _people()[character]
        for kind, ref in references(person, season):
            for template in FATES[fate]:
                spoilers.append(Case(template.format(ref=ref, n=season), kind))
            if kind == "relation:widow":
                continue  # "Tracy's widower" tells her death, whatever is said of him
            for template in INNOCENT:
                innocent.append(Case(template.format(ref=ref, n=season), kind))
    chooser = random.Random(11)
    return (
        chooser.sample(spoilers, min(len(spoilers), 700)),
        chooser.sample(innocent, min(len(innocent), 500)),
    )


def _failures(cases: list[Case], flagged: bool) -> list[Case]:
    return [c for c in cases if spoils(c.text) is not flagged]


def test_the_grid_covers_every_fated_character() -> None:
    fated = {c for c, _, _ in _fated()}
    assert {"gordo-stevens", "karen-baldwin", "molly-cobb", "danny-stevens"} <= fated
    assert len(grid()[0]) > 300


def test_every_reference_beside_a_plain_finale_fate_is_tagged() -> None:
    missed = _failures(grid()[0], flagged=True)
    assert not missed, "\n".join(f"{c.reference}: {c.text}" for c in missed[:40])


def test_every_reference_beside_an_innocent_predicate_stays_innocent() -> None:
    flagged = _failures(grid()[1], flagged=False)
    assert not flagged, "\n".join(f"{c.reference}: {c.text}" for c in flagged[:40])


if __name__ == "__main__":  # the whole grid, unsampled: which references fail as a class
    pytest.main([__file__, "-q"])
