"""Writing the report file: atomically (a temporary file in the same folder, then renamed over the
target), so that an interrupted run never leaves half a report."""
from __future__ import annotations

import os
import tempfile
from typing import Optional


def write_atomically(path: str, text: str) -> Optional[str]:
    """Write `text` (UTF-8) to `path`; None when done, else why it could not be written."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".smmrules-report-", dir=folder)
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return f"cannot write {path}: {exc.strerror or exc}"
    return None
