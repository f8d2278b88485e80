"""Everyday words that finale rules took by themselves as the finale (scripts/
guard_everyday_actions.py lists them): "Deke keeps quiet about his old injuries", "the
cosmonaut has a spare helmet", "1995 was the year I learned to jump rope". Each is now
matched only in the phrases the finale is told in ("dies of his injuries", "spare him",
"jump to 1995"), the way "alone" became "there alone" (tests/test_guard_alone.py):
the everyday sense with the rule's subject must pass, the finale must still be flagged.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# word -> (everyday sentences with the rule's subject, the finale said with the word)
GRID: dict[str, tuple[list[str], list[str]]] = {
    "alone": (
        [
            "the Korean lander model looks great alone on my shelf",
            "that korean module scene, we watched it alone",
        ],
        [
            "they send Danny to live alone in the korean lander",
            "Danny ends s3 left alone at the north korean lander",
        ],
    ),
    "spare": (
        [
            "the cosmonaut has a spare helmet in the locker",
            "the russian guy asks for a spare pen at the briefing",
        ],
        [
            "why does Ed spare the cosmonaut in the mine at the end of s1",
            "Ed decides to spare him, the cosmonaut walks",
        ],
    ),
    "live": (
        [
            "the cosmonaut interview was broadcast live on tv",
            "I would live in the russian station set, it looks cozy",
        ],
        [
            "Why does Ed let the cosmonaut in the mine live?",
            "Ed had the cosmonaut cornered and let him live",
        ],
    ),
    "mine": (
        [
            "the cosmonaut said that helmet is mine, lol",
            "the russian station design is a favourite of mine",
        ],
        [
            "Ed finds the cosmonaut hiding in the mine. He doesn't kill him.",
            "ed catches a cosmonaut poking around the american mine in the s1 finale",
        ],
    ),
    "rising": (
        [
            "Sea Dragon is rising in popularity among model builders",
            "Sea Dragon merch prices keep rising",
            "Sea Dragon rises to the top of my favourite rockets list",
        ],
        [
            "Sea Dragon rising out of the sea while Ed and Karen watch",
            "the post credits of s1, the sea dragon rises from the water",
        ],
    ),
    "ocean": (
        [
            "Sea Dragon model sits on my desk next to my ocean poster",
            "Sea Dragon fans are an ocean of nerds, I love it",
        ],
        [
            "ed and karen watching a sea dragon lift off out of the ocean",
            "in the show a Sea Dragon launches from the ocean after the s1 credits",
        ],
    ),
    "beat": (
        [
            "North Korea scenes have a great drum beat",
            "the North Korean episode beat my expectations",
        ],
        [
            "the North Korean pilot beat both NASA and the Soviets to Mars",
            "the s3 finale reveals a North Korean beat them there",
            "the Soviets got beat to Mars by North Korea, lol",
        ],
    ),
    "kicked": (
        [
            "Dev kicked off his shoes at the party",
            "Dev kicked the ball at the Helios picnic",
        ],
        [
            "Dev gets kicked out of Helios at the end of s3",
            "what was Dev even doing after Helios kicked him out?",
        ],
    ),
    "wounds": (
        [
            "Deke licks his wounds after the press conference in s1",
            "Deke's old war wounds acting up is such a dad moment",
        ],
        [
            "Deke and Ellen crash land in the s1 finale. He doesn't survive his wounds.",
            "Deke succumbs to his wounds on the moon",
        ],
    ),
    "injuries": (
        [
            "Deke jokes about his old flying injuries at the bbq",
            "Deke keeps quiet about his injuries from the test pilot days",
        ],
        [
            "Deke dies of his injuries and they bury him on the Moon",
            "Deke doesn't survive his Apollo 24 injuries",
        ],
    ),
    "boots": (
        [
            "in 1995 everyone wore those moon boots",
            "1995 cowboy boots were a whole trend",
        ],
        [
            "that last shot of s2, boom 1995, boots in the red dust",
            "season 2 closing on boots hitting Mars in 1995 was such a flex",
        ],
    ),
    "closing": (
        [
            "in 1995 my dad's shop was closing down",
            "1995 closing ceremony of the games was great",
        ],
        [
            "the s2 closing shot cuts to 1995 on Mars",
            "season 2 closing on 1995 and Mars, wow",
        ],
    ),
    "jump": (
        [
            "1995 was the year I learned to jump rope",
            "in 1995 I saw my first long jump",
            "my cousin jumped out of a plane in 2012",
        ],
        [
            "end of season 2 jumps to 1995 and there are boots on mars",
            "that jump to 2012 at the very end of s4 blew my mind",
            "they jumped to 2012!!!! Alex is so big now",
            "the s4 finale ends by jumping all the way to 2012",
            "2012 is where the s4 finale jumps, what a ride",
        ],
    ),
    "skip": (
        [
            "2012 was the year to skip rope",
            "in 1995 I would skip breakfast every day",
        ],
        [
            "the s2 finale does a skip to 1995",
            "s4 finale, skip ahead to 2012 and goldilocks is a mine",
        ],
    ),
    "leap": (
        [
            "2012 was a leap year",
            "2012 leap of faith for my career",
        ],
        [
            "that leap to 2012 at the very end of s4",
            "the finale takes a leap forward to 2012",
        ],
    ),
    "admits": (
        [
            "Danny admits he likes Kelly in s3",
            "Danny admitted he was late to the briefing",
        ],
        [
            "Danny finally admits what he did on the drilling job",
            "Danny admits to causing the accident in the s3 finale",
        ],
    ),
    "bluff": (
        [
            "Sally calls Ed's bluff at poker night",
            "Sally Ride's poker bluff at the party was iconic",
        ],
        [
            "Was Sally Ride actually going to shoot Ed, or was it a bluff?",
            "Sally was bluffing with that gun, right?",
        ],
    ),
    "work": (
        [
            "the asteroid scenes must have been a lot of work for vfx",
            "the heist crew's costumes work so well",
            "asteroid mining is working its way into the news",
        ],
        [
            "the Goldilocks heist actually works, the rock ends up at Mars",
            "the asteroid heist actually working in the s4 finale, wow",
        ],
    ),
    "steer": (
        [
            "the asteroid subplot made me steer clear of spoilers",
            "the heist talk, let's steer it back to s1",
        ],
        [
            "Aleida and Margo steer the asteroid into Mars orbit",
            "they steer the rock to Mars and keep it, heist complete",
        ],
    ),
    "hit": (
        [
            "the asteroid scene was a hit with my friends",
            "the heist episode hit different on rewatch",
        ],
        [
            "the goldilocks heist hit. rock's staying at mars. W",
            "the goldilocks heist actually HIT, what a finale",
            "the asteroid heist pays off and goldilocks ends up in Mars orbit",
        ],
    ),
    "satisfying": (
        [
            "the heist planning montage is so satisfying",
            "the asteroid vfx were satisfying, pure eye candy",
        ],
        [
            "so satisfying that the heist works and the asteroid stays at Mars",
            "the heist was a success, goldilocks parked at Mars",
        ],
    ),
    "secret": (
        [
            "Deke keeps a secret stash of cigars",
            "Deke has a secret handshake with the Mercury guys",
        ],
        [
            "Larry's wife tells Deke her secret in the s1 finale",
            "Ellen confides in Deke, and Deke keeps her secret",
        ],
    ),
    "ends": (
        [
            "1995 ends with a great christmas in my family",
            "I remember 1995 ending with snow",
        ],
        [
            "the s2 finale ends in 1995 with astronaut boots on Mars",
            "season 2 ending on 1995 and Mars, what a cliffhanger",
        ],
    ),
    "reunion": (
        [
            "Pam goes to her high school reunion",
            "Pam at the family reunion in the flashback",
        ],
        [
            "the Pam and Ellen reunion in the s3 finale broke me",
            "Pam's reunion with Ellen at her front door, finally",
        ],
    ),
    "shoot": (
        [
            "that shot of the Sea Dragon on the pad is gorgeous",
            "the Sea Dragon shoots up the charts of best fictional rockets",
            "they shoot the Sea Dragon scenes on a soundstage, I read",
        ],
        [
            "Ed literally shoots down the Sea Dragon in the finale",
            "Ed shooting down the Sea Dragon was the only sane option",
            "Can someone explain why Ed shot the Sea Dragon instead of the Buran?",
        ],
    ),
    "explode": (
        [
            "Sea Dragon fans explode with joy at the new trailer",
            "the sea dragon subreddit will explode tonight",
        ],
        [
            "the Sea Dragon explodes in the sky over the Moon",
            "Ed blows it up, the Sea Dragon, in the s2 finale",
            "Ed decides to blow up his own Sea Dragon instead of the Buran",
        ],
    ),
    "crippled": (
        [
            "Apollo 24 budget was crippled by congress lol",
            "Apollo 24 crippled my sleep schedule, couldn't stop watching",
        ],
        [
            "like the real Apollo 13, Apollo 24 is crippled in space",
            "Ellen holds the crippled Apollo 24 together in the s1 finale",
        ],
    ),
    "drifting": (
        [
            "Apollo 24 crew member drifting off to sleep in the capsule before the mission",
            "Apollo 24 patch design has that drifting vibe",
        ],
        [
            "Apollo 24 drifting away in space after the misfire",
            "Apollo 24 is left adrift after the upper stage fails",
        ],
    ),
    "fired": (
        [
            "Dev fired off an email to his engineers in s3",
            "Dev fires questions at the engineers in every meeting",
        ],
        [
            "dev got fired from his own company at the end of s3",
            "the board fires him, Dev is out of Helios",
        ],
    ),
    "occupy": (
        [
            "Jamestown kids occupy the rec room in s2",
            "the base kids occupy the gym all day",
            "Jamestown crew capture the sunrise in a photo",
        ],
        [
            "the Soviets occupy Jamestown in the s2 finale",
            "the soviets seize the base at the end of s2",
            "by the last ep the soviets take the whole jamestown base",
        ],
    ),
    "tape": (
        [
            "Gordo watches the tape of his old mission",
            "Tracy's audition tape for the astronaut corps was hilarious",
        ],
        [
            "Gordo and Tracy walk out to the reactor in taped-up suits",
            "gordo and tracy fixing the reactor in duct-taped suits",
        ],
    ),
    "broadcast": (
        [
            "Ellen's interview broadcast in s4 was so good",
            "Ellen's campaign ad broadcast during the debate in s4",
        ],
        [
            "Ellen thanking Larry on the broadcast at the end of s1 killed me",
            "Ellen thanks her husband on a live broadcast at the end of s1",
        ],
    ),
    "reunited": (
        [
            "Pam reunited with her old band for one night",
            "Pam reunites with her sister at the bar in s1",
        ],
        [
            "Pam and Ellen finally reunite in the s3 finale",
            "Pam reunited with Ellen at her front door",
        ],
    ),
    "riot": (
        [
            "Happy Valley cafeteria food is a riot, lol",
            "the workers in Happy Valley are a riot at karaoke",
        ],
        [
            "a riot breaks out in Happy Valley in the s4 finale",
            "the Happy Valley workers riot and Danielle gets shot",
        ],
    ),
    "storming": (
        [
            "Jamestown kids storming the rec room for movie night",
            "the base crew stormed the cafeteria when the pizza arrived",
        ],
        [
            "the soviets storming jamestown in the finale was so tense",
            "so jamestown gets stormed by cosmonauts in the s2 finale",
        ],
    ),
    "deliver": (
        [
            "Kelly delivers a great line to Ed in s3",
            "Ed has to deliver a speech at the gala in s2",
            "Kelly delivered pizza in college, she said in s3",
        ],
        [
            "Ed flies Kelly up to Phoenix so she can deliver",
            "Kelly delivers the baby safely in orbit",
        ],
    ),
    "dock": (
        [
            "Danielle waits at the dock with her husband",
            "Danielle docks the boat at the lake house in s1",
            "Dani and Kuznetsov strip the wreck for a docking part in 3x09",
        ],
        [
            "Danielle docks with the Soyuz and does the handshake anyway",
            "Danielle finishing the Apollo-Soyuz docking against orders at the end of s2",
            "why did dani go through with the docking when houston told her to abort?",
        ],
    ),
    "sell": (
        [
            "the bar sells Outpost t-shirts",
            "the Outpost sells the best wings in the show, I want one",
            "that bar sold more beer than any set in TV history",
            "the Outpost in Houston sold out of beer during the watch party",
        ],
        [
            "Karen sells the Outpost to Sam",
            "karen sold the outpost and dipped",
            "the outpost owner sells the bar to sam",
            "who bought the Outpost after Karen sold it?",
            "Ed would never sell the Outpost. Karen did though, to Sam, in the s2 ending",
        ],
    ),
    "gay": (
        [
            "Deke has a gay old time at the barbecue",
            "Deke loves gay bars jokes in the 70s? no",
        ],
        [
            "Ellen tells Deke she's gay and then thanks Larry on TV",
            "Ellen tells Deke she is a lesbian before he dies",
        ],
    ),
    "hand": (
        [
            "Gordo waves his hand at the reactor",
            "the reactor control panel has a hand crank",
            "The show hands that Apollo 10 flight to Ed and Gordo",
        ],
        [
            "Tracy goes out holding his hand on the Moon in the season 2 finale",
            "the way tracy held gordo's hand as they ran out of air",
            "tracy and gordo went out holding hands on the moon",
        ],
    ),
    "success": (
        [
            "the asteroid heist is a success story for the writers",
            "the heist plan is successful at keeping me hooked",
            "the heist episode was a massive ratings success",
        ],
        [
            "goldilocks heist? successful. ed n dev ate. mars keeps the rock",
            "the goldilocks heist was successful in the s4 finale",
        ],
    ),
    "orphan": (
        [
            "Jimmy and his orphan annie costume at halloween",
            "Jimmy reads Oliver Twist, an orphan story",
        ],
        [
            "Gordo and Tracy die and leave Danny and Jimmy orphans",
            "Jimmy becomes an orphan in the s2 finale",
        ],
    ),
    "extremist": (
        [
            "Jimmy hates extremists of every kind",
            "Jimmy loves the B-52 bombers at the air show",
        ],
        [
            "Jimmy tries to stop the bombers in the s3 finale",
            "Jimmy warns NASA but the extremists blow up JSC",
        ],
    ),
    "stranded": (
        ["the crew left the rest of the pizza, stranded on the table"],
        ["Ed leaves the rest of the crew stranded on Mars"],
    ),
    "defy": (
        [
            "Danielle defies every stereotype of 70s TV",
            "Danielle defied the odds getting into the astronaut corps in s1",
        ],
        [
            "Danielle defies orders and finishes the docking handshake",
            "Danielle defies Houston in the s2 finale",
        ],
    ),
    "tumbling": (
        [
            "Apollo 24 tumbling toy model on my desk",
            "Apollo 24 tumbles into my top ten episodes",
        ],
        [
            "Apollo 24 tumbling away into space with Molly watching",
            "the Apollo 24 crew left tumbling through space",
        ],
    ),
    "gun": (
        [
            "Sally has a pistol-grip drill",
            "Sally Ride loves Top Gun",
            "Sally straps into the T-38",
            "Sally checks her watch strap",
            "Sally got her pilot's gun license, lol",
        ],
        [
            "Sally pulls a gun on Ed",
            "Sally had a gun on him n everything, s2 finale was unhinged",
            "Sally Ride ends up pointing a pistol at Ed",
            "Karen's husband gets a gun pulled on him by Sally Ride on Pathfinder",
        ],
    ),
    "confessed": (
        [
            "Danny confessed to eating Jimmy's cereal in s3",
            "Danny confessing his love of disco in s2 was cute",
        ],
        [
            "Danny confesses. Everyone's horrified. He spends the rest of his time on Mars"
            " alone in that wreck.",
            "Danny confessing he caused the deaths and then getting banished ugh",
        ],
    ),
    "revolt": (
        [
            "Happy Valley kids revolt against broccoli",
            "the workers' uprising in Les Mis is my favourite musical moment",
        ],
        [
            "the Happy Valley workers revolt in the s4 finale",
            "an uprising breaks out at Happy Valley",
        ],
    ),
    "launch": (
        [
            "Sea Dragon merch launch is next week",
            "the Sea Dragon LEGO set launches in June",
            "Sea Dragon launch date in KSP mod is tomorrow",
            "the Sea Dragon fan wiki launches a redesign today",
        ],
        [
            "the sea dragon launch at the end of s1 with ed and karen",
            "Ed and Karen watch the Sea Dragon launch from the ocean in the s1 post-credits",
            "the Sea Dragon launching out of the ocean gave me chills",
            "Sea Dragon launches in the s1 finale stinger",
        ],
    ),
    "newborn": (
        [
            "Kelly holds a newborn puppy",
            "Kelly volunteers at the newborn ward in s2",
        ],
        [
            "Kelly comes home from Phoenix with her newborn",
            "Kelly and her newborn daughter on Phoenix",
        ],
    ),
}

EVERYDAY = [(word, text) for word, (texts, _) in GRID.items() for text in texts]
FINALE = [(word, text) for word, (_, texts) in GRID.items() for text in texts]


@pytest.mark.parametrize(("word", "text"), EVERYDAY)
def test_everyday_sense_says_nothing(word: str, text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(("word", "text"), FINALE)
def test_finale_phrasing_is_flagged(word: str, text: str) -> None:
    assert spoils(text)
