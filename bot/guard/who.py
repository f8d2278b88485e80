"""Who a sentence names: characters by name (with typos, other scripts, initials), and
whether a name means someone else ("my aunt Karen", "Karen from HR", "Ed Sheeran").
What the message says of itself (its languages, the seasons it talks about, whether it is
about the show) is in itself.py, which _Who stacks on; roles, relations and antecedents
are in relations.py."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import OSA

from bot.guard.asides import aside_elsewhere, contrasted, elsewhere
from bot.guard.initials import single_initials
from bot.guard.itself import _NO_LANGUAGES, _Itself
from bot.guard.lexicon import common_words
from bot.guard.matcher import Found
from bot.guard.reading import (
    _ANY_SHOWS,
    _EPISODE_CODE,
    _NONE,
    _apart,
    _clause_break,
    _Mention,
    _Sentence,
)

_YEAR = re.compile(r"^(?:19[0-9]{2}|20[0-2][0-9])$")
_DECADE = re.compile(r"^(?:19)?[5-9]0s$")  # "the 60s", "1960s": history talk
_NAMING = frozenset({"named", "called"})
_AFTER_NAMING = frozenset({"after", "for"})  # "named my dog after Gordo": the original
# "named" and "called" as their word forms are found ("calls", "naming")
_NAMING_FORMS = _NAMING | frozenset({"call", "calls", "calling", "name", "names", "naming"})
_FOND_OWNERS = frozenset({"my", "our"})  # "my Karen dies in the finale"
# Outcomes that everyday talk of one's own people says too ("rip our Karen, gone too soon"):
# not enough, after "our", to mark the show's character; its own stories are (a car bomb,
# an exile, a faked death)
_EVERYDAY_FATES = frozenset({"death", "alive"})
_FONDLY = frozenset({"girl", "boy", "bro", "sis", "buddy", "baby", "bff"})  # "my girl Dani"
_IS = frozenset({"is", "s", "was", "be", "being", "been", "are", "were"})  # "he's the one who"
_OURS = frozenset({"name", "thing", "role", "relation", "episode", "initials"})  # of the show


class _Who(_Itself):
    """Recognising people by name: ours, or someone else's."""

    _elsewhere = staticmethod(elsewhere)

    shorthand = False  # the message may hold single initials (set by the judge)

    @staticmethod
    def _misread_surname(s: _Sentence, k: int) -> bool:
        """Whether word ``k`` reads as a name of ours only through a typo and the word
        before it as one of ours as written, with nothing but a space between: "gordon
        clark" is Gordon Clark, neither Gordo nor Clarke."""
        if k >= len(s.words) or s.text[s.words[k - 1].end : s.words[k].start] != " ":
            return False
        here = [f for f in s.of("name") if f.start == k]
        return (
            bool(here)
            and all(f.fuzzy for f in here)
            and any(f.end == k and f.start == k - 1 and not f.fuzzy for f in s.of("name"))
            and not any(fo.start == k and fo.category != "name" for fo in s.found)
        )

    def _people(self, s: _Sentence) -> None:
        names = list(s.of("name"))
        if len(names) > 1:
            names.sort(key=lambda f: (f.start, -(f.end - f.start)))
        taken = -1  # names do not overlap: the longest at each place wins
        nouns = s.grammar.get("common_noun", _NONE)
        for f in names:
            if f.start in nouns:
                continue  # "our lead dev": a developer, not Dev
            if f.start < taken:
                if (
                    f.fuzzy
                    and s.mentions
                    and (s.mentions[-1].start, s.mentions[-1].end)
                    == (
                        f.start,
                        f.end,
                    )
                ):
                    # a typo that reads as two names ("margoe": Margo or Marge): either
                    last = s.mentions[-1]
                    if last.fuzzy and not self._someone_else(s, f, int(f.key)):
                        last.persons |= {self.m.people[int(f.key)].id}
                continue
            taken = f.end
            person = int(f.key)
            if contrasted(s, f):
                continue  # not the subject, nor anyone the outcome belongs to
            if (
                self._someone_else(s, f, person) or self._named_before(s, f)
            ) and not self._ours_again(s, f, person):
                s.others.append(f.end)
                real = self.m.people[person].real and (
                    s.has("real") or any(_YEAR.match(t.text) for t in s.words)
                )
                self.set_aside[self.m.people[person].id] = real
                if (
                    f.end - f.start == 1
                    and f.end < len(s.words)
                    and (self._misread_surname(s, f.end) or self._proper_noun(s, f.end))
                ):
                    # a full name not ours ("Gordon Clark"), not "my daughter Kelly"
                    self.others_named.add(s.words[f.start].text)
                if real:
                    s.aside.append(self.m.people[person].id)
                continue
            common = False
            if f.end - f.start == 1:
                languages = self.m._common_names[person].get(s.words[f.start].text)
                if languages:
                    common = "en" in languages or bool(languages & self.languages)
            # "Deke Slay-ton": the name runs to the end of its split surname
            end = _split_surname(s, f.end, self.m.people[person].names) or f.end
            s.mentions.append(
                _Mention(
                    f.start,
                    end,
                    frozenset({self.m.people[person].id}),
                    common=common,
                    fuzzy=f.fuzzy,
                )
            )
        for f in s.of("initials"):
            # written in capitals ("KB", "K.B."), in a message about the show
            raw = s.text[s.words[f.start].start : s.words[f.end - 1].end]
            if raw.isupper() and self.about_show:
                persons = self.m._initials[f.key]
                s.mentions.append(_Mention(f.start, f.end, persons, how="initials"))
        if self.shorthand:  # "s3f: K+M ☠", about a season's finale (bot/guard/initials.py)
            s.mentions.extend(single_initials(s, self.m._first_letters))
        if self.set_aside and s.has("namesake_of"):
            # "my coworker is called Margo ... her namesake fakes her death": the
            # character whose name the namesake bears
            persons = frozenset(p for p, historic in self.set_aside.items() if not historic)
            places = s.grammar["namesake_of"]
            for k in sorted(places):
                if persons and k - 1 not in places:
                    s.mentions.append(_Mention(k, k + 1, persons, how="namesake"))
        if self.set_aside and s.has("original_of") and self._named_after(s):
            # "my cat is named Gordo after the guy who dies on the moon": the character
            persons = frozenset(p for p, historic in self.set_aside.items() if not historic)
            places = s.grammar["original_of"]
            for k in sorted(places):
                if persons and k - 1 not in places and not (k and s.words[k - 1].text in _IS):
                    end = k + 1
                    while end in places:
                        end += 1
                    s.mentions.append(_Mention(k, end, persons, how="namesake"))
        real_at = s.grammar.get("real", _NONE)
        history = bool(real_at) and any(
            _YEAR.match(t.text) or _DECADE.match(t.text) for t in s.words
        )
        for f in s.of("thing"):
            if history:
                if not self._turned_to_show(s, real_at, f.start):
                    # "Sea Dragon was a real 1962 design" is not the show's (a later
                    # "in the show" turns to its show version: _show_versions)
                    s.aside_things.append(f.key)
                    continue
            elif (
                real_at
                and any(
                    f.start - d in real_at and not _apart(s, f.start - d, f.start) for d in (1, 2)
                )
                # "... but in the show one launches": the show's, after all
                and not any(
                    k > f.end and _clause_break(s, f.end, k) for k in s.grammar.get("show", ())
                )
            ):
                s.aside_things.append(f.key)
                continue  # "the real Sea Dragon was never built"
            if self._elsewhere(s, f.end) or (
                not any(x.start == f.end for x in s.of("name") + s.of("thing"))
                and self._elsewhere(s, f.end + 1)
            ):
                continue  # "the Outpost bar in my town"
            s.mentions.append(_Mention(f.start, f.end, thing=f.key, how="thing"))
        self._show_versions(s)

    def _named_after(self, s: _Sentence) -> bool:
        """Whether the message names something after a character, before this sentence
        ends: "named my cactus Deke", "my dog is called Molly"."""
        owners = s.grammar.get("namesake_owner", _NONE)
        if any(k - 1 >= 0 and s.words[k - 1].text in _AFTER_NAMING for k in owners):
            return False  # "named Gordo after my grandpa, the one who died in Korea"
        return any(
            t.text in _NAMING and not _names_a_title(earlier, k)
            for earlier in self.read[: s.index + 1]
            for k in earlier.grammar.get("namesake_owner", _NONE)
            for t in (earlier.words[k],)
        )

    def _ours_again(self, s: _Sentence, f: Found, person: int) -> bool:
        """A name set aside earlier in the message as someone else's, now after the
        language's word for "our" (perhaps "our boy", "our girl") or "the show's" (`ours`:
        "unsere Karen", "notre Molly"), in a sentence that talks of the show: the contrast
        marks the show's character ("listening to Tracy Chapman ... the one where our Tracy
        dies on the moon"); not "rip our Karen, gone too soon" after "Karen from my running
        club", nor "our Tracy Chapman playlist", "our Karen at work"."""
        words = s.words
        if f.end - f.start != 1 or not f.start:
            return False
        text = words[f.start].text
        if text not in self.others_named and self.m.people[person].id not in self.set_aside:
            return False
        k = f.start - 1
        if k and words[k].text in _FONDLY and not _apart(s, k - 1, k):
            k -= 1
        if k not in s.grammar.get("ours", _NONE) or _apart(s, k, f.start):
            return False
        if elsewhere(s, f.end):
            return False  # "our Karen at work"
        if f.end < len(words) and self._proper_noun(s, f.end):
            return False  # "our Tracy Chapman"
        return _about_the_show(s, f)

    def _named_before(self, s: _Sentence, f: Found) -> bool:
        """A name written as one set aside earlier in the message as someone else's, in a
        sentence that does not talk of the show: "halt and catch fire killing off gordon
        clark is the saddest gordon death on tv" (both Gordon Clark)."""
        return f.end - f.start == 1 and s.words[f.start].text in self.others_named and not _shows(s)

    def _same_starts(self, s: _Sentence, person: int) -> dict[int, int]:
        """Where a name of the same person starts in the sentence, not as part of someone
        else's full name ("Gordon Ramsay")."""
        return {
            x.start: x.end - x.start
            for x in s.of("name")
            if int(x.key) == person
            and not (x.end - x.start == 1 and x.end < len(s.words) and self._proper_noun(s, x.end))
            and not elsewhere(s, x.end)  # "Lee Jung-gil, not Lee from my D&D group"
        }

    def _anothers(self, s: _Sentence, k: int) -> bool:
        """Whether the word at ``k``, just before a possessive "'s", is another work's or
        someone else's: capitalised, glued to its "'s", none of our names, words or things
        and none of the show's `makers`."""
        token = s.words[k]
        raw = s.text[token.start : token.end]
        if not raw[:1].isupper() or not raw.isalpha() or raw.isupper():
            return False
        if k == 0 or s.text[s.words[k - 1].end : token.start].strip()[-1:] in (".", "!", "?"):
            # a sentence's first word has its capital anyway: "Fargo's Molly", not
            # "Apple's Deke" (an everyday word of English or of the message's language)
            everyday = common_words().get(token.text, _NO_LANGUAGES)
            if "en" in everyday or everyday & self.languages:
                return False
        if s.text[token.end : s.words[k + 1].start] not in ("'", "’"):
            return False
        if self._title_case or "de" in self.languages or token.text in self.m._name_words:
            return False  # "VanSanten's Karen", "Peña's Aleida": a name of ours as written
        if any(k in s.grammar.get(key, _NONE) for key in ("makers", "show", "show_talk")):
            return False
        if any(x.start <= k < x.end and x.category in _OURS for x in s.found):
            return False
        # One capitalised word could be anyone's or anywhere's ("Moscow's Gordo", "Ben's
        # Molly"): it sets the name aside only in a sentence that does not talk of the
        # show; a title of several words ("Halt and Catch Fire's") does so anyway.
        return _titled(s, k) or not _shows_ours(s)

    def _done_to_ours(self, s: _Sentence, cue: Found) -> bool:
        """Whether a fate verb after someone else's name is done to one of ours, named
        just after it: the showrunner, a writer or an actor as its agent ("Ron Moore
        killing Gordo and Tracy", "Moore blew up Karen"), not "Jerrie Cobb died in 2019"."""
        return any(
            m.persons and m.start == cue.end and not _apart(s, cue.end - 1, cue.end)
            for m in s.mentions
        )

    def _someone_else(self, s: _Sentence, f: Found, person: int) -> bool:
        """A namesake (my aunt Karen, Karen from HR, Ed Sheeran) or the real person."""
        words = s.words
        grammar = s.grammar
        owners = grammar.get("namesake_owner", _NONE)
        nouns = grammar.get("namesake_noun", _NONE)
        describing = grammar.get("describing", _NONE)  # "our old dog Gordo"
        if owners:
            # "my aunt Karen", "our old dog Gordo", "some Karen", "I named my rover Danny"
            before = {words[k].text for k in range(max(0, f.start - 4), f.start)}
            kin = {  # "my wife Karen"; not "my girl Karen", said of a favourite
                k
                for x in s.of("relation")
                for k in range(x.start, x.end)
                if words[k].text not in _FONDLY
            }
            for k in range(max(0, f.start - 6), f.start):
                if k not in owners or _apart(s, k, f.start):
                    continue
                if k and k - 1 in grammar.get("negation", _NONE):
                    continue  # "not my coworker Molly, the astronaut": ours after all
                between = range(k + 1, f.start)
                if words[k].text in _NAMING_FORMS and _calls_up(s, k, f):
                    continue  # "the FBI gets called in on Margo", "Aleida calls Margo"
                if words[k].text in _NAMING:
                    if _names_a_title(s, k):
                        continue  # "the episode named Perestroika ends with margo in cuffs"
                    if f.start and words[f.start - 1].text in _AFTER_NAMING:
                        continue  # "named my dog after Gordo": Gordo is the original
                    if any(x.start in between for x in s.of("name")):
                        continue  # "named my daughter Kelly and then Kelly gives birth"
                    if not s.has("show") or "character" not in before:
                        return True  # "named ... 'Danny'": whatever was named
                elif not between and words[k].text in _FOND_OWNERS and _shows(s):
                    continue  # "our Molly is gone after the bombing": ours, fondly
                elif (
                    f.start - k <= 4
                    and not ({"show", "the"} & before)
                    and all(
                        j in nouns
                        or j in kin
                        or j in owners
                        or j in describing
                        or j not in s.starts
                        for j in between
                    )
                    and (not between or f.start - 1 in nouns or f.start - 1 in kin)
                ):
                    return True
            # "Danielle my roommate", "Gordon my old boss"
            if f.end in owners:
                k = f.end + 1
                while k in describing and k + 1 < len(words):
                    k += 1
                if k in nouns and not _apart(s, f.end - 1, k):
                    return True
        # "Commissioner Gordon", "Detective Danny": a title none of the show's people bear
        # (`other_title`), just before the name, makes another work's character of it
        if f.start and f.start - 1 in grammar.get("other_title", _NONE):
            return True
        # "rip deke the fish", "Molly the dog": a pet named so (`pet_after`)
        if f.end in grammar.get("pet_after", _NONE):
            return True
        # "Karen from HR", "Kelly in my D&D group", "Dev on my team", "Deke, our bot,"
        if elsewhere(s, f.end) or aside_elsewhere(s, f, lambda: self._same_starts(s, person)):
            return True
        # "Ed Sheeran", "Gordon Cooper": a capitalised word that is none of our names
        if f.end < len(words) and f.end - f.start == 1:
            nxt = words[f.end]
            raw = s.text[nxt.start : nxt.end]
            gap = s.text[words[f.end - 1].end : nxt.start]
            if (
                gap == " "
                and raw[:1].isupper()
                and not raw.isupper()
                and raw.isalpha()
                and not (self._title_case and "en" in common_words().get(nxt.text, _NO_LANGUAGES))
                and nxt.text not in self.m._all_names
                and not _split_surname(s, f.end, self.m.people[person].names)
                and (
                    f.end not in s.starts
                    or all(fo.category == "role" for fo in s.found if fo.start == f.end)
                )
            ):
                return True
        # "gordon clark": a name of ours, then a word that is a name of ours only through
        # a typo (Clarke): a full name that is none of ours, in any case
        if f.end - f.start == 1 and (
            (not f.fuzzy and self._misread_surname(s, f.end))
            or (f.fuzzy and f.start and self._misread_surname(s, f.start))
        ):
            return True
        # ... and a surname after another first name: "Jerrie Cobb", "Scott Kelly"
        if f.start > 0 and f.end - f.start == 1:
            prev = words[f.start - 1]
            gap = s.text[prev.end : words[f.start].start]
            if gap == " " and self._proper_noun(s, f.start - 1):
                return True
        # "Halt and Catch Fire's Gordon", "Doctor Who's Danny": a name owned by a
        # capitalised word none of ours (another work, its creator, someone else) is theirs;
        # not "FAM's Gordo", "Michael Dorman's Gordo", "Jamestown's Gordo", "Ron Moore's
        # Karen" (`makers`: the people and the network behind the show)
        if (
            f.start >= 2
            and f.start - 1 in grammar.get("owner", _NONE)
            and self._anothers(s, f.start - 2)
        ):
            return True
        # "Neil's daughter Karen": someone's relative, unless the relation is this one's
        if f.start >= 3 and f.start - 2 in grammar.get("owner", ()):
            noun = {x.key for x in s.of("relation") if x.end == f.start}
            if noun or f.start - 1 in grammar.get("namesake_noun", ()):
                related = {
                    p for m in s.mentions if m.end == f.start - 2 and m.persons for p in m.persons
                }
                mine = self.m.people[person].roles
                if not any(r.of in related for r in mine):
                    return True
        # "the real Deke Slayton", "in real life ...", history with years
        real = grammar.get("real", _NONE)
        if self.m.people[person].real and self._show_only(s, f):
            return False  # "did the real Deke Slayton die on the moon??": the show's
        if real and (
            any(f.start - d in real and not _apart(s, f.start - d, f.start) for d in (1, 2))
            # Japanese is read in runs without word breaks: "本物のサリー・ライドは..."
            or (f.start in real and _unspaced(words[f.start].text))
        ):
            return True  # not "unlike real history, Sally Ride pulls a gun"
        if self.m.people[person].real and not s.has("show"):
            # history, unless a character of the show's own is in it ("in 1983 Sally
            # Ride pulls a gun on Ed")
            historic = real or (
                any(_YEAR.match(t.text) for t in words)
                # "von Braun's old protégée ... in 2003": the year is the relative's
                and not (
                    f.end in grammar.get("owner", _NONE)
                    and any(f.end < x.start <= f.end + 3 for x in s.of("relation"))
                )
            )
            if historic and not any(
                not self.m.people[int(x.key)].real and not self._someone_else(s, x, int(x.key))
                for x in s.of("name")
                if x.start != f.start
            ):
                return True
        return False


def _unspaced(word: str) -> bool:
    """A run of Japanese, read as one word."""
    return "\u3040" <= word[:1] <= "\u9fff"


def _about_the_show(s: _Sentence, f: Found) -> bool:
    """Whether a sentence talks of the show, around the name ``f``: a show word, place or
    thing, a season or an episode, another of its characters by name, or one of its own
    stories rather than a death or a survival anyone's people have ("our Molly gets blown
    up", "our boy Danny gets exiled")."""
    return (
        _shows(s)
        or s.has("show_talk")
        or s.has("show_place")
        or s.has("show_version")
        or any(x.key != f.key and not x.fuzzy for x in s.of("name"))
        or any(x.key not in _EVERYDAY_FATES for x in s.of("cue"))
    )


_TITLE_JOINS = frozenset({"and", "of", "the", "&", "a", "in", "on", "to"})


def _titled(s: _Sentence, k: int) -> bool:
    """Whether the capitalised word at ``k`` ends a title of several words: another
    capitalised word before it on the line, with only short joining words between
    ("Halt and Catch Fire", "Agents of Shield", "The Office", "Doctor Who")."""
    j = k - 1
    while j >= 0 and j >= k - 3:
        word = s.words[j]
        gap = s.text[word.end : s.words[j + 1].start]
        if gap.strip() or "\n" in gap:
            return False
        raw = s.text[word.start : word.end]
        if raw[:1].isupper() and raw.isalpha():
            return True
        if word.text not in _TITLE_JOINS:
            return False
        j -= 1
    return False


def _shows_ours(s: _Sentence) -> bool:
    """Whether a sentence names something of this show's own: a thing, a place or a term
    of its world ("the bombing", "on the moon", "JSC"), or a season or an episode."""
    return (
        bool(s.of("thing"))
        or any(s.words[i].text not in _ANY_SHOWS for i in s.grammar.get("show", _NONE))
        or any(_EPISODE_CODE.match(t.text) for t in s.words if t.text[:1].isalpha())
    )


def _shows(s: _Sentence) -> bool:
    """Whether a sentence says it is about the show: a show word or thing, a season or
    an episode ("s4", "3x09")."""
    return (
        s.has("show")
        or bool(s.of("thing"))
        or any(_EPISODE_CODE.match(t.text) for t in s.words if t.text[:1].isalpha())
    )


@cache
def _surnames(names: tuple[str, ...]) -> frozenset[str]:
    """The last words of a character's full names in Latin letters ("slayton")."""
    return frozenset(
        last.casefold()
        for n in names
        if " " in n and (last := n.rsplit(" ", 1)[1]).isascii() and last.isalpha()
    )


def _split_surname(s: _Sentence, k: int, names: tuple[str, ...]) -> int:
    """Where words from ``k`` joined by hyphens end when they spell one of these surnames,
    or pun on it a letter or two off ("Deke Slay-ton", "Margo Mad-i-son", "Deke
    Slain-ton"), else 0."""
    words, text = s.words, s.text
    end = k + 1
    while end < len(words) and text[words[end - 1].end : words[end].start] == "-":
        end += 1
    if end == k + 1 or text[words[k - 1].end : words[k].start] != " ":
        return 0
    joined = "".join(w.text for w in words[k:end])
    if any(
        OSA.distance(joined, n, score_cutoff=2) <= (2 if len(n) > 5 else 1)
        for n in _surnames(names)
    ):
        return end
    return 0


def _calls_up(s: _Sentence, k: int, f: Found) -> bool:
    """Whether "called" at ``k`` is another verb than naming, so the name after it is
    ours: a particle or a conjunction just after it (`particle`: "the FBI gets called
    in on Margo", "my cat called in sick and Margo ..."; not "named my rover in Kerbal
    'Danny'"), or, with nothing between, a subject just before ("Aleida calls Margo",
    "then she called Molly": a call, not a name)."""
    if k + 1 < f.start and k + 1 in s.grammar.get("particle", _NONE):
        return True
    if f.start != k + 1 or not k:
        return False
    subjects = s.grammar.get("pronoun", _NONE) - s.grammar.get("object_pronoun", _NONE)
    return k - 1 in subjects or any(x.end == k for x in s.of("name"))


def _names_a_title(s: _Sentence, k: int) -> bool:
    """Whether "named"/"called" at ``k`` gives an episode its title ("the episode named
    Perestroika", "the one called 'The Grey'"): what it names is the title, not a
    character later in the sentence."""
    return any(
        f.start == k + 1 or (f.start == k + 2 and s.words[k + 1].text == "the")
        for f in s.of("episode")
    )
