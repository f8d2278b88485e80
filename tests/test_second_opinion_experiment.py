"""The learned-second-opinion experiment (scripts/second_opinion.py) stays runnable as the
guard changes: it reads the guard's internals (its reading of sentences, who is fated),
and docs/spoiler-guard-rounds.md quotes its figures. It ships nothing into the bot."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.guard_accuracy import CORPORA

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "second_opinion.py"


@pytest.fixture(scope="module")
def experiment() -> ModuleType:
    spec = importlib.util.spec_from_file_location("second_opinion_experiment", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_features_read_the_rules_and_the_words(experiment: ModuleType) -> None:
    samples = experiment.featurise({"tuning5": CORPORA["tuning5"]})
    assert len(samples) == 83
    asked = [s for s in samples if s[5]]  # a finale-fated character named
    assert asked and all(s[0] for s in samples)
    # the same message gives the same buckets
    assert experiment.featurise({"tuning5": CORPORA["tuning5"]})[0][0] == samples[0][0]


def test_training_is_deterministic_and_learns(experiment: ModuleType) -> None:
    samples = experiment.featurise({"tuning5": CORPORA["tuning5"]})
    first = experiment.train(samples, epochs=3)
    assert first == experiment.train(samples, epochs=3)
    right = sum(
        (experiment.probability(first, s[0]) >= 0.5) == s[1] for s in samples
    )  # fitted to them: most of its own training messages right
    assert right >= 0.9 * len(samples)
