"""What the guard knows a message says: fate words and their look-alikes, slang, figures
of speech, the finales' outcomes in every language (spellings that hide words:
test_guard_spelling.py; questions: test_guard_questions.py). Each case is written for
this test (not copied from a corpus); tests/corpus/tuning4.toml measures how often the
guard is right.
"""

from __future__ import annotations

import pytest

from bot.guard.matcher import Vocabulary
from bot.guard.normalise import tokens
from tests.finale_matcher import matcher, spoils


def classes(word: str) -> set[str]:
    """The meaning classes the shipped vocabulary reads one word as."""
    found = matcher().vocabulary.find(tokens(word))
    return {f.key for f in found if f.category in ("cue", "weak")}


# --- "=word": matched as written -------------------------------------------------------


def test_a_word_marked_exact_is_matched_only_as_written() -> None:
    vocabulary = Vocabulary()
    vocabulary.add("it:=moriranno", ("cue", "death"))
    vocabulary.add("dying", ("cue", "death"))
    assert vocabulary.find(tokens("moriranno"))
    assert not vocabulary.find(tokens("morava"))  # same Italian stem ("mor")
    assert not vocabulary.find(tokens("moriranni"))  # one letter off: no typo either
    assert vocabulary.find(tokens("dies"))  # an unmarked word keeps its endings


@pytest.mark.parametrize(
    "word",
    [
        "mora",  # pt/es/it "lives", not Italian "moriranno"
        "morava",
        "muro",  # es "wall", not "murieron"
        "parte",  # not "parto" (birth)
        "partido",
        "cada",  # pt/es "each", not "cadeia" (prison)
        "tira",  # pt "pulls", not "tiro" (shot)
        "ferias",  # holidays, not "ferida"
        "colpa",  # it "blame", not "colpita" (hit)
        "sparire",  # it "disappear", not "sparato"
        "atento",  # es "attentive", not "atentado"
        "materia",  # not "matam"
        "esposa",  # es "wife", not "esposada" (handcuffed)
        "survient",  # fr "happens", not "survit"
        "vive",  # not fr "vivant"
        "tua",  # it/pt "your", not fr "tue"
        "deadly",
        "pop",
        "release",
        "stage",
        "ripped",
        "cooking",
    ],
)
def test_everyday_words_that_share_a_fate_words_stem_are_not_fate_words(word: str) -> None:
    assert not classes(word)


@pytest.mark.parametrize(
    ("word", "cls"),
    [
        ("dead", "death"),
        ("moriranno", "death"),
        ("morendo", "death"),
        ("parto", "birth"),
        ("tiro", "shot"),
        ("tue", "death"),
        ("killed", "death"),
    ],
)
def test_the_fate_words_themselves_still_count(word: str, cls: str) -> None:
    assert cls in classes(word)


@pytest.mark.parametrize(
    "text",
    [
        "Karen mora em Houston na primeira temporada",
        "Tracy morava em Houston antes da fama",
        "Tracy's comeback lines are deadly, she doesn't miss",
    ],
)
def test_look_alikes_of_fate_words_in_a_sentence(text: str) -> None:
    assert not spoils(text)


# --- slang and paraphrase, in every language --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "karen is pushing up daisies after the s3 finale",
        "lol molly got offed by that car bomb",
        "dani got shot in the s4 finale but pulls thru",
        "margo takes the rap for aleida in the s4 finale",
        "dev got canned from helios in the s3 finale",
        "the north korean beat everyone to mars",
        "Deke la palma en la luna, final de la T1",
        "Karen bateu as botas no atentado do final da T3",
        "Molly nous a quittés dans l'attentat, fin de la saison 3",
        "Deke beißt im Finale von Staffel 1 ins Gras",
        "Gordo überlebt nicht, Staffelfinale 2",
        "Tracy ci lascia le penne sulla Luna nel finale della stagione 2",
        "Карен не пережила финал третьего сезона",
        "カレンは第3シーズンの最終話で帰らぬ人に",
    ],
)
def test_slang_for_a_finale_outcome(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "patty is pushing up daisies since s1 ep 3",
        "Dev overriding Phoenix's controls was villain behaviour",  # "overriding" not "offed"
        "Margo tipping off Sergei was a huge risk",  # "off" is not "offed"
        "I can't wait, Ed can be so canny",  # "can" is not "canned"
        "does Tracy survive the s2 finale or not? don't tell me",  # "or not" denies nothing
        "Shane la palma en el episodio 8 de la T1",
        "Kuznetsov bateu as botas no primeiro episódio da T4",
    ],
)
def test_slang_without_a_finale_outcome(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "my phone died right when Gordo was talking",
        "Molly is the bomb, love her",
        "Margo is the heart of NASA, she'd die for that place",
        "Gordo died on that hill (the argument about the bar)",
        "Ed is killing time at the Outpost again",
    ],
)
def test_figures_of_speech_around_a_name(text: str) -> None:
    assert not spoils(text)


# --- the finales' other outcomes, in other languages --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Karen vende el Outpost a Sam",
        "a Karen vende o bar para o Sam",
        "Karen vend l'Outpost à Sam",
        "Karen verkauft die Bar an Sam",
        "Карен продаёт бар Сэму",
        "カレンはバーをサムに売る",
        "Ed schießt den Sea Dragon ab",  # a German separable verb, its object between
        "Ли Чон Гиль был первым человеком на Марсе",
        "Sergei vai para o Ocidente no final da T3",
        "Гордо и Трейси жертвуют собой, чтобы починить реактор",
    ],
)
def test_finale_outcomes_in_other_languages(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "el bar de Karen es mi set favorito",  # the bar, nothing sold
        "el bar vende cerveza barata en la T1",  # the bar sells, it is not sold
        "Ed schießt ein Foto vom Sea Dragon, wow",  # "schießt" without "ab"
        "ケリーはバーでエドと話す",  # a bar, nothing sold
    ],
)
def test_their_words_without_the_outcome(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("they really sent deke to the shadow realm in s1 finale", True),
        ("ed blew the sea dragon outta the sky", True),
        ("sally pulled heat on ed", True),
        ("kelly popped out a baby on the phoenix lol", True),
        ("gordo is the GOAT, rip to his haters", False),
        ("RIP my sleep, binged all of s2 with Gordo and Tracy", False),
    ],
)
def test_more_slang(text: str, expected: bool) -> None:
    assert spoils(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "the die is cast for Margo in s3",
        "Margo's diehard loyalty to NASA",
        "Ed lowkey died inside when Karen said that",
        "Gordo would literally die for his boys",
        "Danielle shoots her shot for commander",
    ],
)
def test_more_figures(text: str) -> None:
    assert not spoils(text)


def test_dying_inside_a_place_is_not_a_figure() -> None:
    assert spoils("Karen died inside the car at JSC in the s3 finale")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Margo ⛓️ s4 finale", True),
        ("Margo 🚔", True),
        ("Karen 💣 Molly 💣", True),
        ("Deke 🕊️ s1 finale", True),  # a hint, made plain by the finale named
        ("Kelly 🍼 on the Phoenix", True),
        ("Deke 🕊️ peace", False),  # a hint alone: the review band at most
        ("Karen 💥 what a performance", False),
        ("Danielle 🕊️🤍", False),
    ],
)
def test_fate_emoji(text: str, expected: bool) -> None:
    assert spoils(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Margo is dead to Sergei after the Buran thing",
        "Deke dropped the bomb on Ed about the mission",
        "Danny is a walking time bomb in s3",
        "Karen gets away with murder in that scene",
    ],
)
def test_figures_with_a_fate_word_and_a_name(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gordo se muere por volver a la Luna",
        "a Karen matou a pau nesse episódio",
        "Molly tue le game",
        "Tracy est une bombe",
        "Molly ist eine Bombe",
        "Karen mi uccide con quelle battute",
        "Gordo è stanco morto dopo l'allenamento",
        "Гордо устал до смерти после тренировки",
        "ゴルドが爆発的に面白い",
    ],
)
def test_figures_in_other_languages(text: str) -> None:
    assert not spoils(text)


def test_a_death_scene_is_no_figure() -> None:
    assert spoils("la escena de muerte de Karen en el final de la T3 me destrozó")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Karen hat es im Finale von Staffel 3 nicht geschafft", True),
        ("Gordo ist hinüber, Staffel 2", True),
        ("Molly no lo logra, el coche bomba en el JSC", True),
        ("a Karen não resiste à explosão no JSC", True),
        ("a Karen já era no final da T3", True),  # a hint, the season named
        ("Ed schafft es nicht, pünktlich zu sein lol", False),
        ("Gordo non ce la fa più con Ed haha", False),
        ("o Ed não resiste a uma briga kkk", False),
    ],
)
def test_not_making_it_in_other_languages(text: str, expected: bool) -> None:
    assert spoils(text) is expected


# --- dying of something: a figure ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Karen se muere de vergüenza en esa escena del bar",
        "Margo muere de ganas de volver a NASA",
        "Ed morreu de ciúmes do Gordo na primeira temporada",
        "Gordo muore di invidia quando Ed parte",
        "Muore dalla fame Gordo in quella scena",
        "Tracy meurt d'envie de voler",
        "Molly stirbt vor Langeweile im Kontrollraum",
        "Молли умирает от скуки на совещании",
        "Gordo is dying of embarrassment at the press conference",
    ],
)
def test_dying_of_a_feeling_is_a_figure(text: str) -> None:
    assert not spoils(text)


def test_dying_of_wounds_is_not_a_figure() -> None:
    assert spoils("Deke muere de sus heridas en el final de la T1")


@pytest.mark.parametrize(
    "text",
    [
        "Gordo y Tracy no vuelven de la Luna",  # coming back, denied: a death
        "Gordo e Tracy não voltam da Lua",
        "Gordo et Tracy ne reviennent jamais de la Lune",
        "Gordo e Tracy non tornano mai dalla Luna",
        "Гордо и Трейси так и не вернулись с Луны",
        "Karen se va al otro barrio en el final de la T3",
        "Karen ya no está después del final de la T3",  # a hint, the season named
        "Карен больше нет после финала третьего сезона",
    ],
)
def test_never_coming_back_in_other_languages(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gordo vuelve a la Luna en la T2",  # coming back, said: nothing
        "Ed torna a casa dopo la missione",
        "Karen ya no está enfadada con Ed",  # "ya no está" of a feeling, no season
    ],
)
def test_coming_back_said_is_nothing(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gordo überlebt das Finale von Staffel 2 nicht", True),  # "nicht" after the verb
        ("Gordo und Tracy kommen nie vom Mond zurück", True),  # inside a separable verb
        ("Karen stirbt im Finale nicht, sie zieht nach Florida", False),
    ],
)
def test_german_negation_after_the_verb(text: str, expected: bool) -> None:
    assert spoils(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "DEP Karen, el atentado del JSC",
        "Molly, riposa in pace, stagione 3",
        "Карен, земля пухом",
        "Karen sale de la serie en el final de la T3",  # written off: a hint, made plain
    ],
)
def test_rest_in_peace_and_written_off_in_other_languages(text: str) -> None:
    assert spoils(text)
