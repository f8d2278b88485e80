"""Round 8b, what is said: whole families from opened9's misses and false alarms, each
in every claimed language, with innocent look-alikes that must stay untagged:

- paying for something with one's life, giving it, breathing one's last;
- a faked death said as pretending to be dead ("死んだことにして", "se hace la muerta");
- being pushed out of one's company, slang included ("helios yeets dev");
- the S3 finale told without its event words ("takes her up himself", "leaves the rest
  of them on Mars");
- a fate verb whose object is an argument, a scene, a song or everyone else
  (`figure_object`: praise, not a fate), an intensifying "dead" ("dead boring");
- a Japanese question that says it knows ("ってマジ？", "ってこと？").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

_LIVES = [
    "gordo and tracy pay for it with their lives in the s2 finale",
    "jamestown gets shot to hell in the s2 finale and gordo and tracy pay for it with their lives",
    "gordo and tracy paid with their lives in the s2 finale",
    "gordo and tracy laid down their lives for jamestown in the s2 finale",
    "karen pays with her life in the s3 finale",
    "gordo breathes his last in the s2 finale",
    "gordo y tracy lo pagan con su vida en el final de la temporada 2",
    "gordo y tracy dieron la vida por jamestown en el final de la temporada 2",
    "gordo et tracy le paient de leur vie dans le final de la saison 2",
    "gordo et tracy donnent leur vie dans le final de la saison 2",
    "Gordo und Tracy bezahlen mit ihrem Leben im Finale von Staffel 2",
    "Gordo und Tracy geben ihr Leben im Finale von Staffel 2",
    "gordo e tracy pagam com a vida no final da temporada 2",
    "gordo e tracy dão a vida no final da temporada 2",
    "gordo e tracy pagano con la vita nel finale della stagione 2",
    "gordo e tracy danno la vita nel finale della stagione 2",
    "Гордо и Трейси платят жизнью в финале 2 сезона",
    "Гордо и Трейси отдали жизнь за Джеймстаун в финале второго сезона",
    "ゴルドとトレイシーはシーズン2の最終話で命を捧げる",
    "ゴルドとトレイシーはシーズン2の最終話で命と引き換えにジェームズタウンを守る",
]
_FAKED = [
    "マーゴって爆発で死んだことにしてモスクワで一人暮らししてるってマジ？",
    "マーゴはシーズン3の最終話で死んだふりをする",
    "margo pretends to be dead in the s3 finale",
    "margo fakes being dead in the s3 finale",
    "Margo se hace la muerta en el final de la temporada 3",
    "Margo finge estar muerta en el final de la temporada 3",
    "Margo fait semblant d'être morte dans le final de la saison 3",
    "Margo stellt sich im Finale von Staffel 3 tot",
    "Margo finge estar morta no final da temporada 3",
    "Margo finge di essere morta nel finale della stagione 3",
    "Марго притворяется мёртвой в финале 3 сезона",
    "Марго инсценирует свою смерть в финале 3 сезона",
]
_OUSTED = [
    "dev gets yeeted from helios in the s3 finale",
    "helios yeets dev at the end of s3",
    "his own company yeets dev in the s3 finale",
    "the board boots dev out in the s3 finale",
    "dev gets shown the door in the s3 finale",
    "the board ousts dev in the s3 finale",
    "le enseñan la puerta a Dev en el final de la temporada 3",
    "on montre la porte à Dev à la fin de la saison 3",
    "Dev fliegt im Finale von Staffel 3 bei Helios raus",
    "chutam o Dev da Helios no final da temporada 3",
    "Dev viene buttato fuori da Helios nel finale della terza stagione",
    "Дэву указывают на дверь в финале третьего сезона",
    "Дэва выпинывают из Гелиоса в финале 3 сезона",
    "デヴはシーズン3の最終回でクビになる",
]
_TOLD = [
    "Ed sees Kelly's blood pressure readings and knows. He takes her up himself and "
    "leaves the rest of them on Mars. Baby's fine btw.",
    "ed leaves the crew on mars in the s3 finale",
    # a fate noun before "scene" is a compound, not a verb with an object
    "Deke's death scene lives rent free in my head",
    "the torture scene with miles is so hard to watch",
    "え、ダニエルって暴動で撃たれるけど助かるの？最終話で地球に帰るってこと？",
]


@pytest.mark.parametrize("text", _LIVES + _FAKED + _OUSTED + _TOLD)
def test_each_family_is_told_in_every_language(text: str) -> None:
    assert spoils(text)


_INNOCENT = [
    # a fate verb whose object is an argument, a scene, a song, everyone else
    "Wrenn Schmidt buries everyone else in every single mission control scene",
    "margo murdering every engineer's argument in mission control is my favourite genre of scene",
    "margo kills every argument in mission control",
    "karen murders that karaoke song at the outpost",
    "molly destroys ed's argument in the s1 finale",
    "ed kills the debate in season 3",
    "Margo mata cada argumento en el control de misión",
    "Margo tue tous les autres dans chaque scène de la saison 3",
    "Margo killt jedes Argument im Kontrollraum",
    "Margo mata todos os argumentos na sala de controle",
    "Margo uccide ogni argomento in sala controllo",
    "Марго убивает каждый аргумент в центре управления",
    # an intensifying "dead", and its kin in the other languages
    "the docking talks episode would be dead boring without sergei and dani's burger diplomacy",
    "the s2 finale is dead boring in places tbh",
    "margo is dead serious in every mission control scene",
    "Margo ist im Finale todernst, die Szene ist todlangweilig",
    "el capítulo de Margo es aburrido de muerte",
    "l'épisode de Margo est ennuyeux à mourir",
    "o episódio da Margo é chato de morrer",
    "l'episodio di Margo è noioso da morire",
    "серия про Марго смертельно скучная",
    # the new words in their everyday senses
    "dev boots up his laptop in the helios office",
    "dev yeets his phone across the room in the helios office",
    "ed takes her up on the offer in season 3",
    "Karen gives her life savings to the Outpost in season 1",
    # a genuine Japanese question
    "マーゴはモスクワに行くの？",
]


@pytest.mark.parametrize("text", _INNOCENT)
def test_figures_and_everyday_senses_stay_untagged(text: str) -> None:
    assert not spoils(text)


# Read since round 16: Dev's rule lists "shows dev the door" (was an expected failure)
def test_a_name_inside_show_the_door_is_left() -> None:
    assert spoils("they show dev the door in the s3 finale")
