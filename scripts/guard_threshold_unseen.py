"""The default threshold, judged on messages the guard had not seen: each of opened8..12
read by the guard of the commit just before that set was opened (the one that had never
seen it, as in guard_miss_stages.py), its scores kept, and precision and recall printed at
each threshold. Held-out sets are never read.

    .venv/bin/python scripts/guard_threshold_unseen.py [--opened 8 9 10 11 12]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from guard_miss_stages import _import_tree, _unpacked, opened_parent

ROOT = Path(__file__).resolve().parent.parent
THRESHOLDS = (0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65)


def _child(tree: Path, corpus: Path) -> None:
    """Print each message's score by the guard in ``tree`` (JSON list)."""
    _import_tree(tree)
    from bot.canon.content import load_content
    from bot.guard import compile_rules, inspect
    from bot.settings import DEFAULT_CONTENT_DIR
    from bot.spoilers.policy import PUBLIC, Exposure, exposure

    bundle = load_content(DEFAULT_CONTENT_DIR)
    active = [r for r in bundle.guard_rules if exposure(r.reveal, PUBLIC) is not Exposure.SHOW]
    matcher = compile_rules(active, lexicon=bundle.guard_lexicon)
    with corpus.open("rb") as f:
        messages = tomllib.load(f)["message"]
    print(json.dumps([inspect(m["text"], matcher).score for m in messages]))


def scores(n: int) -> tuple[list[float], list[bool]]:
    tree = _unpacked(opened_parent(n))
    corpus = ROOT / "tests" / "corpus" / f"opened{n}.toml"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(tree), str(corpus)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=tempfile.gettempdir())
    if done.returncode:
        raise SystemExit(done.stderr)
    with corpus.open("rb") as f:
        labels = [bool(m["spoiler"]) for m in tomllib.load(f)["message"]]
    return json.loads(done.stdout), labels


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--opened", type=int, nargs="+", default=[8, 9, 10, 11, 12])
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        _child(Path(args.child[0]), Path(args.child[1]))
        return
    pooled: list[tuple[float, bool]] = []
    for n in args.opened:
        got, labels = scores(n)
        pooled += zip(got, labels, strict=True)
    print(f"opened{args.opened}, {len(pooled)} messages, {sum(y for _, y in pooled)} spoilers")
    print("threshold  tagged  right  wrong  missed  precision  recall")
    for t in THRESHOLDS:
        right = sum(s >= t and y for s, y in pooled)
        wrong = sum(s >= t and not y for s, y in pooled)
        missed = sum(s < t and y for s, y in pooled)
        p = right / (right + wrong) if right + wrong else 1.0
        r = right / (right + missed)
        print(f"{t:9.2f}  {right + wrong:6}  {right:5}  {wrong:5}  {missed:6}  {p:9.4f}  {r:6.4f}")


if __name__ == "__main__":
    main()
