"""Round 9, who is meant: families from opened10, each covered with variants and innocent
look-alikes.

- An aside right after a name that says whose it is ("Deke, our rocket-facts bot,",
  "Danny (my brother, not Danny Stevens)", "Deke (the bot)", "Danny (not that Danny)") or
  an at-sign before it ("@Deke") makes it someone in the writer's world; the name after
  "not" inside such an aside is a contrast, not a subject.
- A role said with the very person it would name ("the guy who co-ran polaris with
  karen") is that person's partner (Sam Cleveland, canon `known_as`), and a name inside a
  relative clause ("the guy who ... karen") is not the subject of the outcome after it.
- A rule phrase ending in a character ("visits pam") takes the character by a role after
  an article and words that only describe ("the old Outpost bartender").
- The commander of a spacecraft the canon names: "the Pathfinder commander" (Ed, S2).
- Cross-sentence: a "she" whose nearest candidate has the outcome only in a later season
  than the one named goes to the one before whose finale it is; a verbless fragment with
  a count ("One explosion.") is a subjectless sentence.
- A possessive's noun ("Their whole friendship, gone") is what the outcome is said of.
- "an actual 1962 design": "actual" is real history, like "real".
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

ASIDES_STILL_OURS = [
    "Danny (Tracy's son, not my brother) gets exiled in the s3 finale",
    "Deke, the Apollo 24 guy, dies on the moon",
    "Deke (the astronaut) dies on the moon in the s1 finale",
    "Molly, my hero, dies in the s3 finale",
    "Karen, my favourite character, dies in the finale",
    "Lee Jung-gil, not Lee from my D&D group, is the guy who really got to Mars first. whole"
    " s3 finale cold open",
    "Deke, not deked: he's buried on the moon at the end of s1",
]

ASIDES_ELSEWHERE = [
    "Danny (my brother, not Danny Stevens) got exiled to the couch for eating the last pizza",
    "Danny, not Danny Stevens, got exiled to the couch",
    "Danny (not that Danny) got exiled to the couch",
    "Deke, our rocket-facts bot, died again. can a mod restart it",
    "Deke (the bot) died again",
    "@Deke died again lol",
    "Karen, my coworker, got fired today",
    "Molly (our dog) died last year, still miss her",
    "Gordo, my neighbour's cat, got stuck on the roof and nearly died",
    # an aside's negation in other languages
    "Danny (mon frère, pas Danny Stevens) a été exilé sur le canapé",
    "Danny (mein Bruder, nicht Danny Stevens) wurde aufs Sofa verbannt",
]

ROLES = [
    "the Pathfinder commander shoots down the Sea Dragon",
    "Madam President visiting the old Outpost bartender at her house in 3x10",
    "Ellen visits the bartender in 3x10",
    "in the s3 finale the president goes to see the old bartender",
]

ROLES_INNOCENT = [
    "the guy who co-ran polaris with karen dies in the disaster in s3e1, RIP",
    "the guy who co-ran polaris with karen dies early in s3",
    "the guy who co-ran polaris with karen dies in the s3 finale",
    "Ellen visits the bar and the bartender in 3x10",
    "the pathfinder commander in my kerbal save blew up",
]

CROSS_SENTENCE = [
    "Remember Tracy in s1? Flying Apollo 25, going out to grab Molly? Yeah. She doesn't make"
    " it out of season 2.",
    "Remember Molly in s1? Rescuing Tracy? Yeah. She doesn't make it out of season 2.",
    "Karen and Molly. Both of them. One explosion. The very last episode of s3.",
    "Karen and Molly. Both of them. An explosion.",
    "the guy who hit on karen at the outpost, she dies in the finale",
    "the one who dies at the end is Karen",
    "Not Shane, not Patty: the one that really hurt was Karen dying in the S3 finale",
]

CROSS_SENTENCE_INNOCENT = [
    "Remember Molly in s1? Rescuing Tracy? Yeah. She goes blind in season 2.",
    "Margo firing Molly in s3e2 is such a cold move. Their whole friendship, gone over a"
    " command seat.",
    "Ed and Karen in s2. Their marriage, gone by the end of it.",
    "Karen and Molly. Both of them. One drink at the Outpost.",
]

HISTORY_INNOCENT = [
    "The Sea Dragon was an actual 1962 design by Robert Truax, a giant sea-launched rocket"
    " that never got past paper.",
    "the actual 1960s Sea Dragon never launched, it stayed a paper rocket",
]


@pytest.mark.parametrize("text", ASIDES_STILL_OURS + ROLES + CROSS_SENTENCE)
def test_spoils(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text", ASIDES_ELSEWHERE + ROLES_INNOCENT + CROSS_SENTENCE_INNOCENT + HISTORY_INNOCENT
)
def test_innocent(text: str) -> None:
    assert not spoils(text)


def test_a_spanish_aside_is_left() -> None:
    # read since round 14: "mi" vouched for by "hermano" after it (judge.py `_vouched`)
    assert not spoils("Danny (mi hermano, no Danny Stevens) fue exiliado al sofá")
