"""A finding: one rule's verdict on one place in the text, frozen and sortable."""
from __future__ import annotations

from typing import Optional

import attrs

LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


@attrs.frozen(order=False)
class Finding:
    code: str
    name: str
    smart: Optional[str]
    level: str
    message: str
    path: Optional[str]
    line: int
    column: int
    end_line: int
    end_column: int

    def sort_key(self):
        return (self.path or "", self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    def __lt__(self, other: "Finding") -> bool:
        return self.sort_key() < other.sort_key()

    def to_json(self) -> dict:
        return {"code": self.code, "name": self.name, "smart": self.smart, "level": self.level,
                "message": self.message, "path": self.path, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column}
