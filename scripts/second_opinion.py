"""An experiment, not shipped: would a learned second opinion add recall to the spoiler
guard on messages it was not fitted to, without losing precision? (docs/spoiler-guard-rounds.md,
"A learned second opinion (tried)": it was not integrated.)

The model: a logistic regression (pure Python, AdaGrad steps, L2) over hashed features
of a message: its normalised words (the guard's own tokens) and word pairs, character
4-grams, and what the rules read in it (each kind of word found, which characters, which
finale-fated characters, the rules' score band and how their best evidence connected).
It is asked only where the rules named a finale-fated character (by name, a one-word
role, or a thing of their finale) and did not tag.

The protocol: leave one opened corpus out, train on every other corpus in
``tests.guard_accuracy.CORPORA`` (never a held-out set), score the left-out one with the
rules alone and with rules OR (model >= T, where asked). T is chosen inside the training
corpora only: the lowest T on a grid whose out-of-fold figures (4 folds by corpus) keep
the combined precision >= 0.99 (``--strict``: keep the precision of the model's own
additions >= 0.9).

    .venv/bin/python scripts/second_opinion.py [--show] [--strict] [--only opened12]
    .venv/bin/python scripts/second_opinion.py --at 20ac1ec --only opened11

``--at COMMIT``: the rules as they were at that commit (exported with ``git archive``
into a temporary folder), so the left-out set is one they had not been fitted to: the
commit before a held-out set was opened for tuning. Features and training are this
file's either way; only the rules' reading differs.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import pickle
import random
import subprocess
import sys
import tempfile
import tomllib
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if "FAMBOT_RULES_AT" not in os.environ:
    sys.path.append(str(ROOT))  # the tests package; an export on PYTHONPATH goes first

Matcher = Any  # bot.guard.judge.Matcher of whichever commit is read
Verdict = Any
_Sentence = Any


BITS = 20
MASK = (1 << BITS) - 1
_SKIP_KEYS = frozenset({"name", "role"})  # said as who was named, below


@dataclass(frozen=True)
class Named:
    """A finale-fated character the rules saw named, and the sentence they first appear."""

    person: str
    sentence: int
    words: str


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & MASK


def named(matcher: Matcher, read: Sequence[_Sentence]) -> list[Named]:
    """The finale-fated characters named (by name, role, or a thing of their finale), in
    the order of first mention."""
    people = matcher.people
    seen: dict[str, Named] = {}
    for s in read:
        for f in s.found:
            if f.category == "name":
                persons: Iterable[str] = (people[int(f.key)].id,)
            elif f.category == "role":
                index, role, _ = map(int, f.key.split(":"))
                if len(people[index].roles[role].words) != 1:
                    continue  # one word of a longer role ("guy" of "Karen's guy")
                persons = (people[index].id,)
            elif f.category == "thing":
                persons = {
                    p for i in matcher._by_thing.get(f.key, ()) for p in matcher.rules[i].persons
                }
            else:
                continue
            for person in persons:
                if person in matcher._by_person and person not in seen:
                    said = " ".join(w.text for w in s.words[f.start : f.end])
                    seen[person] = Named(person, s.index, said)
    return list(seen.values())


def features(
    matcher: Matcher, read: Sequence[_Sentence], verdict: Verdict, who: Sequence[Named]
) -> list[str]:
    """What the model reads of a message, as feature names (hashed by ``indices``)."""
    out = ["bias"]
    add = out.append
    people = matcher.people
    words: list[str] = []
    for s in read:
        if words:
            words.append("|")
        words.extend(w.text for w in s.words)
        for f in s.found:
            if f.category == "name":
                add("who:" + people[int(f.key)].id)
            elif f.category not in _SKIP_KEYS:
                add(f"f:{f.category}:{f.key}")
            add("cat:" + f.category)
    for k, w in enumerate(words):
        if w == "|":
            continue
        add("w:" + w)
        if k + 1 < len(words):
            add(f"b:{w} {words[k + 1]}")
    joined = " " + " ".join(w for w in words if w != "|") + " "
    for k in range(len(joined) - 3):
        add("c:" + joined[k : k + 4])
    for n in who:
        add("fated:" + n.person)
    add(f"fated-count:{min(len(who), 3)}")
    score = verdict.score
    add(
        "rule:"
        + ("none" if score == 0 else "low" if score < 0.35 else "band" if score < 0.6 else "tag")
    )
    if verdict.evidence:
        add("rule-how:" + verdict.evidence[0].how)
    return out


def indices(names: Iterable[str]) -> list[int]:
    """Each feature's bucket, once (a message's features count as present or not)."""
    return sorted({_hash(n) for n in names})


EPOCHS = 8
RATE = 0.2
L2 = 1e-5
SEED = 16
TARGET = 0.99
ADDED = 0.9  # --strict: the precision of the model's own additions, out of fold
GRID = [round(0.5 + 0.01 * k, 2) for k in range(50)]  # 0.50 .. 0.99
# buckets, spoiler, corpus, kind, rules tag it, model asked, text
Sample = tuple[list[int], bool, str, str, bool, bool, str]
Row = tuple[bool, bool, bool, str]  # rules tag, combined tags, spoiler, kind
SAMPLES: list[Sample] = []
STRICT = False


def featurise(corpora: dict[str, Path]) -> list[Sample]:
    """Every message of the corpora, read by the rules importable here."""
    from bot.guard.layout import layout, sentences
    from tests.guard_accuracy import default_matcher

    matcher = default_matcher()
    out: list[Sample] = []
    for name, path in corpora.items():
        for message in tomllib.loads(path.read_text(encoding="utf-8"))["message"]:
            text = str(message["text"])
            page = layout(text)
            read = matcher.read(page, sentences(page))
            verdict = matcher.inspect(text)
            who = named(matcher, read)
            buckets = indices(features(matcher, read, verdict, who))
            kind = str(message.get("kind", "old"))
            spoiler = bool(message["spoiler"])
            out.append((buckets, spoiler, name, kind, bool(verdict), bool(who), text))
    return out


def featurise_at(commit: str, corpora: dict[str, Path]) -> list[Sample]:
    """The same, with the rules (code and canon data) of an older commit."""
    parts = ["bot", "data", "tests/__init__.py", "tests/shipped.py", "tests/guard_accuracy.py"]
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "archive", commit, *parts], cwd=ROOT, check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        out = Path(folder) / "samples.pickle"
        environment = os.environ | {"PYTHONPATH": folder, "FAMBOT_RULES_AT": commit}
        paths = json.dumps({n: str(p) for n, p in corpora.items()})
        subprocess.run(
            [sys.executable, __file__, "--featurise-to", str(out), "--corpora", paths],
            env=environment,
            check=True,
        )
        with out.open("rb") as file:
            samples: list[Sample] = pickle.load(file)
    return samples


def train(samples: Sequence[Sample], epochs: int = EPOCHS, seed: int = SEED) -> dict[int, float]:
    """Logistic regression by stochastic gradient descent with AdaGrad steps and L2
    decay on the weights a message touches; the same samples give the same weights."""
    weights: dict[int, float] = {}
    squares: dict[int, float] = {}
    order = list(range(len(samples)))
    shuffle = random.Random(seed).shuffle
    for _ in range(epochs):
        shuffle(order)
        for i in order:
            buckets, label = samples[i][0], samples[i][1]
            g = probability(weights, buckets) - (1.0 if label else 0.0)
            for b in buckets:
                w = weights.get(b, 0.0)
                grad = g + L2 * w
                square = squares.get(b, 0.0) + grad * grad
                squares[b] = square
                weights[b] = w - RATE * grad / math.sqrt(square + 1e-8)
    return weights


def probability(weights: dict[int, float], buckets: Iterable[int]) -> float:
    z = sum(weights.get(b, 0.0) for b in buckets)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _counts(rows: Iterable[tuple[bool, bool]]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for flag, spoiler in rows:
        tp += flag and spoiler
        fp += flag and not spoiler
        fn += spoiler and not flag
    return tp, fp, fn


def _pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def combined(samples: Sequence[Sample], probs: Sequence[float], t: float) -> list[bool]:
    return [s[4] or (s[5] and p >= t) for s, p in zip(samples, probs, strict=True)]


def choose(rows: list[Sample]) -> float:
    """T from out-of-fold probabilities over the training corpora (4 folds by corpus)."""
    fold_of = {n: k % 4 for k, n in enumerate(sorted({s[2] for s in rows}))}
    probs = [0.0] * len(rows)
    for fold in range(4):
        weights = train([s for s in rows if fold_of[s[2]] != fold])
        for i, s in enumerate(rows):
            if fold_of[s[2]] == fold:
                probs[i] = probability(weights, s[0])
    for t in GRID:
        flags = combined(rows, probs, t)
        if STRICT:
            added = [s[1] for f, s in zip(flags, rows, strict=True) if f and not s[4]]
            if sum(added) >= ADDED * len(added):
                return t
        elif _pr(*_counts((f, s[1]) for f, s in zip(flags, rows, strict=True)))[0] >= TARGET:
            return t
    return 1.01  # never


def fold(name: str) -> tuple[str, float, list[Row], list[str]]:
    """One left-out corpus: T, each message's verdicts, and what the model added."""
    rows = [s for s in SAMPLES if s[2] != name]
    left_out = [s for s in SAMPLES if s[2] == name]
    t = choose(rows)
    weights = train(rows)
    probs = [probability(weights, s[0]) for s in left_out]
    flags = combined(left_out, probs, t)
    added = [
        f"{'tp' if s[1] else 'FP'} {p:.2f} {s[6]!r}"
        for s, p, f in zip(left_out, probs, flags, strict=True)
        if f and not s[4]
    ]
    return name, t, [(s[4], f, s[1], s[3]) for s, f in zip(left_out, flags, strict=True)], added


def _line(label: str, rows: Sequence[Row], t: str = "") -> str:
    rules = _counts((r, s) for r, _, s, _ in rows)
    both = _counts((f, s) for _, f, s, _ in rows)
    (p0, r0), (p1, r1) = _pr(*rules), _pr(*both)
    added_tp = sum(1 for r, f, s, _ in rows if f and not r and s)
    added_fp = sum(1 for r, f, s, _ in rows if f and not r and not s)
    return (
        f"{label:16} {t:>5} {len(rows):5}  {p0:.4f} {r0:.4f}  {p1:.4f} {r1:.4f}"
        f"  {added_tp:3}/{added_fp:<3} {p1 - p0:+.4f} {r1 - r0:+.4f}"
    )


def main() -> None:
    global STRICT
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="left-out corpora (default: every opened*)")
    parser.add_argument("--strict", action="store_true", help=f"T: additions >= {ADDED}")
    parser.add_argument("--show", action="store_true", help="list what the model adds")
    parser.add_argument("--at", help="read with the rules of this commit")
    parser.add_argument("--featurise-to", help=argparse.SUPPRESS)
    parser.add_argument("--corpora", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.featurise_to:  # the child of --at, with that commit's rules
        corpora = {n: Path(p) for n, p in json.loads(arguments.corpora).items()}
        with open(arguments.featurise_to, "wb") as file:
            pickle.dump(featurise(corpora), file)
        return
    from tests.guard_accuracy import CORPORA

    STRICT = arguments.strict
    corpora = dict(CORPORA)
    SAMPLES.extend(featurise_at(arguments.at, corpora) if arguments.at else featurise(corpora))
    left_out = arguments.only or [n for n in CORPORA if n.startswith("opened")]
    with multiprocessing.get_context("fork").Pool(arguments.jobs) as pool:
        results = pool.map(fold, left_out)
    head = "   n  rules P   rules R   +model P +model R  added tp/fp  dP      dR"
    print(f"{'left out':16} {'T':>5}  {head}")
    by_kind: dict[str, list[Row]] = defaultdict(list)
    for name, t, rows, added in results:
        if arguments.show:
            print("\n".join(f"  {name}: {a}" for a in added))
        print(_line(name, rows, f"{t:.2f}"))
        for row in rows:
            by_kind[row[3]].append(row)
            by_kind["ALL"].append(row)
    print(f"\n{'pooled, by kind':16} {'':>5}  {head}")
    for kind in sorted(by_kind, key=lambda k: (k == "ALL", k)):
        print(_line(kind, by_kind[kind]))


if __name__ == "__main__":
    main()
