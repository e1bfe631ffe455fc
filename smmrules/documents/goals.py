"""Goal documents (.goals): classify lines, parse them with grammar/document.lark, type the header.

parse_document never raises on content: a goal statement that cannot be parsed keeps its
GoalSyntaxError, an unknown header key or a bad value keeps a message, for the rules to report.
The one exception is size: a document of more than `max_entries` entries (limits.MAX_ENTRIES unless the
config's max-entries says otherwise) is a DocumentLimitError.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import threading
from decimal import Decimal
from typing import Any, Optional

from ..base.attrsimport import attr  # the attrs package, its own generated methods from the cache
from ..base.lazyre import LazyPattern
from ..language.ast import CATEGORIES, LANGS, Goal, Span, node, trusted_span
from ..language.context import Context
from ..base.errors import DocumentLimitError, GoalSyntaxError
from ..language.normalize import LAST_START
from ..language.lexicon import LexiconSet, default_lexicons, normalize_word
from ..base.limits import MAX_ENTRIES, MAX_STATEMENT
from ..language.parse import parse_goal
from ..base import cache
from ..language import lr
from ..language.lr import Token
from ..base.resources import grammar_file
from ..language.tokenizer import tokenize

_COMMENT_RE = re.compile(r"(?:^|\s)#(?=\s|$)")
_SUPPRESS_RE = LazyPattern(r"smmrules:\s*(ignore-file|ignore)\b(?:\[([^\]]*)\])?", re.IGNORECASE)
_KEY_RE = re.compile(r"^[^\W\d_][\w\- ]{0,40}$")
# The latest date a header may give (deadlines counted from a later one would run past year 9999,
# where they are cut to 9999-12-31; see normalize.calendar_date).
LAST_HEADER_DATE = LAST_START


@node
class HeaderEntry:
    key: Optional[str]          # canonical key (grammar/document.toml) or None when unknown
    raw_key: str
    text: str                   # the value as written
    value: Any = None           # typed value, None when missing or invalid
    error: Optional[str] = None
    span: Optional[Span] = None       # the whole line's content
    key_span: Optional[Span] = None
    value_span: Optional[Span] = None


@node
class TaskEntry:
    text: str
    line: int
    span: Optional[Span] = None
    goal_index: Optional[int] = None  # index of the goal it belongs to; None before any goal


# why a check-in line cannot be used: its date is no day, it has no value, the value is a change ("+12%")
# rather than the level reached, or it is not a number at all
CHECKIN_ERRORS = ("date", "missing", "change", "unreadable")


@node
class CheckIn:
    """A value the goal's metric had (a check-in under the goal): `current 2026-03-01: 4,200`.

    date: the day it was measured (None when not written); value: the number in the goal's unit (None
    when it cannot be read, `error` says why); unit: the unit written with it (`%`, a currency code, `h`,
    `min`, `rank` for a position), None for a plain number; metric: the canonical metric it names, if any;
    error: why the line cannot be used, one of CHECKIN_ERRORS (None when it can).
    """
    date: Optional[dt.date]
    value: Optional[float]
    text: str                         # the value as written
    span: Optional[Span] = None       # the whole line's content
    unit: Optional[str] = None
    metric: Optional[str] = None
    error: Optional[str] = None


@node
class GoalEntry:
    text: str
    line: int
    goal: Optional[Goal] = None
    error: Optional[GoalSyntaxError] = None
    category: Optional[str] = None    # written after the keyword: "goal sales: ..."
    tasks: tuple = ()
    span: Optional[Span] = None
    checkins: tuple = ()              # CheckIn records, in the order written


@node
class Suppression:
    line: int
    codes: tuple                      # empty: every code
    file_wide: bool
    span: Span


@node
class StrayLine:
    text: str
    line: int
    span: Span


@node
class Document:
    path: Optional[str]
    lang: str
    header: tuple = ()
    goals: tuple = ()
    orphan_tasks: tuple = ()
    suppressions: tuple = ()
    stray: tuple = ()
    lines: tuple = ()
    context: Context = attr.field(factory=Context)
    format: str = "goals"             # the reader: goals, markdown, csv, tsv or xlsx (rules read doc.format)

    def header_value(self, key: str):
        for h in self.header:
            if h.key == key and h.value is not None:
                return h.value
        return None


# --- keyword tables -----------------------------------------------------------------------

class _Keywords:
    """The document keywords of grammar/document.toml, normalized. goal, task: word -> True;
    categories: word -> category; header: word -> canonical key; types: key -> value type;
    roles: phrase -> role; all_keys: every header word, for did-you-mean; scales: the words that
    scale an amount -> their multiplier; checkin: word -> True; checkin_on: the words a check-in's date may
    follow ("on", «на»)."""

    __slots__ = ("goal", "task", "categories", "header", "types", "yes", "no", "roles", "all_keys", "scales",
                 "checkin", "checkin_on")

    def __init__(self, goal: dict, task: dict, categories: dict, header: dict, types: dict, yes: frozenset,
                 no: frozenset, roles: dict, all_keys: tuple, scales: dict | None = None,
                 checkin: dict | None = None, checkin_on: dict | None = None):
        self.goal, self.task, self.categories, self.header, self.types = goal, task, categories, header, types
        self.yes, self.no, self.roles, self.all_keys = yes, no, roles, all_keys
        self.scales = {} if scales is None else scales
        self.checkin = {} if checkin is None else checkin
        self.checkin_on = {} if checkin_on is None else checkin_on


def _norm_key(key: str) -> str:
    return re.sub(r"[\s_]+", "-", normalize_word(key.strip()))


@functools.lru_cache(maxsize=1)
def keywords() -> _Keywords:
    """The keyword tables, normalized once and cached with the file's contents as their key."""
    path = grammar_file("document.toml")
    return cache.cached("doc-keywords", cache.key(path, files=[path]), lambda: _keywords(cache.data_file(path)),
                        lambda v: type(v) is _Keywords and all(type(getattr(v, n)) is dict for n in
                                                                ("goal", "task", "categories", "header", "types",
                                                                 "roles", "scales", "checkin", "checkin_on")))


def _keywords(data: dict) -> _Keywords:
    def words(table) -> list[str]:
        return [w for lang in LANGS for w in table.get(lang, [])]

    goal = {_norm_key(w): True for w in words(data["keywords"]["goal"])}
    task = {_norm_key(w): True for w in words(data["keywords"]["task"])}
    checkin = {_norm_key(w): True for w in words(data["keywords"]["checkin"])}
    checkin_on = {_norm_key(w): True for w in words(data["keywords"]["checkin_on"])}
    cats = {_norm_key(w): c for c, t in data.get("categories", {}).items() for w in words(t)}
    header, types = {}, {}
    for key, spec in data["header"].items():
        types[key] = spec["type"]
        for w in words(spec["words"]):
            header[_norm_key(w)] = key
    values = data["values"]
    roles = {_norm_key(w): r for r, t in values["role"].items() for w in words(t)}
    return _Keywords(goal, task, cats, header, types, frozenset(_norm_key(w) for w in words(values["yes"])),
                     frozenset(_norm_key(w) for w in words(values["no"])), roles, tuple(sorted(header)),
                     dict(values.get("scale", {})), checkin, checkin_on)


# --- the line lexer and grammar -------------------------------------------------------------

_lock = threading.Lock()


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def _table() -> lr.Table:
    path = grammar_file("document.lark")

    def build():
        from lark import Lark
        from lark.lexer import Lexer

        class _Lines(Lexer):
            __future_interface__ = 2

            def __init__(self, lexer_conf):
                pass

            def lex(self, lexer_state, parser_state):  # pragma: no cover - tables only
                return iter(lexer_state.text)

        return lr.Table.from_lark(Lark(_read(path), parser="lalr", lexer=_Lines))
    with _lock:
        return cache.cached("document-table", cache.key(files=[path]), build, lr.Table.looks_whole)


def _tok(kind: str, text: str, line: int, col: int) -> Token:
    return Token(kind, text, 0, line, col, line, col + len(text), 0)


def _classify(line_text: str, lineno: int) -> list[Token]:
    """Terminals of one physical line (without its newline)."""
    body = line_text.rstrip()
    content = body.lstrip()
    nl = _tok("NL", "\n", lineno, len(line_text) + 1)
    if not content:
        return [nl]
    indent = len(body) - len(content)
    if content[0] == "#":
        return [_tok("COMMENT", content, lineno, indent + 1), nl]
    out: list[Token] = []
    comment = None
    if "#" in content:          # (the comment pattern needs a "#": most lines have none)
        m = _COMMENT_RE.search(content)
        if m:
            start = m.start() + (1 if content[m.start()].isspace() else 0)
            comment = _tok("COMMENT", content[start:], lineno, indent + start + 1)
            content = content[:start].rstrip()
    colon = content.find(":")
    if colon > 0:
        head = content[:colon]
        reading = _HEADS.get(head)
        if reading is None:
            if len(_HEADS) >= _HEADS_KEPT:
                _HEADS.clear()
            reading = _HEADS[head] = _head_reading(head)
        if reading:
            for kind, text, offset in reading:
                out.append(_tok(kind, text, lineno, indent + offset))
            out.append(_tok("COLON", ":", lineno, indent + colon + 1))
            value = content[colon + 1:]
            stripped = value.lstrip()
            if stripped:
                out.append(_tok("VALUE", stripped.rstrip(), lineno, indent + colon + 2 + len(value) - len(stripped)))
            if comment is not None:
                out.append(comment)
            out.append(nl)
            return out
    out.append(_tok("TEXT", content, lineno, indent + 1))
    if comment is not None:
        out.append(comment)
    out.append(nl)
    return out


# The text before a line's colon -> how _classify reads it (_head_reading): a brief repeats a few
# dozen keywords and header keys over thousands of lines. Dropped when it grows past its limit.
_HEADS: dict[str, tuple] = {}
_HEADS_KEPT = 1_024


def _head_reading(head: str) -> tuple:
    """The terminals the text before a line's colon makes, before the colon: ((terminal, its text,
    its column counted from the line's first non-blank character), ...), or () when the line is
    not a keyword or key line (it is other text)."""
    kw = keywords()
    parts = head.split()
    norm = _norm_key(head)
    checkin = _checkin_head(head, norm, kw)
    if checkin is not None:
        word, date = checkin
        if date is None:
            return (("CHECKIN_KW", word, 1),)
        return ("CHECKIN_KW", word, 1), ("CHECKIN_DATE", date, head.rindex(date) + 1)
    if norm in kw.goal:
        return (("GOAL_KW", head, 1),)
    if norm in kw.task:
        return (("TASK_KW", head, 1),)
    first = _norm_key(parts[0]) if parts else ""
    if first in kw.goal and len(parts) == 2 and _norm_key(parts[1]) in kw.categories:
        return ("GOAL_KW", parts[0], 1), ("CATEGORY", parts[1], head.index(parts[1], len(parts[0])) + 1)
    if _KEY_RE.match(head.strip()):
        return (("KEY", head.strip(), 1),)
    return ()


_CHECKIN_DATE_RE = re.compile(r"\s(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})$")


def _checkin_head(head: str, norm: str, kw: _Keywords) -> Optional[tuple[str, Optional[str]]]:
    """(keyword as written, date as written or None) when `head` (the text before a line's colon; `norm`,
    its normalized form) starts a check-in: a check-in word, optionally followed by a date
    ("current 2026-03-01", «факт на 01.03.2026»)."""
    head = head.rstrip()
    if norm in kw.checkin:
        return head, None
    if not head[-1:].isdigit():         # no date at its end: the common case of every header line
        return None
    m = _CHECKIN_DATE_RE.search(head)
    if m is None:
        return None
    words = head[:m.start()].rstrip()
    word = words
    parts = words.split()
    for n in (3, 2, 1):         # "current on", «факт по состоянию на»: drop the words a date follows
        if len(parts) > n and _norm_key(" ".join(parts[-n:])) in kw.checkin_on:
            word = words[:len(words) - len(" ".join(parts[-n:]))].rstrip()
            break
    if _norm_key(word) not in kw.checkin:
        return None
    return words, m.group(1)


def _checkin_date(text: str) -> Optional[dt.date]:
    """A check-in's date, written 2026-03-01 or 01.03.2026 (ValueError when there is no such day)."""
    if "." in text:
        day, month, year = (int(p) for p in text.split("."))
        return dt.date(year, month, day)
    year, month, day = (int(p) for p in text.split("-"))
    return dt.date(year, month, day)


# --- header values ----------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _number_re() -> re.Pattern:
    """An amount and the scale word after it (grammar/document.toml, [values] scale)."""
    scales = "|".join(re.escape(w) for w in keywords().scales)
    return re.compile(r"(?<![\w.])(\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*(?:(" + scales + r")\.?)?")


def _to_number(text: str) -> Optional[float]:
    m = _number_re().search(text)
    if not m or _EXPONENT_RE.match(text, m.end(1)) or len(m.group(1)) > 40:
        return None                 # "1e309" is not 1, and a figure of 40 digits is not an amount
    digits = re.sub(r"[ \u00a0\u202f]", "", m.group(1))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
        digits = digits.replace(",", "")
    value = float(Decimal(digits.replace(",", ".")))
    return value * keywords().scales.get(m.group(2), 1)


_EXPONENT_RE = re.compile(r"[eE][+-]?\d")


def _duration_months(text: str, lang: str, lex: LexiconSet) -> Optional[float]:
    raw = tokenize(text)
    words = [normalize_word(t.text) if t.kind == "word" else "" for t in raw]
    amount, unit = None, None
    for i, t in enumerate(raw):
        if t.kind == "number" and amount is None:
            amount = float(t.value)
        elif t.kind == "word":
            for r in lex[lang].readings(words, i):
                if r.terminal == "UNIT" and unit is None:
                    unit = r.value
                elif r.terminal == "NUMWORD" and amount is None:
                    amount = float(r.value)
                elif r.terminal == "HALFYEAR":
                    amount, unit = 6.0, "month"
    if amount is None:
        return None
    per = {"day": 1 / 30.44, "week": 7 / 30.44, "month": 1.0, "quarter": 3.0, "year": 12.0}
    if unit is None:
        return amount if amount == 0 else None
    return amount * per.get(unit, 0) if unit in per else None


_DMY = LazyPattern(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})")


def _header_date(text: str) -> Optional[dt.date]:
    """A header date as goal statements write them: 2026-01-15, 15.01.2026 or 15/01/2026 (day first);
    None for anything else, or a day the calendar does not have."""
    m = _DMY.fullmatch(text)
    try:
        if m is not None:
            return dt.date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _type_value(key: str, text: str, lang: str, lex: LexiconSet) -> tuple[Any, Optional[str]]:
    kw = keywords()
    kind = kw.types[key]
    norm = _norm_key(text)
    if kind == "text":
        return text, None
    if kind == "date":
        day = _header_date(text.strip())
        if day is None:
            return None, f"'{text}' is not a date: write it as YYYY-MM-DD or DD.MM.YYYY"
        if day > LAST_HEADER_DATE:
            # deadlines are counted from it ("by Q3", "within 2 years"): leave them room in the calendar
            return None, f"'{text}' is too late a date: the latest is {LAST_HEADER_DATE.isoformat()}"
        return day, None
    if kind == "yesno":
        if norm in kw.yes:
            return True, None
        if norm in kw.no:
            return False, None
        return None, f"'{text}' is not yes or no"
    if kind == "role":
        role = kw.roles.get(norm)
        if role is None:
            return None, f"'{text}' is not a role: use social-only, one-of-sources or communication"
        return role, None
    if kind == "lang":
        if norm in LANGS:
            return norm, None
        return None, f"'{text}' is not a language: use en, ru or uk"
    if kind == "money":
        value = _to_number(text)
        if value is None:
            return None, f"'{text}' has no amount: write it like '1500 USD/month'"
        return value, None
    if kind == "duration":
        if norm in kw.no:
            return 0.0, None
        months = _duration_months(text, lang, lex)
        if months is None:
            return None, f"'{text}' is not a duration: write it like '2 months'"
        return months, None
    if kind == "baselines":
        out: dict[str, float] = {}
        for item in re.split(r"[;\n]", text):
            item = item.strip()
            if not item:
                continue
            try:
                g = parse_goal(item, lang=lang)
            except GoalSyntaxError as exc:
                return None, f"baseline '{item}': {exc.message}"
            value = g.target.value if g.target is not None else None
            if g.metric is None or value is None:
                return None, f"baseline '{item}' needs a metric and a number, like 'followers 3200'"
            out[g.metric.name] = value
        return out, None
    return text, None  # pragma: no cover - every type in document.toml is handled above


# --- the document ---------------------------------------------------------------------------

def _detect_doc_lang(goal_texts: list[str], lex: LexiconSet) -> tuple[str, list[str]]:
    """The document's language (most goals') and each goal's own."""
    from ..language.langdetect import detect_lang
    langs = [detect_lang(t, lex) for t in goal_texts]
    return _majority(langs), langs


def _majority(langs) -> str:
    """The language most goals are in (the first in alphabetical order of a tie; en without goals)."""
    votes: dict[str, int] = {}
    for lang in langs:
        votes[lang] = votes.get(lang, 0) + 1
    return max(sorted(votes), key=lambda k: votes[k]) if votes else "en"


def _split_lines(text: str) -> list[str]:
    """The document's lines, without their ends: LF, CRLF and a lone CR (old Mac files) each end one."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


_LINE_END = re.compile(r"\r\n?|\n")


def iter_lines(text: str):
    """The lines of `text` one at a time, as _split_lines gives them (a BOM skipped; LF, CRLF and a lone
    CR each end one), without a list of them or a copy of the text."""
    start = 1 if text.startswith("\ufeff") else 0
    for m in _LINE_END.finditer(text, start):
        yield text[start:m.start()]
        start = m.end()
    yield text[start:]


def _read_lines(entries: "_Entries", lines, limit: int, tasks: bool = True):
    """Parse `lines` into `entries` one line at a time, yielding after each line that said something:
    the one reading of a .goals file, which parse_document collects whole and iter_entries hands on as it
    goes. Blank lines and comments that are not suppressions add nothing, so they are not parsed: a
    file of blank lines costs no more than its text. Each line is parsed on its own (the document
    grammar is a sequence of independent lines), so no token list or tree of the file is ever held; a
    line of terminals already seen is read as the first such line was (_line_shape).

    `tasks` False: a goal's task lines are counted (max-entries) but not kept, and a task line met
    again under a goal is not read again (what a stream's first reading needs, see iter_entries)."""
    classify, suppression, table, parse, line_node = _classify, _SUPPRESS_RE.search, _table(), lr.parse, \
        entries.line_node
    shapes: dict = {}       # the terminals of a line -> how the grammar reads them (_line_shape)
    seen_tasks: set | None = None if tasks else set()     # task lines already read (tasks False)
    goals = entries.raw_goals
    count = 0
    for i, line in enumerate(lines, start=1):
        if not line or line.isspace():
            continue
        stripped = line.lstrip()
        if stripped.startswith("#") and suppression(stripped) is None:
            continue
        count += 1
        if count > limit:
            raise DocumentLimitError(f"the document has more than {limit:,} entries (goals, tasks, header "
                                     f"lines, other text and suppressions; max-entries); split it into smaller "
                                     f"documents",
                                     line=i, column=len(line) - len(stripped) + 1)
        if seen_tasks is not None and goals and line in seen_tasks:
            continue            # a task of the goal above, and nothing else (see below)
        entries.current = line
        toks = classify(line, i)
        kinds = tuple([t.type for t in toks])
        shape = shapes.get(kinds, _UNSEEN)
        if shape is _UNSEEN:
            shape = shapes[kinds] = _line_shape(table, toks)
        if shape is None:
            parse(table, toks, line_node)
        else:
            for name, keep in shape:
                line_node(name, [toks[k] for k in keep])
        if seen_tasks is not None:
            if goals:
                goals[-1]["tasks"].clear()
            if kinds in _PLAIN_TASKS:
                # a task line without a comment: under a goal it only adds a task to that goal, which
                # is not kept here; the same text again is passed over (a brief repeats its tasks)
                if len(seen_tasks) >= _SEEN_TASKS_KEPT:
                    seen_tasks.clear()
                seen_tasks.add(line)
        yield i


_UNSEEN = object()
_PLAIN_TASKS = (("TASK_KW", "COLON", "VALUE", "NL"), ("TASK_KW", "COLON", "NL"))
_SEEN_TASKS_KEPT = 1_024


def _line_shape(table, toks: list):
    """How the document grammar reads a line of these terminals: ((rule, the indices of the tokens it
    keeps), ...) for each rule reduced, in order. An LR parse depends on the terminals' types alone,
    so a line of the same types is read the same way without parsing it again (a brief has a dozen
    kinds of lines and many thousands of lines). None when a rule keeps something that is not one of
    the line's tokens: such a line is parsed each time."""
    made: list = []
    where = {id(t): k for k, t in enumerate(toks)}

    def record(name: str, children: list):
        if name != "start":
            keep = tuple(where.get(id(c), -1) for c in children)
            made.append((name, keep) if -1 not in keep else None)
        return None
    lr.parse(table, toks, record)
    return None if None in made else tuple(made)


def iter_entries(lines, *, max_entries: int = MAX_ENTRIES, tasks: bool = True):
    """What the lines of a .goals document say, as they are read: ("header", raw header entry),
    ("goal", raw goal with its tasks and check-ins; yielded when the next goal starts or the lines
    end), ("task", a TaskEntry before any goal), ("stray", StrayLine) and ("suppression", Suppression),
    each as soon as its line (for a goal: its block) has been read. `lines` may be any iterable of
    lines without their ends (iter_lines of a text); only the current goal's block is held.
    Raises DocumentLimitError past `max_entries` entries, as parse_document does.
    `tasks` False: each goal's tasks are left out (its "tasks" list stays empty), for a reader that
    only counts and places the entries; everything else is the same."""
    entries = _Entries(keywords(), max_entries)
    entries.lines = _CurrentLine(entries)
    goals = entries.raw_goals
    for _ in _read_lines(entries, lines, max_entries, tasks):
        if len(goals) > 1 or entries.header or entries.orphans or entries.stray or entries.suppressions:
            yield from _drained(entries, keep_goal=True)      # (most lines only add to the open goal)
    yield from _drained(entries, keep_goal=False)


def _drained(entries: "_Entries", keep_goal: bool):
    """The entries read since the last call, taken out of `entries` (the open goal stays when `keep_goal`)."""
    for kind, found in (("header", entries.header), ("task", entries.orphans), ("stray", entries.stray),
                        ("suppression", entries.suppressions)):
        if found:
            for item in found:
                yield kind, item
            found.clear()
    goals = entries.raw_goals
    done = len(goals) - 1 if keep_goal else len(goals)
    if done > 0:
        for g in goals[:done]:
            yield "goal", g
        del goals[:done]


class _CurrentLine:
    """The `lines` of an _Entries fed one line at a time: the line being read is the only one it has
    (the one line_node looks up, for a check-in with no goal above it)."""

    __slots__ = ("entries",)

    def __init__(self, entries):
        self.entries = entries

    def __getitem__(self, index: int) -> str:
        return self.entries.current


class _Entries:
    """What a document's lines say, taken in one line at a time as the parser reduces each line's
    rule (`line_node`): no tree of the whole file is kept. One is made for each parse_document call."""

    def __init__(self, kw: _Keywords, max_entries: int, lines: list[str] | tuple = ()):
        self.kw, self.max_entries, self.lines = kw, max_entries, lines
        self.header: list[dict] = []
        self.raw_goals: list[dict] = []
        self.orphans: list[TaskEntry] = []
        self.stray: list[StrayLine] = []
        self.suppressions: list[Suppression] = []
        self.seen_goal = False
        self.named = 0                  # codes named by the suppressions so far
        self.made = 0                   # suppressions made so far (iter_entries hands them on as they come)
        self.current = ""               # the line being read (_read_lines)

    def line_node(self, name: str, children: list):
        if name == "start":
            return None
        toks = {t.type: t for t in children}
        comment = toks.get("COMMENT")
        if comment is not None:
            self._suppressions(comment)
        if name == "header":
            k, v = toks["KEY"], toks.get("VALUE")
            end = v if v is not None else toks["COLON"]
            self.header.append(dict(raw_key=str(k), text=str(v) if v is not None else "",
                                    span=Span(k.line, k.column, k.line, end.end_column),
                                    key_span=Span(k.line, k.column, k.line, k.end_column),
                                    value_span=Span(v.line, v.column, v.line, v.end_column) if v is not None else None,
                                    seen_goal=self.seen_goal))
        elif name == "goal":
            self.seen_goal = True
            k, v = toks["GOAL_KW"], toks.get("VALUE")
            cat = toks.get("CATEGORY")
            self.raw_goals.append(dict(kw=k, value=v, tasks=[], checkins=[],
                                       category=self.kw.categories.get(_norm_key(str(cat))) if cat else None))
        elif name == "task":
            k, v = toks["TASK_KW"], toks.get("VALUE")
            end = v if v is not None else toks["COLON"]
            entry = dict(text=str(v) if v is not None else "", line=k.line,
                         span=trusted_span(k.line, k.column, k.line, end.end_column))    # (the line's own tokens)
            if self.raw_goals:
                self.raw_goals[-1]["tasks"].append(entry)
            else:
                self.orphans.append(TaskEntry(entry["text"], entry["line"], entry["span"], None))
        elif name == "checkin":
            k, v, d = toks["CHECKIN_KW"], toks.get("VALUE"), toks.get("CHECKIN_DATE")
            end = v if v is not None else toks["COLON"]
            span = Span(k.line, k.column, k.line, end.end_column)
            if self.raw_goals:
                self.raw_goals[-1]["checkins"].append(dict(text=str(v) if v is not None else "",
                                                           date=str(d) if d is not None else None, span=span))
            else:               # a value with no goal above it to be the value of: a line of other text
                line = self.lines[k.line - 1].strip()
                self.stray.append(StrayLine(line, k.line, Span(k.line, k.column, k.line, k.column + len(line))))
        elif name == "stray":
            t = toks["TEXT"]
            self.stray.append(StrayLine(str(t), t.line, trusted_span(t.line, t.column, t.line, t.end_column)))
        return None

    def add_comment(self, comment: Token) -> None:
        """The suppressions of a comment found by another reader (Markdown, spreadsheets)."""
        self._suppressions(comment)

    def _suppressions(self, comment: Token) -> None:
        """The suppressions a comment makes; each, and each code they name, counts toward max-entries."""
        max_entries = self.max_entries
        for m in _SUPPRESS_RE.finditer(str(comment)):
            if self.made >= max_entries:    # many on one line: each is an entry of its own
                raise DocumentLimitError(f"the document has more than {max_entries:,} suppressions; "
                                         f"split it into smaller documents",
                                         line=comment.line, column=comment.column + m.start())
            self.named += (m.group(2) or "").count(",") + 1
            if self.named > max_entries:              # and so is each code they name
                raise DocumentLimitError(f"the document's suppressions name more than {max_entries:,} codes",
                                         line=comment.line, column=comment.column + m.start())
            self.made += 1
            codes = tuple(c.strip().upper() for c in (m.group(2) or "").split(",") if c.strip())
            col = comment.column + m.start()
            self.suppressions.append(Suppression(comment.line, codes, m.group(1).lower() == "ignore-file",
                                                 Span(comment.line, col, comment.line, comment.column + len(comment))))


def parse_document(text: str, *, path: str | None = None, today=None,
                   max_statement_length: int = MAX_STATEMENT, max_entries: int = MAX_ENTRIES,
                   goal_parser=None) -> Document:
    """Parse a goal document. Never raises on content (see the module docstring), except a document of more
    than `max_entries` entries: a DocumentLimitError at the first entry past the limit. `goal_parser`:
    a stand-in for parse_goal with its signature (the language server's, which remembers statements
    it has parsed), None for parse_goal itself."""
    if not isinstance(text, str):
        raise TypeError(f"parse_document expects a str, got {type(text).__name__}")
    kw = keywords()
    lines = _split_lines(text)
    entries = _Entries(kw, max_entries, lines)
    for _ in _read_lines(entries, lines, max_entries):
        pass
    return build_document(entries, lines, path=path, today=today, max_statement_length=max_statement_length,
                          goal_parser=goal_parser)


def build_document(entries: _Entries, lines: list[str], *, path: str | None, today,
                   max_statement_length: int = MAX_STATEMENT, format: str = "goals", goal_parser=None) -> Document:
    """The Document of what a reader found (`entries`): the language, the typed header, the goals parsed
    (by `goal_parser`, parse_goal's stand-in that the language server uses to remember statements).
    Every reader (.goals, Markdown, spreadsheets) ends here, so all of them make the same Document."""
    # the language and the header, then the goals that depend on them
    declared_lang, doc_lang, goal_langs, typed, ctx = document_head(
        entries.header, lambda: detected_langs([g["value"] for g in entries.raw_goals]), path=path, today=today,
        max_statement_length=max_statement_length, format=format)
    goals = [_goal_entry(i, g, goal_langs[i], ctx, declared_lang, max_statement_length, goal_parser or parse_goal)
             for i, g in enumerate(entries.raw_goals)]
    return Document(path, doc_lang, tuple(typed), tuple(goals), tuple(entries.orphans),
                    tuple(entries.suppressions), tuple(entries.stray), tuple(lines), ctx, format)


def document_head(header: list, goal_langs, *, path: str | None, today, max_statement_length: int = MAX_STATEMENT,
                  format: str = "goals") -> tuple:
    """What the goals of a document are read against: (the language the header declares or None, the
    document's language, each goal's language, the typed header entries, the Context). `header`: the
    raw header entries; `goal_langs`: a function giving (each goal's language as detect_lang reads its
    statement, whether any goal has a statement), called only when the header declares no language."""
    lex = default_lexicons()
    kw = keywords()
    declared_lang = _declared_lang(header, kw)
    if declared_lang:
        doc_lang, goal_langs = declared_lang, _SameLang(declared_lang)
    else:
        goal_langs, said = goal_langs()
        doc_lang = _majority(goal_langs)
        if not said and header:     # no goal to tell the language: the header's words do
            doc_lang = _detect_doc_lang([" ".join(f"{h['raw_key']} {h['text']}" for h in header)], lex)[0]
    typed = [_typed_entry(h, kw, doc_lang, lex, max_statement_length) for h in header]
    return declared_lang, doc_lang, goal_langs, typed, _context(typed, today, declared_lang, path, format)


def detected_langs(values: list) -> tuple[list, bool]:
    """(each statement's language, whether any goal has a statement) for a list of goals' statement
    tokens (None for an empty one), as document_head takes them."""
    return [detect_goal_lang(v) for v in values], any(values)


def detect_goal_lang(value) -> str:
    """The language of a goal's statement token (None for an empty statement), as detect_lang reads it."""
    from ..language.langdetect import detect_lang
    return detect_lang(str(value) if value else "", default_lexicons())


def declares_lang(raw_key: str) -> bool:
    """Whether a header line's key is the one that declares the document's language."""
    return keywords().header.get(_norm_key(raw_key)) == "lang"


class _SameLang:
    """Every goal's language when the header declares one."""

    __slots__ = ("lang",)

    def __init__(self, lang: str):
        self.lang = lang

    def __getitem__(self, index: int) -> str:
        return self.lang


def reparse_statement(doc: Document, text: str, *, max_statement_length: int = MAX_STATEMENT,
                      goal_parser=None) -> Document | None:
    """`doc` read again after an edit that changed one goal statement and nothing else: the Document
    parse_document(text) gives, with that statement alone parsed again; None when the edit did more
    (another line, a keyword, a comment, the document's language), and only parse_document can say.

    The language server calls it on each edit, so that typing in a goal costs that goal."""
    lines = _split_lines(text)
    if len(lines) != len(doc.lines):
        return None
    changed = [i for i, (old, new) in enumerate(zip(doc.lines, lines)) if old != new]
    if len(changed) != 1:
        return None
    row = changed[0]
    index = next((i for i, g in enumerate(doc.goals) if g.line == row + 1), None)
    if index is None:
        return None
    old_tokens, new_tokens = _classify(doc.lines[row], row + 1), _classify(lines[row], row + 1)
    kinds = [t.type for t in new_tokens]
    if kinds[-2:] != ["VALUE", "NL"] or kinds[:-2] != [t.type for t in old_tokens][:-2] \
            or any(str(a) != str(b) for a, b in zip(old_tokens[:-3], new_tokens[:-3])):
        return None         # not "keyword [category]: statement" before and after, with the same keyword
    entry = doc.goals[index]
    ctx = doc.context
    value = new_tokens[-2]
    lang = ctx.lang
    if lang is None:        # no language declared: the new statement's own, and the document's must stay
        from ..language.langdetect import detect_lang
        lex = default_lexicons()
        lang = detect_lang(str(value), lex)
        votes: dict[str, int] = {}
        for i, g in enumerate(doc.goals):
            own = lang if i == index else (g.goal.lang if g.goal is not None else detect_lang(g.text, lex))
            votes[own] = votes.get(own, 0) + 1
        if max(sorted(votes), key=lambda k: votes[k]) != doc.lang:
            return None
    if entry.checkins and (entry.goal is None or entry.goal.lang != lang):
        return None         # its check-ins are read in the goal's language, which is another now
    raw = dict(kw=new_tokens[0], value=value, category=entry.category, checkins=[],
               tasks=[dict(text=t.text, line=t.line, span=t.span) for t in entry.tasks])
    new_entry = _goal_entry(index, raw, lang, ctx, ctx.lang, max_statement_length, goal_parser or parse_goal)
    if entry.checkins:
        new_entry = attr.evolve(new_entry, checkins=entry.checkins)
    goals = doc.goals[:index] + (new_entry,) + doc.goals[index + 1:]
    return attr.evolve(doc, goals=goals, lines=tuple(lines))


def _declared_lang(header: list[dict], kw: _Keywords) -> str | None:
    """The language a header line declares (the last such line; one that is not a language declares none)."""
    declared_lang = None
    for h in header:
        if kw.header.get(_norm_key(h["raw_key"])) == "lang":
            declared_lang = _norm_key(h["text"]) if _norm_key(h["text"]) in LANGS else None
    return declared_lang


def _typed_entry(h: dict, kw: _Keywords, doc_lang: str, lex: LexiconSet, max_statement_length: int) -> HeaderEntry:
    """A header line with its key made canonical and its value typed (or the message why it is not)."""
    key = kw.header.get(_norm_key(h["raw_key"]))
    value, error = (None, None)
    if key is not None:
        if not h["text"]:
            error = "the value is missing"
        elif kw.types[key] != "text" and len(h["text"]) > max_statement_length:
            # typed values are read like statements (a baseline item is parsed as one): same limit
            error = f"the value is longer than the limit (max-statement-length, {max_statement_length:,})"
        else:
            try:
                value, error = _type_value(key, h["text"], doc_lang, lex)
            except GoalSyntaxError as exc:  # a stray character inside a number or a duration
                value, error = None, f"'{h['text']}' cannot be read: {exc.message}"
    return HeaderEntry(key, h["raw_key"], h["text"], value, error, h["span"], h["key_span"], h["value_span"])


def _context(typed: list[HeaderEntry], today, declared_lang: str | None, path: str | None,
             format: str = "goals") -> Context:
    """What the rules know about the document: its header's values (the first valid one of each key)."""
    def first(key):
        return next((h.value for h in typed if h.key == key and h.value is not None), None)

    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    return Context(today=today, start=first("start"), role=first("role"), paid_ads=first("paid-ads"),
                   history_months=first("history"), lead_processing=first("lead-processing"),
                   budget=first("budget"), baselines=first("baseline") or {}, lang=declared_lang, path=path,
                   format=format)


def _goal_entry(i: int, g: dict, lang: str, ctx: Context, declared_lang: str | None,
                max_statement_length: int, parse=parse_goal) -> GoalEntry:
    """The i-th goal line: its statement parsed (or the syntax error, placed in the file) and its tasks."""
    k, v = g["kw"], g["value"]
    tasks = tuple(TaskEntry(t["text"], t["line"], t["span"], i) for t in g["tasks"])
    checkins = tuple(_checkin(c, lang, max_statement_length) for c in g["checkins"])
    end = v if v is not None else k
    span = trusted_span(k.line, k.column, k.line, end.end_column + (1 if v is None else 0))   # (its line's tokens)
    if v is None:
        err = GoalSyntaxError("E005", "empty-statement", "empty goal statement: expected a goal",
                              line=k.line, column=k.column, text=str(k))
        return GoalEntry("", k.line, None, err, g["category"], tasks, span, checkins)
    # a statement put together from several cells (a table row) is parsed as one line and then
    # `place`d: each position moved to the cell it came from
    origin, place = g.get("origin", (v.line, v.column)), g.get("place")
    try:
        goal = parse(str(v), lang=lang, today=ctx.reference_date, origin=origin,
                     max_length=max_statement_length)
        if g["category"] and g["category"] != goal.category:
            goal = attr.evolve(goal, category=g["category"])
        return GoalEntry(str(v), k.line, place(goal) if place else goal, None, g["category"], tasks, span, checkins)
    except GoalSyntaxError as exc:
        exc = _placed(exc, str(v), origin, parse, lang=declared_lang, today=ctx.reference_date,
                      max_length=max_statement_length)
        return GoalEntry(str(v), k.line, None, place(exc) if place else exc, g["category"], tasks, span, checkins)


def _checkin_goal(text: str, lang: str) -> Optional[Goal]:
    """A check-in's value read as a statement: in the goal's language, else in the language of its own
    words ("1,8 грн" under a goal in English); None when it reads in neither."""
    found = None
    for value_lang in (lang, None):
        try:
            g = parse_goal(text, lang=value_lang)
        except GoalSyntaxError:
            continue
        if g.target is not None and not g.unplaced:
            return g
        found = found or g
    return found


def _checkin(c: dict, lang: str, max_statement_length: int) -> CheckIn:
    """A check-in line of a .goals document: its date as written (or None) and its value."""
    return read_checkin(c["text"], c["date"], span=c["span"], lang=lang, max_statement_length=max_statement_length)


def read_checkin(text: str, date_text: Optional[str] = None, *, span: Optional[Span] = None, lang: str = "en",
                 max_statement_length: int = MAX_STATEMENT) -> CheckIn:
    """A check-in from its value and date as written (a `current` cell of a table or a line under a goal):
    the date 2026-03-01 or 01.03.2026, the value read in the goal's language `lang` as a statement reads a
    number with its unit, scale word or metric ("4,200", "3.5%", "$1.6", «1,8 грн», "2 h", "top-5").
    Never raises: what cannot be used has its `error` (CHECKIN_ERRORS)."""
    text = text.strip()
    date = None
    if date_text is not None:
        try:
            date = _checkin_date(date_text.strip())
        except (ValueError, OverflowError):
            return CheckIn(None, None, text, span, error="date")
    if not text:
        return CheckIn(date, None, text, span, error="missing")
    if text[0] in "+-\u2212" or len(text) > max_statement_length:
        return CheckIn(date, None, text, span, error="change" if text[0] in "+-\u2212" else "unreadable")
    g = _checkin_goal(text, lang)
    if g is None:
        return CheckIn(date, None, text, span, error="unreadable")
    t = g.target
    if t is not None and t.kind == "relative":
        return CheckIn(date, None, text, span, error="change")
    if (t is None or t.kind not in ("absolute", "rank") or t.value is None or g.unplaced or g.deadline is not None
            or g.time_text is not None or len(g.parts) > 1 or g.vague or g.placeholder):
        return CheckIn(date, None, text, span, error="unreadable")
    unit = "rank" if t.kind == "rank" else t.unit
    return CheckIn(date, float(t.value), text, span, unit, g.metric.name if g.metric is not None else None)


def _placed(exc: GoalSyntaxError, text: str, origin: tuple[int, int], parse=parse_goal, **kwargs) -> GoalSyntaxError:
    """A statement's syntax error at its line and column in the file.

    parse_goal moves most errors to `origin` itself, but not every one (a stray character found by
    the tokenizer comes back counted from the statement's start), so the error is taken counted from
    the statement and moved here, once. Only statements that fail are parsed twice.
    """
    try:
        parse(text, **kwargs)
    except GoalSyntaxError as relative:
        return relative.at(line_offset=origin[0] - 1, column_offset=origin[1] - 1)
    return exc  # pragma: no cover - parse_goal is deterministic


def header_suggestion(raw_key: str) -> Optional[str]:
    from ..base.suggest import close_matches
    close = close_matches(_norm_key(raw_key), keywords().all_keys)
    return close[0] if close else None


__all__ = ["CheckIn", "Document", "GoalEntry", "read_checkin", "HeaderEntry", "StrayLine", "Suppression", "TaskEntry", "parse_document",
           "reparse_statement",
           "CATEGORIES"]
