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

import attr  # the attrs package; `import attrs` adds a namespace module on every run
from ..base.lazyre import LazyPattern
from ..language.ast import CATEGORIES, LANGS, Goal, Span
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


@attr.frozen
class HeaderEntry:
    key: Optional[str]          # canonical key (grammar/document.toml) or None when unknown
    raw_key: str
    text: str                   # the value as written
    value: Any = None           # typed value, None when missing or invalid
    error: Optional[str] = None
    span: Optional[Span] = None       # the whole line's content
    key_span: Optional[Span] = None
    value_span: Optional[Span] = None


@attr.frozen
class TaskEntry:
    text: str
    line: int
    span: Optional[Span] = None
    goal_index: Optional[int] = None  # index of the goal it belongs to; None before any goal


@attr.frozen
class GoalEntry:
    text: str
    line: int
    goal: Optional[Goal] = None
    error: Optional[GoalSyntaxError] = None
    category: Optional[str] = None    # written after the keyword: "goal sales: ..."
    tasks: tuple = ()
    span: Optional[Span] = None


@attr.frozen
class Suppression:
    line: int
    codes: tuple                      # empty: every code
    file_wide: bool
    span: Span


@attr.frozen
class StrayLine:
    text: str
    line: int
    span: Span


@attr.frozen
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
    scale an amount -> their multiplier."""

    __slots__ = ("goal", "task", "categories", "header", "types", "yes", "no", "roles", "all_keys", "scales")

    def __init__(self, goal: dict, task: dict, categories: dict, header: dict, types: dict, yes: frozenset,
                 no: frozenset, roles: dict, all_keys: tuple, scales: dict | None = None):
        self.goal, self.task, self.categories, self.header, self.types = goal, task, categories, header, types
        self.yes, self.no, self.roles, self.all_keys = yes, no, roles, all_keys
        self.scales = {} if scales is None else scales


def _norm_key(key: str) -> str:
    return re.sub(r"[\s_]+", "-", normalize_word(key.strip()))


@functools.lru_cache(maxsize=1)
def keywords() -> _Keywords:
    """The keyword tables, normalized once and cached with the file's contents as their key."""
    path = grammar_file("document.toml")
    return cache.cached("doc-keywords", cache.key(path, files=[path]), lambda: _keywords(cache.data_file(path)),
                        lambda v: type(v) is _Keywords and all(type(getattr(v, n)) is dict for n in
                                                                ("goal", "task", "categories", "header", "types",
                                                                 "roles", "scales")))


def _keywords(data: dict) -> _Keywords:
    def words(table) -> list[str]:
        return [w for lang in LANGS for w in table.get(lang, [])]

    goal = {_norm_key(w): True for w in words(data["keywords"]["goal"])}
    task = {_norm_key(w): True for w in words(data["keywords"]["task"])}
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
                     dict(values.get("scale", {})))


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
    kw = keywords()
    body = line_text.rstrip()
    indent = len(body) - len(body.lstrip())
    content = body.lstrip()
    out: list[Token] = []
    nl = _tok("NL", "\n", lineno, len(line_text) + 1)
    if not content:
        return [nl]
    if content.startswith("#"):
        return [_tok("COMMENT", content, lineno, indent + 1), nl]
    comment = None
    m = _COMMENT_RE.search(content)
    if m:
        start = m.start() + (1 if content[m.start()].isspace() else 0)
        comment = _tok("COMMENT", content[start:], lineno, indent + start + 1)
        content = content[:start].rstrip()
    colon = content.find(":")
    if colon > 0:
        head = content[:colon]
        parts = head.split()
        norm = _norm_key(head)
        value = content[colon + 1:]
        vstart = colon + 1 + (len(value) - len(value.lstrip()))
        value = value.strip()
        first = _norm_key(parts[0]) if parts else ""
        kind = None
        if norm in kw.goal or norm in kw.task:
            kind = "GOAL_KW" if norm in kw.goal else "TASK_KW"
            out.append(_tok(kind, head, lineno, indent + 1))
        elif first in kw.goal and len(parts) == 2 and _norm_key(parts[1]) in kw.categories:
            kind = "GOAL_KW"
            out.append(_tok(kind, parts[0], lineno, indent + 1))
            cat_col = indent + head.index(parts[1], len(parts[0])) + 1
            out.append(_tok("CATEGORY", parts[1], lineno, cat_col))
        elif _KEY_RE.match(head.strip()):
            kind = "KEY"
            out.append(_tok("KEY", head.strip(), lineno, indent + 1))
        if kind:
            out.append(_tok("COLON", ":", lineno, indent + colon + 1))
            if value:
                out.append(_tok("VALUE", value, lineno, indent + vstart + 1))
            if comment is not None:
                out.append(comment)
            out.append(nl)
            return out
    out.append(_tok("TEXT", content, lineno, indent + 1))
    if comment is not None:
        out.append(comment)
    out.append(nl)
    return out


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


def _type_value(key: str, text: str, lang: str, lex: LexiconSet) -> tuple[Any, Optional[str]]:
    kw = keywords()
    kind = kw.types[key]
    norm = _norm_key(text)
    if kind == "text":
        return text, None
    if kind == "date":
        try:
            day = dt.date.fromisoformat(text.strip())
        except ValueError:
            return None, f"'{text}' is not a date: write it as YYYY-MM-DD"
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
    votes: dict[str, int] = {}
    langs = []
    for t in goal_texts:
        lang = detect_lang(t, lex)
        langs.append(lang)
        votes[lang] = votes.get(lang, 0) + 1
    return (max(sorted(votes), key=lambda k: votes[k]) if votes else "en"), langs


def _split_lines(text: str) -> list[str]:
    """The document's lines, without their ends: LF, CRLF and a lone CR (old Mac files) each end one."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _line_tokens(lines: list[str], limit: int):
    """Terminals of every line that says something, one line at a time (a generator, so no list of a
    whole file's tokens is ever held). Blank lines and comments that are not suppressions add nothing to
    what parse_document builds, so they give no tokens: a file of blank lines costs no more than its text."""
    classify, suppression = _classify, _SUPPRESS_RE.search
    entries = 0
    for i, line in enumerate(lines, start=1):
        if not line or line.isspace():
            continue
        stripped = line.lstrip()
        if stripped.startswith("#") and suppression(stripped) is None:
            continue
        entries += 1
        if entries > limit:
            raise DocumentLimitError(f"the document has more than {limit:,} entries (goals, tasks, header "
                                     f"lines, other text and suppressions; max-entries); split it into smaller "
                                     f"documents",
                                     line=i, column=len(line) - len(stripped) + 1)
        yield from classify(line, i)


class _Entries:
    """What a document's lines say, taken in one line at a time as the parser reduces each line's
    rule (`line_node`): no tree of the whole file is kept. One is made for each parse_document call."""

    def __init__(self, kw: _Keywords, max_entries: int):
        self.kw, self.max_entries = kw, max_entries
        self.header: list[dict] = []
        self.raw_goals: list[dict] = []
        self.orphans: list[TaskEntry] = []
        self.stray: list[StrayLine] = []
        self.suppressions: list[Suppression] = []
        self.seen_goal = False
        self.named = 0                  # codes named by the suppressions so far

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
            self.raw_goals.append(dict(kw=k, value=v, tasks=[],
                                       category=self.kw.categories.get(_norm_key(str(cat))) if cat else None))
        elif name == "task":
            k, v = toks["TASK_KW"], toks.get("VALUE")
            end = v if v is not None else toks["COLON"]
            entry = dict(text=str(v) if v is not None else "", line=k.line,
                         span=Span(k.line, k.column, k.line, end.end_column))
            if self.raw_goals:
                self.raw_goals[-1]["tasks"].append(entry)
            else:
                self.orphans.append(TaskEntry(entry["text"], entry["line"], entry["span"], None))
        elif name == "stray":
            t = toks["TEXT"]
            self.stray.append(StrayLine(str(t), t.line, Span(t.line, t.column, t.line, t.end_column)))
        return None

    def add_comment(self, comment: Token) -> None:
        """The suppressions of a comment found by another reader (Markdown, spreadsheets)."""
        self._suppressions(comment)

    def _suppressions(self, comment: Token) -> None:
        """The suppressions a comment makes; each, and each code they name, counts toward max-entries."""
        max_entries = self.max_entries
        for m in _SUPPRESS_RE.finditer(str(comment)):
            if len(self.suppressions) >= max_entries:    # many on one line: each is an entry of its own
                raise DocumentLimitError(f"the document has more than {max_entries:,} suppressions; "
                                         f"split it into smaller documents",
                                         line=comment.line, column=comment.column + m.start())
            self.named += (m.group(2) or "").count(",") + 1
            if self.named > max_entries:              # and so is each code they name
                raise DocumentLimitError(f"the document's suppressions name more than {max_entries:,} codes",
                                         line=comment.line, column=comment.column + m.start())
            codes = tuple(c.strip().upper() for c in (m.group(2) or "").split(",") if c.strip())
            col = comment.column + m.start()
            self.suppressions.append(Suppression(comment.line, codes, m.group(1).lower() == "ignore-file",
                                                 Span(comment.line, col, comment.line, comment.column + len(comment))))


def parse_document(text: str, *, path: str | None = None, today=None,
                   max_statement_length: int = MAX_STATEMENT, max_entries: int = MAX_ENTRIES) -> Document:
    """Parse a goal document. Never raises on content (see the module docstring), except a document of more
    than `max_entries` entries: a DocumentLimitError at the first entry past the limit."""
    if not isinstance(text, str):
        raise TypeError(f"parse_document expects a str, got {type(text).__name__}")
    kw = keywords()
    lines = _split_lines(text)
    entries = _Entries(kw, max_entries)
    lr.parse(_table(), _line_tokens(lines, max_entries), entries.line_node)
    return build_document(entries, lines, path=path, today=today, max_statement_length=max_statement_length)


def build_document(entries: _Entries, lines: list[str], *, path: str | None, today,
                   max_statement_length: int = MAX_STATEMENT, format: str = "goals") -> Document:
    """The Document of what a reader found (`entries`): the language, the typed header, the goals parsed.
    Every reader (.goals, Markdown, spreadsheets) ends here, so all of them make the same Document."""
    lex = default_lexicons()
    kw = entries.kw
    # the language and the header, then the goals that depend on them
    declared_lang = _declared_lang(entries.header, kw)
    texts = [str(g["value"]) if g["value"] else "" for g in entries.raw_goals]
    if declared_lang:
        doc_lang, goal_langs = declared_lang, [declared_lang] * len(texts)
    else:
        doc_lang, goal_langs = _detect_doc_lang(texts, lex)
    typed = [_typed_entry(h, kw, doc_lang, lex, max_statement_length) for h in entries.header]
    ctx = _context(typed, today, declared_lang, path, format)
    goals = [_goal_entry(i, g, goal_langs[i], ctx, declared_lang, max_statement_length)
             for i, g in enumerate(entries.raw_goals)]
    return Document(path, doc_lang, tuple(typed), tuple(goals), tuple(entries.orphans),
                    tuple(entries.suppressions), tuple(entries.stray), tuple(lines), ctx, format)


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
                max_statement_length: int) -> GoalEntry:
    """The i-th goal line: its statement parsed (or the syntax error, placed in the file) and its tasks."""
    k, v = g["kw"], g["value"]
    tasks = tuple(TaskEntry(t["text"], t["line"], t["span"], i) for t in g["tasks"])
    end = v if v is not None else k
    span = Span(k.line, k.column, k.line, end.end_column + (1 if v is None else 0))
    if v is None:
        err = GoalSyntaxError("E005", "empty-statement", "empty goal statement: expected a goal",
                              line=k.line, column=k.column, text=str(k))
        return GoalEntry("", k.line, None, err, g["category"], tasks, span)
    # a statement put together from several cells (a table row) is parsed as one line and then
    # `place`d: each position moved to the cell it came from
    origin, place = g.get("origin", (v.line, v.column)), g.get("place")
    try:
        goal = parse_goal(str(v), lang=lang, today=ctx.reference_date, origin=origin,
                          max_length=max_statement_length)
        if g["category"] and g["category"] != goal.category:
            goal = attr.evolve(goal, category=g["category"])
        return GoalEntry(str(v), k.line, place(goal) if place else goal, None, g["category"], tasks, span)
    except GoalSyntaxError as exc:
        exc = _placed(exc, str(v), origin, lang=declared_lang, today=ctx.reference_date,
                      max_length=max_statement_length)
        return GoalEntry(str(v), k.line, None, place(exc) if place else exc, g["category"], tasks, span)


def _placed(exc: GoalSyntaxError, text: str, origin: tuple[int, int], **kwargs) -> GoalSyntaxError:
    """A statement's syntax error at its line and column in the file.

    parse_goal moves most errors to `origin` itself, but not every one (a stray character found by
    the tokenizer comes back counted from the statement's start), so the error is taken counted from
    the statement and moved here, once. Only statements that fail are parsed twice.
    """
    try:
        parse_goal(text, **kwargs)
    except GoalSyntaxError as relative:
        return relative.at(line_offset=origin[0] - 1, column_offset=origin[1] - 1)
    return exc  # pragma: no cover - parse_goal is deterministic


def header_suggestion(raw_key: str) -> Optional[str]:
    from ..base.suggest import close_matches
    close = close_matches(_norm_key(raw_key), keywords().all_keys)
    return close[0] if close else None


__all__ = ["Document", "GoalEntry", "HeaderEntry", "StrayLine", "Suppression", "TaskEntry", "parse_document",
           "CATEGORIES"]
