"""The file side of `smmrules lint --fix / --diff / --show-fixes` and `smmrules format`: read a file in
full, change its text with the pure functions of this package, show a unified diff or write the
file back atomically (a temporary file in the same folder, its mode set to the file's, renamed over
it), never a file that changed while it was being fixed."""
from __future__ import annotations

import os

from ..base.record import Record, _set

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Iterable, Iterator, Optional

    from ..linting.results import FileResult


class WriteError(Exception):
    """A file that could not be written back; the message is one `path: why` line."""


def unified_diff(old: str, new: str, path: str) -> str:
    """The change from `old` to `new` as a unified diff (`--- path` / `+++ path`, three lines of
    context), with `\\ No newline at end of file` where a side ends without one; "" when equal."""
    if old == new:
        return ""
    import difflib
    out = []
    for line in difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                     fromfile=path, tofile=path):
        if line.startswith(("---", "+++")) or line.endswith(("\n", "\r")):
            out.append(line if line.endswith(("\n", "\r")) else line + "\n")
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def read_whole(path: str, max_size: int) -> tuple[Optional[str], Optional[str], Optional[tuple]]:
    """(text, error, stamp) of a file read in full as `smmrules lint` reads it (UTF-8, within
    max-file-size); stamp: what tells that the file changed afterwards."""
    from ..linting.runner import read_text
    try:
        before = _stamp(path)
    except OSError:
        before = None
    text, error = read_text(path, None, max_size)
    if error is not None:
        return None, error, None
    return text, None, before


def _stamp(path: str) -> tuple:
    st = os.stat(path)
    return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)


def write_atomic(path: str, text: str, stamp: Optional[tuple] = None) -> None:
    """Replace the file at `path` (a link: the file it points to) with `text` in UTF-8: written to a
    temporary file in the same folder, given the file's permission bits, flushed to disk and renamed
    over it, so that a reader sees the old text or the new one, never a part. With `stamp`
    (read_whole's), a file that changed since it was read is left alone: a WriteError. A file that does
    not exist yet (a new report) gets the permissions the umask gives a new file."""
    import stat
    import tempfile
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            if stamp is not None:
                raise
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        if stamp is not None and _stamp(target) != stamp:
            raise WriteError(f"{path}: the file changed while it was being fixed; it was left as it is")
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".smmrules.tmp", dir=folder)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8", "surrogatepass"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if stamp is not None and _stamp(target) != stamp:
            raise WriteError(f"{path}: the file changed while it was being fixed; it was left as it is")
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise


class Fixed(Record):
    """One file's fixes: the findings whose fixes were applied (or, without writing, would be), the
    text before and after, and the error that stopped them (one line)."""

    __slots__ = ("path", "applied", "old", "new", "error")

    def __init__(self, path: str, applied: tuple = (), old: Optional[str] = None, new: Optional[str] = None,
                 error: Optional[str] = None):
        _set(self, "path", path)
        _set(self, "applied", applied)
        _set(self, "old", old)
        _set(self, "new", new)
        _set(self, "error", error)


class Fixing:
    """Fixes over a run's results: `run()` takes the FileResults of a plain lint (the result cache
    answers an unchanged file) and yields each file's result after its fixes, the findings that
    remain. A file with no fix to apply is not read again. `write`: write the fixed files (`--fix`);
    otherwise they are only computed (`--diff`); `apply=False`: nothing is fixed, the fixes of the
    findings are only collected (`--show-fixes` alone). `stdin`: the name standard input is reported
    under (its text is never written anywhere)."""

    def __init__(self, config, *, today=None, unsafe: bool = False, write: bool = False, apply: bool = True,
                 stdin: Optional[str] = None, report: Optional[Callable[[str], None]] = None):
        self.config, self.today, self.unsafe, self.write, self.apply = config, today, unsafe, write, apply
        self.stdin = stdin
        self.report = report or (lambda line: None)
        self.fixed: list[Fixed] = []        # files whose text the fixes change, in order
        self.available: list = []           # findings with a fix, of the files as they end up
        self.errors: list[str] = []

    def run(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        for result in results:
            if result.error is not None:
                yield result
                continue
            yield self._one(result)

    def _one(self, result: FileResult) -> FileResult:
        from ..documents.goals import _split_lines
        from ..linting.results import FileResult
        if not self.apply or not any(f.fix is not None and f.fix.applies(self.unsafe) for f in result.findings):
            self.available += [f for f in result.findings if f.fix is not None]
            return result
        if result.notes:                # read as Windows-1251: fixing would write it back as UTF-8
            self.available += [f for f in result.findings if f.fix is not None]
            self.report(f"smmrules: note: {result.path}: no fixes applied: the file is not UTF-8; "
                        "save it as UTF-8 to fix it")
            return result
        is_stdin = self.stdin is not None and result.path == self.stdin
        if is_stdin:
            text, error, stamp = "\n".join(result.lines or ()), None, None
        else:
            text, error, stamp = read_whole(result.path, self.config.max_file_size)
        if error is not None:
            return self._failed(result, error)
        from .apply import fix_text, known_lint
        try:
            first = None
            if result.lines is not None and tuple(_split_lines(text)) == tuple(result.lines):
                first = known_lint(result.findings, text, result.path, self.config)
            done = fix_text(text, path=result.path, config=self.config, today=self.today, unsafe=self.unsafe,
                            first=first)
        except Exception as exc:  # noqa: BLE001 - one file's failure is its one line, as in lint_file
            from ..linting.runner import failure
            return self._failed(result, failure(result.path, exc))
        self.available += [f for f in done.remaining if f.fix is not None]
        if done.text == text:
            return FileResult(result.path, done.remaining, result.lines, lang=result.lang)
        if self.write and is_stdin:
            return self._failed(result, f"{result.path}: fixes are not written to standard input; "
                                        "--diff shows them")
        if self.write:
            try:
                write_atomic(result.path, done.text, stamp)
            except WriteError as exc:
                return self._failed(result, str(exc))
        self.fixed.append(Fixed(result.path, done.applied, text, done.text))
        return FileResult(result.path, done.remaining, tuple(_split_lines(done.text)), lang=result.lang)

    def _failed(self, result: FileResult, error: str) -> FileResult:
        from ..linting.results import FileResult
        self.errors.append(error)
        self.report(error)
        return FileResult(result.path, error=error)

    @property
    def applied(self) -> int:
        return sum(len(f.applied) for f in self.fixed)


def renamed_codes_fix(config, aliases) -> Optional[Fixed]:
    """The config file with each renamed code in its select, ignore, per-file-ignores, levels and
    options written as the code its rule has now (a Fixed without applied findings), or None when
    there is nothing to change (or no config file). Only the config's own table is touched in a
    pyproject.toml; the new text is read again to make sure it holds the same settings."""
    import re

    from .. base.errors import SmmrulesError
    from ..linting.config import load_config
    from ..linting.renamed import renamed_in
    if config.path is None or not aliases:
        return None
    path = str(config.path)
    try:
        original = load_config(path)
    except SmmrulesError:
        return None
    found = renamed_in(original, aliases)
    if not found:
        return None
    from ..linting.keys import MAX_CONFIG_BYTES
    text, error, _ = read_whole(path, MAX_CONFIG_BYTES)
    if error is not None:
        return Fixed(path, error=error)
    olds = {old: new for _, old, new in found}
    pattern = re.compile(r"""(?P<q>["'])(?P<code>[A-Z]{1,3}\d{3})(?P=q)|^(?P<ind>[ \t]*)(?P<key>[A-Z]{1,3}\d{3})(?=[ \t]*=)"""
                         r"""|(?<=[{,])(?P<sp>[ \t]*)(?P<ikey>[A-Z]{1,3}\d{3})(?=[ \t]*=)""", re.M)

    def swap(m: re.Match) -> str:
        code = m.group("code") or m.group("key") or m.group("ikey")
        new = olds.get(code)
        if new is None:
            return m.group(0)
        return m.group(0).replace(code, new)

    pieces = []
    pos = 0
    for start, end in _own_sections(text, os.path.basename(path) == "pyproject.toml"):
        pieces.append(text[pos:start])
        pieces.append(pattern.sub(swap, text[start:end]))
        pos = end
    pieces.append(text[pos:])
    new_text = "".join(pieces)
    if new_text == text:
        return None
    same = _same_settings(text, new_text, os.path.basename(path) == "pyproject.toml", olds)
    return Fixed(path, (), text, new_text, None) if same else None


def _own_sections(text: str, pyproject: bool) -> list[tuple[int, int]]:
    """The [start, end) offsets of the config's own tables: the whole file, or in a pyproject.toml the
    [tool.smmrules] table and its sub-tables."""
    import re
    if not pyproject:
        return [(0, len(text))]
    out = []
    headers = list(re.finditer(r"^[ \t]*\[\[?[ \t]*([^\]]+?)[ \t]*\]\]?", text, re.M))
    for i, m in enumerate(headers):
        name = m.group(1).replace(" ", "").replace('"', "").replace("'", "")
        if name == "tool.smmrules" or name.startswith("tool.smmrules."):
            out.append((m.end(), headers[i + 1].start() if i + 1 < len(headers) else len(text)))
    return out


def _same_settings(old_text: str, new_text: str, pyproject: bool, olds: dict) -> bool:
    """Whether `new_text` holds the settings of `old_text` with the renamed codes (`olds`: old -> new)
    written as their new codes, and nothing else changed."""
    from ..base.tomlfile import TomlProblem, parse
    try:
        old, new = parse(old_text), parse(new_text)
    except TomlProblem:
        return False
    if pyproject:
        old, new = old.get("tool", {}).get("smmrules", {}), new.get("tool", {}).get("smmrules", {})

    def code(c):
        return olds.get(c, c) if isinstance(c, str) else c

    want = dict(old)
    for key in ("select", "ignore"):
        if isinstance(old.get(key), list):
            want[key] = [code(c) for c in old[key]]
    if isinstance(old.get("per-file-ignores"), dict):
        want["per-file-ignores"] = {g: [code(c) for c in cs] if isinstance(cs, list) else cs
                                    for g, cs in old["per-file-ignores"].items()}
    for key in ("levels", "options"):
        if isinstance(old.get(key), dict):
            want[key] = {code(c): v for c, v in old[key].items()}
    return new == want
