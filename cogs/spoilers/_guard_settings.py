"""The work behind /spoilers guard sensitivity and /spoilers guard examples (the commands
themselves are in ``_server.py``, beside the other /spoilers commands)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import discord
from discord import app_commands

from bot.app import FamBot
from bot.community.review_store import EXAMPLES_KEPT
from bot.errors import UserFacingError
from bot.interactions import saving
from bot.render.cards import Reply
from bot.render.guard_review import (
    example_entry,
    examples_header,
    examples_note,
    sensitivity_card,
    with_sensitivity,
)
from bot.replies import send_reply
from bot.sensitivity import HIGHEST, LEVELS, LOWEST, parse_level, sensitivity

BAD_LEVEL = (
    f"Choose strict, balanced or relaxed, or a number from {LOWEST:.2f} to {HIGHEST:.2f} "
    "(how sure the guard must be before it tags)."
)
SUGGESTED = (
    ("strict (tags at 0.45)", "strict"),
    ("balanced, the default (tags at 0.60)", "balanced"),
    ("relaxed (tags at 0.75)", "relaxed"),
)


def _has_log(bot: FamBot, guild_id: int) -> bool:
    return bot.store.community.server_settings(guild_id).log_channel_id is not None


async def level_choices(
    interaction: discord.Interaction[FamBot], typed: str
) -> list[app_commands.Choice[str]]:
    """The named levels, and what was typed when it is a number we take."""
    typed = typed.strip()
    found = [
        app_commands.Choice(name=name, value=value)
        for name, value in SUGGESTED
        if typed.casefold() in name.casefold()
    ]
    if typed and typed.casefold() not in LEVELS and parse_level(typed) is not None:
        found.insert(0, app_commands.Choice(name=f"tag at {parse_level(typed):.2f}", value=typed))
    return found[:25]


async def set_sensitivity(interaction: discord.Interaction[FamBot], level: str | None) -> None:
    """Show the server's sensitivity, or set it (``balanced`` returns it to the default,
    so it follows the guard's own default if that is ever retuned)."""
    assert interaction.guild_id is not None  # guild_only
    guild_id = interaction.guild_id
    store = interaction.client.store.review
    if level is not None:
        threshold = parse_level(level)
        if threshold is None:
            raise UserFacingError(BAD_LEVEL)
        if level.strip().casefold() == "balanced":
            await saving(interaction, store.set_threshold(guild_id, None, interaction.user.id))
        else:
            await saving(interaction, store.set_threshold(guild_id, threshold, interaction.user.id))
    chosen = sensitivity(store.threshold(guild_id))
    await send_reply(interaction, sensitivity_card(chosen, _has_log(interaction.client, guild_id)))


async def status_with_sensitivity(bot: FamBot, guild_id: int, reply: Reply) -> Reply:
    chosen = sensitivity(bot.store.review.threshold(guild_id))
    counts = await bot.store.review.counts(guild_id)
    return with_sensitivity(reply, chosen, _has_log(bot, guild_id), counts)


async def send_examples(interaction: discord.Interaction[FamBot]) -> None:
    """The server's labelled examples as a TOML file, privately. The file is a spoiler
    attachment (its preview blurred) with a spoiler-free name."""
    assert interaction.guild is not None  # guild_only
    guild = interaction.guild
    await interaction.response.defer(ephemeral=True, thinking=True)
    examples = await interaction.client.store.review.examples(guild.id)
    if not examples:
        await interaction.followup.send(examples_note(0, EXAMPLES_KEPT), ephemeral=True)
        return
    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    entries = [example_entry(e) for e in examples]
    # Newest first; whatever would pass the server's upload limit is left out.
    room = guild.filesize_limit - 4096
    kept: list[str] = []
    size = 0
    for entry in entries:
        size += len(entry.encode()) + 1
        if size > room:
            break
        kept.append(entry)
    data = examples_header(guild.id, len(kept), made) + "\n".join(kept)
    upload = discord.File(
        io.BytesIO(data.encode()), filename=f"guard-examples-{guild.id}.toml", spoiler=True
    )
    note = examples_note(len(kept), EXAMPLES_KEPT)
    if len(kept) < len(entries):
        note += f" The newest {len(kept)} of {len(entries)} fit in one file."
    await interaction.followup.send(note, file=upload, ephemeral=True)
