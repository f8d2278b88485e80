"""Cog listeners whose work shutdown waits for (a repost, a row written)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, Protocol, TypeVar

from discord.ext import commands

if TYPE_CHECKING:
    from bot.app import FamBot

P = ParamSpec("P")


class HasBot(Protocol):
    bot: FamBot


CogT = TypeVar("CogT", bound=HasBot)
Listener = Callable[Concatenate[CogT, P], Coroutine[Any, Any, None]]


def tracked_listener(listener: Listener[CogT, P]) -> Listener[CogT, P]:
    """``@commands.Cog.listener()``, plus: the event's task is tracked from its first
    line, so the bot finishes it before closing the database. Listens to the event the
    method is named after (``on_message``)."""

    @functools.wraps(listener)
    async def tracked(cog: CogT, /, *args: P.args, **kwargs: P.kwargs) -> None:
        cog.bot.track_current_task()
        await listener(cog, *args, **kwargs)

    return commands.Cog.listener()(tracked)
