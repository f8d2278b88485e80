"""Round 11, general mechanisms for phrasings no corpus held yet, each with fresh
variants (over characters, seasons and languages) and innocent look-alikes.

- Denied survival (`weak_cues.alive` in en.toml): verbs of coming through or coming back
  that a negation turns into a death, as "doesn't survive" always did: "doesn't get back
  up", "never wakes up", "never walks back into the base", "doesn't make it out".
  Unnegated they say nothing ("Ed gets back up after the fall").
- Epithets pointing back (`pronoun`, `he`, `she` in en.toml): a generic noun for the
  last-named character counts as a pronoun: "the man", "that woman", "your guy", "our
  girl", "the poor guy" ("Deke? the man does not survive the s1 finale").
- Counted among (`counted_among` in en.toml, bot/guard/what.py `_past_groups`): a
  negation before words counting someone among others reaches the outcome said of the
  others ("Molly isn't among those who make it out", "not one of the survivors").
- The only one who survives (`group` in en.toml): "only one woman", "only one person",
  "only one of the two" after a pair is named says the others died, as "only one of
  them walks out" did ("Molly and Karen are at JSC. Only one woman walks away...").
- Emoji sequences (bot/guard/scoring.py `_leading_emoji`, emoji in en.toml's classes): a
  run of emoji leading up to a name says its fate when it opens the sentence or follows
  an episode alone, in a sentence naming an episode or finale ("2x10 ☢️🫂⚰️⚰️ Gordo &
  Tracy"); more outcomes have their emoji ("Sea Dragon 💥", "Danny 🇰🇵", "Margo 🔒").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

DENIED_SURVIVAL = [
    "Gordo and Tracy don't get back up in 2x10",
    "Deke never gets back up after the crash in the s1 finale",
    "Karen doesn't get back up after the car bomb at the end of season 3",
    "Molly never wakes up after the JSC bombing in 3x10",
    "Deke never wakes up again after the s1 finale",
    "Neither Gordo nor Tracy walks back into the base at the end of s2",
    "Gordo and Tracy never walk back inside Jamestown in the s2 finale",
    "Karen doesn't make it out of JSC in the s3 finale",
    "Molly never makes it out of the bombing at the end of season 3",
    "Tracy never makes it out of the reactor room in the s2 finale",
    "Tracy doesn't get back up after the reactor walk, s2e10",
    "Deke doesn't come back out of the crash in the first season finale",
    "Karen ne se relève pas après la bombe à la fin de la saison 3",
    "Molly no despierta después de la bomba al final de la temporada 3",
    "o Deke não acorda mais depois do final da temporada 1",
]

DENIED_SURVIVAL_INNOCENT = [
    "Ed gets back up after the fall in the s2 finale",
    "Karen se relève après sa chute dans la saison 2",
    "Molly despierta en el hospital en la temporada 2",
    "Gordo doesn't get back up on the horse after season 1 for a while",
    "Tracy never walks back her comments about Gordo in s1",
    "Karen walks back into the Outpost in s3e2 like she owns it",
    "Molly wakes up in the hospital in s2e4",
    "Danny never wakes up before noon in season 3 lol",
    "Ed doesn't make it out to the bar in s1e3",
    "Kelly makes it out of the storm fine in season 3",
    "I never got back up to speed after skipping season 2",
    "Ellen doesn't get out much after she becomes president",
    "Gordo gets back up and flies again in s2",
    "Karen doesn't walk back into the church after Shane's funeral in s1e9",
    "Aleida never gets back up to Happy Valley until s4e3",
    "Margo wakes up early every day in the s4 premiere",
]

# Fresh variants the guard still misses: "only one" in the sentence that names the pair.
# ("never gets out of the building alive" and the German "stehen ... nicht mehr auf" are
# read since round 17: the DENIED_EXIT and GERMAN_SPLIT grids of test_guard_round17_who.py)
KNOWN_MISSES = [
    # "only one" with the pair named in the same sentence
    "Tracy and Gordo in the s2 finale: only one person comes home from that reactor "
    "and it isn't either of them.",
]

EPITHETS = [
    "Deke Slayton? man does not survive the s1 finale",
    "Deke is a legend. The man dies on the moon in the s1 finale",
    "shoutout to every Dev out there, sorry Helios pushes your guy out at the end of s3",
    "Karen was my favourite. That woman dies in the JSC bombing in 3x10",
    "Gordo worked so hard. The guy dies fixing the reactor in the s2 finale",
    "Molly is iconic. Our girl dies in the bombing at the end of s3",
    "Margo fans, brace yourselves: the woman fakes her death at the end of s3",
    "Miles is the best. poor guy gets tortured in the s4 finale",
    "Karen ran the Outpost for years. The woman is dead by the end of s3",
    "Danny, ugh. That guy gets exiled at the end of s3",
    "Tracy deserved better. That woman dies on the moon in 2x10",
    "Dev built Helios and the board boots the guy out at the end of season 3",
    "Ed is a mess in s2. The man shoots down the Sea Dragon in the finale",
]

EPITHETS_INNOCENT = [
    "Deke is a legend. The man was a real astronaut too",
    "Karen was my favourite. That woman can run a bar",
    "Gordo worked so hard. The guy deserved a better s1",
    "Molly is iconic. Our girl has the best one-liners in s2",
    "Dev is a genius. The man builds Helios out of nothing in season 3",
    "Miles is the best. poor guy spends all of s4 broke",
    "Ed is a mess. The man cannot keep a marriage",
    "my dad was watching with me. The man cried at the s1 finale",
    "my sister loved s2. That woman never cries at anything",
    "talked to a guy at work about fam. The guy thinks season 1 is the best",
    "shoutout to my guy Dev for running the watch party",
    "Tracy is so funny. That woman steals every scene in s1",
]

COUNTED_AMONG = [
    "Molly isn't among those who make it out of JSC in the s3 finale",
    "Karen is not among the survivors at the end of s3",
    "Gordo and Tracy aren't among the ones who come home in s2",
    "Deke isn't one of the ones who makes it home in s1",
    "Tracy is not one of the people who walk out of Jamestown in the s2 finale",
    "Karen isn't one of the lucky ones who walk away from the car bomb in 3x10",
    "Molly is not among the survivors of the JSC bombing",
    "Gordo isn't among those who survive the s2 finale",
    "Deke is not one of those who make it back from the moon in season 1",
    "Karen n'est pas parmi les survivants à la fin de la saison 3",
    "Molly no está entre los que sobreviven al final de la temporada 3",
    "Gordo and Tracy are not among the few who make it home at the end of season 2",
]

COUNTED_AMONG_INNOCENT = [
    "Karen isn't among the guests at the party in s3e2",
    "Molly isn't one of the people who walk out of the meeting in s2e3",
    "Ed is one of the survivors in the s2 finale",
    "Danny isn't a survivor type, he folds in s3e4",
    "Gordo is not among the astronauts picked for Apollo 15 in s1e2",
    "Deke isn't one of the ones who likes the press in s1",
    "Karen is not among those who trust Ed in season 2",
    "Tracy isn't one of the people who make it to the party in s1e5",
    "Molly is not among the ones who complain in s2e6",
    "Kelly isn't one of those who survive on coffee, she drinks tea in s3e2",
    "Margo is not one of the people who came home early in s1e3",
    "Aleida isn't among the survivors of the s4 layoffs",
]

ONLY_ONE = [
    "Molly and Karen are both at JSC that day. "
    "Only one woman walks away from that car bomb and it isn't either of them.",
    "Gordo and Tracy go out to the reactor in 2x10. "
    "Only one person comes back and it's neither of them.",
    "Gordo and Tracy go out to the reactor in 2x10. Only one of the two comes back.",
    "Karen and Molly at JSC in 3x10. Only one woman survives.",
    "Karen and Molly are at JSC in the s3 finale. Only one woman makes it out.",
    "Gordo and Tracy fix the reactor in the s2 finale. "
    "Only one person could have survived that, and nobody does.",
    "Tracy and Gordo go out in the s2 finale. "
    "Only one of the two comes home, and it isn't either of them.",
    "Molly and Karen, 3x10. Just one woman walks away from JSC, and it isn't them.",
    "Gordo and Tracy walk out to the reactor at the end of s2. "
    "Only one guy comes back, and it's not Gordo.",
    "Karen and Molly go to JSC in the s3 finale. "
    "Only one person walks out and it's neither of them.",
    "Molly and Karen at JSC, end of season 3. "
    "only one woman survives that day and it isn't either of them",
    "Gordo and Tracy, end of s2. Only one of the two makes it home, and it's not who you think.",
]

ONLY_ONE_INNOCENT = [
    "Ed and Gordo fly Apollo 10 in s1e1. Only one man lands, and it's neither of them.",
    "Karen and Molly run the bar in s1. Only one woman stays on, Karen.",
    "Molly and Karen at the party in s2e3. Only one woman dances.",
    "Gordo and Tracy try the new simulator in s1e6. Only one person passes.",
    "Karen and Molly pick a toast in s1e2. Only one of the two is funny.",
    "Ed and Karen have two sons. Only one of the two likes flying.",
    "Gordo and Tracy both apply in s1e4. Only one person gets picked, Tracy.",
    "Molly and Ellen race at the pool. Only one woman wins.",
    "Danny and Jimmy in s2e5. Only one guy shows up to school.",
    "Aleida and Margo in s2e7. Only one woman gets the office.",
    "Kelly and Danny in s3e2. Only one person gets the Mars seat they both want.",
    "Ed and Dev argue in s4e3. Only one man is right.",
]

EMOJI = [
    "2x10 ☢️🫂⚰️⚰️ Gordo & Tracy",
    "3x10 💣⚰️ Karen",
    "s3 finale: 💣⚰️ Molly",
    "⚰️ Karen, 3x10",
    "1x10 🌕🪦 Deke",
    "end of s3 🤫💀 Margo",
    "Ed 🔫 Sea Dragon 💥 2x10",
    "Sea Dragon 💥 in the s2 finale",
    "Danny 🚀➡️🇰🇵 3x10",
    "Danny 🇰🇵 s3 finale",
    "Margo 🔒 s4 finale",
    "Dev 👢 Helios 3x10",
    "2x10 ⚰️ Tracy ⚰️ Gordo",
]

EMOJI_INNOCENT = [
    "⚰️ Karen is my fave",
    "🪦 Deke Slayton 1924-1993",
    "2x10 😭 Gordo",
    "s1 🚀 Deke",
    "Karen 🍸 3x10 so good",
    "🇰🇵 Danny is so annoying in s3e2",
    "Sea Dragon 🚀 1x05",
    "I loved Karen ⚰️ in 3x02",
    "3x10 🍿 Molly and Karen at JSC",
    "💥 Ed 2x03 temper again",
    "Margo 🔒 her office door in s2e2",
    "Dev 🚪 comes in late to the watch party",
]


@pytest.mark.parametrize("text", DENIED_SURVIVAL + EPITHETS + EMOJI + COUNTED_AMONG + ONLY_ONE)
def test_spoils(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    DENIED_SURVIVAL_INNOCENT
    + EPITHETS_INNOCENT
    + EMOJI_INNOCENT
    + COUNTED_AMONG_INNOCENT
    + ONLY_ONE_INNOCENT,
)
def test_innocent(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", KNOWN_MISSES)
@pytest.mark.xfail(strict=True, reason="not read yet (see KNOWN_MISSES)")
def test_known_misses(text: str) -> None:
    assert spoils(text)
