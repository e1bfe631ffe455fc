"""The fixes the engine makes: for each fix kind of rules.fixes.FIX_KINDS, the edits that resolve
one finding, or None when this finding has no such fix (a key with two close known keys, a date
that is not one of the forms read here). Only called for a finding of a rule that has a fix."""
from __future__ import annotations

import bisect
import datetime as dt
import re
import weakref

from ..base.lazyre import LazyPattern
from ..documents.goals import _SUPPRESS_RE
from ..language.ast import Span
from .fixes import Edit, Fix, FixSpec
from .rulefile import render_template

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional


def make_fix(spec: FixSpec, scope: str, entity, span: Span, values: dict, lang: str, doc, rules) -> Optional[Fix]:
    """The Fix of one finding: `entity` is what the rule fired on (fields.SCOPE_TABLE), `span` where
    the finding points, `values` the message placeholders in `lang`, `doc` the Document (None for a
    statement checked on its own) and `rules` the RuleSet."""
    if not _edits_format(spec, doc):
        return None
    lines = _source_lines(doc, scope, entity)
    made = _KINDS[spec.kind](spec, entity, span, values, lines, doc, rules)
    if made is None:
        return None
    edits, replacement = made
    title_values = dict(values)
    title_values.update(span=_text_at(lines, span), replacement=replacement)
    return Fix(spec.safe, render_template(spec.title(lang), title_values), tuple(edits),
               display_only=spec.suggestion)


# The fix kinds that can edit a Markdown brief or a CSV/TSV export. Those two have their own syntax
# (HTML comments, list items, cells), so a kind that writes .goals syntax (a `#` comment, a goal's
# lines with its tasks) is made for .goals files only; a `replace` fix is syntax-neutral only when it
# deletes (E001's stray character) and a statement is rewritten in place only where it is one piece
# of text (not a spreadsheet row joined from cells). A .xlsx workbook is not text: it gets no fixes.
_SHEET_KINDS = frozenset({"header-key", "header-date", "remove-suppression", "renamed-code", "replace"})
_MARKDOWN_KINDS = _SHEET_KINDS | {"lead-promise"}


def _edits_format(spec: FixSpec, doc) -> bool:
    """Whether a fix of `spec` can be made in `doc`'s format (see above)."""
    fmt = getattr(doc, "format", "goals") if doc is not None else "goals"
    if fmt == "goals":
        return True
    if spec.kind == "replace" and spec.replace:
        return False
    if fmt == "markdown":
        return spec.kind in _MARKDOWN_KINDS
    return fmt in ("csv", "tsv") and spec.kind in _SHEET_KINDS


def _source_lines(doc, scope: str, entity) -> tuple:
    if doc is not None:
        return doc.lines
    if scope == "goal":                   # a statement checked on its own: its spans count from line 1
        return tuple(entity.goal.text.split("\n"))
    return ()


def _text_at(lines: tuple, span: Span) -> str:
    if not lines or span.line > len(lines):
        return ""
    if span.line == span.end_line:
        return lines[span.line - 1][span.column - 1:span.end_column - 1]
    parts = [lines[span.line - 1][span.column - 1:]]
    parts += lines[span.line:span.end_line - 1]
    if span.end_line <= len(lines):
        parts.append(lines[span.end_line - 1][:span.end_column - 1])
    return "\n".join(parts)


def _at(span: Span, text: str) -> Edit:
    return Edit(span.line, span.column, span.end_line, span.end_column, text)


def delete_line(lines: tuple, n: int) -> Edit:
    """Remove line n with its line ending (the last line of a document without a final line ending:
    with the line ending before it)."""
    if n < len(lines):
        return Edit(n, 1, n + 1, 1, "")
    if n > 1:
        return Edit(n - 1, len(lines[n - 2]) + 1, n, len(lines[n - 1]) + 1, "")
    return Edit(n, 1, n, len(lines[n - 1]) + 1, "")


# -- replace: the rule file's template ------------------------------------------------------------
def _replace(spec: FixSpec, entity, span: Span, values: dict, lines: tuple, doc, rules):
    if not lines:
        return None
    old = _text_at(lines, span)
    new = render_template(spec.replace, {**values, "span": old})
    if new == old:
        return None
    return [_at(span, new)], new


# -- header keys and dates -------------------------------------------------------------------------
def _header_key(spec: FixSpec, item, span: Span, values: dict, lines: tuple, doc, rules):
    """An unknown key close to exactly one known key: that key, as the closest word for it is written."""
    from ..base.suggest import close_matches
    from ..documents.goals import _norm_key, keywords
    h = item.entry
    if h.key is not None or h.key_span is None:
        return None
    kw = keywords()
    close = close_matches(_norm_key(h.raw_key), kw.all_keys, n=len(kw.all_keys))
    if len({kw.header[w] for w in close}) != 1:
        return None
    return [_at(h.key_span, close[0])], close[0]


_NUMERIC_DATE = LazyPattern(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})|(\d{4})([./])(\d{1,2})\6(\d{1,2})")
_YEAR_WORDS = {"г", "года", "год", "р", "року", "рік"}


def header_date(text: str) -> Optional[dt.date]:
    """A date written 15.01.2026, 15/01/2026, 2026/01/15, 15 января 2026 (г.), 15 січня 2026 (р.),
    15 January 2026 or January 15, 2026; None for anything else or a day that does not exist.

    Day first, as goal statements read 30/06/2026; with a slash, a second number over 12 makes the
    first the month (06/30/2026), as in statements."""
    text = text.strip()
    m = _NUMERIC_DATE.fullmatch(text)
    if m:
        if m.group(1):
            d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
            if m.group(2) == "/" and mo > 12 >= d:
                d, mo = mo, d
        else:
            y, mo, d = int(m.group(5)), int(m.group(7)), int(m.group(8))
        return _date(y, mo, d)
    return _named_month_date(text)


def _date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _named_month_date(text: str) -> Optional[dt.date]:
    """`DAY MONTH YEAR` or `MONTH DAY, YEAR` with the month a word of any language's lexicon (any form)."""
    from ..language.lexicon import default_lexicons, normalize_word
    from ..language.tokenizer import tokenize
    try:
        toks = [t for t in tokenize(text) if not (t.kind == "symbol" and t.text in ",.")]
    except Exception:  # noqa: BLE001 - a value the tokenizer refuses is simply not a date
        return None
    words = [normalize_word(t.text) if t.kind == "word" else "" for t in toks]
    while words and words[-1] in _YEAR_WORDS and len(toks) > 3:
        toks, words = toks[:-1], words[:-1]
    if len(toks) != 3:
        return None
    kinds = [t.kind for t in toks]
    if kinds == ["number", "word", "number"]:
        day, month_at, year = toks[0], 1, toks[2]
    elif kinds == ["word", "number", "number"]:
        day, month_at, year = toks[1], 0, toks[2]
    else:
        return None
    lex = default_lexicons()
    month = None
    for lang in ("en", "ru", "uk"):
        month = next((int(r.value) for r in lex[lang].readings(words, month_at)
                      if r.terminal == "MONTH" and r.length == 1), None)
        if month is not None:
            break
    if month is None or len(year.text) != 4 or len(day.text) > 2:
        return None
    return _date(int(year.text), month, int(day.text))


def _header_date(spec: FixSpec, item, span: Span, values: dict, lines: tuple, doc, rules):
    from ..documents.goals import LAST_HEADER_DATE, keywords
    h = item.entry
    if h.key is None or h.value_span is None or keywords().types.get(h.key) != "date":
        return None
    day = header_date(h.text)
    if day is None or day > LAST_HEADER_DATE:
        return None
    return [_at(h.value_span, day.isoformat())], day.isoformat()


# -- suppressions ----------------------------------------------------------------------------------
def _comment_start(line: str, column: int) -> int:
    """The 0-based index of the `#` that opens the comment holding column `column`."""
    return line.rfind("#", 0, column - 1)


def _remove_suppression(spec: FixSpec, item, span: Span, values: dict, lines: tuple, doc, rules):
    """The suppression removed; its comment too when nothing else is written in it, and its line
    when the comment is all the line holds. In a Markdown brief the comment is an HTML comment (a `#`
    comment inside a ```goals block); in a spreadsheet export only the suppression's own text goes,
    never a delimiter, a quote or another cell."""
    if not lines or span.line > len(lines):
        return None
    n = span.line
    line = lines[n - 1]
    begin = span.column - 1
    m = _SUPPRESS_RE.match(line, begin)
    if m is None:
        return None
    fmt = getattr(doc, "format", "goals") if doc is not None else "goals"
    if fmt in ("csv", "tsv"):
        return [Edit(n, m.start() + 1, n, m.end() + 1, "")], ""
    if fmt == "markdown":
        opened = line.rfind("<!--", 0, begin)
        if opened >= 0 and line.find("-->", opened, begin) < 0:
            return _remove_from_html_comment(lines, n, opened, m)
    nxt = _SUPPRESS_RE.search(line, m.end())
    hash_at = _comment_start(line, span.column)
    rest = line[m.end():nxt.start() if nxt else len(line)]
    before = line[hash_at + 1:begin] if hash_at >= 0 else line[:begin]
    if hash_at >= 0 and nxt is None and not before.strip() and not rest.strip():
        if not line[:hash_at].strip():
            return [delete_line(lines, n)], ""
        keep = len(line[:hash_at].rstrip())
        return [Edit(n, keep + 1, n, len(line) + 1, "")], ""
    end = nxt.start() if nxt else len(line)
    if nxt is None:
        start = len(line[:begin].rstrip()) if before.strip() else begin
        return [Edit(n, start + 1, n, end + 1, "")], ""
    return [Edit(n, begin + 1, n, end + 1, "")], ""


def _remove_from_html_comment(lines: tuple, n: int, opened: int, m: re.Match):
    """The suppression `m` removed from the HTML comment opened at `opened` on line n: the whole
    comment (with the spaces before it) when it holds nothing else, the whole line when the comment
    is all the line holds, else only the suppression's text."""
    line = lines[n - 1]
    closed = line.find("-->", m.end())
    if closed < 0:                      # a comment that goes on to the next line: only its text
        return [Edit(n, m.start() + 1, n, m.end() + 1, "")], ""
    inside = line[opened + 4:m.start()] + line[m.end():closed]
    if inside.strip():
        return [Edit(n, m.start() + 1, n, m.end() + 1, "")], ""
    if not line[:opened].strip() and not line[closed + 3:].strip():
        return [delete_line(lines, n)], ""
    start = len(line[:opened].rstrip()) if not line[closed + 3:].strip() else opened
    return [Edit(n, start + 1, n, closed + 4, "")], ""


def _renamed_code(spec: FixSpec, item, span: Span, values: dict, lines: tuple, doc, rules):
    """Each renamed code in the suppression's brackets replaced by the code its rule has now (removed
    when the new code is already named there)."""
    if not lines or span.line > len(lines) or not rules.aliases:
        return None
    n = span.line
    line = lines[n - 1]
    m = _SUPPRESS_RE.match(line, span.column - 1)
    if m is None or m.group(2) is None:
        return None
    inside = m.group(2)
    base = m.start(2)
    tokens = [(t.start(), t.end(), t.group().upper()) for t in re.finditer(r"[^,\s]+", inside)]
    named = {code for _, _, code in tokens}
    edits, news, written = [], [], set()
    for i, (start, end, code) in enumerate(tokens):
        new = rules.aliases.get(code)
        if new is None:
            continue
        if new not in news:
            news.append(new)
        if new in named or new in written:
            # drop the code with the separator before it (after it, for the first one)
            if i > 0:
                cut_from = tokens[i - 1][1]
                edits.append(Edit(n, base + cut_from + 1, n, base + end + 1, ""))
            else:
                cut_to = tokens[1][0] if len(tokens) > 1 else end
                edits.append(Edit(n, base + start + 1, n, base + cut_to + 1, ""))
        else:
            edits.append(Edit(n, base + start + 1, n, base + end + 1, new))
            written.add(new)
    if not edits:
        return None
    return edits, ", ".join(news)


# -- goals ---------------------------------------------------------------------------------------------
class _GoalIndex:
    """A document's goal entries found by goal and by line (their places in `doc.goals`), and the sorted
    lines of its goals and tasks: made once per document, so each repeated goal's fix is a look-up,
    not a walk of every goal (which made a document with many copies quadratic). It holds numbers
    only, never the document's entries."""

    __slots__ = ("by_goal", "by_line", "lines")

    def __init__(self, doc):
        self.by_goal: dict[int, int] = {}      # id(goal) -> its entry's place
        self.by_line: dict[int, int] = {}
        lines: list[int] = []
        for i, e in enumerate(doc.goals):
            if e.goal is not None:
                self.by_goal.setdefault(id(e.goal), i)
            self.by_line.setdefault(e.line, i)
            lines.append(e.line)
            lines += [t.line for t in e.tasks]
        lines.sort()
        self.lines = lines

    def any_between(self, low: int, high: int) -> bool:
        """Whether a goal or task line lies strictly between lines `low` and `high`."""
        i = bisect.bisect_right(self.lines, low)
        return i < len(self.lines) and self.lines[i] < high


# (weak reference to a document, the goals it had, their _GoalIndex)
_last_index: tuple = (lambda: None, None, None)


def _forget_index(_ref) -> None:
    global _last_index
    _last_index = (lambda: None, None, None)


def _goal_index(doc) -> _GoalIndex:
    """The index of `doc`'s goals, kept for the last document only and dropped with it (the weak
    reference never keeps a document alive); made again when the document holds other goals (the
    streaming lint's stand-in shows the copies of each repeated goal in turn)."""
    global _last_index
    ref, goals, index = _last_index
    if ref() is not doc or goals is not doc.goals:
        index = _GoalIndex(doc)
        _last_index = (weakref.ref(doc, _forget_index), doc.goals, index)
    return index


def _remove_goal(spec: FixSpec, item, span: Span, values: dict, lines: tuple, doc, rules):
    """A repeated goal's line removed; its tasks go under the first copy (where they already would
    when only comments and blank lines come between the two)."""
    if doc is None or item.duplicate_line is None:
        return None
    index = _goal_index(doc)
    at, first_at = index.by_goal.get(id(item.goal)), index.by_line.get(item.duplicate_line)
    if at is None or first_at is None:
        return None
    entry, first = doc.goals[at], doc.goals[first_at]
    edits = [delete_line(lines, entry.line)]
    first_end = max([first.line] + [t.line for t in first.tasks])
    entries_between = index.any_between(first_end, entry.line)
    if entry.tasks and entries_between:
        # the task lines as written, each with a line feed (the document's own line endings are not kept
        # by the reader), inserted where the first copy's block ends: before the line after it
        moved = "".join(lines[t.line - 1] + "\n" for t in entry.tasks)
        edits = [Edit(first_end + 1, 1, first_end + 1, 1, moved), delete_line(lines, entry.line)]
        edits += [delete_line(lines, t.line) for t in entry.tasks]
        edits = _merge_deletions(edits)
    return edits, entry.text


def _merge_deletions(edits: list[Edit]) -> list[Edit]:
    """Deletions that touch or overlap become one edit (a fix's edits may not overlap): the last line
    of a document is deleted with the line ending before it, which the deletion of the line above
    also takes."""
    edits = sorted(edits, key=lambda e: (e.start(), e.end(), e.text != ""))
    out: list[Edit] = []
    for e in edits:
        if out and e.text == "" and out[-1].text == "" and e.start() <= out[-1].end():
            prev = out.pop()
            end = max(prev.end(), e.end())
            e = Edit(prev.line, prev.column, end[0], end[1], "")
        out.append(e)
    return out


def _lead_promise(spec: FixSpec, item, span: Span, values: dict, lines: tuple, doc, rules):
    """The goal written again as a promise of leads (the same number, channel, period and deadline,
    no baseline), in its own language: a suggestion, for a person to adjust the number."""
    import attr
    from ..language.ast import Metric
    from ..language.render import render_goal
    goal = item.goal
    if goal.span is None or not lines:
        return None
    metric = Metric(name="leads", text="leads", category="leads", span=goal.metric.span if goal.metric else None)
    direction = goal.direction if goal.direction in ("increase", "reach", "achieve") else "achieve"
    lead_goal = attr.evolve(goal, metric=metric, category="leads", baseline=None, direction=direction)
    text = render_goal(lead_goal, goal.lang)
    return [_at(goal.span, text)], text


_KINDS = {"replace": _replace, "header-key": _header_key, "header-date": _header_date,
          "remove-suppression": _remove_suppression, "renamed-code": _renamed_code, "remove-goal": _remove_goal,
          "lead-promise": _lead_promise}
