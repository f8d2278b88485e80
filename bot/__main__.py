"""``python -m bot`` runs the bot; ``python -m bot sync [--guild ID]`` syncs its commands;
``python -m bot check [--discord]`` says whether it would start, without starting it;
``python -m bot reports [--since DATE]`` prints members' mistake reports;
``python -m bot migrate`` brings the database's schema up to date."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sqlite3
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.canon.fields import ContentError
from bot.logs import report, setup_logging
from bot.settings import Settings, SettingsError, load_settings
from bot.store import Store, StoreError, open_store
from bot.store.content_sync import SyncResult, sync_canon
from bot.store.database import migrations
from bot.store.file_checks import describe_sqlite_error

# The tools' modules (check, reports, migrate: asyncpg among them) are imported by the
# tool that needs them: every start of the bot would otherwise pay for them (about 40 ms
# of CPU, and the tests start it a hundred times). discord.py, aiohttp and the bot
# (``bot.app``) are imported once the settings, the database and the content are known
# to be good: a start that stops at one of them (the one line saying what to fix) does
# not pay about half a second of CPU importing them.

log = logging.getLogger("bot")
RUNNER_GRACE_SECONDS = 2.0  # for the gateway loop to notice the close by itself
THREAD_EXIT_SECONDS = 2.0  # for a closed database's worker thread to end
EXIT_BAD_SETTING = 2  # a supervisor should not restart: only editing .env helps


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Run fambot (the default), or one of its tools, each reading .env.",
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="connect to Discord and answer commands (the default)")
    check = sub.add_parser(
        "check",
        help="check settings, token, database, content and permissions; exit 1 on a problem",
    )
    check.add_argument(
        "--discord",
        action="store_true",
        help="also ask Discord: the token, the application's intents, the bot's permissions",
    )
    sync = sub.add_parser("sync", help="publish the slash commands to Discord, then exit")
    where = sync.add_mutually_exclusive_group()
    where.add_argument(
        "--guild",
        type=int,
        metavar="ID",
        help="sync to this server only (instant); default: FAMBOT_DEV_GUILD_ID if set",
    )
    where.add_argument(
        "--global",
        dest="everywhere",
        action="store_true",
        help="sync to every server (Discord may take up to an hour to show changes)",
    )
    migrate = sub.add_parser(
        "migrate",
        help="bring the database up to this fambot's schema (PostgreSQL: before starting it)",
    )
    migrate.add_argument(
        "--from-sqlite",
        type=Path,
        metavar="FILE",
        help="then copy the community data of this SQLite file into PostgreSQL (once)",
    )
    reports = sub.add_parser("reports", help="print members' mistake reports, then exit")
    reports.add_argument(
        "--since",
        type=_day,
        metavar="YYYY-MM-DD",
        help="only reports sent after this day (UTC)",
    )
    return parser


def _day(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text).replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day like 2026-11-30") from None


async def _reports(settings: Settings, since: datetime | None) -> None:
    """Needs the database only: no token, no connection to Discord, and no write lock,
    so it runs beside the bots using it."""
    from bot.report_export import export

    if settings.database_url is not None:
        store = await Store.open_shared(settings, fresh_look=False)
        try:  # the canon is in memory: load it to name the subjects
            await sync_canon(store.canon, settings.content_dir)
            printed = await export(store, settings.content_dir, since)
        finally:
            await store.close()
        print(printed, end="")
        return
    store = await Store.open_to_read(settings.database_path)
    try:
        printed = await export(store, settings.content_dir, since)
    except sqlite3.Error as error:
        raise describe_sqlite_error(settings.database_path, error) from None
    finally:
        await store.close()
    print(printed, end="")


async def _migrate(settings: Settings, from_sqlite: Path | None = None) -> str:
    """PostgreSQL: apply pending migrations (processes may keep running; restart them
    afterwards, one by one), then copy a SQLite file's community data if asked.
    SQLite: opening the file migrates it."""
    from bot.store.postgres import database as postgres
    from bot.store.postgres.copy import copy_from_sqlite

    if from_sqlite is not None and settings.database_url is None:
        raise SettingsError("--from-sqlite copies into PostgreSQL: set FAMBOT_DATABASE_URL.")
    if settings.database_url is None:
        store = await Store.open(settings.database_path)
        await store.close()
        latest = migrations()[-1].version
        return f"{settings.database_path} is at schema version {latest}."
    conn = await postgres.connect(settings.database_url, settings.database_wait)
    try:
        before, after = await postgres.migrate(conn)
        copied = await copy_from_sqlite(from_sqlite, conn) if from_sqlite else None
    finally:
        await conn.close()
    where = postgres.where(settings.database_url)
    if before == after:
        said = f"PostgreSQL at {where} is already at schema version {after}."
    else:
        said = f"PostgreSQL at {where} migrated from schema version {before} to {after}."
    if copied is not None:
        rows = ", ".join(f"{n} {table.removeprefix('community_')}" for table, n in copied.items())
        said += f" Copied from {from_sqlite}: {rows}."
    return said


async def _opened(settings: Settings) -> tuple[Store, SyncResult]:
    """The database, open, with the canon brought up to date; closed again if that fails
    or is cancelled (each step rolls back and releases what it opened)."""
    store = await open_store(settings)
    try:
        return store, await sync_canon(store.canon, settings.content_dir)
    except BaseException:
        await store.close()
        log.info("Database closed")
        raise


async def _run(settings: Settings) -> None:
    token = settings.require_token()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows has no signal handlers
            loop.add_signal_handler(signum, stop.set)
    stopper = asyncio.create_task(stop.wait())
    # Local problems (the database, the content files) are found before discord.py is
    # imported, and never wait for Discord.
    opening = asyncio.create_task(_opened(settings))
    await asyncio.wait({opening, stopper}, return_when=asyncio.FIRST_COMPLETED)
    if not opening.done():
        log.info("Shutdown requested; finishing in-flight replies")
        opening.cancel()
        await asyncio.wait({opening})
        if not opening.cancelled() and opening.exception() is not None:
            log.info("Start-up ended by the shutdown: %s", opening.exception())
        elif not opening.cancelled():  # opened just as it was cancelled
            await opening.result()[0].close()
        return
    store, content = opening.result()  # a StoreError or ContentError: the one line
    try:
        from bot.app import create_bot  # SIGTERM meanwhile: handled just below

        bot = create_bot(settings)
    except BaseException:
        await store.close()
        raise
    bot.adopt(store, content)
    bot.freeze_heap = True  # once started up (bot/app.py)
    async with bot:  # leaving the block calls bot.close(): replies finish, database closes
        runner = asyncio.create_task(bot.start(token))
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if runner in done:
            stopper.cancel()
            runner.result()  # re-raise a login or connection failure
            return
        log.info("Shutdown requested; finishing in-flight replies")
        if not bot.started_up:
            # Still opening the database or loading content: stop that where it is
            # (each step rolls back and releases what it opened), then close.
            runner.cancel()
        await bot.close()
        # The gateway loop may be sleeping out a reconnect back-off: do not wait for it.
        await asyncio.wait({runner}, timeout=RUNNER_GRACE_SECONDS)
        if not runner.done():
            runner.cancel()
            await asyncio.wait({runner})
        if not runner.cancelled() and runner.exception() is not None:
            log.info("Start-up ended by the shutdown: %s", runner.exception())


async def _sync(settings: Settings, guild_id: int | None) -> None:
    """Publish the command tree once, for every shard and process: it needs neither the
    database nor a gateway connection."""
    import discord

    from bot.app import create_bot

    bot = create_bot(settings, commands_only=True)
    async with bot:
        await bot.login(settings.require_token())
        guild = discord.Object(guild_id) if guild_id else None
        if guild is not None:
            bot.tree.copy_global_to(guild=guild)
        synced = await bot.tree.sync(guild=guild)
        where = f"server {guild_id}" if guild_id else "all servers (may take up to an hour)"
        print(f"Synced {len(synced)} commands to {where}.")


def _check(settings: Settings, *, ask_discord: bool) -> int:
    from bot.check import exit_code, run_checks

    findings = asyncio.run(run_checks(settings, ask_discord=ask_discord))
    for finding in findings:
        print(finding.line())
    failed = sum(f.status == "FAIL" for f in findings)
    warned = sum(f.status == "warn" for f in findings)
    verdict = "would not start" if failed else "ready to start"
    print(f"fambot check: {verdict} ({failed} failed, {warned} warnings)")
    return exit_code(findings)


def _failure(error: BaseException) -> tuple[int, str]:
    """The exit code and the one line for an error that stopped the bot."""
    if isinstance(error, SettingsError):
        return EXIT_BAD_SETTING, str(error)
    if isinstance(error, ContentError | StoreError):
        return 1, str(error)
    import aiohttp  # already imported, unless the bot stopped before it did
    import discord

    if isinstance(error, discord.PrivilegedIntentsRequired):
        return 1, (
            "FAMBOT_SPOILER_GUARD=on needs the Message Content intent: enable it on the Bot "
            "tab of your application, or set FAMBOT_SPOILER_GUARD=off."
        )
    if isinstance(error, discord.LoginFailure):
        return 1, (
            "Discord rejected DISCORD_TOKEN: reset the token on the Bot tab of your "
            "application and paste the new one into .env."
        )
    if isinstance(
        error,
        aiohttp.ClientError
        | asyncio.TimeoutError
        | discord.GatewayNotFound
        | discord.DiscordServerError,
    ):
        return 1, (
            f"could not reach Discord ({error.__class__.__name__}): check the network "
            "connection and try again."
        )
    if isinstance(error, discord.HTTPException):
        return 1, f"Discord refused a start-up request (HTTP {error.status}: {error.text[:100]})."
    return 1, (
        f"stopped by an unexpected error ({error.__class__.__name__}: {str(error)[:200]}); "
        "the log above has the details."
    )


def _release_lingering_threads(code: int) -> None:
    """Never leave a process that looks alive but serves nothing.

    Every path closes the database, whose worker thread would otherwise keep the
    interpreter running; a thread still open after a moment is a bug, so say so and exit.
    """
    deadline = time.monotonic() + THREAD_EXIT_SECONDS
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join(max(0.0, deadline - time.monotonic()))
    stuck = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    if stuck:
        log.error("Exiting with %d thread(s) still open: %s", len(stuck), stuck[0].name)
        logging.shutdown()
        os._exit(code)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        report(None, str(error))
        return EXIT_BAD_SETTING
    if args.command == "check":  # its report is the output: the library's chatter is not
        setup_logging(settings, quiet=settings.log_level != "DEBUG")
        return _check(settings, ask_discord=args.discord)
    setup_logging(settings)
    code = 0
    try:
        if args.command == "reports":
            asyncio.run(_reports(settings, args.since))
        elif args.command == "migrate":
            print(asyncio.run(_migrate(settings, args.from_sqlite)))
        elif args.command == "sync":
            guild_id = None if args.everywhere else args.guild or settings.dev_guild_id
            asyncio.run(_sync(settings, guild_id))
        else:
            asyncio.run(_run(settings))
    except KeyboardInterrupt:
        code = 130
    except Exception as error:
        code, line = _failure(error)
        if code == 1 and line.startswith("stopped by an unexpected error"):
            log.error("Start-up failed", exc_info=error)
        report(settings, line)
    _release_lingering_threads(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
