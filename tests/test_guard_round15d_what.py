"""Round 15d, what is said: classes of outcome wording from opened19, each with variants
and innocent look-alikes that must stay untagged. Canon (data/canon,
../shared/reference/fam-facts.json): Deke dies and is buried on the Moon (S1 finale); Gordo
and Tracy die on the Moon fixing the reactor (S2 finale); Ed and Danny are trapped in the
habitat buried by the landslide and dug out (S3, mid-season); Goldilocks ends in Mars
orbit (S4 finale).

(1) A desire's object named right after it is a topic, not an act: "the more I think about
    Deke's grave up on the moon" (not "thinking about selling the Outpost").
(2) An act as one's last: "the reactor is the last thing they ever do" (not "the last thing
    he does before bed").
(3) The asteroid by its dubbed, fairy-tale names, with Mars orbit: "Ricitos de Oro se queda
    en órbita de Marte", "Boucle d'or reste en orbite de Mars" (not the fairy tale told).
(4) A death spelt "dye", with one of ours just before it and a place of the show's story
    straight after it: "gordo n trasy dye on teh moon" (not dyeing hair in space, tie dye).
False alarms:
(5) Surviving a talking-to: "that man did not survive the conversation" (not "Molly does
    not survive the flare").
(6) The writer among a fate's objects: "he's slowly killing Margo and me" (not "killed
    Margo and Ed").
(7) Buried under the landslide, in the hab: trapped, no grave (not "buried on the moon").
(8) Portuguese "morri" (I died, laughing): the writer's; a character's is "morreu".
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPOILERS = [
    # (1)
    "the more i think about deke's grave up on the moon the more i cry",
    "I keep thinking about Deke's grave on the moon",
    "can't stop thinking about Gordo and Tracy dying on the moon",
    # (2)
    "Neither Gordo nor Tracy gets a 'later years' scene. "
    "The reactor is the last thing they ever do",
    "Gordo and Tracy go out to the reactor. It's the last thing they ever do.",
    "Deke's landing is the last thing he ever does",
    # (3)
    "al final de la cuarta, Ricitos de Oro se queda en órbita de Marte y no de la Tierra",
    "Ricitos de Oro acaba en la órbita de Marte",
    "Boucle d'or reste en orbite de Mars à la fin",
    "cachinhos dourados fica na órbita de Marte",
    # (4)
    "gorrdo n trasy dye on teh moon in the grey lmaooo u cant filter typos",
    "gordo and tracy dye on the moon",
    "deke dyes on the moon in the s1 finale",
    "gordo dyed on the moon",
    # the real ones, kept
    "Molly did not survive the flare",
    "molly doesn't survive season 3",
    "the finale killed margo and ed",
    "danny dies and gets buried",
    "deke is buried on the moon",
    "o Gordo morreu na lua kkk",
    "a Tracy morre com o Gordo na lua",
]

INNOCENT = [
    # (1)
    "i keep thinking about selling the outpost",
    "Karen is thinking about selling the Outpost",
    # (2)
    "the last thing Karen ever did for Ed was lie",
    "the last thing i ever do is watch s2e10",
    # (3)
    "le cuento Ricitos de Oro a mi hija y le sale bien",
    "Ricitos de Oro y los tres osos funciona siempre",
    # (4)
    "Tracy dyes her hair in space",
    "karen's tie dye on the moon themed party",
    "i dyed my hair red for mars day",
    "not dyeing, DYING. Gordo and Tracy in the hair salon",
    # (5)
    "molly roasting ed in s1 is a crime scene, that man did not survive the conversation",
    "Karen tore into Ed, he barely survived that argument lol",
    "Margo did not survive the meeting with the senators, poor thing",
    # (6)
    "sergei's puppy eyes should be illegal, he's slowly killing margo and me",
    "this scene is killing karen and me",
    "Danny's smirk kills Ed and me every time",
    # (7)
    "ed and danny get buried in the hab after the slide. they barely have air. both of them "
    "get dug out before the finale even starts",
    "Ed and Danny were buried by the landslide for months",
    "danny and ed buried in the habitat in s3e7, and the air running out",
    # (8)
    "morri com a cena do brinde do Gordo kkkk",
    "MORRI com o Gordo e a Tracy kkkkk",
    "to morrendo com a Molly kkkk",
]


@pytest.mark.parametrize("text", SPOILERS)
def test_round15d_outcome_wording_is_read(text: str) -> None:
    assert spoils(text), text


@pytest.mark.parametrize("text", INNOCENT)
def test_round15d_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text), text
