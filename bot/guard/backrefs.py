"""Outcomes in a later sentence that point back at a subject named earlier: pronouns and
"both of them" (with their gender and number), the message's topic carried into a
subjectless sentence ("Then shot."), and things referred back to."""

from __future__ import annotations

from bot.guard.answers import _Answers
from bot.guard.ellipsis import _NOBODY
from bot.guard.reading import (
    _NONE,
    _POINTING,
    _apart,
    _clause_break,
    _Cue,
    _ends_asking,
    _episodes,
    _gender,
    _listing,
    _Mention,
    _said,
    _season_named,
    _Sentence,
)
from bot.guard.verdict import (
    ASKING,
    BACK_REFERENCE,
    CHAIN,
    CLOSE,
    OBJECT_REACH,
    ONLY_SINGLED,
    OTHER_EPISODE,
    Evidence,
)

_SURVIVING = frozenset({"alive", "return", "home"}) | ONLY_SINGLED
_SOMEWHERE = frozenset({"to", "into", "onto", "on", "in", "for", "through", "past", "inside"})


class _BackReferences(_Answers):
    """Connecting outcomes with subjects named in earlier sentences."""

    def _back_references(self, s: _Sentence, keep: object) -> None:
        """ "Gordo finally gets his head straight. Shame he doesn't survive." An outcome
        goes with the pronoun that is its object ("then he loses her", "they pushed him
        out"), else the nearest before it. The pronoun points back along the
        message (a chain of pronouns keeps a character in play), or ahead when nobody was
        named yet ("Both of them die up there. Gordo and Tracy, I mean."). "Only she
        comes out alive", "only one of them walks out": someone else of them died. A
        sentence of bare names ("Deke. Jamestown.") is the topic of the next one."""
        if s.cues and s.index and (s.has("it") or s.has("group") or s.has("they")):
            self._things_back(s, keep)
        if not s.cues:
            return
        group = s.grammar.get("group", _NONE)
        pointers = sorted(s.grammar.get("pronoun", _NONE) | group)
        only = s.grammar.get("only", _NONE)
        survivors = {id(c): self._survivor(s, c, only) for c in s.cues} if only else {}
        if not pointers and not any(survivors.values()):
            self._topic(s, keep)
            return
        taken = False  # whether any outcome here was read with a pronoun, or set aside
        clitics = s.grammar.get("object_pronoun", _NONE)
        for cue in s.cues:
            # "of the two, only Ed makes it to s3": the others named before did not
            survivor = survivors.get(id(cue))
            # "loses her"; not the pronoun that names the character of its own phrase;
            # a clitic the outcome opens with ("Lo echan del grupo") is its object
            objects = [
                k
                for k in pointers
                if (cue.start < k <= cue.end or (k == cue.start and k in clitics))
                and k != cue.filled
            ]
            # "Ellen buries him", "Ellen lo entierra": the outcome's object pronoun, just
            # after it or a clitic just before, is whom it happens to, not the character
            # named just before it
            done_to = any(
                k in clitics
                and (
                    (k == cue.end and not self._possessive_here(s, k))
                    or (k == cue.start - 1 and any(m.persons and m.end == k for m in s.mentions))
                )
                for k in pointers
            )
            if (
                cue.emoji
                or cue.owner is _NOBODY
                or (self._owned_here(s, cue) and not survivor and not done_to)
            ):
                taken = True
                continue  # "Their whole friendship, gone": a thing's, nobody's of ours
            before = [k for k in pointers if k < cue.start]
            if survivor:
                pointer = survivor[0]
            elif objects:
                pointer = objects[0]
            elif before:
                pointer = before[-1]
                if self._owns_a_thing(s, pointer, cue):
                    taken = True
                    continue  # "Their whole friendship, gone": the friendship's
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
            taken = True
            plural = pointer in group or bool(survivor)
            opens = pointer  # "only one of the two": "only" before the group's first word
            while opens - 1 in group:
                opens -= 1
            singled = any(opens - d in only for d in (1, 2, 3))  # "only she", "only one"
            gender = _gender(s, pointer)
            antecedents, source = self._referent(s.index, plural or singled, gender)
            if cue.owner is not None and not survivor:
                # "Karen is great. She lost her son.": the death is the son's
                antecedents = antecedents & cue.owner
            if not antecedents:
                continue
            if survivor:
                spared = survivor[1]
                if not spared <= antecedents:
                    continue  # "Gordo and Tracy... only Ed": not one of them
                singled, antecedents = True, antecedents - spared
            if singled and cue.cls in _SURVIVING:
                # "Ellen and Deke... Only she comes out alive": the others did not
                if not plural:
                    chosen, _ = self._referent(s.index, False, gender)
                    antecedents = antecedents - chosen
                # a hint made plain: "only one of them walks away" says the other did not
                # (not "only she makes it to the briefing": somewhere, not through)
                # ("only one of them makes it to season 3" is through: a season is no place)
                weak = (
                    cue.weak
                    and cue.end < len(s.words)
                    and s.words[cue.end].text in _SOMEWHERE
                    and _season_named([t.text for t in s.words[cue.end + 1 : cue.end + 3]]) is None
                )
                cue = _Cue(cue.start, cue.end, "death", None, weak, fuzzy=cue.fuzzy)
                if not antecedents:
                    continue
            if not plural and not any(
                self._matches(self.m.rules[i], cue)
                for i in self._rules_for(_Mention(0, 0, antecedents))
            ):
                # "Harry and Deke crash. He dies of his wounds.": the first who can be a
                # "he" has no such outcome; another of them, named there too, has
                fitting = self._fitting(source, gender, cue)
                # "Deke walks out. Harry keeps quiet. That poor guy dies up there.": past
                # the nearest, the one before it who can be a "he" and has that outcome
                for k in range(source - 1, max(-1, source - 3), -1):
                    if fitting or gender is None:
                        break
                    fitting = self._fitting(k, gender, cue)
                    source = k if fitting else source
                antecedents = fitting or antecedents
            if not plural and gender is not None:
                # "Remember Tracy? ... going out to grab Molly? She doesn't make it out of
                # season 2": the nearest "she" has that outcome only in a later season;
                # the one before, whose finale the season named is, is meant
                antecedents, source = self._in_its_season(s, cue, antecedents, source, gender)
            mention = _Mention(0, 0, antecedents, how="pronoun")
            factor = self._factor(s, mention)
            for index in self._rules_for(mention):
                rule = self.m.rules[index]
                if not self._matches(rule, cue):
                    continue
                score = BACK_REFERENCE * self._hint(s, cue, rule, mention.persons) * factor
                if self._asks(s, cue):
                    score *= ASKING
                if (
                    cue.elsewhere and not self._holds_on(s, cue, mention, rule)
                ) or self._before_its_season(s, cue, mention, rule):
                    score *= OTHER_EPISODE  # "She dies in ep 4", "he never leaves in s1"
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
        if not taken and all(s.words[k].text in self.m._determiners for k in pointers):
            # "Karen es genial. Muere en el final de la temporada 3.": "el", "la" can be
            # articles, and no outcome here took them; the subject is left out
            self._topic(s, keep)

    def _possessive_here(self, s: _Sentence, k: int) -> bool:
        """Whether the pronoun at ``k``, which may be a determiner too ("her"), goes with a
        noun after it ("Ed kills her dog"): not at the end, before a break or a particle
        (`particle`: "Ellen buries her on the moon", "buries her up there")."""
        words = s.words
        if words[k].text not in self.m._determiners or k + 1 >= len(words):
            return False
        return not _apart(s, k, k + 1) and k + 1 not in s.grammar.get("particle", _NONE)

    def _survivor(
        self, s: _Sentence, cue: _Cue, only: frozenset[int] | set[int]
    ) -> tuple[int, frozenset[str]] | None:
        """Where a character named just after "only" stands, and who, when the outcome
        after them in their clause is coming through ("only Ed makes it to s3"): the
        others named before did not."""
        if cue.cls not in _SURVIVING or not s.index:
            return None
        for m in s.mentions:
            if (
                m.persons
                and m.start - 1 in only
                and m.end <= cue.start
                and cue.start - m.end <= 3
                and not _apart(s, m.start - 1, cue.start)
            ):
                return m.start, m.persons
        return None

    def _owns_a_thing(self, s: _Sentence, pointer: int, cue: _Cue) -> bool:
        """Whether the pointer is a possessive whose noun, before the outcome, is what
        the outcome is said of ("Their whole friendship, gone"; not "his body is never
        found", nor "his death")."""
        if pointer not in s.grammar.get("possessive", _NONE) or pointer + 1 >= cue.start:
            return False
        own = s.grammar.get("self_noun", _NONE)
        return not any(k in own for k in range(pointer + 1, cue.start))

    def _in_its_season(
        self, s: _Sentence, cue: _Cue, antecedents: frozenset[str], source: int, gender: str
    ) -> tuple[frozenset[str], int]:
        """The antecedents, or, when the season named with the outcome comes before every
        finale of theirs it fits, someone a sentence or two further back who can be the
        pronoun and whose finale it is."""
        if not self._seasons_in(s) or not self._too_early(s, cue, antecedents):
            return antecedents, source
        for k in range(source, max(-1, source - 3), -1):
            fitting = self._fitting(k, gender, cue) - antecedents
            if fitting and not self._too_early(s, cue, fitting):
                return fitting, k
        return antecedents, source

    def _too_early(self, s: _Sentence, cue: _Cue, persons: frozenset[str]) -> bool:
        """Whether every rule of these characters the outcome fits is a later season's
        than the one named with it."""
        mention = _Mention(0, 0, persons, how="pronoun")
        rules = [
            rule
            for rule in (self.m.rules[i] for i in self._rules_for(mention))
            if self._matches(rule, cue)
        ]
        return bool(rules) and all(self._before_its_season(s, cue, mention, rule) for rule in rules)

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
            if earlier.others and not plural and self._after_the_story(here):
                # "Jerrie Cobb is who Molly is based on. She died in 2019.": a year after
                # the story ends is the life of the one set aside, not the show's
                return frozenset(), k
            if earlier.others and not plural and not any(m.persons for m in earlier.mentions):
                # "Deke is great. My uncle Harry keeps quiet. He dies ...": the nearest
                # person named is someone else
                return frozenset(), k
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

    def _after_the_story(self, s: _Sentence) -> bool:
        """Whether a sentence dates what it says after the last year any episode shows
        ("she died in 2019"), and says nothing of the show (a show word, a season or
        episode, "in the show")."""
        last = self.m.lexicon.last_year
        if last is None or s.has("show") or s.has("show_talk") or s.has("show_version"):
            return False
        return any(
            len(t.text) == 4 and t.text.isdigit() and last < int(t.text) < 2100 for t in s.words
        ) and not _episodes(s.words)

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
        if _echoes(topic, s):
            return  # "karen is dead to me after s2. DEAD.": the figure again, no fate
        # "Tracy's s2 finale performance. Dead.": what is hers is the topic, not her
        owners = topic.grammar.get("owner", _NONE)
        if owners:
            shown = topic.grammar.get("performance", _NONE) | topic.grammar.get(
                "figure_object", _NONE
            )
            named = [m for m in named if not (m.end in owners and any(k > m.end for k in shown))]
        markers = _episodes(topic.words)
        for named_one in named:
            mention = _Mention(0, 0, named_one.persons, how="topic", common=named_one.common)
            factor = self._factor(s, mention)
            # "what happens to Danny? exiled.": the outcome answers what befell them
            weight = CLOSE if self._fate_asked(topic, named_one, s) else BACK_REFERENCE
            # "Shane in ep 8, ... Deke in the finale": each name goes with its episode
            near = [
                (k - named_one.end, finale)
                for k, finale in markers
                if named_one.end <= k <= named_one.end + 3
            ]
            if near and not min(near)[1]:
                factor *= OTHER_EPISODE
            # "Karen in s1. Dead.", "what happens to Karen in s1? dead.": the season said
            # with the name places the outcome after it, as in one sentence
            season = (
                None
                if near
                else self._season_with(
                    topic, _Cue(named_one.end, named_one.end, None, None), named_one
                )
            )
            for cue in s.cues:
                if cue.emoji:
                    continue
                placed = OTHER_EPISODE if cue.elsewhere else 1.0  # "Dies in ep 9."
                for index in self._rules_for(mention):
                    rule = self.m.rules[index]
                    if self._matches(rule, cue):
                        earlier = (
                            season is not None and rule.season is not None and season < rule.season
                        ) or self._before_its_season(s, cue, mention, rule)
                        keep(  # type: ignore[operator]
                            Evidence(
                                rule.key,
                                self._character(rule, mention),
                                _said(topic, named_one.start, named_one.end),
                                _said(s, cue.start, cue.end),
                                "topic",
                                weight
                                * self._hint(s, cue, rule, mention.persons)
                                * factor
                                * (OTHER_EPISODE if earlier else placed),
                                (topic.index, s.index),
                            )
                        )

    def _fate_asked(self, topic: _Sentence, named: _Mention, s: _Sentence) -> bool:
        """Whether the sentence just before asks what befell the one it names (`asked_fate`
        just before the name, or just after it: "what happens to Danny?", "ダニーはどうなる？")."""
        asked = topic.grammar.get("asked_fate")
        if not asked or topic.index != s.index - 1 or not _ends_asking(topic):
            return False
        return any(named.start - d in asked for d in (1, 2)) or any(
            named.end + d in asked for d in (0, 1, 2)
        )

    def _subject_of_subjectless(self, s: _Sentence) -> _Sentence | None:
        """The sentence whose characters a subjectless sentence is about: the one just
        before it, or, past one sentence that names nobody ("Shot during the riot.
        Survives tho.", "Everyone loved Molly. Then JSC happened. RIP."), the one before,
        or further back through a run of fragments ("Gordo and Tracy. both of them. on the
        moon. holding each other ...")."""
        if not self._opens_with_outcome(s):
            return None
        for k in range(s.index - 1, max(-1, s.index - 5), -1):
            earlier = self.read[k]
            if any(m.persons for m in earlier.mentions):
                return earlier
            if earlier.grammar.keys() & _POINTING and not self._only_pointing(earlier):
                return None  # "she" there has taken the subject elsewhere
            if k < s.index - 1 and not (self._only_pointing(earlier) or _fragment(earlier)):
                return None  # past two sentences, only through fragments
        return None

    def _only_pointing(self, s: _Sentence) -> bool:
        """Whether a sentence is nothing but words pointing back ("Both of them.",
        "Him."): it keeps the subject before it, and takes it nowhere else."""
        pointing = {
            k
            for f in s.found
            if f.category == "word" and f.key in _POINTING
            for k in range(f.start, f.end)
        }
        small = self.m._language_of
        return all(k in pointing or t.text in small for k, t in enumerate(s.words))

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
                        near = [k for k in s.grammar.get("it", ()) if cue.start <= k <= cue.end]
                        if not near:
                            # "The Mars crew's choice ... They wait for a rescue": "they"
                            # before the outcome is a crowd named before
                            near = self._crowd_back(s, self.read[k], thing, cue)
                        if not near:
                            continue
                        it = near[0]
                        score = BACK_REFERENCE * self._hint(s, cue, rule)
                        if self._asks(s, cue):
                            score *= ASKING  # "whether they pull it off, no idea"
                        if (
                            cue.elsewhere and not self._holds_on(s, cue, thing, rule)
                        ) or self._before_its_season(s, cue, thing, rule):
                            score *= OTHER_EPISODE  # "They pull it off in episode 2"
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

    def _crowd_back(
        self, s: _Sentence, earlier: _Sentence, thing: _Mention, cue: _Cue
    ) -> list[int]:
        """Where a "they" stands that points at a crowd named in an earlier sentence
        (`crowd`: "crew", "Besatzung"; "they" as `group` or `they`: "ils", "они"): before
        the outcome, with no punctuation between ("They give it to her and settle in to
        wait"), neither a possessive nor an object ("their", "them"), nobody named just
        before the outcome; not a crowd of the writer's ("my film crew", "the crew of my
        cruise ship")."""
        crowds = earlier.grammar.get("crowd", _NONE)
        if not any(k in crowds for k in range(thing.start, thing.end)):
            return []
        mine = earlier.grammar.get("namesake_owner", _NONE) - earlier.grammar.get("ours", _NONE)
        if any(
            j in mine and not _apart(earlier, min(j, thing.start), max(j, thing.start))
            for j in range(thing.start - 3, thing.end + 3)
        ):
            return []
        if self._owned_here(s, cue):
            return []
        not_subject = s.grammar.get("possessive", _NONE) | s.grammar.get("object_pronoun", _NONE)
        return [
            k
            for k in sorted(s.grammar.get("group", _NONE) | s.grammar.get("they", _NONE))
            if k < cue.start
            and k not in not_subject
            and not _apart(s, k, cue.start)
            and not any(k in range(m.start, m.end) for m in s.mentions if m.persons)
        ][-1:]


def _fragment(s: _Sentence) -> bool:
    """A few words that name a place or thing of the show and say no outcome ("on the
    moon.", "the reactor."): a run of them keeps the subject of the sentence before."""
    return len(s.words) <= 4 and not s.cues and s.has("show")


def _echoes(topic: _Sentence, s: _Sentence) -> bool:
    """Whether a fragment only repeats the fate words of a figure in the sentence before
    it ("karen is dead to me after s2. DEAD.", "Karen killed it tonight. KILLED."): every
    word of it one of the figure's words, said again."""
    figure = topic.grammar.get("idiom")
    if not figure or not s.cues:
        return False
    said = {topic.words[k].text for k in figure}
    return all(t.text in said for t in s.words)
