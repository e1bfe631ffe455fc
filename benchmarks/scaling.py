"""Scaling: time per goal of `lint` for documents of 1k, 10k and 100k goals.

Each size is linted in a fresh process, which also lints the 1,000-goal document just before
and just after it (best of two each) as its reference: every ratio compares measurements taken
moments apart on the same interpreter state. This machine's speed drifts by up to 80% from
minute to minute, and a 100k-goal document left behind by an earlier size would otherwise be
measured against a heap it did not make. Sizes take turns over the rounds; CPU time
(process_time) throughout; the figure per size is the median over rounds.
Usage: python benchmarks/scaling.py [--sizes 1000,10000,100000] [--rounds 2]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE = 1000

_CHILD = """
import json, sys, time
sys.path[:0] = [{here!r}, {root!r}]
import lint_speed
from smmrules.linting.config import Config
from smmrules.linting.pipeline import lint
BIG = Config(max_entries=1_000_000)
size, reference = {size}, {reference}
small, _ = lint_speed.document(reference, 9)
lint(small, config=BIG)                                 # warm: lexicon memo, tables, rules
text, _ = lint_speed.document(size, 9)

def cpu(doc):
    t = time.process_time(); lint(doc, config=BIG); return time.process_time() - t

before = min(cpu(small) for _ in range(2)) / reference
per_goal = cpu(text) / size
after = min(cpu(small) for _ in range(2)) / reference
ref = (before + after) / 2
# VmHWM, not ru_maxrss: the latter survives exec and can report the parent's size
hwm = next(int(l.split()[1]) * 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({{"per_goal": per_goal, "reference": ref, "peak": hwm}}))
"""


def _one(size: int) -> dict:
    code = _CHILD.format(here=str(HERE), root=str(HERE.parent), size=size, reference=REFERENCE)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(sizes=(1000, 10_000, 100_000), rounds: int = 2) -> dict:
    """{size: {"per_goal": s, "relative": per_goal / the 1k reference in the same process, "peak": bytes}}."""
    runs: dict[int, list[dict]] = {s: [] for s in sizes}
    for _ in range(rounds):
        for size in sizes:
            runs[size].append(_one(size))
    out = {}
    for size, rs in runs.items():
        out[size] = {"per_goal": statistics.median(r["per_goal"] for r in rs),
                     "relative": statistics.median(r["per_goal"] / r["reference"] for r in rs),
                     "peak": max(r["peak"] for r in rs)}
    return out


def spread(result: dict) -> float:
    """How far apart the sizes are: the largest relative time per goal over the smallest, minus 1."""
    rel = [v["relative"] for v in result.values()]
    return max(rel) / min(rel) - 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(","))
    result = measure(sizes, args.rounds)
    for size, v in result.items():
        print(f"{size:>8} goals  {v['per_goal'] * 1e6:6.0f} us/goal  {v['relative']:.2f}x the {REFERENCE}-goal "
              f"document in the same process  peak RSS {v['peak'] / 1e6:,.0f} MB")
    print(f"spread across sizes: {spread(result):.0%} (target <= 15%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
