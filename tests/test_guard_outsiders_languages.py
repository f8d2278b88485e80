"""Ways of saying what happened in the other languages that outsiders' messages taught
the guard in round 5 (tests/corpus/opened*.toml): the finales' outcomes as fans say them
in Spanish, French, German, Portuguese, Italian, Russian and Japanese, a relation's owner
after it ("la esposa de Ed", "жену Эда"), another language's small word that is an
English fate word. Each case is written for this test, with innocent neighbours.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- other languages --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kelly bekommt ihr Baby oben auf der Phoenix",
        "la Ellen va a casa de Pam en el final",
        "Ellen va chez Pam dans le final",
        "no final a Ellen visita a Pam",
        "Дэнни ссылают в северокорейский модуль",
    ],
)
def test_finale_outcomes_in_other_languages_spoil(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "dies ist die beste Folge mit Gordo",  # German "dies": this
        "dies war mein Lieblingsmoment mit Karen im Outpost",
        "Tracy bekommt kein Baby in Staffel 1",
        "笑いすぎて死んだ、カレンのシーン",  # laughed to death
        "ゴルドのジョーク、笑って死ぬかと思った",
    ],
)
def test_innocent_messages_in_other_languages_do_not(text: str) -> None:
    assert not spoils(text)


def test_a_fate_word_repeated_is_not_another_language() -> None:
    """German "dies" is a small word, but a message does not turn German by repeating
    the English fate word."""
    assert spoils("#KarenDies #MollyDies worst finale ever")
    assert spoils("Deke dies dies dies")


# --- the finales' outcomes in every language, said the way fans say them --------------


@pytest.mark.parametrize(
    "text",
    [
        "Lee Jung-gil fue el primero en llegar a Marte",
        "Lee è il primo a mettere piede su Marte, che colpo di scena",
        "el robo de Goldilocks sale bien",
        "o roubo de Goldilocks deu certo no final",
        "Danny wird ins nordkoreanische Modul verbannt",
        "Дэнни оставляют одного в северокорейском модуле",
        "Майлза пытают, и он выдаёт убежище",
        "Дева выгоняют из Helios",
        "al final Dev se queda sin su empresa",
        "Dev perd son entreprise à la fin de la saison 3",
        "o Danny fica sozinho no módulo norte-coreano",
    ],
)
def test_more_finale_outcomes_in_other_languages_spoil(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Molly est trop drôle, elle tue dans chaque scène",
        "Miles versucht, Geld zu sparen",
        "Майлз пытается найти работу в первой серии",  # "tries", not "is tortured"
        "Dev quiere comprar otra empresa en la temporada 4",
    ],
)
def test_their_innocent_neighbours_do_not(text: str) -> None:
    assert not spoils(text)


# --- a relation and its owner in the other languages ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la esposa de Ed muere en el atentado",
        "la femme d'Ed meurt dans l'attentat",
        "die Frau von Ed stirbt beim Anschlag",
        "a esposa do Ed morre no atentado",
        "la moglie di Ed muore nell'attentato",
        "жену Эда убили при взрыве",  # the owner in the genitive, after
        "la madre de Danny muere en la luna",
        "Эллен навещает Пэм в финале третьего сезона",
        "エレンがパムに会いに行く",
        "Майлзу пришлось выдать убежище после пыток",
        "Ли Чон Гиль первым оказался на Марсе",
        "Дика похоронили на Луне",
    ],
)
def test_relations_and_outcomes_in_other_languages_spoil(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Эд и его жена",
        "la madre de mi amigo Ed murió el año pasado",
        "la esposa de Ed es la mejor, dueña del bar",
        "Келли беременна в третьем сезоне",
    ],
)
def test_relations_in_other_languages_without_a_finale_outcome_do_not(text: str) -> None:
    assert not spoils(text)


def test_danny_losing_his_parents_in_other_languages_spoils() -> None:
    assert spoils("Danny pierde a sus padres en la luna")
    assert spoils("Danny verliert seine Eltern auf dem Mond")
    assert spoils("à la fin de la saison 2 Danny devient orphelin")
    assert not spoils("Danny ama a sus padres en la primera temporada")


@pytest.mark.parametrize(
    "text",
    [
        "Margo se fait coffrer à la fin de la saison 4",
        "Margo wird am Ende von Staffel 4 eingebuchtet",
        "a Margo vai em cana no final da 4ª temporada",
        "Margo finisce dentro alla fine della stagione 4",
        "Марго сажают в тюрьму в конце четвёртого сезона",
        "Gordo und Tracy segnen das Zeitliche auf dem Mond",
        "Karen casse sa pipe dans l'attentat",
        "Karen tira le cuoia nell'attentato",
    ],
)
def test_slang_for_arrests_and_deaths_in_other_languages_spoils(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Margo finisce il lavoro alla NASA nella stagione 2",
        "a Margo vai ao cinema na temporada 1",
        "Margo ouvre le coffre de sa voiture",
    ],
)
def test_their_everyday_neighbours_do_not(text: str) -> None:
    assert not spoils(text)
