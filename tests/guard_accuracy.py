"""The spoiler guard's precision and recall on the labelled corpus.

    .venv/bin/python -m tests.guard_accuracy [--show]

The corpus (tests/guard_corpus.toml) holds realistic member messages, each labelled
with whether it spoils a season finale as a reader sees it. The guard is run with the
rules a server gets by default (finale details tagged, no embargo, no extra terms).
"""

from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass
from pathlib import Path

from bot.canon.content import load_content
from bot.guard import compile_rules, inspect
from bot.settings import DEFAULT_CONTENT_DIR
from bot.spoilers.policy import PUBLIC, Exposure, exposure

CORPUS = Path(__file__).resolve().parent / "guard_corpus.toml"
# Written later, by someone who saw neither the rules nor the first corpus, and never
# used to tune the rules: a fair estimate of how the guard does on new messages.
HOLDOUT = Path(__file__).resolve().parent / "guard_corpus_holdout.toml"


@dataclass(frozen=True)
class Scores:
    true_positives: list[str]
    false_positives: list[str]
    false_negatives: list[str]
    true_negatives: int

    @property
    def precision(self) -> float:
        found = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / found if found else 1.0

    @property
    def recall(self) -> float:
        spoilers = len(self.true_positives) + len(self.false_negatives)
        return len(self.true_positives) / spoilers if spoilers else 1.0


def corpus(path: Path = CORPUS) -> list[dict[str, object]]:
    return list(tomllib.loads(path.read_text())["message"])


def score(path: Path = CORPUS) -> Scores:
    bundle = load_content(DEFAULT_CONTENT_DIR)
    active = [r for r in bundle.guard_rules if exposure(r.reveal, PUBLIC) is not Exposure.SHOW]
    matcher = compile_rules(active, idioms=bundle.guard_idioms)
    tp: list[str] = []
    fp: list[str] = []
    fn: list[str] = []
    tn = 0
    for message in corpus(path):
        text = str(message["text"])
        flagged = bool(inspect(text, matcher))
        if message["spoiler"]:
            (tp if flagged else fn).append(text)
        elif flagged:
            fp.append(text)
        else:
            tn += 1
    return Scores(tp, fp, fn, tn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="list the misclassified messages")
    parser.add_argument("--holdout", action="store_true", help="score the held-out corpus")
    arguments = parser.parse_args()
    result = score(HOLDOUT if arguments.holdout else CORPUS)
    total = len(result.true_positives) + len(result.false_negatives)
    print(
        f"messages: {total + len(result.false_positives) + result.true_negatives}, "
        f"spoilers: {total}"
    )
    print(f"precision: {result.precision:.3f} ({len(result.false_positives)} false alarms)")
    print(f"recall:    {result.recall:.3f} ({len(result.false_negatives)} missed)")
    if arguments.show:
        for label, texts in (
            ("false alarm", result.false_positives),
            ("missed", result.false_negatives),
        ):
            for text in texts:
                print(f"  {label}: {text!r}")


if __name__ == "__main__":
    main()
