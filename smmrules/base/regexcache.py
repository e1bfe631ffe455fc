"""Regular expressions compiled once per Python, their programs kept in the artefact cache.

compile_cached() serves one large pattern (the tokenizer's). warm() and remember() serve every other
pattern a run compiles, smmrules' own and those the standard library compiles when it is imported
(platform, argparse, gettext: about 30 patterns, 5% of the instructions of a one-file lint): the
programs of the patterns the last runs compiled are put into `re`'s own cache before anything
compiles them, and a run that compiled new ones adds them for the next."""
from __future__ import annotations

import re

# at most this many patterns are kept: what a few kinds of run compile, well under re's own cache size
MAX_PATTERNS = 256
_warmed: set = set()                    # the (type, pattern, flags) keys warm() put into re's cache
_tried: list = []                       # [True] once warm() has run in this process
_refused: set = set()                   # keys whose stored program _sre refused: dropped by remember()


def tried() -> bool:
    """Whether warm() has run in this process (a second run in one process finds re's cache warm)."""
    return bool(_tried)


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


def _set_key() -> str:
    import _sre
    import sys
    from . import cache
    return cache.key("regexset", sys.version, str(_sre.MAGIC), str(_sre.CODESIZE))


def warm() -> int:
    """Put the compiled patterns of the last runs into re's cache (how many). Nothing happens when
    the cache is off or `re` keeps its cache another way; a program `_sre` refuses is left out."""
    _tried.append(True)
    try:
        import _sre
        from . import cache
        store = getattr(re, "_cache", None)
        if type(store) is not dict or not cache.enabled():
            return 0
        entries = cache.load("regexset", _set_key(), _whole_set)
        if entries is None:
            return 0
        for source, flags, program in entries:
            k = (type(source), source, flags)
            if k in store:
                continue
            try:
                store[k] = _sre.compile(source, *program)
            except (RuntimeError, TypeError, ValueError, OverflowError):
                _refused.add(k)         # compiled as usual in this run, and made again for the next
                continue
            _warmed.add(k)
        return len(_warmed)
    except Exception:  # noqa: BLE001 - an optimisation: without it every pattern is compiled as usual
        return 0


def remember() -> int:
    """Store the patterns this run compiled (re's cache, less those warm() put there) with the last
    runs' (how many were new). Called once, at the end of a run that may have compiled new ones."""
    try:
        store = getattr(re, "_cache", None)
        if type(store) is not dict:
            return 0
        from . import cache
        if not cache.enabled():
            return 0
        new = [k for k in list(store) if k not in _warmed and _storable(k)]
        if not new and not _refused:
            return 0
        digest = _set_key()
        old = [e for e in cache.load("regexset", digest, _whole_set) or [] if (type(e[0]), e[0], e[1]) not in _refused]
        have = {(type(source), source, flags) for source, flags, _ in old}
        fresh = [(source, flags, _program(source, flags)) for kind, source, flags in new
                 if (kind, source, flags) not in have]
        if not fresh and not _refused:
            return 0
        _refused.clear()
        cache.store("regexset", digest, (fresh + old)[:MAX_PATTERNS])     # this run's patterns first
        return len(fresh)
    except Exception:  # noqa: BLE001 - an optimisation: a pattern not remembered is compiled next time
        return 0


def _storable(k) -> bool:
    """A key of re's cache whose pattern can be kept: a str or bytes pattern of a sane length, with
    plain flags (re.DEBUG prints while compiling, so such a pattern is never served from a cache)."""
    return (type(k) is tuple and len(k) == 3 and type(k[1]) in (str, bytes) and type(k[2]) is int
            and len(k[1]) <= 20_000 and not k[2] & re.DEBUG)


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


def _whole_set(value) -> bool:
    """A stored set: a list of (str or bytes pattern, int flags, program) of at most MAX_PATTERNS."""
    return (type(value) is list and len(value) <= MAX_PATTERNS
            and all(type(e) is tuple and len(e) == 3 and type(e[0]) in (str, bytes) and type(e[1]) is int
                    and _whole_program(e[2]) for e in value))


def _whole_program(value) -> bool:
    return (type(value) is tuple and len(value) == 5 and type(value[0]) is int and type(value[1]) is list
            and set(map(type, value[1])) <= {int} and type(value[2]) is int
            and type(value[3]) is dict and type(value[4]) is tuple)
