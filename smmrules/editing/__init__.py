"""Editing goal documents: applying the fixes rules declare, and the formatter.

Pure functions on text (`apply_fixes`, `fix_text`, `format_text`) and the file-level code of
`smmrules lint --fix` and `smmrules format` (`files.py`, `commands.py`). The language server uses
the same functions. Nothing on the path of a plain `smmrules lint` imports this package.
"""
from __future__ import annotations

from .apply import FixResult, apply_fixes, fix_text, offsets
from .format import format_text

__all__ = ["FixResult", "apply_fixes", "fix_text", "format_text", "offsets"]
