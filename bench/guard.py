"""The spoiler guard's throughput, and what each stage costs.

    .venv/bin/python -m bench.guard [--seconds 3]

Runs on one core (CPU time of this process, so other work on the machine does not
count against it) over the tuning corpus (tests/corpus/tuning.toml, 912 messages) with
the rules a server gets by default plus 1,000 extra server terms, and prints messages a
second for the whole guard and microseconds per message for each stage:

- read: Discord's markdown (spoilers, code, links, escapes) and sentence splitting;
- normalise: invisible characters, NFKC, case, confusables, leetspeak, spelled letters;
- names: recognising characters (names in every script, with typo tolerance);
- fates: recognising outcome words, grammar and rule phrases (the same trie walk as
  names in the real guard; timed apart here to show each one's share);
- associate + score: who goes with what, negation, figures of speech, the score.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bot.canon.content import load_content
from bot.guard import compile_rules, inspect, tag_finding
from bot.guard.layout import layout, readable, sentences
from bot.guard.lexicon import Lexicon
from bot.guard.normalise import tokens
from bot.guard.vocabulary import compile_vocabulary
from bot.settings import DEFAULT_CONTENT_DIR

ROOT = Path(__file__).resolve().parent.parent
TARGET = 5000  # messages a second, one core, shipped rules + 1,000 server terms


def _messages() -> list[str]:
    corpus = ROOT / "tests" / "corpus" / "tuning.toml"
    return [str(m["text"]) for m in tomllib.loads(corpus.read_text("utf-8"))["message"]]


def _rate(texts: list[str], work: Callable[[str], object], seconds: float) -> float:
    """Messages a second: the best of several passes over the corpus, as benchmarks do
    (a pass slowed by other work on the machine says nothing about the guard)."""
    best = 0.0
    finish = time.process_time() + seconds
    while not best or time.process_time() < finish:  # one pass at least
        started = time.process_time()
        for text in texts:
            work(text)
        best = max(best, len(texts) / max(time.process_time() - started, 1e-9))
    return best


def _flood(piece: str, length: int = 4000) -> str:
    """``piece`` over and over, cut at ``length`` characters."""
    return (piece * (length // len(piece) + 1))[:length]


def _fresh_words(count: int, seed: int = 5) -> str:
    """Words nobody has written before (each read, and searched for typos, once)."""
    chooser = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ("".join(chooser.choices(letters, k=chooser.randint(3, 9))) for _ in range(count))
    return " ".join(words)[:4000]


# Hostile messages at Discord's longest (4,000 characters): floods of markers, drawn-out
# letters, flag letters, one endless word, one endless sentence, runs of round 13's
# constructions; then (round 14's bound) floods of every kind of markup, spoilers inside
# floods, many sentences, many names and outcomes, emoji, other scripts and fresh words.
# The slowest of these is how long one message keeps the guard's reader thread busy (a
# long message is read off the event loop: cogs/spoilers/_judge.py).
HOSTILE = (
    "*" * 4000,
    "_" * 4000,
    "aaabbb" * 666,
    "\U0001f1ec" * 2000,
    "a_b_" * 1000,
    "x" * 4000,
    "Gordo dies " * 363,
    "s\u01ddp op\u0279o\u2141 " * 363,
    "\u202e" + ".noom eht no seid odroG " * 160,
    ("tracy in 1x03 -> dead tracy in 2x10 " * 108)[:4000],
    ("our Gordo in s2 dies " * 190)[:4000],
    "\U0001faa6" * 999 + " for " + "Gordo " * 498,
    "*" * 2000 + " Gordo dies on the moon " + "*" * 1976,
    _flood("**Gordo dies** "),
    _flood("Gor**do di**es. "),
    _flood("__*~~"),
    _flood("["),
    _flood("<https://a"),
    _flood("[a](https://x"),
    _flood("> ||a\n"),
    _flood("> a _x\n"),  # a marker in a quote that never closes: read on past the block
    _flood("`a`. "),
    _flood("\\*"),
    _flood("|"),
    _flood("Gordo dies on the moon. ||a|| `b` [c](https://d.io) "),
    _flood("Gordo dies. "),
    _flood("Gordo, Tracy and Danny die. "),
    _flood("does Gordo die? "),
    _flood("\u26b0\ufe0f Gordo "),
    _flood("Gordo Tracy Karen Margo Ed Danny "),
    _flood("\u0413\u043e\u0440\u0434\u043e \u0443\u043c\u0438\u0440\u0430\u0435\u0442 "),
    _flood("\u30b4\u30fc\u30c9\u304c\u6b7b\u306c"),
    _flood("\uff27\uff4f\uff52\uff44\uff4f \uff44\uff49\uff45\uff53 "),
    _fresh_words(700),
)


def hostile_costs() -> list[float]:
    """The CPU time (ms) inspecting and tagging each of ``HOSTILE`` takes (read once, so
    its words are new to the matcher, as an attacker's would be)."""
    bundle = load_content(DEFAULT_CONTENT_DIR)
    shipped = [r for r in bundle.guard_rules if r.reveal.finale_detail]
    matcher = compile_rules(shipped, lexicon=bundle.guard_lexicon)
    inspect("warm", matcher)
    # What the process holds for good is frozen, as ``python -m bot`` does once started
    # (bot/app.py): a full collection landing in a read walks only what it made.
    gc.collect()
    gc.freeze()
    costs = []
    try:
        for text in HOSTILE:
            started = time.process_time()
            finding = inspect(text, matcher)
            if finding:
                tag_finding(finding)
            costs.append((time.process_time() - started) * 1000)
    finally:
        gc.unfreeze()
    return costs


def slowest_hostile() -> float:
    """The most CPU time (ms) inspecting and tagging one of ``HOSTILE`` takes."""
    return max(hostile_costs())


def measure(seconds: float = 2.0, messages: int | None = None) -> dict[str, float]:
    """Whole-guard rates (msg/s) and per-stage costs (µs a message); ``messages``: only
    the corpus's first so many (a smoke run: every stage, little work)."""
    texts = _messages()[:messages]
    bundle = load_content(DEFAULT_CONTENT_DIR)
    shipped = [r for r in bundle.guard_rules if r.reveal.finale_detail]
    chooser = random.Random(7)
    words = sorted({w for t in texts for w in t.lower().split() if w.isalpha()})
    terms = [" ".join(chooser.choices(words, k=2)) + f" x{n}" for n in range(1000)]
    lexicon = bundle.guard_lexicon
    plain = compile_rules(shipped, lexicon=lexicon)
    larger = compile_rules(shipped, terms, lexicon)

    pages = [(layout(t), t) for t in texts]
    read_texts = [[readable(p, s) for s in sentences(p)] for p, _ in pages]
    token_lists = [[tokens(r) for r in sentence] for sentence in read_texts]
    names = compile_vocabulary(Lexicon(people=lexicon.people))
    fates = compile_vocabulary(replace(lexicon, people=()))
    flat = [t for ts in token_lists for t in ts]

    def per_message(work: Callable[[], object]) -> float:
        best = float("inf")
        finish = time.process_time() + seconds / 2
        while best == float("inf") or time.process_time() < finish:  # one pass at least
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
        return best / len(texts) * 1e6

    def read_all() -> None:
        for text in texts:
            page = layout(text)
            for span in sentences(page):
                readable(page, span)

    def normalise_all() -> None:
        for sentence in read_texts:
            for text in sentence:
                tokens(text)

    def find_with(vocabulary: object) -> Callable[[], None]:
        def run() -> None:
            for words in flat:
                vocabulary.find(words)  # type: ignore[attr-defined]

        return run

    def recognise_all() -> None:  # the real single walk: read, normalise, recognise
        for text in texts:
            page = layout(text)
            larger.read(page, sentences(page))

    whole = per_message(lambda: [inspect(t, larger) for t in texts])
    reading = per_message(recognise_all)
    stages = {
        "read (µs/msg)": per_message(read_all),
        "normalise (µs/msg)": per_message(normalise_all),
        "recognise names (µs/msg)": per_message(find_with(names)),
        "recognise fates (µs/msg)": per_message(find_with(fates)),
    }
    stages["read + normalise + recognise, one walk (µs/msg)"] = reading
    stages["associate + score (µs/msg)"] = max(0.0, whole - reading)
    stages["whole guard (µs/msg)"] = whole
    return {
        f"shipped rules ({len(shipped)}) (msg/s)": _rate(
            texts, lambda t: inspect(t, plain), seconds
        ),
        "shipped + 1,000 server terms (msg/s)": _rate(texts, lambda t: inspect(t, larger), seconds),
        **stages,
        "slowest hostile message, 4,000 chars (ms)": slowest_hostile(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--hostile", action="store_true", help="each hostile message's cost")
    arguments = parser.parse_args()
    if arguments.hostile:
        for text, cost in zip(HOSTILE, hostile_costs(), strict=True):
            print(f"{cost:8.1f} ms  {text[:40]!r}")
        return
    figures = measure(arguments.seconds)
    for name, value in figures.items():
        print(f"{name:50} {value:10.1f}")
    rate = figures["shipped + 1,000 server terms (msg/s)"]
    verdict = "meets" if rate >= TARGET else "MISSES"
    print(f"target >= {TARGET} msg/s with 1,000 extra terms: {verdict}")


if __name__ == "__main__":
    main()
