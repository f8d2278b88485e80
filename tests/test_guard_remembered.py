"""What the guard remembers per message in memory (edits and deletions seen before a
message is journalled, why a repost was left unedited) stays bounded with uptime."""

from __future__ import annotations

from collections import OrderedDict

from cogs.spoilers._intake import remember


def test_the_oldest_are_forgotten_past_the_limit() -> None:
    kept: OrderedDict[int, str] = OrderedDict()
    for message_id in range(10):
        remember(kept, message_id, f"why {message_id}", limit=3)
    assert list(kept) == [7, 8, 9]
    assert kept[9] == "why 9"


def test_remembering_again_keeps_one_entry() -> None:
    kept: OrderedDict[int, str] = OrderedDict()
    remember(kept, 1, "first", limit=3)
    remember(kept, 1, "second", limit=3)
    assert kept == {1: "second"}
