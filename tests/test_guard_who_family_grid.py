"""A grid over who is meant, by family, in every language the guard reads (round 8).

Opened8's misses named finale characters by a relation or a job title in another
language ("Eds Frau", "ケリーのお母さん", "la directrice du JSC") or by the relative they
left behind ("Marge ... ends season 1 a widow"). Rather than those messages, this covers
their families, derived from the canon: every finale death of a character who is some
other character's wife, husband, mother or father, said in eight languages with each
language's possessive; each role of a character who dies in a finale, its words in each
language; and every spouse or child left behind by a finale death, as a widow(er) or an
orphan. Beside each, innocent look-alikes: someone's own relatives and bosses, a relative
or role of ours with no fate, a widow who is someone else's neighbour.
"""

from __future__ import annotations

from functools import cache

import pytest

from bot.guard.lexicon import Person, split_language
from tests.finale_matcher import finale_rules, spoils
from tests.shipped import shipped_content

# Each language's words for a relation, with the article or possessive frame it takes:
# "{o}" the owner's name. A finale death in that language: "{r}" the reference, "{n}" the
# season.
RELATION_FRAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "wife": ("{o}'s wife", "{o}s wife", "the wife of {o}"),
        "husband": ("{o}'s husband", "{o}s husband", "the husband of {o}"),
        "mother": ("{o}'s mom", "{o}s mother", "the mother of {o}"),
        "father": ("{o}'s dad", "{o}s father", "the father of {o}"),
    },
    "de": {
        "wife": ("{o}s Frau", "die Frau von {o}", "{o}s Ehefrau"),
        "husband": ("{o}s Mann", "der Ehemann von {o}"),
        "mother": ("{o}s Mutter", "die Mutter von {o}"),
        "father": ("{o}s Vater", "der Vater von {o}"),
    },
    "fr": {
        "wife": ("la femme de {o}", "l'épouse de {o}"),
        "husband": ("le mari de {o}",),
        "mother": ("la mère de {o}",),
        "father": ("le père de {o}",),
    },
    "es": {
        "wife": ("la esposa de {o}", "la mujer de {o}"),
        "husband": ("el marido de {o}", "el esposo de {o}"),
        "mother": ("la madre de {o}", "la mamá de {o}"),
        "father": ("el padre de {o}",),
    },
    "pt": {
        "wife": ("a mulher do {o}", "a esposa de {o}"),
        "husband": ("o marido da {o}",),
        "mother": ("a mãe do {o}", "a mãe da {o}"),
        "father": ("o pai do {o}", "o pai da {o}"),
    },
    "it": {
        "wife": ("la moglie di {o}",),
        "husband": ("il marito di {o}",),
        "mother": ("la madre di {o}", "la mamma di {o}"),
        "father": ("il padre di {o}",),
    },
    "ja": {
        "wife": ("{o}の妻", "{o}の奥さん"),
        "husband": ("{o}の夫", "{o}の旦那"),
        "mother": ("{o}の母", "{o}のお母さん", "{o}の母親"),
        "father": ("{o}の父", "{o}のお父さん"),
    },
}
DEATHS = {
    "en": ("{r} dies in the season {n} finale", "{r} gets killed at the end of s{n}"),
    "de": ("{r} stirbt im Finale der Staffel {n}", "{r} stirbt am Ende von Staffel {n}"),
    "fr": ("{r} meurt à la fin de la saison {n}", "{r} est tuée dans le final de la saison {n}"),
    "es": ("{r} muere en el final de la temporada {n}",),
    "pt": ("{r} morre no final da temporada {n}",),
    "it": ("{r} muore nel finale della stagione {n}",),
    "ru": ("{r} погибает в финале {n} сезона",),
    "ja": ("{r}はシーズン{n}の最後で死ぬ", "{r}、シーズン{n}の最後で亡くなる"),
}
# The same frames with nobody of ours, or ours with nothing said: never tagged
INNOCENT_DEATHS = {
    "en": ("my {w} watched the season {n} finale with me",),
    "de": ("meine {w} hat das Finale der Staffel {n} mit mir geschaut",),
    "fr": ("ma {w} a regardé la fin de la saison {n} avec moi",),
    "es": ("mi {w} vio el final de la temporada {n} conmigo",),
    "pt": ("minha {w} viu o final da temporada {n} comigo",),
    "it": ("mia {w} ha visto il finale della stagione {n} con me",),
    "ja": ("私の{w}とシーズン{n}の最後を見た",),
}
OWN_WORDS = {
    "en": ("wife", "mom"),
    "de": ("Frau", "Mutter"),
    "fr": ("femme", "mère"),
    "es": ("esposa", "madre"),
    "pt": ("esposa", "mãe"),
    "it": ("moglie", "madre"),
    "ja": ("妻", "母"),
}
NO_FATE = {
    "en": "{r} has a great scene in s{n}e3",
    "de": "{r} hat eine tolle Szene in Folge 3 der Staffel {n}",
    "fr": "{r} a une super scène dans l'épisode 3 de la saison {n}",
    "es": "{r} tiene una gran escena en el episodio 3 de la temporada {n}",
    "ja": "{r}はシーズン{n}の第3話で最高のシーンがある",
}
# Someone else's relative, with a fate and a finale: not ours
STRANGERS = ("Toms", "Peters", "Ninas")


@cache
def _people() -> dict[str, Person]:
    return {p.id: p for p in shipped_content().guard_lexicon.people}


@cache
def _deaths() -> dict[str, int]:
    """Characters who die in a finale, and its season."""
    found = {}
    for rule in finale_rules():
        if (
            rule.id.startswith("fate-")
            and rule.reveal.finale
            and "@death" in rule.actions
            and rule.subjects[0].startswith("@")
        ):
            found[rule.subjects[0][1:]] = rule.reveal.episode.season
    return found


def _name(person: Person, language: str) -> str | None:
    """The owner as fans write them: the first one-word Latin alias, or for Japanese
    the first Japanese spelling."""
    if language == "ja":
        return next((n for lang, n in map(split_language, person.names) if lang == "ja"), None)
    latin = [n for n in person.names if ":" not in n[:3]]
    return next((n for n in latin[1:] if " " not in n and n.isalpha()), None)


def _relatives() -> list[tuple[str, str, str, int]]:
    """(relation, owner, character, season): a finale death said by a relation the canon
    gives in that season, the owner named unambiguously."""
    people = _people()
    found = []
    for cid, season in _deaths().items():
        for role in people[cid].roles:
            words = {w for word in role.words for w in word.split("|")}
            relation = next(
                (r for r in ("wife", "husband", "mother", "father") if r in words), None
            )
            if relation and role.of in people and role.first <= season <= role.last:
                found.append((relation, role.of, cid, season))
    return sorted(set(found))


def _relation_cases() -> list[tuple[str, str]]:
    cases = []
    for relation, owner, _cid, season in _relatives():
        for language, frames in RELATION_FRAMES.items():
            name = _name(_people()[owner], language)
            if name is None:
                continue
            for frame in frames.get(relation, ()):
                for death in DEATHS[language]:
                    ref = frame.format(o=name)
                    text = death.format(r=ref, n=season)
                    cases.append((text[0].upper() + text[1:], f"{language}:{relation}"))
    return cases


def test_the_relation_grid_is_broad() -> None:
    cases = _relation_cases()
    assert len({c.split(":")[0] for _, c in cases}) == len(RELATION_FRAMES)
    assert len(cases) >= 150


@pytest.mark.parametrize(("text", "reference"), _relation_cases())
def test_a_finale_death_said_by_a_relation_in_every_language_is_tagged(
    text: str, reference: str
) -> None:
    assert spoils(text), reference


def _innocent_relation_cases() -> list[str]:
    cases = []
    for language, frames in INNOCENT_DEATHS.items():
        for word in OWN_WORDS[language]:
            cases += [f.format(w=word, n=n) for f in frames for n in (1, 2, 3)]
    for relation, owner, _cid, season in _relatives():
        for language, frame in NO_FATE.items():
            name = _name(_people()[owner], language)
            if name is None:
                continue
            for relation_frame in RELATION_FRAMES[language].get(relation, ())[:1]:
                cases.append(frame.format(r=relation_frame.format(o=name), n=season))
    for stranger in STRANGERS:
        cases += [
            f"{stranger} Frau stirbt im Film am Ende",
            f"{stranger} wife dies in the movie at the end",
        ]
    return cases


@pytest.mark.parametrize("text", _innocent_relation_cases())
def test_own_relatives_and_relatives_with_no_fate_are_not_tagged(text: str) -> None:
    assert not spoils(text)


# Roles, by their words in each language ([roles] of the language files): "{t}" the
# role's thing (JSC, Apollo 25, Polaris), "{j}" its job in that language
ROLE_FRAMES = {
    "fr": ("le {j} de {t}", "la {j} du {t}"),
    "de": ("die {j} von {t}", "{t}-{j}"),
    "es": ("la {j} de {t}",),
    "pt": ("a {j} da {t}",),
    "it": ("la {j} di {t}",),
    "ru": ("{j} {t}",),
    "ja": ("{t}の{j}",),
}


# First words of roles that say which one, not of what ("the first woman flight director")
_NOT_THINGS = frozenset({"first woman", "real life", "real", "historical"})


def _role_cases() -> list[tuple[str, str]]:
    """Each two-word role (a thing and a job) of a character who dies in a finale, valid
    at it, the job said in each language."""
    people = _people()
    cases = []
    for cid, season in _deaths().items():
        for role in people[cid].roles:
            if role.of or len(role.words) != 2 or not role.first <= season <= role.last:
                continue
            thing, job = role.words
            things = [w for w in thing.split("|") if ":" not in w[:3]]
            if not things or _NOT_THINGS & set(things):
                continue
            for language, frames in ROLE_FRAMES.items():
                jobs = [w for lang, w in map(split_language, job.split("|")) if lang == language]
                if not jobs:
                    continue
                for frame in frames:
                    ref = frame.format(
                        j=jobs[0], t=things[0].upper() if len(things[0]) <= 3 else things[0].title()
                    )
                    for death in DEATHS[language]:
                        cases.append((death.format(r=ref, n=season), f"{cid}:{language}"))
    return cases


def test_the_role_grid_covers_the_languages() -> None:
    assert {c.split(":")[1] for _, c in _role_cases()} >= {"fr", "de", "es", "pt", "it", "ja"}


@pytest.mark.parametrize(("text", "reference"), _role_cases())
def test_a_finale_death_said_by_a_role_in_every_language_is_tagged(
    text: str, reference: str
) -> None:
    assert spoils(text), reference


@pytest.mark.parametrize(
    "text",
    [
        "la directrice de mon école meurt de rire à la fin de la saison 3",
        "der Direktor meiner Schule hat das Finale der Staffel 3 gesehen",
        "el comandante de mi unidad vio el final de la temporada 3",
        "la directrice du JSC a une super scène dans l'épisode 3 de la saison 3",
        "私の会社の社長はシーズン3の最後を見た",
    ],
)
def test_roles_of_the_writers_world_or_without_a_fate_are_not_tagged(text: str) -> None:
    assert not spoils(text)


# Who is left behind: "widow" (a spouse's death) and "orphan" (the parents')
LEFT_FRAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "she": (
            "{p} becomes a widow in the s{n} finale",
            "{p} ends season {n} a widow",
            "{p} is widowed in the season {n} finale",
        ),
        "he": ("{p} becomes a widower in the s{n} finale", "{p} ends season {n} a widower"),
        "orphan": ("{p} is orphaned in the s{n} finale", "{p} ends season {n} an orphan"),
    },
    "de": {
        "she": ("{p} wird im Finale der Staffel {n} zur Witwe",),
        "he": ("{p} wird im Finale der Staffel {n} zum Witwer",),
        "orphan": ("{p} wird im Finale der Staffel {n} zur Waise",),
    },
    "fr": {
        "she": ("{p} devient veuve à la fin de la saison {n}",),
        "he": ("{p} devient veuf à la fin de la saison {n}",),
        "orphan": ("{p} devient orphelin à la fin de la saison {n}",),
    },
    "es": {
        "she": ("{p} queda viuda en el final de la temporada {n}",),
        "he": ("{p} queda viudo en el final de la temporada {n}",),
        "orphan": ("{p} queda huérfano en el final de la temporada {n}",),
    },
    "pt": {
        "she": ("{p} fica viúva no final da temporada {n}",),
        "he": ("{p} fica viúvo no final da temporada {n}",),
        "orphan": ("{p} fica órfão no final da temporada {n}",),
    },
    "it": {
        "she": ("{p} resta vedova nel finale della stagione {n}",),
        "he": ("{p} resta vedovo nel finale della stagione {n}",),
        "orphan": ("{p} resta orfano nel finale della stagione {n}",),
    },
    "ja": {
        "she": ("{p}はシーズン{n}の最後で未亡人になる",),
        "orphan": ("{p}はシーズン{n}の最後で孤児になる",),
    },
}


def _left_behind() -> list[tuple[str, str, int]]:
    """(character left, "she"/"he"/"orphan", season) for every finale death of a spouse,
    and every child whose parents both die in one finale."""
    people = _people()
    deaths = _deaths()
    found = []
    parents: dict[str, list[int]] = {}
    for cid, season in deaths.items():
        for role in people[cid].roles:
            words = {w for word in role.words for w in word.split("|")}
            if role.of not in people or not role.first <= season <= role.last:
                continue
            if words & {"wife", "husband"} and role.of not in deaths:
                gender = people[role.of].gender
                if gender in ("she", "he"):
                    found.append((role.of, gender, season))
            if words & {"mother", "father"}:
                parents.setdefault(role.of, []).append(season)
    for child, seasons in parents.items():
        if len(seasons) == 2 and seasons[0] == seasons[1] and child not in deaths:
            found.append((child, "orphan", seasons[0]))
    return sorted(set(found))


def _left_cases() -> list[tuple[str, str]]:
    cases = []
    for cid, how, season in _left_behind():
        for language, frames in LEFT_FRAMES.items():
            name = _name(_people()[cid], language)
            if name is None:
                continue
            for frame in frames.get(how, ()):
                cases.append((frame.format(p=name, n=season), f"{cid}:{language}:{how}"))
    return cases


def test_the_left_behind_grid_has_widows_widowers_and_orphans() -> None:
    assert {c.split(":")[2] for _, c in _left_cases()} == {"she", "he", "orphan"}


@pytest.mark.parametrize(("text", "reference"), _left_cases())
def test_a_finale_death_said_by_who_is_left_behind_is_tagged(text: str, reference: str) -> None:
    assert spoils(text), reference


def _left_innocent() -> list[str]:
    cases = []
    for cid, _how, season in _left_behind():
        name = _name(_people()[cid], "en")
        cases += [
            f"{name}'s neighbour is a widow in s{season}e3",
            f"my aunt became a widow last year and {name} reminds me of her",
            f"{name} talks to a widow at the party in s{season}e2",
        ]
    return cases


@pytest.mark.parametrize("text", _left_innocent())
def test_widows_who_are_not_ours_are_not_tagged(text: str) -> None:
    assert not spoils(text)
