"""Large regular expressions compiled once per Python, their programs kept in the artefact cache."""
from __future__ import annotations

import re


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
