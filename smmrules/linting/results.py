"""What linting one file produces, handed to the reporters."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Optional

from ..base.record import Record, _set
from ..rules.findings import Finding


class FileResult(Record):
    """Findings for one linted file (or stdin), or the error that stopped it from being linted.

    path: as given on the command line ("-" or --stdin-filename for stdin)
    lines: the file's text split into lines, for showing source under a finding (None when unread)
    error: a one-line message (`path:line:col: what is wrong`) when the file could not be linted
    lang: the document's language (en, ru, uk; None when it was not read)
    skipped: why a file was read but holds no goal document (a Markdown file that is not a brief)
    notes: lines for the user about how the file was read (a CSV read as Windows-1251)
    """

    __slots__ = ("path", "findings", "lines", "error", "lang", "skipped", "notes")

    def __init__(self, path: str, findings: tuple = (), lines: Optional[tuple] = None, error: Optional[str] = None,
                 lang: Optional[str] = None, skipped: Optional[str] = None, notes: tuple = ()):
        _set(self, "path", path)
        _set(self, "findings", findings)
        _set(self, "lines", lines)
        _set(self, "error", error)
        _set(self, "lang", lang)
        _set(self, "skipped", skipped)
        _set(self, "notes", notes)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def partial(self) -> bool:
        """Whether more of this file's findings follow in another result (FilePart)."""
        return False

    def __reduce__(self):
        # The lines travel (to the result cache, from -j workers) as one string: pickling a tuple of a
        # million short lines memoizes each one, several times the memory of the text itself.
        lines = self.lines
        streamed = type(lines).__name__ == "LineIndex"     # linting.stream: the text and where its lines start
        if streamed or isinstance(lines, tuple) and all(type(ln) is str for ln in lines):
            joined = lines.joined() if streamed else "\n".join(lines)
            if joined.count("\n") == len(lines) - 1:       # no line holds a newline of its own
                return _from_joined, (self.path, self.findings, joined, len(lines), self.error, self.lang,
                                      self.skipped, self.notes)
        return super().__reduce__()


class FilePart(FileResult):
    """Some of a file's findings, in order, with more to come: a long .goals document is reported while
    it is linted (linting.stream), in parts and then its FileResult with the last of its findings, its
    language and any error. A part counts findings, not a file (reporters.summary.Tally)."""

    __slots__ = ()

    @property
    def partial(self) -> bool:
        return True


def _from_joined(path, findings, joined, count, error, lang=None, skipped=None, notes=()):
    return FileResult(path, findings, tuple(joined.split("\n")) if count else (), error, lang, skipped, notes)


__all__ = ["FileResult", "Finding"]
