"""Round 9, what is said: families from opened10's misses and from the weak kinds of the
sealed set (slang, other-show, figures across sentences), each in the languages where
it is natural, with innocent look-alikes that must stay untagged:

- a question that states its answer ("is it true danielle survives ...??", "è vero che",
  "stimmt es, dass", "правда что"): asks only to have it confirmed, and tells;
- a figure that is literally a fate said of one of ours ("blew karen away"), a fate only
  when meant so: "literally" just before it, or "too soon?" / "not figuratively" in the
  message (`only_literal`, `literally`, `death_joke`);
- leaving said of dying: a verb of leaving that ends its clause after a word of time and
  its subject ("right before he goes", "prima che se ne vada"; `departing`);
- a fate noun counted, with no verb, after a fragment naming who ("Karen and Molly. One
  explosion."; `counting`), and a question that is an outcome answered by a name ("Il
  primo uomo su Marte? Un nordcoreano, Lee Jung-gil.");
- gaming slang ("perma-death", "no respawn", "hp hit zero", "gets uninstalled") and
  slang in other languages ("clamse", "откинула копыта");
- another work's title made of fate words ("the Lost s3 finale", "Six Feet Under"), and
  "went all out";
- a thing of theirs before a comma and its fate ("Their whole friendship, gone"), and a
  possessive topic that is a performance ("Tracy's s2 finale performance. Dead.").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

_STATED = [
    "is it true danielle survives getting shot in the s4 finale?? pls say yes",
    "is it true that Molly dies? just started s3",
    "is it really true that Gordo and Tracy die in the s2 finale?",
    "can someone confirm that Karen dies in the s3 finale",
    "¿es verdad que Karen muere en el final de la tercera temporada?",
    "c'est vrai que Karen meurt dans le final de la saison 3 ?",
    "è vero che Karen muore nel finale della terza stagione?",
    "é verdade que a Karen morre no final da terceira temporada?",
    "stimmt es, dass Karen im Finale der dritten Staffel stirbt?",
    "правда что Карен умирает в финале третьего сезона?",
    "カレンがシーズン3の最終話で死ぬって本当？",
]
_ASKED = [
    "does Karen die in the s3 finale?",
    "is it true someone dies in every finale? just started s1",
    "is it true that the s3 finale is the best one?",
    "¿Karen muere en el final de la tercera temporada?",
]


@pytest.mark.parametrize("text", _STATED)
def test_a_question_stating_its_answer_tells(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", _ASKED)
def test_a_question_that_states_nothing_asks(text: str) -> None:
    assert not spoils(text)


_LITERALLY = [
    "the finale of s3 blew me away. literally blew karen away too. too soon?",
    "the finale of s3 blew me away. literally blew karen away too.",
    "the s3 finale blew Karen away. too soon?",
    "the s3 finale: they literally blow Karen and Molly away at JSC",
]
_FIGURES = [
    "that finale literally blew me away",
    "the s3 finale literally blew everyone away",
    "Danielle's speech in the finale blew Karen away",
    "the finale blew me away. too soon?",
    "Karen went all out in the s3 finale. She killed it.",
    "Gordo was on fire tonight. He killed it.",
    "Gordo was on fire in the s2 finale. He killed it.",
    "Karen in the s3 finale. She absolutely murdered that scene.",
    "Molly at the s3 finale table read. She slayed.",
    "Danny's s3 finale scene. He bombed it honestly.",
    "Ed in the s2 finale. He's a beast. Absolute killer.",
]


@pytest.mark.parametrize("text", _LITERALLY)
def test_a_figure_meant_literally_tells(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", _FIGURES)
def test_a_figure_stays_a_figure(text: str) -> None:
    assert not spoils(text)


_DEPARTED = [
    "ellen spends all of s1 hiding who she is. she finally tells deke, of all people, "
    "right before he goes",
    "Ellen told Deke just before he went. season 1 hurts",
    "nella stagione 1 Ellen lo dice a Deke poco prima che se ne vada",
    "en la temporada 1 Ellen se lo cuenta a Deke justo antes de que se vaya",
    "dans la saison 1 Ellen le dit à Deke juste avant qu'il parte",
    "na temporada 1 a Ellen conta ao Deke logo antes de ele partir",
]
_GOING_SOMEWHERE = [
    "right before he goes to the moon, Deke tells Ellen",
    "Ellen tells Deke before he goes home",
    "I texted my mom before she went, s1 finale was on",
    "Deke and Ellen argue before he goes to work. s1 is great",
    "Deke goes to the moon in the s1 finale",
]


@pytest.mark.parametrize("text", _DEPARTED)
def test_leaving_said_of_dying_tells(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", _GOING_SOMEWHERE)
def test_going_somewhere_is_nothing(text: str) -> None:
    assert not spoils(text)


_VERBLESS = [
    "Karen and Molly. Both of them. One explosion. The very last episode of s3.",
    "Karen and Molly. One explosion. s3 finale.",
    "Danielle at Happy Valley. One bullet. s4 finale.",
    "Karen y Molly. Las dos. Una explosión. El último episodio de la temporada 3.",
    "Karen et Molly. Toutes les deux. Une seule explosion. Le dernier épisode de la saison 3.",
    "Karen und Molly. Beide. Eine Explosion. Die allerletzte Folge von Staffel 3.",
    "Karen e Molly. Entrambe. Una sola esplosione. L'ultimo episodio della terza stagione.",
    "Karen e Molly. As duas. Uma explosão. O último episódio da temporada 3.",
    "Карен и Молли. Обе. Один взрыв. Самая последняя серия третьего сезона.",
]
_VERBLESS_INNOCENT = [
    "Karen and Molly. Both of them. One great bar scene. The s3 finale.",
    "Karen and Molly. One coffee. The s3 finale was on.",
]


@pytest.mark.parametrize("text", _VERBLESS)
def test_a_fate_noun_counted_after_who_tells(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", _VERBLESS_INNOCENT)
def test_a_thing_counted_after_who_is_nothing(text: str) -> None:
    assert not spoils(text)


_ANSWERED = [
    "Il primo uomo su Marte? Un nordcoreano, Lee Jung-gil. Il cold open del finale della "
    "terza stagione mi ha distrutto",
    "Der erste Mensch auf dem Mars? Ein Nordkoreaner, Lee Jung-gil. Der Cold Open des "
    "Finales der dritten Staffel.",
    "Le premier homme sur Mars ? Un Nord-Coréen, Lee Jung-gil. Le cold open du final de la "
    "saison 3.",
    "El primer hombre en Marte? Un norcoreano, Lee Jung-gil. El cold open del final de la "
    "temporada 3.",
    "O primeiro homem em Marte? Um norte-coreano, Lee Jung-gil. O cold open do final da "
    "temporada 3.",
    "Первый человек на Марсе? Ли Чон Гиль. Холодное начало финала третьего сезона.",
    "First man on Mars? A North Korean, Lee Jung-gil. The s3 finale cold open wrecked me.",
    "シーズン3の最終話で火星に最初に降り立ったのは北朝鮮の宇宙飛行士",
]
_NOT_ANSWERED = [
    "First man on Mars? Neil Armstrong, obviously. Well, the moon. Sorry.",
    "Best episode of s3? The finale, Lee Jung-gil's cold open.",
    "Favourite astronaut? Danielle. s3 finale was great.",
]


@pytest.mark.parametrize("text", _ANSWERED)
def test_an_outcome_asked_and_answered_by_a_name_tells(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", _NOT_ANSWERED)
def test_a_question_answered_by_something_else_is_nothing(text: str) -> None:
    assert not spoils(text)


_SLANG = [
    "deke respawns? nope, perma-death in the s1 finale",
    "karen's hp hit zero in the s3 finale",
    "tracy gets no respawn in the s2 finale",
    "tracy doesn't respawn after the s2 finale",
    "s3 finale: karen gets uninstalled lol",
    "s3 finale: karen got permabanned from life",
    "gordo and tracy perma-died in the s2 finale",
    "gordo and tracy took the dirt nap in the s2 finale",
    "gordo and tracy are sleeping with the fishes after the s2 finale",
    "gordo and tracy got deleted from existence in the s2 finale",
    "gordo and tracy got sent to the farm upstate in the s2 finale",
    "dev gets rugpulled in the s4 finale",
    "Karen clamse dans le final de la saison 3",
    "Карен откинула копыта в финале третьего сезона",
]
_SLANG_INNOCENT = [
    "my character respawns after the s3 finale quest lol",
    "permadeath mode is how i played the fam game after the s3 finale",
    "i uninstalled the game after the s3 finale",
    "karen respawns at the bar every episode lol",
    "i got permabanned from the fam subreddit after the s3 finale",
    "game over for my sleep schedule after the s3 finale",
    "gordo was ratio'd on twitter after the s2 finale aired lol",
    "i took a dirt nap after the s2 finale lol",
    "my tweet got deleted after the s2 finale",
    "my patience is no more after the s2 finale",
    "Karen is no more annoying than Ed in the s3 finale",
    "Karen's bar is no more after the s3 finale",
    "ed gets cancelled from helios in the s4 finale",  # not Ed's fate: Dev is pushed out
]


@pytest.mark.parametrize("text", _SLANG)
def test_gaming_and_regional_slang_tells(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", _SLANG_INNOCENT)
def test_gaming_slang_about_the_writer_is_nothing(text: str) -> None:
    assert not spoils(text)


_BESIDE_ANOTHER_SHOW = [
    "like Ned in GoT, Karen dies in the s3 finale bombing",
    "just like Charlie in Lost, Gordo and Tracy die in the s2 finale",
    "Lost had its own time jump, and the s2 finale of FAM jumps to 1995",
    "unlike The Martian, nobody rescues Danny, he's left on Mars in the s3 finale",
    "Margo is basically Kim Philby in the s3 finale, defecting to Moscow",
    "the s3 finale: Karen Dies",
    "RIP Karen, s3 finale",
]
_TITLES = [
    "Sonya Walger was Penny in Lost and 'Not Penny's Boat' is still the best finale gut "
    "punch ever, Charlie drowning 😭",
    "like in Six Feet Under, Karen's s3 finale is all about the bar",
    "Karen in the s3 finale reminded me of The Walking Dead, just vibes",
    "like Ned in GoT, Karen was the heart of her show",
    "Joel Kinnaman was great in The Killing; in FAM he plays Ed",
]


@pytest.mark.parametrize("text", _BESIDE_ANOTHER_SHOW)
def test_our_fate_beside_another_show_tells(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", _TITLES)
def test_another_works_title_is_no_fate(text: str) -> None:
    assert not spoils(text)


_BESIDE_MID_SEASON = [
    "Shane dies in s1e5, and then Deke is buried on the moon at the end of the season",
    "Karen buys the Outpost in s2e3, and she dies in the bombing at the very end of s3",
    "Ellen becomes president mid-s3, a few episodes before Karen and Molly die at JSC",
    "the riot is s4e8 but Danielle getting shot is two episodes later",
]
_MID_SEASON = [
    "Shane dies in s1e5 and it wrecked me",
    "Molly gets irradiated in s2e4, so scary",
    "Karen buys the Outpost in s2e3",
    "Danielle gets shot at in the s4e8 riot but she's fine",
]


@pytest.mark.parametrize("text", _BESIDE_MID_SEASON)
def test_a_finale_outcome_beside_mid_season_events_tells(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", _MID_SEASON)
def test_mid_season_events_alone_are_nothing(text: str) -> None:
    assert not spoils(text)


_THINGS_OF_THEIRS = [
    "Margo firing Molly in s3e2 is such a cold move. Their whole friendship, gone over a "
    "command seat.",
    "Margo and Molly in the s3 finale. Their whole friendship, gone.",
    "Ed and Karen in the s3 finale. Their marriage, dead.",
    "Tracy's s2 finale performance. Dead. I'm dead.",
    "Karen's s3 finale monologue. Killed it.",
]
_THEMSELVES = [
    "Karen in the s3 finale. Her body, buried.",
    "Karen in the s3 finale. Her, gone.",
    "Karen and Molly in the s3 finale. Both of them, gone.",
    "Gordo in the s2 finale. His career, over. His life, gone.",
    "Tracy in the s2 finale. Dead. I'm crying.",
    "Tracy's s2 finale. Dead. I'm crying.",
    "Gordo and Tracy in the s2 finale. Dead. Both of them.",
]


@pytest.mark.parametrize("text", _THINGS_OF_THEIRS)
def test_a_thing_of_theirs_meets_the_fate(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", _THEMSELVES)
def test_they_or_what_stands_for_them_meet_the_fate(text: str) -> None:
    assert spoils(text)
