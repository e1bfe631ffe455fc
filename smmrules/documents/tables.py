"""What the Markdown and spreadsheet readers share: the words of grammar/tables.toml, a header row read
into column kinds, a row's cells joined into one goal statement (its positions moved back to the cells
they came from), and the collector that turns what a reader finds into the entries of a Document.

A row's statement is parsed as one line and every position in the result (each slot's span, a syntax
error's place) is then moved to the cell and character it came from, so a finding about a row's
target points at the target cell of that row in the original file.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple, Optional

from ..base.attrsimport import attr  # the attrs package, as in goals.py
from ..base.errors import DocumentLimitError, GoalSyntaxError
from ..base.resources import grammar_file
from ..language.ast import LANGS, Span
from ..language.lr import Token
from ..language.words import normalize_word
from .goals import TaskEntry, _checkin_head, _drained, _Entries, _norm_key, keywords

# which column holds the statement, in order of preference (an OKR export has both an objective and
# its key results: the key result is the measurable statement)
STATEMENT_KINDS = ("key-result", "goal", "objective")
SLOT_KINDS = ("baseline", "target", "deadline")
_NAME_RE = re.compile(r"[^\w\s-]+|_+")


class Cell(NamedTuple):
    """A cell's text (markup already blanked out, so every character is where the file has it) and the
    line and column of its first character; a cell of several lines (a quoted CSV cell) goes on at
    column 1 of the next line, as the file does."""
    text: str
    line: int
    column: int


def name_of(text: str) -> str:
    """A heading or column name as it is looked up: lower case, ё as е, no punctuation or emoji."""
    return " ".join(_NAME_RE.sub(" ", normalize_word(text)).split()).strip("-")


@functools.lru_cache(maxsize=1)
def words() -> dict:
    """grammar/tables.toml, made ready to look up: headings (a tuple of words -> kind), columns (a name ->
    (kind, language or None when several languages share it)), joins (kind -> language -> word)."""
    from ..base import cache
    path = grammar_file("tables.toml")
    data = cache.data_file(path)
    headings = {}
    for kind, table in data["headings"].items():
        for lang in LANGS:
            for w in table.get(lang, []):
                headings.setdefault(tuple(name_of(w).split()), kind)
    columns: dict[str, tuple] = {}
    for kind, table in data["columns"].items():
        for lang in LANGS:
            for w in table.get(lang, []):
                name = name_of(w)
                known = columns.get(name)
                columns[name] = (kind, lang if known is None or known[1] == lang else None)
    return {"headings": headings, "columns": columns, "joins": data["joins"],
            "longest": max(len(k) for k in headings)}


def heading_kind(text: str) -> Optional[str]:
    """"goals" or "tasks" for a heading that names a brief's goals or tasks (it contains one of the
    words of [headings]; goals first), else None."""
    w = words()
    parts = name_of(text).split()
    found = None
    for i in range(len(parts)):
        for n in range(min(w["longest"], len(parts) - i), 0, -1):
            kind = w["headings"].get(tuple(parts[i:i + n]))
            if kind == "goals":
                return kind
            found = found or kind
    return found


def header_row(names: list[str]) -> Optional[tuple[dict, Optional[str]]]:
    """(column kind -> index, the language of the names) for a row of column names that makes a goals
    table (it names a statement or a metric column), else None. The first column of each kind counts."""
    table = words()["columns"]
    kinds: dict[str, int] = {}
    votes: dict[str, int] = {}
    for i, raw in enumerate(names):
        hit = table.get(name_of(raw))
        if hit is None:
            continue
        kinds.setdefault(hit[0], i)
        if hit[1]:
            votes[hit[1]] = votes.get(hit[1], 0) + 1
    if not any(k in kinds for k in (*STATEMENT_KINDS, "metric")):
        return None
    return kinds, (max(sorted(votes), key=votes.__getitem__) if votes else None)


def label_of(text: str):
    """What a `Label: value` line is: ("goal", category), ("task", None), ("checkin", its date as written
    or None) or ("header", key) with the label's length up to its colon, or None. Labels are the
    keywords and keys of a .goals file."""
    colon = text.find(":")
    if colon <= 0 or colon > 60:
        return None
    head = text[:colon].strip()
    kw = keywords()
    norm = _norm_key(head)
    if norm in kw.goal:
        return "goal", None, colon
    if norm in kw.task:
        return "task", None, colon
    parts = head.split()
    if len(parts) == 2 and _norm_key(parts[0]) in kw.goal and _norm_key(parts[1]) in kw.categories:
        return "goal", kw.categories[_norm_key(parts[1])], colon
    if norm in kw.header:
        return "header", kw.header[norm], colon
    checkin = _checkin_head(head, norm, kw) if head else None
    if checkin is not None:
        return "checkin", checkin[1], colon
    return None


# --- a row's statement ------------------------------------------------------------------------------

class Joined:
    """A statement joined from cells (with the words of [joins] between them) and the way back from a
    position in it to the file: `segments` are (start, end, cell) in the joined text, cell None for a
    joining word, which stands at the cell after it."""

    __slots__ = ("text", "segments")

    def __init__(self, parts: list[tuple[Optional[str], Cell]]):
        text, segments = "", []
        for word, cell in parts:
            if text:
                text += " "
            if word:
                segments.append((len(text), len(text) + len(word) + 1, None))
                text += word + " "
            flat = cell.text.replace("\r", " ").replace("\n", " ")
            segments.append((len(text), len(text) + len(flat), cell))
            text += flat
        self.text, self.segments = text, segments

    def position(self, offset: int) -> tuple[int, int]:
        """The file's line and column of the character at `offset` in the joined text."""
        cells = [s for s in self.segments if s[2] is not None]
        for start, end, cell in self.segments:
            if offset < end or (start, end, cell) == self.segments[-1]:
                if cell is None:        # a joining word: the cell it introduces
                    cell = next(c for s, _, c in cells if s >= end)
                    return cell.line, cell.column
                return _in_cell(cell, max(0, min(offset - start, len(cell.text))))
        return cells[0][2].line, cells[0][2].column  # pragma: no cover - the last segment catches all

    def span(self, span: Span) -> Span:
        """A span of the joined text (parsed as line 1) moved to the file."""
        start = self.position(span.column - 1)
        last = self.position(max(span.column - 1, span.end_column - 2))
        end = (last[0], last[1] + 1) if span.end_column > span.column else start
        if end < start:                 # the cells are in another order in the file than in the statement
            start, end = min(start, end), max(start, end)
        return Span(start[0], start[1], end[0], end[1])

    def place(self, value):
        """A parsed Goal (every span in it) or a GoalSyntaxError moved to the file."""
        if isinstance(value, GoalSyntaxError):
            line, col = self.position(value.column - 1) if value.line == 1 else self.position(len(self.text))
            return GoalSyntaxError(value.code, value.name, value.message, line=line, column=col,
                                   text=value.text, expected=value.expected, path=value.path)
        return _moved(value, self.span)


def _in_cell(cell: Cell, k: int) -> tuple[int, int]:
    newlines = cell.text.count("\n", 0, k)
    if not newlines:
        return cell.line, cell.column + k
    return cell.line + newlines, k - cell.text.rfind("\n", 0, k)


_PLAIN = frozenset((str, int, float, bool, type(None)))


def _moved(value, move):
    """`value` with every Span in it (in attrs fields and tuples, however deep) replaced by move(span)."""
    if type(value) in _PLAIN:
        return value
    if type(value) is Span:
        return move(value)
    if type(value) is tuple:
        items = tuple(_moved(v, move) for v in value)
        return items if any(a is not b for a, b in zip(items, value)) else value
    if attr.has(type(value)):
        changes = {}
        for field in attr.fields(type(value)):
            old = getattr(value, field.name)
            new = _moved(old, move)
            if new is not old:
                changes[field.name.lstrip("_")] = new
        return attr.evolve(value, **changes) if changes else value
    return value


def row_parts(kinds: dict, cells: list[Optional[Cell]], lang: str) -> list[tuple[Optional[str], Cell]]:
    """The cells of a row that make its statement, each with the word put before it: the statement
    (key result, goal or objective), the metric when the statement does not already name it, then the
    baseline, target and deadline. Empty when the row has none of them."""
    parts: list[tuple[Optional[str], Cell]] = []
    statement = next((c for c in (cell_of(kinds, cells, k) for k in STATEMENT_KINDS) if c is not None), None)
    if statement is not None:
        parts.append((None, statement))
    metric = cell_of(kinds, cells, "metric")
    if metric is not None and (statement is None or not _named_in(metric.text, statement.text)):
        parts.append((None, metric))
    joins = words()["joins"]
    for kind in SLOT_KINDS:
        c = cell_of(kinds, cells, kind)
        if c is not None:
            parts.append((joins[kind].get(lang, joins[kind]["en"]) if parts else None, c))
    return parts


def _named_in(metric: str, statement: str) -> bool:
    """Whether every word of a metric cell is in the statement, in some form: a word's rough stem (all
    but its last two letters, at least three) starts a word of the statement, so that a metric column's
    «подписчики» is found in «набрать подписчиков» and "followers" in "grow follower count"."""
    said = name_of(statement).split()
    return all(any(s.startswith(w[:max(3, len(w) - 2)]) for s in said) for w in name_of(metric).split())


def _trimmed(cell: Cell) -> Cell:
    """The cell without the blanks around its text (its position moved to the first character)."""
    lead = len(cell.text) - len(cell.text.lstrip())
    line, col = _in_cell(cell, lead)
    return Cell(cell.text.strip(), line, col)


def cell_of(kinds: dict, cells: list[Optional[Cell]], kind: str) -> Optional[Cell]:
    i = kinds.get(kind)
    c = cells[i] if i is not None and i < len(cells) else None
    return _trimmed(c) if c is not None and c.text.strip() else None


def row_lang(kinds: dict, cells: list[Optional[Cell]], fallback: Optional[str]) -> str:
    """The language of a row's statement, which the joining words are chosen in: the statement's or
    metric's own, else the column names' (`fallback`), else English."""
    text = " ".join(c.text for c in (cell_of(kinds, cells, k) for k in (*STATEMENT_KINDS, "metric")) if c)
    if not re.search(r"[а-яА-ЯёЁіІїЇєЄґҐ]", text):
        return "en" if re.search(r"[a-zA-Z]", text) else fallback or "en"
    from ..language.langdetect import detect_lang
    from ..language.lexicon import default_lexicons
    return detect_lang(text, default_lexicons())


# --- what a reader found, into a Document's entries ----------------------------------------------------

class Collector:
    """The entries of a document read from Markdown or a spreadsheet, in the shape goals.build_document
    takes (the same _Entries the .goals reader fills), each counted toward max-entries."""

    def __init__(self, max_entries: int, lines: list[str] | tuple = ()):
        self.entries = _Entries(keywords(), max_entries, lines)
        self.max_entries = max_entries
        self.count = 0

    def _entry(self, line: int, column: int) -> None:
        self.count += 1
        if self.count > self.max_entries:
            raise DocumentLimitError(f"the document has more than {self.max_entries:,} entries (goals, tasks, "
                                     f"header fields and suppressions; max-entries); split it into smaller "
                                     f"documents", line=line, column=column)

    def header(self, raw_key: str, key_at: tuple[int, int], value: Optional[Cell]) -> None:
        line, col = key_at
        self._entry(line, col)
        text = value.text if value is not None else ""
        key_span = Span(line, col, line, col + len(raw_key))
        value_span = Span(value.line, value.column, value.line, value.column + len(text)) if value else None
        end = value_span or key_span
        span = Span(line, col, end.end_line, end.end_column) if (end.end_line, end.end_column) >= (line, col) \
            else key_span
        self.entries.header.append(dict(raw_key=raw_key, text=text, span=span, key_span=key_span,
                                        value_span=value_span, seen_goal=self.entries.seen_goal))

    def goal(self, label: Optional[Cell], statement: Optional[Cell], category: Optional[str] = None,
             joined: Optional[Joined] = None, end_column: Optional[int] = None) -> None:
        """A goal: its label (None when the goal has none; the statement starts the entry), its statement
        (one cell, which may go on over several lines, or the first cell of `joined`)."""
        first = label or statement
        self._entry(first.line, first.column)
        self.entries.seen_goal = True
        kw = Token("GOAL_KW", first.text, 0, first.line, first.column, first.line,
                   first.column + len(first.text.split("\n")[0]), 0)
        value = None
        raw = dict(kw=kw, tasks=[], checkins=[], category=category)
        if statement is not None:
            if joined is not None and len(joined.segments) == 1:
                joined = None           # one cell alone is parsed in place, over its lines as they are
            text = joined.text if joined is not None else statement.text
            end = end_column or statement.column + len(statement.text.split("\n")[0])
            value = Token("VALUE", text, 0, statement.line, statement.column, statement.line, end, 0)
            if joined is not None:
                raw["origin"], raw["place"] = (1, 1), joined.place
        raw["value"] = value
        self.entries.raw_goals.append(raw)

    def checkin(self, value: Cell, date: Optional[str] = None, at: Optional[Cell] = None) -> None:
        """The value a goal's metric has reached (a `current` column's cell, a `Current 2026-03-01: 4,200`
        line), a check-in of the last goal; with no date it is read as of the report's date, like an
        undated `current:` line. `at`: where the entry starts (its label), when not at the value."""
        if not self.entries.raw_goals:
            return
        start = at or value
        first_line = value.text.split("\n")[0]
        end = value.column + max(len(first_line), 1) if value.line == start.line else \
            start.column + max(len(start.text), 1)
        self.entries.raw_goals[-1]["checkins"].append(
            dict(text=value.text, date=date, span=Span(start.line, start.column, start.line, end)))

    def task(self, at: Cell, text: Cell) -> None:
        """A task: `at` is where its entry starts (its label, or the text), `text` what it says."""
        self._entry(at.line, at.column)
        first_line = text.text.split("\n")[0]
        end = text.column + len(first_line) if text.line == at.line else at.column + len(at.text.split("\n")[0])
        entry = dict(text=text.text, line=at.line, span=Span(at.line, at.column, at.line, max(end, at.column + 1)))
        if self.entries.raw_goals:
            self.entries.raw_goals[-1]["tasks"].append(entry)
        else:
            self.entries.orphans.append(TaskEntry(entry["text"], entry["line"], entry["span"], None))

    def suppression(self, comment: str, line: int, column: int, applies_to: Optional[int] = None) -> None:
        """The suppressions of a comment (an HTML comment, a notes cell) at line:column, for the findings
        on line `applies_to` (its own line when None)."""
        before = len(self.entries.suppressions)
        self.entries.add_comment(Token("COMMENT", comment, 0, line, column, line, column + len(comment), 0))
        if applies_to is not None and applies_to != line:
            made = self.entries.suppressions[before:]
            self.entries.suppressions[before:] = [attr.evolve(s, line=applies_to) if not s.file_wide else s
                                                  for s in made]
        for s in self.entries.suppressions[before:]:
            self._entry(s.span.line, s.span.column)

    @property
    def empty(self) -> bool:
        e = self.entries
        return not (e.header or e.raw_goals or e.orphans or e.suppressions or e.stray)

    def drained(self, keep_goal: bool):
        """The entries found since the last call, as goals.iter_entries hands them on, taken out of the
        collector: ("header", raw header entry), ("task", TaskEntry), ("stray", StrayLine), ("suppression",
        Suppression) and ("goal", raw goal); with `keep_goal` the last goal stays, for what may still be
        added to it (its tasks and check-ins further down)."""
        return _drained(self.entries, keep_goal)


class NotADocument(Exception):
    """Raised by a streaming reader once it knows that what it reads is no goal document (a Markdown file
    that is not a brief, a table without a row of goal columns): the reason, for FileResult.skipped."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


def gathered(entries, max_entries: int, lines) -> _Entries:
    """The entries a streaming reader hands on (Collector.drained), gathered back into one _Entries, in
    the order they came, for build_document: the whole-document reading of the same reader."""
    out = _Entries(keywords(), max_entries, lines)
    for kind, item in entries:
        if kind == "goal":
            out.raw_goals.append(item)
        else:
            {"header": out.header, "task": out.orphans, "stray": out.stray,
             "suppression": out.suppressions}[kind].append(item)
    return out


__all__ = ["Cell", "Collector", "Joined", "NotADocument", "gathered", "cell_of", "header_row", "heading_kind",
           "label_of", "name_of", "row_parts", "words"]
