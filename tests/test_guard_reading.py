"""The guard's reading, one category of issue 9's "What it gets wrong today" at a time.

Each case is a message written for this test (not copied from a corpus); the corpora
measure how often the guard is right, these pin down *why*.
"""

from __future__ import annotations

import pytest

from bot.guard import DEFAULT_THRESHOLD, REVIEW_BAND, inspect
from bot.guard.matcher import Vocabulary
from bot.guard.normalise import tokens
from tests.finale_matcher import matcher, spoils


def words(text: str) -> list[str]:
    return [t.text for t in tokens(text)]


# --- normalising ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mo\u200bl\u00adly", ["molly"]),  # zero-width space, soft hyphen: removed
        ("Mar\u2060go\ufeff", ["margo"]),  # word joiner, BOM
        ("\u200eDeke\u200f", ["deke"]),  # bidi marks
        ("𝐆𝐨𝐫𝐝𝐨 𝑻𝒓𝒂𝒄𝒚", ["gordo", "tracy"]),  # mathematical letters: NFKC first
        ("Ｋａｒｅｎ", ["karen"]),  # fullwidth
        ("Кarеn", ["karen"]),  # Cyrillic К, е in a Latin word: TR39 skeleton
        ("Μοlly", ["molly"]),  # Greek Μ, ο
        ("Гордо", ["гордо"]),  # a Russian word stays Russian
        ("G0rd0 d13s", ["gordo", "dies"]),  # leetspeak
        ("s3e10 1995", ["s3e10", "1995"]),  # episode codes and years are not leetspeak
        ("K a r e n  d i e s", ["karen", "dies"]),  # spelled out
        ("d.e.k.e", ["deke"]),
        ("Moscú", ["moscu"]),  # accents
        ("💀☠️", ["💀", "☠"]),  # emoji are words (the variation selector goes)
        ("D̶a̶n̶ M̲o̲l̲l̲y̲", ["dan", "molly"]),  # strike-through and underline marks go
        ("ᴍᴀʀɢᴏ", ["margo"]),  # small capitals
        ("🇲 🇦 🇷 🇬 🇴 🇷🇺", ["margo", "🇷🇺"]),  # a lone regional indicator is a letter
        ("G-o-r-d-o d/i/e/s", ["gordo", "dies"]),  # any one separator
        ("l e t   g o", ["let", "go"]),  # two letters, once a message spells
    ],
)
def test_normalising(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_word_endings_are_read_per_language() -> None:
    vocabulary = Vocabulary()
    for phrase in ("die", "es:muerto", "ru:погибла", "es:herida", "blew up"):
        vocabulary.add(phrase, ("cue", phrase))

    def found(text: str) -> set[str]:
        return {f.key for f in vocabulary.find(tokens(text))}

    assert found("dying died dies") == {"die"}
    assert found("muertas") == {"es:muerto"}  # Spanish endings, by the Spanish stemmer
    assert found("погибли") == {"ru:погибла"}
    assert found("her") == set()  # an everyday English word is not read through Spanish
    assert found("they blew Molly up") == {"blew up"}  # a verb and its particle, apart


def test_offsets_point_into_the_original() -> None:
    text = "Ka\u200bren 𝐝𝐢𝐞𝐬"
    found = tokens(text)
    assert [text[t.start : t.end] for t in found] == ["Ka\u200bren", "𝐝𝐢𝐞𝐬"]


# --- false alarms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "More Tracy screen time in s4 please",  # "more" is no typo of "morre"
        "Marge deserved a bigger part",  # Marge is not Margo
        "that episode of FAM killed me, Molly was incredible",  # figure of speech
        "Danielle's speech absolutely killed it",
        "I'm dead, Gordo's dance in the bar",
        "my neighbour Karen passed away last spring",  # namesake
        "Gordon Ramsay would hate the Outpost food",
        "the real Deke Slayton died in 1993 of a brain tumour",  # history
        "Ellen came out in the press conference episode and I cried",  # S3E9, not finale
        "does Gordo die? no spoilers please",  # a genuine question
        "Molly would never defect, she loves NASA too much",  # negated: nothing
        # the death is Shane's: the pronoun in the next clause is no subject of it
        "Danny looks up to Shane. When Shane dies, he falls apart.",
        "i sovietici lo sanno, Sergei resta a Mosca per ora",  # Italian "i" is no "I"
        "our old dog Gordo died last spring",  # a pet, however described
        "I named my Kerbal pilot 'Danny' and he exploded on the pad",
        "Gordo didn't die in s1, he just went home early",
        # episodes go with their own clause; the end of ep 9 is no finale
        "Clayton dies in ep 4, and Karen doesn't survive the premiere either",
        "cosmonauts storming Jamestown at the end of ep 9, what a cliffhanger",
        # figures of speech by their construction: a fate verb whose object is a thing
        "that cold open killed the mood for me, Danielle deserved better",
        # questions that ask
        "does Molly survive the bombing? no spoilers",
        "I wonder if Gordo makes it home in s2",
        # a pronoun after an outcome is its object only standing alone
        "Karen runs the Outpost. The bombing scene got her kids so scared.",
        "the kid Ed saved from the fire dies later",  # saving makes nobody a parent
        "Ellen se queda callada en la reunión",  # staying quiet is not staying behind
    ],
)
def test_no_false_alarm(text: str) -> None:
    assert not spoils(text), inspect(text, matcher()).evidence


# --- misses --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # roles and relations, from the canon data
        "Shane's mother is one of the people killed at JSC",
        "the woman who runs the Outpost sells it before the time jump",
        "Wayne's wife dies in the car bomb",
        "the Sojourner commander is shot in the riot",
        # across sentences, pronouns, both/neither, negated survival
        "Deke was my favourite in s1. He doesn't make it home.",
        "Gordo and Tracy go back out for the reactor. Neither of them survives.",
        "Karen loved that bar. In the end she is killed in the blast.",
        "Both of them die out there. Gordo and Tracy, obviously.",  # named after
        "Ellen and Deke fly home on Apollo 24. Only she makes it out alive.",  # the other
        "Deke and Ellen again. Only one of them comes back.",
        "Tracy. The reactor. Gone too soon.",  # bare names set the topic
        "Everyone else comes home from Apollo 24. Deke doesn't.",  # an ellipsis
        "Gordo was so brave. Everyone hoped he would make it home. He didn't.",
        "Sergei's Houston counterpart ends up alone in Moscow",  # relation, from canon
        "the woman who built Polaris with Sam dies in the bombing",  # a role
        # a relation said after its owner: by a verb, or a noun the owners' verb makes theirs
        "the person who taught Aleida everything gets arrested for it",
        "the kid Gordo and Tracy raised ends up exiled on Mars",
        "Dev built Helios. In the s3 finale the board shows him the door.",
        # a finale's fate told by absence from the next season, or "no more"
        "karen isn't in season 4 and we all know why",
        "there's no more Molly after the s3 finale",
        # "X's is": a possessive that owns the last one's noun
        "Patty's death is mid season 1, Deke's is the s1 finale",
        # episodes go with their own clause
        "Sam dies in the premiere, but Karen dies at the end of s3",
        "Sylvie dies in ep 4, but the real shock is the car bomb that takes Karen",
        "Paine dies in ep 7, then Gordo and Tracy in the finale",
        # questions that take the outcome as given
        "why did Margo fake her death?",
        "Karen dies in the bombing, right?",
        "Molly and Wayne, my favourite couple. Then he loses her in the bombing.",
        "Karen runs the Outpost. Later she sells the bar. Then she buys a house. She dies.",
        "Molly survived so much. A car bomb is what finally gets her.",  # the object, after
        # a negation that denies nothing: "can't believe", "not gonna lie"
        "can't believe they killed off Molly",
        "no puedo creer que Karen muera en la explosión",
        # obfuscation
        "K\u200ba\u200br\u200be\u200bn is killed in the bombing",
        "Gоrdо dіes on the moon",  # Cyrillic о, і
        "𝗠𝗼𝗹𝗹𝘆 𝗱𝗶𝗲𝘀 at JSC",
        "D a n n y  e x i l e d",
        "k4r3n d13d in the bombing",
        "Tracy ⚰️ Gordo ⚰️",
        # languages
        "モリーはJSCの爆発で死んでしまう",
        "Карен погибает при взрыве",
        "Deke muere en la Luna",
        "Molly stirbt beim Anschlag",
        "Margo est arrêtée à la fin",
        "o Gordo morre na Lua",
        "o norte-coreano chegou em Marte antes de todo mundo",
        "Ellen se queda como única astronauta en Jamestown",  # a class in every language
        "Karen muore nell'esplosione",
        "alla fine i sovietici lasciano andare Sergei",  # Italian "i" is no "I"
        "Margo y Aleida: a Margo la arrestan",  # Spanish endings, by the stemmer
        # slang, one word per line, a code block list
        "danny got yeeted to the NK lander",
        "Molly\nis\nkilled\nin\nthe\nblast",
        "```\nfinale recap\n- margo: faked her death\n```",
        # a question that states the answer
        "wait so Danielle gets shot in the riot??",
    ],
)
def test_no_miss(text: str) -> None:
    assert spoils(text), inspect(text, matcher())


# --- the verdict -----------------------------------------------------------------------


def test_a_verdict_explains_itself() -> None:
    verdict = inspect("Honestly Molly dies in the JSC bombing. Brutal.", matcher())
    assert verdict and 0.0 <= verdict.score <= 1.0
    best = verdict.evidence[0]
    assert best.character == "molly-cobb"
    assert best.subject == "Molly"
    assert best.outcome in ("dies", "bombing")
    assert best.rule in verdict.keys
    assert verdict.sentences == ((0, 39),)  # the sentence, not the reaction after it


def test_a_relation_after_its_owner_names_who_is_meant() -> None:
    # "who raised" is a mother or a father; "woman" and "man" say which
    for text, character in (
        ("the woman who raised Danny dies on the Moon", "tracy-stevens"),
        ("the man who raised Danny dies on the Moon", "gordo-stevens"),
    ):
        verdict = inspect(text, matcher())
        assert {e.character for e in verdict.evidence} == {character}, verdict.evidence
        assert verdict.evidence[0].subject == "who raised"
        assert verdict.evidence[0].how == "relation"


def test_a_name_that_could_be_anyone_counts_less_without_show_context() -> None:
    anyone = inspect("so Karen is dead", matcher())
    about_the_show = inspect("so Karen is dead", matcher(), about_show=True)  # channel topic
    assert anyone.score < about_the_show.score
    assert inspect("so Karen is dead after the bombing", matcher())  # a show word: in full


def test_a_hint_alone_goes_to_the_review_band() -> None:
    verdict = inspect("Karen is gone", matcher(), about_show=True)
    assert not verdict
    assert REVIEW_BAND <= verdict.score < DEFAULT_THRESHOLD
    assert verdict.in_review_band
    assert inspect("Karen is gone after the s3 finale", matcher())  # placed in a finale


def test_a_message_with_nothing_to_say_scores_zero() -> None:
    verdict = inspect("good morning everyone", matcher())
    assert verdict.score == 0.0 and not verdict.evidence and not verdict.in_review_band


# --- round 3: expectations, subjectless sentences, lists, initials --------------------


@pytest.mark.parametrize(
    "text",
    [
        "not gonna lie, I thought Gordo would die in s1",  # a guess about an early season
        "I honestly expected Molly to die in s2 when she got irradiated",
        "I was sure Ed was going to die in the Pathfinder fight",
        "Shane in s1 ep 8. Dies after the bike crash.",  # no finale rule for Shane
        "Patty in ep 3, Gene in ep 6, Shane in ep 8. Season 1 body count is no joke.",
        "KB & MC are my favourite duo in s3",  # initials, but nothing happens to them
        "I downloaded 40 KB of fan art. Killed my data plan.",
    ],
)
def test_round_three_no_false_alarm(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "I knew Karen would die the moment she went to JSC in the s3 finale",  # "knew" tells
        "I thought Karen would survive s3, but she dies in the bombing",  # its own clause
        "Danielle at Happy Valley in the finale. Shot during the riot. Survives tho.",
        "Everyone loved Molly. Then JSC happened. RIP.",
        "Gordo and Tracy. Mom and dad. Gone in the s2 finale.",
        "Patty in ep 3, Gene in ep 6, Shane in ep 8 and Deke in the finale. Season 1 body"
        " count is no joke.",
        "KB & MC kia @ JSC s3",
        "GS and TS die fixing the reactor in the s2 finale",
        "So Sergei. He ends up free in the west after the s3 finale.",
    ],
)
def test_round_three_no_miss(text: str) -> None:
    assert spoils(text)


def test_a_list_of_names_places_each_in_its_own_episode() -> None:
    # Shane's death is mid-season; only Deke, placed in the finale, is a finale detail
    verdict = inspect(
        "Shane in ep 8 and Deke in the finale. Both dead by the end of s1.", matcher()
    )
    assert {e.character for e in verdict.evidence if e.score >= DEFAULT_THRESHOLD} == {
        "deke-slayton"
    }
    placed = inspect("Deke in ep 3. Dies a little later, in ep 9.", matcher())
    assert placed.score < DEFAULT_THRESHOLD


def test_initials_need_capitals_and_the_show() -> None:
    assert not spoils("kb & mc kia")  # lower case: could be anything
    verdict = inspect("KB & MC kia s3", matcher())
    assert {e.how for e in verdict.evidence} == {"initials"}
    # KB is Karen and Kelly Baldwin alike; the rule that matches says which
    assert "karen-baldwin" in {e.character for e in verdict.evidence}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("did the writers seriously kill Karen in the s3 finale??", True),  # incredulity
        ("can we talk about Danielle getting shot at Happy Valley?", True),  # not asking
        ("does Karen die in the s3 finale?", False),  # asking
        ("Gordo y Tracy no salen vivos del final de la segunda temporada", True),
        ("Gordo und Tracy opfern sich am Reaktor", True),
        ("Дэнни изгоняют в северокорейский модуль", True),
        ("Karen morre de rir com o Ed na primeira temporada", False),  # laughing
        ("gordo and tracy are cooked after the s2 finale fr", True),  # a hint, finale named
        ("sergei got his ticket out west in the s3 finale", True),
    ],
)
def test_round_three_words(text: str, expected: bool) -> None:
    assert spoils(text) is expected


def test_a_hint_is_made_plain_by_the_scene_of_its_finale() -> None:
    # "gone" alone is a hint; the reactor (the scene of Gordo and Tracy's s2 finale
    # rule) named in the same message makes it plain
    assert inspect("gordo\ntracy\nreactor\ngone", matcher()).score >= DEFAULT_THRESHOLD
    assert inspect("gordo\ntracy\ngone", matcher()).score < DEFAULT_THRESHOLD
    assert not spoils("Tracy is gone on a PR tour while Gordo fixes stuff at Jamestown")
