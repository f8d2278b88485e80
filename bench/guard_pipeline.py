"""The spoiler guard against Discord's real rate limits: the bot as ``python -m bot`` runs
it, the stand-in enforcing Discord's per-route buckets (``tests/standin/ratelimits.py``).

    .venv/bin/python -m bench.guard_pipeline [--size full|quick] [--part burst|steady|worst]

1. A burst: 300 spoilers in one channel from 30 members, as fast as the gateway delivers
   them. Time from each spoiler's arrival to its original being gone, and to its tagged
   copy being up (p50, p99, max); requests per spoiler; notices and mod-log messages
   for the 300 (after the batching windows have passed).
2. The same 300 spread over a minute across five places (steady chat).
3. The worst case for invalid requests: every guarded channel refusing the guard for
   real while the bot's cache says it may act (so it cannot know before asking), the
   webhook list full in another, a spurious 429 on one request in twenty, and
   spoilers arriving in each throughout; invalid requests (401/403/429) counted over
   ten minutes (two in the quick run).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from bench.run import machine, percentile
from bot.settings import DEFAULT_CONTENT_DIR, Settings
from tests import crash_scenario
from tests.crash_scenario import scratch_root
from tests.standin import payloads
from tests.standin.channels import Webhook
from tests.standin.harness import FAKE_TOKEN, Harness
from tests.standin.ratelimits import RateLimits
from tests.standin.rest import APPLICATION_ID

SPOILER = "Can't believe Karen dies in the bombing."
SIZES = {"full": (300, 600.0), "quick": (100, 120.0)}
NOTICE_WINDOW = 180.0  # the guard's windows (cogs/spoilers/_reports.py): waited out
MEMBERS = [
    payloads.Member(700000000000000200 + n, f"fan{n}", payloads.MEMBER_PERMISSIONS)
    for n in range(30)
]


@dataclass
class Burst:
    name: str
    count: int
    gone: list[float]
    copied: list[float]
    requests: int
    notices: int
    logs: int
    invalid: int
    seconds: float

    def rows(self) -> list[str]:
        def ms(values: list[float], q: float) -> str:
            return f"{percentile(values, q) * 1000:,.0f}" if values else "n/a"

        return [
            f"{self.name}: {self.count} spoilers, all handled in {self.seconds:.1f} s",
            f"  original gone   p50 {ms(self.gone, 0.5):>7} ms  p99 {ms(self.gone, 0.99):>7} ms"
            f"  max {ms(self.gone, 1.0):>7} ms  ({len(self.gone)} of {self.count})",
            f"  tagged copy up  p50 {ms(self.copied, 0.5):>7} ms  p99 {ms(self.copied, 0.99):>7}"
            f" ms  max {ms(self.copied, 1.0):>7} ms  ({len(self.copied)} of {self.count})",
            f"  requests per spoiler {self.requests / self.count:.2f}; notices {self.notices}, "
            f"mod-log messages {self.logs} for the {self.count}; invalid requests "
            f"{self.invalid}",
        ]


async def setup(scratch: Path, name: str) -> tuple[Harness, crash_scenario.BotProcess]:
    db = scratch / f"{name}.sqlite3"
    db.write_bytes((scratch / "template.sqlite3").read_bytes())
    await crash_scenario.prepare(db, DEFAULT_CONTENT_DIR)
    harness = Harness(Settings(token=FAKE_TOKEN, database_path=db))
    await harness.serve()
    harness.stand_in.rate_limits = RateLimits()
    bot = crash_scenario.BotProcess(harness, db, scratch / f"{name}.log")
    await bot.start()
    await asyncio.sleep(2.5)  # the library's wait for guilds after READY, and catch-up
    return harness, bot


async def spoilers(scratch: Path, name: str, count: int, places: list[int], spread: float) -> Burst:
    harness, bot = await setup(scratch, name)
    stand_in = harness.stand_in
    try:
        first_request = len(stand_in.requests)
        posted: dict[int, tuple[float, str]] = {}
        began = time.monotonic()
        for n in range(count):
            text = f"{SPOILER} #{n}"
            at = time.monotonic()
            message = await harness.member_says(
                MEMBERS[n % len(MEMBERS)], text, channel_id=places[n % len(places)]
            )
            posted[message.id] = (at, text)
            if spread:
                await asyncio.sleep(spread / count)
        copies: dict[str, float] = {}
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            for message in stand_in.messages.values():
                hook = message.payload.get("webhook_id")
                if hook and hook != str(APPLICATION_ID):
                    copies.setdefault(message.content.replace("||", ""), message.made)
            if len(copies) >= count:
                break
            await asyncio.sleep(0.1)
        handled = time.monotonic() - began
        await asyncio.sleep(NOTICE_WINDOW + 5)  # the batched summaries go out
        requests = stand_in.requests[first_request:]
        down = stand_in.deleted_at
        gone = [down[m] - at for m, (at, _) in posted.items() if m in down]
        copied = [copies[text] - at for at, text in posted.values() if text in copies]
        own = {f"/channels/{c}/messages" for c in places}
        notices = sum(r.method == "POST" and r.path in own for r in requests)
        logs = sum(r.path == f"/channels/{payloads.MOD_LOG_ID}/messages" for r in requests)
        return Burst(
            name,
            count,
            gone,
            copied,
            len(requests),
            notices,
            logs,
            stand_in.invalid_within(3600),
            handled,
        )
    finally:
        await bot.stop()
        await harness.stop()


async def worst_case(scratch: Path, minutes: float) -> tuple[int, int, int]:
    """(invalid requests in the period, requests sent, spoilers posted)."""
    harness, bot = await setup(scratch, "worst")
    stand_in = harness.stand_in
    refusing = [
        payloads.CHANNEL_ID,
        payloads.ANNOUNCEMENT_ID,
        payloads.VOICE_ID,
        payloads.STAGE_ID,
        payloads.SPOILER_CHANNEL_ID,
    ]
    full = payloads.FORUM_ID  # its posts go through its webhook: no slot left
    try:
        for channel in refusing:
            stand_in.denied[channel] = 0x2000 | 0x20000000  # Manage Messages and Webhooks
        for n in range(15):
            stand_in.webhooks[n + 1] = Webhook(n + 1, f"t{n}", full, f"other {n}")
        chance = random.Random(5)

        def spurious(request: web.Request) -> bool:
            return "/interactions/" not in request.path and chance.random() < 0.05

        stand_in.rate_limit_next(spurious, retry_after=1.0, times=10**6)
        places = [*refusing, payloads.THREAD_ID, payloads.FORUM_POST_ID]
        began = time.monotonic()
        first = len(stand_in.requests)
        posted = 0
        while time.monotonic() - began < minutes * 60:
            for place in places:
                await harness.member_says(
                    MEMBERS[posted % len(MEMBERS)], f"{SPOILER} #{posted}", channel_id=place
                )
                posted += 1
            await asyncio.sleep(5.0)
        invalid = stand_in.invalid_within(minutes * 60 + 1)
        return invalid, len(stand_in.requests) - first, posted
    finally:
        await bot.stop()
        await harness.stop()


async def main(size: str, parts: set[str]) -> None:
    count, seconds = SIZES[size]
    scratch = Path(tempfile.mkdtemp(prefix="guard-", dir=scratch_root()))
    try:
        await crash_scenario.prepare(scratch / "template.sqlite3", DEFAULT_CONTENT_DIR)
        print(f"Machine: {machine()}")
        print("Stand-in: Discord's per-route rate limits and the global 50/s (tests/standin)")
        print()
        if "burst" in parts:
            burst = await spoilers(scratch, "burst", count, [payloads.CHANNEL_ID], 0.0)
            print(*burst.rows(), "", sep="\n")
        places = [
            payloads.CHANNEL_ID,
            payloads.THREAD_ID,
            payloads.VOICE_ID,
            payloads.FORUM_POST_ID,
            payloads.ANNOUNCEMENT_ID,
        ]
        if "steady" in parts:
            steady = await spoilers(scratch, "steady", count, places, 60.0)
            print(*steady.rows(), "", sep="\n")
        if "worst" in parts:
            invalid, sent, posted = await worst_case(scratch, seconds / 60)
            print(
                f"worst case: {invalid} invalid requests in {seconds / 60:.0f} minutes "
                f"({sent} requests in all, {posted} spoilers posted into refusing channels); "
                f"per ten minutes: {invalid * 600 / seconds:.0f}"
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument(
        "--part", choices=("burst", "steady", "worst"), action="append", help="default: all"
    )
    args = parser.parse_args()
    asyncio.run(main(args.size, set(args.part or ("burst", "steady", "worst"))))
