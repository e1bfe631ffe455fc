"""Precision and recall of D609 (a task that serves another kind of goal) on a labelled set.

Each line of the set (default tests/data/d609_labelled.jsonl) is a goal, a task under it and the
label written before any run: whether D609 should fire, and the kind of goal the task serves when
it should. The goal and its task are linted as a two-line document in the task's language.
Prints the counts, precision, recall, the share of right findings whose message names the
labelled kind, and (with --show) every disagreement.
Usage: python benchmarks/d609_precision.py [PATH] [--show] [--json]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smmrules import lint  # noqa: E402

DEFAULT = ROOT / "tests" / "data" / "d609_labelled.jsonl"
KEYWORDS = {"en": ("goal", "task"), "ru": ("цель", "задача"), "uk": ("ціль", "завдання")}
# the kinds as the messages name them (grammar/render.toml `categories`)
KIND_WORDS = {"en": {"sales": "sales", "leads": "leads", "awareness": "awareness", "engagement": "engagement",
                     "loyalty": "loyalty", "communication": "communication", "traffic": "traffic"},
              "ru": {"sales": "продаж", "leads": "заяв", "awareness": "узнаваем", "engagement": "вовлечённ",
                     "loyalty": "лояльн", "communication": "коммуникац", "traffic": "трафик"},
              "uk": {"sales": "продаж", "leads": "заяв", "awareness": "впізнаван", "engagement": "залученіст",
                     "loyalty": "лояльн", "communication": "комунікац", "traffic": "трафік"}}


def measure(path: Path) -> dict:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tp = fp = fn = tn = named = 0
    misses = []
    for row in rows:
        goal_kw, task_kw = KEYWORDS[row["lang"]]
        text = f"{goal_kw}: {row['goal']}\n  {task_kw}: {row['task']}\n"
        found = [f for f in lint(text, today="2026-01-15") if f.code == "D609"]
        fired = bool(found)
        if fired and row["fires"]:
            tp += 1
            word = KIND_WORDS[row["lang"]].get(row.get("kind") or "", "\0")
            if word in found[0].message.lower():
                named += 1
            else:
                misses.append(("kind not named", row, found[0].message))
        elif fired:
            fp += 1
            misses.append(("false alarm", row, found[0].message))
        elif row["fires"]:
            fn += 1
            misses.append(("missed", row, ""))
        else:
            tn += 1
    return {"tasks": len(rows), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": tp / (tp + fp) if tp + fp else None, "recall": tp / (tp + fn) if tp + fn else None,
            "kind_named": named, "misses": misses}


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    result = measure(Path(args[0]) if args else DEFAULT)
    if "--json" in argv:
        print(json.dumps({k: v for k, v in result.items() if k != "misses"}))
    else:
        p, r = result["precision"], result["recall"]
        print(f"tasks {result['tasks']}: fired right {result['tp']}, false alarms {result['fp']}, "
              f"missed {result['fn']}, silent right {result['tn']}")
        print(f"precision {'-' if p is None else f'{p:.0%}'}, recall {'-' if r is None else f'{r:.0%}'}, "
              f"right findings naming the labelled kind {result['kind_named']}/{result['tp']}")
    if "--show" in argv:
        for why, row, message in result["misses"]:
            print(f"{why}: [{row['lang']}] {row['goal']} / {row['task']} -> {message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
