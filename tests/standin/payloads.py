"""Gateway payloads for INTERACTION_CREATE, shaped as the Discord API documents them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tests.standin import ids
from tests.standin.rest import APPLICATION_ID, Message

GUILD_ID = 800000000000000001
CHANNEL_ID = 800000000000000002
ALL_PERMISSIONS = str((1 << 50) - 1)

OPTION_TYPES = {str: 3, int: 4, bool: 5}


@dataclass(frozen=True)
class Member:
    id: int = 700000000000000001
    name: str = "moonfan"
    permissions: str = ALL_PERMISSIONS
    roles: tuple[int, ...] = ()

    def user(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "global_name": self.name.title(),
            "avatar": None,
        }


# 0x400 View Channel | 0x800 Send Messages | 0x10000 Read Message History | 0x80000000 Use
# Application Commands: an ordinary member, without Manage Server or Manage Messages.
MEMBER_PERMISSIONS = str(0x400 | 0x800 | 0x10000 | 0x80000000)
ALICE = Member(700000000000000001, "alice")  # an admin
BOB = Member(700000000000000002, "bob", MEMBER_PERMISSIONS)
CAROL = Member(700000000000000003, "carol", MEMBER_PERMISSIONS)
BOT_ROLE_ID = 800000000000000010
SPOILER_CHANNEL_ID = 800000000000000003
THREAD_ID = 800000000000000004
MOD_LOG_ID = 800000000000000005
TRUSTED_ROLE_ID = 800000000000000011
# Every other place members write: an announcement channel, the text chat of a voice
# and a stage channel, and a forum with one post (a thread of the forum).
ANNOUNCEMENT_ID = 800000000000000006
VOICE_ID = 800000000000000007
STAGE_ID = 800000000000000008
FORUM_ID = 800000000000000009
FORUM_POST_ID = 800000000000000012
PARENTS = {THREAD_ID: SPOILER_CHANNEL_ID, FORUM_POST_ID: FORUM_ID}  # thread -> its channel
FORUMS = frozenset({FORUM_ID})
# Channel types as Discord numbers them.
CHANNEL_TYPES = {
    CHANNEL_ID: 0,
    SPOILER_CHANNEL_ID: 0,
    MOD_LOG_ID: 0,
    THREAD_ID: 11,
    ANNOUNCEMENT_ID: 5,
    VOICE_ID: 2,
    STAGE_ID: 13,
    FORUM_ID: 15,
    FORUM_POST_ID: 11,
}


def now() -> str:
    return datetime.now(UTC).isoformat()


def _base(
    kind: int, member: Member, data: dict[str, Any], channel_id: int = CHANNEL_ID
) -> dict[str, Any]:
    channel: dict[str, Any] = {
        "id": str(channel_id),
        "type": 0,
        "guild_id": str(GUILD_ID),
        "name": "general",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
    }
    channel["type"] = CHANNEL_TYPES.get(channel_id, 0)
    if channel_id in PARENTS:  # a thread: the spoiler channel's, or the forum's post
        channel.update(name="thread", parent_id=str(PARENTS[channel_id]))
    return {
        "id": str(ids.next_id()),
        "application_id": str(APPLICATION_ID),
        "type": kind,
        "data": data,
        "guild_id": str(GUILD_ID),
        "channel_id": str(channel_id),
        "channel": channel,
        "member": {
            "user": member.user(),
            "roles": [str(r) for r in member.roles],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": member.permissions,
        },
        "token": f"token-{ids.next_id()}",
        "version": 1,
        "app_permissions": ALL_PERMISSIONS,
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(GUILD_ID)},
        "context": 0,
        "attachment_size_limit": 10 * 1024 * 1024,
    }


@dataclass(frozen=True)
class ChannelOption:
    """A channel picked in a slash command option (sent with its resolved data)."""

    id: int
    name: str = "channel"


@dataclass(frozen=True)
class RoleOption:
    id: int
    name: str = "role"


def _options(options: dict[str, Any], focused: str | None) -> list[dict[str, Any]]:
    result = []
    for name, value in options.items():
        if isinstance(value, ChannelOption):
            option: dict[str, Any] = {"name": name, "type": 7, "value": str(value.id)}
        elif isinstance(value, RoleOption):
            option = {"name": name, "type": 8, "value": str(value.id)}
        else:
            option = {"name": name, "type": OPTION_TYPES[type(value)], "value": value}
        if name == focused:
            option["focused"] = True
        result.append(option)
    return result


def _resolved(options: dict[str, Any]) -> dict[str, Any]:
    resolved: dict[str, Any] = {}
    for value in options.values():
        if isinstance(value, ChannelOption):
            resolved.setdefault("channels", {})[str(value.id)] = {
                "id": str(value.id),
                "name": value.name,
                "type": 0,
                "permissions": ALL_PERMISSIONS,
                "guild_id": str(GUILD_ID),
            }
        elif isinstance(value, RoleOption):
            resolved.setdefault("roles", {})[str(value.id)] = {
                "id": str(value.id),
                "name": value.name,
                "color": 0,
                "hoist": False,
                "position": 1,
                "permissions": "0",
                "managed": False,
                "mentionable": False,
                "flags": 0,
            }
    return resolved


def slash(
    name: str, options: dict[str, Any], member: Member = ALICE, channel_id: int = CHANNEL_ID
) -> dict[str, Any]:
    """A slash command invocation (interaction type 2)."""
    data = {"id": str(ids.next_id()), "name": name, "type": 1, "options": _options(options, None)}
    return _base(2, member, data, channel_id)


def autocomplete(
    name: str,
    focused: str,
    options: dict[str, Any],
    member: Member = ALICE,
    subcommand: str | None = None,
) -> dict[str, Any]:
    """An autocomplete request (interaction type 4) with ``focused`` being typed."""
    typed = _options(options, focused)
    if subcommand is not None:
        typed = [{"name": subcommand, "type": 1, "options": typed}]
    data = {"id": str(ids.next_id()), "name": name, "type": 1, "options": typed}
    return _base(4, member, data)


def button(message: Message, custom_id: str, member: Member = ALICE) -> dict[str, Any]:
    """A button press (interaction type 3) on a message the stand-in holds, from the
    channel the message is in (discord.py edits ``interaction.message`` there)."""
    data = {"custom_id": custom_id, "component_type": 2}
    payload = _base(3, member, data, message.channel_id)
    payload["message"] = message.payload
    return payload


def modal_submit(
    message: Message | None, custom_id: str, values: dict[str, str], member: Member = ALICE
) -> dict[str, Any]:
    """A form submission (interaction type 5): each text input's value, in the action
    rows Discord sends; ``message`` is the one whose button opened the form."""
    rows = [
        {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
        for key, value in values.items()
    ]
    payload = _base(5, member, {"custom_id": custom_id, "components": rows})
    if message is not None:
        payload["message"] = message.payload
    return payload


def select(
    message: Message, custom_id: str, values: list[str], member: Member = ALICE
) -> dict[str, Any]:
    """A select-menu choice (interaction type 3, component type 3)."""
    payload = _base(3, member, {"custom_id": custom_id, "component_type": 3, "values": values})
    payload["message"] = message.payload
    return payload


def subcommand(
    path: str, options: dict[str, Any], member: Member = ALICE, channel_id: int = CHANNEL_ID
) -> dict[str, Any]:
    """A subcommand invocation: ``subcommand("progress set", {"episode": "S3E4"})``, or
    with a group, ``subcommand("spoilers guard on", {})``."""
    top, *rest = path.split()
    typed = _options(options, None)
    for index, name in enumerate(reversed(rest)):
        kind = 1 if index == 0 else 2  # a subcommand, then the group that holds it
        typed = [{"name": name, "type": kind, "options": typed}]
    data = {"id": str(ids.next_id()), "name": top, "type": 1, "options": typed}
    if resolved := _resolved(options):
        data["resolved"] = resolved
    return _base(2, member, data, channel_id)


def member_message(
    member: Member,
    content: str,
    *,
    channel_id: int = CHANNEL_ID,
    message_id: int | None = None,
    attachments: list[dict[str, Any]] | None = None,
    reference: int | None = None,
    roles: list[int] | None = None,
) -> dict[str, Any]:
    """A member's message as MESSAGE_CREATE carries it."""
    payload: dict[str, Any] = {
        "id": str(message_id or ids.next_id()),
        "channel_id": str(channel_id),
        "guild_id": str(GUILD_ID),
        "type": 19 if reference else 0,
        "content": content,
        "author": member.user(),
        "member": {
            "roles": [str(r) for r in roles or []],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
        },
        "embeds": [],
        "components": [],
        "attachments": attachments or [],
        "mentions": [],
        "mention_roles": [],
        "mention_everyone": False,
        "pinned": False,
        "tts": False,
        "timestamp": now(),
        "edited_timestamp": None,
        "flags": 0,
    }
    if reference:
        payload["message_reference"] = {
            "message_id": str(reference),
            "channel_id": str(channel_id),
            "guild_id": str(GUILD_ID),
        }
    return payload


def message_command(name: str, target: Message, member: Member = ALICE) -> dict[str, Any]:
    """A message context-menu command (application command type 3) on ``target``."""
    data = {
        "id": str(ids.next_id()),
        "name": name,
        "type": 3,
        "target_id": str(target.id),
        "resolved": {"messages": {str(target.id): target.payload}},
    }
    return _base(2, member, data, target.channel_id)
