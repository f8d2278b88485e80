"""Limits are enforced by the bot, not only declared to Discord: raw payloads that a
modified client (or an older sync) sends are refused before any work, privately, in
one line, without a traceback, and without blocking the event loop (issue 11, defects
10 and 12)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable
from typing import Any

import pytest

from bot.canon.episodes import SEASON_MAX
from bot.settings import Settings
from bot.tree import BUSY, OUT_OF_SYNC, PER_MEMBER_IN_FLIGHT
from tests.standin import payloads
from tests.standin.harness import Exchange, Harness

HUGE = "Baldwin " * 25_000  # 200,000 characters


def _set(options: list[dict[str, Any]], name: str, value: Any) -> None:
    """Replace an option's raw value wherever it is nested."""
    for option in options:
        if option.get("name") == name:
            option["value"] = value
        _set(option.get("options", []), name, value)


def _raw(payload: dict[str, Any], name: str, value: Any) -> dict[str, Any]:
    _set(payload["data"]["options"], name, value)
    return payload


def _retyped(payload: dict[str, Any], kind: int) -> dict[str, Any]:
    """The same name, but as another kind of command (a user command)."""
    payload["data"]["type"] = kind
    return payload


async def _refused(harness: Harness, payload: dict[str, Any]) -> tuple[Exchange, float]:
    began = time.perf_counter()
    reply = await harness.send(payload)
    return reply, time.perf_counter() - began


def _no_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    assert not [r for r in caplog.records if r.exc_info], "no traceback logged"


CASES: dict[str, tuple[Callable[[], dict[str, Any]], str]] = {
    "a 200,000-character search": (
        lambda: payloads.slash("search", {"query": HUGE}),
        "`query` must be 2-100 characters long.",
    ),
    "a 200,000-character draft": (
        lambda: payloads.slash("spoilercheck", {"draft": HUGE}),
        "`draft` must be 1-2000 characters long.",
    ),
    "a 200,000-character name": (
        lambda: payloads.slash("character", {"name": HUGE}),
        "`name` must be 1-100 characters long.",
    ),
    "a season past the limit": (
        lambda: payloads.slash("season", {"number": 99}),
        f"`number` must be between 1 and {SEASON_MAX}.",
    ),
    "a series name past its length": (
        lambda: payloads.slash("season", {"number": 1, "series": HUGE}),
        "`series` must be 1-100 characters long.",
    ),
    "a year as text": (
        lambda: _raw(payloads.slash("timeline", {"from_year": 1969}), "from_year", "1969"),
        "`from_year` must be a whole number.",
    ),
    "a year as a boolean": (
        lambda: _raw(payloads.slash("timeline", {"from_year": 1969}), "from_year", True),
        "`from_year` must be a whole number.",
    ),
    "a huge year": (
        lambda: payloads.slash("timeline", {"from_year": 10**17}),
        "`from_year` is out of range.",
    ),
    "negative embargo days": (
        lambda: payloads.subcommand("spoilers embargo", {"days": -5}),
        "`days` must be between 0 and 60.",
    ),
    "a one-letter term": (
        lambda: payloads.subcommand("spoilers terms add", {"term": "x"}),
        "`term` must be 2-60 characters long.",
    ),
    "a role that is not a number": (
        lambda: _raw(
            payloads.subcommand("spoilers exempt role", {"role": payloads.RoleOption(42)}),
            "role",
            "abc",
        ),
        "`role` must be picked from Discord's list.",
    ),
    "a role Discord did not resolve": (
        lambda: _raw(
            payloads.subcommand("spoilers exempt role", {"role": payloads.RoleOption(42)}),
            "role",
            "43",
        ),
        "`role` must be picked from Discord's list.",
    ),
    "a boolean as text": (
        lambda: _raw(
            payloads.subcommand(
                "spoilers exempt role", {"role": payloads.RoleOption(42), "exempt": True}
            ),
            "exempt",
            "yes",
        ),
        "`exempt` must be True or False.",
    ),
}


@pytest.mark.parametrize("case", CASES)
async def test_a_value_past_its_limit_is_refused_before_any_work(
    case: str, harness: Harness, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    make, expected = CASES[case]
    with caplog.at_level(logging.WARNING):
        reply, seconds = await _refused(harness, make())
    assert reply.type == 4 and reply.ephemeral
    assert reply.content == f"That won't work: {expected}"
    # Generous on purpose: the point is that a huge value never reaches work that grows
    # with it (seconds), not speed; a busy CI machine must not fail it.
    assert seconds < 2.0, f"answered in {seconds:.2f} s"
    _no_tracebacks(caplog)
    with sqlite3.connect(settings.database_path) as conn:
        for table in ("community_exempt_role", "community_guard_term", "community_guild_policy"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
    conn.close()


async def test_a_huge_autocomplete_gets_no_suggestions_at_once(harness: Harness) -> None:
    reply, seconds = await _refused(
        harness, payloads.autocomplete("character", "name", {"name": HUGE})
    )
    assert reply.type == 8 and reply.choices == []
    assert seconds < 2.0  # see above: no work that grows with the input


async def test_autocomplete_still_accepts_what_is_being_typed(harness: Harness) -> None:
    reply = await harness.send(payloads.autocomplete("timeline", "from_year", {"from_year": "19"}))
    assert reply.type == 8


@pytest.mark.parametrize(
    "make",
    [
        lambda: payloads.slash("oldcommand", {}),
        lambda: payloads.slash("character", {"name": "Ed", "nickname": "Ed"}),
        lambda: payloads.subcommand("progress forget", {}),
        lambda: _retyped(payloads.slash("season", {"number": 3}), 2),
        lambda: payloads.slash("character", {}),
    ],
    ids=["unknown command", "unknown option", "unknown subcommand", "a type", "missing option"],
)
async def test_a_command_out_of_sync_asks_for_a_sync(
    make: Callable[[], dict[str, Any]], harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        reply = await harness.send(make())
    assert reply.ephemeral and reply.content == OUT_OF_SYNC
    _no_tracebacks(caplog)


async def test_values_within_limits_still_work(harness: Harness) -> None:
    reply = await harness.subcommand(
        "spoilers exempt role", {"role": payloads.RoleOption(payloads.TRUSTED_ROLE_ID)}
    )
    assert "now exempt" in reply.content or "now exempt" in str(reply.embeds)
    reply = await harness.command("timeline", {"from_year": 1969, "to_year": 1975})
    assert reply.embeds


async def test_one_member_cannot_queue_unbounded_work(harness: Harness) -> None:
    harness.stand_in.callback_delay = 0.5  # every reply is slow to deliver
    sent = [payloads.slash("help", {}) for _ in range(PER_MEMBER_IN_FLIGHT + 3)]
    other = payloads.slash("help", {}, member=payloads.BOB)  # another member: served
    answered = [harness.stand_in.callback_event(int(p["id"])) for p in [*sent, other]]
    for payload in [*sent, other]:
        await harness.gateway.dispatch("INTERACTION_CREATE", payload)
    for event in answered:
        await asyncio.wait_for(event.wait(), 10)
    busy = [
        p
        for p in sent
        if harness.stand_in.calls("POST", f"/interactions/{p['id']}/")[0]
        .json["data"]
        .get("content")
        == BUSY
    ]
    assert len(busy) == 3
    assert harness.stand_in.calls("POST", f"/interactions/{other['id']}/")[0].json["data"]["embeds"]
