"""What linting one file produces, handed to the reporters."""
from __future__ import annotations

from typing import Optional

import attrs

from .findings import Finding


@attrs.frozen
class FileResult:
    """Findings for one linted file (or stdin), or the error that stopped it from being linted.

    path: as given on the command line ("-" or --stdin-filename for stdin)
    lines: the file's text split into lines, for showing source under a finding (None when unread)
    error: a one-line message (`path:line:col: what is wrong`) when the file could not be linted
    """
    path: str
    findings: tuple = ()
    lines: Optional[tuple] = None
    error: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.error is None


__all__ = ["FileResult", "Finding"]
