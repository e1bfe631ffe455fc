"""A finding: one rule's verdict on one place in the text, frozen and sortable."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Optional

    from .fixes import Fix

from ..base.record import Record, _set

LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


class Finding(Record):
    """code, name, SMART letter (or None), level, message, path (None for a bare statement),
    the 1-based span it points at and the fix that resolves it (a rules.fixes.Fix, or None)."""

    __slots__ = ("code", "name", "smart", "level", "message", "path", "line", "column", "end_line",
                 "end_column", "fix")

    def __init__(self, code: str, name: str, smart: Optional[str], level: str, message: str,
                 path: Optional[str], line: int, column: int, end_line: int, end_column: int,
                 fix: Optional[Fix] = None):
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "smart", smart)
        _set(self, "level", level)
        _set(self, "message", message)
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
        _set(self, "fix", fix)

    def sort_key(self):
        return (self.path or "", self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    def __lt__(self, other: "Finding") -> bool:
        return self.sort_key() < other.sort_key()

    def to_json(self, url: Optional[str] = None) -> dict:
        """The JSON form; "url" (the rule's page) and "fix" are there only when the finding has them."""
        out = {"code": self.code, "name": self.name, "smart": self.smart, "level": self.level,
               "message": self.message, "path": self.path, "line": self.line, "column": self.column,
               "end_line": self.end_line, "end_column": self.end_column}
        if url is not None:
            out["url"] = url
        if self.fix is not None:
            out["fix"] = self.fix.to_json()
        return out
