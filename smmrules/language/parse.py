"""parse_goal: text -> Goal (tokenize, tag, parse, transform, assemble)."""
from __future__ import annotations

import datetime as dt

from ..base.attrsimport import attr  # the attrs package, its own generated methods from the cache

from .assemble import Assembler, time_words_of
from .ast import LANGS, Goal, Span
from ..base.errors import GoalSyntaxError
from .grammar import GoalGrammar, default_grammar
from .langdetect import detect_lang
from ..base.limits import MAX_STATEMENT
from .phrases import ToPhrases
from .tokenizer import line_col


PARSED_KEPT = 512       # statements parse_goal remembers per grammar (least recently used dropped first)


def moved_down(value, lines: int):
    """`value` (a Goal or any node of it) with every Span in it `lines` lines further down; the very
    same object where nothing moves."""
    if lines == 0:
        return value
    if value.__class__ is Span:
        return Span(value.line + lines, value.column, value.end_line + lines, value.end_column)
    if value.__class__ is tuple:
        items = tuple([moved_down(v, lines) for v in value])
        return value if all(a is b for a, b in zip(items, value)) else items
    names = _NODE_FIELDS.get(value.__class__)
    if names is None:
        cls = value.__class__
        names = _NODE_FIELDS[cls] = tuple(f.name for f in attr.fields(cls)) if attr.has(cls) else ()
    changes = {}
    for name in names:
        old = getattr(value, name)
        new = moved_down(old, lines)
        if new is not old:
            changes[name] = new
    return attr.evolve(value, **changes) if changes else value


_NODE_FIELDS: dict[type, tuple[str, ...]] = {}    # an AST class -> its fields (none for a plain value)


def _as_date(today) -> dt.date | None:
    if today is None or isinstance(today, dt.date) and not isinstance(today, dt.datetime):
        return today
    if isinstance(today, dt.datetime):
        return today.date()
    if isinstance(today, str):
        try:
            return dt.date.fromisoformat(today)
        except ValueError:
            raise ValueError(f"today must be a date in YYYY-MM-DD form, got {today!r}") from None
    raise TypeError(f"today must be a date or an ISO string, got {type(today).__name__}")


def parse_goal(text: str, *, lang: str | None = None, today=None,
               grammar: GoalGrammar | None = None, origin: tuple[int, int] = (1, 1),
               max_length: int = MAX_STATEMENT) -> Goal:
    """Parse one goal statement into a Goal.

    `lang` is en, ru or uk (detected when None). Relative deadlines ("within 6 months",
    "by end of year") are resolved against `today` (a date or YYYY-MM-DD) when given,
    never against the clock. Raises GoalSyntaxError for text that cannot be a goal.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_goal expects a str, got {type(text).__name__}")
    if lang is not None and lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    start = _as_date(today)
    g = grammar or default_grammar()
    if len(text) > max_length:
        raise GoalSyntaxError("E007", "statement-too-long",
                              f"statement is {len(text)} characters long; the limit is {max_length}",
                              line=origin[0], column=origin[1])
    # A statement parsed before at the same column (a repeated goal, a copied brief) is the same
    # Goal with its spans moved to the new line: answered from the grammar's memo.
    key = (text, lang, start, origin[1])
    with g.parsed_lock:
        found = g.parsed.pop(key, None)
        if found is not None:
            g.parsed[key] = found           # the most recently used last: the first is evicted
    if found is not None:
        goal, line = found
        # every caller gets its own Goal, holding the very text it passed
        return attr.evolve(moved_down(goal, origin[0] - line), text=text)
    goal = _parse(text, lang, start, g, origin)
    with g.parsed_lock:
        if len(g.parsed) >= PARSED_KEPT:
            g.parsed.pop(next(iter(g.parsed)), None)
        g.parsed[key] = (goal, origin[0])
    return goal


def _parse(text: str, lang: str | None, start: dt.date | None, g: GoalGrammar, origin: tuple[int, int]) -> Goal:
    lang = lang or detect_lang(text, g.lexicons)
    tokens, cues = g.tag(text, lang, origin)
    # phrases are built as the parser reduces each rule (raises GoalSyntaxError for an impossible date)
    phrases = g.parse_tokens(tokens, ToPhrases(text))
    stripped_start = len(text) - len(text.lstrip())
    stripped_end = len(text.rstrip())
    l1, c1 = line_col(text, stripped_start)
    l2, c2 = line_col(text, stripped_end)
    line0, col0 = origin
    span = Span(l1 + line0 - 1, c1 + (col0 - 1 if l1 == 1 else 0),
                l2 + line0 - 1, c2 + (col0 - 1 if l2 == 1 else 0))
    goal = Assembler(g.lexicons).build(text, lang, phrases, start, span)
    words = time_words_of(phrases) if goal.deadline is None else None
    if cues or words is not None:
        goal = attr.evolve(goal, cues=cues, time_text=words and words.text, time_span=words and words.span)
    return goal
