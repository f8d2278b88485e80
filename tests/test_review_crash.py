"""The review band under SIGKILL: moderators decide on mod-log cards while the real bot
process is killed, then started again. Every decision Discord showed a moderator as kept
is on record in a copy of the file as the kill left it, the file is whole, and after the
restart every card's buttons answer (a decision kept says so; one lost with the process
can be made again)."""

from __future__ import annotations

import asyncio
import copy
import random
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings
from tests import crash_scenario
from tests.standin import payloads
from tests.standin.harness import FAKE_TOKEN, Harness
from tests.standin.rest import APPLICATION_ID, Message

UNSURE = "Gordo is gone"  # in the review band at the default sensitivity
COUNT = 24
MODERATOR = payloads.Member(
    700000000000000009, "mod", str(int(payloads.MEMBER_PERMISSIONS) | 0x2000)
)


def _cards(harness: Harness) -> dict[int, Message]:
    """The review cards in the mod log, by the message each asks about."""
    found = {}
    for message in list(harness.stand_in.messages.values()):
        if message.channel_id != payloads.MOD_LOG_ID:
            continue
        for row in message.payload.get("components") or []:
            for item in row.get("components", []):
                verb, asked = _parse(item.get("custom_id", ""))
                if verb == "fine":
                    found[asked] = Message(
                        message.id, message.channel_id, copy.deepcopy(message.payload)
                    )
    return found


def _parse(custom_id: str) -> tuple[str, int]:
    parts = custom_id.split(":")
    if len(parts) != 5 or parts[:2] != ["fam", "guard-review"]:
        return "", 0
    return parts[2], int(parts[4])


def _fine_id(card: Message) -> str:
    for row in card.payload["components"]:
        for item in row["components"]:
            if item["custom_id"].split(":")[2] == "fine":
                return str(item["custom_id"])
    raise AssertionError("a card without its Not a spoiler button")


def _answers(harness: Harness, token: str) -> list[str]:
    """What the moderator was shown for one press: the follow-ups after deferring."""
    own = f"/webhooks/{APPLICATION_ID}/{token}"
    texts = []
    for request in list(harness.stand_in.requests):
        if request.method == "POST" and request.path.startswith(own):
            body: Any = request.json
            texts.append(str(body.get("content") or ""))
    return texts


async def _press(harness: Harness, card: Message) -> str:
    """Press Not a spoiler; return its interaction token (the answer may never come)."""
    payload = payloads.button(card, _fine_id(card), MODERATOR)
    await harness.gateway.dispatch("INTERACTION_CREATE", payload)
    return str(payload["token"])


def _labels(db: Path, workdir: Path) -> dict[int, str | None]:
    """Each review's label, read from a copy of the files exactly as the kill left them."""
    check = workdir / "check"
    shutil.rmtree(check, ignore_errors=True)
    check.mkdir()
    for suffix in ("", "-wal"):
        if Path(f"{db}{suffix}").exists():
            shutil.copy(f"{db}{suffix}", check / f"copy.sqlite3{suffix}")
    with sqlite3.connect(check / "copy.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = conn.execute("SELECT message_id, label FROM community_guard_review").fetchall()
    return {int(message_id): label for message_id, label in rows}


async def _wait_for(condition: Any, within: float = 30.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


@pytest.mark.long
async def test_kept_decisions_survive_a_sigkill_and_every_card_answers_after(
    db_path: Path, content_dir: Path, tmp_path: Path
) -> None:
    chance = random.Random(20261201)
    db = tmp_path / "review.sqlite3"
    db.write_bytes(db_path.read_bytes())
    await crash_scenario.prepare(db, content_dir)
    harness = Harness(Settings(token=FAKE_TOKEN, database_path=db))
    await harness.serve()
    log = tmp_path / "review.log"
    bot = crash_scenario.BotProcess(harness, db, log, warm=True)
    try:
        await bot.start()
        asked = [
            (await harness.member_says(payloads.BOB, f"{UNSURE} #{n}")).id for n in range(COUNT)
        ]
        await _wait_for(lambda: set(_cards(harness)) >= set(asked))
        cards = _cards(harness)

        # Moderators work down the cards; the process dies once a few decisions are
        # acknowledged, with more presses on their way.
        tokens: dict[int, str] = {}

        def kept() -> set[int]:
            return {m for m, t in tokens.items() if any("Noted" in a for a in _answers(harness, t))}

        enough = chance.randint(2, 8)
        for first in range(0, COUNT, 3):  # three presses at once, then a moment
            batch = asked[first : first + 3]
            for message_id in batch:
                tokens[message_id] = await _press(harness, cards[message_id])
            if len(kept()) >= enough:
                break  # killed with the last three just sent
            # The moment is the bot's: until one of the three is answered (a fixed
            # pause let a busy machine send every press before the first answer).
            await _wait_for(lambda b=batch: any(_answers(harness, tokens[m]) for m in b))
        await bot.kill()
        acknowledged = kept()
        assert len(tokens) > len(acknowledged), "no press was in flight at the kill"
        labels = _labels(db, tmp_path)
        assert acknowledged, "no decision was acknowledged before the kill"
        assert all(labels.get(m) == "fine" for m in acknowledged), (
            "an acknowledged decision was lost"
        )

        # Back up: every card (as the moderators' clients still show it) answers.
        await bot.start()
        again = {m: await _press(harness, cards[m]) for m in asked}
        await _wait_for(lambda: all(_answers(harness, t) for t in again.values()))
        for message_id, token in again.items():
            [answer] = _answers(harness, token)
            if message_id in acknowledged:
                assert answer.startswith("Already decided"), answer
            else:
                assert answer.startswith(("Noted", "Already decided")), answer
        assert all(label == "fine" for label in _labels(db, tmp_path).values())
    finally:
        await bot.stop()
        await harness.stop()
    assert "Traceback" not in log.read_text(errors="replace")
