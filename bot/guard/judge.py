"""Deciding whether a message spoils, how sure the guard is, and why.

A message spoils when it connects a *subject* (a character however pointed at, or a
thing such as "the Sea Dragon") with an *outcome* a finale reveals, close enough to be
one statement, in text a reader can see. The stages:

- **who**: names (with typos, other scripts), roles and relations ("Ed's wife", "the
  Outpost owner", read for the season the message talks about), pronouns and "both of
  them" pointing back at characters named earlier in the message. A name that could be
  anyone's ("Karen") counts in full only when the message is about the show; "my aunt
  Karen", "Karen from HR", "Ed Sheeran" and "the real Deke Slayton" are someone else.
- **what**: meaning classes in every language (death, arrest, exile...), negation
  flipping death and survival ("doesn't survive" is a death, "isn't dead" is alive; "would
  never defect" is nothing), figures of speech cancelled ("killed it", "I'm dead", "that
  cliffhanger killed me"), emoji counting only right beside a name.
- **together**: subject and outcome in the same sentence (closer is surer), or the
  outcome in a later sentence that points back with a pronoun.
- **how sure**: a score in [0, 1]; a bare yes/no question ("does Gordo die?"; in the
  other languages a question mark is enough: "Karen morre?") asks and scores low; a
  name that could be anyone, without show context, scores lower (tagged only when the
  statement is plain and close; otherwise the review band).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from bot.canon.models import GuardRule
from bot.guard.layout import Layout, Span, layout, readable, sentences
from bot.guard.lexicon import Lexicon, common_words, plain
from bot.guard.matcher import Found, Vocabulary, compile_vocabulary, stem
from bot.guard.normalise import Token, tokens

DEFAULT_THRESHOLD = 0.6  # at or above: the guard tags the message
REVIEW_BAND = 0.35  # from here up to the threshold: moderators are asked, nothing deleted

NEAR, FAR, FARTHEST = 10, 20, 30  # token distances between a subject and an outcome
CLOSE, MIDDLE, DISTANT = 0.92, 0.8, 0.6  # the score at each distance
BACK_REFERENCE = 0.78  # an outcome in a later sentence, pointing back with a pronoun
SUBJECT_ONLY = 0.88  # a rule that needs no outcome ("boots on Mars", a server's term)
WEAK = 0.62  # a hint ("gone", "loses"): the review band at best
ANYONE = 0.68  # a name that could be anyone, in a message not about the show
ASKING = 0.3  # a bare yes/no question asks rather than tells
EMOJI_REACH = 2  # an emoji stands for a fate only right beside a name
NEGATION_REACH = 3
GERMAN_NEGATION_REACH = 6  # "nicht" after the verb, at its clause's end
FLIPS = {"death": "alive", "alive": "death", "return": "death", "home": "death"}
CHAIN = 6  # sentences a chain of pronouns may reach back
SEASON_NAMED = 0.85  # a hint, in a message naming the season whose finale it gives away
IN_A_LINK = 0.6  # words seen only in a link address: shown, but rarely meant as prose
TYPO = 0.62  # a name or outcome read through a one-letter typo ("dyeing" is not "dying")
TYPO_IN_CONTEXT = 0.8  # a misspelt name with a plain outcome, in a message about the show
OTHER_EPISODE = 0.5  # the message places it in an episode that is not a finale
OBJECT_REACH = 4  # how far after an outcome its pronoun object may come ("...gets her")
EXPECT_REACH = 3  # from "would", "to" to the outcome it puts in the writer's guess
EPISODE_REACH = 8  # words from an outcome to the episode it happened in, in one clause
_SEASON = re.compile(r"^[st](\d)(?:e\d+|x\d+)?$")
_SEASON_WORDS = frozenset({"season", "staffel", "saison", "stagione", "temporada", "сезон"})
_EPISODE_CODE = re.compile(r"^(?:s\d+(?:e\d+)?|e\d+|ep\d*|t\d|\d+x\d+)$")
_YEAR = re.compile(r"^(?:19[0-9]{2}|20[0-2][0-9])$")
_DECADE = re.compile(r"^(?:19)?[5-9]0s$")  # "the 60s", "1960s": history talk
_CODE = re.compile(r"^s?(\d{1,2})?[ex](\d{1,2})$")  # s3e9, e9, 3x09
_EPISODE_WORDS = frozenset({"ep", "episode", "episodes", "eps", "folge", "episodio", "capitulo"})
_FINALE_WORDS = frozenset({"finale", "final", "last", "end", "ending", "ends", "closing", "closes"})
_FINALES = frozenset(
    {"finale", "finales", "finals", "最終話", "最終回", "финал", "финале", "финала"}
)
_OPENING_WORDS = frozenset({"premiere", "opener", "start", "beginning", "mid", "midseason"})
_NOBODY: frozenset[str] = frozenset({"?"})  # owned by someone who is not a character
_NONE: frozenset[int] = frozenset()
_NO_LANGUAGES: frozenset[str] = frozenset()
_NO_FOUND: list[Found] = []


@dataclass(frozen=True)
class Evidence:
    """One reason to hide something: who, what happened, how they were connected."""

    rule: str  # the rule id, or "term:<text>" for a server's own term
    character: str | None  # the character id, when the subject is a character
    subject: str  # the words that named the subject, as written
    outcome: str  # the words that said what happened ("" for a rule without outcomes)
    how: str  # "same sentence", "pronoun", "role", "relation"...
    score: float
    sentences: tuple[int, ...]  # indices into Verdict.spans


@dataclass(frozen=True)
class Verdict:
    """The guard's reading of one message. True when something should be tagged."""

    page: Layout
    spans: tuple[Span, ...]  # every sentence, as read
    score: float  # how sure the guard is that the message spoils, 0..1
    evidence: tuple[Evidence, ...]  # best first
    threshold: float = DEFAULT_THRESHOLD
    forced: tuple[Span, ...] = ()  # spans to hide whatever the score (a moderator's call)

    @property
    def sentences(self) -> tuple[Span, ...]:
        """The sentences to hide: those of every piece of evidence at the threshold."""
        if self.forced:
            return self.forced
        chosen = {i for e in self.evidence if e.score >= self.threshold for i in e.sentences}
        return tuple(self.spans[i] for i in sorted(chosen))

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(e.rule for e in self.evidence if e.score >= self.threshold)

    @property
    def in_review_band(self) -> bool:
        return REVIEW_BAND <= self.score < self.threshold and not self.forced

    def __bool__(self) -> bool:
        return bool(self.sentences)


@dataclass(slots=True)
class _Rule:
    key: str
    persons: frozenset[str]
    things: frozenset[str]
    classes: frozenset[str]
    phrases: frozenset[str]
    season: int | None = None  # the season whose finale it gives away


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    persons: frozenset[str] = frozenset()
    thing: str | None = None
    how: str = "name"
    common: bool = False
    fuzzy: bool = False
    consumed: bool = False  # a possessor ("Ed" in "Ed's wife") is not the subject


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    cls: str | None  # a meaning class, or None for a rule's own phrase
    phrase: str | None
    weak: bool = False
    emoji: bool = False
    fuzzy: bool = False
    owner: frozenset[str] | None = None  # "Shane's death": the death is Shane's
    elsewhere: bool = False  # next to a non-finale episode ("released in ep 5")
    absent: int | None = None  # "not in s4": gone by this season (its finale's fate)
    filled: int | None = None  # the pronoun standing for a character its phrase names


class _Sentence:
    """One sentence as read, and what the judge makes of it (a plain class: one is
    made per sentence of every message, so it is kept cheap)."""

    __slots__ = (
        "aside",
        "asking",
        "by",
        "cues",
        "finale",
        "found",
        "grammar",
        "index",
        "markers",
        "mentions",
        "others",
        "starts",
        "text",
        "wished",
        "words",
    )

    def __init__(self, index: int, words: list[Token], found: list[Found], text: str) -> None:
        self.index = index
        self.words = words
        self.found = found
        self.text = text
        self.mentions: list[_Mention] = []
        self.aside: list[str] = []  # real people named here as history ("the real Deke")
        self.cues: list[_Cue] = []
        self.asking: int | None = None  # up to which word it asks (_Context._asks)
        self.wished: list[_Cue] = []  # outcomes hoped or feared, not told
        self.markers: list[tuple[int, bool]] = []  # episodes named: (where, a finale?)
        self.finale = False  # names a finale ("in the s3 finale", "s2e10")
        self.others: list[int] = []  # where names of someone else end
        self.grammar: dict[str, set[int]] = {}  # grammar class -> word positions
        self.by: dict[str, list[Found]] = {}  # what was found, by category
        self.starts: set[int] = set()  # where something was found

    def has(self, key: str) -> bool:
        return bool(self.grammar.get(key))

    def of(self, category: str) -> list[Found]:
        return self.by.get(category, _NO_FOUND)

    def of_all(self, category: str) -> list[Found]:
        """What was found of a category, in a sentence ``recognise`` may have skipped."""
        return [f for f in self.found if f.category == category]


class Matcher:
    """Rules and knowledge compiled once; ``inspect`` reads messages with them."""

    def __init__(
        self,
        rules: Iterable[GuardRule],
        terms: Sequence[str] = (),
        lexicon: Lexicon | None = None,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.lexicon = lexicon or Lexicon()
        self.threshold = threshold
        self.vocabulary: Vocabulary = compile_vocabulary(self.lexicon)
        self.people = self.lexicon.people
        common = common_words()
        # Single-word names that are everyday words, with the languages they are common in
        self._common_names = [
            {n.casefold(): common[n.casefold()] for n in plain(p.names) if n.casefold() in common}
            for p in self.people
        ]
        self._all_names = {
            w.casefold() for p in self.people for n in plain(p.names) for w in n.split()
        }
        self._functions = {
            k[len("function_") :]: frozenset(plain(v))
            for k, v in self.lexicon.words.items()
            if k.startswith("function_")
        }
        # Who is a "she" or a "he", as far as their relations say (wife, son...)
        feminine = set(plain(self.lexicon.words.get("feminine", ())))
        masculine = set(plain(self.lexicon.words.get("masculine", ())))
        self._genders: dict[str, str] = {}
        for person in self.people:
            said = {w for r in person.roles if r.of for word in r.words for w in word.split("|")}
            if person.gender is not None:
                self._genders[person.id] = person.gender
            elif said & feminine and not said & masculine:
                self._genders[person.id] = "she"
            elif said & masculine and not said & feminine:
                self._genders[person.id] = "he"
        # Initials ("KB & MC kia"): first and last name's first letters, for everyone
        # with both; shared initials point at all who share them ("KB": Karen, Kelly)
        initials: dict[str, set[str]] = defaultdict(set)
        small = {w for words in self._functions.values() for w in words}
        for person in self.people:
            parts = [w for w in person.names[0].casefold().split() if w[:1].isalpha()]
            if len(parts) >= 2 and parts[0][0].isascii() and parts[-1][0].isascii():
                pair = parts[0][0] + parts[-1][0]
                if pair not in small and pair not in self._all_names:
                    initials[pair].add(person.id)
        self._initials = {k: frozenset(v) for k, v in initials.items()}
        for pair in self._initials:
            self.vocabulary.add(pair, ("initials", pair), exact=True)
        self._language_of: dict[str, list[str]] = defaultdict(list)
        for language, function_words in self._functions.items():
            for word in function_words:
                self._language_of[word].append(language)
        # Grammar words whose language must be weighed (_Context._grammar_counts): an
        # English one that is another language's small word; another language's one
        # that is an everyday English word
        self._gate_english = frozenset(
            w for w, languages in self._language_of.items() if set(languages) - {"en"}
        )
        english = self._functions.get("en", frozenset())
        self._gate_other = (
            frozenset(w for w, languages in common.items() if "en" in languages) | english
        )
        self.rules: list[_Rule] = []
        self._by_person: dict[str, list[int]] = defaultdict(list)
        self._by_thing: dict[str, list[int]] = defaultdict(list)
        for rule in rules:
            self._add(rule.id, rule.subjects, rule.actions, rule.reveal.episode.season)
        for term in terms:
            self._add(f"term:{term}", (term,), ())
        self._subject_only = any(not r.classes and not r.phrases for r in self.rules)
        self._slotted = self._slot_phrases()
        # Family names in the plural ("the Baldwins", "the Stevenses"): everyone so named
        surnames: dict[str, set[str]] = defaultdict(set)
        for person in self.people:
            full = person.names[0].casefold().split()
            if len(full) >= 2 and full[-1].isalpha():
                surnames[full[-1]].add(person.id)
        self._families = {
            plural: frozenset(ids)
            for name, ids in surnames.items()
            if len(ids) >= 2
            for plural in (name + "s", name + "es")
        }
        # Each character's finale scenes: the things their rules are about, by season
        self._scenes: dict[str, list[tuple[int | None, frozenset[str]]]] = defaultdict(list)
        for r in self.rules:
            if r.things:
                for who in r.persons:
                    self._scenes[who].append((r.season, r.things))
        self._role_keys: dict[str, tuple[int, int, int]] = {}  # "3:1:0" -> (3, 1, 0)
        self.vocabulary.prepare()  # now, not on the first message's first typo

    def _slot_phrases(self) -> dict[str, list[tuple[str, str]]]:
        """Rule phrases that end with a character's name ("visits pam", "tells margo"),
        by the words before the name: a member may name that character another way
        ("goes to see her", "shows up at her old girlfriend's house")."""
        names: dict[str, set[str]] = defaultdict(set)
        for person in self.people:
            full = person.names[0].casefold().split()
            for name in plain(person.names):
                if len(full) < 2 or name.casefold() != full[-1]:  # not "ride" in "their ride"
                    names[name.casefold()].add(person.id)
        small = {w for words in self._functions.values() for w in words}
        slotted: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for rule in self.rules:
            for phrase in rule.phrases:
                words = phrase.split()
                who = names.get(words[-1], set()) if len(words) >= 2 else set()
                if len(who) != 1 or all(w in small for w in words[:-1]):
                    continue  # "for aleida": "for her" could be for anyone
                prefix = " ".join(words[:-1])
                slotted[prefix].append((phrase, next(iter(who))))
        for prefix in slotted:
            self.vocabulary.add(prefix, ("slot", prefix))
        return dict(slotted)

    def _add(
        self,
        key: str,
        subjects: Sequence[str],
        actions: Sequence[str],
        season: int | None = None,
    ) -> None:
        persons = frozenset(s[1:] for s in subjects if s.startswith("@"))
        things = frozenset(s for s in subjects if not s.startswith("@"))
        classes = frozenset(a[1:] for a in actions if a.startswith("@"))
        phrases = frozenset(a for a in actions if not a.startswith("@"))
        index = len(self.rules)
        self.rules.append(_Rule(key, persons, things, classes, phrases, season))
        for person in persons:
            self._by_person[person].append(index)
        for thing in things:
            self.vocabulary.add(thing, ("thing", thing))
            self._by_thing[thing].append(index)
        for phrase in phrases:
            self.vocabulary.add(phrase, ("action", phrase))

    # --- reading -------------------------------------------------------------------

    def read(self, page: Layout, spans: Sequence[Span]) -> list[_Sentence]:
        """Each sentence's words and what they name. The message is normalised in one
        go (sentences end at punctuation or line breaks, never inside a word)."""
        if not spans:
            return []
        first, last = spans[0][0], spans[-1][1]
        every = tokens(readable(page, (first, last)), first)
        if page.links:
            for token in every:
                token.link = any(a <= token.start < b for a, b in page.links)
        read = []
        at = 0
        count = len(every)
        find = self.vocabulary.find
        for index, (_, end) in enumerate(spans):
            until = at
            while until < count and every[until].start < end:
                until += 1
            words = every[at:until]
            at = until
            read.append(_Sentence(index, words, find(words), page.text))
        return read

    def inspect(self, text: str, *, about_show: bool = False) -> Verdict:
        page = layout(text)
        spans = sentences(page)
        read = self.read(page, spans)
        categories = {f.category for s in read for f in s.found}
        # Nobody and nothing a rule is about, or nothing said of them: no spoiler (a rule
        # without outcomes has a "thing" subject, which is enough on its own). A negation
        # may say something by itself: "Deke doesn't.", "no more Molly".
        nothing_said = not categories & _SUBJECTS or not (
            categories & _OUTCOMES
            or any(f.key == "negation" for s in read for f in s.found if f.category == "word")
            # "Marge becomes a widow": a death said by a relation (_Context._kin_lost)
            or any(f.key == "widow" for s in read for f in s.found if f.category == "relation")
        )
        if nothing_said and not ("thing" in categories and self._subject_only):
            return Verdict(page, tuple(spans), 0.0, (), self.threshold)
        context = _Context(self, read, about_show, page.links)
        for sentence in read:
            context.recognise(sentence)
        evidence = context.associate()
        evidence.sort(key=lambda e: -e.score)
        best = evidence[0].score if evidence else 0.0
        return Verdict(page, tuple(spans), round(best, 3), tuple(evidence), self.threshold)


T = TypeVar("T")


class _lazy(Generic[T]):
    """functools.cached_property without its lock (3.11 takes one on every first read):
    a context lives in one thread, for one message."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, instance: Any, owner: Any = None) -> T:
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value


class _Context:
    """One message being judged: what it is about, who it has named so far."""

    def __init__(
        self, matcher: Matcher, read: list[_Sentence], about_show: bool, links: Sequence[Span]
    ) -> None:
        self.m = matcher
        self.read = read
        self._about_show = about_show
        self.links = links  # the message's link addresses
        self.set_aside: dict[str, bool] = {}  # characters whose names meant someone else
        self._seasons_at: dict[int, list[tuple[int, int]]] = {}  # per sentence: (where, season)

    @_lazy
    def _counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        language_of = self.m._language_of
        for s in self.read:
            for token in s.words:
                for language in language_of.get(token.text, ()):
                    counts[language] += 1
        return counts

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
        return any(
            counts[lang] >= 2 and counts[lang] > english for lang in languages if lang != "en"
        )

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
        if token.text in self.m._all_names or "de" in self.languages:
            return False  # German writes every noun so ("zur Landefähre verbannt")
        first = k == 0 or s.text[s.words[k - 1].end : token.start].strip()[-1:] in (".", "!", "?")
        # at the start, an everyday word of English or of the message's language, or a
        # Russian word (no list of everyday Russian words): "Warum Karen", "Почему Марго"
        everyday = common_words().get(token.text, _NO_LANGUAGES)
        return not first or not ("en" in everyday or everyday & self.languages or _cyrillic(raw))

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
        return seasons, coded

    # --- who and what, one sentence at a time ---------------------------------------

    def recognise(self, s: _Sentence) -> None:
        by: dict[str, list[Found]] = {}
        for f in s.found:
            by.setdefault(f.category, []).append(f)
        elliptic = s.index and any(f.key == "negation" for f in by.get("word", _NO_FOUND))
        if not (by.keys() & _SUBJECTS or by.keys() & _OUTCOMES or elliptic):
            # nothing here a rule could use; a pronoun keeps a chain going, though
            for f in by.get("word", _NO_FOUND):
                if f.key in _POINTING:
                    s.grammar.setdefault(f.key, set()).add(f.start)
            return
        s.by = by
        s.starts = {f.start for f in s.found}
        idiom: set[int] = set()
        for f in by.get("idiom", _NO_FOUND):
            idiom.update(range(f.start, f.end))
        grammar = s.grammar
        gate_english, gate_other = self.m._gate_english, self.m._gate_other
        words = s.words
        for f in by.get("word", _NO_FOUND):
            if f.end - f.start == 1:
                # only words another language could claim are weighed ("i", "me", "die")
                word = words[f.start].text
                gate = gate_english if f.language == "en" else gate_other
                if word in gate and not self._grammar_counts(s, f):
                    continue
                grammar.setdefault(f.key, set()).add(f.start)
            else:
                grammar.setdefault(f.key, set()).update(range(f.start, f.end))
        self._people(s)
        self._roles(s)
        self._cues(s, idiom)
        if any(c.weak for c in s.cues):  # only hints care whether a finale is named
            s.finale = _names_finale(s.words)
        if s.cues and (s.mentions or s.index):  # a later sentence may point back
            s.markers = markers = _episodes(s.words)
            if any(not finale for _, finale in markers):
                # what is said goes with the nearest episode named in its clause: "Sylvie
                # dies in ep 4, but the car bomb that takes Karen is the s3 finale"
                for cue in s.cues:
                    near = [
                        (distance, finale)
                        for k, finale in markers
                        if (distance := min(abs(cue.start - k), abs(cue.end - 1 - k)))
                        <= EPISODE_REACH
                        and not _clause_break(s, min(k, cue.start), max(k, cue.start))
                    ]
                    cue.elsewhere = bool(near) and not min(near)[1]

    def _episode_near(self, s: _Sentence, at: int) -> bool | None:
        """Whether the episode named nearest ``at`` in its clause is a finale (None: no
        episode named there)."""
        near = [
            (abs(at - k), finale)
            for k, finale in s.markers
            if abs(at - k) <= EPISODE_REACH and not _clause_break(s, min(k, at), max(k, at))
        ]
        return min(near)[1] if near else None

    def _people(self, s: _Sentence) -> None:
        names = list(s.of("name"))
        if len(names) > 1:
            names.sort(key=lambda f: (f.start, -(f.end - f.start)))
        taken = -1  # names do not overlap: the longest at each place wins
        for f in names:
            if f.start < taken:
                if (
                    f.fuzzy
                    and s.mentions
                    and (s.mentions[-1].start, s.mentions[-1].end)
                    == (
                        f.start,
                        f.end,
                    )
                ):
                    # a typo that reads as two names ("margoe": Margo or Marge): either
                    last = s.mentions[-1]
                    if last.fuzzy and not self._someone_else(s, f, int(f.key)):
                        last.persons |= {self.m.people[int(f.key)].id}
                continue
            taken = f.end
            person = int(f.key)
            if self._contrasted(s, f):
                continue  # not the subject, nor anyone the outcome belongs to
            if self._someone_else(s, f, person):
                s.others.append(f.end)
                real = self.m.people[person].real and (
                    s.has("real") or any(_YEAR.match(t.text) for t in s.words)
                )
                self.set_aside[self.m.people[person].id] = real
                if real:
                    s.aside.append(self.m.people[person].id)
                continue
            common = False
            if f.end - f.start == 1:
                languages = self.m._common_names[person].get(s.words[f.start].text)
                if languages:
                    common = "en" in languages or bool(languages & self.languages)
            s.mentions.append(
                _Mention(
                    f.start,
                    f.end,
                    frozenset({self.m.people[person].id}),
                    common=common,
                    fuzzy=f.fuzzy,
                )
            )
        for f in s.of("initials"):
            # written in capitals ("KB", "K.B."), in a message about the show
            raw = s.text[s.words[f.start].start : s.words[f.end - 1].end]
            if raw.isupper() and self.about_show:
                persons = self.m._initials[f.key]
                s.mentions.append(_Mention(f.start, f.end, persons, how="initials"))
        if self.set_aside and s.has("namesake_of"):
            # "my coworker is called Margo ... her namesake fakes her death": the
            # character whose name the namesake bears
            persons = frozenset(p for p, historic in self.set_aside.items() if not historic)
            places = s.grammar["namesake_of"]
            for k in sorted(places):
                if persons and k - 1 not in places:
                    s.mentions.append(_Mention(k, k + 1, persons, how="namesake"))
        real_at = s.grammar.get("real", _NONE)
        history = bool(real_at) and any(
            _YEAR.match(t.text) or _DECADE.match(t.text) for t in s.words
        )
        if not history:  # "Sea Dragon was a real 1962 design" is not the show's
            for f in s.of("thing"):
                if (
                    real_at
                    and any(
                        f.start - d in real_at and not _apart(s, f.start - d, f.start)
                        for d in (1, 2)
                    )
                    # "... but in the show one launches": the show's, after all
                    and not any(
                        k > f.end and _clause_break(s, f.end, k) for k in s.grammar.get("show", ())
                    )
                ):
                    continue  # "the real Sea Dragon was never built"
                if self._elsewhere(s, f.end) or (
                    not any(x.start == f.end for x in s.of("name") + s.of("thing"))
                    and self._elsewhere(s, f.end + 1)
                ):
                    continue  # "the Outpost bar in my town"
                s.mentions.append(_Mention(f.start, f.end, thing=f.key, how="thing"))

    def _elsewhere(self, s: _Sentence, end: int) -> bool:
        """Whether the words after a name place it in the writer's world: "from HR", "in
        my D&D group", "on my team", "in my town"."""
        words = s.words
        return (
            end + 1 < len(words)
            and words[end].text in _ELSEWHERE
            and (end + 2 >= len(words) or words[end + 2].text not in _OPINION)
            and (
                end + 1 in s.grammar.get("namesake_owner", _NONE)
                or end + 1 in s.grammar.get("namesake_place", _NONE)
            )
        )

    def _contrasted(self, s: _Sentence, f: Found) -> bool:
        """ "Danny not Dani gets exiled", "Gordo, not Gordon Ramsay": the name after
        "not", straight after another name, is the one it is not about."""
        k = f.start - 1
        if k < 1 or k not in s.grammar.get("negation", _NONE) or s.words[k].text != "not":
            return False
        return any(m.end == k for m in s.mentions if m.persons) or k in s.others

    def _someone_else(self, s: _Sentence, f: Found, person: int) -> bool:
        """A namesake (my aunt Karen, Karen from HR, Ed Sheeran) or the real person."""
        words = s.words
        grammar = s.grammar
        owners = grammar.get("namesake_owner", _NONE)
        nouns = grammar.get("namesake_noun", _NONE)
        if owners:
            # "my aunt Karen", "our old dog Gordo", "some Karen", "I named my rover Danny"
            before = {words[k].text for k in range(max(0, f.start - 4), f.start)}
            kin = {  # "my wife Karen"; not "my girl Karen", said of a favourite
                k
                for x in s.of("relation")
                for k in range(x.start, x.end)
                if words[k].text not in _FONDLY
            }
            for k in range(max(0, f.start - 6), f.start):
                if k not in owners or _apart(s, k, f.start):
                    continue
                if k and k - 1 in grammar.get("negation", _NONE):
                    continue  # "not my coworker Molly, the astronaut": ours after all
                between = range(k + 1, f.start)
                if words[k].text in _NAMING:
                    if f.start and words[f.start - 1].text in _AFTER_NAMING:
                        continue  # "named my dog after Gordo": Gordo is the original
                    if any(x.start in between for x in s.of("name")):
                        continue  # "named my daughter Kelly and then Kelly gives birth"
                    if not s.has("show") or "character" not in before:
                        return True  # "named ... 'Danny'": whatever was named
                elif not between and words[k].text in _FOND_OWNERS and _shows(s):
                    continue  # "our Molly is gone after the bombing": ours, fondly
                elif (
                    f.start - k <= 4
                    and not ({"show", "the"} & before)
                    and all(
                        j in nouns or j in kin or j in owners or j not in s.starts for j in between
                    )
                    and (not between or f.start - 1 in nouns or f.start - 1 in kin)
                ):
                    return True
            # "Danielle my roommate"
            if f.end in owners and f.end + 1 in nouns:
                return True
        # "Karen from HR", "Kelly in my D&D group", "Dev on my team"
        if self._elsewhere(s, f.end):
            return True
        # "Ed Sheeran", "Gordon Cooper": a capitalised word that is none of our names
        if f.end < len(words) and f.end - f.start == 1:
            nxt = words[f.end]
            raw = s.text[nxt.start : nxt.end]
            gap = s.text[words[f.end - 1].end : nxt.start]
            if (
                gap == " "
                and raw[:1].isupper()
                and not raw.isupper()
                and raw.isalpha()
                and nxt.text not in self.m._all_names
                and (
                    f.end not in s.starts
                    or all(fo.category == "role" for fo in s.found if fo.start == f.end)
                )
            ):
                return True
        # ... and a surname after another first name: "Jerrie Cobb", "Scott Kelly"
        if f.start > 0 and f.end - f.start == 1:
            prev = words[f.start - 1]
            gap = s.text[prev.end : words[f.start].start]
            if gap == " " and self._proper_noun(s, f.start - 1):
                return True
        # "Neil's daughter Karen": someone's relative, unless the relation is this one's
        if f.start >= 3 and f.start - 2 in grammar.get("owner", ()):
            noun = {x.key for x in s.of("relation") if x.end == f.start}
            if noun or f.start - 1 in grammar.get("namesake_noun", ()):
                related = {
                    p for m in s.mentions if m.end == f.start - 2 and m.persons for p in m.persons
                }
                mine = self.m.people[person].roles
                if not any(r.of in related for r in mine):
                    return True
        # "the real Deke Slayton", "in real life ...", history with years
        real = grammar.get("real", _NONE)
        if real and any(
            f.start - d in real and not _apart(s, f.start - d, f.start) for d in (1, 2)
        ):
            return True  # not "unlike real history, Sally Ride pulls a gun"
        if self.m.people[person].real and not s.has("show"):
            # history, unless a character of the show's own is in it ("in 1983 Sally
            # Ride pulls a gun on Ed")
            historic = real or any(_YEAR.match(t.text) for t in words)
            if historic and not any(
                not self.m.people[int(x.key)].real and not self._someone_else(s, x, int(x.key))
                for x in s.of("name")
                if x.start != f.start
            ):
                return True
        return False

    def _roles(self, s: _Sentence) -> None:
        if "role" not in s.by and "relation" not in s.by:
            return
        slots: dict[tuple[int, int], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        parsed = self.m._role_keys
        for f in s.of("role"):
            person, role, slot = parsed.get(f.key) or parsed.setdefault(
                f.key,
                tuple(map(int, f.key.split(":"))),  # type: ignore[arg-type]
            )
            slots[(person, role)][slot].append(f.start)
        for (person, role_index), found in slots.items():
            known = self.m.people[person].roles[role_index]
            if known.of is not None or len(found) < len(known.words):
                continue
            positions = [min(p) for p in found.values()]
            if max(positions) - min(positions) > 6 or not self._in_season(known.first, known.last):
                continue
            if _apart(s, min(positions), max(positions)):
                continue  # "Karen (the character, not my boss) dies at JSC": not a role
            s.mentions.append(
                _Mention(
                    min(positions),
                    max(positions) + 1,
                    frozenset({self.m.people[person].id}),
                    how="role",
                )
            )
        for f in s.of("relation"):
            self._relation(s, f)

    def _in_season(self, first: int, last: int) -> bool:
        return not self.seasons or any(first <= n <= last for n in self.seasons)

    def _relation(self, s: _Sentence, f: Found) -> None:
        """ "Ed's wife", "his ex-wife", "Gordo and Tracy's younger kid", "Sergei's
        Houston counterpart": up to two words may describe the relation."""
        wanted = set(f.key.split("+"))
        owners: list[_Mention] = []
        k = f.start - 1
        possessive = s.grammar.get("owner", _NONE)
        pronouns = s.grammar.get("pronoun", _NONE)
        named = {j for m in s.mentions if m.persons for j in range(m.start, m.end)}
        while (
            k >= 0
            and k > f.start - 3
            and k not in possessive
            and k not in pronouns
            and k not in named
            and not _apart(s, k, f.start)
        ):
            k -= 1
        if k >= 0 and k in s.grammar.get("owner", ()):
            owners = [m for m in s.mentions if m.end == k and m.persons]
            # "Gordo and Tracy's": both own
            if (
                owners
                and owners[0].start >= 2
                and s.words[owners[0].start - 1].text in ("and", "&")
            ):
                owners += [m for m in s.mentions if m.end == owners[0].start - 1 and m.persons]
        elif k >= 0 and k in s.grammar.get("pronoun", ()):
            previous = self._antecedents(
                s.index, before=f.start, plural=False, gender=_gender(s, k)
            )
            owners = [_Mention(0, 0, previous)] if previous else []
        elif f.start and s.words[f.start - 1].text in self.m._families:
            # "the Baldwins' daughter": every Baldwin owns it
            family = self.m._families[s.words[f.start - 1].text]
            owners = [m for m in s.mentions if m.end == f.start and m.persons]
            for m in owners:
                m.consumed = True
            owners = [_Mention(f.start - 1, f.start, family)]
        after = not owners
        if after:
            owners = self._owners_after(s, f)
        ids: set[str] = set()
        for owner in owners:
            owner.consumed = True
            for person in self.m.people:
                for known in person.roles:
                    if (
                        known.of in owner.persons
                        and wanted & {p for w in known.words for p in w.split("|")}
                        and self._in_season(known.first, known.last)
                    ):
                        ids.add(person.id)
        if ids and f.start:
            # "the woman who raised Danny": Tracy, not Gordo
            gender = _GENDERED.get(s.words[f.start - 1].text)
            if gender is not None:
                ids = {p for p in ids if self.m._genders.get(p) in (None, gender)}
        if ids and not after and f.end < len(s.words) and not _apart(s, f.end - 1, f.end):
            ids = self._apposition(s, f.end, ids)
        if ids:
            s.mentions.append(_Mention(f.start, f.end, frozenset(ids), how="relation"))

    def _apposition(self, s: _Sentence, at: int, ids: set[str]) -> set[str]:
        """ "Tracy's husband Sam", "Ed's friend Bob": a name just after a relation says
        which of its people is meant (none of ours, when it names none of them)."""
        word = s.words[at].text
        if s.text[s.words[at].start : s.words[at].start + 1].islower():
            return ids  # "Gordo's wife dies", not a name
        named = {
            p.id
            for p in self.m.people
            if p.id in ids and any(word in n.casefold().split() for n in plain(p.names))
        }
        if named or self._proper_noun(s, at) or at in s.starts:
            return named
        return ids

    def _owners_after(self, s: _Sentence, f: Found) -> list[_Mention]:
        """Whose relation it is, named after it: "the person who taught Aleida" (a
        relation said by its verb), "the kid Gordo and Tracy raised" (a relation noun, the
        names, and a verb that makes it theirs: had, raised, married...)."""
        words = s.words
        at = f.end
        of = at + 1 < len(words) and words[at].text == "of" and not _apart(s, at - 1, at + 1)
        if of:  # "the father of Danny and Jimmy"
            at += 1
        elif words[f.start].text not in _RELATIVE:
            if at < len(words) and words[at].text in _RELATIVE:
                at += 1
            if at not in s.starts:
                return []
        owners: list[_Mention] = []
        while True:
            owner = [m for m in s.mentions if m.start == at and m.persons and m.how == "name"]
            if not owner:
                break
            owners.append(owner[0])
            at = owner[0].end
            if at + 1 < len(words) and words[at].text in _AND and not _apart(s, at - 1, at + 1):
                at += 1
                continue
            break
        if not owners or of or words[f.start].text in _RELATIVE:
            return owners
        return owners if at in s.grammar.get("relating", _NONE) else []

    def _antecedents(
        self,
        index: int,
        before: int | None = None,
        *,
        plural: bool = True,
        gender: str | None = None,
    ) -> frozenset[str]:
        """Characters a pronoun may point at: those named in this sentence before it, or
        in the nearest earlier sentence that names any (three back at most). "They",
        "both", "neither" point at all of them; "he", "she" at the one named first there
        (the sentence's subject, usually: "Sam was in s2 with Tracy. He dies..."), or the
        first one who can be a "she" or a "he", as their relations tell."""

        def fits(m: _Mention) -> bool:
            return gender is None or any(
                self.m._genders.get(p) in (None, gender) for p in m.persons
            )

        here = self.read[index]
        # a relation named here is an object ("he loses his son and his ex-wife": the
        # second "his" is still the subject's)
        named = [
            m
            for m in here.mentions
            if m.persons and (before is None or m.end <= before) and m.how != "relation"
        ]
        for k in range(index, max(-1, index - 4), -1):
            if k != index:
                named = [m for m in self.read[k].mentions if m.persons]
            if plural and named:
                return frozenset(p for m in named for p in m.persons)
            fitting = [m for m in named if fits(m)]
            if fitting:
                chosen = fitting[-1] if k == index else fitting[0]
                return chosen.persons
        return frozenset()

    def _cues(self, s: _Sentence, idiom: set[int]) -> None:
        grammar = s.grammar
        first_person = grammar.get("first_person", _NONE)
        first_object = grammar.get("first_object", _NONE)
        hedges = grammar.get("hedge", _NONE)
        negations = grammar.get("negation", _NONE)
        if negations and "unnegated" in grammar:
            # "can't believe they killed off Molly": the death is told, not denied
            negations = negations - grammar["unnegated"]
        if 1 in negations and self._doubting(s):
            negations = negations - {1}  # "didn't Gordo die on the moon?" asks to confirm
        negations = negations | hedges
        seen: set[tuple[str, str, int, int]] = set()
        named = {x.start for x in s.of("name")} if negations else _NONE
        outcomes = [f for c in ("action", "cue", "weak") for f in s.of(c)]
        for f in outcomes:
            if f[:4] in seen:
                continue  # the same outcome found through two phrases
            seen.add(f[:4])
            if f.category == "action":
                if not idiom or not any(k in idiom for k in range(f.start, f.end)):
                    s.cues.append(_Cue(f.start, f.end, None, f.key))
                continue
            if idiom and any(k in idiom for k in range(f.start, f.end)):
                continue
            if f.end in grammar.get("dying_of", _NONE):
                continue  # "se muere de vergüenza", "dying of boredom": a figure
            word = s.words[f.start].text
            # German "die": another language's small word ("Molly ist die Beste")
            if f.end - f.start == 1 and f.category == "cue" and self._foreign(word):
                continue
            emoji = not word[:1].isalnum()
            if not emoji:
                # "that cliffhanger killed me", "I'm dead", "had me dead", "killed it"
                if (
                    f.end < len(s.words)
                    and not _apart(s, f.end - 1, f.end)
                    and (
                        f.end in first_object
                        or (
                            f.key in _PRAISE
                            and s.words[f.end].text in ("it", "that", "this")
                            # a noun before a relative clause: "the car bomb that takes"
                            and f.end - f.start == 1
                            and not (f.start and s.words[f.start - 1].text in _DETERMINERS)
                        )
                    )
                ):
                    continue
                if f.key in _PRAISE and self._kills_a_thing(s, f.end) and stem(word) in _KILLING:
                    continue
                if f.start - 1 in first_object:
                    continue
                if (
                    first_person
                    and any(
                        f.start - k in first_person and not _apart(s, f.start - k, f.start)
                        for k in (1, 2, 3)
                    )
                    and not any(f.start - 3 <= m.start < f.start for m in s.mentions if m.persons)
                    # "before I knew he dies": the pronoun, not the writer, is its subject
                    and not any(
                        k in pointing and k not in first_person
                        for pointing in (grammar.get("pronoun", _NONE), grammar.get("group", _NONE))
                        for k in range(f.start - 2, f.start)
                    )
                ):
                    continue
            wishes = grammar.get("wish")
            if wishes and any(k < f.start and not _apart(s, k, f.start) for k in wishes):
                # "I hope Danielle survives season 5": not (yet) the story, but what a
                # later "She didn't." denies
                s.wished.append(_Cue(f.start, f.end, f.key, None, f.category == "weak"))
                continue
            if self._expected(s, f.start):
                # "I thought Gordo would die in s1": an expectation, not the story
                s.wished.append(_Cue(f.start, f.end, f.key, None, f.category == "weak"))
                continue
            cls: str | None = f.key
            negated = (
                [
                    k
                    for k in negations
                    if (
                        f.start - NEGATION_REACH <= k < f.start
                        and not _apart(s, k, f.start)
                        and k + 1 not in named  # "Gordo not Gordon Ramsay dies": a contrast
                    )
                    # German puts "nicht" after the verb, or inside a separable one, in
                    # its clause: "überlebt das Finale nicht", "kommen nie vom Mond zurück"
                    or (
                        f.language == "de"
                        and f.start < k <= f.end + GERMAN_NEGATION_REACH
                        and not _apart(s, f.start, k)
                    )
                ]
                if negations
                else ()
            )
            if negated:
                # "doesn't survive" is a death; "nearly killed", "would never defect": nothing
                cls = None if any(k in hedges for k in negated) else FLIPS.get(f.key)
                if cls is None:
                    continue
            owner = None
            if f.start >= 2 and f.start - 1 in grammar.get("owner", _NONE):
                owned = [m for m in s.mentions if m.end == f.start - 1 and m.persons]
                owner = owned[0].persons if owned else None
            if (
                s.others
                and any(
                    f.start - 2 <= end <= f.start and not _apart(s, end - 1, f.start)
                    for end in s.others
                )
            ) or (
                f.start > 0
                and not _apart(s, f.start - 1, f.start)
                and self._proper_noun(s, f.start - 1)
                # "Gordo not Gordon Ramsay dies": Ramsay is who it is not about
                and not any(
                    s.words[j].text == "not" for j in range(max(0, f.start - 3), f.start - 1)
                )
            ):
                owner = _NOBODY  # "Jerrie Cobb died in 2019", "Becca dying in The Boys"
            # A hint made plain: "doesn't make it" is a death, in full.
            weak = f.category == "weak" and not (negated and cls == "death")
            if emoji and grammar.get("laughter"):
                weak = True  # "Gordo 💀💀 lmao"
            s.cues.append(_Cue(f.start, f.end, cls, None, weak, emoji, f.fuzzy, owner))
        if "slot" in s.by:
            self._filled(s)
        if "relation" in s.by:
            self._kin_lost(s)
        self._ellipsis(s, negations)
        if negations:
            self._absence(s, negations)
        if s.mentions and grammar.get("owner"):
            self._owned_ellipsis(s)

    def _filled(self, s: _Sentence) -> None:
        """ "goes to see her", "shows up at her old girlfriend's house": a rule's phrase
        ("goes to see pam") with its character named another way, by a relation, a
        role or a pronoun that can point at them."""
        words = s.words
        pronouns = s.grammar.get("pronoun", _NONE)
        for f in s.of("slot"):
            for phrase, person in self.m._slotted.get(f.key, ()):
                k = f.end
                if k >= len(words) or _apart(s, k - 1, k):
                    continue
                named = [
                    m
                    for m in s.mentions
                    if person in m.persons and m.start in (k, k + 1) and m.how != "name"
                ]
                if named and (named[0].start == k or k in pronouns):
                    s.cues.append(_Cue(f.start, named[0].end, None, phrase, filled=k))
                elif k in pronouns and self._object_form(s, k):
                    gender = _gender(s, k)
                    if person in self._candidates(s.index, k, gender):
                        s.cues.append(_Cue(f.start, k + 1, None, phrase, filled=k))

    def _kin_lost(self, s: _Sentence) -> None:
        """ "Marge loses her husband on the moon": a hint of death whose object is a
        relative is a death, plainly. "Marge becomes a widow": her husband's death."""
        owners = s.grammar.get("owner", _NONE)
        relatives = [m for m in s.mentions if m.how == "relation" and m.end not in owners]
        for cue in s.cues:
            if (
                cue.weak
                and cue.cls == "death"
                and any(cue.end <= m.start <= cue.end + 1 for m in relatives)
            ):
                cue.weak = False
        for f in s.of("relation"):
            if "widow" not in f.key.split("+") or f.start - 1 in owners:
                continue
            widowed = [
                m
                for m in s.mentions
                if m.persons
                and m.how in ("name", "role")
                and f.start - 4 <= m.end <= f.start
                and not _apart(s, m.end - 1, f.start)
            ]
            if not widowed:
                continue
            spouses = frozenset(
                person.id
                for person in self.m.people
                for known in person.roles
                if known.of in widowed[-1].persons
                and {"husband", "wife"} & {w for word in known.words for w in word.split("|")}
            )
            if spouses:
                s.mentions.append(_Mention(f.start, f.end, spouses, how="relation"))
                s.cues.append(_Cue(f.start, f.end, "death", None, owner=spouses))

    def _candidates(self, index: int, before: int, gender: str | None) -> set[str]:
        """Everyone a pronoun at ``before`` in sentence ``index`` may point at: the
        characters named before it there, or in the nearest earlier sentence naming any."""
        for k in range(index, max(-1, index - 4), -1):
            named = [
                m for m in self.read[k].mentions if m.persons and (k != index or m.end <= before)
            ]
            fitting = {
                p for m in named for p in m.persons if self.m._genders.get(p) in (None, gender)
            }
            if fitting or (named and k != index):
                return fitting
        return set()

    def _expected(self, s: _Sentence, at: int) -> bool:
        """ "I thought Gordo would die in s1", "I expected Molly to die": what the writer
        expected, said with "would", "to" or "going to" just before the outcome, in the
        clause of an expecting verb, is a guess that may have been wrong, not the story.
        ("I knew she would die" tells; "knew" is not an expecting verb.)"""
        expecting = s.grammar.get("expecting")
        if not expecting:
            return False
        modals = s.grammar.get("expected_modal", _NONE)
        near = [k for k in modals if at - EXPECT_REACH <= k < at and not _apart(s, k, at)]
        if not near:
            return False
        return any(k < near[0] and not _apart(s, k, at) for k in expecting)

    def _absence(self, s: _Sentence, negations: frozenset[int] | set[int]) -> None:
        """ "Karen's not in s4 for a reason": missing from a season is the fate of the
        finale before it; "no more Molly after the s3 finale": missing, from a finale."""
        words = s.words
        for k in negations:
            after = [t.text for t in words[k + 1 : k + 4]]
            if after[:1] in (["in"], ["on"], ["back"]) and len(after) >= 2:
                season = _season_named(after[1:])
                if season is not None:
                    s.cues.append(_Cue(k, min(k + 3, len(words)), "death", None, absent=season))
            elif words[k].text == "no" and after[:1] == ["more"]:
                named = [m for m in s.mentions if m.start == k + 2 and m.persons]
                if named:
                    s.cues.append(_Cue(k, k + 2, "death", None, weak=True))

    def _owned_ellipsis(self, s: _Sentence) -> None:
        """ "Shane's death is mid season 1, Karen's is the s3 finale": a possessive with
        no noun after it owns what the last possessive owned."""
        owned = [c for c in s.cues if c.owner and c.owner is not _NOBODY]
        if not owned:
            return
        words = s.words
        for m in s.mentions:
            k = m.end  # the "s" of "Karen's"
            if not m.persons or k not in s.grammar["owner"] or k <= owned[0].start:
                continue
            following = words[k + 1].text if k + 1 < len(words) else ""
            if following in _COPULAS or k + 1 >= len(words) or _apart(s, k, k + 1):
                said = owned[0]
                s.cues.append(_Cue(k, k + 1, said.cls, None, said.weak, owner=m.persons))

    def _kills_a_thing(self, s: _Sentence, after: int) -> bool:
        """A fate verb whose object is a thing nobody knows ("that cold open killed the
        idea", "kills the mood"): a figure of speech, by its construction."""
        words = s.words
        if after + 1 >= len(words) or _apart(s, after - 1, after + 1):
            return False
        if words[after].text not in _DETERMINERS or words[after + 1].text in _DETERMINERS:
            return False
        return after + 1 not in s.starts and not words[after + 1].text[:1].isdigit()

    def _ellipsis(self, s: _Sentence, negations: frozenset[int] | set[int]) -> None:
        """ "Everyone came home. Deke doesn't.": a negated auxiliary that ends its clause
        repeats the last outcome said before it, negated."""
        words = s.words
        for k in negations:
            if words[k].text not in ("t", "not", "never"):
                continue
            end = k + 1
            if end < len(words) and not _apart(s, k, end):
                continue  # something follows in the clause: no ellipsis
            auxiliary = words[k - 1].text if k else ""
            if words[k].text == "t" and auxiliary not in _AUXILIARIES:
                continue
            earlier = [c for c in s.cues if c.end <= k - 1 and c.cls in FLIPS]
            if not earlier and s.index:
                before = self.read[s.index - 1]
                earlier = [c for c in before.cues + before.wished if c.cls in FLIPS]
            if earlier:
                said = earlier[-1]
                flipped = FLIPS[said.cls]  # type: ignore[index]
                # like "doesn't make it", a denied hint of survival is a plain death
                weak = said.weak and flipped != "death"
                s.cues.append(_Cue(max(0, k - 1), end, flipped, None, weak))

    # --- together ---------------------------------------------------------------------

    def _before_its_season(self, s: _Sentence, cue: _Cue, mention: _Mention, rule: _Rule) -> bool:
        """Whether the season named with an outcome, in its clause, comes before the
        finale the rule gives away ("Margo goes to Moscow for the summit in s2" is not the
        season 3 finale's Moscow); a subject after its outcome goes with its own clause's
        ("he loses his son in s1 and his ex-wife in the s3 finale")."""
        if rule.season is None:
            return False
        named = self._seasons_at.get(s.index)
        if named is None:
            words = [t.text for t in s.words]
            named = self._seasons_at[s.index] = [
                (k, season)
                for k in range(len(words))
                if (season := _season_named(words[k : k + 2])) is not None and 1 <= season <= 9
            ]
        if not named:
            return False
        first = (mention.start, cue.start) if mention.start > cue.start else (cue.start,)
        for at in first:
            near = [
                (abs(k - at), season)
                for k, season in named
                if abs(k - at) <= EPISODE_REACH and not _clause_break(s, min(k, at), max(k, at))
            ]
            if near:
                return min(near)[1] < rule.season
        return False

    def _plainly(self, cue: _Cue) -> bool:
        """Whether an outcome is said plainly enough, in a message about the show, to
        trust a misspelt name beside it."""
        return self.about_show and not cue.weak and cue.cls is not None

    def _factor(self, s: _Sentence, mention: _Mention) -> float:
        return ANYONE if mention.common and not self.about_show else 1.0

    def _asks(self, s: _Sentence, cue: _Cue) -> bool:
        """Whether the sentence asks about the outcome rather than telling it. A genuine
        question is a yes/no question ("does Gordo die?", "anyone know if Karen
        survives?") whose own clause holds the outcome. It tells when it presupposes:
        a wh-question ("why did Margo fake her death?"), an echo ("wait so Karen dies??",
        "...really?"), a tag ("she dies, right?"), or an outcome in a clause the question
        takes as given ("did they stay together after the visit in the finale?")."""
        if s.asking is None:
            s.asking = self._asking_until(s)
        return cue.start <= s.asking

    def _asking_until(self, s: _Sentence) -> int:
        """Up to which word a sentence asks (-1: it does not ask): the clause before
        anything it takes as given ("after...", "since...")."""
        words = s.words
        grammar = s.grammar
        asking = grammar.get("asking", _NONE)
        # "anyone know if...": the "know" of an asking phrase presumes nothing
        if not words or grammar.get("presuming", _NONE) - grammar.get("wondering", _NONE):
            return -1
        if self._doubting(s):
            return -1
        # the question mark ends the question: short sentences run together ("Karen
        # muore? niente spoiler") may go on after it
        last, after = len(words) - 1, ""
        for k, word in enumerate(words):
            after = s.text[word.end : word.end + 3].lstrip(" )")
            if after.startswith(("?", "？")):
                last = k
                break
        marked = after.startswith(("?", "？"))
        wondering = s.has("wondering")
        # "?!": surprise, not a question
        tone = marked and "!" not in after and self._asked_by_tone(s)
        asked = (marked and 0 in asking) or tone
        if not asked and not wondering:
            return -1
        if words[last].text in _TAGS or len(words) > 12:
            return -1
        return next((k for k in range(1, last + 1) if words[k].text in _GIVEN), last + 1)

    def _doubting(self, s: _Sentence) -> bool:
        """A question opening with a negated auxiliary ("didn't Gordo die?", "wasn't
        Karen killed?", "isn't Margo in Moscow?") asks the reader to confirm what it says."""
        words = s.words
        if len(words) < 3 or words[1].text != "t" or 0 not in s.grammar.get("asking", _NONE):
            return False
        end = words[-1].end
        return s.text[end : end + 3].lstrip(" )").startswith("?")

    def _asked_by_tone(self, s: _Sentence) -> bool:
        """A question mark without an asking word: how a yes/no question is asked in the
        other languages ("Karen morre?", "Stirbt Karen?", "Карен умирает?"), told by its
        outcome words being theirs; in English an echo that tells ("wait, Karen dies??"),
        unless the writer asks not to be told ("Karen dies? no spoilers pls")."""
        if self.unspoiled:
            return True
        outcomes = s.of("cue") + s.of("weak")
        return bool(outcomes) and all(f.language != "en" for f in outcomes)

    @_lazy
    def unspoiled(self) -> bool:
        """The writer asks not to be spoiled ("no spoilers pls", "sin spoilers")."""
        return any(f.key == "no_spoilers" for s in self.read for f in s.of_all("word"))

    def _hint(
        self, s: _Sentence, cue: _Cue, rule: _Rule, persons: frozenset[str] = frozenset()
    ) -> float:
        """What a hint ("gone", "loses") is worth: little alone; in full when the sentence
        names a finale ("loses her in the s3 finale"); nearly so when the message names
        the season whose finale the rule gives away ("Just finished s3... she's gone"), or,
        for a character, the thing the same rule is about ("Gordo, Tracy, the reactor:
        gone")."""
        if not cue.weak or s.finale:
            return 1.0
        if rule.season in self.seasons:
            return SEASON_NAMED
        if persons and self._things:
            # "gordo / tracy / moon / reactor / gone": the scene of one of their finale
            # rules of that season is named too
            scenes = self.m._scenes
            for p in persons:
                for season, things in scenes.get(p, ()):
                    if season == rule.season and things & self._things:
                        return SEASON_NAMED
        return WEAK

    @_lazy
    def _things(self) -> set[str]:
        """The things (show words a rule is about: "reactor", "jsc") the message names."""
        return {m.thing for s in self.read for m in s.mentions if m.thing is not None}

    def _matches(self, rule: _Rule, cue: _Cue) -> bool:
        if cue.phrase is not None:
            return cue.phrase in rule.phrases
        if cue.absent is not None and rule.season != cue.absent - 1:
            return False  # missing from season 4 tells the season 3 finale's fates
        return cue.cls in rule.classes

    def _rules_for(self, mention: _Mention) -> set[int]:
        found: set[int] = set()
        for person in mention.persons:
            found.update(self.m._by_person.get(person, ()))
        if mention.thing is not None:
            found.update(self.m._by_thing.get(mention.thing, ()))
        return found

    def associate(self) -> list[Evidence]:
        best: dict[tuple[str, str | None, tuple[int, ...]], Evidence] = {}

        def keep(e: Evidence) -> None:
            key = (e.rule, e.character, e.sentences)  # every sentence that spoils is hidden
            if key not in best or best[key].score < e.score:
                best[key] = e

        links = self.links
        for s in self.read:
            subjects = [m for m in s.mentions if not m.consumed]
            doers = {id(c): self._doers(s, c, subjects) for c in s.cues} if subjects else {}
            for mention in subjects:
                factor = self._factor(s, mention)
                for index in self._rules_for(mention):
                    rule = self.m.rules[index]
                    character = self._character(rule, mention)
                    if not rule.classes and not rule.phrases:
                        keep(
                            Evidence(
                                rule.key,
                                character,
                                _said(s, mention.start, mention.end),
                                "",
                                mention.how,
                                SUBJECT_ONLY * factor,
                                (s.index,),
                            )
                        )
                        continue
                    for cue in s.cues:
                        if not self._matches(rule, cue):
                            continue
                        distance = max(cue.start - mention.end, mention.start - cue.end, 0)
                        if cue.emoji and not self._beside(s, mention, cue):
                            continue
                        if cue.owner is not None and not cue.owner & mention.persons:
                            continue  # "Karen keeping Shane's death from Ed"
                        said_of = doers.get(id(cue))
                        if (
                            said_of
                            and mention.persons
                            and not self._shares(s, cue, mention, said_of)
                        ):
                            continue  # "Shane dies and Karen blames Ed": Shane's
                        score = (
                            _closeness(distance)
                            * self._hint(s, cue, rule, mention.persons)
                            * factor
                        )
                        if self._asks(s, cue):
                            score *= ASKING
                        if (
                            cue.elsewhere
                            and not (
                                # "Paine dies in ep 7, then Gordo and Tracy in the finale"
                                _clause_break(
                                    s, min(mention.start, cue.start), max(mention.start, cue.start)
                                )
                                and self._episode_near(s, mention.start)
                            )
                        ) or self._before_its_season(s, cue, mention, rule):
                            score *= OTHER_EPISODE
                        if cue.fuzzy:
                            score *= TYPO
                        elif mention.fuzzy:
                            # "Moly dies in the bombing": a misspelt name, but a plain
                            # outcome in a message about the show
                            score *= TYPO_IN_CONTEXT if self._plainly(cue) else TYPO
                        if links and _linked(s, mention.start, mention.end, cue, links):
                            score *= IN_A_LINK
                        known = best.get((rule.key, character, (s.index,)))
                        if score and (known is None or known.score < score):
                            said = _said(s, mention.start, mention.end)
                            outcome = _said(s, cue.start, cue.end)
                            how = _how(mention)
                            keep(
                                Evidence(rule.key, character, said, outcome, how, score, (s.index,))
                            )
            self._back_references(s, keep)
        return list(best.values())

    def _back_references(self, s: _Sentence, keep: object) -> None:
        """ "Gordo finally gets his head straight. Shame he doesn't survive." An outcome
        goes with the pronoun that is its object ("then he loses her", "they pushed him
        out"), else the nearest before it. The pronoun points back along the
        message (a chain of pronouns keeps a character in play), or ahead when nobody was
        named yet ("Both of them die up there. Gordo and Tracy, I mean."). "Only she
        comes out alive", "only one of them walks out": someone else of them died. A
        sentence of bare names ("Deke. Jamestown.") is the topic of the next one."""
        if s.cues and s.index and s.has("it"):
            self._things_back(s, keep)
        if not s.cues:
            return
        group = s.grammar.get("group", _NONE)
        pointers = sorted(s.grammar.get("pronoun", _NONE) | group)
        if not pointers:
            self._topic(s, keep)
            return
        only = s.grammar.get("only", _NONE)
        for cue in s.cues:
            if cue.emoji or self._owned_here(s, cue):
                continue
            # "loses her"; not the pronoun that names the character of its own phrase
            objects = [k for k in pointers if cue.start < k <= cue.end and k != cue.filled]
            before = [k for k in pointers if k < cue.start]
            if objects:
                pointer = objects[0]
            elif before:
                pointer = before[-1]
            else:
                # "A car bomb is what finally gets her": the pronoun a few words after the
                # outcome, in its clause, is what it happens to
                after = [
                    k
                    for k in pointers
                    if cue.end <= k <= cue.end + OBJECT_REACH
                    and not _clause_break(s, cue.end - 1, k)
                    and self._object_form(s, k)
                ]
                if not after:
                    continue
                pointer = after[0]
            plural = pointer in group
            singled = any(pointer - d in only for d in (1, 2, 3))  # "only she", "only one"
            gender = _gender(s, pointer)
            antecedents, source = self._referent(s.index, plural or singled, gender)
            if not antecedents:
                continue
            if singled and cue.cls in _SURVIVING:
                # "Ellen and Deke... Only she comes out alive": the others did not
                if not plural:
                    chosen, _ = self._referent(s.index, False, gender)
                    antecedents = antecedents - chosen
                cue = _Cue(cue.start, cue.end, "death", None, cue.weak, fuzzy=cue.fuzzy)
                if not antecedents:
                    continue
            if not plural and not any(
                self._matches(self.m.rules[i], cue)
                for i in self._rules_for(_Mention(0, 0, antecedents))
            ):
                # "Harry and Deke crash. He dies of his wounds.": the first who can be a
                # "he" has no such outcome; another of them, named there too, has
                antecedents = self._fitting(source, gender, cue) or antecedents
            mention = _Mention(0, 0, antecedents, how="pronoun")
            factor = self._factor(s, mention)
            for index in self._rules_for(mention):
                rule = self.m.rules[index]
                if not self._matches(rule, cue):
                    continue
                score = BACK_REFERENCE * self._hint(s, cue, rule, mention.persons) * factor
                if self._asks(s, cue):
                    score *= ASKING
                keep(  # type: ignore[operator]
                    Evidence(
                        rule.key,
                        self._character(rule, mention),
                        _said(s, pointer, pointer + 1),
                        _said(s, cue.start, cue.end),
                        "pronoun",
                        score,
                        tuple(sorted({source, s.index})),
                    )
                )

    def _fitting(self, index: int, gender: str | None, cue: _Cue) -> frozenset[str]:
        """The characters named in sentence ``index`` who can be the pronoun's "he" or
        "she" and have a rule the outcome fits."""
        found: set[str] = set()
        for m in self.read[index].mentions:
            for p in m.persons:
                if self.m._genders.get(p) not in (None, gender) or gender is None:
                    continue
                rules = self.m._by_person.get(p, ())
                if any(self._matches(self.m.rules[i], cue) for i in rules):
                    found.add(p)
        return frozenset(found)

    def _object_form(self, s: _Sentence, k: int) -> bool:
        """Whether the pronoun at ``k`` stands alone ("gets her in the end"), not as a
        possessive before its noun ("scared her kids")."""
        following = k + 1
        if following >= len(s.words) or _apart(s, k, following):
            return True
        word = s.words[following].text
        return word in _AFTER_OBJECT or word in self.m._language_of

    def _doers(self, s: _Sentence, cue: _Cue, subjects: list[_Mention]) -> list[_Mention]:
        """The characters an outcome is said of when they come just before it, in its
        clause ("Shane dies", "Gordo and Tracy die", "Ed's wife dies"): the outcome is
        theirs, not that of someone named elsewhere in the sentence ("Shane dies and
        Karen blames Ed"). Empty when nobody comes just before it."""
        if cue.cls is None or cue.emoji or cue.owner is not None:
            return []
        words = s.words
        before = [
            m
            for m in subjects
            if m.persons
            and m.end <= cue.start
            and cue.start - m.end <= 2
            and not _clause_break(s, m.end - 1, cue.start)
            and not any(words[k].text in _AND for k in range(m.end, cue.start))
        ]
        if not before:
            return []
        group = [before[-1]]
        while True:  # "Gordo, Tracy and Danny die": the whole list
            first = group[-1].start
            listed = [
                m
                for m in subjects
                if m.persons
                and m.end <= first
                and m is not group[-1]
                and first - m.end <= 2
                and all(
                    words[k].text in _AND or not words[k].text[:1].isalnum()
                    for k in range(m.end, first)
                )
            ]
            if not listed:
                return group
            group.append(listed[-1])

    def _shares(self, s: _Sentence, cue: _Cue, mention: _Mention, doers: list[_Mention]) -> bool:
        """Whether an outcome said of ``doers`` is also said of ``mention``: they are its
        doers, or the mention comes after it with no word of its own but a place or an
        episode ("Paine dies in ep 7, then Gordo and Tracy in the finale")."""
        if mention in doers:
            return True
        if mention.start < cue.end:
            return False  # "Karen watches Shane die": Shane's
        words = s.words
        k = mention.end
        while k < len(words) and (
            words[k].text in _AND or any(m.start == k and m.persons for m in s.mentions)
        ):
            k = next((m.end for m in s.mentions if m.start == k and m.persons), k + 1)
        return (
            k >= len(words)
            or _apart(s, k - 1, k)
            or _listing(words[k].text)
            or words[k].text in _GAPPED
        )

    def _owned_here(self, s: _Sentence, cue: _Cue) -> bool:
        """Whether a character named just before the outcome, in its clause, is its
        subject ("When Shane dies, he takes it hard": the death is Shane's)."""
        for m in s.mentions:
            if (
                m.persons
                and not m.consumed
                and m.end <= cue.start
                and cue.start - m.end <= 3
                and not _apart(s, m.end - 1, cue.start)
            ):
                return True
        return False

    def _referent(self, index: int, plural: bool, gender: str | None) -> tuple[frozenset[str], int]:
        """Who a pronoun in sentence ``index`` points at (and the sentence naming them):
        back along the message, through sentences that only point on with pronouns of
        their own (a chain), or, when nobody was named before, in the next sentence."""
        here = self.read[index]
        for k in range(index - 1, max(-1, index - 1 - CHAIN), -1):
            earlier = self.read[k]
            if earlier.aside and here.has("show") and not here.has("real"):
                # "In real life Deke lived to see the shuttle. In FAM he dies on the
                # moon.": the show's version of the real person named before
                return frozenset(earlier.aside), k
            if any(m.persons for m in earlier.mentions):
                found = self._antecedents(k + 1, before=0, plural=plural, gender=gender)
                if found:
                    return found, k
            elif index - k > 3 and not earlier.grammar.keys() & _POINTING:
                break  # no chain of pronouns: three sentences back at most
        if index + 1 < len(self.read):
            ahead = [m for m in self.read[index + 1].mentions if m.persons]
            if plural and ahead:
                return frozenset(p for m in ahead for p in m.persons), index + 1
        return frozenset(), index

    def _topic(self, s: _Sentence, keep: object) -> None:
        """ "Deke. Jamestown. A grave with a view of Earth.": a sentence of nothing but
        names (and show words, and the episodes they go with: "Patty in ep 3, Shane in
        ep 8 and Deke in the finale.") sets the subject of the next one, if it names
        nobody; so does any sentence before one that leaves its subject out ("Danielle
        at Happy Valley. Shot during the riot.")."""
        if not s.index or any(m.persons for m in s.mentions):
            return
        topic = self.read[s.index - 1]
        named = [m for m in topic.mentions if m.persons]
        if not named or not topic.words:
            found = self._subject_of_subjectless(s)
            if found is None:
                return
            topic = found
            named = [m for m in topic.mentions if m.persons]
        else:
            covered = {k for m in topic.mentions for k in range(m.start, m.end)}
            covered |= topic.grammar.get("show", _NONE)
            small = self.m._language_of  # articles and the like ("The reactor.")
            if not all(
                k in covered or t.text in small or _listing(t.text)
                for k, t in enumerate(topic.words)
            ) and not self._opens_with_outcome(s):
                return
        markers = _episodes(topic.words)
        for named_one in named:
            mention = _Mention(0, 0, named_one.persons, how="topic", common=named_one.common)
            factor = self._factor(s, mention)
            # "Shane in ep 8, ... Deke in the finale": each name goes with its episode
            near = [
                (k - named_one.end, finale)
                for k, finale in markers
                if named_one.end <= k <= named_one.end + 3
            ]
            if near and not min(near)[1]:
                factor *= OTHER_EPISODE
            for cue in s.cues:
                if cue.emoji:
                    continue
                placed = OTHER_EPISODE if cue.elsewhere else 1.0  # "Dies in ep 9."
                for index in self._rules_for(mention):
                    rule = self.m.rules[index]
                    if self._matches(rule, cue):
                        keep(  # type: ignore[operator]
                            Evidence(
                                rule.key,
                                self._character(rule, mention),
                                _said(topic, named_one.start, named_one.end),
                                _said(s, cue.start, cue.end),
                                "topic",
                                BACK_REFERENCE
                                * self._hint(s, cue, rule, mention.persons)
                                * factor
                                * placed,
                                (topic.index, s.index),
                            )
                        )

    def _opens_with_outcome(self, s: _Sentence) -> bool:
        """ "Shot during the riot.", "Never made it home.": a sentence that leaves out its
        subject and opens with what happened (after at most a small word or two)."""
        first = min((c.start for c in s.cues if not c.emoji), default=None)
        if first is None or first > 2:
            return False
        words = s.words
        small = self.m._language_of
        return all(
            words[k].text in _LEADING
            or words[k].text in small
            or k in s.grammar.get("negation", _NONE)
            for k in range(first)
        )

    def _subject_of_subjectless(self, s: _Sentence) -> _Sentence | None:
        """The sentence whose characters a subjectless sentence is about: the one just
        before it, or, past one sentence that names nobody ("Shot during the riot.
        Survives tho.", "Everyone loved Molly. Then JSC happened. RIP."), the one before."""
        if not self._opens_with_outcome(s):
            return None
        for k in range(s.index - 1, max(-1, s.index - 3), -1):
            earlier = self.read[k]
            if any(m.persons for m in earlier.mentions):
                return earlier
            if earlier.grammar.keys() & _POINTING:
                return None  # "she" there has taken the subject elsewhere
        return None

    def _things_back(self, s: _Sentence, keep: object) -> None:
        """ "The Goldilocks plan looked impossible. They pull it off." """
        for k in range(s.index - 1, max(-1, s.index - 3), -1):
            things = [m for m in self.read[k].mentions if m.thing is not None]
            if not things:
                continue
            for thing in things:
                for index in self._rules_for(thing):
                    rule = self.m.rules[index]
                    for cue in s.cues:
                        if cue.emoji or not self._matches(rule, cue):
                            continue
                        # "it" as what the outcome happens to: "sells it", "pull it off"
                        near = [k for k in s.grammar["it"] if cue.start <= k <= cue.end]
                        if not near:
                            continue
                        it = near[0]
                        score = BACK_REFERENCE * self._hint(s, cue, rule)
                        keep(  # type: ignore[operator]
                            Evidence(
                                rule.key,
                                None,
                                _said(s, it, it + 1),
                                _said(s, cue.start, cue.end),
                                "pronoun",
                                score,
                                (k, s.index),
                            )
                        )
            return

    def _character(self, rule: _Rule, mention: _Mention) -> str | None:
        both = rule.persons & mention.persons
        if len(both) <= 1:
            return next(iter(both), None)
        return min(both)

    def _beside(self, s: _Sentence, mention: _Mention, cue: _Cue) -> bool:
        """An emoji counts right after a name, or after a list of names ("Gordo + Tracy = ⚰")."""
        if cue.start < mention.end:
            return False
        between = range(mention.end, cue.start)
        if len(between) > EMOJI_REACH + 2:
            return False
        named = {k for m in s.mentions for k in range(m.start, m.end)}
        return all(
            k in named or not s.words[k].text[:1].isalnum() or s.words[k].text in _AND
            for k in between
        )


_AND = frozenset({"and", "y", "e", "und", "et", "и", "&", "+"})


def _cyrillic(word: str) -> bool:
    return "\u0400" <= word[:1] <= "\u04ff"


_NAMING = frozenset({"named", "called"})
_AFTER_NAMING = frozenset({"after", "for"})  # "named my dog after Gordo": the original
_GAPPED = frozenset({"too", "also", "as", "on", "at", "with", "after", "later", "next"})
_FOND_OWNERS = frozenset({"my", "our"})  # "my Karen dies in the finale"
_FONDLY = frozenset({"girl", "boy", "bro", "sis", "buddy", "baby", "bff"})  # "my girl Dani"
_OPINION = frozenset({"opinion", "view", "book", "eyes", "head", "mind", "humble", "honest"})
_ELSEWHERE = frozenset({"from", "in", "at", "on"})  # "Karen from HR", "Dev on my team"
_PUNCTUATION = frozenset(",;:()!?.")
_KILLING = frozenset({"en:kill", "en:murder", "en:slay", "en:destroy", "en:bomb", "en:nuke"})
_DETERMINERS = frozenset({"the", "a", "an", "that", "this", "any", "every", "all", "my", "our"})
# "she dies, right?", "muere, ¿verdad?", "stirbt, oder?"
_TAGS = frozenset({"right", "yeah", "correct", "innit", "no", "verdad", "cierto", "nao"})
_TAGS |= {"vero", "oder", "nicht", "non", "правда", "да"}
# What follows these, a question takes as given: "did they split up after he died?"
# Small words a subjectless sentence may open with before its outcome ("Then shot.").
_LEADING = frozenset(
    {
        "then",
        "and",
        "but",
        "later",
        "eventually",
        "finally",
        "also",
        "still",
        "just",
        "gets",
        "got",
        "tho",
        "though",
        "sadly",
        "ultimately",
        "literally",
        "basically",
        "both",
    }
)
_GIVEN = frozenset({"after", "since", "because", "once", "when", "before", "until", "being"})
_JOINERS = frozenset(
    {"but", "and", "then", "while", "whereas", "until", "although", "though", "turns", "turned"}
)  # "turns out" opens a reveal of its own
_COPULAS = frozenset({"is", "was", "comes", "came", "happens", "happened", "too", "in"})
_AUXILIARIES = frozenset(
    {"doesn", "didn", "don", "won", "wouldn", "isn", "wasn", "aren", "weren", "can", "couldn"}
    | {"hasn", "haven", "hadn", "shouldn"}
)
# Words that may follow a pronoun object ("gets her in the end", "takes him too")
_AFTER_OBJECT = frozenset(
    {"in", "at", "on", "off", "out", "up", "down", "by", "after", "before", "too", "again"}
    | {"first", "then", "there", "forever", "finally", "anyway", "eventually", "instead"}
)
_RELATIVE = frozenset({"who", "that", "whom"})  # "the kid (that) Gordo raised"
# A word before a relation that says which of its people is meant
_GENDERED = {"woman": "she", "lady": "she", "girl": "she", "man": "he", "guy": "he"}
_GENDERED |= {"dude": "he", "boy": "he"}
_POINTING = frozenset({"pronoun", "group"})
_SURVIVING = frozenset({"alive", "return", "home"})
_SUBJECTS = frozenset({"name", "thing", "role", "relation", "initials"})
_PRAISE = frozenset({"death", "bomb", "shootdown"})  # "killed it", "bombed that"
_OUTCOMES = frozenset({"cue", "weak", "action", "slot"})


def _closeness(distance: int) -> float:
    if distance <= NEAR:
        return CLOSE
    if distance <= FAR:
        return MIDDLE
    return DISTANT if distance <= FARTHEST else 0.0


def _listing(text: str) -> bool:
    """A word a list of names and their episodes may hold besides names: "and", "then",
    "in ep 3", "s1e8", "the finale"."""
    return (
        text in _AND
        or text in _LEADING
        or text in ("in", "during", "by")
        or text.isdigit()
        or text in _EPISODE_WORDS
        or text in _FINALE_WORDS
        or text in _FINALES
        or text in _SEASON_WORDS
        or bool(_EPISODE_CODE.match(text))
    )


def _episodes(words: list[Token]) -> list[tuple[int, bool]]:
    """The episodes a sentence names, and whether each is a finale: ("in ep 9", "s2e3",
    "the s4 premiere", "mid season": no; "the finale", "ep 10", "s3e10": yes)."""
    texts = [t.text for t in words]
    found: list[tuple[int, bool]] = []
    for k, text in enumerate(texts):
        number: int | None = None
        if text[-1:].isdigit():  # "s3e9", "e9", "3x09" end in a digit
            code = _CODE.match(text)
            if code:
                number = int(code.group(2))
        elif text in _EPISODE_WORDS and k + 1 < len(texts) and texts[k + 1].isdigit():
            number = int(texts[k + 1])
        if number is not None:
            found.append((k, number == 10))
        elif text in _OPENING_WORDS:
            found.append((k, False))
        elif text in _FINALE_WORDS and not (
            # "the end of ep 9" is no finale
            k + 2 < len(texts)
            and texts[k + 1] == "of"
            and (texts[k + 2] in _EPISODE_WORDS or _CODE.match(texts[k + 2]))
        ):
            found.append((k, True))
    return found


def _names_finale(words: list[Token]) -> bool:
    """Whether a sentence names a finale ("the s3 finale", "s2e10", "episode 10")."""
    return any(
        t.text in _FINALES
        or t.text.endswith("e10")
        or (t.text == "10" and k and words[k - 1].text in _EPISODE_WORDS)
        for k, t in enumerate(words)
    )


def _clause_break(s: _Sentence, left: int, right: int) -> bool:
    """Whether punctuation or a joining word ("but", "and then", "until") separates two
    words into clauses."""
    return _apart(s, left, right) or any(
        s.words[k].text in _JOINERS for k in range(left + 1, right)
    )


def _season_named(texts: list[str]) -> int | None:
    """The season "s4", "season 4" or "t4" at the start of ``texts``."""
    if not texts:
        return None
    code = _SEASON.match(texts[0])
    if code:
        return int(code.group(1))
    if texts[0] in _SEASON_WORDS and len(texts) > 1 and texts[1].isdigit() and len(texts[1]) == 1:
        return int(texts[1])
    return None


def _shows(s: _Sentence) -> bool:
    """Whether a sentence says it is about the show: a show word or thing, a season or
    an episode ("s4", "3x09")."""
    return (
        s.has("show")
        or bool(s.of("thing"))
        or any(_EPISODE_CODE.match(t.text) for t in s.words if t.text[:1].isalpha())
    )


def _gender(s: _Sentence, at: int | None = None) -> str | None:
    """ "she" or "he" when the sentence's pronoun (or the one at ``at``) says which."""
    places = [at] if at is not None else sorted(s.grammar.get("pronoun", ()))
    for k in places:
        if k in s.grammar.get("she", ()):
            return "she"
        if k in s.grammar.get("he", ()):
            return "he"
    return None


def _apart(s: _Sentence, left: int, right: int) -> bool:
    """Whether punctuation separates two words: a negation does not reach past it
    ("Miles Dale, not Miles Davis: tortured")."""
    between = s.text[s.words[left].end : s.words[right].start]
    return bool(between) and not _PUNCTUATION.isdisjoint(between)


def _linked(s: _Sentence, start: int, end: int, cue: _Cue, links: Sequence[Span]) -> bool:
    """Subject and outcome both only in a link address that its author did not try to
    tag ("||" in an address shows its words were meant to be hidden, and are spoilers)."""
    first, last = min(start, cue.start), max(end, cue.end)
    if not all(s.words[k].link for k in range(first, min(last, len(s.words)))):
        return False
    where = s.words[first].start
    return not any(a <= where < b and "||" in s.text[a:b] for a, b in links)


def _said(s: _Sentence, start: int, end: int) -> str:
    if start >= end or end > len(s.words):
        return ""
    return s.text[s.words[start].start : s.words[end - 1].end]


def _how(mention: _Mention) -> str:
    return {"name": "same sentence"}.get(mention.how, mention.how)
