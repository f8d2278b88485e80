"""Deaths said by who is left behind: "Marge becomes a widow", "Marge (not Margo) ends
season 1 a widow", "Danny is orphaned in the s2 finale". The noun or participle of the
relation lost ("widow", "orphan", in every language: ``[relations]`` of the language
files) says that the named person's spouse, or parents, died: a death of those relatives
(as the canon relates them), plainly."""

from __future__ import annotations

import re

from bot.guard.reading import _JOINERS, _NONE, _PUNCTUATION, _Cue, _Mention, _Sentence
from bot.guard.relations import _Related

# The relation-outcome words (keys of [relations]) and the relatives whose death they say
_LEFT_BY = {"widow": frozenset({"husband", "wife"}), "orphan": frozenset({"mother", "father"})}
_LOOK_BACK = 8  # words between the person left behind and the word that says so
_ASIDE = re.compile(r"\([^()]*\)")  # "Marge (not Margo) ends season 1 a widow"


class _Bereaved(_Related):
    def _bereaved(self, s: _Sentence) -> None:
        owners = s.grammar.get("owner", _NONE)
        for f in s.of("relation"):
            lost = frozenset().union(*(_LEFT_BY.get(k, ()) for k in f.key.split("+")))
            if not lost or f.start - 1 in owners:
                continue  # "Deke's widow" is Marge herself (relations.py)
            left = [
                m
                for m in s.mentions
                if m.persons
                and m.how in ("name", "role")
                and f.start - _LOOK_BACK <= m.end <= f.start
                and self._one_clause(s, m.end - 1, f.start)
            ]
            if not left:
                continue
            left.sort(key=lambda m: m.end)
            relatives = frozenset(
                person.id
                for person in self.m.people
                for known in person.roles
                if known.of in left[-1].persons
                and lost & {w for word in known.words for w in word.split("|")}
            )
            if relatives:
                s.mentions.append(_Mention(f.start, f.end, relatives, how="relation"))
                s.cues.append(_Cue(f.start, f.end, "death", None, owner=relatives))

    @staticmethod
    def _one_clause(s: _Sentence, left: int, right: int) -> bool:
        """No punctuation (an aside in brackets apart) nor joining word between."""
        between = _ASIDE.sub(" ", s.text[s.words[left].end : s.words[right].start])
        if not _PUNCTUATION.isdisjoint(between):
            return False
        outside = between.split()
        return not any(w.casefold() in _JOINERS for w in outside)
