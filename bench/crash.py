"""The crash test at length: SIGKILL the real bot hundreds of times, then report.

    .venv/bin/python -m bench.crash [--kills 200] [--seed 1]

Kills rotate through writes, start-up and canon reloads (tests/crashes.py says what
each round does and checks). Prints the figures docs/reliability.md records; exits
1 if any acknowledged write was lost, a database or canon was damaged, a start
failed, or a traceback was logged.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from pathlib import Path

from tests.crashes import crash_run


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crash", description=__doc__)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="fambot-crash-"))
    began = time.monotonic()
    try:
        figures = asyncio.run(crash_run(workdir, args.kills, args.seed))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"crash test, seed {args.seed}, {time.monotonic() - began:.0f} s")
    for line in figures.lines():
        print(f"  {line}")
    for problem in [*figures.lost.values(), *figures.damaged][:20]:
        print(f"  ! {problem}")
    return 0 if figures.clean else 1


if __name__ == "__main__":
    raise SystemExit(main())
