"""The on-disk cache of built artefacts (LALR tables, lexicons, compiled rule files) and results.

Entries live in the user's cache directory (SMMRULES_CACHE_DIR, else $XDG_CACHE_HOME/smmrules,
else ~/.cache/smmrules), named by a hash of everything they were built from, so a changed input
is never served stale: it simply misses. `--no-cache` (or SMMRULES_NO_CACHE=1) turns the cache off
for a run: nothing is read or written.

An entry is a pickle, and unpickling runs code the pickle names; so no byte of an entry is
unpickled before it is authenticated. Each entry carries a keyed BLAKE2b MAC of its kind, its full
key and its bytes, made with a per-user secret (`cache.key`, 32 random bytes) kept outside the
cache directory, in $XDG_CONFIG_HOME/smmrules or ~/.config/smmrules. Someone who can write to the
cache directory but not read that file cannot make an entry that passes, nor move one entry to
another's name. A directory or key that others could write (or that belongs to another user) is
refused with one warning line, and the run goes on without the cache. What passes the MAC is then
checked for the shape its caller expects; anything else (a missing, truncated, flipped, foreign or
misshapen entry) is a miss and is rebuilt, never an error. `clean` removes only the files listed
in the cache's manifest, whose every line is authenticated the same way. See SECURITY.md.
"""
from __future__ import annotations

import functools
import os

try:  # the C pickler itself: pickle.py adds struct, re and its own classes, a millisecond a run
    from _pickle import PicklingError, dumps as _dumps, loads
except ImportError:  # pragma: no cover - a Python without the accelerator
    from pickle import PicklingError, dumps as _dumps, loads

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from pathlib import Path
    from typing import Callable, Iterable, TypeVar

    T = TypeVar("T")

try:  # the builtin hashlib wraps: importing hashlib (or hmac) loads OpenSSL, milliseconds on every run
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as _blake2b

try:  # hmac.compare_digest without importing hmac (and so hashlib)
    from _operator import _compare_digest
except ImportError:  # pragma: no cover
    from hmac import compare_digest as _compare_digest

_PROTOCOL = 5  # pickle.HIGHEST_PROTOCOL of every Python smmrules supports
FORMAT = "3"  # bump when the layout of a cached object changes
_MAGIC = b"smmrules cache 3\n"  # what an entry file starts with, before its MAC
_TAG = 32  # bytes of an entry's MAC
_KEY_BYTES = 32
MANIFEST = "manifest"  # the list of files this cache directory holds that smmrules wrote
_disabled = False
_memo: dict = {}
_dirs: dict = {}  # folder -> whether it may hold the cache (checked once per process)
_keys: dict = {}  # key file -> its key, or b"" when it cannot be trusted (a warning was given)
_warned: list = []


def disable() -> None:
    global _disabled
    _disabled = True


def enabled() -> bool:
    return not _disabled and os.environ.get("SMMRULES_NO_CACHE", "") in ("", "0")


class off:
    """`with cache.off():` nothing is read from or written to the cache inside (the previous state
    is restored after, so one `--no-cache` command does not turn it off for the rest of a process)."""

    def __enter__(self):
        global _disabled
        self._was, _disabled = _disabled, True
        return self

    def __exit__(self, *exc):
        global _disabled
        _disabled = self._was
        return False


def forget() -> None:
    """Drop what this process remembers: built values, checked folders and keys, given warnings."""
    _memo.clear()
    _dirs.clear()
    _keys.clear()
    _warned.clear()


def directory() -> Path | None:
    """The cache directory, or None when there is none (no home directory to keep it in)."""
    from pathlib import Path
    folder = _folder()
    return Path(folder) if folder else None


def _base(variable: str, default: str) -> str:
    """$XDG_CACHE_HOME or $XDG_CONFIG_HOME (an absolute path, as the XDG spec requires), else that
    folder in the home directory; "" when there is no home to find (no HOME and no account entry:
    "~" would then be a folder in the working directory, the repository being linted)."""
    value = os.environ.get(variable, "")
    if os.path.isabs(value):
        return value
    home = os.path.expanduser("~")
    return os.path.join(home, default) if os.path.isabs(home) else ""


def _folder() -> str:
    """The cache directory as a string (the lint path does not import pathlib); "" for none."""
    explicit = os.environ.get("SMMRULES_CACHE_DIR")
    if explicit:
        return explicit
    base = _base("XDG_CACHE_HOME", ".cache")
    return os.path.join(base, "smmrules") if base else ""


def key_file() -> str:
    """Where the per-user cache key lives: outside the cache directory, with the user's settings
    ("" when there is no home directory to keep it in)."""
    base = _base("XDG_CONFIG_HOME", ".config")
    return os.path.join(base, "smmrules", "cache.key") if base else ""


# ------------------------------------------------------------------ trusting folders and the key
def _warn(message: str) -> None:
    """One line on stderr, once per process and message; the run goes on without the cache."""
    if message not in _warned:
        _warned.append(message)
        import sys
        try:
            print(f"smmrules: warning: {message}; running without the cache", file=sys.stderr)
        except (OSError, ValueError, AttributeError):  # no usable stderr: the warning is lost, not the run
            pass


def _unsafe(st, folder: bool) -> str | None:
    """Why a folder (or the key file) found by os.stat cannot be trusted, or None."""
    import stat
    if folder and not stat.S_ISDIR(st.st_mode):
        return "is not a directory"
    if not folder and not stat.S_ISREG(st.st_mode):
        return "is not a regular file"
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # pragma: no cover - Windows: the profile's ACLs keep other users out
        return None
    if st.st_uid != getuid():
        return f"belongs to another user (uid {st.st_uid})"
    if st.st_mode & (0o022 if folder else 0o077):
        return f"is {'writable' if folder else 'readable or writable'} by other users (mode {st.st_mode & 0o777:04o})"
    return None


def _private_folder(folder: str, what: str) -> str:
    """Make `folder` and any missing parent with mode 0700, checking each folder made (another user
    may have made it first); then check `folder` itself. "ok"; "refused" (after a warning) when it
    cannot be trusted; "cannot" when it cannot be made (a read-only home only costs speed)."""
    folder = os.path.abspath(folder)
    missing = []
    head = folder
    while True:
        try:
            os.stat(head)
            break
        except FileNotFoundError:
            missing.append(head)
            parent = os.path.dirname(head)
            if parent == head:
                return "cannot"
            head = parent
        except OSError:
            return "cannot"
    for made in reversed(missing):
        try:
            os.mkdir(made, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return "cannot"
        if made != folder:
            verdict = _trusted_folder(made, f"{what} {folder}: its parent {made}")
            if verdict != "ok":
                return verdict
    return _trusted_folder(folder, f"{what} {folder}")


def _trusted_folder(path: str, named: str) -> str:
    """"ok" for a folder only its owner (this user) can write; "refused" after a warning naming it
    `named`; "cannot" when it cannot be looked at."""
    try:
        problem = _unsafe(os.stat(path), True)
    except OSError:
        return "cannot"
    if problem:
        _warn(f"{named} {problem}")
        return "refused"
    return "ok"


def _usable(folder: str, create: bool) -> bool:
    """Whether the cache directory may be read (and written): it exists (or, with `create`, was
    made), it is a directory of the current user's, and no other user can write to it."""
    state = _dirs.get(folder)
    if state is not None:
        return state
    if not folder:
        return False
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        if not create:
            return False            # nothing cached yet; not remembered: a store may make it
        state = _private_folder(folder, "the cache directory") == "ok"
    except OSError:
        state = False               # a file where a folder should be, and the like: only costs speed
    else:
        problem = _unsafe(st, True)
        if problem:
            _warn(f"the cache directory {folder} {problem}")
        state = problem is None
    _dirs[folder] = state
    return state


def _read_key(path: str) -> bytes | None:
    """The key in `path` (None if there is none yet); b"" after a warning if it cannot be trusted."""
    try:
        problem = _unsafe(os.stat(os.path.dirname(path)), True)
    except FileNotFoundError:
        return None
    except OSError:
        return b""
    if problem:
        _warn(f"the folder of the cache key {os.path.dirname(path)} {problem}")
        return b""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        _warn(f"the cache key {path} cannot be read ({exc.strerror or exc}; a symbolic link is refused)")
        return b""
    try:
        problem = _unsafe(os.fstat(fd), False)
        data = b"" if problem else os.read(fd, _KEY_BYTES + 1)
    except OSError as exc:
        problem = f"cannot be read ({exc.strerror or exc})"
    finally:
        os.close(fd)
    if problem is None and len(data) != _KEY_BYTES:
        problem = f"is damaged (it must hold {_KEY_BYTES} bytes; delete it and a new one is made)"
    if problem:
        _warn(f"the cache key {path} {problem}")
        return b""
    return data


def _new_key(path: str) -> bytes | None:
    """Make the key file: 32 random bytes, mode 0600, in a private folder, put in place atomically
    (a hard link never replaces a key that another process made first)."""
    folder = os.path.dirname(path)
    made = _private_folder(folder, "the folder of the cache key")
    if made != "ok":
        return b"" if made == "refused" else None
    tmp = os.path.join(folder, f".cache.key.{os.getpid()}.{os.urandom(8).hex()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_BINARY", 0), 0o600)
    except OSError:
        return None
    try:
        try:
            os.write(fd, os.urandom(_KEY_BYTES))
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass                    # another process made it first: use theirs
        except OSError:             # pragma: no cover - a file system without hard links
            if not os.path.lexists(path):
                os.replace(tmp, path)
    except OSError:
        return None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    return _read_key(path)


def _key(create: bool) -> bytes | None:
    """The per-user secret key, made on first use when `create`; None when there is none to use."""
    path = key_file()
    if not path:
        return None
    found = _keys.get(path)
    if found is None:
        found = _read_key(path)
        if found is None and create:
            found = _new_key(path)
        if found is None:
            return None             # not remembered: a later store may make it
        _keys[path] = found
    return found or None


def _mac(secret: bytes, *parts) -> bytes:
    h = _blake2b(key=secret, digest_size=_TAG, person=b"smmrules-cache")
    for part in parts:
        h.update(part)
        h.update(b"\0")
    return h.digest()


def _name(kind: str, digest: str) -> str:
    return f"{kind}-{digest[:40]}.pickle"


# ------------------------------------------------------------------ keys of entries
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
    return _files_stamp([os.path.dirname(os.path.dirname(os.path.abspath(__file__)))], ".py")   # all of smmrules/


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
    from .version import __version__
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


# ------------------------------------------------------------------ entries
def load(kind: str, digest: str, check: Callable[[object], bool] | None = None):
    """The value stored under (kind, digest), or None: a missing entry, one whose MAC does not
    verify, one that does not unpickle, or one that `check` does not accept."""
    where = _place(create=False)
    if where is None:
        return None
    folder, secret = where
    try:
        with open(os.path.join(folder, _name(kind, digest)), "rb") as fh:
            data = fh.read()
    except (OSError, ValueError):
        return None
    head = len(_MAGIC) + _TAG
    if len(data) <= head or not data.startswith(_MAGIC):
        return None
    payload = memoryview(data)[head:]
    if not _compare_digest(_mac(secret, kind.encode(), digest.encode(), payload), data[len(_MAGIC):head]):
        return None
    try:
        value = loads(payload)
    except Exception:  # noqa: BLE001 - an entry of an older layout is rebuilt, never an error
        return None
    if check is not None:
        try:
            accepted = check(value)
        except Exception:  # noqa: BLE001 - a check that trips on a misshapen value rejects it
            accepted = False
        if not accepted:
            return None
    return value


def stored(kind: str, digest: str) -> bool:
    """Whether an entry file exists under (kind, digest): a cheap look before deciding where work
    runs; only load() says whether the entry is intact and may be used."""
    if not enabled():
        return False
    folder = _folder()
    return _usable(folder, create=False) and os.path.isfile(os.path.join(folder, _name(kind, digest)))


def store(kind: str, digest: str, value) -> None:
    """Write an entry (atomically: a temporary file renamed into place), listed in the manifest."""
    where = _place(create=True)
    if where is None:
        return
    folder, secret = where
    try:
        payload = _dumps(value, protocol=_PROTOCOL)
    except (PicklingError, TypeError, AttributeError, RecursionError):
        return
    name = _name(kind, digest)
    try:
        tmp, fd = _temporary(folder, secret, kind, name)
        path = os.path.join(folder, tmp)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC)
                fh.write(_mac(secret, kind.encode(), digest.encode(), payload))
                fh.write(payload)
            os.replace(path, os.path.join(folder, name))
        except BaseException:
            try:
                os.unlink(path)
            except OSError:
                pass
            raise
    except OSError:
        pass  # a read-only home or a full disk only costs speed


# ------------------------------------------------------------------ entries written in parts
# An entry too big to be made whole in memory (the result of a long document linted as a stream) is
# written a record at a time and read back a record at a time: `_PARTS_MAGIC`, then records of
# [4-byte length][MAC of the kind, the full key, the record's index and its bytes][the pickle], then an
# end record [0][MAC of the kind, the key, "end" and the number of records], then nothing. Every record is
# authenticated before it is unpickled, and records cannot be dropped, repeated, reordered or moved from
# another entry (the index and the key are in each MAC, the count in the end's); it is written to a
# temporary name and renamed into place once the end record is written, as store() does, so a
# half-written entry never carries the entry's name. load_parts reads the whole entry once (every
# record authenticated, unpickled and checked, none kept) before it hands on the first value.
_PARTS_MAGIC = b"smmrules cache 3 parts\n"
_LEN = 4


class PartsWriter:
    """An entry being written in parts (store_parts): add() each value, then commit() to put the entry in
    place, or discard() to leave nothing. A write that fails (a full disk) discards the entry: the cache
    only costs speed."""

    def __init__(self, kind: str, digest: str, folder: str, secret: bytes, tmp: str, fh):
        self.kind, self.digest, self.folder, self.secret, self.tmp, self.fh = kind, digest, folder, secret, tmp, fh
        self.count = 0

    def add(self, value) -> None:
        if self.fh is None:
            return
        try:
            payload = _dumps(value, protocol=_PROTOCOL)
        except (PicklingError, TypeError, AttributeError, RecursionError):
            self.discard()
            return
        try:
            self.fh.write(len(payload).to_bytes(_LEN, "big"))
            self.fh.write(_mac(self.secret, self.kind.encode(), self.digest.encode(), b"%d" % self.count, payload))
            self.fh.write(payload)
        except (OSError, OverflowError):
            self.discard()
            return
        self.count += 1

    def commit(self) -> None:
        """Write the end record and rename the entry into place."""
        if self.fh is None:
            return
        try:
            self.fh.write(bytes(_LEN))
            self.fh.write(_mac(self.secret, self.kind.encode(), self.digest.encode(), b"end", b"%d" % self.count))
            self.fh.close()
            self.fh = None
            os.replace(os.path.join(self.folder, self.tmp), os.path.join(self.folder, _name(self.kind, self.digest)))
        except OSError:
            self.discard()

    def discard(self) -> None:
        """Remove the temporary file; nothing is stored."""
        fh, self.fh = self.fh, None
        try:
            if fh is not None:
                fh.close()
            os.unlink(os.path.join(self.folder, self.tmp))
        except OSError:
            pass


def store_parts(kind: str, digest: str) -> PartsWriter | None:
    """A writer of an entry in parts under (kind, digest), or None when nothing can be stored."""
    where = _place(create=True)
    if where is None:
        return None
    folder, secret = where
    try:
        tmp, fd = _temporary(folder, secret, kind, _name(kind, digest))
    except OSError:
        return None
    writer = PartsWriter(kind, digest, folder, secret, tmp, os.fdopen(fd, "wb"))
    try:
        writer.fh.write(_PARTS_MAGIC)
    except OSError:
        writer.discard()
        return None
    return writer


def load_parts(kind: str, digest: str, check: Callable[[int, object], bool] | None = None):
    """The values of the entry stored under (kind, digest), an iterator over them, or None: a missing
    entry, or one any record of which does not verify, does not unpickle or is not accepted by
    `check(index, value)`, or whose end is missing. The whole entry is checked before the iterator is
    made; an entry stored whole (store()) gives its one value. Should the file change under it after
    that (only its owner can write it), the iterator raises OSError at the first record that differs."""
    where = _place(create=False)
    if where is None:
        return None
    folder, secret = where
    try:
        fh = open(os.path.join(folder, _name(kind, digest)), "rb")
    except (OSError, ValueError):
        return None
    try:
        start = fh.read(len(_PARTS_MAGIC))
        if start != _PARTS_MAGIC:
            fh.close()
            value = load(kind, digest, None if check is None else (lambda v: check(0, v)))
            return None if value is None else iter((value,))
        for _ in _records(fh, secret, kind, digest, check):
            pass
    except (OSError, ValueError):
        fh.close()
        return None
    return _reread(fh, secret, kind, digest)


class _Damaged(ValueError):
    pass


def _records(fh, secret: bytes, kind: str, digest: str, check=None):
    """The values of an entry in parts, from `fh` just after its magic; _Damaged for anything that does
    not verify (a short read, a MAC, a pickle, `check`, bytes after the end)."""
    index = 0
    k, d = kind.encode(), digest.encode()
    while True:
        head = fh.read(_LEN + _TAG)
        if len(head) != _LEN + _TAG:
            raise _Damaged("short")
        size = int.from_bytes(head[:_LEN], "big")
        if size == 0:
            if not _compare_digest(_mac(secret, k, d, b"end", b"%d" % index), head[_LEN:]) or fh.read(1):
                raise _Damaged("end")
            return
        payload = fh.read(size)
        if len(payload) != size or not _compare_digest(_mac(secret, k, d, b"%d" % index, payload), head[_LEN:]):
            raise _Damaged("record")
        try:
            value = loads(payload)
        except Exception:  # noqa: BLE001 - as in load(): an entry of an older layout is a miss
            raise _Damaged("pickle") from None
        if check is not None:
            try:
                accepted = check(index, value)
            except Exception:  # noqa: BLE001
                accepted = False
            if not accepted:
                raise _Damaged("shape")
        yield value
        index += 1


def _reread(fh, secret: bytes, kind: str, digest: str):
    """The values of an entry in parts that has been checked whole, read again from the same open file."""
    with fh:
        fh.seek(len(_PARTS_MAGIC))
        try:
            yield from _records(fh, secret, kind, digest)
        except _Damaged:
            raise OSError(f"the cache entry {_name(kind, digest)} changed while it was read") from None


def _place(create: bool) -> tuple[str, bytes] | None:
    """(the cache directory, the key) when entries may be read (and, with `create`, written: the folder
    and the key made if need be), else None."""
    if not enabled():
        return None
    folder = _folder()
    if not _usable(folder, create=create):
        return None
    secret = _key(create=create)
    return None if secret is None else (folder, secret)


def _temporary(folder: str, secret: bytes, kind: str, name: str) -> tuple[str, int]:
    """(a private temporary name beside the entry `name`, its file descriptor open for writing): listed in
    the manifest before it exists, so that a crash leaves nothing unlisted (tempfile would import random
    and OpenSSL). OSError when it cannot be made."""
    tmp = f".{kind}-{os.getpid()}-{os.urandom(8).hex()}.tmp"
    _note(folder, secret, name, tmp)
    fd = os.open(os.path.join(folder, tmp), os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_BINARY", 0), 0o600)
    return tmp, fd


def _note(folder: str, secret: bytes, name: str, tmp: str) -> None:
    """Append `name tmp tag` to the manifest (one write in append mode: whole lines even when
    processes write at once)."""
    tag = _mac(secret, b"manifest", name.encode(), tmp.encode())[:16].hex()
    fd = os.open(os.path.join(folder, MANIFEST), os.O_WRONLY | os.O_APPEND | os.O_CREAT
                 | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, f"{name} {tmp} {tag}\n".encode())
    finally:
        os.close(fd)


def dumps(value) -> bytes:
    """`value` pickled as the cache pickles its entries."""
    return _dumps(value, protocol=_PROTOCOL)


def _listed(secret: bytes, text: str) -> list[str]:
    """The file names of a manifest whose lines verify, each a plain name inside the folder."""
    out = []
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) != 3:
            continue
        name, tmp, tag = parts
        good = _mac(secret, b"manifest", name.encode(), tmp.encode())[:16].hex()
        if not _compare_digest(good.encode(), tag.encode()):
            continue
        for n in (name, tmp):
            if n and n not in (".", "..", MANIFEST) and "/" not in n and os.sep not in n and "\0" not in n:
                out.append(n)
    return out


def clean() -> tuple[int, int]:
    """Delete the files the manifest lists (smmrules' own, never anything else in the folder, whatever
    its name). Returns (files removed, bytes freed); a missing directory is an empty cache.
    OSError when the manifest cannot be read or verified (the key is gone)."""
    folder = _folder()
    if not folder:
        return 0, 0
    try:
        st = os.stat(folder)
    except (FileNotFoundError, NotADirectoryError):
        return 0, 0
    problem = _unsafe(st, True)
    if problem:                     # smmrules never wrote there: nothing of ours to remove
        _warn(f"the cache directory {folder} {problem}")
        return 0, 0
    manifest = os.path.join(folder, MANIFEST)
    # taken aside first: a run that stores meanwhile starts a new manifest instead of losing its line
    taken = os.path.join(folder, f".{MANIFEST}-{os.getpid()}-{os.urandom(8).hex()}.tmp")
    try:
        os.rename(manifest, taken)
    except FileNotFoundError:
        _memo.clear()
        return 0, 0
    secret = _key(create=False)
    if secret is None:
        os.rename(taken, manifest)
        raise OSError(f"the cache key {key_file()} is missing or cannot be trusted, so the list of "
                      f"entries cannot be verified; delete the folder by hand")
    try:
        with open(taken, "rb") as fh:
            text = fh.read().decode("utf-8", "replace")
    except OSError:
        os.rename(taken, manifest)
        raise
    import stat
    removed = freed = 0
    for name in dict.fromkeys(_listed(secret, text)):
        path = os.path.join(folder, name)
        try:
            st = os.lstat(path)
            if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
                continue
            os.unlink(path)
        except FileNotFoundError:
            continue                # never made, or another run removed it first
        removed += 1
        freed += st.st_size
    os.unlink(taken)
    _memo.clear()
    return removed, freed


def data_file(path: Path | str) -> dict:
    """One of the package's TOML data files, parsed once and cached by its contents: a warm run
    does not import tomllib for it."""
    def build() -> dict:
        from .tomlfile import read_data
        return read_data(path)
    return cached("toml", key(str(path), files=[path]), build, lambda v: type(v) is dict)


def cached(kind: str, digest: str, build: Callable[[], T], check: Callable[[object], bool] | None = None) -> T:
    """The value stored under (kind, digest) if `check` accepts it, else built and stored."""
    memo_key = (kind, digest)
    if memo_key in _memo:
        return _memo[memo_key]
    value = load(kind, digest, check)
    if value is None:
        value = build()
        store(kind, digest, value)
    _memo[memo_key] = value
    return value
