"""Authors keep control of their reposted messages: "Delete my reposted message" and
"Edit my reposted message" (a modal; the edit is checked by the guard again). The
webhook owns a repost, so Discord would let only moderators remove it; these work for
the member the guard's journal says wrote it, and for moderators."""

from __future__ import annotations

import asyncio
import logging
import time

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.community.journal import Entry
from bot.errors import UserFacingError
from bot.interactions import send_ephemeral
from cogs.spoilers._engine import GuardEngine
from cogs.spoilers._guard import SpoilerGuard
from cogs.spoilers._reposting import Deletion, Unchanged

log = logging.getLogger(__name__)

DELETE_NAME = "Delete my reposted message"
EDIT_NAME = "Edit my reposted message"
NOT_A_REPOST = "That isn't a message the spoiler guard reposted (or it is too old to change)."
NOT_YOURS = "Only the member who wrote it, or a moderator, can change a reposted message."
WAIT_SECONDS = 8.0
DELETION_ANSWERS = {
    Deletion.DONE: "Deleted.",
    Deletion.LATER: "I couldn't delete it just now; please try again in a minute.",
    Deletion.NOT_ALLOWED: (
        "I can't delete it: the bot lacks a permission in this channel. A moderator can delete it."
    ),
}
UNCHANGED_ANSWERS = {
    Unchanged.NOT_ALLOWED: (
        "Saved, but the bot lacks a permission to edit the reposted message; "
        "it is updated once a server admin restores it."
    ),
    Unchanged.NO_WEBHOOK: (
        "Saved, but the reposted message can no longer be edited (the guard's webhook "
        f'was deleted). Delete it with "{DELETE_NAME}" and post again.'
    ),
    Unchanged.UNTAGGABLE: (
        "Saved, but that text can't be tagged in place, so the reposted message "
        "can no longer be edited. Delete it and post again."
    ),
    Unchanged.DELETED: "That reposted message was deleted; there is nothing left to edit.",
}


class AuthorTools(commands.Cog):
    def __init__(self, bot: FamBot, guard: SpoilerGuard) -> None:
        self.bot = bot
        self.guard = guard
        self.menus = [
            app_commands.ContextMenu(
                name=DELETE_NAME,
                callback=self.delete_repost,
                extras={"help": "Delete a message the spoiler guard reposted for you"},
            ),
            app_commands.ContextMenu(
                name=EDIT_NAME,
                callback=self.edit_repost,
                extras={"help": "Correct a message the spoiler guard reposted for you"},
            ),
        ]
        for menu in self.menus:
            menu.guild_only = True

    async def cog_load(self) -> None:
        for menu in self.menus:
            self.bot.tree.add_command(menu)

    async def cog_unload(self) -> None:
        for menu in self.menus:
            self.bot.tree.remove_command(menu.name, type=menu.type)

    async def _entry(
        self, interaction: discord.Interaction[FamBot], message: discord.Message
    ) -> Entry:
        entry = await self.bot.store.journal.by_repost(message.id)
        if entry is None or message.webhook_id is None:
            raise UserFacingError(NOT_A_REPOST)
        if interaction.user.id != entry.author.id and not interaction.permissions.manage_messages:
            raise UserFacingError(NOT_YOURS)
        return entry

    async def delete_repost(
        self, interaction: discord.Interaction[FamBot], message: discord.Message
    ) -> None:
        entry = await self._entry(interaction, message)
        await interaction.response.defer(ephemeral=True, thinking=True)
        done = await self.guard.engine.delete_repost(entry)
        await interaction.followup.send(DELETION_ANSWERS[done], ephemeral=True)

    async def edit_repost(
        self, interaction: discord.Interaction[FamBot], message: discord.Message
    ) -> None:
        entry = await self._entry(interaction, message)
        await interaction.response.send_modal(EditRepost(self.guard, entry))


class EditRepost(discord.ui.Modal, title="Edit your reposted message"):
    text: discord.ui.TextInput[EditRepost] = discord.ui.TextInput(
        label="Message",
        style=discord.TextStyle.paragraph,
        max_length=2000,
    )

    def __init__(self, guard: SpoilerGuard, entry: Entry) -> None:
        super().__init__(timeout=600)
        self.guard = guard
        self.entry = entry
        # What the repost shows, tags as markup: the author's own words, as Discord's
        # own edit box would show them.
        self.text.default = entry.sent_text or entry.content

    async def on_submit(self, interaction: discord.Interaction[discord.Client], /) -> None:
        if isinstance(interaction.client, FamBot):
            interaction.client.track_current_task()
        text = self.text.value
        if not text.strip():
            await send_ephemeral(
                interaction, "An empty message can't be posted; delete it instead."
            )
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            answer = await self._apply(text)
        except Exception:
            log.exception("Editing a reposted message failed")
            answer = "Sorry, that edit could not be saved. Try again in a minute."
        await send_ephemeral(interaction, answer)

    async def _apply(self, text: str) -> str:
        engine = self.guard.engine
        engine.unchanged(self.entry.message_id)  # an earlier correction's outcome: not this one's
        revised = await engine.author_edit(self.entry, text)
        if revised is None:
            return "That is already the message's text."
        return await _followed(engine, revised.message_id)


async def _followed(engine: GuardEngine, message_id: int) -> str:
    """What became of the correction within a few seconds: the repost shows it, it
    cannot (and why), or it is still on its way."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        entry = await engine.bot.store.journal.get(message_id)
        why = engine.unchanged(message_id)
        if why is not None:
            return UNCHANGED_ANSWERS[why]
        if entry is None or not entry.repost_stale:
            return "Updated (checked for spoilers again)."
        await asyncio.sleep(0.05)
    return "Saved: the reposted message is updated as soon as Discord allows."
