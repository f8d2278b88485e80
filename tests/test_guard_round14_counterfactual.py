"""Round 14, known misses: a wish or supposition contrary to fact whose outcome is denied
tells the outcome ("I wish Karen hadn't died", "Ich wünschte, Karen wäre nicht ... gestorben",
"se o Gordo não tivesse morrido", "если бы Карен не погибла"), in each language the guard
claims; innocent look-alikes are real wishes about real life (a phone, a grandparent) and
supposed deaths ("what if Gordo had died in s1"), which tell nothing. Written before the fix.

Before: 10 of the 20 spoilers read now were tagged (and none of the 5 in LEFT), all 21
look-alikes left; after: 20 of 20, 21 left. The fix (supposing.py, data): a
strong supposition (`supposing`: German "ich wünschte", "wenn doch nur", French "j'aurais
aimé que", Russian "вот бы") takes a plain past as its unreal form (`unreal_past`:
"wären" read as "waren", "était", "soit"), Russian "если бы" holds its own unreal "бы",
Portuguese "se" supposes of the subject after it (its article read: "se o Gordo").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

LEFT = [
    "Wenn Deke doch nur nicht auf dem Mond gestorben wäre",
    "si Gordo n'avait pas péri sur la Lune, la saison 3 serait différente",
    "se solo Karen non fosse morta nell'attentato",
    "カレンが死ななければよかったのに",
    "ゴルドとトレイシーが月で死ななければよかった",
]

SPOILERS = [
    "I wish Gordo and Tracy hadn't died on the moon",
    "if only Deke hadn't died up there in the s1 finale",
    "Ich wünschte, Karen wäre nicht beim Anschlag gestorben",
    "Ich wünschte, Gordo und Tracy wären nicht auf dem Mond gestorben",
    "Ich wünschte mir, Deke wäre nicht auf dem Mond gestorben",
    "Wenn Gordo und Tracy nicht gestorben wären, wäre Staffel 3 anders",
    "se o Gordo não tivesse morrido na lua, a série seria outra",
    "quem dera a Karen não tivesse morrido no atentado",
    "se a Tracy não tivesse morrido com o Gordo na lua",
    "se ao menos o Deke não tivesse morrido na lua",
    "si seulement Karen n'était pas morte dans l'attentat",
    "si seulement Gordo et Tracy n'étaient pas morts sur la Lune",
    "se Gordo non fosse morto sulla luna, la terza stagione sarebbe diversa",
    "magari Deke non fosse morto sulla luna",
    "se solo Gordo e Tracy non fossero morti sulla luna",
    "если бы Карен не погибла при взрыве",
    "если бы Гордо не погиб на Луне",
    "вот бы Дик не умер на Луне",
    "ojalá Gordo y Tracy no hubieran muerto en la luna",
    "si Deke no hubiera muerto en la luna",
]

INNOCENT = [
    "Ich wünschte, mein Akku wäre nicht mitten im Finale gestorben",
    "Ich wünschte, mein Opa wäre nicht so früh gestorben, er hätte die Serie geliebt",
    "Ich wünschte, Karen wäre in Staffel 1 gestorben, dann hätte Ed Ruhe",
    "Ich wünschte, Gordo hätte in Staffel 1 überlebt, ach nein, da stirbt er ja gar nicht",
    "Ich wünschte, die Folge wäre nicht so schnell vorbei gewesen",
    "se o meu avô não tivesse morrido, ia adorar a série",
    "se a minha bateria não tivesse morrido no meio do episódio",
    "se o Gordo tivesse morrido na primeira temporada, a série seria outra",
    "se a Karen tivesse vendido o bar mais cedo",
    "si seulement mon téléphone n'était pas mort pendant l'épisode",
    "si seulement Karen était restée au bar dans la saison 1",
    "j'aurais aimé que mon chat ne soit pas mort cette année",
    "j'aurais aimé que Gordo soit mort dans la saison 1, juste pour voir",
    "если бы мой дед не умер, он бы полюбил этот сериал",
    "вот бы у меня телефон не умер посреди серии",
    "если бы Гордо погиб в первом сезоне, было бы странно",
    "se solo il mio telefono non fosse morto durante la puntata",
    "I wish my phone hadn't died right before the episode ended",
    "if only my grandpa hadn't died before he could see the show",
    "I wish Gordo had died in s1 instead of Ed's plane crash arc, just for the drama",
    "ojalá mi abuelo no hubiera muerto antes de ver la serie",
]

# an Italian supposed death read as a death (before round 14 too): "se" + "fosse" is
# unreal, and a supposed death should be nothing
FALSE_ALARMS_LEFT = ["se Karen fosse morta nella prima stagione sarebbe stato assurdo"]


@pytest.mark.parametrize("text", SPOILERS)
def test_a_denied_outcome_supposed_contrary_to_fact_is_told(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", INNOCENT)
def test_a_real_wish_or_a_supposed_death_is_left(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", LEFT)
@pytest.mark.xfail(strict=True, reason="not read: 'wenn X doch nur', 'péri', Japanese ければ")
def test_known_misses(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", FALSE_ALARMS_LEFT)
@pytest.mark.xfail(strict=True, reason="an Italian supposed death read as told")
def test_known_false_alarms(text: str) -> None:
    assert not spoils(text)
