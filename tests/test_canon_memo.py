"""The canon repository's shared reads under cancellation (a shutdown)."""

from __future__ import annotations

import asyncio
import gc
import shutil
from pathlib import Path
from typing import Any

import aiosqlite

from bot.store.canon import CanonRepository


async def test_a_shared_read_that_fails_after_its_callers_left_reports_nothing(
    template_db: Path, tmp_path: Path
) -> None:
    """SIGTERM during start-up cancels the caller while its shared read is under way, then
    closes the database under that read: the read's error must not surface as "Task
    exception was never retrieved" (asyncio.shield drops its interest once cancelled)."""
    path = tmp_path / "canon.sqlite3"
    shutil.copy(template_db, path)
    reported: list[dict[str, Any]] = []
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda _loop, context: reported.append(context))
    try:
        conn = await aiosqlite.connect(path)
        repo = CanonRepository(conn)
        caller = asyncio.create_task(repo.series())
        await asyncio.sleep(0)  # the caller starts the shared read and waits on it
        await asyncio.sleep(0)  # the read sends its query to the database thread
        caller.cancel()
        await conn.close()  # queued behind the query: the read fails on what follows
        await asyncio.sleep(0.2)
        del caller, repo, conn
        gc.collect()
        await asyncio.sleep(0)
    finally:
        loop.set_exception_handler(None)
    assert [c["message"] for c in reported] == []
