"""Who a message means: classes learnt from the opened sets (issue 9, round 5), written
by outsiders. Every message here is written for this test, with other names, words and
episodes than the corpus messages that taught the class; innocent look-alikes beside.
"""

from __future__ import annotations

import pytest

from bot.guard import inspect
from tests.finale_matcher import matcher, spoils


def characters(text: str) -> set[str | None]:
    """The characters of the evidence the guard would act on."""
    verdict = inspect(text, matcher())
    return {e.character for e in verdict.evidence if e.score >= verdict.threshold}


# --- a later season shows an earlier finale's fate still holding ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "in s4e8 Sergei is living under a new name, a free man at last",
        "Sergei shows up in 4x08 in Iowa, a free man",  # "4x08" names season 4
        "Margo is alive and working for the Soviets in season 4 episode 2",
    ],
)
def test_a_later_season_shows_an_earlier_finale_s_fate(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Margo flies to Moscow for the summit in s2e4",  # before its finale: another event
        "the Soviets dig something up in the mine in s2e3",  # an event does not hold on
    ],
)
def test_an_episode_before_the_finale_or_an_event_is_no_restatement(text: str) -> None:
    assert not spoils(text)


# --- a pronoun object is not the subject of its own verb --------------------------------


def test_the_one_told_is_not_the_teller() -> None:
    text = "Margo waits at the hotel. Aleida has to tell her he's dead."
    assert characters(text) == {"aleida-rosales"}


def test_the_object_pronoun_with_nobody_earlier_to_point_at() -> None:
    assert not spoils("Aleida brings the report and tells her he is fine.")


@pytest.mark.parametrize(
    "text",
    [
        "Karen is killed in the JSC bombing season 2 rules",  # a clause of its own
        "Molly dies in the bombing, s1 was better tho",
    ],
)
def test_a_season_after_the_outcome_places_it_only_with_a_placing_word(text: str) -> None:
    assert spoils(text)


# --- roles and relations ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # an ordinal picks among a relation's people, in the order they became so
        ("tracy's first husband never comes home from the moon", "gordo-stevens"),
        ("Tracy's 1st husband dies fixing the reactor", "gordo-stevens"),
        # a real person owning a relation: the year is the relative's story, not history
        ("Wernher von Braun's protege defects and is living in Moscow by 2003", "margo-madison"),
        # a job as the story stands in season 4
        ("the roscosmos consultant gets arrested covering for Aleida in s4", "margo-madison"),
    ],
)
def test_who_a_role_or_relation_means(text: str, who: str) -> None:
    assert who in characters(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tracy's second husband dies when Polaris goes down in the s3 premiere",  # Sam
        "the roscosmos consultant gets arrested in s1",  # no such role in season 1
        "Deke Slayton's wife died in 1989",  # history, both of them real
    ],
)
def test_a_role_or_relation_that_means_nobody_with_a_finale(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pam finally gets a visit from Ellen at the end of season 3",
        "in the s3 finale Pam makes up with the president",  # the president: Ellen, by s3
        "the joint mission goes ahead and Dani defies orders to dock",
    ],
)
def test_an_outcome_said_of_its_other_party(text: str) -> None:
    assert spoils(text)


# --- named after a character: "the one who..." is the character --------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("my goldfish is called Molly after the astronaut who dies at JSC", "molly-cobb"),
        (
            "we named our puppy Karen, after the one who gets blown up in the s3 finale",
            "karen-baldwin",
        ),
        ("named my bonsai Deke. rip to the guy they buried up at Jamestown", "deke-slayton"),
    ],
)
def test_the_original_of_a_name(text: str, who: str) -> None:
    assert who in characters(text)


@pytest.mark.parametrize(
    "text",
    [
        "my son is called Gordo, after my grandpa, the one who died in Korea",
        "I named my dog Gordo, he's the one who ate my shoes and nearly died",
        "my hamster is named Karen and she is the one that died last week",
        "my aunt Karen is the one who dies first in every horror movie",  # no naming
    ],
)
def test_the_one_who_is_not_the_original(text: str) -> None:
    assert not spoils(text)


# --- across sentences --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a sentence of nothing but pointing words keeps the subject for the next
        "Karen and Molly. The two of them. In the rubble at JSC.",
        "Deke. Him. On the moon forever, in a grave.",
        # "only one of them" makes a hint of survival plain: the other did not
        "Deke and Ellen nurse the crippled ship home. Only one of them walks away.",
        "Karen and Molly are at JSC that day. Only one of them makes it out.",
        # a fate said by where someone never leaves, pointed back at
        "Gordo gets his redemption in s2. He never makes it off the moon though.",
    ],
)
def test_a_subject_carried_across_sentences(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gordo and Tracy fight a lot in s1. Only one of them makes it to the party.",
        "Molly and Karen. Both of them. In the same scene at the Outpost, what a cast.",
        "Tracy is stuck up there for months in s1. She never leaves the moon in s1.",
    ],
)
def test_no_subject_carried_to_an_innocent_sentence(text: str) -> None:
    assert not spoils(text)


# --- real history, then the show's version of it -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a real thing set aside, then the show's version in the next sentence
        "the real Sea Dragon never left the drawing board. in the show Ed shoots it down",
        # a real person set aside, then the show's version in the same sentence
        "the real Deke Slayton lived to 1993, but in the show he's buried on the moon",
        "in real life Deke flew on Apollo-Soyuz; the show version is buried at Jamestown",
    ],
)
def test_the_show_s_version_after_real_history(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "the real Sea Dragon was never built. in the show it's just a design Ed likes",
        "the real Deke Slayton died in 1993; the show version is played by Chris Bauer",
        "in the show the Sea Dragon is a big rocket that launches from the ocean in s1e2",
    ],
)
def test_the_show_s_version_with_no_finale_outcome(text: str) -> None:
    assert not spoils(text)


# --- look-alikes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "our senior dev got kicked out after the merger, rough week",  # a developer
        "the dev team got fired before launch",
        "Molly's arrested development as a character bugs me",  # the idiom, still
    ],
)
def test_a_name_or_a_fate_word_that_is_something_else(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dev: pushed out of Helios. season 3 finale in a nutshell",  # still Dev
        "a Dev lo echan de Helios en el final de la temporada 3",  # "to Dev", in Spanish
        "karen: killed. outpost: sold. s3 summed up",
        "margo: arrested. development: none.",  # no idiom across the full stop
    ],
)
def test_a_name_and_a_fate_in_a_terse_list(text: str) -> None:
    assert spoils(text)


# --- a fate said by absence, a hypothetical, an owned ellipsis ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Molly carries the whole astronaut corps. She never even makes it to s4.",
        "Karen doesn't live to see season four",  # "season four": a season in words
        "Gordo doesn't show up in season 3 and we all know why",
        # the possessive with no noun owns the last sentence's outcome
        "Shane's death is early in s1. Molly's is in the s3 finale.",
    ],
)
def test_a_fate_said_by_absence_or_by_an_owned_ellipsis(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Karen is iconic. She wouldn't last five minutes in my kitchen though",
        "Margo would never survive a day at my job lmao",
        "Molly got blasted by radiation out on the surface in 2x01",  # mid-season hazard
        "Shane's death is early in s1. Molly's husband is a background character.",
        "Ed doesn't get to see season 4 of his favourite sitcom lol",  # nobody's finale
    ],
)
def test_no_fate_in_a_hypothetical_or_hazard(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "the deputy administrator in s2 is the one who stayed on alone at Jamestown",
            "ellen-wilson",
        ),
        (
            "in s2 the acting administrator is the one who stayed behind alone on the moon",
            "ellen-wilson",
        ),
        ("Margo working for Roscosmos in season 4 still shocks me", "margo-madison"),
    ],
)
def test_a_job_held_later_points_at_its_holder(text: str, who: str) -> None:
    assert who in characters(text)


@pytest.mark.parametrize(
    "text",
    [
        "the acting administrator in s1 is Paine's deputy, and he dies in ep 7",
        "the Roscosmos chief in s3 is a great foil for Margo",
    ],
)
def test_a_job_that_is_not_theirs_then(text: str) -> None:
    assert not spoils(text)
