"""One serving process per SQLite file: a lock held for the process's lifetime.

Each process keeps community data in memory, so two bots on one file would each serve
their own stale copy. The lock is an ``flock`` on a file beside the database: the
kernel drops it when the process ends, however it ends (a SIGKILL included), so a
crash never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO

from bot.store.file_checks import StoreError, problem

try:
    import fcntl
except ImportError:  # Windows: no flock; one process per file is then up to the admin
    fcntl = None  # type: ignore[assignment]


class ProcessLock:
    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = database.with_name(database.name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock, or raise StoreError naming the process that holds it."""
        if fcntl is None or self._file is not None:
            return
        while self._file is None:
            self._file = self._try_once()

    def _try_once(self) -> IO[str] | None:
        """The locked file; None when the file was removed by its holder's release
        between our open and our flock (then the lock is on a file nobody else sees)."""
        assert fcntl is not None
        try:
            handle = open(self.path, "a+")  # noqa: SIM115 - held open for the process's life
        except OSError as error:
            raise problem(
                self.database,
                f"its lock file {self.path.name} cannot be opened ({error.strerror or error})",
                "let the user running fambot write the database's folder",
            ) from None
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StoreError(
                f"{self.database} is in use by {holder}: one fambot process per "
                "SQLite file. Stop the other one, or run several through PostgreSQL "
                "(FAMBOT_DATABASE_URL)."
            ) from None
        try:
            current = os.stat(self.path).st_ino
        except FileNotFoundError:
            current = None
        if current != os.fstat(handle.fileno()).st_ino:
            handle.close()
            return None
        handle.seek(0)
        handle.truncate()
        handle.write(f"fambot process {os.getpid()}\n")
        handle.flush()
        return handle

    def release(self) -> None:
        """Remove the lock file, then let go: the folder is left as it was found. (A
        SIGKILLed process leaves the file, unlocked; the next start reuses it.)"""
        if self._file is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self._file.close()  # closing the file releases the flock
            self._file = None
