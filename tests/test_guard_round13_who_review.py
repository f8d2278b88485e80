"""The review of round 13's who/what classes (findings 6 to 10): ordinary fan talk that
round 13 flagged, with variants of the same phrasing written before the change, and the
spoilers those classes were meant for (tests/test_guard_round13_who.py keeps its own).

Before the change (HEAD after round 13), flagged innocents / missed spoilers per finding:
6 sparing 20/23 (the review's 8/8) / 0/6; 7 still 15/15 (4/4) / 0/4; 8 ja 16/16 (6/6) / 0/5;
9 ours 3/13 (1/1) / 3/5 (the de/fr/es "unsere/notre/nuestra" ones); 10 bro 7/10 (2/2) / 0/2.
In all 61 of 77 innocents flagged, 3 of 22 spoilers missed. After: 2 innocents flagged (both
flagged before round 13 as well), 0 spoilers missed; since then, 0 innocents flagged.
"""

from __future__ import annotations

import pytest

from bot.guard import inspect
from tests.guard_accuracy import default_matcher

# Each finding's examples from the review first, then variants of our own
INNOCENT: dict[str, list[str]] = {
    # 6. "won't kill you", "let him go": a bare Russian or Soviet is nobody's cosmonaut
    "sparing": [
        "a russian accent won't kill you",
        "soviet cooking won't kill you lol",
        "the russian bartender doesn't shoot pool very well",
        "the soviet rover doesn't shoot anything, it just sits there",
        "the russian coach let him go after one season",
        "my russian tutor let him go early today",
        "the soviet guard lets him go through the checkpoint in s2",
        "el ruso lo deja ir porque llegó tarde al entrenamiento",
        # ours
        "a little russian grammar won't kill you",
        "one more soviet documentary won't kill you, dad",
        "this russian winter won't kill you if you dress warm",
        "the russian goalie didn't kill the penalty this time",
        "my soviet history professor let him go without a grade",
        "the soviet-era elevator in my building doesn't kill anyone, it's just slow",
        "a russian novel won't kill you, just read War and Peace",
        "the russian boxer lets him walk away after round two",
        "el ruso de mi gimnasio no mata ni una mosca",
        "le russe du club le laisse partir plus tôt",
        "il russo del bar lo lascia andare senza pagare",
        "der russische Trainer lässt ihn gehen, nach nur einer Saison",
        "o russo da academia deixa ele ir embora cedo",
        "тренер отпустил его домой пораньше",
        "the russian ballet teacher didn't shoot down my idea",
    ],
    # 7. still around / here / standing in a season, said of someone liked
    "still": [
        "Danielle is still around in season 4, love her",
        "Dani still standing in s4 after everything, iconic",
        "glad Margo is still around in season 3",
        "Margo is still here in s3 and still running the show",
        # ours
        "Dani is still here in season 4 and still the best commander",
        "Margo still standing in s3 after the hearing, legend",
        "so glad Danielle is still around in season 4",
        "Margo is still around in season 3 and she runs NASA like a boss",
        "Danielle still standing in s4 after all those years, queen",
        "love that Margo is still here in s3",
        "Poole still around in season 4, love the character",
        "Margo still standing in season 3, iconic",
        "Danielle and Ed both still around in season 4, the og duo",
        "Danielle is still here in s4 and Ed too",
        "Margo's still around in season 3 to yell at everyone",
    ],
    # 8. Japanese compounds and idioms with 死 after の
    "ja": [
        "モリーの死闘、太陽フレアの回は最高",
        "ゴルドの死闘シーン、2話目",
        "モリーの死語だらけのセリフが好き",
        "カレンの死活問題だよね、アウトポストの売上",
        "モリーの死球みたいな一言",
        "ディークは死後の世界を信じてるのかな",
        # ours
        "ゴルドの死角から撮ったシーンが好き",
        "カレンの死守したアウトポスト、第3話",
        "モリーの死生観が深い",
        "ディークの死神みたいな顔が面白い",
        "トレイシーの死力を尽くした歌、第3話",
        "カレンの死語が可愛い",
        "ディークの死蔵してた資料",
        "トレイシーの死後の世界の話、シーズン1の第5話",
        "ゴルドの死闘、訓練のシーン",
        "モリーの死活問題、予算の話",
    ],
    # 9. "our <name>" in condolences about someone of one's own
    "ours": [
        "Karen from my running club passed away this week. rip our Karen, gone too soon 💔",
        # ours
        "my aunt Molly died last spring. we lost our Molly way too soon",
        "Tracy from church passed. rest in peace our Tracy, gone too soon",
        "my neighbour Gordo died yesterday. our Gordo is gone and the street is so quiet",
        "our coworker Margo passed away on Monday. rip our Margo",
        "my grandpa Deke died this morning, our Deke is gone",
        "Deke from the fire station passed. rip our Deke, a true hero",
        "my cousin Tracy died in a crash last week. rip our Tracy",
        "Karen next door lost her fight with cancer. our Karen died so bravely",
        "Molly from book club passed away. we'll miss you, our Molly, gone too soon",
        "meine Tante Karen ist gestorben. unsere Karen ist tot, ich fasse es nicht",
        "ma tante Molly est morte hier. notre Molly est partie trop tôt",
        "mi tía Karen murió ayer. nuestra Karen se fue demasiado pronto",
    ],
    # 10. "my bro": a brother or a friend, not the fusion tech bro
    "bro": [
        "my bro bought a Helios shirt and got kicked out of the bar for wearing it",
        "my bro is into fusion cuisine now, he got kicked out of the kitchen class",
        # ours
        "my little bro got voted out of student council, he wore his Helios hoodie all week",
        "my bro tried the fusion place downtown and got kicked out for being loud",
        "his bro owns a fusion food truck and the landlord kicked him out",
        "bro got kicked out of the fusion jazz club lmao",
        "my bro's band Helios got voted out in the first round",
        "my bro got fired from Helios Pizza, the owner pushed him out",
        "my bro got booted from the fusion cooking contest by the judges",
        "my big bro has a Helios fan page and the board of his HOA ousted him",
    ],
}

SPOILERS: dict[str, list[str]] = {
    # the cosmonaut, or the Russian in the mine or at gunpoint
    "sparing": [
        "Ed doesn't kill the russian in the mine",
        "Ed has the soviet guy at gunpoint and doesn't shoot",
        "Ed lets the cosmonaut go in the s1 finale",
        "Ed spares the cosmonaut",
        "Ed doesn't shoot the cosmonaut",
        "Ed no mata al ruso en la mina",
    ],
    # only one of a group, or only a name after a group, still around by a season
    "still": [
        "Gordo and Ed were an amazing duo. Only one of them is still around by season 3.",
        "Gordo and Tracy and Ed in s1. Only Ed is still around by season 3",
        "Karen and Molly, what a pair. only one of them is still here in season 4",
        "Gordo and Ed in s1. only Ed is still standing by season 3",
    ],
    # の死 as a noun before a particle or at the end
    "ja": [
        "モリーの死がショックだった、シーズン3最終回",
        "ゴルドの死、シーズン2の最終話",
        "カレンとモリーの死、最終回で泣いた",
        "最終回のカレンの死",
        "ゴルドの死後、トレイシーも月で亡くなる",
    ],
    # "our X" with the show in the sentence, in the languages with their own "our"
    "ours": [
        "Karen Gillan interview today. our girl Karen dies in the s3 finale",
        "Tracy from church sang today. in the show our Tracy dies on the moon",
        "Karen Gillan im Fernsehen. in der Serie stirbt unsere Karen beim Anschlag",
        "Molly Ringwald à la télé. dans la série notre Molly meurt dans l'attentat",
        "Karen Gillan en la tele. en la serie nuestra Karen muere en el atentado",
    ],
    # the fusion tech bro is Dev
    "bro": [
        "the fusion tech bro gets voted out by the board in the s3 finale",
        "the Helios tech bro gets pushed out of his own company in the season 3 finale",
    ],
}

# Flagged before round 13 too, and when this file was written (the first sentence's
# namesake, "from book club", "mi tía", was not read, so its own "passed away" / "murió" was
# Molly's or Karen's): left clean since, so they are asserted with the other innocents
# (they were xfailed by a call in the test, which could not fail when they came right).


@pytest.mark.parametrize("text", [t for texts in INNOCENT.values() for t in texts])
def test_ordinary_fan_talk_stays_clean(text: str) -> None:
    assert not inspect(text, default_matcher())


@pytest.mark.parametrize("text", [t for texts in SPOILERS.values() for t in texts])
def test_the_spoilers_meant_are_still_flagged(text: str) -> None:
    assert inspect(text, default_matcher())
