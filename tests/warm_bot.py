"""``python -m bot`` for the crash and shard tests, forked from a process that has already
imported it.

A child's start is mostly imports (discord.py, aiohttp, the bot: ~0.6 s of CPU of a
~1 s start) and, on PostgreSQL with the guard on, reading the content files and the
guard's common words again (~0.4 s). The crash and shard tests start 24 such children a
run and check what happens after the start (a SIGKILL, a restart, two processes on one
shard), never the start itself: those children are forked from a *warm starter*, one per
pytest process, that imported the same modules and read the shipped content once, and
then run ``bot/__main__.py`` as ``python -m bot`` does (``runpy``), with their own
environment, folder and output. Each is its own process: its own database connections,
event loop, signals, exit code; SIGKILL kills it alone. The tests that check the start
(refusals, signals during start-up, what a refused start imports) still exec a fresh
interpreter (``tests/bot_process.py``).

The starter is this module run as a script, the worker's own child, talking over a
socket pair: each request carries the arguments, environment and folder, and (as file
descriptors) the output file and a socket on which the starter reports the child's pid
and, when the starter reaps it, its exit code as ``asyncio`` would give it (-9: SIGKILL).
"""

from __future__ import annotations

import array
import asyncio
import atexit
import contextlib
import gc
import json
import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO, Any, NoReturn

from tests import quick_exit

ROOT = Path(__file__).resolve().parent.parent
_MAX_REQUEST = 1 << 20


# --- the starter (this file run as a script) -------------------------------------------


def _warm_up() -> None:
    """Import what ``python -m bot`` imports before READY and read what every start reads
    (the same modules and caches a fresh process would build; nothing is started)."""
    import importlib

    import bot.__main__  # noqa: F401 - its imports
    from bot.app import extensions
    from bot.canon.content import fingerprint
    from bot.guard.lexicon import common_words
    from bot.settings import DEFAULT_CONTENT_DIR
    from bot.store import content_sync
    from bot.store.postgres import community, database, journal  # noqa: F401 - PostgreSQL

    for name in extensions():
        importlib.import_module(name)
    common_words()
    content_sync._read(DEFAULT_CONTENT_DIR, fingerprint(DEFAULT_CONTENT_DIR))
    asyncio.run(_compile_guard(DEFAULT_CONTENT_DIR))
    for thread in threading.enumerate():  # a fork copies no thread: none may hold a lock
        if thread is not threading.main_thread():
            thread.join()
    # ``runpy`` runs ``bot/__main__.py`` afresh as ``__main__`` in each child.
    del sys.modules["bot.__main__"]
    # What the starter holds now is what every child shares: out of the collector's
    # reach, a child's collections walk (and copy) only the objects it made itself.
    gc.collect()
    gc.freeze()


async def _compile_guard(content_dir: Path) -> None:
    """The guard's rules for a server with default settings, compiled as the guard's
    judge does on a process's first message (``compile_rules`` keeps it for the process:
    equal inputs, the same matcher, the same verdicts)."""
    from bot.guard import compile_rules
    from bot.spoilers.policy import PUBLIC, Exposure, exposure
    from bot.store.canon import CanonRepository
    from bot.store.content_sync import sync_canon
    from bot.store.database import connect_memory

    conn = await connect_memory()  # the canon as a process on PostgreSQL holds it
    try:
        canon = CanonRepository(conn)
        await sync_canon(canon, content_dir)
        rules, lexicon = await canon.guard_rules(), await canon.guard_lexicon()
    finally:
        await conn.close()
    active = tuple(r for r in rules if exposure(r.reveal, PUBLIC) is not Exposure.SHOW)
    compile_rules(active, (), lexicon)


def _serve(listening: socket.socket) -> dict[str, Any] | None:
    """Fork a child per request until the owner closes this process's stdin. Returns the
    request in a child (its caller runs it), None in the starter once the owner is gone."""
    reports: dict[int, socket.socket] = {}  # child pid -> where to say how it ended
    clients: list[socket.socket] = []
    wakeup_read, wakeup_write = os.pipe()
    os.set_blocking(wakeup_write, False)
    signal.set_wakeup_fd(wakeup_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes the select below
    selector = selectors.DefaultSelector()
    selector.register(listening, selectors.EVENT_READ)
    selector.register(wakeup_read, selectors.EVENT_READ)
    selector.register(sys.stdin, selectors.EVENT_READ)
    while True:
        for key, _ in selector.select():
            if key.fileobj is sys.stdin:  # the owner's end closed: it has finished
                return None
            if key.fileobj == wakeup_read:
                os.read(wakeup_read, 4096)
                continue
            if key.fileobj is listening:
                joined, _ = listening.accept()
                clients.append(joined)
                selector.register(joined, selectors.EVENT_READ)
                continue
            client = key.fileobj
            assert isinstance(client, socket.socket)
            fds = array.array("i")
            data, ancillary, _, _ = client.recvmsg(_MAX_REQUEST, socket.CMSG_LEN(8 * 4))
            if not data:  # that pytest process has finished
                selector.unregister(client)
                clients.remove(client)
                client.close()
                continue
            for level, kind, payload in ancillary:
                if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                    fds.frombytes(payload[: len(payload) - len(payload) % fds.itemsize])
            output, report = fds[0], socket.socket(fileno=fds[1])
            pid = os.fork()
            if pid == 0:  # the child: nothing of the starter's stays open
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                selector.close()
                for sock in (listening, report, *clients, *reports.values()):
                    sock.close()
                os.close(wakeup_read)
                os.close(wakeup_write)
                request: dict[str, Any] = json.loads(data)
                request["output"] = output
                return request
            os.close(output)
            _say(report, pid)
            reports[pid] = report
        _reap(reports)


def _say(report: socket.socket, number: int) -> None:
    """One line to the worker; a test that gave up on its child no longer listens."""
    with contextlib.suppress(OSError):
        report.sendall(f"{number}\n".encode())


def _reap(reports: dict[int, socket.socket]) -> None:
    for pid in list(reports):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            report = reports.pop(pid)
            _say(report, os.waitstatus_to_exitcode(status))
            report.close()


def _run(request: dict[str, Any]) -> NoReturn:
    """In the child: become ``python -m bot ARGS`` with the request's environment, and
    exit as it would (its threads joined, atexit handlers run, output flushed, its exit
    code), without the interpreter's teardown (``tests/quick_exit.py``). An exception
    other than ``SystemExit`` is left to the interpreter: a traceback and exit code 1."""
    import runpy

    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(request["output"], 1)
    os.dup2(request["output"], 2)
    for fd in (devnull, request["output"]):
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = ["bot", *request["args"]]
    try:
        runpy.run_module("bot", run_name="__main__", alter_sys=True)
    except SystemExit as stop:
        quick_exit.leave(quick_exit.status_of(stop))
    quick_exit.leave(0)


# --- the worker's side ------------------------------------------------------------------


class WarmProcess:
    """The parts of ``asyncio.subprocess.Process`` the crash and shard tests use."""

    def __init__(self, pid: int, report: socket.socket) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._ended = asyncio.get_running_loop().create_task(self._watch(report))

    async def _watch(self, report: socket.socket) -> int:
        try:
            said = await asyncio.get_running_loop().sock_recv(report, 64)
        finally:
            report.close()
        if not said:
            raise RuntimeError("the warm starter went away before its child ended")
        self.returncode = int(said)
        return self.returncode

    async def wait(self) -> int:
        return await asyncio.shield(self._ended)

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


# Where this run's starter listens (an environment variable, so that pytest-xdist's
# workers, started after ``own_starter``, find their controller's).
ADDRESS = "TESTS_WARM_STARTER"
_owned: tuple[subprocess.Popen[bytes], Path] | None = None
_connection: socket.socket | None = None


def own_starter() -> None:
    """Start this run's starter, for this process and every process it starts after
    (conftest: in the process that starts the workers, or the one that runs the tests;
    a process started without one starts its own on first use). It imports in the
    background while the workers start and collect; ``stop_starter`` ends it."""
    global _owned
    if os.environ.get(ADDRESS) or _owned is not None:
        return
    folder = Path(tempfile.mkdtemp(prefix="fambot-warm-"))
    address = folder / "starter"
    with socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET) as listening:
        listening.bind(str(address))
        listening.listen(16)
        starter = subprocess.Popen(
            [sys.executable, "-m", "tests.warm_bot", str(listening.fileno())],
            cwd=ROOT,
            pass_fds=[listening.fileno()],
            stdin=subprocess.PIPE,  # closed by stop_starter: the starter then exits
        )
    _owned = starter, folder
    os.environ[ADDRESS] = str(address)


@atexit.register
def stop_starter() -> None:
    """End the starter this process owns and reap it, so its CPU time is counted."""
    global _owned
    if _connection is not None:
        _connection.close()
    if _owned is None:
        return
    starter, folder = _owned
    _owned = None
    os.environ.pop(ADDRESS, None)
    assert starter.stdin is not None
    starter.stdin.close()
    try:
        starter.wait(10)
    except subprocess.TimeoutExpired:
        starter.kill()
        starter.wait()
    shutil.rmtree(folder, ignore_errors=True)


def _control() -> socket.socket:
    """This process's connection to the run's starter."""
    global _connection
    if _connection is None:
        own_starter()
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        connection.connect(os.environ[ADDRESS])
        _connection = connection
    return _connection


async def start(*args: str, env: dict[str, str], output: IO[bytes]) -> WarmProcess:
    """``python -m bot ARGS`` in folder ROOT with ``env``, stdout and stderr to ``output``."""
    request = json.dumps({"args": list(args), "env": env, "cwd": str(ROOT)}).encode()
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        fds = array.array("i", [output.fileno(), theirs.fileno()])
        _control().sendmsg([request], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)])
    finally:
        theirs.close()
    ours.setblocking(False)
    async with asyncio.timeout(30):  # one message (a packet) each: the pid, then the exit
        said = await asyncio.get_running_loop().sock_recv(ours, 64)
    if not said:
        raise RuntimeError("the warm starter could not start the bot")
    return WarmProcess(int(said), ours)


if __name__ == "__main__":
    _listening = socket.socket(fileno=int(sys.argv[1]))
    _warm_up()
    _request = _serve(_listening)
    if _request is None:  # the run is over: no teardown of what it warmed up
        quick_exit.leave(0)
    del _listening
    _run(_request)
