"""Bringing the store's canon tables in line with the files under ``data/canon``."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from pathlib import Path

from bot.canon.content import ContentBundle, fingerprint, load_content
from bot.canon.fields import ContentError
from bot.store.canon import CanonRepository

log = logging.getLogger(__name__)

# The last bundle read, by folder and fingerprint. The fingerprint hashes every file's
# name and bytes, so the same one reads into the same (frozen) bundle: a process that
# loads unchanged files into a second store reads them once. PostgreSQL keeps the canon
# in memory, so every start loads it; the test suite starts dozens of such bots in one
# process, each spending ~0.2 s of CPU reading the same files again.
_last_read: tuple[tuple[Path, str], ContentBundle] | None = None


def _read(content_dir: Path, wanted: str) -> ContentBundle:
    global _last_read
    key = (content_dir.resolve(), wanted)
    if _last_read is not None and _last_read[0] == key:
        return _last_read[1]
    bundle = load_content(content_dir)
    if bundle.fingerprint == wanted:  # not changed while being read
        _last_read = (key, bundle)
    return bundle


class SyncOutcome(enum.Enum):
    UNCHANGED = "unchanged"  # files match what the store holds: nothing read
    LOADED = "loaded"  # new content is in place
    KEPT_PREVIOUS = "kept previous"  # files are malformed; the last good content stays


@dataclass(frozen=True)
class SyncResult:
    outcome: SyncOutcome
    fingerprint: str | None
    error: ContentError | None = None


async def sync_canon(repo: CanonRepository, content_dir: Path) -> SyncResult:
    """Load canon files into the store if they changed since the last load, or if the
    stored canon is not whole (a reload cut short by an older fambot, a lost row).

    A malformed file leaves the previous content in place and is reported; with no
    previous content, or only an incomplete one, there is nothing to serve, so the
    error is raised.
    """
    current = await repo.fingerprint()
    gap = await repo.incompleteness() if current is not None else None
    if gap is not None:
        log.warning("The stored canon is incomplete (%s); reloading it from the files", gap)
    try:
        wanted = fingerprint(content_dir)
        if wanted == current and gap is None:
            return SyncResult(SyncOutcome.UNCHANGED, current)
        bundle = _read(content_dir, wanted)
    except ContentError as error:
        if current is None:
            raise
        if gap is not None:
            raise ContentError(
                error.path,
                error.entry,
                f"{error.problem} (and the stored canon is incomplete: {gap}; "
                "fix the file so fambot can reload it)",
            ) from None
        log.error("Canon content not reloaded, keeping the previous version: %s", error)
        return SyncResult(SyncOutcome.KEPT_PREVIOUS, current, error)
    await repo.replace_all(bundle)
    log.info("Canon content loaded (version %s)", bundle.fingerprint[:12])
    return SyncResult(SyncOutcome.LOADED, bundle.fingerprint)
