"""Finding known words in a sentence: names, roles, fate words, grammar, rule phrases.

Everything the guard knows is compiled once into a word trie over stems, so a sentence
costs one walk whatever the number of rules or server terms. Each language's words are
stemmed by that language's Snowball stemmer (PyStemmer: "murieron" and "murieran",
"погибла" and "погибли", "dies", "died" and "dying" each meet at one stem), and the
trie's keys carry the language ("es:mur"), so one language's endings never make another
language's word. A word in a message is read in every language whose vocabulary it could
belong to; the readings are cached per word, so a sentence's walk is dictionary lookups.
Japanese and Chinese runs, which have no spaces, are searched inside instead.

Threads: the guard reads off the event loop (cogs/spoilers/_judge.py), so a matcher may
be read from several threads at once. Each thread stems with its own PyStemmer objects
(they must not be shared); a compiled vocabulary changes only through its per-word
caches, whose entries depend on the word alone and are each one dict operation (atomic
under the GIL), so a race can at worst read a word twice, never change a verdict.

A separable verb ("blew Molly up", "shot it down", "let Sergei go"; German "schießt den
Sea Dragon ab") is found with up to three words between the verb and its particle.

Typo tolerance: a word of four letters or more may stand for a vocabulary word one edit
away with the same first letter, unless it is itself an everyday word in one of the
guard's languages (so "more" never becomes "morre", nor "Marge" "Margo"); two letters
swapped count as one edit ("Kraen", "deid"). A name is also read through its sound:
doubled letters and the endings "y", "ie", "ey", "i" are one sound ("Kelley", "Mollie",
"Danni", "Karren"), even when the spelling is an everyday word of five letters or more
("Kelley"; not "pole", "sara"); both kinds of reading
are typos to the judge, which weighs them down unless a plain outcome is beside them.
A word that is everyday only in another language may be a typo of a name ("Margot"),
never of another word. A name with an "s" and no apostrophe is the name ("Dekes
death"), unless that is an everyday word ("gordos" in Spanish).

A vocabulary word written "=word" is matched only as written: no word endings, no typos.
For words whose stem is another everyday word's too (Italian "morira" stems to "mor",
like "mora" and "morava"; Portuguese "parto" to "part", like "parte"), or whose other
forms mean something else ("dead" and "deadly", "pops" and "pop").
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any, NamedTuple

import Stemmer  # type: ignore[import-not-found]
from rapidfuzz.distance import OSA

from bot.guard.folding import fold_text
from bot.guard.lexicon import common_words, split_language
from bot.guard.normalise import Token, tokens

FUZZY_MIN = 4  # shorter words must match exactly
_END = ""  # trie key holding what ends at a node
_EXACT = "="  # trie keys of words matched as they are, not by stem
# Most letters a stemmer takes off a word: a word this much longer than every known word
# and stem is no typo of any
_STEMMED_OFF = 16
_SPLIT = "\x00"  # trie key: particles that may come a few words after this verb
_SPLIT_REACH = 3  # words allowed between a verb and its particle
_GERMAN_PARTICLE_REACH = 10  # German: words to a particle ending the sentence
# Particles of English phrasal verbs and German separable verbs: the verb's object may
# stand between them ("blew Molly up", "schießt den Sea Dragon ab")
_PARTICLES = {
    "en": frozenset({"up", "down", "out", "off", "go", "away", "over", "in", "back"}),
    "de": frozenset({"ab", "an", "auf", "aus", "ein", "mit", "vor", "zu", "zuruck", "weg"})
    | frozenset({"um", "fest", "frei", "los", "uber", "raus", "hin"}),
}
_NO_PARTICLES: frozenset[str] = frozenset()
_CLAUSE_END = re.compile(r"[,;:]")  # between two words: a clause ends there
# Grammar lists of words too common to search for in every sentence: the judge reads
# them word by word, only in a sentence that needs them ("determiner": judge.py)
WORD_BY_WORD = frozenset({"determiner"})
_SNOWBALL = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "de": "german",
    "pt": "portuguese",
    "it": "italian",
    "ru": "russian",
}

Payload = tuple[str, str]  # (category, key)
_Entry = tuple[str, str, str]  # (category, key, language)


class _PerThread(threading.local):
    """Each thread's own stemmers (PyStemmer's may not be used by two threads at once)."""

    def __init__(self) -> None:
        self.stem_word: dict[str, Callable[[str], str]] = {}


_own = _PerThread()


def _stemmer(language: str) -> Callable[[str], str]:
    """This thread's stemmer for ``language`` (its ``stemWord``)."""
    stem_word = _own.stem_word.get(language)
    if stem_word is None:
        stemmer = Stemmer.Stemmer(_SNOWBALL[language])
        # No cache of its own: the vocabulary keeps each word's readings already, and a
        # message of fresh words (a typo search stems dozens of variants of each) filled
        # PyStemmer's 10,000 entries over and over, each purge sorting them all (4,000
        # characters of unknown words: 70-170 ms with it, 35 ms without)
        stemmer.maxCacheSize = 0
        stem_word = _own.stem_word[language] = stemmer.stemWord
    return stem_word


def stem(word: str, language: str = "en") -> str:
    """The trie key of ``word`` read as ``language``: its Snowball stem, marked with the
    language ("en:die" for die, dies, died, dying)."""
    if language not in _SNOWBALL or len(word) <= 2 or not word.isalpha():
        return f"{language}:{word}"
    return f"{language}:{_stemmer(language)(word)}"


class Found(NamedTuple):
    category: str  # name, cue, weak, word, relation, idiom, thing, action, role
    key: str
    start: int  # token positions [start, end)
    end: int
    fuzzy: bool = False
    language: str = "en"  # of the vocabulary phrase found


_NO_TYPOS: frozenset[str] = frozenset()
_new = tuple.__new__  # a Found without NamedTuple's Python-level __new__ (many per message)
# A word's readings, those from a typo, the trie nodes it starts, its "*" entries
# a trie node a word starts phrases at: the node, read through a typo?, the phrases that
# end there, its separable particles, whether longer phrases go on from it
_Root = tuple[dict[str, Any], bool, list[_Entry], dict[str, list[_Entry]] | None, bool]
# a word's readings come sorted: where two compete, the same one wins whatever the hash seed
_Reading = tuple[tuple[str, ...], frozenset[str], tuple[_Root, ...], tuple[_Entry, ...]]
_NO_READING: _Reading = ((), _NO_TYPOS, (), ())


# Name endings that sound alike ("Kelly", "Kelley", "Kellie"; "Danny", "Dani", "Danni")
_SOUND_ENDINGS = ("ey", "ie", "ee", "y", "i")


def sound_key(word: str) -> str:
    """A name's spelling reduced to its sound: doubled letters once, "ck" as "k", "ph"
    as "f", a final "h" after a vowel dropped, and the endings "y"/"ie"/"ey"/"i" alike."""
    word = word.replace("ck", "k").replace("ph", "f")
    squeezed = "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])
    if len(squeezed) > 3 and squeezed.endswith("h") and squeezed[-2] in "aeiou":
        squeezed = squeezed[:-1]
    for ending in _SOUND_ENDINGS:
        if squeezed.endswith(ending) and len(squeezed) > len(ending) + 2:
            return squeezed[: -len(ending)] + "i"
    return squeezed


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))} | {word}


def _is_cjk_phrase(text: str) -> bool:
    return any("\u3040" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in text)


class Vocabulary:
    """Phrases compiled for lookup; ``find`` lists every phrase found in a token list."""

    def __init__(self) -> None:
        self._trie: dict[str, Any] = {}  # stem -> child node; _END -> payloads
        self._keys: set[str] = set()  # every stem in the trie, at any depth
        self._longest = 0  # the longest word or stem known (set with the typo index)
        self._languages: set[str] = set()  # the languages the trie holds words of
        self._prefixes: dict[str, list[tuple[str, _Entry]]] = defaultdict(list)
        self._cjk: dict[str, list[_Entry]] = defaultdict(list)
        self._cjk_sizes: tuple[int, ...] | None = None
        self._words: dict[str, set[str]] = defaultdict(set)  # longer words -> their stems
        self._exact: set[str] = set()  # every word: a known word is never a typo
        self._exact_in: dict[str, set[str]] = defaultdict(set)  # the words, per language
        self._near: dict[str, set[str]] | None = None
        # names of four letters or more: their words' keys, and the names per sound
        self._names: dict[str, set[str]] = defaultdict(set)
        self._sounds: dict[str, set[str]] = defaultdict(set)
        self._common = common_words()
        Readings = tuple[frozenset[str], frozenset[str]]
        self._readings: dict[str | tuple[str, ...], Readings] = {}
        self._starts: dict[str | tuple[str, ...], list[_Entry]] = {}  # "*" entries, per word
        self._entries: dict[str | tuple[str, ...], _Reading] = {}  # what find needs, per word

    def add(self, phrase: str, payload: Payload, *, exact: bool = False) -> None:
        """Add a phrase ("es:muere" for a language other than English). ``exact``: its
        words are matched as they are, not by their stems (names: "Дэни" is not "Дэнни")."""
        language, phrase = split_language(phrase.strip())
        literal = phrase.startswith(_EXACT)  # "=word": as written, no endings, no typos
        if literal:
            phrase = phrase[len(_EXACT) :]
            exact = True
        if not phrase:
            return
        entry = (payload[0], payload[1], language)
        if _is_cjk_phrase(phrase):
            self._cjk[fold_text(phrase)[0]].append(entry)
            self._cjk_sizes = None
            self._entries.clear()
            return
        if phrase.endswith("*") and " " not in phrase:
            prefix = fold_text(phrase[:-1])[0]
            if len(prefix) >= 3:
                self._prefixes[prefix[:3]].append((prefix, entry))
                self._starts.clear()
                self._entries.clear()
            return
        words = [t.text for t in tokens(phrase)]
        if not words:
            return
        if not phrase.islower():  # "VanSanten" is cut in two; "vansanten" is not
            whole = [t.text for t in tokens(phrase.lower())]
            if whole != words:
                self._add_words(whole, language, entry, exact=exact, literal=literal)
        self._add_words(words, language, entry, exact=exact, literal=literal)

    def _add_words(
        self, words: list[str], language: str, entry: _Entry, *, exact: bool, literal: bool
    ) -> None:
        self._languages.add(language)
        node: dict[str, Any] = self._trie
        keys = [_EXACT + word if exact else stem(word, language) for word in words]
        for word, key in zip(words, keys, strict=True):
            node = node.setdefault(key, {})
            self._keys.add(key)
            self._exact.add(word)
            self._exact_in[language].add(word)
            if word.isalpha() and len(word) >= FUZZY_MIN + 1 and not literal:
                self._words[word].add(key)
            if entry[0] == "name" and word.isalpha() and len(word) >= FUZZY_MIN:
                self._names[word].add(key)
                self._sounds[sound_key(word)].add(word)
        ends = node.setdefault(_END, [])
        if not any(e[:2] == entry[:2] for e in ends):  # "finale" is a show word once
            ends.append(entry)
        if len(words) == 2 and words[1] in _PARTICLES.get(language, _NO_PARTICLES):
            # "blow up" is also "blew Molly up"
            split = self._trie[keys[0]].setdefault(_SPLIT, {})
            split.setdefault(keys[1], []).append(entry)
        self._near = None
        self._readings.clear()
        self._entries.clear()

    # --- lookup --------------------------------------------------------------------

    def prepare(self) -> None:
        """Build the typo index now (it is otherwise built on first use)."""
        self._index()

    def _index(self) -> dict[str, set[str]]:
        if self._near is None:
            near: dict[str, set[str]] = defaultdict(set)
            for word in self._words:
                for key in _deletions(word):
                    near[key].add(word)
            # _longest first: another thread seeing _near set reads it next
            self._longest = max(map(len, (*self._words, *self._keys)), default=0)
            self._near = dict(near)
        return self._near

    def readings(self, token: Token) -> tuple[frozenset[str], frozenset[str]]:
        """The stems a token may stand for (only those the vocabulary knows), and those
        of them that come from a typo. Cached per word."""
        key = token.text if not token.alternatives else token.forms
        cached = self._readings.get(key)
        if cached is None:
            if len(self._readings) > 100_000:
                self._readings.clear()  # bounded: chat has a long tail of one-off words
            cached = self._readings[key] = self._read(token)
        return cached

    def _read(self, token: Token) -> tuple[frozenset[str], frozenset[str]]:
        known = self._keys
        word = token.text
        # An everyday English word is read in another language only as that language's
        # word exactly, not through its endings: "her" is not Spanish "herida".
        english = "en" in self._common.get(word, ())
        cyrillic = not word.isascii() and any("\u0400" <= c <= "\u04ff" for c in word)
        found = set()
        for form in token.forms:
            if _EXACT + form in known:
                found.add(_EXACT + form)
            for language in self._languages:
                if (language == "ru") != cyrillic and language != "en":
                    continue  # Russian words are Cyrillic; the others, Latin
                key = stem(form, language)
                if key in known and (
                    language == "en" or not english or form in self._exact_in[language]
                ):
                    found.add(key)
        if len(word) < FUZZY_MIN or not word.isalpha() or word in self._exact:
            return frozenset(found), _NO_TYPOS
        if word[-1] == "s" and word not in self._common:  # "Dekes death": no apostrophe
            found.update(self._names.get(word[:-1], ()))
        typos: set[str] = set()
        # an everyday word of four letters is too often another word ("pole", "sara")
        if len(word) > FUZZY_MIN or word not in self._common:
            for name in self._sounds.get(sound_key(word), ()):
                if name != word:
                    typos.update(k for k in self._names[name] if k not in found)
        if word not in self._common:
            typos |= self._near_words(word, found)
        elif len(word) > FUZZY_MIN and not english:  # "Margot": only names, not "more"
            typos |= self._near_words(word, found, names_only=True)
        found |= typos
        return frozenset(found), frozenset(typos) if typos else _NO_TYPOS

    def _near_words(self, word: str, found: set[str], *, names_only: bool = False) -> set[str]:
        """The keys of vocabulary words one edit from ``word`` (a swap of two letters
        is one), with the same first letter; a four-letter word reaches names of four
        letters only through a swap ("Deek": Deke, "deid": died), and a short word is
        reached by one letter too many ("diedd")."""
        near = self._index()
        if len(word) > self._longest + _STEMMED_OFF:
            return set()  # longer than any word it could be one edit from ("aaaa...")
        lengths = (
            (len(word) + 1,) if len(word) == FUZZY_MIN else range(len(word) - 1, len(word) + 2)
        )
        typos: set[str] = set()
        for deleted in _deletions(word):
            for candidate in near.get(deleted, ()):
                if (
                    candidate != word
                    and candidate[0] == word[0]
                    and (not names_only or candidate in self._names)
                    and len(candidate) in lengths
                    and OSA.distance(candidate, word, score_cutoff=1) <= 1
                ):
                    typos.update(k for k in self._words[candidate] if k not in found)
        if names_only:
            return typos
        variants = {  # two letters swapped: "deid", "Deek"
            word[:k] + word[k + 1] + word[k] + word[k + 2 :] for k in range(1, len(word) - 1)
        }
        if len(word) > FUZZY_MIN:  # a letter too many before a short word: "diedd", "Dekke"
            variants |= {word[:k] + word[k + 1 :] for k in range(1, len(word))}
        variants.discard(word)
        for variant in variants:  # a known word once the typo is undone
            if _EXACT + variant in self._keys:
                typos.add(_EXACT + variant)
            for language in self._languages - {"ru"}:
                if (key := stem(variant, language)) in self._keys and key not in found:
                    typos.add(key)
        return typos

    def _entry(self, token: Token) -> _Reading:
        """Everything the walk needs of one word, cached per word: its readings, those
        from a typo, the trie nodes it starts phrases at, and its "*" entries."""
        key = token.text if not token.alternatives else token.forms
        entry = self._entries.get(key)
        if entry is None:
            if len(self._entries) > 100_000:
                self._entries.clear()  # bounded: chat has a long tail of one-off words
            readings, typos = self.readings(token)
            options = tuple(sorted(readings))
            trie = self._trie
            roots = tuple(
                (
                    node,
                    option in typos,
                    node.get(_END, ()),
                    node.get(_SPLIT),
                    len(node) > (_END in node) + (_SPLIT in node),  # longer phrases go on
                )
                for option in options
                if (node := trie.get(option))
            )
            prefixed = tuple(self._prefixed(token)) if self._prefixes else ()
            entry = self._entries[key] = (options, typos, roots, prefixed)
        return entry

    def find(self, words: list[Token], text: str = "") -> list[Found]:
        """Every vocabulary phrase among ``words``; ``text``, the message they are read
        from, says where a clause ends (a German particle may end one)."""
        entries = self._entries
        readings: list[_Reading] = []
        for token in words:
            if token.cjk:
                readings.append(_NO_READING)
                continue
            entry = entries.get(token.text if not token.alternatives else token.forms)
            readings.append(entry if entry is not None else self._entry(token))
        found: list[Found] = []
        append = found.append
        count = len(words)
        for start, (_, _, roots, prefixed) in enumerate(readings):
            for category, key, language in prefixed:
                append(_new(Found, (category, key, start, start + 1, False, language)))
            for node, fuzzy, ends, split, deeper in roots:  # fuzzy: read through a typo
                for category, key, language in ends:
                    append(_new(Found, (category, key, start, start + 1, fuzzy, language)))
                if split is not None:
                    self._split(split, readings, start, fuzzy, found, words, text)
                if not deeper:
                    continue
                position = start + 1
                step = node
                while position < count:
                    later, later_typos, _, _ = readings[position]
                    for reading in later:
                        following = step.get(reading)
                        if following is not None:
                            fuzzy = fuzzy or reading in later_typos
                            break
                    else:
                        break  # no reading of the next word goes on: the walk ends
                    step = following
                    position += 1
                    for category, key, language in step.get(_END, ()):
                        append(_new(Found, (category, key, start, position, fuzzy, language)))
        if self._cjk:
            lengths = self._cjk_lengths()
            for position, token in enumerate(words):
                if not token.cjk:
                    continue
                text = token.text
                for offset in range(len(text)):  # every phrase at every start: no spaces
                    for length in lengths:
                        piece = text[offset : offset + length]
                        for category, key, language in self._cjk.get(piece, ()):
                            found.append(
                                _new(
                                    Found, (category, key, position, position + 1, False, language)
                                )
                            )
        return found

    @staticmethod
    def _split(
        particles: dict[str, list[_Entry]],
        readings: list[_Reading],
        start: int,
        fuzzy: bool,
        found: list[Found],
        words: list[Token],
        text: str,
    ) -> None:
        """ "blew Molly up": the particle a few words after its verb (not right after it:
        that is the plain phrase); in German, also ending the sentence ("stehen ... auf")
        or a clause, before a comma ("kehrt sie nicht vom Mond zurück, und Gordo ...")."""
        last = min(len(readings), start + 2 + _SPLIT_REACH)
        positions = list(range(start + 2, last))
        end = len(readings) - 1
        reach = start + 2 + _GERMAN_PARTICLE_REACH
        if text:
            positions += [
                k
                for k in range(last, min(end, reach + 1))
                if _CLAUSE_END.search(text, words[k].end, words[k + 1].start)
            ]
        if last <= end <= reach:
            positions.append(end)
        for position in positions:
            far = position >= last
            for reading in readings[position][0]:
                entries = particles.get(reading)
                if entries and far:  # only German particles reach this far
                    entries = [e for e in entries if e[2] == "de"]
                if entries:
                    for category, key, language in entries:
                        found.append(
                            _new(Found, (category, key, start, position + 1, fuzzy, language))
                        )
                    return

    def _prefixed(self, token: Token) -> list[_Entry]:
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
