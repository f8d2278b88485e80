"""Finding rules in text: phrases matched on normalised words, typos forgiven.

Words are casefolded with accents and punctuation dropped. A word of five letters or
more also matches a rule word one edit away that starts with the same letter
("Gordon" finds "Gordo", "arested" finds "arrested"), found through a deletion index
so a thousand rules cost no more per word than ten.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from bot.canon.catalog import normalise

FUZZY_MIN = 5  # shorter words must match exactly
NEAR = 12  # a subject and an action this many words apart still belong together

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Pattern:
    """One detection rule in matchable form."""

    key: str  # the rule id, or "term:<text>" for a server's own term
    subjects: tuple[Phrase, ...]
    actions: tuple[Phrase, ...]  # empty: a subject alone is a match


def phrase(text: str) -> Phrase:
    return tuple(normalise(text).split())


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))} | {word}


class Matcher:
    """A compiled set of patterns; ``find`` returns the keys that match a piece of text."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self.patterns = list(patterns)
        # first word -> (phrase, pattern index, is_subject)
        self._starts: dict[str, list[tuple[Phrase, int, bool]]] = defaultdict(list)
        vocabulary: set[str] = set()
        for index, pattern in enumerate(self.patterns):
            for is_subject, phrases in ((True, pattern.subjects), (False, pattern.actions)):
                for words in phrases:
                    if words:
                        self._starts[words[0]].append((words, index, is_subject))
                        vocabulary.update(words)
        self._near: dict[str, set[str]] = defaultdict(set)
        for word in vocabulary:
            if len(word) >= FUZZY_MIN:
                for key in _deletions(word):
                    self._near[key].add(word)
        self._vocabulary = vocabulary

    def _meanings(self, word: str) -> set[str]:
        """The rule words ``word`` may stand for: itself, or a one-edit neighbour."""
        found = {word} if word in self._vocabulary else set()
        if len(word) >= FUZZY_MIN:
            for key in _deletions(word):
                for candidate in self._near.get(key, ()):
                    if (
                        candidate[0] == word[0]
                        and len(candidate) >= FUZZY_MIN
                        and Levenshtein.distance(candidate, word, score_cutoff=1) <= 1
                    ):
                        found.add(candidate)
        return found

    def find(self, text: str) -> set[str]:
        """Keys of the patterns matching ``text`` (one sentence)."""
        words = normalise(text).split()
        meanings = [self._meanings(w) for w in words]
        subjects: dict[int, list[int]] = defaultdict(list)  # pattern -> word positions
        actions: dict[int, list[int]] = defaultdict(list)
        for position, options in enumerate(meanings):
            for option in options:
                for candidate, index, is_subject in self._starts.get(option, ()):
                    if _continues(candidate, meanings, position):
                        (subjects if is_subject else actions)[index].append(position)
        found: set[str] = set()
        for index, where in subjects.items():
            pattern = self.patterns[index]
            if not pattern.actions or any(
                abs(s - a) <= NEAR for s in where for a in actions.get(index, ())
            ):
                found.add(pattern.key)
        return found


def _continues(candidate: Phrase, meanings: Sequence[set[str]], position: int) -> bool:
    if position + len(candidate) > len(meanings):
        return False
    return all(word in meanings[position + k] for k, word in enumerate(candidate))
