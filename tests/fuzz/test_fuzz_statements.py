"""Fuzz parse_goal and check_goal: mutated statements in en/ru/uk, hostile Unicode, huge numbers.

tests/test_properties.py already asserts that random text and rendered goals never crash the
parser; this module mutates the real statements of the parse tables and the rule examples and
goes on to check_goal, where the rules run on whatever the parser made of them.
"""
from __future__ import annotations

import datetime as dt
import json
import re

from hypothesis import event, given
from hypothesis import strategies as st

import fuzzkit
from fuzzkit import ALLOWED, LANGS, fuzz, huge_numbers, hostile_char, mutated, seed_statements
from smmrules import Context, GoalSyntaxError, check_goal, parse_goal
from smmrules.rules.engine import default_rules

langs = st.none() | st.sampled_from(LANGS)
todays = st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31))
KNOWN = {r.code for r in default_rules().all_rules()}


def _spans_inside(goal, text: str) -> None:
    lines = text.split("\n")
    for part in (goal, goal.metric, goal.target, goal.deadline, goal.baseline):
        span = getattr(part, "span", None)
        if span is None:
            continue
        assert 1 <= span.line <= span.end_line <= len(lines), (span, len(lines))
        assert 1 <= span.column <= len(lines[span.line - 1]) + 1, span
        assert 1 <= span.end_column <= len(lines[span.end_line - 1]) + 1, span


def parse_and_check(text: str, lang, today) -> None:
    """parse_goal gives a Goal or a GoalSyntaxError that points into the text; check_goal follows."""
    try:
        goal = parse_goal(text, lang=lang, today=today)
    except GoalSyntaxError as exc:
        lines = text.split("\n")
        assert exc.code.startswith("E") and exc.line >= 1 and exc.column >= 1, exc
        assert exc.line <= len(lines), (exc.line, len(lines))
        assert exc.column <= len(lines[exc.line - 1]) + 1 or exc.code == "E007", (exc, lines[exc.line - 1])
        event(f"syntax error {exc.code}")
        return
    except ALLOWED as exc:  # pragma: no cover - parse_goal documents only GoalSyntaxError
        raise AssertionError(f"parse_goal raised {type(exc).__name__}: {exc}") from exc
    assert goal.lang in LANGS and (lang is None or goal.lang == lang)
    event("parsed")
    _spans_inside(goal, text)
    json.dumps(goal.to_json(), allow_nan=False, ensure_ascii=False)
    ctx = Context(today=today, start=today)
    findings = check_goal(goal, context=ctx) + check_goal(goal, context=ctx, lang="uk")
    assert all(f.code in KNOWN and f.message for f in findings), findings
    if lang is None:  # the text entry point parses the same way: the same findings
        assert check_goal(text, context=ctx) == check_goal(goal, context=ctx)


@fuzz(weight=1.5)
@given(text=mutated(seed_statements()), lang=langs, today=todays)
def test_mutated_statements(text, lang, today):
    parse_and_check(text, lang, today)


@fuzz(weight=1.0)
@given(data=st.data(), lang=st.sampled_from(LANGS), today=todays)
def test_mutated_statements_in_their_own_language(data, lang, today):
    text = data.draw(mutated(seed_statements(lang), max_ops=3))
    parse_and_check(text, lang, today)


@st.composite
def with_huge_numbers(draw) -> str:
    """A seed statement whose numbers (or a random place) hold numbers no goal has."""
    text = draw(st.sampled_from(seed_statements()))
    spans = [m.span() for m in re.finditer(r"\d+(?:[.,]\d+)?", text)] or [(len(text), len(text))]
    for _ in range(draw(st.integers(1, 3))):
        s, e = draw(st.sampled_from(spans))
        text = text[:s] + draw(huge_numbers()) + text[e:]
        spans = [m.span() for m in re.finditer(r"\d+(?:[.,]\d+)?", text)] or [(len(text), len(text))]
    return text


@fuzz(weight=1.5)
@given(text=with_huge_numbers(), lang=langs, today=todays)
def test_huge_numbers(text, lang, today):
    parse_and_check(text, lang, today)


@st.composite
def with_invisible_characters(draw) -> str:
    """RTL marks, zero-width and combining characters and control bytes sprinkled into a statement."""
    text = draw(st.sampled_from(seed_statements()))
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(text)))
        ch = draw(st.sampled_from(fuzzkit.RTL + fuzzkit.ZERO_WIDTH + fuzzkit.CONTROL + fuzzkit.SPACES)
                  | fuzzkit.combining)
        text = text[:i] + ch * draw(st.integers(1, 3)) + text[i:]
    return text


@fuzz(weight=1.5)
@given(text=with_invisible_characters(), lang=langs, today=todays)
def test_invisible_and_control_characters(text, lang, today):
    parse_and_check(text, lang, today)


@fuzz(weight=1.5)
@given(text=st.text(hostile_char, max_size=200), lang=langs, today=todays)
def test_arbitrary_text(text, lang, today):
    parse_and_check(text, lang, today)


@fuzz(weight=0.5)
@given(text=st.lists(st.sampled_from(seed_statements()) | huge_numbers(), min_size=1, max_size=40).map(
    lambda xs: " ".join(xs)), lang=langs, limit=st.sampled_from((10, 200, 2000, 20_000)))
def test_long_statements_and_the_length_limit(text, lang, limit):
    try:
        goal = parse_goal(text, lang=lang, max_length=limit)
    except GoalSyntaxError as exc:
        assert exc.code != "E007" or len(text) > limit
        return
    assert len(text) <= limit
    check_goal(goal)
