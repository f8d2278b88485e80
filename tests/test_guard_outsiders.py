"""Ways of saying what happened that outsiders' messages taught the guard in round 5
(tests/corpus/opened*.toml): slang and paraphrase the vocabulary lacked, a fate emoji with
the episode between it and the name, spelled-out contractions, Title Case, questions and
figures of speech. Each case is written for this test (other names and words than the
corpus), with innocent look-alikes; the other languages are in
test_guard_outsiders_languages.py.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- a fate emoji with only the episode between it and the name -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "gordo 2x10 💀",
        "Molly in the season 3 finale ⚰️",
        "Tracy s2e10 🪦",
        "Danny's mom ⚰️",  # a relation right before the emoji: the emoji is no name
        "Tracy's ex 💀 in the s2 finale",
    ],
)
def test_a_fate_emoji_after_a_name_and_its_episode_spoils(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gordo in the s2 premiere 😭",  # no fate emoji
        "Deke at the bar 🪦",  # a place, not an episode, between them
        "Deke then 🪦",
        "Deke in ep 4 🪦",  # a mid-season episode
    ],
)
def test_a_fate_emoji_past_other_words_or_another_episode_does_not(text: str) -> None:
    assert not spoils(text)


# --- spelled out letter by letter, with an apostrophe ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "M-o-l-l-y d-i-d-n-'-t s-u-r-v-i-v-e",
        "m.a.r.g.o c.a.n.'.t g.o h.o.m.e",
        "T.r.a.c.y d.o.e.s.n.’.t m.a.k.e i.t",
    ],
)
def test_a_spelled_out_contraction_is_one_word(text: str) -> None:
    assert spoils(text)


# --- slang and paraphrase ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "sergei gets a ticket west at the end of s3",
        "By the finale Sergei is allowed to go west",
        "miles spills the beans to the cops in the finale",
        "miles tells them everything after the beating",
        "lee was the OG on mars",
        "Lee: true first on mars",
        "dev gets yeeted out of helios",
        "dev got booted from helios",
        "the sea dragon caught these hands",
        "ellen rolls up to pam's house at the end",
        "wait Sam got the outpost?",
        "Kelly's baby was born in orbit",
        "the heist goes through in the s4 finale",
        "goldilocks parked at mars forever",
        "gordo and tracy went out as heroes",
        "the s2 finale, gordo and tracy going out fixing the reactor",
    ],
)
def test_slang_and_paraphrase_spoil(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "gordo went out for drinks with tracy",  # a hint only, no finale
        "gordo and tracy going out again in s1 was cute",
        "Karen really buried the lede in that scene",
        "Ed and Karen bury the hatchet in s2",
        "Ellen is still gone on Pam in s1",
        "the heist plan in s4 is wild",
        "my uncle finally went west for work",
    ],
)
def test_their_innocent_look_alikes_do_not(text: str) -> None:
    assert not spoils(text)


# --- an outcome said again, an answer, a spy's errand -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Walter White dies in the finale. So does Karen in s3.",
        "Hank dies in Breaking Bad, same for Molly in the FAM s3 finale",
        "Ned Stark dies at the end of GoT s1. So does Deke in FAM.",
        "Rue gets killed in the Hunger Games, and so did Tracy in the s2 finale",
    ],
)
def test_so_does_says_the_last_outcome_again(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ed is so good. So is Karen.",
        "I love Molly, so does Karen",
        "Walter White dies. So does my hamster Karen.",
    ],
)
def test_so_does_without_an_outcome_before_it_says_nothing(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "who dies in the s3 finale? Karen and Molly.",
        "> does anybody die in the season 2 finale?\nTracy and Gordo. Both of them.",
        "anyone know who gets arrested in the s4 finale? Margo",
        "¿alguien muere en el final de la temporada 3? Karen y Molly.",
    ],
)
def test_names_answering_a_question_about_who_tell(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "does anyone die in the s1 finale? no spoilers pls",
        "who dies in the s3 finale? Karen?",  # the answer asks too
        "who did you cry for most? Karen and Molly",  # no outcome asked about
        "does anyone like the s2 finale? gordo fans unite",
        "who dies in ep 4? Karen.",  # not her finale
    ],
)
def test_questions_without_a_telling_answer_do_not(text: str) -> None:
    assert not spoils(text)


def test_passing_secrets_to_the_soviets_is_not_defecting() -> None:
    assert not spoils("Margo passing engine info to the Soviets all through s3 is so tense")
    assert not spoils("Margo feeds intel to the KGB in season 2")
    assert spoils("Margo runs to the Soviets in the end")


# --- slang -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "margo went full commie in the s3 finale",
        "tracy and gordo took one for the team up there in 2x10",
        "jsc go boom, karen and molly gone",
        "goldilocks heist: success. 4x10.",
        "the s2 finale really said bye to gordo",
    ],
)
def test_more_slang_spoils(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "bye gordo, see you in s2 lol",
        "ed took one for the team in the s1 press conference",
        "my code went boom at work today",
    ],
)
def test_more_slang_look_alikes_do_not(text: str) -> None:
    assert not spoils(text)


# --- a question after a statement asks only from its own clause -----------------------


def test_a_question_after_a_statement_asks_from_its_clause() -> None:
    assert not spoils("the goldilocks heist is a huge plan, will it be a success?")
    assert not spoils("season 3 is intense, does Karen die?")
    assert spoils("Karen dies in the s3 finale, will Ed be ok?")


# --- figures of speech ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Karen absolutely killed it in that s3 finale scene",  # "finale" is no "final scene"
        "Margo's speech in the s3 finale buried every other scene",
        "Deke is a dying breed of astronaut",
        "Miles works on the asteroid mining in s4",
    ],
)
def test_more_figures_of_speech_do_not_spoil(text: str) -> None:
    assert not spoils(text)


def test_their_literal_neighbours_still_spoil() -> None:
    assert spoils("Karen's final scene is the bombing")
    assert spoils("they buried Deke on the moon")
    assert spoils("the goldilocks heist works")


# --- Title Case -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Karen And Molly Die In The Bombing",
        "Gordo And Tracy Dying On The Moon Is Peak TV",
        "Margo Pulls A Houdini And Fakes Her Death",
        "Succession vibes when Dev Gets Pushed Out of Helios",
    ],
)
def test_a_message_in_title_case_still_names_the_characters(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ed Sheeran Is Coming To Town",
        "Karen Gillan Dies In Doctor Who",  # a surname that is no everyday word
        "Molly Ringwald Was Great In The Breakfast Club",
    ],
)
def test_a_title_case_namesake_is_still_someone_else(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "tracy n gordo r toast in the s2 finale",
        "sally drew down on ed in 2x10",
        "miles sang like a bird in the finale",
        "in Apollo 13 everyone comes home; in FAM Deke never does",
        "Molly comes back from every mission. Karen never did, after 3x10.",
    ],
)
def test_yet_more_slang_and_ellipsis_spoil(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Karen is no more annoying than Ed in the s3 finale",
        "Gordo dreams of going back to the moon, Ed never does",
        "miles sang karaoke in s4 ep 4",
    ],
)
def test_yet_more_look_alikes_do_not(text: str) -> None:
    assert not spoils(text)


# --- letters from other scripts, initialisms --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ꮶaren dies in the bombing",  # a Cherokee letter
        "Ꮇolly dies in the s3 finale",
        "Gørdø dies on the moon",  # a Latin letter with a stroke
        "Trąçy dies on the moon",
        "R.I.P. Karen, s3 finale",  # the initialism's dot ends no sentence
        "r.i.p. gordo and tracy",
    ],
)
def test_look_alike_letters_and_initialisms_spoil(text: str) -> None:
    assert spoils(text)


def test_their_innocent_twins_do_not() -> None:
    assert not spoils("Ꮶaren is the best character")
    assert not spoils("R.I.P. my sleep. Karen is great in the s3 premiere")


# --- questions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "was Gordo's death in the s2 finale necessary?",  # his death is taken as given
        "is Karen's death in the finale?",
        "did Molly's death have to happen at JSC?",
    ],
)
def test_a_question_about_an_outcome_someone_owns_tells(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "is it true that Molly dies? just started s3",
        "is it true Gordo dies in the s2 finale?",
    ],
)
def test_is_it_true_states_its_answer(text: str) -> None:
    # round 9: "is it true X" states X and asks only to have it confirmed (opened8 and
    # opened10 label such questions spoilers); see tests/test_guard_what_round9.py
    assert spoils(text)
    # a claim the finale does not bear out tells nothing
    assert not spoils("is it true Gordo survives the s2 finale?")


def test_spying_is_not_the_finales_defection() -> None:
    assert not spoils("did Margo really spy for the Soviets or was she tricked? I'm on s3e5")
    assert not spoils("Margo spying for Sergei all through season 2 is so tense")
    assert spoils("Margo defects to the Soviets in the end")
    assert spoils("Margo fakes her death and flees to Moscow")


def test_an_elided_outcome_and_a_thing_buried_in_words() -> None:
    assert spoils("||Gordo dies on the moon|| and Margo fakes hers in s3")
    assert spoils("Sergei got out to the US after the s3 finale")
    assert not spoils("Molly buries everyone in snark, love her")


def test_took_the_l_is_a_hint_of_loss() -> None:
    """ "took the L": a loss; a spoiler only where the finale makes it plain."""
    assert spoils("Dev took the L in the s3 finale")
    assert spoils("margo caught the L at the end of s4")
    assert not spoils("ed took the L on that argument lol")
    assert not spoils("Karen took the L in s1 lol")
    assert not spoils("Dev took the L in s4 ep 2")


# --- paraphrase without the outcome's usual word -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gordo and Tracy never leave the moon",
        "Tracy never makes it off the moon",
        "Miles gives up where they're hiding",
        "Sergei finally gets his freedom in the s3 finale",
        "Sergei is let out of the USSR",
        "Dev no longer runs Helios after the s3 finale",
        "Ed blows the Sea Dragon out of the sky",  # "Dragon" is ours, nobody else
        "Ellen ends up on Pam's doorstep",
        "Margo ends up in a cell in the s4 finale",
        "Kelly delivers on Phoenix",
    ],
)
def test_paraphrases_spoil(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gordo and Tracy leave the moon for a night out in s1",
        "Ed left the moon early in season 1",
        "Dev runs Helios like a cult",
        "Margo's office feels like a cell in s3",
        "the Sea Dragon design is wild",
    ],
)
def test_their_innocent_neighbours_stay_clean(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "finale body count:\nkaren\nmolly",
        "died in the s3 finale:\n- Karen\n- Molly",
        "RIP list (s2 finale):\nGordo\nTracy",
        "who dies in the s2 finale?\n\nGordo.\n\nTracy.",
    ],
)
def test_names_listed_under_a_heading_that_says_the_outcome_tell(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "my favourite characters:\nkaren\nmolly",
        "characters who die mid-season:\nShane\nPatty",
        "died in s1:\nKaren",  # not her finale
        "the s3 finale body count:\n||Karen\nMolly||",  # the names are hidden
    ],
)
def test_lists_that_do_not_tell_stay_clean(text: str) -> None:
    assert not spoils(text)


def test_an_intention_is_not_the_story() -> None:
    assert not spoils("Kelly wants to have the baby on Earth")
    assert not spoils("Margo wants to defect at first but changes her mind")
    assert spoils("ed gives up his seat so kelly can get to orbit and have the baby")
    assert spoils("Gordo wants to go home from the moon. He never does.")


def test_a_hint_is_plain_only_with_its_own_finale() -> None:
    assert spoils("gordo's gone in 2x10")  # an episode code names the finale too
    assert spoils("tracy and gordo took one for the team up there in 2x10")
    assert not spoils("karen, 1x10, gone")  # another season's finale
    assert not spoils("Gordo took one for the team at the press conference in s1")


def test_their_parents_belong_to_all_of_them() -> None:
    assert spoils("Danny and Jimmy lose both their parents on the Moon in the s2 finale")
    assert spoils("Danny and Jimmy lose their parents in s2")
    assert not spoils("both of them lose their jobs in s1")


def test_a_season_opening_a_new_thought_is_not_the_outcomes_time() -> None:
    assert spoils("Karen is killed in the JSC bombing season 2 rules")
    assert not spoils("Karen dies in season 2")  # (she does not: her finale is season 3's)
    assert not spoils("Margo goes to Moscow for the summit in s2")


@pytest.mark.parametrize(
    "text",
    [
        "no Molly in season 4 :(",
        "Karen isn't around for season 4",
        "season 4 without Karen and Molly hits different",
        "Karen's absence in s4 hurts",
        "Tracy is missing from season 3, we all know why",
    ],
)
def test_missing_from_the_next_season_tells_the_finales_fate(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Karen isn't around for season 1's launch party",
        "Danny is missing in s3 ep 5",
        "Karen is absent from s2 ep 4 lol",
        "no Karen in season 2 ep 3, she's at the bar",
    ],
)
def test_missing_from_an_episode_or_an_earlier_season_does_not(text: str) -> None:
    assert not spoils(text)


def test_a_gun_emoji_is_a_gun() -> None:
    assert spoils("sally 🔫 ed 2x10")
    assert not spoils("sally's 🔫 collection lol")
