"""Logging, configured once at the entry point: text for a terminal, or JSON lines."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import TextIO, cast

from bot.settings import Settings, log_level_number


class JsonLines(logging.Formatter):
    """One JSON object per record, on one line: a traceback travels inside it."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


class OneLineReconnects(logging.Filter):
    """discord.py logs each gateway reconnect with a full traceback of the network
    error; during an outage that buries everything else. One line says as much."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and str(record.msg).startswith("Attempting a reconnect"):
            error = record.exc_info[1]
            record.msg = f"{record.msg} (after {type(error).__name__}: %.200s)"
            record.args = (*(record.args if isinstance(record.args, tuple) else ()), error)
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class LibraryLines(logging.Formatter):
    """discord.py's lines (``discord.utils.setup_logging``'s formatter: coloured where the
    library would colour them), chosen when the first record is written: ``python -m
    bot`` opens the database and reads the content before importing the library, so a
    start that stops there with its one line does not pay about half a second of CPU
    importing it for a formatter it never uses."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self._chosen: logging.Formatter | None = None

    def format(self, record: logging.LogRecord) -> str:
        if self._chosen is None:
            self._chosen = library_formatter(self._stream)
        return self._chosen.format(record)


def library_formatter(stream: TextIO) -> logging.Formatter:
    """The formatter ``discord.utils.setup_logging`` gives a handler writing to ``stream``."""
    import discord.utils

    # The library's colour formatter is private: should a release rename it, its plain
    # lines below are the fallback, not a crash at the first record logged.
    coloured = getattr(discord.utils, "_ColourFormatter", None)
    if coloured is not None and discord.utils.stream_supports_colour(stream):
        return cast(logging.Formatter, coloured())
    dates = "%Y-%m-%d %H:%M:%S"
    return logging.Formatter("[{asctime}] [{levelname:<8}] {name}: {message}", dates, style="{")


def setup_logging(settings: Settings, *, quiet: bool = False) -> None:
    """``quiet``: errors only (for a command whose printed report is the point). What
    ``discord.utils.setup_logging`` does, with JSON lines or the library's own."""
    level = logging.ERROR if quiet else log_level_number(settings)
    handler = logging.StreamHandler(sys.stderr)
    json_lines = settings.log_format == "json"
    handler.setFormatter(JsonLines() if json_lines else LibraryLines(handler.stream))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    logging.getLogger("discord.client").addFilter(OneLineReconnects())


def report(settings: Settings | None, line: str) -> None:
    """The one line that says why fambot stopped: plain text, or a JSON record."""
    if settings is not None and settings.log_format == "json":
        logging.getLogger("bot").critical("%s", line)
    else:
        print(f"fambot: {line}", file=sys.stderr)
