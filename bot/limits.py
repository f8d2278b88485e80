"""Every limit a command declares, enforced on the raw interaction before any work.

Discord's client validates options before sending them, but anything can arrive over
the gateway (a modified client, a command synced from an older version of the bot).
So each interaction's options are checked against the schema this bot publishes for
the command (``Command.to_dict``): names, types, required options, choices, string
lengths, number ranges, and that users, channels and roles were resolved by Discord.
Pure: data in, a verdict out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

# Discord's option types.
SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = range(3, 12)
RESOLVED_IN = {
    USER: ("users",),
    CHANNEL: ("channels",),
    ROLE: ("roles",),
    MENTIONABLE: ("users", "roles"),
    ATTACHMENT: ("attachments",),
}
STRING_MAX = 6000  # Discord's own cap on an option's length, when a command sets none
INTEGER_LIMIT = 2**53  # Discord's integer options are doubles
SNOWFLAKE_DIGITS = 20

Kind = Literal["changed", "value"]


@dataclass(frozen=True)
class Problem:
    """Why an interaction is refused: ``changed`` means it does not match the command
    as this bot defines it (out of sync, or forged); ``value`` that an option is out of
    its limits. ``text`` is safe to show: it never repeats the member's input."""

    kind: Kind
    text: str


def _changed(what: str) -> Problem:
    return Problem("changed", what)


def check_command(
    schema: Mapping[str, Any], data: Mapping[str, Any], *, typing: bool = False
) -> Problem | None:
    """Check a command's raw ``data`` against the bot's ``schema`` for it. ``typing``:
    an autocomplete request, whose options are still being typed, so only their names,
    types and lengths are checked."""
    if data.get("type", 1) != schema.get("type", 1):
        return _changed("its kind differs")
    if schema.get("type", 1) != 1:
        return _check_target(data)
    return _check_options(
        schema.get("options") or [],
        data.get("options") or [],
        data.get("resolved") or {},
        typing,
    )


def _check_target(data: Mapping[str, Any]) -> Problem | None:
    """A message or user command: its target must be what Discord resolved."""
    target = data.get("target_id")
    resolved = data.get("resolved") or {}
    found = any(
        isinstance(target, str) and target in (resolved.get(key) or {})
        for key in ("messages", "users")
    )
    return None if found else Problem("value", "Discord did not send the message it is for.")


def _check_options(
    declared: Sequence[Mapping[str, Any]],
    given: Any,
    resolved: Mapping[str, Any],
    typing: bool,
) -> Problem | None:
    if not isinstance(given, list) or len(given) > 25:
        return _changed("its options are malformed")
    by_name = {str(option.get("name")): option for option in declared}
    seen: set[str] = set()
    for option in given:
        if not isinstance(option, dict) or not isinstance(option.get("name"), str):
            return _changed("an option is malformed")
        name = option["name"]
        spec = by_name.get(name)
        if spec is None or name in seen:
            return _changed(f"it has no option `{name[:32]}`" if spec is None else "repeats one")
        seen.add(name)
        if option.get("type") != spec.get("type"):
            return _changed(f"`{name}` has another type")
        if spec["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP):
            if len(given) != 1:
                return _changed("it names two subcommands")
            return _check_options(
                spec.get("options") or [], option.get("options") or [], resolved, typing
            )
        problem = _check_typed(spec, option) if typing else _check_value(spec, option, resolved)
        if problem is not None:
            return problem
    if any(s.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP) for s in declared):
        return _changed("it names no subcommand")  # a group was sent without one
    for spec in declared:
        if spec.get("required") and spec["name"] not in seen and not typing:
            return _changed(f"`{spec['name']}` is missing")
    return None


def _check_typed(spec: Mapping[str, Any], option: Mapping[str, Any]) -> Problem | None:
    """An option being typed: any partial value, but never past its length."""
    value = option.get("value")
    high = spec.get("max_length", STRING_MAX) if spec["type"] == STRING else 32
    if isinstance(value, str) and len(value) > high:
        return Problem("value", f"`{spec['name']}` is too long.")
    if not isinstance(value, str | int | float | bool) and value is not None:
        return Problem("value", f"`{spec['name']}` is malformed.")
    return None


def _check_value(
    spec: Mapping[str, Any], option: Mapping[str, Any], resolved: Mapping[str, Any]
) -> Problem | None:
    name, kind, value = spec["name"], spec["type"], option.get("value")
    focused = bool(option.get("focused"))
    if kind == STRING:
        if not isinstance(value, str):
            return Problem("value", f"`{name}` must be text.")
        low, high = spec.get("min_length", 0), spec.get("max_length", STRING_MAX)
        if len(value) > high or (not focused and len(value) < low):
            return Problem("value", f"`{name}` must be {low}-{high} characters long.")
    elif kind in (INTEGER, NUMBER):
        if focused and isinstance(value, str):
            return None if len(value) <= 32 else Problem("value", f"`{name}` is too long.")
        whole = kind == INTEGER
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (whole and not isinstance(value, int))
        ):
            return Problem("value", f"`{name}` must be a {'whole ' if whole else ''}number.")
        if not math.isfinite(value) or abs(value) > INTEGER_LIMIT:
            return Problem("value", f"`{name}` is out of range.")
        low, high = spec.get("min_value"), spec.get("max_value")
        if (low is not None and value < low) or (high is not None and value > high):
            return Problem("value", f"`{name}` must be between {low} and {high}.")
    elif kind == BOOLEAN:
        if not isinstance(value, bool):
            return Problem("value", f"`{name}` must be True or False.")
    elif kind in RESOLVED_IN:
        if not (isinstance(value, str) and value.isdigit() and len(value) <= SNOWFLAKE_DIGITS):
            return Problem("value", f"`{name}` must be picked from Discord's list.")
        if not any(value in (resolved.get(key) or {}) for key in RESOLVED_IN[kind]):
            return Problem("value", f"`{name}` must be picked from Discord's list.")
        channel = (resolved.get("channels") or {}).get(value)
        wanted = spec.get("channel_types") if kind == CHANNEL else None
        if wanted and channel is not None and channel.get("type") not in wanted:
            return Problem("value", f"`{name}` must be another kind of channel.")
    else:
        return _changed(f"`{name}` has a type this bot does not use")
    choices = spec.get("choices")
    if choices and not focused and value not in [c.get("value") for c in choices]:
        return Problem("value", f"`{name}` must be one of its choices.")
    return None
