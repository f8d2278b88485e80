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

# Fresh variants the guard still misses: a negation too far from "alive" across an
# object, a German separable verb split around the clause.
KNOWN_MISSES = [
    "Karen never gets out of the building alive at the end of s3",
    "Gordo und Tracy stehen im Finale der zweiten Staffel nicht mehr auf",
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


@pytest.mark.parametrize("text", DENIED_SURVIVAL + EPITHETS + EMOJI + COUNTED_AMONG)
def test_spoils(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text", DENIED_SURVIVAL_INNOCENT + EPITHETS_INNOCENT + EMOJI_INNOCENT + COUNTED_AMONG_INNOCENT
)
def test_innocent(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", KNOWN_MISSES)
@pytest.mark.xfail(strict=True, reason="not read yet (see KNOWN_MISSES)")
def test_known_misses(text: str) -> None:
    assert spoils(text)
