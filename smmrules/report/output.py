"""Writing the report file: atomically (a temporary file in the same folder, then renamed over the
target), so that an interrupted run never leaves half a report."""
from __future__ import annotations

from typing import Optional


def write_atomically(path: str, text: str) -> Optional[str]:
    """Write `text` (UTF-8) to `path`; None when done, else why it could not be written (one line)."""
    from ..editing.files import WriteError, write_atomic
    try:
        write_atomic(path, text)
    except WriteError as exc:
        return str(exc)
    return None
