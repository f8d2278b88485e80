"""Whether a sentence asks about an outcome rather than telling it: a yes/no question,
marked or not ("does Gordo die?", "does Karen survive s3"), in any language's tone
("Karen morre?"), up to the clause it takes as given ("after he died"); not a tag ("she
dies, right?"), an echo, or a question that presupposes its answer. Split out of
`scoring.py`; together.py and backrefs.py score an asked connection down (`ASKING`)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.guard.reading import _NONE, _apart, _Cue, _ends_with, _lazy, _Sentence
from bot.guard.verdict import JUDGING_REACH
from bot.guard.what import _What

# "she dies, right?", "muere, ¿verdad?", "stirbt, oder?"
_TAGS = frozenset({"right", "yeah", "correct", "innit", "no", "verdad", "cierto", "nao"})
_TAGS |= {"vero", "oder", "nicht", "non", "правда", "да"}
# "does she survive or should I brace myself": an "or" opening another question (not
# "does Gordo or Tracy die?")
_ALTERNATIVE = frozenset({"or"})
_OPENING_AGAIN = frozenset({"am", "shall", "must", "i", "maybe", "what", "whatever"})
# What follows these, a question takes as given: "did they split up after he died?"
_GIVEN = frozenset({"after", "since", "because", "once", "when", "before", "until", "being"})


class _Asking(_What):
    """Telling a question from a statement, one sentence at a time."""

    def _asks(self, s: _Sentence, cue: _Cue) -> bool:
        """Whether the sentence asks about the outcome rather than telling it. A genuine
        question is a yes/no question ("does Gordo die?", "anyone know if Karen
        survives?") whose own clause holds the outcome. It tells when it presupposes:
        a wh-question ("why did Margo fake her death?"), an outcome someone owns ("was
        Gordo's death necessary?"), an echo ("wait so Karen dies??",
        "...really?"), a tag ("she dies, right?"), or an outcome in a clause the question
        takes as given ("did they stay together after the visit in the finale?")."""
        if cue.owner and "?" not in cue.owner:
            return False  # "was Gordo's death necessary?": his death is taken as given
        if cue.unreal:
            return False  # "et si Deke avait survécu ?": a supposition asks nothing
        if s.asking is None:
            s.asking = self._asking_until(s)
        return s.asked_from <= cue.start <= s.asking

    def _asking_until(self, s: _Sentence) -> int:
        """Up to which word a sentence asks (-1: it does not ask): the clause before
        anything it takes as given ("after...", "since...")."""
        words = s.words
        grammar = s.grammar
        asking = grammar.get("asking", _NONE)
        # "anyone know if...": the "know" of an asking phrase presumes nothing, nor does
        # a word after it ("whether they pull it off no idea, so don't tell me")
        wonders = grammar.get("wondering", _NONE)
        wondered = max(wonders, default=len(words))
        # "does Karen die in s3 or is that a fan theory?": the question is its first
        # alternative, whose outcome the other's words take nothing of as given
        other = len(words)
        if 0 in asking or wonders:
            other = next(
                (
                    k
                    for k in range(1, len(words) - 1)
                    if words[k].text in _ALTERNATIVE
                    and (k + 1 in asking or words[k + 1].text in _OPENING_AGAIN)
                ),
                other,
            )
        considered = min(wondered, other)
        if not words or any(k < considered for k in grammar.get("presuming", _NONE) - wonders):
            return -1
        if "judging" in grammar and self._judged(s, considered):
            return -1
        if self._doubting(s):
            return -1
        # the question mark ends the question: short sentences run together ("Karen
        # muore? niente spoiler") may go on after it
        last, after = len(words) - 1, ""
        if "?" in s.text or "？" in s.text:  # most sentences ask nothing: no word-by-word look
            for k, word in enumerate(words):
                after = s.text[word.end : word.end + 3].lstrip(" )")
                if after.startswith(("?", "？")):
                    last = k
                    break
        marked = after.startswith(("?", "？"))
        wondering = s.has("wondering")
        if not marked and not wondering and self._asked_unmarked(s):
            # "does Danielle make it to the end of s4 or should i brace myself": the
            # question is its first clause, up to a break or an "or"
            wondering = True
            ends = (k for k in range(len(words) - 1) if _apart(s, k, k + 1))
            last = min(next(ends, last), other - 1)
        elif marked and other <= last:
            last = other - 1
        if wondering and not marked:
            # without a question mark, the wondering clause ends at punctuation
            ends = (k for k in range(wondered, len(words) - 1) if _apart(s, k, k + 1))
            last = next(ends, last)
        # "?!": surprise, not a question
        tone = marked and "!" not in after and self._asked_by_tone(s)
        asked = (marked and 0 in asking) or tone
        if marked and not asked and not wondering:
            # a question after a statement, in its own clause: "the heist is a huge
            # plan, will it work?" asks only from its asking word
            opening = [k for k in asking if 0 < k <= last and _apart(s, k - 1, k)]
            if opening:
                s.asked_from = max(opening)
                asked = True
        if not asked and not wondering:
            return -1
        if marked and (answer := _polar_answer(self.read, s, last)) is not None:
            # "does Karen die in s3? yes.": told; "does Molly survive? nope.": the
            # question stays asked, its denial after it (ellipsis.py) is not
            if answer:
                return -1
            if last < len(words) - 1:
                return last
        # the reach is counted from the end of an opening phrase ("est-ce que", "será que")
        opened = s.asked_from
        while opened + 1 in asking and opened in asking:
            opened += 1
        if words[last].text in _TAGS or last - opened > 11:
            return -1
        # and, in every language, a clause after a comma opened by a word of time or cause
        # (`given`: "hat noch jemand geweint, als Gordo und Tracy gestorben sind?")
        given = grammar.get("given", _NONE)
        return next(
            (
                k
                for k in range(1, last + 1)
                if words[k].text in _GIVEN or (k in given and _apart(s, k - 1, k))
            ),
            last + 1,
        )

    @staticmethod
    def _judged(s: _Sentence, considered: int) -> bool:
        """Whether the question judges an outcome said before its judgement (`judging`:
        "is Danny getting exiled to the lander fair", "was killing off Molly the right
        call?", "is Deke dying on the moon the saddest death?"): the outcome is its
        subject, taken as given, when the question opens on a copula; not "is it fair that
        Danny gets less screen time?" (no outcome), "does Danny get exiled?" (no
        judgement), nor "does Karen die in the saddest way?" (the outcome is asked)."""
        if 0 not in s.grammar.get("copula", _NONE):
            return False  # "does Karen die in the saddest way?" asks of the outcome
        return any(
            c.end <= k <= c.end + JUDGING_REACH
            for k in s.grammar["judging"]
            if k < considered
            for c in s.cues
        )

    def _asked_unmarked(self, s: _Sentence) -> bool:
        """A yes/no question without its mark: an auxiliary opening the sentence before
        its subject ("does Karen survive s3", "is Gordo alive in season 3", "will anyone
        die"), the sentence not ended as a statement. The subject must follow at once:
        "was crying when Karen died" drops its "I" and tells."""
        words = s.words
        grammar = s.grammar
        if len(words) < 3 or 0 not in grammar.get("asking_unmarked", _NONE):
            return False
        if _ends_with(s, ".", "!", "。", "！"):
            return False
        if any(m.start == 1 and m.persons for m in s.mentions):
            return True
        return any(1 in grammar.get(w, _NONE) for w in ("pronoun", "group", "asked_who"))

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


def _polar_answer(read: Sequence[_Sentence], s: _Sentence, last: int) -> bool | None:
    """The answer to a yes/no question ending at word ``last``, given just after it in
    the sentence or alone in the next one ("does Karen survive s3? no.", "...?\nyep"):
    True for yes, False for no, None when nothing but an answer follows."""
    if last + 1 < len(s.words):
        answer, first = s, last + 1
    elif s.index + 1 < len(read):
        answer, first = read[s.index + 1], 0
    else:
        return None
    # read from what was found: a sentence of nothing else keeps no grammar (judge.py)
    said: dict[str, set[int]] = {"answer_yes": set(), "answer_no": set(), "answer_aside": set()}
    for f in answer.found:
        if f.category == "word" and f.key in said:
            said[f.key].update(range(f.start, f.end))
    yes, no, asides = said["answer_yes"], said["answer_no"], said["answer_aside"]
    words = answer.words
    if first not in yes and first not in no:
        return None
    if len(words) - first > 3 or not all(
        k in yes or k in no or k in asides or not words[k].text[:1].isalnum()
        for k in range(first, len(words))
    ):
        return None  # "no spoilers pls", "no idea": not an answer
    if _ends_with(answer, ":"):
        return None  # "yes: ||...||": what it introduces says it, hidden
    return first in yes
