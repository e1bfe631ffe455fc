"""Fixes: the edits that resolve a finding, as a rule declares them.

A `Fix` is a titled list of `Edit`s, each replacing the text between two 1-based positions (the
convention of findings: line and column of the first character, end exclusive) with new text. A
fix is safe (applied by `smmrules lint --fix`), unsafe (only with `--unsafe-fixes`) or, for a
rewording that needs a person's judgement, display-only (shown, never applied by a command).
"""
from __future__ import annotations

from ..base.record import Record, _set

APPLICABILITIES = ("safe", "unsafe", "display-only")


class Edit(Record):
    """Replace the text from (line, column) up to (end_line, end_column), exclusive, with `text`;
    an insertion has its end equal to its start."""

    __slots__ = ("line", "column", "end_line", "end_column", "text")

    def __init__(self, line: int, column: int, end_line: int, end_column: int, text: str):
        if (end_line, end_column) < (line, column):
            raise ValueError(f"an edit ends before it starts: {line}:{column} to {end_line}:{end_column}")
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
        _set(self, "text", text)

    def start(self) -> tuple[int, int]:
        return (self.line, self.column)

    def end(self) -> tuple[int, int]:
        return (self.end_line, self.end_column)

    def to_json(self) -> dict:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "text": self.text}


class Fix(Record):
    """A finding's fix: whether it is safe, its title in the message language, its edits (in
    document order, none overlapping) and whether it is only a suggestion (`display_only`: never
    applied by `--fix` or `--unsafe-fixes`, offered to a person in an editor)."""

    __slots__ = ("safe", "title", "edits", "display_only")

    def __init__(self, safe: bool, title: str, edits: tuple = (), display_only: bool = False):
        edits = tuple(sorted(edits, key=lambda e: (e.start(), e.end())))
        for a, b in zip(edits, edits[1:]):
            if b.start() < a.end():
                raise ValueError(f"the edits of a fix overlap at {b.line}:{b.column}")
        _set(self, "safe", bool(safe) and not display_only)
        _set(self, "title", title)
        _set(self, "edits", edits)
        _set(self, "display_only", bool(display_only))

    @property
    def applicability(self) -> str:
        """"safe", "unsafe" or "display-only" (the names ruff's JSON uses)."""
        return "display-only" if self.display_only else "safe" if self.safe else "unsafe"

    def applies(self, unsafe: bool = False) -> bool:
        """Whether `--fix` (and, with `unsafe`, `--unsafe-fixes`) applies this fix."""
        return not self.display_only and (self.safe or unsafe)

    def to_json(self) -> dict:
        return {"applicability": self.applicability, "title": self.title,
                "edits": [e.to_json() for e in self.edits]}


# The fix kinds: "replace" takes its new text from the rule file (a template); the others are edits
# the engine makes (smmrules/rules/fixkinds.py), each for the entities of one scope.
FIX_KINDS = {
    "replace": None,                      # any scope
    "header-key": "header",               # an unknown header key with exactly one close known key
    "header-date": "header",              # a header date written 15.01.2026, 15/01/2026, 15 января 2026 -> ISO
    "remove-suppression": "suppression",  # an unused suppression comment removed
    "renamed-code": "suppression",        # a renamed code in a suppression replaced by its new code
    "remove-goal": "goal",                # a repeated goal removed, its tasks moved under the first copy
    "lead-promise": "goal",               # guaranteed sales reworded as a promise of leads
}
FIX_KEYS = ("kind", "safe", "suggestion", "replace", "title")
# what a fix title may name besides the scope's message placeholders
TITLE_PLACEHOLDERS = ("replacement", "span")


class FixSpec(Record):
    """A rule's `[rule.fix]`: the kind of fix, whether it is safe or only a suggestion, the new text
    of a "replace" fix (a template over the scope's placeholders and {span}, the text the finding
    points at) and the title in each language (lang -> template; {replacement} is the new text)."""

    __slots__ = ("kind", "safe", "suggestion", "replace", "titles")

    def __init__(self, kind: str, safe: bool = False, suggestion: bool = False, replace: str | None = None,
                 titles: dict | None = None):
        _set(self, "kind", kind)
        _set(self, "safe", safe)
        _set(self, "suggestion", suggestion)
        _set(self, "replace", replace)
        _set(self, "titles", {} if titles is None else titles)

    def __hash__(self):
        return hash((self.kind, self.safe, self.suggestion, self.replace))

    @property
    def applicability(self) -> str:
        return "display-only" if self.suggestion else "safe" if self.safe else "unsafe"

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles["en"]
