"""Snowflake ids for test objects, made as Discord makes them: the time in the top bits.

The time matters: the bot reads history "after" a snowflake made from a moment, and
bulk deletion refuses messages older than two weeks, both by the id alone.
"""

from __future__ import annotations

import time

DISCORD_EPOCH_MS = 1_420_070_400_000
_last = 0


def next_id() -> int:
    """A fresh id, strictly greater than every id made before (in this process)."""
    global _last
    now = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
    _last = max(now, _last + 1)
    return _last


def advance(seconds: float) -> None:
    """Make the next ids as if the clock were ``seconds`` ahead (ids stay increasing)."""
    global _last
    _last = max(_last, (int((time.time() + seconds) * 1000) - DISCORD_EPOCH_MS) << 22)


def id_at(seconds: float) -> int:
    """The smallest id Discord could give an object made at ``seconds`` (Unix time)."""
    return (int(seconds * 1000) - DISCORD_EPOCH_MS) << 22


def seconds_of(snowflake: int) -> float:
    return ((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000
