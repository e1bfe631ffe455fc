"""The text format: `path:line:col: CODE [level] message`, the source with carets, statistics, a summary."""
from __future__ import annotations

from ..rules.findings import Finding
from ..linting.results import FileResult
from .base import Reporter, located, printable
from .excerpt import excerpt
from .summary import Summary

INDENT = "    "
BOLD, RESET = "\x1b[1m", "\x1b[0m"
LEVEL_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[34m"}


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def summary_line(s: Summary) -> str:
    """`Found 7 findings (1 error, 5 warnings, 1 info) in 3 files.` and the like."""
    linted = s.files_linted
    failed = plural(s.files_with_errors, "file") + " could not be linted"
    if s.findings:
        levels = [plural(s.by_level.get("error", 0), "error"), plural(s.by_level.get("warning", 0), "warning"),
                  plural(s.by_level.get("info", 0), "info", "info")]
        levels += [plural(n, lv) for lv, n in s.by_level.items() if lv not in ("error", "warning", "info")]
        shown = ", ".join(x for x in levels if not x.startswith("0 "))
        text = f"Found {plural(s.findings, 'finding')} ({shown}) in {plural(linted, 'file')}"
    elif s.files_with_errors:
        return f"No findings in {plural(linted, 'file')}; {failed}." if linted else f"{failed.capitalize()}."
    elif linted:
        return f"All checks passed: {plural(linted, 'file')}, no findings."
    else:
        return "No files to lint."
    return f"{text}; {failed}." if s.files_with_errors else f"{text}."


def statistics_lines(s: Summary, names: dict[str, str]) -> list[str]:
    """Counts per code, most frequent first (like `ruff --statistics`)."""
    rows = sorted(s.by_code.items(), key=lambda kv: (-kv[1], kv[0]))
    if not rows:
        return []
    count_w = max(len(str(n)) for _, n in rows)
    code_w = max(len(code) for code, _ in rows)
    return [f"{n:>{count_w}}  {code:<{code_w}}  {names.get(code, '')}".rstrip() for code, n in rows]


class TextReporter(Reporter):
    def __init__(self, *args):
        super().__init__(*args)
        self.wrote_any = False

    def paint(self, text: str, style: str) -> str:
        return f"{style}{text}{RESET}" if self.options.color and style else text

    def headline(self, f: Finding) -> str:
        level = self.paint(f"[{f.level}]", LEVEL_COLORS.get(f.level, ""))
        where = printable(f"{f.path}:{f.line}:{f.column}:")
        return f"{where} {self.paint(f.code, BOLD)} {level} {printable(f.message)}"

    def file(self, result: FileResult) -> None:
        out = []
        # a file that could not be linted is reported on stderr by the CLI (see smmrules.cli)
        for f in located(result):
            out.append(self.headline(f))
            shown = None if self.options.quiet else excerpt(result.lines, f.line, f.column, f.end_line,
                                                            f.end_column)
            if shown is not None:
                source, carets = shown
                out.append(INDENT + source)
                out.append(INDENT + self.paint(carets, LEVEL_COLORS.get(f.level, "")))
        if out:
            self.out.write("\n".join(out) + "\n")
            self.wrote_any = True
            self.flush()

    def finish(self, summary: Summary) -> None:
        blocks = []
        if self.options.statistics:
            table = statistics_lines(summary, self.tally.names)
            if table:
                blocks.append("\n".join(table))
        if not self.options.quiet:
            blocks.append(summary_line(summary))
        if blocks:
            lead = "\n" if self.wrote_any else ""
            self.out.write(lead + "\n\n".join(blocks) + "\n")
