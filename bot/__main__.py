"""``python -m bot`` runs the bot; ``python -m bot sync [--guild ID]`` syncs its commands;
``python -m bot reports [--since DATE]`` prints members' mistake reports."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from datetime import UTC, datetime

import aiohttp
import discord

from bot.app import create_bot
from bot.canon.fields import ContentError
from bot.report_export import export
from bot.settings import Settings, SettingsError, load_settings, log_level_number
from bot.store import Store, StoreError

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
    """Needs the database only: no token, no connection to Discord."""
    store = await Store.open(settings.database_path)
    try:
        print(await export(store, settings.content_dir, since), end="")
    finally:
        await store.close()


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
    bot = create_bot(settings)
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
