"""Round 15c, what is said: more classes of outcome wording missed in tuning10, each with
variants in several phrasings and languages and innocent look-alikes (the everyday and
figurative uses of the same words) that must stay untagged. Canon (data/canon,
../shared/reference/fam-facts.json), finale details only: Deke dies and is buried on the
Moon (S1); Ed holds the cosmonaut in the mine and does not kill him (S1); Gordo and Tracy die
on the Moon fixing the reactor, and Sally draws a gun on Ed (S2); Lee Jung-gil is the true
first human on Mars, and Kelly gives birth on the Phoenix (S3); Margo takes the fall for
Aleida and is arrested (S4).

(1) A negated return: "they don't walk back", "neither of them walks back" (en), "二度と戻らな
    かった" (ja); es/fr/de/it/pt/ru were read already and are held here (not "never walks back
    what she said", "didn't walk back to the car").
(2) The place as the taker: "the Moon gets to keep him", "the moon keeps Gordo and Tracy",
    "la Luna se queda con Deke", "Der Mond behält Deke", "Луна забрала Гордо и Трейси",
    "月に奪われた" (needs one of ours for object: not "the moon keeps its secrets", "space
    takes forever", "la Luna se queda con las llaves de Deke"; not a heart taken, "心を奪われ").
(3) A gesture for the outcome: Margo holding out her wrists (arrest; in es/fr/de/it/pt/ru/ja
    a hint, plain beside the finale or with the cuffs said), Ed lowering the gun on the
    cosmonaut (spared), Sally with a pistol pointed at Ed or her commander (read already in
    the other languages: "pistola apuntando a Ed", "наставила пистолет на Эда") (not wrists
    held out for the nurse, a gun lowered on the range, a gun pointed at her).
(4) Reaching Mars first said as having beaten her there ("the North Korean had beaten her
    there by months"; not Danielle beating anyone).
(5) Emoji: the birth on the Phoenix ("Ed 🚀 Kelly ➡️ Phoenix 👶"; not Kelly joining the
    Phoenix crew), a car bomb ("JSC 🚗💥"; not one's own car).
(6) Going home denied, said as being allowed to: "Neither Karen nor Molly gets to go home"
    (not going home early from a party in an earlier episode).
(7) A fate said alone, then a sentence of names only with their episode: "not dyeing, DYING.
    Gordo and Tracy in 2x10." (answers.py: names with "in 2x10", "in the s1 finale"; an
    episode that is no finale places it elsewhere: "DYING. Gordo and Tracy in 2x03.").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPOILERS = [
    # (1) a negated return
    "Gordo and Tracy walk out to the reactor. They don't walk back. 😭",
    "Gordo and Tracy never walked back from the reactor",
    "Gordo. Tracy. The reactor. Neither of them walks back.",
    "Gordo and Tracy don't walk back in the s2 finale",
    "ゴルドとトレイシーは二度と戻らなかった",
    "ゴルドとトレイシーは生きて帰らなかった",
    "ゴルドとトレイシーは原子炉から戻ってはこなかった",
    "Gordo y Tracy no vuelven del reactor",
    "Gordo y Tracy salen al reactor y no vuelven a entrar",
    "Gordo und Tracy kommen vom Reaktor nicht zurück",
    "Gordo et Tracy ne reviennent jamais du réacteur",
    "Gordo e Tracy non tornano più dal reattore",
    "Gordo e Tracy não voltam do reator",
    "Гордо и Трейси так и не вернулись с реактора",
    # (2) the place as the taker
    "Deke flies Apollo 24 and the Moon gets to keep him",
    "the Moon gets to keep Deke",
    "the moon keeps Gordo and Tracy",
    "Deke finally gets his flight, and then the Moon gets to keep him.",
    "La Luna se queda con Deke para siempre",
    "La Lune garde Deke pour toujours",
    "Der Mond behält Deke",
    "la Luna si tiene Deke",
    "a Lua fica com Deke",
    "Луна забрала Гордо и Трейси",
    "ゴルドとトレイシーは月に奪われた",
    "ディークは月に連れ去られた",
    # (3) the gesture for the outcome
    "Margo holds out her wrists so Aleida doesn't have to",
    "Margo says it was all her and holds out her wrists",
    "In the s4 finale Margo held out her wrists for the FBI",
    "Ed holds the cosmonaut at gunpoint in the mine, then lowers the gun",
    "Ed finds the cosmonaut in the mine and lowers his gun",
    "Sally has a pistol pointed at Ed",
    "Sally, gun pointed at Ed, stops the shot",
    "Sally Ride is the one with a pistol pointed at her own commander in 2x10",
    "Margo tiende las muñecas para que no detengan a Aleida, final de la T4",
    "En el final de la temporada 4 Margo tend les poignets pour protéger Aleida",
    "Im Staffelfinale streckt Margo ihre Handgelenke aus, damit Aleida frei bleibt",
    "Nel finale della stagione 4 Margo porge i polsi per salvare Aleida",
    "No final da 4ª temporada Margo estende os pulsos para salvar Aleida",
    "Марго подставляет руки под наручники ради Алейды",
    "マーゴは手錠に両手を差し出した",
    "Sally, con una pistola apuntando a Ed",
    "Sally, pistolet pointé sur Ed",
    "Sally hat eine Pistole auf Ed gerichtet",
    "Sally con la pistola puntata su Ed",
    "Sally com a arma apontada para Ed",
    "Салли наставила пистолет на Эда",
    "サリーはエドに銃を向けた",
    # (4) reaching Mars first
    "the North Korean had beaten her there by months",
    "North Korea had beaten them there, the 3x10 cold open",
    "the North Koreans had beaten everyone to it",
    # (5) emoji
    "Ed 🚀 Kelly ➡️ Phoenix 👶 both safe",
    "Kelly: Phoenix 👶, s3 finale",
    "JSC 🚗💥",
    "3x10 🚗💥 JSC",
    "Karen and Molly 🚗💥 3x10",
    "🚗💥 JSC",
    "🚗💥 at JSC",
    # (6) going home denied
    "Neither Karen nor Molly gets to go home.",
    "Karen and Molly never get to go home",
    "Deke never gets to go home",
    # (7) a fate alone, then the names
    "not dyeing, DYING. Gordo and Tracy in 2x10. my rewatch notes had a typo lol",
    "DYING. Gordo and Tracy in 2x10.",
    "not dieing, DYING. Deke in the s1 finale.",
    "Dead. Karen and Molly in the s3 finale.",
    "Does anyone die in the s2 finale? Gordo and Tracy in 2x10.",
]

INNOCENT = [
    # (1) walking back words, walking back somewhere everyday
    "Karen never walks back what she said to Ed",
    "Molly doesn't walk back her comments about the Mercury 13",
    "Ed won't walk it back, he meant every word",
    "Deke didn't walk back to the car, he drove",
    "Tracy never walked back to the hotel after the party in 1x06",
    "エドは二度と帰らないと言ったがすぐ帰ってきた",
    "マーゴは家に帰らなかった",
    # (2) the moon and space as everything else
    "the moon keeps its secrets",
    "the moon keeps pulling the tides",
    "space takes forever to load on my laptop",
    "Deke loves the moon, the moon keeps him going",
    "Karen's bar takes up space",
    "la Luna se queda con las llaves de Deke",
    "la luna se queda con todo el protagonismo, Deke apenas sale",
    "Der Mond behält seine Geheimnisse, sagt Deke",
    "La Lune garde ses secrets, dit Deke",
    "Луна забрала всё внимание, Дик почти не появляется",
    "月に奪われた心、ディークの台詞が好き",
    "エドは月に心を奪われた",
    # (3) the same gestures elsewhere
    "Margo holds out her wrists for the nurse to bandage",
    "Margo holds out her wrists to show the bracelet",
    "Ed lowers the gun on the range, practice is over",
    "Sally had a gun pointed at her in the Mercury 13 episode",
    "Margo tiende las muñecas a la enfermera para el vendaje",
    "Margo tend les poignets à l'infirmière",
    "Margo streckt der Krankenschwester die Handgelenke hin",
    "Margo estende os pulsos para a enfermeira",
    "マーゴは看護師に手首を差し出した",
    # (4) anyone beating anyone
    "Danielle beat her there",
    "Ed had beaten her there in the race to the car",
    # (5) the same emoji elsewhere
    "Kelly ➡️ Phoenix",
    "Kelly ➡️ Phoenix crew, Ed stays home",
    "my car 🚗💥 on the way to work",
    "JSC tour today, no 🚗💥 luckily",
    "my sister's 👶 arrived last night!",
    # (6) going home early, for Christmas
    "Karen doesn't get to go home early from the party in 1x03",
    "Ed doesn't get to go home for Christmas in 1x05",
    # (7) laughter, a look-alike, another episode, a thing of theirs
    "DYING. Gordo and Tracy in 2x03.",
    "Dead. Gordo and Tracy, 2x03.",
    "lol dying. Gordo and Tracy in 2x03.",
    "Dying. Gordo and Tracy's banter in 2x03.",
    "not dyeing, DYING. Gordo and Tracy in the hair salon",
    "Dead. Karen and Molly in the bar.",
]


@pytest.mark.parametrize("text", SPOILERS)
def test_round15c_outcome_wording_is_read(text: str) -> None:
    assert spoils(text), text


@pytest.mark.parametrize("text", INNOCENT)
def test_round15c_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text), text
