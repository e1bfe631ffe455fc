"""Cold start: `smmrules lint one.goals` against `yamllint one.yaml` and `python -c "import lark"`.

Three cases of `smmrules lint one.goals`, each run alternating with the references (medians of
wall-clock times):
  changed    the file's text is new on every run (the pre-commit case: you lint what you edited);
             the parser tables, lexicons and compiled rules come from the artefact cache
  unchanged  the same file again (a re-run, `pre-commit run --all-files`): its findings come from
             the result cache
  no cache   `--no-cache` with an empty cache directory: everything is built (a first run ever)
Each run's wall-clock time and CPU time (user + system, from getrusage) are recorded; the CPU
time is much less sensitive to a noisy machine, and the ratios are computed from it.
Bytecode is compiled first for smmrules, as pip does for yamllint and lark when it installs them
(an environment with PYTHONDONTWRITEBYTECODE would otherwise recompile smmrules on every run).
With --instructions, each case runs once more under valgrind's callgrind and its count of executed
instructions is reported: a figure that does not move with the machine's load (a busy machine can
shift wall-clock and CPU-time medians by 10-30%), though it weighs a cache miss like any other
instruction, so its ratios differ somewhat from the time ratios of an idle machine.
Usage: python benchmarks/coldstart.py [--pairs 21] [--instructions]
"""
from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = "goal: increase monthly sales {n}% by 2026-06\n  task: raise conversion from first touch to sale\n"


def _time(cmd, cwd, env) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one run of `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _compile_smmrules(python: str) -> None:
    out = subprocess.run([python, "-c", "import os, smmrules; print(os.path.dirname(smmrules.__file__))"],
                         capture_output=True, text=True, check=True).stdout.strip()
    compileall.compile_dir(out, quiet=1)


def measure(pairs: int = 21) -> dict:
    """Medians per case: {case: seconds} of CPU time, and {case + " wall": seconds}."""
    bindir = Path(sys.executable).parent
    smm = shutil.which("smmrules", path=str(bindir)) or shutil.which("smmrules")
    yaml = shutil.which("yamllint", path=str(bindir)) or shutil.which("yamllint")
    if smm is None:
        raise SystemExit("smmrules is not installed in this environment")
    _compile_smmrules(sys.executable)
    with tempfile.TemporaryDirectory() as tmp:
        goals = Path(tmp, "one.goals")
        goals.write_text(GOAL.format(n=20), encoding="utf-8")
        Path(tmp, "one.yaml").write_text("---\nkey: value\n", encoding="utf-8")
        env = dict(os.environ, SMMRULES_CACHE_DIR=str(Path(tmp, "cache")))
        _time([smm, "lint", "one.goals"], tmp, env)      # the first run fills the caches
        runs: dict[str, list[tuple[float, float]]] = {"changed": [], "unchanged": [], "no cache": [],
                                                      "yamllint": [], "import lark": []}
        for i in range(pairs):
            goals.write_text(GOAL.format(n=21 + i), encoding="utf-8")
            runs["changed"].append(_time([smm, "lint", "one.goals"], tmp, env))
            if yaml:
                runs["yamllint"].append(_time([yaml, "one.yaml"], tmp, env))
            runs["unchanged"].append(_time([smm, "lint", "one.goals"], tmp, env))
            runs["import lark"].append(_time([sys.executable, "-c", "import lark"], tmp, env))
            if i < 5:
                empty = dict(env, SMMRULES_CACHE_DIR=str(Path(tmp, f"empty{i}")))
                runs["no cache"].append(_time([smm, "lint", "--no-cache", "one.goals"], tmp, empty))
    out = {}
    for k, v in runs.items():
        if v:
            out[k] = statistics.median(c for _, c in v)
            out[k + " wall"] = statistics.median(w for w, _ in v)
    return out


def _instructions(cmd, cwd, env) -> int | None:
    """Instructions one run of `cmd` executes (callgrind's "Collected"), or None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    run = subprocess.run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd], cwd=cwd,
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    for line in run.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    return None


def count_instructions() -> dict:
    """{case: instructions} for changed, unchanged, yamllint and `python -c pass` (empty without valgrind)."""
    bindir = Path(sys.executable).parent
    smm = shutil.which("smmrules", path=str(bindir)) or shutil.which("smmrules")
    yaml = shutil.which("yamllint", path=str(bindir)) or shutil.which("yamllint")
    _compile_smmrules(sys.executable)
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        goals = Path(tmp, "one.goals")
        goals.write_text(GOAL.format(n=20), encoding="utf-8")
        Path(tmp, "one.yaml").write_text("---\nkey: value\n", encoding="utf-8")
        env = dict(os.environ, SMMRULES_CACHE_DIR=str(Path(tmp, "cache")))
        _time([smm, "lint", "one.goals"], tmp, env)      # fills the caches
        goals.write_text(GOAL.format(n=21), encoding="utf-8")
        # (the console scripts are Python files: valgrind runs the interpreter that runs them)
        out["changed"] = _instructions([sys.executable, smm, "lint", "one.goals"], tmp, env)
        out["unchanged"] = _instructions([sys.executable, smm, "lint", "one.goals"], tmp, env)
        if yaml:
            out["yamllint"] = _instructions([sys.executable, yaml, "one.yaml"], tmp, env)
        out["python -c pass"] = _instructions([sys.executable, "-c", "pass"], tmp, env)
    return {k: v for k, v in out.items() if v is not None}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=21)
    ap.add_argument("--instructions", action="store_true", help="also count instructions under valgrind")
    args = ap.parse_args(argv)
    med = measure(args.pairs)
    for k in ("changed", "unchanged", "no cache", "yamllint", "import lark"):
        if k in med:
            print(f"{k:<14}{med[k] * 1000:>8.0f} ms CPU{med[k + ' wall'] * 1000:>8.0f} ms wall")
    for case in ("changed", "unchanged", "no cache"):
        if "yamllint" in med:
            print(f"{case} / yamllint:    {med[case] / med['yamllint']:.2f}x (target <= 1.0, stretch 0.8)")
        print(f"{case} / import lark: {med[case] / med['import lark']:.2f}x")
    if "yamllint" not in med:
        print("yamllint is not installed: pip install -e '.[bench]'")
    if args.instructions:
        counts = count_instructions()
        if not counts:
            print("instructions: valgrind is not installed (apt-get install valgrind)")
        for k, v in counts.items():
            print(f"{k:<15}{v / 1e6:>8.1f} M instructions")
        for case in ("changed", "unchanged"):
            if case in counts and "yamllint" in counts:
                print(f"{case} / yamllint:    {counts[case] / counts['yamllint']:.2f}x in instructions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
