"""Try the bot without a Discord account: the real bot, the local stand-in, a text prompt.

    python3 manage.py console

Type commands as in Discord (``/character name: Ed Baldwin``, or ``/character Ed``),
``?/character name: gor`` for autocomplete, ``next`` / ``prev`` to turn pages, and
``reveal`` to show the last reply's spoilers. Spoilers are masked until revealed.
Content contributors can use it to see how an entry renders.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

import discord
from discord import app_commands

from bot.settings import DEFAULT_CONTENT_DIR, Settings
from tests.spoiler_audit import spoiler_regions
from tests.standin import payloads
from tests.standin.harness import Exchange, Harness
from tests.standin.rest import Message

CONSOLE_TOKEN = "Y29uc29sZS1vbmx5LXRva2Vu.Console.fambot-local-stand-in-not-a-real-token"
HELP = """Commands: {commands} (you are a server admin here)
  /character name: Ed Baldwin       options as name: value pairs
  /character Ed                     a lone value fills the first option
  ?/episode episode: pol            show autocomplete suggestions
  /episode SC S1E3                  another show: its codes carry a prefix, or add series:
  next, prev                        turn the pages of the last reply
  sources                           the sources the last reply rests on
  reveal                            show the last reply's spoilers
  quit                              leave"""
_OPTION = re.compile(r"(?:^|\s)([a-z_]+):\s*")


def _masked(markdown: str, secrets: list[str]) -> str:
    parts = []
    for hidden, text in spoiler_regions(markdown):
        if hidden:
            secrets.append(text)
            parts.append(f"[spoiler {len(secrets)}: ▒▒▒▒▒▒]")
        else:
            parts.append(text)
    return "".join(parts)


def render(exchange: Exchange, secrets: list[str]) -> str:
    """A reply as text, spoilers masked (their text is appended to ``secrets``)."""
    secrets.clear()
    if exchange.type == 8:
        choices = exchange.choices
        return "\n".join(f"  {c['name']}  →  {c['value']}" for c in choices) or "  (no suggestions)"
    out: list[str] = []
    if exchange.ephemeral:
        out.append("(only you can see this)")
    if exchange.content:
        out.append(_masked(exchange.content, secrets))
    for embed in exchange.embeds:
        out.append(f"┃ {embed.get('title', '')}")
        if embed.get("description"):
            out += [f"┃ {line}" for line in _masked(embed["description"], secrets).splitlines()]
        for field in embed.get("fields", []):
            out.append(f"┃ ▸ {field['name']}")
            out += [f"┃     {line}" for line in _masked(field["value"], secrets).splitlines()]
        if embed.get("footer"):
            out.append(f"┃ — {embed['footer']['text']}")
    buttons = exchange.button_ids()
    if buttons:
        out.append("  ".join(f"[{label}]" for label in buttons))
    return "\n".join(out)


class Console:
    def __init__(self, harness: Harness, output: TextIO) -> None:
        self.harness = harness
        self.output = output
        self.message: Message | None = None  # the last reply with buttons
        self.buttons: dict[str, str] = {}  # its button labels -> custom ids
        self.secrets: list[str] = []

    def say(self, text: str) -> None:
        print(text, file=self.output, flush=True)

    def _options(self, command: app_commands.Command[Any, ..., Any], text: str) -> dict[str, Any]:
        pairs = _OPTION.split(text)
        options: dict[str, Any] = {}
        if pairs[0].strip() and command.parameters:  # "/character Ed": the first option
            options[command.parameters[0].name] = pairs[0].strip()
        for name, value in zip(pairs[1::2], pairs[2::2], strict=False):
            options[name] = value.strip()
        types = {p.name: p.type for p in command.parameters}
        for name, value in list(options.items()):
            if name not in types:
                raise ValueError(f"/{command.name} has no option {name!r}")
            if types[name] is discord.AppCommandOptionType.integer:
                options[name] = int(value)
        return options

    async def run_line(self, line: str) -> bool:
        """Handle one line; False means quit."""
        line = line.strip()
        if not line:
            return True
        if line in ("quit", "exit"):
            return False
        if line == "help":
            assert self.harness.bot is not None
            names = sorted(c.name for c in self.harness.bot.tree.get_commands())
            self.say(HELP.format(commands=", ".join(f"/{n}" for n in names if " " not in n)))
        elif line == "reveal":
            for n, secret in enumerate(self.secrets, 1):
                self.say(f"  spoiler {n}: {secret}")
            if not self.secrets:
                self.say("  (nothing hidden in the last reply)")
        elif line in ("next", "prev"):
            await self._press("Next ▶" if line == "next" else "◀ Previous")
        elif line == "sources":
            await self._press("Sources")
        elif line.lstrip("?").startswith("/"):
            await self._command(line)
        else:
            self.say("Type a /command, or help.")
        return True

    async def _press(self, label: str) -> None:
        if self.message is None or label not in self.buttons:
            self.say("  (no such button on the last reply)")
            return
        pressed = await self.harness.send(payloads.button(self.message, self.buttons[label]))
        self.say(render(pressed, self.secrets))
        if pressed.type == 7:  # the message was edited in place: its buttons changed
            self.buttons = pressed.button_ids()

    async def _command(self, line: str) -> None:
        assert self.harness.bot is not None
        complete = line.startswith("?")
        name, _, rest = line.lstrip("?/").partition(" ")
        command = self.harness.bot.tree.get_command(name)
        path = [name]
        while isinstance(command, app_commands.Group):  # "/progress set ...", "/spoilers guard on"
            sub, _, rest = rest.strip().partition(" ")
            command = command.get_command(sub)
            path.append(sub)
        if not isinstance(command, app_commands.Command):
            self.say(f"  no command /{' '.join(path)}; type help")
            return
        try:
            options = self._options(command, rest)
        except ValueError as error:
            self.say(f"  {error}")
            return
        if complete:
            focused = next(iter(options), command.parameters[0].name)
            subcommand = path[1] if len(path) == 2 else None
            exchange = await self.harness.complete(
                name, focused, options or {focused: ""}, subcommand=subcommand
            )
        elif len(path) > 1:
            exchange = await self.harness.subcommand(" ".join(path), options)
        else:
            exchange = await self.harness.command(name, options)
            self.buttons = exchange.button_ids()
            self.message = exchange.message if self.buttons else None
        self.say(render(exchange, self.secrets))


async def main(lines: TextIO, output: TextIO) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(
            token=CONSOLE_TOKEN,
            database_path=Path(scratch) / "console.sqlite3",
            content_dir=DEFAULT_CONTENT_DIR,
        )
        harness = Harness(settings)
        await harness.start()
        console = Console(harness, output)
        console.say("fambot console: the real bot on a local stand-in for Discord. Type help.")
        try:
            while True:
                if lines.isatty():
                    line = await asyncio.to_thread(input, "> ")
                else:
                    line = await asyncio.to_thread(lines.readline)
                    if not line:
                        break
                    console.say(f"> {line.rstrip()}")
                if not await console.run_line(line):
                    break
        except (EOFError, KeyboardInterrupt):
            pass
        finally:
            await harness.stop()


if __name__ == "__main__":
    argparse.ArgumentParser(description=__doc__).parse_args()
    asyncio.run(main(sys.stdin, sys.stdout))
