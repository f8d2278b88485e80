"""Round 15e: classes from opened19, each with variants and innocent look-alikes that must
stay untagged. Canon (data/canon/for-all-mankind): the season 2 finale's coda jumps to 1995
and boots on Mars, but Danielle steps out of Sojourner 1 ahead of Kuznetsov in S3E5,
mid-season; Pam is the Outpost's bartender from S1E1, and Ellen, the president, comes to her
home in S3E10; Molly dies in the season 3 finale; Ellen reaches Jamestown and stays so
that Ed can go home (S1E10).

(1) Boots on Mars said with ships and crews first seen in season 3 (en.toml `first_seen_3`:
    Sojourner, Kuznetsov, Phoenix) is season 3's landing, not the season 2 flash-forward,
    unless the sentence names the finale or season 2.
(2) Pam as "the girl from the bar", "the woman from the Outpost" (her `known_as`).
(3) Not living to the end of a season: Russian "не доживает до конца сезона", Spanish "no
    llega al final de la temporada", Portuguese "não chega ao fim", Italian "non arriva alla
    fine", French "n'arrive pas à la fin", "ne voit pas la fin".
(4) Ed who "finally gets to go home" (to Karen), relieved by Ellen: the season 1 finale.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPOILERS = [
    # (1) the finale's own coda, kept
    "s2 finale ends with boots on Mars",
    "the s2 finale ends with boots on Mars, and it's not Sojourner",
    "season 2 ends on boots on mars",
    "boots on mars in the finale, who is it",
    "the last scene: boots on Mars. I bet it's Danielle",
    # (2)
    "the president finally goes to see the girl from the bar 😭 s3e10",
    "in the s3 finale Ellen reconciles with the girl from the bar",
    "Ellen finally goes to see the woman from the Outpost in the s3 finale",
    # (3)
    "Пересматриваю третий сезон с женой. Молли — её любимая героиня ещё с первого сезона. "
    "До конца сезона она так и не доживает, и жена со мной теперь не разговаривает",
    "Молли не доживает до конца третьего сезона",
    "Молли не дожила до финала третьего сезона",
    "Гордо и Трейси не доживают до конца второго сезона",
    "Molly no llega al final de la temporada 3",
    "Gordo y Tracy no llegan al final de la segunda temporada",
    "Molly não chega ao fim da terceira temporada",
    "a Molly não chega ao final da temporada 3",
    "Molly non arriva alla fine della terza stagione",
    "Molly n'arrive pas jusqu'à la fin de la saison 3",
    "Molly ne voit pas la fin de la saison 3",
    "Gordo et Tracy ne voient pas la fin de la saison 2",
    "molly doesn't make it to the end of season 3",
    # (4)
    "rewatch log, day 14, the s1 finale. Ellen lands at Jamestown. She's staying. "
    "Ed finally gets to go home to Karen",
    "the s1 finale: Ed finally gets to go home",
    "Ed finally gets to come home to Karen",
    "Ed is relieved by Ellen in the season 1 finale",
    "Ellen takes his place at Jamestown, and Ed goes home to Karen",
]

INNOCENT = [
    # (1)
    "Danielle stepping out of Sojourner ahead of Kuznetsov so the first boot on Mars is "
    "American. iconic. petty. perfect",
    "Dani makes sure her boot on Mars comes before Kuznetsov's",
    "the Phoenix crew watching Sojourner's boots on Mars from orbit",
    "Sojourner lands first, Danielle's boots on Mars before anyone from Phoenix",
    # (2)
    "I met a girl from the bar last night",
    "my sister is the girl from the bar on fifth street",
    "Karen, the woman who owns the bar, is great",
    "Ellen goes to see the girl from the gym in s3e10",
    # (3)
    "Молли доживает до конца третьего сезона?",
    "я не доживу до выхода пятого сезона",
    "дедушка дожил до девяноста лет",
    "no llego al final de la temporada 3, me aburrí",
    "Molly llega al final de la temporada?",
    "não cheguei ao fim da temporada 3 ainda",
    "o episódio não chega ao fim da temporada com o mesmo ritmo",
    "Ed no llega al final del discurso en la temporada 3",
    "je n'arrive pas à la fin de la saison 3, trop lent",
    "on n'arrive pas à la fin de la saison 3 sans pleurer",
    # (4)
    "Ed finally goes home after the debrief in s1e2",
    "I finally get to go home to my wife",
    "Ed finally goes home, he's exhausted after the Apollo 10 debrief",
    "Karen waits for Ed to come home from the Outpost",
    "Ed comes home to Karen drunk in season 1 episode 3",
    "Ed comes home to Karen after a long day at JSC",
    "Ed goes home to Karen and they argue about Shane",
]


@pytest.mark.parametrize("text", SPOILERS)
def test_round15e_classes_are_read(text: str) -> None:
    assert spoils(text), text


@pytest.mark.parametrize("text", INNOCENT)
def test_round15e_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text), text
