"""When a fate word found in a sentence tells no outcome of one of ours, by the words
around it: a figure by its construction ("killed the mood", "the grey slays" with no
object), another work's title ("the Lost finale"), a tally's cross that is not a tally,
a wish, an intention or an expectation ("dying to tell Margo", "I thought Gordo would
die"), a doubting question ("didn't Gordo die?"), and a fate said of a thing someone owns
or of the writer's own life ("Karen's bar is dead", "my bf got exiled to the couch").
`what.py` asks these of every outcome it finds; they were split out of it so that the
finding and the reasons not to count a find can each be read in one sitting."""

from __future__ import annotations

from bot.guard.ellipsis import _Elided
from bot.guard.figures import _adverb
from bot.guard.matcher import Found
from bot.guard.reading import _NONE, _apart, _Sentence
from bot.guard.verdict import EXPECT_REACH

_DETERMINERS = frozenset({"the", "a", "an", "that", "this", "any", "every", "all", "my", "our"})
# Words that may follow a pronoun object ("gets her in the end", "takes him too")
_AFTER_OBJECT = frozenset(
    {"in", "at", "on", "off", "out", "up", "down", "by", "after", "before", "too", "again"}
    | {"first", "then", "there", "forever", "finally", "anyway", "eventually", "instead"}
)
# Talk about the show as a show, the object of a figure ("murders every scene she's in")
_SHOW_TALK = frozenset({"scene", "episode", "ep", "season", "series", "show", "arc"})
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
# Who may open a clause of their own after an intention's verb, unless the clause is
# what the verb says ("wants to tell them she dies", "to see if he makes it")
_SUBJECTS = frozenset({"she", "he", "they"})
_REPORTED = frozenset({"that", "if", "whether", "them", "us", "me", "him", "her", "everyone"})


class _Cancelled(_Elided):
    """Reasons a fate word found tells no outcome of ours (asked by `_What._cues`)."""

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
            if (
                k + 1 == at
                and words[at].text.endswith("ing")
                and at + 1 < len(words)
                and not _apart(s, at, at + 1)
                and s.text[words[k].end : words[at].start].strip() == ":"
            ):
                # "she got her wish: breathing her last in his arms": what the thing is,
                # told after a colon, not the thing's fate ("Her career: dying." is)
                return False
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
        if k < 0 or _apart(s, k, at) or k in self._named_in(s):
            return False
        if k in grammar.get("body_part", _NONE):
            return True
        return (
            k in grammar.get("writers_people", _NONE)
            and k > 0
            and words[k - 1].text in ("my", "our")
            and not _apart(s, k - 1, k)
            # "Danny, Gordo's son, not my cousin, gets exiled": a contrast, not the subject
            and not (k > 1 and k - 2 in grammar.get("negation", _NONE))
        )

    def _writers_reaction(self, s: _Sentence, at: int) -> bool:
        """Whether a fate word is the writer's own state after a `reaction` ("had me on
        the floor, dead, gone"): it follows the phrase or a comma, only fate words follow
        it to the sentence's end, and nobody is named or pointed at from the phrase on
        ("had me sobbing, everybody dies", "got me thinking, Karen dies" are fates)."""
        reaction = s.grammar["reaction"]
        ends = [k + 1 for k in reaction if k + 1 not in reaction and k < at]
        if not ends:
            return False
        end = max(ends)
        if at - end > 6 or not (at == end or _apart(s, at - 1, at)):
            return False
        if any(m.start >= end for m in s.mentions) or any(
            k >= end for k in s.grammar.get("pronoun", _NONE)
        ):
            return False
        fates = {
            k for c in ("cue", "weak", "action") for f in s.of(c) for k in range(f.start, f.end)
        }
        return all(k in fates for k in range(at, len(s.words)))

    def _desired(self, s: _Sentence, at: int) -> bool:
        """Whether a rule's phrase is what someone wants or means to do, just before it
        in its clause ("dying to tell Margo", "dead set on selling the Outpost", "wants
        to sell"): an intention, not what happened. One whose object is someone named
        right after it is a topic, not an act ("the more I think about Deke's grave")."""
        desire = s.grammar.get("desire", _NONE)
        if any(
            k + 1 < at and k + 1 not in desire and m.start == k + 1 and m.persons
            for k in desire
            for m in s.mentions
        ):
            return False
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
