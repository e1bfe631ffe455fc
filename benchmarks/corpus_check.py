"""Agreement of parse_goal and check_goal with the hand annotations of ../shared/corpus/goals-dev.jsonl.

Prints, per language and then per set (the first collection, ids `*-0NN`; the second, ids
`*-2NNN`) and per `kind` (real, example): parse success rate, and agreement on category, direction (reach and
achieve counted as one), target present/absent and deadline present/absent; then agreement
between smart.measurable / smart.time_bound / smart.specific and the presence of any
finding with SMART letter M / T / S (any level).
Usage: python benchmarks/corpus_check.py [PATH] [--show-misses] [--json]
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smmrules import GoalSyntaxError, check_goal, parse_goal  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "goals-dev.jsonl"


def _direction(d):
    if d in (None, "unknown"):
        return None
    return "reach" if d == "achieve" else d


def check(path: Path, show: bool = False) -> dict:
    stats: dict = defaultdict(lambda: defaultdict(int))
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        lang = row["lang"]
        group = "new" if row["id"].split("-")[-1].startswith("2") else "first"
        keys = (lang, f"{lang} {group}", f"all {group}", f"all {row.get('kind', 'first')}"
                if group == "new" else None, "all")
        rows_stats = [stats[k] for k in keys if k is not None]
        for s in rows_stats:
            s["n"] += 1
        try:
            g = parse_goal(row["text"])
        except GoalSyntaxError as exc:
            misses.append((row["id"], "syntax", str(exc), row["text"]))
            continue
        for s in rows_stats:
            s["parsed"] += 1
        checks = {
            "category": g.category == row["category"],
            "direction": _direction(g.direction) == _direction(row["direction"]),
            "target": (g.target is not None) == (row["target"] is not None and "placeholder" not in row["target"]),
            "deadline": (g.deadline is not None) == (row["deadline"] is not None),
            "lang": g.lang == lang,
        }
        letters = {f.smart for f in check_goal(g)}
        for letter, key in (("M", "measurable"), ("T", "time_bound"), ("S", "specific")):
            checks[letter] = (letter in letters) == (not row["smart"][key])
        for k, ok in checks.items():
            for s in rows_stats:
                s[k] += ok
            if not ok:
                if k in ("M", "T", "S"):
                    codes = [f.code for f in check_goal(g)]
                    misses.append((row["id"], k, f"findings {codes}, annotated {row['smart']}", row["text"]))
                    continue
                got = {"category": g.category, "direction": g.direction,
                       "target": g.target and g.target.to_json(), "deadline": g.deadline and g.deadline.text,
                       "lang": g.lang}[k]
                misses.append((row["id"], k, f"got {got!r}, annotated {row.get(k)!r}", row["text"]))
    if show:
        for m in misses:
            print("  MISS", *m, sep=" | ")
    return stats


def main(argv: list[str]) -> int:
    show = "--show-misses" in argv
    as_json = "--json" in argv
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        print(f"corpus not found: {path}")
        return 0
    stats = check(path, show)
    cols = ("parsed", "category", "direction", "target", "deadline", "lang", "M", "T", "S")
    order = sorted(stats, key=lambda k: (k.startswith("all"), k))
    if as_json:
        print(json.dumps({k: {c: round(100 * stats[k][c] / stats[k]["n"], 1) for c in cols}
                          | {"n": stats[k]["n"]} for k in order}, indent=1))
        return 0
    print(f"{'set':<13}{'n':>4}" + "".join(f"{c:>10}" for c in cols))
    for key in order:
        s = stats[key]
        print(f"{key:<13}{s['n']:>4}" + "".join(f"{100 * s[c] / s['n']:>9.1f}%" for c in cols))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
