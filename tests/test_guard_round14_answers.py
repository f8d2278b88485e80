"""Round 14: an answer read with the sentence before it. Written from the canon files
before the guard was run on it: a bereavement said without its subject after a question
or a name ("what happened to Karen in season 1? lost her son."), an outcome placed in an
earlier season by the sentence before it ("Karen in s1. Dead."), and an everyday idiom
said first with the name after it ("Exiled to the couch tonight. Danny."); each with
the real finale spoilers written the same ways, which must stay tagged."""

from __future__ import annotations

import pytest

from bot.guard import REVIEW_BAND, inspect
from tests.finale_matcher import matcher, spoils

# the death is the relative's (Shane's, Clayton's, Alexei's), not the one left behind
BEREAVED_INNOCENT = [
    "what happened to Karen in season 1? lost her son.",
    "what happened to Ed in s1? lost his son.",
    "what happened to Danielle before s2? lost her husband.",
    "what happened to Kelly in s3? lost her boyfriend.",
    "what happened to Gordo in s2? lost his nerve.",
    "Karen in s1? lost her son, poor thing.",
    "what happens to Ed and Karen in season 1? lose their son.",
    "Karen in season 1. loses her boy.",
    "\u00bfqu\u00e9 le pasa a Karen en la temporada 1? pierde a su hijo.",
    "que devient Karen dans la saison 1 ? perd son fils.",
    "was passiert mit Karen in Staffel 1? verliert ihren Sohn.",
    "what happened to Ed in s1? lost Shane.",
    "Karen lost her son.",
    "Karen is great. She lost her son.",
    "Karen. lost her son.",
]
BEREAVED_SPOILERS = [
    "what happened to Karen in season 3? died in the bombing.",
    "what happens to Marge at the end of s1? loses her husband.",
    "what happens to Jimmy in the s2 finale? loses his parents.",
    "what happened to Danny in the s2 finale? lost both his parents.",
    "what happened to Karen in s3? lost her life in the bombing.",
    "what happened to Ed in the s3 finale? lost his wife.",
    "Ed in the s3 finale. loses his wife at JSC.",
    "what happened to Molly in s3? killed in the bombing.",
    "Think about Ed. He loses his son in s1 and his ex-wife in the s3 finale.",
]
# an outcome the sentence before places in a season before its finale: weighed as when
# said in one sentence ("Karen dies in s1": the review band at most, never tagged)
EARLIER_INNOCENT = [
    "Karen in s1. Dead.",
    "what happens to Karen in s1? dead.",
    "Gordo in s1. dead.",
    "what happened to Tracy in season 1? died.",
    "what happens to Sergei in s4? killed in his room.",
    "Deke in episode 5. dead tired.",
    "what happens to Karen in episode 7 of s3? dead.",
    "Molly in season 2. dies?",
    "Gordo en la temporada 1. Muerto.",
    "Karen in Staffel 1? Tot.",
    "what happened to Harry in s1e9? dead.",
    "Karen. dies in s1.",
]
EARLIER_SPOILERS = [
    "Gordo in s2. dead.",
    "Karen in s3. Dead.",
    "what happens to Tracy in the s2 finale? dead.",
    "Deke in s1. dead.",
    "does Danny survive s3? exiled.",
    "Molly in s3. killed at JSC.",
    "what happens to Margo in s4? arrested.",
    "Karen in s4. dead.",
    "Gordo en la temporada 2. Muerto.",
    "was passiert mit Karen in Staffel 3? tot.",
]
IDIOM_INNOCENT = [
    "Exiled to the couch tonight. Danny.",
    "Dead tired after the double shift. Gordo.",
    "Killed it at karaoke last night. Tracy.",
    "Buried in homework all weekend. Molly.",
    "Shot down again by the barista. Danny.",
    "Dying of laughter at this scene. Karen.",
    "Exiled to the kids' table again. Ed.",
    "Blown away by the launch. Deke.",
    "Murdered that cover. Tracy.",
    "Muerto de risa. Gordo.",
    "Mort de rire. Karen.",
    "Exiled to the guest room after that fight. Ed.",
    "Buried in paperwork at JSC. Margo.",
    "Danny. Exiled to the couch tonight.",
    "Molly is buried in homework all weekend.",
]
IDIOM_SPOILERS = [
    "Exiled to the lander in the s3 finale. Danny.",
    "Buried on the moon. Deke.",
    "Killed in the car bomb. Karen.",
    "Exiled to the North Korean lander. Danny.",
    "Shot in the riot but survives. Danielle.",
    "Dead on the moon with Tracy. Gordo.",
    "Arrested at the end of s4. Margo.",
    "Faked her death in the bombing. Margo.",
    "Dies fixing the reactor. Gordo.",
    "Muerto en la luna. Gordo.",
    "Exiled to the Korean lander after confessing. Danny.",
    "Buried next to Jamestown. Deke.",
]
# spoilers still missed, and why
LEFT = {
    "what happens to Marge in s1? becomes a widow.": (
        "a widow said without its subject: bereaved.py needs the one left behind named in "
        "the same clause"
    ),
    "\u00bfqu\u00e9 le pasa a Ed en el final de la temporada 3? pierde a su esposa.": (
        "'pierde a su esposa' is no Spanish bereavement cue (only 'pierde a sus padres')"
    ),
    "Tu\u00e9e dans l'attentat. Karen.": (
        "'tuée' weighs as a hint of Karen's death (0.68; 0.63 even said with her name in one "
        "sentence), so the answer weighs 0.78 x 0.68 = 0.53: the review band"
    ),
}


@pytest.mark.parametrize("text", BEREAVED_INNOCENT + IDIOM_INNOCENT)
def test_not_even_reviewed(text: str) -> None:
    assert inspect(text, matcher()).score < REVIEW_BAND


@pytest.mark.parametrize("text", EARLIER_INNOCENT)
def test_placed_before_its_finale(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", BEREAVED_SPOILERS + EARLIER_SPOILERS + IDIOM_SPOILERS)
def test_still_tagged(text: str) -> None:
    assert spoils(text)


# the season said before a name that ends its sentence, the outcome in the next one: the
# name's reach ran one word past the sentence and the read raised (found by tuning11)
SEASON_BEFORE_LAST_NAME_SPOILERS = [
    "nah, s3 killed Karen. car bomb at JSC.",
    "season 2 took Gordo. gone.",
    "s4 was the end of Margo. arrested.",
]
SEASON_BEFORE_LAST_NAME_INNOCENT = [
    "in s1 they got Gordo. dead.",
    "s1 gave us Karen. what a character.",
    "season 2 was all about Gordo. great acting.",
]


@pytest.mark.parametrize("text", SEASON_BEFORE_LAST_NAME_SPOILERS)
def test_a_season_before_the_last_name_reads(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", SEASON_BEFORE_LAST_NAME_INNOCENT)
def test_a_season_before_the_last_name_reads_innocent(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", sorted(LEFT))
@pytest.mark.xfail(strict=True, reason="left: see LEFT")
def test_left(text: str) -> None:
    assert spoils(text)
