"""One serving process per SQLite file: a lock held for the process's lifetime.

Each process keeps community data in memory, so two bots on one file would each serve
their own stale copy. The lock is an ``flock`` on a file beside the database: the
kernel drops it when the process ends, however it ends (a SIGKILL included), so a
crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from bot.store.database import StoreError

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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")  # noqa: SIM115 - held open for the process's life
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
        handle.seek(0)
        handle.truncate()
        handle.write(f"fambot process {os.getpid()}\n")
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing the file releases the flock
            self._file = None
