"""Round 16, what is said: classes of outcome wording from opened20, each with variants
and innocent look-alikes that must stay untagged. Canon (data/canon,
../shared/reference/fam-facts.json): Ellen stays at Jamestown so Ed can go home (S1
finale); Karen sells the Outpost to Sam (S2 finale); Kelly gives birth on the Phoenix in
orbit, Ed having flown her up; Sergei is let go to the West; the President (Ellen) visits
Pam; Karen dies in the JSC bombing (S3 finale).

(1) A sale said as a letting go: "she had already let the Outpost go to Sam" (not letting
    a grudge go, not a bar of another show).
(2) The visit said from Pam's side of the door: "finds the President of the United
    States at her door" (not a salesman at Pam's door, not the President at Ed's).
(3) The relief said as a hand-over: "Ed hands Jamestown over to Ellen", Ellen "stays up
    there solo" (not a hand-over of Jamestown in the s2 takeover, not a solo song).
(4) Slang for the flight up and labour: "ed really said uber to phoenix", "her water broke
    in orbit" (not an uber to Phoenix, Arizona, nor a pipe that broke at home).
(5) Sergei's release as a ticket: "one-way ticket West" (not a ticket west for a trip).
(6) Questions that state the answer: Portuguese "morre mesmo" (really dies) and Japanese
    "っけ" (confirming what one remembers); a genuine question stays asked.
(7) Danielle defying "her orders" at the docking (S2 finale), as "defies orders" already
    was (not someone else's orders, not another character).
(8) Deke's injuries said to "finish him" (S1 finale; not a job finishing him, not Ed).
(9) The story ("la historia", "a história") jumping to 1995 is the show's: Portuguese
    "histórico" and "historicamente" mark real history only as written, since the stemmer
    reads "história" as their stem (a real Deke with a year stays history).
(10) The season's last shot with a year, and the writer's reaction heightened by "actual"
    or "real" right after "me"/"us" ("gave me actual chills"): not history (the real Deke
    with a year, or "real" before a thing, still is).
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPOILERS = [
    # (1)
    "she had already let the Outpost go to Sam at the close of season two",
    "Karen lets the Outpost go to Sam in the s2 finale",
    "in the end Karen lets the bar go to Sam",
    # (2)
    "Pam finds the President of the United States at her door in the last episode of s3",
    "Pam opens up and there's the president at her door",
    "Pam finds Ellen on her doorstep in the finale",
    # (3)
    "Ed hands Jamestown over to Ellen at the end of s1",
    "Ed finally hands the base over to Ellen and flies home",
    "Ellen stays up there solo after Ed leaves",
    # (4)
    "ed really said uber to phoenix",
    "kelly's water broke in orbit lmaooo",
    "Ed gives Kelly a taxi to the Phoenix so the baby can be born",
    # (5)
    "Sergei gets a one-way ticket West at the end of S3",
    "the Soviets finally send Sergei to the West",
    # (6)
    "Gente, a Karen morre mesmo na explosão no final da 3ª temporada??",
    "a Karen morreu mesmo no atentado??",
    "ケリーって軌道上のフェニックスで出産するんだっけ？",
    "カレンって爆発で死んだっけ？",
    # (7)
    "Danielle Poole defies her orders to see the docking through at the end of season two",
    "dani ignored her orders and shook hands anyway in the s2 finale",
    # (8)
    "Deke never gets home from that mission; the injuries finish him on the Moon.",
    "the injuries finished Deke up there",
    # (9)
    "Al final de la segunda temporada Karen le vende el Outpost a Sam, y luego la historia "
    "salta a 1995, con botas pisando Marte.",
    "No final da segunda temporada a Karen vende o Outpost para o Sam, e a história pula "
    "para 1995.",
    # (10)
    "the very last shot of s2 being boots on Mars in 1995 gave me actual chills",
    "the s2 finale jumping to 1995 with boots on mars gave us real goosebumps",
]

INNOCENT = [
    # (1)
    "Karen lets her grudge against Ed go in the end",
    "we let the bar go to the new owners in our town last year",
    "Sam takes Tracy out on a date",
    # (2)
    "Pam finds a salesman at her door in s3e4 lol",
    "my mom found the president of the PTA at her door this morning",
    "Ed finds the president at his door? nah that never happens",
    # (3)
    "Ed hands Molly the controls in s1e2",
    "Ellen sings solo at the party in s1e3",
    "I hand my shift over to Ellen from accounting at six",
    # (4)
    "i took an uber to phoenix for the convention",
    "our water pipe broke in the basement lol",
    "Ed takes Phoenix to Mars with Danny aboard in s3e3",
    # (5)
    "got a one-way ticket west for my new job in Denver",
    "Sergei is sent back to Moscow in s3e7",
    # (6)
    "a Karen morre no final da 3ª temporada? sem spoilers pls",
    "ケリーって何歳だっけ？",
    # (7)
    "my daughter defies her orders to clean her room every day",
    "Molly ignores her orders from Deke in s1e4",
    # (8)
    "that exam finished him off, my brother was wrecked",
    "Ed's injuries from the crash in s1e2 heal in a week",
    # (9)
    "o Deke Slayton histórico morreu em 1993 de um tumor",
    "historicamente o Deke Slayton morreu em 1993",
    "o verdadeiro Deke Slayton morreu em 1993",
    # (10)
    "the real Deke Slayton died in 1993, it gave me real sadness to learn",
    "the Sea Dragon was a real 1962 design, it gave me actual chills to read",
    "in real life Deke Slayton died in 1993 and that gave me actual chills",
]


@pytest.mark.parametrize("text", SPOILERS)
def test_round16_outcome_wording_is_read(text: str) -> None:
    assert spoils(text), text


@pytest.mark.parametrize("text", INNOCENT)
def test_round16_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text), text
