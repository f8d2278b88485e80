"""The crash test: a spoiler burst with edits and deletions mixed in, while the real bot
process (``python -m bot``) is killed with SIGKILL at random moments and started again.

Afterwards three promises are checked against what the stand-in holds and what the
bot's own journal says:

- no member's text is lost: every message its author did not delete is either still
  up as posted or up as a tagged copy (of its latest text, or of an earlier version
  when the bot died holding an edit Discord never sends again);
- no spoiler is left up once the bot is back;
- no message is reposted twice.

``tests/test_guard_crash.py`` runs a short version in the suite; ``bench/guard_crash.py``
runs fifty times three hundred messages.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.guard import Matcher, compile_rules, inspect
from bot.settings import Settings
from bot.store import Store
from bot.store.content_sync import sync_canon
from tests import warm_bot
from tests.bot_process import STAND_IN_TIMINGS
from tests.standin import ids, payloads
from tests.standin.harness import FAKE_TOKEN, Harness
from tests.standin.rest import APPLICATION_ID, Message

ROOT = Path(__file__).resolve().parent.parent
SPOILERS = (
    "Can't believe Karen dies in the bombing.",
    "Gordo dies on the moon, I cried.",
    "Danny gets exiled to the lander!",
    "Margo defects to the USSR at the end.",
    "Gordo and Tracy die holding each other.",
)
CLEAN = (
    "Who else is watching tonight?",
    "The score in this season is incredible.",
    "Karen runs the Outpost with Sam.",
    "Rewatching season 1 this weekend.",
)
CHANNELS = (payloads.CHANNEL_ID, payloads.THREAD_ID, payloads.VOICE_ID)
DONE_STATES = ("done", "given_up")


def scratch_root() -> Path:
    """Where the benchmarks keep their databases and logs: inside the checkout (ignored
    by git), not in a shared temporary folder another program may tidy away mid-run."""
    root = ROOT / ".scratch"
    root.mkdir(exist_ok=True)
    return root


@dataclass
class Post:
    message: Message
    author: payloads.Member
    versions: list[str]  # every text its author gave it, the latest last
    deleted: bool = False


@dataclass
class Report:
    messages: int
    kills: int
    seconds: float
    lost: list[int] = field(default_factory=list)  # message ids with no version left up
    older_version: list[int] = field(default_factory=list)  # up, but not the latest edit
    left_up: list[int] = field(default_factory=list)  # spoiling originals still up
    doubled: list[int] = field(default_factory=list)  # reposted more than once
    resurrected: int = 0  # deleted by the author while the guard was deleting it too
    unfinished: int = 0  # journal entries not finished when the run ended
    tracebacks: int = 0

    @property
    def kept(self) -> bool:
        return not (self.lost or self.left_up or self.doubled or self.unfinished)

    def line(self) -> str:
        return (
            f"{self.messages} messages, {self.kills} kills, {self.seconds:.1f} s: "
            f"lost {len(self.lost)}, spoilers left up {len(self.left_up)}, reposted twice "
            f"{len(self.doubled)}, unfinished {self.unfinished}; older edit shown "
            f"{len(self.older_version)}, reposted after its author deleted it "
            f"{self.resurrected}, tracebacks {self.tracebacks}"
        )


async def prepare(db_path: Path, content_dir: Path) -> Matcher:
    """A database with the guard on (since a minute ago) and its log in #mod-log; the
    finale-detail matcher the checks judge by."""
    store = await Store.open(db_path)
    try:
        await sync_canon(store.canon, content_dir)
        await store.community.update_server_settings(
            payloads.GUILD_ID, guard_enabled=True, log_channel_id=payloads.MOD_LOG_ID
        )
        await store.journal.note_guard_on(payloads.GUILD_ID, ids.id_at(time.time() - 60))
        rules = [r for r in await store.canon.guard_rules() if r.reveal.finale_detail]
        matcher = compile_rules(rules, (), await store.canon.guard_lexicon())
    finally:
        await store.close()
    for text in SPOILERS:
        assert inspect(text, matcher), f"not a spoiler to the guard: {text}"
    for text in CLEAN:
        assert not inspect(text, matcher), f"a spoiler to the guard: {text}"
    return matcher


class BotProcess:
    """``python -m bot``, as an operator runs it, pointed at the stand-in."""

    def __init__(self, harness: Harness, db_path: Path, log: Path, *, warm: bool = False) -> None:
        self.harness = harness
        self.db_path = db_path
        self.log = log
        # warm: forked from a process that has imported the bot (``tests/warm_bot.py``),
        # for the tests; the benchmarks measure a fresh interpreter's start.
        self.warm = warm
        self.process: asyncio.subprocess.Process | warm_bot.WarmProcess | None = None
        self.started_at = 0  # how many requests the stand-in had when it last started

    async def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "FAMBOT_"))}
        env.update(
            DISCORD_TOKEN=FAKE_TOKEN,
            FAMBOT_DATABASE=str(self.db_path),
            FAMBOT_API_BASE=self.harness.stand_in.url,
            FAMBOT_GATEWAY_URL=self.harness.gateway.url,
            FAMBOT_SPOILER_GUARD="on",
            FAMBOT_LOG_LEVEL="WARNING",
            **STAND_IN_TIMINGS,
        )
        before = self.harness.gateway.identifies
        self.started_at = len(self.harness.stand_in.requests)
        with self.log.open("ab") as out:
            if self.warm:
                self.process = await warm_bot.start(env=env, output=out)
            else:
                self.process = await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "bot", cwd=ROOT, env=env, stdout=out, stderr=out
                )
        async with asyncio.timeout(60):
            while self.harness.gateway.identifies == before:
                if self.process.returncode is not None:
                    raise RuntimeError(f"the bot exited during start-up: see {self.log}")
                await asyncio.sleep(0.01)

    async def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            await self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            await self.process.wait()


async def burst(
    harness: Harness, chance: random.Random, count: int, posts: dict[int, Post]
) -> None:
    """Members post ``count`` messages, most spoiling, some edited (to another spoiler, or
    clean), some deleted by their authors a moment later."""
    authors = [
        payloads.Member(700000000000000100 + n, f"fan{n}", payloads.MEMBER_PERMISSIONS)
        for n in range(10)
    ]
    later: list[asyncio.Task[None]] = []
    for n in range(count):
        text = chance.choice(SPOILERS if chance.random() < 0.8 else CLEAN) + f" #{n}"
        author = chance.choice(authors)
        channel = chance.choice(CHANNELS)
        message = await harness.member_says(author, text, channel_id=channel)
        post = posts[message.id] = Post(message, author, [text])
        roll = chance.random()
        if roll < 0.15:
            edit = chance.choice(SPOILERS + CLEAN) + f" #{n} (edited)"
            later.append(asyncio.create_task(_edit(harness, post, edit, chance.random() * 0.3)))
        elif roll < 0.25:
            later.append(asyncio.create_task(_delete(harness, post, chance.random() * 0.3)))
        await asyncio.sleep(chance.random() * 0.004)
    await asyncio.gather(*later)


async def _edit(harness: Harness, post: Post, text: str, after: float) -> None:
    await asyncio.sleep(after)
    if post.message.id in harness.stand_in.messages:  # nobody edits a deleted message
        post.versions.append(text)
        await harness.member_edits(post.message, text)


async def _delete(harness: Harness, post: Post, after: float) -> None:
    await asyncio.sleep(after)
    if post.message.id in harness.stand_in.messages:
        post.deleted = True
        await harness.member_deletes(post.message)


async def killer(bot: BotProcess, chance: random.Random, kills: int, span: float) -> int:
    """Kill the bot ``kills`` times at random moments within ``span`` seconds, starting it
    again each time (after a random pause: members keep posting meanwhile)."""
    moments = sorted(chance.uniform(0.05, span) for _ in range(kills))
    began = time.monotonic()
    done = 0
    for moment in moments:
        await asyncio.sleep(max(0.0, began + moment - time.monotonic()))
        await bot.kill()
        done += 1
        await asyncio.sleep(chance.uniform(0.0, 0.5))
        await bot.start()
    return done


def unfinished(db_path: Path) -> int:
    """Journal entries whose message is not yet up again as posted or reposted (the
    notices and mod-log cards that follow are batched over minutes: not counted)."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM community_guard_journal"
            " WHERE state IN ('seen', 'hidden') OR repost_stale = 1"
        ).fetchone()
    return int(row[0])


async def finished(bot: BotProcess, db_path: Path, within: float) -> int:
    """Wait until the last bot has read back every channel (its catch-up after READY),
    every journalled message is up again, and Discord has heard nothing new for a
    second; return what is still unfinished at the end."""
    requests = bot.harness.stand_in.requests
    deadline = time.monotonic() + within
    quiet_since, seen = time.monotonic(), len(requests)
    while time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        if len(requests) != seen:
            quiet_since, seen = time.monotonic(), len(requests)
        read = {r.path for r in requests[bot.started_at :] if r.method == "GET"}
        caught_up = all(f"/channels/{c}/messages" in read for c in CHANNELS)
        left = unfinished(db_path)
        if caught_up and left == 0 and time.monotonic() - quiet_since > 1.0:
            return 0
    return unfinished(db_path)


def check(harness: Harness, posts: dict[int, Post], matcher: Matcher, report: Report) -> Report:
    held = harness.stand_in.messages
    copies: dict[str, list[Message]] = {}
    for message in held.values():
        hook = message.payload.get("webhook_id")
        if hook and hook != str(APPLICATION_ID):
            body = message.content.replace("||", "")
            copies.setdefault(body, []).append(message)
    for message_id, post in posts.items():
        latest = post.versions[-1]
        found = [c for v in post.versions for c in copies.get(v, [])]
        if len(found) > 1:
            report.doubled.append(message_id)
        if message_id in held:
            if inspect(held[message_id].content, matcher):
                report.left_up.append(message_id)
            continue
        if post.deleted:
            report.resurrected += bool(found)
            continue
        if not found:
            report.lost.append(message_id)
        elif not copies.get(latest):
            report.older_version.append(message_id)
    return report


async def run(
    seed: int,
    *,
    messages: int,
    kills: int,
    workdir: Path,
    content_dir: Path,
    template: Path | None = None,
    warm: bool = False,
) -> Report:
    """One run: a fresh stand-in and database, the burst, the kills, the checks."""
    chance = random.Random(seed)
    db_path = workdir / f"crash-{seed}.sqlite3"
    if template is not None:
        db_path.write_bytes(template.read_bytes())
    matcher = await prepare(db_path, content_dir)
    harness = Harness(Settings(token=FAKE_TOKEN, database_path=db_path))
    await harness.serve()
    bot = BotProcess(harness, db_path, workdir / f"crash-{seed}.log", warm=warm)
    posts: dict[int, Post] = {}
    began = time.monotonic()
    try:
        await bot.start()
        await asyncio.sleep(0.1)
        span = 0.5 + messages * 0.006  # about as long as the burst and its first repair
        members = asyncio.create_task(burst(harness, chance, messages, posts))
        done = await killer(bot, chance, kills, span)
        await members
        left = await finished(bot, db_path, within=60 + messages * 0.2)
        report = Report(messages, done, time.monotonic() - began, unfinished=left)
        check(harness, posts, matcher, report)
    finally:
        await bot.stop()
        await harness.stop()
    text = (workdir / f"crash-{seed}.log").read_text(errors="replace")
    report.tracebacks = text.count("Traceback")
    return report
