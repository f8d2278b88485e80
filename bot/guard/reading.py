"""What the judge's stages share: a sentence as read (its words, and the names and
outcomes found in it), the subjects and outcomes each stage adds to it, the context's
common attributes, and the word lists and helpers for clauses, episodes and seasons that
more than one stage reads."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from bot.guard.layout import Span
from bot.guard.matcher import Found
from bot.guard.normalise import Token

if TYPE_CHECKING:
    from bot.guard.judge import Matcher


# s3, t3, s3e9, 3x09, and "s3f": the season 3 finale
_SEASON = re.compile(r"^(?:[st]|(?=\dx\d))(\d)(?:e\d+|x\d+|f)?$")
_EPISODE_CODE = re.compile(r"^(?:s\d+(?:e\d+|f)?|e\d+|ep\d*|t\d|\d+x\d+)$")
_FINALE_CODE = re.compile(r"^s\d+f$")  # "s3f": a season's finale
_CROSS_CODE = re.compile(r"^(\d)x\d{1,2}$")  # "4x08": season 4
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_CODE = re.compile(r"^s?(\d{1,2})?[ex](\d{1,2})$")  # s3e9, e9, 3x09
# How members name a season, an episode or a finale in every language
# (bot/guard/data/episodes.toml): "ep nine", "the 9th ep", "ninth episode", "в 9 серии", "9話"
with (Path(__file__).parent / "data" / "episodes.toml").open("rb") as _file:
    _NUMBERING = tomllib.load(_file)
_SEASON_WORDS = frozenset(_NUMBERING["seasons"])
_EPISODE_NOUNS = frozenset(_NUMBERING["nouns"])
_EPISODE_WORDS = _EPISODE_NOUNS | frozenset(_NUMBERING["plurals"])
_COUNTERS = tuple(_NUMBERING["counters"])
_NUMBERS: dict[str, int] = _NUMBERING["numbers"]
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")  # "9th", "9"
_ORDINAL_ENDS = frozenset({"st", "nd", "rd", "th"})
_TENTH = frozenset({"10", "10th"} | {w for w, n in _NUMBERS.items() if n == 10})
# a word and its number run together: "ep9", "episode10", "folge9" ("e9" is a code above)
_WORDS_BEFORE = "|".join(map(re.escape, sorted(_EPISODE_WORDS, key=len, reverse=True)))
_WORD_NUMBER = re.compile(rf"^(?:{_WORDS_BEFORE})(\d{{1,2}})$")
_FINALE_WORDS = frozenset(_NUMBERING["finale_words"])
_FINALES = frozenset(_NUMBERING["finales"])
_ANY_SHOWS = frozenset(_NUMBERING["any_show"])  # "the show", "the finale": any show's
_OPENING_WORDS = frozenset({"premiere", "opener", "start", "beginning", "mid", "midseason"})
# Opening words that place an outcome in an episode only when a season or an episode
# follows them: "mid season", "the start of s4", not "mid-standoff", "the start of the heist"
_OPENING_OF = frozenset({"start", "beginning", "mid"})
# "la première (sur Mars)" is "the first", a season's premiere only as "the premiere"
_FEMININE_THE = frozenset({"la"})
_NONE: frozenset[int] = frozenset()
_NO_FOUND: list[Found] = []
T = TypeVar("T")
_AND = frozenset({"and", "y", "e", "und", "et", "и", "&", "+"})
_PUNCTUATION = frozenset(",;:()!?.。、！？")
# An arrow or a dash between spaces parts two clauses as punctuation does ("deadpan tracy
# in 1x03 -> dead tracy in 2x10": each outcome goes with its own side's episode)
_BREAKING = _PUNCTUATION | frozenset(">→⇒⟶➡")
# and so does a dash, unless a pair of them sets an aside off: "Molly isn't — thank god —
# dead" (the negation reaches past the aside)
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
        "in",  # "In each other's arms.": where it happened, the subject left out
        "on",
        "at",
        "with",
        "a",  # "Karen and Molly. Both of them. One explosion.": how many, then what
        "an",
        "one",
        "single",
    }
)
# A copula, or its negated contraction, before a cleft's "what" (reading._cleft)
_COPULAS = frozenset({"is", "was", "isn", "wasn", "s", "are", "aren", "were", "weren"})
_COPULAS |= {"es", "era", "fue", "est", "etait"}
_AFTER_OBJECT = frozenset({"in", "at", "on", "during", "off", "by", "too", "and", "when"})
_AFTER_OBJECT |= {"before", "after", "with", "up", "there", "then", "until"}
_JOINERS = frozenset(
    {"but", "and", "then", "while", "whereas", "until", "although", "though", "turns", "turned"}
)  # "turns out" opens a reveal of its own
_POINTING = frozenset({"pronoun", "group"})


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
    since: int | None = None  # named by a role first held in this season


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
    unreal: bool = False  # supposed contrary to fact ("what if Gordo had survived")


class _Sentence:
    """One sentence as read, and what the judge makes of it (a plain class: one is
    made per sentence of every message, so it is kept cheap)."""

    __slots__ = (
        "aside",
        "aside_things",
        "asked_from",
        "asking",
        "by",
        "cues",
        "denied",
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
        self.aside_things: list[str] = []  # and real things ("the real Sea Dragon")
        self.cues: list[_Cue] = []
        self.asking: int | None = None  # up to which word it asks (_Context._asks)
        self.asked_from = 0  # and from which: "it's a huge plan, will it work?"
        self.wished: list[_Cue] = []  # outcomes hoped or feared, not told
        self.denied: list[_Cue] = []  # outcomes negated ("would never sell"), as said
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


class _Reading:
    """What every stage of the judge reads: the compiled rules and knowledge, and the
    message's sentences (one context per message; see judge._Context)."""

    m: Matcher
    read: list[_Sentence]
    _about_show: bool
    links: Sequence[Span]  # the message's link addresses
    set_aside: dict[str, bool]  # characters whose names meant someone else
    others_named: set[str]  # the words that named them as someone else ("gordon clark")
    _seasons_at: dict[int, list[tuple[int, int]]]  # per sentence: (where, season)
    _listed: dict[int, dict[int, _Mention]]  # per sentence: start -> character
    _named: dict[int, tuple[int, set[int]]]  # per sentence: mentions seen, words naming

    def _named_in(self, s: _Sentence) -> set[int]:
        """The words of a sentence that name someone or something so far (mentions are
        only ever added: those added since the last look are taken in)."""
        seen, named = self._named.get(s.index, (0, set()))
        if seen < len(s.mentions):
            for m in s.mentions[seen:]:
                named.update(range(m.start, m.end))
            self._named[s.index] = (len(s.mentions), named)
        return named


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


def _names_a_part(texts: list[str], k: int) -> bool:
    """Whether a season or an episode is named from ``texts[k]`` on, past "of" and "the":
    "(mid) season", "(start of) s4", "(beginning of the) episode"."""
    while k < len(texts) and texts[k] in ("of", "the", "this", "that"):
        k += 1
    if k >= len(texts):
        return False
    text = texts[k]
    return text in _SEASON_WORDS or text in _EPISODE_WORDS or bool(_EPISODE_CODE.match(text))


def _episodes(words: list[Token]) -> list[tuple[int, bool]]:
    """The episodes a sentence names, and whether each is a finale: ("in ep 9", "s2e3",
    "the s4 premiere", "mid season": no; "the finale", "ep 10", "s3e10": yes)."""
    texts = [t.text for t in words]
    found: list[tuple[int, bool]] = []
    for k, text in enumerate(texts):
        number: int | None = None
        if text[-1:].isdigit():  # "s3e9", "e9", "3x09", "ep9" end in a digit
            code = _CODE.match(text) or _WORD_NUMBER.match(text)
            if code:
                number = int(code.group(code.lastindex or 1))
            elif k + 1 < len(texts) and _before_episode(texts, k):
                number = _number(text)  # "the 9 ep" "в 9 серии", "9話"
        elif text in _EPISODE_WORDS and k + 1 < len(texts):
            number = _number(texts[k + 1])  # "ep 9", "ep nine", "episode 10"
        elif (
            (text in _NUMBERS or (text[-2:] in _ORDINAL_ENDS and _ORDINAL.match(text)))
            and k + 1 < len(texts)
            and _before_episode(texts, k)
        ):
            number = _number(text)  # "the ninth episode", "the 9th ep"
        if number is not None:
            found.append((k, number == 10))
        elif text[-1:] == "f" and _FINALE_CODE.match(text):
            found.append((k, True))
        elif text in _OPENING_WORDS and (text not in _OPENING_OF or _names_a_part(texts, k + 1)):
            if not (
                text == "premiere"
                and k
                and texts[k - 1] in _FEMININE_THE
                and not any(_names_a_part(texts, j) for j in range(k + 1, k + 4))
            ):
                found.append((k, False))  # French "arrivée la première": the first one
        elif (
            text in _FINALE_WORDS
            and not (
                # "the end of ep 9" is no finale
                k + 2 < len(texts)
                and texts[k + 1] == "of"
                and (texts[k + 2] in _EPISODE_WORDS or _CODE.match(texts[k + 2]))
            )
            # "that s2e9 ending": the end of that episode, no finale
            and not (found and found[-1] == (k - 1, False))
        ):
            found.append((k, True))
    return found


def _number(text: str) -> int | None:
    """The number a word says: "9", "9th", "nine", "ninth", "neunten" (None: no number)."""
    ordinal = _ORDINAL.match(text)
    if ordinal:
        return int(ordinal.group(1))
    return _NUMBERS.get(text)


def _before_episode(texts: list[str], k: int) -> bool:
    """Whether the number at ``k`` is an episode's, said before its noun ("the 9th ep",
    "ninth episode", "9 серии", "9話"), and not a season's ("season 3 episode 10")."""
    after = texts[k + 1]
    if after not in _EPISODE_NOUNS and not after.startswith(_COUNTERS):
        return False
    return not (k and (texts[k - 1] in _SEASON_WORDS or _SEASON.match(texts[k - 1])))


def _clause_break(s: _Sentence, left: int, right: int) -> bool:
    """Whether punctuation or a joining word ("but", "and then", "until") separates two
    words into clauses."""
    grammar = s.grammar
    held = grammar.get("until_held", _NONE)  # "doesn't die until the finale": one clause
    cleft = grammar.get("cleft_held", _NONE)  # "radiation in 2x01 isn't what kills her"
    return _apart(s, left, right) or any(
        (s.words[k].text in _JOINERS and k not in held) or k in cleft
        for k in range(left + 1, right)
    )


def _cleft(s: _Sentence, start: int, end: int, negated: Sequence[int]) -> bool:
    """Whether a negated copula before "what" denies only what the outcome is put down
    to, not the outcome: "Molly's radiation isn't what kills her", "no es lo que la
    mata" (`cleft_what` just before the outcome, the negation and a copula before it).
    "Deke isn't the one who dies" stays denied."""
    what = s.grammar.get("cleft_what")
    if not what or start - 1 not in what:
        return False
    # its object a person ("kills her", "kills Molly"), not a thing ("kills the mission")
    if end in s.grammar.get("pronoun", _NONE):
        # "kills her", "kills her in 3x10"; not "killed her marriage"
        after = end + 1
        if not (
            after >= len(s.words) or _apart(s, end, after) or s.words[after].text in _AFTER_OBJECT
        ):
            return False
    elif not any(m.start == end and m.persons for m in s.mentions):
        return False
    first = min(what.intersection(range(max(0, start - 4), start)))
    texts = [w.text for w in s.words[max(0, min(negated) - 1) : first]]
    return all(k < first for k in negated) and not _COPULAS.isdisjoint(texts)


def _it_object(s: _Sentence, start: int) -> bool:
    """Whether an outcome is said of "it" as the object of a verb of wanting or keeping
    (`wants_it`): "Glenn and the White House want it buried", "they kept it dead" (a
    thing's fate, nobody's); not "it" as a subject, nor "watch it launch"."""
    it = s.grammar.get("it")
    return bool(
        it
        and start >= 2
        and start - 1 in it
        and start - 2 in s.grammar.get("wants_it", _NONE)
        and not _apart(s, start - 2, start)
    )


# Where an outcome is placed in an episode ("dies in ep 9", "muere en el episodio 9"),
# and the words that may stand between that and the episode's number or title
PLACED_IN = frozenset({"in", "during", "en", "im", "dans", "nel", "nell", "no", "na", "в"})
BEFORE_EPISODE = _EPISODE_WORDS | {"the", "el", "la", "le", "l", "il", "o", "a", "der"}
# At most this many words between the episode denied and the finale that corrects it
_CORRECTED_WITHIN = 7


def placed_elsewhere(s: _Sentence, end: int) -> bool:
    """Whether a negated outcome is denied only its episode, corrected to a finale
    later in the sentence: "Karen doesn't die in ep 9, it's the finale", "Deke isn't
    killed in Bent Bird but in the season finale" ("in" just after the outcome, a
    non-finale episode by its number or its title, then a finale past a clause break)."""
    words = s.words
    if end >= len(words) or words[end].text not in PLACED_IN:
        return False
    at = end + 1
    while at < len(words) and words[at].text in BEFORE_EPISODE and at < end + 3:
        at += 1
    named = _episodes(words[end + 1 : at + 2])
    placed = any(not finale and end + 1 + k <= at for k, finale in named) or any(
        f.start == at and not f.key.endswith(":1") for f in s.of("episode")
    )
    if not placed:
        return False
    return corrected_to_finale(s, at)


def corrected_to_finale(s: _Sentence, at: int) -> bool:
    """Whether a finale named soon after ``at``, past a clause break, corrects what was
    said there ("..., it's the finale", "... but in the season finale"); not a clause
    that goes on to something else ("..., and the finale is about Mars")."""
    words = s.words
    later = _episodes(words[at + 1 : at + 1 + _CORRECTED_WITHIN])
    for k, finale in later:
        k += at + 1
        if (not finale and k <= at + 2) or not _clause_break(s, at, k):
            continue  # the same episode again: "Coming Home (3x09)"
        return finale and not any(words[j].text in _AND for j in range(at + 1, k))
    return False


def _held_until(s: _Sentence, end: int) -> int | None:
    """Where a negated outcome's "until" stands when it says when the outcome happens
    after all: "he doesn't die until the finale", "no muere hasta el final de la
    temporada 1" (`not_until`, then an episode, a finale or a season, in its clause)."""
    held = s.grammar.get("not_until")
    if not held:
        return None
    for k in range(end, min(end + 3, len(s.words))):
        if k in held:
            if _apart(s, end - 1, k):
                return None
            after = s.words[k + 1 : k + 6]
            texts = [t.text for t in after]
            if _episodes(after) or any(_season_named(texts[j:]) for j in range(len(texts))):
                return k
            # "isn't killed until the reactor scene", "until the bombing": a thing or an
            # outcome of the show's story says when as well as an episode does
            if any(k < m.start <= k + 3 and m.thing for m in s.mentions) or any(
                k < f.start <= k + 3 for c in ("cue", "action") for f in s.of(c)
            ):
                return k
            return None
    return None


def _season_named(texts: list[str]) -> int | None:
    """The season "s4", "season 4" or "t4" at the start of ``texts``."""
    if not texts:
        return None
    if texts[0].isalpha() and texts[0] not in _SEASON_WORDS:
        return None  # the usual word: every code below has a digit (a quick test first)
    code = _SEASON.match(texts[0]) or _CROSS_CODE.match(texts[0])
    if code:
        return int(code.group(1))
    if texts[0] in _SEASON_WORDS and len(texts) > 1:
        if texts[1].isdigit() and len(texts[1]) == 1:
            return int(texts[1])
        return _NUMBER_WORDS.get(texts[1])  # "season one"
    return None


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
    """Whether punctuation, an arrow or a lone dash separates two words: a negation does
    not reach past it ("Miles Dale, not Miles Davis: tortured"); dashes in pairs set
    asides off and part nothing ("isn't — at least in s1 — dead": "s1" is the aside's)."""
    between = s.text[s.words[left].end : s.words[right].start]
    if not between:
        return False
    if not _BREAKING.isdisjoint(between):
        return True
    if "—" not in between and "–" not in between and " - " not in between:
        return False
    text = s.text  # an odd count: this dash is a lone one
    return (text.count("—") + text.count("–") + text.count(" - ")) % 2 == 1


def _ends_asking(s: _Sentence) -> bool:
    """Whether a sentence ends with a question mark."""
    return _ends_with(s, "?", "？")


def _ends_with(s: _Sentence, *marks: str) -> bool:
    """Whether a sentence's last word is followed by one of ``marks`` (past a closing
    bracket or markup: "dies?)", "dies**?")."""
    if not s.words:
        return False
    end = s.words[-1].end
    return s.text[end : end + 3].lstrip(" )*_~").startswith(marks)


def _said(s: _Sentence, start: int, end: int) -> str:
    if start >= end or end > len(s.words):
        return ""
    return s.text[s.words[start].start : s.words[end - 1].end]


# "final de la temporada", "final da 1", "final della stagione": the finale, not an adjective
_FINAL_OF = frozenset({"de", "da", "do", "del", "della", "di"})


def _names_finale(words: list[Token]) -> bool:
    """Whether a sentence names a finale ("the s3 finale", "s2e10", "2x10", "episode 10"),
    in any language: a compound ("Staffelfinale", "seasonfinale") or the Romance "final"
    of something ("final de la 1", "no final da temporada")."""
    return any(
        t.text in _FINALES
        or t.text.endswith(("e10", "x10", "finale"))
        or (t.text == "final" and k + 1 < len(words) and words[k + 1].text in _FINAL_OF)
        or (t.text == "10" and k and words[k - 1].text in _EPISODE_WORDS)
        or t.text == "ep10"
        # "the 10th ep", "tenth episode", "10話"
        or (
            t.text in _TENTH
            and k + 1 < len(words)
            and (words[k + 1].text in _EPISODE_NOUNS or words[k + 1].text.startswith(_COUNTERS))
        )
        for k, t in enumerate(words)
    )
