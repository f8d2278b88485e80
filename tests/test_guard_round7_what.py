"""Round 7, what is said: classes of wording that opened6, opened7 (held-out sets written by
outsiders who never saw the guard) and tuning8 showed the guard lacked, each fixed as a
class: figures told by their construction (a film shot, a performance's verb, out of the
writer's own world), a phrasal killing verb with its object, finales named in the other
languages, question openers in French and Portuguese, slang for dying, ousting and
exile, and a scene described without its thing's name. Each case is written for this
test (other names, words and shapes than the corpora), innocent look-alikes included.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- figures told by construction ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "this sea dragon shot is my new wallpaper",  # "shot", a noun of film-making
        "the Sea Dragon shots in the pilot look so good",
        "Karen's comebacks absolutely kill",  # a performance's verb, adverb between
        "Ellen's speeches truly slay",
        "Molly's jokes murder every single time",
        "the acting totally kills in the Jamestown episodes",
        "Tracy's delivery murders",
        "gordo banished himself from my favourites list after s1",  # the writer's world
        "Margo got exiled from our group chat for defending Sergei",
        "Ed kicked himself out of my top five with that stunt",
        "I'd die on the hill of Karen being the best character",  # an idiom, all tenses
        "Molly dies on a hill of her own stubbornness every episode lol",
        "Danielle murders every press conference she gets",  # performance as object
    ],
)
def test_figures_by_their_construction_stay_innocent(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "the Sea Dragon shot down by Ed in the s2 finale",  # "shot" the verb, particle after
        "in the s2 finale the sea dragon shot at Buran first, then Ed fires",
        "Karen's jokes stop when the car bomb kills her in the s3 finale",
        "Margo gets exiled to Moscow from her own agency in the s3 finale",
        "Danny gets exiled to the lander in the s4 finale",
    ],
)
def test_the_same_verbs_with_a_character_or_the_story_still_spoil(text: str) -> None:
    assert spoils(text)


# --- a phrasal killing verb needs its object ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the blast at JSC that took out Molly in the s3 finale",
        "in the s3 finale the bombing took Karen out",
        "that car bomb taking out Karen in the s3 finale wrecked me",
    ],
)
def test_taking_out_one_of_ours_is_a_death(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ed takes Karen out for dinner in the s1 finale",
        "Karen takes out a loan for the Outpost in season 1",
        "Molly took out her earpiece during the spacewalk in s3",
        "Kelly takes a bullet for the team in a trivia night",  # a longer phrase from "takes"
    ],
)
def test_taking_out_something_else_is_not(text: str) -> None:
    assert not spoils(text)


# --- finales and questions in the other languages ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gordo und Tracy beißen im Saisonfinale 2 ins Gras",  # a compound finale word
        "Deke se petateó en el final de la temporada 1",
        "Karen la palmó en el final de la tercera temporada",
        "Ed verschont im Finale der ersten Staffel den Kosmonauten",
        "Ellen reste toute seule sur la Lune à la fin de la saison 1",
        "Дэнни выгнали жить в корейский модуль в финале четвёртого сезона",
    ],
)
def test_other_languages_say_it_plainly(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Est-ce que Danielle survit au finale de la saison 4 ? sans spoil svp",
        "Est-ce que Karen meurt dans le dernier épisode de la saison 3 ? j'en suis au 5",
        "Será que a Karen morre no final da terceira temporada? não contem",
        "Ed spart sich den Kosmonauten-Witz im Finale",  # no sparing of ours
        "ce gâteau est une tuerie, vu le final de la saison 2 en le mangeant",
    ],
)
def test_questions_and_look_alikes_in_other_languages_stay_innocent(text: str) -> None:
    assert not spoils(text)


# --- slang for dying, ousting, exile, a gun ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dev got rugged by the Helios board in the s3 finale",
        "the board pulled the rug on Dev in 3x10",
        "Dev gets the 🥾 from his own company in the s3 finale",
        "Danny gets sent to Coventry on Mars in the s4 finale, the lander and all",
        "Sally pulls a gat on Ed in the s2 finale",
        "in the s2 finale Sally is pulling a glock on her own commander",
    ],
)
def test_slang_says_the_fate(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "my cousin got rugged by a crypto coin last week",
        "the cast got sent to Coventry by the fandom for the s4 time jump",
        "the gat from the props department is on display at the con",
        "bought new 🥾 for the watch party",
    ],
)
def test_slang_look_alikes_stay_innocent(text: str) -> None:
    assert not spoils(text)


# --- a scene described without its thing's name ------------------------------------------


def test_the_sea_dragon_launch_described() -> None:
    assert spoils("after the s1 credits a huge rocket rises out of the ocean, Ed and Karen see it")
    assert not spoils("rocket league tournament tonight, then we watch ocean documentaries")
