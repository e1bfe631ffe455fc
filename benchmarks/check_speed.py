"""check_goal throughput, against parse_goal alone, in one run.

  A  parse_goal                  parse + transform + normalise
  B  check_goal on parsed goals  the rule engine alone (all goal-scope rules)
  C  check_goal on text          parse + rules
Reports goals per second and the ratio C / A (how much the rules add on top of parsing).
Usage: python benchmarks/check_speed.py [--count 10000] [--repeats 3] [--seed 11]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from parse_speed import TODAY, interleaved, statements  # noqa: E402

from smmrules import GoalSyntaxError, parse_goal  # noqa: E402
from smmrules.language.context import Context  # noqa: E402
from smmrules.rules.engine import default_rules  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)
    items = statements(args.count, args.seed)
    rules = default_rules()
    ctx = Context(today=TODAY)

    def parse_all():
        out = []
        for lang, text in items:
            try:
                out.append(parse_goal(text, lang=lang, today=TODAY))
            except GoalSyntaxError:
                pass
        return out

    goals = parse_all()
    for g in goals[:200]:
        rules.check(g, ctx)

    def rules_only():
        for g in goals:
            rules.check(g, ctx)

    def check_all():
        for lang, text in items:
            try:
                rules.check(parse_goal(text, lang=lang, today=TODAY), ctx)
            except GoalSyntaxError:
                pass

    t = interleaved(args.repeats, parse=parse_all, rules=rules_only, check=check_all)
    t_parse, t_rules, t_check = t["parse"], t["rules"], t["check"]
    n = len(items)
    print(f"{n} statements ({len(goals)} parsed), {len(rules.by_scope['goal'])} goal rules, best of {args.repeats}")
    print(f"{'measure':<32}{'goals/s':>12}{'seconds':>10}")
    for name, t in (("A parse_goal", t_parse), ("B rules on parsed goals", t_rules),
                    ("C check_goal (parse + rules)", t_check)):
        print(f"{name:<32}{n / t:>12,.0f}{t:>10.3f}")
    print(f"ratio C / A (check vs parse alone): {t_check / t_parse:.2f}x  "
          f"(rules add {100 * (t_check - t_parse) / t_parse:.0f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
