"""The `smmrules` command line. Imports what each command needs, when it needs it."""
from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors: one line, exit 2
        self.print_usage(sys.stderr)
        print(f"smmrules: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _build() -> argparse.ArgumentParser:
    from . import __version__
    p = _Parser(prog="smmrules", description="Parse, check and lint social-media-marketing goals.")
    p.add_argument("--version", action="version", version=f"smmrules {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    sp = sub.add_parser("parse", help="parse one goal statement and print its AST")
    sp.add_argument("statement")
    sp.add_argument("--format", choices=("json", "tree"), default="json")
    sp.add_argument("--lang", choices=("en", "ru", "uk"))
    sp.add_argument("--today", metavar="YYYY-MM-DD", help="resolve relative deadlines against this date")
    sp.set_defaults(func=_cmd_parse)

    sp = sub.add_parser("check", help="check one goal statement: findings and suggested tasks")
    sp.add_argument("statement")
    sp.add_argument("--format", choices=("text", "json"), default="text")
    _common_rule_args(sp)
    sp.add_argument("--role", choices=("social-only", "one-of-sources", "communication"),
                    help="the role of social media (filters suggestions and feeds the R rules)")
    sp.add_argument("--fail-on", choices=("error", "warning", "info"), default="warning")
    sp.set_defaults(func=_cmd_check)

    sp = sub.add_parser("explain", help="explain a rule: what it checks, why, how to fix, examples")
    sp.add_argument("code")
    sp.add_argument("--lang", choices=("en", "ru", "uk"), default="en")
    sp.add_argument("--rules", action="append", default=[], metavar="DIR")
    sp.set_defaults(func=_cmd_explain)

    sp = sub.add_parser("rules", help="list the rules in effect")
    sp.add_argument("--format", choices=("text", "json"), default="text")
    sp.add_argument("--lang", choices=("en", "ru", "uk"), default="en")
    sp.add_argument("--rules", action="append", default=[], metavar="DIR")
    sp.set_defaults(func=_cmd_rules)

    sp = sub.add_parser("suggest", help="suggest catalogue tasks for a goal statement")
    sp.add_argument("statement")
    sp.add_argument("--format", choices=("text", "json"), default="text")
    sp.add_argument("--role", choices=("social-only", "one-of-sources", "communication"))
    sp.add_argument("--lang", choices=("en", "ru", "uk"))
    sp.add_argument("--rules", action="append", default=[], metavar="DIR")
    sp.set_defaults(func=_cmd_suggest)
    return p


def _common_rule_args(sp):
    sp.add_argument("--lang", choices=("en", "ru", "uk"), help="language of the statement and messages")
    sp.add_argument("--today", metavar="YYYY-MM-DD", help="today's date (for deadlines in the past)")
    sp.add_argument("--start", metavar="YYYY-MM-DD", help="the start date relative deadlines count from")
    sp.add_argument("--rules", action="append", default=[], metavar="DIR", help="a folder of extra rule files")


def _ruleset(dirs):
    from .engine import RuleSet, default_rules
    return RuleSet(dirs) if dirs else default_rules()


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr)


def _cmd_check(args) -> int:
    import json

    from .context import Context
    from .errors import GoalSyntaxError, SmmrulesError
    from .findings import LEVEL_ORDER
    from .parse import parse_goal
    try:
        rules = _ruleset(args.rules)
    except SmmrulesError as exc:
        _stderr(str(exc))
        return EXIT_ERROR
    ctx = Context(today=_today(args.today), start=_today(args.start), role=args.role, lang=args.lang)
    try:
        goal = parse_goal(args.statement, lang=args.lang, today=ctx.reference_date)
    except GoalSyntaxError as exc:
        _stderr(f"statement:{exc.line}:{exc.column}: {exc.code} {exc.message}")
        return EXIT_ERROR
    findings = rules.check(goal, ctx, lang=args.lang)
    tasks = rules.catalogue.for_category(goal.category, args.role)
    lang = args.lang or goal.lang
    if args.format == "json":
        print(json.dumps({"goal": goal.to_json(), "findings": [f.to_json() for f in findings],
                          "suggestions": [t.to_json(lang) for t in tasks]}, ensure_ascii=False))
    else:
        for f in findings:
            print(f"statement:{f.line}:{f.column}: {f.code} [{f.level}] {f.message}")
        if not findings:
            print("no findings")
        if tasks:
            print("suggested tasks:")
            for t in tasks:
                print(f"  - {t.title(lang)}")
    threshold = LEVEL_ORDER[args.fail_on]
    return EXIT_FINDINGS if any(LEVEL_ORDER[f.level] <= threshold for f in findings) else EXIT_OK


def _cmd_explain(args) -> int:
    from .errors import SmmrulesError
    from .explain import explain_text
    try:
        rules = _ruleset(args.rules)
    except SmmrulesError as exc:
        _stderr(str(exc))
        return EXIT_ERROR
    rule = rules.get(args.code.upper())
    if rule is None:
        import difflib
        close = difflib.get_close_matches(args.code.upper(), [r.code for r in rules.all_rules()], n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        _stderr(f"smmrules: error: unknown rule code {args.code!r}{hint}; `smmrules rules` lists them")
        return EXIT_ERROR
    sys.stdout.write(explain_text(rule, args.lang))
    return EXIT_OK


def _cmd_rules(args) -> int:
    import json

    from .errors import SmmrulesError
    try:
        rules = _ruleset(args.rules)
    except SmmrulesError as exc:
        _stderr(str(exc))
        return EXIT_ERROR
    rows = [{"code": r.code, "name": r.name, "smart": r.smart, "level": r.level,
             "summary": r.text("summary", args.lang)} for r in rules.all_rules()]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False))
    else:
        width = max(len(r["name"]) for r in rows)
        for r in rows:
            print(f"{r['code']}  {r['name']:<{width}}  {r['smart'] or '-'}  {r['level']:<7}  {r['summary']}")
    return EXIT_OK


def _cmd_suggest(args) -> int:
    import json

    from .errors import GoalSyntaxError, SmmrulesError
    from .parse import parse_goal
    try:
        rules = _ruleset(args.rules)
        goal = parse_goal(args.statement, lang=args.lang)
    except GoalSyntaxError as exc:
        _stderr(f"statement:{exc.line}:{exc.column}: {exc.code} {exc.message}")
        return EXIT_ERROR
    except SmmrulesError as exc:
        _stderr(str(exc))
        return EXIT_ERROR
    tasks = rules.catalogue.for_category(goal.category, args.role)
    lang = args.lang or goal.lang
    if args.format == "json":
        print(json.dumps([t.to_json(lang) for t in tasks], ensure_ascii=False))
    else:
        if not tasks:
            print(f"no catalogue tasks for category '{goal.category}'")
        for t in tasks:
            print(f"{t.id}: {t.title(lang)}")
    return EXIT_OK


def _today(value):
    if value is None:
        return None
    import datetime as dt
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        print(f"smmrules: error: --today must be a date in YYYY-MM-DD form, got {value!r}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR) from None


def _cmd_parse(args) -> int:
    import json

    from .errors import GoalSyntaxError
    from .parse import parse_goal
    from .render import tree_text
    try:
        goal = parse_goal(args.statement, lang=args.lang, today=_today(args.today))
    except GoalSyntaxError as exc:
        print(f"statement:{exc.line}:{exc.column}: {exc.code} {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    if args.format == "json":
        print(json.dumps(goal.to_json(), ensure_ascii=False))
    else:
        print(tree_text(goal))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _build().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # pragma: no cover - e.g. `smmrules rules | head`
        return EXIT_OK
