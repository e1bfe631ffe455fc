"""The methods attrs writes for its own classes and smmrules' node classes, compiled once and kept in
the artefact cache.

attrs makes each class's methods by writing their source and compiling it, on every run: the
`__init__` of the 15 AST and document node classes (language.ast.node), some 7 M instructions of a
one-file lint, and, while attrs itself is imported, 28 methods of its own classes (Attribute,
Factory, its validators and converters), some 19 M. The code object a source compiles to depends
only on the source, its file name and the Python that compiles it, so attrs is handed a `compile`
that returns the code the last runs compiled from the same source (the entry is authenticated like
every other, and checked to be code), and remember() stores what this run had to compile. Only
attrs' generated sources are served; should attrs stop compiling through `compile`, nothing is
served and every class is built as attrs builds it."""
from __future__ import annotations

import marshal
import sys
from builtins import compile    # Python's own: while attrs is imported, builtins.compile is _compile

MAX_SCRIPTS = 128       # sources kept: attrs' and the node classes' (43), with room for a few versions of attrs
_GENERATED = "<attrs generated"     # how the file name of every source attrs writes begins
# attrs salts the hash of each of its own classes with hash() of a string, which changes with the hash
# seed from run to run: a __hash__ is kept with its salt written as this, and served with the run's salt
_SALT = 7_777_777_777_777_777
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
    """`compile` for attrs: the stored code of a source of attrs' compiled before, else compiled now;
    any other compile is handed on as it came."""
    if (mode != "exec" or args or kwargs or type(source) is not str or type(filename) is not str
            or not filename.startswith(_GENERATED)):
        return compile(source, filename, mode, *args, **kwargs)
    if not _loaded:
        _load()
    source, salt = _salted(source)
    blob = _stored.get((source, filename))
    code = None
    if blob is not None:
        try:
            code = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            code = None
    if type(code) is not type(_compile.__code__):
        code = compile(source, filename, mode)
        _fresh[(source, filename)] = marshal.dumps(code)
    return code if salt is None else _with_salt(code, salt)


def _with_salt(code, salt: int):
    """The code with _SALT, in it or in a function it defines, read as `salt`."""
    return code.replace(co_consts=tuple(
        salt if type(c) is int and c == _SALT else _with_salt(c, salt) if type(c) is type(code) else c
        for c in code.co_consts))


def _salted(source: str) -> tuple[str, int | None]:
    """A __hash__ attrs wrote for one of its classes, with its salt (the first item hashed) written as _SALT,
    and the salt; any other source as it is, and None."""
    head, sep, rest = source.partition("return hash((\n")
    if not sep:
        return source, None
    line, nl, tail = rest.partition("\n")
    literal = line.strip()[:-1]
    if not line.strip().endswith(",") or not literal.lstrip("-").isdigit():
        return source, None
    return head + sep + line.replace(literal, str(_SALT)) + nl + tail, int(literal)


def import_attrs():
    """The attrs package (`attr`), imported with the methods attrs writes for its own classes served by
    _compile. attrs makes those classes while its modules are imported, before anything could give
    attr._make a `compile` of its own as serving() does, so until the import is done the builtin
    `compile` is _compile (which hands every source that is not attrs' on, such as the forward
    references typing compiles meanwhile)."""
    if "attr" not in sys.modules:
        import builtins
        previous = builtins.compile
        builtins.compile = _compile
        try:
            import attr
        finally:
            builtins.compile = previous
    import attr
    return attr


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
