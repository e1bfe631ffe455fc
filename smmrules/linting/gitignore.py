""".gitignore files, honoured when a folder is walked: a file or folder that git ignores is not linted
(a file named on the command line always is).

The patterns of gitignore(5) that briefs' repositories use: blank lines and `#` comments, `!` to
take a path back, a trailing `/` for folders only, a leading or inner `/` anchoring the pattern at
the .gitignore's folder (else it matches a name at any depth), `*`, `?`, `[...]` and `**`, and `\\`
before a leading `#` or `!`. The last pattern that matches decides, the .gitignore files of the
folders above first; a folder that is ignored is not entered, so nothing under it comes back (as in
git). The .gitignore files of the folders from the repository's root (the nearest folder above with
`.git`) down to the walked folder apply too. Globs are matched by linting.globs, in linear time.
"""
from __future__ import annotations

import os

from .globs import MAX_WILDCARDS, glob_match, wildcards

MAX_BYTES = 1_000_000           # a larger .gitignore is read up to here
MAX_PATTERNS = 10_000           # patterns kept from one file


class Rule:
    """One pattern: its glob (relative to `base`, the absolute folder of its .gitignore, ending in a
    separator), whether it takes a path back (`!`), matches folders only, and is anchored at `base`."""

    __slots__ = ("glob", "negated", "folders_only", "anchored", "base")

    def __init__(self, glob: str, negated: bool, folders_only: bool, anchored: bool, base: str):
        self.glob, self.negated, self.folders_only, self.anchored, self.base = \
            glob, negated, folders_only, anchored, base


def parse(text: str, base: str) -> list[Rule]:
    """The rules of a .gitignore in the folder `base`."""
    base = os.path.join(os.path.abspath(base), "")
    rules = []
    for raw in text.splitlines():
        line = raw.rstrip(" \t") if not raw.rstrip(" \t").endswith("\\") else raw
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        if negated:
            line = line[1:]
        if line.startswith(("\\#", "\\!")):
            line = line[1:]
        folders_only = line.endswith("/")
        line = line.rstrip("/")
        anchored = "/" in line
        line = line.lstrip("/")
        if not line or wildcards(line) > MAX_WILDCARDS:
            continue                    # "/" alone, or a pattern too costly to match, is skipped
        rules.append(Rule(line, negated, folders_only, anchored, base))
        if len(rules) >= MAX_PATTERNS:
            break
    return rules


def read(folder: str) -> list[Rule]:
    """The rules of `folder`'s .gitignore (none when it has none or it cannot be read)."""
    try:
        with open(os.path.join(folder, ".gitignore"), "rb") as fh:
            data = fh.read(MAX_BYTES)
    except OSError:
        return []
    return parse(data.decode("utf-8", "replace").lstrip("\ufeff"), folder)


def above(top: str) -> list[Rule]:
    """The rules of the .gitignore files of the folders above `top`, from the repository's root (the
    nearest folder with `.git`) down; none when `top` is in no repository."""
    folder = os.path.dirname(os.path.abspath(top))
    chain = []
    for _ in range(256):
        chain.append(folder)
        if os.path.exists(os.path.join(folder, ".git")):
            return [r for f in reversed(chain) for r in read(f)]
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return []


def ignored(rules: list[Rule], path: str, is_folder: bool) -> bool:
    """Whether the file or folder at `path` is ignored: the last rule that matches decides."""
    if not rules:
        return False
    full = os.path.abspath(path)
    verdict = False
    for rule in rules:
        if (rule.folders_only and not is_folder) or not full.startswith(rule.base):
            continue
        parts = tuple(full[len(rule.base):].split(os.sep))
        if glob_match(rule.glob, parts) if rule.anchored else glob_match(rule.glob, parts[-1:]):
            verdict = not rule.negated
    return verdict
