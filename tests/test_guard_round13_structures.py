"""Round 13: six structures the guard did not read, found in opened13 (held out until
round 13), each with fresh spoiler variants and innocent look-alikes written before the
change. Canon: Deke dies on the Moon (S1 finale), Gordo and Tracy at Jamestown fixing the
reactor (S2; Ed shoots down the Sea Dragon), Karen and Molly in the JSC car bombing, Margo
fakes her death and defects, Danny is exiled to the North Korean lander (S3).

(1) A fate emoji, then "for"/"to"/"f" and a character or a group: "🪦 for Karen".
(2) Counterfactuals that presuppose the fate: "what if Gordo and Tracy had survived".
(3) A contrastive "and not" after the fate, negating an alternative, not the fate: "why
    did Karen have to die in a parking lot and not on the moon".
(4) A comparison that gives someone the fate: "at least Robb didn't get blown up in a
    parking lot like Karen and Molly".
(5) An evaluative question whose subject is the fate itself: "was Margo faking her
    death justified?".
(6) An episode code after an arrow: "deadpan tracy in 1x03 -> dead tracy in 2x10".
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

EMOJI_FOR = [
    "🪦 for Karen in the s3 finale",
    "⚰️⚰️ for the Stevens parents on the moon",
    "⚰️⚰️ for the Stevens parents on the moon, s2 ep10",
    "🕯️ to Molly",
    "💀 for Deke on the moon, s1 finale",
    "🪦🪦 for Gordo and Tracy",
    "☠️ for Molly, 3x10",
    "⚰️ f Karen",
    "🪦 to Gordo, the real mvp of s2",
    "⚰️ for Tracy at Jamestown",
    "🪦 for Ed's wife in the s3 finale",
    "🪦 pour Karen dans le final de la saison 3",
    "⚰️ para Molly en el final de la temporada 3",
    "🪦 für Gordo und Tracy",
    "🕯️🕯️ per Gordo e Tracy",
]

EMOJI_FOR_INNOCENT = [
    "🎉 for Karen's birthday scene",
    "🪦 for my sleep schedule after the s3 finale",
    "💀 for that joke of Ed's",
    "💀 for Molly's one-liners in s1",
    "🚀 for Gordo in the s2 finale",
    "🪦 for my wallet after buying the blu-rays",
    "⚰️ for my social life, binged all of s2 in one night",
    "🙏 for Karen, best character in s1",
    "❤️ to Molly for that speech in 2x05",
    "💀 for Danny's haircut in season 3",
    "💀 f my brain after that Ed scene",
    "🕯️ for the vibes at the Outpost in s1",
]

COUNTERFACTUAL = [
    "what if Gordo and Tracy had survived the reactor repair, how different would s3 be?",
    "if only Karen hadn't been at JSC that day",
    "imagine Danny not getting exiled",
    "what if Deke had made it home from the moon",
    "if only Molly had survived the bombing",
    "imagine if Karen had lived to see s4",
    "what if Margo hadn't faked her death",
    "imagine Gordo and Tracy making it home in the s2 finale",
    "if Karen had survived the s3 finale she'd have run the Outpost forever",
    "what if Danny hadn't been exiled to the lander",
    "I wish Karen had survived the bombing",
    "¿y si Gordo y Tracy hubieran sobrevivido en la luna?",
    "Stell dir vor, Karen hätte den Anschlag überlebt",
    "et si Deke avait survécu sur la Lune ?",
]

COUNTERFACTUAL_INNOCENT = [
    "what if Gordo had flown Apollo 10 instead",
    "what if Karen had never bought the Outpost",
    "imagine Ed as a flight director",
    "if only I had watched this show sooner",
    "what if the Soviets had landed on Mars first",
    "imagine Danny as commander of Jamestown",
    "what if Margo had gotten the director job in s1",
    "what if Tracy had married someone else in s1",
    "what if Karen dies in season 3? I'm only on s1 and scared",
    "if Gordo survives the reactor thing I'll cry, no spoilers please",
    "imagine Gordo not getting drunk in 1x05",
    "what if Ed hadn't taken the Apollo 10 flight",
]

AND_NOT = [
    "Warum muss Molly ausgerechnet durch eine Autobombe sterben und nicht irgendwo im All? 😭",
    "Warum muss Molly durch eine Autobombe sterben und nicht im All?",
    "why did Karen have to die in a parking lot and not on the moon",
    "Gordo dies on the moon and not in a plane crash like I expected",
    "Molly dies in the bombing and not in space, unfair",
    "¿por qué Karen tiene que morir en un estacionamiento y no en la luna?",
    "pourquoi Karen meurt dans un parking et non sur la Lune ?",
    "Deke dies on the moon and not at home",
    "Danny gets exiled and not arrested",
    "Tracy dies with Gordo and not alone",
    "Karen stirbt beim Anschlag und nicht an Krebs",
    "Molly muore in un parcheggio e non nello spazio",
    "why does Molly die by a car bomb and not from the radiation",
]

AND_NOT_INNOCENT = [
    "Karen survives s2 and not everyone does",
    "Karen doesn't die in the pilot and not in s2 either",
    "Molly is not dead and not retired in season 2",
    "Danny is not exiled and not arrested in s2, he's just sulking",
    "Karen runs the Outpost and not the Hilton",
    "Gordo survives 1x05 and not much else",
    "Molly didn't die in s2 and not in s1 either",
    "Tracy doesn't die in the s1 finale and not in 2x03",
    "Ed didn't die in s1 and not in s2 either, he's unkillable",
    "Karen stirbt nicht in Staffel 1 und nicht in Staffel 2",
    "Karen no muere en la temporada 1 y no en la 2",
    "Deke flies in s1 and not as commander",
]

LIKE = [
    "this is worse than the Red Wedding. at least Robb didn't get blown up in a parking lot"
    " like Karen and Molly",
    "he died just like Gordo did, on the moon",
    "at least Robb didn't get blown up in a parking lot like Karen",
    "Ned didn't die on the moon like Deke did",
    "at least Glenn wasn't killed by a car bomb like Molly",
    "at least nobody fakes their death like Margo",
    "Jon Snow didn't get exiled to a lander like Danny",
    "she got blown up like Karen and Molly in 3x10",
    "Ana didn't die on the moon like Deke",
    "he died on the moon just like Gordo and Tracy did",
    "murió como Karen, por un coche bomba",
    "er ist wie Deke auf dem Mond gestorben",
    "il est mort sur la Lune comme Deke",
]

LIKE_INNOCENT = [
    "Karen runs the bar like Molly runs the astronauts",
    "Ed flies like Gordo did in s1",
    "she drinks like Gordo in 1x05",
    "Danny sulks like Jimmy in season 2",
    "Ed yells like Deke in the pilot",
    "Molly swears like Ed",
    "at least Robb didn't get stuck in a parking lot like me",
    "Kelly dreams like Karen did about Mars",
    "Aleida cries like Margo in 1x06",
    "he trains like Gordo did for Apollo 10",
    "at least Robb didn't get blown up in a parking lot",
    "Karen lleva el bar como Molly lleva a los astronautas",
]

EVALUATIVE = [
    "Is Danny getting exiled to the lander fair, or was the crew way too harsh??",
    "was Margo faking her death justified?",
    "is it right that Ed shoots down the Sea Dragon?",
    "was Karen dying necessary for the plot?",
    "is it fair that Gordo and Tracy die in the s2 finale?",
    "was Danny being exiled deserved?",
    "is Margo defecting to the Soviets understandable?",
    "was killing off Molly the right call?",
    "is Deke dying on the moon the saddest death in the show?",
    "was it fair that Karen died in the bombing?",
    "is Ed shooting down the Sea Dragon justified?",
    "¿es justo que Danny sea exiliado?",
    "war es nötig, dass Karen beim Anschlag stirbt?",
]

EVALUATIVE_INNOCENT = [
    "is it fair that Danny gets less screen time?",
    "does Danny get exiled?",
    "does Karen die in s3?",
    "is it fair that Ed gets all the missions?",
    "is Danny getting promoted fair?",
    "was Margo getting the director job justified?",
    "will Danny get exiled?",
    "is Margo going to fake her death?",
    "is Gordo drinking in s1 fair to Tracy?",
    "does Deke survive the moon landing?",
    "is Danny getting exiled? no spoilers pls",
    "is it right that Ed yells at Danny in 2x03?",
]

ARROW = [
    "deadpan tracy in 1x03 -> dead tracy in 2x10. arc complete 😔",
    "happy karen in 1x01 -> dead karen in 3x10",
    "gordo in 1x02 → gordo dies in 2x10",
    "molly in 1x04 -> molly killed in 3x10",
    "margo in s1e3 -> margo fakes her death in s3e10",
    "tracy in 1x01 => tracy dies in 2x10",
    "deke in 1x01 —> deke dead in 1x10",
    "danny in 2x01 -> danny exiled in 3x10",
    "sober gordo in 1x07 -> dead gordo in 2x10",
    "Gordo in S1E3 --> Gordo dead in S2E10",
]

ARROW_INNOCENT = [
    "tracy in 2x10 -> tracy in 3x01",
    "tracy in 1x03 -> tracy in 1x09",
    "karen in 1x01 -> karen in 2x05, what a glow up",
    "dead tired gordo in 1x05 -> sober gordo in 2x03",
    "deadpan molly in 1x02 -> sassy molly in 2x04",
    "danny in 1x06 -> danny in 2x02, growing up fast",
    "ed in 1x01 -> ed in 2x10, what a journey",
    "margo in 1x01 -> margo in 2x03, the outfits",
    "1x03 -> 2x10, best episodes for tracy",
    "drunk gordo in 1x05 -> dead drunk gordo in 1x07",
]

INNOCENT = (
    EMOJI_FOR_INNOCENT
    + COUNTERFACTUAL_INNOCENT
    + AND_NOT_INNOCENT
    + LIKE_INNOCENT
    + EVALUATIVE_INNOCENT
    + ARROW_INNOCENT
)

# Look-alikes added after the change, aimed at what it reads (each stays clean)
AFTER_INNOCENT = [
    "if you had told me Karen survives s2 I'd have laughed",
    "I wish Gordo had more scenes in s2",
    "what if Gordo had died in s1 instead",
    "imagine Danny getting exiled lol, that'd be wild",
    "I hope Karen survives s3",
    "Karen didn't die in s1 like my friend said she would",
    "does Karen die in the saddest way possible? no spoilers",
    "is Karen surviving season 1 realistic?",
    "🪦 for Karen's bar",
    "💀 to Ed for that line",
    "🕯️ for Karen and Ed's anniversary dinner",
    "Ed didn't drink like Gordo did in s1",
    "would Deke have survived if he'd stayed on earth?",
    "si Karen hubiera comprado otro bar",
    "what if Karen's bar had survived the s3 finale",
    "was Gordo crying in 2x03 fair?",
]

SPOILERS = EMOJI_FOR + COUNTERFACTUAL + AND_NOT + LIKE + EVALUATIVE + ARROW
INNOCENT += AFTER_INNOCENT

# Fresh variants still missed after this round (xfail): a counterfactual with no outcome
# word, only the place of one ("at JSC that day")
KNOWN_MISSES: list[str] = ["if only Karen hadn't been at JSC that day"]


@pytest.mark.parametrize("text", [t for t in SPOILERS if t not in KNOWN_MISSES])
def test_a_structure_that_gives_the_fate_is_tagged(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", INNOCENT)
def test_a_look_alike_is_left(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", KNOWN_MISSES)
@pytest.mark.xfail(reason="not read yet (see KNOWN_MISSES)", strict=True)
def test_known_misses(text: str) -> None:
    assert spoils(text)
