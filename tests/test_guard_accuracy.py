"""The guard finds finale spoilers in realistic messages, and leaves the rest alone.

Floors, not targets: each is a little under the figure measured when it was set, so a
change that makes the guard worse fails. The figures that count are the held-out ones
(docs/spoiler-guard-figures.md); the tuning part is what the rules were fitted to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.guard_accuracy import (
    HOLDOUT_15,
    HOLDOUT_16,
    HOLDOUT_21,
    HOLDOUT_22,
    OLD,
    OLD_HOLDOUT,
    OPENED,
    OPENED_2,
    OPENED_3,
    OPENED_4,
    OPENED_5,
    OPENED_6,
    OPENED_7,
    OPENED_8,
    OPENED_9,
    OPENED_10,
    OPENED_11,
    OPENED_12,
    OPENED_13,
    OPENED_14,
    OPENED_17,
    OPENED_18,
    OPENED_19,
    OPENED_20,
    TUNING,
    TUNING_2,
    TUNING_3,
    TUNING_4,
    TUNING_5,
    TUNING_6,
    TUNING_7,
    TUNING_8,
    TUNING_9,
    TUNING_10,
    TUNING_11,
    corpus,
    score,
    score_by_kind,
)

KINDS = {
    "plain",
    "figurative",
    "lookalike",
    "namesake",
    "history",
    "non-finale",
    "role",
    "cross-sentence",
    "obfuscated",
    "multilingual",
    "slang",
    "question",
    "markup",
    "other-show",
}
# Tuning parts: (precision, recall) floors per kind: the figures measured when last set,
# less about 0.015, rounded down (issue 9 aims for 0.97 / 0.95 overall and 0.90 recall per
# kind, on held-out messages).
TUNING_FLOORS = {
    TUNING: {
        "cross-sentence": (0.98, 0.92),
        "figurative": (0.98, 0.98),
        "history": (0.98, 0.98),
        "lookalike": (0.98, 0.98),
        "markup": (0.98, 0.95),
        "multilingual": (0.98, 0.98),
        "namesake": (0.98, 0.93),
        "non-finale": (0.98, 0.98),
        "obfuscated": (0.98, 0.98),
        "other-show": (0.87, 0.98),
        "plain": (0.98, 0.98),
        "question": (0.98, 0.94),
        "role": (0.98, 0.98),
        "slang": (0.98, 0.98),
        "all": (0.98, 0.975),
    },
    # Round 1 had never seen it (unseen-data figures then: docs/spoiler-guard-figures.md); rounds 2
    # and 3 were fitted to it: their figures, less about 0.015
    TUNING_2: {
        "cross-sentence": (0.98, 0.91),
        "figurative": (0.98, 0.98),
        "history": (0.98, 0.98),  # round 6: 0.917 -> 1.000 (history turned to the show)
        "lookalike": (0.98, 0.98),
        "markup": (0.98, 0.88),
        "multilingual": (0.98, 0.98),
        "namesake": (0.98, 0.98),
        "non-finale": (0.98, 0.98),
        "obfuscated": (0.98, 0.98),
        "other-show": (0.98, 0.98),
        "plain": (0.98, 0.98),
        "question": (0.98, 0.95),
        "role": (0.955, 0.88),
        "slang": (0.98, 0.955),
        "all": (0.98, 0.945),
    },
    # Round 4's own tuning part, only the kinds about who is meant (before round 4:
    # 0.963 / 0.929 overall): round 4's figures, less about 0.015
    TUNING_3: {
        "cross-sentence": (0.98, 0.95),
        "history": (0.98, 0.98),
        "lookalike": (0.98, 0.98),
        "namesake": (0.98, 0.98),
        "non-finale": (0.98, 0.93),
        "role": (0.98, 0.98),
        "all": (0.98, 0.975),
    },
    # Round 4 (what a message says) measured it once before any change (the commit that
    # added it) and was then fitted to it: its figures after, less about 0.015
    TUNING_4: {
        "figurative": (0.94, 0.98),
        "lookalike": (0.98, 0.98),
        "markup": (0.98, 0.93),
        "multilingual": (0.98, 0.98),
        "obfuscated": (0.98, 0.98),
        "question": (0.94, 0.98),
        "slang": (0.98, 0.955),
        "all": (0.98, 0.97),
    },
    # Round 5 (misspelt names, look-alike words, corrections): 0.969 / 0.705 before any
    # change (the commit that added it), 1.000 / 0.932 after; less about 0.015
    TUNING_5: {
        "lookalike": (0.98, 0.88),
        "namesake": (0.98, 0.98),
        "all": (0.98, 0.91),
    },
    # Round 5b, written by outsiders who never saw the guard: 0.986 / 0.907 before any
    # change (the commit that added it; role 0.762, figurative 0.933 / 0.824), 1.000 /
    # 1.000 in every kind after; less about 0.015, capped at 0.98
    TUNING_6: {
        kind: (0.98, 0.98)
        for kind in (
            *("cross-sentence", "history", "namesake", "role", "all"),
            *("figurative", "slang", "multilingual", "other-show"),
        )
    },
}
# Round 6b, who is meant: tuning7 by outsiders, before any change history 0.941 / 1.000,
# role 1.000 / 0.944, namesake 1.000 / 0.933, non-finale 1.000 / 0.923, plain 1.000 / 0.895;
# after (a role said of a name, "both his parents", a death the finale confirms) 1.000 in
# each but non-finale recall 0.923 and plain 0.947: those less about 0.015, capped at 0.98
TUNING_FLOORS[TUNING_7] = TUNING_FLOORS.get(TUNING_7, {}) | {
    kind: (0.98, 0.98) for kind in ("cross-sentence", "history", "namesake", "other-show", "role")
}
TUNING_FLOORS[TUNING_7] |= {"non-finale": (0.98, 0.90), "plain": (0.98, 0.93)}
# Round 6b, written by outsiders who never saw the guard: round 6 scored 0.981 / 0.963 on
# it (question 0.941 / 0.941, figurative precision 0.944, plain recall 0.895); the half
# about what is said raised its kinds to 1.000 / 1.000 (plain recall 0.947: Harry Liu has
# no rule); less about 0.015, capped at 0.98. The half about who is meant adds its own.
TUNING_FLOORS.setdefault(TUNING_7, {}).update(
    {
        "question": (0.98, 0.98),
        "figurative": (0.98, 0.98),
        "markup": (0.98, 0.98),
        "plain": (0.98, 0.93),
    }
)
# Round 7, written by outsiders who never saw the guard: round 6b scored 0.982 / 0.909 on it
# before round 7 was fitted to it (slang recall 0.789, lookalike 0.824, role 0.850)
TUNING_FLOORS[TUNING_8] = {"all": (0.97, 0.90)}
ROUND_7_WHAT_KINDS: tuple[str, ...] = ("figurative", "markup", "multilingual", "obfuscated")
ROUND_7_WHAT_KINDS += ("other-show",)
ROUND_7_WHAT_KINDS += ("plain", "question", "slang")
# Round 7's half about what is said (figures by construction, slang, other languages'
# finales and question openers): slang 0.789 -> 1.000, figurative 0.944 / 0.944 -> 1.000 /
# 0.944, multilingual precision 0.909 -> 1.000, obfuscated 0.947 -> 1.000, other-show 0.938
# -> 1.000; all 0.982 / 0.909 -> 0.994 / 0.943. Less about 0.015, capped at 0.98
TUNING_FLOORS[TUNING_8] |= {kind: (0.98, 0.98) for kind in ROUND_7_WHAT_KINDS}
TUNING_FLOORS[TUNING_8] |= {"figurative": (0.98, 0.93), "all": (0.98, 0.925)}
# Round 7b, by three outside writers: round 7 scored 0.956 / 0.939 on it before round 7b
# was fitted to it (slang recall 0.868, role 0.927 / 0.905, figurative 0.949 / 0.949)
TUNING_FLOORS[TUNING_9] = {"all": (0.96, 0.945)}
# Round 7b, what is said (a grid of ways of saying each fate, then tuning9 by class):
# slang 0.944 / 0.868 -> 0.973 / 0.947, figurative 0.949 / 0.949 -> 1.000 / 0.974; the
# other kinds of what is said as they were. Floors a little under the figures after.
TUNING_FLOORS[TUNING_9] |= {
    "slang": (0.96, 0.93),
    "figurative": (0.98, 0.96),
    "other-show": (0.96, 0.98),
    "plain": (0.91, 0.98),
    "question": (0.98, 0.98),
    "markup": (0.98, 0.91),
    "obfuscated": (0.98, 0.91),
}
# Round 7b's half about who is meant (a trailing episode places the message; possessives
# without an apostrophe): role 0.927 / 0.905 -> 1.000 / 0.905, lookalike 0.923 / 0.923 ->
# 1.000 / 0.923, history 1.000 / 1.000
TUNING_FLOORS[TUNING_9] |= {"role": (0.98, 0.89), "lookalike": (0.98, 0.9)}
TUNING_FLOORS[TUNING_9] |= {"history": (0.98, 0.98)}
# The first three held-out sets, opened for tuning in round 5 (their last unseen figures,
# round 4b: 0.991 / 0.922, 0.981 / 0.902, 0.985 / 0.913); round 5 fitted to them: the
# floors are its figures less about 0.015 (set again after the two halves merged)
OPENED_FLOORS = {OPENED: (0.98, 0.95), OPENED_2: (0.97, 0.93), OPENED_3: (0.97, 0.945)}
# Held-out sets 4 and 5, opened for tuning in round 6 (their floors as held-out sets;
# last unseen figures, round 5b: 0.991 / 0.966 and 0.995 / 0.932)
OPENED_FLOORS |= {OPENED_4: (0.98, 0.95), OPENED_5: (0.98, 0.92)}
# after round 6's half about who is meant: 0.996 / 0.979 and 0.995 / 0.966
OPENED_FLOORS |= {OPENED_4: (0.98, 0.96), OPENED_5: (0.98, 0.95)}
# Round 6 fitted the kinds about who is meant to sets 4 and 5 (by mechanism: history turned
# to the show, episode titles, corrected names, "it's X"...): before, opened4 history 0.923,
# lookalike 0.786, non-finale precision 0.929; opened5 history 0.727, role 0.846, other-show
# 0.818, lookalike 0.923, non-finale 0.933 / 0.933. Floors: the figures after, less about
# 0.015, capped at 0.98 (opened5's non-finale false alarm is a carried fate, S4E5's
# flashback of Danny's death, that the canon counts as a finale detail)
OPENED_6_WHO_FLOORS = {
    OPENED_4: {"lookalike": (0.98, 0.91), "namesake": (0.98, 0.91)},
    OPENED_5: {"non-finale": (0.92, 0.98), "other-show": (0.98, 0.89), "role": (0.98, 0.90)},
}
# Held-out sets 6 and 7, opened for tuning in round 7 (their floors as held-out sets; last
# unseen figures, round 6b: 0.982 / 0.964 and 0.992 / 0.948)
OPENED_FLOORS |= {OPENED_6: (0.97, 0.955), OPENED_7: (0.98, 0.94)}
# Held-out set 8, opened for tuning in round 8 (its floor as a held-out set; unseen, rounds
# 6b, 7 and 7b all measured 0.992 / 0.945)
OPENED_FLOORS |= {OPENED_8: (0.98, 0.93)}
# Round 8's half about what is said, fitted to opened8 by family (every language, every
# finale event: tests/test_guard_what_families.py): 0.992 / 0.945 -> 1.000 / 0.977;
# figurative precision 0.895, markup 0.947, obfuscated 0.944, other-show 0.824, plain
# 0.952, slang 0.900, role 0.789 -> 1.000 each but other-show 0.941 and role 0.842; less
# about 0.015, capped at 0.98
OPENED_FLOORS |= {OPENED_8: (0.98, 0.96)}
ROUND_8_WHAT_FLOORS = {
    OPENED_8: {kind: (0.98, 0.98) for kind in ("figurative", "markup", "obfuscated", "plain")}
    | {"slang": (0.98, 0.98), "other-show": (0.98, 0.92), "role": (0.98, 0.82)}
}
# Round 7's half about what is said, fitted to sets 6 and 7: before, opened6 figurative
# precision 0.833, multilingual recall 0.900, slang 0.938; opened7 figurative precision
# 0.944, multilingual 0.952, other-show 0.941, plain 0.944, question 0.889, markup 0.933.
# After: 1.000 in each but opened6 figurative precision 0.938 (an actor praised beside a
# rule's word) and opened7 question 0.889, markup 0.933; less about 0.015, capped at 0.98
# (set per kind, so the half about who is meant can add its own kinds to the same sets)
ROUND_7_WHAT_FLOORS = {
    OPENED_6: {"figurative": (0.92, 0.98)},
    OPENED_7: {"markup": (0.98, 0.92), "question": (0.98, 0.87)},
}
# Round 5 fitted the kinds about what is said to the opened sets: their figures per kind,
# less about 0.015 (capped at 0.98, like the tuning parts' floors)
OPENED_WHAT_FLOORS = {
    OPENED: {"markup": (0.98, 0.93)},
    OPENED_2: {"other-show": (0.98, 0.84), "question": (0.98, 0.92), "slang": (0.98, 0.87)},
    OPENED_3: {},
}
OPENED_WHAT_KINDS: tuple[str, ...] = ("figurative", "markup", "multilingual", "obfuscated")
OPENED_WHAT_KINDS += ("other-show", "plain", "question", "slang")
WHO_KINDS = {"role", "cross-sentence", "namesake", "history", "lookalike", "non-finale"}
# Round 5 fitted the kinds about who is meant to the opened sets: precision 1.000 in each,
# recall 0.909-1.000 (before: 0.636-1.000); less about 0.015
OPENED_WHO_FLOORS = {
    OPENED: {"cross-sentence": 0.93} | {k: 0.98 for k in WHO_KINDS - {"cross-sentence"}},
    OPENED_2: {"non-finale": 0.91} | {k: 0.98 for k in WHO_KINDS - {"non-finale"}},
    OPENED_3: {"history": 0.89, "non-finale": 0.90}
    | {k: 0.98 for k in WHO_KINDS - {"history", "non-finale"}},
}
# Both halves' per-kind floors on the opened sets, in one table (sets 4 and 5 below)
OPENED_KIND_FLOORS = {
    path: {kind: OPENED_WHAT_FLOORS[path].get(kind, (0.98, 0.98)) for kind in OPENED_WHAT_KINDS}
    | {kind: (0.98, recall) for kind, recall in OPENED_WHO_FLOORS[path].items()}
    for path in (OPENED, OPENED_2, OPENED_3)
}
# Round 6 fitted the kinds about what is said to opened4 and opened5 (round 5b, unseen:
# slang 0.944/0.882, figurative P 0.938 and R 0.929, question 0.938/0.933, multilingual
# 0.955/0.950 recall): 1.000 / 1.000 in each since; with the kinds about who is meant
OPENED_KIND_FLOORS |= {
    path: {kind: (0.98, 0.98) for kind in (*OPENED_WHAT_KINDS, *WHO_KINDS)}
    | OPENED_6_WHO_FLOORS[path]
    for path in (OPENED_4, OPENED_5)
}
for _path, _floors in ROUND_7_WHAT_FLOORS.items():
    OPENED_KIND_FLOORS.setdefault(_path, {}).update(
        {kind: _floors.get(kind, (0.98, 0.98)) for kind in ROUND_7_WHAT_KINDS}
    )
# Round 7's half about who is meant, fitted to opened6, opened7 and tuning8 (kin the canon
# implies, a role audit, "the X from s2", fragments carrying a subject): opened6 role
# 0.938 -> 1.000, cross-sentence 0.941 / 0.941 -> 0.944 / 1.000; opened7 role 0.952 ->
# 1.000, cross-sentence 0.900 -> 0.950; tuning8 role precision 0.944 -> 1.000. Floors: the
# figures after, less about 0.015, capped at 0.98
for path, floors in {
    OPENED_6: {
        "role": (0.98, 0.98),
        "cross-sentence": (0.93, 0.98),
        "namesake": (0.98, 0.91),
        "history": (0.98, 0.84),
        "lookalike": (0.98, 0.98),
        "non-finale": (0.98, 0.98),
    },
    OPENED_7: {
        "role": (0.98, 0.98),
        "cross-sentence": (0.98, 0.93),
        "namesake": (0.98, 0.92),
        "history": (0.98, 0.92),
        "lookalike": (0.92, 0.92),
        "non-finale": (0.98, 0.92),
    },
}.items():
    OPENED_KIND_FLOORS.setdefault(path, {}).update(floors)
for _path, _floors in ROUND_8_WHAT_FLOORS.items():
    OPENED_KIND_FLOORS.setdefault(_path, {}).update(_floors)
# Round 8's half about who is meant (branch guard12who), by family rather than by message:
# role words and relations in every language, possessives without an apostrophe and in
# Japanese, relation-outcome nouns (widow, orphan): opened8 role 1.000 / 0.789 -> 1.000 /
# 0.947, lookalike 0.941 -> 1.000, all 0.992 / 0.945 -> 0.992 / 0.961. Floors: less about
# 0.015, capped at 0.98; the kinds about what is said keep the set's floor above
OPENED_KIND_FLOORS.setdefault(OPENED_8, {}).update(
    {
        "role": (0.98, 0.93),
        "lookalike": (0.98, 0.98),
        "cross-sentence": (0.98, 0.98),
        "namesake": (0.98, 0.98),
        "non-finale": (0.98, 0.98),
        "history": (0.98, 0.98),
    }
)
# Then a real person's clause giving them the show's outcome ("did the real Deke Slayton
# die on the moon??"), the people behind the show as agents ("Ron Moore killing Gordo and
# Tracy"): opened8 history 0.944 -> 1.000, all 0.992 / 0.961 -> 0.992 / 0.969; opened3
# history 0.909 -> 1.000, all 1.000 / 0.991 -> 1.000 / 0.995
OPENED_FLOORS |= {OPENED_8: (0.98, 0.955), OPENED_3: (0.98, 0.98)}
# Held-out set 9, opened for tuning in round 8b (its floor as a held-out set; unseen,
# rounds 7b and 8 measured 0.984 / 0.953 and 0.984 / 0.957)
OPENED_FLOORS |= {OPENED_9: (0.97, 0.94)}
# Both halves of round 8 merged: opened8 1.000 / 0.996 (other-show 1.000, role 0.947)
OPENED_FLOORS[OPENED_8] = (0.98, 0.98)
OPENED_KIND_FLOORS[OPENED_8]["other-show"] = (0.98, 0.98)
OPENED_KIND_FLOORS[OPENED_3]["history"] = (0.98, 0.98)
# Round 8b, who is meant: history turned to the show by a clause opening on a finale or
# season, a character by what the finale reveals ("the guy who got there first"):
# opened9 0.984 / 0.957 -> 0.984 / 0.965 (history 0.727 -> 0.818, role 0.935 -> 0.968)
OPENED_FLOORS[OPENED_9] = (0.97, 0.95)
OPENED_KIND_FLOORS.setdefault(OPENED_9, {}).update({"history": (0.98, 0.80), "role": (0.98, 0.95)})
# Round 8b, what is said (families from opened9 in every language: lives paid, a faked
# death pretended, slang ousting, fate verbs with an argument or a scene for object):
# opened9 0.984 / 0.957 -> 0.996 / 0.973 (figurative 0.857 / 0.947, cross-sentence
# 0.958, question 0.944, multilingual 0.955 -> 1.000 / 1.000 each); tuning2 recall 0.975 -> 0.978
OPENED_FLOORS[OPENED_9] = (0.98, 0.96)
OPENED_KIND_FLOORS.setdefault(OPENED_9, {}).update(
    {kind: (0.98, 0.98) for kind in ("figurative", "cross-sentence", "question", "multilingual")}
)
TUNING_FLOORS[TUNING_2]["all"] = (0.98, 0.96)
# Both halves of round 8b merged: opened9 0.996 / 0.980
OPENED_FLOORS[OPENED_9] = (0.98, 0.965)
# Held-out set 10, opened for tuning in round 9 (its floor as a held-out set; unseen,
# rounds 7b, 8 and 8b measured 0.975 / 0.955, 0.975 / 0.955 and 0.975 / 0.959)
OPENED_FLOORS |= {OPENED_10: (0.96, 0.94)}
# Round 9, who is meant: asides that say whose a name is ("Deke, our rocket-facts bot,"),
# a role shared with its own person ("co-ran polaris with karen"), a role after describing
# words, the season that says which "she", a possessive's noun, "actual" history:
# opened10 0.975 / 0.959 -> 0.996 / 0.971 (cross-sentence 0.842 -> 0.947, namesake
# precision 0.846 -> 1.000, role 0.957 / 0.917 -> 1.000 / 0.958); tuning9 role recall
# 0.905 -> 0.929
OPENED_FLOORS[OPENED_10] = (0.98, 0.96)
OPENED_KIND_FLOORS.setdefault(OPENED_10, {}).update(
    {
        "cross-sentence": (0.98, 0.93),
        "namesake": (0.98, 0.9),
        "non-finale": (0.98, 0.98),
        "role": (0.98, 0.94),
        "history": (0.98, 0.93),
    }
)
TUNING_FLOORS[TUNING_9] |= {"role": (0.98, 0.92)}
# Round 9, what is said (a question stating its answer, a figure meant literally, leaving
# said of dying, a verbless fate noun, a question answered by a name, gaming slang, another
# work's title): opened10 0.975 / 0.959 -> 0.979 / 0.979 (figurative, multilingual,
# question 0.933-0.960 -> 1.000; cross-sentence 0.842 -> 0.947; other-show precision
# 0.923 -> 1.000); then a thing of theirs before a comma and its fate ("Their whole
# friendship, gone") and a possessive topic that is a performance: 0.983 / 0.979
# (non-finale precision 0.929 -> 1.000)
OPENED_FLOORS[OPENED_10] = (0.97, 0.965)
OPENED_KIND_FLOORS.setdefault(OPENED_10, {}).update(
    {
        kind: (0.98, 0.98)
        for kind in ("figurative", "question", "multilingual", "other-show", "non-finale")
    }
    | {"cross-sentence": (0.98, 0.93)}
)
# Both halves of round 9 merged: opened10 1.000 / 0.988
OPENED_FLOORS[OPENED_10] = (0.98, 0.975)
# Held-out set 11, opened for tuning in round 10 (its floor as a held-out set; unseen,
# rounds 8, 8b and 9 measured 0.980 / 0.913, 0.980 / 0.924 and 0.980 / 0.924)
OPENED_FLOORS |= {OPENED_11: (0.98, 0.93)}  # round 10, who is meant: 0.984 / 0.932
TUNING_FLOORS[TUNING_8] |= {
    "role": (0.98, 0.83),
    "cross-sentence": (0.98, 0.86),
    "history": (0.98, 0.86),
    "lookalike": (0.98, 0.86),
}
# Round 10, what is said (the story's own action, verbless counted pairs, "not in the fun
# way", the writer's reaction after "had me", a Japanese rhetorical question, a wiki page
# and its section, "both go", another work's scene re-enacted): opened11 0.980 / 0.924 ->
# 0.984 / 0.966 (figurative 0.941 / 0.941, markup, multilingual, slang 0.895-0.962 ->
# 1.000 / 1.000; cross-sentence recall 0.833 -> 1.000; other-show 0.833 -> 0.917;
# history 0.944 / 0.850 -> 0.947 / 0.900); tuning8 history recall 0.875 -> 0.938
OPENED_FLOORS[OPENED_11] = (0.975, 0.955)
OPENED_KIND_FLOORS.setdefault(OPENED_11, {}).update(
    {kind: (0.98, 0.98) for kind in ("figurative", "markup", "multilingual", "slang")}
    | {
        "cross-sentence": (0.88, 0.98),
        "other-show": (0.98, 0.9),
        "history": (0.94, 0.88),
    }
)
TUNING_FLOORS[TUNING_8] |= {"history": (0.98, 0.92)}
# Both halves of round 10 merged: opened11 0.988 / 0.973
OPENED_FLOORS[OPENED_11] = (0.975, 0.96)
# Round 19, everyday words in finale rules (a 'docking part' is no longer Danielle's
# finale docking): opened11 0.988 / 0.973 -> 0.992 / 0.973
OPENED_FLOORS[OPENED_11] = (0.985, 0.96)
# Round 20, everyday words (the show 'hands' Apollo 10 to Ed and Gordo is not the
# reactor's held hands): opened11 0.992 / 0.973 -> 0.996 / 0.973
OPENED_FLOORS[OPENED_11] = (0.99, 0.96)
# Held-out set 12, opened for tuning in round 11 (its floor as a held-out set; unseen,
# rounds 9, 10 and the split measured 0.996 / 0.967 each time)
OPENED_FLOORS |= {OPENED_12: (0.98, 0.95)}
# Round 11, general mechanisms (denied survival verbs, generic epithets as pronouns, emoji
# runs leading up to a name): opened12 0.996 / 0.967 -> 0.996 / 0.975 (obfuscated recall
# 0.955 -> 1.000, figurative 0.933 -> 1.000); opened7 0.996 / 0.972 -> 0.996 / 0.976
# (cross-sentence recall 0.950 -> 1.000); tuning9 0.987 / 0.961 -> 0.987 / 0.965
# (obfuscated recall 0.923 -> 1.000)
OPENED_FLOORS |= {OPENED_12: (0.98, 0.965), OPENED_7: (0.98, 0.965)}
OPENED_KIND_FLOORS.setdefault(OPENED_12, {}).update(
    {kind: (0.98, 0.98) for kind in ("obfuscated", "figurative")}
)
OPENED_KIND_FLOORS.setdefault(OPENED_7, {}).update({"cross-sentence": (0.98, 0.98)})
TUNING_FLOORS[TUNING_9] |= {"all": (0.96, 0.955), "obfuscated": (0.98, 0.98)}
# Then "only one woman", "only one of the two" after a named pair: opened12 0.996 / 0.979
# (cross-sentence recall 0.952 -> 1.000)
OPENED_FLOORS[OPENED_12] = (0.98, 0.97)
OPENED_KIND_FLOORS[OPENED_12] |= {"cross-sentence": (0.98, 0.98)}
# Round 17, who is meant (a surname split or punned with hyphens, namesake pointers such as
# "the guy with my name" and "name twin", a role's place said as "its"): opened6 0.991 /
# 0.987 -> 0.991 / 0.996 (namesake recall 0.933 -> 1.000, history 0.857 -> 0.929);
# opened7 0.996 / 0.980 -> 0.996 / 0.984 (namesake 0.941 -> 1.000); opened12 0.996 / 0.983
# -> 0.996 / 0.988 (lookalike 0.933 -> 1.000)
OPENED_FLOORS |= {OPENED_6: (0.98, 0.98), OPENED_7: (0.98, 0.97), OPENED_12: (0.98, 0.975)}
OPENED_KIND_FLOORS.setdefault(OPENED_6, {}).update(
    {"namesake": (0.98, 0.98), "history": (0.98, 0.91)}
)
OPENED_KIND_FLOORS.setdefault(OPENED_7, {}).update({"namesake": (0.98, 0.98)})
OPENED_KIND_FLOORS[OPENED_12] |= {"lookalike": (0.98, 0.98)}
# Held-out set 13, opened for tuning in round 13 (its floor as a held-out set; unseen,
# rounds 10 to 12 measured 0.991 / 0.927 to 0.995 / 0.927)
OPENED_FLOORS |= {OPENED_13: (0.975, 0.90)}
# Held-out set 14, opened for tuning in round 14 (its floor as a held-out set; unseen,
# rounds 10 to 13 measured 0.984 / 0.943 to 0.988 / 0.943)
OPENED_FLOORS |= {OPENED_14: (0.975, 0.93)}
# Round 14, precision (branch guard34fp): another explosion (season 1's launch pad), another
# work's character ("Halt and Catch Fire's Gordon"), "going out on live TV": opened14
# 0.988 / 0.943 -> 1.000 / 0.943 (history, other-show precision 0.923 -> 1.000, plain
# 0.952 -> 1.000)
OPENED_FLOORS[OPENED_14] = (0.98, 0.93)
OPENED_KIND_FLOORS.setdefault(OPENED_14, {}).update(
    {"history": (0.98, 0.85), "other-show": (0.98, 0.98), "plain": (0.98, 0.98)}
)
# Round 13, who is meant (branch guard30who): a killing denied is the cosmonaut spared, "our
# Tracy" after Tracy Chapman, roles by a job and the show's world ("the fusion tech bro", the
# Pathfinder commander's crewmate), "only one of them is still around by season 3", Japanese
# 最期 and の死, Spanish "es un crack" as praise: opened13 0.995 / 0.927 -> 1.000 / 0.953
# (role 0.905 -> 1.000, multilingual 0.947 -> 1.000, cross-sentence 0.950 -> 1.000, slang
# precision 0.952 -> 1.000, namesake and other-show 0.846 -> 0.923); less about 0.015, capped
OPENED_FLOORS |= {OPENED_13: (0.98, 0.935)}
OPENED_KIND_FLOORS.setdefault(OPENED_13, {}).update(
    {kind: (0.98, 0.98) for kind in ("role", "multilingual", "cross-sentence", "slang")}
)
# Round 13, structures (branch guard29struct): six structures opened13 showed (a fate
# emoji dedicated "for" someone, a counterfactual, "and not" after the fate, a negated fate
# compared "like" one of ours, a question judging the fate, an arrow between episodes):
# opened13 0.995 / 0.927 -> 0.996 / 0.957; opened7 0.996 / 0.984 -> 0.996 / 0.988 (arrow)
OPENED_FLOORS |= {OPENED_13: (0.98, 0.95), OPENED_7: (0.98, 0.975)}
# Both halves of round 13 merged: opened13 1.000 / 0.983 (229 of 233 caught)
OPENED_FLOORS[OPENED_13] = (0.98, 0.97)
# Round 14, recall (branch guard33fit): seven classes opened14 showed (spaced leetspeak,
# a leetspeak word shaped like an episode code, an episode given its title by "named", the
# visit at Pam's door in every language, "has him out the door", a figure corrected to the
# show's event, a non-finale episode denied and corrected to the finale): opened14
# 0.988 / 0.943 -> 0.988 / 0.969 (cross-sentence 0.955, multilingual 0.974, obfuscated
# 0.900 -> 1.000); less about 0.015, capped
OPENED_FLOORS[OPENED_14] = (0.98, 0.955)
OPENED_KIND_FLOORS.setdefault(OPENED_14, {}).update(
    {kind: (0.98, 0.98) for kind in ("cross-sentence", "multilingual", "obfuscated")}
)
# Held-out sets 17 and 18, opened for tuning in round 15 (their floors as held-out sets;
# unseen, holdout17 measured 0.969 / 0.927 on rounds 13 and 14, holdout18 0.994 / 0.918 on
# round 14)
OPENED_FLOORS |= {OPENED_17: (0.96, 0.92), OPENED_18: (0.98, 0.90)}
# Round 15, who is meant and across sentences (r15who): 0.969 / 0.927 -> 0.970 / 0.941 and
# 0.994 / 0.918 -> 0.995 / 0.939; the floors a little under
OPENED_FLOORS |= {OPENED_17: (0.96, 0.935), OPENED_18: (0.98, 0.93)}
# Round 15, what is said (tests/test_guard_round15_what.py: burial with its object between,
# lasting until the finale, the finale taking one of ours, emoji in place of a noun, a
# passive sale, Romeo and Juliet as a hint, Ellen's choice, German verb-final forms, French
# "met à la porte"): opened17 0.969 / 0.927 -> 0.970 / 0.951, opened18 0.994 / 0.918 ->
# 0.995 / 0.949, opened3 recall 1.000 ("the finale takes Gordo and Tracy")
OPENED_FLOORS |= {OPENED_17: (0.96, 0.94), OPENED_18: (0.98, 0.94), OPENED_3: (0.98, 0.99)}
# Both halves of round 15 merged: opened17 0.971 / 0.966, opened18 0.995 / 0.964
OPENED_FLOORS |= {OPENED_17: (0.96, 0.955), OPENED_18: (0.98, 0.955)}
# Round 15, precision (tests/test_guard_round15_precision.py: a figure echoed, a title or a
# pet before or after a name, a real person's death after the story's last year, a
# later season's event, praise by a fate word, an episode's apposition): opened17 0.969 ->
# 1.000, opened18 0.994 -> 1.000 precision, recall unchanged (0.927, 0.918); opened12
# 0.996 -> 1.000, tuning9 0.987 -> 0.996
OPENED_FLOORS |= {OPENED_17: (0.99, 0.92), OPENED_18: (0.99, 0.91)}
OPENED_FLOORS[OPENED_12] = (0.99, 0.97)
TUNING_FLOORS[TUNING_9] |= {"all": (0.985, 0.955)}
# Tuning part 10 (round 15), first read after round 15's fitting to opened17/18: 0.994 / 0.858
TUNING_FLOORS[TUNING_10] = {"all": (0.99, 0.85)}
# Round 15b, what is said (tests/test_guard_round15b_what.py: the Sea Dragon brought down,
# Danny sent to live alone at the North Korean craft, JSC and the astronaut office named in
# full in es/fr/it/pt/de roles): tuning10 0.994 / 0.858 -> 0.994 / 0.879
TUNING_FLOORS[TUNING_10] = {"all": (0.99, 0.87)}
# Round 15b (who): Pam named by her work ("the poet", "tends bar at the Outpost"):
# tuning10 0.994 / 0.863, tuning9 0.996 / 0.974
TUNING_FLOORS[TUNING_10] |= {"all": (0.99, 0.86)}
TUNING_FLOORS[TUNING_9] |= {"all": (0.985, 0.965)}
# Both halves of round 15b: tuning10 0.994 / 0.884
TUNING_FLOORS[TUNING_10] |= {"all": (0.99, 0.875)}
# All of round 15 merged: opened17 1.000 / 0.966, opened18 1.000 / 0.964
OPENED_FLOORS |= {OPENED_17: (0.99, 0.955), OPENED_18: (0.99, 0.955)}
# Round 15c, what is said (tests/test_guard_round15c_what.py: a negated walk back, the Moon as
# the taker, gestures for an arrest, a sparing and a drawn gun, "had beaten her there", the
# birth on the Phoenix in emoji): tuning10 0.994 / 0.884 -> 0.994 / 0.905, opened17 1.000 /
# 0.966 -> 1.000 / 0.971
TUNING_FLOORS[TUNING_10] |= {"all": (0.99, 0.895)}
OPENED_FLOORS[OPENED_17] = (0.99, 0.965)
# Round 15c, second step: going home denied as being allowed to ("neither ... gets to go
# home"), a fate said alone then names with their episode ("DYING. Gordo and Tracy in
# 2x10."): tuning10 0.994 / 0.905 -> 0.994 / 0.916
TUNING_FLOORS[TUNING_10] |= {"all": (0.99, 0.905)}
# Round 15c, across sentences (tests/test_guard_round15c_cross.py: a character "called in
# on" or called is ours for a later "she"; a subject left out after "el"/"la" read as
# articles): tuning10 0.994 / 0.884 -> 0.994 / 0.889
TUNING_FLOORS[TUNING_10] |= {"all": (0.99, 0.88)}
# Round 15c: "they" pointing at a crowd named before ("the Mars crew's choice ... They settle
# in to wait for a rescue"): tuning10 0.994 / 0.889 -> 0.994 / 0.895 (cross-sentence 0.762 ->
# 0.786)
TUNING_FLOORS[TUNING_10] |= {"all": (0.99, 0.885)}
# Both halves of round 15c: tuning10 0.994 / 0.926
TUNING_FLOORS[TUNING_10] |= {"all": (0.99, 0.915)}
# Held-out set 19, opened for tuning in round 15d (its floor as a held-out set; unseen,
# rounds 14 to 15c measured 0.972 / 0.921 to 0.973 / 0.927)
OPENED_FLOORS |= {OPENED_19: (0.96, 0.90)}
# Round 15d, who (a wish granted across a colon: "she got her wish: breathing her last in
# gordo's arms"): opened19 0.973 / 0.927 -> 0.973 / 0.932
# Round 15d, what is said (a desire's named topic, "the last thing they ever do", the dubbed
# asteroid, "dye" for die; a talk survived, "killing Margo and me", the landslide's burial,
# "morri"): opened19 0.973 / 0.927 -> 0.995 / 0.948
# Both halves of round 15d: opened19 0.995 / 0.953
OPENED_FLOORS |= {OPENED_19: (0.99, 0.94)}
# Round 15e (boots on Mars with season 3's ships and crew, "the girl from the bar", not
# living to a season's end in ru/es/pt/it/fr, Ed who "finally gets to go home"): opened19
# 0.995 / 0.953 -> 1.000 / 0.969; old-holdout 1.000 / 0.967 -> 1.000 / 0.984
OPENED_FLOORS |= {OPENED_19: (0.995, 0.96)}
# Tuning part 11 (written before round 16b; first read by round 15's final guard, with the
# fix for a read that raised: 0.981 / 0.928)
TUNING_FLOORS[TUNING_11] = {"all": (0.97, 0.91)}
# Held-out set 20, opened for tuning in round 16 (its floor as a held-out set; unseen,
# rounds 15b to 15e measured 0.969 / 0.913)
OPENED_FLOORS |= {OPENED_20: (0.955, 0.89)}
# Round 16, precision (tests/test_guard_round16_precision.py: "in reality" sets a real person
# aside, comparisons with deaths in general, the last moments of an episode named by title,
# "no one to go home to", killings of real people, a killing's named object owns it):
# opened20 0.969 / 0.913 -> 1.000 / 0.913
OPENED_FLOORS |= {OPENED_20: (0.995, 0.905)}
# Round 16, what is said (a sale as a letting go, the President at Pam's door, Jamestown
# handed over to Ellen "solo", "uber to phoenix", a "one-way ticket West", "morre mesmo??",
# "んだっけ？", "defies her orders", the injuries that "finish him"): opened20 0.969 / 0.913
# -> 0.970 / 0.956
OPENED_FLOORS |= {OPENED_20: (0.965, 0.95)}
# Round 16, what is said: Portuguese "histórico"/"historicamente" as written (their stem is
# "história", the story: "la historia salta a 1995"): opened20 0.970 / 0.956 -> 0.971 / 0.961
OPENED_FLOORS |= {OPENED_20: (0.965, 0.955)}
# Round 16, what is said: "actual"/"real" right after the writer as an object ("gave me
# actual chills") heightens a reaction, it is no history (judge.py): opened20 0.971 / 0.961
# -> 0.971 / 0.966
OPENED_FLOORS |= {OPENED_20: (0.965, 0.96)}
# Both halves merged (precision and what is said)
# Round 16, who (tests/test_guard_round16_who.py: a rank before a relation's owner, "Жена
# командира Болдуина"; relations listed, "Kelly's mom and Danny's mom"; Deke who "runs the
# astronaut office"; a German particle ending a clause; "his own side's rocket", "the
# President at her door", "shown him the door", "defies her orders"; "gone by the end of
# s3"; the show's Deke who "never gets home"): opened20 0.969 / 0.913 -> 0.970 / 0.956
OPENED_FLOORS |= {OPENED_20: (0.965, 0.945)}
# All three halves merged (precision, what is said, who): opened20 1.000 / 0.995
OPENED_FLOORS |= {OPENED_20: (0.995, 0.99)}
# The kinds tuning4 is written for: the ways of saying what happened
WHAT_KINDS = {"slang", "multilingual", "question", "figurative", "obfuscated", "markup"}
WHAT_KINDS |= {"lookalike"}


@pytest.mark.parametrize("path", [TUNING, TUNING_2], ids=lambda p: p.stem)
def test_the_tuning_parts_are_big_and_cover_every_kind(path: Path) -> None:
    messages = corpus(path)
    assert len(messages) >= 700
    assert {str(m["kind"]) for m in messages} == KINDS
    texts = [str(m["text"]) for m in messages]
    assert len(set(texts)) == len(texts), "no duplicate messages"


def test_the_third_tuning_part_covers_the_kinds_about_who_is_meant() -> None:
    messages = corpus(TUNING_3)
    assert len(messages) >= 300
    assert {str(m["kind"]) for m in messages} == WHO_KINDS
    texts = [str(m["text"]) for m in messages]
    assert len(set(texts)) == len(texts), "no duplicate messages"
    spoilers = sum(bool(m["spoiler"]) for m in messages)
    assert 0.35 <= spoilers / len(messages) <= 0.65


def test_the_fourth_tuning_part_covers_the_ways_of_saying_what_happened() -> None:
    messages = corpus(TUNING_4)
    assert len(messages) >= 300
    assert {str(m["kind"]) for m in messages} == WHAT_KINDS
    texts = [str(m["text"]) for m in messages]
    assert len(set(texts)) == len(texts), "no duplicate messages"
    earlier = {str(m["text"]) for path in (TUNING, TUNING_2) for m in corpus(path)}
    assert not earlier & set(texts), "no message of the earlier tuning parts"
    spoilers = sum(bool(m["spoiler"]) for m in messages)
    assert 0.4 <= spoilers / len(messages) <= 0.6


@pytest.mark.parametrize(
    ("path", "kind"),
    [(path, kind) for path, floors in TUNING_FLOORS.items() for kind in sorted(floors)],
    ids=lambda x: x.stem if isinstance(x, Path) else x,
)
def test_tuning_part_floors(path: Path, kind: str) -> None:
    result = score_by_kind(path)[kind]
    precision, recall = TUNING_FLOORS[path][kind]
    assert result.precision >= precision, result.false_positives
    assert result.recall >= recall, result.false_negatives


@pytest.mark.parametrize("path", sorted(OPENED_FLOORS), ids=lambda p: p.stem)
def test_opened_sets(path: Path) -> None:
    overall = score(path)
    precision, recall = OPENED_FLOORS[path]
    assert overall.precision >= precision, overall.false_positives
    assert overall.recall >= recall, overall.false_negatives


@pytest.mark.parametrize(
    ("path", "kind"),
    [(path, kind) for path, floors in OPENED_KIND_FLOORS.items() for kind in sorted(floors)],
    ids=lambda x: x.stem if isinstance(x, Path) else x,
)
def test_opened_sets_per_kind(path: Path, kind: str) -> None:
    result = score_by_kind(path)[kind]
    precision, recall = OPENED_KIND_FLOORS[path][kind]
    assert result.precision >= precision, result.false_positives
    assert result.recall >= recall, result.false_negatives


def test_the_first_corpus_still_does_well() -> None:
    """The first corpus (332 messages, 2026-11) stays a regression test."""
    result = score(OLD)
    assert result.precision >= 0.98, result.false_positives
    assert result.recall >= 0.97, result.false_negatives


def test_the_first_held_out_corpus_still_does_well() -> None:
    """The first held-out corpus (120 messages) stays a regression test."""
    result = score(OLD_HOLDOUT)
    assert result.precision >= 0.98, result.false_positives
    assert result.recall >= 0.975, result.false_negatives  # round 15e: 0.984


# Held-out parts: nothing was ever fitted to them; only the lead scores them, after a
# round of matcher changes. Floors sit a little under the figures measured then
# (docs/spoiler-guard-figures.md). Failures report figures only, never the messages, so whoever
# works on the matcher does not see them.
HELD_OUT_FLOORS = {
    HOLDOUT_15: (0.975, 0.94),  # written before round 12; round 11c: 0.990/0.953
    HOLDOUT_16: (0.975, 0.95),  # written after round 13; round 13: 0.986/0.967
    HOLDOUT_21: (0.97, 0.91),  # written after round 15e; round 15e: 0.985/0.930
    HOLDOUT_22: (0.97, 0.95),  # written before round 16; round 15e: 0.985/0.971
}


@pytest.mark.parametrize("path", sorted(HELD_OUT_FLOORS), ids=lambda p: p.stem)
def test_held_out_messages(path: Path) -> None:
    overall = score_by_kind(path)["all"]
    assert overall.size >= 300
    precision, recall = HELD_OUT_FLOORS[path]
    figures = f"precision {overall.precision:.3f}, recall {overall.recall:.3f}"
    assert overall.precision >= precision, figures
    assert overall.recall >= recall, figures
