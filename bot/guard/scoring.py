"""How sure the guard is of one connection between a subject and an outcome: whether it
is asked rather than told (a bare yes/no question, a doubting tone), whether the message
places it in an episode or season that is not its finale, how plain it is, what a hint is
worth, and which rules a subject and an outcome share."""

from __future__ import annotations

from collections.abc import Callable

from bot.guard.reading import (
    _AND,
    _EPISODE_CODE,
    _JOINERS,
    _NONE,
    _SEASON_WORDS,
    _apart,
    _clause_break,
    _Cue,
    _episodes,
    _lazy,
    _listing,
    _Mention,
    _Rule,
    _said,
    _season_named,
    _Sentence,
)
from bot.guard.verdict import (
    ANYONE,
    BACK_REFERENCE,
    EMOJI_REACH,
    EPISODE_REACH,
    OTHER_EPISODE,
    SEASON_NAMED,
    WEAK,
    Evidence,
)
from bot.guard.what import _What

# "she dies, right?", "muere, ¿verdad?", "stirbt, oder?"
_TAGS = frozenset({"right", "yeah", "correct", "innit", "no", "verdad", "cierto", "nao"})
_TAGS |= {"vero", "oder", "nicht", "non", "правда", "да"}
# Small words inside an episode named between a name and its emoji ("in the s1 finale")
_EPISODE_FILLER = frozenset({"the", "of", "at", "s"})
_NOT_EPISODE = frozenset({"in", "during", "by", "then", "and"})
# Before a season named after an outcome, what places the outcome in it ("dies in s2",
# "during season 1", "by the s4 premiere"); a season after it with none of these is a
# clause of its own ("...killed in the JSC bombing season 2 rules")
_PLACING = frozenset({"in", "during", "of", "by", "for", "until", "till", "from", "at", "on"})
_PLACING |= {"since", "the", "this", "that", "early", "late", "mid", "through", "em"}
_PLACING |= {"throughout", "en", "im", "nella", "na", "no", "dans", "la", "в"}
# Words an answer made of names may hold besides them: "Gordo and Tracy.", "both of them"
_ANSWER_WORDS = frozenset({"both", "all", "of", "them", "two", "the"})
# "does she survive or should I brace myself": an "or" opening another question (not
# "does Gordo or Tracy die?")
_ALTERNATIVE = frozenset({"or"})
_OPENING_AGAIN = frozenset({"am", "shall", "must", "i", "maybe", "what", "whatever"})
# What follows these, a question takes as given: "did they split up after he died?"
_GIVEN = frozenset({"after", "since", "because", "once", "when", "before", "until", "being"})


class _Scoring(_What):
    """Scoring each connection of a subject with an outcome."""

    def _episode_near(self, s: _Sentence, at: int) -> bool | None:
        """Whether the episode named nearest ``at`` in its clause is a finale (None: no
        episode named there)."""
        near = [
            (abs(at - k), finale)
            for k, finale in s.markers
            if abs(at - k) <= EPISODE_REACH and not _clause_break(s, min(k, at), max(k, at))
        ]
        return min(near)[1] if near else None

    def _before_its_season(self, s: _Sentence, cue: _Cue, mention: _Mention, rule: _Rule) -> bool:
        """Whether the season named with an outcome, in its clause, comes before the
        finale the rule gives away ("Margo goes to Moscow for the summit in s2" is not the
        season 3 finale's Moscow); a subject after its outcome goes with its own clause's
        ("he loses his son in s1 and his ex-wife in the s3 finale")."""
        season = self._season_with(s, cue, mention)
        return season is not None and rule.season is not None and season < rule.season

    def _after_its_season(self, s: _Sentence, cue: _Cue, mention: _Mention, rule: _Rule) -> bool:
        """Whether the season named with an outcome comes after the finale the rule gives
        away: a later episode that shows the outcome still holding gives that finale away
        ("Sergei teaching school in Iowa in s4e8", "Margo's alive after all in s4e6")."""
        season = self._season_with(s, cue, mention)
        return season is not None and rule.season is not None and season > rule.season

    def _holds_on(self, s: _Sentence, cue: _Cue, mention: _Mention, rule: _Rule) -> bool:
        """Whether a character's outcome, named with a later season's episode, is that
        finale's fate still holding ("Sergei teaching in Iowa in s4e8"); a hint, even one
        a rule lists ("Dev took the L in s4 ep 2"), is an event of that episode."""
        return (
            bool(mention.persons)
            and not cue.weak
            and not any(f.start == cue.start for f in s.of("weak"))
            and self._after_its_season(s, cue, mention, rule)
        )

    def _season_with(self, s: _Sentence, cue: _Cue, mention: _Mention) -> int | None:
        """The season named nearest an outcome (or its subject, after it), in its clause."""
        named = self._seasons_in(s)
        if not named:
            return None
        words = s.words
        first = (mention.start, cue.start) if mention.start > cue.start else (cue.start,)
        for at in first:
            near = [
                (abs(k - at), season)
                for k, season in named
                if abs(k - at) <= EPISODE_REACH
                and not _clause_break(s, min(k, at), max(k, at))
                and (k <= at + 1 or any(words[j].text in _PLACING for j in range(max(0, k - 2), k)))
            ]
            if near:
                return min(near)[1]
        return None

    def _seasons_in(self, s: _Sentence) -> list[tuple[int, int]]:
        """The seasons a sentence names, with where: (word, season)."""
        named = self._seasons_at.get(s.index)
        if named is None:
            texts = [t.text for t in s.words]
            named = self._seasons_at[s.index] = [
                (k, season)
                for k in range(len(texts))
                if (season := _season_named(texts[k : k + 2])) is not None and 1 <= season <= 9
            ]
            named += [  # an episode by its title: "at the Leningrad summit"
                (f.start, int(f.key.split(":")[0])) for f in s.of("episode") if self._a_title(s, f)
            ]
            named = [(k, season) for k, season in named if not self._who_from(s, k)]
            self._seasons_at[s.index] = named
        return named

    @staticmethod
    def _who_from(s: _Sentence, k: int) -> bool:
        """Whether the season at ``k`` says who is meant, not when: "from" it, straight
        after a character (a word between at most: "the soviet delegation head from s2
        gets let go in s3", "Danny from season 1 ...")."""
        if k < 2 or s.words[k - 1].text != "from":
            return False
        return any(m.persons and k - 3 <= m.end - 1 <= k - 2 for m in s.mentions)

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
        a wh-question ("why did Margo fake her death?"), an outcome someone owns ("was
        Gordo's death necessary?"), an echo ("wait so Karen dies??",
        "...really?"), a tag ("she dies, right?"), or an outcome in a clause the question
        takes as given ("did they stay together after the visit in the finale?")."""
        if cue.owner and "?" not in cue.owner:
            return False  # "was Gordo's death necessary?": his death is taken as given
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
        # the reach is counted from the end of an opening phrase ("est-ce que", "será que")
        opened = s.asked_from
        while opened + 1 in asking and opened in asking:
            opened += 1
        if words[last].text in _TAGS or last - opened > 11:
            return -1
        return next((k for k in range(1, last + 1) if words[k].text in _GIVEN), last + 1)

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

    def _hint(
        self, s: _Sentence, cue: _Cue, rule: _Rule, persons: frozenset[str] = frozenset()
    ) -> float:
        """What a hint ("gone", "loses") is worth: little alone; in full when the sentence
        names a finale ("loses her in the s3 finale"); nearly so when the message names
        the season whose finale the rule gives away ("Just finished s3... she's gone"), or,
        for a character, the thing the same rule is about ("Gordo, Tracy, the reactor:
        gone")."""
        if not cue.weak:
            return 1.0
        if s.finale and (
            rule.season is None
            or not (seasons := self._seasons_in(s))
            or any(season == rule.season for _, season in seasons)
        ):
            return 1.0  # "gone in the s3 finale"; not "gone, 1x10" of a season 3 fate
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

    def _rules_for(self, mention: _Mention) -> list[int]:
        """The rules about a subject, in the rules' order (a set of ints filled by
        iterating a set of names iterates in an order the hash seed sets)."""
        found: set[int] = set()
        for person in mention.persons:
            found.update(self.m._by_person.get(person, ()))
        if mention.thing is not None:
            found.update(self.m._by_thing.get(mention.thing, ()))
        return sorted(found)

    def _character(self, rule: _Rule, mention: _Mention) -> str | None:
        both = rule.persons & mention.persons
        if len(both) <= 1:
            return next(iter(both), None)
        return min(both)

    def _beside(self, s: _Sentence, mention: _Mention, cue: _Cue) -> bool:
        """An emoji counts right after a name, or after a list of names ("Gordo + Tracy = ⚰"),
        or with only the episode between them ("karen 3x10: ⚰", "Deke in the s1 finale 🪦")."""
        if cue.start < mention.end:
            return False
        between = range(mention.end, cue.start)
        if len(between) > EMOJI_REACH + 4:
            return False
        named = {k for m in s.mentions for k in range(m.start, m.end)}
        words = s.words
        listed = 0
        episode = False
        for k in between:
            text = words[k].text
            if k in named or not text[:1].isalnum() or text in _AND:
                continue
            if _listing(text) or text in _EPISODE_FILLER:
                listed += 1
                episode = episode or text not in _EPISODE_FILLER | _NOT_EPISODE
                continue
            return False
        # the small words count as part of an episode only when one is named
        return (episode or not listed) and len(between) - listed <= EMOJI_REACH + 2

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
        if not _names_only(s):
            return
        # the question or heading, past the names that answer it before this sentence
        k = s.index - 1
        while (
            k > max(0, s.index - 6)
            and not self.read[k].cues
            and (_names_only(self.read[k]) or not self.read[k].words)  # "|---|---|"
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
        else:
            return
        self._answered(s, question, who, keep)

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


def _names_only(s: _Sentence) -> bool:
    """Whether a sentence is names alone ("Gordo and Tracy.", "both of them"), perhaps
    labelled with a season or episode or numbered as a list item ("- s2: Gordo, Tracy",
    "1. Deke", "| season 3 | Karen |")."""
    words = s.words
    named = {k for m in s.mentions if m.persons for k in range(m.start, m.end)}
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
        or not words[k].text[:1].isalnum()
        or _a_label(words[k].text)
        for k in range(len(words))
    )


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


def _ends_asking(s: _Sentence) -> bool:
    """Whether a sentence ends with a question mark."""
    return _ends_with(s, "?", "？")


def _ends_with(s: _Sentence, *marks: str) -> bool:
    """Whether a sentence's last word is followed by one of ``marks``."""
    if not s.words:
        return False
    end = s.words[-1].end
    return s.text[end : end + 3].lstrip(" )*_~").startswith(marks)
