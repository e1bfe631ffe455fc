"""The commands that change files: what `smmrules lint --fix / --unsafe-fixes / --diff / --show-fixes`
adds to a lint run, and `smmrules format`. smmrules.cli parses the arguments and hands them here."""
from __future__ import annotations

import sys

from .files import Fixing, WriteError, read_whole, renamed_codes_fix, unified_diff, write_atomic

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Iterable, TextIO

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2


def _plural(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"


def start_fixes(args, config, today, results: Iterable, stderr: Callable[[str], None]):
    """(the Fixing, the results after fixes) for a lint run with --fix, --diff or --show-fixes."""
    stdin = (args.stdin_filename or "-") if "-" in (args.paths or ()) else None
    fixing = Fixing(config, today=today, unsafe=args.unsafe_fixes,
                    write=args.fix and not args.diff, apply=args.fix or args.diff, stdin=stdin, report=stderr)
    return fixing, fixing.run(results)


def _config_fix(config, stderr):
    """The config file's renamed codes written as their new codes (a Fixed), or None."""
    from ..linting.pipeline import rules_for
    try:
        aliases = rules_for(config).aliases
    except Exception:  # noqa: BLE001 - the run already said what is wrong with the rules
        return None
    fixed = renamed_codes_fix(config, aliases)
    if fixed is not None and fixed.error is not None:
        stderr(fixed.error)
        return None
    return fixed


def lint_diff(fixing: Fixing, results: Iterable, config, out: TextIO, stderr, errors: list) -> int:
    """--diff: every file's fixes as one unified diff on `out`, nothing written; the exit code is 1
    when some file would change, 0 when none, 2 when a file could not be linted or fixed."""
    for _ in results:
        pass
    changed = list(fixing.fixed)
    config_fixed = _config_fix(config, stderr)
    if config_fixed is not None:
        changed.append(config_fixed)
    for f in changed:
        out.write(unified_diff(f.old, f.new, f.path))
    n = fixing.applied
    if changed:
        what = _plural(n, "finding") + (" and the renamed codes of the config" if config_fixed else "")
        stderr(f"Would fix {what} in {_plural(len(changed), 'file')}.")
    if errors or fixing.errors:
        return EXIT_ERROR
    return EXIT_CHANGES if changed else EXIT_OK


def finish_fixes(fixing: Fixing, args, config, out: TextIO, stderr, printable: Callable[[str], str]) -> bool:
    """After the report of a run with --fix or --show-fixes: the config's renamed codes fixed (with
    --fix), the list of fixes (--show-fixes) and a summary line. Where a machine format is on stdout,
    this goes to stderr. `printable` makes a line safe for a terminal (the reporters' own). False when
    a file could not be written."""
    lines: list[str] = []
    ok = not fixing.errors
    if args.fix:
        config_fixed = _config_fix(config, stderr)
        if config_fixed is not None:
            try:
                write_atomic(config_fixed.path, config_fixed.new)
                lines.append(f"Fixed the renamed rule codes in {config_fixed.path}.")
            except WriteError as exc:
                stderr(str(exc))
                ok = False
    if args.show_fixes:
        lines += [printable(line) for line in show_fixes(fixing, applied=args.fix)]
    if args.fix and not args.quiet:
        n = fixing.applied
        lines.append(f"Fixed {_plural(n, 'finding')} in {_plural(len(fixing.fixed), 'file')}." if n
                     else "No fixes applied.")
    if lines:
        text = "\n".join(lines)
        if args.format == "text":
            out.write(text + "\n")
        else:
            stderr(text)
    return ok


def show_fixes(fixing: Fixing, *, applied: bool) -> list[str]:
    """The fixes applied (with --fix) and those still available, one `path:line:col: CODE title` line each."""
    out: list[str] = []
    if applied:
        done = [f for fixed in fixing.fixed for f in fixed.applied]
        if done:
            out.append(f"Applied fixes ({len(done)}):")
            out += [f"  {f.path}:{f.line}:{f.column}: {f.code} {f.fix.title}" for f in done]
    rest = sorted(fixing.available)
    if rest:
        kinds = {"safe": 0, "unsafe": 0, "display-only": 0}
        for f in rest:
            kinds[f.fix.applicability] += 1
        counts = ", ".join(f"{n} {k if k != 'display-only' else 'suggestion' + ('s' if n > 1 else '')}"
                           for k, n in kinds.items() if n)
        out.append(f"Available fixes ({counts}):")
        label = {"safe": "safe", "unsafe": "unsafe", "display-only": "suggestion"}
        out += [f"  {f.path}:{f.line}:{f.column}: {f.code} [{label[f.fix.applicability]}] {f.fix.title}"
                for f in rest]
    if not out:
        out.append("No fixes.")
    return out


# -- smmrules format ---------------------------------------------------------------------------------
def cmd_format(args, stderr: Callable[[str], None], out: TextIO | None = None,
               printable: Callable[[str], str] = str) -> int:
    """`smmrules format [--check] [--diff] PATH...`: each document in the canonical layout. Files are
    rewritten in place unless --check (list those that would change) or --diff (show the changes);
    `-` formats standard input to standard output. A document with a goal that does not parse is left
    alone (one line on stderr). `printable`: makes a file name safe for a terminal. Exit code: 0 done (or nothing to change), 1 with --check or --diff
    when some file would change, 2 when a file could not be read, formatted or written."""
    from ..base.errors import SmmrulesError
    from ..linting.config import config_for
    from ..linting.runner import STDIN, collect
    out = out or sys.stdout
    paths = args.paths or ["."]
    try:
        config = config_for(paths, config_file=args.config, stdin_name=args.stdin_filename)
    except SmmrulesError as exc:
        stderr(str(exc))
        return EXIT_ERROR
    outcomes = []
    for path, error in collect(paths, config):
        if error is not None:
            stderr(error)
            outcomes.append("failed")
        else:
            outcomes.append(_format_one(path, args, config, out, stderr, printable))
    changed, unchanged = outcomes.count("changed"), outcomes.count("unchanged")
    skipped = outcomes.count("skipped")
    if not args.diff and not (STDIN in paths and not args.check):
        verb = "would be reformatted" if args.check else "reformatted"
        parts = [f"{_plural(changed, 'file')} {verb}"] if changed else []
        if unchanged:
            parts.append(f"{_plural(unchanged, 'file')} {'already formatted' if args.check else 'left unchanged'}")
        if skipped:
            parts.append(f"{_plural(skipped, 'file')} skipped (only .goals documents have a canonical layout)")
        out.write((", ".join(parts) or "No files formatted") + ".\n")
    if "failed" in outcomes:
        return EXIT_ERROR
    return EXIT_CHANGES if changed and (args.check or args.diff) else EXIT_OK


def _format_one(path: str, args, config, out: TextIO, stderr: Callable[[str], None],
                printable: Callable[[str], str]) -> str:
    """Format one file (or standard input): "changed", "unchanged", "skipped" (a Markdown brief or a
    spreadsheet: their layout is the author's), "failed" or "written" (to stdout)."""
    from ..documents import format_of
    from ..linting.runner import STDIN
    shown = (args.stdin_filename or STDIN) if path == STDIN else path
    if format_of(shown) != "goals":
        if path == STDIN and not (args.check or args.diff):
            text, error, _ = _stdin_text(config.max_file_size)
            if error is not None:
                stderr(error if error.startswith(f"{shown}:") else f"{shown}: {error}")
                return "failed"
            out.write(text)             # a pipe gets its input back, unchanged
        return "skipped"
    if path == STDIN:
        text, error, stamp = _stdin_text(config.max_file_size)
    else:
        text, error, stamp = read_whole(path, config.max_file_size)
    if error is None:
        new, error = _formatted(text, shown, config)
    if error is not None:
        stderr(error if error.startswith(f"{shown}:") else f"{shown}: {error}")
        if path == STDIN and text is not None:
            out.write(text)             # what a pipe gets back is the input, unchanged
        return "failed"
    if path == STDIN and not (args.check or args.diff):
        out.write(new)
        return "written"
    if new == text:
        return "unchanged"
    if args.diff:
        out.write(unified_diff(text, new, shown))
    elif args.check:
        out.write(printable(f"Would reformat: {shown}") + "\n")
    else:
        try:
            write_atomic(path, new, stamp)
        except WriteError as exc:
            stderr(str(exc))
            return "failed"
    return "changed"


def _stdin_text(limit: int):
    from ..linting.runner import read_text
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return None, "cannot read standard input: it is closed", None
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        return None, f"cannot read standard input: {exc.strerror or exc}", None
    text, error = read_text("-", data, limit)
    return text, error, None


def _formatted(text: str, shown: str, config) -> tuple:
    """(the formatted text, None) or (None, the one-line reason it was left alone)."""
    from ..base.errors import SmmrulesError
    from ..documents.goals import parse_document
    from .format import format_document
    try:
        doc = parse_document(text, path=shown, max_statement_length=config.max_statement_length,
                             max_entries=config.max_entries)
    except SmmrulesError as exc:
        from ..linting.runner import failure
        return None, failure(shown, exc)
    broken = next((g.error for g in doc.goals if g.error is not None), None)
    if broken is not None:
        return None, (f"{shown}:{broken.line}:{broken.column}: not formatted: {broken.code} {broken.message} "
                      "(a goal that does not parse is left as it is written)")
    return format_document(doc, text), None
