"""Regular expressions that cost little to compile, on every run.

Compiling a pattern costs 0.1-1 ms, and a module-level `re.compile` pays it on every run,
used or not: config validation, rule-file loading, header values and the reporters' escaping
are not on every run's path. A LazyPattern answers like the compiled pattern it stands for,
compiling it on first use. `one_of` spells a set of characters so that it compiles cheaply.
"""
from __future__ import annotations

import re


class LazyPattern:
    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0):
        self._source = source
        self._flags = flags
        self._compiled = None

    @property
    def compiled(self) -> re.Pattern:
        compiled = self._compiled
        if compiled is None:  # two threads may both compile: the results are equal, either will do
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled

    def __getattr__(self, name: str):
        # only names that are not slots get here: search, match, fullmatch, sub, finditer, pattern...
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


def one_of(chars: str, extra: str = "") -> str:
    r"""A pattern for one of `chars` (or the class items in `extra`, like \s), spelt so that it
    compiles cheaply: `re` turns a class holding characters above U+00FF into a 64K-entry table,
    0.2-0.4 ms each time it is compiled, which is every run. The characters above U+00FF are
    alternatives of their own instead (`c{1}`: a bare `c` would be folded back into the class)."""
    low = "".join(re.escape(c) for c in chars if ord(c) < 0x100)
    alternatives = [f"[{extra}{low}]"] if low or extra else []
    alternatives += [f"{re.escape(c)}{{1}}" for c in chars if ord(c) >= 0x100]
    return "(?:" + "|".join(alternatives) + ")"
