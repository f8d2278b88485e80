"""Who a message means: namesakes, real people, contrasts, roles from the canon data,
and a rule's phrase naming its character another way (issue 9, round 4).

Every message is written for this test, each pinning one general behaviour; the corpora
measure how often the guard is right.
"""

from __future__ import annotations

import pytest

from bot.guard import inspect
from tests.finale_matcher import matcher, spoils


def characters(text: str) -> set[str | None]:
    """The characters of the evidence the guard would act on."""
    verdict = inspect(text, matcher())
    return {e.character for e in verdict.evidence if e.score >= verdict.threshold}


# --- someone else's name ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dev on my team got pushed out after the reorg",  # "on my team", like "from HR"
        "my niece Kelly just had her baby!",  # a relative the list of kin names
        "my wife Karen nearly died laughing at the trailer",  # a relation word is kin too
        "the Outpost bar in my town got sold to a chain",  # a thing in the writer's world
        "the real Sea Dragon was a 60s design meant to launch from the ocean",  # a decade
    ],
)
def test_someone_else_or_something_else(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        # a negated namesake is ours after all
        "not my coworker Molly, the astronaut: she dies in the bombing in the s3 finale",
        # named after the character: the character is the original
        "i named my dog after Gordo before I knew he dies on the moon",
        # "real" that describes another noun, past a comma, is not the person's
        "unlike real history, Sally Ride pulls a gun on Ed in the s2 finale",
        # the real thing, but the show's after "but in the show"
        "real Sea Dragon never flew but in the show one launches out of the ocean",
    ],
)
def test_the_show_s_character_after_all(text: str) -> None:
    assert spoils(text)


def test_a_namesake_points_at_the_character_it_is_named_after() -> None:
    text = "my coworker is called Margo and I tell her that her namesake fakes her own death"
    assert characters(text) == {"margo-madison"}
    assert not spoils("my coworker is called Margo and her namesake is my favourite")


def test_a_pronoun_after_history_points_at_the_show_s_version() -> None:
    assert characters("In real life Deke lived to see the shuttle. In FAM he dies on the moon.")
    assert not spoils("The real Deke Slayton lived into the 90s. He loved flying.")


# --- contrasts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Danny not Dani gets exiled to the lander", "danny-stevens"),
        ("Dani not Danny survives the riot", "danielle-poole"),
        ("Gordo not Gordon Ramsay dies on the moon", "gordo-stevens"),
        ("Kelly Baldwin not Kelly Clarkson gives birth on Phoenix", "kelly-baldwin"),
    ],
)
def test_not_before_a_name_contrasts_names_and_negates_nothing(text: str, who: str) -> None:
    assert who in characters(text)
    # the name after "not" is not the subject
    assert characters("Danny not Dani gets exiled to the lander") == {"danny-stevens"}


def test_a_negation_of_the_outcome_still_flips_it() -> None:
    assert not spoils("Gordo does not die")


# --- roles and relations from the canon data ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("the first woman president shows up at Pam's door in the s3 finale", "ellen-wilson"),
        ("the Phoenix commander gives up the ride home in the s3 finale", "ed-baldwin"),
        ("the chief of the astronaut office is buried on the moon", "deke-slayton"),
        ("Pam's girlfriend goes to see her in the s3 finale", "ellen-wilson"),
    ],
)
def test_roles_and_relations_from_the_canon_data(text: str, who: str) -> None:
    assert who in characters(text)


# --- a rule's phrase naming its character another way ----------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # "goes to see pam", Pam as a pronoun; "she" is still Ellen
        (
            "Ellen has dodged Pam for years. In the finale she finally goes to see her.",
            "ellen-wilson",
        ),
        # Pam as a relation of the president
        ("the president shows up at her old girlfriend's house at the end of s3", "ellen-wilson"),
        # "tells margo", Margo as a pronoun
        (
            "Aleida visits Margo in the s4 finale. she's the one who tells her sergei is dead",
            "aleida-rosales",
        ),
    ],
)
def test_a_phrase_s_character_named_another_way(text: str, who: str) -> None:
    assert who in characters(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ellen loves Pam. She visits her mom a lot.",  # not Pam: her mother
        "Ellen and Larry. In the finale she finally goes to see him.",  # not Pam
    ],
)
def test_a_phrase_s_character_must_be_the_one_pointed_at(text: str) -> None:
    assert not spoils(text)


# --- deaths said through a relative --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Marge Slayton becomes a widow at the end of s1", "deke-slayton"),
        ("Wayne becomes a widower in the s3 finale", "molly-cobb"),
        # a hint ("loses") whose object is a relative is a death, plainly
        ("Marge loses her husband on the moon", "deke-slayton"),
        ("Ed loses his wife in the s3 finale", "karen-baldwin"),
    ],
)
def test_a_death_said_through_a_relative(text: str, who: str) -> None:
    assert who in characters(text)


@pytest.mark.parametrize(
    "text",
    [
        "Danielle is Clayton's widow",  # Clayton's death is not a finale's
        "Danny loses his mom's ring",  # the relative owns the object, not lost
    ],
)
def test_a_relative_that_is_not_a_death(text: str) -> None:
    assert not spoils(text)


# --- misspelt names -------------------------------------------------------------------------


def test_a_misspelt_name_with_a_plain_outcome_in_a_message_about_the_show() -> None:
    assert characters("Moly dies in the bombing") == {"molly-cobb"}
    # read as two names ("Margo", "Marge"): either, whichever the typo index offers first
    assert "margo-madison" in characters("margoe fakes her death in the finale omg")
    # not about the show: a look-alike name stays in the review band at best
    assert not spoils("Karin died last year")


# --- whose outcome it is ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Shane dies and Karen blames Ed",  # Shane's death, not Karen's
        "Karen watches Shane die in ep 8",
        "Patty dies and Molly is furious",
        "Alexei dies and Kelly finds out she is pregnant",
    ],
)
def test_an_outcome_belongs_to_whoever_comes_just_before_it(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Gordo, Tracy and Danny die", "gordo-stevens"),  # the whole list before it
        ("Karen and Molly both die at JSC", "molly-cobb"),
        # a later name with no verb of its own shares it
        ("Paine dies on KAL 007 in ep 7, then Tracy in the finale", "tracy-stevens"),
        ("Karen dies and Ed falls apart", "karen-baldwin"),
    ],
)
def test_an_outcome_shared_by_a_list_or_a_gap(text: str, who: str) -> None:
    assert who in characters(text)


# --- history words ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Deke Slayton was one of the Mercury Seven and died of cancer",
        "the historical Deke Slayton died of cancer",
    ],
)
def test_history_talk_about_a_real_person(text: str) -> None:
    assert not spoils(text)


def test_fond_words_are_no_relatives() -> None:
    # "my girl", "my boy" said of a favourite character, unlike "my wife Karen"
    assert characters("my girl Karen dies in the s3 finale") == {"karen-baldwin"}
    assert characters("our boy Gordo dies on the moon") == {"gordo-stevens"}


# --- relations: which of their people ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Ed's friend Gordo dies in the s2 finale", "gordo-stevens"),
        ("Tracy's ex dies with her", "gordo-stevens"),  # "ex" is a husband too
        # ... and a partner: Pam, for the phrase "goes to see pam"
        ("The first woman president goes to see her ex in the s3 finale", "ellen-wilson"),
        # the name after a relation said by its verb is its owner, not an apposition
        ("the kid Gordo and Tracy raised gets left alone on Mars", "danny-stevens"),
        # only the first name after "named" is the one named
        ("named my daughter Kelly and then Kelly gives birth in orbit", "kelly-baldwin"),
    ],
)
def test_which_relative(text: str, who: str) -> None:
    assert who in characters(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tracy's husband Sam dies in the Polaris disaster",  # Sam, not Gordo
        "Ed's friend Bob dies",  # nobody of ours
    ],
)
def test_a_name_after_a_relation_says_which(text: str) -> None:
    assert not spoils(text)


def test_a_surname_that_is_a_word_is_no_phrase_s_character() -> None:
    # "give up their ride" is a rule phrase; "ride" is Sally Ride's surname, not a slot
    matcher_slots = {phrase for slots in matcher()._slotted.values() for phrase, _ in slots}
    assert "visits pam" in matcher_slots
    assert not any(phrase.endswith(" ride") for phrase in matcher_slots)


def test_a_year_with_a_character_of_the_show_s_own_is_the_show() -> None:
    # Ed Baldwin is fictional: the year is the story's, not history
    assert characters("in 1983 Sally Ride pulls a gun on Ed") == {"sally-ride"}
    assert not spoils("Sally Ride in 1983 was the first American woman in space, no gun")
    assert not spoils("my uncle Ed says Deke died in 1993")


def test_he_or_she_is_whoever_of_them_the_outcome_fits() -> None:
    # the first "he" named (Harry, Ed) has no such fate; the other one named there has
    assert characters("Harry and Deke crash on the moon. He dies of his wounds.") == {
        "deke-slayton"
    }
    assert characters("Ed and Gordo are friends. He dies on the moon.") == {"gordo-stevens"}
    # nobody named there has it: nothing
    assert not spoils("Shane and Ed are close. He dies in ep 8.")


@pytest.mark.parametrize(
    "text",
    [
        "my dad said Deke dies in the finale",  # the relative is the teller, not Deke
        "my sister spoiled that Margo fakes her death",
    ],
)
def test_a_relative_of_the_writer_elsewhere_in_the_sentence_names_nobody(text: str) -> None:
    assert spoils(text)
    assert not spoils("my old dog Gordo died")  # the noun right before the name does


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Karen in my opinion dies too early", "karen-baldwin"),  # not "Kelly in my class"
        ("my Karen dies in the finale 😭", "karen-baldwin"),  # fondly, in a show sentence
        ("our Molly is gone after the bombing", "molly-cobb"),
        # a role's words across a parenthesis are no role (not Margo, "boss" + "JSC")
        ("Karen (the character, not my boss) dies at JSC", "karen-baldwin"),
    ],
)
def test_ours_after_all(text: str, who: str) -> None:
    assert characters(text) == {who}


@pytest.mark.parametrize(
    "text", ["my Karen died last week", "our Gordo died at the vet", "Kelly in my class had a baby"]
)
def test_still_someone_else(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("the father of Danny and Jimmy dies on the moon", "gordo-stevens"),
        ("the mother of Kelly dies in the bombing", "karen-baldwin"),
        ("the woman in charge of Happy Valley survives being shot", "danielle-poole"),
    ],
)
def test_a_relation_of_its_owners_and_more_role_words(text: str, who: str) -> None:
    assert characters(text) == {who}


def test_a_family_name_in_the_plural_owns_a_relation() -> None:
    assert characters("the Baldwins' daughter gives birth in orbit") == {"kelly-baldwin"}
    assert characters("the Stevenses' eldest is exiled") == {"danny-stevens"}


def test_an_outcome_in_a_season_before_its_finale_is_another_event() -> None:
    # Moscow in season 2 is not the season 3 finale's; the review band at most
    verdict = inspect("Margo goes to Moscow for the summit in s2", matcher())
    assert not verdict and verdict.in_review_band
    assert characters("Margo's s2 arc is great but she fakes her death in s3") == {"margo-madison"}
    # a subject after its outcome goes with its own clause's season
    assert characters("He loses his son in s1 and his wife Karen in the s3 finale")


def test_the_outpost_bought_by_sam() -> None:
    assert spoils("Sam buys the Outpost off Karen in the s2 finale")
    assert not spoils("I bought a shirt at the Outpost bar gift shop")
