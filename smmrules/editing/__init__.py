"""Editing goal documents: applying the fixes rules declare, and the formatter.

Pure functions on text (`apply_fixes`, `fix_text`, `format_text`) and the file-level code of
`smmrules lint --fix` and `smmrules format` (`smmrules.editing.files`). The language server uses
the same functions. Names are imported on first use: `smmrules lint` without `--fix` never loads them.
"""
from __future__ import annotations

import importlib

_LAZY = {"apply_fixes": "apply", "fix_text": "apply", "FixResult": "apply", "offsets": "apply",
         "format_text": "format", "FormatError": "format"}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
