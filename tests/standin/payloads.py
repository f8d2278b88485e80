"""Gateway payloads for INTERACTION_CREATE, shaped as the Discord API documents them."""

from __future__ import annotations

from dataclasses import dataclass
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

    def user(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "global_name": self.name.title(),
            "avatar": None,
        }


ALICE = Member(700000000000000001, "alice")
BOB = Member(700000000000000002, "bob")


def _base(kind: int, member: Member, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": str(ids.next_id()),
        "application_id": str(APPLICATION_ID),
        "type": kind,
        "data": data,
        "guild_id": str(GUILD_ID),
        "channel_id": str(CHANNEL_ID),
        "channel": {
            "id": str(CHANNEL_ID),
            "type": 0,
            "guild_id": str(GUILD_ID),
            "name": "general",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
        },
        "member": {
            "user": member.user(),
            "roles": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": ALL_PERMISSIONS,
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


def _options(options: dict[str, Any], focused: str | None) -> list[dict[str, Any]]:
    result = []
    for name, value in options.items():
        option: dict[str, Any] = {"name": name, "type": OPTION_TYPES[type(value)], "value": value}
        if name == focused:
            option["focused"] = True
        result.append(option)
    return result


def slash(name: str, options: dict[str, Any], member: Member = ALICE) -> dict[str, Any]:
    """A slash command invocation (interaction type 2)."""
    data = {"id": str(ids.next_id()), "name": name, "type": 1, "options": _options(options, None)}
    return _base(2, member, data)


def autocomplete(
    name: str, focused: str, options: dict[str, Any], member: Member = ALICE
) -> dict[str, Any]:
    """An autocomplete request (interaction type 4) with ``focused`` being typed."""
    data = {
        "id": str(ids.next_id()),
        "name": name,
        "type": 1,
        "options": _options(options, focused),
    }
    return _base(4, member, data)


def button(message: Message, custom_id: str, member: Member = ALICE) -> dict[str, Any]:
    """A button press (interaction type 3) on a message the stand-in holds."""
    payload = _base(3, member, {"custom_id": custom_id, "component_type": 2})
    payload["message"] = message.payload
    return payload
