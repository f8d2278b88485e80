"""Single initials in shorthand about a finale: "s3f: K+M ☠ @ JSC, M fakes it → MSK".

A capital letter standing alone ("M", "K's"), or capitals joined by "+", "&" or "/"
("K+M"), names the characters whose first name starts so, but only in a sentence that
names a season's finale ("s3f", "s3 finale", "the season 3 finale") and only among the
characters who have a rule for that finale: the letter alone says too little anywhere
else. "I" and "A" are words, never initials.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from bot.guard.normalise import Token
from bot.guard.reading import _episodes, _Mention, _season_named, _Sentence

_LETTERS = re.compile(r"[A-Z](?:\s?[+&/]\s?[A-Z])*")
_WORDS = frozenset("IA")
# Where single initials may be (a capital with no letter or digit either side, not "I"
# nor "A", or capitals joined): one search a message, the quick test
SHORTHAND = re.compile(r"(?<![^\W_])[B-HJ-Z](?![^\W_])|[A-Z]\s?[+&/]\s?[A-Z]")


def _initial(s: _Sentence, word: Token) -> bool:
    if len(word.text) > 4 or not s.text[word.start].isupper():
        return False  # the quick test first
    raw = s.text[word.start : word.end]
    return raw not in _WORDS and bool(_LETTERS.fullmatch(raw))


def first_letters(
    people: Iterable[tuple[str, str]], seasons: Mapping[str, set[int]]
) -> dict[tuple[int, str], frozenset[str]]:
    """(season, letter) -> the ids of the characters with a rule for that season's finale
    whose first name starts with the letter; ``people`` are (id, first name) pairs."""
    found: dict[tuple[int, str], set[str]] = {}
    for person, name in people:
        letter = name[:1].upper()
        if not ("A" <= letter <= "Z") or letter in _WORDS:
            continue
        for season in seasons.get(person, ()):
            found.setdefault((season, letter), set()).add(person)
    return {k: frozenset(v) for k, v in found.items()}


def single_initials(
    s: _Sentence, letters: Mapping[tuple[int, str], frozenset[str]]
) -> list[_Mention]:
    """The mentions single initials make in a sentence that names a season's finale."""
    if not s.words or not SHORTHAND.search(s.text, s.words[0].start, s.words[-1].end):
        return []  # the quick test first: one search a sentence
    places = [k for k, word in enumerate(s.words) if _initial(s, word)]
    if not places or not letters or not any(finale for _, finale in _episodes(s.words)):
        return []
    texts = [t.text for t in s.words]
    season = next(
        (n for k in range(len(texts)) if (n := _season_named(texts[k : k + 2])) is not None),
        None,
    )
    if season is None:
        return []
    found: list[_Mention] = []
    for k in places:
        word = s.words[k]
        raw = s.text[word.start : word.end]
        persons = frozenset().union(
            *(letters.get((season, c), frozenset()) for c in raw if c.isalpha())
        )
        if persons:
            found.append(_Mention(k, k + 1, persons, how="initials"))
    return found
