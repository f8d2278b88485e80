"""Round 12: outcomes the guard matched and then set aside below the threshold, by three
structural causes, each with fresh spoiler variants and innocent look-alikes (English
mostly, some Spanish, French and German). Canon: Deke dies on the Moon (S1 finale),
Gordo and Tracy at Jamestown (S2), Karen and Molly in the JSC bombing and Margo fakes her
death and defects (S3), Margo is arrested and Danielle survives being shot (S4).

(a) Negations that still state the fate: a denial of saying ("not saying Gordo dies on
    the moon", "je ne dis pas que..."), "not X until Y" where Y is the fate's scene
    ("isn't killed until the reactor scene"), an it-cleft denying only the cause ("it's
    not the car bomb that gets Karen"), French "ne ... que" (only, not a negation). True
    negations stay innocent ("Karen doesn't die in s1", "nobody dies in the s2 premiere").
(b) Questions that take their outcome as given: an outcome in a clause the question
    presupposes, in every claimed language ("hat noch jemand geweint, als Gordo und Tracy
    gestorben sind?"); genuine questions stay innocent.
(c) Across sentences with nothing pointing back: names answering an outcome said of
    nobody ("the bombing takes two people. Karen. Molly."), an answer with a comment
    word ("Margo, obviously"), a fragment between question and answer ("Both.").

Before this round (guard at 765a43e): (a) 19/32 spoilers caught, 0/24 look-alikes
flagged; (b) 23/24 caught, 0/24 flagged; (c) 14/24 caught, 0/24 flagged.
After: (a) 27/32 caught, (b) 24/24, (c) 24/24, no look-alike flagged (KNOWN_MISSES: the
it-cleft on "that" and French "ne ... que").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

NEGATION_TELLS = [
    "not saying Gordo dies on the moon, but bring tissues for 2x10",
    "not saying Gordo dies on the moon",
    "I won't say Deke dies on the moon",
    "I'm not saying Margo fakes her death, but watch the s3 finale closely",
    "won't say Tracy dies up there with Gordo, but the s2 finale wrecked me",
    "not telling you Karen dies in the bombing",
    "I won't tell you Margo fakes her death in the s3 finale",
    "I'm not gonna say Gordo and Tracy die up there, but wow",
    "can't say Margo defects, that would be a spoiler",
    "Je ne dis pas que Gordo meurt sur la Lune dans la saison 2",
    "je ne dirai pas que Karen meurt dans l'attentat de la saison 3",
    "No digo que Karen muera en el atentado, pero...",
    "Ich sage nicht, dass Karen bei dem Anschlag stirbt",
    "Karen doesn't die until the finale of s3",
    "Tracy isn't killed until the reactor scene",
    "Karen doesn't die until the bombing",
    "Deke doesn't die until the last episode of season 1",
    "Gordo doesn't die until the reactor walk",
    "Karen no muere hasta el final de la temporada 3",
    "Karen stirbt erst im Finale der dritten Staffel",
    "it's not the car bomb that gets Karen",
    "it's not the car bomb that gets Karen, it's the building collapsing",
    "it isn't the explosion that kills Molly, it's the collapse",
    "it wasn't the bomb that got Molly, it was the fire",
    "Karen. it isn't the bomb that kills her, it's the fire after",
    "the bomb isn't what kills Molly in 3x10, it's the collapse",
    "what kills Gordo isn't the reactor, it's the air running out",
    "Margo doesn't really die in the bombing, she fakes it",
    "no, Margo isn't dead, she fakes it and goes to Moscow in the s3 finale",
    "Gordo ne meurt qu'à la fin de la saison 2",
    "Karen ne meurt qu'à la fin de la saison 3",
    "Margo no muere en el atentado, finge su muerte",
]

NEGATION_INNOCENT = [
    "Karen doesn't die in s1",
    "nobody dies in the s2 premiere",
    "Danielle doesn't get shot in the s1 finale, that's later",
    "Gordo doesn't die in season 1, he's fine",
    "Molly doesn't die in the s2 finale",
    "Ed doesn't die in the s1 finale",
    "Margo doesn't get arrested in s2",
    "Tracy isn't dead in season 1, she's famous",
    "not saying Gordo is my favourite, but he is",
    "I won't say the s3 finale is bad, but the pacing is off",
    "not saying anyone dies, I haven't watched it",
    "I won't say who dies in the s3 finale",
    "not gonna say who survives the bombing",
    "it isn't the writing that bothers me, it's the pacing",
    "it's not the acting that kills the s4 premiere for me, it's the pacing",
    "Molly doesn't go blind until season 2",
    "Karen doesn't buy the Outpost until s2",
    "Danielle doesn't become commander until the riot season",
    "Gordo n'est qu'un astronaute dans la saison 1",
    "Karen ne travaille qu'au bar dans la saison 2",
    "nadie muere en el estreno de la temporada 2",
    "Karen stirbt nicht in der ersten Staffel",
    "Je ne dis pas que la saison 3 est mauvaise",
    "Ich sage nicht, wer im Finale stirbt",
]

QUESTION_TELLS = [
    "wait so Karen dies in the bombing??",
    "is it true that Danielle survives being shot?",
    "so Gordo and Tracy just die up there??",
    "why did they have to kill Karen in the bombing",
    "how did nobody notice Margo faked her death",
    "did anyone else cry when Tracy and Gordo died",
    "is it true Molly dies in the JSC bombing?",
    "wait, Margo fakes her own death?!",
    "am I the only one who cried when Karen died in the bombing",
    "how is Danielle alive after getting shot in the riot?",
    "how long did you cry after Deke died on the moon?",
    "where does Margo hide after she fakes her death?",
    "is nobody going to talk about Karen getting blown up?",
    "how do Gordo and Tracy die?",
    "who else thinks Gordo and Tracy dying was the best scene?",
    "¿es verdad que Karen muere en el atentado?",
    "¿alguien más lloró cuando murieron Gordo y Tracy?",
    "pourquoi Margo simule-t-elle sa mort ?",
    "qui d'autre a pleuré quand Karen est morte dans l'attentat ?",
    "warum musste Karen beim Anschlag sterben?",
    "hat noch jemand geweint, als Gordo und Tracy gestorben sind?",
    "hat jemand geweint, nachdem Karen beim Anschlag gestorben ist?",
    "est-ce que quelqu'un a pleuré quand Gordo et Tracy sont morts ?",
    "alguien lloró después de que Karen murió en el atentado?",
]

QUESTION_INNOCENT = [
    "does Karen make it to s4?",
    "who dies in the s3 finale?",
    "is Margo ok at the end of s3? don't answer with spoilers",
    "does anyone die in the s2 finale? no spoilers pls",
    "does Gordo survive season 2?",
    "is Molly alive at the end of season 3? no spoilers",
    "will Danielle survive the s4 finale? I'm on ep 8",
    "who survives the bombing? no spoilers please",
    "do Gordo and Tracy make it off the moon? still on s2",
    "does Margo get arrested? no spoilers",
    "why is Karen so mean to Ed in s1?",
    "how did Margo become director?",
    "did anyone else cry at the s1 launch?",
    "how does season 3 end? no spoilers",
    "does Margo defect or is that just a theory?",
    "wait, does Gordo die? I'm on s2e5, no spoilers",
    "anyone know if Molly dies? haven't watched s3 yet",
    "¿Karen sobrevive a la temporada 3? sin spoilers",
    "¿muere alguien en el final de la temporada 2? sin spoilers",
    "Est-ce que Gordo survit à la saison 2 ? pas de spoilers",
    "Est-ce que quelqu'un meurt dans le final de la saison 3 ? sans spoiler",
    "Überlebt Karen die dritte Staffel? keine Spoiler",
    "Stirbt jemand im Finale der zweiten Staffel? keine Spoiler bitte",
    "hat noch jemand geweint, als Gordo in der ersten Staffel gelandet ist?",
]

ACROSS_TELLS = [
    "Karen and Molly. Both of them. One explosion.",
    "who dies in s3? Karen and Molly, the bombing",
    "s3 finale deaths:\n- Karen\n- Molly",
    "Gordo and Tracy. The reactor. Neither comes home.",
    "who dies in the s2 finale? Gordo and Tracy. reactor.",
    "Who fakes her death in s3? Margo.",
    "Karen. Car bomb. s3 finale.",
    "Remember who dies in the bombing? Karen. And Molly.",
    "RIP list for s3:\n1. Karen\n2. Molly",
    "Karen. s3 finale. Doesn't make it out.",
    "Deke? Buried on the moon.",
    "Wer stirbt im Finale der zweiten Staffel? Gordo und Tracy.",
    "¿Quién muere en el atentado? Karen y Molly.",
    "the bombing takes two people. Karen. Molly.",
    "Someone dies in the s3 finale. Karen and Molly.",
    "Guess who dies in the bombing. Karen and Molly.",
    "who fakes her death? Margo, obviously",
    "who doesn't survive the bombing? Karen. Molly too.",
    "Which of them dies in the s2 finale, you ask? Both. Gordo and Tracy.",
    "who dies in the bombing? Karen and Molly, sadly",
    "the s3 finale kills two people. Karen and Molly.",
    "Two people die in the JSC bombing. Karen and Molly.",
    "Alguien muere en el atentado. Karen y Molly.",
    "Quelqu'un meurt dans l'attentat. Karen et Molly.",
]

ACROSS_INNOCENT = [
    "Karen and Molly. Both of them. One scene together in s2.",
    "who's your favourite in s3? Karen and Molly, easily",
    "s3 best characters:\n- Karen\n- Molly",
    "who shines in the s2 finale? Gordo and Tracy.",
    "Who runs JSC in s3? Margo.",
    "Remember who runs the Outpost? Karen. And Ellen helps.",
    "Guess who runs JSC. Margo.",
    "who fakes a smile at the party in s1? Margo, obviously",
    "Someone dies in the s3 finale? Really? Karen and Molly are my favourites, pls no.",
    "Which of them walks on the moon in s2, you ask? Both. Gordo and Tracy.",
    "Two people get promoted in s4. Danielle and Kelly.",
    "the JSC hires two people in s1: Karen and Molly",
    "who gets back from the moon in s1? Gordo",
    "Who dies in the s3 finale? no spoilers pls. Karen is my fave though.",
    "nobody dies in the s2 premiere. Karen and Molly. Great scene.",
    "someone dies in ep 4 of s1. Patty.",
    "who dies in s1e4? Patty, sadly",
    "I heard someone dies in the s3 finale. Karen? Molly?",
    "Someone is promoted in s2. Margo, obviously",
    "the s2 premiere has two great scenes. Karen. Molly.",
    "¿Quién es tu favorita? Karen y Molly.",
    "Qui est ton personnage préféré ? Karen et Molly.",
    "Wer ist dein Liebling in der zweiten Staffel? Gordo und Tracy.",
    "Alguien llora en el estreno de la temporada 2. Karen y Molly.",
]

# Fresh variants still missed after this round (xfail)
KNOWN_MISSES: list[str] = [
    # an it-cleft denying only the cause ("it's not the X that gets her")
    "it's not the car bomb that gets Karen",
    "it's not the car bomb that gets Karen, it's the building collapsing",
    "it wasn't the bomb that got Molly, it was the fire",
    # French "ne ... que" (only), read as a negation
    "Gordo ne meurt qu'à la fin de la saison 2",
    "Karen ne meurt qu'à la fin de la saison 3",
]


@pytest.mark.parametrize(
    "text", [t for t in NEGATION_TELLS + QUESTION_TELLS + ACROSS_TELLS if t not in KNOWN_MISSES]
)
def test_a_set_aside_that_still_tells_is_tagged(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", NEGATION_INNOCENT + QUESTION_INNOCENT + ACROSS_INNOCENT)
def test_a_look_alike_is_left(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", KNOWN_MISSES)
@pytest.mark.xfail(reason="not read yet (see KNOWN_MISSES)", strict=True)
def test_known_misses(text: str) -> None:
    assert spoils(text)
