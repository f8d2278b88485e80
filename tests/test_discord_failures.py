"""When Discord answers badly: rate limits, missing permissions, vanished messages, drops."""

from __future__ import annotations

import asyncio
import logging

import pytest
from aiohttp import web

from bot.views import ReplyView
from tests.standin import payloads
from tests.standin.harness import Harness


def _callbacks(request: web.Request) -> bool:
    return request.path.endswith("/callback")


def _original_edits(request: web.Request) -> bool:
    return request.method == "PATCH" and request.path.endswith("/messages/@original")


async def test_a_rate_limited_reply_is_retried(harness: Harness) -> None:
    harness.stand_in.rate_limit_next(_callbacks, retry_after=0.2)
    reply = await harness.command("character", {"name": "Ed"})
    attempts = [r for r in reply.requests if r.path.endswith("/callback")]
    assert len(attempts) == 2
    assert attempts[0].json == attempts[1].json
    assert reply.stand_in.messages[reply.stand_in.originals[reply.payload["token"]]]


@pytest.mark.parametrize("failure", ["unknown_message_next", "missing_permissions_next"])
async def test_expiring_pages_survive_a_vanished_or_forbidden_message(
    harness: Harness,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    failure: str,
) -> None:
    monkeypatch.setattr("bot.views.PAGE_TIMEOUT_SECONDS", 0.3)
    getattr(harness.stand_in, failure)(_original_edits)
    with caplog.at_level(logging.DEBUG, logger="bot.views"):
        await harness.command("season", {"number": 1})
        await harness.stand_in.wait_for("PATCH", "/messages/@original")  # it tried once
        assert harness.bot is not None
        assert await harness.bot.wait_until_idle()  # and heard Discord's answer
    assert not harness.stand_in.failures  # and the failure was served
    assert any("Could not disable page buttons" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    follow_up = await harness.command("season", {"number": 2})  # the bot carries on
    assert follow_up.embeds


async def test_an_expired_interaction_is_logged_not_retried(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    gone = {"message": "Unknown interaction", "code": 10062}
    harness.stand_in.fail_next(_callbacks, 404, gone)
    with caplog.at_level(logging.WARNING):
        interaction_id = await _send_without_waiting(harness, "character", {"name": "Ed"})
        await harness.stand_in.wait_for("POST", f"/interactions/{interaction_id}/")
        assert harness.bot is not None
        assert await harness.bot.wait_until_idle()
    # One attempt: an apology on an expired token would only collect another 404.
    assert len(harness.stand_in.calls("POST", f"/interactions/{interaction_id}/")) == 1
    assert any("expired before it could be answered" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert (await harness.command("about")).embeds


async def _send_without_waiting(harness: Harness, name: str, options: dict[str, str]) -> int:
    payload = payloads.slash(name, options)
    await harness.gateway.dispatch("INTERACTION_CREATE", payload)
    return int(payload["id"])


async def test_a_dropped_gateway_connection_resumes(harness: Harness) -> None:
    assert harness.bot is not None
    await harness.gateway.drop()
    await asyncio.wait_for(harness.gateway.resumed.wait(), 10)
    assert harness.gateway.resumes == 1
    assert harness.gateway.identifies == 1  # resumed, not a new session
    reply = await harness.command("episode", {"episode": "S2E1"})
    assert reply.embeds[0]["title"] == "S2E1 · Every Little Thing"


async def test_a_broken_button_gets_one_private_apology(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(view: ReplyView, interaction: object, index: int) -> None:
        raise RuntimeError("page on fire")

    first = await harness.command("season", {"number": 2})
    monkeypatch.setattr(ReplyView, "_show", broken)
    with caplog.at_level(logging.ERROR, logger="bot.views"):
        pressed = await harness.press(first, "Next ▶")
    assert pressed.ephemeral
    assert "stopped working" in pressed.content
    assert "on fire" not in pressed.content
    assert any(r.exc_info for r in caplog.records if r.name == "bot.views")

    # When Discord will not take the apology either, it is logged, never raised.
    harness.stand_in.fail_next(_callbacks, 404, {"message": "Unknown interaction", "code": 10062})
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        await harness.gateway.dispatch(
            "INTERACTION_CREATE", payloads.button(first.message, first.button_ids()["Next ▶"])
        )
        await harness.stand_in.wait_for("POST", "/callback", count=3)
        assert harness.bot is not None
        assert await harness.bot.wait_until_idle()
    assert any("Could not deliver an error message" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if "Task exception" in r.getMessage()]
