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


def compile_cached(source: str, flags: int = 0) -> re.Pattern:
    """re.compile(source, flags) for a large pattern, its compiled program kept in the artefact cache.

    `re` compiles in Python: a pattern of a few thousand characters (the tokenizer's) costs about
    5 ms on every run. The program it yields depends only on the source, the flags and the Python
    that runs it, so it is cached under those and handed to `_sre.compile`, which checks a program
    before it accepts it (a bad one raises; entries are authenticated besides). Anything unexpected,
    such as another Python whose `re` internals differ, falls back to `re.compile`."""
    try:
        import _sre
        import sys
        from . import cache
        digest = cache.key("regex", source, str(flags), sys.version, str(_sre.MAGIC), str(_sre.CODESIZE))
        program = cache.load("regex", digest, _whole_program)
        if program is not None:
            try:
                return _sre.compile(source, *program)
            except (RuntimeError, TypeError, ValueError, OverflowError):
                pass                    # a program this Python refuses is made again
        program = _program(source, flags)
        cache.store("regex", digest, program)
        return _sre.compile(source, *program)
    except Exception:  # noqa: BLE001 - the cache is an optimisation: the plain way always works
        return re.compile(source, flags)


def _program(source: str, flags: int) -> tuple:
    """What re._compiler.compile hands to _sre.compile for `source`."""
    from re import _compiler, _parser
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints: re's opcodes and flags are int subclasses, which would pickle as references to re
    return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _whole_program(value) -> bool:
    return (type(value) is tuple and len(value) == 5 and type(value[0]) is int and type(value[1]) is list
            and set(map(type, value[1])) <= {int} and type(value[2]) is int
            and type(value[3]) is dict and type(value[4]) is tuple)


def one_of(chars: str, extra: str = "") -> str:
    r"""A pattern for one of `chars` (or the class items in `extra`, like \s), spelt so that it
    compiles cheaply: `re` turns a class holding characters above U+00FF into a 64K-entry table,
    0.2-0.4 ms each time it is compiled, which is every run. The characters above U+00FF are
    alternatives of their own instead (`c{1}`: a bare `c` would be folded back into the class)."""
    low = "".join(re.escape(c) for c in chars if ord(c) < 0x100)
    alternatives = [f"[{extra}{low}]"] if low or extra else []
    alternatives += [f"{re.escape(c)}{{1}}" for c in chars if ord(c) >= 0x100]
    return "(?:" + "|".join(alternatives) + ")"
