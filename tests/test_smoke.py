"""The reference examples of the goal language parse, with every slot checked."""
import datetime as dt

import pytest

from smmrules import GoalSyntaxError, parse_goal


def test_design_first_example_json_contract():
    g = parse_goal("increase monthly sales 20% by 2025-06")
    assert g.to_json() == {
        "text": "increase monthly sales 20% by 2025-06", "lang": "en", "category": "sales",
        "direction": "increase", "metric": "sales", "metric_text": "sales", "period": "month",
        "channel": None, "baseline": None,
        "target": {"kind": "relative", "value": 20, "low": None, "high": None, "unit": "%"},
        "deadline": {"kind": "date", "date": "2025-06-30", "duration": None, "text": "by 2025-06"},
        "span": {"line": 1, "column": 1, "end_line": 1, "end_column": 38},
        "parts": [{"metric": "sales", "metric_text": "sales", "category": "sales", "direction": "increase",
                   "target": {"kind": "relative", "value": 20, "low": None, "high": None, "unit": "%"},
                   "span": {"line": 1, "column": 1, "end_line": 1, "end_column": 38}}],
    }


def test_relative_deadline_needs_explicit_today():
    assert parse_goal("grow followers to 5000 within 6 months").deadline.date is None
    g = parse_goal("grow followers to 5000 within 6 months", today=dt.date(2026, 1, 15))
    assert g.deadline.date == dt.date(2026, 7, 15)
    assert g.deadline.duration == "P6M"


@pytest.mark.parametrize("text, code, column", [
    ("increase sales by %", "E004", 19),
    ("sales 2025-13", "E003", 7),
    ("sales {20}", "E001", 7),
    ("   ", "E005", 1),
])
def test_syntax_errors_have_codes_and_columns(text, code, column):
    with pytest.raises(GoalSyntaxError) as info:
        parse_goal(text)
    assert info.value.code == code
    assert (info.value.line, info.value.column) == (1, column)
