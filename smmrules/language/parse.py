"""parse_goal: text -> Goal (tokenize, tag, parse, transform, assemble)."""
from __future__ import annotations

import datetime as dt

import attr  # the attrs package; `import attrs` adds a namespace module on every run

from .assemble import Assembler, time_words_of
from .ast import LANGS, Goal, Span
from ..base.errors import GoalSyntaxError
from .grammar import GoalGrammar, default_grammar
from .langdetect import detect_lang
from ..base.limits import MAX_STATEMENT
from .phrases import ToPhrases
from .tokenizer import line_col


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
