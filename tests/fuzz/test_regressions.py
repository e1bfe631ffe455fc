"""Crashes and broken invariants the fuzz suite found, each with its exact input, as plain tests."""
from __future__ import annotations

from fuzzkit import check_findings
from smmrules.engine import default_rules
from smmrules.linting import lint

KNOWN = {r.code for r in default_rules().all_rules()}


def test_stray_control_character_is_underlined_as_one_column():
    # E001 shows a control character by its name ('U+001B'); the span was six columns wide and
    # ran past the end of the line
    text = ('goal: grow Instagram followers to 5,000 within 6 months\rgoal: grow Instagram followers to 5,000 '
            'within 6 months\r  task: run a Reach campaign with frequency 8 per person\r#\x1b\r')
    findings = lint(text)
    check_findings(findings, text, None, KNOWN)
    assert [(f.code, f.line, f.column, f.end_column) for f in findings] == [("E001", 1, 171, 172)]
    mid = lint("goal: grow \x1b followers\n")
    assert [(f.code, f.column, f.end_column) for f in mid] == [("E001", 12, 13)]


def test_an_empty_rule_set_is_not_replaced_by_the_built_in_rules(tmp_path):
    # an empty rule file in a folder loaded with builtin=False: `rules or default_rules()` took the
    # empty (falsy) RuleSet for "no rules given" and linted with the built-in rules
    from smmrules import check_goal, suggest_tasks
    from smmrules.engine import RuleSet
    (tmp_path / "team.toml").write_text("", encoding="utf-8")
    empty = RuleSet([tmp_path], builtin=False)
    assert len(empty) == 0
    assert lint("bugdet: 1\ngoal: get more followers\n", rules=empty) == []
    assert check_goal("increase sales by 15%", rules=empty) == []
    assert suggest_tasks("increase sales by 15%", rules=empty) == []
