"""``compile_rules`` hands back the matcher it compiled before for equal inputs: what it
keeps must never change a verdict, and anything different must compile anew."""

from __future__ import annotations

import dataclasses

from bot.canon.models import GuardRule
from bot.guard import COMPILED_KEPT, Lexicon, Matcher, compile_rules, inspect
from tests.finale_matcher import finale_rules
from tests.guard_accuracy import TUNING, corpus
from tests.shipped import shipped_content


def _finale() -> tuple[tuple[GuardRule, ...], Lexicon]:
    """The shipped finale rules and lexicon, read when a test runs (not at collection)."""
    return finale_rules(), shipped_content().guard_lexicon


def test_equal_inputs_share_one_matcher_and_any_difference_compiles_anew() -> None:
    rules, lexicon = _finale()
    shared = compile_rules(rules, (), lexicon)
    assert compile_rules(list(rules), [], dataclasses.replace(lexicon)) is shared
    different = [
        compile_rules(rules[1:], (), lexicon),
        compile_rules(rules, ("apollo 99",), lexicon),
        compile_rules(rules, (), lexicon, threshold=0.9),
        compile_rules(rules, (), dataclasses.replace(lexicon, idioms=(*lexicon.idioms, "x"))),
        compile_rules(rules, (), None),
    ]
    assert all(m is not shared for m in different)
    assert len({id(m) for m in different}) == len(different)
    assert different[2].threshold == 0.9
    assert [r.key for r in different[1].rules][-1] == "term:apollo 99"


def test_a_matcher_that_has_read_much_gives_the_verdicts_of_a_fresh_one() -> None:
    texts = [str(m["text"]) for m in corpus(TUNING)][:300]
    assert len(texts) == 300
    rules, lexicon = _finale()
    used = compile_rules(rules, (), lexicon)
    for text in texts:  # what it remembers of words now comes from all of these
        inspect(text, used)
    fresh = Matcher(rules, (), lexicon)
    for text in reversed(texts):
        expected, got = inspect(text, fresh), inspect(text, used)
        assert (got.score, got.evidence, got.sentences) == (
            expected.score,
            expected.evidence,
            expected.sentences,
        ), text
    assert any(inspect(t, used) for t in texts)  # the comparison covered spoilers too


def test_it_keeps_a_bounded_number() -> None:
    empty = Lexicon()
    first = compile_rules((), ("first",), empty)
    assert compile_rules((), ("first",), empty) is first
    for n in range(COMPILED_KEPT):
        compile_rules((), (f"term {n}",), empty)
    assert compile_rules((), ("first",), empty) is not first
