"""Round 14, recall: classes of phrasing opened14 (held out until round 14) showed the
guard not reading, each with fresh spoiler variants (other characters, other finale facts,
other wordings and languages) and innocent look-alikes, written before the change. Canon:
Deke dies (S1 finale), Gordo and Tracy die at Jamestown and Ed shoots down the Sea Dragon
(S2), Karen and Molly die in the JSC car bombing, Danny is exiled to the North Korean
lander, Margo fakes her death for Moscow, Ellen visits Pam, Dev is pushed out of Helios
(S3), Margo is arrested (S4, "Perestroika").

(1) Spaced leetspeak: letters spelled one at a time, some as digits ("G 0 R D 0").
(2) A leetspeak word shaped like an episode code ("th3 s34 dr4g0n": "s34" is "sea").
(3) An episode given its title by "named"/"called": the title is what is named, not a
    character later in the sentence ("the episode named Perestroika ends with margo in
    cuffs").
(4) The visit as standing or knocking at Pam's door, in every language ("vor Pams Tür").
(5) Put out of the company through the door, said with the one put out ("the board has
    him out the door").
(6) A figure of speech corrected to the show's event it stood for ("went out with a bang.
    no i mean the car bomb").
(7) A non-finale episode denied, corrected to the finale ("margo's arrest isn't in Brazil
    (ep9), it's the very last episode"; "Karen doesn't die in ep 9, it's the finale").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPACED_LEET = [
    "G 0 R D 0  +  T R 4 C Y  =  🌑⚰️⚰️",
    "K 4 R 3 N  d 1 e s  in the s3 finale",
    "M.4.R.G.0 fakes her death",
    "t r 4 c y  4 n d  g 0 r d 0  d 1 3",
    "D 4 N N Y  3 X 1 L 3 D  to the lander in the s3 finale",
    "d-3-k-3 dies on the moon",
    "M 0 L L Y  and  K 4 R 3 N  ⚰️⚰️ s3 finale",
]
SPACED_LEET_INNOCENT = [
    "s 3 e 1 0 is the best episode",
    "G 0 R D 0 is my favourite, 10/10",
    "K 4 R 3 N runs the outpost like a boss",
    "r 4 t e d  1 0 / 1 0",
    "T R 4 C Y  +  G 0 R D 0  =  ❤️",
]

CODE_SHAPED_LEET = [
    "3d sh00t5 d0wn th3 s34 dr4g0n 1n 2x10 1ns734d 0f bur4n",
    "ed shoots down the s34 dragon in 2x10",
    "E.D. sh00ts d0wn the s34 dr4g0n",
    "th3 s34 dr4g0n g3ts sh0t d0wn by 3d",
]
CODE_SHAPED_LEET_INNOCENT = [
    "s10 of the simpsons is peak tv",
    "e11 was fun",
    "the s34 dr4g0n is a cool design",
    "s34 dragon concept art from the real 60s",
    "my s13 save file is corrupted",
]

EPISODE_NAMED = [
    "Gorbachev, perestroika, all real. the episode named Perestroika ends with margo in cuffs",
    "the episode called The Grey ends with Deke dead on the moon",
    "the episode named A City Upon a Hill is the one where Deke dies",
    "the ep called Stranger in a Strange Land ends with Margo faking her death",
    "the finale called The Grey kills Gordo and Tracy",
    "the episode named Perestroika is where Margo gets arrested",
]
EPISODE_NAMED_INNOCENT = [
    "I named my cat Perestroika and then Margo gets arrested",
    "my dog is called Gordo and he dies of boredom",
    "my cat named Margo got arrested by animal control lol",
    "the episode called Rupture is where Shane dies",
    "the episode named Bent Bird is where Deke gets hurt",
    "the episode named Triage ends with Gordo and Tracy on the moon",
    "the one called Polaris kills off Sam",
    "my daughter is named Karen, she dies laughing at the s3 finale",
]

AT_PAMS_DOOR = [
    "Im Finale von Staffel 3 steht Präsidentin Ellen endlich vor Pams Tür 🥲",
    "Ellen klopft im Staffelfinale an Pams Haustür",
    "Dans le final de la saison 3, Ellen frappe enfin à la porte de Pam",
    "En el final de la temporada 3 Ellen por fin llama a la puerta de Pam",
    "No final da 3ª temporada a Ellen bate na porta da Pam",
    "Nel finale della terza stagione Ellen bussa alla porta di Pam",
    "В финале третьего сезона Эллен стоит у двери Пэм",
    "シーズン3の最終話でエレンがパムの玄関に立つ",
    "in the s3 finale Ellen finally shows up at Pam's door",
]
AT_PAMS_DOOR_INNOCENT = [
    "Pam öffnet ihre Tür in Folge 5 für Ellen",
    "Ellen steht vor der Tür des Weißen Hauses",
    "la porte de Pam est bleue dans la saison 1",
    "Ellen llama a la puerta de Pam en la temporada 1",
    "Ellen klopft an die Tür des Oval Office",
    "la puerta de mi casa es azul, como la de Pam",
]

OUT_THE_DOOR = [
    "Dev built Helios from nothing. Ten episodes later the board has him out the door.",
    "Dev thought Helios was his forever. By the s3 finale they've got him out the door",
    "s3 finale: the Helios board wants Dev gone and has him out the door by the end",
    "Dev is out the door at Helios in the s3 finale",
    "Helios was Dev's baby. The board wants him out the door and gets its way in the finale",
]
OUT_THE_DOOR_INNOCENT = [
    "Dev rushes out the door to catch the launch in s3e4",
    "Karen pushes him out the door every morning",
    "Dev walked her out the door after the party in s4e2",
    "Ed shows her the door of the Outpost in s1",
    "Danny got him out the door before the cops came",
    "Dev was out the door before the meeting even started lol",
]

CORRECTED_TO_EVENT = [
    "molly went out with a bang. no i mean the car bomb, s3 ep10. too soon?",
    "karen went out with a bang, i mean the bombing in the s3 finale",
    "Karen went out with a bang in the s3 finale. no I mean the explosion",
    "gordo and tracy went out in a blaze of glory. i mean the reactor, s2 finale",
]
CORRECTED_TO_EVENT_INNOCENT = [
    "Karen killed it in that scene, i mean the acting was great",
    "Ed went out with a bang at the Outpost. I mean the karaoke",
    "molly went out with a bang at the party in s1. i mean her speech",
    "Danielle slays. i mean her whole arc",
    "that finale killed me. i mean the soundtrack alone",
]

DENIED_EPISODE = [
    "margo's arrest isn't in Brazil (ep9), it's the very last episode of the season",
    "margo's arrest isn't in ep 9, it's the very last episode of the season",
    "karen's death isn't in ep 9, it's the s3 finale",
    "danny's exile is not in episode 8 but in the s3 finale",
    "the bombing that kills Karen isn't in Coming Home (3x09), it's the finale",
    "Karen doesn't die in ep 9, it's the finale",
    "Deke isn't killed in Bent Bird but in the season finale",
    "Danny isn't exiled in 3x09, that happens in the s3 finale",
    "Molly doesn't die in ep 4, it's in ep 10",
    "Tracy no muere en el episodio 9, es en el final",
]
DENIED_EPISODE_INNOCENT = [
    "Shane doesn't die in the finale, it's ep 8",
    "Karen doesn't die in ep 9, and the finale is just about the Mars crew",
    "Gordo doesn't die in 2x03, phew",
    "Shane doesn't die in ep 9 (Bent Bird), it's Rupture",
    "Sam's death isn't in the finale, it's 3x01",
    "nobody dies in ep 9, the finale is calmer than you think",
]

SPOILERS = (
    SPACED_LEET
    + CODE_SHAPED_LEET
    + EPISODE_NAMED
    + AT_PAMS_DOOR
    + OUT_THE_DOOR
    + CORRECTED_TO_EVENT
    + DENIED_EPISODE
)
INNOCENT = (
    SPACED_LEET_INNOCENT
    + CODE_SHAPED_LEET_INNOCENT
    + EPISODE_NAMED_INNOCENT
    + AT_PAMS_DOOR_INNOCENT
    + OUT_THE_DOOR_INNOCENT
    + CORRECTED_TO_EVENT_INNOCENT
    + DENIED_EPISODE_INNOCENT
)

# opened14's misses left after this round (xfail), each with why: each would need a rule
# for its own wording, or a class not built this round
KNOWN_MISSES: dict[str, str] = {
    "the last ep of s3 buried Danny alive, metaphorically, alone in that North Korean tin "
    "can": "the writer marks the figure as one; the exile is only 'alone in that North "
    "Korean tin can', a paraphrase of the lander no rule words",
    "Kelly (not the Kelly's Kitchen lady, the astronaut) has her baby in orbit over Mars "
    "after her dad flies her up": "an aside 'not the X lady, the <role>' that sets a "
    "namesake aside and names ours by her job; the aside reader takes the whole bracket "
    "as the namesake",
    "Deke doesn't die in Bent Bird, he gets hurt there. It's the next one, the season "
    "finale, where his injuries finally get him": "the correction is a sentence later and "
    "its fate ('his injuries finally get him') is a paraphrase; the one-sentence form is "
    "read (DENIED_EPISODE)",
    "the dead cosmonaut's baby arrives safely up on the Phoenix, with grandpa flying the "
    "lander. I cried": "Kelly named only as the mother of a dead cosmonaut's baby and Ed "
    "as 'grandpa': a chain of two relations through a role, no subject recognised",
    "MarGONE. fakes her own death at the end of s3 and pops up in moscow": "a name fused "
    "with a fate word ('Mar' + 'GONE') is one message's pun, not a class",
    "Sea Dragon was a real Aerojet/Truax concept from '62 that never flew. in the s2 "
    "finale Ed blows one out of the sky": "'one' pointing at a thing named a sentence "
    'before is not read, and "\'62" is no year, so the thing is never set aside and '
    "taken back by the turn to the show",
    "shane in ep 8, gordo and tracy in the s2 ender. this show loves wrecking the "
    "stevenses and the baldwins": "'wrecking' a family is grief, not a fate word; reading "
    "it as death would cost precision",
    "hypothetically, if someone faked her death in a blast and turned up in moscow years "
    "later, which ex flight director would that be 👀": "'ex flight director' (a role held "
    "in an earlier season) is not read: roles are read for the season named",
}


@pytest.mark.parametrize("text", [t for t in SPOILERS if t not in KNOWN_MISSES])
def test_a_class_that_gives_the_fate_is_tagged(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", INNOCENT)
def test_a_look_alike_is_left(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", list(KNOWN_MISSES))
@pytest.mark.xfail(reason="not read yet (see KNOWN_MISSES)", strict=True)
def test_known_misses(text: str) -> None:
    assert spoils(text)
