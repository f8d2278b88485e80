"""A grid over real history and real people beside the show's story (round 8).

History was the kind weakest on unseen messages: a real person set aside as history
("the real Deke Slayton died in 1993") stays set aside even when the same clause gives
them an outcome only the show has ("wait, did the real Deke Slayton die on the moon??"),
and a real person who makes the show (the showrunner, a writer) as the one doing a fate
to our characters ("Ron Moore killing Gordo and Tracy in the s2 finale") took the fate
for their own. This covers both families in the eight languages the guard reads: a real
person's death placed where only the show puts it, real history turned to the show's
version by each language's words for it (`show_version`), the people behind the show as
agents of each finale fate; beside them, history as it happened in each language, and
the people behind the show praised with the same verbs ("the writers killed it").
"""

from __future__ import annotations

from functools import cache

import pytest

from bot.guard.lexicon import split_language
from tests.finale_matcher import spoils
from tests.shipped import shipped_content

# Deke Slayton as each language writes him (the canon's spellings): "{d}"
# A real person's death placed where only the show's story puts it: "{d}" is Deke.
SHOW_ONLY_DEATHS: dict[str, tuple[str, ...]] = {
    "en": (
        "wait, did the real {d} die on the moon??",
        "the real {d} is buried on the moon?? since when",
        "so the real {d} died up there on the moon? googling now",
        "historically {d} died on the moon? no way",
        "in real life {d} dies on the lunar surface?? wild",
    ),
    "de": ("der echte {d} ist auf dem Mond gestorben, krass", "der echte {d} stirbt auf dem Mond"),
    "es": ("el verdadero {d} murió en la luna, qué locura", "el {d} real muere en la luna"),
    "fr": ("le vrai {d} est mort sur la lune, sérieux", "historiquement {d} meurt sur la lune"),
    "pt": ("o verdadeiro {d} morreu na lua, que doideira", "na vida real {d} morre na lua"),
    "it": ("il vero {d} è morto sulla luna, pazzesco", "storicamente {d} muore sulla luna"),
    "ru": ("настоящий {d} умер на Луне, серьезно", "в реальной жизни {d} умер на Луне"),
    "ja": ("本物の{d}は月で死んだ", "実際の{d}は月面で死んだ"),
}

# Real history, then the show's version of it in the same sentence
TURNED_TO_THE_SHOW: dict[str, tuple[str, ...]] = {
    "en": (
        "in real life {d} died in 1993, in the show he dies on the moon",
        "historically {d} died of brain cancer, in FAM he's buried on the moon",
        "the real {d} died in 1993, but in the show he dies on the moon",
    ),
    "de": ("im echten Leben starb {d} 1993, in der Serie stirbt er auf dem Mond",),
    "es": ("en la vida real {d} murió en 1993, en la serie muere en la luna",),
    "fr": ("dans la vraie vie {d} est mort en 1993, dans la série il meurt sur la lune",),
    "pt": ("na vida real {d} morreu em 1993, na série ele morre na lua",),
    "it": ("nella vita reale {d} è morto nel 1993, nella serie muore sulla luna",),
    "ru": ("в реальной жизни {d} умер в 1993, в сериале он умирает на Луне",),
}

# History as it happened, in each language: never the show's story
REAL_HISTORY: dict[str, tuple[str, ...]] = {
    "en": (
        "the real {d} died of brain cancer in 1993",
        "in real life {d} died in 1993 at 69",
        "historically {d} died in League City, Texas",
        "the real {d} died in Texas, not on the moon",
        "the real {d} died on Earth in 1993, long after Apollo",
        "the real {d} was grounded for a heart murmur",
    ),
    "de": ("der echte {d} starb 1993 an Krebs", "im echten Leben starb {d} 1993 in Texas"),
    "es": ("el verdadero {d} murió de cáncer en 1993", "en la vida real {d} murió en Texas"),
    "fr": ("le vrai {d} est mort d'un cancer en 1993", "dans la vraie vie {d} est mort au Texas"),
    "pt": ("o verdadeiro {d} morreu de câncer em 1993", "na vida real {d} morreu no Texas"),
    "it": ("il vero {d} è morto di cancro nel 1993", "nella vita reale {d} è morto in Texas"),
    "ru": ("настоящий {d} умер от рака в 1993", "в реальной жизни {d} умер в Техасе в 1993"),
    "ja": ("本物の{d}は1993年にがんで亡くなった",),
}
OTHER_HISTORY = (
    "the real Gordon Cooper flew Mercury 9",
    "Apollo 1 fire killed Grissom, White and Chaffee",
    "the real Sally Ride flew on Challenger in 1983",
    "in real life Gene Kranz retired in 1994",
    "real Apollo 11 landed in 1969, Armstrong and Aldrin walked, nobody died",
)

# The people behind the show, as fans name them, doing a finale fate to our characters
AGENTS = (
    "Ron Moore",
    "Ronald D. Moore",
    "Moore",
    "Matt Wolpert",
    "Ben Nedivi",
    "the writers",
    "the showrunners",
    "Apple",
)
AGENT_FATES = (
    "{a} killing Gordo and Tracy in the s2 finale",
    "{a} killed Gordo and Tracy on the moon",
    "{a} blew up Karen in the s3 finale",
    "{a} really blew up Karen",
    "{a} let Danny get exiled",
    "{a} killed off Deke in the s1 finale",
    "{a} had Karen die in the bombing",
)
AGENT_FATES_ABROAD = (
    "Ron Moore tötet Gordo und Tracy im Staffelfinale",
    "Ron Moore mata a Gordo y Tracy en el final de la temporada 2",
    "Ron Moore tue Gordo et Tracy dans le final de la saison 2",
    "Ron Moore mata Gordo e Tracy no final da temporada 2",
    "Ron Moore uccide Gordo e Tracy nel finale della stagione 2",
    "Рон Мур убивает Гордо и Трейси в финале второго сезона",
)
# The same verbs as praise of the people behind the show, or of their other work
AGENT_FIGURES = (
    "{a} killed it this season",
    "{a} killed it with the s2 finale",
    "{a} absolutely murdered that finale",
    "{a} killed off Starbuck in BSG",
    "{a} killed the Outpost storyline way too early",
)


@cache
def _dekes() -> dict[str, tuple[str, ...]]:
    """Deke Slayton's names in each language, from the canon: the full name and the
    first name in Latin script, the canon's Russian and Japanese spellings."""
    deke = next(p for p in shipped_content().guard_lexicon.people if p.id == "deke-slayton")
    by_language: dict[str, list[str]] = {}
    for language, name in map(split_language, deke.names):
        if (not name.endswith("*") and name[:1].isupper()) or language == "ja":
            by_language.setdefault(language or "en", []).append(name)
    latin = tuple(n for n in by_language.get("en", ()) if n.startswith("Deke"))
    return {
        "ru": tuple(n for n in by_language.get("ru", ()) if " " in n),
        "ja": tuple(by_language.get("ja", ())),
        **{language: latin for language in ("en", "de", "es", "fr", "pt", "it")},
    }


def _cases(frames: dict[str, tuple[str, ...]]) -> list[str]:
    return [
        frame.format(d=name)
        for language, lines in frames.items()
        for frame in lines
        for name in _dekes()[language]
    ]


def test_the_grid_reaches_every_language() -> None:
    assert all(_dekes()[language] for language in SHOW_ONLY_DEATHS)
    assert len(_cases(SHOW_ONLY_DEATHS)) >= 20
    assert len(_cases(REAL_HISTORY)) >= 20


@pytest.mark.parametrize("text", _cases(SHOW_ONLY_DEATHS) + _cases(TURNED_TO_THE_SHOW))
def test_a_real_person_given_the_shows_outcome_is_the_shows(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", _cases(REAL_HISTORY) + list(OTHER_HISTORY))
def test_real_history_is_not_the_shows(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text", [f.format(a=a) for a in AGENTS for f in AGENT_FATES] + list(AGENT_FATES_ABROAD)
)
def test_the_people_behind_the_show_as_agents_of_a_fate(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", [f.format(a=a) for a in AGENTS for f in AGENT_FIGURES])
def test_the_people_behind_the_show_praised_with_a_fate_verb(text: str) -> None:
    assert not spoils(text)
