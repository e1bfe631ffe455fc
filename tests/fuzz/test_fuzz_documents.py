"""Fuzz parse_document and lint: mutated and spliced briefs in en/ru/uk, generated lines, hostile text.

parse_document and lint never raise on content: every problem of a document is a finding. The
findings point at lines and columns that exist in the document.
"""
from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from fuzzkit import (check_findings, fuzz, generated_documents, hostile_text, mutated_documents, physical_lines)
from smmrules.linting.config import Config
from smmrules.documents.goals import Document, parse_document
from smmrules.rules.engine import default_rules
from smmrules.linting.pipeline import lint

KNOWN = {r.code for r in default_rules().all_rules()}
todays = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
paths = st.sampled_from((None, "brief.goals", "docs/плани/бриф.goals"))


def parse_and_lint(text: str, path, today, config=None) -> None:
    doc = parse_document(text, path=path, today=today)
    assert isinstance(doc, Document)
    lines = physical_lines(text)
    assert len(doc.lines) == len(lines)
    for g in doc.goals:
        assert 1 <= g.line <= len(lines)
        assert (g.goal is None) != (g.error is None), g
        for t in g.tasks:
            assert g.line < t.line <= len(lines)
    for s in doc.suppressions:
        assert 1 <= s.line <= len(lines)
    findings = lint(text, path=path, today=today, config=config)
    check_findings(findings, text, path, KNOWN)


@fuzz(weight=0.6)
@given(text=mutated_documents(), path=paths, today=todays)
def test_mutated_documents(text, path, today):
    parse_and_lint(text, path, today)


@fuzz(weight=0.6)
@given(text=generated_documents, path=paths, today=todays)
def test_generated_documents(text, path, today):
    parse_and_lint(text, path, today)


@fuzz(weight=0.6)
@given(text=hostile_text | st.binary(max_size=300).map(lambda b: b.decode("utf-8", "replace")), today=todays)
def test_arbitrary_text_as_a_document(text, today):
    parse_and_lint(text, "x.goals", today)


configs = st.builds(
    Config,
    select=st.sampled_from(((), ("T1",), ("E", "D6"), ("L",))),
    ignore=st.sampled_from(((), ("D605",), ("T1", "L100"))),
    lang=st.sampled_from((None, "en", "ru", "uk")),
    levels=st.sampled_from(({}, {"T101": "error"}, {"D605": "info", "S101": "error"})),
    max_statement_length=st.sampled_from((1, 20, 80, 2000)),
    per_file_ignores=st.sampled_from(((), (("*.goals", ("T1",)),))),
)


@fuzz(weight=0.4)
@given(text=mutated_documents(4), config=configs, today=todays)
def test_documents_under_a_config(text, config, today):
    parse_and_lint(text, "brief.goals", today, config)
