"""Applying fixes to a document's text: one pass (`apply_fixes`) and the re-lint loop (`fix_text`)."""
from __future__ import annotations

from ..base.record import Record, _set
from ..rules.fixes import Edit, Fix

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Optional

    from ..rules.findings import Finding

MAX_PASSES = 10


def _line_starts(text: str) -> list[int]:
    """The offset where each line starts, lines ending at LF, CRLF or a lone CR (as the document
    reader splits them); a byte-order mark is not part of line 1's columns."""
    starts = [1 if text.startswith("\ufeff") else 0]
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            starts.append(i + 1)
        elif c == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                i += 1
            starts.append(i + 1)
        i += 1
    return starts


def offsets(text: str, edit: Edit, starts: Optional[list[int]] = None) -> tuple[int, int]:
    """The [start, end) offsets of an edit in `text`. A column past the end of its line means the
    end of the line (before its line ending); a line past the last one means the end of the text."""
    if starts is None:
        starts = _line_starts(text)

    def at(line: int, column: int) -> int:
        if line > len(starts):
            return len(text)
        begin = starts[line - 1]
        end = starts[line] if line < len(starts) else len(text)
        content_end = end
        while content_end > begin and text[content_end - 1] in "\r\n" and line < len(starts):
            content_end -= 1
        return min(begin + column - 1, content_end)
    start = at(max(edit.line, 1), max(edit.column, 1))
    end = at(max(edit.end_line, 1), max(edit.end_column, 1))
    return start, max(start, end)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two edits that change the same text, or insert at the same point, cannot both apply."""
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0] or (a[0] == a[1] and b[0] < a[0] < b[1]) \
        or (b[0] == b[1] and a[0] < b[0] < a[1])


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """Apply fixes to `text` in one pass: (the new text, the fixes applied, in document order).

    A fix is applied whole or not at all. Fixes are taken in the order of their first edit; one
    whose edits would touch text an earlier fix already changes is left out (the earliest wins: the
    next pass of `fix_text` looks again). Every byte outside the applied edits is kept as it was,
    line endings included."""
    starts = _line_starts(text)
    placed = []
    for fix in fixes:
        if not fix.edits:
            continue
        spans = [offsets(text, e, starts) for e in fix.edits]
        placed.append((min(spans), spans, fix))
    placed.sort(key=lambda p: p[0])
    taken: list[tuple[int, int]] = []
    changes: list[tuple[int, int, str]] = []
    applied: list[Fix] = []
    for _, spans, fix in placed:
        if any(_overlaps(s, t) for s in spans for t in taken):
            continue
        taken += spans
        changes += [(s[0], s[1], e.text) for s, e in zip(spans, fix.edits)]
        applied.append(fix)
    if not changes:
        return text, []
    changes.sort()
    out, pos = [], 0
    for start, end, new in changes:
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out), applied


_HIDES_SYNTAX = None


def known_lint(findings, text: str, path: Optional[str], config) -> Optional[tuple]:
    """(findings, has a syntax error) for `text` from the findings a lint of it made, when they tell
    whether a goal of it does not parse: every syntax error is then a finding of its own. None when a
    syntax error could be hidden (a syntax rule switched off or not selected, a suppression without
    codes or naming an E code), and the document must be linted again to know."""
    global _HIDES_SYNTAX
    from ..base.errors import SYNTAX_CODES
    from ..linting.pipeline import rules_for
    if config is not None:
        from ..linting.selection import is_selected
        if not all(is_selected(config, code, path) for code in SYNTAX_CODES):
            return None
    rules = rules_for(config)
    if not all((rule := rules.get(code)) is not None and rule.enabled for code in SYNTAX_CODES):
        return None
    if _HIDES_SYNTAX is None:
        import re
        _HIDES_SYNTAX = re.compile(r"smmrules:\s*ignore(?:-file)?(?:(?![\w\[-])|\[[\s,]*\]|\[[^\]]*(?<![A-Za-z0-9])E)",
                                   re.IGNORECASE)
    if _HIDES_SYNTAX.search(text):
        return None
    return findings, any(f.code in SYNTAX_CODES for f in findings)


class FixResult(Record):
    """What `fix_text` did: the new text, the findings whose fixes were applied (over all passes),
    the findings that remain in the new text, and the number of lint passes."""

    __slots__ = ("text", "applied", "remaining", "passes")

    def __init__(self, text: str, applied: tuple, remaining: tuple, passes: int):
        _set(self, "text", text)
        _set(self, "applied", applied)
        _set(self, "remaining", remaining)
        _set(self, "passes", passes)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def lint_text(text: str, *, path: Optional[str] = None, config=None, today=None,
              rules=None) -> tuple[list[Finding], bool]:
    """The findings of a whole document, as `lint` makes them (suppressions and the config's
    selection applied), and whether a goal of it has a syntax error (selected or not); raises
    DocumentLimitError as `lint` does."""
    from ..linting.pipeline import gc_paused, lint_document, read_text_document
    with gc_paused():
        doc = read_text_document(text, path, config, today)
        if doc is None:                 # a Markdown or spreadsheet text that is no longer a brief
            return [], False
        return lint_document(doc, config=config, rules=rules), any(g.error is not None for g in doc.goals)


def fix_text(text: str, *, path: Optional[str] = None, config=None, today=None, rules=None, unsafe: bool = False,
             max_passes: int = MAX_PASSES, first: Optional[tuple] = None) -> FixResult:
    """Lint `text`, apply the fixes `--fix` applies (`unsafe`: also the unsafe ones), and lint again
    until no fix applies or nothing changes, at most `max_passes` lint passes of fixing.

    A document with a syntax error (a goal that does not parse) gets only the fixes of its syntax
    errors. The result's `remaining` findings are those of the final text. `first`: (findings,
    has a syntax error) of `text` when the caller has them already (see `known_lint`)."""
    from ..base.errors import SYNTAX_CODES
    if first is not None:
        findings, broken = list(first[0]), first[1]
    else:
        findings, broken = lint_text(text, path=path, config=config, today=today, rules=rules)
    applied: list[Finding] = []
    passes = 0
    while passes < max_passes:
        fixable = [f for f in findings if f.fix is not None and f.fix.applies(unsafe)]
        if broken:
            fixable = [f for f in fixable if f.code in SYNTAX_CODES]
        if not fixable:
            break
        by_fix = {id(f.fix): f for f in fixable}
        new_text, done = apply_fixes(text, [f.fix for f in fixable])
        passes += 1
        if not done or new_text == text:
            break
        applied += [by_fix[id(fx)] for fx in done]
        text = new_text
        findings, broken = lint_text(text, path=path, config=config, today=today, rules=rules)
    return FixResult(text, tuple(applied), tuple(findings), passes)
