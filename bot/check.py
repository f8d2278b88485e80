"""``python -m bot check``: what start-up would find, without starting or changing anything.

Settings, the token's shape, the database (opened read-only: schema, quick_check, the
stored canon), the content files, and the permissions and intents the bot needs. With
``--discord`` it also asks Discord: the token, the application's intents and endpoint,
and the bot's permissions in every server it is in. Exit code 0 when the bot would
start and serve (warnings allowed), 1 when something would stop it.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
from dataclasses import dataclass
from typing import Literal

import aiohttp
import discord

from bot.app import point_library
from bot.canon.content import load_content
from bot.canon.fields import ContentError
from bot.guild_permissions import GUARD_PERMISSIONS, permission_names
from bot.settings import Settings
from bot.store.inspection import Inspection, StoreError, inspect_database

Status = Literal["ok", "warn", "FAIL"]

# What the README's invite link grants: lookups, and the guard's extra permissions.
LOOKUP_PERMISSIONS = ("view_channel", "send_messages", "send_messages_in_threads", "embed_links")
DISCORD_TIMEOUT_SECONDS = 20.0


@dataclass(frozen=True)
class Finding:
    status: Status
    topic: str
    text: str

    def line(self) -> str:
        return f"{self.status:<4}  {self.topic}: {self.text}"


def needed_permissions(settings: Settings) -> tuple[str, ...]:
    extra = GUARD_PERMISSIONS if settings.spoiler_guard else ()
    return tuple(dict.fromkeys((*LOOKUP_PERMISSIONS, *extra)))


def permissions_value(names: tuple[str, ...]) -> int:
    return discord.Permissions(**dict.fromkeys(names, True)).value


def check_token(settings: Settings) -> Finding:
    if not settings.token:
        return Finding("FAIL", "token", "DISCORD_TOKEN is not set: copy .env.example to .env")
    head = settings.token.split(".")[0]
    try:
        user_id = base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        user_id = ""
    if not user_id.isdigit():
        return Finding(
            "FAIL", "token", "its first part is not a bot's user ID: copy it again from the Bot tab"
        )
    return Finding("ok", "token", f"has the shape of a bot token (bot user {user_id})")


def check_database(report: Inspection | StoreError, settings: Settings) -> Finding:
    path = settings.database_path
    if isinstance(report, StoreError):
        return Finding("FAIL", "database", str(report))
    if not report.exists:
        return Finding("ok", "database", f"{path} does not exist yet: start-up creates it")
    if report.schema < report.latest:
        return Finding(
            "ok",
            "database",
            f"{path}: start-up migrates it from schema {report.schema} to {report.latest}",
        )
    if report.incomplete:
        return Finding(
            "warn",
            "database",
            f"{path}: the stored canon is incomplete ({report.incomplete}); "
            "start-up reloads it from the files",
        )
    return Finding(
        "ok",
        "database",
        f"{path}: schema {report.schema}, quick_check ok, {report.members} members' progress, "
        f"{report.servers} servers' settings",
    )


def check_content(report: Inspection | StoreError, settings: Settings) -> Finding:
    stored = None if isinstance(report, StoreError) else report.fingerprint
    whole = stored is not None and not isinstance(report, StoreError) and not report.incomplete
    try:
        bundle = load_content(settings.content_dir)
    except ContentError as error:
        if whole:
            return Finding(
                "warn", "content", f"{error} (the bot keeps serving the version stored before)"
            )
        return Finding("FAIL", "content", str(error))
    counts = f"{len(bundle.characters)} characters, {len(bundle.episodes)} episodes"
    if bundle.fingerprint == stored and whole:
        state = "unchanged since the last load"
    else:
        state = "start-up loads this version"
    return Finding(
        "ok",
        "content",
        f"{settings.content_dir}: {counts}, version {bundle.fingerprint[:12]} ({state})",
    )


def check_invite(settings: Settings) -> list[Finding]:
    needed = needed_permissions(settings)
    found = [
        Finding(
            "ok",
            "invite",
            "scopes bot and applications.commands, permissions "
            f"{permissions_value(needed)} ({permission_names(list(needed))})",
        )
    ]
    if settings.spoiler_guard:
        found.append(
            Finding(
                "ok",
                "intents",
                "FAMBOT_SPOILER_GUARD=on needs Message Content Intent on the Bot tab "
                "(python -m bot check --discord verifies it)",
            )
        )
    else:
        found.append(Finding("ok", "intents", "no privileged intents needed"))
    return found


async def check_discord(settings: Settings) -> list[Finding]:
    """Log in over HTTP only (no gateway session) and read what Discord says."""
    point_library(settings)
    client = discord.Client(intents=discord.Intents(guilds=True))
    try:
        async with client:
            async with asyncio.timeout(DISCORD_TIMEOUT_SECONDS):
                await client.login(settings.token or "")
                return await _read_discord(client, settings)
    except discord.LoginFailure:
        return [
            Finding("FAIL", "discord", "Discord rejected DISCORD_TOKEN: reset it on the Bot tab")
        ]
    except (aiohttp.ClientError, TimeoutError, discord.HTTPException) as error:
        return [Finding("FAIL", "discord", f"could not reach Discord ({type(error).__name__})")]


async def _read_discord(client: discord.Client, settings: Settings) -> list[Finding]:
    application = await client.application_info()
    user = client.user
    found = [
        Finding("ok", "discord", f"token accepted: bot {user} of application {application.id}")
    ]
    if application.interactions_endpoint_url:
        found.append(
            Finding(
                "FAIL",
                "discord",
                "the application has an Interactions Endpoint URL, so Discord sends commands "
                "there, not to the bot: clear it on the General Information tab",
            )
        )
    if settings.spoiler_guard:
        flags = application.flags
        if flags.gateway_message_content or flags.gateway_message_content_limited:
            found.append(Finding("ok", "intents", "Message Content Intent is enabled"))
        else:
            found.append(
                Finding(
                    "FAIL",
                    "intents",
                    "FAMBOT_SPOILER_GUARD=on but Message Content Intent is off: enable it on "
                    "the Bot tab, or set FAMBOT_SPOILER_GUARD=off",
                )
            )
    found.extend(await _guild_permissions(client, needed_permissions(settings)))
    return found


async def _guild_permissions(client: discord.Client, needed: tuple[str, ...]) -> list[Finding]:
    # /users/@me/guilds carries the bot's server-wide permissions in each server; the
    # library's Guild objects drop that field, so the raw route is read.
    guilds = await client.http.get_guilds(200)
    if not guilds:
        return [Finding("warn", "servers", "the bot is in no server yet: open the invite link")]
    found: list[Finding] = []
    for guild in guilds:
        granted = discord.Permissions(int(guild.get("permissions", 0)))
        lacking = [name for name in needed if not getattr(granted, name)]
        name = f"{guild.get('name', '?')} ({guild['id']})"
        if granted.administrator or not lacking:
            found.append(Finding("ok", "servers", f"{name}: every permission needed"))
        else:
            found.append(
                Finding(
                    "warn",
                    "servers",
                    f"{name}: missing {permission_names(lacking)} server-wide "
                    "(/spoilers status shows each channel)",
                )
            )
    return found


async def run_checks(settings: Settings, *, ask_discord: bool) -> list[Finding]:
    findings = [check_token(settings)]
    try:
        report: Inspection | StoreError = await inspect_database(settings.database_path)
    except StoreError as error:
        report = error
    findings.append(check_database(report, settings))
    findings.append(await asyncio.to_thread(check_content, report, settings))
    findings.extend(check_invite(settings))
    if ask_discord and findings[0].status != "FAIL":
        findings.extend(await check_discord(settings))
    return findings


def exit_code(findings: list[Finding]) -> int:
    return 1 if any(f.status == "FAIL" for f in findings) else 0
