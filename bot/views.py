"""Buttons under a reply: a base view for the invoker's buttons, page turning with
Reveal built on it, and ``answer``, which sends a reply with whatever buttons it needs."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import discord

from bot.app import FamBot
from bot.gate import RESTARTING, turn_away
from bot.interactions import audience_of, send_ephemeral
from bot.render.cards import Card, Listing, Reply
from bot.render.compose import Composed, compose, paginate
from bot.render.reveal import revealed_card
from bot.spoilers.policy import REVEAL, Audience, Detail

log = logging.getLogger(__name__)

PAGE_TIMEOUT_SECONDS = 180.0


class OwnedView(discord.ui.View):
    """Buttons only the member who ran the command may press.

    Every press and the switch-off at timeout run as tracked work (shutdown lets them
    finish); a stranger's press and a failing button each get one short private answer
    that cannot itself fail. Set ``origin`` to the interaction whose reply carries the
    view, so the buttons can be switched off in place when it times out.
    """

    not_yours = (
        "Only the person who ran this command can use these buttons. "
        "Run the command yourself to browse."
    )
    broken = "Sorry, those buttons stopped working. Run the command again."

    def __init__(self, owner_id: int, *, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self._origin: discord.Interaction[FamBot] | None = None

    @property
    def origin(self) -> discord.Interaction[FamBot] | None:
        return self._origin

    @origin.setter
    def origin(self, interaction: discord.Interaction[FamBot] | None) -> None:
        """The interaction whose reply carries the view; the bot then counts it as live
        (a press on a view it does not know is answered by cogs/expired.py)."""
        self._origin = interaction
        if interaction is not None:
            interaction.client.views.add(self)

    # The library types these hooks for any client; the bot is checked, not assumed.
    async def interaction_check(self, interaction: discord.Interaction[discord.Client], /) -> bool:
        if isinstance(interaction.client, FamBot):
            interaction.client.track_current_task()
            if interaction.client.draining:
                await turn_away(interaction, RESTARTING)
                return False
        if interaction.user.id == self.owner_id:
            return True
        await send_ephemeral(interaction, self.not_yours)
        return False

    async def on_error(
        self,
        interaction: discord.Interaction[discord.Client],
        error: Exception,
        item: discord.ui.Item[Any],
        /,
    ) -> None:
        log.error("%s button failed", type(self).__name__, exc_info=error)
        await send_ephemeral(interaction, self.broken)

    async def on_timeout(self) -> None:
        for item in self.children:
            # Buttons answered elsewhere (Sources, Report a mistake) are anyone's, always.
            if isinstance(item, discord.ui.Button | discord.ui.Select) and item.is_dispatchable():
                item.disabled = True
        if self.origin is None:
            return
        self.origin.client.track_current_task()
        try:
            await self.origin.edit_original_response(view=self)
        except discord.HTTPException as error:  # message deleted, token expired
            log.debug("Could not disable page buttons: %s", error.status)


def is_live(bot: FamBot, custom_id: str, pressed_on: discord.Message | None = None) -> bool:
    """Whether something of this bot will answer a press (or form) with ``custom_id``: a
    view still running, or a handler registered at start (``FamBot.answers_ids``). For a
    button, ``pressed_on`` is its message: the library calls a registered button only
    when the message carries it."""
    if any(pattern.fullmatch(custom_id) for pattern in bot.standing_ids) and (
        pressed_on is None or custom_id in _custom_ids(pressed_on.components)
    ):
        return True
    return any(
        not view.is_finished()
        and any(getattr(item, "custom_id", None) == custom_id for item in view.children)
        for view in list(bot.views)
    )


def _custom_ids(components: Sequence[Any]) -> set[str]:
    """Every custom id in a message's components, rows and their children alike."""
    found: set[str] = set()
    for component in components:
        if isinstance(getattr(component, "custom_id", None), str):
            found.add(component.custom_id)
        found |= _custom_ids(getattr(component, "children", ()))
    return found


@dataclass(frozen=True)
class FirstPage:
    """A reply ready to send: its pages, what a listing held back, and page one."""

    pages: Sequence[Card]
    held_back: tuple[Detail, ...]
    composed: Composed

    @property
    def needs_buttons(self) -> bool:
        return len(self.pages) > 1 or bool(self.composed.withheld)


def first_page(pages: Sequence[Card] | Listing[Any], audience: Audience) -> FirstPage:
    held_back: tuple[Detail, ...] = ()
    if isinstance(pages, Listing):
        pages, held_back = paginate(pages, audience)
    return FirstPage(pages, held_back, compose(pages[0], audience, held_back))


class ReplyView(OwnedView):
    """Previous / next over pages, and Reveal when progress held details back.

    Made only for replies that need buttons. Pages are kept as cards and composed when
    shown: most are never turned to, and a view lives for minutes, so holding finished
    embeds would cost memory.
    """

    def __init__(self, reply: FirstPage, audience: Audience, owner_id: int) -> None:
        super().__init__(owner_id, timeout=PAGE_TIMEOUT_SECONDS)
        self.pages = reply.pages
        self.held_back = reply.held_back
        self.audience = audience
        if len(self.pages) < 2:
            for item in (self.previous, self.position, self.next):
                self.remove_item(item)
        self._show_page(0, reply.composed.withheld)

    def _show_page(self, index: int, withheld: tuple[Detail, ...]) -> None:
        """Set the buttons for page ``index``; remember what Reveal would show there."""
        self.index = index
        self.withheld = withheld
        self.previous.disabled = index == 0
        self.next.disabled = index == len(self.pages) - 1
        self.position.label = f"{index + 1} / {len(self.pages)}"
        if withheld and self.reveal not in self.children:
            self.add_item(self.reveal)
        elif not withheld and self.reveal in self.children:
            self.remove_item(self.reveal)

    async def _show(self, interaction: discord.Interaction[FamBot], index: int) -> None:
        # Tag for the audience as it is now: the server may have changed its settings
        # (finale tags back on, a spoiler channel removed) since the command ran.
        self.audience = audience_of(interaction)
        page = compose(self.pages[index], self.audience, self.held_back)
        self._show_page(index, page.withheld)
        await interaction.response.edit_message(content=page.content, embed=page.embed, view=self)

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[FamBot], button: discord.ui.Button[ReplyView]
    ) -> None:
        await self._show(interaction, max(self.index - 1, 0))

    @discord.ui.button(label="1 / 1", style=discord.ButtonStyle.secondary, disabled=True)
    async def position(
        self, interaction: discord.Interaction[FamBot], button: discord.ui.Button[ReplyView]
    ) -> None:  # a label, never enabled
        await interaction.response.defer()

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary)
    async def next(
        self, interaction: discord.Interaction[FamBot], button: discord.ui.Button[ReplyView]
    ) -> None:
        await self._show(interaction, min(self.index + 1, len(self.pages) - 1))

    @discord.ui.button(label="Reveal", style=discord.ButtonStyle.primary)
    async def reveal(
        self, interaction: discord.Interaction[FamBot], button: discord.ui.Button[ReplyView]
    ) -> None:
        shown = compose(revealed_card(self.withheld), REVEAL)
        await interaction.response.send_message(
            content=shown.content, embed=shown.embed, ephemeral=True
        )


async def answer(
    interaction: discord.Interaction[FamBot],
    reply: Reply,
    items: Sequence[discord.ui.Item[Any]] = (),
    actions: OwnedView | None = None,
) -> None:
    """Answer an interaction with a reply's first page, with page buttons when it needs
    them (else ``actions``, the invoker's buttons of a one-page reply, if any) and
    ``items`` (buttons anyone may press) beside them."""
    audience = audience_of(interaction)
    ready = first_page(reply.pages, audience)
    first = ready.composed
    kwargs: dict[str, Any] = {
        "content": first.content,
        "embed": first.embed,
        "ephemeral": reply.ephemeral,
        # Spoiler-bearing posts go out silently: no push notification preview.
        "silent": first.tagged,
    }
    view: discord.ui.View | None = None
    owned = ReplyView(ready, audience, interaction.user.id) if ready.needs_buttons else actions
    if owned is not None:
        view = owned
        owned.origin = interaction
    if items:
        view = view or discord.ui.View(timeout=None)
        for item in items:
            view.add_item(item)
    if view is not None:
        kwargs["view"] = view
    if interaction.response.is_done():
        kwargs.pop("silent")
        await interaction.followup.send(**kwargs)
    else:
        await interaction.response.send_message(**kwargs)
