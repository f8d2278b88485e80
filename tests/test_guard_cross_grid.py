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
        "'Dev' alone opening a sentence is read as the everyday word (a developer), so no "
        "one is named for 'he' to point at; with 'Dev Ayesa' it is caught"
    ),
    "Ed and Karen, both at JSC? No. The latter dies in the bombing.": (
        "'the latter' / 'the former' are no pointers: they are caught only where a sentence "
        "of names alone comes just before; reading them would need the order of the names "
        "('former' is also the role word of round 14)"
    ),
    "Sergei in s3. His release to the West at the end made me cry.": (
        "'release' as a noun is no outcome word (seasons, episodes and trailers are released)"
    ),
    "> Danielle\nshot, survives lol": (
        "'shot' without the riot is a hint for Danielle; a line of her name alone before it "
        "weighs BACK_REFERENCE x hint = 0.53, under the threshold"
    ),
    "\u00bfKaren sobrevive a la temporada 3? No.": (
        "too short to be read as Spanish (fewer than two small words), so 'No' alone on its "
        "sentence is taken for the Portuguese/English word and gated out"
    ),
    "Karen survit \u00e0 la saison 3 ? Non.": (
        "too short to be read as French, so 'Non' alone on its sentence is gated out"
    ),
}

# written after the mends, to hold each class: spoilers, then innocent look-alikes
MENDED = [
    "Exiled to the lander in the s3 finale. Guess who? Danny.",
    "Killed at JSC with Karen. Who? Molly.",
    "does Danielle die in the riot? no, she goes home",
    "is Tracy alive at the end of s2?\nnope",
    "Karen sopravvive alla terza stagione? No, purtroppo no.",
    "what happened to Gordo in the s2 finale? dead at the reactor.",
    "que devient Molly ? morte dans l'explosion.",
    "Molly era una leggenda. Poi muore nell'esplosione del JSC.",
    "Гордо и Трейси чинят реактор. Потом погибают на Луне.",
]
MENDED_INNOCENT = [
    "Dies in ep 3. Who? Patty.",
    "Great scene. Who? Gordo.",
    "does Karen die in s3? no spoilers, still on s2",
    "does Karen survive s3? no clue",
    "does Danielle die in the riot? yes: ||no, she lives||",
    "does Gordo die in s1? no.",
    "what happened to my dog Gordo? died last week.",
    "what happened to Gus Grissom? died in the fire.",
    "what happens to Gordo in s1? breakdown.",
    "Shane ha un incidente. Poi muore in ospedale.",
    "Patty si schianta durante l'addestramento. Poi muore.",
]

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


@pytest.mark.parametrize("text", MENDED)
def test_the_mended_structures_in_fresh_wordings(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", MENDED_INNOCENT)
def test_the_mended_structures_about_nothing_of_a_finale(text: str) -> None:
    assert not spoils(text)


def test_no_text_is_in_the_grid_twice() -> None:
    texts = [t for _, t in SPOILERS + INNOCENTS]
    assert len(texts) == len(set(texts))
