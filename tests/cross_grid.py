"""Round 15's anticipatory grid for the `cross-sentence` kind: one finale fact spread over
several sentences or lines, by structure, written from the fact sheet before the guard was
run on it (no corpus miss was looked at). Each structure holds spoilers (every finale fate:
Deke and Harry in S1; Gordo and Tracy in S2; Karen, Molly, Margo's faked death, Danny's
exile, Sergei let go, Dev pushed out in S3; Danielle shot and surviving, Margo arrested in
S4) and innocent look-alikes written the same way (mid-season deaths: Shane, Patty,
Clayton, Sam Cleveland in S3E1; real history; other shows; namesakes; questions that do
not answer; a fate in a later sentence about someone never named).

GRID maps a structure to (spoilers, innocents)."""

from __future__ import annotations

PRONOUN = (
    [
        "Deke was such a grump. He dies of his wounds up on the moon.",
        "deke slayton, man. he ends up buried at jamestown",
        "gordo finally gets his head straight in s2. then he dies fixing the reactor",
        "Gordo goes out to fix the reactor. He never comes home.",
        "Tracy gets her redemption arc. She dies on the moon next to Gordo though",
        "tracy was annoying in s1 but damn. she doesn't make it off the moon",
        "Karen finally seemed happy in s3. Then she gets killed in the JSC bombing",
        "karen sold the outpost and moved on. she still dies in the car bomb at the end",
        "Molly is a legend. She dies in the bombing in the s3 finale.",
        "molly cobb deserved better. she doesn't survive the JSC attack",
        "Margo is cornered by the FBI. She fakes her own death in the blast.",
        "margo in s3 is wild. she ends up in moscow after faking her death",
        "Margo takes the fall for Aleida in s4. She gets arrested at the end.",
        "Danny keeps lying about the drilling. They exile him to the North Korean lander.",
        "danny stevens is the worst. he gets exiled in the s3 finale",
        "Sergei spends all of s3 in limbo. In the finale they let him go to the West.",
        "Dev builds Helios from nothing. By the s3 finale he's pushed out of his own company.",
        "Danielle holds Happy Valley together. She gets shot in the riot but survives.",
        "Gordo and Tracy fix the reactor together. They both die holding each other.",
        "Karen and Molly were at JSC that day. Neither of them survives the bomb.",
        "Ellen becomes president. In the s3 finale she goes to see Pam.",
        # sentence 3
        "Gordo was so good in s2. Michael Dorman nailed it. He dies on the moon in the finale.",
        "Karen is my fave character. The outpost scenes are gold. Sad that she dies in the bombing",
        "Molly is iconic. Sonya Walger is amazing. She dies in the JSC blast though.",
        "danny again. honestly why. he gets exiled to the korean lander and deserves it",
        # subject switched
        "Gordo was my fave. Tracy too. They both die fixing the reactor.",
        "Ed barely reacts. Karen is at JSC. She dies in the blast.",
        "Aleida shows up at the end. Margo covers for her. She gets arrested.",
        "Kelly is pregnant on Mars. Danny confesses. He gets exiled to the NK lander.",
        # negated survival
        "Karen in the s3 finale. She doesn't make it.",
        "Deke on the moon in the finale. He never comes home.",
        "Gordo and Tracy in the s2 finale. They don't survive it.",
        "Molly at the bombing. She doesn't walk out of it.",
        "Danielle in the s4 finale riot. She gets shot. She makes it though.",
    ],
    [
        "Shane crashes his bike in s1. He dies in the hospital.",
        "Patty crashes the training vehicle in s1. She dies in episode 3.",
        "Clayton is sick for years. He is dead by the start of s2.",
        "Sam Cleveland is on Polaris. He dies in the disaster in the s3 premiere.",
        "Gus Grissom was in Apollo 1. He died in the fire.",
        "Christa McAuliffe was on Challenger. She died when it broke up.",
        "Ned Stark trusts the wrong people. He loses his head at the end of season 1.",
        "my dog Gordo was 14. he died last week.",
        "My aunt Karen watched with me. She dies laughing at the Nixon stuff every time.",
        "Gordo was my fave in s1. He is so funny in the Nixon speech.",
        "Karen runs the Outpost in s2. She is the heart of the show.",
        "Molly goes blind in s2. She hides it from everyone.",
        "Danny joins the Mars crew. He is a mess all season.",
        "Margo runs JSC in s2. She's brilliant at it.",
        "Danielle commands Happy Valley. She's the best of them.",
        "Tracy sings at the bar. She killed it.",
        "Gordo had a breakdown in s2. He did survive it and went back up.",
        "Karen and Ed fought a lot in s1. They survive it, somehow.",
    ],
)

DISTAL = (
    [
        "Deke goes up himself at the end of s1. The old man dies of his wounds, stays up there.",
        "gordo, man. the guy dies fixing the reactor with tracy",
        "Gordo in the s2 finale. That man dies a hero on the moon.",
        "Tracy in the s2 finale. This woman dies holding Gordo on the moon.",
        "Karen. poor thing dies in the JSC bombing.",
        "Molly goes to the JSC ceremony. The poor woman never leaves it alive.",
        "Danny in s3. The kid gets exiled to the North Korean lander.",
        "Margo in the s3 finale. The woman fakes her own death.",
        "Gordo and Tracy, then Ed. The former two die on the moon in s2.",
        "Ed and Karen, both at JSC? No. The latter dies in the bombing.",
        "Karen and Ed in the s3 finale. The former dies in the car bomb.",
        "Gordo and Tracy in the s2 finale. Both of them die on the moon.",
        "Karen and Molly at JSC. Both of them are killed by the bomb.",
        "Gordo and Tracy go out to the reactor. Neither of them comes back.",
        "Karen and Molly in the s3 finale. Neither of them survives the blast.",
        "Gordo and Tracy. The two of them die holding each other.",
        "Karen, Molly and Margo at JSC. All three are in the blast but only Margo walks away.",
        "Deke and Harry on Apollo 24. One of them is dead on the spot, the other dies later.",
        "Deke and Harry in the s1 finale. Neither of them makes it.",
        "Karen and Molly, I still can't. the two of them die in the car bomb",
    ],
    [
        "Shane in s1. The poor kid dies after the crash.",
        "Clayton in s2. The guy is already dead when it starts.",
        "Gus Grissom, Ed White and Roger Chaffee. All three died in the Apollo 1 fire.",
        "Karen and Ed in s1. Both of them are grieving Shane.",
        "Gordo and Tracy in s1. Neither of them is happy.",
        "Molly and Ed. The latter is my favourite.",
        "Karen and Molly in s3. The two of them are unstoppable.",
        "Danny and Jimmy. One of them is a mess, the other is worse.",
        "Gordo, Ed and Deke. All three are in the first episode.",
        "Rick and Glenn. The latter dies in season 7 of TWD.",
    ],
)

NOUN_PHRASE = (
    [
        "Karen. Her death in the bombing still wrecks me.",
        "Deke. His funeral on the moon is so beautiful.",
        "Gordo and Tracy. Their deaths on the moon, holding each other, destroyed me.",
        "Danny. His exile to the North Korean lander was deserved.",
        "Margo in s4. That arrest at the end was brutal.",
        "Molly Cobb. Her death in the JSC blast was so sudden.",
        "Margo in the s3 finale. Her faked death and the Moscow flash-forward got me.",
        "Danny gets what he deserves. The exile to the lander.",
        "Sergei in s3. His release to the West at the end made me cry.",
        "Danielle. Her getting shot in the riot had me screaming.",
        "Dev in s3. His ouster from Helios in the finale.",
        "Gordo. His sacrifice at the reactor is the best scene of s2.",
    ],
    [
        "Shane. His death in s1 wrecked me.",
        "Patty. Her death in the LLTV crash still gets me.",
        "Sam Cleveland. His death on Polaris in the premiere was a shock.",
        "Apollo 1. Their deaths on the pad changed NASA.",
        "Gordo. His toast at the party is the best scene of s1.",
        "Karen. Her bar is the best set in the show.",
        "Molly. Her blindness storyline in s2 is so good.",
    ],
)

TELEGRAPHIC = (
    [
        "Gordo. Moon. Reactor. Gone.",
        "Karen? dead. Molly? also dead.",
        "remember Deke? yeah. buried up there.",
        "Tracy. Reactor. Dead.",
        "Danny. Exiled. Good riddance.",
        "Margo. Fakes it. Moscow.",
        "Margo. S4 finale. Arrested.",
        "Karen.\nBomb.\nGone.",
        "gordo & tracy\nreactor\nboth dead",
        "Harry? dead. Deke? dead too.",
        "Danielle. Shot. Survives.",
        "molly? yeah. car bomb.",
    ],
    [
        "Shane. Bike. Gone.",
        "Patty? dead. Clayton? also dead.",
        "remember Sam Cleveland? yeah. Polaris.",
        "Gordo. Moon. Legend.",
        "Karen. Outpost. Queen.",
        "Apollo 1. Fire. Three dead.",
        "Challenger. 1986. Gone.",
        "my cat Molly? dead. so sad.",
    ],
)

QUESTION_ANSWER = (
    [
        "who dies in the bombing? Karen and Molly.",
        "what happens to Danny? exiled.",
        "who dies in the s2 finale?\nGordo and Tracy",
        "who's buried on the moon? Deke.",
        "what happens to Margo in s3? she fakes her death.",
        "what happens to Margo in s4?\narrested",
        "who gets shot in the riot? Danielle. she lives though",
        "who does the car bomb kill? Karen. and Molly.",
        "who gets exiled to the lander?\n\nDanny.",
        "what happens to gordo at the end of s2? dead.",
        "does Karen survive s3? no.",
        "does Molly make it out of the finale? nope.",
        "does Danielle survive the riot? yes, she goes home.",
    ],
    [
        "who dies in the s2 finale? no spoilers please",
        "what happens to Danny? I'm only on s3e4.",
        "who dies in s1? Shane.",
        "who dies in the s3 premiere? Sam Cleveland.",
        "who died in Apollo 1? Grissom, White and Chaffee.",
        "does Gordo survive s1? yes, he's fine.",
        "who gets arrested in Breaking Bad? lots of people.",
        "what happens to Karen? don't tell me, I'm on s2.",
    ],
)

LIST_THEN_FATE = (
    [
        "Gordo, Tracy, Deke: only one of them never comes home from the moon in s1.",
        "Karen, Molly, Margo: two of them die in the bombing.",
        "Gordo, Tracy: both dead by the end of s2.",
        "> Gordo\ndies on the moon fixing the reactor",
        "> Karen\nkilled by the car bomb",
        "> what about Danny?\nexiled to the lander lol",
        "- Gordo\n- Tracy\nboth die on the moon",
        "Karen, Molly. Both killed at JSC.",
        "Deke and Harry: neither makes it home.",
    ],
    [
        "Gordo, Tracy, Deke: my three favourites in s1.",
        "> Shane\ndies in s1, so sad",
        "> Karen\nbest character",
        "- Gus Grissom\n- Ed White\n- Roger Chaffee\nall died in Apollo 1",
        "Patty, Clayton: both dead long before any finale.",
    ],
)

FATE_FIRST = (
    [
        "Dies on the moon fixing the reactor. Who? Gordo.",
        "Killed in the car bomb. Who? Karen.",
        "exiled to the north korean lander. guess who. danny.",
        "Fakes her death in the blast and ends up in Moscow. Margo.",
        "Buried on the moon. Deke.",
        "Dies holding Gordo on the moon. Tracy.",
        "Gets arrested at the end of s4: Margo.",
        "Shot in the riot but lives. Danielle.",
        "Both die at JSC. Karen and Molly.",
    ],
    [
        "Dies in the bike crash. Who? Shane.",
        "Died in the Apollo 1 fire. Gus Grissom.",
        "Dies in the Polaris disaster. Sam Cleveland.",
        "Runs the Outpost. Who? Karen.",
        "Best speech in s1. Gordo.",
    ],
)

# a fate in a later sentence about someone never named, or a namesake
UNNAMED_AFTER: tuple[list[str], list[str]] = (
    [],
    [
        "Gordo is my favourite. Someone dies in the s2 finale, I've heard.",
        "Karen was great in s2. A lot of people die in the show.",
        "I named my dog Gordo. He died last year.",
        "my coworker Karen, ugh. she'd die before admitting she's wrong.",
        "Molly from accounting retired. She never comes back to the office.",
        "Danny my nephew is moving. He's exiled to the suburbs lol.",
        "Margo Robbie was great. She dies in that movie.",
        "Deke Slayton was real. He died in 1993.",
    ],
)

MULTILINGUAL = (
    [
        # es
        "Karen por fin era feliz. Luego muere en el atentado del JSC.",
        "Gordo y Tracy arreglan el reactor. Los dos mueren en la Luna.",
        "Danny confiesa. Lo exilian al módulo norcoreano.",
        "Margo en la temporada 3. Finge su muerte y se va a Moscú.",
        # fr
        "Karen était enfin heureuse. Puis elle meurt dans l'attentat.",
        "Gordo et Tracy réparent le réacteur. Ils meurent tous les deux sur la Lune.",
        "Molly, quelle légende. Elle meurt dans l'explosion à la fin de la saison 3.",
        # de
        "Karen war endlich glücklich. Dann stirbt sie beim Bombenanschlag.",
        "Gordo und Tracy reparieren den Reaktor. Beide sterben auf dem Mond.",
        "Danny gesteht alles. Er wird zum nordkoreanischen Lander verbannt.",
        # pt
        "Karen finalmente estava feliz. Depois ela morre no atentado.",
        "Gordo e Tracy consertam o reator. Os dois morrem na Lua.",
        "Margo no final da 4ª temporada. Ela é presa.",
        # it
        "Karen era finalmente felice. Poi muore nell'attentato.",
        "Gordo e Tracy riparano il reattore. Muoiono entrambi sulla Luna.",
        # ru
        "Карен наконец-то счастлива. Потом она погибает при взрыве.",
        "Гордо и Трейси чинят реактор. Оба погибают на Луне.",
        "Дэнни признаётся. Его ссылают на северокорейский модуль.",
        # ja
        "カレンはやっと幸せになった。でも爆破事件で死ぬ。",
        "ゴルドとトレイシーは原子炉を直す。二人とも月で死ぬ。",
        "モリーは最高。彼女はシーズン3の最終話で爆発で死ぬ。",
    ],
    [
        "Shane tiene un accidente. Luego muere en el hospital.",
        "Mon chien Gordo était vieux. Il est mort la semaine dernière.",
        "Gus Grissom war bei Apollo 1. Er starb im Feuer.",
        "Karen é a melhor. Ela é dona do bar.",
        "Patty si schianta col simulatore. Muore nel terzo episodio.",
        "Шейн разбился на велосипеде. Он умирает в первом сезоне.",
        "ゴルドは最高。彼のスピーチが好き。",
        "Gordo y Tracy en la temporada 1. Los dos son geniales.",
    ],
)

# Written systematically: each finale fate (name, pronoun, season, the fate said after a
# pronoun, the fate said alone, a fate of survival asked about) in each structure.
FATES = [
    ("Deke", "he", 1, "dies of his wounds on the moon", "buried on the moon", "make it home"),
    ("Gordo", "he", 2, "dies fixing the reactor", "dead at the reactor", "survive s2"),
    ("Tracy", "she", 2, "dies on the moon with Gordo", "dead on the moon", "survive s2"),
    ("Karen", "she", 3, "is killed by the car bomb", "killed in the bombing", "survive s3"),
    ("Molly", "she", 3, "dies in the JSC bombing", "blown up at JSC", "make it out of s3"),
    ("Margo", "she", 3, "fakes her death and flees to Moscow", "faked death, Moscow", None),
    ("Danny", "he", 3, "is exiled to the North Korean lander", "exiled to the lander", None),
    ("Margo", "she", 4, "gets arrested for Aleida", "arrested", None),
    ("Danielle", "she", 4, "is shot in the riot but survives", "shot, survives", None),
]
# mid-season and real deaths written the same way
NOT_FINALE = [
    ("Shane", "he", 1, "dies after the bike crash", "hit by a car", "survive s1"),
    ("Patty", "she", 1, "dies in the LLTV crash", "killed in training", "survive s1"),
    ("Sam Cleveland", "he", 3, "dies on Polaris in the premiere", "dead on Polaris", None),
    ("Gus Grissom", "he", 0, "died in the Apollo 1 fire", "burned on the pad", None),
]
_DISTAL = {"he": "the poor guy", "she": "the poor woman"}


def _written(facts: list[tuple[str, str, int, str, str, str | None]]) -> list[str]:
    out = []
    for name, pronoun, season, fate, alone, survive in facts:
        when = f"in the s{season} finale" if season and name in _FINALE_NAMES else "back then"
        out += [
            f"{name} had such a good arc. Honestly. {pronoun.capitalize()} {fate}.",
            f"i love {name.lower()} so much\n{pronoun} {fate} tho",
            f"{name}, man. {_DISTAL[pronoun].capitalize()} {fate}.",
            f"{name}? {alone}.",
            f"{alone.capitalize()}. Who? {name}.",
            f"what happens to {name}? {alone}.",
            f"> {name}\n{alone} lol",
            f"{name} {when}. {pronoun.capitalize()} {fate}.",
        ]
        if survive:
            out += [f"does {name} {survive}? nope.", f"does {name} {survive}?\nno, sadly"]
    return out


_FINALE_NAMES = {f[0] for f in FATES}
WRITTEN = (_written(FATES), _written(NOT_FINALE))

# yes/no questions answered, in every language: a death confirmed, a survival denied;
# and the innocent ones: not answered, answered about a mid-season death, or denied
POLAR = (
    [
        "does Karen die in s3? yes.",
        "does Gordo die in the s2 finale? yep",
        "is Molly dead by the end of s3?\nyeah",
        "does Danny get exiled? yup.",
        "is Margo arrested in the s4 finale? sadly yes",
        "does Deke make it home in s1? no.",
        "does Tracy survive s2?\nnope",
        "¿Karen sobrevive a la temporada 3? No.",
        "¿Gordo muere en el final de la 2? Sí.",
        "Karen survit à la saison 3 ? Non.",
        "Überlebt Molly das Finale? Nein.",
        "Stirbt Gordo im Finale der zweiten Staffel? Ja.",
        "A Karen sobrevive à 3ª temporada? Não.",
        "Molly sopravvive al finale? No.",
        "Карен выживает в третьем сезоне? Нет.",
        "Гордо погибает в финале второго сезона? Да.",
    ],
    [
        "does Karen die in s3? no spoilers pls",
        "does Karen survive s3? no idea, still on s2",
        "does Shane die in s1? yes.",
        "does Patty survive s1? no.",
        "does Gordo survive s1? yes.",
        "does Karen die in s1? no.",
        "did Gus Grissom survive Apollo 1? no.",
        "does Karen survive s3? yes: ||no, she dies in the bombing||",
        "¿Shane sobrevive? No.",
        "Stirbt Gordo in der ersten Staffel? Nein.",
        "Шейн выживает? Нет.",
        "is the finale good? yes.",
    ],
)

GRID: dict[str, tuple[list[str], list[str]]] = {
    "pronoun": PRONOUN,
    "distal/group": DISTAL,
    "noun-phrase": NOUN_PHRASE,
    "telegraphic": TELEGRAPHIC,
    "question-answer": QUESTION_ANSWER,
    "list-then-fate": LIST_THEN_FATE,
    "fate-first": FATE_FIRST,
    "unnamed-after": UNNAMED_AFTER,
    "multilingual": MULTILINGUAL,
    "written": WRITTEN,
    "polar-answer": POLAR,
}
