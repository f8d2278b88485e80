"""A grid over the ways of saying a fate, written from how people talk rather than from any
corpus: for each fate the finale rules know (death, exile, defection and a faked death,
arrest, ousting, torture), verbs in their tenses, aspects and voices, phrasal verbs,
euphemisms and slang (internet, gaming, British and Australian, AAVE-influenced, emoji),
and the main ways in each claimed language, each said of a few finale characters, must
be flagged; the same words said of actors, scenes, lines, the writer's own life, food,
games and sports must not. Another work's deaths beside ours stay innocent; a finale
detail of ours anywhere in a message about another work does not.

The grid is the product of the lists below, checked in one test per fate (fast: one
compiled guard, a few thousand readings), so a failure lists every form that missed.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- death -----------------------------------------------------------------------------

_DIE = [
    # simple verbs, every tense, aspect and voice
    "{x} dies",
    "{x} died",
    "{x} is dead",
    "{x}'s dead",
    "{x} has died",
    "{x} had died by then",
    "{x} will die",
    "{x} is going to die",
    "{x}'s gonna die",
    "{x} ends up dead",
    "{x} winds up dead",
    "{x} ended up dying",
    "{x} is killed",
    "{x} gets killed",
    "{x} got killed",
    "{x} was killed",
    "{x} has been killed",
    "{x} is murdered",
    "{x} gets murdered",
    "{x} perishes",
    "{x} passes away",
    "{x} passed away",
    "{x} loses her life",
    "{x} doesn't survive",
    "{x} does not make it",
    "{x} didn't make it",
    "{x} never makes it home",
    "{x} is no longer alive",
    # adverbs and asides between subject and verb
    "{x} sadly dies",
    "{x} literally just dies",
    "{x} basically gets killed",
    "{x}, of all people, dies",
    "{x} is brutally killed",
    # the killing said from the other side
    "they kill {x}",
    "they killed off {x}",
    "they killed {x} off",
    "the writers kill off {x}",
    "the show kills {x}",
    # phrasal verbs and euphemisms
    "{x} kicks the bucket",
    "{x} bites the dust",
    "{x} bit the dust",
    "{x} buys the farm",
    "{x} is six feet under",
    "{x} is pushing up daisies",
    "{x} meets her maker",
    "{x} croaks",
    "{x} snuffs it",
    "{x} gets unalived",
    "{x} is killed off",
    # British, Australian
    "{x} pops her clogs",
    "{x} carks it",
    "{x} karks it",
    "{x} cops it",
    # internet, gaming, AAVE-influenced
    "{x} is kia",
    "{x} gets one-shotted",
    "{x} gets fragged",
    "{x} got got",
    "{x} gets smoked",
    "{x} gets whacked",
    "{x} gets offed",
    "{x} ain't make it",
    "{x} ain't survive",
    "{x} dead dead",
    "{x} dead af",
    "rip {x}",
    "press f for {x}",
    "{x} 💀",
    "{x} ⚰️",
    "{x} 🪦",
]
_DIE_OTHER_LANGUAGES = [
    "{x} muere",
    "{x} se muere",
    "{x} murió",
    "matan a {x}",
    "{x} estira la pata",
    "{x} meurt",
    "{x} est morte",
    "{x} se fait tuer",
    "ils tuent {x}",
    "{x} stirbt",
    "{x} ist tot",
    "{x} wird getötet",
    "{x} kommt ums Leben",
    "{x} morre",
    "{x} morreu",
    "matam a {x}",
    "{x} bate as botas",
    "{x} muore",
    "{x} è morta",
    "{x} viene uccisa",
]
_DYING = ["Karen", "Gordo and Tracy", "Deke"]


def _misses(forms: list[str], people: list[str]) -> list[str]:
    return [t for f in forms for x in people if not spoils(t := f.format(x=x) + " in the finale")]


def _alarms(texts: list[str]) -> list[str]:
    return [t for t in texts if spoils(t)]


def test_every_way_of_saying_a_death_is_flagged() -> None:
    assert _misses(_DIE, _DYING) == []


def test_a_death_said_in_the_other_languages_is_flagged() -> None:
    assert _misses(_DIE_OTHER_LANGUAGES, ["Karen", "Deke"]) == []


@pytest.mark.parametrize(
    "text",
    ["Карен погибает в финале", "Карен умерла в финале сезона", "カレンが死ぬ最終回"],
)
def test_a_death_in_russian_and_japanese_is_flagged(text: str) -> None:
    assert spoils(text)


# --- exile ------------------------------------------------------------------------------

_EXILE = [
    "{x} gets exiled",
    "{x} is exiled",
    "{x} was exiled",
    "{x} ends up exiled",
    "they exile {x}",
    "{x} is banished",
    "{x} gets banished",
    "they banish {x}",
    "{x} is cast out",
    "{x} gets kicked out",
    "they kick {x} out",
    "they kick out {x}",
    "{x} gets booted",
    "{x} gets sent away",
    "{x} is sent away",
    "{x} gets sent to live in the korean lander",
    "{x} gets yeeted to the korean lander",
    "{x} gets thrown out",
    "{x} is shunned and sent away",
    "{x} es desterrado",
    "{x} es exiliado",
    "{x} est exilé",
    "{x} est banni",
    "{x} wird verbannt",
    "{x} é exilado",
    "{x} viene esiliato",
]


def test_every_way_of_saying_an_exile_is_flagged() -> None:
    assert _misses(_EXILE, ["Danny", "Danny Stevens"]) == []


# --- defection and a faked death ------------------------------------------------------

_DEFECT = [
    "{x} defects",
    "{x} defected to the Soviets",
    "{x} has defected",
    "{x} ends up defecting",
    "{x} goes to Moscow",
    "{x} flees to the USSR",
    "{x} runs off to Russia",
    "{x} switches sides",
    "{x} jumps ship to the Soviets",
    "{x} fakes her death",
    "{x} faked her own death",
    "{x}'s death is faked",
    "{x} is secretly alive",
    "{x} turns out to be alive",
    "{x} ends up in Moscow",
    "{x} se va a Moscú",
    "{x} finge su muerte",
    "{x} simule sa mort",
    "{x} täuscht ihren Tod vor",
    "{x} finge a própria morte",
    "{x} finge la sua morte",
]


def test_every_way_of_saying_a_defection_is_flagged() -> None:
    assert _misses(_DEFECT, ["Margo", "Margo Madison"]) == []


# --- arrest -----------------------------------------------------------------------------

_ARREST = [
    "{x} gets arrested",
    "{x} is arrested",
    "{x} was arrested",
    "{x} has been arrested",
    "they arrest {x}",
    "the FBI arrests {x}",
    "{x} gets locked up",
    "{x} is taken into custody",
    "{x} ends up behind bars",
    "{x} gets cuffed",
    "{x} gets nicked",
    "{x} gets pinched",
    "{x} goes to prison",
    "{x} goes to jail",
    "{x} gets busted",
    "{x} is detained",
    "{x} es arrestada",
    "{x} est arrêtée",
    "{x} wird verhaftet",
    "{x} é presa",
    "{x} viene arrestata",
]


def test_every_way_of_saying_an_arrest_is_flagged() -> None:
    assert _misses(_ARREST, ["Margo"]) == []


# --- ousting ----------------------------------------------------------------------------

_OUSTED = [
    "{x} gets fired",
    "{x} is fired",
    "{x} was fired",
    "the board fires {x}",
    "{x} is ousted",
    "{x} gets ousted",
    "{x} gets pushed out",
    "{x} is pushed out of Helios",
    "{x} loses Helios",
    "{x} gets kicked out of Helios",
    "{x} gets the boot",
    "{x} gets sacked",
    "{x} gets canned",
    "{x} is removed as CEO",
    "{x} gets voted out",
    "{x} is shown the door",
    "{x} gets rugged",
]


def test_every_way_of_saying_an_ousting_is_flagged() -> None:
    assert _misses(_OUSTED, ["Dev", "Dev Ayesa"]) == []


# --- torture ----------------------------------------------------------------------------

_TORTURED = [
    "{x} gets tortured",
    "{x} is tortured",
    "{x} was tortured",
    "they torture {x}",
    "{x} gets waterboarded",
    "{x} gets beaten until he talks",
]


def test_every_way_of_saying_a_torture_is_flagged() -> None:
    assert _misses(_TORTURED, ["Miles"]) == []


# --- the same words, innocent -----------------------------------------------------------

_FIGURES = [
    # actors and performances
    "Shantel VanSanten killed that scene",
    "Shantel VanSanten absolutely slays as Karen",
    "Michael Dorman murdered the breakdown scene",
    "Sonya Walger kills it every time she's on screen",
    "Joel Kinnaman dies on screen so convincingly in that other film",
    "Karen's line about the Outpost killed me",
    "Gordo's speech in the bar destroys me every time",
    "the Deke and Margo scene had me dead",
    "Tracy's comeback is murder, I love her",
    "I died when Gordo said that",
    "I'm dead 💀 Ed's face in that scene",
    "I literally died at Karen's eye roll",
    # the writer's own life
    "my legs are dead after leg day, then I rewatched Karen's episodes",
    "I got roasted to death in the chat for defending Gordo",
    "my wife exiled me to the couch for binging Margo's episodes",
    "I'd get arrested for how much I love Margo",
    "my sister got banished to the spare room for spoiling Danny's arc",
    "my back is dead after carrying the crew of my Karen cosplay around all day",
    "my boss kicked me out of the meeting for talking about Danny",
    "I defected to team Karen after season 1",
    # food, games, sports
    "this pizza is to die for, perfect with a Gordo episode",
    "I died forty times in Elden Ring, then watched Tracy's episodes",
    "Karen's bar food looks to die for",
    "my Margo build got wrecked in ranked",
]


def test_the_same_words_in_figures_stay_innocent() -> None:
    assert _alarms(_FIGURES) == []


# Left: the writer's day said without a subject, or someone else's team, in a clause
# before one of ours ("got fired today lol, ... Dev's episodes")
_FIGURES_LEFT = [
    "got fired today lol, rewatching Dev's episodes to cope",
    "the Lakers got killed last night; anyway, Deke is my favourite",
]


@pytest.mark.xfail(strict=True, reason="the writer's day before a clause naming one of ours")
def test_the_writers_day_before_one_of_ours_is_left() -> None:
    assert _alarms(_FIGURES_LEFT) == []


# --- the classes the grid found, each with its look-alikes ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tracy's gonna die up there, you can feel it in the finale",  # 's is "is"
        "Deke's getting killed off in the s1 finale",
        "Karen's already dead by the end of s3",
        "they booted Danny out to the lander in the finale",  # exile, phrasal
        "Margo was detained by the feds in the s4 finale",
        "the Helios board fires Dev in the s3 finale",  # a firing verb with one of ours
        "molly goes kaboom with the rest of JSC at the end of season 3",
        "Margo ate the charges so Aleida walks, s4 finale",
        "Karen popped her clogs in the s3 ender",
        "Dani did the handshake anyway in the s2 finale",
    ],
)
def test_the_classes_the_grid_found_spoil(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Karen's gonna be my costume this halloween",  # a thing of hers after all
        "Karen's ending still gets me",
        "the detained crew in 2x07 is such a tense episode",  # an adjective, not an arrest
        "Ed fires the thrusters and Dev watches",  # a firing verb with a thing
        "my mum kicked me out of the lounge for rewatching Danny's scenes",
        "they kicked us out of the bar during the Gordo episode lol",
        "my brain is basically dead after the Tracy rewatch",
        "my roommate got exiled from the group chat over Margo",
        "my legs = wrecked after the walk, Karen's bar would be nice now",
        "Ellen could bore a room to death with those briefings and I still love her",
        "we quoted Gordo's toast to death this week",
        "Kinnaman murdered every Ed scene in season 2",
        "she slays every Karen episode she is in",
    ],
)
def test_their_look_alikes_stay_innocent(text: str) -> None:
    assert not spoils(text)


# --- another work beside ours -----------------------------------------------------------

_OTHER_DEATHS = [
    "Ned Stark dies in season 1 of Game of Thrones; I'm rewatching FAM s1 with Gordo now",
    "Walter White dies at the end of Breaking Bad. Karen is my favourite FAM character",
    "in The Expanse Miller dies on Eros, and I still think Deke is the better character",
    "Karen reminds me of Skyler, who survives Breaking Bad; Walt dies in the finale though",
]
_OURS = "Karen dies in the s3 finale"
_OTHER_WORK = (
    "Breaking Bad's ending is the best of any show I have seen, Walter White going out in "
    "the lab with the song playing, Jesse driving off screaming, all of it"
)


def test_another_works_deaths_beside_our_names_stay_innocent() -> None:
    assert _alarms(_OTHER_DEATHS) == []


@pytest.mark.parametrize(
    "text",
    [
        f"{_OURS}. {_OTHER_WORK}.",  # ours before
        f"{_OTHER_WORK}. {_OURS}.",  # ours after
        f"{_OTHER_WORK}, and {_OURS}, and Jesse escapes.",  # inside
        f"{_OTHER_WORK}; like that, {_OURS}.",
        f"Compared to Breaking Bad, where Walt dies, {_OURS} too.",
    ],
)
def test_a_finale_detail_of_ours_inside_talk_of_another_work_is_flagged(text: str) -> None:
    assert spoils(text)
