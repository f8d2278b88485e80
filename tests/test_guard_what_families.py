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


# --- finale events that are no person's fate, every claimed language -------------------

# Each event of the fact sheet's finale details, said as an event: English, the six other
# Latin and Cyrillic languages, Japanese, and emoji where fans use them.
_EVENTS = {
    "jump to 2012": [
        "season 4 ends by jumping all the way to 2012",
        "the s4 finale jumps to 2012",
        "the finale leaps to 2012",
        "Nur dass FAM am Ende von Staffel 4 einfach nach 2012 springt",
        "das Finale springt ins Jahr 2012",
        "la temporada 4 termina saltando a 2012",
        "el final de la temporada 4 salta a 2012",
        "la saison 4 se termine par un saut en 2012",
        "le final de la saison 4 saute en 2012",
        "a temporada 4 termina com um salto para 2012",
        "o final da 4ª temporada pula para 2012",
        "la stagione 4 finisce con un salto al 2012",
        "il finale della stagione 4 salta al 2012",
        "финал 4 сезона перескакивает в 2012 год",
        "4 сезон заканчивается прыжком в 2012",
        "シーズン4の最後で2012年に飛ぶ",
        "シーズン4のラストは2012年へジャンプ",
    ],
    "jump to 1995": [
        "season 2 ends with a jump to 1995",
        "am Ende von Staffel 2 springt es nach 1995",
        "la temporada 2 termina saltando a 1995",
        "la saison 2 se termine par un saut en 1995",
        "a temporada 2 termina pulando para 1995",
        "la stagione 2 finisce con un salto al 1995",
        "финал 2 сезона перескакивает в 1995",
        "シーズン2の最後で1995年に飛ぶ",
    ],
    "North Korea first on Mars": [
        "🇰🇵👨‍🚀 ➡️ 🔴 first, before 🇺🇸 and 🇷🇺 ... s3 finale cold open 🤯",
        "🇰🇵 on 🔴 first, s3 finale",
        "the north koreans got to mars first in the s3 finale",
        "Nordkorea war zuerst auf dem Mars, Finale Staffel 3",
        "Corea del Norte llegó primero a Marte en el final de la temporada 3",
        "la Corée du Nord est arrivée la première sur Mars, final de la saison 3",
        "a Coreia do Norte chegou primeiro a Marte no final da temporada 3",
        "la Corea del Nord è arrivata per prima su Marte nel finale della stagione 3",
        "Северная Корея первой высадилась на Марсе в финале 3 сезона",
        "北朝鮮が最初に火星に着いていた、シーズン3の最終回",
    ],
    "Jamestown taken": [
        "the soviets take jamestown in the s2 finale",
        "die Sowjets übernehmen Jamestown im Finale von Staffel 2",
        "los soviéticos toman Jamestown en el final de la temporada 2",
        "les Soviétiques prennent Jamestown dans le final de la saison 2",
        "Jamestown prise par les Soviétiques, final de la saison 2",
        "os soviéticos tomam Jamestown no final da temporada 2",
        "i sovietici prendono Jamestown nel finale della stagione 2",
        "советы захватывают Джеймстаун в финале 2 сезона",
        "シーズン2の最終回でソ連がジェームズタウンを占拠する",
    ],
    "Sea Dragon launch": [
        "the Sea Dragon launches in the s1 post-credits scene",
        "el Sea Dragon despega en la escena post-créditos de la temporada 1",
        "le Sea Dragon décolle dans la scène post-générique de la saison 1",
        "o Sea Dragon decola na cena pós-créditos da temporada 1",
        "il Sea Dragon decolla nella scena post-credit della stagione 1",
        "Sea Dragon взлетает в сцене после титров 1 сезона",
        "シーズン1のポストクレジットでシードラゴンが打ち上がる",
    ],
    "Apollo 24 adrift": [
        "Apollo 24 is left adrift in the s1 finale",
        "Apollo 24 treibt im Finale von Staffel 1 hilflos im All",
        "el Apollo 24 queda a la deriva en el final de la temporada 1",
        "Apollo 24 part à la dérive dans le final de la saison 1",
        "a Apollo 24 fica à deriva no final da temporada 1",
        "l'Apollo 24 resta alla deriva nel finale della stagione 1",
        "Аполлон 24 дрейфует в финале 1 сезона",
    ],
    "Goldilocks kept at Mars": [
        "Goldilocks stays in Mars orbit at the end of s4",
        "Goldilocks bleibt am Ende von Staffel 4 im Marsorbit",
        "Goldilocks se queda en la órbita de Marte al final de la temporada 4",
        "Goldilocks reste en orbite autour de Mars à la fin de la saison 4",
        "Goldilocks fica na órbita de Marte no final da temporada 4",
        "Goldilocks resta in orbita attorno a Marte alla fine della stagione 4",
        "Голдилокс остается на орбите Марса в финале 4 сезона",
        "シーズン4の最後でゴルディロックスは火星軌道に留まる",
    ],
    "JSC bombing": [
        "ケリーのお母さん、シーズン3の最後のJSC爆破で亡くなる",
        "シーズン3の最終回のJSC爆破",
        "взрыв в JSC в финале 3 сезона",
        "l'attentato al JSC nel finale della stagione 3",
    ],
    "Kelly's baby born in orbit": [
        "Kelly's baby is born in orbit in the s3 finale",
        "Kellys Baby wird im Finale von Staffel 3 im Orbit geboren",
        "el bebé de Kelly nace en órbita en el final de la temporada 3",
        "le bébé de Kelly naît en orbite dans le final de la saison 3",
        "o bebê da Kelly nasce em órbita no final da temporada 3",
        "il bambino di Kelly nasce in orbita nel finale della stagione 3",
        "ребенок Келли рождается на орбите в финале 3 сезона",
        "シーズン3の最終回でケリーの赤ちゃんが軌道上で生まれる",
    ],
    "crew stays on Mars": [
        "the crew stays on Mars in the s3 finale",
        "die Crew bleibt auf dem Mars, Finale von Staffel 3",
        "la tripulación se queda en Marte en el final de la temporada 3",
        "l'équipage reste sur Mars dans le final de la saison 3",
        "a tripulação fica em Marte no final da temporada 3",
        "l'equipaggio resta su Marte nel finale della stagione 3",
        "экипаж остается на Марсе в финале 3 сезона",
        "シーズン3の最終回でクルーは火星に残る",
    ],
    "Outpost sold": [
        "シーズン2の最終回でカレンはアウトポストをサムに売る",
        "Карен продает Outpost Сэму в финале 2 сезона",
    ],
    "Happy Valley riot": [
        "the Helios workers riot at Happy Valley in the s4 finale",
        "die Helios-Arbeiter randalieren im Finale von Staffel 4 in Happy Valley",
        "los trabajadores de Helios se amotinan en Happy Valley en el final de la temporada 4",
        "les ouvriers d'Helios se révoltent à Happy Valley dans le final de la saison 4",
        "os trabalhadores da Helios se revoltam em Happy Valley no final da temporada 4",
        "gli operai di Helios si ribellano a Happy Valley nel finale della stagione 4",
        "рабочие Гелиоса бунтуют в Хэппи-Вэлли в финале 4 сезона",
        "シーズン4の最終回でハッピーバレーで暴動が起きる",
    ],
}
_EVENT_LOOKALIKES = [
    "Curiosity really landed on Mars in 2012",
    "2012 was the year I first watched The Expanse",
    "2012 irl: Curiosity landed, London Olympics",
    "la temporada 4 de The Crown salta mucho en el tiempo",
    "Kelly nació en Vietnam, lo cuentan en la temporada 1",
    "the real Sea Dragon was a 1962 design that never launched",
    "the crew of the Enterprise stays in orbit, unlike Apollo",
    "Karen meurt dans la première de la saison 3",
    "les Soviétiques sont géniaux dans la saison 1",
    "the workers at my office went on strike, nothing to do with FAM",
    "Goldilocks and the three bears, my kid's favourite, before FAM s4 time",
]


def test_finale_events_in_every_language_are_flagged() -> None:
    misses = [(event, t) for event, texts in _EVENTS.items() for t in texts if not spoils(t)]
    assert misses == []


def test_event_words_elsewhere_are_not() -> None:
    assert _alarms(_EVENT_LOOKALIKES) == []


# Finale fates of one person, said in the other claimed languages (the English grid is
# tests/test_guard_fate_grid.py). Sergei's death is no finale detail (S4E9), so it is absent.
_FATES_IN_OTHER_LANGUAGES = [
    "Ellen bleibt am Ende von Staffel 1 allein auf Jamestown",
    "Ellen se queda sola en Jamestown en el final de la temporada 1",
    "Ellen reste seule à Jamestown à la fin de la saison 1",
    "Ellen fica sozinha em Jamestown no final da temporada 1",
    "Ellen resta da sola a Jamestown nel finale della stagione 1",
    "Эллен остается одна на Джеймстауне в финале 1 сезона",
    "シーズン1の最終回でエレンは一人でジェームズタウンに残る",
    "Deke wird im Finale von Staffel 1 auf dem Mond begraben",
    "Deke es enterrado en la Luna en el final de la temporada 1",
    "Deke est enterré sur la Lune dans le final de la saison 1",
    "Deke é enterrado na Lua no final da temporada 1",
    "Deke viene sepolto sulla Luna nel finale della stagione 1",
    "Дика хоронят на Луне в финале 1 сезона",
    "シーズン1の最終回でディークは月に埋葬される",
    "Danielle macht im Finale von Staffel 2 trotzdem den Handschlag",
    "Danielle desobedece y hace el apretón de manos en el final de la temporada 2",
    "Danielle désobéit et fait la poignée de main dans le final de la saison 2",
    "Danielle desobedece e faz o aperto de mão no final da temporada 2",
    "Danielle disobbedisce e fa la stretta di mano nel finale della stagione 2",
    "Даниэль нарушает приказ и пожимает руку в финале 2 сезона",
    "シーズン2の最終回でダニエルは命令に背いて握手する",
    "Danny wird im Finale von Staffel 3 ins nordkoreanische Modul verbannt",
    "Danny es exiliado al módulo norcoreano en el final de la temporada 3",
    "Danny est exilé dans le module nord-coréen dans le final de la saison 3",
    "Danny é exilado no módulo norte-coreano no final da temporada 3",
    "Danny viene esiliato nel modulo nordcoreano nel finale della stagione 3",
    "Дэнни ссылают в северокорейский модуль в финале 3 сезона",
    "シーズン3の最終回でダニーは北朝鮮の着陸船に追放される",
    "Margo täuscht im Finale von Staffel 3 ihren Tod vor und lebt in Moskau",
    "Margo finge su muerte y acaba en Moscú en el final de la temporada 3",
    "Margo simule sa mort et file à Moscou à la fin de la saison 3",
    "Margo finge a própria morte e vai para Moscou no final da temporada 3",
    "Margo finge la sua morte e finisce a Mosca nel finale della stagione 3",
    "Марго инсценирует свою смерть и живет в Москве в финале 3 сезона",
    "シーズン3の最終回でマーゴは死を偽装してモスクワへ",
    "Dev wird im Finale von Staffel 3 aus Helios gedrängt",
    "Dev es expulsado de Helios en el final de la temporada 3",
    "Dev se fait éjecter d'Helios dans le final de la saison 3",
    "Dev é expulso da Helios no final da temporada 3",
    "Dev viene cacciato da Helios nel finale della stagione 3",
    "Дэва выгоняют из Гелиоса в финале 3 сезона",
    "シーズン3の最終回でデヴはヘリオスを追い出される",
    "Danielle wird im Finale von Staffel 4 angeschossen, überlebt aber",
    "a Danielle le disparan pero sobrevive en el final de la temporada 4",
    "Danielle se fait tirer dessus mais survit dans le final de la saison 4",
    "Danielle leva um tiro mas sobrevive no final da temporada 4",
    "Danielle viene colpita ma sopravvive nel finale della stagione 4",
    "в Даниэль стреляют, но она выживает в финале 4 сезона",
    "シーズン4の最終回でダニエルは撃たれるが生き延びる",
    "Miles wird im Finale von Staffel 4 gefoltert",
    "Miles es torturado en el final de la temporada 4",
    "Miles est torturé dans le final de la saison 4",
    "Miles é torturado no final da temporada 4",
    "Miles viene torturato nel finale della stagione 4",
    "Майлза пытают в финале 4 сезона",
    "シーズン4の最終回でマイルズは拷問される",
    "Margo wird im Finale von Staffel 4 verhaftet",
    "Margo es arrestada en el final de la temporada 4",
    "Margo est arrêtée dans le final de la saison 4",
    "Margo é presa no final da temporada 4",
    "Margo viene arrestata nel finale della stagione 4",
    "Марго арестовывают в финале 4 сезона",
    "シーズン4の最終回でマーゴは逮捕される",
    "Karen und Molly sterben im Finale von Staffel 3 beim Anschlag auf das JSC",
]


def test_finale_fates_in_the_other_languages_are_flagged() -> None:
    assert [t for t in _FATES_IN_OTHER_LANGUAGES if not spoils(t)] == []


# --- a list under a header that states the fate -----------------------------------------

_HEADERS = [
    "finale deaths so far:",
    "who dies in each finale:",
    "finale body count:",
    "killed off in a finale:",
    "RIP list (finales):",
]
_ITEMS = [
    ["- s1: Deke", "- s2: Gordo, Tracy", "- s3: Karen, Molly"],
    ["1. Deke", "2. Gordo and Tracy", "3. Karen and Molly"],
    ["* season 1: Deke", "* season 2: Gordo & Tracy"],
    ["- Deke", "- Gordo", "- Karen"],
]
_HEADED_LISTS_LANGUAGES = [
    "muertes en los finales:\n- T1: Deke\n- T2: Gordo y Tracy",
    "Tode in den Finalen:\n- Staffel 1: Deke\n- Staffel 2: Gordo und Tracy",
    "morts dans les finales :\n- saison 1 : Deke\n- saison 2 : Gordo et Tracy",
    "mortes nos finais:\n- T1: Deke\n- T2: Gordo e Tracy",
    "morti nei finali:\n- stagione 1: Deke\n- stagione 2: Gordo e Tracy",
    "смерти в финалах:\n- 1 сезон: Дик\n- 2 сезон: Гордо и Трейси",
    "最終回で死んだ人:\n- S1: ディーク\n- S2: ゴルドとトレイシー",
    "| finale | who dies |\n|---|---|\n| s1 | Deke |\n| s2 | Gordo, Tracy |",
    "finale exiles:\n- s3: Danny",
]
_HEADED_LOOKALIKES = [
    "favourite characters:\n- s1: Deke\n- s2: Gordo, Tracy",
    "characters I'd die for:\n- Karen\n- Molly",
    "things that killed me this season:\n- s2: Gordo's jokes",
    "deaths I cried at in other shows:\n- Ned\n- Glenn",
    "| season | best episode |\n|---|---|\n| s1 | Deke |",
    "deaths so far:\n- s1: Karen",  # Karen's death is the s3 finale's: at most asked about
]


def test_a_list_under_a_header_that_states_the_fate_is_flagged() -> None:
    texts = [h + "\n" + "\n".join(items) for h in _HEADERS for items in _ITEMS]
    assert [t for t in texts + _HEADED_LISTS_LANGUAGES if not spoils(t)] == []


def test_lists_under_other_headers_are_not() -> None:
    assert _alarms(_HEADED_LOOKALIKES) == []


# --- heavy abbreviation: single initials, arrows, "s3f" ----------------------------------

_SHORTHAND = [
    "s3f: K+M ☠ @ JSC, M fakes it → MSK, D exiled, K's baby 👶 born in orbit",
    "s3f: K+M ☠ @ JSC",
    "s3 finale: M fakes it → MSK",
    "s3f: D exiled",
    "S3 finale, K's baby 👶 born in orbit",
    "s2 finale: G+T ☠ on the moon",
    "s3f: K & M ☠",
    "s2f: S pulls a gun on E",
    "s4 finale: M arrested, M tortured, D shot",
    "s1 finale: D ☠ on the moon",
    "Karen dies in s3f",
    "s2f: Gordo and Tracy die",
]
_SHORTHAND_LOOKALIKES = [
    "s3 finale: Plan B fails",
    "the s3 finale: D-Day for Danny",
    "the s4 finale is on Friday, T minus 3 days",
    "s3 finale killed me. I cried",
    "s3f: A+B testing ruined",
    "K+M at JSC, great scene in s3 ep 4",
    "M fakes it till she makes it, season 3 ep 2",
    "s3f was brutal, what a ride",
    "s3 finale: K+M at JSC, great scene",
]


def test_shorthand_with_single_initials_about_a_finale_is_flagged() -> None:
    assert [t for t in _SHORTHAND if not spoils(t)] == []


def test_single_letters_without_a_finale_or_a_fate_are_not() -> None:
    assert _alarms(_SHORTHAND_LOOKALIKES) == []
