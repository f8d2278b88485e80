"""Round 10, who is meant and where in the story: mechanisms from opened11, each with
variants and innocent look-alikes.

- A negated outcome followed, in its clause, by "until" and an episode, a finale or a
  season happens then after all (`not_until`: "he doesn't die until the finale"); the
  "until" then joins the outcome to its episode.
- A negated copula before a cleft's "what" denies the cause, not the outcome, when the
  outcome's object is a person (`cleft_what`: "Molly's radiation in 2x01 isn't what
  kills her"); an episode before "what" places the cause only.
- A fate word after "it" and a verb of wanting or keeping is a thing's (`wants_it`:
  "the White House want it buried").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPOILERS = [
    "Deke getting hurt in 1x09 is mid-season, sure, but he doesn't die until the finale",
    "Deke doesn't die until the finale",
    "Karen doesn't die until season 3",
    "Deke no muere hasta el final de la temporada 1",
    "Molly's radiation in 2x05 isn't what kills her. It's the bomb.",
    "Ed's temper wasn't what killed Karen, it was the bomb",
]

INNOCENT = [
    "Deke doesn't die until he gets old, in my head canon",
    "Gordo doesn't sing until the finale",
    "Molly doesn't get sick until season 2",
    "the radiation in 2x01 isn't what I expected",
    "that isn't what kills me about Molly",
    "Gordo's drinking isn't what kills the mission",
    "Karen's bar isn't what killed her marriage",
    "Deke fights for the program when the White House want it buried.",
    "Deke wants it buried. He gets cleared to fly again.",
]


@pytest.mark.parametrize("text", SPOILERS)
def test_spoils(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent(text: str) -> None:
    assert not spoils(text)
