"""What a sentence says happened: outcome cues (meaning classes in every language and
the phrases that fill a slot), negation flipping death and survival, figures of speech
cancelled ("killed it", "I'm dead"), doubt and a kin's loss. Outcomes said by absence or
ellipsis ("no more Karen", "Deke doesn't") are in `ellipsis.py`; the reasons a fate word
found tells no outcome of ours (a figure by its construction, another work's title, a wish,
a thing's fate) in `cancelled.py`."""

from __future__ import annotations

from collections.abc import Set

from bot.guard.asides import describes
from bot.guard.cancelled import _DETERMINERS, _Cancelled, _past_its_verb
from bot.guard.ellipsis import _NOBODY
from bot.guard.figures import figure_of_speech
from bot.guard.matcher import stem
from bot.guard.reading import (
    _NONE,
    _apart,
    _clause_break,
    _cleft,
    _Cue,
    _gender,
    _held_until,
    _it_object,
    _season_named,
    _Sentence,
    placed_elsewhere,
)
from bot.guard.supposing import _compared, _counterfactual, _denies_saying
from bot.guard.verdict import (
    DENIED,
    GERMAN_NEGATION_REACH,
    NEGATION_REACH,
    ONLY_DENIED,
    ONLY_SINGLED,
)

# Fate verbs that, with a thing for object, are figures ("killed the mood", "buried every
# other scene")
_KILLING = frozenset({"en:kill", "en:murder", "en:slay", "en:destroy", "en:bomb", "en:nuke"})
_KILLING |= {"en:buri"}
_PRAISE = frozenset({"death", "bomb", "shootdown"})  # "killed it", "bombed that"
_NEITHER_NOR = frozenset({"neither", "nor"})
# Fate words that other works' titles are made of ("Lost", "Six Feet Under", "Dead to Me");
# places ("Moscow", "Iowa") are capitalised anyway
_IN_TITLES = frozenset({"death", "alive", "shot", "bomb", "exile", "arrest", "fake"})
# What may suppose an outcome contrary to fact (_counterfactual)
_SUPPOSED = frozenset({"supposing", "supposing_subject", "imagining"})


def _past_groups(
    s: _Sentence, negations: frozenset[int] | set[int], key: str = "group"
) -> set[int]:
    """A negation that opens a group ("neither of them", "neither one") negates from the
    group's end: "neither of them is coming home" reaches "coming home". So does one
    before words counting someone among others (`counted_among`): "Molly isn't among
    those who make it out" reaches "make it out"."""
    group = s.grammar.get(key, _NONE)
    moved = set(negations)
    for k in negations:
        end = k
        while end + 1 in group and not _apart(s, end, end + 1):
            end += 1
        moved.add(end)
    return moved


def _writer_among_objects(s: _Sentence, at: int, first_object: Set[int]) -> bool:
    """Whether the object starting at ``at`` is one of ours and the writer ("killing
    Margo and me", "killed Ed and us"): what happens to the writer is a figure."""
    for m in s.mentions:
        if m.start == at and m.persons and m.end + 1 < len(s.words):
            joined = s.words[m.end].text in ("and", "&", "n")
            return joined and m.end + 1 in first_object and not _apart(s, at, m.end + 1)
    return False


class _What(_Cancelled):
    """Finding outcomes, one sentence at a time (after its people are known)."""

    @staticmethod
    def _misspelt_deaths(s: _Sentence) -> None:
        """A death spelt as another word ("gorrdo n trasy dye on teh moon"): read so only
        with one of ours just before it (a word between at most) and a place of the
        show's story straight after it ("Tracy dyes her hair in space" is dye)."""
        places = s.grammar.get("show_place", _NONE)
        for k in sorted(s.grammar["misspelt_death"]):
            if k + 1 not in places or (k and s.words[k - 1].text == "tie"):
                continue
            if any(m.persons and k - 2 <= m.end <= k for m in s.mentions):
                s.cues.append(_Cue(k, k + 1, "death", None))

    def _cues(self, s: _Sentence, idiom: set[int]) -> None:
        grammar = s.grammar
        first_person = grammar.get("first_person", _NONE)
        first_object = grammar.get("first_object", _NONE)
        hedges = grammar.get("hedge", _NONE)
        negations = grammar.get("negation", _NONE)
        contrasting = grammar.get("contrasting", _NONE)
        show_places = grammar.get("show_place", _NONE)  # "vom Mond": the story's places
        if negations and "unnegated" in grammar:
            # "can't believe they killed off Molly": the death is told, not denied
            negations = negations - grammar["unnegated"]
        if 1 in negations and self._doubting(s):
            negations = negations - {1}  # "didn't Gordo die on the moon?" asks to confirm
        negations = negations | hedges
        if negations and "group" in grammar:
            negations = _past_groups(s, negations)
        if negations and "counted_among" in grammar:
            negations = _past_groups(s, negations, "counted_among")
        if "misspelt_death" in grammar:
            self._misspelt_deaths(s)
        seen: set[tuple[str, str, int, int]] = set()
        named = {x.start for x in s.of("name")} if negations else _NONE
        outcomes = [f for c in ("action", "cue", "weak") for f in s.of(c)]
        hints = s.of("weak")
        longest: dict[tuple[str, int], int] = {}
        if len(hints) > 1:
            # of two hints of one meaning from one word, the longer ("walk back into the
            # church", not "walk back")
            for f in hints:
                longest[f.key, f.start] = max(longest.get((f.key, f.start), 0), f.end)
        for f in outcomes:
            if f[:4] in seen:
                continue  # the same outcome found through two phrases
            if longest and f.category == "weak" and f.end < longest[f.key, f.start]:
                continue
            seen.add(f[:4])
            if f.category == "action":
                if idiom and any(k in idiom for k in range(f.start, f.end)):
                    continue
                if self._desired(s, f.start):
                    continue  # "Karen is dead set on selling the Outpost": not done yet
                if figure_of_speech(s, f.start, f.end):
                    continue  # "that Sea Dragon shot blew me away": a shot of the film
                if _it_object(s, f.start):
                    continue  # "the White House want it buried": a thing's
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
            if (
                f.end - f.start == 1
                and f.category == "cue"
                and (self._foreign(word) or self._foreign_between(s, f.start))
            ):
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
                        (f.end in first_object and not _addressed(s, f.end))
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
                if first_object and _writer_among_objects(s, f.end, first_object):
                    continue  # "he's slowly killing Margo and me": the writer is no fate
                if "reaction" in grammar and self._writers_reaction(s, f.start):
                    continue  # "had me on the floor, dead, gone"
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
            # "what if Gordo and Tracy had survived", "imagine Danny not getting exiled":
            # contrary to fact, so the story is the opposite (`_counterfactual`)
            supposed = _counterfactual(s, f.start) if not _SUPPOSED.isdisjoint(grammar) else None
            unreal = supposed == "unreal"
            wishes = grammar.get("wish")
            if unreal:
                pass
            elif (
                (
                    wishes
                    and any(
                        k < f.start
                        and not _apart(s, k, f.start)
                        and not _past_its_verb(s, k, f.start)
                        for k in wishes
                    )
                )
                or supposed
                or self._desired(s, f.start)
            ):
                # "I hope Danielle survives season 5", "imagine Danny getting exiled lol":
                # not (yet) the story, but what a
                # later "She didn't." denies
                s.wished.append(_Cue(f.start, f.end, f.key, None, f.category == "weak"))
                continue
            if not unreal and self._expected(s, f.start):
                # "I thought Gordo would die in s1": an expectation, not the story
                s.wished.append(_Cue(f.start, f.end, f.key, None, f.category == "weak"))
                continue
            if (
                f.key == "alive"
                and f.start in grammar.get("reaching_end", _NONE)
                and not grammar.get("season_noun")
                and not any(
                    _season_named([t.text for t in s.words[k : k + 2]]) for k in range(len(s.words))
                )
            ):
                # "Karen no llega al final del día", "не доживает до пятницы": the end of a
                # day or a week; a season's ("de la temporada 3", "до конца сезона") is one
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
                        # "not saying Gordo dies", "je ne dis pas que...": a denial of
                        # saying denies the saying, and the fate after it is told
                        and not _denies_saying(s, k, f.start)
                    )
                    # "never gets out of the building alive": past the way out's object
                    or (f.key == "alive" and _denied_exit(s, k, f.start))
                    # German puts "nicht" after the verb, or inside a separable one, in
                    # its clause: "überlebt das Finale nicht", "kommen nie vom Mond zurück"
                    or (
                        f.language == "de"
                        and f.start < k <= f.end + GERMAN_NEGATION_REACH
                        and not _apart(s, f.start, k)
                        # "sterben und nicht im All": the negation of an alternative
                        # after the verb (`contrasting`), not of the verb
                        and k not in contrasting
                        # a particle ending the sentence far from its verb: the negation
                        # just before it ("stehen im Finale ... nicht mehr auf"), not
                        # "nicht gern früh auf"
                        and (
                            f.end - f.start <= _SPLIT_FAR
                            or f.end - 2 in negations
                            # or only the story's place between: "kehrt Tracy nicht vom
                            # Mond zurück"
                            or all(j in show_places for j in range(k + 1, f.end - 1))
                        )
                    )
                ]
                if negations
                else ()
            )
            if (
                negated
                and not any(k in hedges for k in negated)
                and (until := _held_until(s, f.end)) is not None
            ):
                grammar.setdefault("until_held", set()).add(until)  # "not ... until s3"
                negated = []
            if negated and not any(k in hedges for k in negated) and placed_elsewhere(s, f.end):
                negated = []  # "Karen doesn't die in ep 9, it's the finale": the episode denied
            if negated and _cleft(s, f.start, f.end, negated):
                grammar.setdefault("cleft_held", set()).add(f.start - 1)
                negated = []
            if unreal:
                # the supposition turned over: "had survived" tells a death, "hadn't
                # faked her death" the fake; a supposed death ("what if Gordo had died in
                # s1") is a survival, and a supposed exile nothing
                if not negated:
                    cls = DENIED.get(f.key)
                    if cls is None:
                        continue
                negated = []
            if (
                negated
                and ("comparing" in grammar or "unlike" in grammar)
                and (compared := _compared(s, f.end))
            ):
                # "at least Robb didn't get blown up like Karen": the fate is Karen's
                weak = f.category == "weak"
                s.cues.append(_Cue(f.start, f.end, f.key, None, weak, emoji, f.fuzzy, compared))
            if negated:
                # "doesn't survive" is a death; "nearly killed", "would never defect": nothing
                hedged = any(k in hedges for k in negated)
                if not hedged:  # what a later "Karen did" says after all
                    s.denied.append(_Cue(f.start, f.end, f.key, None, f.category == "weak"))
                cls = None if hedged else DENIED.get(f.key)
                if cls is None:
                    continue
            elif f.key in ONLY_DENIED and not unreal:
                continue  # a rescue, a killing: nothing unless denied or supposed
            elif f.key in ONLY_SINGLED and not any(
                k < f.start and not _apart(s, k, f.start) for k in grammar.get("only", _NONE)
            ):
                continue  # "Danielle is still around in s4": nothing without "only" before
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
            elif not emoji and owner is None and _it_object(s, f.start):
                owner = _NOBODY  # "the White House want it buried": a thing's
            elif not emoji and owner is None and self._owned_thing(s, f.start):
                owner = _NOBODY  # "Karen's bar is dead", "Ed's career died": a thing's
            elif not emoji and owner is None and self._writers_own(s, f.start):
                owner = _NOBODY  # "legs = tortured", "my bf got exiled to the couch"
            # A hint made plain: "doesn't make it" is a death, in full.
            weak = f.category == "weak" and not (negated and cls == "death")
            if emoji and grammar.get("laughter"):
                weak = True  # "Gordo 💀💀 lmao"
            cue = _Cue(f.start, f.end, cls, None, weak, emoji, f.fuzzy, owner, unreal=unreal)
            s.cues.append(cue)
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
            if not (cue.weak and cue.cls == "death" and cue.owner is None):
                continue
            lost = [
                m
                for m in relatives
                if cue.end <= m.start <= cue.end + 1
                or (
                    cue.end < m.start <= cue.end + 3
                    and all(k in between or words[k].text == "of" for k in range(cue.end, m.start))
                )
            ]
            if lost:
                # the death is the relative's, not the one left behind ("Karen lost her
                # son": Shane's, not hers), nor the possessive's ("... lost her son"); the
                # relatives listed after it too ("his son in s1 and his ex-wife in the s3 finale")
                cue.weak = False
                cue.owner = frozenset().union(
                    *(m.persons for m in relatives if m.persons and m.start >= cue.end)
                )
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


def _addressed(s: _Sentence, k: int) -> bool:
    """Whether "my"/"our" at ``k``, just after a fate word, opens a fond address (`fond_address`:
    "rest in peace my loves", "killed my sweet babies"): said to the characters whose end it is,
    not of the writer's own state ("killed me", "killed my vibe")."""
    fond = s.grammar.get("fond_address", _NONE)
    if k + 1 not in fond or s.words[k].text not in ("my", "our"):
        return False
    end = k + 1
    while end + 1 in fond and end - k < 3:
        end += 1
    # the last word a person: "my sweet babies", not "my sweet tooth"
    return not _apart(s, k, k + 1) and s.words[end].text not in _DESCRIBING_ONLY


_DESCRIBING_ONLY = frozenset({"sweet", "poor", "dear", "precious", "two"})
_SPLIT_FAR = 5  # a German cue this long is a verb and its particle ending the sentence
_EXIT_REACH = 7  # words from a way out ("gets out of") to a trailing "alive"


def _denied_exit(s: _Sentence, k: int, alive: int) -> bool:
    """Whether the negation at ``k`` denies a way out (`exit_verb`) whose object runs up
    to ``alive``: "never gets out of the building alive", "won't be leaving the lobby
    alive"; not past a clause break, a name or a pronoun ("until he knows Tracy is")."""
    exits = s.grammar.get("exit_verb", _NONE)
    first = next((e for e in range(k + 1, k + 4) if e in exits), None)
    if first is None or not 0 < alive - first <= _EXIT_REACH or _apart(s, k, alive):
        return False
    if _clause_break(s, k, alive):
        return False
    pointing = s.grammar.get("pronoun", _NONE) | s.grammar.get("group", _NONE)
    return not any(
        first < j < alive and (j in pointing or any(m.start == j and m.persons for m in s.mentions))
        for j in range(first, alive)
    )
