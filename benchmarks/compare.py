"""Versions of smmrules linting the same generated brief, in CPU time, taking turns.

Each version (two or more) is a checkout (a directory holding the `smmrules` package) or a git
revision of this repository (exported to a temporary directory). The brief is the N-goal document of
benchmarks/lint_speed.py (en/ru/uk statements, a header, one or two tasks a goal). Each round runs
`python -m smmrules lint --format json -j 1 --today D brief.goals` once per version, in turn, with a
new D each round: the artefact caches (tables, lexicons, rules; filled by a first run that is not
counted) stay warm while the result cache misses, as for a brief edited since the last run. The
figure is the child's CPU time (user + system), which leaves out the time it waited for a busy
machine's other jobs; each version's median is printed with its ratio to the first version's (and
the median of the rounds' own ratios, which a change in the machine's load during the run moves less),
and whether the reports are the same byte for byte as the first version's in every round.

Usage: python benchmarks/compare.py VERSION VERSION... [--goals 10000] [--rounds 5] [--seed 5]
e.g.   python benchmarks/compare.py da0d6a5 main . --goals 10000 --rounds 9
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def checkout(spec: str, tmp: Path, name: str) -> Path:
    """The directory of the version `spec`: a directory holding the smmrules package as it is, else a git
    revision of this repository exported under `tmp`."""
    path = Path(spec)
    if (path / "smmrules" / "__init__.py").is_file():
        return path.resolve()
    target = tmp / name
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", spec], capture_output=True, check=False)
    if archive.returncode != 0:
        raise SystemExit(f"compare.py: {spec}: neither a checkout of smmrules nor a git revision "
                         f"({archive.stderr.decode(errors='replace').strip()})")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def workdir(root: Path, tmp: Path, name: str, brief: str) -> Path:
    """The directory a version lints in: the brief, and a config raising the number of entries a document
    may hold when the version knows that setting (older ones have no such limit, and no such key)."""
    where = tmp / f"run-{name}"
    where.mkdir()
    (where / "brief.goals").write_text(brief, encoding="utf-8")
    knows = any("max_entries" in p.read_text(encoding="utf-8", errors="replace")
                for p in (root / "smmrules").rglob("config.py"))
    if knows:
        (where / ".smmrules.toml").write_text("max-entries = 1000000\n", encoding="utf-8")
    return where


def cpu_run(root: Path, where: Path, cache: Path, today: str) -> tuple[float, bytes]:
    """(CPU seconds of the child, user + system; its report) of one lint of the brief."""
    env = dict(os.environ, PYTHONPATH=str(root), SMMRULES_CACHE_DIR=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)    # the versions run from compiled bytecode, as installed code does
    cmd = [sys.executable, "-m", "smmrules", "lint", "--format", "json", "-j", "1", "--today", today, "brief.goals"]
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, cwd=where, env=env, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"compare.py: the lint of {root} exited with {proc.returncode}")
        out.seek(0)
        return usage.ru_utime + usage.ru_stime, out.read()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("versions", nargs="+", metavar="VERSION",
                    help="a checkout of smmrules or a git revision; the first is the reference")
    ap.add_argument("--goals", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args(argv)
    if len(args.versions) < 2:
        ap.error("name two versions or more")
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(HERE))
    from lint_speed import document
    brief = document(args.goals, args.seed)[0]
    labels = [f"v{i}" for i in range(len(args.versions))]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        runs = {}
        for label, spec in zip(labels, args.versions):
            root = checkout(spec, tmp, label)
            runs[label] = (root, workdir(root, tmp, label, brief), tmp / f"cache-{label}")
            cpu_run(*runs[label], "2030-01-01")         # fills the artefact caches and compiles the bytecode
        times: dict[str, list[float]] = {label: [] for label in labels}
        same = {label: True for label in labels}
        for i in range(args.rounds):
            today = (dt.date(2031, 1, 1) + dt.timedelta(days=37 * i)).isoformat()
            reports = {}
            for label, run in runs.items():
                seconds, reports[label] = cpu_run(*run, today)
                times[label].append(seconds)
                same[label] = same[label] and reports[label] == reports[labels[0]]
            print(f"round {i + 1} (--today {today}): "
                  + ", ".join(f"{spec} {times[label][-1]:.2f} s" for label, spec in zip(labels, args.versions)),
                  flush=True)
    med = {label: statistics.median(t) for label, t in times.items()}
    print(f"brief: {args.goals} goals (seed {args.seed}), {len(brief.encode()) / 1e6:.1f} MB; "
          f"{args.rounds} rounds, CPU time (user + system), median (range)")
    first = labels[0]
    for label, spec in zip(labels, args.versions):
        # the median of each round's ratio as well: a round's two runs share the machine's load of the moment
        paired = statistics.median(t / f for t, f in zip(times[label], times[first]))
        rel = "" if label == first else (f"  {med[label] / med[first]:.3f} of the CPU time (rounds' ratios: "
                                         f"median {paired:.3f}), {med[first] / med[label]:.2f}x the goals per "
                                         f"second of {args.versions[0]}; "
                                         f"report {'the same' if same[label] else 'not the same'}")
        print(f"  {spec:<14}{med[label]:7.2f} s ({min(times[label]):.2f}-{max(times[label]):.2f})"
              f"{args.goals / med[label]:>9,.0f} goals/s{rel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
