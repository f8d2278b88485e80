"""Real history beside the show's story: a clause about history turned to the show, the
show's version of whoever and whatever was set aside as history, and a real person's
outcome only the show has (moved out of who.py; who.py decides who is someone else)."""

from __future__ import annotations

from collections.abc import Collection

from bot.guard.matcher import Found
from bot.guard.reading import (
    _EPISODE_CODE,
    _JOINERS,
    _NONE,
    _apart,
    _clause_break,
    _Mention,
    _Reading,
    _Sentence,
)

_OUTCOME_REACH = 4  # words from a real person to their fate, and from it to the show's place


class _History(_Reading):
    """History set aside, and the show's version of it."""

    @staticmethod
    def _turned_to_show(s: _Sentence, real_at: Collection[int], at: int) -> bool:
        """Whether, in a sentence about real history, the words before ``at`` have turned
        to the show in a later clause: "real 1974 had no standoff on the moon, but in the
        s1 finale a cosmonaut ...", "... in 1962, while in the show the Sea Dragon ...".
        A show word (the show, a season, a finale) or a show version after the last word
        of history, with a clause break between them."""
        before = [k for k in real_at if k < at]
        if not before:
            return False
        last = max(before)
        turns = [*s.grammar.get("show_talk", ()), *s.grammar.get("show_version", ())]
        turns += [k for k in range(last + 1, at) if _EPISODE_CODE.match(s.words[k].text)]
        return any(last < k < at and _clause_break(s, last, k) for k in turns)

    def _show_versions(self, s: _Sentence) -> None:
        """ "irl Sally Ride never pulled a gun, but in the show she pulls one on Ed": the
        words that turn from real history to the show (show_version) stand for the show's
        version of whoever and whatever was set aside as history before them, in this
        sentence or the two before."""
        places: Collection[int] | None = s.grammar.get("show_version")
        earlier = self.read[max(0, s.index - 2) : s.index]
        persons = {p for e in earlier for p in e.aside}
        things = {t for e in earlier for t in e.aside_things}
        if not places:
            if not (persons or things or s.aside or s.aside_things):
                return
            # after history set aside, a clause that opens on the show's own talk (a
            # finale, a season, an episode) is the show's version too: "irl Sally Ride
            # never did, but in the s2 finale she ...", "the s2 finale version ..."
            places = self._show_talk_opening(s)
            if not places:
                return
        at = min(places)
        end = at + 1
        while end in places:
            end += 1
        if s.aside or s.aside_things:
            real = s.grammar.get("real", _NONE)
            if any(k < at for k in real):
                persons |= set(s.aside)
                things |= set(s.aside_things)
        if s.index and all(s.words[k].text in _JOINERS for k in range(at)):
            # "the Sea Dragon was never built. In the show Ed shoots one down": a sentence
            # opening with the show's version is set against the things of the one before
            things |= {m.thing for m in self.read[s.index - 1].mentions if m.thing}
        if persons:
            s.mentions.append(_Mention(at, end, frozenset(persons), how="show version"))
        for thing in sorted(things):
            s.mentions.append(_Mention(at, end, thing=thing, how="thing"))

    @staticmethod
    def _show_talk_opening(s: _Sentence) -> range | None:
        """The words from a clause's start to the show's talk (`show_talk`, a season or an
        episode code) among its first few words ("in the s2 finale", "im Staffelfinale",
        "the s1 post-credits"), or None."""
        words = s.words
        talk = set(s.grammar.get("show_talk", _NONE))
        start = 0
        for k in range(len(words)):
            if k and (_apart(s, k - 1, k) or words[k - 1].text in _JOINERS):
                start = k
            if k - start > _OUTCOME_REACH - 1:
                continue
            if k in talk or (k != start and _EPISODE_CODE.match(words[k].text)):
                return range(start, k + 1)
        return None

    @staticmethod
    def _show_only(s: _Sentence, f: Found) -> bool:
        """Whether a real person's own clause gives them an outcome only the show has: a
        fate said of them, then a place of the show's story (`show_place`) it happened
        at ("the real Deke Slayton died on the moon??", "el verdadero Deke murió en la
        luna"; not "died of brain cancer in 1993", "died in Texas, not on the moon")."""
        places = s.grammar.get("show_place")
        if not places:
            return False
        for cue in s.of("cue"):
            # the place after the fate, or before it in German ("ist auf dem Mond
            # gestorben"); in Japanese all three may be one run of text
            if not f.start <= cue.start <= f.end + _OUTCOME_REACH + 2:
                continue
            if cue.start >= f.end and _clause_break(s, f.end - 1, cue.start):
                continue
            for k in places:
                if f.start <= k <= cue.end + _OUTCOME_REACH and not _clause_break(
                    s, min(k, cue.start), max(k, cue.start)
                ):
                    return True
        return False
