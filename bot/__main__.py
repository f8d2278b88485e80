"""``python -m bot`` runs the bot; ``python -m bot sync [--guild ID]`` syncs its commands;
``python -m bot reports [--since DATE]`` prints members' mistake reports;
``python -m bot migrate`` brings the database's schema up to date."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import discord

from bot.app import create_bot
from bot.canon.fields import ContentError
from bot.report_export import export
from bot.settings import Settings, SettingsError, load_settings, log_level_number
from bot.store import Store, StoreError, open_store
from bot.store.content_sync import sync_canon
from bot.store.database import migrations
from bot.store.postgres import database as postgres
from bot.store.postgres.copy import copy_from_sqlite

log = logging.getLogger("bot")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="connect to Discord and answer commands (the default)")
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
    """Needs the database only: no token, no connection to Discord. Runs beside a
    running bot (it only reads)."""
    store = await open_store(settings, exclusive=False)
    try:
        if store.path is None:  # the canon is in memory: load it to name the subjects
            await sync_canon(store.canon, settings.content_dir)
        print(await export(store, settings.content_dir, since), end="")
    finally:
        await store.close()


async def _migrate(settings: Settings, from_sqlite: Path | None = None) -> str:
    """PostgreSQL: apply pending migrations (processes may keep running; restart them
    afterwards, one by one), then copy a SQLite file's community data if asked.
    SQLite: opening the file migrates it."""
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


async def _run(settings: Settings) -> None:
    token = settings.require_token()
    bot = create_bot(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows has no signal handlers
            loop.add_signal_handler(signum, stop.set)
    async with bot:  # leaving the block calls bot.close(): replies finish, database closes
        runner = asyncio.create_task(bot.start(token))
        stopper = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if runner in done:
            stopper.cancel()
            runner.result()  # re-raise a login or connection failure
        else:
            log.info("Shutdown requested; finishing in-flight replies")
            await bot.close()
            await runner


async def _sync(settings: Settings, guild_id: int | None) -> None:
    """Publish the command tree once, for every shard and process: it needs neither the
    database nor a gateway connection."""
    bot = create_bot(settings, commands_only=True)
    async with bot:
        await bot.login(settings.require_token())
        guild = discord.Object(guild_id) if guild_id else None
        if guild is not None:
            bot.tree.copy_global_to(guild=guild)
        synced = await bot.tree.sync(guild=guild)
        where = f"server {guild_id}" if guild_id else "all servers (may take up to an hour)"
        print(f"Synced {len(synced)} commands to {where}.")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"fambot: {error}", file=sys.stderr)
        return 2
    discord.utils.setup_logging(level=log_level_number(settings), root=True)
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
    except SettingsError as error:
        print(f"fambot: {error}", file=sys.stderr)
        return 2
    except discord.PrivilegedIntentsRequired:
        print(
            "fambot: FAMBOT_SPOILER_GUARD=on needs the Message Content intent: enable it on "
            "the Bot tab of your application, or set FAMBOT_SPOILER_GUARD=off.",
            file=sys.stderr,
        )
        return 1
    except discord.LoginFailure:
        print(
            "fambot: Discord rejected DISCORD_TOKEN: reset the token on the Bot tab of your "
            "application and paste the new one into .env.",
            file=sys.stderr,
        )
        return 1
    except (ContentError, StoreError) as error:
        print(f"fambot: {error}", file=sys.stderr)
        return 1
    except (aiohttp.ClientError, OSError) as error:
        print(
            f"fambot: could not reach Discord ({error.__class__.__name__}): check the "
            "network connection and try again.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
