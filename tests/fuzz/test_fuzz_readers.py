"""Fuzz the Markdown and spreadsheet readers: generated Markdown briefs (headings, labelled items, nested
lists, tables, fences, HTML comments, inline markup, hostile text) and generated CSV (any delimiter,
quotes, line breaks in cells, ragged rows, hostile text, any encoding's bytes).

The readers never raise on content: a Markdown file is a brief or is skipped; a CSV is a goals table,
is skipped, or is one ReadError at a line and column that exist. Every finding points at a line and
column of the file.
"""
from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from fuzzkit import (_doc_words, check_findings, fuzz, generated_documents, hostile_text, physical_lines,
                     seed_statements)
from smmrules.base.errors import DocumentLimitError
from smmrules.documents import read_document
from smmrules.documents.goals import Document
from smmrules.documents.markdown import read_markdown
from smmrules.documents.sheets import ReadError, read_sheet
from smmrules.documents.tables import words as table_words
from smmrules.linting.pipeline import lint_document
from smmrules.rules.engine import default_rules

KNOWN = {r.code for r in default_rules().all_rules()}
todays = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
MARKUP = ("**", "_", "`", "~~", "Current 2026-02-30: ", "Факт: ", "current: +5", "Поточне 01.13.2026: 4", "[", "](http://x.y)", "<br>", "<b>", "</b>", "<!-- smmrules: ignore[T101] -->",
          "<!-- smmrules: ignore-file -->", "<!--", "-->", "\\", "🚀", "✅", "|", "  \n", "&amp;", "![i](p.png)")


def _column_words() -> list[str]:
    return sorted(table_words()["columns"]) + ["Header", "Notes", ""]


def _heading_words() -> list[str]:
    return [" ".join(k) for k in table_words()["headings"]] + ["Контакти", "Budget", "Q3"]


statement = st.sampled_from(seed_statements()) | hostile_text
inline = st.lists(statement | st.sampled_from(MARKUP), min_size=1, max_size=5).map(" ".join)


@st.composite
def md_blocks(draw) -> str:
    w = _doc_words()
    kind = draw(st.integers(0, 9))
    indent = "  " * draw(st.integers(0, 3))
    if kind == 0:
        return "#" * draw(st.integers(1, 7)) + " " + draw(st.sampled_from(_heading_words()) | inline)
    if kind == 1:
        label = draw(st.sampled_from(w["goal"] + w["task"] + w["key"]))
        return f"{indent}{draw(st.sampled_from(('-', '*', '1.', '2)', '+')))} **{label}:** {draw(inline)}"
    if kind == 2:
        return f"{indent}{draw(st.sampled_from(('-', '*', '1.', '- [ ]')))} {draw(inline)}"
    if kind == 3:
        cols = draw(st.lists(st.sampled_from(_column_words()), min_size=1, max_size=6))
        rows = draw(st.lists(st.lists(statement | st.sampled_from(("3200", "5000", "2026-06-30", "12%", ""))),
                             max_size=4))
        sep = "|" + "---|" * draw(st.integers(0, len(cols) + 1))
        return "\n".join(["| " + " | ".join(cols) + " |", sep] + ["| " + " | ".join(r) + " |" for r in rows])
    if kind == 4:
        body = draw(generated_documents)
        close = draw(st.sampled_from(("```", "", "~~~")))
        return f"```{draw(st.sampled_from(('goals', 'goals x', 'text', '')))}\n{body}\n{close}"
    if kind == 5:
        return draw(st.sampled_from(("<div>", "</div>", "<!--", "-->", "<table><tr><td>x</td></tr></table>")))
    if kind == 6:
        return ">" * draw(st.integers(1, 40)) + " " + draw(inline)
    if kind == 7:
        return "".join("  " * i + "- " + draw(st.sampled_from(("x", "grow followers"))) + "\n"
                       for i in range(draw(st.integers(1, 60))))
    if kind == 8:
        return draw(hostile_text)
    return draw(inline)


markdown_texts = st.lists(md_blocks(), max_size=20).flatmap(
    lambda blocks: st.sampled_from(("\n", "\n\n", "\r\n", "\r")).map(lambda end: end.join(blocks)))


def check_document(doc, text: str) -> None:
    """The document has the file's lines, and every entry's span starts at a line and column of it."""
    lines = physical_lines(text)
    assert isinstance(doc, Document) and len(doc.lines) == len(lines)
    assert all((g.goal is None) != (g.error is None) for g in doc.goals)
    spans = [*(g.span for g in doc.goals), *(t.span for g in doc.goals for t in g.tasks),
             *(c.span for g in doc.goals for c in g.checkins),
             *(s.span for s in doc.suppressions), *(h.span for h in doc.header), *(t.span for t in doc.orphan_tasks)]
    for span in spans:
        assert 1 <= span.line <= len(lines) and 1 <= span.column <= len(lines[span.line - 1]) + 1, span


def read_and_lint(read, text: str, path: str, today) -> None:
    """A reader's document (or its reason to skip, or its one error at a place in the file) and the
    findings of its document, all inside the file."""
    try:
        doc, why = read(text, path=path, today=today)
    except ReadError as err:
        lines = physical_lines(text)
        assert 1 <= err.line <= len(lines) and 1 <= err.column <= len(lines[err.line - 1]) + 1, err.message
        return
    except DocumentLimitError:
        return
    if doc is None:
        assert why
        return
    check_document(doc, text)
    check_findings(lint_document(doc), text, path, KNOWN)


@fuzz(weight=0.6)
@given(text=markdown_texts, today=todays)
def test_markdown_briefs(text, today):
    read_and_lint(read_markdown, text, "brief.md", today)


@fuzz(weight=0.3)
@given(text=hostile_text | st.binary(max_size=300).map(lambda b: b.decode("utf-8", "replace")), today=todays)
def test_arbitrary_text_as_markdown(text, today):
    read_and_lint(read_markdown, text, "x.md", today)


cell = (statement | st.sampled_from(_column_words()) | st.sampled_from(("3200", "5000", "2026-06-30", "=SUM(A1:A2)",
                                                                         "smmrules: ignore[T101]", "", '"', '""')))


@st.composite
def csv_texts(draw) -> str:
    delimiter = draw(st.sampled_from((",", ";", "\t")))

    def one(c: str) -> str:
        if draw(st.booleans()):
            return '"' + c.replace('"', '""') + draw(st.sampled_from(('"', '"', "\n", ""))) + '"'
        return c
    header = [draw(st.sampled_from(_column_words())) for _ in range(draw(st.integers(1, 7)))]
    rows = [header] + draw(st.lists(st.lists(cell, max_size=8), max_size=8))
    if draw(st.booleans()):
        rows.insert(0, [draw(st.sampled_from(_doc_words()["key"])), draw(cell)])
    end = draw(st.sampled_from(("\n", "\r\n", "\r")))
    return end.join(delimiter.join(one(c) for c in r) for r in rows)


@fuzz(weight=0.6)
@given(text=csv_texts(), today=todays)
def test_csv_exports(text, today):
    read_and_lint(read_sheet, text, "goals.csv", today)


@fuzz(weight=0.4)
@given(data=st.binary(max_size=400) | csv_texts().flatmap(
    lambda t: st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "cp1251")).map(
        lambda enc: t.encode(enc, "replace"))), fmt=st.sampled_from(("csv", "tsv", "markdown")))
def test_any_bytes(data, fmt):
    try:
        doc, why, notes = read_document(data, fmt, path="f", max_statement_length=2000, max_entries=20_000,
                                        max_chars=10**7)
    except (ReadError, DocumentLimitError) as err:
        assert err.message.strip() and err.line >= 1 and err.column >= 1
        return
    assert (doc is None) == bool(why)
    if doc is not None:
        lint_document(doc)


@fuzz(weight=0.4)
@given(text=markdown_texts | csv_texts(), today=todays, unsafe=st.booleans())
def test_fixing_a_brief_or_an_export(text, today, unsafe):
    """Fixing a Markdown brief or a CSV export never raises on content, every pass reads it with its own
    reader, HTML comments are no less closed, and once nothing is left to fix, fixing again changes
    nothing."""
    from smmrules.editing import fix_text
    path = "brief.md" if not text.count(",") > text.count("|") else "goals.csv"
    try:
        result = fix_text(text, path=path, today=today, unsafe=unsafe)
    except (DocumentLimitError, ReadError):
        return
    assert result.text.count("<!--") - result.text.count("-->") <= text.count("<!--") - text.count("-->") \
        or result.text == text
    again = fix_text(result.text, path=path, today=today, unsafe=unsafe)
    if not [f for f in result.remaining if f.fix is not None and f.fix.applies(unsafe)]:
        assert again.text == result.text            # nothing left to fix: fixing again changes nothing
