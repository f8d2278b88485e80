"""Round 8, what is said: whole families of phrasing, not the single messages of opened8
that showed them missing. Each family is a grid (forms × characters × how the finale is
named), with innocent look-alikes that must stay untagged:

- euphemisms of dying in every claimed language ("всё, отмучились", "se nos fue", "ist
  von uns gegangen", "nous a quittés", "ci ha lasciati", "逝った") beside the same words in
  their everyday sense ("nos dejó sin palabras");
- another work's death used as a figure for ours ("were my Red Wedding", "pulled a Ned
  Stark", "got Glenn'd", "pulled a Sherlock" for a faked death) beside talk of that work;
- idioms built on "dead", "kill", "RIP" ("dead in the water", "RIP to every man in that
  room") said of our characters, which are not fates;
- finale events that are no person's fate (jumps in time, the takeover of Jamestown, the
  Sea Dragon, Apollo 24, Goldilocks, the riot, the births and the crew left on Mars) said
  in every claimed language;
- a list under a header that states the fate ("finale deaths so far:" then "- s1: Deke").
"""

from __future__ import annotations

from tests.finale_matcher import spoils


def _misses(forms: list[str], people: list[str], finales: list[str]) -> list[str]:
    return [
        t
        for f in forms
        for x in people
        for where in finales
        if not spoils(t := f.format(x=x, where=where))
    ]


def _alarms(texts: list[str]) -> list[str]:
    return [t for t in texts if spoils(t)]


# --- euphemisms of dying, every claimed language ---------------------------------------

_EUPHEMISMS = {
    "en": (["{x} passed away {where}", "{x} is no longer with us {where}"], ["in the s3 finale"]),
    "ru": (
        [
            "{x} — всё, отмучилась. {where}",
            "{x} ушла из жизни {where}",
            "{x} нас покинула {where}",
            "{x} покинула нас {where}",
            "{x} скончалась {where}",
            "{x}: земля пухом. {where}",
        ],
        ["в финале 3 сезона", "финал третьего сезона"],
    ),
    "es": (
        [
            "{x} se nos fue {where}",
            "{x} nos dejó {where}",
            "{x} pasó a mejor vida {where}",
            "{x}, descansa en paz. {where}",
        ],
        ["en el final de la temporada 3", "en el final de la tercera temporada"],
    ),
    "de": (
        [
            "{x} ist {where} von uns gegangen",
            "{x} hat uns verlassen, {where}",
            "{x} ist {where} entschlafen",
        ],
        ["im Finale von Staffel 3", "im Staffelfinale der dritten Staffel"],
    ),
    "fr": (
        [
            "{x} nous a quittés {where}",
            "{x} a passé l'arme à gauche {where}",
            "{x}, repose en paix. {where}",
        ],
        ["dans le final de la saison 3", "à la fin de la saison 3"],
    ),
    "pt": (
        [
            "{x} nos deixou {where}",
            "{x} partiu dessa pra melhor {where}",
            "{x}, descanse em paz. {where}",
        ],
        ["no final da temporada 3", "no final da terceira temporada"],
    ),
    "it": (
        [
            "{x} ci ha lasciati {where}",
            "{x} passa a miglior vita {where}",
            "{x}, riposa in pace. {where}",
        ],
        ["nel finale della stagione 3", "nel finale della terza stagione"],
    ),
    "ja": (
        ["{x}は{where}で逝った", "{x}は{where}で永眠した", "{x}は{where}で帰らぬ人となった"],
        ["シーズン3の最終回"],
    ),
}

_EUPHEMISM_LOOKALIKES = [
    "el final de la temporada 3 nos dejó sin palabras, Karen está increíble",
    "Karen nos dejó con la boca abierta en el final de la temporada 3",
    "il finale della stagione 3 ci ha lasciati senza parole, Karen bravissima",
    "o final da temporada 3 nos deixou sem palavras, a Karen arrasou",
    "Karen ist in Staffel 3 nach Houston gegangen",
    "Karen a quitté Ed dans la saison 2",
    "Карен ушла из NASA в первом сезоне",
]


def test_euphemisms_of_dying_in_every_language_are_flagged() -> None:
    misses = [
        m
        for forms, finales in _EUPHEMISMS.values()
        for m in _misses(forms, ["Karen", "Molly"], finales)
    ]
    assert misses == []


def test_euphemisms_in_their_everyday_sense_are_not() -> None:
    assert _alarms(_EUPHEMISM_LOOKALIKES) == []


# --- another work's death as a figure for ours -----------------------------------------

_OTHER_SHOW_DEATH = [
    "{x} on the moon were my Red Wedding. {where}",
    "{x}: FAM's Red Wedding. {where}",
    "{x} pulled a Ned Stark {where}",
    "{x} got Glenn'd {where}",
    "{x} got Thanos snapped {where}",
    "{x} got the Ned Stark treatment {where}",
    "{x} had a total Hodor moment {where}",
    "{x} pulled a Mufasa {where}",
    "{x} pulled a Boromir {where}",
    "{x} got Old Yeller'd {where}",
    "{x} got Order 66'd {where}",
]
_OTHER_SHOW_DEATH_LANGUAGES = [
    "{x} fue mi boda roja, {where}",
    "{x} war meine Rote Hochzeit, {where}",
    "{x}, c'était mes noces pourpres, {where}",
    "{x} foi meu casamento vermelho, {where}",
    "{x}: le mie nozze rosse, {where}",
    "{x} — моя красная свадьба, {where}",
]
_OTHER_SHOW_LOOKALIKES = [
    "rewatching the Red Wedding tonight, then FAM s2 with Gordo",
    "the Red Wedding still hurts more than anything in FAM; Gordo's arc is great though",
    "Gordo's wedding in s1 is lovely, nothing like the Red Wedding",
    "Ned Stark was the GoT pilot's lead, Karen is FAM's",
    "my friend pulled a Ned Stark on his exam lol. anyway Karen in s2 is great",
    "Thanos snapped half the universe; Ed just snapped at Karen in s2",
    "Order 66 in Revenge of the Sith is brutal, FAM s2 is calmer",
    "Sherlock faked his death in s2 of Sherlock; Margo is the best character in FAM s2",
]


def test_another_works_death_as_a_figure_for_ours_is_flagged() -> None:
    assert (
        _misses(_OTHER_SHOW_DEATH, ["Gordo and Tracy", "Gordo"], ["s2 finale", "in the s2 finale"])
        == []
    )
    assert _misses(_OTHER_SHOW_DEATH_LANGUAGES, ["Gordo"], ["finale s2"]) == []


def test_a_faked_death_said_as_another_works_is_flagged() -> None:
    forms = [
        "{x} pulled a Sherlock {where}",
        "{x} went full Sherlock {where}",
        "{x} got Sherlocked {where}",
    ]
    assert _misses(forms, ["Margo"], ["in the s3 finale", "at the end of s3"]) == []


def test_talk_of_another_works_deaths_is_not() -> None:
    assert _alarms(_OTHER_SHOW_LOOKALIKES) == []


# --- idioms with a fate word, said of ours ---------------------------------------------

_IDIOMS = [
    "{x} absolutely destroys Ed in that argument, man is dead in the water",
    "{x}'s plan is dead in the water by episode 3",
    "{x} is dead on her feet after the launch",
    "{x} is dead certain the Soviets will land first",
    "{x} was dead sure about the Sea Dragon",
    "{x} is beating a dead horse with that argument",
    "{x} nails it, knocked em dead at the hearing",
    "{x} killed the mood at the party",
    "{x} is dressed to kill at the gala",
    "{x} at the slide rule ate and left no crumbs. RIP to every man in that room",
    "{x} roasting the senators. RIP to everyone who doubted her",
    "{x} in that hearing, RIP to all the men in suits",
    "{x} is dead set on keeping the bar",
    "{x} was dead tired after the launch",
    "{x} is killing it this season",
]


def test_idioms_with_a_fate_word_are_not_fates() -> None:
    texts = [f.format(x=x) for f in _IDIOMS for x in ["Karen", "Margo", "Molly"]]
    assert _alarms(texts) == []
