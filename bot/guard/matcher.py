"""Finding known words in a sentence: names, roles, fate words, grammar, rule phrases.

Everything the guard knows is compiled once into a word trie over rough stems ("dies",
"died", "dying" -> "di"), so a sentence costs one walk whatever the number of rules or
server terms. Japanese and Chinese runs, which have no spaces, are searched inside
instead (one regular expression over all such phrases).

Typo tolerance: a word of four letters or more may stand for a vocabulary word one edit
away with the same first letter, unless it is itself an everyday word in one of the
guard's languages (so "more" never becomes "morre", nor "Marge" "Margo").
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any, NamedTuple

from rapidfuzz.distance import Levenshtein

from bot.guard.lexicon import Lexicon, common_words
from bot.guard.normalise import Token, fold_text, tokens

FUZZY_MIN = 4  # shorter words must match exactly
_SUFFIXES = ("ying", "ing", "ied", "ies", "ed", "es", "s")
_END = ""  # trie key holding what ends at a node

Payload = tuple[str, str]  # (category, key)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A rough stem, only ever compared with other stems made the same way:
    die, dies, died, dying -> "di"; fake, faked, faking -> "fak"."""
    if len(word) <= 2 or not word.isascii():
        return word
    for suffix in _SUFFIXES:
        shortest = 1 if suffix == "ying" else 2
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            base = word[: -len(suffix)]
            word = base + "i" if suffix in ("ying", "ied", "ies") else base
            break
    return word[:-1] if len(word) >= 3 and word.endswith("e") else word


class Found(NamedTuple):
    category: str  # name, cue, weak, word, relation, idiom, thing, action, role
    key: str
    start: int  # token positions [start, end)
    end: int
    fuzzy: bool = False


_NO_TYPOS: frozenset[str] = frozenset()
_NOTHING: tuple[set[str], frozenset[str]] = (set(), _NO_TYPOS)


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))} | {word}


def _is_cjk_phrase(text: str) -> bool:
    return any("\u3040" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in text)


class Vocabulary:
    """Phrases compiled for lookup; ``find`` lists every phrase found in a token list."""

    def __init__(self) -> None:
        self._trie: dict[str, Any] = {}  # stem -> child node; _END -> payloads
        self._prefixes: dict[str, list[tuple[str, Payload]]] = defaultdict(list)
        self._cjk: dict[str, list[Payload]] = defaultdict(list)
        self._cjk_sizes: tuple[int, ...] | None = None
        self._words: set[str] = set()  # longer words, for typo tolerance
        self._exact: set[str] = set()  # every word: a known word is never a typo
        self._near: dict[str, set[str]] | None = None
        self._stem_of: dict[str, str] = {}
        self._common = common_words()
        self._readings: dict[str | tuple[str, ...], tuple[set[str], frozenset[str]]] = {}
        self._starts: dict[str | tuple[str, ...], list[Payload]] = {}  # "*" entries, per word

    def add(self, phrase: str, payload: Payload) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        if _is_cjk_phrase(phrase):
            self._cjk[fold_text(phrase)[0]].append(payload)
            self._cjk_sizes = None
            return
        if phrase.endswith("*") and " " not in phrase:
            prefix = fold_text(phrase[:-1])[0]
            if len(prefix) >= 3:
                self._prefixes[prefix[:3]].append((prefix, payload))
                self._starts.clear()
            return
        words = [t.text for t in tokens(phrase)]
        if not words:
            return
        node: dict[str, Any] = self._trie
        for word in words:
            node = node.setdefault(stem(word), {})
            self._exact.add(word)
            if word.isalpha() and len(word) >= FUZZY_MIN + 1:
                self._words.add(word)
        node.setdefault(_END, []).append(payload)
        self._near = None
        self._readings.clear()

    # --- lookup --------------------------------------------------------------------

    def _index(self) -> dict[str, set[str]]:
        if self._near is None:
            near: dict[str, set[str]] = defaultdict(set)
            for word in self._words:
                self._stem_of[word] = stem(word)
                for key in _deletions(word):
                    near[key].add(word)
            self._near = dict(near)
        return self._near

    def readings(self, token: Token) -> tuple[set[str], frozenset[str]]:
        """The stems a token may stand for, and those of them that come from a typo."""
        key = token.text if not token.alternatives else token.forms
        cached = self._readings.get(key)
        if cached is None:
            if len(self._readings) > 100_000:
                self._readings.clear()  # bounded: chat has a long tail of one-off words
            cached = self._readings[key] = self._read(token)
        return cached

    def _read(self, token: Token) -> tuple[set[str], frozenset[str]]:
        found = {stem(form) for form in token.forms}
        word = token.text
        if (
            len(word) < FUZZY_MIN
            or not word.isalpha()
            or word in self._common
            or word in self._exact
        ):
            return found, _NO_TYPOS
        near = self._index()
        lengths = (
            (len(word) + 1,) if len(word) == FUZZY_MIN else range(len(word) - 1, len(word) + 2)
        )
        typos: set[str] = set()
        for key in _deletions(word):
            for candidate in near.get(key, ()):
                if (
                    candidate != word
                    and candidate[0] == word[0]
                    and len(candidate) in lengths
                    and Levenshtein.distance(candidate, word, score_cutoff=1) <= 1
                ):
                    reading = self._stem_of[candidate]
                    if reading not in found:
                        typos.add(reading)
        found |= typos
        return found, frozenset(typos) if typos else _NO_TYPOS

    def find(self, words: list[Token]) -> list[Found]:
        cache = self._readings
        readings = []
        for token in words:
            if token.cjk:
                readings.append(_NOTHING)
                continue
            known = cache.get(token.text if not token.alternatives else token.forms)
            readings.append(known if known is not None else self.readings(token))
        options_at = [r[0] for r in readings]
        typos_at = [r[1] for r in readings]
        trie = self._trie
        found: list[Found] = []
        count = len(words)
        for start in range(count):
            for option in options_at[start]:
                node = trie.get(option)
                fuzzy = option in typos_at[start]  # read through a typo ("arested")
                position = start + 1
                while node is not None:
                    ends = node.get(_END)
                    if ends:
                        for category, key in ends:
                            found.append(Found(category, key, start, position, fuzzy))
                    if position >= count:
                        break
                    following = node
                    node = None
                    for reading in options_at[position]:
                        node = following.get(reading)
                        if node is not None:
                            fuzzy = fuzzy or reading in typos_at[position]
                            break
                    position += 1
        if self._prefixes:
            starts = self._starts
            for position, token in enumerate(words):
                prefixed = starts.get(token.text if not token.alternatives else token.forms)
                if prefixed is None:
                    prefixed = self._prefixed(token)
                for category, key in prefixed:
                    found.append(Found(category, key, position, position + 1))
        if self._cjk:
            lengths = self._cjk_lengths()
            for position, token in enumerate(words):
                if not token.cjk:
                    continue
                text = token.text
                for offset in range(len(text)):  # every phrase at every start: no spaces
                    for length in lengths:
                        piece = text[offset : offset + length]
                        for payload in self._cjk.get(piece, ()):
                            found.append(Found(payload[0], payload[1], position, position + 1))
        return found

    def _prefixed(self, token: Token) -> list[Payload]:
        """The "*" entries (stems such as "погиб*") a word starts with; cached per word."""
        key = token.text if not token.alternatives else token.forms
        cached = self._starts.get(key)
        if cached is None:
            if len(self._starts) > 100_000:
                self._starts.clear()
            cached = self._starts[key] = [
                payload
                for form in token.forms
                for prefix, payload in self._prefixes.get(form[:3], ())
                if form.startswith(prefix)
            ]
        return cached

    def _cjk_lengths(self) -> tuple[int, ...]:
        if self._cjk_sizes is None:
            self._cjk_sizes = tuple(sorted({len(p) for p in self._cjk}, reverse=True))
        return self._cjk_sizes


def compile_vocabulary(lexicon: Lexicon) -> Vocabulary:
    vocabulary = Vocabulary()
    for index, person in enumerate(lexicon.people):
        for name in person.names:
            vocabulary.add(name, ("name", str(index)))
        for role_index, role in enumerate(person.roles):
            for slot, alternatives in enumerate(role.words):
                for word in alternatives.split("|"):
                    vocabulary.add(word, ("role", f"{index}:{role_index}:{slot}"))
    for category, table in (("cue", lexicon.cues), ("weak", lexicon.weak_cues)):
        for key, phrases in table.items():
            for phrase in phrases:
                vocabulary.add(phrase, (category, key))
    for key, phrases in lexicon.words.items():
        if key.startswith("function_"):
            continue  # matched exactly, word by word, by the judge
        for phrase in phrases:
            vocabulary.add(phrase, ("word", key))
    for key, phrases in lexicon.relations.items():
        for phrase in phrases:
            vocabulary.add(phrase, ("relation", key))
    for phrase in lexicon.idioms:
        vocabulary.add(phrase, ("idiom", phrase))
    return vocabulary
