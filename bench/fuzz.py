"""The fuzz test at length: ``python -m bench.fuzz [--interactions 100000] [--seed N]``.

Runs tests/test_fuzz.py (tests/fuzzing.py says what is sent and checked) with enough
hypothesis sequences for the number of interactions asked for, and prints its figures.
Exit code: pytest's (0 when nothing broke).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PER_SEQUENCE = 36  # interactions in a 40-step sequence, on average


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__)
    parser.add_argument("--interactions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    report = Path(tempfile.mkdtemp(prefix="fambot-fuzz-")) / "figures.txt"
    env = dict(
        os.environ,
        FAMBOT_FUZZ_SEED=str(args.seed),
        FAMBOT_FUZZ_SEQUENCES=str(args.interactions // PER_SEQUENCE + 1),
        FAMBOT_FUZZ_MINIMUM=str(args.interactions * 9 // 10),
        FAMBOT_FUZZ_REPORT=str(report),
    )
    began = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-x",
            "-p",
            "no:cacheprovider",
            "tests/test_fuzz.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    print(f"fuzz test, seed {args.seed}, {time.monotonic() - began:.0f} s")
    if report.exists():
        print(report.read_text(), end="")
    if done.returncode:
        print("\n".join(line for line in done.stdout.splitlines() if line.startswith("E ")))
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
