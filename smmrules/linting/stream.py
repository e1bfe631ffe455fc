"""A .goals document linted as a stream: findings made goal by goal while the lines are read, and
handed on in the order `lint()` sorts them, holding only what rules over the whole document need.

Two readings of the lines (smmrules.documents.goals.iter_entries, the reader parse_document uses):
the first keeps the header entries and the suppression comments, counts the rest and notes each goal's
language (until a header line declares one; should that line declare none after all, a reading of the
statements' languages comes between); the second parses each goal
when its block (its tasks and check-ins) ends, checks it, and forgets it. Across goals only compact
bookkeeping is kept: a 128-bit digest and three numbers packed in one integer per distinct goal
statement (repeated goals, D606, and the fix that removes one), the first line and target per metric (conflicting goals),
the suppressions and which of them have been used.

Findings are emitted in the order of Finding.sort_key, as `lint()` returns them: every entity lies
at or below the lines read before it, so a finding waits in a small heap only until no entity still
to come can sort before it, and until the suppressions above it are settled (a suppression's own
findings, L100 "unused", are known once every finding that could use it has been made: for a line's
suppression when that line has been checked, for a file-wide one when it is first used, or at the
end). An `ignore-file` comment that is never used holds back what follows it until the end."""
from __future__ import annotations

import heapq
from array import array
from hashlib import blake2b

from ..base.limits import MAX_ENTRIES, MAX_STATEMENT
from ..documents.goals import (GoalEntry, TaskEntry, _goal_entry, declares_lang, detect_goal_lang, document_head,
                               iter_entries, iter_lines)

__all__ = ["LineIndex", "lint_entries", "lint_iter", "lint_stream", "xlsx_reading"]
from ..rules.doccheck import _fields_of, _target_key, suppression_findings, task_profile
from ..rules.fields import CheckInItem, DocumentItem, GoalItem, HeaderItem, SyntaxItem, TaskItem
from .lines import LineIndex
from .pipeline import _SuppressionIndex, rules_for

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Iterator, Optional

    from ..rules.findings import Finding


_LOW = (1 << 32) - 1


class _Summary:
    """The document as the rules over a whole document and the fixes see it while it streams: the
    header, the counts of what it holds (a range per kind of entry: its length and truth are the
    count's), its lines, and `goals` while a repeated goal is checked (the two copies and, when other
    goals come between them, the first of those), for the fix that removes the repeat."""

    __slots__ = ("path", "lang", "header", "goals", "orphan_tasks", "stray", "suppressions", "lines", "context",
                 "format", "__weakref__")

    def __init__(self, path, lang, header, counts: dict, lines, context, format: str = "goals"):
        self.path, self.lang, self.header, self.lines, self.context = path, lang, header, lines, context
        self.goals = range(counts["goal"])
        self.orphan_tasks = range(counts["task"])
        self.stray = range(counts["stray"])
        self.suppressions = ()
        self.format = format


def lint_stream(text: str, *, path: Optional[str] = None, config=None, today=None, rules=None,
                lines: Optional[LineIndex] = None, lang_out: Optional[list] = None) -> Iterator[Finding]:
    """The findings of `lint(text, path=..., config=..., today=...)`, in the same order, yielded while the
    document is read. `lines`: the text's LineIndex when the caller has one; `lang_out`: a list that
    gets the document's language appended before the first finding is yielded."""
    if not isinstance(text, str):
        raise TypeError(f"lint_stream expects a str, got {type(text).__name__}")
    max_entries = config.max_entries if config is not None else MAX_ENTRIES

    def read(tasks: bool):
        return iter_entries(iter_lines(text), max_entries=max_entries, tasks=tasks)
    return lint_entries(read, lines if lines is not None else LineIndex(text), path=path, config=config,
                        today=today, rules=rules, about={"lang": lang_out} if lang_out is not None else None)


def lint_iter(text: str, *, path: Optional[str] = None, config=None, today=None, rules=None) -> Iterator[Finding]:
    """The findings of `lint(text, path=..., config=..., today=...)`, in the same order, made while the text
    is read: only compact bookkeeping is kept across goals, never the whole document. `path`'s extension
    picks the reader as it does for lint(): a Markdown brief, a CSV or TSV export or an .xlsx workbook (the
    text's UTF-8 bytes, as lint() reads them), else .goals. A text that is no brief yields nothing; one that cannot be
    read raises what lint() raises (documents.sheets.ReadError, DocumentLimitError), before any finding."""
    if not isinstance(text, str):
        raise TypeError(f"lint_iter expects a str, got {type(text).__name__}")
    from ..documents import format_of
    fmt = format_of(path)
    if fmt == "goals":
        return lint_stream(text, path=path, config=config, today=today, rules=rules)
    max_entries = config.max_entries if config is not None else MAX_ENTRIES
    if fmt == "xlsx":                   # the text's UTF-8 bytes as the workbook, as lint() reads them
        from .config import Config
        max_chars = 4 * (config if config is not None else Config()).max_file_size
        lines, read = xlsx_reading(text.encode("utf-8", "surrogatepass"), max_entries=max_entries,
                                   max_chars=max_chars)
        return lint_entries(read, lines, path=path, config=config, today=today, rules=rules, format=fmt,
                            replay=True)
    from ..documents import decoded, entry_reader
    text, _ = decoded(text.encode("utf-8", "surrogatepass"), fmt)     # what lint() reads: the same checks
    return lint_entries(entry_reader(text, fmt, path=path, max_entries=max_entries), LineIndex(text), path=path,
                        config=config, today=today, rules=rules, format=fmt, replay=True)


def xlsx_reading(data: bytes, *, max_entries: int, max_chars: int) -> tuple:
    """(the sheet's lines, a reader for lint_entries with `replay`) of an .xlsx workbook's bytes, its rows read
    as openpyxl's read-only mode gives them: the lines (a LineIndex, empty until then) are filled in when
    the first reading ends, before the first finding is made."""
    from ..documents import xlsx_reader
    from ..documents.sheets import SheetText
    lines = LineIndex("")

    def then(text: str) -> None:
        # a first cell that starts with U+FEFF keeps it: LineIndex reads one at the start as a byte-order mark
        lines.load("\ufeff" + text if text.startswith("\ufeff") else text)
    return lines, xlsx_reader(data, max_entries=max_entries, max_chars=max_chars, keep=SheetText(then))


def lint_entries(read, lines, *, path: Optional[str] = None, config=None, today=None, rules=None,
                 format: str = "goals", about: Optional[dict] = None, replay: bool = False) -> Iterator[Finding]:
    """The findings of a document whose reader hands on its entries as it reads (goals.iter_entries,
    markdown.iter_markdown, sheets.iter_sheet), in the order `lint()` gives them. `read(tasks)`: a new
    reading of the document's entries (`tasks` False: a goal's tasks may be left out); it is called
    twice, or three times when a header line that looks like the language's declares none. `lines`: the
    document's lines (a LineIndex; read only once the first reading is over). `about`: lists that get,
    before the first finding, the document's language ("lang") and why it is no document ("skipped",
    tables.NotADocument: then there are no findings). `replay`: the document is read once, and the later
    readings replay what the first one read from a temporary file (_Tee): for a reader whose reading costs
    more than reading that back (markdown-it's parse of a brief, the records of a sheet, a workbook's rows)."""
    if replay:
        tee = _Tee()
        try:
            yield from lint_entries(tee.reading(read), lines, path=path, config=config, today=today, rules=rules,
                                    format=format, about=about)
        finally:
            tee.close()
        return
    max_len = config.max_statement_length if config is not None else MAX_STATEMENT
    ruleset = rules if rules is not None else rules_for(config)
    config, selected = _selection(config, ruleset, path)
    msg_lang = config.lang if config is not None else None
    try:
        header, sups, counts, goal_lines, langs, said = _first_reading(read(False))
    except Exception as exc:
        from ..documents.tables import NotADocument     # (imported by the readers that raise it, else not)
        if not isinstance(exc, NotADocument):
            raise
        if about is not None and about.get("skipped") is not None:
            about["skipped"].append(exc.why)
        return

    def goal_langs():       # the header declares no language after all (a line that is not one): read them
        if langs is not None:
            return langs, said
        return [detect_goal_lang(g["value"]) for kind, g in read(False) if kind == "goal"], said
    declared, doc_lang, goal_langs, typed, ctx = document_head(header, goal_langs, path=path, today=today,
                                                               max_statement_length=max_len, format=format)
    del header
    if about is not None and about.get("lang") is not None:
        about["lang"].append(doc_lang)
    doc = _Summary(path, doc_lang, tuple(typed), counts, lines, ctx, format)
    state = _State(ruleset, doc, sups, selected, msg_lang, goal_lines)
    yield from state.emit(state.check("document", DocumentItem(doc)))
    headers = _header_items(typed)
    # the second reading: each entry checked as soon as it is whole
    for kind, item in read(True):
        if kind == "goal":
            entry = _goal_entry(state.goal_index, item, goal_langs[state.goal_index], ctx, declared, max_len)
            found = state.goal(entry)
        elif kind == "header":
            h, at = next(headers)
            found = state.check("header", h, at)
        elif kind == "task":
            prof = task_profile(item.text, doc_lang, ruleset)
            prof["serves_goal"] = False
            found = state.check("task", TaskItem(item, True, None, prof), item.line)
        elif kind == "stray":
            found = state.check("line", item, item.line)
        else:
            continue
        yield from state.emit(found)
    yield from state.finish()


class _Tee:
    """The entries of a document's first reading, written to an anonymous temporary file as they pass (in
    pickled batches), and read back for the readings after it: the document is read (and a brief parsed)
    once. The file holds what the entries hold, a few hundred bytes a goal; it has no name and is gone
    when closed."""

    BATCH = 256

    def __init__(self):
        self.file = None
        self.done = False

    def reading(self, read):
        """A `read(tasks)` whose first call reads the document and keeps what it reads, and whose later
        calls give that back."""
        def again(tasks: bool = True):
            return self._replay() if self.done else self._first(read(True))
        return again

    def _first(self, entries):
        import pickle
        import tempfile
        self.file = tempfile.TemporaryFile()
        batch: list = []
        for entry in entries:
            batch.append(entry)
            if len(batch) == self.BATCH:
                pickle.dump(batch, self.file, protocol=pickle.HIGHEST_PROTOCOL)
                batch = []
            yield entry
        if batch:
            pickle.dump(batch, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.done = True

    def _replay(self):
        import pickle
        file, at = self.file, 0
        while True:
            file.seek(at)                       # (a replay may run while another one is under way)
            try:
                batch = pickle.load(file)       # each batch its own pickle
            except EOFError:
                return
            at = file.tell()
            yield from batch

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


def _selection(config, ruleset, path):
    """(the config with renamed codes resolved, the function that says whether a code is selected for
    `path`, or None when every code is), as lint_document selects."""
    if config is None:
        return None, None
    from .selection import is_selected
    if ruleset.aliases and (config.select or config.ignore or config.per_file_ignores):
        from .renamed import resolve
        config = resolve(config, ruleset.aliases)

    def selected(code: str) -> bool:
        return is_selected(config, code, path)
    return config, selected


def _first_reading(entries) -> tuple:
    """The first reading of a document's entries: (its header entries, its suppressions, how many entries
    of each kind, each goal's line, each goal's language until a header line declares one (else None),
    whether any goal has a statement)."""
    header, sups = [], []
    counts = {"goal": 0, "task": 0, "stray": 0}
    goal_lines = array("I")             # each goal's line, by index
    langs: list | None = []
    said = False
    for kind, item in entries:
        if kind == "header":
            header.append(item)
            if langs is not None and declares_lang(item["raw_key"]):
                langs = None
        elif kind == "suppression":
            sups.append(item)
        else:
            counts[kind] += 1
            if kind == "goal":
                goal_lines.append(item["kw"].line)
                said = said or bool(item["value"])
                if langs is not None:
                    langs.append(detect_goal_lang(item["value"]))
    return header, sups, counts, goal_lines, langs, said


def _header_items(typed) -> Iterator[HeaderItem]:
    """The header entries as rules see them (doccheck._header_items), one at a time."""
    seen: dict[str, int] = {}
    for h in typed:
        dup = h.key is not None and h.key in seen
        if h.key is not None:
            seen.setdefault(h.key, h.key_span.line)
        yield HeaderItem(h, dup, seen.get(h.key) if h.key is not None else None), h.span.line if h.span else 0


class _State:
    """What the second reading keeps between goals, and the findings waiting for their turn."""

    def __init__(self, rules, doc: _Summary, sups: list, selected, lang, goal_lines: array):
        self.rules, self.doc, self.selected, self.lang = rules, doc, selected, lang
        self.goal_index = 0
        self.goal_lines = goal_lines              # each goal's line, by index (from the first reading)
        self.all_goals = doc.goals
        # a statement's 128-bit digest -> its first copy: line | index << 32 | last task line << 64, one int
        self.by_text: dict[int, int] = {}
        self.by_metric: dict[str, tuple] = {}     # metric -> (line, target) of its first goal
        self.heap: list = []
        self.seq = 0
        self.checked = 0                          # the last line of an entity checked so far
        aliases = rules.aliases
        self.file_wide = _SuppressionIndex()
        self.by_line: dict[int, _SuppressionIndex] = {}
        for s in sups:
            index = self.file_wide if s.file_wide else self.by_line.setdefault(s.line, _SuppressionIndex())
            index.add(s, tuple(aliases.get(c, c) for c in s.codes) if aliases else s.codes)
        known = {r.code for r in rules.all_rules()}
        self.known_prefixes = {k[:n] for k in known for n in range(1, len(k) + 1)}
        # suppressions not yet settled, by the first line a finding of theirs or about them can be at (a
        # Markdown comment alone on its line is about the line below it, and its own finding is above that)
        self.open = [(min(s.line, s.span.line), i, s) for i, s in enumerate(sups)]
        heapq.heapify(self.open)
        self.used: set[int] = set()

    def check(self, scope: str, entity, line: int = 0) -> list:
        """The findings of one entity, selected; `line`: the last line the entity covers."""
        doc = self.doc
        found = self.rules.evaluate(scope, entity, doc.context, lang=self.lang, path=doc.path,
                                    default_lang=doc.lang, doc=doc)
        if self.selected is not None:
            found = [f for f in found if self.selected(f.code)]
        self.checked = max(self.checked, line)
        return found

    def goal(self, entry: GoalEntry) -> list:
        """A goal whose block has been read: its own findings, its tasks' and its check-ins'."""
        i = self.goal_index
        self.goal_index += 1
        doc, rules = self.doc, self.rules
        last = max([entry.line] + [t.line for t in entry.tasks] + [c.span.line for c in entry.checkins])
        out = []
        if entry.goal is None:
            err = entry.error
            line_text = doc.lines[err.line - 1] if 0 < err.line <= len(doc.lines) else ""
            out += self.check("syntax", SyntaxItem(err, line_text))
        else:
            goal = entry.goal
            norm = " ".join(goal.text.lower().split())
            digest = int.from_bytes(blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=16).digest(), "big")
            first = self.by_text.get(digest)
            if first is None:
                self.by_text[digest] = entry.line | i << 32 | max([entry.line] + [t.line for t in entry.tasks]) << 64
            else:
                first = (first & _LOW, first >> 32 & _LOW, first >> 64)
            conflict = None
            key = _target_key(goal)
            if goal.metric is not None and key is not None and first is None:
                prev = self.by_metric.get(goal.metric.name)
                if prev is not None and prev[1] != key:
                    conflict = prev[0]
                self.by_metric.setdefault(goal.metric.name, (entry.line, key))
            item = GoalItem(goal, len(entry.tasks), first[0] if first else None, conflict, rules.catalogue,
                            entry.checkins)
            if first is not None:
                doc.goals = self._copies(first, entry, i)
            try:
                found = self.check("goal", item)
            finally:
                doc.goals = self.all_goals
            if first is not None and found:
                found = [f for f in found if "goal.duplicate_line" in _fields_of(rules, f.code)]
            out += found
        goal = entry.goal
        accepted = rules.catalogue.accepts(goal.category) if goal is not None else frozenset()
        lang = goal.lang if goal is not None else doc.lang
        for task in entry.tasks:
            prof = task_profile(task.text, lang, rules)
            prof["serves_goal"] = bool(accepted.intersection(prof["kinds"]))
            out += self.check("task", TaskItem(task, False, goal, prof))
        for c in entry.checkins:
            out += self.check("checkin", CheckInItem(c, goal))
        self.checked = max(self.checked, last)
        return out

    def done(self) -> int:
        """The line above which every entity has been checked: the lines read so far, short of the goal
        whose block is still being read (the next goal by index)."""
        if self.goal_index < len(self.goal_lines):
            return min(self.checked, self.goal_lines[self.goal_index] - 1)
        return self.checked

    def _copies(self, first: tuple, entry: GoalEntry, index: int) -> tuple:
        """The goals the fix of a repeated goal looks at: its first copy (with its last task line, where its
        block ends for the fix), the goal after that copy when it is not this one, and this one."""
        line, first_index, last_task = first
        stub = GoalEntry("", line, tasks=(TaskEntry("", last_task),) if last_task > line else ())
        between = (GoalEntry("", self.goal_lines[first_index + 1]),) if index - first_index > 1 else ()
        return (stub,) + between + (entry,)

    def emit(self, found: list) -> Iterator[Finding]:
        """Suppress what `found` holds, queue the rest, and yield what can no longer be preceded."""
        for f in found:
            on_line = self.by_line.get(f.line)
            hit = (on_line.first(f.code) if on_line is not None else None) or self.file_wide.first(f.code)
            if hit is None:
                self._push(f)
            else:
                self.used.add(id(hit))
        return self._ready(self.done())

    def _push(self, f) -> None:
        heapq.heappush(self.heap, (f.sort_key(), self.seq, f))
        self.seq += 1

    def _settle(self, s) -> None:
        """A suppression's own findings (unused, unknown or renamed codes), once it is settled."""
        aliases = self.rules.aliases
        unknown = {id(s): tuple(c for c in s.codes if c not in aliases and c not in self.known_prefixes)}
        renamed = {id(s): tuple(f"{c} \u2192 {aliases[c]}" for c in s.codes if c in aliases)} if aliases else {}
        doc = self.doc
        doc.suppressions = (s,)
        meta = suppression_findings(doc, self.rules, [] if id(s) in self.used else [s], unknown, self.lang, renamed)
        doc.suppressions = ()
        for f in meta:
            if self.selected is None or self.selected(f.code):
                self._push(f)

    def _ready(self, done: int, end: bool = False) -> Iterator[Finding]:
        """Settle the suppressions that nothing still to come can use, then yield the findings above
        the first line something could still be added at."""
        open_ = self.open
        while open_:
            s = open_[0][2]
            if not end and (s.line > done or (s.file_wide and id(s) not in self.used)):
                break
            heapq.heappop(open_)
            self._settle(s)
        limit = min(done, open_[0][0] - 1) if open_ and not end else (done if not end else float("inf"))
        heap = self.heap
        out = []
        while heap and heap[0][0][1] <= limit:
            out.append(heapq.heappop(heap)[2])
        return iter(out)

    def finish(self) -> Iterator[Finding]:
        return self._ready(self.done(), end=True)
