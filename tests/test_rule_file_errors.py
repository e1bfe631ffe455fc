"""Broken rule files are rejected at load time with `file:line:column: what is wrong`."""
from pathlib import Path

import pytest

from smmrules.rules.engine import RuleSet
from smmrules.base.errors import RuleFileError

TEXTS = '''[rule.en]
message = "No deadline for {metric}."
summary = "s"
what = "w"
why = "y"
fix = "f"
[rule.ru]
message = "Нет срока."
summary = "s"
what = "w"
why = "y"
fix = "f"
[rule.uk]
message = "Немає терміну."
summary = "s"
what = "w"
why = "y"
fix = "f"
'''


def rule(code="X101", when="goal.deadline is missing", extra="", texts=TEXTS):
    return f'''[[rule]]
code = "{code}"
name = "team.no-deadline"
smart = "T"
level = "warning"
when = "{when}"
bad = ["increase sales by 15%"]
good = ["increase sales by 15% by 2026-06"]
{extra}{texts}'''


def load(tmp_path: Path, text: str | bytes, name="team.toml"):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        RuleSet([folder], builtin=False)
    return str(info.value).replace(str(folder) + "/", "")


def test_a_valid_file_loads(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "team.toml").write_text(rule(), encoding="utf-8")
    rs = RuleSet([folder], builtin=False)
    assert [r.code for r in rs] == ["X101"]


CASES = [
    ("toml syntax", rule().replace('level = "warning"', 'level = "warning'),
     "team.toml:5:17: invalid TOML: Illegal character"),
    ("unknown field with hint", rule(when="goal.targt.value > 100"),
     "team.toml:6:9: unknown field 'goal.targt.value' (did you mean 'goal.target.value'?)"),
    ("type mismatch", rule(when='goal.target.value > \\"high\\"'),
     "team.toml:6:27: cannot compare a num with a str"),
    ("ordering on text", rule(when='goal.metric < \\"sales\\"'),
     "team.toml:6:21: '<' needs numbers or dates, not strs"),
    ("impossible enum value", rule(when='goal.category == \\"salez\\"'),
     "team.toml:6:26: 'salez' is not a possible value here (did you mean 'sales'?)"),
    ("unbalanced parenthesis", rule(when="(goal.deadline is missing"),
     "team.toml:6:34: the condition ends too early"),
    ("unknown function", rule(when="length(goal.secondary) > 1"),
     "team.toml:6:9: unknown function 'length'"),
    ("unknown placeholder", rule(texts=TEXTS.replace("No deadline for {metric}.", "No deadline for {metrik}.")),
     "team.toml:10:28: unknown placeholder '{metrik}' (did you mean '{metric}'?)"),
    ("missing code", rule().replace('code = "X101"\n', ""),
     "team.toml:1:1: rule is missing 'code'"),
    ("bad code", rule(code="T1"),
     "team.toml:2:8: rule code 'T1' must be 1-3 capital letters and 3 digits, like 'T101'"),
    ("bad level", rule().replace('level = "warning"', 'level = "warn"'),
     "team.toml:5:9: unknown level 'warn' (did you mean 'warning'?)"),
    ("unknown rule key", rule(extra='lvl = "info"\n'),
     "team.toml:9:1: unknown rule key 'lvl' (did you mean 'level'?)"),
    ("no ru section", rule(texts=TEXTS.split("[rule.ru]")[0]),
     "team.toml:1:1: rule X101 has no [rule.ru] section: messages are needed in en, ru and uk"),
    ("no good example", rule().replace('good = ["increase sales by 15% by 2026-06"]\n', ""),
     "team.toml:1:1: rule X101 needs at least one bad and one good example"),
    ("a whole part compared", rule(when="goal.target == 3"),
     "team.toml:6:9: a whole goal part can only be tested with 'is missing' or 'is not missing'"),
    ("not a condition", rule(when="goal.target.value + 1"),
     "team.toml:6:9: a condition must be true or false, but this is a num"),
    ("unknown option", rule(when="goal.deadline.months > opt.max_month", extra="options = { max_months = 24 }\n"),
     "team.toml:6:32: unknown option 'max_month' (did you mean 'max_months'?)"),
    ("dunder walk", rule(when="goal.__class__ is missing"),
     "team.toml:6:14: unexpected character '_'"),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_rule_file(tmp_path, text, expected):
    assert load(tmp_path, text).startswith(expected)


def test_invalid_utf8(tmp_path):
    assert load(tmp_path, b'[[rule]]\ncode = "\xff"\n') == "team.toml:2:1: rule file is not valid UTF-8 (byte 0xff); save it as UTF-8"


def test_multiline_condition_points_into_the_right_line(tmp_path):
    text = rule().replace('when = "goal.deadline is missing"',
                          'when = """\ngoal.deadline is missing\n  and goal.metrc is missing"""')
    assert load(tmp_path, text) == "team.toml:8:7: unknown field 'goal.metrc' (did you mean 'goal.metric'?)"


def test_duplicate_code_across_files(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "a.toml").write_text(rule(), encoding="utf-8")
    (folder / "b.toml").write_text(rule(), encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        RuleSet([folder], builtin=False)
    assert str(info.value) == f"{folder}/b.toml:1:1: rule code X101 is already used at {folder}/a.toml:1"


def test_override_of_unknown_code(tmp_path):
    text = rule() + '\n[[override]]\ncode = "X999"\nlevel = "info"\n'
    assert load(tmp_path, text).startswith("team.toml:28:1: unknown rule code in override 'X999'")


def test_missing_folder(tmp_path):
    with pytest.raises(RuleFileError) as info:
        RuleSet([tmp_path / "nope"], builtin=False)
    assert str(info.value) == f"{tmp_path / 'nope'}:1:1: rule folder does not exist or is not a folder"
