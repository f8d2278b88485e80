"""/spoilers: a server's spoiler settings. Manage Server only, enforced by a check (the
default permission only hides the command)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.community.records import ChannelKind
from bot.community.store import CommunityStore
from bot.errors import UserFacingError
from bot.interactions import saving
from bot.render.spoilers import done_card, status_card
from bot.replies import send_reply
from bot.spoilers.markup import spoiler
from bot.text import clean_term, normalise
from cogs.spoilers import _guard_settings
from cogs.spoilers._guard import SpoilerGuard

TERM_MIN, TERM_MAX = 2, 60
Term = app_commands.Range[str, TERM_MIN, TERM_MAX]
TERMS_MAX = 200


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class ServerSpoilerCommands(
    commands.GroupCog, group_name="spoilers", group_description="This server's spoiler policy"
):
    channel = app_commands.Group(name="channel", description="Spoiler channels: no tags needed")
    guard = app_commands.Group(name="guard", description="Tag spoilers in members' messages")
    exempt = app_commands.Group(name="exempt", description="What the spoiler guard leaves alone")
    terms = app_commands.Group(name="terms", description="Extra words the guard looks for")

    def __init__(self, bot: FamBot, guard: SpoilerGuard) -> None:
        self.bot = bot
        self.spoiler_guard = guard

    async def interaction_check(self, interaction: discord.Interaction[discord.Client], /) -> bool:
        if interaction.guild is None:
            raise app_commands.NoPrivateMessage()
        if not interaction.permissions.manage_guild:
            raise app_commands.MissingPermissions(["manage_guild"])
        return True

    @property
    def community(self) -> CommunityStore:
        return self.bot.store.community

    # --- status ----------------------------------------------------------------

    @app_commands.command(description="The policy, what is under embargo, and what is missing")
    async def status(self, interaction: discord.Interaction[FamBot]) -> None:
        guild = interaction.guild
        assert guild is not None
        server = self.community.server_settings(guild.id)
        state = await self.spoiler_guard.engine.state(guild)
        embargo = self.bot.horizons.embargo(server)
        reply = status_card(server, embargo, state)
        reply = await _guard_settings.status_with_sensitivity(self.bot, guild.id, reply)  # issue 9
        await send_reply(interaction, reply)

    # --- replies ------------------------------------------------------------------

    @app_commands.command(description="How long an episode's details stay tagged after release")
    @app_commands.describe(days="Days after release (0 turns the embargo off; default 7)")
    async def embargo(
        self, interaction: discord.Interaction[FamBot], days: app_commands.Range[int, 0, 60]
    ) -> None:
        await saving(
            interaction,
            self.community.update_server_settings(_guild(interaction), embargo_days=days),
        )
        text = f"New episodes' details stay tagged for {days} days." if days else "Embargo off."
        await send_reply(interaction, done_card(text))

    @app_commands.command(description="Whether finale details are tagged in replies")
    @app_commands.describe(tagged="Keep finale details behind spoiler tags (the default)")
    async def finales(self, interaction: discord.Interaction[FamBot], tagged: bool) -> None:
        await saving(
            interaction,
            self.community.update_server_settings(_guild(interaction), tag_finales=tagged),
        )
        text = (
            "Finale details are tagged in replies."
            if tagged
            else "Finale details are no longer tagged in replies here (members' own "
            "progress still holds details back)."
        )
        await send_reply(interaction, done_card(text))

    @channel.command(name="add", description="Make a channel a spoiler channel (no tags)")
    @app_commands.describe(channel="Where replies may show finale details without tags")
    async def channel_add(
        self, interaction: discord.Interaction[FamBot], channel: discord.TextChannel
    ) -> None:
        await self._list(interaction, channel.id, "spoiler", True, f"{channel.mention} is")

    @channel.command(name="remove", description="Stop treating a channel as a spoiler channel")
    @app_commands.describe(channel="The spoiler channel to return to normal")
    async def channel_remove(
        self, interaction: discord.Interaction[FamBot], channel: discord.TextChannel
    ) -> None:
        await self._list(interaction, channel.id, "spoiler", False, f"{channel.mention} is")

    # --- the guard -------------------------------------------------------------------

    @guard.command(name="on", description="Tag spoilers in members' messages")
    async def guard_on(self, interaction: discord.Interaction[FamBot]) -> None:
        guild_id = _guild(interaction)
        await saving(interaction, self._turn_guard_on(guild_id, interaction.id))
        text = "The spoiler guard is on. `/spoilers status` shows any permission it lacks."
        if not self.bot.settings.spoiler_guard:
            text += (
                " Note: this bot is not reading messages yet; its host must enable the "
                "Message Content intent (see the README)."
            )
        await send_reply(interaction, done_card(text))

    async def _turn_guard_on(self, guild_id: int, command_id: int) -> None:
        if not self.community.server_settings(guild_id).guard_enabled:
            # Catch-up after a restart never reads back past the command itself: its id is
            # Discord's own moment, later than any message sent before it. (The bot's clock
            # could share a millisecond with such a message and read it back.)
            await self.bot.store.journal.note_guard_on(guild_id, command_id)
        await self.community.update_server_settings(guild_id, guard_enabled=True)

    @guard.command(name="off", description="Stop tagging spoilers in members' messages")
    async def guard_off(self, interaction: discord.Interaction[FamBot]) -> None:
        await saving(
            interaction,
            self.community.update_server_settings(_guild(interaction), guard_enabled=False),
        )
        await send_reply(interaction, done_card("The spoiler guard is off."))

    @guard.command(name="log", description="Where the guard reports what it did")
    @app_commands.describe(channel="The mod log channel; leave empty to stop logging")
    async def guard_log(
        self, interaction: discord.Interaction[FamBot], channel: discord.TextChannel | None = None
    ) -> None:
        await saving(
            interaction,
            self.community.update_server_settings(
                _guild(interaction), log_channel_id=channel.id if channel else None
            ),
        )
        text = f"The guard logs to {channel.mention}." if channel else "The guard does not log."
        await send_reply(interaction, done_card(text))

    # --- issue 9: the guard's sensitivity and its labelled examples (_guard_settings) ---

    @guard.command(name="sensitivity", description="How sure the guard must be before it tags")
    @app_commands.describe(
        level="strict, balanced (the default) or relaxed, or a number from 0.30 to 0.95; "
        "leave empty to see it"
    )
    @app_commands.autocomplete(level=_guard_settings.level_choices)
    async def guard_sensitivity(
        self,
        interaction: discord.Interaction[FamBot],
        level: app_commands.Range[str, 1, 20] | None = None,
    ) -> None:
        await _guard_settings.set_sensitivity(interaction, level)

    @guard.command(name="examples", description="Download the messages moderators labelled")
    async def guard_examples(self, interaction: discord.Interaction[FamBot]) -> None:
        await _guard_settings.send_examples(interaction)

    @exempt.command(name="channel", description="Exempt a channel from the guard, or undo it")
    @app_commands.describe(channel="The channel", exempt="True to exempt, False to guard it again")
    async def exempt_channel(
        self,
        interaction: discord.Interaction[FamBot],
        channel: discord.TextChannel,
        exempt: bool = True,
    ) -> None:
        await self._list(interaction, channel.id, "exempt", exempt, f"{channel.mention} is")

    @exempt.command(name="role", description="Exempt a role's members from the guard, or undo it")
    @app_commands.describe(
        role="The role", exempt="True to exempt, False to guard its members again"
    )
    async def exempt_role(
        self, interaction: discord.Interaction[FamBot], role: discord.Role, exempt: bool = True
    ) -> None:
        changed = await saving(
            interaction, self.community.set_exempt_role(_guild(interaction), role.id, exempt)
        )
        state = "now exempt" if exempt else "no longer exempt"
        text = f"{role.mention} is {state}." if changed else f"{role.mention} was already {state}."
        await send_reply(interaction, done_card(text))

    @terms.command(name="add", description="A word or name the guard should treat as a spoiler")
    @app_commands.describe(term="A word or short phrase (2-60 characters)")
    async def terms_add(self, interaction: discord.Interaction[FamBot], term: Term) -> None:
        guild_id = _guild(interaction)
        cleaned, existing = clean_term(term), self.community.server_settings(guild_id).terms
        if len(normalise(cleaned)) < TERM_MIN or len(cleaned) > TERM_MAX:
            raise UserFacingError(
                f"A term needs {TERM_MIN}-{TERM_MAX} characters, at least {TERM_MIN} of them "
                "letters or digits."
            )
        if any(normalise(t) == normalise(cleaned) for t in existing):
            raise UserFacingError("That term is already on the list (`/spoilers terms list`).")
        if len(existing) >= TERMS_MAX:
            raise UserFacingError(f"This server already has {TERMS_MAX} terms; remove some first.")
        await saving(interaction, self.community.add_term(guild_id, cleaned, interaction.user.id))
        await send_reply(interaction, done_card("Term added. The guard tags sentences with it."))

    @terms.command(name="remove", description="Stop looking for a term")
    @app_commands.describe(term="The term, as it was added")
    async def terms_remove(self, interaction: discord.Interaction[FamBot], term: Term) -> None:
        guild_id = _guild(interaction)
        wanted = normalise(clean_term(term))
        stored = [
            t for t in self.community.server_settings(guild_id).terms if normalise(t) == wanted
        ]
        removed = bool(stored) and await saving(
            interaction, self.community.remove_term(guild_id, stored[0])
        )
        await send_reply(interaction, done_card("Term removed." if removed else "No such term."))

    @terms.command(name="list", description="The extra terms this server added")
    async def terms_list(self, interaction: discord.Interaction[FamBot]) -> None:
        terms = self.community.server_settings(_guild(interaction)).terms
        # Terms are spoilers by design: shown privately, escaped, and behind tags.
        text = "\n".join(spoiler(t) for t in terms) if terms else "none yet"
        await send_reply(interaction, done_card(f"Extra terms ({len(terms)}), hidden:\n{text}"))

    async def _list(
        self,
        interaction: discord.Interaction[FamBot],
        channel_id: int,
        kind: ChannelKind,
        listed: bool,
        subject: str,
    ) -> None:
        changed = await saving(
            interaction, self.community.set_channel(_guild(interaction), channel_id, kind, listed)
        )
        what = "a spoiler channel" if kind == "spoiler" else "exempt from the guard"
        state = what if listed else f"no longer {what}"
        text = f"{subject} now {state}." if changed else f"{subject} was already {state}."
        await send_reply(interaction, done_card(text))


def _guild(interaction: discord.Interaction[FamBot]) -> int:
    assert interaction.guild_id is not None  # guild_only
    return interaction.guild_id
