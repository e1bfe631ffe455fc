"""`smmrules lint --fix` against a plain `smmrules lint`, over the 2,000-file tree of run.py, in one run.

Two trees of the same files: as run.py builds them (the findings have no safe fix: --fix only lints),
and with three safe fixes in each file (a misspelt header key, a start date written 15.01.2026, an
unused suppression). Each command runs on a fresh copy of its tree, with -j 1 and --no-cache (the
parser tables and compiled rules cached beforehand, as for every command); the figure is the best of
R rounds, the commands taking turns within a round. The fixed tree is checked: after --fix, a lint
finds no safe fix left.
Usage: python benchmarks/fix_speed.py [--files 2000] [--rounds 2]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def with_fixes(root: Path) -> None:
    """Each file of the tree given three safe fixes to make."""
    for path in root.rglob("*.goals"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("client:", "clent:", 1).replace("start: 2026-01-15", "start: 15.01.2026", 1)
        lines = text.split("\n")
        first_goal = next(i for i, ln in enumerate(lines) if ln.startswith("goal:"))
        lines[first_goal] += "  # smmrules: ignore[M203]"
        path.write_text("\n".join(lines), encoding="utf-8")


def timed(cmd: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, check=False)
    return time.perf_counter() - t, proc


def measure(files: int = 2000, rounds: int = 2) -> dict:
    from run import smmrules_cmd, tree_of_files
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        clean, fixable = Path(tmp, "clean"), Path(tmp, "fixable")
        clean.mkdir()
        tree_of_files(clean, files)
        shutil.copytree(clean, fixable)
        with_fixes(fixable)
        env = dict(os.environ, SMMRULES_CACHE_DIR=str(Path(tmp, "cache")))
        base = smmrules_cmd() + ["lint", "--format", "json", "-j", "1", "--no-cache", "--today", "2026-01-10"]
        subprocess.run(smmrules_cmd() + ["lint", str(clean / "team00")], env=env, capture_output=True, check=False)
        for name, tree in (("clean", clean), ("fixable", fixable)):
            best = {"lint": float("inf"), "fix": float("inf")}
            for r in range(rounds):
                for kind in ("lint", "fix"):
                    work = Path(tmp, f"{name}-{kind}-{r}")
                    shutil.copytree(tree, work)
                    t, proc = timed(base + ([] if kind == "lint" else ["--fix"]) + [str(work)], env)
                    best[kind] = min(best[kind], t)
                    if kind == "fix":
                        left = subprocess.run(base + ["--show-fixes", str(work)], env=env, capture_output=True,
                                              check=False)
                        data = json.loads(left.stdout)
                        safe_left = sum(1 for f in data if f.get("fix", {}).get("applicability") == "safe")
                        out[f"{name} safe left"] = safe_left
                        out[f"{name} fixed"] = proc.stderr.decode().strip()
                    shutil.rmtree(work)
            out[name] = best
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    m = measure(args.files, args.rounds)
    for name in ("clean", "fixable"):
        lint_t, fix_t = m[name]["lint"], m[name]["fix"]
        print(f"  {args.files} files, {name}: lint {lint_t:.1f} s, lint --fix {fix_t:.1f} s = {fix_t / lint_t:.2f}x"
              f"  ({m[name + ' fixed']}; safe fixes left after: {m[name + ' safe left']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
