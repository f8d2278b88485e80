"""Four classes noticed in round 14 on the guard's own grids (not on any corpus), each
with fresh messages written from the canon files before the change: spoilers that must
be tagged and innocent look-alikes that must not. Canon: Karen and Molly die in the JSC
car bombing, Danny is exiled to the North Korean lander, Margo fakes her death, Ellen
visits Pam and Dev Ayesa is pushed out of Helios (all S3 finale); Margo is arrested
(S4 finale); Gordo and Tracy die at Jamestown (S2 finale).

(1) A character named by a role held earlier than the point discussed, or said to be
    former ("the former JSC director is arrested in the s4 finale").
(2) Ousting: the doer is not the one ousted ("Dev showed him the door"), while the one
    ousted, said as object or in the passive, still is ("the board showed Dev the door").
(3) Episode codes and numbers in other shapes ("ep9", "episode9", "the 9th ep", "ep
    nine", "в 9 серии", "9話"): a finale outcome placed in a non-finale episode is not
    the finale; in episode 10 it is.
(4) A finale detail whose phrase is a place or thing ("Pam's door") needs the character
    to reach it ("Ellen at Pam's door"), and a Pam of the writer's own is nobody's door.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# (3) a finale outcome placed in episode 9 of its season (not the finale), in other shapes
EPISODE_NINE = [
    "karen dies in ep9",
    "karen dies in episode9",
    "karen dies in the 9th ep",
    "karen dies in ep nine",
    "molly dies in episode nine, right?",
    "margo fakes her death in the ninth episode",
    "danny gets exiled in ep9 iirc",
    "the JSC bombing happens in the 9th episode",
    "карен погибает в 9 серии",
    "カレンは9話で死ぬ",
    "Karen stirbt in der neunten Folge",
    "Karen muere en el noveno episodio",
    "gordo and tracy die in ep9 of s2",
]
# the same outcomes placed in the finale, in the same shapes
EPISODE_TEN = [
    "karen dies in ep10",
    "karen dies in episode10",
    "karen dies in the 10th ep",
    "karen dies in ep ten",
    "margo fakes her death in the tenth episode",
    "danny gets exiled in ep10 of s3",
    "карен погибает в 10 серии",
    "カレンは10話で死ぬ",
    "Karen stirbt in der zehnten Folge",
    "Karen muere en el décimo episodio",
    "gordo and tracy die in ep10 of s2",
    "ep 10 of s3: karen dies",
]
# numbers that are no episode's: a season's, a count of episodes
EPISODE_INNOCENT = [
    "season 3 episode 9 is where it all falls apart, no spoilers",
    "9 eps in and nobody has died yet, love it",
    "the 9th ep of s1 is my favourite",
    "ep nine was great",
]


@pytest.mark.parametrize("text", EPISODE_NINE)
def test_a_finale_outcome_placed_in_episode_nine_is_not_the_finale(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", EPISODE_TEN)
def test_a_finale_outcome_placed_in_episode_ten_is(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", EPISODE_INNOCENT)
def test_episode_numbers_alone_are_innocent(text: str) -> None:
    assert not spoils(text)


# (2) the one who ousts, named just before an ousting verb with an object of its own
OUSTER = [
    "Dev kicked him out of the lab in s4e2",
    "Dev showed him the door",
    "Dev kicks him out of Helios in season 4",
    "Dev kicked the guy out of Happy Valley",
    "Dev pushes Ed out of the way",
    "Dev fires him in the s3 finale",
    "Dev fired the guy on the spot in s3e3",
    "Dev finally kicks Lee out of the meeting",
    "Dev zeigt ihm die Tür",
    "Dev le muestra la puerta en el episodio 3",
    "Дев указал ему на дверь",
    "Dev lui montre la porte",
    "Dev gli mostra la porta",
    "Margo fired him",
    "the board threw her out",
]
# the one ousted: object, passive, a pronoun pointing back, in the finale
OUSTED = [
    "the board kicks Dev out of Helios in the s3 finale",
    "Dev gets kicked out of Helios in the s3 finale",
    "Dev is pushed out of Helios in the s3 finale",
    "Dev? the board kicked him out in the s3 finale",
    "Helios's board showed him the door at the end of s3, poor Dev",
    "the board fired Dev in the s3 finale",
    "the board fires Dev in the s3 finale",
    "Dev's own board fires him at the end of s3",
    "Dev gets fired in the s3 finale",
    "Dev was fired by his own board in the s3 finale",
    "a Dev le muestran la puerta en el final de la t3",
    "Деву указали на дверь в финале третьего сезона",
    "the crew exiles Danny to the lander in the s3 finale",
    "Danny gets exiled by the crew in the s3 finale",
    "Ed fired on the Sea Dragon in the s2 finale",
]


@pytest.mark.parametrize("text", OUSTER)
def test_the_one_who_ousts_is_not_ousted(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", OUSTED)
def test_the_one_ousted_is(text: str) -> None:
    assert spoils(text)


# (1) a role held before the point discussed, said as former (Margo runs JSC in seasons
# 2-3 and NASA in season 3; she is arrested in the s4 finale)
FORMER_ROLE = [
    "the former JSC director gets arrested in the s4 finale",
    "the ex NASA director is arrested at the end of season 4",
    "the former head of JSC ends up arrested in the s4 finale",
    "the woman who used to run JSC is arrested in the season 4 finale",
    "die ehemalige JSC-Direktorin wird im Finale von Staffel 4 verhaftet",
    "la ex directora del JSC es arrestada en el final de la temporada 4",
    "l'ancienne directrice du JSC est arrêtée dans le final de la saison 4",
    "the old Outpost owner dies in the s3 finale",
    "the one who used to run the bar dies in the s3 finale",
    "Ed's ex-wife dies in the s3 finale",
    "the former commander of Apollo 24 visits pam in the s3 finale",
]
FORMER_INNOCENT = [
    "my old boss at JSC got arrested last week",
    "the former JSC director Chris Kraft died in 2019",
    "the former NASA administrator Mike Griffin died last year",
    "my ex-wife dies every time I mention the finale lol",
    "the former flight director Gene Kranz wrote a great book",
    "the retired astronaut at my church gave a talk about Apollo",
    "the old bar owner in my town died last week",
    "my ex used to run a bar downtown",
    "the ex JSC director has a great scene in s4e3",
]


@pytest.mark.parametrize("text", FORMER_ROLE)
def test_a_role_held_before_names_its_holder(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", FORMER_INNOCENT)
def test_former_officials_and_the_writers_own_are_innocent(text: str) -> None:
    assert not spoils(text)


# (4) a finale detail said as a place or thing of Pam's: a Pam of the writer's own owns no
# such door; Ellen reaching the show's Pam is the S3 finale's visit
PAMS_DOOR = [
    "Ellen shows up at Pam's door in the s3 finale",
    "Ellen knocks on Pam's door at the very end of s3",
    "Ellen at Pam's door in the s3 finale 😭",
    "Ellen finally goes to Pam's place in the s3 finale",
    "the president ends up at Pam's house in the finale",
    "Ellen steht in der letzten Folge vor Pams Tür",
    "Ellen llama a la puerta de Pam en el final de la t3",
]
PAMS_DOOR_INNOCENT = [
    "My friend Pam's door is always open, Ellen says",
    "Ellen loves my friend Pam's house",
    "my friend Pam's place is tiny, Ellen said so too",
    "my aunt Ellen painted Pam's door red",
    "Ellen goes to see my cousin Pam every weekend",
]


@pytest.mark.parametrize("text", PAMS_DOOR)
def test_ellen_reaching_pams_door_is_the_visit(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", PAMS_DOOR_INNOCENT)
def test_a_door_of_the_writers_pam_is_innocent(text: str) -> None:
    assert not spoils(text)
