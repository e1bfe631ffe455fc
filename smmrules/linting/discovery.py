"""Finding a run's config: the nearest .smmrules.toml, or pyproject.toml with [tool.smmrules], at or
above a path."""
from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from pathlib import Path

from .keys import MAX_CONFIG_BYTES


def _mentions_us(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.smmrules] table (or is too broken or big to tell)."""
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            return True                     # load_config reports the size
        raw = path.read_bytes()
    except OSError:
        return False
    if b"smmrules" not in raw:
        return False                        # most pyproject.toml files: no need to parse them
    from ..base.tomlfile import TomlProblem, parse
    try:
        data = parse(raw.decode("utf-8").lstrip("\ufeff"))
    except (UnicodeDecodeError, TomlProblem):
        return True                         # broken, and it mentions us: load_config says why
    tool = data.get("tool")
    return isinstance(tool, dict) and "smmrules" in tool


def find_config(start: Path | str) -> Path | None:
    """The nearest .smmrules.toml, or pyproject.toml with [tool.smmrules], in `start` or above.
    (Plain os.path: a run without a config file does not import pathlib.)"""
    here = os.path.abspath(start)
    if os.path.isfile(here):
        here = os.path.dirname(here)
    while True:
        own = os.path.join(here, ".smmrules.toml")
        if os.path.isfile(own):
            return as_path(own)
        pyproject = os.path.join(here, "pyproject.toml")
        if os.path.isfile(pyproject) and _mentions_us(as_path(pyproject)):
            return as_path(pyproject)
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def as_path(name):
    from pathlib import Path
    return Path(name)
