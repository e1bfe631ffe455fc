"""A finding: one rule's verdict on one place in the text, frozen and sortable."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Optional

from ..base.record import Record, _set

LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


class Finding(Record):
    """code, name, SMART letter (or None), level, message, path (None for a bare statement) and
    the 1-based span it points at."""

    __slots__ = ("code", "name", "smart", "level", "message", "path", "line", "column", "end_line",
                 "end_column")

    def __init__(self, code: str, name: str, smart: Optional[str], level: str, message: str,
                 path: Optional[str], line: int, column: int, end_line: int, end_column: int):
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

    def sort_key(self):
        return (self.path or "", self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    def __lt__(self, other: "Finding") -> bool:
        return self.sort_key() < other.sort_key()

    def to_json(self) -> dict:
        return {"code": self.code, "name": self.name, "smart": self.smart, "level": self.level,
                "message": self.message, "path": self.path, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column}
