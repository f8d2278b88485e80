"""Readings of the construction around an outcome that change what it tells: a
supposition contrary to fact ("what if Gordo and Tracy had survived": the story is the
opposite), a negated outcome compared with one of ours ("didn't get blown up like Karen
and Molly": theirs, and not negated), and a denial of saying rather than of the outcome
("not saying Gordo dies on the moon"). Used by `what.py` as it reads each cue."""

from __future__ import annotations

from bot.guard.reading import (
    _AND,
    _JOINERS,
    _NONE,
    _apart,
    _clause_break,
    _names_finale,
    _Sentence,
)
from bot.guard.verdict import COMPARING_REACH, SUPPOSING_REACH, UNREAL_REACH

# words from "imagine" to the outcome it supposes, its subject between ("imagine Gordo and
# Tracy making it home"), and from a negation to that outcome
_IMAGINING_REACH = 6


def _counterfactual(s: _Sentence, at: int) -> str | None:
    """Whether the outcome at ``at`` is supposed contrary to fact ("unreal": the story is
    the opposite), or only supposed ("supposed": nothing told), in one clause with its
    supposition (a clause break between them parts a real outcome from a plain "if":
    "not sure if you noticed but by s3 Gordo and Tracy had died"):

    - after a `supposing` word ("what if", "if only", "y si", "stell dir vor"), with the
      outcome's own `unreal` auxiliary just before it ("had survived", "hadn't faked",
      "hubieran sobrevivido", "hätte überlebt", "avait survécu"), nobody named between
      them ("what if you had told me Karen survives" supposes the telling);
    - after a plain `supposing_subject` word ("if", "wish", "wenn", "si") only when its
      subject comes right after it and the auxiliary right after that, or after the
      outcome ("I wish Karen had survived", "wenn Karen den Anschlag überlebt hätte";
      not "idk if it matters but Molly had died", "I wish someone had warned me, Karen
      had died");
    - right after an `imagining` word and its subject, contrary to fact when the outcome
      is denied or put in a finale ("imagine Danny not getting exiled", "imagine Gordo and
      Tracy making it home in the s2 finale"), else only supposed ("imagine Tracy
      surviving a whole season without Gordo's jokes", "imagine Danny getting exiled
      lol")."""
    grammar = s.grammar
    unreal = grammar.get("unreal", _NONE)
    strong = grammar.get("supposing", _NONE)
    plain = grammar.get("supposing_subject", _NONE)
    denied = grammar.get("negation", _NONE)
    if unreal or "unreal_past" in grammar:
        after = any(at < k <= at + 2 and not _apart(s, at, k) for k in unreal)
        either = strong | plain
        for k in sorted(either):
            if not at - SUPPOSING_REACH <= k < at or k - 1 in either:
                continue  # out of reach, or inside a run already weighed
            last = k
            while last + 1 in either:
                last += 1
            if last + 1 >= at or _parted(s, last + 1, at):
                continue
            if any(j in strong for j in range(k, last + 1)):
                # a strong supposition makes a plain past its unreal form too (`unreal_past`:
                # "ich wünschte, sie wären nicht gestorben", "si seulement Karen n'était
                # pas morte"), and may hold its own ("если бы Карен не погибла")
                if (
                    after
                    or _unreal_before(s, last, at, unreal | grammar.get("unreal_past", _NONE))
                    or any(j in unreal for j in range(k, last + 1))
                ):
                    return "unreal"
            elif after and _subject_after(s, last) > last + 1:
                return "unreal"  # "wenn Gordo und Tracy überlebt hätten"
            elif (
                (j := _subject_after(s, last)) > last + 1
                and (j in unreal or (j in denied and j + 1 in unreal))
                and at - j <= UNREAL_REACH + 1
            ):
                # "I wish Karen had survived the bombing", "ojalá Gordo no hubiera muerto"
                return "unreal"
    imagining = grammar.get("imagining", _NONE)
    if not any(at - _IMAGINING_REACH <= k < at and not _apart(s, k, at) for k in imagining):
        return None
    if any(at - _IMAGINING_REACH <= k < at for k in denied) or _names_finale(s.words):
        return "unreal"
    return "supposed"


def _parted(s: _Sentence, left: int, right: int) -> bool:
    """Whether punctuation or a joining word other than "and" (which lists subjects:
    "what if Gordo and Tracy had survived") parts two words into clauses ("idk if it
    matters but Molly had died")."""
    return _apart(s, left, right) or any(
        s.words[k].text in _JOINERS and s.words[k].text not in _AND for k in range(left, right)
    )


def _unreal_before(s: _Sentence, first: int, at: int, unreal: set[int] | frozenset[int]) -> bool:
    """Whether an `unreal` auxiliary stands just before the outcome at ``at``, after the
    supposition ending at ``first``, nobody named between it and the outcome."""
    pointing = s.grammar.get("pronoun", _NONE) | s.grammar.get("group", _NONE)
    return any(
        first < k < at
        and at - k <= UNREAL_REACH + 1
        and not any(
            j in pointing or any(m.start == j and m.persons for m in s.mentions)
            for j in range(k + 1, at)
        )
        for k in unreal
    )


def _subject_after(s: _Sentence, last: int) -> int:
    """Where the subject right after the word at ``last`` ends: names, pronouns, groups
    and the words joining them ("if Gordo and Tracy", "wish she"); ``last + 1`` if none."""
    pointing = s.grammar.get("pronoun", _NONE) | s.grammar.get("group", _NONE)
    determiners = s.grammar.get("determiner", _NONE)
    j = last + 1
    while j < len(s.words):
        named = next((m for m in s.mentions if m.start == j and m.persons), None)
        if named is not None:
            j = named.end
        elif j in pointing or (j > last + 1 and s.words[j].text in _AND) or j in determiners:
            j += 1
        else:
            break
    # a subject is someone named or pointed at, not only the small words
    if not any(
        j2 in pointing or any(m.start == j2 and m.persons for m in s.mentions)
        for j2 in range(last + 1, j)
    ):
        return last + 1
    return j


def _compared(s: _Sentence, end: int) -> frozenset[str] | None:
    """Who a negated outcome ending at ``end`` is compared with, in its clause: a
    `comparing` word ("like", "the way", "wie", "comme") and then one of ours, or a
    list of them ("didn't get blown up in a parking lot like Karen and Molly", "didn't
    die on the moon like Deke"): the outcome is theirs, and not negated."""
    comparing = s.grammar.get("comparing", _NONE)
    words = s.words
    for k in sorted(comparing):
        if k < end or k - end > COMPARING_REACH or _clause_break(s, end - 1, k):
            continue
        last = k
        while last + 1 in comparing:
            last += 1
        persons: set[str] = set()
        at = last + 1
        while True:
            named = next((m for m in s.mentions if m.start == at and m.persons), None)
            if named is None:
                break
            persons |= named.persons
            at = named.end
            if at < len(words) and words[at].text in _AND and not _apart(s, at - 1, at):
                at += 1
        return frozenset(persons) or None
    return _contrasted_before(s, end)


_UNLIKE_REACH = 4  # words from "unlike" to the one of ours it sets against the outcome


def _contrasted_before(s: _Sentence, end: int) -> frozenset[str] | None:
    """Who an "unlike" (`unlike`, every language) before a negated outcome sets against
    it, in its sentence: "Unlike the show's Tracy, my cat did not die on the moon",
    "im Gegensatz zu Gordo ist er nicht gestorben": the outcome is theirs."""
    unlike = s.grammar.get("unlike", _NONE)
    for k in sorted(unlike):
        if k >= end:
            break
        named = next(
            (
                m
                for m in s.mentions
                if m.persons and k < m.start <= k + _UNLIKE_REACH and m.end < end
            ),
            None,
        )
        if named is not None and not _apart(s, k, named.start):
            return named.persons
    return None


def _denies_saying(s: _Sentence, k: int, start: int) -> bool:
    """Whether the negation at ``k`` denies a verb of saying (`saying`) before the outcome
    at ``start`` rather than the outcome: "not saying Gordo dies on the moon", "I won't
    tell you Margo fakes her death", "je ne dis pas que Gordo meurt" (the verb just
    before a split negation's second word too)."""
    saying = s.grammar.get("saying", _NONE)
    return bool(saying) and any(j in saying for j in range(max(0, k - 2), start))
