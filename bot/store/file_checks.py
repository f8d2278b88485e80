"""What is wrong with the database file, in one line an admin can act on.

Checked before SQLite touches the file, so a refused file is left exactly as it was.
Every message names the file, the problem and the fix.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100  # SQLite's database header; a shorter non-empty file cannot be one


class StoreError(Exception):
    """The database cannot be used as it is; the message says why and what to do."""


def problem(path: Path, what: str, fix: str) -> StoreError:
    return StoreError(f"database {path}: {what}: {fix}")


USER = "the user running fambot"


def check_database_path(path: Path, *, create_folder: bool = True) -> None:
    """Raise StoreError if fambot could not safely open (or create) ``path``.

    Creates missing parent folders, as the first start always has, unless
    ``create_folder`` is False (``python -m bot check`` changes nothing).
    """
    if path.is_dir():
        raise problem(
            path, "is a folder, not a file", f"set FAMBOT_DATABASE to {path}/fambot.sqlite3"
        )
    folder = path.parent
    if create_folder:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _uncreatable(path, folder, error.strerror or str(error)) from None
    elif not folder.is_dir():
        existing = next(p for p in folder.parents if p.exists())
        if not existing.is_dir():
            raise _uncreatable(path, folder, "Not a directory")
        if not os.access(existing, os.W_OK | os.X_OK):
            raise _uncreatable(path, folder, "Permission denied")
        return
    if not os.access(folder, os.W_OK | os.X_OK):
        raise problem(
            path,
            f"its folder {folder} is not writable",
            f"let {USER} write there (SQLite keeps -wal and -shm files beside the "
            "database), or move the database to a writable folder",
        )
    if not path.exists():
        return
    if not path.is_file():
        raise problem(path, "is not a regular file", "set FAMBOT_DATABASE to a file path")
    if not os.access(path, os.R_OK):
        raise problem(path, "cannot be read (permission denied)", f"let {USER} read and write it")
    if not os.access(path, os.W_OK):
        raise problem(path, "is read-only", f"let {USER} write it (chmod u+w, or chown)")
    _check_header(path)


def _uncreatable(path: Path, folder: Path, reason: str) -> StoreError:
    return problem(
        path,
        f"its folder {folder} cannot be created ({reason})",
        "create it yourself, or set FAMBOT_DATABASE to a file in a folder that exists",
    )


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(HEADER_SIZE)
    except OSError as error:
        raise problem(
            path, f"cannot be read ({error.strerror or error})", f"let {USER} read it"
        ) from None
    if not head:
        return  # an empty file is an empty database: SQLite creates the schema in it
    if not head.startswith(SQLITE_HEADER):
        raise problem(
            path,
            "is not a SQLite database",
            "point FAMBOT_DATABASE at fambot's database, or move this file aside and start "
            "again to create a new one (fambot has not changed it)",
        )
    if len(head) < HEADER_SIZE:
        raise damaged(path, "the file is cut short")


def damaged(path: Path, detail: str) -> StoreError:
    return problem(
        path,
        f"is damaged ({detail})",
        "restore it from a backup, or move it aside and start again with an empty one "
        "(members' progress and server settings would be lost; fambot has not changed it)",
    )


def describe_sqlite_error(path: Path, error: sqlite3.Error) -> StoreError:
    """An error SQLite raised while opening or checking the file, as one line."""
    text = str(error)
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return problem(path, "is read-only", f"let {USER} write it and its folder")
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return damaged(path, text)
    if "unable to open" in lowered:
        return problem(path, "cannot be opened", f"check that {USER} can read and write it")
    if "locked" in lowered or "busy" in lowered:
        return problem(
            path,
            "is locked by another program",
            "stop the other fambot (or tool) using it, then start again",
        )
    if "full" in lowered:
        return problem(path, "cannot grow: the disk is full", "free some space")
    return problem(path, f"cannot be used ({text})", "see the message, or restore a backup")
