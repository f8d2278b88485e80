"""Finding rules in text: phrases matched on normalised words, typos forgiven.

Words are casefolded, accents and punctuation dropped, and reduced to a rough stem
("dies", "died", "dying" -> "di"; "faked", "faking" -> "fak"), so a rule lists a word
once. A word of four letters or more also matches a rule word one edit away with the
same first letter ("Gordon" finds "Gordo", "arested" finds "arrested"), found through a
deletion index so a thousand rules cost no more per word than ten.

Three things do not count: idioms a server would never call spoilers ("killed it",
"dying to see"), an action right after a negation ("would never defect"), and yes/no
questions ("does Gordo die?"), which ask rather than tell.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from bot.text import normalise

FUZZY_MIN = 4  # shorter words must match exactly
NEAR = 25  # a subject and an action this many words apart still belong together
NEGATIONS = frozenset({"never", "not", "no", "t", "nobody"})  # "t": from "doesn't"
ASKING = frozenset({"does", "do", "did", "is", "are", "was", "were", "will"})
WRAPPERS = frozenset({"you", "anyone", "anybody", "everyone", "somebody", "someone", "it", "we"})
PRESUMING = frozenset({"why", "how", "when", "where", "after"})
_SUFFIXES = ("ying", "ing", "ied", "ies", "ed", "es", "s")

Phrase = tuple[str, ...]


def stem(word: str) -> str:
    """A rough stem, only ever compared with other stems made the same way:
    die, dies, died, dying -> "di"; fake, faked, faking -> "fak"."""
    if len(word) <= 2:
        return word
    for suffix in _SUFFIXES:
        shortest = 1 if suffix == "ying" else 2
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            base = word[: -len(suffix)]
            word = base + "i" if suffix in ("ying", "ied", "ies") else base
            break
    return word[:-1] if len(word) >= 3 and word.endswith("e") else word


def asks(text: str) -> bool:
    """A short yes/no question about a character ("does Gordo die?") asks rather than
    tells. One that wraps a statement ("did you know Gordo dies?", "is it sad that...")
    or asks why or how ("can someone explain why Dev gets kicked out?") still tells."""
    words = normalise(text).split()
    return (
        len(words) >= 2
        and words[0] in ASKING
        and words[1] not in WRAPPERS
        and len(words) <= 10
        and text.rstrip().endswith("?")
        and not (PRESUMING | {"that"}) & set(words)
    )


@dataclass(frozen=True)
class Pattern:
    """One detection rule in matchable form."""

    key: str  # the rule id, or "term:<text>" for a server's own term
    subjects: tuple[Phrase, ...]
    actions: tuple[Phrase, ...]  # empty: a subject alone is a match


def phrase(text: str) -> Phrase:
    return tuple(normalise(text).split())


def _stems(words: Phrase) -> Phrase:
    return tuple(stem(w) for w in words)


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))} | {word}


class Matcher:
    """A compiled set of patterns; ``find`` returns the keys that match a piece of text."""

    def __init__(self, patterns: Iterable[Pattern], idioms: Iterable[str] = ()) -> None:
        self.patterns = list(patterns)
        # first stem -> (stemmed phrase, pattern index, is_subject)
        self._starts: dict[str, list[tuple[Phrase, int, bool]]] = defaultdict(list)
        vocabulary: set[str] = set()
        for index, pattern in enumerate(self.patterns):
            for is_subject, phrases in ((True, pattern.subjects), (False, pattern.actions)):
                for words in phrases:
                    if words:
                        stems = _stems(words)
                        self._starts[stems[0]].append((stems, index, is_subject))
                        vocabulary.update(words)
        self._stem_of = {word: stem(word) for word in vocabulary}
        self._near: dict[str, set[str]] = defaultdict(set)
        for word in vocabulary:
            if len(word) >= FUZZY_MIN:
                for key in _deletions(word):
                    self._near[key].add(word)
        self._idioms = [_stems(phrase(i)) for i in idioms if phrase(i)]

    def _meanings(self, word: str) -> set[str]:
        """The rule stems ``word`` may stand for: its own, or a one-edit neighbour's."""
        found = {stem(word)}
        if len(word) >= FUZZY_MIN:
            for key in _deletions(word):
                for candidate in self._near.get(key, ()):
                    # A four-letter word only stands for a five-letter one it drops a letter
                    # of ("deth"): swapping letters in short words makes other words.
                    lengths = (
                        (len(word) + 1,)
                        if len(word) == FUZZY_MIN
                        else (
                            len(word) - 1,
                            len(word),
                            len(word) + 1,
                        )
                    )
                    if (
                        candidate[0] == word[0]
                        and len(candidate) in lengths
                        and Levenshtein.distance(candidate, word, score_cutoff=1) <= 1
                    ):
                        found.add(self._stem_of[candidate])
        return found

    def _blank_idioms(self, stems: list[str], meanings: list[set[str]]) -> None:
        for idiom in self._idioms:
            for start in range(len(stems) - len(idiom) + 1):
                if tuple(stems[start : start + len(idiom)]) == idiom:
                    for k in range(start, start + len(idiom)):
                        meanings[k] = set()

    def find(self, text: str) -> set[str]:
        """Keys of the patterns matching ``text`` (a sentence, or two read together)."""
        words = normalise(text).split()
        if not words or asks(text):
            return set()
        meanings = [self._meanings(w) for w in words]
        self._blank_idioms([stem(w) for w in words], meanings)
        subjects: dict[int, list[int]] = defaultdict(list)  # pattern -> word positions
        actions: dict[int, list[int]] = defaultdict(list)
        for position, options in enumerate(meanings):
            for option in options:
                for candidate, index, is_subject in self._starts.get(option, ()):
                    if not _continues(candidate, meanings, position):
                        continue
                    if is_subject:
                        subjects[index].append(position)
                    elif not NEGATIONS & set(words[max(0, position - 2) : position]):
                        actions[index].append(position)
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
