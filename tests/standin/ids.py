"""Snowflake-shaped ids for test objects, increasing like Discord's."""

from __future__ import annotations

import itertools

_counter = itertools.count(1)
_EPOCH_MS = 1_700_000_000_000 - 1_420_070_400_000


def next_id() -> int:
    return (_EPOCH_MS << 22) + next(_counter)
