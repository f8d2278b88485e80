"""Answers: a sentence of names alone just after a question about who met an outcome
("Does anyone die in the s2 finale? Gordo and Tracy."), a list under a heading that says
the outcome ("finale body count:" / "karen"), a table's rows, and a cleft ("in the show
it's Lee"). Each answer becomes evidence scored as a back-reference. Split out of
`scoring.py`, whose rules, hints and seasons it uses."""

from __future__ import annotations

from collections.abc import Callable

from bot.guard.reading import (
    _AND,
    _EPISODE_CODE,
    _JOINERS,
    _LEADING,
    _NONE,
    _SEASON_WORDS,
    _ends_asking,
    _ends_with,
    _episodes,
    _listing,
    _Mention,
    _said,
    _season_named,
    _Sentence,
)
from bot.guard.scoring import _Scoring
from bot.guard.verdict import BACK_REFERENCE, OTHER_EPISODE, Evidence

# Words an answer made of names may hold besides them: "Gordo and Tracy.", "both of them"
_ANSWER_WORDS = frozenset({"both", "all", "of", "them", "two", "the"})


class _Answers(_Scoring):
    """Names answering an earlier sentence's outcome."""

    def _answers(self, s: _Sentence, keep: Callable[[Evidence], None]) -> None:
        """ "Does anyone die in the s2 finale? Gordo and Tracy.": a sentence of names
        alone, just after a question about who met an outcome, answers it (a quoted
        question and the reply under it too); so does a list after a heading that says
        the outcome and names nobody ("finale body count:" / "karen" / "molly")."""
        if not s.index or s.cues or not s.mentions or _ends_asking(s):
            return
        if self._cleft(s):
            # "real first man on mars hasn't happened. in the show it's Lee": the outcome
            # of a sentence that named nobody, said of whoever "it's" names
            question = self.read[s.index - 1]
            if any(m.persons for m in question.mentions) or not question.cues:
                return
            self._answered(s, question, 0, keep)
            return
        if not (_names_only(s) or _names_only(s, _prompt_end(s))):
            return  # "Guess who? Danny.": a bid to guess, then the names
        # the question or heading, past the names that answer it before this sentence
        k = s.index - 1
        while (
            k > max(0, s.index - 6)
            and not self.read[k].cues
            # "|---|---|", and a fragment of answer words alone: "... you ask? Both."
            and (
                _names_only(self.read[k])
                or _answer_words_only(self.read[k])
                or _who_prompt(self.read[k])
            )
        ):
            k -= 1
        question = self.read[k]
        if not question.cues or not question.words:
            return
        if _ends_with(question, ":") or _a_table_head(question):
            if any(m.persons for m in question.mentions):
                return
            who = 0
        elif "asked_who" in question.grammar and _ends_asking(question):
            who = min(question.grammar["asked_who"])
        elif _ends_asking(question) and self._outcome_asked(question):
            who = 0  # "Il primo uomo su Marte? Un nordcoreano, Lee Jung-gil."
        elif (unnamed := _unnamed_met(question)) is not None:
            who = unnamed  # "the bombing takes two people. Karen. Molly."
        elif (
            not _ends_asking(question)
            and not any(m.persons for m in question.mentions)
            and self._opens_with_outcome(question)
        ):
            who = 0  # the fate first, the name after: "Buried on the moon. Deke."
        else:
            return
        self._answered(s, question, who, keep)

    def _opens_with_outcome(self, s: _Sentence) -> bool:
        """ "Shot during the riot.", "Never made it home.": a sentence that leaves out its
        subject and opens with what happened (after at most a small word or two)."""
        first = min((c.start for c in s.cues if not c.emoji), default=None)
        if first is None or first > 4:
            return False
        words = s.words
        small = self.m._language_of
        # a fate noun counted, with no verb: "One explosion.", "Una sola bomba."
        counting = s.grammar.get("counting", _NONE)
        if first > 2:
            # counted pairs before it, verbless: "Same day, same car bomb."
            # the fate noun ending the fragment ("same bomb shelter drills" is no fate)
            return (
                first == 3
                and 0 in counting
                and 2 in counting
                and words[0].text == words[2].text
                and any(c.start == 3 and c.end == len(words) for c in s.cues)
            )
        leading = s.grammar.get("leading", _NONE)
        return all(
            words[k].text in _LEADING
            or k in leading
            or words[k].text in small
            or k in s.grammar.get("negation", _NONE)
            or k in counting
            for k in range(first)
        )

    def _outcome_asked(self, question: _Sentence) -> bool:
        """A question that is an outcome and nobody ("First man on Mars?", "The one
        left behind on Mars?"): the writer's own, answered by the names after it."""
        if len(question.words) > 8 or any(m.persons for m in question.mentions):
            return False
        return min((c.start for c in question.cues if not c.emoji), default=9) <= 2

    def _cleft(self, s: _Sentence) -> bool:
        """Whether a sentence names someone after "it's" and nothing before but the
        show's version or a joining word: "in the show it's Lee", "but it was Danny"."""
        first, end = min((m.start, m.end) for m in s.mentions)
        if end in s.grammar.get("owner", _NONE):
            return False  # "it's Danny's fault": Danny is not what it is
        show = s.grammar.get("show_version", _NONE)
        lead = [s.words[k].text for k in range(first) if k not in show]
        return (
            len(lead) >= 2
            and lead[-2] in ("it", "that")
            and lead[-1] in ("s", "is", "was")
            and all(t in _JOINERS for t in lead[:-2])
        )

    def _answered(
        self, s: _Sentence, question: _Sentence, who: int, keep: Callable[[Evidence], None]
    ) -> None:
        """Evidence for the names of ``s`` answering the outcomes of ``question`` said
        from ``who`` on."""
        episodes = [finale for _, finale in _episodes(question.words)]
        labelled = _label_season(s)
        elsewhere = bool(episodes) and not any(episodes)  # "who dies in ep 4?"
        # "Dead. Gordo and Tracy in 2x03.": the answer's own episode, not a finale
        answered = [finale for _, finale in _episodes(s.words)]
        elsewhere = elsewhere or (bool(answered) and not any(answered))
        for cue in question.cues:
            if cue.start < who or cue.emoji:
                continue
            for mention in s.mentions:
                if not mention.persons or mention.consumed:
                    continue
                factor = self._factor(s, mention)
                for index in self._rules_for(mention):
                    rule = self.m.rules[index]
                    if not self._matches(rule, cue):
                        continue
                    score = BACK_REFERENCE * self._hint(question, cue, rule) * factor
                    asked = _Mention(cue.start, cue.end, mention.persons)
                    if elsewhere or self._before_its_season(question, cue, asked, rule):
                        score *= OTHER_EPISODE  # "who dies in s1? Karen": not her finale
                    elif labelled is not None and rule.season and labelled < rule.season:
                        score *= OTHER_EPISODE  # "deaths:" / "- s1: Karen": not her finale
                    keep(
                        Evidence(
                            rule.key,
                            self._character(rule, mention),
                            _said(s, mention.start, mention.end),
                            _said(question, cue.start, cue.end),
                            "answer",
                            score,
                            (question.index, s.index),
                        )
                    )


def _names_only(s: _Sentence, start: int = 0) -> bool:
    """Whether a sentence is names alone ("Gordo and Tracy.", "both of them"), perhaps
    labelled with a season or episode or numbered as a list item ("- s2: Gordo, Tracy",
    "1. Deke", "| season 3 | Karen |")."""
    words = s.words
    named = {k for m in s.mentions if m.persons for k in range(m.start, m.end)}
    placed = bool(_episodes(words))
    # a word of comment on the answer: "Margo, obviously", "Molly too", "Karen, sadly"
    asides = s.grammar.get("answer_aside", _NONE)
    counting = s.grammar.get("counting", _NONE)
    if counting:  # "Un nordcoreano, Lee Jung-gil.": who they are, counted, before the name
        named |= {
            k
            for m in s.mentions
            if m.thing and m.start - 1 in counting
            for k in range(m.start - 1, m.end)
        }
    return bool(named) and all(
        k in named
        or words[k].text in _AND
        or words[k].text in _ANSWER_WORDS
        or k in asides
        or not words[k].text[:1].isalnum()
        or _a_label(words[k].text)
        # the episode they go with: "Gordo and Tracy in 2x10.", "Deke in the s1 finale"
        or (placed and (_listing(words[k].text) or words[k].text == "the"))
        for k in range(start, len(words))
    )


def _prompt_end(s: _Sentence) -> int:
    """Where the names start after a bid to guess who opening the sentence ("Who? Karen.",
    "guess who. danny."); 0 when it does not open so."""
    asked = s.grammar.get("asked_who", _NONE) | s.grammar.get("who_prompt", _NONE)
    first = min((m.start for m in s.mentions if m.persons), default=0)
    if not first or first > 4 or not all(k in asked for k in range(first)):
        return 0
    return first


def _a_table_head(s: _Sentence) -> bool:
    """Whether a sentence is a table's row ("| finale | who dies |"): a heading."""
    return s.text.lstrip(" >").startswith("|") and _ends_with(s, "|")


def _a_label(text: str) -> bool:
    """A season, an episode or a number labelling a line of names ("s1", "season 1", "3x10")."""
    return text.isdigit() or text in _SEASON_WORDS or bool(_EPISODE_CODE.match(text))


def _label_season(s: _Sentence) -> int | None:
    """The season a line of names is labelled with ("- s1: Deke", "season 2 | Gordo")."""
    texts = [t.text for t in s.words]
    for k in range(len(texts)):
        season = _season_named(texts[k : k + 2])
        if season is not None:
            return season
    return None


def _who_prompt(s: _Sentence) -> bool:
    """Whether a sentence only asks who, or bids the reader guess, between an outcome
    said of nobody and the names after it ("Killed in the car bomb. Who? Karen.",
    "... guess who. Danny.")."""
    asked = s.grammar.get("asked_who", _NONE) | s.grammar.get("who_prompt", _NONE)
    return (
        0 < len(s.words) <= 4
        and not s.cues
        and not s.mentions
        and bool(asked)
        and all(k in asked or not w.text[:1].isalnum() for k, w in enumerate(s.words))
    )


def _answer_words_only(s: _Sentence) -> bool:
    """Whether a sentence holds answer words alone, or nothing ("Both.", "|---|---|")."""
    return all(w.text in _ANSWER_WORDS or not w.text[:1].isalnum() for w in s.words)


def _unnamed_met(s: _Sentence) -> int | None:
    """Where a statement that names nobody says someone met an outcome (`asked_who`,
    `unnamed_people`: "someone dies in the s3 finale.", "guess who dies in the
    bombing.", "the bombing takes two people."), the names after it answering it; None
    when it asks, names someone, or says nobody."""
    if _ends_asking(s) or any(m.persons for m in s.mentions):
        return None
    if "unnamed_people" in s.grammar:
        return 0  # the object as well as the subject: "the s3 finale kills two people"
    said = s.grammar.get("asked_who", _NONE)
    return min(said) if said else None
