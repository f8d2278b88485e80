"""Server policy: embargo, finale tagging, spoiler channels, and who may change them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.app import FamBot
from tests.spoiler_audit import hidden, visible
from tests.standin.gateway import GUARD_PERMISSIONS
from tests.standin.harness import Harness
from tests.standin.payloads import (
    BOB,
    GUILD_ID,
    MOD_LOG_ID,
    SPOILER_CHANNEL_ID,
    THREAD_ID,
    TRUSTED_ROLE_ID,
    ChannelOption,
    RoleOption,
)


def _at(bot: FamBot, moment: datetime) -> None:
    bot.horizons.clock = lambda: moment


async def test_members_without_manage_server_are_refused(harness: Harness, bot: FamBot) -> None:
    reply = await harness.subcommand("spoilers embargo", {"days": 1}, member=BOB)
    assert reply.ephemeral
    assert "You need more permissions" in reply.content
    assert bot.store.community.server_settings(GUILD_ID).embargo_days == 7


async def test_embargo_tags_a_new_episode_until_it_lifts(harness: Harness, bot: FamBot) -> None:
    _at(bot, datetime(2023, 12, 24, 12, tzinfo=UTC))  # S4E7 came out on Friday 22 December
    during = await harness.command("episode", {"episode": "S4E7"})
    description = during.embeds[0]["description"]
    assert description.startswith("||")
    assert "strike" not in visible(description)
    assert "recently released S4E7" in during.content
    older = await harness.command("episode", {"episode": "S4E1"})
    assert not older.embeds[0]["description"].startswith("||")

    _at(bot, datetime(2023, 12, 30, tzinfo=UTC))  # a week and a day later
    after = await harness.command("episode", {"episode": "S4E7"})
    assert not after.embeds[0]["description"].startswith("||")

    await harness.subcommand("spoilers embargo", {"days": 14})
    again = await harness.command("episode", {"episode": "S4E7"})
    assert again.embeds[0]["description"].startswith("||")


async def test_finale_tagging_can_be_turned_off(harness: Harness) -> None:
    await harness.subcommand("spoilers finales", {"tagged": False})
    reply = await harness.command("character", {"name": "Gordo"})
    story = next(f["value"] for f in reply.embeds[0]["fields"] if f["name"] == "Story so far")
    assert "reactor" in visible(story)
    assert not reply.content


async def test_spoiler_channels_and_their_threads_need_no_tags(harness: Harness) -> None:
    await harness.subcommand(
        "spoilers channel add", {"channel": ChannelOption(SPOILER_CHANNEL_ID, "spoilers")}
    )
    for channel_id in (SPOILER_CHANNEL_ID, THREAD_ID):
        reply = await harness.command("episode", {"episode": "S3E10"}, channel_id=channel_id)
        assert "||" not in reply.embeds[0]["description"]
    elsewhere = await harness.command("episode", {"episode": "S3E10"})
    assert elsewhere.embeds[0]["description"].startswith("||")


async def test_progress_still_holds_back_in_a_spoiler_channel(harness: Harness) -> None:
    await harness.subcommand(
        "spoilers channel add", {"channel": ChannelOption(SPOILER_CHANNEL_ID, "spoilers")}
    )
    await harness.subcommand("progress set", {"episode": "S2E1"})
    reply = await harness.command("character", {"name": "Karen"}, channel_id=SPOILER_CHANNEL_ID)
    assert "car-bomb" not in str(reply.embeds)
    assert "held back" in reply.content


async def test_status_reports_policy_embargo_and_missing_permissions(
    harness: Harness, bot: FamBot
) -> None:
    _at(bot, datetime(2023, 12, 24, tzinfo=UTC))
    await harness.subcommand("spoilers guard on")
    await harness.subcommand("spoilers guard log", {"channel": ChannelOption(MOD_LOG_ID)})
    await harness.subcommand("spoilers exempt role", {"role": RoleOption(TRUSTED_ROLE_ID)})
    await harness.gateway.deny(SPOILER_CHANNEL_ID, 0x2000)  # Manage Messages refused there
    status = await harness.subcommand("spoilers status")
    assert status.ephemeral
    fields = {f["name"]: f["value"] for f in status.embeds[0]["fields"]}
    assert "7 days" in fields["Embargo"]
    assert fields["Under embargo"].startswith("S4E7 until <t:")
    assert ":R>" in fields["Under embargo"]
    assert "**On**" in fields["Spoiler guard"]
    assert f"<#{MOD_LOG_ID}>" in fields["Spoiler guard"]
    assert f"<@&{TRUSTED_ROLE_ID}>" in fields["Spoiler guard"]
    assert "not reading messages" in fields["Spoiler guard"]  # FAMBOT_SPOILER_GUARD is off
    assert f"<#{SPOILER_CHANNEL_ID}>: missing Manage Messages" in fields["Permissions"]


async def test_terms_are_listed_privately_and_tagged(harness: Harness, bot: FamBot) -> None:
    await harness.subcommand("spoilers terms add", {"term": "boots on Mars"})
    listed = await harness.subcommand("spoilers terms list")
    assert listed.ephemeral
    assert "boots on Mars" in hidden(listed.embeds[0]["description"])
    assert "boots" not in visible(listed.embeds[0]["description"])
    await harness.subcommand("spoilers terms remove", {"term": "boots on Mars"})
    assert bot.store.community.server_settings(GUILD_ID).terms == ()


@pytest.mark.parametrize("path", ["spoilers status", "spoilers guard on", "spoilers terms list"])
async def test_every_policy_command_is_guarded(harness: Harness, path: str) -> None:
    reply = await harness.subcommand(path, member=BOB)
    assert "You need more permissions" in reply.content


def test_guard_permissions_cover_what_it_uses() -> None:
    assert GUARD_PERMISSIONS & 0x2000 and GUARD_PERMISSIONS & 0x20000000
