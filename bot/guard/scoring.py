"""How sure the guard is of one connection between a subject and an outcome: whether the
message places it in an episode or season that is not its finale, how plain it is, what
a hint is worth, and which rules a subject and an outcome share. Whether it is asked
rather than told is in `asking.py`; names answering a question in `answers.py`."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from bot.guard.asking import _Asking
from bot.guard.normalise import Token
from bot.guard.reading import (
    _AND,
    _EPISODE_CODE,
    _FINALE_WORDS,
    _NONE,
    _apart,
    _clause_break,
    _Cue,
    _episodes,
    _lazy,
    _listing,
    _Mention,
    _names_finale,
    _Rule,
    _season_named,
    _Sentence,
)
from bot.guard.verdict import (
    ANYONE,
    DEDICATION_REACH,
    EMOJI_REACH,
    EPISODE_REACH,
    SEASON_NAMED,
    WEAK,
)

# Small words inside an episode named between a name and its emoji ("in the s1 finale")
_EPISODE_FILLER = frozenset({"the", "of", "at", "s"})
_NOT_EPISODE = frozenset({"in", "during", "by", "then", "and"})
# Before a season named after an outcome, what places the outcome in it ("dies in s2",
# "during season 1", "by the s4 premiere"); a season after it with none of these is a
# clause of its own ("...killed in the JSC bombing season 2 rules")
_PLACING = frozenset({"in", "during", "of", "by", "for", "until", "till", "from", "at", "on"})
_PLACING |= {"since", "the", "this", "that", "early", "late", "mid", "through", "em"}
_PLACING |= {"throughout", "en", "im", "nella", "na", "no", "dans", "la", "в"}


class _Scoring(_Asking):
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
            # going or coming home is an event of the episode named ("Ed finally gets to
            # go home in s3e2"), not a finale's homecoming still holding
            and not _homecoming(s, cue)
            and self._after_its_season(s, cue, mention, rule)
        )

    def _home_later(self, s: _Sentence, cue: _Cue, mention: _Mention, rule: _Rule) -> bool:
        """Whether a homecoming is placed in a season after the finale the rule gives away
        ("Ed finally gets to go home in season 3"): that season's, not the finale's."""
        return _homecoming(s, cue) and self._after_its_season(s, cue, mention, rule)

    def _season_with(self, s: _Sentence, cue: _Cue, mention: _Mention) -> int | None:
        """The season named nearest an outcome (or its subject, after it), in its clause."""
        named = self._seasons_in(s)
        if not named:
            return None
        words = s.words
        first = (mention.start, cue.start) if mention.start > cue.start else (cue.start,)
        last = len(words) - 1
        for at in first:
            low = bisect_left(named, at - EPISODE_REACH, key=_where)
            high = bisect_right(named, at + EPISODE_REACH, key=_where)
            near = [
                (abs(k - at), season)
                for k, season in named[low:high]
                if abs(k - at) <= EPISODE_REACH
                # a cue just past a sentence's last name ("s3 killed Karen.") has no word
                and not _clause_break(s, min(k, at), min(max(k, at), last))
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
            named = sorted((k, season) for k, season in named if not self._who_from(s, k))
            self._seasons_at[s.index] = named  # in word order: looked up by bisection
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

    def _beside(self, s: _Sentence, mention: _Mention, cue: _Cue, rule: _Rule) -> bool:
        """An emoji counts right after a name, or after a list of names ("Gordo + Tracy = ⚰"),
        or with only the episode between them ("karen 3x10: ⚰", "Deke in the s1 finale 🪦")."""
        if cue.start < mention.end:
            return self._leading_emoji(s, mention, cue, rule)
        between = range(mention.end, cue.start)
        if len(between) > EMOJI_REACH + 4:
            return False
        named = self._named_in(s)
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

    def _leading_emoji(self, s: _Sentence, mention: _Mention, cue: _Cue, rule: _Rule) -> bool:
        """An emoji run that leads up to a name, opening its sentence or after an episode
        alone ("2x10 ☢️🫂⚰️⚰️ Gordo & Tracy", "⚰️ Karen, 3x10"): the run says the name's fate."""
        if cue.end > mention.start or mention.start - cue.end > DEDICATION_REACH:
            return False  # too far for either: the dedication is not even looked at
        words = s.words
        beside = mention.start - cue.end <= EMOJI_REACH and not any(
            words[k].text[:1].isalnum() for k in range(cue.end, mention.start)
        )
        dedicated = not beside and self._dedicated(s, cue, mention, rule)
        if not beside and not dedicated:
            return False
        k = _run_start(words, cue.start)
        if not all(_listing(t := words[j].text) or t in _EPISODE_FILLER for j in range(k)):
            return False
        # and the sentence names an episode or a finale, so the run is about the story;
        # a run dedicated to someone says their fate without one ("🪦 for Karen")
        return dedicated or any(
            w.text in _FINALE_WORDS or _EPISODE_CODE.match(w.text) for w in words
        )

    def _dedicated(self, s: _Sentence, cue: _Cue, mention: _Mention, rule: _Rule) -> bool:
        """Whether the emoji run is dedicated to the one named after it: a `dedicating`
        word ("for", "to", "f", "pour", "für"...), perhaps an article, then the name, which
        owns nothing ("🪦 for Karen", "⚰️⚰️ for the Stevens parents"; not "💀 for Molly's
        one-liners", "🪦 for my sleep schedule"). With no finale named, the names end
        their clause (or a show's place follows: "⚰️ for Tracy at Jamestown") and what
        follows places them in no earlier episode and laughs at nothing ("⚰️ for Deke,
        he's sooo tired of Ed's attitude in 1x02", "🪦 for Margo, she never leaves mission
        control in s1" are remarks); a `laughing_fate` emoji (💀, ☠) is then laughter,
        and a `faint_fate` one (🕯) a candle unless nothing follows the names ("🕯️ for
        Molly, happy birthday Sonya Walger")."""
        grammar = s.grammar
        dedicating = grammar.get("dedicating")
        if not dedicating:
            return False
        words = s.words
        owners = grammar.get("owner", _NONE)
        starts = self._listed_at(s)
        between = [
            k
            for k in range(cue.end, mention.start)
            if words[k].text[:1].isalnum() and k not in owners and not self._owning(s, k)
        ]
        if not between or between[0] not in dedicating or len(between) > 2:
            return False
        if len(between) == 2 and words[between[1]].text not in self.m._determiners:
            return False
        # the names listed after it own nothing: not "🕯️ for Karen and Ed's dinner"
        end = mention.end
        while True:
            if end in owners:
                return False
            k = end + 1 if end < len(words) and words[end].text in _AND else end
            listed = starts.get(k)
            if listed is None:
                break
            end = listed.end
        if _names_finale(words):
            return True
        run = _run_start(words, cue.start)
        if any(k in grammar.get("laughing_fate", _NONE) for k in range(run, cue.end)):
            return False  # "💀 for Tracy in that karaoke scene"
        if end == len(words):
            return True  # "🕯️ to Molly", "🪦🪦 for Gordo and Tracy"
        if any(k in grammar.get("faint_fate", _NONE) for k in range(run, cue.end)):
            return False  # "🕯️ for Karen, lighting one while I rewatch s1 tonight"
        if not _apart(s, end - 1, end) and end not in grammar.get("show_place", _NONE):
            return False  # "⚰️ for Tracy in that karaoke scene"
        if grammar.get("laughter") or any(
            k >= end and not finale for k, finale in _episodes(words)
        ):
            return False  # "⚰️ to Gordo, he got destroyed at poker again in 1x06 lol"
        # nor an earlier season than the rule's: not "⚰️ to Danny, he got roasted so hard
        # by Jimmy in s2" (exiled in s3); "🪦 to Gordo, the real mvp of s2" is his
        return rule.season is None or not any(
            k >= end and season < rule.season for k, season in self._seasons_in(s)
        )

    def _listed_at(self, s: _Sentence) -> dict[int, _Mention]:
        """The characters a sentence names, by where each starts (read once a sentence)."""
        listed = self._listed.get(s.index)
        if listed is None:
            listed = self._listed[s.index] = {}
            for m in s.mentions:
                if m.persons:
                    listed.setdefault(m.start, m)  # the first read there, as the walk meets it
        return listed

    def _owning(self, s: _Sentence, k: int) -> bool:
        """Whether the word at ``k`` is part of a name owning a relation ("Ed" in "🪦 for
        Ed's wife"): part of the name."""
        owners = s.grammar.get("owner", _NONE)
        return any(m.persons and m.end in owners and m.start <= k < m.end for m in s.mentions)


def _where(named: tuple[int, int]) -> int:
    """Where a season is named (the key its list is kept in order by)."""
    return named[0]


def _run_start(words: Sequence[Token], k: int) -> int:
    """Where the run of emoji and symbols that ``k`` ends starts (back to the last word)."""
    while k and not words[k - 1].text[:1].isalnum():
        k -= 1
    return k


def _homecoming(s: _Sentence, cue: _Cue) -> bool:
    """Whether an outcome says a going or coming home ("gets to go home", `homecoming`)."""
    home = s.grammar.get("homecoming")
    return home is not None and any(k in home for k in range(cue.start, cue.end))
