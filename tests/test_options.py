"""Rule options are checked in one place (smmrules.base.options): a rule file's own options, its
[[override]] entries and the config's [options] table accept and refuse the same values, in the
same words, each at its file and line."""
from __future__ import annotations

import math

import pytest

from smmrules.base.errors import ConfigError, RuleFileError
from smmrules.base.options import MAX_STRING, kind, setting_problem, value_problem
from smmrules.linting.config import load_config
from smmrules.linting.pipeline import rules_for
from smmrules.rules.engine import RuleSet

SHAPE = "must be a number (at most 1e12), a string or true/false"

# T103 (time-bound.too-far) declares max_months = 24: the ceiling its message prints
_TEXTS = "".join(f'[rule.{lang}]\nmessage = "m"\nsummary = "s"\nwhat = "w"\nwhy = "y"\nfix = "f"\n'
                 for lang in ("en", "ru", "uk"))


def _own_rule(options: str) -> str:
    """A team rule declaring `options` (an inline table's inside)."""
    return ('[[rule]]\ncode = "X101"\nname = "team.x"\nlevel = "warning"\nwhen = "goal.vague"\n'
            'bad = ["get more followers"]\ngood = ["increase sales by 15% by 2026-06"]\n'
            f"options = {{ {options} }}\n" + _TEXTS)


def _override(options: str) -> str:
    return f'[[override]]\ncode = "T103"\noptions = {{ {options} }}\n'


def _rule_error(tmp_path, text: str) -> str:
    (tmp_path / "team.toml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        RuleSet([tmp_path])
    return str(info.value).replace(f"{tmp_path}/", "")


def _config_error(tmp_path, options: str) -> str:
    path = tmp_path / ".smmrules.toml"
    path.write_text(f"[options]\nT103 = {{ {options} }}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        rules_for(load_config(path))
    return str(info.value).replace(f"{tmp_path}/", "")


# --------------------------------------------------------------------------- the check itself
@pytest.mark.parametrize("value, expected", [
    (True, "true or false"), (False, "true or false"), (0, "number"), (24, "number"), (2.5, "number"),
    ("weekly", "string"), ("", "string")])
def test_kind_of_each_value(value, expected):
    assert kind(value) == expected


@pytest.mark.parametrize("value", [0, -7, 24, 2.5, 1e12, -1e12, True, False, "", "weekly", "x" * MAX_STRING])
def test_values_an_option_may_have(value):
    assert value_problem("x", value) is None


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 1e12 + 1, -10**13, 10**400, "x" * (MAX_STRING + 1),
                                   [1, 2], {"a": 1}, None])
def test_values_an_option_may_not_have(value):
    assert value_problem("x", value) == f"option 'x' {SHAPE}"
    assert value_problem("x", value, "T103") == f"option 'x' of T103 {SHAPE}"


@pytest.mark.parametrize("value, declared, problem", [
    (36, 24, None), (30.5, 24, None), (12, 2.5, None), (False, True, None), ("daily", "weekly", None),
    (True, 24, "option 'max_months' of T103 must be a number"),
    (False, 2.5, "option 'max_months' of T103 must be a number"),
    ("36", 24, "option 'max_months' of T103 must be a number"),
    (1, True, "option 'max_months' of T103 must be a true or false"),
    ("yes", False, "option 'max_months' of T103 must be a true or false"),
    (7, "weekly", "option 'max_months' of T103 must be a string"),
    (math.nan, 24, f"option 'max_months' of T103 {SHAPE}"),
])
def test_a_new_value_keeps_the_kind_of_the_default(value, declared, problem):
    assert setting_problem("T103", "max_months", value, {"max_months": declared}) == problem


def test_an_unknown_option_names_the_closest_one():
    declared = {"max_months": 24, "min_months": 1}
    assert setting_problem("T103", "max_month", 3, declared) == (
        "unknown option 'max_month' of T103 (did you mean 'max_months'?)")
    assert setting_problem("T103", "ceiling", 3, declared) == "unknown option 'ceiling' of T103"


# --------------------------------------------------------------------------- max_months = true
def test_max_months_true_in_a_rule_files_override_is_a_load_error(tmp_path):
    # it used to pass (true is an int to isinstance) and T103 then said "further than True months out"
    assert _rule_error(tmp_path, _override("max_months = true")) == (
        "team.toml:1:1: option 'max_months' of T103 must be a number")


def test_max_months_true_in_the_config_is_a_load_error(tmp_path):
    assert _config_error(tmp_path, "max_months = true") == (
        ".smmrules.toml:2: option 'max_months' of T103 must be a number")


@pytest.mark.parametrize("options, problem", [
    ('max_months = "36"', "option 'max_months' of T103 must be a number"),
    ("max_monts = 36", "unknown option 'max_monts' of T103 (did you mean 'max_months'?)"),
    ("max_months = nan", f"option 'max_months' of T103 {SHAPE}"),
    ("max_months = 1e13", f"option 'max_months' of T103 {SHAPE}"),
])
def test_the_config_and_an_override_refuse_alike(tmp_path, options, problem):
    (tmp_path / "rules").mkdir()
    assert _rule_error(tmp_path / "rules", _override(options)) == f"team.toml:1:1: {problem}"
    assert _config_error(tmp_path, options) == f".smmrules.toml:2: {problem}"


@pytest.mark.parametrize("options", ["max_months = 36", "max_months = 36.0"])
def test_a_number_for_a_number_is_taken_by_both(tmp_path, options):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "team.toml").write_text(_override(options), encoding="utf-8")
    assert RuleSet([tmp_path / "rules"]).get("T103").options["max_months"] == 36
    path = tmp_path / ".smmrules.toml"
    path.write_text(f"[options]\nT103 = {{ {options} }}\n", encoding="utf-8")
    assert rules_for(load_config(path)).get("T103").options["max_months"] == 36


# --------------------------------------------------------------------------- a rule's own options
@pytest.mark.parametrize("options", ["x = nan", "x = inf", "x = 1e13", "x = [1]", "x = { y = 1 }",
                                     f'x = "{"a" * (MAX_STRING + 1)}"'])
def test_a_rule_declaring_a_bad_value_is_refused(tmp_path, options):
    assert _rule_error(tmp_path, _own_rule(options)) == f"team.toml:1:1: option 'x' {SHAPE}"


@pytest.mark.parametrize("options, value", [("x = 3", 3), ("x = 2.5", 2.5), ("x = true", True),
                                            ('x = "weekly"', "weekly")])
def test_a_rule_may_declare_each_kind_of_value(tmp_path, options, value):
    (tmp_path / "team.toml").write_text(_own_rule(options), encoding="utf-8")
    assert RuleSet([tmp_path]).get("X101").options == {"x": value}
