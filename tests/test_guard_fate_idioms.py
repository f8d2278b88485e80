"""Idioms and euphemisms for each kind of fate the finale rules know, anticipated from how
people talk in each language (not taken from any corpus), and their innocent look-alikes.

Each idiom is a predicate said of a finale-fated character in three frames: the name and
the idiom with the finale named, the name and the idiom alone, and the name then a pronoun
in the next sentence with the finale named. An idiom counts as caught when all three
frames are flagged. Each idiom that is also an everyday phrase has look-alikes: the same
words in their everyday or figurative sense, said with a character of the show (often in
a mid-season context), which must not be flagged.

Before any vocabulary change (765a43e's vocabulary, this grid), idioms caught in all their
frames, by language and fate, then after (round 12's vocabulary):

    en death 20/46 -> 46/46     en exile 8/15 -> 15/15     en arrest 9/18 -> 18/18
    en defection 8/14 -> 14/14  en fake 8/11 -> 11/11      en pushed out 11/19 -> 19/19
    en torture 8/15 -> 15/15    en survival 8/12 -> 12/12  en stays alone 6/9 -> 9/9
    en birth 5/9 -> 9/9         es death 8/15 -> 15/15     fr death 7/13 -> 13/13
    de death 8/14 -> 14/14      pt death 4/13 -> 13/13     it death 9/15 -> 15/15
    ru death 8/15 -> 15/15      ja death 8/15 -> 15/15
    all: 143/268 idioms (498/942 sentences) -> 268/268 (942/942); hint idioms (WEAK_IDIOMS)
    beside the finale 0/4 -> 4/4 (alone, in the review band, both times)

Look-alikes flagged: 2/75 -> 0/75 (before: "Margo is toast if Wernher finds out, s1e6",
"my tv kicked the bucket right as Karen walked into the Outpost").

Idioms left out, because no listing keeps their look-alikes innocent, are in
`_LEFT_OUT` at the end, each with the look-alike that defeats it.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- frames ------------------------------------------------------------------------------

# (name, pronoun, possessive, the finale said in the language)
_PEOPLE = {
    "death": [("Karen", "she", "her", "the s3 finale"), ("Deke", "he", "his", "the s1 finale")],
    "exile": [("Danny", "he", "his", "the s3 finale")],
    "arrest": [("Margo", "she", "her", "the s4 finale")],
    "defection": [("Margo", "she", "her", "the s3 finale")],
    "fake": [("Margo", "she", "her", "the s3 finale")],
    "pushed_out": [("Dev", "he", "his", "the s3 finale")],
    "torture": [("Miles", "he", "his", "the s4 finale")],
    "survival": [("Danielle", "she", "her", "the s4 finale")],
    "stays_alone": [("Ellen", "she", "her", "the s1 finale")],
    "birth": [("Kelly", "she", "her", "the s3 finale")],
}

_FRAMES = {
    "en": ["{x} {p} in {fin}.", "{x} {p}.", "Poor {x}. {P} {p} in {fin}."],
    "es": [
        "{x} {p} en el final de la temporada 3.",
        "{x} {p}.",
        "Pobre {x}. {P} {p} en el final de la temporada 3.",
    ],
    "fr": [
        "{x} {p} dans le final de la saison 3.",
        "{x} {p}.",
        "Pauvre {x}. {P} {p} dans le final de la saison 3.",
    ],
    "de": [
        "{x} {p} im Finale von Staffel 3.",
        "{x} {p}.",
        "Arme {x}. {P} {p} im Finale von Staffel 3.",
    ],
    "pt": [
        "{x} {p} no final da temporada 3.",
        "{x} {p}.",
        "Pobre {x}. {P} {p} no final da temporada 3.",
    ],
    "it": [
        "{x} {p} nel finale della stagione 3.",
        "{x} {p}.",
        "Povera {x}. {P} {p} nel finale della stagione 3.",
    ],
    "ru": [
        "{x} {p} в финале третьего сезона.",
        "{x} {p}.",
        "Бедная {x}. {P} {p} в финале третьего сезона.",
    ],
    "ja": [
        "{x}はシーズン3の最終回で{p}。",
        "{x}は{p}。",
        "かわいそうな{x}。彼女はシーズン3の最終回で{p}。",
    ],
}
_NAME = {"ru": "Карен", "ja": "カレン"}
_SHE = {"es": "Ella", "fr": "Elle", "de": "Sie", "pt": "Ela", "it": "Lei", "ru": "Она", "ja": ""}


def _sentences(language: str, fate: str, predicate: str) -> list[str]:
    if language == "en":
        out = []
        for name, pronoun, possessive, finale in _PEOPLE[fate]:
            p = predicate.format(her=possessive, she=pronoun)
            for frame in _FRAMES["en"]:
                out.append(frame.format(x=name, p=p, P=pronoun.capitalize(), fin=finale))
        return out
    name = _NAME.get(language, "Karen")
    return [f.format(x=name, p=predicate, P=_SHE[language]) for f in _FRAMES[language]]


# --- idioms ------------------------------------------------------------------------------

IDIOMS: dict[tuple[str, str], list[str]] = {
    ("en", "death"): [
        "kicks the bucket",
        "checks out for good",
        "goes home in a box",
        "comes home in a box",
        "comes home in a body bag",
        "gives up the ghost",
        "shuffles off this mortal coil",
        "is pushing up daisies",
        "bites the big one",
        "cashes in {her} chips",
        "takes a dirt nap",
        "is a goner",
        "breathes {her} last",
        "draws {her} last breath",
        "departs this life",
        "leaves this world",
        "sleeps with the fishes",
        "is six feet under",
        "meets {her} maker",
        "joins the choir invisible",
        "is taken too soon",
        "flatlines",
        "pays the ultimate price",
        "makes the ultimate sacrifice",
        "meets an untimely end",
        "comes to a sticky end",
        "meets a grisly end",
        "is done for",
        "has {her} number come up",
        "ends up in a coffin",
        "ends up in a casket",
        "pops {her} clogs",
        "pegs out",
        "turns up {her} toes",
        "goes toes up",
        "succumbs to {her} injuries",
        "goes out in a blaze of glory",
        "goes down with the ship",
        "draws {her} final breath",
        "takes {her} last breath",
        "is a corpse by the end",
        "is laid to rest",
        "gets a funeral",
        "gets whacked",
        "goes to the great beyond",
        "crosses over to the other side",
    ],
    ("es", "death"): [
        "la diña",
        "la palma",
        "estira la pata",
        "se va al otro barrio",
        "pasa a mejor vida",
        "cuelga los tenis",
        "pierde la vida",
        "deja este mundo",
        "se queda tiesa",
        "cría malvas",
        "sale con los pies por delante",
        "no vive para contarlo",
        "da su último suspiro",
        "se la lleva la parca",
        "fallece",
    ],
    ("fr", "death"): [
        "y laisse sa peau",
        "passe l'arme à gauche",
        "casse sa pipe",
        "y passe",
        "rend l'âme",
        "rend son dernier souffle",
        "perd la vie",
        "trépasse",
        "nous quitte",
        "crève",
        "part les pieds devant",
        "passe de vie à trépas",
        "calanche",
    ],
    ("de", "death"): [
        "verliert ihr Leben",
        "beißt ins Gras",
        "gibt den Löffel ab",
        "segnet das Zeitliche",
        "geht über den Jordan",
        "geht hops",
        "kratzt ab",
        "geht drauf",
        "sieht sich die Radieschen von unten an",
        "lässt ihr Leben",
        "krepiert",
        "geht von uns",
        "kommt ums Leben",
        "tut ihren letzten Atemzug",
    ],
    ("pt", "death"): [
        "partiu desta para melhor",
        "perde a vida",
        "vai pro saco",
        "bate as botas",
        "abotoa o paletó",
        "vai para o beleléu",
        "foi dessa pra melhor",
        "estica as canelas",
        "veste o paletó de madeira",
        "falece",
        "dá o último suspiro",
        "vira presunto",
        "bate a caçoleta",
    ],
    ("it", "death"): [
        "tira le cuoia",
        "ci lascia le penne",
        "passa a miglior vita",
        "lascia questo mondo",
        "perde la vita",
        "crepa",
        "schiatta",
        "va all'altro mondo",
        "ci resta secca",
        "rende l'anima a Dio",
        "esala l'ultimo respiro",
        "fa una brutta fine",
        "ci rimette la pelle",
        "ci lascia la pelle",
        "se ne va per sempre",
    ],
    ("ru", "death"): [
        "откинула коньки",
        "сыграла в ящик",
        "отдала богу душу",
        "отбросила коньки",
        "испустила дух",
        "покинула этот мир",
        "ушла из жизни",
        "приказала долго жить",
        "двинула кони",
        "склеила ласты",
        "отправилась на тот свет",
        "погибла",
        "скончалась",
        "рассталась с жизнью",
        "дала дуба",
    ],
    ("ja", "death"): [
        "亡くなった",
        "命を落とした",
        "他界した",
        "天国に行った",
        "星になった",
        "逝ってしまった",
        "殉職した",
        "あの世に行った",
        "死亡した",
        "絶命した",
        "昇天した",
        "くたばった",
        "帰らぬ人となった",
        "息を引き取った",
        "この世を去った",
    ],
    ("en", "exile"): [
        "gets sent to the NK timeout corner",
        "is sent into exile",
        "gets shipped off to the korean lander",
        "is sent packing",
        "gets sent to Siberia",
        "gets voted off the island",
        "is cast out",
        "is run out of the base",
        "is left to fend for himself",
        "gets frozen out by the crew",
        "is ostracised by the crew",
        "is cast adrift",
        "is packed off to the korean lander",
        "gets banished",
        "gets thrown to the wolves",
    ],
    ("en", "arrest"): [
        "goes to the slammer",
        "ends up behind bars",
        "gets thrown in the clink",
        "takes the fall for Aleida",
        "falls on {her} sword for Aleida",
        "goes down for it",
        "goes to the big house",
        "gets sent up the river",
        "gets put away",
        "gets picked up by the feds",
        "is led away in handcuffs",
        "gets hauled off by the FBI",
        "takes the heat for Aleida",
        "carries the can for Aleida",
        "takes the rap",
        "is in the pokey",
        "faces charges",
        "is indicted",
    ],
    ("en", "defection"): [
        "goes over to the other side",
        "crosses over to the Soviets",
        "jumps ship",
        "switches sides",
        "flees behind the Iron Curtain",
        "runs off to Moscow",
        "seeks asylum in the USSR",
        "gets asylum in Moscow",
        "goes red",
        "turns traitor",
        "flees the country",
        "skips the country",
        "changes allegiance",
        "goes over to the enemy",
    ],
    ("en", "pushed_out"): [
        "gets the boot",
        "gets the sack",
        "gets the axe",
        "gets the chop",
        "gets the heave-ho",
        "is given {her} walking papers",
        "gets {her} pink slip",
        "is shown the door",
        "gets squeezed out of Helios",
        "gets muscled out of Helios",
        "is elbowed out of Helios",
        "gets edged out of Helios",
        "loses {her} job",
        "gets {her} marching orders",
        "gets couped by the board",
        "gets turfed out of Helios",
        "is out on {her} ear",
        "gets forced out",
        "gets ousted",
    ],
    ("en", "torture"): [
        "cracks under torture",
        "caves under interrogation",
        "spills {her} guts",
        "sings like a canary",
        "rats them out",
        "gives them up",
        "rolls over on them",
        "flips on them",
        "breaks under pressure",
        "coughs up the hideout",
        "sells them out",
        "grasses them up",
        "gets worked over",
        "folds like a lawn chair once the agents start on him",
        "gets put through the wringer",
    ],
    ("en", "survival"): [
        "takes a bullet but pulls through",
        "catches a bullet and survives",
        "gets winged",
        "lives to fight another day",
        "cheats death",
        "survives by the skin of {her} teeth",
        "escapes death",
        "makes it out alive",
        "gets shot but lives",
        "is alive and kicking",
        "lives to tell the tale",
        "dodges death",
    ],
    ("en", "stays_alone"): [
        "holds the fort",
        "holds down the fort",
        "goes it alone on the moon",
        "is the last one standing at Jamestown",
        "is left holding the fort",
        "mans the base alone",
        "is left to man the base",
        "keeps the lights on at Jamestown",
        "stays behind all by herself",
    ],
    ("en", "birth"): [
        "has {her} baby",
        "gives birth",
        "brings a baby into the world",
        "welcomes a baby boy",
        "becomes a mom",
        "goes into labour",
        "delivers a healthy boy",
        "has a little one",
        "pops out a kid",
    ],
    ("en", "fake"): [
        "fakes {her} death",
        "plays dead",
        "vanishes into thin air",
        "goes off the grid",
        "drops off the radar",
        "pulls a disappearing act",
        "comes back from the dead",
        "is presumed dead",
        "is declared dead but isn't",
        "pulls an Elvis",
        "stages {her} own death",
    ],
}

# Hints: plain only beside the finale (a "better place" is also a happier one), so only the
# frames naming the finale must be flagged; the bare one goes to the review band.
WEAK_IDIOMS: dict[tuple[str, str], list[str]] = {
    ("en", "death"): ["goes to a better place", "is in a better place now"],
    ("pt", "death"): ["vai pro céu", "foi pro céu"],
}

# --- look-alikes: the same words in their everyday or figurative sense -----------------

LOOK_ALIKES: dict[str, list[str]] = {
    "en": [
        "that theory checks out, Karen was always the heart of the Outpost",
        "Ed checks out of the motel in s1e3",
        "Karen checks out the new bar menu in s2e4",
        "the old Apollo hardware is history once Karen's s2 arc starts",
        "my laptop gave up the ghost during the finale, Karen's scene froze",
        "Margo is toast if Wernher finds out, s1e6",
        "Margo is so done for the day after that hearing in s2e3",
        "Deke's plan is dead in the water in s1e4",
        "Karen goes to a better place, a bigger bar, in s2e6",
        "Deke leaves this world of desk jobs behind in s1e2 and flies again",
        "Ed sleeps like a baby after the landing in s1e7",
        "Molly's career is on its last legs in s2e5",
        "Gordo goes down with the ship on the Sea Dragon argument in s2e3",
        "Danny gets sent to the principal's office in s2e2",
        "my mum sent me to Siberia, aka the spare room, for rewatching Danny's arc",
        "Danny is running out of the base gym in s3e2",
        "Margo goes over to the other side of the room in s2e1",
        "Margo jumps ship from the JSC softball team in s2e5",
        "Dev gets the sack of mail from the Helios lobby in s3e2",
        "Dev loses his job title for a week in s3e4 as a joke",
        "Miles spills his coffee all over the Happy Valley console in s4e2",
        "Miles cracks a joke in s4e3",
        "Miles sings like a canary at karaoke in s4e1",
        "Danielle dodges the question in s4e3",
        "Danielle escapes the meeting early in s4e2",
        "Ellen holds the fort at the press conference in s1e5",
        "Kelly has a baby shower in s3e5",
        "Margo goes underground to the archive in s2e4",
        "Margo drops off the radar for an episode in s2",
        "Margo plays dead at the poker table in s2e3",
        "Karen is a goner for Ed's smile in s1e1",
        "Karen's bar is history, she sells it in s2e10 lol",
        "Deke gets a funeral cake for his desk job in s1e2 lol",
        "Karen is on cloud nine in s1e5",
        "my tv kicked the bucket right as Karen walked into the Outpost",
        "Karen rests her case in s2e3",
        "Gordo's hangover kills him in s1e4, he is so funny",
        "Tracy makes the ultimate sacrifice of a free weekend to train in s2e3",
        "Ed falls on his sword in the press conference in s1e8",
        "Margo is done for the day after the budget hearing",
        "Ed pegs out the washing while Karen is at the Outpost",
        "Danny is left to fend for himself at school in s2e3",
        "Ellen is the last one standing at poker night in s1e5",
        "Kelly delivers a healthy dose of sarcasm to Ed",
        "Miles puts the new hires through the wringer on Mars",
        "Margo's budget vanishes into thin air in s2e4",
        "that hearing was the last nail in the coffin for Margo's plan in s2e7",
        "Gordo crosses over to the other side of the crater in s1e5",
        "Margo is charged with running mission control in s1e8",
        "Dev loses his job title for a week, Helios board drama",
        "Karen goes to a better place, a bigger bar, in s2e6",
        "Karen is in a better place after the divorce in s2",
        "Margo gets the sack of mail from the mailroom",
    ],
    "es": [
        "Karen se queda tiesa de frío en el episodio 4",
        "Karen pasa a mejor vida en la temporada 2, cuando compra el bar",
        "Karen deja este mundo de la NASA por su bar en el episodio 5",
        "Karen es muy parca en palabras con Ed",
    ],
    "fr": [
        "Karen y passe la soirée au bar dans l'épisode 4",
        "Karen y reste toute la nuit dans l'épisode 5",
        "Karen nous quitte pour aller au bar dans l'épisode 2",
        "mon ordi a rendu l'âme pendant l'épisode de Karen",
    ],
    "de": [
        "Karen geht hops beim Tanzen in Folge 4",
        "Karen geht von uns weg zur Bar in Folge 2",
        "Karen schafft es nicht pünktlich in Folge 3",
    ],
    "pt": [
        "Karen vai pro céu de tanta alegria no episódio 4",
        "Karen empacota as coisas do bar no episódio 5",
        "o plano da Karen foi pro saco no episódio 4",
    ],
    "it": [
        "Karen se ne va dal bar nell'episodio 4",
        "Karen fa una brutta figura nell'episodio 2",
        "Karen lascia questo mondo di ingegneri per il bar",
    ],
    "ru": [
        "Карен уходит из бара в четвертой серии",
    ],
    "ja": [
        "カレンはバーを去った。エピソード4。",
        "カレンは火星になんて行きたくないと言った",
        "くたばれ、カレン！シーズン2のあの場面",
        "カレンのあのシーン、昇天しそう",
    ],
}

# Left out: idioms whose everyday sense a listing cannot tell apart (the look-alike that
# defeats each is given), or that the vocabulary cannot reach
_LEFT_OUT: dict[str, str] = {
    "is no more": "Karen is no more annoying than Ed (a comparison)",
    "is sent to the naughty corner": "Danny is in the timeout corner at my house (a kid)",
    "is called home": "Ed is called home from the moon (a recall to Earth)",
    "gets banged up": "Danielle gets banged up in the riot (American English: hurt)",
    "goes underground": "Margo goes underground to the archive / to the bunker",
    "squeals": "Miles squeals with delight when the pay comes through",
    "earns her wings": "astronauts earn their wings",
    "goes west": "listed as Sergei's release to the West (`freed`), not a death",
    "expires": "her contract, passport, visa expires",
    "buys it / bought it": "Karen bought it (the bar)",
    "goes belly up": "the Outpost / Helios goes belly up",
    "pt empacota": "Karen empacota as coisas do bar (packs)",
    "fr y reste": "Karen y reste toute la nuit (stays there)",
    "fr mange les pissenlits par la racine": "matched ('bouffe les pissenlits ...' is), but "
    "'mange' beside Karen seems read as a typo of the name Marge (a who problem)",
    "de schafft es nicht": "listed already, but not read as a death: 'hat es nicht geschafft' is",
}


def _misses(language: str, fate: str) -> list[str]:
    return [
        t
        for predicate in IDIOMS[(language, fate)]
        for t in _sentences(language, fate, predicate)
        if not spoils(t)
    ]


@pytest.mark.parametrize(("language", "fate"), sorted(IDIOMS))
def test_each_idiom_for_a_fate_is_flagged(language: str, fate: str) -> None:
    assert _misses(language, fate) == []


def _weak_misses(language: str, fate: str) -> list[str]:
    out = []
    for predicate in WEAK_IDIOMS[(language, fate)]:
        frames = _sentences(language, fate, predicate)
        for with_finale, bare, pronoun in zip(frames[::3], frames[1::3], frames[2::3], strict=True):
            out += [t for t in (with_finale, pronoun) if not spoils(t)]
            out += [t for t in (bare,) if spoils(t)]
    return out


@pytest.mark.parametrize(("language", "fate"), sorted(WEAK_IDIOMS))
def test_a_hint_idiom_is_flagged_beside_the_finale_only(language: str, fate: str) -> None:
    assert _weak_misses(language, fate) == []


@pytest.mark.parametrize("language", sorted(LOOK_ALIKES))
def test_the_everyday_senses_stay_innocent(language: str) -> None:
    assert [t for t in LOOK_ALIKES[language] if spoils(t)] == []
