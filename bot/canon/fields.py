"""Strict readers for one TOML entry, so a content mistake names its file, entry and key."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from bot.canon.episodes import EPISODE_MAX, SEASON_MAX, EpisodeRef


class ContentError(Exception):
    """A canon content file is malformed; the message names the file, entry and problem."""

    def __init__(self, path: Path | str, entry: str, problem: str) -> None:
        super().__init__(f"{path}: {entry}: {problem}")
        self.path = str(path)
        self.entry = entry
        self.problem = problem


def read_bytes(path: Path) -> bytes:
    """A content file's bytes; a file the bot cannot read is named, with the fix."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise ContentError(
            path,
            "file",
            f"cannot be read ({error.strerror or error}): let the user running fambot read it",
        ) from None


def decode_utf8(path: Path | str, data: bytes) -> str:
    """The file's text; a byte that is not UTF-8 is named with its line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ContentError(
            path,
            f"line {line}",
            f"byte 0x{data[error.start]:02X} is not UTF-8 text: save the file as UTF-8",
        ) from None


class Entry:
    """One table from a content file, read key by key; unknown keys are an error."""

    def __init__(self, path: Path | str, label: str, table: Any, allowed: set[str] | None) -> None:
        """``allowed`` None: any key (a table whose keys are names, such as a vocabulary)."""
        self.path = path
        self.label = label
        if not isinstance(table, dict):
            self.fail("expected a table of keys")
        self._table: dict[str, Any] = table
        unknown = sorted(set(table) - allowed) if allowed is not None else []
        if unknown and allowed is not None:
            self.fail(f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")

    def fail(self, problem: str) -> NoReturn:
        raise ContentError(self.path, self.label, problem)

    def keys(self) -> list[str]:
        return list(self._table)

    def table(self, key: str) -> dict[str, Any]:
        """A sub-table (empty when absent)."""
        value = self._table.get(key, {})
        if not isinstance(value, dict):
            self.fail(f"{key!r} must be a table ([{key}])")
        return value

    def has(self, key: str) -> bool:
        return key in self._table

    def text(self, key: str, *, max_len: int = 1000) -> str:
        value = self._table.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key!r} must be non-empty text")
        value = " ".join(value.split())  # TOML line continuations leave runs of spaces
        if len(value) > max_len:
            self.fail(f"{key!r} is {len(value)} characters; the limit is {max_len}")
        return value

    def optional_text(self, key: str, *, max_len: int = 1000) -> str | None:
        return self.text(key, max_len=max_len) if key in self._table else None

    def integer(self, key: str, *, low: int, high: int) -> int:
        value = self._table.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.fail(f"{key!r} must be a whole number from {low} to {high}")
        return value

    def flag(self, key: str) -> bool:
        value = self._table.get(key)
        if not isinstance(value, bool):
            self.fail(f"{key!r} must be true or false")
        return value

    def day(self, key: str) -> date:
        value = self._table.get(key)
        if not isinstance(value, date):
            self.fail(f"{key!r} must be a date like 2019-11-01 (no quotes)")
        return value

    def texts(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        value = self._table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(f"{key!r} must be a list of text values")
        if required and not value:
            self.fail(f"{key!r} must not be empty")
        return tuple(value)

    def integers(self, key: str, *, low: int, high: int, required: bool = False) -> tuple[int, ...]:
        value = self._table.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) and low <= v <= high for v in value
        ):
            self.fail(f"{key!r} must be a list of whole numbers from {low} to {high}")
        if required and not value:
            self.fail(f"{key!r} must not be empty")
        if list(value) != sorted(set(value)):
            self.fail(f"{key!r} must be in ascending order without repeats")
        return tuple(value)

    def episode(self, key: str, series: str) -> EpisodeRef:
        """An episode of ``series``: codes in a series' folder name its own episodes, so
        they carry no series prefix ("S1E8", not "SC S1E8")."""
        value = self._table.get(key)
        ref = parse_episode(value, series) if isinstance(value, str) else None
        if ref is None:
            self.fail(f"{key!r} must be an episode code like 'S3E10', got {value!r}")
        return ref

    def optional_episode(self, key: str, series: str) -> EpisodeRef | None:
        return self.episode(key, series) if key in self._table else None

    def tables(self, key: str) -> list[Any]:
        value = self._table.get(key, [])
        if not isinstance(value, list):
            self.fail(f"{key!r} must be a list of tables ([[...]])")
        return value


def parse_episode(text: str, series: str) -> EpisodeRef | None:
    """An unprefixed code within the bounds files may use, as an episode of ``series``."""
    ref = EpisodeRef.parse(text)
    if ref is None or ref.series or not 1 <= ref.season <= SEASON_MAX:
        return None
    if not 1 <= ref.number <= EPISODE_MAX:
        return None
    return EpisodeRef(ref.season, ref.number, series)
