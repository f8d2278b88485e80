"""Round 15d/e review: fresh probes of the guard at 12c8010 against rounds 15d and 15e.

Two classes over-reached and are fixed:
(1) Reaching an end ("no llega al final", "non arriva alla fine", "não chega ao fim",
    "не доживает до") was read as a death denied of whatever end followed: a day, a week,
    a party, a shift. It is one only when the sentence says whose end, a season's or the
    show's (`season_noun`: "temporada", "stagione", "сезон", "финал"; or a season's code).
(2) Going or coming home ("Ed finally gets to go home", rule ed-finally-goes-home) named
    with a later season's episode or season ("in s3e2", "in season 2") is that episode's
    homecoming (`homecoming`), not the season 1 finale's still holding, as a death is.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPOILERS = [
    # (1) a season's end, kept
    "Karen no llega al final de la temporada 3",
    "Gordo y Tracy no llegan al final de la segunda temporada",
    "Molly no llega al final de la serie",
    "Molly não chega ao final da série",
    "Karen não chega ao fim da temporada 3",
    "Molly não chega ao fim da s3",
    "Karen non arriva alla fine della terza stagione",
    "Molly non arriva al finale della stagione",
    "Карен не доживает до конца сезона",
    "Молли не доживает до финала",
    "Гордо не доживает до финала второго сезона",
    "До конца сезона она так и не доживает, Молли",
    "Karen ne voit pas la fin de la saison 3",
    # (2) the season 1 finale's homecoming, kept
    "Ed finally gets to go home",
    "Ed finally gets to go home to Karen after 2 years on the moon, s1 finale",
    "Ed finally gets to come home in the season 1 finale",
    "Ellen relieves Ed at Jamestown so he finally goes home",
]

INNOCENT = [
    # (1)
    "Карен не доживает до конца смены в баре, устала",
    "Карен не доживает до пятницы, так много работы",
    "Молли не доживает до пятницы без кофе",
    "Гордо не доживает до конца вечеринки, уснул",
    "Karen no llega al final del día sin café",
    "Molly no llega al final de la semana sin pelear",
    "Karen non arriva alla fine della giornata senza caffè",
    "Gordo non arriva alla fine della festa, si addormenta",
    "Karen não chega ao fim do dia sem café",
    "Gordo não chega ao final da festa, dorme no sofá",
    "Karen n'arrive pas à la fin de la journée sans café",
    # (2)
    "Ed finally gets to go home in s3e2",
    "Ed finally gets to go home in season 2",
    "s4e3 Ed finally gets to go home from Happy Valley",
    "Ed finally gets to go home to Karen in s1e4",
    "Ed finally gets to go home after the Apollo 10 debrief in s1e2",
]

# Accepted prices: still tagged, strictly expected to be
PRICES = [
    pytest.param(
        "Ed finally got to go home after the pressers, Karen was waiting",
        marks=pytest.mark.xfail(
            strict=True,
            reason="no episode named: rule ed-finally-goes-home reads Ed's 'finally gets to "
            "go home' as the S1 finale's, as it must for the unmarked spoiler",
        ),
    ),
    pytest.param(
        "rewatching s1e2, Ed finally gets to go home after the Apollo 10 debrief",
        marks=pytest.mark.xfail(
            strict=True,
            reason="an episode named before a clause break does not place an outcome after "
            "it (together.py's elsewhere needs the episode near the mention)",
        ),
    ),
    pytest.param(
        "Ed finally gets to go home from the hospital in s4",
        marks=pytest.mark.xfail(
            strict=True,
            reason="the season is named past EPISODE_REACH from the outcome, so the "
            "homecoming is not placed in it",
        ),
    ),
]


@pytest.mark.parametrize("text", SPOILERS)
def test_round15de_review_spoilers_are_read(text: str) -> None:
    assert spoils(text), text


@pytest.mark.parametrize("text", INNOCENT)
def test_round15de_review_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text), text


@pytest.mark.parametrize("text", PRICES)
def test_round15de_review_accepted_prices(text: str) -> None:
    assert not spoils(text), text
