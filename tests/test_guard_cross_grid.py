"""Round 15's cross-sentence grid (tests/cross_grid.py): one finale fact spread over
several sentences or lines, by structure, every finale fate in each, with innocent
look-alikes written the same ways. Written from the fact sheet before the guard was run on
it; the structures that failed most were then mended by construction: the fate first and
the name after ("Buried on the moon. Who? Deke.", answers.py), and a yes/no question
answered ("does Karen survive s3? no.", "does Gordo die in the s2 finale? yep": asking.py,
ellipsis.py). What is left unmended is listed in LEFT, each with why."""

from __future__ import annotations

import pytest

from tests.cross_grid import GRID
from tests.finale_matcher import spoils

# spoilers the guard still misses, and why they were left
LEFT = {
    "Dev builds Helios from nothing. By the s3 finale he's pushed out of his own company.": (
        "a pronoun's ouster passive with a possessive object: the ousting reading "
        "(round 14) reads 'pushed out' as written of the company"
    ),
    "Ed and Karen, both at JSC? No. The latter dies in the bombing.": (
        "'the latter' is read as no pointer; it needs an ordered list of antecedents"
    ),
    "Sergei in s3. His release to the West at the end made me cry.": (
        "'release' as a noun is no outcome word: as a word for Sergei's fate it would "
        "catch every album, film and patch release"
    ),
}

SPOILERS = [(k, t) for k, (spoil, _) in GRID.items() for t in spoil]
INNOCENTS = [(k, t) for k, (_, innocent) in GRID.items() for t in innocent]


def _marked(structure: str, text: str) -> object:
    if text in LEFT:
        return pytest.param(
            structure, text, marks=pytest.mark.xfail(strict=True, reason=LEFT[text])
        )
    return (structure, text)


@pytest.mark.parametrize(("structure", "text"), [_marked(k, t) for k, t in SPOILERS])
def test_a_finale_fact_spread_over_sentences_is_caught(structure: str, text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(("structure", "text"), INNOCENTS)
def test_the_same_structures_about_nothing_of_a_finale_are_innocent(
    structure: str, text: str
) -> None:
    assert not spoils(text)


def test_no_text_is_in_the_grid_twice() -> None:
    texts = [t for _, t in SPOILERS + INNOCENTS]
    assert len(texts) == len(set(texts))
