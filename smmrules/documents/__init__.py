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
    from .sheets import ReadError, decode, read_sheet, xlsx_lines
    limits = dict(path=path, today=today, max_statement_length=max_statement_length, max_entries=max_entries)
    if fmt == "xlsx":
        lines = xlsx_lines(data, max_chars)
        doc, why = read_sheet("", delimiter="\t", format="xlsx", quoting=False, lines=lines, **limits)
        return doc, why, ()
    if fmt == "markdown":
        if b"\x00" in data[:8192]:
            raise ReadError("binary file (contains NUL bytes), not a Markdown brief")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            from .sheets import _where
            line, col = _where(data, exc.start)
            raise ReadError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
                            line, col) from None
        from .markdown import read_markdown
        doc, why = read_markdown(text, **limits)
        return doc, why, ()
    text, encoding = decode(data)
    notes = () if encoding in ("utf-8", "utf-16") else (
        "read as Windows-1251 (the file is not UTF-8); save it as UTF-8 so that every program reads it alike",)
    doc, why = read_sheet(text, format=fmt, delimiter="\t" if fmt == "tsv" else None, **limits)
    return doc, why, notes
