"""Round 17, who is meant: general mechanisms with fresh variants (over characters,
seasons and languages) and innocent look-alikes.

- A surname split or punned with hyphens after a first name (bot/guard/who.py
  `_split_surname`): "Deke Slay-ton", "Gordo Ste-vens", "Deke Slain-ton" are still ours,
  where a capitalised surname that is none of ours ("Gordon Coo-per", "Karen Smith-Jones")
  still says someone else. The pieces, joined, must spell the character's own surname
  (one or two letters off, for a pun).
- Pointing from a namesake to the show's character (`namesake_of` in every language
  file): after "my cousin Miles", "the guy with his name", "her name twin", "su tocaya",
  "son homonyme", "sein Namensvetter", "o xará dele", "её тёзка" are the character.
- A role whose place is "its" (`place_owner` in en.toml, bot/guard/relations.py
  `_its_place`): "Apollo 24 is cursed, and its commander stays alone on the moon",
  "Helios was huge in s3, but its founder gets pushed out": the place named before, in
  the sentence or the two before, fills the role's place, for the season the role holds
  (not "JSC in season 4 ... its director", not "my company Helios ... its founder").
- The show's one, after real history (`show_version` in every language file): "the real
  Deke died in 1993, but the TV one dies on the moon", "his fictional version", "his TV
  counterpart", "celui de la série", "der aus der Serie" stand for the show's version of
  whoever was set aside as history.
- A denied way out, then "alive" (`exit_verb` in en.toml, bot/guard/what.py
  `_denied_exit`): a negation before a verb of getting out reaches a trailing "alive"
  across its object, "never gets out of the building alive" as "never gets out alive"
  did; not across a clause break or another person ("... until he knows Tracy is alive").
- A German separable verb whose particle ends the sentence (bot/guard/matcher.py
  `_split`, `weak_cues.alive` in de.toml): "stehen im Finale der zweiten Staffel nicht
  mehr auf" as "stehen nicht mehr auf"; not "auf" opening a phrase ("nicht mehr auf dem
  Plan").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPLIT_SURNAME = [
    "Deke Slay-ton dies on the moon in the s1 finale",
    "Deke Slay-ton? man does not survive the s1 finale",
    "Deke Slain-ton, more like. he dies on the moon in the s1 finale",
    "Gordo Ste-vens dies on the moon in the s2 finale",
    "Tracy Ste-vens dies on the moon next to Gordo at the end of s2",
    "Karen Bald-win dies in the JSC bombing at the end of s3",
    "Margo Mad-i-son fakes her death in the s3 finale",
    "Ed Bald-win shoots down the Sea Dragon in the s2 finale",
    "Danny Ste-vens gets exiled at the end of s3",
    "Dev Ay-e-sa gets pushed out of Helios at the end of s3",
    "Karen Bald-wing dies in the JSC bombing in the s3 finale",
    "Deke Slay-ton muere en la luna al final de la temporada 1",
    "Karen Bald-win meurt dans l'attentat à la fin de la saison 3",
    "Gordo Ste-vens morre na lua no final da temporada 2",
]

SPLIT_SURNAME_INNOCENT = [
    "Gordon Coo-per flew Faith 7 in 1963 and died in 2004",
    "Karen Smith-Jones got fired from my office at the end of last year",
    "Molly Ring-wald's character dies in that 80s movie",
    "Tracy Cham-bers from my gym died last year, RIP",
    "Margo Rob-bie gets arrested in that heist movie",
    "Deke Hol-brook, my grandpa's friend, died in 1993",
    "Ellen De-Generes got cancelled in 2020",
    "Kelly Clark-son gets booed at the end of the show",
    "Karen Gil-lan dies in Avengers Endgame",
    "Danny De-Vito dies laughing in every episode of that sitcom",
    "Ed Shee-ran's tour dies a slow death",
    "Gene Kranz-Smith is my neighbour, he got fired last week",
    "Miles Mo-rales dies in the comic, not in the show",
    "Ellen Rip-ley survives the alien at the end of the film",
]

NAME_POINTER = [
    "my cousin Miles watched the s4 finale and asked why they tortured the guy with his name",
    "my coworker is called Ed, and the guy with his name shoots down the Sea Dragon in 2x10",
    "my aunt is called Karen. the woman with her name dies in the JSC bombing at the end of s3",
    "my boss Karen's name twin dies in the JSC bombing at the end of s3",
    "my dog is called Gordo and his name twin dies on the moon in the s2 finale",
    "my friend Danny hates that the guy with his name gets exiled at the end of s3",
    "my sister Margo: the one with her name fakes her death in the s3 finale",
    "my coworker is literally named Deke. his name twin gets buried on the moon in 1x10",
    "mi tía se llama Karen y su tocaya muere en el atentado al final de la temporada 3",
    "meu cachorro se chama Gordo e o xará dele morre na lua no final da temporada 2",
    "mon chien s'appelle Gordo et son homonyme meurt sur la lune à la fin de la saison 2",
    "mein Hund heißt Gordo und sein Namensvetter stirbt im Finale der zweiten Staffel",
    "mia zia si chiama Karen e la sua omonima muore nell'attentato alla fine della stagione 3",
    "мою тётю зовут Карен, а её тёзка погибает при взрыве в финале третьего сезона",
]

NAME_POINTER_INNOCENT = [
    "my aunt Karen has a name twin at church, they both love the show",
    "my dog Gordo met his name twin at the park today",
    "my cousin Miles and the guy with his name in his class both watched season 4",
    "my coworker Ed has a name twin in accounting, it causes chaos with the email",
    "my aunt Karen died in 2019, and the woman with her name at church sent flowers",
    "mi tía Karen conoció a su tocaya en el trabajo",
    "mon chien Gordo a un homonyme dans le quartier",
    "mein Hund Gordo hat einen Namensvetter im Park",
    "my friend Danny's name twin got arrested at a protest last week",
    "Deke Slayton's real namesake died of brain cancer in 1993",
    "my niece Molly and her name twin at school both got the lead in the play",
    "my boss Margo's name twin works at Roscosmos irl lol",
    "o xará do meu cachorro Gordo morreu ano passado",
    "Gene Kranz never said 'failure is not an option', his name twin in the film did",
]

ITS_PLACE = [
    "Apollo 24 is cursed from the start, and its commander stays alone on the moon in 1x10",
    "the real Apollo 24 never flew, but in the show its commander stays alone on the moon in 1x10",
    "Apollo 24 limps to the moon in the s1 finale and one of its crew dies on arrival",
    "Helios was huge in season 3, but its founder gets pushed out at the end of s3",
    "Helios goes public in s3. its CEO is kicked out of the company in the finale",
    "Pathfinder faces down Buran in 2x10 and its commander shoots down the Sea Dragon",
    "Polaris is gorgeous, but its owner dies in the JSC bombing at the end of s3",
    "the Polaris hotel was a dream. its co-founder dies in the bombing in 3x10",
    "JSC is the heart of season 3, and its director fakes her death in the finale",
    "the black market in Happy Valley booms in s4, and its kingpin gets tortured in the finale",
    "Apollo 10 nearly landed in 1969. its commander shoots down the Sea Dragon in the s2 finale",
    "Apollo 24 launches late in season 1. Sadly its crew member dies on the moon in the finale",
    "I love the Helios campus in s3. Shame its founder gets booted at the end of the season",
    "Polaris gets bombed? no, JSC does, and Polaris loses its owner in the s3 finale",
]

ITS_PLACE_INNOCENT = [
    "JSC reopens in season 4 with a new boss, and its director gets arrested at the end of s4",
    "Pathfinder flies again in season 4, and its commander gets pushed out at the end of s4",
    "my company Helios just went public, and its founder got pushed out by the board last week",
    "we named our boat Pathfinder, and its captain (my dad) shot down a drone at the lake",
    "my local bar is called Polaris, and its owner died last year",
    "Apollo 24 is my fantasy football team, and its commander (me) is dead last",
    "Helios is the Greek sun god; its temple in Rhodes was destroyed by an earthquake",
    "Sojourner reaches Mars in 3x05 and its commander plants the flag",
    "Helios is Dev's company in s3, and its engineers build the Phoenix",
    "Apollo 24 launches in season 1; its commander becomes president in season 3",
    "Pathfinder was NASA's real 1997 Mars lander and its team got fired up about the rover",
    "the Polaris hotel opens in s3e1 and its owner throws a party",
    "JSC is where Margo works; its parking lot is huge",
    "Apollo 10 really flew in May 1969 and its commander Tom Stafford died in 2024",
]

SHOWS_ONE = [
    "the real Deke Slayton died of cancer in 1993, but the TV one dies on the moon in 1x10",
    "the real Deke Slayton died in 1993. the TV one is buried on the moon in the s1 finale",
    "the real Deke died in 1993; the fictional one dies on the moon at the end of season 1",
    "the real Deke died in 1993; his TV counterpart dies on the moon at the end of season 1",
    "the real Deke died in 1993; his fictional version dies on the moon in the s1 finale",
    "irl Sally Ride never flew to Mars, but her TV counterpart pulls a gun on Ed in 2x10",
    "Deke Slayton really died in Texas in 1993. the FAM one is buried on the moon in 1x10",
    "irl Deke died at home in 1993, his on-screen version dies on the moon in the s1 finale",
    "real Deke lived to 69. the fictional Deke never makes it home from the s1 finale",
    "der echte Deke starb 1993, der aus der Serie stirbt im Finale der ersten Staffel",
    "le vrai Deke est mort en 1993, sa version fictive meurt sur la lune en fin de saison 1",
    "il vero Deke è morto nel 1993, quello della serie muore sulla luna nel finale della 1",
    "настоящий Дик Слейтон умер в 1993, а сериальный погибает на Луне в финале первого сезона",
]

SHOWS_ONE_INNOCENT = [
    "the TV one is a composite; the real Deke died of cancer in 1993",
    "the fictional one is nothing like him, the real Deke died peacefully in 1993",
    "the real Sally Ride died in 2012, the fictional one is a side character in s2",
    "the real Deke died in 1993. the TV one? watch season 1 yourself, no spoilers",
    "real Deke died of cancer in 1993; his TV counterpart gets grounded in s1e2 for his heart",
    "the real Deke Slayton died in 1993 in Texas, and the TV one is just as stubborn",
    "my aunt Karen died in 2019; the TV one runs a bar in s1",
    "the real Gene Kranz retired in 1994; his TV counterpart runs mission control in s1",
    "the real Deke died in 1993 and his fictional version is played by Chris Bauer",
    "der echte Deke starb 1993, der aus der Serie ist genauso stur",
    "le vrai Deke est mort en 1993, sa version fictive est plus drôle",
    "il vero Deke è morto nel 1993, quello della serie è più simpatico",
    "the real Sally Ride died in 2012; her fictional version is great in s2e4",
    "Deke Slayton died of brain cancer in 1993. the on-screen one is a great boss in s1",
]

DENIED_EXIT = [
    "Karen never gets out of the building alive at the end of s3",
    "Molly never leaves the building alive in 3x10",
    "Gordo doesn't get out of the reactor room alive in the s2 finale",
    "Tracy never walks out of that reactor alive at the end of s2",
    "Deke doesn't make it out of the lander wreck alive in the s1 finale",
    "Karen won't be leaving the JSC lobby alive in the s3 finale",
    "Gordo and Tracy never get off the moon alive in 2x10",
    "Molly does not get out of that lobby alive at the end of season 3",
    "Tracy never escapes the moon base alive in the s2 finale",
    "Gordo doesn't leave the Jamestown reactor alive at the end of season 2",
    "Deke never gets off the lunar surface alive, s1 finale",
    "Karen never walks out of the space center alive in the season 3 finale",
    "Molly and Karen never get out of JSC's front lobby alive in 3x10",
    "Tracy doesn't come out of the reactor module alive in the second season finale",
]

DENIED_EXIT_INNOCENT = [
    "Karen never gets out of bed before noon, and Molly is alive and well in s2",
    "Ed never leaves the base without checking that everyone is alive in s1e7",
    "Gordo doesn't get out of the rover until he knows Tracy is alive in 2x08",
    "Molly doesn't leave the house much in s2, but she's alive",
    "Kelly never leaves Mars in s3, she's alive in s4",
    "Karen never gets out of her own way in s2, yet the Outpost stays alive",
    "Danny never gets out of his funk in s3, keeps his hopes alive though",
    "Gordo never gets out of his head in s1e7, it eats him alive",
    "Ed never leaves the bar in s1e3 while his pals keep the party alive",
    "Karen doesn't get out of the car in s1e9; Shane is still alive then",
    "Aleida never leaves the lab in s4 without saying she feels alive",
    "Ed doesn't leave Houston in s1e3 and the Outpost feels alive that night",
    "Kelly never leaves the habitat in s3e6, the plants keep her feeling alive",
    "Tracy doesn't leave the hotel in s2e3, the place is buzzing and alive",
]

GERMAN_SPLIT = [
    "Gordo und Tracy stehen im Finale der zweiten Staffel nicht mehr auf",
    "Karen steht nach der Bombe am Ende der dritten Staffel nicht mehr auf",
    "Molly wacht nach dem Anschlag im Finale der dritten Staffel nicht mehr auf",
    "Deke wacht nach dem Absturz im Finale der ersten Staffel nie wieder auf",
    "Tracy steht im Reaktorraum am Ende der zweiten Staffel nicht wieder auf",
    "Karen und Molly stehen im Staffelfinale von Staffel 3 nie wieder auf",
    "Deke steht nach der harten Landung im ersten Staffelfinale nicht mehr auf",
    "Gordo wacht im Finale der zweiten Staffel auf dem Mond nicht mehr auf",
    "Tracy wacht nach der Reparatur im Finale der zweiten Staffel nicht mehr auf",
    "Karen steht nach dem Anschlag im Finale von Staffel drei nicht mehr auf",
    "Molly steht im Staffelfinale der dritten Staffel leider nie mehr auf",
    "Gordo steht am Ende der zweiten Staffel im Reaktor nicht mehr auf",
    "Deke wacht im Finale der ersten Staffel auf dem Mond nie mehr auf",
    "Karen wacht am Ende der dritten Staffel im Krankenhaus nicht mehr auf",
]

GERMAN_SPLIT_INNOCENT = [
    "Ed steht im Finale der zweiten Staffel früh auf",
    "Karen steht in der ersten Staffel jeden Tag um fünf auf",
    "Molly wacht in Folge 4 der zweiten Staffel im Krankenhaus wieder auf",
    "Gordo steht nach dem Rausch in Folge 3 der ersten Staffel nicht vor Mittag auf",
    "Tracy steht im Finale der zweiten Staffel für Gordo auf",
    "Deke steht in der ersten Staffel nicht gern früh auf",
    "Kelly steht im Finale der dritten Staffel nicht mehr auf der Liste",
    "Gordo und Tracy stehen im Finale der zweiten Staffel nicht mehr auf dem Plan",
    "Margo steht im Finale der dritten Staffel nicht mehr auf Bills Seite",
    "Ed macht die Tür im Finale der zweiten Staffel nicht mehr auf",
    "Karen hört im Finale der dritten Staffel nicht mehr auf zu lachen",
    "Danny gibt im Finale der dritten Staffel nicht auf",
    "Ed wacht im Finale der zweiten Staffel endlich auf",
    "Molly steht in der zweiten Staffel für die Astronauten auf",
]

# Fresh variants still missed: the show's one with its outcome left out ("the TV one is")
KNOWN_MISSES = [
    "the real Marge Slayton was never widowed by a moon crash; the TV one is, in 1x10",
]


@pytest.mark.parametrize(
    "text", SPLIT_SURNAME + NAME_POINTER + ITS_PLACE + SHOWS_ONE + DENIED_EXIT + GERMAN_SPLIT
)
def test_spoils(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    SPLIT_SURNAME_INNOCENT
    + NAME_POINTER_INNOCENT
    + ITS_PLACE_INNOCENT
    + SHOWS_ONE_INNOCENT
    + DENIED_EXIT_INNOCENT
    + GERMAN_SPLIT_INNOCENT,
)
def test_innocent(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", KNOWN_MISSES)
@pytest.mark.xfail(strict=True, reason="not read yet (see KNOWN_MISSES)")
def test_known_misses(text: str) -> None:
    assert spoils(text)
