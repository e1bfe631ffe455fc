"""Find the files to lint, read them safely, lint each one into a FileResult (one at a time)."""
from __future__ import annotations

import os
import stat

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Iterable, Iterator

from ..base import cache
from ..base.errors import SmmrulesError
from .results import FileResult

STDIN = "-"


def collect(paths: Iterable[str], config) -> Iterator[tuple[str, str | None]]:
    """(path to lint, error) pairs in a stable order; directories are walked recursively."""
    from .selection import is_excluded, matches_include
    for given in paths:
        if given == STDIN:
            yield given, None
            continue
        if os.path.isdir(given):
            from . import gitignore
            found = False
            shown = {given: _plain(given)}      # each folder's name as written, made from its parent's
            rules = {given: gitignore.above(given)}     # what git ignores, by folder (linting/gitignore.py)
            for root, dirs, files in _walk(given):
                base = shown.pop(root, None) or _plain(root)
                here = rules.pop(root, [])
                if ".gitignore" in files:
                    here = here + gitignore.read(root)
                # below the folder given, every folder on the way down was checked when it was entered
                deeper = root != given
                dirs[:] = sorted(d for d in dirs if not is_excluded(config, _child(base, d), above_checked=deeper)
                                 and not gitignore.ignored(here, os.path.join(root, d), True))
                shown.update((os.path.join(root, d), _child(base, d)) for d in dirs)
                rules.update((os.path.join(root, d), here) for d in dirs)
                for name in sorted(files):
                    fp = _child(base, name)
                    if matches_include(config, fp) and not is_excluded(config, fp, above_checked=deeper) \
                            and not gitignore.ignored(here, os.path.join(root, name), False):
                        found = True
                        yield fp, None
            if not found:
                yield given, f"{given}: no files matching {', '.join(config.include)} in this directory"
        elif os.path.lexists(given):
            yield given, None
        else:
            yield given, f"{given}: no such file or directory"


def _walk(top: str):
    """os.walk(top) top-down, without following links to folders, with an explicit stack instead of
    recursion: a repository may nest folders deeper than Python's recursion limit (os.walk of
    Python 3.11 recurses once per level). The caller may prune `dirs` in place, as with os.walk."""
    stack = [top]
    while stack:
        root = stack.pop()
        try:
            with os.scandir(root) as it:
                entries = list(it)
        except OSError:
            continue                    # unreadable, vanished, or a name too long: as os.walk skips it
        dirs, files, links = [], [], set()
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
                try:
                    if entry.is_symlink():
                        links.add(entry.name)
                except OSError:
                    links.add(entry.name)
            else:
                files.append(entry.name)
        yield root, dirs, files
        stack.extend(os.path.join(root, d) for d in reversed(dirs) if d not in links)


# Paths found in folders are written as pathlib writes them ("x/a.goals" for "./x/", "a.goals"
# under "."), without importing pathlib on every run.
def _plain(path: str) -> str:
    """`path` with no "." parts and no doubled or trailing separators, like str(Path(path))."""
    if os.name != "posix":  # pragma: no cover - drive letters and backslashes: leave it to pathlib
        from pathlib import Path
        return str(Path(path))
    lead = "//" if path.startswith("//") and not path.startswith("///") else "/" if path.startswith("/") else ""
    return lead + "/".join(p for p in path.split("/") if p and p != ".") or "."


def _child(folder: str, name: str) -> str:
    """A name inside a folder written by _plain, like str(Path(folder) / name)."""
    if folder == ".":
        return name
    return folder + name if folder.endswith(os.sep) else folder + os.sep + name


def read_text(path: str, data: bytes | None, max_size: int) -> tuple[str | None, str | None]:
    """(text, error) for a file's bytes (or the file at `path` when data is None)."""
    data, error = read_bytes(path, data, max_size)
    if error is not None:
        return None, error
    return _decoded(path, data)


def read_bytes(path: str, data: bytes | None, max_size: int) -> tuple[bytes | None, str | None]:
    """(bytes, error) of a file (or `data`, the bytes of stdin) within `max_size`."""
    try:
        if data is None:
            st = os.stat(path)
            size = st.st_size
            if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
                # a FIFO or a device would block or never end
                return None, f"{path}: not a regular file"
            if size > max_size:
                return None, f"{path}: file is {size:,} bytes; the limit is {max_size:,} (max-file-size)"
            with open(path, "rb") as fh:
                data = fh.read(max_size + 1)
        if len(data) > max_size:
            return None, f"{path}: input is more than {max_size:,} bytes; the limit is {max_size:,} (max-file-size)"
    except IsADirectoryError:
        return None, f"{path}: is a directory"
    except FileNotFoundError:
        if os.path.islink(path):
            return None, f"{path}: broken symbolic link (its target {os.readlink(path)!r} does not exist)"
        return None, f"{path}: no such file or directory"
    except PermissionError:
        return None, f"{path}: permission denied"
    except OSError as exc:
        return None, f"{path}: cannot read: {exc.strerror or exc}"
    return data, None


def _decoded(path: str, data: bytes) -> tuple[str | None, str | None]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):     # UTF-16 with its byte order mark (Windows Notepad)
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, f"{path}: starts with a UTF-16 byte order mark but is not valid UTF-16; save the file as UTF-8"
    if b"\x00" in data[:8192]:
        return None, f"{path}: binary file (contains NUL bytes), not a goal document"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        # lines end at LF, CRLF or a lone CR, as parse_document splits them
        line = data.count(b"\n", 0, exc.start) + data.count(b"\r", 0, exc.start) \
            - data.count(b"\r\n", 0, exc.start) + 1
        line_start = max(data.rfind(b"\n", 0, exc.start), data.rfind(b"\r", 0, exc.start)) + 1
        if line_start == 0 and data.startswith(b"\xef\xbb\xbf"):
            line_start = 3                      # a BOM is skipped, as parse_document skips it
        # columns count characters (code points), as in every finding, not bytes
        col = len(data[line_start:exc.start].decode("utf-8")) + 1
        if _looks_cp1251(data):
            return None, (f"{path}:{line}:{col}: the file is in the Windows Cyrillic encoding (cp1251), not "
                          "UTF-8; save it as UTF-8")
        return None, f"{path}:{line}:{col}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"


def _looks_cp1251(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 read as Cyrillic text in cp1251: most of their letters past
    ASCII are Cyrillic letters (cp1251 0xC0-0xFF, plus Ё/ё, Ґ/ґ, Є/є, І/і, Ї/ї) and none is a
    character cp1251 leaves undefined."""
    high = [b for b in data if b >= 0x80]
    if len(high) < 3 or 0x98 in high:       # a stray byte or two is no telling: "not valid UTF-8"
        return False
    letters = sum(1 for b in high if b >= 0xC0 or b in (0xA8, 0xB8, 0xA5, 0xB4, 0xAA, 0xBA, 0xB2, 0xB3, 0xAF, 0xBF))
    return letters >= 0.8 * len(high)


def lint_file(path: str, config, *, data: bytes | None = None, shown: str | None = None,
              today=None) -> FileResult:
    """Lint one file (or stdin's bytes) into a FileResult; never raises (bar KeyboardInterrupt).

    This is the one boundary of a run: whatever goes wrong with one file (a bad input, a limit, a
    bug smmrules has on some input) becomes that file's one-line error (`path:line:col: ...`, exit
    code 2) and the other files are still linted, in this process or in a -j worker."""
    shown = shown or path
    try:
        return _lint_file(path, config, data, shown, today)
    except Exception as exc:  # noqa: BLE001 - the boundary: no exception may end the run
        return FileResult(shown, error=failure(shown, exc))


def failure(shown: str, exc: BaseException) -> str:
    """One line for an exception that stopped a file from being linted."""
    from ..base.errors import DocumentLimitError
    if isinstance(exc, DocumentLimitError):
        return f"{shown}:{exc.line}:{exc.column}: {exc.message}"
    if isinstance(exc, SmmrulesError):
        text = str(exc)
        # a SmmrulesError that names its own place (a rule or config file) keeps it; others get the file's
        return text if text.startswith(f"{shown}:") else f"{shown}:1:1: {text}"
    if isinstance(exc, RecursionError):
        return f"{shown}:1:1: input nests too deeply to lint"
    if isinstance(exc, MemoryError):
        return f"{shown}:1:1: out of memory while linting this file"
    detail = " ".join(str(exc).split())[:200]
    return (f"{shown}:1:1: internal error while linting this file ({type(exc).__name__}"
            f"{': ' + detail if detail else ''}); please report it with the file")


def _lint_file(path: str, config, data: bytes | None, shown: str, today) -> FileResult:
    from ..documents import format_of
    fmt = format_of(shown)
    if fmt != "goals":                  # Markdown and spreadsheets (the name given to stdin decides)
        return _lint_other(path, config, data, shown, today, fmt)
    text, error = read_text(path, data, config.max_file_size)
    if error is not None:
        if shown != path:
            error = error.replace(path, shown, 1)
        return FileResult(shown, error=error)
    digest = _result_key(shown, text, config, today)
    hit = cached_result(shown, digest) if digest else None
    if hit is not None:
        return hit                      # served without importing the parser or loading the rules
    from ..documents.goals import parse_document
    from .pipeline import gc_paused, lint_document
    try:
        with gc_paused():
            doc = parse_document(text, path=shown, today=today, max_statement_length=config.max_statement_length,
                                 max_entries=config.max_entries)
            findings = lint_document(doc, config=config)
    except (SmmrulesError, RecursionError) as exc:
        return FileResult(shown, error=failure(shown, exc))
    result = FileResult(shown, tuple(findings), doc.lines, lang=doc.lang)
    if digest:
        cache.store("result", digest, result)
    return result


PART = 512          # findings a FilePart carries
# A .goals file smaller than this is linted whole (lint_file): one reading of it and no streaming
# machinery, which is the cheaper way for the short files of nearly every run; the stream is for the
# long documents whose whole would not fit a bounded memory (issue of peak memory, not of output: both
# ways report the same bytes).
STREAM_FROM = 256 * 1024


def lint_file_parts(path: str, config, *, today=None) -> Iterator[FileResult]:
    """lint_file(path, config, today=today) reported as it is made: a .goals file, a Markdown brief, a CSV
    or TSV export or an .xlsx workbook that the result cache does not answer is linted as a stream
    (linting.stream), its findings handed on in FileParts of PART findings, then its FileResult with the
    rest. A limit, an unreadable file or one that is no document is known before any finding; an error
    while the findings stream (a bug smmrules has on some input) comes after the parts already given, as
    the file's error."""
    from ..documents import format_of
    fmt = format_of(path)
    if not streams(path):
        yield lint_file(path, config, today=today)
        return
    notes: tuple = ()
    about: dict = {"lang": [], "skipped": []}
    stored = None
    try:
        if fmt == "goals":
            text, error = read_text(path, None, config.max_file_size)
            keyed = text
        else:
            keyed, error = read_bytes(path, None, config.max_file_size)
        if error is not None:
            yield FileResult(path, error=error)
            return
        digest = _result_key(path, keyed, config, today)
        hit = cached_parts(path, digest) if digest else None
        if hit is not None:
            yield from hit
            return
        from .results import FilePart
        from .stream import LineIndex, lint_entries, lint_stream
        if fmt == "goals":
            lines = LineIndex(text)
            found = lint_stream(text, path=path, config=config, today=today, lines=lines, lang_out=about["lang"])
        elif fmt == "xlsx":
            from .stream import xlsx_reading
            lines, read = xlsx_reading(keyed, max_entries=config.max_entries, max_chars=4 * config.max_file_size)
            found = lint_entries(read, lines, path=path, config=config, today=today, format=fmt, about=about,
                                 replay=True)
        else:
            from ..documents import decoded, entry_reader
            from ..documents.sheets import ReadError
            try:
                text, notes = decoded(keyed, fmt)
            except ReadError as exc:
                yield FileResult(path, error=f"{path}:{exc.line}:{exc.column}: {exc.message}")
                return
            del keyed
            notes = tuple(f"{path}: {n}" for n in notes)
            lines = LineIndex(text)
            found = lint_entries(entry_reader(text, fmt, path=path, max_entries=config.max_entries), lines,
                                 path=path, config=config, today=today, format=fmt, about=about, replay=True)
        lang = about["lang"]
        # the result cache gets each part as it is reported, in an entry written in parts
        stored = _StoredParts(digest, path, lines, lang, notes) if digest else None
        part: list = []
        for f in found:
            part.append(f)
            if len(part) == PART:
                if stored is not None:
                    stored.add(tuple(part))
                yield FilePart(path, tuple(part), lines, lang=lang[0])
                part = []
    except Exception as exc:  # noqa: BLE001 - the boundary, as in lint_file
        if stored is not None:
            stored.discard()
        yield FileResult(path, error=_stream_failure(path, exc))
        return
    except BaseException:       # interrupted (KeyboardInterrupt, the consumer gone): nothing half-stored
        if stored is not None:
            stored.discard()
        raise
    if about["skipped"]:
        result = FileResult(path, (), (), skipped=about["skipped"][0], notes=notes)
        if digest:
            cache.store("result", digest, result)
        yield result
        return
    if stored is not None:
        stored.commit(tuple(part))
    yield FileResult(path, tuple(part), lines, lang=lang[0] if lang else None, notes=notes)


def _stream_failure(path: str, exc: BaseException) -> str:
    """The error line of a file whose stream stopped: a file that cannot be read as its format says where
    (sheets.ReadError, a quote that never closes), as the whole-document path does; else failure()."""
    from ..documents.sheets import ReadError
    if isinstance(exc, ReadError):
        return f"{path}:{exc.line}:{exc.column}: {exc.message}"
    return failure(path, exc)


def streams(path: str) -> bool:
    """Whether lint_file_parts lints the file at `path` as a stream (a file of STREAM_FROM bytes or more, in
    any format)."""
    return not _smaller_than(path, STREAM_FROM)


def _smaller_than(path: str, size: int) -> bool:
    """Whether the file at `path` is shorter than `size` bytes (False when it cannot be looked at: the
    reading that follows says why)."""
    try:
        return os.stat(path).st_size < size
    except (OSError, ValueError):
        return False


def _lint_other(path: str, config, data: bytes | None, shown: str, today, fmt: str) -> FileResult:
    """A Markdown brief or a spreadsheet export: its bytes through the reader of its extension
    (smmrules.documents), then the same pipeline, result cache and FileResult as a .goals file."""
    data, error = read_bytes(path, data, config.max_file_size)
    if error is not None:
        return FileResult(shown, error=error.replace(path, shown, 1) if shown != path else error)
    digest = _result_key(shown, data, config, today)
    hit = cached_result(shown, digest) if digest else None
    if hit is not None:
        return hit
    from ..documents import read_document
    from ..documents.sheets import ReadError
    from .pipeline import gc_paused, lint_document
    try:
        with gc_paused():
            doc, skipped, notes = read_document(data, fmt, path=shown, today=today,
                                                max_statement_length=config.max_statement_length,
                                                max_entries=config.max_entries, max_chars=4 * config.max_file_size)
            findings = lint_document(doc, config=config) if doc is not None else []
    except ReadError as exc:
        return FileResult(shown, error=f"{shown}:{exc.line}:{exc.column}: {exc.message}")
    except (SmmrulesError, RecursionError) as exc:
        return FileResult(shown, error=failure(shown, exc))
    result = FileResult(shown, tuple(findings), doc.lines if doc is not None else (),
                        lang=doc.lang if doc is not None else None, skipped=skipped,
                        notes=tuple(f"{shown}: {n}" for n in notes))
    if digest:
        cache.store("result", digest, result)
    return result


def _reading_notes(value: FileResult) -> bool:
    """Whether a cached result's skip reason and notes are what this module stores (text, a tuple of text)."""
    return (value.skipped is None or type(value.skipped) is str) and type(value.notes) is tuple \
        and all(type(n) is str for n in value.notes)


def stored_result_key(path: str, config, today) -> str | None:
    """The result-cache key of the file at `path` if the cache holds an entry under it (not yet
    verified: cached_result does that), else None. Reads the file, loads neither parser nor rules."""
    from ..documents import format_of
    if format_of(path) != "goals":      # a Markdown or spreadsheet file's entry is keyed on its bytes
        text, error = read_bytes(path, None, config.max_file_size)
    else:
        text, error = read_text(path, None, config.max_file_size)
    if error is not None:
        return None
    digest = _result_key(path, text, config, today)
    return digest if digest and cache.stored("result", digest) else None


def cached_result(path: str, digest: str) -> FileResult | None:
    """The verified result stored under `digest` for `path`, whole, or None (a damaged or misshapen entry).
    An entry stored in parts (a streamed file's, _StoredParts) is read back into one FileResult."""
    values = cache.load_parts("result", digest, _result_check(path))
    if values is None:
        return None
    try:
        results = list(_stored_results(values, path))
    except OSError:
        return None
    last = results[-1]
    if len(results) == 1 and type(last.lines) is tuple:
        return last
    return FileResult(path, tuple(f for r in results for f in r.findings), tuple(last.lines), lang=last.lang,
                      notes=last.notes)


def cached_parts(path: str, digest: str):
    """The verified result stored under `digest` for `path` as it was reported: an iterator of its FileParts
    and FileResult (one FileResult for an entry stored whole), or None."""
    values = cache.load_parts("result", digest, _result_check(path))
    return None if values is None else _stored_results(values, path)


# A streamed file's result is stored in parts (cache.store_parts), as it is made: ("text", a piece of the
# file's text) records, then ("head", path, language, notes), then ("found", findings) for each part.
_TEXT_PIECE = 1 << 20


class _StoredParts:
    """The writer of a streamed file's result-cache entry, opened at the first part of findings."""

    def __init__(self, digest: str, path: str, lines, lang: list, notes: tuple):
        self.digest, self.path, self.lines, self.lang, self.notes = digest, path, lines, lang, notes
        self.writer = None
        self.opened = False

    def add(self, findings: tuple) -> None:
        if not self.opened:
            self.opened = True
            self.writer = cache.store_parts("result", self.digest)
            if self.writer is not None:
                text = self.lines.text
                for i in range(0, len(text), _TEXT_PIECE):
                    self.writer.add(("text", text[i:i + _TEXT_PIECE]))
                self.writer.add(("head", self.path, self.lang[0], self.notes))
        if self.writer is not None:
            self.writer.add(("found", findings))

    def commit(self, findings: tuple) -> None:
        self.add(findings)
        if self.writer is not None:
            self.writer.commit()
            self.writer = None

    def discard(self) -> None:
        if self.writer is not None:
            self.writer.discard()
            self.writer = None


def _result_check(path: str):
    """check(index, value) for the records of a result entry: a whole FileResult of this file, or the
    records of _StoredParts in their order (its text, its head naming this file, its findings)."""
    from ..rules.findings import Finding
    phase = ["text"]

    def check(index: int, value) -> bool:
        if type(value) is FileResult:
            return index == 0 and _whole_result(value, path) and _reading_notes(value)
        if type(value) is not tuple or not value:
            return False
        tag = value[0]
        if tag == "text" and phase[0] == "text":
            return len(value) == 2 and type(value[1]) is str
        if tag == "head" and phase[0] == "text":
            phase[0] = "found"
            return (len(value) == 4 and value[1] == path and (value[2] is None or type(value[2]) is str)
                    and type(value[3]) is tuple and all(type(n) is str for n in value[3]))
        if tag == "found" and phase[0] == "found":
            return len(value) == 2 and type(value[1]) is tuple and all(type(f) is Finding for f in value[1])
        return False
    return check


def _stored_results(values, path: str):
    """The FileParts and the FileResult of a result entry's values (checked by _result_check)."""
    from .results import FilePart
    from .lines import LineIndex
    texts: list = []
    lines = head = last = None
    for value in values:
        if type(value) is FileResult:
            yield value
            return
        if value[0] == "text":
            texts.append(value[1])
        elif value[0] == "head":
            lines, head = LineIndex("".join(texts)), value
            texts = []
        else:
            if last is not None:
                yield FilePart(path, last, lines, lang=head[2])
            last = value[1]
    if head is None or last is None:
        raise OSError("a result entry in parts without its head or findings")
    yield FileResult(path, last, lines, lang=head[2], notes=head[3])


def _whole_result(value, shown: str) -> bool:
    """Whether a value read from the cache is this file's result: its name, a tuple of findings and
    a tuple of lines (a misshapen one is linted again rather than crash a reporter)."""
    from ..rules.findings import Finding
    return (type(value) is FileResult and value.path == shown and value.error is None
            and type(value.findings) is tuple and all(type(f) is Finding for f in value.findings)
            and type(value.lines) is tuple and all(type(line) is str for line in value.lines))


def _result_key(shown: str, text: str, config, today) -> str | None:
    """What a file's findings depend on: its text and name, the effective config (levels and
    options included), the rule files, plugins, `today`, and smmrules' version, code and data.

    With only the built-in rules in effect their stamp is the package data's, so an unchanged file
    is answered without loading any rule; extra rule folders and plugins are hashed by content."""
    if not cache.enabled():
        return None
    if config.rules or config.plugins:
        from .pipeline import rules_for
        rules_print = rules_for(config).fingerprint
    else:
        rules_print = "built-in"
    # a name that is not valid UTF-8 (on POSIX, its bytes as surrogate escapes) is hashed with them
    name = shown.encode("utf-8", "surrogatepass")
    return cache.key("result", name, text, repr(config), rules_print, cache.data_stamp(), str(today))
