"""Who goes with what: a subject and an outcome in one sentence (closer is surer), with
the doers a clause gives its outcome to, and back references from later sentences
(backrefs.py); each connection becomes a piece of evidence, scored (scoring.py)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence

from bot.guard.backrefs import _BackReferences
from bot.guard.layout import Span
from bot.guard.reading import (
    _AND,
    _NONE,
    _apart,
    _clause_break,
    _Cue,
    _episodes,
    _listing,
    _Mention,
    _Rule,
    _said,
    _Sentence,
)
from bot.guard.verdict import (
    ASKING,
    CLOSE,
    DISTANT,
    FAR,
    FARTHEST,
    IN_A_LINK,
    MIDDLE,
    NEAR,
    OTHER_EPISODE,
    SUBJECT_ONLY,
    TYPO,
    TYPO_IN_CONTEXT,
    Evidence,
)

_RELATIVE = frozenset({"who", "that"})  # "the guy who ...", an original_of phrase
RELATIVE_WORDS = 8  # how far into a relative clause a name may be read as inside it
_FEW_CUES = 16  # outcomes in a sentence below which each is weighed against each subject
_OBJECT_LEAD = frozenset({"both", "off"})  # "kills both Gordo and Tracy", "kills off Molly"
_GAPPED = frozenset({"too", "also", "as", "on", "at", "with", "after", "later", "next"})


class _Together(_BackReferences):
    """Associating subjects with outcomes into evidence."""

    def associate(self) -> list[Evidence]:
        best: dict[tuple[str, str | None, tuple[int, ...]], Evidence] = {}

        def keep(e: Evidence) -> None:
            key = (e.rule, e.character, e.sentences)  # every sentence that spoils is hidden
            if key not in best or best[key].score < e.score:
                best[key] = e

        links = self.links
        for s in self.read:
            subjects = [m for m in s.mentions if not m.consumed]
            doers: dict[int, list[_Mention]] = {}
            if subjects and s.cues:
                ending = _by_end(subjects)
                doers = {id(c): self._doers(s, c, ending) for c in s.cues}
            relative = s.grammar.get("original_of", _NONE) if subjects else _NONE
            ousting = s.grammar["ousting"] if subjects and "ousting" in s.grammar else _NONE
            near = _cues_near(s.cues)
            for mention in subjects:
                factor = self._factor(s, mention)
                cues = near(mention)
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
                                SUBJECT_ONLY * factor * self._later_event(s, rule),
                                (s.index,),
                            )
                        )
                        continue
                    # a connection scores its closeness x the factor at most (every
                    # other weight is at most 1): one that cannot beat the best kept
                    # for this rule, character and sentence is not weighed (a sentence
                    # of "Gordo dies" x 363 weighs the first, not every one)
                    key = (rule.key, character, (s.index,))
                    known = best.get(key)
                    if known is not None and known.score >= CLOSE * factor:
                        continue
                    for cue in cues:
                        if not self._matches(rule, cue):
                            continue
                        if mention.how == "show version" and cue.end <= mention.start:
                            continue  # the show's version is told after the turn to it
                        if (
                            mention.how == "role"
                            and cue.start < mention.end
                            and cue.end > mention.start
                        ):
                            continue  # "the guy who got there first": who, not what
                        distance = max(cue.start - mention.end, mention.start - cue.end, 0)
                        known = best.get(key)
                        if known is not None and known.score >= _closeness(distance) * factor:
                            continue
                        if cue.emoji and not self._beside(s, mention, cue, rule):
                            continue
                        if cue.owner is not None and not cue.owner & mention.persons:
                            continue  # "Karen keeping Shane's death from Ed"
                        if relative and _in_relative(s, relative, mention, cue):
                            continue  # "the guy who co-ran polaris with karen dies"
                        if s.others and cue.phrase is not None and _someone_elses(s, cue):
                            continue  # "my friend Pam's door": no door of Pam's
                        if ousting and self._ousts(s, cue, mention, ousting):
                            continue  # "Dev showed him the door": his, not Dev's
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
                            # "Sergei teaching in Iowa in s4e8": a later season's episode
                            # shows a character's fate from an earlier finale still holding
                            # (an event, "the mine in s2e3", does not hold on; nor does
                            # a mere hint: "Dev took the L in s4 ep 2")
                            and not self._holds_on(s, cue, mention, rule)
                        ) or (
                            self._before_its_season(s, cue, mention, rule)
                            or self._home_later(s, cue, mention, rule)
                        ):
                            score *= OTHER_EPISODE
                        if cue.fuzzy:
                            score *= TYPO
                        elif mention.fuzzy:
                            # "Moly dies in the bombing": a misspelt name, but a plain
                            # outcome in a message about the show
                            score *= TYPO_IN_CONTEXT if self._plainly(cue) else TYPO
                        if links and _linked(s, mention.start, mention.end, cue, links):
                            score *= IN_A_LINK
                        known = best.get(key)
                        if score and (known is None or known.score < score):
                            said = _said(s, mention.start, mention.end)
                            outcome = _said(s, cue.start, cue.end)
                            how = _how(mention)
                            keep(
                                Evidence(rule.key, character, said, outcome, how, score, (s.index,))
                            )
            self._back_references(s, keep)
            self._answers(s, keep)
        return list(best.values())

    def _later_event(self, s: _Sentence, rule: _Rule) -> float:
        """What a rule that needs no outcome ("boots on Mars", the season 2 finale's jump)
        is worth in a sentence that places it in an episode that is no finale ("boots on
        mars in s3 ep5") or among people named by a role first held in a later season ("the
        Sojourner commander steps onto Mars ahead of Kuznetsov": season 3's landing)."""
        markers = _episodes(s.words)
        if markers and not any(finale for _, finale in markers):
            return OTHER_EPISODE
        if rule.season is not None and any(
            m.since is not None and m.since > rule.season for m in s.mentions
        ):
            return OTHER_EPISODE
        first_seen = self.m._first_seen
        if (
            rule.season is not None
            and first_seen
            and not markers  # "the s2 finale's boots on Mars, Phoenix-style": still the finale
            and not any(season <= rule.season for _, season in self._seasons_in(s))
            and any(first_seen.get(t.text, 0) > rule.season for t in s.words)
        ):
            return OTHER_EPISODE  # "Danielle steps out of Sojourner ahead of Kuznetsov"
        return 1.0

    def _ousts(self, s: _Sentence, cue: _Cue, mention: _Mention, ousting: Collection[int]) -> bool:
        """Whether ``mention`` is the one who does an ousting verb (`ousting`: "kicked",
        "showed", "fired") to someone else, its object: a pronoun (`object_pronoun`, or
        "the guy": "Dev showed him the door", "Dev lo echa", "Dev zeigt ihm die Tür") or
        another person ("Dev pushes Ed out"). The mention comes just before the verb, in
        its clause, and the outcome is the verb's or follows it ("Dev kicks him out of
        Helios"): what the verb says is the object's ("the board kicks Dev out" is Dev's)."""
        if not mention.persons or mention.end > cue.start:
            return False
        words = s.words
        written = self.m._ousting
        verb = next(
            (k for k in range(mention.end, cue.end) if k in ousting and words[k].text in written),
            None,
        )
        if verb is None or verb - mention.end > 2 or cue.start - verb > 4:
            return False
        if _clause_break(s, mention.end - 1, cue.end - 1) or any(
            words[k].text in _AND for k in range(mention.end, cue.start)
        ):
            return False
        grammar = s.grammar
        passive = grammar.get("passive", _NONE)
        if any(k in passive for k in range(mention.end, verb)):
            return False  # "Dev gets shown the door": his own
        if mention.start - 1 in grammar.get("object_marker", _NONE):
            return False  # "a Dev le muestran la puerta": done to Dev
        objects = grammar.get("object_pronoun", _NONE)
        if verb - 1 == mention.end and verb - 1 in objects:
            return True  # a clitic between the doer and the verb: "Dev le muestra la puerta"
        k = verb + 1  # the object straight after the verb
        if k >= len(words) or _apart(s, verb, k):
            return False
        if k in objects:
            # "her" as an object ("showed her the door"), not "her company"
            return words[k].text not in self.m._determiners or self._object_form(s, k)
        if k in grammar.get("he", _NONE) or k in grammar.get("she", _NONE):
            return True  # "kicked the guy out"
        return any(
            m.persons and m.start == k and not m.persons & mention.persons for m in s.mentions
        )

    def _doers(
        self, s: _Sentence, cue: _Cue, ending: dict[int, list[tuple[int, _Mention]]]
    ) -> list[_Mention]:
        """The characters an outcome is said of when they come just before it, in its
        clause ("Shane dies", "Gordo and Tracy die", "Ed's wife dies"): the outcome is
        theirs, not that of someone named elsewhere in the sentence ("Shane dies and
        Karen blames Ed"). Empty when nobody comes just before it. ``ending``: the
        subjects by where they end (``_by_end``)."""
        if cue.cls is None or cue.emoji or cue.owner is not None:
            return []
        words = s.words
        before = [
            m
            for m in _ending_by(ending, cue.start)
            if m.persons
            and not _clause_break(s, m.end - 1, cue.start)
            and not any(words[k].text in _AND for k in range(m.end, cue.start))
        ]
        if not before:
            return self._objects(s, cue, ending)
        group = [before[-1]]
        while True:  # "Gordo, Tracy and Danny die": the whole list
            first = _owned_from(s, group[-1])
            listed = [
                m
                for m in _ending_by(ending, first)
                if m.persons
                and m is not group[-1]
                and all(
                    words[k].text in _AND or not words[k].text[:1].isalnum()
                    for k in range(m.end, first)
                )
            ]
            if not listed:
                return group
            group.append(listed[-1])

    def _objects(
        self, s: _Sentence, cue: _Cue, ending: dict[int, list[tuple[int, _Mention]]]
    ) -> list[_Mention]:
        """With nobody just before it, the characters an outcome done to someone (an
        `ousting` verb: "kills", "exiled", "fired") names straight after it, its object
        ("the landslide that kills Corrado and Castillo is on Danny's pills": theirs, not
        Danny's; "both", "off" may come between)."""
        if cue.end - cue.start != 1 or cue.start not in s.grammar.get("ousting", _NONE):
            return []
        words = s.words
        k = cue.end
        while k < len(words) and words[k].text in _OBJECT_LEAD and k - cue.end < 2:
            k += 1
        if k >= len(words) or _apart(s, cue.start, k):
            return []
        group: list[_Mention] = []
        while True:  # "kills Corrado, Castillo and ...": the whole list
            first = next(
                (m for m in s.mentions if m.persons and m.start == k and not m.consumed), None
            )
            if first is None:
                return group
            group.append(first)
            k = first.end
            if k >= len(words):
                return group
            if words[k].text in _AND and not _apart(s, k - 1, k):
                k += 1  # "Corrado and Castillo", not "Corrado, and Danny is to blame"
            elif not _apart(s, k - 1, k) or words[k].text in _AND:
                return group  # a list goes on after "and" or a comma only

    def _shares(self, s: _Sentence, cue: _Cue, mention: _Mention, doers: list[_Mention]) -> bool:
        """Whether an outcome said of ``doers`` is also said of ``mention``: they are its
        doers, or the mention comes after it with no word of its own but a place or an
        episode ("Paine dies in ep 7, then Gordo and Tracy in the finale")."""
        if mention in doers:
            return True
        if mention.start < cue.end:
            return False  # "Karen watches Shane die": Shane's
        words = s.words
        listed = self._listed_at(s)
        k = mention.end
        while k < len(words) and (words[k].text in _AND or k in listed):
            k = listed[k].end if k in listed else k + 1
        return (
            k >= len(words)
            or _apart(s, k - 1, k)
            or _listing(words[k].text)
            or words[k].text in _GAPPED
        )


def _owned_from(s: _Sentence, mention: _Mention) -> int:
    """Where a listed subject begins: a relation's owner before it ("Kelly's mom and
    Danny's mom are both gone": the list goes on before "Danny's"), else where it starts."""
    k = mention.start
    if mention.how != "relation":
        return k
    owners = s.grammar.get("owner", _NONE) | s.grammar.get("possessive", _NONE)
    while k > 0 and not _apart(s, k - 1, k):
        if k - 1 in owners:
            k -= 1
            continue
        owner = [m for m in s.mentions if m.consumed and m.persons and m.end == k]
        if not owner:
            break
        k = owner[0].start
    return k


def _someone_elses(s: _Sentence, cue: _Cue) -> bool:
    """Whether a rule's phrase holds a name read as someone else's ("My friend Pam's door
    is always open, Ellen says": the phrase "pam's door" names nobody of ours)."""
    return any(cue.start < end <= cue.end for end in s.others)


def _by_end(subjects: list[_Mention]) -> dict[int, list[tuple[int, _Mention]]]:
    """The subjects by the word they end at, each with its place among them."""
    ending: dict[int, list[tuple[int, _Mention]]] = {}
    for place, m in enumerate(subjects):
        ending.setdefault(m.end, []).append((place, m))
    return ending


def _ending_by(ending: dict[int, list[tuple[int, _Mention]]], at: int) -> list[_Mention]:
    """The subjects ending at most two words before ``at`` (and not after it), in their
    order: those an outcome or a list at ``at`` may go with."""
    found = [p for end in range(at - 2, at + 1) for p in ending.get(end, ())]
    return [m for _, m in sorted(found, key=_place)]


def _place(placed: tuple[int, _Mention]) -> int:
    return placed[0]


def _cues_near(cues: list[_Cue]) -> Callable[[_Mention], list[_Cue]]:
    """For a subject, the outcomes (in the sentence's order) close enough to score at all
    (``FARTHEST`` words): one further off scores 0 whatever else holds, so only these
    are weighed (found by bisection: a sentence of hundreds of names and outcomes is
    not every name against every outcome)."""
    if len(cues) <= _FEW_CUES:
        return lambda mention: cues  # a few: each weighed (a far one scores 0 at once)
    order = sorted(range(len(cues)), key=lambda k: cues[k].start)
    starts = [cues[k].start for k in order]
    reach = FARTHEST + max((c.end - c.start for c in cues), default=0)

    def near(mention: _Mention) -> list[_Cue]:
        low = bisect_left(starts, mention.start - reach)
        high = bisect_right(starts, mention.end + FARTHEST)
        close = [
            k
            for k in order[low:high]
            if max(cues[k].start - mention.end, mention.start - cues[k].end, 0) <= FARTHEST
        ]
        return [cues[k] for k in sorted(close)]

    return near


def _closeness(distance: int) -> float:
    if distance <= NEAR:
        return CLOSE
    if distance <= FAR:
        return MIDDLE
    return DISTANT if distance <= FARTHEST else 0.0


def _linked(s: _Sentence, start: int, end: int, cue: _Cue, links: Sequence[Span]) -> bool:
    """Subject and outcome both only in a link address that its author did not try to
    tag ("||" in an address shows its words were meant to be hidden, and are spoilers)."""
    first, last = min(start, cue.start), max(end, cue.end)
    if not all(s.words[k].link for k in range(first, min(last, len(s.words)))):
        return False
    where = s.words[first].start
    for a, b in links:
        if a <= where < b:
            address = s.text[a:b]
            if "||" in address:
                return False
            # a page and its section, both headings a reader sees: "wiki/Karen_Baldwin#Death"
            section = address.find("#")
            name_at, cue_at = s.words[start].start - a, s.words[cue.start].start - a
            page = address.rfind("/", 0, max(section, 0)) + 1
            return not (0 < page <= name_at < section < cue_at)
    return True


def _how(mention: _Mention) -> str:
    return {"name": "same sentence"}.get(mention.how, mention.how)


def _in_relative(s: _Sentence, heads: Collection[int], mention: _Mention, cue: _Cue) -> bool:
    """Whether ``mention`` is inside a relative clause ("the guy who co-ran polaris with
    karen") whose head the outcome after it is said of ("... dies in s3e1"): the head is
    who it happens to, not the name inside (not "the guy who dies is Karen": the outcome
    inside the clause). The outcome may come clauses later ("..., RIP") unless someone
    else is named or pointed at first ("..., she dies")."""
    if cue.start < mention.end or mention.how != "name":
        return False  # "the woman who owns the outpost sells it": the head itself
    last = max((k for k in heads if k < mention.start), default=-1)
    copulas = s.grammar.get("copula", _NONE)
    return (
        last >= 0
        and s.words[last].text in _RELATIVE
        # "the one that really hurt was Karen dying": the name is the main clause's
        and not any(last < k < mention.start for k in copulas)
        and last + 1 < mention.start  # a verb of its own between: "the one who ... karen"
        and mention.start - last <= RELATIVE_WORDS
        # nobody else named or pointed at before the outcome ("..., she dies")
        and not any(mention.end <= m.start < cue.start for m in s.mentions)
        and not any(mention.end <= k < cue.start for k in s.grammar.get("pronoun", _NONE))
    )
