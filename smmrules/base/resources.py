"""Where the grammar and rule data live, in a checkout and inside an installed wheel.

`grammar_file` and `rules_folder` give plain strings (the lint path does not import pathlib);
`grammar_dir` and `rules_dir` give the same folders as Paths.
"""
from __future__ import annotations

import functools
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

_PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))   # smmrules/, above base/


@functools.lru_cache(maxsize=None)
def _find(name: str) -> str:
    # In a wheel the data is copied into the package (smmrules/_data/<name>); in a checkout
    # or an editable install it sits at the top of the repository, beside the package.
    for candidate in (os.path.join(_PACKAGE, "_data", name), os.path.join(os.path.dirname(_PACKAGE), name)):
        if os.path.isdir(candidate):
            return candidate
    raise FileNotFoundError(f"smmrules data folder {name!r} not found next to {_PACKAGE}")


def grammar_file(*parts: str) -> str:
    """A file (or folder) under the grammar data folder."""
    return os.path.join(_find("grammar"), *parts)


def rules_folder() -> str:
    return _find("rules")


def grammar_dir() -> Path:
    from pathlib import Path
    return Path(_find("grammar"))


def rules_dir() -> Path:
    from pathlib import Path
    return Path(_find("rules"))
