"""Round 13 (opened13's misses about who and what): six classes, each a grid of variants
written before any change (not copied from the corpus), with innocent look-alikes that must
stay clean. Figures before/after are in the commit message and in KNOWN_MISSES below.

1. sparing: a killing denied, said of the S1 finale's cosmonaut, in every language the guard
   claims ("Ed doesn't kill the cosmonaut", "no lo mata", "lässt ihn am Leben").
2. ours: "our X", "the show's X", "our boy X" marks the show's character right after a
   namesake was mentioned ("Tracy Chapman ... our Tracy dies").
3. roles: a job and the show's world name a character ("the fusion tech bro" is Dev; the
   Pathfinder commander's "own crewmate" is Sally), and the board ousting is Dev's fate.
4. pair: one of a named pair not reaching a later season ("Only one of them is still around
   by season 3").
5. Japanese death nouns: 最期, 死 as a noun ("XとYの最期", "ゴルドの死").
6. Spanish slang "es un crack" is praise, not Miles cracking under torture.
"""

from __future__ import annotations

import pytest

from bot.guard import inspect
from tests.guard_accuracy import default_matcher

SPOILERS: dict[str, list[str]] = {
    "sparing": [
        "Ed tiene al cosmonauta en la mina y no lo mata, qué final de temporada",
        "al final de la s1 Ed no mata al cosmonauta",
        "Ed doesn't kill the cosmonaut in the mine",
        "in the s1 finale Ed decides not to kill the cosmonaut",
        "Ed lässt den Kosmonauten am Leben, im Finale der ersten Staffel",
        "Ed tötet den Kosmonauten nicht",
        "Ed ne tue pas le cosmonaute dans la mine",
        "Ed laisse la vie sauve au cosmonaute à la fin de la saison 1",
        "Ed não mata o cosmonauta na mina",
        "Ed non uccide il cosmonauta nella miniera",
        "Эд не убивает космонавта в шахте",
        "エドは宇宙飛行士を殺さなかった、シーズン1の最終話",
    ],
    "ours": [
        "listening to Tracy Chapman while rewatching the one where our Tracy dies in Gordo's arms",
        "Tracy Chapman on repeat, and then the show's Tracy dies on the moon. brutal",
        "my coworker Karen was so rude today. meanwhile our Karen gets blown up in the s3 finale",
        # (written as "our boy Ed getting shot on the moon": Ed is not shot; corrected to a fate)
        "Gordon Ramsay came on the radio and I remembered our boy Gordo dying on the moon",
        "Gordon Ramsay yelling on tv, while our Gordo dies on the moon in s2",
        "met a Molly at the gym. the show's Molly dies in the JSC bombing, so I cried",
        "my cousin Danny got married. our Danny gets exiled to the lander in the s3 finale",
        "Karen from HR again. anyway, our girl Karen dies in the car bomb",
        "Sally Field movie night, then the show's Sally pulls a gun on Ed",
        "a Margo at my office got promoted, and our Margo fakes her death in the s3 finale",
    ],
    "roles": [
        "turns out the fusion tech bro doesn't even get to keep his company, the board boots him",
        "the fusion guy gets voted out by the board in the s3 finale",
        "the Helios tech bro gets pushed out of his own company in the season 3 finale",
        "the fusion billionaire loses Helios in the s3 finale, the board ousts him",
        "the Helios founder gets voted out by the board at the end of s3",
        "the Pathfinder commander doesn't fire on Buran because his own crewmate pulls a gun "
        "on him",
        "the Pathfinder commander's crewmate pulls a gun on him in the s2 finale",
        "the Pathfinder skipper gets a gun pointed at him by his own crewmate",
        "on Pathfinder, Ed's crewmate pulls a gun on him in the s2 finale",
        "the Helios CEO is kicked out by the board, season 3 finale",
    ],
    "pair": [
        "Gordo and Ed were an amazing duo. Only one of them is still around by season 3.",
        "Gordo and Ed were the best pair in s1. of the two, only Ed makes it to s3",
        "Karen and Ed, what a couple. Only one of them is still around by season 4.",
        "Gordo and Tracy and Ed in s1. Only Ed is still around by season 3",
        "Karen and Molly both rock. only one of them survives to season 4",
        "Tracy and Ed were so good together. Only one of them makes it to season 3.",
        "Molly and Deke, two legends. only one of them is left by season 2",
        "Gordo and Danielle were a team. Only one of the two is still alive by s3",
        "Karen and Ed: only one of them makes it to s4",
        "Ed y Gordo eran un dúo increíble. Solo uno de ellos sigue vivo en la temporada 3.",
    ],
    "ja": [
        "シーズン2最終話のゴルドとトレイシーの最期、泣いた",
        "ゴルドとトレイシーの最期が忘れられない",
        "カレンの最期がつらすぎる、シーズン3の最終話",
        "モリーの死がショックだった、シーズン3最終回",
        "ゴルドの死、シーズン2の最終話",
        "ディークの最期はシーズン1最終話",
        "カレンとモリーの死、最終回で泣いた",
        "トレイシーは最終話で命を落とす",
        "カレンは爆破で亡くなる",
        "ゴルドとトレイシーは月で他界",
    ],
    "crack": [
        "Miles cracks under torture in the finale",
        "Miles cracks in the s4 finale",
        "Miles se quiebra en el final de la temporada 4",
        "a Miles lo quiebran en el final",
        "they torture Miles until he cracks",
        "Miles snitches in the s4 finale",
        "Miles is tortured in the s4 finale",
        "Miles se va de la lengua en el final",
        "lo torturan a Miles en el final de la s4",
        "Miles craque sous la torture",
    ],
}

INNOCENT: dict[str, list[str]] = {
    "sparing": [
        "Ed doesn't kill time in s1e3, he goes straight to the bar",
        "the cosmonaut doesn't kill anyone in the s1 premiere",
        "Ed no mata el tiempo, trabaja",
        "mi gato no mata ratones",
        "the cosmonaut costume in my closet doesn't kill the vibe",
        "Ed ne tue pas le temps",
        "der Kosmonaut im Museum lebt noch",
        "the mine shaft tour doesn't kill you",
        "el cosmonauta del museo no mata a nadie",
        "I don't kill spiders, I let them live",
        "Ed no mata a nadie en el estreno de la temporada 1",
    ],
    "ours": [
        "our Tracy Chapman playlist is the best",
        "our Karen at work brought cake",
        "our boy Ed Sheeran has a new album",
        "the show's soundtrack has Tracy Chapman on it",
        "our Molly at the office dies laughing at every meeting",
        "my coworker Karen brought cake, our Karen from accounting too",
        "our Danny next door got a new dog",
        "the show's Tracy Chapman needle drop was perfect",
        "Gordon Ramsay is our boy",
        "our Sally Field marathon continues",
    ],
    "roles": [
        "the board game night was fun",
        "my crewmate in Among Us pulled a fast one",
        "the tech bro at my startup got voted out by the board",
        "the board voted him out of the HOA",
        "my crewmate on the ferry pulled a knife on a fish",
        "the fusion restaurant downtown got kicked out of its lease",
        "the board of my kid's school ousted the principal",
        "our Among Us crewmate got voted out",
        "the tech bro next door bought a Tesla",
        "the Pathfinder commander looks so cool in s2e4",
    ],
    "pair": [
        "Only one of them is still in the cast photo",
        "Gordo and Ed were great. only one of them gets a solo episode in s3",
        "Gordo and Ed were a duo. Only one of them is in the s3 poster",
        "Karen and Ed. only one of them is my favourite",
        "Gordo and Ed, only one of them can drive",
        "my two cats, only one of them is still around by dinner",
        "Karen and Molly: only one of them gets a Christmas episode",
        "Gordo and Tracy in s1. only one of them is in the s1 opening credits",
        "Danny and Jimmy, only one of them is still at home in s2e3",
        "only one of them is still around by dinnertime, the pizzas",
    ],
    "ja": [
        "最後のシーズン2最終話、泣いた",
        "最終回のゴルドとトレイシーがかっこよかった",
        "カレンの最後のシーン、シーズン1の第3話",
        "ゴルドとトレイシーの最後のダンス",
        "最終回が楽しみ",
        "必死に勉強した",
        "死角から撮ったゴルドの写真",
        "カレンの最後の台詞が好き",
        "モリーが最後に笑うシーン、第2話",
        "トレイシーは最終話で歌う",
    ],
    "crack": [
        "la s4 se fue al carajo? nah bro, sigue siendo top, el Miles es un crack",
        "Dani es una crack",
        "Miles es un crack total",
        "el Miles de la s4 es un crack",
        "Miles, qué crack",
        "Miles is a crack shot in the video game",
        "Miles cracks a joke in s4e2",
        "Miles es un crack, Danielle también",
        "Miles cracked the case in s4e3",
        "Miles es un auténtico crack en el episodio 2",
    ],
}

# Written after the first change to class 2, because the grid above said the class only
# once in a sentence with no word of the show (the rest were caught already): 1/8 before
SPOILERS["ours"] += [
    "listening to Karen Carpenter all day and thinking about how our Karen dies in the car",
    "Molly Ringwald movie night, then our Molly gets blown up",
    "Tracy Chapman on vinyl while our Tracy dies holding Gordo's hand",
    "watched a Danny DeVito movie, then our boy Danny gets exiled",
    "Margot Robbie is great but our Margo faking her death was wild",
    "Kelly Clarkson on the radio, and our Kelly gives birth in orbit",
    "Sally Field was on tv, and our Sally pulls a gun on Ed",
    "Karen Gillan interview today. our girl Karen dies and I'm still not over it",
]
INNOCENT["ours"] += [
    "listening to Karen Carpenter all day, our Karen Carpenter vinyl is the best",
    "Molly Ringwald movie night, our Molly at the office brought snacks",
    "Tracy Chapman on vinyl, our Tracy Chapman collection grows",
    "Danny DeVito is a legend, our Danny from next door dies laughing at him",
    "Kelly Clarkson concert, our Kelly from work gave birth last week",
]

# Each class's variants still missed, or look-alikes still flagged, after the change
KNOWN_MISSES: set[str] = {
    # 宇宙飛行士 alone is any astronaut: the cosmonaut is "ソ連の宇宙飛行士"
    "エドは宇宙飛行士を殺さなかった、シーズン1の最終話",
    # (round 15c: "gun pointed at him" is a gun drawn on Ed, and "his own crewmate" Sally: read)
    # "them" pointing back inside its own sentence (the names before a colon)
    "Karen and Ed: only one of them makes it to s4",
    # (review of round 13, finding 9) "our X" marks the show's character only in a sentence
    # about the show: with a plain death and no show word these read as condolences
    # ("rip our Karen, gone too soon"), tests/test_guard_round13_who_review.py
    "listening to Karen Carpenter all day and thinking about how our Karen dies in the car",
    "Karen Gillan interview today. our girl Karen dies and I'm still not over it",
}


def _cases(texts: dict[str, list[str]]) -> list[object]:
    """Each text, a strict xfail where it is in KNOWN_MISSES (fails when it comes right)."""
    known = pytest.mark.xfail(strict=True, reason="not read yet (see KNOWN_MISSES)")
    return [
        pytest.param(t, marks=known) if t in KNOWN_MISSES else t
        for ts in texts.values()
        for t in ts
    ]


@pytest.mark.parametrize("text", _cases(SPOILERS))
def test_spoiler_variants_are_flagged(text: str) -> None:
    assert inspect(text, default_matcher())


@pytest.mark.parametrize("text", _cases(INNOCENT))
def test_innocent_look_alikes_stay_clean(text: str) -> None:
    assert not inspect(text, default_matcher())
