"""A message the guard fails to read (an error in the matcher on some text), end to end
on the stand-in: logged by ids and the error's class only, journalled as given up, the
mod log given a link, and the channel's other messages handled as usual. The failure is
injected for one text only (the matcher call patched), live, after an edit and at
catch-up; the store is the real SQLite one."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from bot.community.journal import Outcome, State
from tests.guarding import SPOILER, TAGGED, entry, executions, live, mod_log, reposts, up
from tests.standin.harness import Harness
from tests.standin.payloads import BOB, CAROL, CHANNEL_ID

FILLER = " Great episode though, the music was amazing."
# Spoilers both: were they read, they would be tagged. One short (read inline), one long
# (read on the reader thread).
BAD = {
    "short": "Karen dies in the bombing, I still cannot believe it.",
    "long": "Karen dies in the bombing, I still cannot believe it." + FILLER * 6,
}
TITLE = "Spoiler guard could not read a message"


def failing_for(monkeypatch: pytest.MonkeyPatch, *texts: str) -> None:
    """The guard's matcher raises for ``texts`` alone; its error quotes the text (as a
    real one might), so a log or card repeating the error would leak it."""
    judge = live("cogs.spoilers._judge")
    real = judge.inspect

    def inspect(read: str, *args: Any, **kwargs: Any) -> Any:
        if read in texts:
            raise ValueError(f"cannot parse {read!r}")
        return real(read, *args, **kwargs)

    monkeypatch.setattr(judge, "inspect", inspect)


def _check_logs(caplog: pytest.LogCaptureFixture, message_id: int) -> None:
    records = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(records) == 1, [r.getMessage() for r in records]
    [record] = records
    said = record.getMessage()
    assert str(message_id) in said and "ValueError" in said and str(CHANNEL_ID) in said
    assert record.exc_info is None, "no traceback: it may quote the text"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Karen" not in logged and "bombing" not in logged


def _check_card(harness: Harness, message_id: int) -> None:
    cards = [e for e in mod_log(harness) if e.get("title") == TITLE]
    assert len(cards) == 1, mod_log(harness)
    shown = str(cards[0])
    assert f"/{CHANNEL_ID}/{message_id})" in shown, "the message's link"
    assert "Karen" not in shown and "bombing" not in shown and str(BOB.id) not in shown


async def _given_up(harness: Harness, message_id: int) -> None:
    found = await entry(harness, message_id)
    assert found.state is State.GIVEN_UP and found.outcome == Outcome.UNREADABLE.value
    assert found.reported and found.finished, "nothing lingers: the mod log has it"


@pytest.mark.parametrize("length", ["short", "long"])
async def test_a_message_the_guard_cannot_read_is_given_up_and_the_mod_log_told(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, length: str
) -> None:
    failing_for(monkeypatch, BAD[length])
    with caplog.at_level(logging.INFO):
        bad = await guarded.member_says(BOB, BAD[length])
        later = await guarded.member_says(CAROL, SPOILER)  # not held up by it
        await guarded.settle()
    assert up(guarded, bad), "left as posted for a human to look at"
    assert not up(guarded, later) and [r.content for r in reposts(guarded)] == [TAGGED]
    await _given_up(guarded, bad.id)
    _check_card(guarded, bad.id)
    _check_logs(caplog, bad.id)
    # A restart finds nothing owed about it: no second card, no second try.
    await guarded.stop_bot()
    await guarded.start_bot()
    await guarded.settle()
    _check_card(guarded, bad.id)
    assert up(guarded, bad)


async def test_an_edit_the_guard_cannot_read_is_given_up_and_the_mod_log_told(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    failing_for(monkeypatch, BAD["long"])
    with caplog.at_level(logging.INFO):
        message = await guarded.member_says(BOB, "Who else is watching tonight?")
        await guarded.settle()
        await guarded.member_edits(message, BAD["long"])
        later = await guarded.member_says(CAROL, SPOILER)
        await guarded.settle()
    assert up(guarded, message) and not up(guarded, later)
    assert [r.content for r in reposts(guarded)] == [TAGGED]
    await _given_up(guarded, message.id)
    assert (await entry(guarded, message.id)).edited
    _check_card(guarded, message.id)
    _check_logs(caplog, message.id)


async def test_a_message_catch_up_cannot_read_is_given_up_and_the_rest_read_back(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    await guarded.stop_bot()
    bad = await guarded.member_says(BOB, BAD["long"])
    missed = [await guarded.member_says(CAROL, f"{SPOILER} ({n})") for n in range(2)]
    # Before the restarted bot connects (and reads back), in the module it runs.
    guarded.tune.append(lambda bot: failing_for(monkeypatch, BAD["long"]))
    with caplog.at_level(logging.INFO):
        await guarded.start_bot()
        await guarded.settle()
    assert up(guarded, bad)
    assert [m for m in missed if up(guarded, m)] == [], "the channel was read through"
    assert sorted(r.content for r in reposts(guarded)) == [f"{TAGGED} ({n})" for n in range(2)]
    await _given_up(guarded, bad.id)
    _check_card(guarded, bad.id)
    _check_logs(caplog, bad.id)
    # Read through: a later restart does not read it again (its mark moved past it).
    await guarded.stop_bot()
    await guarded.start_bot()
    await guarded.settle()
    _check_card(guarded, bad.id)


# --- an edit of a message given up as unreadable: read again ---------------------------------

# Unreadable as well (its own failure), a spoiler were it read.
BAD_AGAIN = "Karen dies in the bombing and Gordo saw it, I still cannot believe it."


def deleting(message_id: int) -> Any:
    def match(request: Any) -> bool:
        return bool(request.method == "DELETE" and request.path.endswith(f"/messages/{message_id}"))

    return match


@pytest.mark.parametrize("fault", ["none", "429", "503", "reset", "lost answer"])
async def test_an_unreadable_message_edited_to_a_readable_spoiler_is_taken_down(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    """The edit is read again (it was left as given up for good), and acted on as any
    edit of a message not yet acted on, through Discord's bad days on the deletion."""
    failing_for(monkeypatch, BAD["short"])
    bad = await guarded.member_says(BOB, BAD["short"])
    await guarded.settle()
    await _given_up(guarded, bad.id)
    match = deleting(bad.id)
    if fault == "429":
        guarded.stand_in.rate_limit_next(match, retry_after=0.3)
    elif fault == "503":
        guarded.stand_in.server_error_next(match)
    elif fault == "reset":
        guarded.stand_in.reset_next(match)
    elif fault == "lost answer":
        guarded.stand_in.lost_answer_next(match)
    with caplog.at_level(logging.INFO):
        await guarded.member_edits(bad, SPOILER)
        await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert not up(guarded, bad), "read again, and taken down"
    assert [r.content for r in reposts(guarded)] == [TAGGED]
    assert len(executions(guarded)) == 1
    found = await entry(guarded, bad.id)
    assert found.state.value == "done" and found.outcome == Outcome.TAGGED.value
    assert found.finished and found.edited
    _check_card(guarded, bad.id)  # the first card stays the only unreadable one
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Karen" not in logged and "bombing" not in logged


@pytest.mark.parametrize("order", ["in order", "out of order"])
async def test_an_unreadable_edit_of_an_unreadable_message_stays_given_up_with_one_card(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, order: str
) -> None:
    """Read again and raising again: still given up, its newer text kept, no second card.
    Then a readable spoiling edit takes it down; an older unreadable edit delivered after
    it ("out of order") changes nothing."""
    failing_for(monkeypatch, BAD["short"], BAD_AGAIN)
    bad = await guarded.member_says(BOB, BAD["short"])
    await guarded.settle()
    with caplog.at_level(logging.INFO):
        if order == "in order":
            await guarded.member_edits(bad, BAD_AGAIN)
            await guarded.settle()
            assert up(guarded, bad)
            await _given_up(guarded, bad.id)
            assert (await entry(guarded, bad.id)).content == BAD_AGAIN, "the newer text kept"
            _check_card(guarded, bad.id)
            await asyncio.sleep(0.01)
            await guarded.member_edits(bad, SPOILER)
        else:
            older = await guarded.member_edits(bad, BAD_AGAIN, deliver=False)
            await asyncio.sleep(0.01)
            await guarded.member_edits(bad, SPOILER)
            await guarded.settle()
            await guarded.deliver_event(older)
        await guarded.settle()
    assert not up(guarded, bad)
    assert [r.content for r in reposts(guarded)] == [TAGGED]
    _check_card(guarded, bad.id)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Karen" not in logged and "bombing" not in logged


async def test_an_unreadable_message_edited_clean_stays_given_up_and_is_read_at_its_next_edit(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_for(monkeypatch, BAD["short"])
    bad = await guarded.member_says(BOB, BAD["short"])
    await guarded.settle()
    await guarded.member_edits(bad, "Who else is watching tonight?")
    await guarded.settle()
    assert up(guarded, bad) and reposts(guarded) == []
    await _given_up(guarded, bad.id)
    _check_card(guarded, bad.id)
    await asyncio.sleep(0.01)
    await guarded.member_edits(bad, SPOILER)
    await guarded.settle()
    assert not up(guarded, bad) and [r.content for r in reposts(guarded)] == [TAGGED]
