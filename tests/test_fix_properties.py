"""Hypothesis properties of the fixes and the formatter over generated goal documents (strategies.
goal_documents): safe fixes change only the bytes of their edits, never touch a goal statement and
leave every goal's meaning as it was (its slots; a deadline counted from a start date that a fix made
readable is the one slot that may move); the formatter changes no goal, task, header value, comment
or suppression, and formatting twice equals formatting once."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings

from smmrules.documents.goals import parse_document
from smmrules.editing import apply_fixes, fix_text, format_text
from smmrules.linting.pipeline import lint

from strategies import goal_documents, markdown_briefs, slots

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = "2026-01-20"


def line_starts(text: str) -> list[int]:
    """Offsets of the lines (LF, CRLF or CR endings); the byte-order mark is not part of line 1's columns."""
    starts = [1 if text.startswith("\ufeff") else 0]
    starts += [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return starts


def offset(text: str, starts: list[int], line: int, column: int) -> int:
    return starts[line - 1] + column - 1 if line <= len(starts) else len(text)


def rebuilt_from_edits(text: str, applied, keep_out: list = ()) -> str:
    """`text` with the edits of the applied fixes made and every other byte kept, in order (the edits
    never overlap nor reach into a [start, end) range of `keep_out`)."""
    starts = line_starts(text)
    edits = sorted((offset(text, starts, e.line, e.column), offset(text, starts, e.end_line, e.end_column), e.text)
                   for fx in applied for e in fx.edits)
    rebuilt, pos = [], 0
    for start, end, replacement in edits:
        assert start >= pos
        assert not any(s < end and start < e for s, e in keep_out)
        rebuilt += [text[pos:start], replacement]
        pos = end
    return "".join(rebuilt) + text[pos:]


def meaning(doc, start_moved: bool) -> list:
    """What each goal says (its text and slots; the resolved deadline only when the start stayed) and
    its tasks, in order."""
    out = []
    for entry in doc.goals:
        goal = entry.goal
        if goal is None:
            out.append((entry.text, None))
            continue
        s = slots(goal)
        if start_moved and goal.deadline is not None and goal.deadline.kind != "date":
            s["deadline"] = s["deadline"][:1] + s["deadline"][2:]
        out.append((goal.text, s, tuple(t.text for t in entry.tasks)))
    return out


@SETTINGS
@given(goal_documents())
def test_safe_fixes_change_only_their_edits_and_no_goal(doc):
    lang, text = doc
    findings = lint(text, today=TODAY)
    safe = [f.fix for f in findings if f.fix is not None and f.fix.safe]
    new, applied = apply_fixes(text, safe)
    starts = line_starts(text)
    before = parse_document(text, today=TODAY)
    statements = [(offset(text, starts, g.goal.span.line, g.goal.span.column),
                   offset(text, starts, g.goal.span.end_line, g.goal.span.end_column))
                  for g in before.goals if g.goal is not None]
    # every byte outside the applied edits is kept, in order; no edit reaches into a statement
    assert rebuilt_from_edits(text, applied, statements) == new
    # the goals mean what they meant
    after = parse_document(new, today=TODAY)
    moved = before.context.start != after.context.start
    assert meaning(after, moved) == meaning(before, moved)
    known_before = [(h.key, h.value) for h in before.header if h.key is not None and h.error is None]
    known_after = [(h.key, h.value) for h in after.header if h.key is not None and h.error is None]
    assert all(item in known_after for item in known_before)   # a fix only adds readable header values


@SETTINGS
@given(goal_documents())
def test_after_the_safe_fixes_none_is_left_and_fixing_again_changes_nothing(doc):
    lang, text = doc
    once = fix_text(text, today=TODAY)
    assert not [f for f in once.remaining if f.fix is not None and f.fix.safe]
    twice = fix_text(once.text, today=TODAY)
    assert twice.text == once.text and twice.applied == ()


@SETTINGS
@given(goal_documents())
def test_the_formatter_keeps_what_a_document_says_and_is_idempotent(doc):
    lang, text = doc
    formatted = format_text(text)
    assert format_text(formatted) == formatted
    before, after = parse_document(text, today=TODAY), parse_document(formatted, today=TODAY)
    assert after.lang == before.lang
    assert meaning(after, False) == meaning(before, False)
    assert [(h.key, h.text, h.value) for h in after.header] == [(h.key, h.text, h.value) for h in before.header]
    assert [(s.codes, s.file_wide) for s in after.suppressions] == [(s.codes, s.file_wide) for s in before.suppressions]
    assert [s.text for s in after.stray] == [s.text for s in before.stray]
    comments = [ln.strip() for ln in before.lines if ln.strip().startswith("#")]
    assert [ln.strip() for ln in after.lines if ln.strip().startswith("#")] == comments
    # the layout: no trailing spaces, no two blank lines in a row, a goal's tasks two spaces in
    lines = formatted.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    assert lines[-1] == "" and all(ln == ln.rstrip() for ln in lines)
    assert all(not (a == b == "") for a, b in zip(lines, lines[1:-1]))
    first_goal = next(i for i, ln in enumerate(lines) if re.match(r"(goal|цель|ціль)\b", ln))
    tasks = [ln for ln in lines[first_goal:] if re.match(r"\s*(task|задача|завдання):", ln)]
    assert all(ln.startswith("  ") and not ln.startswith("   ") for ln in tasks)


@SETTINGS
@given(markdown_briefs())
def test_fixes_in_a_markdown_brief_keep_its_markdown_and_its_goals(brief):
    """Safe fixes of a Markdown brief: every HTML comment stays closed, the bytes outside the edits stay,
    the goals and tasks read the same, and no safe fix is left (fixing again changes nothing)."""
    from smmrules.documents.markdown import read_markdown
    lang, text = brief
    once = fix_text(text, path="brief.md", today=TODAY)
    assert once.text.count("<!--") - once.text.count("-->") == text.count("<!--") - text.count("-->") == 0
    assert not [f for f in once.remaining if f.fix is not None and f.fix.safe]
    assert fix_text(once.text, path="brief.md", today=TODAY).text == once.text
    before, _ = read_markdown(text, path="brief.md", today=TODAY)
    after, _ = read_markdown(once.text, path="brief.md", today=TODAY)
    moved = before.context.start != after.context.start
    assert meaning(after, moved) == meaning(before, moved)
    findings = lint(text, path="brief.md", today=TODAY)
    new, applied = apply_fixes(text, [f.fix for f in findings if f.fix is not None and f.fix.safe])
    assert rebuilt_from_edits(text, applied) == new
