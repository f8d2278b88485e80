"""/spoilercheck for everyone, and "Spoiler-tag this message" for moderators."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.errors import UserFacingError
from bot.guard import everything, inspect
from bot.guild_permissions import GUARD_PERMISSIONS, missing, permission_names
from bot.interactions import parent_id
from cogs.spoilers._guard import SpoilerGuard

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
        channel = message.channel
        if message.guild is None or not isinstance(channel, discord.TextChannel | discord.Thread):
            raise UserFacingError("That only works on messages in a server's text channels.")
        if message.author.bot or message.webhook_id is not None:
            raise UserFacingError("I only re-tag members' messages.")
        if not message.content:
            raise UserFacingError("That message has no text to tag.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        matcher = await self.guard.matcher_for(message.guild.id, channel.id, parent_id(channel))
        # The rules' own findings if any; otherwise the moderator's judgement: all of it.
        finding = inspect(message.content, matcher) or everything(message.content)
        reason = await self.guard.reason_for(finding, moderator=True)
        if await self.guard.act(message, channel, finding, reason, edited=False):
            answer = "Done: the message was reposted with spoiler tags."
        else:
            gaps = missing(channel, GUARD_PERMISSIONS) or [
                g.permission
                for g in self.bot.store.community.permission_gaps(message.guild.id)
                if g.channel_id == channel.id
            ]
            lacking = f": I lack {permission_names(gaps)} there" if gaps else ""
            answer = f"I couldn't{lacking}. `/spoilers status` and the mod log say more."
        await interaction.followup.send(answer, ephemeral=True)
