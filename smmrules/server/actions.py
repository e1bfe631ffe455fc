"""The edits behind the code actions, as (line, start, end, text) in 1-based lines and 0-based
code-point columns of the document's lines; no editor protocol here."""
from __future__ import annotations

import re

# an `ignore[...]` suppression with its list of codes (as documents/goals.py reads them)
_IGNORE_LIST = re.compile(r"smmrules:\s*ignore\[([^\]]*)\]", re.IGNORECASE)
_COMMENT = re.compile(r"(?:^|\s)#(?=\s|$)")


def ignore_edit(lines, finding, fmt: str = "goals") -> tuple[int, int, int, str] | None:
    """The edit that adds a suppression for `finding` on its line, in the document's syntax: the code
    joins the line's `ignore[...]` list when there is one, else `# smmrules: ignore[CODE]` goes at the
    end of the line (`<!-- smmrules: ignore[CODE] -->` in a Markdown brief, outside its ```goals
    blocks). None where there is no such place: a spreadsheet's suppressions live in a notes cell of
    the row, which the person picks."""
    if not 0 < finding.line <= len(lines) or fmt not in ("goals", "markdown"):
        return None
    text = lines[finding.line - 1]
    html = fmt == "markdown" and not _in_goals_block(lines, finding.line)
    if html:
        start = text.find("<!--")
    else:
        comment = _COMMENT.search(text)
        start = comment.start() if comment is not None else -1
    if start >= 0:
        listed = _IGNORE_LIST.search(text, start)
        if listed is not None:
            codes = [c.strip() for c in listed.group(1).split(",") if c.strip()]
            if finding.code in (c.upper() for c in codes):
                return None
            end = listed.end(1)
            separator = ", " if ", " in listed.group(1) else ","      # as the list is written
            return finding.line, end, end, (separator if codes else "") + finding.code
    written = f"<!-- smmrules: ignore[{finding.code}] -->" if html else f"# smmrules: ignore[{finding.code}]"
    end = len(text.rstrip())
    if end == 0:
        return finding.line, 0, 0, written
    return finding.line, end, len(text), ("  " if not html else " ") + written


def _in_goals_block(lines, n: int) -> bool:
    """Whether line n of a Markdown brief is inside a ```goals fenced block (where `#` comments are the
    comments, as in a .goals file)."""
    fence = None
    for line in lines[:n - 1]:
        stripped = line.lstrip()
        if fence is None:
            if stripped.startswith(("```", "~~~")):
                fence = (stripped[:3], stripped[3:].strip().split()[:1] == ["goals"])
        elif stripped.startswith(fence[0]) and not stripped[3:].strip():
            fence = None
    return fence is not None and fence[1]


def _place(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and code-point column of `offset` in `text` (lines end at LF, CRLF or CR)."""
    before = text[:offset]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return line, offset - start + 1


def change(old: str, new: str) -> tuple[int, int, int, int, str] | None:
    """The one edit that turns `old` into `new`: the part between their common beginning and their
    common end, as (line, column, end line, end column, new text) of `old`; None when they are equal."""
    if old == new:
        return None
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    if old[start - 1:start + 1] == "\r\n" and start:   # never between the two characters of a CRLF
        start -= 1
    if end and old[len(old) - end - 1:len(old) - end + 1] == "\r\n":
        end -= 1
    line, column = _place(old, start)
    end_line, end_column = _place(old, len(old) - end)
    return line, column, end_line, end_column, new[start:len(new) - end]


def fixed_text(analysis, text: str):
    """The document with every safe fix applied, as `smmrules lint --fix` leaves it (the findings of
    the analysis are the first pass), or None when none applies."""
    from ..editing.apply import fix_text, known_lint
    first = known_lint(list(analysis.findings), text, analysis.path, analysis.config)
    result = fix_text(text, path=analysis.path, config=analysis.config, first=first)
    return result.text if result.changed else None


def formatted_text(analysis, text: str) -> tuple[str | None, str | None]:
    """(the document in the canonical layout, None), or (None, why it is left as it is): as
    `smmrules format` does, a document with a goal that does not parse is not rewritten."""
    from ..editing.format import format_document
    doc = analysis.document
    if getattr(doc, "format", "goals") != "goals":
        return text, None               # a Markdown brief or a spreadsheet keeps its author's layout
    broken = next((g.error for g in doc.goals if g.error is not None), None)
    if broken is not None:
        return None, (f"{analysis.path}:{broken.line}:{broken.column}: not formatted: {broken.code} {broken.message} "
                      "(a goal that does not parse is left as it is written)")
    return format_document(doc, text), None
