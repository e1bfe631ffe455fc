"""Markdown briefs (.md, .markdown): the header, goals and tasks of a brief read where the team wrote
them, into the same Document as a .goals file.

The blocks come from markdown-it-py (CommonMark, with GitHub's tables), which gives each block its
lines in the file; inside a line, the markup (emphasis, links, inline HTML, escapes, emoji) is blanked
out character for character, so a goal's statement keeps every word at its line and column in the file
and every finding points into the original text. What counts:

- `Label: value` lines, in list items, paragraphs and table rows, whose label is a .goals keyword or
  header key (`- **Клієнт:** Nova`, `Ціль: ...`, `**Task:** ...`);
- under a heading that names goals («Цели», «Цілі», "Goals", "KPI", ...): each list item, numbered item
  or paragraph is a goal (a paragraph or item that ends with ":" introduces a list and is not one);
  under a heading that names tasks, or nested under a goal's item: tasks;
- tables: a row of column names from grammar/tables.toml makes a goals table (a row, a goal); a
  two-column table whose first cells are header keys is the header;
- ```goals fenced blocks, read as .goals text;
- suppressions in HTML comments, `<!-- smmrules: ignore[T101] -->` at the end of a line or alone on
  the line before it, and `<!-- smmrules: ignore-file[...] -->` anywhere.

A file with none of a goals heading, a goals table, header fields, a labelled goal or a ```goals block
is not a brief: read_markdown returns None and the reason, and the file gets no findings.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..base.limits import MAX_ENTRIES, MAX_STATEMENT
from ..language import lr
from .goals import _SUPPRESS_RE, Document, _classify, _norm_key, _split_lines, _table, build_document, keywords
from .tables import (Cell, Collector, Joined, NotADocument, cell_of, gathered, header_row, heading_kind, label_of,
                     row_lang, row_parts)

NOT_A_BRIEF = "not a brief: no goals heading, goals table, header fields, labelled goal or ```goals block"

# Markup inside a line, blanked out (each character becomes a space) so that what is left stands where
# the file has it: HTML comments and tags (<br>, <b>, autolinks), a link's target, brackets, escapes,
# emphasis and code marks, underscores at the edge of a word.
_MARKUP = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][^<>]*>|\]\([^()\s]*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]"
                     r"|!?\[|\]|\\(?=[!-/:-@\[-`{-~])|\*+|~~+|`+|(?<![^\W_])_+|_+(?![^\W_])")
# Pictographs: emoji (with their joiners, variation selectors and skin tones), arrows, dingbats and
# geometric shapes. None of them can be part of a goal statement.
_PICTOGRAPHS = re.compile("[\u200d\u20e3\ufe0e\ufe0f\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff"
                          "\U0001f000-\U0001faff]")


def scrub(text: str) -> str:
    """`text` with its Markdown markup and pictographs blanked out: same length, same positions."""
    text = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    return _PICTOGRAPHS.sub(" ", text)


@functools.lru_cache(maxsize=1)
def _parser():
    """CommonMark with GitHub's tables, blocks only: the reader takes each block's lines and raw text
    and never the parsed inline markup, so the inline pass (a tenth of the time) is not run."""
    from markdown_it import MarkdownIt     # only a Markdown file brings it in
    md = MarkdownIt("commonmark").enable("table")
    md.disable(["inline", "text_join"])
    return md


def read_markdown(text: str, *, path: str | None = None, today=None, max_statement_length: int = MAX_STATEMENT,
                  max_entries: int = MAX_ENTRIES) -> tuple[Optional[Document], Optional[str]]:
    """(the Document, None) for a brief, (None, why it is not one) for any other Markdown file: what
    iter_markdown reads, gathered whole. Raises DocumentLimitError past `max_entries` entries, as
    parse_document does."""
    if not isinstance(text, str):
        raise TypeError(f"read_markdown expects a str, got {type(text).__name__}")
    lines = _split_lines(text)
    try:
        entries = gathered(iter_markdown(lines, max_entries=max_entries), max_entries, lines)
    except NotADocument as exc:
        return None, exc.why
    return build_document(entries, lines, path=path, today=today,
                          max_statement_length=max_statement_length, format="markdown"), None


# A brief is parsed in pieces of at least this many lines, each cut where CommonMark guarantees that what
# comes before cannot change how what follows is read (_Cuts): markdown-it builds a token list for the
# whole of the text it is given, and a piece's tokens are dropped once it has been read.
PIECE_LINES = 512


def iter_markdown(lines, *, max_entries: int = MAX_ENTRIES, piece_lines: Optional[int] = None):
    """What a Markdown brief says, in the entries goals.iter_entries hands on ("header", "goal" with its
    tasks and check-ins, "task", "suppression"), as its lines are read: the lines are parsed a piece at
    a time (_pieces) and each piece's entries come once it has been read, a goal when what follows can
    no longer add to it. `lines`: any iterable of the file's lines without their ends. Raises
    NotADocument at the end when the file is no brief, DocumentLimitError past `max_entries` entries."""
    reader = _Reader(max_entries)
    for piece in _pieces_of(lines, PIECE_LINES if piece_lines is None else piece_lines):
        if type(piece) is _GoalsFence:  # a ```goals block of the top level, read a line at a time as it comes
            reader.marked = True
            for index, line in piece.lines():
                reader.fence_line(index, line)
                yield from _in_order(reader.out.drained(keep_goal=True))
            continue
        window, tokens, after = piece
        reader.read(window, tokens, after)
        yield from _in_order(reader.out.drained(keep_goal=True))
    if not reader.is_brief:
        raise NotADocument(NOT_A_BRIEF)
    yield from _in_order(reader.out.drained(keep_goal=False))


def _in_order(entries):
    """A piece's entries other than goals in the order of their lines (a header field below a task line
    comes after it), then its goals: a stream checks each entry as it comes and counts on that order."""
    entries = list(entries)
    others = [e for e in entries if e[0] != "goal"]
    others.sort(key=_line_of)
    return others + [e for e in entries if e[0] == "goal"]


def _line_of(entry) -> int:
    kind, item = entry
    return item["span"].line if kind == "header" else item.span.line if kind == "suppression" else item.line


class _Window:
    """The lines of one piece, indexed by their place in the whole file (0-based): what the reader looks
    up as it would in the list of all the lines. Its length is the index after the piece's last line."""

    __slots__ = ("base", "lines")

    def __init__(self, base: int, lines: list[str]):
        self.base, self.lines = base, lines

    def __len__(self) -> int:
        return self.base + len(self.lines)

    def __getitem__(self, index: int) -> str:
        if index < self.base:
            raise IndexError("line before this piece")
        return self.lines[index - self.base]


def _pieces_of(lines, piece_lines: int):
    """(_Window of a piece's lines, its block tokens, the index of the line after it or None for the last
    piece). A piece ends, once it has `piece_lines` lines, before a line _Cuts proposes, and only when
    markdown-it, given the piece and that line, starts a block of the top level there (or the next item of
    a list of the top level): then nothing before the line is open at it, and what follows is read from
    it as it is in the whole text. The tokens are those of the piece in that parse. Where it does not,
    the piece goes on and the next cut is tried only after twice as many lines (so a text that cannot be
    cut is parsed a bounded number of times over)."""
    cuts = _Cuts()
    piece: list[str] = []
    base, need = 0, piece_lines
    source = iter(lines)
    for line in source:
        # (inside what _Cuts takes for a fence or an HTML block, a line that looks like a fence is not tried)
        open_block = cuts.fence is not None or cuts.html is not None
        proposed = cuts.accepts(line)
        if not open_block and line.startswith(("```", "~~~")) and _GOALS_INFO.match(line):
            # a ```goals fence at column 1 that opens a block of the top level: the piece ends before it,
            # and the block's lines are handed on one at a time (_GoalsFence), however many they are
            tokens = _parser().parse("\n".join(piece) + "\n" + line if piece else line)
            k = _cut_at(tokens, len(piece))
            if k is not None and tokens[k].type == "fence" and tokens[k].info.strip().split()[:1] == ["goals"]:
                if piece:
                    yield _Window(base, piece), tokens[:k], base + len(piece)
                fence = _GoalsFence(base + len(piece), tokens[k].markup, source)
                yield fence
                for _ in fence.lines():         # (read to its end, should the reader have stopped early)
                    pass
                base, piece, need, cuts = fence.end, [], piece_lines, _Cuts()
                continue
        if proposed and len(piece) >= need:
            tokens = _parser().parse("\n".join(piece) + "\n" + line)
            k = _cut_at(tokens, len(piece))
            if k is not None:
                yield _Window(base, piece), tokens[:k], base + len(piece)
                base += len(piece)
                piece, need = [], piece_lines
            else:
                need = 2 * len(piece)
        piece.append(line)
    yield _Window(base, piece), _parser().parse("\n".join(piece)), None


class _GoalsFence:
    """A ```goals block of the top level whose opening line (at 0-based index `index`, at column 1) markdown-it
    has read: its lines come from the file's lines one at a time, as CommonMark reads a fenced block's lines
    literally up to its closing fence (up to three columns of indentation, `markup`'s character at least as
    many times, then only blanks) or the end of the file. After them, what follows is read as a new
    document: nothing above a closed fence is open at the next line. `end`: the index after its last line."""

    __slots__ = ("end", "char", "closing", "source", "over")

    def __init__(self, index: int, markup: str, source):
        self.end = index + 1
        self.source = source
        self.over = False
        self.char = markup[0]
        self.closing = re.compile(rf"[ \t]*{re.escape(markup[0])}{{{len(markup)},}}[ \t]*")

    def lines(self):
        """(index, line) of each line inside the block, read from the file's lines as they are asked for; the
        closing fence is read, and not given. Once the block is over, nothing more."""
        char, closing = self.char, self.closing
        if self.over:
            return
        for line in self.source:
            index = self.end
            self.end += 1
            if line.lstrip(" \t")[:1] == char and closing.fullmatch(line) and _columns(line) < 4:
                break
            yield index, line
        self.over = True


def _columns(line: str) -> int:
    """The columns of a line's leading blanks, a tab taken to the next multiple of 4 (CommonMark)."""
    col = 0
    for ch in line:
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += 4 - col % 4
        else:
            break
    return col


def _cut_at(tokens, line: int) -> Optional[int]:
    """The index of the first token of line `line` (0-based) when that token opens a block of the top level
    or an item of a list of the top level, else None."""
    for k, tok in enumerate(tokens):
        if tok.map is not None and tok.map[0] >= line:
            if tok.map[0] == line and (tok.level == 0 or (tok.level == 1 and tok.type == "list_item_open")):
                return k
            return None
    return None


_ITEM = re.compile(r"(?:[-+*]|(\d{1,9})[.)])[ \t]+\S")        # a list item that says something, at column 1
_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")      # a thematic break, which no item is
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})(.*)")
_GOALS_INFO = re.compile(r"(?:`{3,}|~{3,})[ \t]*goals(?:[ \t]|$)")      # a ```goals fence at column 1
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
# the HTML blocks that go on over blank lines (CommonMark's kinds 1 to 5): how one starts, how it ends
_HTML_LONG = ((re.compile(r"<(?:script|pre|style|textarea)(?:[ \t>]|$)", re.IGNORECASE),
               re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE)),
              (re.compile(r"<!--"), re.compile(r"-->")), (re.compile(r"<\?"), re.compile(r"\?>")),
              (re.compile(r"<![A-Za-z]"), re.compile(r">")), (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")))


class _Cuts:
    """Where a Markdown text may be cut into pieces parsed one after another with the same tokens as the
    whole, for the reader (each cut then confirmed by markdown-it itself, _pieces_of): before a line that starts at column 1 and begins a block that nothing before it
    can take in. That is a line after a blank line; an ATX heading; or an item of a list that is open (a
    new item of the list, which only ends the item before it). Never inside a fenced code block or an HTML
    block that goes on over blank lines (CommonMark's kinds 1 to 5), nor, without a blank line, inside
    a table or another HTML block (which take in any line up to a blank one). A fence or an HTML block
    inside a list item ends with the item, at the next line at column 1. Where it cannot tell, it does not
    cut: a piece is then longer, never read otherwise."""

    __slots__ = ("blank", "in_list", "table", "raw", "fence", "html")

    def __init__(self):
        self.blank = True                 # the line before was blank (or there is none)
        self.in_list = False              # the last line at column 1 began or went on with a list item
        self.table = False                # a table's rows go on until a blank line
        self.raw = False                  # an HTML block (kinds 6 and 7) goes on until a blank line
        self.fence = None                 # an open fenced code block: (its character, length, in a list item)
        self.html = None                  # an open HTML block of kinds 1 to 5: (the end pattern, in a list item)

    def accepts(self, line: str) -> bool:
        """Whether a piece may end before `line`, the next line of the text (read in order, each once)."""
        blank = not line.strip()
        col1 = not blank and line[0] not in " \t"
        if self.fence is not None:
            char, size, inside = self.fence
            if inside and col1:
                self.fence = None         # the list item ended, and the fence with it
            else:
                mark = line.strip()
                if mark and mark == char * len(mark) and len(mark) >= size and (inside or _indent(line) <= 3):
                    self.fence = None
                self.blank = blank
                return False
        if self.html is not None:
            end, inside = self.html
            if inside and col1:
                self.html = None
            else:
                if end.search(line):
                    self.html = None
                self.blank = blank
                return False
        if blank:
            self.blank, self.table, self.raw = True, False, False
            return False
        item = _ITEM.match(line) if col1 and not _RULE.fullmatch(line) else None
        ok = col1 and (self.blank or (not self.raw and (_ATX.match(line) is not None
                                                        or (item is not None and self.in_list and not self.table))))
        if col1:
            # a list starts here when an item may interrupt what is above it (a numbered one from 1 only)
            self.in_list = item is not None and not self.table and not self.raw and (
                self.in_list or self.blank or item.group(1) is None or int(item.group(1)) == 1)
        if "|" in line and _TABLE_RULE.fullmatch(line):
            self.table = True
        indent = _indent(line)
        if indent <= 3 or self.in_list:
            body = line.lstrip(" \t")
            inside = self.in_list and indent > 0
            fence = _FENCE.fullmatch(line)
            if fence is not None and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
                self.fence = (fence.group(1)[0], len(fence.group(1)), inside)
            elif body.startswith("<") and not self.raw:     # (inside an HTML block, a tag starts nothing)
                for start, end in _HTML_LONG:
                    m = start.match(body)
                    if m is not None:
                        if end.search(body, m.end()) is None:
                            self.html = (end, inside)
                        break
                else:
                    self.raw = True
        self.blank = False
        return ok


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


class _Reader:
    """One walk over the block tokens of a file, a piece after another, in order."""

    def __init__(self, max_entries: int):
        self.lines: _Window = _Window(0, [])
        self.base = 0                                         # the index of the piece's first line in the file
        self.after: Optional[int] = None                      # the index of the next piece's first line
        self.out = Collector(max_entries)
        self.sections: list[tuple[int, Optional[str]]] = []   # (heading level, "goals" | "tasks" | None)
        self.items: list[dict] = []                           # the list items we are in, outermost first
        self.code: list[tuple[int, int]] = []                 # lines of code blocks (0-based, end excluded)
        self.marked = False                                   # a goals heading, table, fence or labelled goal
        self.headers = 0                                      # header fields other than the language

    def read(self, window: _Window, tokens, after: Optional[int]) -> None:
        """Read one piece of the file (its lines and block tokens): its blocks, then the suppressions in its
        HTML comments."""
        self.lines, self.base, self.after, self.code = window, window.base, after, []
        self.out.entries.lines = window
        self.walk(tokens)
        self.suppressions()

    @property
    def is_brief(self) -> bool:
        return self.marked or self.headers >= 2 or (self.headers >= 1 and self.out.entries.seen_goal)

    @property
    def section(self) -> Optional[str]:
        return self.sections[-1][1] if self.sections else None

    def walk(self, tokens) -> None:
        i, n = 0, len(tokens)
        while i < n:
            tok = tokens[i]
            kind = tok.type
            if kind == "heading_open":
                self._heading(int(tok.tag[1:]), tokens[i + 1].content)
            elif kind == "list_item_open":
                self.items.append({"goal": False, "read": False})
            elif kind == "list_item_close":
                self.items.pop()
            elif kind == "inline" and tokens[i - 1].type == "paragraph_open" and tok.map:
                if not self.items or not self.items[-1]["read"]:
                    self._paragraph(tok)
                    if self.items:
                        self.items[-1]["read"] = True
            elif kind == "table_open":
                i = self._table(tokens, i)
                continue
            elif kind in ("fence", "code_block") and tok.map:
                self.code.append((tok.map[0] + self.base, tok.map[1] + self.base))
                if kind == "fence" and tok.info.strip().split()[:1] == ["goals"]:
                    self._fence(tok)
            i += 1

    def _heading(self, level: int, text: str) -> None:
        while self.sections and self.sections[-1][0] >= level:
            self.sections.pop()
        kind = heading_kind(scrub(text))
        if kind == "goals":
            self.marked = True
        # a heading that names nothing (a channel, a quarter) goes on with the section it is under
        self.sections.append((level, kind or self.section))

    # --- paragraphs and list items ---------------------------------------------------------------------

    def _cells(self, tok) -> list[Cell]:
        """The lines of an inline block as cells, markup blanked, each at its place in the file."""
        out = []
        first = tok.map[0] + self.base
        for k, content in enumerate(tok.content.split("\n")):
            if first + k >= len(self.lines):
                break
            src = self.lines[first + k]
            col = src.find(content) if content else -1
            if col < 0:
                col = src.find(content.strip()) if content.strip() else -1
                content = content.strip()
            if col < 0:
                continue
            out.append(Cell(scrub(content), first + k + 1, col + 1))
        return out

    def _paragraph(self, tok) -> None:
        cells = [c for c in self._cells(tok) if c.text.strip()]
        if not cells:
            return
        labelled = [c for c in cells if label_of(c.text.lstrip())]
        if len(labelled) >= 2 or (labelled and len(cells) >= 2 and labelled[0] is not cells[0]):
            for c in cells:             # "**Клиент:** Nova  \n**Старт:** 2026-03-01": a field a line
                if label_of(c.text.lstrip()):
                    self._entry([c])
            return
        self._entry(cells)

    def _entry(self, cells: list[Cell]) -> None:
        first = _lstripped(cells[0])
        label = label_of(first.text)
        in_goal = any(item["goal"] for item in self.items[:-1])
        if label is not None:
            kind, what, colon = label
            head = Cell(first.text[:colon].rstrip(), first.line, first.column)
            rest = _statement([Cell(first.text[colon + 1:], first.line, first.column + colon + 1), *cells[1:]])
            if kind == "goal":
                self.marked = True
                self._goal(head, rest, what)
            elif kind == "task":
                self.out.task(head, rest or Cell("", head.line, head.column))
            elif kind == "checkin":         # `- Current 2026-06-01: 4,000` under a goal (or after it)
                self.out.checkin(rest or Cell("", head.line, head.column + colon + 1), what, at=head)
            else:
                self.headers += what != "lang"      # "Language: Python" is in many a README
                self.out.header(head.text, (head.line, head.column),
                                Cell(rest.text.split("\n")[0].rstrip(), rest.line, rest.column) if rest else None)
            return
        statement = _statement([first, *cells[1:]])
        if statement is None or statement.text.rstrip().endswith(":"):
            return                      # "Goals for the quarter:" introduces the list below it
        if in_goal or self.section == "tasks":
            self.out.task(statement, statement)
        elif self.section == "goals":
            self._goal(None, statement, None)

    def _goal(self, label: Optional[Cell], statement: Optional[Cell], category: Optional[str]) -> None:
        self.out.goal(label, statement, category)
        if self.items:
            self.items[-1]["goal"] = True

    # --- tables ------------------------------------------------------------------------------------------

    def _table(self, tokens, i: int) -> int:
        """Read the table that starts at tokens[i]; the index after it."""
        rows: list[tuple[int, list[str]]] = []
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "tr_open" and tok.map:
                rows.append((tok.map[0] + self.base, []))
            elif tok.type == "inline" and rows:
                rows[-1][1].append(tok.content)
            i += 1
            if i >= len(tokens):
                break
        table = [self._row(line) for line, _ in rows if line < len(self.lines)]
        table = [r for r in table if r]
        if not table:
            return i + 1
        head = header_row([c.text for c in table[0]])
        if head is not None:
            self.marked = True
            kinds, lang = head
            for cells in table[1:]:
                self._table_goal(kinds, cells, lang)
        else:
            for cells in table:         # | Клієнт | Nova |: a header field a row
                key = _lstripped(cells[0]) if cells else None
                label = label_of(key.text + ":") if key is not None and key.text else None
                if label is not None and label[0] == "header" and len(cells) >= 2:
                    self.headers += label[1] != "lang"
                    value = _lstripped(cells[1])
                    self.out.header(key.text.rstrip(), (key.line, key.column),
                                    Cell(value.text.rstrip(), value.line, value.column) if value.text.strip() else None)
        return i + 1

    def _row(self, index: int) -> list[Cell]:
        """The cells of a table row, split at the pipes of its line in the file."""
        src = self.lines[index]
        cuts = [m.start() for m in re.finditer(r"(?<!\\)\|", src)]
        bounds = [-1, *cuts, len(src)]
        cells = []
        for a, b in zip(bounds, bounds[1:]):
            cells.append(Cell(scrub(src[a + 1:b]), index + 1, a + 2))
        if cells and not cells[0].text.strip() and cuts and not src[:cuts[0]].strip():
            cells = cells[1:]           # the pipe that opens the row
        if cells and not cells[-1].text.strip() and cuts and not src[cuts[-1] + 1:].strip():
            cells = cells[:-1]          # and the one that closes it
        return cells

    def _table_goal(self, kinds: dict, cells: list[Cell], lang: Optional[str]) -> None:
        parts = row_parts(kinds, cells, row_lang(kinds, cells, lang))
        category_cell = cell_of(kinds, cells, "category")
        if not parts:
            return
        category = keywords().categories.get(_norm_key(category_cell.text)) if category_cell is not None else None
        joined = Joined(parts)
        first = parts[0][1]
        self.out.goal(None, first, category, joined=joined)
        current = cell_of(kinds, cells, "current")
        if current is not None:
            self.out.checkin(current)
        tasks = cell_of(kinds, cells, "tasks")
        if tasks is not None:
            for piece in _pieces(tasks):
                self.out.task(piece, piece)

    # --- fenced ```goals blocks and HTML comments --------------------------------------------------------

    def _fence(self, tok) -> None:
        """A ```goals block: its lines read as a .goals file, each at its line in this one."""
        self.marked = True
        start = tok.map[0] + self.base + 1
        # its lines (the last one without a line feed when the block runs to the end of a file without one)
        count = tok.content.count("\n") + (not tok.content.endswith("\n")) if tok.content else 0
        entries, out = self.out.entries, self.out

        def tokens():
            for index in range(start, min(start + count, len(self.lines))):
                line = self.lines[index]
                stripped = line.strip()
                if not stripped or (stripped.startswith("#") and _SUPPRESS_RE.search(stripped) is None):
                    continue
                out._entry(index + 1, len(line) - len(line.lstrip()) + 1)
                yield from _classify(line, index + 1)
        lr.parse(_table(), tokens(), entries.line_node)

    def fence_line(self, index: int, line: str) -> None:
        """A line (0-based `index`) of a ```goals block read a line at a time (_GoalsFence): as _fence reads it,
        each line being parsed on its own (the .goals grammar is a sequence of independent lines)."""
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and _SUPPRESS_RE.search(stripped) is None):
            return
        out = self.out
        out._entry(index + 1, len(line) - len(line.lstrip()) + 1)
        out.entries.lines = _Window(index, [line])
        lr.parse(_table(), list(_classify(line, index + 1)), out.entries.line_node)

    def suppressions(self) -> None:
        """The suppressions in HTML comments outside code blocks."""
        code = sorted(self.code)
        c = 0
        for index, line in enumerate(self.lines.lines, start=self.base):
            if "<!--" not in line:
                continue
            while c < len(code) and code[c][1] <= index:
                c += 1
            if c < len(code) and code[c][0] <= index:
                continue
            for start, end in _comments(line):
                comment = line[start:end]
                if _SUPPRESS_RE.search(comment) is None:
                    continue
                alone = not (line[:start] + line[end:]).strip()
                target = self._next_content(index) if alone else index + 1
                self.out.suppression(comment, index + 1, start + 1, applies_to=target)

    def _next_content(self, index: int) -> int:
        """The line (1-based) after line `index` (0-based) that says something; its own when none does.
        Past the piece, the next piece's first line says something (_Cuts cuts before no blank line)."""
        for k in range(index + 1, min(len(self.lines), index + 50)):
            if self.lines[k].strip():
                return k + 1
        if self.after is not None and self.after < index + 50:
            return self.after + 1
        return index + 1


def _comments(line: str):
    """(start, end) of each HTML comment of a line, `<!--` to `-->`; one pass (a pattern searched from
    every `<!--` that never closes would read the rest of the line again each time)."""
    start = line.find("<!--")
    while start != -1:
        end = line.find("-->", start + 4)
        if end == -1:
            return
        yield start, end + 3
        start = line.find("<!--", end + 3)


def _lstripped(cell: Cell) -> Cell:
    lead = len(cell.text) - len(cell.text.lstrip())
    return Cell(cell.text[lead:], cell.line, cell.column + lead)


def _statement(cells: list[Cell]) -> Optional[Cell]:
    """One statement from the lines of a block: the first line's text from its first character, each
    further line at its own columns (a statement written over two lines keeps both in place)."""
    first = _lstripped(cells[0]) if cells else None
    if first is None:
        return None
    text, line = first.text.rstrip(), first.line
    for c in cells[1:]:
        # each line at its own line of the file: a line left out (markup only) stays as an empty line
        text += "\n" * max(1, c.line - line) + " " * (c.column - 1) + c.text.rstrip()
        line = max(line + 1, c.line)
    text = text.rstrip()
    if not text:
        return None if len(cells) == 1 else _statement(cells[1:])
    return Cell(text, first.line, first.column)


def _pieces(cell: Cell) -> list[Cell]:
    """A tasks cell split at ";", each piece at its place."""
    out = []
    for m in re.finditer(r"[^;]+", cell.text):
        piece = m.group()
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(Cell(piece.strip(), cell.line, cell.column + m.start() + lead))
    return out


__all__ = ["NOT_A_BRIEF", "PIECE_LINES", "iter_markdown", "read_markdown", "scrub"]
