"""Round 8b, who is meant: families from opened9, each covered with variants and innocent
look-alikes.

- History set aside, then a clause that opens on the show's own talk (a finale, a season,
  an episode code: `show_talk`, now in all eight languages) is the show's version of
  whoever and whatever was set aside ("irl Sally Ride never did, but in the s2 finale she
  ..."); what the history clause itself says stays history.
- A character by what the finale reveals they did ("the guy who actually got there
  first" is Lee Jung-gil: canon `known_as`), a role's words never its own outcome.
- A full name that is none of ours ("Gordon Clark"), and the same word later in the
  message, outside talk of the show, is that other person.
- Cross-sentence: "neither of them", "the two of them", "beide", "los dos" past a
  sentence naming one other person; "that poor guy" as a pronoun; "he"/"she" past the
  nearest sentence to the one before it whose character has that outcome; nobody when
  the nearest person named is someone else's ("my uncle Harry").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SHOW_TALK_TURNS = [
    # English: after history set aside, a clause opening on the show's talk
    "irl sally ride never pulled a gun on anybody lol, but in the s2 finale she aims a gun at ed",
    "the real Sally Ride never pulled a gun on her commander. the s2 finale version pulls a gun"
    " on Ed",
    "the real Sally Ride never pulled a gun. In season 2 she points a gun at Ed on Pathfinder.",
    "the real sea dragon was a 60s paper rocket that never flew. in the s1 post-credits scene ed"
    " and karen watch one launch",
    "the real Deke Slayton died of brain cancer in 1993. in the s1 finale he dies on the moon",
    "the real Deke Slayton died of cancer in 1993. In episode 10 he dies on the moon.",
    # the seven other languages
    "Die echte Sally Ride hat nie eine Waffe gezogen. Im Staffelfinale zielt sie mit einer Waffe"
    " auf Ed.",
    "La vraie Sally Ride n'a jamais sorti d'arme. Dans le final de la saison 2, elle braque une"
    " arme sur Ed.",
    "La vera Sally Ride non ha mai puntato una pistola. Nel finale della stagione 2 punta una"
    " pistola contro Ed.",
    "A verdadeira Sally Ride nunca sacou uma arma. No final da temporada 2 ela aponta uma arma"
    " para Ed.",
    "La verdadera Sally Ride nunca sacó una pistola. En el final de la temporada 2 saca una"
    " pistola contra Ed.",
    "Настоящая Салли Райд никогда не наставляла пистолет. В финале второго сезона она направляет"
    " пистолет на Эда.",
    "本物のサリー・ライドは銃を向けたことはない。最終話では彼女がエドに銃を向ける。",
]

HISTORY_ONLY = [
    "irl sally ride never pulled a gun on anybody lol, but in the s2 finale Ed gets a medal",
    "the real Sally Ride was the first american woman in space. the s2 finale was great",
    "the real Deke Slayton died of brain cancer in 1993. the s1 finale was great though",
    "the real Deke Slayton died of brain cancer in 1993. in the s1 finale Ed finally gets his"
    " command",
    "the real sea dragon was a 60s paper rocket that never flew. in the s1 finale ed gets a medal",
    "Die echte Sally Ride hat nie eine Waffe gezogen. Im Staffelfinale bekommt Ed eine Medaille.",
    "本物のサリー・ライドは銃を向けたことはない。最終話ではエドは無事だ。",
]

DESCRIBED = [
    "imagine being the guy who actually got there first, lost his copilot in the crash",
    "the guy who got there first lost his copilot in the crash",
    "the one who was actually first crash landed months before anyone",
    "the north korean astronaut lost his copilot in the crash",
]

DESCRIBED_INNOCENT = [
    "the guy who got there first at the store lost his wallet",
    "i bet danielle is the one who got there first",
    "the guy who actually got there first at the bakery took the last croissant",
]

OTHER_PEOPLE = [
    "Halt and Catch Fire killing off Gordon Clark is still the saddest Gordon death on tv",
    "Gordon Clark dying in halt and catch fire wrecked me. saddest Gordon death ever",
]
STILL_OURS = [
    "Gordon Clark was great in halt and catch fire. Gordo dies on the moon in s2 though",
    "gordon dies on the moon in the s2 finale",
]

CROSS_SENTENCE = [
    "Gordo and Tracy go back up. Ed watches from Houston. Neither of them comes home.",
    "Gordo and Tracy go back up. Ed watches from Houston. The two of them die on the moon.",
    "Gordo and Tracy go back up. Ed watches from Houston. They both die on the moon.",
    "Gordo y Tracy vuelven a la luna. Ed lo ve desde Houston. Los dos mueren en el final.",
    "Gordo und Tracy fliegen zurück. Ed sieht zu. Beide sterben auf dem Mond.",
    "Deke walks out with Ellen. Harry keeps quiet. That poor guy dies on the moon in the finale.",
    "Deke walks out with Ellen. Harry keeps quiet. He dies on the moon in the finale.",
    "Karen sells the bar. Ed argues with Danny. She dies in the JSC bombing.",
    "Deke was hurt. Ellen and Harry tried. The moon became his grave.",
    "Karen vende el bar. Ed discute con Danny. Ella muere en el atentado de JSC.",
    "Karen verkauft die Bar. Ed streitet mit Danny. Sie stirbt beim Anschlag.",
]

CROSS_SENTENCE_INNOCENT = [
    "Deke is great. My uncle Harry keeps quiet. He dies of cancer in 1990.",
    "Karen is great. My aunt Molly keeps quiet. She dies in a car accident in 2009.",
    "Gordo and Tracy go back up. Ed watches from Houston. Neither of them gets a medal.",
    "Deke walks out with Ellen. Harry keeps quiet. That poor guy gets a new office.",
]


@pytest.mark.parametrize("text", SHOW_TALK_TURNS + DESCRIBED + STILL_OURS + CROSS_SENTENCE)
def test_spoils(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text", HISTORY_ONLY + DESCRIBED_INNOCENT + OTHER_PEOPLE + CROSS_SENTENCE_INNOCENT
)
def test_innocent(text: str) -> None:
    assert not spoils(text)
