"""Fuzz the rule-file loader: structurally valid files with fuzzed conditions, messages and examples,
mutated built-in rule files, TOML of any shape and raw bytes.

A rule file either loads, and then its rules run on their own examples and on a document without
crashing, or it is refused with a RuleFileError `path:line:column: message` pointing into the file.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from fuzzkit import (check_findings, check_rule_file_error, condition_strategy, documents, fuzz, rule_file_contents,
                     rule_tables, toml_value)
from smmrules import Context, GoalSyntaxError, parse_goal
from smmrules.rules.engine import RuleSet
from smmrules.base.errors import RuleFileError
from smmrules.linting.pipeline import lint

DOC = documents()[0]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A rules folder, with the compiled-rule cache kept out of the user's cache directory."""
    saved = os.environ.get("SMMRULES_CACHE_DIR")
    os.environ["SMMRULES_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield tmp_path_factory.mktemp("rules")
    if saved is None:
        os.environ.pop("SMMRULES_CACHE_DIR", None)
    else:
        os.environ["SMMRULES_CACHE_DIR"] = saved


def load(folder, content: str | bytes) -> RuleSet | None:
    path = folder / "team.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
        text = None
    else:
        path.write_text(content, encoding="utf-8", newline="")
        text = content
    try:
        rs = RuleSet([folder], builtin=False)
    except RuleFileError as exc:
        check_rule_file_error(exc, path, text)
        event("refused")
        return None
    event(f"loaded {len(rs)} rule(s)")
    run_rules(rs)
    return rs


def run_rules(rs: RuleSet) -> None:
    """The loaded rules on their own examples and on a brief: findings, never a crash."""
    known = {r.code for r in rs.all_rules()}
    for rule in rs.all_rules():
        for case in rule.cases[:4]:
            if case.document:
                check_findings(lint(case.text, rules=rs, path="case.goals"), case.text, "case.goals", known,
                               builtin=False)
                continue
            try:
                goal = parse_goal(case.text)
            except GoalSyntaxError:
                continue
            for lang in (None, "ru"):
                for f in rs.check(goal, Context(), lang=lang):
                    assert f.code in known and isinstance(f.message, str)
    check_findings(lint(DOC, rules=rs, path="brief.goals"), DOC, "brief.goals", known, builtin=False)


@fuzz(weight=0.5)
@given(content=rule_file_contents())
def test_rule_files(folder, content):
    load(folder, content)


@fuzz(weight=0.5)
@given(when=condition_strategy())
def test_fuzzed_conditions_in_a_valid_rule(folder, when):
    base = ('[[rule]]\ncode = "X101"\nname = "team.fuzz"\nlevel = "warning"\nwhen = WHEN\n'
            'options = { limit = 24, word = "x" }\nbad = ["increase sales by 15%"]\ngood = ["get more followers"]\n')
    texts = "".join(f'[rule.{lang}]\nmessage = "m {{metric}}"\nsummary = "s"\nwhat = "w"\nwhy = "y"\nfix = "f"\n'
                    for lang in ("en", "ru", "uk"))
    # a basic string and a multi-line literal string: the error column or line must follow either
    load(folder, base.replace("WHEN", toml_value(when)) + texts)
    if "'''" not in when:
        load(folder, base.replace("WHEN", "'''\n" + when + "'''") + texts)


@fuzz(weight=0.4)
@given(table=rule_tables("X101"))
def test_one_fuzzed_rule(folder, table):
    load(folder, table)


@fuzz(weight=0.3)
@given(content=st.binary(max_size=400) | rule_file_contents().map(lambda s: s.encode("utf-8", "surrogatepass")[:300]
                                                                  + b"\xff\xfe\x80"))
def test_raw_bytes(folder, content):
    load(folder, content)
