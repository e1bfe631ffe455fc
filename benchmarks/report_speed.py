"""`smmrules report` of a 200-goal brief against `smmrules lint` of the same brief, in one run.

The brief has 200 goals in three languages' worth of kinds (levels, decreases, percentages, ranks, kept
levels), each with three dated check-ins. Both commands run as a user runs them (a new process each time,
the parser tables and rules from the cache), alternately, on a brief that changes by one comment line
before each pair, so that the lint's result cache never answers for it (`--no-cache` would also rebuild
the parser tables); the medians are compared (aim: the report within 2x of the lint).
Usage: python benchmarks/report_speed.py [--runs N]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

def brief(goals: int = 200) -> str:
    lines = ["client: Benchmark Roasters", "start: 2025-10-01", "role: one-of-sources", "paid-ads: yes", ""]
    for i in range(goals):
        kind = i % 5
        a, b = 1000 + 10 * i, 3000 + 10 * i
        if kind == 0:
            lines.append(f"goal: grow Instagram followers from {a:,} to {b:,} by 2026-06-30")
            values = [f"{a + 300 * k:,}" for k in (1, 2, 3)]
        elif kind == 1:
            lines.append(f"goal: reduce the cost per lead from 4.{i % 9 + 1} GBP to 3 GBP by 2026-06-30")
            values = [f"4.{k} GBP" for k in (2, 1, 0)]
        elif kind == 2:
            lines.append("goal: raise ERR from 3% to 5% by 2026-04-30")
            values = ["3.4%", "3.7%", "3.9%"]
        elif kind == 3:
            lines.append(f"goal: increase sales from {a:,} by 25% by 2026-06-30")
            values = [f"{a + 40 * k:,}" for k in (1, 2, 3)]
        else:
            lines.append("goal: maintain ERR at least 4% until 2026-06-30")
            values = ["4.2%", "4.1%", "3.9%"]
        lines.append("  task: publish three posts a week")
        lines += [f"  current 2026-0{m}-01: {v}" for m, v in zip((1, 2, 3), values)]
    return "\n".join(lines) + "\n"


def smmrules_cmd() -> list[str]:
    exe = shutil.which("smmrules", path=str(Path(sys.executable).parent)) or shutil.which("smmrules")
    return [exe] if exe else [sys.executable, "-m", "smmrules"]


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit {proc.returncode}\n{proc.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "brief.goals"
        path.write_text(brief(), encoding="utf-8")
        env = dict(os.environ, SMMRULES_CACHE_DIR=os.environ.get("SMMRULES_CACHE_DIR", str(Path(tmp) / "cache")))
        base = smmrules_cmd()
        lint = base + ["lint", "--today", "2026-03-15", "-q", str(path)]
        report = base + ["report", "--today", "2026-03-15", "-o", str(Path(tmp) / "report.html"), str(path)]
        timed(lint, env)            # the parser tables and the rules into the cache
        timed(report, env)
        lints, reports = [], []
        for run in range(args.runs):
            path.write_text(f"# run {run}\n" + brief(), encoding="utf-8")
            lints.append(timed(lint, env))
            reports.append(timed(report, env))
        lm, rm = statistics.median(lints), statistics.median(reports)
        size = (Path(tmp) / "report.html").stat().st_size
        print(f"200 goals, 600 check-ins; medians of {args.runs} runs each, alternating")
        print(f"  smmrules lint              {lm * 1000:7.0f} ms")
        print(f"  smmrules report (HTML)     {rm * 1000:7.0f} ms   ({rm / lm:.2f}x the lint; page {size:,} bytes)")


if __name__ == "__main__":
    main()
