"""Which findings and files a config keeps: select, ignore and per-file-ignores for codes, include and
exclude for the files a folder walk finds. Paths are matched relative to the config's folder."""
from __future__ import annotations

import os
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from pathlib import Path

# `config` below is a linting.config.Config; this module sits under config.py (which re-exports it),
# so it reads the record's fields and never imports it.

from .globs import glob_match, prefix_matches


def _prefixed(code: str, prefixes) -> bool:
    return any(code.startswith(p) for p in prefixes)


def is_selected(config, code: str, path: str | None = None) -> bool:
    """Whether findings of `code` (in the file at `path`) are reported: select, ignore, per-file-ignores."""
    if config.select and not _prefixed(code, config.select):
        return False
    if _prefixed(code, config.ignore):
        return False
    if path is not None and config.per_file_ignores and _prefixed(code, ignored_in(config, path)):
        return False
    return True


@lru_cache(maxsize=256)
def ignored_in(config, path: str) -> tuple[str, ...]:
    """The codes per-file-ignores turns off in the file at `path`: its globs are matched once per file."""
    parts = relative_parts(config, path)
    return tuple(c for glob, codes in config.per_file_ignores
                 if glob_match(glob, parts) or glob_match(glob, parts[-1:]) for c in codes)


def is_excluded(config, path: Path, *, above_checked: bool = False) -> bool:
    """Whether `path` or a folder above it (up to the config's folder) matches an exclude glob.

    `above_checked`: the folder holding `path` is known not to be excluded (a walk admitted it), so
    only the last name and the whole path are matched: a walk down deep folders stays linear."""
    parts = relative_parts(config, path)
    names, globs = _split(config.exclude)
    if parts[-1] in names if above_checked else not names.isdisjoint(parts):
        return True
    return any_glob_excludes(globs, parts, above_checked)


def any_glob_excludes(globs, parts: tuple[str, ...], above_checked: bool) -> bool:
    """Whether one of `globs` excludes the path `parts` (see is_excluded), by the glob engine alone."""
    for glob in globs:
        if above_checked:
            if glob_match(glob, parts[-1:]) or glob_match(glob, parts):
                return True
        elif any(glob_match(glob, (part,)) for part in parts) or any(prefix_matches(glob, parts)):
            return True
    return False


@lru_cache(maxsize=64)
def _split(globs: tuple) -> tuple[frozenset, tuple]:
    """A config's globs split once: plain names (`.git`, `node_modules`: a glob with no wildcard, class
    or separator matches exactly the component equal to it, so a set answers) and the others."""
    names = frozenset(g for g in globs if g and g == g.strip() and g not in (".", "..")
                      and not any(c in g for c in "*?[]/\\"))
    return names, tuple(g for g in globs if g not in names)


def matches_include(config, path: Path) -> bool:
    """Whether a file found in a folder is one to lint (its name or relative path matches include)."""
    parts = relative_parts(config, path)
    return any(glob_match(g, parts[-1:]) or glob_match(g, parts) for g in config.include)


def relative_parts(config, path) -> tuple[str, ...]:
    """Path components relative to the config folder; just the file name for a path outside it.

    Folders above the config's folder never count, so a checkout under `build/` is not excluded.
    """
    full = os.path.abspath(path)
    root = os.path.abspath(config.root)
    if os.name != "posix" or full.startswith("//") or root.startswith("//"):
        # drives and case-insensitive names, or POSIX's implementation-defined "//": pathlib knows them
        from pathlib import PurePath
        try:
            parts = PurePath(full).relative_to(root).parts
        except ValueError:
            parts = ()
        return parts or (PurePath(full).name or full,)
    prefix = root if root.endswith("/") else root + "/"
    parts = tuple(filter(None, full[len(prefix):].split("/"))) if full.startswith(prefix) else ()
    return parts or (os.path.basename(full) or full,)


def unknown_code(code: str, known) -> str | None:
    """None when `code` is a rule code or the prefix of one (or a renamed code); else the message
    that refuses it, with the closest known codes."""
    if any(k.startswith(code) for k in known):
        return None
    from ..base.suggest import close_matches
    close = close_matches(code, sorted(known), n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    return f"unknown rule code or prefix '{code}'{hint}; `smmrules rules` lists the codes"


def unknown_codes_in(config, known) -> list[str]:
    """One line per code of the config's select, ignore and per-file-ignores that names no rule:
    `path:line: key: unknown rule code or prefix 'X' ...`."""
    entries = [(("select",), c) for c in config.select] + [(("ignore",), c) for c in config.ignore]
    entries += [(("per-file-ignores", glob), c) for glob, codes in config.per_file_ignores for c in codes]
    out = []
    for where, code in entries:
        problem = unknown_code(code, known)
        if problem is None:
            continue
        line = next((config.lines[where[:n]] for n in range(len(where), 0, -1) if where[:n] in config.lines), None)
        place = f"{config.path}:{line}: " if config.path and line else (f"{config.path}: " if config.path else "")
        out.append(f"{place}{where[0]}: {problem}")
    return out
