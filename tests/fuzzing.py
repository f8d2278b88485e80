"""Fuzzing the running bot through the stand-in, with hypothesis drawing every choice.

Each step is one of: a slash command built from the bot's own published schema (every
command, subcommand and option, valid values from the real canon and the test
server), the same with a raw value no client would send (too long, wrong type,
unresolved, unknown option, missing option, unknown command), an autocomplete request,
a button press or select on an earlier reply (live, expired, someone else's, made up;
Sources and Report a mistake among them, and their ids on a reply that lacks them), a
report form submitted (for a reply's subject or a forged one, its fields empty, too
long or spoiling), the message command on a member's message, or a member posting or
editing a message with the spoiler guard on. ``series`` options get the shows' names
as often as other text.

After every interaction the oracle checks: exactly one answer reached Discord; no
traceback was logged; no error was posted publicly; every message the bot sent has
mentions switched off; no finale detail the member did not type is readable without
a click (outside spoiler channels, while the server tags finales). After every
sequence: the database passes integrity_check and foreign_key_check.
Used by tests/test_fuzz.py and ``python -m bench.fuzz``.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from hypothesis import strategies as st

from bot.canon.content import load_content
from bot.feedback import REPORT_FORM
from bot.settings import DEFAULT_CONTENT_DIR
from tests.spoiler_audit import Surfaces, runs, secret_grams, story_details
from tests.standin import payloads
from tests.standin.harness import Exchange, Harness
from tests.standin.rest import APPLICATION_ID, Message

T = TypeVar("T")

MEMBERS = (payloads.ALICE, payloads.BOB, payloads.CAROL)
CHANNELS = (payloads.CHANNEL_ID, payloads.SPOILER_CHANNEL_ID, payloads.THREAD_ID)
OPTION_CHANNELS = (
    payloads.ChannelOption(payloads.CHANNEL_ID, "general"),
    payloads.ChannelOption(payloads.SPOILER_CHANNEL_ID, "spoilers"),
    payloads.ChannelOption(payloads.MOD_LOG_ID, "mod-log"),
)
ROLES = (payloads.RoleOption(payloads.TRUSTED_ROLE_ID, "trusted"),)
ERROR_PREFIXES = ("Sorry, something went wrong",)
SUBCOMMAND_TYPES = (1, 2)


@dataclass
class Figures:
    interactions: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    messages: int = 0
    unanswered: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    public_errors: list[str] = field(default_factory=list)
    pings: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    integrity: list[str] = field(default_factory=list)
    harness: list[str] = field(default_factory=list)  # the test's own failures

    @property
    def problems(self) -> list[str]:
        return [
            *self.unanswered,
            *self.tracebacks,
            *self.public_errors,
            *self.pings,
            *self.leaks,
            *self.integrity,
            *self.harness,
        ]

    def lines(self) -> list[str]:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.by_kind.items()))
        return [
            f"interactions          {self.interactions} ({kinds})",
            f"member messages       {self.messages}",
            f"unanswered            {len(self.unanswered)}",
            f"tracebacks            {len(self.tracebacks)}",
            f"public errors         {len(self.public_errors)}",
            f"pings                 {len(self.pings)}",
            f"spoiler leaks         {len(self.leaks)}",
            f"integrity problems    {len(self.integrity)}",
        ]


def _leaf_commands(schema: dict[str, Any], path: tuple[str, ...] = ()) -> list[tuple[Any, ...]]:
    """(path, options schema) for every invocable slash command or subcommand."""
    options = schema.get("options") or []
    here = (*path, schema["name"])
    subs = [o for o in options if o.get("type") in SUBCOMMAND_TYPES]
    if not subs:
        return [(here, options)]
    found: list[tuple[Any, ...]] = []
    for sub in subs:
        found += _leaf_commands(sub, here)
    return found


KINDS = ["command"] * 12 + ["raw"] * 4 + ["autocomplete"] * 2 + ["button"] * 2
KINDS += ["message command", "member message", "member edit", "form"]
ROLLS = 16
QUIET_CHECKS, QUIET_SECONDS = 2, 0.02
MUTATIONS = ["huge", "wrong type", "unknown option", "drop", "unresolved", "extreme"]
MUTATIONS += ["unknown command", "float", "null"]


@dataclass
class Rolls:
    """What hypothesis drew for one step: the same shape every step, whatever the bot's
    state (hypothesis replays and mutates earlier draws, so a draw whose shape depended
    on state would be reported as flaky). The step turns them into choices."""

    kind: str
    member: payloads.Member
    numbers: list[int]
    texts: list[str]
    used: int = 0

    def number(self) -> int:
        self.used += 1
        return self.numbers[(self.used - 1) % len(self.numbers)]

    def pick(self, items: Sequence[T]) -> T:
        return items[self.number() % len(items)]

    def between(self, low: int, high: int) -> int:
        return low + self.number() % (high - low + 1)

    def chance(self, one_in: int) -> bool:
        return self.number() % one_in == 0

    def text(self, low: int = 0, high: int = 80) -> str:
        text = self.pick(self.texts)[:high]
        return text.ljust(low, "x")


ROLL = st.builds(
    Rolls,
    kind=st.sampled_from(KINDS),
    member=st.sampled_from(MEMBERS),
    numbers=st.lists(st.integers(0, 2**31), min_size=ROLLS, max_size=ROLLS),
    texts=st.lists(st.text(max_size=80), min_size=2, max_size=2),
)


class Fuzzer:
    def __init__(self, harness: Harness, log: LogWatch) -> None:
        assert harness.bot is not None
        self.harness = harness
        self.bot = harness.bot
        self.log = log
        self.figures = Figures()
        tree = self.bot.tree
        schemas = [c.to_dict(tree) for c in tree.get_commands()]
        self.slash = [leaf for s in schemas if s.get("type", 1) == 1 for leaf in _leaf_commands(s)]
        self.message_commands = [s["name"] for s in schemas if s.get("type") == 3]
        bundle = load_content(DEFAULT_CONTENT_DIR)
        details = story_details(bundle)
        tagged = [d.text for d in details if d.reveal.finale_detail]
        open_text = [d.text for d in details if not d.reveal.finale_detail]
        open_text += [c.name for c in bundle.characters]
        open_text += [e.title or "" for e in bundle.episodes]
        self.secrets = secret_grams(tagged, open_text)
        self.spoilers = tagged  # what members type when they spoil
        self.names = [c.name for c in bundle.characters] + [e.ref.code for e in bundle.episodes]
        self.series = [name for s in bundle.series for name in (s.name, s.slug, s.code)]
        self.series += ["star city", "For All Mankind ", "The Expanse"]
        self.completions = [
            (path, o) for path, options in self.slash for o in options if o.get("autocomplete")
        ]
        self.replies: list[Exchange] = []  # with buttons, to press later
        self.posted: list[Message] = []  # members' messages

    # --- one step -----------------------------------------------------------------

    async def step(self, roll: Rolls) -> None:
        kind, member = roll.kind, roll.member
        if kind == "member edit" and self.posted:
            message = roll.pick(self.posted[-20:])
            before = len(self.harness.stand_in.requests)
            await self.harness.member_edits(message, self._chat(roll))
            await self._quiet()
            self.figures.messages += 1
            caused = self.harness.stand_in.requests[before:]
            typed = [str(message.payload["content"])]
            self._check_sent("member edit", caused, typed, message.channel_id)
        elif kind in ("member message", "member edit"):
            await self._member_message(roll, member)
        elif kind == "button" and self.replies:
            await self._press(roll, member)
        elif kind == "message command" and self.posted and self.message_commands:
            target = roll.pick(self.posted[-20:])
            payload = payloads.message_command(roll.pick(self.message_commands), target, member)
            await self._send(kind, payload, [str(target.payload.get("content") or "")])
        elif kind == "autocomplete":
            await self._autocomplete(roll, member)
        elif kind == "form":
            await self._form(roll, member)
        else:
            await self._command(roll, member, raw=kind == "raw")

    async def _command(self, roll: Rolls, member: payloads.Member, *, raw: bool) -> None:
        path, options = roll.pick(self.slash)
        values: dict[str, Any] = {}
        for option in options:
            if option.get("required") or roll.chance(2):
                values[option["name"]] = self._value(roll, option)
        channel = roll.pick(CHANNELS)
        payload = payloads.subcommand(" ".join(path), values, member, channel)
        # Everything the member typed, numbers too: a reply may echo "2012" back.
        typed = [str(getattr(v, "name", v)) for v in values.values()]
        if raw:
            typed += self._mutate(roll, payload)
        await self._send("raw" if raw else "command", payload, typed)

    def _value(self, roll: Rolls, option: dict[str, Any]) -> Any:
        kind = option["type"]
        if option.get("choices"):
            return roll.pick([c["value"] for c in option["choices"]])
        if kind == 3:
            low, high = option.get("min_length", 0), min(option.get("max_length", 100), 300)
            if option["name"] == "series" and roll.chance(2):
                return roll.pick(self.series)[:high].ljust(low, "x")
            if option.get("autocomplete") and roll.chance(2):
                return roll.pick(self.names)[:high].ljust(low, "x")
            return roll.text(low, high)
        if kind in (4, 10):
            return roll.between(option.get("min_value", -1000), option.get("max_value", 1000))
        if kind == 5:
            return roll.chance(2)
        if kind == 8:
            return roll.pick(ROLES)
        return roll.pick(OPTION_CHANNELS)  # channels (mentionable and the rest: unused)

    def _mutate(self, roll: Rolls, payload: dict[str, Any]) -> list[str]:
        """Break the payload the way a modified client could; return text it now holds."""
        leaf = payload["data"]
        while leaf.get("options") and leaf["options"][0].get("type") in SUBCOMMAND_TYPES:
            leaf = leaf["options"][0]
        given: list[dict[str, Any]] = leaf.setdefault("options", [])
        how = roll.pick(MUTATIONS)
        if how == "unknown command":
            payload["data"]["name"] = roll.pick(["oldcommand", "characters", "x" * 40])
        elif how == "unknown option":
            given.append({"name": "nickname", "type": 3, "value": "Gordo"})
        elif how == "drop" and given:
            given.pop(roll.number() % len(given))
        elif given:
            option = given[roll.number() % len(given)]
            if how == "huge":
                text = roll.pick(self.names) * roll.between(10, 20_000)
                option["value"] = text
                return [text]
            option["value"] = {
                "wrong type": roll.pick([True, 12, "12", [], {}]),
                "unresolved": "123456789012345678",
                "extreme": roll.pick([2**63, -(2**63), 10**20, -1]),
                "float": 2.5,
                "null": None,
            }.get(how, option.get("value"))
        return []

    async def _autocomplete(self, roll: Rolls, member: payloads.Member) -> None:
        path, option = roll.pick(self.completions)
        typed = roll.pick(self.names) if roll.chance(2) else roll.text()
        if roll.chance(20):
            typed = typed * 10_000
        focused = {"name": option["name"], "type": option["type"], "value": typed, "focused": True}
        nested: list[dict[str, Any]] = [focused]
        for depth, name in enumerate(reversed(path[1:])):
            nested = [{"name": name, "type": 1 if depth == 0 else 2, "options": nested}]
        payload = payloads.autocomplete(path[0], option["name"], {}, member)
        payload["data"]["options"] = nested
        await self._send("autocomplete", payload, [typed])

    async def _press(self, roll: Rolls, member: payloads.Member) -> None:
        earlier = roll.pick(self.replies[-30:])
        # A registered button's id on a reply that does not carry it is answered too.
        forged = ["made-up-button", "fam:sources:character:ed-baldwin", "fam:report:episode:101"]
        choice = roll.pick([*earlier.button_ids().values(), *forged])
        message = earlier.message
        payload = payloads.button(message, choice, member)
        payload["channel_id"] = payload["channel"]["id"] = str(message.channel_id)
        await self._send("button", payload, ())

    async def _form(self, roll: Rolls, member: payloads.Member) -> None:
        """A report form submitted: for the subject of a reply with the button (as the
        form it opens would be), or a forged one; with fields of any length."""
        reported = [
            (e, custom_id.removeprefix("fam:report:"))
            for e in self.replies[-30:]
            for custom_id in e.button_ids().values()
            if custom_id.startswith("fam:report:")
        ]
        message: Message | None = None
        if reported and not roll.chance(4):
            on, subject = roll.pick(reported)
            custom_id, message = f"{REPORT_FORM}{subject}", on.message
        else:
            custom_id = roll.pick(
                [
                    f"{REPORT_FORM}character:nobody-at-all",
                    f"{REPORT_FORM}episode:{'9' * 90}",
                    f"{REPORT_FORM}../../etc",
                    REPORT_FORM,
                    "a-form-from-long-ago",
                ]
            )
        text = roll.pick(
            [roll.text(), roll.text(10, 80), roll.pick(self.spoilers), "x" * roll.between(0, 5000)]
        )
        values = {"text": text, "source": roll.pick(["", roll.text(), "y" * roll.between(0, 600)])}
        if roll.chance(8):
            values.pop(roll.pick(["text", "source"]))
        payload = payloads.modal_submit(message, custom_id, values, member)
        if message is not None:
            payload["channel_id"] = payload["channel"]["id"] = str(message.channel_id)
        await self._send("form", payload, list(values.values()))

    def _chat(self, roll: Rolls) -> str:
        spoiler, plain = roll.pick(self.spoilers), roll.text()
        return roll.pick(
            [plain, f"{plain} {spoiler}", spoiler, f"||{spoiler}||", f"@everyone {spoiler}"]
        )

    async def _member_message(self, roll: Rolls, member: payloads.Member) -> None:
        channel = roll.pick(CHANNELS)
        before = len(self.harness.stand_in.requests)
        message = await self.harness.member_says(member, self._chat(roll), channel_id=channel)
        self.posted.append(message)
        await self._quiet()
        self.figures.messages += 1
        caused = self.harness.stand_in.requests[before:]
        self._check_sent("member message", caused, [str(message.payload["content"])], channel)

    async def _quiet(self) -> None:
        """Wait until the guard has done what a member's message started.

        Not Harness.settle: it asks the bot for heartbeats, and discord.py sends a
        requested heartbeat through its gateway rate limiter (110 a minute), which
        hundreds of messages a minute exhaust, stalling the bot's gateway reader."""
        quiet = 0
        while quiet < QUIET_CHECKS:
            seen = len(self.harness.stand_in.requests)
            await asyncio.sleep(QUIET_SECONDS)
            await self.bot.wait_until_idle(10)
            quiet = quiet + 1 if len(self.harness.stand_in.requests) == seen else 0

    # --- sending and checking ------------------------------------------------------

    async def _send(self, kind: str, payload: dict[str, Any], typed: Any) -> None:
        self.figures.interactions += 1
        self.figures.by_kind[kind] += 1
        what = f"{kind} {json.dumps(payload['data'])[:160]}"
        before = len(self.harness.stand_in.requests)
        try:
            exchange = await self.harness.send(payload)
        except TimeoutError:
            self.figures.unanswered.append(f"no answer to {what}")
            return
        callbacks = [r for r in exchange.requests if r.path.endswith("/callback")]
        if len(callbacks) != 1:
            self.figures.unanswered.append(f"{len(callbacks)} answers to {what}")
        self.figures.tracebacks += [f"{t} after {what}" for t in self.log.take()]
        channel = int(payload["channel_id"])
        self._check_sent(what, self.harness.stand_in.requests[before:], list(typed), channel)
        if callbacks and exchange.button_ids() and exchange.type == 4:
            self.replies.append(exchange)

    def _check_sent(self, what: str, requests: list[Any], typed: list[str], channel: int) -> None:
        policy = self.bot.store.community.server_settings(payloads.GUILD_ID)
        # Replies in a spoiler channel (or its thread) need no tags.
        open_channel = channel in (payloads.SPOILER_CHANNEL_ID, payloads.THREAD_ID)
        open_channel = open_channel or channel in policy.spoiler_channels
        mine = self.secrets.copy()  # what the member typed is no news to the member
        for text in typed:
            mine -= runs(text[:2000])
        for request in requests:
            body = request.json
            data = body.get("data", body) if request.path.endswith("/callback") else body
            if not isinstance(data, dict) or not ({"content", "embeds"} & set(data)):
                continue
            mentions = data.get("allowed_mentions")
            if mentions is None or mentions.get("parse") or mentions.get("users"):
                self.figures.pings.append(f"mentions {mentions} in {request.path} for {what}")
            content = str(data.get("content") or "")
            if content.startswith(ERROR_PREFIXES):
                self.figures.tracebacks.append(f"apology {content[:60]!r} for {what}")
            ephemeral = bool(int(data.get("flags") or 0) & 64)
            if not data.get("embeds") and content and not ephemeral and "/callback" in request.path:
                self.figures.public_errors.append(f"public {content[:60]!r} for {what}")
            parts = request.path.split("/")
            if parts[1] == "webhooks" and int(parts[2]) != APPLICATION_ID:
                continue  # the guard's repost of a member's own words (its accuracy: bench)
            # The mod log is read by others: everything in it counts.
            to_others = request.path.startswith(f"/channels/{payloads.MOD_LOG_ID}/")
            if policy.tag_finales and not open_channel:
                leaks = Surfaces.of_message(data).leaks(self.secrets if to_others else mine)
                where = f"{request.method} {request.path}"
                self.figures.leaks += [f"{leak} in {where} for {what}" for leak in leaks[:2]]

    async def check_database(self) -> None:
        conn = self.bot.store.conn
        async with conn.execute("PRAGMA integrity_check") as cursor:
            rows = [tuple(r) for r in await cursor.fetchall()]
        if rows != [("ok",)]:
            self.figures.integrity.append(f"integrity_check: {rows[:3]}")
        async with conn.execute("PRAGMA foreign_key_check") as cursor:
            broken = [tuple(r) for r in await cursor.fetchall()]
        if broken:
            self.figures.integrity.append(f"foreign_key_check: {broken[:3]}")


class LogWatch(logging.Handler):
    """Collects every logged traceback (and asyncio's 'never retrieved' errors)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or "never retrieved" in record.getMessage():
            self.found.append(f"{record.name}: {record.getMessage()[:120]}")

    def take(self) -> list[str]:
        found, self.found = self.found, []
        return found
