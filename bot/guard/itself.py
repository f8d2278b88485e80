"""What a message says of itself: the languages it is written in, whether it is written
In Title Case, which capitalised words are proper nouns of somebody else's, the seasons
and episode codes it names, and whether it is about the show. Moved out of who.py, whose
_Who stacks on _Itself and decides who a name means."""

from __future__ import annotations

from collections import Counter, defaultdict

from bot.guard.history import _History
from bot.guard.lexicon import common_words
from bot.guard.matcher import Found
from bot.guard.reading import (
    _EPISODE_CODE,
    _SEASON,
    _SEASON_WORDS,
    _apart,
    _lazy,
    _Sentence,
)

_NO_LANGUAGES: frozenset[str] = frozenset()
_QUOTES = frozenset("'\"“‘*_")  # around an episode's title
_ARTICLES = frozenset({"the", "a", "an"})
# A message in Title Case: this many words inside its sentences, this share capitalised
TITLE_CASE_WORDS = 4
TITLE_CASE_SHARE = 0.6


class _Itself(_History):
    """What the message says of itself: its languages, its capitals, its seasons."""

    @_lazy
    def _counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        language_of = self.m._language_of
        for s in self.read:
            for token in s.words:
                if token.link:  # "com" in "example.com" is no Portuguese
                    continue
                for language in language_of.get(token.text, ()):
                    counts[language] += 1
        return counts

    @_lazy
    def _word_counts(self) -> Counter[str]:
        """How often each word is written in the message (links too; from a list: a
        generator would be resumed once per word)."""
        return Counter([t.text for s in self.read for t in s.words])

    @_lazy
    def _title_case(self) -> bool:
        """Whether the message Capitalises Most Of Its Words ("Karen And Molly Die In The
        Bombing"): then a capitalised everyday word is no surname, nor somebody else."""
        capitals = words = 0
        for s in self.read:
            for k, token in enumerate(s.words):
                raw = s.text[token.start : token.end]
                if k == 0 or len(raw) < 2 or not raw.isalpha():
                    continue
                words += 1
                capitals += raw[0].isupper() and not raw.isupper()
        return words >= TITLE_CASE_WORDS and capitals >= TITLE_CASE_SHARE * words

    @_lazy
    def languages(self) -> set[str]:
        """Languages the message is written in, by their small words (two at least)."""
        return {language for language, n in self._counts.items() if n >= 2}

    def _foreign(self, word: str) -> bool:
        """Whether ``word`` is a small word of another language this message is written
        in, rather than English: "die" in "Molly ist die Beste", "i" in "i sovietici"."""
        languages = self.m._language_of.get(word)
        if not languages:
            return False
        counts = self._counts
        english = counts.get("en", 0)
        # the word does not vouch for itself: "#KarenDies #MollyDies" is no German
        itself = self._word_counts[word]
        return any(
            counts[lang] >= 2 and counts[lang] > english and counts[lang] > itself
            for lang in languages
            if lang != "en"
        )

    def _foreign_between(self, s: _Sentence, k: int) -> bool:
        """Whether word ``k``, a small word of another language ("die"), stands between
        two words of that language and not of English: a verb only it has before, and
        one of its words or a capitalised noun after ("Margo leitet die Mission", "Karen
        liebt die Bar"); after a word no list knows ("rockt"), only a word of that language
        alone will do. Not "Gordo and Tracy die on the moon": a name, or English, on
        either side."""
        words = s.words
        if k == 0 or k + 1 >= len(words) or _apart(s, k - 1, k) or _apart(s, k, k + 1):
            return False
        common = common_words()
        before = common.get(words[k - 1].text, _NO_LANGUAGES)
        if "en" in before or words[k - 1].text in self.m._all_names:
            return False
        nxt = words[k + 1]
        after = common.get(nxt.text, _NO_LANGUAGES)
        raw = s.text[nxt.start : nxt.end]
        noun = raw[:1].isupper() and raw.isalpha() and nxt.text not in self.m._all_names
        for language in self.m._language_of.get(words[k].text, ()):
            theirs = language in after and "en" not in after
            # a word no list knows before ("rockt") needs one only that language has after
            known = language in before and (noun or theirs)
            if language != "en" and (known if before else theirs):
                return True
        return False

    def _grammar_counts(self, s: _Sentence, f: Found) -> bool:
        """A grammar word counts in its own language's messages: English "i" not in an
        Italian sentence, nor Spanish "me" in an English one (an everyday English word
        is another language's only when the message is in that language)."""
        if f.end - f.start != 1:
            return True
        word = s.words[f.start].text
        if f.language == "en":
            return not self._foreign(word)
        if f.language == "ja" or f.language in self.languages:
            return True
        english = "en" in common_words().get(word, _NO_LANGUAGES)
        return not english and word not in self.m._functions.get("en", _NO_LANGUAGES)

    def _proper_noun(self, s: _Sentence, k: int) -> bool:
        """A capitalised word that is no name or word of ours: somebody else ("Becca",
        "Stark", "Jerrie"). At the start of a sentence, where any word is capitalised, it
        must also be no everyday English word ("Dying at the end...")."""
        if k < 0:
            return False
        token = s.words[k]
        if not s.text[token.start].isupper():
            return False  # the quick test first: most words are lower case
        raw = s.text[token.start : token.end]
        if not raw.isalpha() or raw.isupper() or k in s.starts:
            return False
        if self._title_case and "en" in common_words().get(token.text, _NO_LANGUAGES):
            return False  # "Karen And Molly Die": every word has its capital
        if token.text in self.m._all_names or "de" in self.languages:
            return False  # German writes every noun so ("zur Landefähre verbannt")
        if k in s.grammar.get("show", ()):
            return False  # a word of the show's ("les Soviétiques", "рабочие Гелиоса")
        first = k == 0 or s.text[s.words[k - 1].end : token.start].strip()[-1:] in (".", "!", "?")
        # at the start, an everyday word of English or of the message's language, or a
        # Russian word (no list of everyday Russian words): "Warum Karen", "Почему Марго"
        everyday = common_words().get(token.text, _NO_LANGUAGES)
        return not first or not ("en" in everyday or everyday & self.languages or _cyrillic(raw))

    def _a_title(self, s: _Sentence, f: Found) -> bool:
        """Whether words that read as an episode's title are written as one: with its
        capital ("the end of Triage", "The Grey") or in quotes ("'the grey'"), in a
        message not written In Title Case."""
        start = s.words[f.start].start
        if s.text[start - 1 : start] in _QUOTES:
            return True
        # the capital of "Grey" in "The Grey": any sentence may open with "The"
        head = f.start
        if f.end - f.start > 1 and s.words[f.start].text in _ARTICLES:
            head += 1
        return s.text[s.words[head].start].isupper() and not self._title_case

    @_lazy
    def seasons(self) -> set[int]:
        return self._when[0]

    @_lazy
    def about_show(self) -> bool:
        """Whether the message is about the show: a show word or thing, an episode code,
        two characters, or the caller says so (a channel about the show)."""
        names = {f.key for s in self.read for f in s.found if f.category == "name"}
        return (
            self._about_show
            or any(
                f.category in ("thing", "action") or (f.category == "word" and f.key == "show")
                for s in self.read
                for f in s.found
            )
            or self._when[1]
            or len(names) >= 2
            or any(self._a_title(s, f) for s in self.read for f in s.of_all("episode"))
        )

    @_lazy
    def _when(self) -> tuple[set[int], bool]:
        """Seasons the message names, and whether it gives an episode code."""
        seasons: set[int] = set()
        coded = False
        for s in self.read:
            for k, token in enumerate(s.words):
                text = token.text
                if text.isdigit():  # "season 3", "staffel 4"
                    if k and s.words[k - 1].text in _SEASON_WORDS and len(text) == 1:
                        seasons.add(int(text))
                elif text[:1].isalpha() and not text.isalpha():  # "s3", "s3e10", "t4"
                    season = _SEASON.match(text)
                    if season:
                        seasons.add(int(season.group(1)))
                    coded = coded or bool(_EPISODE_CODE.match(text))
            # a finale named by its title names its season ("The Grey gave me ...")
            for f in s.of_all("episode"):
                if f.key.endswith(":1") and self._a_title(s, f):
                    seasons.add(int(f.key.split(":", 1)[0]))
        return seasons, coded


def _cyrillic(word: str) -> bool:
    return "\u0400" <= word[:1] <= "\u04ff"
