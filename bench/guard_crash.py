"""The crash test at full size: a 300-message spoiler burst with edits and deletions
mixed in, the real bot process killed with SIGKILL at random moments (three times a
run) and started again, fifty runs.

    .venv/bin/python -m bench.guard_crash [--runs 50] [--messages 300] [--kills 3]

Prints one line per run and a summary; exits non-zero if any run lost a member's text,
left a spoiler up, reposted a message twice or left work unfinished. The checks are
``tests/crash_scenario.py``'s (the suite runs a short version of the same).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

from bot.settings import DEFAULT_CONTENT_DIR
from bot.store import Store
from bot.store.content_sync import sync_canon
from tests import crash_scenario
from tests.crash_scenario import scratch_root


async def template(path: Path) -> Path:
    store = await Store.open(path)
    await sync_canon(store.canon, DEFAULT_CONTENT_DIR)
    await store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    await store.close()
    return path


async def main(runs: int, messages: int, kills: int) -> int:
    scratch = Path(tempfile.mkdtemp(prefix="crash-", dir=scratch_root()))
    try:
        base = await template(scratch / "template.sqlite3")
        reports = []
        for seed in range(runs):
            report = await crash_scenario.run(
                seed,
                messages=messages,
                kills=kills,
                workdir=scratch,
                content_dir=DEFAULT_CONTENT_DIR,
                template=base,
            )
            reports.append(report)
            print(f"run {seed + 1:>2}: {'ok  ' if report.kept else 'FAIL'} {report.line()}")
            sys.stdout.flush()
        failed = [r for r in reports if not r.kept]
        print()
        print(
            f"{len(reports)} runs, {sum(r.kills for r in reports)} kills, "
            f"{sum(r.messages for r in reports)} messages: "
            f"lost {sum(len(r.lost) for r in reports)}, "
            f"spoilers left up {sum(len(r.left_up) for r in reports)}, "
            f"reposted twice {sum(len(r.doubled) for r in reports)}, "
            f"unfinished {sum(r.unfinished for r in reports)}; "
            f"an older edit shown {sum(len(r.older_version) for r in reports)}, "
            f"reposted after its author deleted it {sum(r.resurrected for r in reports)}, "
            f"tracebacks {sum(r.tracebacks for r in reports)}"
        )
        if failed:
            print(f"{len(failed)} runs FAILED; logs kept in {scratch}")
            return 1
    except BaseException:
        print(f"logs kept in {scratch}")
        raise
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--kills", type=int, default=3)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.runs, args.messages, args.kills)))
