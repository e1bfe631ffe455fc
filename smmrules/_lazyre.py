"""Regular expressions compiled on first use.

Compiling a pattern costs 0.1-1 ms, and a module-level `re.compile` pays it on every run,
used or not: config validation, rule-file loading, header values and the reporters' escaping
are not on every run's path. A LazyPattern answers like the compiled pattern it stands for.
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
