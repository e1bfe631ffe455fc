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
    return p


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
