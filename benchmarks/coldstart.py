"""Cold start: `smmrules lint one.goals` against `yamllint one.yaml` and `python -c "import lark"`.

Alternating runs (smmrules, yamllint, import lark), medians of wall-clock times; the smmrules cache
is warmed once first (as it is after the first run on a machine). Prints the medians and ratios.
Usage: python benchmarks/coldstart.py [--pairs 15]
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


def _time(cmd, cwd, env) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def measure(pairs: int = 15) -> dict:
    bindir = Path(sys.executable).parent
    smm = shutil.which("smmrules", path=str(bindir)) or shutil.which("smmrules")
    yaml = shutil.which("yamllint", path=str(bindir)) or shutil.which("yamllint")
    if smm is None:
        raise SystemExit("smmrules is not installed in this environment")
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "one.goals").write_text("goal: increase monthly sales 20% by 2026-06\n"
                                          "  task: raise conversion from first touch to sale\n", encoding="utf-8")
        Path(tmp, "one.yaml").write_text("---\nkey: value\n", encoding="utf-8")
        env = dict(os.environ, SMMRULES_CACHE_DIR=str(Path(tmp, "cache")))
        _time([smm, "lint", "one.goals"], tmp, env)      # the first run fills the cache
        runs: dict[str, list[float]] = {"smmrules": [], "yamllint": [], "import lark": []}
        for _ in range(pairs):
            runs["smmrules"].append(_time([smm, "lint", "one.goals"], tmp, env))
            if yaml:
                runs["yamllint"].append(_time([yaml, "one.yaml"], tmp, env))
            runs["import lark"].append(_time([sys.executable, "-c", "import lark"], tmp, env))
        first = _time([smm, "lint", "--no-cache", "one.goals"], tmp, env)
    med = {k: statistics.median(v) for k, v in runs.items() if v}
    med["smmrules --no-cache"] = first
    return med


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=15)
    args = ap.parse_args(argv)
    med = measure(args.pairs)
    for k, v in med.items():
        print(f"{k:<22}{v * 1000:>8.0f} ms")
    if "yamllint" in med:
        print(f"smmrules / yamllint:    {med['smmrules'] / med['yamllint']:.2f}x (target <= 1.0, stretch 0.8)")
    else:
        print("yamllint is not installed: pip install -e '.[bench]'")
    print(f"smmrules / import lark: {med['smmrules'] / med['import lark']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
