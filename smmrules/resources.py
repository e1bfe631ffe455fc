"""Where the grammar and rule data live, in a checkout and inside an installed wheel."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # In a wheel the data is copied into the package (smmrules/_data/<name>); in a checkout
    # or an editable install it sits at the top of the repository, beside the package.
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"smmrules data folder {name!r} not found next to {_PACKAGE}")


def grammar_dir() -> Path:
    return _find("grammar")


def rules_dir() -> Path:
    return _find("rules")
