"""Round 16, who is meant (opened20's misses about who an outcome is said of).

- A relation's owner after "of" (or the Russian genitive) may carry a rank or title
  (`rank_title`, seven languages): "Жена командира Болдуина", "the wife of commander
  Baldwin", "la esposa del comandante Baldwin".
- Relations listed with "and" are each their own subject ("Kelly's mom and Danny's mom are
  both gone"): the first one is no co-owner of the second, and the list reads back past
  the second one's owner.
- A real person's role is set aside in a sentence about real history, like the name ("in
  real life the head of the astronaut office died of a brain tumour in 1993"), unless the
  show's outcome is said ("... died on the moon"); Deke is also the one who "runs the
  astronaut office" (canon `known_as`).
- A role said after "my" and one of the writer's people (`writers_people`: now uncles,
  aunts, cousins, grandparents, colleagues) is theirs ("my uncle runs the astronaut office
  at a museum"); "not my cousin" in an aside is a contrast, not the subject.
- German: a separable verb's particle may end a clause before a comma, not only the
  sentence ("kehrt sie nicht vom Mond zurück, und Gordo auch nicht"), and "nicht" before the
  story's place ("vom Mond", `show_place`) negates the verb.
- Things and scenes told by whose they are or who is at the door: "shooting down his own
  side's rocket" (the Sea Dragon), "finds the President at her door" (Pam's visit),
  "shows Dev the door", "defies her orders" (Danielle's handshake).
- A figure ending in "by" (`by_time`) before an episode or season is meant as it stands:
  "gone by the end of s3" (not "days gone by").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

RANKED_OWNERS = [
    "Жена командира Болдуина погибает при взрыве в конце третьего сезона.",
    "жена командира Болдуина гибнет в финале третьего сезона",
    "the wife of commander Baldwin dies in the s3 finale",
    "the wife of Colonel Baldwin gets blown up at JSC in the season 3 finale",
    "la esposa del comandante Baldwin muere al final de la tercera temporada",
    "la femme du commandant Baldwin meurt dans l'explosion à la fin de la saison 3",
]
RANKED_OWNERS_INNOCENT = [
    "the wife of commander Riker dies in the s3 finale of that other show",
    "Жена командира Болдуина открывает бар в первом сезоне.",
    "the wife of commander Baldwin runs the Outpost in season 1",
    "жена командира моего отца умерла в прошлом году",
]

LISTED_RELATIONS = [
    "Kelly's mom and Danny's mom are gone in the s3 finale",
    "Kelly's mom and Danny's mom are both gone by the end of s3. Danny's mom went a whole "
    "season earlier tho",
    "Danny's mom and Kelly's mom both die, one in s2 and one in the s3 finale",
    "Kelly's mom and Danny's mom both die in the s3 finale",
]
LISTED_RELATIONS_INNOCENT = [
    "Kelly's mom and Danny's mom both open a bar in s1",
    "Kelly's mom and Danny's mom are both great characters",
    "my mom and my aunt are both gone by now, miss them",
]

REAL_ROLES_SET_ASIDE = [
    "in real life the head of the astronaut office died of a brain tumour in 1993",
    "in real life the guy who ran the astronaut office died of a brain tumour in 1993",
    "my uncle runs the astronaut office at a museum, he died in 2003",
    "my grandpa ran the astronaut office exhibit for years, he died last spring",
    "the real Deke never got home to see his grandkids graduate, he died in 1993",
    "Deke never gets home from work before 8 in s1e3",
    "fun fact: the real Deke Slayton finally got to space on Apollo-Soyuz in 1975 after years "
    "grounded for his heart. he died of a brain tumour in 1993",
]
SHOW_ROLES = [
    "the chief astronaut dies in the s1 finale",
    "the guy who runs the astronaut office ends s1 under six feet of moon dust",
    "guess the character: grounded by his heart, runs the astronaut office, ends s1 under "
    "six feet of moon dust",
    "in real life the chief astronaut died on the moon??",
    "in real life the head of the astronaut office lived, in the show he dies on the moon",
    "the real-life astronaut dies on the moon in the s1 finale",
    # the show's Deke after real history: "never gets home" (rule deke-on-the-moon-forever)
    "Deke Slayton in the show is gruffer than the man I met in 1976. He clears himself to fly "
    "Apollo 24 the way the real Deke would have loved to. He never gets home from that "
    "mission; the injuries finish him on the Moon.",
    "Deke never gets home from that mission",
]

CONTRAST_ASIDES = [
    "Danny — Gordo's son, not my cousin — gets exiled on Mars in the S3 finale",
    "Danny — Gordo's son, not my brother — gets exiled on Mars in the S3 finale",
]
WRITERS_OWN = [
    "my cousin got exiled from the group chat lol",
    "my aunt got arrested once for jaywalking, true story",
]

GERMAN_CLAUSES = [
    "Am Ende der zweiten Staffel kehrt Tracy nicht vom Mond zurück, und Gordo auch nicht.",
    "Tracy habe ich anfangs unterschätzt. Sie wirkte wie die typische Astronautenfrau. Am "
    "Ende der zweiten Staffel kehrt sie nicht vom Mond zurück, und Gordo auch nicht.",
    "Dann kehrt Tracy nicht vom Mond zurück.",
    "Im Staffelfinale kommen Gordo und Tracy nicht vom Mond zurück, und Danny bleibt allein.",
]
GERMAN_CLAUSES_INNOCENT = [
    "Gordo kehrt in Folge 4 nach langer Zeit auf dem Mond zurück, und alle feiern.",
    "Tracy schießt mit ihrem neuen Freund ein paar Fotos ab, und Gordo lacht.",
    "Gordo kehrt im Finale nicht gern vom Mond zurück",
    "In Folge 3 kehrt Gordo noch nicht vom Mond zurück, erst später.",
]

SCENES_BY_WHOSE = [
    "the Pathfinder commander ends up shooting down his own side's rocket to keep things "
    "from going hot",
    "Ed shoots down his own rocket in the s2 finale",
    "The bartender from the Outpost, the poet, finds the President of the United States at "
    "her door in the last episode of season three.",
    "the poet finds Ellen at her door in the s3 finale",
    "Pam finds the President at her door in the s3 finale",
    "the board shows Dev the door in the s3 finale",
    "The Helios board never liked Dev. By the final episode of the season, they have shown "
    "him the door.",
    "Danielle defies her orders at the end of season two.",
    "Apollo-Soyuz in 1975 ended with a handshake through the hatch. The show restages it in "
    "1983, and Danielle Poole defies her orders to see it through at the end of season two.",
]
SCENES_INNOCENT = [
    "the game has you shoot down your own side's rocket lol",
    "in Halo you can shoot down your own rocket",
    "Karen finds the President at her door in s2",
    "my aunt found the president at her door once lol",
    "Dev shows Ed the door in s4",
    "in real life Stafford defied his orders once in 1975",
]

DATED_FIGURES = [
    "Karen is gone by the end of s3",
    "Karen's gone by the s3 finale",
    "Gordo and Tracy are both gone by the end of season 2",
]
UNDATED_FIGURES = [
    "those days are long gone by now, Karen misses the Outpost in s3",
    "the days gone by, Karen in s1 at the Outpost",
    "that scene was gone by in a flash, Karen in s1",
]


@pytest.mark.parametrize("text", RANKED_OWNERS + LISTED_RELATIONS + SHOW_ROLES)
def test_who_a_relation_or_role_names_is_found(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", CONTRAST_ASIDES + GERMAN_CLAUSES + SCENES_BY_WHOSE)
def test_outcomes_said_of_them_are_theirs(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", DATED_FIGURES)
def test_a_figure_before_an_episode_is_meant(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    RANKED_OWNERS_INNOCENT
    + LISTED_RELATIONS_INNOCENT
    + REAL_ROLES_SET_ASIDE
    + WRITERS_OWN
    + GERMAN_CLAUSES_INNOCENT
    + SCENES_INNOCENT
    + UNDATED_FIGURES,
)
def test_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text)
