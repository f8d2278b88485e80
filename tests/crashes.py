"""SIGKILL the real bot at random moments and check what survives.

Each round starts ``python -m bot`` on the same database and kills it during one of:
- writes: members save their progress (each write a new member, so each has one
  right answer); a write counts as acknowledged once Discord received the bot's
  "Progress saved" for it;
- start-up: anywhere from importing to connecting;
- reload: start-up with the other of two content versions, so the canon reloads.

After every kill, on a copy of the files as the kill left them (the next round's bot
then recovers the real ones, WAL and all): ``PRAGMA integrity_check``, every write
acknowledged so far is there with its value, and the stored canon is one whole version
(its fingerprint, every table's row count, the search index, and a title that matches
the version). Used by tests/test_crash.py (a few kills) and ``python -m bench.crash``.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import signal
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import aiosqlite

from bot.canon.content import fingerprint
from bot.canon.episodes import EpisodeRef
from bot.settings import DEFAULT_CONTENT_DIR, Settings
from bot.store import Store
from bot.store.canon import CanonRepository
from bot.store.content_sync import sync_canon
from tests.bot_process import ROOT, environment
from tests.standin import payloads
from tests.standin.harness import FAKE_TOKEN, Harness

PHASES = ("writes", "start-up", "reload")
FIRST_EPISODE = EpisodeRef(1, 1)
TITLES = {"A": "Red Moon", "B": "Red Moon (version B)"}
IN_FLIGHT = 16  # writes sent but not yet answered, at most
READY_SECONDS = 30.0


@dataclass
class Figures:
    kills: int = 0
    by_phase: Counter[str] = field(default_factory=Counter)
    writes_sent: int = 0
    acknowledged: int = 0
    # acknowledged writes found missing after a kill: member id -> where first missed
    lost: dict[int, str] = field(default_factory=dict)
    tracebacks: int = 0
    damaged: list[str] = field(default_factory=list)  # integrity or canon problems
    failed_starts: int = 0
    reloads_committed: int = 0  # reload rounds whose new version was in place at the kill
    reloads_rolled_back: int = 0  # ... and whose old version stayed whole

    @property
    def clean(self) -> bool:
        return not (self.lost or self.tracebacks or self.damaged or self.failed_starts)

    def lines(self) -> list[str]:
        phases = ", ".join(f"{self.by_phase[p]} {p}" for p in PHASES)
        return [
            f"kills                 {self.kills} ({phases})",
            f"writes sent           {self.writes_sent}",
            f"acknowledged writes   {self.acknowledged}",
            f"lost writes           {len(self.lost)}",
            f"reloads killed        {self.reloads_committed + self.reloads_rolled_back} "
            f"({self.reloads_rolled_back} rolled back whole, {self.reloads_committed} committed)",
            f"damaged databases     {len(self.damaged)}",
            f"failed starts         {self.failed_starts}",
            f"tracebacks            {self.tracebacks}",
        ]


class CrashRun:
    def __init__(self, workdir: Path, seed: int) -> None:
        self.workdir = workdir
        self.rng = random.Random(seed)
        self.database = workdir / "fambot.sqlite3"
        self.content = {"A": workdir / "canon-A", "B": workdir / "canon-B"}
        self.fingerprints: dict[str, str] = {}
        self.version = "A"  # what the next start-up is given
        self.sent: dict[str, tuple[int, int]] = {}  # interaction token -> member, episode
        self.acked: dict[int, int] = {}  # member id -> episode key, acknowledged saved
        self.figures = Figures()
        self.harness = Harness(Settings(token=FAKE_TOKEN, database_path=self.database))
        self.env: dict[str, str] = {}
        self.rounds = 0
        self.reload_seconds = 1.5  # start-up time with a reload; measured as it goes
        self.next_member = 710_000_000_000_000_000

    async def __aenter__(self) -> CrashRun:
        shutil.copytree(DEFAULT_CONTENT_DIR, self.content["A"])
        shutil.copytree(DEFAULT_CONTENT_DIR, self.content["B"])
        season_1 = self.content["B"] / "for-all-mankind" / "episodes" / "season-1.toml"
        season_1.write_text(
            season_1.read_text().replace(f'title = "{TITLES["A"]}"', f'title = "{TITLES["B"]}"')
        )
        self.fingerprints = {name: fingerprint(path) for name, path in self.content.items()}
        store = await Store.open(self.database)
        await sync_canon(store.canon, self.content["A"])
        await store.close()
        pointed = await self.harness.serve()
        self.env = environment(
            FAMBOT_DATABASE=str(self.database),
            FAMBOT_API_BASE=pointed.api_base or "",
            FAMBOT_GATEWAY_URL=pointed.gateway_url or "",
            FAMBOT_LOG_LEVEL="WARNING",
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.harness.stop()

    # --- one round ---------------------------------------------------------------

    async def kill_once(self, phase: str) -> None:
        if phase == "reload":
            self.version = "B" if self.version == "A" else "A"
        process, log = await self._spawn()
        try:
            if phase == "writes":
                await self._kill_during_writes(process)
            elif phase == "start-up":
                await asyncio.sleep(self.rng.uniform(0, 1.2))
            else:
                await asyncio.sleep(self.rng.uniform(0.2, 1.0) * self.reload_seconds)
        finally:
            process.send_signal(signal.SIGKILL)
            await process.wait()
        self.figures.kills += 1
        self.figures.by_phase[phase] += 1
        self.figures.tracebacks += log.read_text(errors="replace").count("Traceback")
        await self._collect_acknowledgements()
        await self.verify(phase)

    async def _spawn(self) -> tuple[asyncio.subprocess.Process, Path]:
        self.rounds += 1
        log = self.workdir / f"bot-{self.rounds}.log"
        env = dict(self.env, FAMBOT_CONTENT_DIR=str(self.content[self.version]))
        self.harness.gateway.ready.clear()
        with log.open("wb") as sink:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=ROOT, env=env, stdout=sink, stderr=sink
            )
        return process, log

    async def _kill_during_writes(self, process: asyncio.subprocess.Process) -> None:
        began = asyncio.get_running_loop().time()
        try:
            await asyncio.wait_for(self.harness.gateway.ready.wait(), READY_SECONDS)
        except TimeoutError:
            self.figures.failed_starts += 1
            return
        self.reload_seconds = max(0.3, asyncio.get_running_loop().time() - began)
        deadline = asyncio.get_running_loop().time() + self.rng.uniform(0.1, 1.5)
        pending: set[asyncio.Task[None]] = set()
        while asyncio.get_running_loop().time() < deadline:
            if len(pending) < IN_FLIGHT:
                pending.add(asyncio.create_task(self._write()))
            _, pending = await asyncio.wait(pending, timeout=0.002)

    async def _write(self) -> None:
        self.next_member += 1
        member = payloads.Member(
            self.next_member, f"m{self.next_member}", payloads.MEMBER_PERMISSIONS
        )
        episode = EpisodeRef(self.rng.randint(1, 4), self.rng.randint(1, 10))
        interaction = payloads.subcommand("progress set", {"episode": episode.code}, member)
        self.sent[interaction["token"]] = (member.id, episode.key)
        self.figures.writes_sent += 1
        try:
            await self.harness.gateway.dispatch("INTERACTION_CREATE", interaction)
            answered = self.harness.stand_in.callback_event(int(interaction["id"]))
            await asyncio.wait_for(answered.wait(), 10)
        except (OSError, RuntimeError, TimeoutError):
            pass  # the bot was killed under it

    async def _collect_acknowledgements(self) -> None:
        for request in self.harness.stand_in.requests:
            token = _token_in(request.path, self.sent)
            if token is None or not _says_saved(request.body):
                continue
            member, episode = self.sent[token]
            if member not in self.acked:
                self.acked[member] = episode
                self.figures.acknowledged += 1
        self.harness.stand_in.requests.clear()

    # --- checks --------------------------------------------------------------------

    async def verify(self, phase: str) -> None:
        """Check a copy of the files as the kill left them."""
        copy = self.workdir / "check" / "fambot.sqlite3"
        shutil.rmtree(copy.parent, ignore_errors=True)
        copy.parent.mkdir()
        for suffix in ("", "-wal"):
            source = Path(f"{self.database}{suffix}")
            if source.exists():
                shutil.copy(source, f"{copy}{suffix}")
        where = f"round {self.rounds} ({phase})"
        conn = sqlite3.connect(copy)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                self.figures.damaged.append(f"{where}: integrity_check failed")
                return
            stored = dict(
                conn.execute(
                    "SELECT user_id, episode_id FROM community_series_progress WHERE series = ''"
                )
            )
        finally:
            conn.close()
        for member, episode in self.acked.items():
            if stored.get(member) != episode and member not in self.figures.lost:
                self.figures.lost[member] = f"{where}: member {member} expected {episode}"
        await self._verify_canon(copy, where, phase)

    async def _verify_canon(self, copy: Path, where: str, phase: str) -> None:
        async with aiosqlite.connect(copy) as conn:
            conn.row_factory = aiosqlite.Row
            canon = CanonRepository(conn)
            stored = await canon.fingerprint()
            version = next((n for n, fp in self.fingerprints.items() if fp == stored), None)
            gap = await canon.incompleteness()
            episode = await canon.episode(FIRST_EPISODE)
        if version is None or gap is not None:
            self.figures.damaged.append(f"{where}: canon version {version}, incomplete: {gap}")
            return
        if episode is None or episode.title != TITLES[version]:
            self.figures.damaged.append(f"{where}: version {version} with the other's titles")
        if phase == "reload":
            if version == self.version:
                self.figures.reloads_committed += 1
            else:
                self.figures.reloads_rolled_back += 1

    async def final_start(self) -> None:
        """After the last kill: the bot starts, serves, and stops cleanly."""
        process, log = await self._spawn()
        try:
            await asyncio.wait_for(self.harness.gateway.ready.wait(), READY_SECONDS)
        except TimeoutError:
            self.figures.failed_starts += 1
        process.send_signal(signal.SIGTERM)
        try:
            code = await asyncio.wait_for(process.wait(), 30)
        except TimeoutError:
            process.kill()
            code = await process.wait()
        self.figures.tracebacks += log.read_text(errors="replace").count("Traceback")
        if code != 0:
            self.figures.failed_starts += 1
        await self.verify("final start")


def _token_in(path: str, sent: dict[str, tuple[int, int]]) -> str | None:
    for part in path.split("/"):
        if part in sent:
            return part
    return None


def _says_saved(body: object) -> bool:
    data = body.get("data", body) if isinstance(body, dict) else None
    if not isinstance(data, dict):
        return False
    return any(embed.get("title") == "Progress saved" for embed in data.get("embeds") or [])


async def crash_run(workdir: Path, kills: int, seed: int) -> Figures:
    async with CrashRun(workdir, seed) as run:
        for index in range(kills):
            await run.kill_once(PHASES[index % len(PHASES)])
        await run.final_start()
        return run.figures
