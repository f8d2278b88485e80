"""Settings, read once from the environment (and ``.env``) into one frozen object."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = PROJECT_ROOT / "data" / "fambot.sqlite3"
DEFAULT_CONTENT_DIR = PROJECT_ROOT / "data" / "canon"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FORMATS = ("text", "json")
_SWITCH = {"on": True, "true": True, "1": True, "yes": True, "off": False, "false": False}
_SWITCH |= {"0": False, "no": False}


class SettingsError(Exception):
    """A setting is missing or malformed; the message says which and how to fix it."""


@dataclass(frozen=True)
class Shards:
    """The gateway shards this process runs: ``ids`` out of ``count``."""

    count: int
    ids: tuple[int, ...]

    @property
    def every_one(self) -> bool:
        """Whether this process runs all of them (no other process is needed)."""
        return len(self.ids) == self.count

    def owns(self, guild_id: int) -> bool:
        """Whether a server's events come to this process (Discord's rule)."""
        return (guild_id >> 22) % self.count in self.ids

    def describe(self) -> str:
        first, last = self.ids[0], self.ids[-1]
        run = f"{first}" if first == last else f"{first}-{last}"
        return f"shards {run} of {self.count}"


@dataclass(frozen=True)
class Settings:
    token: str | None = field(repr=False)  # never printed or logged
    database_path: Path = DEFAULT_DATABASE
    # postgresql://...: community data shared by every process; canon stays in memory.
    database_url: str | None = field(default=None, repr=False)  # may hold a password
    database_wait: float = 30.0  # seconds to keep trying PostgreSQL at start
    # A write waits this long for another process holding the SQLite file's write lock
    # (a backup, say) before the member is told nothing was saved.
    database_lock_seconds: float = 5.0
    shards: Shards | None = None  # None: one process, unsharded, as a small bot runs
    content_dir: Path = DEFAULT_CONTENT_DIR
    dev_guild_id: int | None = None
    log_level: str = "INFO"
    log_format: str = "text"  # "json": one JSON object per line, for log shippers
    # Read member messages for the spoiler guard (Discord's privileged Message Content
    # intent, which must also be enabled for the application in the developer portal).
    spoiler_guard: bool = False
    # After a restart, or a reconnect that could not resume, the guard reads each
    # guarded channel back to the last message it saw: at most this far back and this
    # many messages per channel.
    guard_catchup_hours: float = 6.0
    guard_catchup_messages: int = 200
    # A moderator's "Tag it" (or "Spoiler-tag this message") waits this long for the
    # tagged copy to be up before answering; past it the answer says it is queued.
    guard_answer_seconds: float = 8.0
    # Discord's own timings, left as they are against Discord; a local stand-in (tests,
    # the console) sends its servers at once and limits nothing, so it sets them short.
    # After READY, how long to wait for more servers before the bot counts as ready
    # (discord.py's default) ...
    guild_ready_seconds: float = 2.0
    # ... and between one shard's IDENTIFY and the next (Discord allows one in 5 s).
    identify_seconds: float = 5.0
    # Only tests and the console change these, to reach a local stand-in for Discord.
    api_base: str | None = None
    gateway_url: str | None = None

    def require_token(self) -> str:
        if not self.token:
            raise SettingsError(
                "DISCORD_TOKEN is not set: copy .env.example to .env and paste your bot's "
                "token from https://discord.com/developers/applications (Bot tab)."
            )
        return self.token


def _snowflake(name: str, raw: str) -> int:
    if not raw.isdigit() or not 15 <= len(raw) <= 21:
        raise SettingsError(
            f"{name} must be a Discord server ID (15-21 digits), got {raw!r}: "
            "enable Developer Mode, right-click the server and choose Copy Server ID."
        )
    return int(raw)


def _number(
    env: Mapping[str, str], name: str, default: float, lowest: float, highest: float
) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not lowest <= value <= highest:
        raise SettingsError(f"{name} must be a number from {lowest:g} to {highest:g}, not {raw!r}.")
    return value


def settings_from_env(env: Mapping[str, str]) -> Settings:
    """Build settings from an environment mapping; raise SettingsError on bad values."""
    token = env.get("DISCORD_TOKEN", "").strip() or None
    if token is not None and (len(token) < 50 or " " in token or token.count(".") != 2):
        raise SettingsError(
            "DISCORD_TOKEN does not look like a bot token (three dot-separated parts): "
            "copy it again from the Bot tab of your application."
        )
    level = env.get("FAMBOT_LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if level not in LOG_LEVELS:
        raise SettingsError(
            f"FAMBOT_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {level!r}."
        )
    log_format = env.get("FAMBOT_LOG_FORMAT", "text").strip().lower() or "text"
    if log_format not in LOG_FORMATS:
        raise SettingsError(f"FAMBOT_LOG_FORMAT must be text or json, not {log_format!r}.")
    guild_raw = env.get("FAMBOT_DEV_GUILD_ID", "").strip()
    database = env.get("FAMBOT_DATABASE", "").strip()
    content = env.get("FAMBOT_CONTENT_DIR", "").strip()
    api_base = env.get("FAMBOT_API_BASE", "").strip() or None
    if api_base is not None and not api_base.startswith(("http://", "https://")):
        raise SettingsError("FAMBOT_API_BASE must be an http(s) URL; leave it unset for Discord.")
    guard_raw = env.get("FAMBOT_SPOILER_GUARD", "off").strip().lower() or "off"
    if guard_raw not in _SWITCH:
        raise SettingsError(f"FAMBOT_SPOILER_GUARD must be on or off, not {guard_raw!r}.")
    gateway_url = env.get("FAMBOT_GATEWAY_URL", "").strip() or None
    if gateway_url is not None and not gateway_url.startswith(("ws://", "wss://")):
        raise SettingsError("FAMBOT_GATEWAY_URL must be a ws(s) URL; leave it unset for Discord.")
    database_url = env.get("FAMBOT_DATABASE_URL", "").strip() or None
    if database_url is not None and not database_url.startswith(("postgresql://", "postgres://")):
        raise SettingsError(
            "FAMBOT_DATABASE_URL must be a PostgreSQL URL (postgresql://user:password@host/db); "
            "leave it unset to keep data in the SQLite file."
        )
    wait_raw = env.get("FAMBOT_DATABASE_WAIT", "").strip()
    if wait_raw and not wait_raw.isdigit():
        raise SettingsError(f"FAMBOT_DATABASE_WAIT must be whole seconds, not {wait_raw!r}.")
    shards = _shards(env.get("FAMBOT_SHARD_COUNT", ""), env.get("FAMBOT_SHARD_IDS", ""))
    if shards is not None and not shards.every_one and database_url is None:
        raise SettingsError(
            f"FAMBOT_SHARD_IDS runs {shards.describe()}, so other processes run the rest, and "
            "processes can only share members' and servers' data through PostgreSQL: set "
            "FAMBOT_DATABASE_URL, or unset FAMBOT_SHARD_IDS to run every shard here."
        )
    # Two weeks at most: Discord deletes older messages only one at a time.
    catchup_hours = _number(env, "FAMBOT_GUARD_CATCHUP_HOURS", 6.0, 0, 336)
    catchup_messages = int(_number(env, "FAMBOT_GUARD_CATCHUP_MESSAGES", 200, 0, 1000))
    lock_wait = _number(env, "FAMBOT_DATABASE_LOCK_SECONDS", Settings.database_lock_seconds, 0, 600)
    answer = _number(env, "FAMBOT_GUARD_ANSWER_SECONDS", Settings.guard_answer_seconds, 0, 14 * 60)
    guild_ready = _number(env, "FAMBOT_GUILD_READY_SECONDS", Settings.guild_ready_seconds, 0, 60)
    identify = _number(env, "FAMBOT_IDENTIFY_SECONDS", Settings.identify_seconds, 0, 60)
    return Settings(
        token=token,
        database_url=database_url,
        database_wait=float(wait_raw) if wait_raw else Settings.database_wait,
        database_lock_seconds=lock_wait,
        shards=shards,
        database_path=Path(database) if database else DEFAULT_DATABASE,
        content_dir=Path(content) if content else DEFAULT_CONTENT_DIR,
        dev_guild_id=_snowflake("FAMBOT_DEV_GUILD_ID", guild_raw) if guild_raw else None,
        log_level=level,
        log_format=log_format,
        spoiler_guard=_SWITCH[guard_raw],
        guard_catchup_hours=catchup_hours,
        guard_catchup_messages=catchup_messages,
        guard_answer_seconds=answer,
        guild_ready_seconds=guild_ready,
        identify_seconds=identify,
        api_base=api_base,
        gateway_url=gateway_url,
    )


def _shards(count_raw: str, ids_raw: str) -> Shards | None:
    """FAMBOT_SHARD_COUNT=4 with FAMBOT_SHARD_IDS=0-1: this process runs shards 0 and 1."""
    count_raw, ids_raw = count_raw.strip(), ids_raw.strip()
    if not count_raw:
        if ids_raw:
            raise SettingsError("FAMBOT_SHARD_IDS needs FAMBOT_SHARD_COUNT (the total) too.")
        return None
    if not count_raw.isdigit() or int(count_raw) < 1:
        raise SettingsError(
            f"FAMBOT_SHARD_COUNT must be a whole number of shards, 1 or more, not {count_raw!r}."
        )
    count = int(count_raw)
    if not ids_raw:
        return Shards(count, tuple(range(count)))
    first, dash, last = ids_raw.partition("-")
    first, last = first.strip(), (last.strip() if dash else first.strip())
    if not (first.isdigit() and last.isdigit()) or int(first) > int(last) or int(last) >= count:
        raise SettingsError(
            f"FAMBOT_SHARD_IDS must be a shard or a range like 0-1 within 0-{count - 1}, "
            f"not {ids_raw!r}."
        )
    return Shards(count, tuple(range(int(first), int(last) + 1)))


def load_settings(dotenv_path: Path | None = None) -> Settings:
    """Read ``.env`` (without overriding real environment variables), then the environment."""
    from dotenv import dotenv_values

    path = dotenv_path or PROJECT_ROOT / ".env"
    merged = {k: v for k, v in dotenv_values(path).items() if v is not None}
    merged.update(os.environ)
    return settings_from_env(merged)


def log_level_number(settings: Settings) -> int:
    return logging.getLevelNamesMapping()[settings.log_level]
