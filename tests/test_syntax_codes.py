"""The syntax error codes have one list (smmrules.base.errors.SYNTAX_CODES): the parser raises only
codes and names from it, rules/syntax.toml has a rule for each, docs/rules/ a page for each."""
from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from smmrules.base.errors import SYNTAX_CODES, GoalSyntaxError
from smmrules.language.parse import parse_goal

ROOT = Path(__file__).resolve().parent.parent


def _raised() -> set[tuple[str, str]]:
    """(code, name) of every GoalSyntaxError the package builds, and of the parser's table of them."""
    found = set()
    for path in (ROOT / "smmrules").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "GoalSyntaxError":
                args = node.args[:2]
            elif isinstance(node, ast.Tuple) and len(node.elts) == 3:
                args = node.elts[:2]    # grammar.py's table: token -> (code, name, message)
            else:
                continue
            if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args) \
                    and args[0].value[:1] == "E" and args[0].value[1:].isdigit():
                found.add((args[0].value, args[1].value))
    return found


def test_the_parser_raises_only_listed_codes_and_names():
    raised = _raised()
    assert raised == {(code, name) for code, names in SYNTAX_CODES.items() for name in names}


def test_each_code_has_a_rule_and_a_page():
    data = tomllib.loads((ROOT / "rules" / "syntax.toml").read_text(encoding="utf-8"))
    assert sorted(rule["code"] for rule in data["rule"]) == sorted(SYNTAX_CODES)
    assert sorted(p.stem for p in (ROOT / "docs" / "rules").glob("E*.md")) == sorted(SYNTAX_CODES)


@pytest.mark.parametrize("text, code", [("sales {20}", "E001"), ("sales 2025-13", "E003"),
                                        ("increase sales by %", "E004"), ("   ", "E005")])
def test_a_raised_code_is_in_the_list(text, code):
    with pytest.raises(GoalSyntaxError) as info:
        parse_goal(text)
    assert info.value.code == code and info.value.name in SYNTAX_CODES[code]
