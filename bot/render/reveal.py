"""The card Reveal shows: what progress held back from a reply, every detail tagged."""

from __future__ import annotations

from collections.abc import Sequence

from bot.render.cards import Card, Colour, line
from bot.spoilers.policy import Detail


def revealed_card(withheld: Sequence[Detail]) -> Card:
    """The held-back details, each after its episode code; composed for ``REVEAL``."""
    return Card(
        title="Held back from that reply",
        lines=tuple(line(f"{d.reveal.episode.code}: ", d) for d in withheld),
        footer="Shown only to you, and still behind spoiler tags",
        colour=Colour.INFO,
    )
