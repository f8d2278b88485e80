"""A second test server on the other shard, and which server a channel belongs to.

Discord sends each server's events to one shard: ``(guild_id >> 22) % shard_count``.
The test server (``payloads.GUILD_ID``) is on shard 1 of 2; the second server here is
the same server moved to shard 0: every id of the first server's own objects (the
server, its channels, threads and roles) shifted by ``SHIFT``. Members are users, the
same in both.
"""

from __future__ import annotations

from typing import Any

from tests.standin import payloads

SHIFT = 1 << 22  # moves an id to the next shard of two (and keeps it a valid snowflake)
SECOND_GUILD_ID = payloads.GUILD_ID + SHIFT
_FIRST = range(payloads.GUILD_ID - 1, payloads.GUILD_ID + 1000)  # the first server's ids


def shard_of(guild_id: int, shard_count: int) -> int:
    return (guild_id >> 22) % shard_count


def _moved(value: str) -> str:
    if value.isdigit() and int(value) in _FIRST:
        return str(int(value) + SHIFT)
    return value


def relocate(payload: Any) -> Any:
    """``payload`` (an event, an interaction, a server) as it would be in the second server."""
    if isinstance(payload, dict):
        return {_moved(k): relocate(v) for k, v in payload.items()}
    if isinstance(payload, list):
        return [relocate(v) for v in payload]
    if isinstance(payload, str):
        return _moved(payload)
    if isinstance(payload, int) and not isinstance(payload, bool) and payload in _FIRST:
        return payload + SHIFT
    return payload


def moved(channel_or_role_id: int) -> int:
    """A channel's or role's id in the second server."""
    return channel_or_role_id + SHIFT


def guild_of(channel_id: int) -> int:
    """The server a channel (or thread) of the stand-in belongs to."""
    return SECOND_GUILD_ID if channel_id - SHIFT in _FIRST else payloads.GUILD_ID
