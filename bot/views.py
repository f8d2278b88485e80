"""Reusable views: page buttons that only the invoker can press."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

import discord

from bot.render.cards import Card
from bot.render.compose import compose
from bot.spoilers.policy import Audience

log = logging.getLogger(__name__)

PAGE_TIMEOUT_SECONDS = 180.0


class Paginator(discord.ui.View):
    """Previous / next buttons over pages; disabled when the view times out.

    Pages are kept as cards and composed when shown: most pages are never turned to,
    and a view lives for minutes, so holding finished embeds would cost memory.
    """

    def __init__(self, pages: Sequence[Card], audience: Audience, owner_id: int) -> None:
        super().__init__(timeout=PAGE_TIMEOUT_SECONDS)
        if len(pages) < 2:
            raise ValueError("a paginator needs at least two pages")
        self.pages = pages
        self.audience = audience
        self.owner_id = owner_id
        self.index = 0
        self.origin: discord.Interaction[Any] | None = None
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index == len(self.pages) - 1
        self.position.label = f"{self.index + 1} / {len(self.pages)}"

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        task = asyncio.current_task()
        track = getattr(interaction.client, "track", None)
        if task is not None and track is not None:
            track(task)  # let shutdown wait for this press to be answered
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who ran this command can turn its pages. "
            "Run the command yourself to browse.",
            ephemeral=True,
        )
        return False

    async def _show(self, interaction: discord.Interaction[Any], index: int) -> None:
        self.index = index
        self._sync_buttons()
        page = compose(self.pages[index], self.audience)
        await interaction.response.edit_message(content=page.content, embed=page.embed, view=self)

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await self._show(interaction, max(self.index - 1, 0))

    @discord.ui.button(label="1 / 1", style=discord.ButtonStyle.secondary, disabled=True)
    async def position(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:  # a label, never enabled
        await interaction.response.defer()

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary)
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await self._show(interaction, min(self.index + 1, len(self.pages) - 1))

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.origin is None:
            return
        try:
            await self.origin.edit_original_response(view=self)
        except discord.HTTPException as error:  # message deleted, token expired
            log.debug("Could not disable page buttons: %s", error.status)

    async def on_error(
        self,
        interaction: discord.Interaction[Any],
        error: Exception,
        item: discord.ui.Item[Any],
    ) -> None:
        log.error("Page button failed", exc_info=error)
        message = "Sorry, those buttons stopped working. Run the command again."
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True)
        else:
            await interaction.response.send_message(message, ephemeral=True)
