"""The language server (`smmrules server`): findings as you type, hover, completion, code actions.

It needs the `lsp` extra (pygls and lsprotocol); `run()` says so in one line when they are missing.
Only protocol.py imports them."""
from __future__ import annotations

INSTALL_HINT = "smmrules server needs the lsp extra: pip install 'smmrules[lsp]'"


def missing_extra() -> str | None:
    """The one line to print when pygls or lsprotocol cannot be imported, else None."""
    import importlib.util
    for name in ("pygls", "lsprotocol"):
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            return f"{INSTALL_HINT} ({name} is not installed)"
    return None


def run() -> int:
    """Serve over stdio until the client ends the session; 2 (and the line above on stderr) without the extra."""
    import sys
    problem = missing_extra()
    if problem is not None:
        print(f"smmrules: error: {problem}", file=sys.stderr)
        return 2
    from .protocol import run as serve
    return serve()
