"""The non-death fates the finale rules know, said in the everyday idioms of Spanish,
French, German, Portuguese, Italian, Russian and Japanese, anticipated from how people talk
(not taken from any corpus), and their innocent look-alikes. English idioms for every fate,
and death in every language, are in tests/test_guard_fate_idioms.py.

Each idiom is a predicate said of the character the finale gives that fate, in three
frames: the name and the idiom with the finale named, the name and the idiom alone, and
the name then a pronoun in the next sentence with the finale named. A predicate marked
"~" takes its person as an object ("la meten presa", "посадили"): its pronoun frame uses
the object pronoun ("La meten presa", "Её посадили"). Outcomes said of a thing (the Sea
Dragon shot down, the Goldilocks heist) have the first two frames. An idiom counts as
caught when all its frames are flagged. Each idiom that is also an everyday phrase has
look-alikes (the everyday sense, a mid-season event, a real-world one), which must not be
flagged.

Before any vocabulary change (2998ce8's vocabulary, this grid), idioms caught in all their
frames, by language and fate, then after:

    exile        es 4/8 -> 6/8    fr 4/8 -> 8/8    de 2/7 -> 7/7    pt 4/7 -> 7/7
                 it 2/7 -> 7/7    ru 5/8 -> 8/8    ja 3/7 -> 7/7
    arrest       es 4/11 -> 10/11 fr 8/10 -> 10/10 de 8/10 -> 10/10 pt 9/11 -> 11/11
                 it 6/10 -> 10/10 ru 7/11 -> 11/11 ja 4/10 -> 10/10
    defection    es 5/10 -> 10/10 fr 8/10 -> 10/10 de 6/10 -> 10/10 pt 4/9 -> 9/9
                 it 7/9 -> 9/9    ru 7/9 -> 9/9    ja 6/8 -> 8/8
    fake         es, fr, de, pt, it, ru 5/7 -> 7/7 each; ja 4/6 -> 6/6
    pushed out   es 4/10 -> 7/10  fr 8/10 -> 10/10 de 8/11 -> 11/11 pt 6/9 -> 9/9
                 it 7/8 -> 8/8    ru 6/9 -> 9/9    ja 6/8 -> 8/8
    torture      es 1/9 -> 7/9    fr 2/8 -> 8/8    de 1/7 -> 7/7    pt 2/8 -> 8/8
                 it 2/6 -> 6/6    ru 1/8 -> 8/8    ja 2/7 -> 7/7
    survival     es 3/7 -> 6/7    fr 5/7 -> 7/7    de 4/7 -> 7/7    pt 4/7 -> 7/7
                 it 2/7 -> 7/7    ru 5/8 -> 8/8    ja 2/6 -> 6/6
    stays alone  es 1/6, fr 2/6, de 2/6, pt 2/6, it 1/6, ru 2/6, ja 4/6 -> 6/6 each
    birth        es 1/6, fr 4/6, de 3/6, pt 2/6, it 3/6, ru 4/6, ja 4/6 -> 6/6 each
    handshake    es 2/4, fr 2/5, de 1/5, pt 2/4, it 2/4, ru 2/4, ja 3/4 -> all
    shoot-down   es 2/4, fr 1/4, de 1/3, pt 2/3, it 0/3, ru 2/3, ja 2/3 -> all
    heist        es 3/5, fr 3/4, de 2/3, pt 3/3, it 2/3, ru 1/3, ja 1/3 -> all
    by language: es 35/87 -> 78/87, fr 52/85 -> 85/85, de 43/82 -> 82/82,
    pt 45/80 -> 80/80, it 39/76 -> 76/76, ru 47/82 -> 82/82, ja 41/74 -> 74/74
    all: 302/566 idioms (889/1651 sentences) -> 557/566 (1642/1651); the 9 left are
    Spanish pronoun frames opening on a clitic (KNOWN_MISSES), 8 of them read since round
    15c (565/566, 1650/1651)

Look-alikes flagged: 7/56 -> 0/56 (before: "Ellen se queda sola en casa ...", "Margo passe à
l'Est de la ville ...", "Dev fliegt raus aus der Bar ...", "Марго перебежала дорогу ...",
"マーゴはタクシーを捕まえた", "デヴは店から追い出された。エピソード2", "ダニエルは会議が中止になって
助かったと言った").

Idioms left out, because no listing keeps their look-alikes innocent, are in `_LEFT_OUT`
at the end, each with the look-alike that defeats it.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- frames ------------------------------------------------------------------------------

# fate: (name in Latin script, in Russian, in Japanese, female?, season of the finale)
_PEOPLE = {
    "exile": ("Danny", "Дэнни", "ダニー", False, 3),
    "arrest": ("Margo", "Марго", "マーゴ", True, 4),
    "defection": ("Margo", "Марго", "マーゴ", True, 3),
    "fake": ("Margo", "Марго", "マーゴ", True, 3),
    "pushed_out": ("Dev", "Дев", "デヴ", False, 3),
    "torture": ("Miles", "Майлз", "マイルズ", False, 4),
    "survival": ("Danielle", "Даниэль", "ダニエル", True, 4),
    "stays_alone": ("Ellen", "Эллен", "エレン", True, 1),
    "birth": ("Kelly", "Келли", "ケリー", True, 3),
    "handshake": ("Danielle", "Даниэль", "ダニエル", True, 2),
    "shootdown": ("el Sea Dragon", "Морской дракон", "シードラゴン", False, 2),
    "heist": ("Goldilocks", "Голдилокс", "ゴルディロックス", False, 4),
}
_THINGS = {"shootdown", "heist"}
# the thing as each language names it (the rule's subject is the English name)
_THING = {
    ("fr", "shootdown"): "le Sea Dragon",
    ("de", "shootdown"): "die Sea Dragon",
    ("pt", "shootdown"): "o Sea Dragon",
    ("it", "shootdown"): "il Sea Dragon",
}
# Russian names that decline, in the accusative (for "~" predicates)
_ACCUSATIVE = {"Дев": "Дева", "Майлз": "Майлза"}

_FINALE = {
    "es": "en el final de la temporada {n}",
    "fr": "dans le final de la saison {n}",
    "de": "im Finale von Staffel {n}",
    "pt": "no final da temporada {n}",
    "it": "nel finale della stagione {n}",
    "ru": "в финале {n} сезона",
}
_RU_ORDINAL = {1: "первого", 2: "второго", 3: "третьего", 4: "четвертого"}
# (poor, she, he) in each language; for "~" predicates the pronoun is in the predicate
_POOR = {
    "es": ("Pobre", "Pobre", "Ella", "Él"),
    "fr": ("Pauvre", "Pauvre", "Elle", "Il"),
    "de": ("Arme", "Armer", "Sie", "Er"),
    "pt": ("Pobre", "Pobre", "Ela", "Ele"),
    "it": ("Povera", "Povero", "Lei", "Lui"),
    "ru": ("Бедная", "Бедный", "Она", "Он"),
}
_RU_OBJECT = ("Её", "Его")


def _sentences(language: str, fate: str, predicate: str) -> list[str]:
    latin, russian, japanese, female, season = _PEOPLE[fate]
    as_object = predicate.startswith("~")
    p = predicate.lstrip("~")
    if language == "ja":
        frames = [f"{japanese}はシーズン{season}の最終回で{p}。", f"{japanese}は{p}。"]
        if fate not in _THINGS:
            she = "彼女" if female else "彼"
            frames.append(f"かわいそうな{japanese}。{she}はシーズン{season}の最終回で{p}。")
        return frames
    if language == "ru":
        name = _ACCUSATIVE.get(russian, russian) if as_object else russian
        finale = _FINALE["ru"].format(n=_RU_ORDINAL[season])
    else:
        name = _THING.get((language, fate), latin)
        finale = _FINALE[language].format(n=season)
    frames = [f"{name} {p} {finale}.", f"{name} {p}."]
    if fate in _THINGS:
        frames[0] = frames[0][0].upper() + frames[0][1:]
        frames[1] = frames[1][0].upper() + frames[1][1:]
        return frames
    poor_f, poor_m, she, he = _POOR[language]
    poor = poor_f if female else poor_m
    if as_object and language == "ru":
        pronoun = _RU_OBJECT[0] if female else _RU_OBJECT[1]
        second = f"{pronoun} {p} {finale}."
    elif as_object:
        second = f"{p[0].upper()}{p[1:]} {finale}."
    else:
        second = f"{she if female else he} {p} {finale}."
    return [*frames, f"{poor} {name}. {second}"]


# --- idioms ------------------------------------------------------------------------------

IDIOMS: dict[tuple[str, str], list[str]] = {
    # exile: Danny, banished by the Mars crew to the North Korean lander
    ("es", "exile"): [
        "es desterrado",
        "~lo mandan al exilio",
        "~lo destierran",
        "~lo echan de la base",
        "~lo condenan al ostracismo",
        "~lo expulsan de la tripulación",
        "~lo mandan lejos",
        "~lo echan del grupo",
    ],
    ("fr", "exile"): [
        "est banni",
        "est exilé",
        "est mis au ban",
        "se fait bannir",
        "est envoyé en exil",
        "se fait jeter de la base",
        "est chassé de la base",
        "se fait expulser de l'équipage",
    ],
    ("de", "exile"): [
        "wird verbannt",
        "wird ins Exil geschickt",
        "wird verstoßen",
        "wird aus der Basis geworfen",
        "wird geächtet",
        "wird in die Wüste geschickt",
        "wird aus der Crew ausgestoßen",
    ],
    ("pt", "exile"): [
        "é exilado",
        "é banido",
        "é desterrado",
        "é expulso da base",
        "é mandado para o exílio",
        "é condenado ao ostracismo",
        "é expulso da tripulação",
    ],
    ("it", "exile"): [
        "viene esiliato",
        "viene bandito",
        "viene cacciato dalla base",
        "viene mandato in esilio",
        "viene messo al bando",
        "viene ostracizzato",
        "viene cacciato dall'equipaggio",
    ],
    ("ru", "exile"): [
        "изгнан",
        "~изгоняют",
        "~выгнали с базы",
        "~отправили в ссылку",
        "~сослали",
        "~выставили с базы",
        "~прогнали",
        "отправлен в изгнание",
    ],
    ("ja", "exile"): [
        "追放された",
        "基地から追い出された",
        "島流しにされた",
        "仲間外れにされた",
        "村八分にされた",
        "流刑になった",
        "北朝鮮の着陸船に追いやられた",
    ],
    # arrest: Margo, who takes the blame for Aleida
    ("es", "arrest"): [
        "~la meten presa",
        "acaba en el trullo",
        "acaba entre rejas",
        "va a la cárcel",
        "~la arrestan",
        "~se la llevan esposada",
        "acaba en chirona",
        "~la encierran",
        "se come el marrón por Aleida",
        "se echa la culpa",
        "va al talego",
    ],
    ("fr", "arrest"): [
        "se fait coffrer",
        "se fait arrêter",
        "finit en taule",
        "se retrouve derrière les barreaux",
        "se fait embarquer par les flics",
        "va en prison",
        "finit au trou",
        "se fait menotter",
        "porte le chapeau pour Aleida",
        "se fait serrer par le FBI",
    ],
    ("de", "arrest"): [
        "wird eingebuchtet",
        "wird verhaftet",
        "landet im Knast",
        "wandert ins Gefängnis",
        "kommt hinter Gitter",
        "wird festgenommen",
        "wird abgeführt",
        "nimmt die Schuld auf sich",
        "wird eingelocht",
        "wird hopsgenommen",
    ],
    ("pt", "arrest"): [
        "vai em cana",
        "é presa",
        "vai pro xadrez",
        "acaba atrás das grades",
        "vai para a cadeia",
        "é algemada",
        "vai pro xilindró",
        "assume a culpa",
        "leva a culpa por Aleida",
        "é detida",
        "vai parar na prisão",
    ],
    ("it", "arrest"): [
        "finisce in galera",
        "viene arrestata",
        "finisce dietro le sbarre",
        "viene ammanettata",
        "finisce in gattabuia",
        "va in prigione",
        "si prende la colpa",
        "viene portata via in manette",
        "finisce al fresco",
        "si addossa la colpa per Aleida",
    ],
    ("ru", "arrest"): [
        "~посадили",
        "арестована",
        "попадает за решётку",
        "~сажают",
        "оказывается в тюрьме",
        "~берут под стражу",
        "~упекли за решётку",
        "берёт вину на себя",
        "~уводят в наручниках",
        "садится в тюрьму",
        "~арестовывают",
    ],
    ("ja", "arrest"): [
        "逮捕される",
        "逮捕された",
        "捕まった",
        "刑務所に入った",
        "投獄された",
        "罪をかぶった",
        "手錠をかけられた",
        "連行された",
        "お縄になった",
        "身柄を拘束された",
    ],
    # defection: Margo, who goes over to the Soviets
    ("es", "defection"): [
        "se pasa al otro bando",
        "se pasa a los rusos",
        "se larga a Moscú",
        "deserta a la URSS",
        "huye a Moscú",
        "se fuga a la Unión Soviética",
        "se va con los soviéticos",
        "pide asilo en Moscú",
        "se cambia de chaqueta",
        "cruza el telón de acero",
    ],
    ("fr", "defection"): [
        "passe à l'Est",
        "passe à l'ennemi",
        "fait défection",
        "change de camp",
        "passe de l'autre côté du rideau de fer",
        "file à Moscou",
        "s'enfuit en URSS",
        "retourne sa veste",
        "demande l'asile à Moscou",
        "rejoint les Soviétiques",
    ],
    ("de", "defection"): [
        "läuft über",
        "läuft zu den Sowjets über",
        "setzt sich in den Osten ab",
        "wechselt die Seiten",
        "flieht nach Moskau",
        "geht in den Osten",
        "desertiert",
        "macht rüber",
        "beantragt Asyl in Moskau",
        "wird zur Überläuferin",
    ],
    ("pt", "defection"): [
        "muda de lado",
        "passa para o outro lado",
        "foge para Moscou",
        "deserta para a URSS",
        "vira a casaca",
        "pede asilo em Moscou",
        "se bandeia para os soviéticos",
        "trai o país",
        "foge para a União Soviética",
    ],
    ("it", "defection"): [
        "passa dall'altra parte",
        "passa al nemico",
        "cambia bandiera",
        "scappa a Mosca",
        "diserta",
        "fugge in URSS",
        "chiede asilo a Mosca",
        "volta gabbana",
        "passa ai sovietici",
    ],
    ("ru", "defection"): [
        "перебежала",
        "перебежала в СССР",
        "сбежала в Москву",
        "переметнулась к русским",
        "стала перебежчицей",
        "попросила убежища в Москве",
        "перешла на сторону СССР",
        "предала родину",
        "бежала в Советский Союз",
    ],
    ("ja", "defection"): [
        "亡命する",
        "ソ連に亡命した",
        "寝返った",
        "モスクワに逃げた",
        "ソ連側についた",
        "祖国を裏切った",
        "ソ連に渡った",
        "鉄のカーテンの向こうに逃げた",
    ],
    # fake: Margo, who lets the world believe she died in the bombing
    ("es", "fake"): [
        "se hace pasar por muerta",
        "monta su propia muerte",
        "desaparece del mapa",
        "~la dan por muerta",
        "vuelve de entre los muertos",
        "se esfuma sin dejar rastro",
        "resulta que sigue viva",
    ],
    ("fr", "fake"): [
        "simule sa mort",
        "fait croire à sa mort",
        "se fait passer pour morte",
        "disparaît dans la nature",
        "revient d'entre les morts",
        "met en scène sa mort",
        "se volatilise",
    ],
    ("de", "fake"): [
        "täuscht ihren Tod vor",
        "inszeniert ihren Tod",
        "taucht unter",
        "verschwindet spurlos",
        "gilt als tot",
        "ist doch nicht tot",
        "wird für tot erklärt, lebt aber",
    ],
    ("pt", "fake"): [
        "finge a própria morte",
        "forja a própria morte",
        "se finge de morta",
        "some do mapa",
        "desaparece sem deixar rastro",
        "é dada como morta",
        "volta dos mortos",
    ],
    ("it", "fake"): [
        "finge la propria morte",
        "inscena la sua morte",
        "si finge morta",
        "sparisce nel nulla",
        "fa perdere le sue tracce",
        "viene data per morta",
        "si fa passare per morta",
    ],
    ("ru", "fake"): [
        "инсценировала свою смерть",
        "притворилась мёртвой",
        "исчезла без следа",
        "~считают погибшей",
        "воскресла из мёртвых",
        "залегла на дно",
        "на самом деле жива",
    ],
    ("ja", "fake"): [
        "死を偽装した",
        "死んだふりをした",
        "行方をくらました",
        "死んだことにした",
        "実は生きていた",
        "姿をくらました",
    ],
    # pushed out: Dev, ousted from his own company
    ("es", "pushed_out"): [
        "~lo sacan de su propia empresa",
        "~lo despiden",
        "~le dan la patada",
        "~lo largan de Helios",
        "~le quitan el puesto",
        "~le dan puerta",
        "~lo mandan a la calle",
        "~lo defenestran",
        "se queda sin su empresa",
        "~lo expulsan de Helios",
    ],
    ("fr", "pushed_out"): [
        "se fait virer de sa boîte",
        "se fait virer",
        "se fait éjecter de Helios",
        "se fait mettre à la porte",
        "se fait débarquer",
        "est évincé",
        "se fait pousser vers la sortie",
        "perd sa boîte",
        "se fait renvoyer",
        "se fait lourder",
    ],
    ("de", "pushed_out"): [
        "wird rausgeworfen",
        "fliegt raus",
        "wird gefeuert",
        "wird vor die Tür gesetzt",
        "wird aus der Firma gedrängt",
        "wird abgesägt",
        "wird kaltgestellt",
        "verliert seine Firma",
        "wird entmachtet",
        "muss den Hut nehmen",
        "wird geschasst",
    ],
    ("pt", "pushed_out"): [
        "é expulso",
        "é demitido",
        "é chutado da Helios",
        "é posto para fora",
        "perde a empresa",
        "é afastado",
        "é escanteado",
        "vai pro olho da rua",
        "é destituído",
    ],
    ("it", "pushed_out"): [
        "viene cacciato",
        "viene licenziato",
        "viene estromesso",
        "viene silurato",
        "perde la sua azienda",
        "viene messo alla porta",
        "viene sbattuto fuori",
        "viene fatto fuori dal consiglio",
    ],
    ("ru", "pushed_out"): [
        "уволен",
        "~уволили",
        "~выгнали из Гелиоса",
        "~выставили за дверь",
        "~сместили",
        "лишился компании",
        "~выжили из компании",
        "потерял Гелиос",
        "~турнули",
    ],
    ("ja", "pushed_out"): [
        "追い出された",
        "解任された",
        "クビになった",
        "会社を追われた",
        "ヘリオスを追放された",
        "社長の座を奪われた",
        "失脚した",
        "お払い箱になった",
    ],
    # torture: Miles, who gives the hideout up under interrogation
    ("es", "torture"): [
        "se va de la lengua",
        "~lo hacen cantar",
        "se chiva",
        "delata a sus compañeros",
        "~lo torturan hasta que habla",
        "se quiebra",
        "da los nombres",
        "~lo hacen hablar",
        "canta como un pajarito",
    ],
    ("fr", "torture"): [
        "balance tout le monde",
        "crache le morceau",
        "se met à table",
        "craque sous la torture",
        "donne les noms",
        "vend la mèche",
        "les dénonce",
        "se fait torturer",
    ],
    ("de", "torture"): [
        "packt aus",
        "verrät alle",
        "plaudert alles aus",
        "knickt ein",
        "bricht unter der Folter zusammen",
        "verpfeift sie",
        "gibt die Namen preis",
    ],
    ("pt", "torture"): [
        "abre o bico",
        "dedura todo mundo",
        "entrega todo mundo",
        "canta tudo",
        "é torturado até falar",
        "dá com a língua nos dentes",
        "cede sob tortura",
        "é obrigado a falar",
    ],
    ("it", "torture"): [
        "vuota il sacco",
        "fa la spia",
        "fa i nomi",
        "crolla sotto tortura",
        "spiffera tutto",
        "viene torturato finché non parla",
    ],
    ("ru", "torture"): [
        "раскололся",
        "сдал всех",
        "~раскололи",
        "заговорил под пытками",
        "выдал товарищей",
        "сломался на допросе",
        "настучал",
        "проболтался",
    ],
    ("ja", "torture"): [
        "白状した",
        "口を割った",
        "仲間を売った",
        "拷問に屈した",
        "仲間の居場所を教えた",
        "密告した",
        "自白した",
    ],
    # survival: Danielle, shot in the riot, who lives
    ("es", "survival"): [
        "se salva de milagro",
        "sobrevive a un disparo",
        "recibe un balazo pero sale adelante",
        "se salva por los pelos",
        "vive para contarlo",
        "~le pegan un tiro pero se salva",
        "se recupera del disparo",
    ],
    ("fr", "survival"): [
        "s'en sort",
        "s'en tire",
        "survit à une balle",
        "prend une balle mais s'en sort",
        "échappe à la mort",
        "s'en sort de justesse",
        "est blessée mais vivante",
    ],
    ("de", "survival"): [
        "überlebt",
        "kommt mit dem Leben davon",
        "wird angeschossen, überlebt aber",
        "entkommt dem Tod",
        "übersteht den Schuss",
        "ist angeschossen, aber am Leben",
        "kommt knapp davon",
    ],
    ("pt", "survival"): [
        "sobrevive",
        "escapa por um triz",
        "leva um tiro mas sobrevive",
        "escapa da morte",
        "sai viva",
        "é baleada mas vive",
        "sai dessa",
    ],
    ("it", "survival"): [
        "se la cava",
        "sopravvive",
        "la scampa",
        "scampa alla morte",
        "viene colpita ma sopravvive",
        "se la cava per un pelo",
        "ne esce viva",
    ],
    ("ru", "survival"): [
        "выжила",
        "осталась жива",
        "чудом уцелела",
        "ранена, но выжила",
        "получила пулю, но выжила",
        "избежала смерти",
        "выкарабкалась",
        "отделалась ранением",
    ],
    ("ja", "survival"): [
        "生き延びた",
        "一命を取り留めた",
        "撃たれたが助かった",
        "九死に一生を得た",
        "死なずに済んだ",
        "命拾いした",
    ],
    # stays alone: Ellen, left in charge of Jamestown
    ("es", "stays_alone"): [
        "se queda al mando de Jamestown",
        "se queda sola en la base",
        "se queda a cargo de la base",
        "se queda atrás en la luna",
        "resiste sola en Jamestown",
        "releva a Ed",
    ],
    ("fr", "stays_alone"): [
        "reste seule sur la Lune",
        "reste seule à Jamestown",
        "tient la base toute seule",
        "prend la relève d'Ed",
        "garde le fort sur la Lune",
        "reste en arrière sur la Lune",
    ],
    ("de", "stays_alone"): [
        "bleibt allein auf dem Mond",
        "hält allein die Stellung auf dem Mond",
        "bleibt allein in Jamestown",
        "löst Ed ab",
        "bleibt als Einzige auf dem Mond",
        "hält in Jamestown die Stellung",
    ],
    ("pt", "stays_alone"): [
        "fica sozinha na Lua",
        "segura as pontas em Jamestown",
        "fica sozinha em Jamestown",
        "fica no comando da base",
        "substitui Ed na Lua",
        "fica para trás na Lua",
    ],
    ("it", "stays_alone"): [
        "resta da sola sulla Luna",
        "rimane sola a Jamestown",
        "dà il cambio a Ed",
        "resta di guardia alla base",
        "tiene il forte sulla Luna",
        "resta indietro sulla Luna",
    ],
    ("ru", "stays_alone"): [
        "остаётся одна на Луне",
        "остаётся в Джеймстауне одна",
        "сменяет Эда",
        "остаётся одна на базе",
        "держит оборону на Луне",
        "остаётся за главную в Джеймстауне",
    ],
    ("ja", "stays_alone"): [
        "月に一人で残った",
        "一人で月に残った",
        "ジェームズタウンに残った",
        "エドと交代した",
        "一人で基地に残った",
        "月面基地を一人で守った",
    ],
    # birth: Kelly, who gives birth in orbit
    ("es", "birth"): [
        "tiene a su bebé",
        "trae un niño al mundo",
        "se pone de parto",
        "rompe aguas",
        "alumbra a un niño",
        "tiene un niño en órbita",
    ],
    ("fr", "birth"): [
        "accouche",
        "met au monde un garçon",
        "donne naissance à son fils",
        "a son bébé",
        "perd les eaux",
        "accouche en orbite",
    ],
    ("de", "birth"): [
        "bringt ihr Baby zur Welt",
        "bekommt ihr Baby",
        "entbindet",
        "kommt nieder",
        "bringt einen Sohn zur Welt",
        "hat Wehen im Orbit",
    ],
    ("pt", "birth"): [
        "dá à luz",
        "tem o bebê",
        "entra em trabalho de parto",
        "bota um filho no mundo",
        "tem o filho em órbita",
        "ganha o bebê",
    ],
    ("it", "birth"): [
        "partorisce",
        "dà alla luce un bambino",
        "mette al mondo un figlio",
        "ha il bambino",
        "entra in travaglio",
        "partorisce in orbita",
    ],
    ("ru", "birth"): [
        "родила",
        "рожает",
        "родила сына",
        "произвела на свет сына",
        "рожает на орбите",
        "разрешилась от бремени",
    ],
    ("ja", "birth"): [
        "出産した",
        "赤ちゃんを産んだ",
        "男の子を産んだ",
        "陣痛が始まった",
        "宇宙で出産した",
        "破水した",
    ],
    # handshake: Danielle, who completes the Apollo-Soyuz docking against orders
    ("es", "handshake"): [
        "desobedece las órdenes",
        "se salta las órdenes",
        "hace caso omiso de las órdenes",
        "le da la mano al cosmonauta",
    ],
    ("fr", "handshake"): [
        "désobéit aux ordres",
        "passe outre les ordres",
        "serre la main du cosmonaute",
        "ignore les ordres",
        "n'obéit pas aux ordres",
    ],
    ("de", "handshake"): [
        "widersetzt sich den Befehlen",
        "ignoriert die Befehle",
        "schüttelt dem Kosmonauten die Hand",
        "pfeift auf die Befehle",
        "missachtet den Befehl",
    ],
    ("pt", "handshake"): [
        "desobedece as ordens",
        "ignora as ordens",
        "aperta a mão do cosmonauta",
        "descumpre as ordens",
    ],
    ("it", "handshake"): [
        "disobbedisce agli ordini",
        "se ne frega degli ordini",
        "stringe la mano al cosmonauta",
        "ignora gli ordini",
    ],
    ("ru", "handshake"): [
        "нарушает приказ",
        "ослушалась приказа",
        "пожимает руку космонавту",
        "игнорирует приказ",
    ],
    ("ja", "handshake"): [
        "命令に背いた",
        "命令を無視した",
        "宇宙飛行士と握手した",
        "命令に逆らった",
    ],
    # shoot-down: the Sea Dragon
    ("es", "shootdown"): [
        "es derribado",
        "es abatido",
        "explota en el aire",
        "lo tumban",
    ],
    ("fr", "shootdown"): [
        "est abattu",
        "se fait descendre",
        "explose en plein vol",
        "se fait abattre",
    ],
    ("de", "shootdown"): [
        "wird abgeschossen",
        "wird vom Himmel geholt",
        "explodiert in der Luft",
    ],
    ("pt", "shootdown"): [
        "é abatido",
        "é derrubado",
        "explode no ar",
    ],
    ("it", "shootdown"): [
        "viene abbattuto",
        "viene buttato giù",
        "esplode in volo",
    ],
    ("ru", "shootdown"): [
        "сбит",
        "сбивают",
        "взрывается в воздухе",
    ],
    ("ja", "shootdown"): [
        "撃墜された",
        "空中で爆発した",
        "撃ち落とされた",
    ],
    # heist: Goldilocks, which the heist parks at Mars
    ("es", "heist"): [
        "sale bien",
        "les sale redondo",
        "funciona",
        "acaba en órbita de Marte",
        "se queda en Marte",
    ],
    ("fr", "heist"): [
        "réussit",
        "marche comme sur des roulettes",
        "finit en orbite autour de Mars",
        "reste autour de Mars",
    ],
    ("de", "heist"): [
        "gelingt",
        "klappt",
        "bleibt beim Mars",
    ],
    ("pt", "heist"): [
        "dá certo",
        "funciona",
        "fica na órbita de Marte",
    ],
    ("it", "heist"): [
        "riesce",
        "va a buon fine",
        "finisce in orbita attorno a Marte",
    ],
    ("ru", "heist"): [
        "удаётся",
        "остаётся на орбите Марса",
        "выгорает",
    ],
    ("ja", "heist"): [
        "成功した",
        "火星の軌道に残った",
        "うまくいった",
    ],
}

# --- look-alikes: the same words in their everyday or figurative sense -----------------

LOOK_ALIKES: dict[str, list[str]] = {
    "es": [
        "el bar expulsa a Danny por borracho en el episodio 2",
        "un compañero saca a Dev del trabajo y lo lleva a casa en el episodio 4",
        "Dev despide a Kelly en el aeropuerto en el episodio 5",
        "Margo está presa de los nervios en el episodio 3",
        "Margo detiene el lanzamiento en el episodio 4",
        "Margo cambia de bando en el partido de softball en el episodio 5",
        "Miles canta en el karaoke en el episodio 1",
        "Danielle le da la mano a Ed en el episodio 2",
        "Ellen se queda sola en casa el fin de semana en el episodio 3",
        "Kelly trae el postre al mundo de Ed, jaja, episodio 2",
        "Margo desaparece un rato de la fiesta en el episodio 2",
        "como Nuréyev, que se pasó a Occidente en 1961, comenta Margo",
    ],
    "fr": [
        "Dev se fait virer de la boîte de nuit dans l'épisode 2",
        "Margo passe à l'Est de la ville pour aller chez Wernher dans l'épisode 4",
        "Margo arrête le compte à rebours dans l'épisode 4",
        "Miles se met à table pour le dîner dans l'épisode 3",
        "Miles balance son sac sur le lit dans l'épisode 2",
        "Danielle s'en sort bien à l'entretien dans l'épisode 2",
        "Kelly accouche d'une idée géniale dans l'épisode 4",
        "Danny se fait jeter du bar dans l'épisode 2",
        "Margo change de camp au softball dans l'épisode 5",
        "Dev vire à gauche au carrefour dans l'épisode 3",
    ],
    "de": [
        "Margo läuft über den Parkplatz in Folge 3",
        "das Wasser läuft über, Margo flucht in Folge 2",
        "Miles packt seinen Koffer aus in Folge 2",
        "Miles singt unter der Dusche in Folge 3",
        "Margo taucht im Pool unter in Folge 4",
        "Dev wirft den Müll raus in Folge 3",
        "Dev fliegt raus aus der Bar, weil er zu laut ist, Folge 2",
        "Ellen hält beim Empfang die Stellung in Folge 5",
        "Danielle kommt mit einem blauen Auge davon beim Meeting in Folge 2",
        "Margo wechselt die Seiten beim Softball in Folge 5",
    ],
    "pt": [
        "Margo fica presa no trânsito no episódio 2",
        "Dev é expulso do bar por estar bêbado no episódio 3",
        "Miles entrega a encomenda no episódio 2",
        "Miles canta no karaokê no episódio 1",
        "Margo muda de lado na cama no episódio 2",
        "Dev leva um pé na bunda da namorada no episódio 4",
        "Danielle sobrevive à reunião chata no episódio 2",
    ],
    "it": [
        "Margo resta bloccata nel traffico nell'episodio 2",
        "Miles vuota il sacco della spazzatura nell'episodio 2",
        "Miles canta al karaoke nell'episodio 1",
        "Margo passa dall'altra parte della strada nell'episodio 4",
        "Dev viene cacciato dal bar nell'episodio 2",
        "Danielle se la cava bene in cucina nell'episodio 2",
        "Margo arresta il conto alla rovescia nell'episodio 4",
    ],
    "ru": [
        "Марго задерживается на работе в третьей серии",
        "Майлз сдал экзамен в первой серии",
        "Марго перебежала дорогу в третьей серии",
        "Дэнни выгнали из бара во второй серии",
        "Майлз поёт в караоке в первой серии",
    ],
    "ja": [
        "マーゴは寝返りを打った。エピソード2。",
        "マイルズは飲みすぎて吐いた。エピソード3。",
        "マーゴはタクシーを捕まえた。エピソード2。",
        "デヴは店から追い出された。エピソード2。",
        "ダニエルは会議が中止になって助かったと言った。",
    ],
}

# Left out: idioms whose everyday sense a listing cannot tell apart (the look-alike that
# defeats each is given), or that the vocabulary cannot reach
_LEFT_OUT: dict[str, str] = {
    "de singt (Miles)": "Miles singt unter der Dusche",
    "it canta (Miles)": "Miles canta al karaoke",
    "ja 吐いた (Miles)": "マイルズは飲みすぎて吐いた (vomits)",
    "it tradisce i compagni": "read as a defection ('=tradisce'), which is not Miles' fate",
    "es se pasa las órdenes por el forro": "'forro' is read as a figure of speech; not reached",
    "de geht für Aleida in den Bau": "'in den Bau' is listed, but not read with a name inside",
    "de landet im Marsorbit": "caught beside the finale only; 'landet' alone reads as a landing",
}

# Spanish object clitics opening the pronoun frame ("Pobre Dev. Lo defenestran ...") are read
# since round 15c (a clitic the outcome opens with is its object, and "el"/"la" that no
# outcome took are articles: the subject is left out); "le" is no pointer in es.toml, so a
# frame opening on it is still missed
KNOWN_MISSES = {
    "Pobre Danielle. Le pegan un tiro pero se salva en el final de la temporada 4.",
}


def _misses(language: str, fate: str) -> list[str]:
    return [
        t
        for predicate in IDIOMS[(language, fate)]
        for t in _sentences(language, fate, predicate)
        if t not in KNOWN_MISSES and not spoils(t)
    ]


@pytest.mark.parametrize(("language", "fate"), sorted(IDIOMS))
def test_each_idiom_for_a_fate_is_flagged(language: str, fate: str) -> None:
    assert _misses(language, fate) == []


@pytest.mark.xfail(reason="'le' opening the idiom is no pointer", strict=True)
@pytest.mark.parametrize("text", sorted(KNOWN_MISSES))
def test_known_misses(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("language", sorted(LOOK_ALIKES))
def test_the_everyday_senses_stay_innocent(language: str) -> None:
    assert [t for t in LOOK_ALIKES[language] if spoils(t)] == []
