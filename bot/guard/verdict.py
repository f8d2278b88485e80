"""The guard's verdict on a message (how sure, and why), and the numbers that set it:
the thresholds, what each way of connecting a subject with an outcome is worth, and how
far apart words may be and still go together."""

from __future__ import annotations

from dataclasses import dataclass

from bot.guard.layout import Layout, Span

DEFAULT_THRESHOLD = 0.6  # at or above: the guard tags the message
REVIEW_BAND = 0.35  # from here up to the threshold: moderators are asked, nothing deleted
NEAR, FAR, FARTHEST = 10, 20, 30  # token distances between a subject and an outcome
CLOSE, MIDDLE, DISTANT = 0.92, 0.8, 0.6  # the score at each distance
BACK_REFERENCE = 0.78  # an outcome in a later sentence, pointing back with a pronoun
SUBJECT_ONLY = 0.88  # a rule that needs no outcome ("boots on Mars", a server's term)
WEAK = 0.62  # a hint ("gone", "loses"): the review band at best
ANYONE = 0.68  # a name that could be anyone, in a message not about the show
ASKING = 0.3  # a bare yes/no question asks rather than tells
EMOJI_REACH = 2  # an emoji stands for a fate only right beside a name
NEGATION_REACH = 3
GERMAN_NEGATION_REACH = 6  # "nicht" after the verb, at its clause's end
FLIPS = {"death": "alive", "alive": "death", "return": "death", "home": "death"}
# What a negation makes of an outcome: the flips, and a rescue denied ("nobody could save
# her"), which is nothing when not denied ("Ed saves the day")
DENIED = FLIPS | {"rescue": "death", "kill": "spared"}
# Nothing unless denied: a rescue, a killing ("doesn't kill the cosmonaut": spared)
ONLY_DENIED = frozenset({"rescue", "kill"})
# Nothing unless one singled out of a group is its subject ("only one of them is still
# around by season 3": the others are not); backrefs.py reads it as the others' end
ONLY_SINGLED = frozenset({"still"})
CHAIN = 6  # sentences a chain of pronouns may reach back
SEASON_NAMED = 0.85  # a hint, in a message naming the season whose finale it gives away
IN_A_LINK = 0.8  # words seen only in a bare link address: shown, and a slug reads as prose
TYPO = 0.62  # a name or outcome read through a one-letter typo ("dyeing" is not "dying")
TYPO_IN_CONTEXT = 0.8  # a misspelt name with a plain outcome, in a message about the show
OTHER_EPISODE = 0.5  # the message places it in an episode that is not a finale
OBJECT_REACH = 4  # how far after an outcome its pronoun object may come ("...gets her")
EXPECT_REACH = 3  # from "would", "to" to the outcome it puts in the writer's guess
EPISODE_REACH = 8  # words from an outcome to the episode it happened in, in one clause
# Round 13's structures (what.py, asking.py, scoring.py)
SUPPOSING_REACH = 12  # words from "what if", "if only" to the outcome supposed
UNREAL_REACH = 3  # words from "had", "hätte", "avait" to the outcome it makes unreal
COMPARING_REACH = 8  # words from a negated outcome to a comparison ("like Karen")
JUDGING_REACH = 8  # words from an outcome to a judgement of it ("exiled to the lander fair")
# from an emoji run to the name it is for ("🪦 for the Stevens parents")
DEDICATION_REACH = EMOJI_REACH + 3


@dataclass(frozen=True)
class Evidence:
    """One reason to hide something: who, what happened, how they were connected."""

    rule: str  # the rule id, or "term:<text>" for a server's own term
    character: str | None  # the character id, when the subject is a character
    subject: str  # the words that named the subject, as written
    outcome: str  # the words that said what happened ("" for a rule without outcomes)
    how: str  # "same sentence", "pronoun", "role", "relation"...
    score: float
    sentences: tuple[int, ...]  # indices into Verdict.spans


@dataclass(frozen=True)
class Verdict:
    """The guard's reading of one message. True when something should be tagged."""

    page: Layout
    spans: tuple[Span, ...]  # every sentence, as read
    score: float  # how sure the guard is that the message spoils, 0..1
    evidence: tuple[Evidence, ...]  # best first
    threshold: float = DEFAULT_THRESHOLD
    forced: tuple[Span, ...] = ()  # spans to hide whatever the score (a moderator's call)

    @property
    def sentences(self) -> tuple[Span, ...]:
        """The sentences to hide: those of every piece of evidence at the threshold, and
        once there is one, those of the review band too."""
        if self.forced:
            return self.forced
        chosen = {i for e in self.evidence if e.score >= self.threshold for i in e.sentences}
        if chosen:  # reposted anyway: sentences of 0.35 and up are hidden too, at any level
            low = min(REVIEW_BAND, self.threshold)
            chosen |= {i for e in self.evidence if e.score >= low for i in e.sentences}
        return tuple(self.spans[i] for i in sorted(chosen))

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(e.rule for e in self.evidence if e.score >= self.threshold)

    @property
    def in_review_band(self) -> bool:
        return REVIEW_BAND <= self.score < self.threshold and not self.forced

    def __bool__(self) -> bool:
        return bool(self.sentences)
