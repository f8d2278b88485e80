"""/spoilercheck for everyone, and "Spoiler-tag this message" for moderators."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.community.journal import Outcome, State
from bot.errors import UserFacingError
from cogs.spoilers._guard import SpoilerGuard
from cogs.spoilers._incoming import Incoming, place_of

MENU_NAME = "Spoiler-tag this message"


class SpoilerTools(commands.Cog):
    def __init__(self, bot: FamBot, guard: SpoilerGuard) -> None:
        self.bot = bot
        self.guard = guard
        self.menu = app_commands.ContextMenu(
            name=MENU_NAME,
            callback=self.tag_message,
            extras={"help": "Repost a member's message with spoiler tags"},  # for /help
        )
        self.menu.default_permissions = discord.Permissions(manage_messages=True)
        self.menu.guild_only = True

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @app_commands.command(description="Check a draft for spoilers before posting (only you see)")
    @app_commands.describe(draft="The message you are about to post")
    async def spoilercheck(
        self, interaction: discord.Interaction[FamBot], draft: app_commands.Range[str, 1, 2000]
    ) -> None:
        # Issue 9: the verdict, the score against this server's sensitivity, and why.
        assert self.guard.review is not None  # set up with the guard (cogs/spoilers)
        await self.guard.review.check_reply(interaction, draft)

    async def tag_message(
        self, interaction: discord.Interaction[FamBot], message: discord.Message
    ) -> None:
        if not interaction.permissions.manage_messages:
            raise app_commands.MissingPermissions(["manage_messages"])
        if message.guild is None or place_of(message.channel) is None:
            raise UserFacingError("That only works on messages in a server's channels.")
        incoming = Incoming.of_message(message)
        if incoming is None or not incoming.from_member:
            raise UserFacingError("I only re-tag members' messages.")
        if not message.content.strip():
            raise UserFacingError("That message has no text to tag.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        engine = self.guard.engine
        entry = await engine.consider(incoming, edited=False, moderator=True)
        final = await engine.outcome(entry.message_id) if entry is not None else None
        if final is not None and final.state is not State.GIVEN_UP and self.guard.review:
            # An open review card for it would otherwise go on asking.
            await self.guard.review.settle(message.id, interaction.user.id, message.content)
        await interaction.followup.send(
            _answer(final.state, final.outcome) if final else ("There was nothing to tag."),
            ephemeral=True,
        )


def _answer(state: State, outcome: str | None) -> str:
    """Only what happened: the journal's word, not a hope."""
    if state in (State.REPOSTED, State.NOTIFIED) or outcome == Outcome.TAGGED:
        return "Done: the message was reposted with spoiler tags."
    if state is State.GIVEN_UP:
        return f"I couldn't: {outcome}. `/spoilers status` and the mod log say more."
    if outcome == Outcome.WITHDRAWN:
        return "Its author deleted it before I could."
    if state is State.HIDDEN:
        return "It is taken down and its tagged copy is queued; the mod log says when it is up."
    return "It is queued; the mod log says when it is done."
