"""The `smmrules` command line. Imports what each command needs, when it needs it."""
from __future__ import annotations

import sys

from .base.languages import LANGS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _columns() -> int:
    """The terminal's width, as shutil.get_terminal_size() finds it (importing shutil costs a few ms)."""
    import os
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


_PARSER_CLASS: list = []


def _parser_class():
    """The ArgumentParser of smmrules' commands. argparse is imported here, not with this module: main()
    first puts the regular expressions of the last runs into re's cache (base/regexcache.py), and
    importing argparse compiles some (its own, gettext's and locale's)."""
    if _PARSER_CLASS:
        return _PARSER_CLASS[0]
    import argparse

    class _Formatter(argparse.HelpFormatter):
        def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
            super().__init__(prog, indent_increment, max_help_position, width=width or _columns() - 2)

    class _Parser(argparse.ArgumentParser):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("formatter_class", _Formatter)
            super().__init__(*args, **kwargs)

        def error(self, message):  # usage errors: one line, exit 2
            self.print_usage(sys.stderr)
            print(f"smmrules: error: {message}", file=sys.stderr)
            raise SystemExit(EXIT_ERROR)

    _PARSER_CLASS.append(_Parser)
    return _Parser


def _add_parse(sp):
    sp.add_argument("statement")
    sp.add_argument("--format", choices=("json", "tree"), default="json")
    sp.add_argument("--lang", choices=LANGS)
    sp.add_argument("--today", metavar="YYYY-MM-DD", help="resolve relative deadlines against this date")
    sp.set_defaults(func=_cmd_parse)


def _add_lint(sp):
    sp.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .); - reads stdin")
    from .reporters import FORMATS
    sp.add_argument("--format", choices=FORMATS, default="text")
    sp.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to report")
    sp.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes not to report")
    sp.add_argument("--lang", choices=LANGS, help="message language (default: each document's)")
    sp.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    sp.add_argument("--rules", action="append", default=[], metavar="DIR", help="a folder of extra rule files")
    sp.add_argument("--fail-on", choices=("error", "warning", "info"),
                    help="lowest level that makes the exit code 1 (default: warning)")
    sp.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                    help="lint N files at once (default: the number of cores)")
    sp.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    sp.add_argument("--stdin-filename", metavar="NAME",
                    help="the name to report for stdin; its extension picks the reader (.goals, .md, .csv, ...)")
    sp.add_argument("--explain-skip", action="store_true",
                    help="say why a Markdown or spreadsheet file gave no findings (not a brief, no goals table)")
    sp.add_argument("--statistics", action="store_true", help="print counts per rule code")
    sp.add_argument("-q", "--quiet", action="store_true", help="print only the findings")
    sp.add_argument("--today", metavar="YYYY-MM-DD", help="today's date (for deadlines in the past)")
    # fixes (smmrules.editing): the edits rules declare
    sp.add_argument("--fix", action="store_true", help="apply the safe fixes, then report what remains")
    sp.add_argument("--unsafe-fixes", action="store_true",
                    help="with --fix, --diff or --show-fixes: the unsafe fixes too")
    sp.add_argument("--diff", action="store_true", help="print the fixes as a unified diff and write nothing")
    sp.add_argument("--show-fixes", action="store_true", help="list the fixes applied and those available")
    sp.set_defaults(func=_cmd_lint)


def _add_format(sp):
    sp.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .); - reads stdin")
    sp.add_argument("--check", action="store_true", help="write nothing; exit 1 if some file would change")
    sp.add_argument("--diff", action="store_true", help="print the changes as a unified diff and write nothing")
    sp.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    sp.add_argument("--stdin-filename", metavar="NAME", help="the name to report for stdin")
    sp.set_defaults(func=_cmd_format)


def _cmd_format(args) -> int:
    from .editing.commands import cmd_format
    from .reporters.base import printable
    return cmd_format(args, _stderr, printable=printable)


def _add_check(sp):
    sp.add_argument("statement")
    sp.add_argument("--format", choices=("text", "json"), default="text")
    _common_rule_args(sp)
    sp.add_argument("--role", choices=("social-only", "one-of-sources", "communication"),
                    help="the role of social media (filters suggestions and feeds the R rules)")
    sp.add_argument("--fail-on", choices=("error", "warning", "info"), default="warning")
    sp.set_defaults(func=_cmd_check)


def _add_explain(sp):
    sp.add_argument("code")
    sp.add_argument("--lang", choices=LANGS, default="en")
    sp.add_argument("--rules", action="append", default=[], metavar="DIR")
    sp.set_defaults(func=_cmd_explain)


def _add_rules(sp):
    sp.add_argument("--format", choices=("text", "json"), default="text")
    sp.add_argument("--lang", choices=LANGS, default="en")
    sp.add_argument("--rules", action="append", default=[], metavar="DIR")
    sp.set_defaults(func=_cmd_rules)


def _add_clean(sp):
    sp.set_defaults(func=_cmd_clean)


def _add_suggest(sp):
    sp.add_argument("statement")
    sp.add_argument("--format", choices=("text", "json"), default="text")
    sp.add_argument("--role", choices=("social-only", "one-of-sources", "communication"))
    sp.add_argument("--lang", choices=LANGS, help="language of the task titles (default: the statement's)")
    _statement_lang_arg(sp)
    sp.add_argument("--rules", action="append", default=[], metavar="DIR")
    sp.set_defaults(func=_cmd_suggest)


def _add_server(sp):
    sp.set_defaults(func=_cmd_server)


def _cmd_server(args) -> int:
    from .server import run
    return run()


def _add_report(sp):
    sp.add_argument("paths", nargs="+", metavar="PATH", help="goal documents or folders of them")
    sp.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (default: stdout)")
    sp.add_argument("--format", choices=("html", "md", "json"), default="html")
    sp.add_argument("--lang", choices=LANGS, help="the client's language (default: each document's)")
    sp.add_argument("--today", metavar="YYYY-MM-DD", help="the report's date (default: today)")
    sp.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    sp.add_argument("--stdin-filename", metavar="NAME",
                    help="the name to report for stdin (PATH -); its extension picks the reader (.goals, .md, .csv)")
    sp.set_defaults(func=_cmd_report)


def _cmd_report(args) -> int:
    """`smmrules report`: the logic is in smmrules/report/; a brief that cannot be read is an error line."""
    from .base.errors import SmmrulesError
    from .linting.config import config_for
    from .report import build_report, render
    try:
        config = config_for(args.paths, config_file=args.config, stdin_name=args.stdin_filename)
    except SmmrulesError as exc:
        _stderr(str(exc))
        return EXIT_ERROR
    stdin = _read_stdin(config.max_file_size) if "-" in args.paths else None
    report = build_report(args.paths, config=config, today=_today(args.today), lang=args.lang,
                          stdin=stdin, stdin_name=args.stdin_filename)
    errors = [b["error"] for b in report["briefs"] if b["error"] is not None]
    for err in errors:
        _stderr(err)
    page = render(report, args.format)
    if args.output:
        from .report.output import write_atomically
        problem = write_atomically(args.output, page)
        if problem is not None:
            _stderr(f"smmrules: error: {problem}")
            return EXIT_ERROR
    else:
        sys.stdout.write(page)
    return EXIT_ERROR if errors else EXIT_OK


# name -> (help, function that adds the command's arguments), in the order `--help` lists them
_COMMANDS = {
    "parse": ("parse one goal statement and print its AST", _add_parse),
    "lint": ("lint goal documents (files, directories, or - for stdin)", _add_lint),
    "check": ("check one goal statement: findings and suggested tasks", _add_check),
    "explain": ("explain a rule: what it checks, why, how to fix, examples", _add_explain),
    "rules": ("list the rules in effect", _add_rules),
    "clean": ("empty the cache (parser tables, lexicons, compiled rules, results)", _add_clean),
    "suggest": ("suggest catalogue tasks for a goal statement", _add_suggest),
    "report": ("write a progress report for a client (HTML, Markdown or JSON)", _add_report),
    "format": ("rewrite goal documents in the canonical layout", _add_format),
    "server": ("run the language server for editors over stdio (the lsp extra)", _add_server),
}


def _build() -> argparse.ArgumentParser:
    """The whole parser: every command under `smmrules` (for --help, --version and typos)."""
    from . import __version__
    parser_class = _parser_class()
    p = parser_class(prog="smmrules", description="Parse, check and lint social-media-marketing goals.")
    p.add_argument("--version", action="version", version=f"smmrules {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=parser_class)
    for name, (text, add) in _COMMANDS.items():
        add(sub.add_parser(name, help=text))
    return p


def _command_parser(name: str) -> argparse.ArgumentParser:
    """One command's parser on its own, as `smmrules NAME` (what _build makes for it): a run names
    its command first, and building the other six is a few ms of every pre-commit run."""
    parser = _parser_class()(prog=f"smmrules {name}")
    _COMMANDS[name][1](parser)
    return parser


def _statement_lang_arg(sp):
    sp.add_argument("--statement-lang", choices=LANGS, metavar="{" + ",".join(LANGS) + "}",
                    help="the statement's language (default: detected)")


def _common_rule_args(sp):
    sp.add_argument("--lang", choices=LANGS, help="language of the messages (default: the statement's)")
    _statement_lang_arg(sp)
    sp.add_argument("--today", metavar="YYYY-MM-DD", help="today's date (for deadlines in the past)")
    sp.add_argument("--start", metavar="YYYY-MM-DD", help="the start date relative deadlines count from")
    sp.add_argument("--rules", action="append", default=[], metavar="DIR", help="a folder of extra rule files")


def _ruleset(dirs):
    """The rules a command uses (the built-in ones and the --rules folders); None, said on stderr,
    when they cannot be loaded."""
    from .base.errors import SmmrulesError
    from .rules.engine import RuleSet, default_rules
    try:
        return RuleSet(dirs) if dirs else default_rules()
    except SmmrulesError as exc:
        _stderr(str(exc))
        return None


def _stderr(msg: str) -> None:
    """One message line on stderr, with the control and bidirectional characters of names replaced."""
    from .reporters.base import printable
    try:
        print(printable(msg), file=sys.stderr)
    except (OSError, ValueError):      # stderr closed or full: nowhere left to say it
        pass


def _safe_stdout(fmt: str = "text") -> None:
    """Make stdout unable to fail on a character: the machine formats (json, sarif, junit, github) are
    UTF-8 whatever the locale (their readers expect it; JUnit's declaration says so), the text format
    keeps the terminal's encoding and writes what it cannot encode as backslash escapes."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is None:         # replaced by a caller (a StringIO): it takes any str
        return
    try:
        if fmt == "text":
            reconfigure(errors="backslashreplace")
        else:
            reconfigure(encoding="utf-8", errors="backslashreplace")
    except (OSError, ValueError):   # pragma: no cover - a stream that cannot be reconfigured
        pass


def _silence_stdout() -> None:
    """Point stdout at the null device, so that what is still buffered is dropped at exit instead of
    failing again (a closed pipe, a full disk)."""
    import os
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _cmd_check(args) -> int:
    import json

    from .language.context import Context
    from .base.errors import GoalSyntaxError
    from .rules.findings import LEVEL_ORDER
    from .language.parse import parse_goal
    rules = _ruleset(args.rules)
    if rules is None:
        return EXIT_ERROR
    statement = _statement(args.statement)
    if statement is None:
        return EXIT_ERROR
    ctx = Context(today=_today(args.today, default=True), start=_today(args.start), role=args.role,
                  lang=args.statement_lang)
    try:
        goal = parse_goal(statement, lang=args.statement_lang, today=ctx.reference_date)
    except GoalSyntaxError as exc:
        _stderr(_syntax_line(exc, statement, args.lang or args.statement_lang, rules))
        return EXIT_ERROR
    findings = rules.check(goal, ctx, lang=args.lang)
    from .rules.engine import suggest_tasks
    from .rules.suggestions import activity_answer
    tasks = suggest_tasks(goal, role=args.role, rules=rules)
    lang = args.lang or goal.lang
    activity = activity_answer(goal, lang, rules)
    if args.format == "json":
        print(json.dumps({"goal": goal.to_json(), "findings": [f.to_json() for f in findings],
                          "suggestions": [t.to_json(lang) for t in tasks],
                          **({"activity": activity} if activity else {})}, ensure_ascii=False))
    else:
        from .base.texts import cli_texts
        from .reporters.base import printable
        texts = cli_texts(lang)
        for f in findings:
            print(printable(f"statement:{f.line}:{f.column}: {f.code} [{f.level}] {f.message}"))
        if not findings:
            print(texts["no_findings"])
        if activity:
            print(printable(activity["text"]))
        if tasks:
            print(texts["suggested"])
            for t in tasks:
                print(printable(f"  - {t.title(lang)}"))
    threshold = LEVEL_ORDER[args.fail_on]
    return EXIT_FINDINGS if any(LEVEL_ORDER[f.level] <= threshold for f in findings) else EXIT_OK


def _codes(value):
    if value is None:
        return None
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _cmd_lint(args) -> int:
    if args.no_cache:
        from .base import cache
        with cache.off():   # from the start: the config's rule files and plugins go through the cache too
            return _lint(args)
    return _lint(args)


def _lint(args) -> int:
    import os

    from .base.errors import SmmrulesError
    from .rules.findings import LEVEL_ORDER
    from .reporters import write_report

    paths = args.paths or ["."]
    try:
        config = _lint_config(args, paths)
    except SmmrulesError as exc:
        _stderr(str(exc))
        return EXIT_ERROR
    today = _today(args.today, default=True)
    jobs = args.jobs if args.jobs is not None else (os.cpu_count() or 1)
    if jobs < 1:
        _stderr("smmrules: error: -j must be at least 1")
        return EXIT_ERROR
    errors: list[str] = []
    results = _results(args, paths, config, today, jobs, errors)
    fixing = None
    if args.fix or args.diff or args.show_fixes:
        from .editing.commands import lint_diff, start_fixes
        fixing, results = start_fixes(args, config, today, results, _stderr)
        if args.diff:
            _safe_stdout()
            return lint_diff(fixing, results, config, sys.stdout, _stderr, errors)
    _safe_stdout(args.format)
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    if args.format == "sarif":          # the only format that describes the rules themselves
        from .linting.pipeline import rules_for
        rules = rules_for(config)
    else:
        rules = None
    summary = write_report(results, fmt=args.format, out=sys.stdout, rules=rules,
                           lang=config.lang, color=color, statistics=args.statistics, quiet=args.quiet,
                           fail_on=config.fail_on, docs_url=config.docs_url)
    if fixing is not None:
        from .editing.commands import finish_fixes
        from .reporters.base import printable
        if not finish_fixes(fixing, args, config, sys.stdout, _stderr, printable) or fixing.errors:
            return EXIT_ERROR
    if errors:
        return EXIT_ERROR
    threshold = LEVEL_ORDER[config.fail_on]
    failing = any(LEVEL_ORDER[level] <= threshold and n for level, n in summary.by_level.items())
    return EXIT_FINDINGS if failing else EXIT_OK


def _lint_config(args, paths):
    """The run's config: the file (--config, else the one found as the API finds it) with the command
    line on top and renamed codes resolved; a SmmrulesError when it cannot be used."""
    import os

    from .linting.config import config_for, with_overrides
    allowed = tuple(os.path.realpath(r) for r in args.rules)   # the user's own word: the config may name them too
    config = config_for(paths, config_file=args.config, allow_rules=allowed, stdin_name=args.stdin_filename)
    config = with_overrides(config, fail_on=args.fail_on, lang=args.lang, rules=allowed or None)
    select, ignore = _codes(args.select), _codes(args.ignore)
    if select or ignore:        # the codes' form first ("--select must be a list of rule codes ..."), then their rules
        with_overrides(config, select=select, ignore=ignore)
    names_codes = select or ignore or config.select or config.ignore or config.per_file_ignores
    if config.rules or config.plugins or config.levels or config.options or names_codes:
        # rule folders, plugins, levels, options and the codes named are checked now: exit 2 before any file
        from .linting.pipeline import rules_for
        ruleset = rules_for(config)
        aliases = ruleset.aliases
        if names_codes:
            _check_codes(config, select, ignore, [r.code for r in ruleset.all_rules()] + list(aliases))
    else:
        aliases = {}
    if not aliases:
        return with_overrides(config, select=select, ignore=ignore)
    # renamed codes keep working; say what they are called now (rules/aliases.toml)
    from .linting.renamed import notes, resolve
    for note in notes(config, aliases):
        _stderr(f"smmrules: warning: {note}")
    for flag, codes in (("--select", select), ("--ignore", ignore)):
        for code in codes or ():
            if code in aliases:
                _stderr(f"smmrules: warning: {flag}: {code} is now {aliases[code]}; write {aliases[code]}")
    select = None if select is None else tuple(aliases.get(c, c) for c in select)
    ignore = None if ignore is None else tuple(aliases.get(c, c) for c in ignore)
    return resolve(with_overrides(config, select=select, ignore=ignore), aliases)


def _check_codes(config, select, ignore, known) -> None:
    """A code or prefix that names no rule, on the command line or in the config, is a usage error
    (a typo would silently select nothing, or ignore nothing): a ConfigError naming the closest codes."""
    from .base.errors import ConfigError
    from .linting.selection import unknown_code, unknown_codes_in
    for flag, codes in (("--select", select), ("--ignore", ignore)):
        for code in codes or ():
            problem = unknown_code(code, known)
            if problem is not None:
                raise ConfigError(f"smmrules: error: {flag}: {problem}")
    problems = unknown_codes_in(config, known)
    if problems:
        raise ConfigError(problems[0])


def _results(args, paths, config, today, jobs, errors):
    """The FileResults of the run, in order, as they are made; each error line goes to stderr and to
    `errors` as well."""
    from .linting.parallel import in_workers, lint_many
    from .linting.results import FileResult
    from .linting.runner import STDIN, collect, lint_file

    targets = list(collect(paths, config))
    plain = [p for p, err in targets if err is None and p != STDIN]
    if in_workers(plain, jobs):
        _gc_settle()                # forked workers start with the collector as it should run
    # a report streams: a long document's findings come in parts as it is linted (not for fixes)
    stream = not (getattr(args, "fix", False) or getattr(args, "diff", False) or getattr(args, "show_fixes", False))
    produced = lint_many(plain, config, jobs=jobs, today=today, use_cache=not args.no_cache, stream=stream)
    for path, err in targets:
        if err is not None:
            result = FileResult(path, error=err)
        elif path == STDIN:
            shown = args.stdin_filename or STDIN
            data, problem = _read_stdin(config.max_file_size)
            if problem is not None:
                result = FileResult(shown, error=f"{shown}: {problem}")
            else:
                result = lint_file(STDIN, config, data=data, shown=shown, today=today)
        else:
            result = next(produced)
            while result.partial:       # a long .goals file's findings come in parts as it is linted
                yield result
                _gc_settle()            # the collector back on after the first part: a stream makes garbage
                result = next(produced)
        if result.error:
            errors.append(result.error)
            _stderr(result.error)
        for note in result.notes if not args.quiet else ():
            _stderr(f"smmrules: note: {note}")
        if result.skipped and args.explain_skip:
            _stderr(f"{result.path}: skipped: {result.skipped}")
        yield result
        _gc_settle()                # the first file brought in the modules, tables and rules


def _read_stdin(limit: int) -> tuple[bytes | None, str | None]:
    """(bytes, None) read from stdin, or (None, why not); one byte past `limit` is enough to refuse it."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return None, "cannot read standard input: it is closed"
    try:
        return stream.read(limit + 1), None
    except OSError as exc:
        return None, f"cannot read standard input: {exc.strerror or exc}"


def _cmd_explain(args) -> int:
    from .rules.explain import explain_text
    rules = _ruleset(args.rules)
    if rules is None:
        return EXIT_ERROR
    code = args.code.strip().upper()
    rule = rules.get(rules.resolve(code))
    if rule is None:            # a rule's name, as `smmrules rules` prints it (time-bound.no-deadline)
        by_name = {r.name: r for r in rules.all_rules()}
        rule = by_name.get(args.code.strip().lower())
        if rule is not None:
            code = rule.code
    if rule is None:
        from .base.suggest import close_matches
        close = close_matches(code, [r.code for r in rules.all_rules()] + list(rules.aliases), n=3)
        if len(close) < 3:
            close += close_matches(args.code.strip().lower(), list(by_name), n=3 - len(close))
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        _stderr(f"smmrules: error: unknown rule code or name {args.code!r}{hint}; `smmrules rules` lists them")
        return EXIT_ERROR
    from .reporters.base import printable
    # a rule's texts may come from a repository's rule folder: no terminal escapes, line by line
    if rule.code != code:
        from .rules.explain import renamed_text
        sys.stdout.write("\n".join(printable(line) for line in renamed_text(code, rule, args.lang).split("\n")))
    sys.stdout.write("\n".join(printable(line) for line in explain_text(rule, args.lang).split("\n")))
    return EXIT_OK


def _cmd_rules(args) -> int:
    import json

    rules = _ruleset(args.rules)
    if rules is None:
        return EXIT_ERROR
    rows = [{"code": r.code, "name": r.name, "smart": r.smart, "level": r.level,
             "summary": r.text("summary", args.lang)} for r in rules.all_rules()]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False))
    else:
        from .reporters.base import printable
        width = max(len(r["name"]) for r in rows)
        for r in rows:
            print(printable(f"{r['code']}  {r['name']:<{width}}  {r['smart'] or '-'}  {r['level']:<7}  {r['summary']}"))
        if rules.aliases:
            from .rules.explain import headings
            print(f"\n{headings(args.lang)['renamed_codes']}")
            for old, new in sorted(rules.aliases.items()):
                print(printable(f"{old}  -> {new}  {rules.get(new).name}"))
    return EXIT_OK


def _cmd_suggest(args) -> int:
    import json

    from .base.errors import GoalSyntaxError, SmmrulesError
    from .language.parse import parse_goal
    rules = _ruleset(args.rules)
    if rules is None:
        return EXIT_ERROR
    statement = _statement(args.statement)
    if statement is None:
        return EXIT_ERROR
    try:
        goal = parse_goal(statement, lang=args.statement_lang)
    except GoalSyntaxError as exc:
        _stderr(_syntax_line(exc, statement, args.lang or args.statement_lang, rules))
        return EXIT_ERROR
    except SmmrulesError as exc:
        _stderr(str(exc))
        return EXIT_ERROR
    from .rules.engine import suggest_tasks
    from .rules.suggestions import activity_answer
    tasks = suggest_tasks(goal, role=args.role, rules=rules)
    lang = args.lang or goal.lang
    activity = activity_answer(goal, lang, rules)
    if args.format == "json":
        print(json.dumps([t.to_json(lang) for t in tasks], ensure_ascii=False))
    else:
        from .base.texts import cli_texts
        from .reporters.base import printable
        if activity:
            print(printable(activity["text"]))
        if not tasks:
            from .language.render import templates
            category = templates()[lang]["categories"].get(goal.category, goal.category)
            print(cli_texts(lang)["no_tasks"].format(category=category))
        for t in tasks:
            print(printable(f"{t.id}: {t.title(lang)}"))
    return EXIT_OK


def _statement(value: str) -> str | None:
    """The statement a command was given: `-` reads it from stdin (None, said on stderr, when stdin
    cannot be read or is not UTF-8 text)."""
    if value != "-":
        return value
    from .base.limits import STATEMENT_CEILING
    limit = 4 * STATEMENT_CEILING       # bytes: a longer statement is refused by its length anyway
    data, problem = _read_stdin(limit)
    if problem is None and len(data) > limit:
        problem = f"input is more than {limit:,} bytes, far longer than a goal statement"
    if problem is None:
        try:
            return data.decode("utf-8-sig").strip()
        except UnicodeDecodeError as exc:
            problem = f"not valid UTF-8 (byte 0x{data[exc.start]:02x})"
    _stderr(f"smmrules: error: -: {problem}")
    return None


def _syntax_line(exc, statement: str, lang: str | None, rules) -> str:
    """`statement:line:col: CODE message` for a statement that did not parse, in `lang` (else the
    statement's own language): the message of the syntax rule of that code, as `lint` words it."""
    if lang is None:
        from .language.grammar import default_grammar
        from .language.langdetect import detect_lang
        lang = detect_lang(statement, default_grammar().lexicons)
    rule = rules.get(exc.code) if rules is not None else None
    message = exc.message
    if rule is not None and lang in LANGS:
        message = rule.text("message", lang).replace("{text}", exc.text or "")
    return f"statement:{exc.line}:{exc.column}: {exc.code} {message}"


def _default_today():
    """The date of the run: deadlines before it are past (A303) unless --today gives another."""
    import datetime as dt
    return dt.date.today()


def _today(value, default: bool = False):
    """The date a --today option gives; with `default`, today's date when it gives none."""
    if value is None:
        return _default_today() if default else None
    import datetime as dt
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        print(f"smmrules: error: --today must be a date in YYYY-MM-DD form, got {value!r}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR) from None
    from .language.normalize import LAST_START
    if day > LAST_START:
        print(f"smmrules: error: deadlines cannot be counted from {value!r}: the latest date is "
              f"{LAST_START.isoformat()}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)
    return day


def _cmd_clean(args) -> int:
    from .base import cache
    folder = cache.directory()
    if folder is None:
        print("There is no cache to clean: no home directory to keep one in (set SMMRULES_CACHE_DIR).")
        return EXIT_OK
    try:
        removed, freed = cache.clean()
    except OSError as exc:
        _stderr(f"smmrules: error: cannot clean the cache at {folder}: {exc.strerror or exc}")
        return EXIT_ERROR
    print(f"Removed {removed} cache {'entry' if removed == 1 else 'entries'} ({freed / 1e6:.1f} MB) from {folder}.")
    try:
        left = sum(1 for _ in folder.iterdir())
    except OSError:
        left = 0
    if left:    # never removed by name: an older version's entries (before the manifest), or a user's files
        print(f"{left} other {'file was' if left == 1 else 'files were'} not written by this smmrules "
              f"and {'was' if left == 1 else 'were'} left in place.")
    return EXIT_OK


def _cmd_parse(args) -> int:
    import json

    from .base.errors import GoalSyntaxError
    from .language.parse import parse_goal
    from .language.render import tree_text
    statement = _statement(args.statement)
    if statement is None:
        return EXIT_ERROR
    try:
        goal = parse_goal(statement, lang=args.lang, today=_today(args.today))
    except GoalSyntaxError as exc:
        _stderr(_syntax_line(exc, statement, args.lang, _ruleset([])))
        return EXIT_ERROR
    if args.format == "json":
        print(json.dumps(goal.to_json(), ensure_ascii=False))
    else:
        print(tree_text(goal))
    return EXIT_OK


# The cyclic garbage collector and a run's start. Starting up allocates a lot that lives for the
# whole run (modules, classes, cached tables, lexicons, rules) and nothing cyclic to reclaim; the
# collector would walk it over and over (about 30 collections, 4-5 ms of a one-file lint). So
# main() turns it off, and once the first file is linted, freezes what is there (never walked
# again) and turns it back on for the rest of the files, collecting the youngest objects only after
# _GC_YOUNG more of them than died (Python's default is 700). What a long document's stream keeps
# between goals (the memos, the bookkeeping) grows by far more than 700 objects and holds no cycle:
# the default walked it about 200 times in a 10,000-goal lint (0.25-0.3 s of 8.5 s of CPU), 10,000 about
# 13 times and never the older generations; a reference cycle made meanwhile is still collected, a little
# later. (50,000 collected 5 times, but the garbage it let wait raised a 100,000-goal JUnit report's peak
# from 116 to 120 MB, the limit.)
_gc_state: list = []
_GC_YOUNG = 10_000


def _gc_settle() -> None:
    if _gc_state and not _gc_state[-1]["settled"]:
        import gc
        gc.freeze()
        gc.set_threshold(_GC_YOUNG, *_gc_state[-1]["threshold"][1:])
        if _gc_state[-1]["enabled"]:
            gc.enable()
        _gc_state[-1]["settled"] = True


def _run(args) -> int:
    """A command, with the run's last boundary: an output that fails or a bug is one line, never a
    traceback (bad input is handled by each command; a file's own failure by runner.lint_file)."""
    import errno
    import os
    if sys.stdout is None:              # started with stdout closed (`smmrules lint >&-`): write nowhere
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    if args.func is not _cmd_lint:
        _safe_stdout()
    try:
        code = args.func(args)
        sys.stdout.flush()              # a full disk or a closed pipe shows here, not after exit
        return code
    except BrokenPipeError:
        # the reader went away (`smmrules lint | head`): stop quietly, as other command-line tools do
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        if exc.errno == errno.EPIPE:    # pragma: no cover - raised as BrokenPipeError above
            _silence_stdout()
            return EXIT_OK
        _silence_stdout()
        _stderr(f"smmrules: error: cannot write the output: {exc.strerror or exc}")
        return EXIT_ERROR
    except Exception as exc:            # noqa: BLE001 - the last boundary
        if os.environ.get("SMMRULES_DEBUG"):
            raise
        detail = " ".join(str(exc).split())[:200]
        _stderr(f"smmrules: error: internal error ({type(exc).__name__}{': ' + detail if detail else ''}); "
                "please report it (SMMRULES_DEBUG=1 shows the traceback)")
        return EXIT_ERROR


def entry() -> None:
    """The process's entry point (the `smmrules` command and `python -m smmrules`): main(), then an
    exit without Python's teardown, which would free every module, class, table, lexicon and rule
    one by one and walk them all with the garbage collector once more (about an eighth of the
    instructions of linting one edited file). What the teardown does that matters is done first, in
    its order: waiting for running threads (if any, the ordinary exit is taken), the `atexit`
    callbacks, flushing stdout and stderr (if that fails, the ordinary exit reports it)."""
    code = main()
    import atexit
    import os
    threading = sys.modules.get("threading")
    if threading is not None and any(not t.daemon for t in threading.enumerate()
                                     if t is not threading.main_thread()):
        raise SystemExit(code)
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        raise SystemExit(code) from None
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    import gc
    _gc_state.append({"enabled": gc.isenabled(), "settled": False, "threshold": gc.get_threshold()})
    gc.disable()
    try:
        if argv is None:
            argv = sys.argv[1:]
        # the compiled regular expressions of the last runs, into re's cache before argparse, gettext and
        # attrs compile theirs (base/regexcache.py); a run with --no-cache neither reads nor adds them,
        # and `clean` leaves the cache empty
        patterns = "--no-cache" not in argv and argv[:1] != ["clean"]
        if patterns:
            from .base import regexcache
            if not regexcache.tried():
                regexcache.warm()
        if argv and argv[0] in _COMMANDS:
            args = _command_parser(argv[0]).parse_args(argv[1:])
        else:
            args = _build().parse_args(argv)
        code = _run(args)
        if patterns:
            from .base.regexcache import remember
            remember()
            if "smmrules.base.codecache" in sys.modules:     # a run that made the node classes
                from .base import codecache
                codecache.remember()
        return code
    finally:
        state = _gc_state.pop()
        if state["settled"]:
            gc.unfreeze()
            gc.set_threshold(*state["threshold"])
        if state["enabled"]:
            gc.enable()
