"""Goals kept in spreadsheets: CSV and TSV exports (and .xlsx workbooks, with the `xlsx` extra), one
row a goal, into the same Document as a .goals file.

- Encoding: UTF-8 with or without a byte-order mark, UTF-16 with one, else Windows-1251 (what Excel
  writes in Russian and Ukrainian locales), which is named in a note. A file that is UTF-8 in one place
  and something else in another is refused, at the first byte that is not UTF-8.
- Delimiter: a tab for .tsv; for .csv, the standard library's csv.Sniffer on the first lines, choosing
  among ",", ";" and tab (the count in the first line when it cannot tell).
- Rows are split here rather than by the csv module, which does not say where a cell starts: a finding
  points at `file:row:column`, the line where the row's record starts and the character column of the
  cell's first character in its line. Quoting is CSV's (RFC 4180): a quoted cell may hold the delimiter,
  line breaks and doubled quotes; a quote that never closes is an error at the quote.
- The first row (of the first 50) whose cells name goal columns (grammar/tables.toml: goal, key
  result, objective, metric, baseline, target, deadline, ...) is the header row; two-cell rows above it
  whose first cell is a header key (client, start, role, ...) are the brief's header. Each later row
  with a statement or a metric is a goal, its cells joined into one statement.
- Cells are text: a formula (`=HYPERLINK(...)`) is read as the characters it is, never evaluated.
"""
from __future__ import annotations

import itertools
import re
from typing import Optional

from ..base.limits import MAX_ENTRIES, MAX_STATEMENT
from .goals import _SUPPRESS_RE, Document, _norm_key, _split_lines, build_document, keywords
from .tables import (Cell, Collector, Joined, NotADocument, _trimmed, cell_of, gathered, header_row, label_of, row_lang,
                     row_parts)

HEADER_ROWS = 50            # the header row is looked for in this many first records
NOT_A_TABLE = (f"not a goals table: no row of goal column names (goal, key result, metric, target, deadline, ...) in the "
               f"first {HEADER_ROWS} rows")
_DELIMITERS = (",", ";", "\t")


class ReadError(Exception):
    """A file that cannot be read as a document: line:column and what is wrong, in one line."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


# --- bytes to text ---------------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a spreadsheet export; a ReadError for bytes that are none of them."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", "UTF-8"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", "UTF-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start
    line, col = _where(data, bad)
    if re.search(rb"[\xc2-\xf4][\x80-\xbf]", data[:bad]):
        raise ReadError(f"the file mixes encodings: UTF-8 before this point, then byte 0x{data[bad]:02x}, "
                        f"which is not UTF-8; save the whole file as UTF-8", line, col)
    try:
        return data.decode("cp1251"), "windows-1251"
    except UnicodeDecodeError as exc:
        line, col = _where(data, exc.start)
        raise ReadError(f"byte 0x{data[exc.start]:02x} is neither UTF-8 nor Windows-1251; save the file as "
                        f"UTF-8", line, col) from None


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if codec == "utf-16":
            raise ReadError(f"the file starts as UTF-16 but byte {exc.start:,} is not; save it as UTF-8") from None
        line, col = _where(data, exc.start)
        raise ReadError(f"not valid {name} (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
                        line, col) from None


def _where(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (characters, as far as they can be read) of a byte offset."""
    head = data[:offset]
    line = head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
    start = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    return line, len(head[start:].decode("utf-8", "replace")) + 1


# --- text to records ---------------------------------------------------------------------------------

def sniff(text: str, name: str) -> str:
    """The delimiter: a tab for .tsv, else what csv.Sniffer finds in the first lines."""
    if name.lower().endswith(".tsv"):
        return "\t"
    first = next((ln for ln in text[:65536].split("\n") if ln.strip()), "")
    sample = "\n".join(text[:16384].split("\n")[:20])
    import csv
    try:
        found = csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        found = None
    if found in _DELIMITERS and found in first:
        return found
    counts = {d: first.count(d) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: counts[d]) if any(counts.values()) else ","


def records(text: str, delimiter: str, quoting: bool = True):
    """(line, cells) for each record of `text` (lines joined by "\\n"); a ReadError at a quote that never
    closes. Work is linear in the text: each cell is one match of a pattern without nested repeats."""
    d = re.escape(delimiter)
    quoted = re.compile(r'"([^"]*(?:""[^"]*)*)"')
    plain = re.compile(rf"[^{d}\n]*")
    pos, n, line, line_start = 0, len(text), 1, 0
    while pos < n:
        row_line, cells = line, []
        while True:
            col = pos - line_start + 1
            if quoting and text.startswith('"', pos):
                m = quoted.match(text, pos)
                if m is None:
                    raise ReadError("this quote never closes: the rest of the file would be one cell", line, col)
                # a doubled quote reads as one; a blank before it keeps every character in its column
                cells.append(Cell(m.group(1).replace('""', ' "'), line, col + 1))
                newlines = text.count("\n", m.start(), m.end())
                if newlines:
                    line += newlines
                    line_start = text.rfind("\n", m.start(), m.end()) + 1
                pos = plain.match(text, m.end()).end()      # anything after the closing quote is dropped
            else:
                m = plain.match(text, pos)
                cells.append(Cell(m.group(), line, col))
                pos = m.end()
            if pos < n and text[pos] == delimiter:
                pos += 1
                continue
            break
        yield row_line, cells
        pos += 1                        # the line's end
        line += 1
        line_start = pos


# --- records to a document ---------------------------------------------------------------------------

def read_sheet(text: str, *, path: str | None = None, delimiter: str | None = None, format: str = "csv",
               today=None, max_statement_length: int = MAX_STATEMENT, max_entries: int = MAX_ENTRIES,
               quoting: bool = True, lines: list[str] | None = None) -> tuple[Optional[Document], Optional[str]]:
    """(the Document, None) for a table of goals, (None, why not) for any other table: what iter_sheet
    reads, gathered whole."""
    if lines is None:
        lines = _split_lines(text)
    if delimiter is None:
        delimiter = sniff(head_of(lines), path or "")
    try:
        entries = gathered(iter_sheet(lines, delimiter, quoting=quoting, max_entries=max_entries), max_entries, lines)
    except NotADocument as exc:
        return None, exc.why
    return build_document(entries, lines, path=path, today=today, max_statement_length=max_statement_length,
                          format=format), None


def iter_sheet(lines, delimiter: str, *, quoting: bool = True, max_entries: int = MAX_ENTRIES):
    """What a table of goals says, row by row as its lines are read, in the entries goals.iter_entries
    hands on ("header", "goal" with its tasks and check-ins, "suppression"); each row's entries come
    as soon as its record has been read. `lines`: any iterable of the file's lines without their ends.
    Raises NotADocument when no row of the first HEADER_ROWS is a row of goal column names (before any
    goal), a ReadError at a quote that never closes, DocumentLimitError past `max_entries` entries."""
    out = Collector(max_entries)
    head = None
    rows = records_of_lines(lines, delimiter, quoting)
    for number, (line, cells) in enumerate(rows):
        if number >= HEADER_ROWS:
            raise NotADocument(NOT_A_TABLE)
        head = header_row([c.text for c in cells])
        if head is not None:
            break
        _header_field(out, cells)
        yield from out.drained(keep_goal=False)
    if head is None:
        raise NotADocument(NOT_A_TABLE)
    kinds, lang = head
    for line, cells in rows:
        _row(out, kinds, cells, lang)
        yield from out.drained(keep_goal=False)


def head_of(lines, size: int = 65536) -> str:
    """The first `size` characters of the lines joined by "\\n" (all that sniff reads), without joining them
    all."""
    out, total = [], 0
    for line in lines:
        out.append(line)
        total += len(line) + 1
        if total > size:
            break
    return "\n".join(out)[:size]


def records_of_lines(lines, delimiter: str, quoting: bool = True):
    """records() of the text the lines make joined by "\\n", reading one line at a time: a record is
    read once its last line is in (a quoted cell may go on over several lines), and only the lines of
    the record being read are held. A quoted cell that is still open when the lines end is read as
    records() reads the rest of the text (an error at its quote, or the cell its pattern finds)."""
    buf: str | None = None
    first = 1               # the line the record in `buf` starts at
    scan = (0, False)       # how far `buf` has been read: (position, inside a quoted cell)
    empty = None            # an empty line, which is a record of one empty cell unless it is the last line
    for number, line in enumerate(lines, start=1):
        if empty is not None:
            yield empty, [Cell("", empty, 1)]
            empty = None
        if buf is None:
            buf, first, scan = line, number, (0, False)
        else:
            buf += "\n" + line
        scan = _scanned(buf, scan[0], scan[1], delimiter, quoting)
        if scan[1]:
            continue                    # a quoted cell goes on over the next line
        if not buf:
            empty = first
        else:
            yield from _moved_records(buf, first, delimiter, quoting)
        buf = None
    if buf is not None:
        yield from _moved_records(buf, first, delimiter, quoting)


def _moved_records(text: str, first: int, delimiter: str, quoting: bool):
    """records(text) with their lines counted from line `first` of the file."""
    shift = first - 1
    try:
        for line, cells in records(text, delimiter, quoting):
            yield line + shift, [Cell(c.text, c.line + shift, c.column) for c in cells] if shift else cells
    except ReadError as exc:
        raise ReadError(exc.message, exc.line + shift, exc.column) from None


def _scanned(text: str, pos: int, quoted: bool, delimiter: str, quoting: bool) -> tuple[int, bool]:
    """(where reading stopped, whether inside a quoted cell) after reading `text` from `pos` as records()
    reads a record's cells, one find per quote or delimiter: linear in the text however long a quoted
    cell is. A quote that is not doubled closes its cell (the first such quote, as records' pattern
    takes it); `text` ends at a line's end, which ends the record unless a quoted cell is open."""
    n = len(text)
    while True:
        if quoted:
            q = text.find('"', pos)
            if q < 0:
                return n, True
            if text.startswith('"', q + 1):
                pos = q + 2
                continue
            quoted, pos = False, q + 1
            d = text.find(delimiter, pos)       # what follows the closing quote up to the next delimiter
            if d < 0:
                return n, False
            pos = d + 1
        elif quoting and text.startswith('"', pos):
            quoted, pos = True, pos + 1
        else:
            d = text.find(delimiter, pos)
            if d < 0:
                return n, False
            pos = d + 1


def _header_field(out: Collector, cells: list[Cell]) -> None:
    """A row above the header row: `Клиент;Nova` is the header field client."""
    filled = [c for c in cells if c.text.strip()]
    if len(filled) != 2 or filled[0] is not cells[0]:
        return
    key, value = _trimmed(cells[0]), _trimmed(filled[1])   # at their first characters, over line breaks
    label = label_of(key.text + ":")
    if label is None or label[0] != "header" or "\n" in key.text:
        return
    out.header(key.text, (key.line, key.column), Cell(value.text.split("\n")[0], value.line, value.column))


def _row(out: Collector, kinds: dict, cells: list[Cell], lang: Optional[str]) -> None:
    used = set(kinds.values())
    for i, c in enumerate(cells):       # a notes cell (any cell of no goal column) may hold suppressions
        if (i not in used or kinds.get("notes") == i) and "smmrules" in c.text:
            for k, piece in enumerate(c.text.split("\n")):     # a cell of several lines: each at its line
                if _SUPPRESS_RE.search(piece):
                    out.suppression(piece, c.line + k, c.column if k == 0 else 1, applies_to=cells[0].line)
    parts = row_parts(kinds, cells, row_lang(kinds, cells, lang))
    if not parts:
        return
    category = cell_of(kinds, cells, "category")
    out.goal(None, parts[0][1], keywords().categories.get(_norm_key(category.text)) if category else None,
             joined=Joined(parts))
    current = cell_of(kinds, cells, "current")
    if current is not None:
        out.checkin(current)
    tasks = cell_of(kinds, cells, "tasks")
    if tasks is not None:
        for m in re.finditer(r"[^;\n]+", tasks.text):
            if m.group().strip():
                lead = len(m.group()) - len(m.group().lstrip())
                k = m.start() + lead
                newlines = tasks.text.count("\n", 0, k)
                col = tasks.column + k if not newlines else k - tasks.text.rfind("\n", 0, k)
                piece = Cell(m.group().strip(), tasks.line + newlines, col)
                out.task(piece, piece)


# --- .xlsx -------------------------------------------------------------------------------------------

XLSX_MISSING = "reading .xlsx needs openpyxl: pip install 'smmrules[xlsx]'"


def xlsx_lines(data: bytes, max_chars: int) -> list[str]:
    """The rows of a workbook's first sheet that has a goals table (else its first sheet) as lines of
    cells joined by tabs, row n at line n: iter_xlsx_lines, gathered whole."""
    return list(iter_xlsx_lines(data, max_chars))


def iter_xlsx_lines(data: bytes, max_chars: int, keep=None, collect: bool = False):
    """The lines of xlsx_lines one at a time, as openpyxl's read-only mode reads the sheet's rows: the
    first HEADER_ROWS lines of each sheet are held until one of them is a row of goal column names (then
    that sheet's lines follow as they are read), the other sheets are read through (their size is
    checked, their lines dropped). A sheet without a goals table is given by its first HEADER_ROWS lines,
    all that iter_sheet reads of it. Cells give the values the workbook stores (the value Excel saved
    for a formula); nothing is evaluated. `keep`: a SheetText that gets each line given, in order, and
    is told when they end. `collect`: after openpyxl has sized a sheet that states no dimensions (it
    parses the whole sheet to find them, and leaves an element a row in a reference cycle), the garbage
    collector is run once, for a long workbook read as a stream while the collector is paused.
    Raises a ReadError for bytes that are no workbook, or a sheet of more than `max_chars` characters."""
    try:
        import openpyxl
    except ImportError:
        raise ReadError(XLSX_MISSING) from None
    import io
    import zipfile
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as exc:
        raise ReadError(f"not an .xlsx workbook ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})") from None
    if collect and any(getattr(sheet, "_max_row", 0) is None for sheet in book.worksheets):
        import gc
        gc.collect()
    try:
        first = None
        chosen = None
        for sheet in book.worksheets:
            rows = _sheet_lines(sheet, max_chars)
            head = [line for _, line in zip(range(HEADER_ROWS), rows)]
            if first is None:
                first = head
            if any(header_row(ln.split("\t")) for ln in head):
                chosen = itertools.chain(head, rows)
                break
            for _ in rows:              # the whole sheet is read, as its size is checked
                pass
        for line in chosen if chosen is not None else first or ():
            if keep is not None:
                keep.add(line)
            yield line
    finally:
        book.close()
        # the workbook and its sheets refer to each other, a cycle only the garbage collector frees (and a
        # lint runs with it paused): the table of the workbook's strings, which its sheets hold, goes now
        for sheet in book.worksheets:
            strings = getattr(sheet, "_shared_strings", None)
            if isinstance(strings, list):
                strings.clear()
    # (after the workbook's strings are gone: the lines are joined into one text here, a second copy of them
    # while it is made)
    if keep is not None:
        keep.end()


class SheetText:
    """The lines an .xlsx reading gives (iter_xlsx_lines' `keep`), kept as one text joined by line feeds
    for showing source lines under findings, as a CSV file's text is kept: gathered in chunks of lines, so
    that no list of every line is ever held. When the reading ends, `then` gets the text."""

    CHUNK = 4096

    def __init__(self, then):
        self.then = then
        self.chunks: list[str] = []
        self.lines: list[str] = []

    def add(self, line: str) -> None:
        self.lines.append(line)
        if len(self.lines) == self.CHUNK:
            self.chunks.append("\n".join(self.lines))
            self.lines = []

    def end(self) -> None:
        """The reading is over: the lines, joined by line feeds, to `then`."""
        if self.lines or not self.chunks:
            self.chunks.append("\n".join(self.lines))
        text = "\n".join(self.chunks)
        self.chunks = self.lines = []
        self.then(text)


def _sheet_lines(sheet, max_chars: int):
    """The lines of one sheet, one at a time (rows the sheet leaves out are empty lines); a ReadError once
    the sheet's rows hold more than `max_chars` characters (a line feed counted after each)."""
    count = 0
    total = 0
    for row in sheet.iter_rows():
        cells = [c for c in row if getattr(c, "row", None) is not None]
        if not cells:
            continue
        number = cells[0].row
        while count < number - 1:
            count += 1
            yield ""                    # rows the sheet leaves out are empty lines
        values = [""] * (max(getattr(c, "column", 1) or 1 for c in cells))
        for c in cells:
            values[(c.column or 1) - 1] = _cell_text(c.value)
        line = "\t".join(values).rstrip("\t")
        total += len(line) + 1
        if total > max_chars:
            raise ReadError(f"the sheet holds more than {max_chars:,} characters (max-file-size)", number, 1)
        count += 1
        yield line


def _cell_text(value) -> str:
    import datetime as dt
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).replace("\t", " ").splitlines())


__all__ = ["NOT_A_TABLE", "ReadError", "SheetText", "XLSX_MISSING", "decode", "iter_sheet", "iter_xlsx_lines",
           "read_sheet", "records", "records_of_lines", "sniff", "xlsx_lines"]
