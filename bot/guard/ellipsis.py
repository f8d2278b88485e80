"""Outcomes a sentence says without saying them again: by absence ("no Karen in season
4", "no more Molly"), by a possessive with no noun ("Karen's is the finale"), by "so
does" / "same for", by a negated auxiliary that ends its clause ("Everyone came home.
Deke doesn't.") and by a bare auxiliary after a name that answers a denial ("Ed would
never sell it. Karen did though.")."""

from __future__ import annotations

from bot.guard.bereaved import _Bereaved
from bot.guard.reading import (
    _NONE,
    _apart,
    _Cue,
    _ends_with,
    _Mention,
    _season_named,
    _Sentence,
)
from bot.guard.verdict import FLIPS

_NOBODY: frozenset[str] = frozenset({"?"})  # owned by someone who is not a character
_COPULAS = frozenset({"is", "was", "comes", "came", "happens", "happened", "too", "in"})
_AUXILIARIES = frozenset(
    {"doesn", "didn", "don", "won", "wouldn", "isn", "wasn", "aren", "weren", "can", "couldn"}
    | {"hasn", "haven", "hadn", "shouldn"}
)
# "Everyone comes home; Deke never does": the auxiliary after "never" that ends a clause
_NEVER_DOES = frozenset({"does", "did", "do", "will", "would", "could"})
# "Karen did though", "Gordo did, sadly": words that may end a bare auxiliary's clause
_AFTER_ALL = frozenset({"though", "tho", "too", "anyway", "instead", "eventually", "sadly"})
# "so does Karen", "so did Tracy": the outcome just said, said again of someone else
_SO = frozenset({"does", "did", "do", "is", "was", "were", "has", "had", "will", "goes"})


class _Elided(_Bereaved):
    """Outcomes said again of someone else, or said by what is missing."""

    def _absence(self, s: _Sentence, negations: frozenset[int] | set[int]) -> None:
        """ "Karen's not in s4 for a reason", "no Karen in season 4", "isn't around for
        s4", "Karen's absence in s4", "season 4 without Molly": missing from a season is
        the fate of the finale before it; "no more Molly after the s3 finale": missing,
        from a finale."""
        words = s.words
        lead = s.grammar.get("absent_from", _NONE)
        named_at = {m.start: m.end for m in s.mentions if m.persons}
        for k in sorted(set(negations) | s.grammar.get("absent", _NONE)):
            j = k + 1
            while j in lead and j - k <= 6:  # "doesn't even get to see season 4"
                j += 1
            if j > k + 1 and j < len(words) and not _apart(s, k, j):
                season = _season_named([t.text for t in words[j : j + 2]])
                if season is not None:
                    s.cues.append(_Cue(k, j, "death", None, absent=season))
                    continue
            skip = k + 1
            if words[k].text in ("no", "without") and skip in named_at:
                skip = named_at[skip]  # "no Karen in season 4"
            if skip < len(words) and words[skip].text == "around":
                skip += 1  # "isn't around for season 4"
            after = [t.text for t in words[skip : skip + 3]]
            season = None
            if after[:1] in (["in"], ["on"], ["back"], ["for"], ["from"]) and len(after) >= 2:
                season = _season_named(after[1:])
            elif words[k].text == "without" and k >= 2:
                season = _season_named([t.text for t in words[k - 2 : k]])  # "s4 without Karen"
                season = season or _season_named([words[k - 1].text])
            if season is not None:
                s.cues.append(_Cue(k, min(skip + 2, len(words)), "death", None, absent=season))
            elif words[k].text == "no" and after[:1] == ["more"]:
                named = [m for m in s.mentions if m.start == k + 2 and m.persons]
                if named:
                    s.cues.append(_Cue(k, k + 2, "death", None, weak=True))

    def _departed(self, s: _Sentence) -> None:
        """ "she finally tells deke right before he goes", "cuando se fue", "bevor er
        geht": a verb of leaving that ends its clause, its subject (a name, a pronoun,
        or none) just after a word of time, is leaving life: a hint, plain only beside
        the season. "before he goes to the moon" goes somewhere, and is nothing."""
        words = s.words
        grammar = s.grammar
        when = grammar.get("departing_when", _NONE)
        if not when and "departing_together" not in grammar:
            return
        between = grammar.get("departing_between", _NONE)
        between = between | grammar.get("pronoun", _NONE) | grammar.get("group", _NONE)
        named = {k for m in s.mentions if m.persons for k in range(m.start, m.end)}
        for k in sorted(grammar["departing"]):
            if k + 1 < len(words) and not _apart(s, k, k + 1):
                continue  # "goes to the moon", "went home"
            j = k - 1
            while j >= 0 and k - j <= 4 and (j in between or j in named) and j not in when:
                j -= 1
            if (j >= 0 and j in when and not _apart(s, j, k)) or (
                # "Gordo and Tracy both go.": names, then leaving together, and nothing more
                k >= 2
                and k - 1 in grammar.get("departing_together", _NONE)
                and k - 2 in named
                and not _apart(s, k - 2, k)
            ):
                s.cues.append(_Cue(k, k + 1, "death", None, weak=True))

    def _owned_ellipsis(self, s: _Sentence) -> None:
        """ "Shane's death is mid season 1, Karen's is the s3 finale": a possessive with
        no noun after it owns what the last possessive owned."""
        owned = [c for c in s.cues if c.owner and c.owner is not _NOBODY]
        start = owned[0].start if owned else -1
        if not owned and s.index:
            # "Paine's death is 2x07. Gordo and Tracy's is the finale."
            before = self.read[s.index - 1].cues
            owned = [c for c in before if c.owner and c.owner is not _NOBODY][-1:]
        if not owned:
            return
        words = s.words
        for m in s.mentions:
            k = m.end  # the "s" of "Karen's"
            if not m.persons or k not in s.grammar["owner"] or k <= start:
                continue
            following = words[k + 1].text if k + 1 < len(words) else ""
            if following in _COPULAS or k + 1 >= len(words) or _apart(s, k, k + 1):
                said = owned[0]
                s.cues.append(_Cue(k, k + 1, said.cls, None, said.weak, owner=m.persons))

    def _so_too(self, s: _Sentence) -> None:
        """ "Walter White dies in the finale. So does Karen.", "Gordo dies and so does
        Tracy", "same for Molly": the last outcome said before (here, or in the sentence
        before), said again of the character named just after."""
        words = s.words
        for k in range(len(words) - 2):
            text = words[k].text
            following = words[k + 1].text
            if not (
                (text == "so" and following in _SO)
                or (text == "same" and following in ("for", "with"))
            ):
                continue
            at = k + 2
            if not any(m.start == at and m.persons for m in s.mentions):
                continue
            earlier = [c for c in s.cues if c.end <= k and c.cls is not None and not c.emoji]
            if not earlier and s.index:
                before = self.read[s.index - 1]
                earlier = [c for c in before.cues if c.cls is not None and not c.emoji]
            if earlier:
                said = earlier[-1]
                s.cues.append(_Cue(k, at, said.cls, None, said.weak))

    def _ellipsis(self, s: _Sentence, negations: frozenset[int] | set[int]) -> None:
        """ "Everyone came home. Deke doesn't.": a negated auxiliary that ends its clause
        repeats the last outcome said before it, negated."""
        words = s.words
        denying = s.grammar.get("answer_no", _NONE)
        for k in sorted(set(negations) | denying) if denying else negations:
            if k in denying and self._denying_answer(s, k):
                # "does Karen survive s3? no.": the outcome asked, denied by the answer
                earlier = [c for c in s.cues if c.end <= k and c.cls in FLIPS]
                if not earlier and not k and s.index:
                    earlier = [c for c in self.read[s.index - 1].cues if c.cls in FLIPS]
                if earlier:
                    said = earlier[-1]
                    flipped = FLIPS[said.cls]  # type: ignore[index]
                    s.cues.append(_Cue(k, k + 1, flipped, None, said.weak and flipped != "death"))
                continue
            if words[k].text not in ("t", "not", "never"):
                continue
            end = k + 1
            if words[k].text == "never" and end < len(words) and words[end].text in _NEVER_DOES:
                end += 1  # "in FAM Deke never does"
            if end < len(words) and not _apart(s, end - 1, end):
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
                # from the auxiliary ("doesn't"), or from "never" ("he never does")
                first = k if words[k].text == "never" else max(0, k - 1)
                s.cues.append(_Cue(first, end, flipped, None, weak))

    def _denying_answer(self, s: _Sentence, k: int) -> bool:
        """Whether the word at ``k`` answers no to a yes/no question just before it (in
        its sentence after the question mark, or alone after a sentence that asks), and
        nothing but a word of comment or another no follows it ("nope, sadly", "No,
        purtroppo no")."""
        asides = s.grammar.get("answer_aside", _NONE) | s.grammar.get("answer_no", _NONE)
        words = s.words
        if len(words) - k > 3 or not all(
            j in asides or not words[j].text[:1].isalnum() for j in range(k + 1, len(words))
        ):
            return False
        if _ends_with(s, ":"):
            return False  # "nope: ||she's killed...||": what it introduces says it, hidden
        if k:
            between = s.text[words[k - 1].end : words[k].start]
            return "?" in between or "？" in between
        if not s.index:
            return False
        return _ends_with(self.read[s.index - 1], "?", "？")

    def _did_so(self, s: _Sentence) -> None:
        """ "Ed would never sell the Outpost. Karen did though.", "Ed didn't die; Gordo
        did": a bare auxiliary after a name, ending its clause, says of that name the
        outcome a clause before it denied (with the thing it was done to)."""
        words = s.words
        for m in [m for m in s.mentions if m.persons]:
            k = m.end
            if k >= len(words) or words[k].text not in _NEVER_DOES:
                continue
            end = k + 1
            while end < len(words) and words[end].text in _AFTER_ALL:
                end += 1
            if end < len(words) and not _apart(s, end - 1, end):
                continue  # "Karen did sell it": a clause of its own
            source = s
            earlier = [c for c in s.denied if c.end <= m.start]
            if not earlier and s.index:
                source = self.read[s.index - 1]
                earlier = source.denied
            if not earlier:
                continue
            said = earlier[-1]
            s.cues.append(_Cue(k, k + 1, said.cls, None, said.weak))
            for t in source.mentions:
                # the thing may be inside the denied phrase ("never sell the Outpost")
                if t.thing and t.start >= said.start and (source is not s or t.end <= m.start):
                    s.mentions.append(_Mention(k, k + 1, thing=t.thing, how="thing"))
