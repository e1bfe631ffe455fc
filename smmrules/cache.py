"""The on-disk cache of built artefacts (LALR tables, lexicons, compiled rule files) and results.

Entries live in the user's cache directory (SMMRULES_CACHE_DIR, else $XDG_CACHE_HOME/smmrules,
else ~/.cache/smmrules), named by a hash of everything they were built from, so a changed input
is never served stale: it simply misses. A missing, unreadable or corrupt entry is rebuilt, never
an error. `--no-cache` (or SMMRULES_NO_CACHE=1) turns the cache off for a run.
"""
from __future__ import annotations

import functools
import os

try:  # the C pickler itself: pickle.py adds struct, re and its own classes, a millisecond a run
    from _pickle import PicklingError, dump as _dump, dumps as _dumps, load as _load, loads
except ImportError:  # pragma: no cover - a Python without the accelerator
    from pickle import PicklingError, dump as _dump, dumps as _dumps, load as _load, loads

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from pathlib import Path
    from typing import Callable, Iterable, TypeVar

    T = TypeVar("T")

try:  # the builtin hashlib wraps: importing hashlib itself loads OpenSSL, milliseconds on every run
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as _blake2b

_PROTOCOL = 5  # pickle.HIGHEST_PROTOCOL of every Python smmrules supports
FORMAT = "2"  # bump when the layout of a cached object changes
_disabled = False
_memo: dict = {}


def disable() -> None:
    global _disabled
    _disabled = True


def enabled() -> bool:
    return not _disabled and os.environ.get("SMMRULES_NO_CACHE", "") in ("", "0")


def directory() -> Path:
    from pathlib import Path
    return Path(_folder())


def _folder() -> str:
    """The cache directory as a string (the lint path does not import pathlib)."""
    explicit = os.environ.get("SMMRULES_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "smmrules")


@functools.lru_cache(maxsize=1)
def _lark_stamp() -> str:
    """Which Lark built a table, without importing Lark: its __init__.py on sys.path, as the
    import system finds a regular package (importlib's spec lookup for anything else)."""
    import sys
    for entry in sys.path:
        origin = os.path.join(entry or os.getcwd(), "lark", "__init__.py")
        try:
            st = os.stat(origin)
        except (OSError, ValueError):
            continue
        return f"{os.path.abspath(origin)}:{st.st_size}:{st.st_mtime_ns}"
    import importlib.util
    try:
        spec = importlib.util.find_spec("lark")
        origin = spec.origin if spec else None
        if origin:
            st = os.stat(origin)
            return f"{origin}:{st.st_size}:{st.st_mtime_ns}"
    except (ImportError, OSError, ValueError):
        pass
    return "no-lark"


def _files_stamp(tops, suffix: str = "") -> str:
    """Names, sizes and times of the files under `tops` whose names end with `suffix`."""
    out = []
    for top in tops:
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(suffix):
                    try:
                        st = os.stat(os.path.join(folder, name))
                        out.append(f"{folder}/{name}:{st.st_size}:{st.st_mtime_ns}")
                    except OSError:
                        pass
    return ";".join(out)


@functools.lru_cache(maxsize=1)
def _code_stamp() -> str:
    """smmrules' own source files (sizes and times): a changed module never reads an old layout."""
    return _files_stamp([os.path.dirname(os.path.abspath(__file__))], ".py")


@functools.lru_cache(maxsize=1)
def data_stamp() -> str:
    """The package's own data (grammar, lexicons, built-in rule files): names, sizes and times.
    A result depends on them as much as on the code, and a release never changes one in place."""
    from .resources import grammar_file, rules_folder
    return _files_stamp([grammar_file(), rules_folder()])


def hasher():
    """A fresh 256-bit BLAKE2b hash object (cache keys and rule fingerprints)."""
    return _blake2b(digest_size=32)


def key(*parts: bytes | str, files: Iterable[Path | str] = ()) -> str:
    """A hash of the parts, the files' paths and contents, smmrules' version and code, and Lark's."""
    from . import __version__
    h = hasher()
    for part in (FORMAT, __version__, _code_stamp(), _lark_stamp(), *parts):
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    for f in sorted(os.fspath(p) for p in files):
        h.update(f.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        with open(f, "rb") as fh:
            h.update(fh.read())
        h.update(b"\0")
    return h.hexdigest()


def load(kind: str, digest: str):
    if not enabled():
        return None
    path = os.path.join(_folder(), f"{kind}-{digest[:40]}.pickle")
    try:
        with open(path, "rb") as fh:
            return _load(fh)
    except Exception:  # noqa: BLE001 - a broken or stale entry is rebuilt, never an error
        return None


def store(kind: str, digest: str, value) -> None:
    if not enabled():
        return
    folder = _folder()
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        # a private temporary name beside the entry (tempfile would import random and OpenSSL)
        tmp = os.path.join(folder, f".{kind}-{os.getpid()}-{os.urandom(8).hex()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                _dump(value, fh, protocol=_PROTOCOL)
            os.replace(tmp, os.path.join(folder, f"{kind}-{digest[:40]}.pickle"))
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except (OSError, PicklingError):
        pass  # a read-only home or a full disk only costs speed


def dumps(value) -> bytes:
    """`value` pickled as the cache pickles its entries."""
    return _dumps(value, protocol=_PROTOCOL)


def _ours(name: str) -> bool:
    """Whether a file name is one smmrules writes: `KIND-HEX.pickle`, or a temporary `.KIND-...tmp`."""
    if name.endswith(".pickle"):
        kind, _, digest = name[:-len(".pickle")].rpartition("-")
        return bool(kind) and len(digest) == 40 and all(c in "0123456789abcdef" for c in digest)
    return name.startswith(".") and name.endswith(".tmp") and "-" in name


def clean() -> tuple[int, int]:
    """Delete every entry of the cache directory (its own files only, never anything else in it).
    Returns (files removed, bytes freed); a missing directory is an empty cache."""
    removed = freed = 0
    try:
        entries = list(os.scandir(_folder()))
    except (FileNotFoundError, NotADirectoryError):
        return 0, 0
    for entry in entries:
        if entry.is_file(follow_symlinks=False) and _ours(entry.name):
            try:
                size = entry.stat(follow_symlinks=False).st_size
                os.unlink(entry.path)
            except FileNotFoundError:
                continue            # another run removed or replaced it first
            removed += 1
            freed += size
    _memo.clear()
    return removed, freed


def data_file(path: Path | str) -> dict:
    """One of the package's TOML data files, parsed once and cached by its contents: a warm run
    does not import tomllib for it."""
    def build() -> dict:
        import tomllib
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    return cached("toml", key(str(path), files=[path]), build)


def cached(kind: str, digest: str, build: Callable[[], T]) -> T:
    """The value stored under (kind, digest), built and stored on a miss."""
    memo_key = (kind, digest)
    if memo_key in _memo:
        return _memo[memo_key]
    value = load(kind, digest)
    if value is None:
        value = build()
        store(kind, digest, value)
    _memo[memo_key] = value
    return value
