"""The readers of goal documents, chosen by the file's extension: .goals (goals.py), Markdown briefs
(markdown.py) and spreadsheet exports (sheets.py). Every reader makes the same Document.

This module imports nothing at load time: the lint path of a .goals file goes through it and must
not bring in the other readers or their libraries."""
from __future__ import annotations

# extension (lower case) -> the Document's format
FORMATS = {".goals": "goals", ".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".tsv": "tsv",
           ".xlsx": "xlsx"}


def format_of(name: str | None) -> str:
    """The reader for a file name: by its extension, case-insensitively; .goals for any other name
    (and for stdin without --stdin-filename)."""
    if not name:
        return "goals"
    dot = name.rfind(".")
    return FORMATS.get(name[dot:].lower(), "goals") if dot > max(name.rfind("/"), name.rfind("\\")) else "goals"


def read_document(data: bytes, fmt: str, *, path: str | None = None, today=None, max_statement_length: int,
                  max_entries: int, max_chars: int):
    """(Document or None, why the file is not a document or None, notes) for a Markdown or spreadsheet
    file's bytes. A file that cannot be read raises sheets.ReadError (its line, column and message);
    notes are lines for the user (the encoding a CSV was read in, when it is not UTF-8)."""
    from .sheets import read_sheet, xlsx_lines
    limits = dict(path=path, today=today, max_statement_length=max_statement_length, max_entries=max_entries)
    if fmt == "xlsx":
        lines = xlsx_lines(data, max_chars)
        doc, why = read_sheet("", delimiter="\t", format="xlsx", quoting=False, lines=lines, **limits)
        return doc, why, ()
    text, notes = decoded(data, fmt)
    if fmt == "markdown":
        from .markdown import read_markdown
        doc, why = read_markdown(text, **limits)
        return doc, why, ()
    doc, why = read_sheet(text, format=fmt, delimiter="\t" if fmt == "tsv" else None, **limits)
    return doc, why, notes


def decoded(data: bytes, fmt: str) -> tuple[str, tuple]:
    """(text, notes) of a Markdown brief's or a CSV or TSV export's bytes; a sheets.ReadError for bytes
    that are not text in an encoding the format is read in."""
    from .sheets import ReadError, decode
    if fmt == "markdown":
        if b"\x00" in data[:8192]:
            raise ReadError("binary file (contains NUL bytes), not a Markdown brief")
        try:
            return data.decode("utf-8"), ()
        except UnicodeDecodeError as exc:
            from .sheets import _where
            line, col = _where(data, exc.start)
            raise ReadError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
                            line, col) from None
    text, encoding = decode(data)
    notes = () if encoding in ("utf-8", "utf-16") else (
        "read as Windows-1251 (the file is not UTF-8); save it as UTF-8 so that every program reads it alike",)
    return text, notes


def entry_reader(text: str, fmt: str, *, path: str | None = None, max_entries: int):
    """A function that reads the entries of a Markdown or CSV/TSV text anew each time it is called, as
    goals.iter_entries reads a .goals file's (the argument, whether tasks may be left out, is not used):
    what linting.stream.lint_entries takes. The text is read a line at a time, never split whole."""
    from .goals import iter_lines
    if fmt == "markdown":
        from .markdown import iter_markdown

        def read(tasks: bool = True):
            return iter_markdown(iter_lines(text), max_entries=max_entries)
        return read
    from .sheets import head_of, iter_sheet, sniff
    delimiter = "\t" if fmt == "tsv" else sniff(head_of(iter_lines(text)), path or "")

    def read(tasks: bool = True):
        return iter_sheet(iter_lines(text), delimiter, max_entries=max_entries)
    return read


def xlsx_reader(data: bytes, *, max_entries: int, max_chars: int, keep=None):
    """entry_reader for an .xlsx workbook's bytes: a function whose every call reads the entries anew, the
    rows as openpyxl's read-only mode gives them (sheets.iter_xlsx_lines), never a list of them all.
    `keep`: a sheets.SheetText that gets the lines of each reading."""
    from .sheets import iter_sheet, iter_xlsx_lines

    def read(tasks: bool = True):
        return iter_sheet(iter_xlsx_lines(data, max_chars, keep, collect=True), "\t", quoting=False,
                          max_entries=max_entries)
    return read
