"""Errors a member can be told about."""

from __future__ import annotations

from collections.abc import Sequence

from discord import app_commands

from bot.render.notices import not_found


class UserFacingError(app_commands.AppCommandError):
    """An expected refusal; its message is shown to the member, ephemerally.

    An ``AppCommandError``, so the library hands it to the tree's error handler as it
    is, from a command body or from a transformer alike. Messages are built from names
    and the member's own (escaped) input, never from story text, so an error can never
    carry a spoiler.
    """


class NotFoundError(UserFacingError):
    def __init__(self, kind: str, typed: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(not_found(kind, typed, suggestions))
        self.suggestions = tuple(suggestions)
