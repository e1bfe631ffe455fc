"""Line and column of keys in a TOML file, so rule-file errors can point into the file.

tomllib gives values but not positions; this scanner records, for each table occurrence
and key, where its value starts. It understands the subset of TOML rule files use:
[table], [[array]], dotted keys and single- or multi-line strings.
"""
from __future__ import annotations

import re

# Possessive quantifiers: no backtracking, so a long run of spaces costs linear time (the lazy
# forms were cubic: a 4,000-space line took a minute). Names keep their spaces; callers strip them.
_HEADER = re.compile(r"^\s*+(\[\[?+)\s*+([A-Za-z0-9_.\-\" ]++)\s*+\]\]?+\s*+(#.*)?$")
_KEY = re.compile(r"^\s*+([A-Za-z0-9_\-\"'. ]++)\s*+=\s*")


class Positions:
    """Maps (table path with array indexes, key) -> (line, column of the value's first char)."""

    def __init__(self, text: str):
        self.keys: dict[tuple, tuple[int, int, str]] = {}
        self.tables: dict[tuple, int] = {}
        self._latest: dict[tuple, int] = {}      # array-of-tables path -> index of its last element
        counters = self._latest
        current: tuple = ()
        in_multiline = None
        for lineno, line in enumerate(text.split("\n"), start=1):
            if in_multiline:
                if in_multiline in line:
                    in_multiline = None
                continue
            m = _HEADER.match(line)
            if m and not line.lstrip().startswith("#"):
                names = tuple(p.strip().strip('"') for p in m.group(2).split("."))
                if m.group(1) == "[[":
                    parent = self._resolve(names[:-1], current)
                    key = parent + (names[-1],)
                    counters[key] = counters.get(key, -1) + 1
                    current = key + (counters[key],)
                else:
                    current = self._resolve(names[:-1], current) + (names[-1],)
                self.tables[current] = lineno
                continue
            m = _KEY.match(line)
            if m and not line.lstrip().startswith("#"):
                key = tuple(p.strip().strip("\"'") for p in m.group(1).split("."))
                col = m.end() + 1
                rest = line[m.end():]
                self.keys[current + key] = (lineno, col, rest[:3], len(line) - len(line.lstrip()) + 1,
                                            rest[3:].strip() == "")
                for delim in ('"""', "'''"):
                    if rest.startswith(delim) and rest.count(delim) == 1:
                        in_multiline = delim

    def _resolve(self, names: tuple, current: tuple) -> tuple:
        """Parent path of a header, with the array index of the latest element of each array."""
        out: tuple = ()
        for name in names:
            out = out + (name,)
            # an array of tables referenced by name means its last element
            if out in self._latest:
                out = out + (self._latest[out],)
        return out

    def key(self, path: tuple) -> tuple[int, int]:
        """(line, column) where the key at `path` is written."""
        hit = self.keys.get(path)
        return (hit[0], hit[3]) if hit else self.value(path)

    def value(self, path: tuple) -> tuple[int, int]:
        """(line, column) where the value at `path` starts; falls back to the enclosing table."""
        hit = self.keys.get(path)
        if hit:
            return hit[0], hit[1]
        for n in range(len(path) - 1, 0, -1):
            if path[:n] in self.tables:
                return self.tables[path[:n]], 1
        return 1, 1

    def string_start(self, path: tuple) -> tuple[int, int]:
        """(line, column) of the first character inside the string value at `path`."""
        hit = self.keys.get(path)
        if not hit:
            return self.value(path)
        line, col, opening, _, rest_empty = hit
        if opening in ('"""', "'''"):
            # TOML drops a newline right after the opening delimiter
            return (line + 1, 1) if rest_empty else (line, col + 3)
        return line, col + 1


# --- bounds checked before tomllib reads a file from a repository -----------------------------
# tomllib recurses once per level of nested arrays and inline tables (a few hundred levels exhaust
# Python's stack, at a depth that depends on the caller's), and its work on a dotted key or table
# name grows with the square of its parts (80,000 parts took half a minute). Both are refused first.
MAX_NESTING = 64        # levels of [arrays] and {inline tables} inside one another
MAX_KEY_PARTS = 100     # parts of one dotted key or [table.name]

_PART = r'(?:[A-Za-z0-9_\-]++|"(?:[^"\\\n]|\\.)*+"|\'[^\'\n]*+\')'
# one scan: a dotted chain of too many parts (tried first, from the start of a key only), else a string
# or a comment (skipped whole, so what is inside them never counts), else a bracket
_SCAN = re.compile(rf"""(?P<dotted>(?<![\w\-."'])(?:{_PART}[ \t]*+\.[ \t]*+){{{MAX_KEY_PARTS}}}{_PART})"""
                   r'''|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*+"|\'[^\'\n]*+\'|#[^\n]*+'''
                   r"|(?P<open>[\[{])|(?P<close>[\]}])")


def _place(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def bounds_error(text: str) -> tuple[str, int, int] | None:
    """(what is wrong, line, column) when `text` nests deeper than MAX_NESTING or has a dotted key or
    table name of more than MAX_KEY_PARTS parts; None when it is within both. What is inside strings
    and comments does not count. One regular-expression scan, linear in the text."""
    depth = 0
    for m in _SCAN.finditer(text):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
            if depth > MAX_NESTING:
                return (f"arrays or inline tables nested more than {MAX_NESTING} levels deep", *_place(text, m.start()))
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "dotted":
            return (f"a dotted key or table name of more than {MAX_KEY_PARTS} parts", *_place(text, m.start()))
    return None
