"""What a sentence says happened: outcome cues (meaning classes in every language and
the phrases that fill a slot), negation flipping death and survival, figures of speech
cancelled ("killed it", "I'm dead"), doubt and a kin's loss. Outcomes said by absence or
ellipsis ("no more Karen", "Deke doesn't") are in `ellipsis.py`."""

from __future__ import annotations

from bot.guard.asides import describes
from bot.guard.ellipsis import _NOBODY, _Elided
from bot.guard.figures import _adverb, figure_of_speech
from bot.guard.matcher import Found, stem
from bot.guard.reading import (
    _NONE,
    _apart,
    _clause_break,
    _Cue,
    _gender,
    _Sentence,
)
from bot.guard.verdict import (
    DENIED,
    EXPECT_REACH,
    GERMAN_NEGATION_REACH,
    NEGATION_REACH,
)

# Fate verbs that, with a thing for object, are figures ("killed the mood", "buried every
# other scene")
_KILLING = frozenset({"en:kill", "en:murder", "en:slay", "en:destroy", "en:bomb", "en:nuke"})
_KILLING |= {"en:buri"}
_DETERMINERS = frozenset({"the", "a", "an", "that", "this", "any", "every", "all", "my", "our"})
# Words that may follow a pronoun object ("gets her in the end", "takes him too")
_AFTER_OBJECT = frozenset(
    {"in", "at", "on", "off", "out", "up", "down", "by", "after", "before", "too", "again"}
    | {"first", "then", "there", "forever", "finally", "anyway", "eventually", "instead"}
)
_PRAISE = frozenset({"death", "bomb", "shootdown"})  # "killed it", "bombed that"
_NEITHER_NOR = frozenset({"neither", "nor"})
# Talk about the show as a show, the object of a figure ("murders every scene she's in")
_SHOW_TALK = frozenset({"scene", "episode", "ep", "season", "series", "show", "arc"})
# Fate words that other works' titles are made of ("Lost", "Six Feet Under", "Dead to Me");
# places ("Moscow", "Iowa") are capitalised anyway
_IN_TITLES = frozenset({"death", "alive", "shot", "bomb", "exile", "arrest", "fake"})
# "Their whole friendship, gone": a possessive pronoun and a thing of theirs
_THEIR = frozenset({"their", "his", "her", "our"})
_WHOLE = frozenset({"whole", "entire", "little", "big", "old", "new", "last"})
_BEFORE_TITLES = frozenset(
    {"in", "the", "of", "like", "from", "on", "watching", "watched", "rewatching", "than"}
    | {"vs", "and", "or", "finished", "binged", "binging", "loved", "s"}
)
_TICKS = ("✅", "✔", "✓", "☑")
# Between an owned thing and what is said of it: "Karen's bar is basically dead"
_LINKING = frozenset({"is", "was", "are", "were", "s", "has", "have", "had", "been", "just"})
_LINKING |= {"basically", "totally", "officially", "completely", "pretty", "much", "so", "now"}


def _past_groups(s: _Sentence, negations: frozenset[int] | set[int]) -> set[int]:
    """A negation that opens a group ("neither of them", "neither one") negates from the
    group's end: "neither of them is coming home" reaches "coming home"."""
    group = s.grammar.get("group", _NONE)
    moved = set(negations)
    for k in negations:
        end = k
        while end + 1 in group and not _apart(s, end, end + 1):
            end += 1
        moved.add(end)
    return moved


class _What(_Elided):
    """Finding outcomes, one sentence at a time (after its people are known)."""

    def _cues(self, s: _Sentence, idiom: set[int]) -> None:
        grammar = s.grammar
        first_person = grammar.get("first_person", _NONE)
        first_object = grammar.get("first_object", _NONE)
        hedges = grammar.get("hedge", _NONE)
        negations = grammar.get("negation", _NONE)
        if negations and "unnegated" in grammar:
            # "can't believe they killed off Molly": the death is told, not denied
            negations = negations - grammar["unnegated"]
        if 1 in negations and self._doubting(s):
            negations = negations - {1}  # "didn't Gordo die on the moon?" asks to confirm
        negations = negations | hedges
        if negations and "group" in grammar:
            negations = _past_groups(s, negations)
        seen: set[tuple[str, str, int, int]] = set()
        named = {x.start for x in s.of("name")} if negations else _NONE
        outcomes = [f for c in ("action", "cue", "weak") for f in s.of(c)]
        for f in outcomes:
            if f[:4] in seen:
                continue  # the same outcome found through two phrases
            seen.add(f[:4])
            if f.category == "action":
                if idiom and any(k in idiom for k in range(f.start, f.end)):
                    continue
                if self._desired(s, f.start):
                    continue  # "Karen is dead set on selling the Outpost": not done yet
                if figure_of_speech(s, f.start, f.end):
                    continue  # "that Sea Dragon shot blew me away": a shot of the film
                s.cues.append(_Cue(f.start, f.end, None, f.key))
                continue
            if idiom and any(k in idiom for k in range(f.start, f.end)):
                continue
            if f.end in grammar.get("dying_of", _NONE):
                continue  # "se muere de vergüenza", "dying of boredom": a figure
            if (
                f.start > 1
                and s.words[f.start - 1].text == "to"
                and s.words[f.start].text == "death"
                and any(k in grammar.get("to_death", _NONE) for k in range(f.start - 5, f.start))
            ):
                continue  # "roast a man to death", "quoted to death": how much, no death
            word = s.words[f.start].text
            # German "die": another language's small word ("Molly ist die Beste")
            if f.end - f.start == 1 and f.category == "cue" and self._foreign(word):
                continue
            if f.start in grammar.get("crossed", _NONE) and not self._tallied(s, f):
                continue  # a cross counts only in a tally: "gordo: x", "- tracy ❌"
            emoji = not word[:1].isalnum()
            if (
                not emoji
                and f.key in _IN_TITLES
                and s.text[s.words[f.start].start].isupper()
                and self._another_works_title(s, f)
            ):
                continue  # "Charlie dies in the Lost s3 finale": another work's title
            if not emoji:
                # "that cliffhanger killed me", "I'm dead", "had me dead", "killed it"
                if (
                    f.end < len(s.words)
                    and not _apart(s, f.end - 1, f.end)
                    and (
                        f.end in first_object
                        or (
                            f.key in _PRAISE
                            and s.words[f.end].text in ("it", "that", "this")
                            # a noun before a relative clause: "the car bomb that takes"
                            and f.end - f.start == 1
                            and not (f.start and s.words[f.start - 1].text in _DETERMINERS)
                        )
                    )
                ):
                    continue
                if f.key in _PRAISE and self._kills_a_thing(s, f.end) and stem(word) in _KILLING:
                    continue
                if f.start - 1 in first_object and not _apart(s, f.start - 1, f.start):
                    continue  # "had me dead"; not "wrecked me, RIP Gordo"
                if any(k in first_object for k in range(f.start + 1, f.end - 1)):
                    continue  # the writer inside a phrasal verb: "kicked me out", "took us out"
                literal_only = grammar.get("only_literal", _NONE)
                if f.start in literal_only and not self._literally(s, f.start):
                    continue  # "her speech blew Karen away"; not "literally blew karen away"
                needs_object = grammar.get("needs_object", _NONE)
                if (
                    # the whole phrase, not one that starts so: "takes out", not "takes a bullet"
                    f.start in needs_object
                    and f.end - 1 in needs_object
                    and f.start - 1 not in grammar.get("passive", _NONE)
                    and not self._has_object(s, f.end)
                    # a phrasal verb's object between its words: "takes Karen out"
                    and not (f.end - f.start > 1 and self._has_object(s, f.start + 1))
                ):
                    continue  # "the grey slays", "Molly slays": praise; "slays Gordo": a death
                if figure_of_speech(s, f.start, f.end):
                    continue  # "that sea dragon shot was gorgeous", "exiled from my playlist"
                if (
                    first_person
                    and any(
                        f.start - k in first_person
                        and not _apart(s, f.start - k, f.start)
                        # "I" alone on the line above "RIP Tracy" is not what died
                        and "\n" not in s.text[s.words[f.start - k].end : s.words[f.start].start]
                        for k in (1, 2, 3)
                    )
                    and not any(f.start - 3 <= m.start < f.start for m in s.mentions if m.persons)
                    # "before I knew he dies": the pronoun, not the writer, is its subject
                    and not any(
                        k in pointing and k not in first_person
                        for pointing in (grammar.get("pronoun", _NONE), grammar.get("group", _NONE))
                        for k in range(f.start - 2, f.start)
                    )
                ):
                    continue
            wishes = grammar.get("wish")
            if (
                wishes
                and any(
                    k < f.start and not _apart(s, k, f.start) and not _past_its_verb(s, k, f.start)
                    for k in wishes
                )
            ) or self._desired(s, f.start):
                # "I hope Danielle survives season 5": not (yet) the story, but what a
                # later "She didn't." denies
                s.wished.append(_Cue(f.start, f.end, f.key, None, f.category == "weak"))
                continue
            if self._expected(s, f.start):
                # "I thought Gordo would die in s1": an expectation, not the story
                s.wished.append(_Cue(f.start, f.end, f.key, None, f.category == "weak"))
                continue
            cls: str | None = f.key
            negated = (
                [
                    k
                    for k in negations
                    if (
                        f.start - NEGATION_REACH <= k < f.start
                        and not _apart(s, k, f.start)
                        # "Gordo not Gordon Ramsay dies": a contrast; not "neither Gordo
                        # nor Tracy comes home"
                        and (k + 1 not in named or s.words[k].text in _NEITHER_NOR)
                    )
                    # German puts "nicht" after the verb, or inside a separable one, in
                    # its clause: "überlebt das Finale nicht", "kommen nie vom Mond zurück"
                    or (
                        f.language == "de"
                        and f.start < k <= f.end + GERMAN_NEGATION_REACH
                        and not _apart(s, f.start, k)
                    )
                ]
                if negations
                else ()
            )
            if negated:
                # "doesn't survive" is a death; "nearly killed", "would never defect": nothing
                hedged = any(k in hedges for k in negated)
                if not hedged:  # what a later "Karen did" says after all
                    s.denied.append(_Cue(f.start, f.end, f.key, None, f.category == "weak"))
                cls = None if hedged else DENIED.get(f.key)
                if cls is None:
                    continue
            elif f.key == "rescue":
                continue  # a rescue is nothing unless denied
            owner = None
            if f.start >= 2 and f.start - 1 in grammar.get("owner", _NONE):
                owned = [m for m in s.mentions if m.end == f.start - 1 and m.persons]
                owner = owned[0].persons if owned else None
            if (
                s.others
                and any(
                    f.start - 2 <= end <= f.start and not _apart(s, end - 1, f.start)
                    for end in s.others
                )
            ) or (
                f.start > 0
                and not _apart(s, f.start - 1, f.start)
                and self._proper_noun(s, f.start - 1)
                # "the Sea Dragon out of the sky": a word of a thing of ours is nobody
                and not any(m.start < f.start <= m.end for m in s.mentions)
                # "Gordo not Gordon Ramsay dies": Ramsay is who it is not about
                and not any(
                    s.words[j].text == "not" for j in range(max(0, f.start - 3), f.start - 1)
                )
                and not self._done_to_ours(s, f)  # "Ron Moore killing Gordo": Gordo's
            ):
                owner = _NOBODY  # "Jerrie Cobb died in 2019", "Becca dying in The Boys"
            elif not emoji and owner is None and self._owned_thing(s, f.start):
                owner = _NOBODY  # "Karen's bar is dead", "Ed's career died": a thing's
            elif not emoji and owner is None and self._writers_own(s, f.start):
                owner = _NOBODY  # "legs = tortured", "my bf got exiled to the couch"
            # A hint made plain: "doesn't make it" is a death, in full.
            weak = f.category == "weak" and not (negated and cls == "death")
            if emoji and grammar.get("laughter"):
                weak = True  # "Gordo 💀💀 lmao"
            s.cues.append(_Cue(f.start, f.end, cls, None, weak, emoji, f.fuzzy, owner))
        if "slot" in s.by:
            self._filled(s)
        if "relation" in s.by:
            self._kin_lost(s)
        if "confirming" in grammar:
            self._confirmed(s)
        self._ellipsis(s, negations)
        if s.mentions and (s.denied or (s.index and self.read[s.index - 1].denied)):
            self._did_so(s)
        if s.mentions:
            self._so_too(s)
        if negations or "absent" in grammar:
            self._absence(s, negations)
        if s.mentions and grammar.get("owner"):
            self._owned_ellipsis(s)
        if "departing" in grammar:
            self._departed(s)

    def _filled(self, s: _Sentence) -> None:
        """ "goes to see her", "shows up at her old girlfriend's house": a rule's phrase
        ("goes to see pam") with its character named another way, by a relation, a
        role or a pronoun that can point at them."""
        words = s.words
        pronouns = s.grammar.get("pronoun", _NONE)
        for f in s.of("slot"):
            for phrase, person in self.m._slotted.get(f.key, ()):
                k = f.end
                if k >= len(words) or _apart(s, k - 1, k):
                    continue
                named = [
                    m
                    for m in s.mentions
                    if person in m.persons and k <= m.start <= k + 3 and m.how != "name"
                ]
                if named and describes(s, k, named[0].start):
                    s.cues.append(_Cue(f.start, named[0].end, None, phrase, filled=k))
                elif k in pronouns and self._object_form(s, k):
                    gender = _gender(s, k)
                    # "Aleida tells her he's dead": the object is not the teller, who
                    # comes just before in its clause
                    doers = [
                        m.start
                        for m in s.mentions
                        if m.persons
                        and m.end <= f.start
                        and not _clause_break(s, m.end - 1, f.start)
                    ]
                    before = min(doers[-1:] or [k])
                    if person in self._candidates(s.index, before, gender):
                        s.cues.append(_Cue(f.start, k + 1, None, phrase, filled=k))

    def _kin_lost(self, s: _Sentence) -> None:
        """ "Marge loses her husband on the moon": a hint of death whose object is a
        relative is a death, plainly. "Marge becomes a widow": her husband's death."""
        owners = s.grammar.get("owner", _NONE)
        relatives = [m for m in s.mentions if m.how == "relation" and m.end not in owners]
        # "loses both (of) his parents": words saying how many, and whose, may come
        # between the hint and its object
        between = s.grammar.get("group", _NONE) | s.grammar.get("pronoun", _NONE)
        words = s.words
        for cue in s.cues:
            if (
                cue.weak
                and cue.cls == "death"
                and any(
                    cue.end <= m.start <= cue.end + 1
                    or (
                        cue.end < m.start <= cue.end + 3
                        and all(
                            k in between or words[k].text == "of" for k in range(cue.end, m.start)
                        )
                    )
                    for m in relatives
                )
            ):
                cue.weak = False
        self._bereaved(s)

    def _confirmed(self, s: _Sentence) -> None:
        """ "They confirm Harry is dead", "confirmed that he's gone": the death said after
        its subject, with the confirming word before it, is a death made certain (the
        class `confirmed_dead`, as in "Harry is confirmed dead")."""
        confirming = s.grammar["confirming"]
        # who is said dead: a name, a role or a relation, or a pronoun ("confirm he's dead")
        said: list[tuple[int, int, frozenset[str] | None]] = [
            (m.start, m.end, m.persons) for m in s.mentions if m.persons
        ]
        said += [(k, k + 1, None) for k in s.grammar.get("pronoun", _NONE)]
        for cue in list(s.cues):
            if cue.cls != "death":
                continue
            for start, end, persons in said:
                k = start - 1
                if (
                    end <= cue.start <= end + 2
                    and k in confirming
                    and not _clause_break(s, k, cue.start)
                ):
                    first = min(j for j in confirming if j <= k and k - j < 2)
                    s.cues.append(_Cue(first, cue.end, "confirmed_dead", None, owner=persons))
                    break

    def _candidates(self, index: int, before: int, gender: str | None) -> set[str]:
        """Everyone a pronoun at ``before`` in sentence ``index`` may point at: the
        characters named before it there, or in the nearest earlier sentence naming any."""
        for k in range(index, max(-1, index - 4), -1):
            named = [
                m for m in self.read[k].mentions if m.persons and (k != index or m.end <= before)
            ]
            fitting = {
                p for m in named for p in m.persons if self.m._genders.get(p) in (None, gender)
            }
            if fitting or (named and k != index):
                return fitting
        return set()

    def _owned_thing(self, s: _Sentence, at: int) -> bool:
        """Whether the outcome at ``at`` is said of a thing someone owns ("Karen's bar is
        dead", "Ed's career died", "Molly's jokes kill"), not of its owner; not of what
        stands for the owner ("Karen's body was buried", "Gordo's character dies")."""
        words = s.words
        k = at - 1
        while (
            k > 0
            and at - k <= 3
            and (words[k].text in _LINKING or _adverb(words[k].text))
            and not _apart(s, k, k + 1)
        ):
            k -= 1
        if k >= 1 and _apart(s, k, k + 1) and words[k].text.isalpha():
            # "Their whole friendship, gone": a thing of someone's, and then its fate
            return self._theirs_then_fate(s, k)
        if k < 2 or _apart(s, k, k + 1) or not words[k].text.isalpha():
            return False
        grammar = s.grammar
        if k in grammar.get("self_noun", _NONE) or k - 1 not in grammar.get("owner", _NONE):
            return False
        if k in grammar.get("contracted_is", _NONE):
            return False  # "Karen's gonna die": her "is", not a thing of hers
        if any(m.start <= k < m.end for m in s.mentions):
            return False  # "Ed's wife dies", "Karen's husband": a person, read as one
        return any(m.end == k - 1 and m.persons for m in s.mentions)

    def _theirs_then_fate(self, s: _Sentence, k: int) -> bool:
        """Whether word ``k``, just before a comma and a fate word, is a thing after a
        possessive pronoun ("Their whole friendship, gone", "his career, dead"), not
        one of ours nor what stands for them ("her body, buried")."""
        words, grammar = s.words, s.grammar
        if k in grammar.get("self_noun", _NONE) or any(m.start <= k < m.end for m in s.mentions):
            return False
        j = k - 1
        while j > 0 and words[j].text in _WHOLE and not _apart(s, j, j + 1):
            j -= 1
        return words[j].text in _THEIR and not _apart(s, j, k)

    def _writers_own(self, s: _Sentence, at: int) -> bool:
        """Whether the outcome at ``at`` is said of the writer's own life: its subject, just
        before it (past linking words, adverbs, "got", "="), is a body part ("legs =
        tortured") or someone of the writer's after "my"/"our" ("my bf got exiled")."""
        words, grammar = s.words, s.grammar
        passive = grammar.get("passive", _NONE)
        k = at - 1
        while (
            k > 0
            and at - k <= 3
            and (words[k].text in _LINKING or k in passive or _adverb(words[k].text))
            and not _apart(s, k, k + 1)
        ):
            k -= 1
        if k < 0 or _apart(s, k, at) or any(m.start <= k < m.end for m in s.mentions):
            return False
        if k in grammar.get("body_part", _NONE):
            return True
        return (
            k in grammar.get("writers_people", _NONE)
            and k > 0
            and words[k - 1].text in ("my", "our")
            and not _apart(s, k - 1, k)
        )

    def _desired(self, s: _Sentence, at: int) -> bool:
        """Whether a rule's phrase is what someone wants or means to do, just before it
        in its clause ("dying to tell Margo", "dead set on selling the Outpost", "wants
        to sell"): an intention, not what happened."""
        desire = s.grammar.get("desire", _NONE)
        return any(
            at - 3 <= k < at and not _apart(s, k, at) and not _past_its_verb(s, k, at)
            for k in desire
        )

    def _expected(self, s: _Sentence, at: int) -> bool:
        """ "I thought Gordo would die in s1", "I expected Molly to die": what the writer
        expected, said with "would", "to" or "going to" just before the outcome, in the
        clause of an expecting verb, is a guess that may have been wrong, not the story.
        ("I knew she would die" tells; "knew" is not an expecting verb.)"""
        expecting = s.grammar.get("expecting")
        if not expecting:
            return False
        modals = s.grammar.get("expected_modal", _NONE)
        near = [k for k in modals if at - EXPECT_REACH <= k < at and not _apart(s, k, at)]
        if not near:
            return False
        return any(k < near[0] and not _apart(s, k, at) for k in expecting)

    def _tallied(self, s: _Sentence, f: Found) -> bool:
        """Whether a cross ("x", "❌") is a tally's mark: its line holds one of ours and
        the mark, nothing else ("* gordo: x"); not "Karen x Ed", "Karen ✅ Molly ❌"."""
        words, text = s.words, s.text
        if any(tick in text for tick in _TICKS):
            return False  # ticks and crosses: a vote or a checklist ("- Karen ✅ - Molly ❌")
        mark = words[f.start]
        after = text.find("\n", mark.end)
        if text[mark.end : len(text) if after < 0 else after].strip(" \t*_~`|.!"):
            return False  # more on the mark's line
        for m in s.mentions:
            if m.end == f.start and m.persons:
                name = words[m.start]
                line = text.rfind("\n", 0, name.start) + 1
                between = text[words[m.end - 1].end : mark.start]
                return not text[line : name.start].strip(" \t*-+•>#.)0123456789`") and (
                    not between.strip(" \t:=-–—>")
                )
        return False

    def _another_works_title(self, s: _Sentence, f: Found) -> bool:
        """Whether fate words written with capitals inside a sentence are another work's
        title ("the Lost finale", "like in Six Feet Under", "The Walking Dead"): not at
        a sentence's start, not all in capitals ("RIP"), not right after a name of ours
        ("Karen Dies"), not in a message where every word has its capital, nor in German."""
        if f.start == 0 or self._title_case or "de" in self.languages:
            return False
        text = s.text
        for k in range(f.start, f.end):
            raw = text[s.words[k].start : s.words[k].end]
            if not raw[:1].isupper() or (len(raw) > 1 and raw.isupper()):
                return False
        # the title's first word: capitalised words before the fate word belong to it
        first = f.start
        while first > 0 and text[s.words[first - 1].start].isupper():
            first -= 1
        if first == 0 or any(m.start < f.start and m.end > first for m in s.mentions):
            return False  # "Karen Dies", "RIP Gordo Dead"
        before = text[s.words[first - 1].end : s.words[first].start].strip()
        if before[-1:] in (".", "!", "?", ":", "\n", "-", "*", "#"):
            return False
        # a title is watched, compared or named: "in Lost", "like Six Feet Under"; not
        # "got Sherlocked", "pulled a Ned Stark" (another work's death made a verb)
        return s.words[first - 1].text in _BEFORE_TITLES

    def _literally(self, s: _Sentence, at: int) -> bool:
        """Whether a figure that is literally a fate ("blew Karen away") is meant so: a
        `literally` word just before it ("literally blew karen away"), or the message
        saying it means it or joking about a death ("not figuratively", "too soon?")."""
        if any(at - 3 <= k < at for k in s.grammar.get("literally", _NONE)):
            return True
        return any(
            f.key in ("literal", "death_joke") and f.category == "word"
            for r in self.read
            for f in r.found
        )

    def _has_object(self, s: _Sentence, after: int) -> bool:
        """Whether a verb ending before ``after`` takes one of ours, or a pronoun, for its
        object ("slays Gordo", "capped the Sea Dragon", "smoked him"): slang that is a
        fate only so, and praise without one ("the grey slays", "she slayed that")."""
        words = s.words
        k = after
        if k < len(words) and not _apart(s, k - 1, k) and words[k].text in _DETERMINERS:
            k += 1
        if k >= len(words) or _apart(s, k - 1, k):
            return False
        pointing = s.grammar.get("pronoun", _NONE) | s.grammar.get("group", _NONE)
        if k == after and k in pointing and self._object_form(s, k):
            return True
        owners = s.grammar.get("owner", _NONE)
        # "ended Karen's arc": what is hers is the object, not Karen
        return any(
            m.start == k and (m.persons or m.thing) and m.end not in owners for m in s.mentions
        )

    def _kills_a_thing(self, s: _Sentence, after: int) -> bool:
        """A fate verb whose object is a thing nobody knows ("that cold open killed the
        idea", "kills the mood"): a figure of speech, by its construction."""
        words = s.words
        if after + 1 >= len(words) or _apart(s, after - 1, after + 1):
            return False
        if words[after].text not in _DETERMINERS or words[after + 1].text in _DETERMINERS:
            return False
        if words[after + 1].text[:1].isdigit():
            return False
        # "murders every scene": talk about the show as a show is a thing, not one of ours
        if after + 1 not in s.starts:
            return True
        # "murdered every Molly scene": a name before the show's talk says which scenes
        named = [m.end for m in s.mentions if m.start == after + 1 and m.persons]
        if named and named[0] < len(words) and words[named[0]].text in _SHOW_TALK:
            return not _apart(s, after, named[0])
        talk = words[after + 1].text in _SHOW_TALK or after + 1 in s.grammar.get(
            "performance", _NONE
        )
        return talk and all(f.category == "word" for f in s.found if f.start == after + 1)

    def _doubting(self, s: _Sentence) -> bool:
        """A question opening with a negated auxiliary ("didn't Gordo die?", "wasn't
        Karen killed?", "isn't Margo in Moscow?") asks the reader to confirm what it says."""
        words = s.words
        if len(words) < 3 or words[1].text != "t" or 0 not in s.grammar.get("asking", _NONE):
            return False
        end = words[-1].end
        return s.text[end : end + 3].lstrip(" )").startswith("?")

    def _object_form(self, s: _Sentence, k: int) -> bool:
        """Whether the pronoun at ``k`` stands alone ("gets her in the end"), not as a
        possessive before its noun ("scared her kids")."""
        following = k + 1
        if following >= len(s.words) or _apart(s, k, following):
            return True
        word = s.words[following].text
        return word in _AFTER_OBJECT or word in self.m._language_of


# Who may open a clause of their own after an intention's verb, unless the clause is
# what the verb says ("wants to tell them she dies", "to see if he makes it")
_SUBJECTS = frozenset({"she", "he", "they"})
_REPORTED = frozenset({"that", "if", "whether", "them", "us", "me", "him", "her", "everyone"})


def _past_its_verb(s: _Sentence, k: int, at: int) -> bool:
    """Whether a wish said with "to" at ``k`` ("wants to", "plans to") has ended before
    ``at``: its verb is done once someone else becomes a subject ("when Ed wants to fire
    she pulls a gun": the gun is drawn). A wish of a clause ("I hope she dies") keeps
    its subject and reaches on."""
    if "to" not in (w.text for w in s.words[k : k + 3]):
        return False
    return any(
        s.words[j].text in _SUBJECTS and s.words[j - 1].text not in _REPORTED
        for j in range(k + 3, at)
    )
