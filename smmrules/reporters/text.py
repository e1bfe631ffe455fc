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


def summary_line(s: Summary, lang: str = "en") -> str:
    """`Found 7 findings (1 error, 5 warnings, 1 info) in 3 files.` and the like, in `lang`
    («Найдено 7 замечаний (1 ошибка, 5 предупреждений, 1 подсказка) в 3 файлах.»)."""
    from ..base.texts import cli_texts, counted
    t = cli_texts(lang)
    linted = s.files_linted
    files_in = counted(linted, t["files_in"], lang)
    failed = t["failed"].format(files=counted(s.files_with_errors, t["file"], lang))
    if s.findings:
        levels = [counted(s.by_level.get(lv, 0), t[lv], lang) for lv in ("error", "warning", "info")]
        levels += [f"{n} {lv}" for lv, n in s.by_level.items() if lv not in ("error", "warning", "info")]
        shown = ", ".join(x for x in levels if not x.startswith("0 "))
        found = counted(s.findings, t["finding"], lang)
        if s.files_with_errors:
            return t["found_failed"].format(findings=found, levels=shown, files_in=files_in, failed=failed)
        return t["found"].format(findings=found, levels=shown, files_in=files_in)
    if s.files_with_errors:
        if linted:
            return t["clean_failed"].format(files_in=files_in, failed=failed)
        return t["only_failed"].format(failed=t["failed_first"].format(
            files=counted(s.files_with_errors, t["file"], lang)))
    if linted:
        return t["passed"].format(files=counted(linted, t["file"], lang))
    return t["nothing"]


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

    def summary_lang(self) -> str:
        """--lang when given; else the language of the documents when they all share one."""
        if self.options.lang:
            return self.options.lang
        langs = self.tally.langs
        return next(iter(langs)) if len(langs) == 1 else "en"

    def finish(self, summary: Summary) -> None:
        blocks = []
        if self.options.statistics:
            table = statistics_lines(summary, self.tally.names)
            if table:
                blocks.append("\n".join(table))
        if not self.options.quiet:
            blocks.append(summary_line(summary, self.summary_lang()))
        if blocks:
            lead = "\n" if self.wrote_any else ""
            self.out.write(lead + "\n\n".join(blocks) + "\n")
