"""Scaling: time per goal of `lint` for documents of 1k, 10k and 100k goals.

Each size is linted in a fresh process, which also lints the 1,000-goal document just before
and just after it (best of two each) as its reference: every ratio compares measurements taken
moments apart on the same interpreter state. This machine's speed drifts by up to 80% from
minute to minute, and a 100k-goal document left behind by an earlier size would otherwise be
measured against a heap it did not make. Sizes take turns over the rounds; CPU time
(process_time) throughout; the figure per size is the median over rounds.
With --memory, the peak RSS of `smmrules lint --no-cache --format F` (a process of its own, which
reports its VmHWM) for each size and format, against the reference measured in the same run: a
Python process that reads the same file and splits it into lines. `--file-format md` or `csv` writes
the same goals as a Markdown brief (a goals heading, one list item a goal, its tasks nested under it)
or a CSV export (a goal and a tasks column), `md-fence` the .goals text whole in one ```goals block of a
brief, or `xlsx` the CSV export's rows as an .xlsx workbook (written with
openpyxl's write-only mode; its reference reads the workbook's rows with openpyxl's read-only mode
and keeps none), instead of a .goals file; `--cache` measures with the
result cache on, in a cache folder of its own: the first run, which stores the result ("cold"), and
the second, which is answered from it ("warm").
Usage: python benchmarks/scaling.py [--sizes 1000,10000,100000] [--rounds 2]
                                    [--memory [--formats text,json] [--cache]
                                              [--file-format goals|md|md-fence|csv|xlsx]]
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


# Each measured process reports its own VmHWM (the peak of its address space, which a new program starts
# afresh; ru_maxrss would carry over this process's own size across fork and exec) to the file argv[1].
_HWM = ("import atexit, sys\n"
        "def _hwm(out=sys.argv.pop(1)):\n"
        "    with open('/proc/self/status') as fh:\n"
        "        kb = next(int(l.split()[1]) for l in fh if l.startswith('VmHWM:'))\n"
        "    with open(out, 'w') as fh:\n"
        "        fh.write(str(kb * 1024))\n"
        "atexit.register(_hwm)\n")
_READ_AND_SPLIT = _HWM + "with open(sys.argv[1], encoding='utf-8') as fh:\n    lines = fh.read().splitlines()\n"
_LINT = _HWM + "import runpy\nsys.argv[0] = 'smmrules'\nrunpy.run_module('smmrules', run_name='__main__')\n"


def _peak(code: str, args: list, cwd: str) -> int:
    """The peak resident set size, in bytes, of a Python process running `code` with `args` (its output
    discarded)."""
    report = Path(cwd, "peak.txt")
    proc = subprocess.run([sys.executable, "-c", code, str(report)] + args, cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} exited with {proc.returncode}")
    return int(report.read_text())


def as_markdown(text: str) -> str:
    """A generated .goals document (lint_speed.document) as a Markdown brief of the same goals: its header
    lines as bold labels in a list, a goals heading, a list item a goal with its tasks nested under it."""
    out = ["# Generated brief", ""]
    goals = False
    for line in text.splitlines():
        key, colon, value = line.strip().partition(":")
        if not colon:
            continue
        if key in ("goal", "цель", "ціль"):
            if not goals:
                out += ["", "## Goals", ""]
                goals = True
            out.append(f"- {value.strip()}")
        elif key in ("task", "задача", "завдання"):
            out.append(f"  - {key}: {value.strip()}")
        else:
            out.append(f"- **{key}:** {value.strip()}")
    return "\n".join(out) + "\n"


def as_csv(text: str) -> str:
    """The goals of a generated .goals document as a CSV export: its header fields as two-cell rows, then a
    row of column names and a row a goal (its tasks in one cell, separated by ";")."""
    rows, goal = [], None
    for line in text.splitlines():
        key, colon, value = line.strip().partition(":")
        if not colon:
            continue
        if key in ("goal", "цель", "ціль"):
            if goal is None:
                rows.append(["goal", "tasks"])
            goal = [value.strip(), ""]
            rows.append(goal)
        elif key in ("task", "задача", "завдання") and goal is not None:
            goal[1] = f"{goal[1]}; {value.strip()}" if goal[1] else value.strip()
        elif goal is None:
            rows.append([key, value.strip()])
    return "".join(",".join('"' + c.replace('"', '""') + '"' if "," in c or '"' in c else c for c in row) + "\n"
                   for row in rows)


def write_xlsx(text: str, path: Path) -> None:
    """The rows of as_csv(text) as the first sheet of an .xlsx workbook at `path`, one cell a CSV cell."""
    import csv
    import io

    import openpyxl
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Goals")
    for row in csv.reader(io.StringIO(as_csv(text))):
        sheet.append(row)
    book.save(path)


def as_fenced(text: str) -> str:
    """A generated .goals document as a Markdown brief that holds it whole in one ```goals block."""
    return f"# Generated brief\n\n```goals\n{text}```\n"


SUFFIX = {"goals": ".goals", "md": ".md", "md-fence": ".md", "csv": ".csv", "xlsx": ".xlsx"}
# the reference of an .xlsx workbook: its rows read (and dropped) as openpyxl's read-only mode reads them
_READ_ROWS = _HWM + ("import openpyxl\nbook = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)\n"
                     "for sheet in book.worksheets:\n    for row in sheet.iter_rows(values_only=True):\n        pass\n")


def memory(sizes=(1000, 10_000, 100_000), formats=("text", "json", "sarif", "github", "junit"),
           file_format: str = "goals", with_cache: bool = False) -> dict:
    """{size: {"file": bytes, "reference": peak bytes of reading and splitting it, format: peak bytes}};
    with `with_cache`, "FORMAT cold" and "FORMAT warm" for each format instead."""
    import os
    import tempfile
    sys.path.insert(0, str(HERE))
    import lint_speed
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, ".smmrules.toml").write_text("max-entries = 1000000\nmax-file-size = 1000000000\n")
        for size in sizes:
            text, _ = lint_speed.document(size, 9)
            path = Path(tmp, f"brief-{size}{SUFFIX[file_format]}")
            if file_format == "xlsx":
                write_xlsx(text, path)
            else:
                text = as_markdown(text) if file_format == "md" else as_fenced(text) if file_format == "md-fence" \
                    else as_csv(text) if file_format == "csv" else text
                path.write_text(text, encoding="utf-8")
            del text
            reference = _READ_ROWS if file_format == "xlsx" else _READ_AND_SPLIT
            row = {"file": path.stat().st_size, "reference": _peak(reference, [path.name], tmp)}
            for fmt in formats:
                if not with_cache:
                    row[fmt] = _peak(_LINT, ["lint", "--no-cache", "--format", fmt, path.name], tmp)
                    continue
                cache_dir = Path(tmp, f"cache-{size}-{fmt}")
                os.environ["SMMRULES_CACHE_DIR"] = str(cache_dir)
                try:
                    row[f"{fmt} cold"] = _peak(_LINT, ["lint", "--format", fmt, path.name], tmp)
                    row[f"{fmt} warm"] = _peak(_LINT, ["lint", "--format", fmt, path.name], tmp)
                finally:
                    del os.environ["SMMRULES_CACHE_DIR"]
            out[size] = row
            path.unlink()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--memory", action="store_true", help="peak RSS of a lint per size and format instead")
    ap.add_argument("--formats", default="text,json,sarif,github,junit")
    ap.add_argument("--file-format", choices=sorted(SUFFIX), default="goals",
                    help="with --memory: the kind of file linted (a .goals file, a Markdown brief, the .goals text in "
                         "a brief's ```goals block, a CSV export, an .xlsx workbook)")
    ap.add_argument("--cache", action="store_true",
                    help="with --memory: the result cache on, a run that stores (cold) and one answered (warm)")
    args = ap.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(","))
    if args.memory:
        rows = memory(sizes, tuple(args.formats.split(",")), args.file_format, args.cache)
        for size, row in rows.items():
            shown = "  ".join(f"{k} {v / 1e6:,.0f} MB" for k, v in row.items() if k not in ("file", "reference"))
            print(f"{size:>8} goals ({row['file'] / 1e6:,.1f} MB file)  read and split {row['reference'] / 1e6:,.0f} MB"
                  f"  {shown}")
        return 0
    result = measure(sizes, args.rounds)
    for size, v in result.items():
        print(f"{size:>8} goals  {v['per_goal'] * 1e6:6.0f} us/goal  {v['relative']:.2f}x the {REFERENCE}-goal "
              f"document in the same process  peak RSS {v['peak'] / 1e6:,.0f} MB")
    print(f"spread across sizes: {spread(result):.0%} (target <= 15%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
