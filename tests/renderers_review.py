"""Samples of the review band's renderers (issue 9) for the leak audit: registered from
``tests/renderers.py``, fed every finale detail as the fact a clue would give away and
as the member text a review quotes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from bot.community.records import ServerSettings
from bot.community.review import Review, Sensitivity
from bot.render.guard_review import (
    Clue,
    review_card,
    sensitivity_card,
    verdict_card,
    with_sensitivity,
)
from bot.render.spoilers import GuardState, status_card
from bot.sensitivity import sensitivity
from tests.renderers import Canon, Sample, _call, samples
from tests.spoiler_audit import words

SEEN = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def _finales(canon: Canon) -> list[tuple[Clue, str]]:
    """A clue per finale detail, and a member text that states it."""
    found = []
    for detail in canon.details:
        if not detail.reveal.finale_detail:
            continue
        said = " ".join(words(detail.text)[:8])
        clue = Clue(0.57, "same sentence", "Karen Baldwin", said[:20], "gone", detail)
        found.append((clue, said))
    return found


def _levels() -> Iterator[tuple[str, Sensitivity]]:
    for name in ("strict", "balanced", "relaxed"):
        yield name, sensitivity({"strict": 0.45, "balanced": None, "relaxed": 0.75}[name])
    yield "custom", sensitivity(0.52)


@samples(sensitivity_card)
def _sensitivities(canon: Canon) -> Iterator[Sample]:
    for name, chosen in _levels():
        yield Sample(f"sensitivity {name}", _call(sensitivity_card, chosen, True))
        yield Sample(f"sensitivity {name}, no log", _call(sensitivity_card, chosen, False))


@samples(review_card)
def _reviews(canon: Canon) -> Iterator[Sample]:
    chosen = sensitivity(None)
    term = Clue(0.5, "subject alone", None, "boots on Mars", "", None, term=True)
    for index, (clue, said) in enumerate(_finales(canon)):
        review = Review(index + 1, 1, 2, 3, said, 0.57, 0.6, ("fate:karen-baldwin:S3E10",), SEEN)
        url = "https://discord.com/channels/1/2/3"
        clues = [clue, term] if index % 2 else [clue, clue, clue, clue]
        # Mod-log cards are composed for REVEAL in the cog; the audit reads them for the
        # public, which tags finale details too, so what shows untagged is the same.
        make = _call(review_card, review, url, clues, chosen)
        # The quoted message is a member's (already in the channel), not the bot's canon.
        yield Sample(f"review {said[:30]!r}", make, typed=said)


@samples(verdict_card)
def _verdicts(canon: Canon) -> Iterator[Sample]:
    chosen = sensitivity(None)
    yield Sample("verdict fine", _call(verdict_card, "fine", 0.1, chosen, [], []))
    for clue, said in _finales(canon):
        pieces = [("Loved it. ", False), (said, True)]
        for verdict in ("tag", "review"):
            make = _call(verdict_card, verdict, 0.57, chosen, pieces, [clue])
            yield Sample(f"verdict {verdict} {said[:30]!r}", make, typed=said)  # their text


@samples(with_sensitivity)
def _statuses(canon: Canon) -> Iterator[Sample]:
    quiet = GuardState(reading_messages=True, missing={})
    status = status_card(ServerSettings(1, guard_enabled=True, log_channel_id=3), {}, quiet)
    for name, chosen in _levels():
        yield Sample(f"status, {name}", _call(with_sensitivity, status, chosen, True))
    yield Sample("status, no log", _call(with_sensitivity, status, sensitivity(None), False))
    yield Sample(
        "status, counts", _call(with_sensitivity, status, sensitivity(None), True, (3, 40))
    )
