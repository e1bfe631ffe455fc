"""The methods attrs writes for smmrules' node classes, compiled once and kept in the artefact cache.

attrs makes each class's `__init__` by writing its source and compiling it, on every run: for the
15 AST and document node classes (language.ast.node) that is about a third of what making them
costs, some 7 M instructions of a one-file lint. The code object a source compiles to depends only
on the source, its file name and the Python that compiles it, so serving() hands attrs, while it
builds a node class, a `compile` that returns the code the last runs compiled from the same source
(the entry is authenticated like every other, and checked to be code), and remember() stores what
this run had to compile. Should attrs stop compiling through its module's `compile`, nothing is
served and every class is built as attrs builds it."""
from __future__ import annotations

import marshal
import sys

MAX_SCRIPTS = 64        # sources kept: the node classes' own, with room for a few versions of attrs
_stored: dict = {}      # (source, file name) -> marshalled code, as the cache holds it
_fresh: dict = {}       # the same, for what this run compiled
_loaded: list = []      # [True] once the cache was read in this process


def _key() -> str:
    from . import cache
    return cache.key("attrs-code", sys.version, str(marshal.version))


def _whole(value) -> bool:
    return (type(value) is dict and len(value) <= MAX_SCRIPTS
            and all(type(k) is tuple and len(k) == 2 and type(k[0]) is str and type(k[1]) is str
                    and type(v) is bytes for k, v in value.items()))


def _load() -> None:
    _loaded.append(True)
    try:
        from . import cache
        if cache.enabled():
            _stored.update(cache.load("attrs-code", _key(), _whole) or {})
    except Exception:  # noqa: BLE001 - an optimisation: without it attrs compiles as usual
        pass


def _compile(source, filename, mode, *args, **kwargs):
    """builtins.compile for attrs: the stored code of a source compiled before, else compiled now."""
    if mode != "exec" or args or kwargs or type(source) is not str or type(filename) is not str:
        return compile(source, filename, mode, *args, **kwargs)
    if not _loaded:
        _load()
    blob = _stored.get((source, filename))
    if blob is not None:
        try:
            code = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            code = None
        if type(code) is type(_compile.__code__):
            return code
    code = compile(source, filename, mode)
    _fresh[(source, filename)] = marshal.dumps(code)
    return code


def serving(module) -> bool:
    """Make `module`'s (attrs') `compile` the cached one until done(module); whether it was."""
    if module is None or "compile" in module.__dict__:
        return False
    module.compile = _compile
    return True


def done(module) -> None:
    module.__dict__.pop("compile", None)


def remember() -> int:
    """Store what this run compiled with what the last runs did (how many were new): once, at the
    end of a run."""
    if not _fresh:
        return 0
    try:
        from . import cache
        if not cache.enabled():
            return 0
        kept = {**_fresh, **{k: v for k, v in _stored.items() if k not in _fresh}}
        cache.store("attrs-code", _key(), dict(list(kept.items())[:MAX_SCRIPTS]))
        _stored.update(_fresh)
        new = len(_fresh)
        _fresh.clear()
        return new
    except Exception:  # noqa: BLE001 - an optimisation: what is not stored is compiled next time
        return 0
