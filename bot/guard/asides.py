"""Who a name is, said right beside it: the writer's world after it ("Karen from HR",
"Dev on my team"), an aside that says whose the name is ("Deke, our rocket-facts bot,",
"Danny (my brother, not Danny Stevens)", "Deke (the bot)", "@Deke"), and a contrast
("Danny not Dani gets exiled"); and the words between a rule's verb and the role that
names its character ("visits the old Outpost bartender"). Read by who.py and what.py."""

from __future__ import annotations

from collections.abc import Callable

from bot.guard.matcher import Found
from bot.guard.reading import _NONE, _apart, _Sentence

_ELSEWHERE = frozenset({"from", "in", "at", "on"})  # "Karen from HR", "Dev on my team"
_OPINION = frozenset({"opinion", "view", "book", "eyes", "head", "mind", "humble", "honest"})
_OPENING = frozenset({"(", ",", "—", "-", "–", "[", ", ("})  # an aside opened after a name
_ARTICLES = frozenset({"the", "a", "an"})
_THAT = frozenset({"that", "the", "this"})  # "not that Danny", "not the Danny"
_ASIDE_WORDS = 5  # how far into an aside its words say whose the name is


def elsewhere(s: _Sentence, end: int) -> bool:
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


def _opens_aside(s: _Sentence, end: int) -> bool:
    """Whether an aside (a bracket, a comma, a dash) opens straight after word ``end - 1``."""
    words = s.words
    if not 0 < end < len(words):
        return False
    return s.text[words[end - 1].end : words[end].start].strip() in _OPENING


def _closed(s: _Sentence, start: int, end: int) -> bool:
    """Whether the aside opened before word ``start`` closed before word ``end``."""
    words = s.words
    return any(c in ")]" for c in s.text[words[start].start : words[end].start])


def aside_elsewhere(s: _Sentence, f: Found, same: Callable[[], dict[int, int]]) -> bool:
    """ "Deke, our rocket-facts bot, died again", "Danny (my brother, not Danny Stevens)",
    "Deke (the bot)", "Danny (not that Danny)", "@Deke": an aside right after the name, or
    a Discord-style at-sign before it, says it is someone in the writer's world. Not
    "Molly, my hero, dies", nor "Gordo, not Gordon Ramsay, dies" (a contrast with someone
    else's name). ``same`` gives where a name of the same person starts in this sentence,
    and its length in words."""
    words = s.words
    if f.start and s.text[words[f.start - 1].end : words[f.start].start].endswith("@"):
        return True
    if not f.start and s.text[: words[0].start].endswith("@"):
        return True
    j = f.end
    if not _opens_aside(s, j):
        return False
    grammar = s.grammar
    owners = grammar.get("namesake_owner", _NONE)
    nouns = grammar.get("namesake_noun", _NONE)
    last = min(len(words), j + _ASIDE_WORDS)
    text = words[j].text
    if text in _ARTICLES or j in owners:
        # "our rocket-facts bot", "my brother", "the bot"; not "the show guy, not
        # grandpa's friend" (whose the name is not)
        negations = grammar.get("negation", _NONE)
        for k in range(j + 1, last):
            if k in negations or _closed(s, j, k):
                return False
            if k in nouns:
                return True
        return False
    if j in grammar.get("negation", _NONE):
        # "Danny (not that Danny)", "Danny, not Danny Stevens,": that one, or the full
        # name, is not this one (not "Deke, not deked")
        k = j + 1
        if k < len(words) and words[k].text in _THAT:
            return k + 1 in same()
        return same().get(k, 0) > f.end - f.start
    return False


def contrasted(s: _Sentence, f: Found) -> bool:
    """ "Danny not Dani gets exiled", "Gordo, not Gordon Ramsay": the name after "not",
    straight after another name (or at the end of an aside opened after it: "Danny (my
    brother, not Danny Stevens)"), is the one it is not about."""
    k = f.start - 1
    if k > 1 and s.words[k].text in _THAT:
        k -= 1  # "Danny (not that Danny)"
    if k < 1 or k not in s.grammar.get("negation", _NONE):
        return False
    ends = {m.end for m in s.mentions if m.persons} | set(s.others)
    if k in ends:
        return s.words[k].text == "not"
    # inside an aside any language's negation: "(mi hermano, no Danny Stevens)"
    return any(
        e in ends and _opens_aside(s, e) and not _closed(s, e, k)
        for e in range(max(1, k - _ASIDE_WORDS), k)
    )


def describes(s: _Sentence, k: int, start: int) -> bool:
    """Whether the words from ``k`` to a role or relation at ``start`` only point at or
    describe it: "her old girlfriend", "the old Outpost bartender" (a thing of the show's
    may say whose), not "visits the bar and the bartender"."""
    if start == k:
        return True
    grammar = s.grammar
    pronouns = grammar.get("pronoun", _NONE)
    describing = grammar.get("describing", _NONE)
    things = {j for f in s.of("thing") for j in range(f.start, f.end)}
    # whose it is, by name: "sells up to tracy's husband", "visits ellen's old girlfriend"
    owner = next((m.end for m in s.mentions if m.start == k and m.how == "name"), None)
    if owner is not None and owner < start and s.words[owner].text == "s":
        return all(j in describing or j in things for j in range(owner + 1, start)) and not (
            _apart(s, k, start)
        )
    return (
        (k in pronouns or s.words[k].text in ("the", "that"))
        and all(j in describing or j in things or j in pronouns for j in range(k + 1, start))
        and not _apart(s, k, start)
    )
