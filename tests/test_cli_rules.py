"""The check, explain, rules, suggest and parse commands, end to end through smmrules.cli.main."""
import json
import subprocess
import sys

import pytest

from smmrules.cli import _COMMANDS, _build, _command_parser, main
from goalcheck import TEAM_RULES


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_json_contract(capsys):
    code, out, err = run(capsys, "check", "--format", "json", "increase monthly sales 20%")
    assert code == 1 and err == ""
    data = json.loads(out)
    assert set(data) == {"goal", "findings", "suggestions"}
    assert data["goal"]["metric"] == "sales"
    t102 = next(f for f in data["findings"] if f["code"] == "T102")
    assert t102 == {"code": "T102", "name": "time-bound.rate-not-deadline", "smart": "T", "level": "warning",
                    "message": t102["message"], "path": None, "line": 1, "column": 1, "end_line": 1,
                    "end_column": 27}
    assert {s["id"] for s in data["suggestions"]} >= {"sales.first-touch-conversion", "sales.loyalty-programme"}
    assert all(set(s) == {"id", "category", "title", "roles", "metrics"} for s in data["suggestions"])


def test_check_clean_goal_exits_zero(capsys):
    code, out, _ = run(capsys, "check", "--today", "2026-01-15", "increase monthly sales 20% by 2026-06")
    assert code == 0
    assert out.startswith("no findings")


def test_check_fail_on_error_ignores_warnings(capsys):
    code, out, _ = run(capsys, "check", "--fail-on", "error", "increase sales by 15%")
    assert code == 0 and "T101 [warning]" in out
    code, _, _ = run(capsys, "check", "--fail-on", "error", "reach ERR 120% by 2026-06")
    assert code == 1


def test_check_text_in_russian(capsys):
    code, out, _ = run(capsys, "check", "увеличить продажи")
    assert code == 1
    assert "statement:1:1: M201 [warning] " in out
    assert "Повысить конверсию из первого касания в продажу" in out


def test_check_role_feeds_relevance_rules(capsys):
    code, out, _ = run(capsys, "check", "--role", "communication", "--format", "json",
                       "increase monthly sales 20% by 2026-06")
    codes = [f["code"] for f in json.loads(out)["findings"]]
    assert "R401" in codes


def test_check_syntax_error(capsys):
    code, out, err = run(capsys, "check", "increase sales by %")
    assert code == 2 and out == ""
    assert err.strip() == "statement:1:19: E004 a percent sign needs a number before it (e.g. '20%')"


def test_explain_in_three_languages(capsys):
    code, out, _ = run(capsys, "explain", "T101")
    assert code == 0
    assert out.startswith("T101 time-bound.no-deadline  (SMART: T, level: warning)")
    for heading in ("What it does", "Why it matters", "How to fix", "Flagged", "Passes"):
        assert heading in out
    code, out, _ = run(capsys, "explain", "t101", "--lang", "uk")
    assert code == 0 and "Як виправити" in out and "Що перевіряє" in out
    code, out, _ = run(capsys, "explain", "A303", "--lang", "ru")
    assert "today=2026-01-15" in out and "Как исправить" in out


def test_explain_unknown_code(capsys):
    code, out, err = run(capsys, "explain", "T1O1")
    assert code == 2 and out == ""
    assert "unknown rule code 'T1O1'" in err and "T101" in err


def test_rules_json(capsys):
    code, out, _ = run(capsys, "rules", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 24
    assert all(set(r) == {"code", "name", "smart", "level", "summary"} for r in rows)
    assert [r["code"] for r in rows] == sorted(r["code"] for r in rows)
    assert {"code": "T101", "name": "time-bound.no-deadline", "smart": "T", "level": "warning",
            "summary": "No deadline."} in rows


def test_suggest(capsys):
    code, out, _ = run(capsys, "suggest", "--role", "social-only", "отримувати 300 заявок на місяць")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("leads.paid-traffic: Запустити платний трафік")
    code, out, _ = run(capsys, "suggest", "--format", "json", "I want to be more successful")
    assert json.loads(out) == []


TEAM_RULE = TEAM_RULES + '''
[[override]]
code = "T101"
level = "error"

[[override]]
code = "S104"
enabled = false
'''


def test_user_rule_folder_end_to_end(tmp_path, capsys):
    folder = tmp_path / "team-rules"
    folder.mkdir()
    (folder / "team.toml").write_text(TEAM_RULE, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--rules", str(folder), "--format", "json",
                       "grow TikTok followers and leads by 20%")
    findings = {f["code"]: f for f in json.loads(out)["findings"]}
    assert code == 1
    assert findings["X101"]["level"] == "error"
    assert findings["X101"]["message"] == "We only run tiktok campaigns on request."
    assert findings["T101"]["level"] == "error"          # overridden level
    assert "C101" not in findings                        # disabled through its old code, S104
    code, out, _ = run(capsys, "rules", "--rules", str(folder), "--format", "json")
    assert any(r["code"] == "X101" for r in json.loads(out))
    code, out, _ = run(capsys, "explain", "X101", "--rules", str(folder), "--lang", "ru")
    assert "Договор команды покрывает только Instagram." in out


def test_broken_user_rules_exit_2(tmp_path, capsys):
    folder = tmp_path / "team-rules"
    folder.mkdir()
    (folder / "team.toml").write_text(TEAM_RULE.replace("goal.channel != ", "goal.chanel != "), encoding="utf-8")
    code, out, err = run(capsys, "check", "--rules", str(folder), "get more leads")
    assert code == 2 and out == ""
    assert err.strip() == f"{folder / 'team.toml'}:6:41: unknown field 'goal.chanel' (did you mean 'goal.channel'?)"


def test_parse_tree_and_module_entry_point():
    proc = subprocess.run([sys.executable, "-m", "smmrules", "parse", "--format", "tree", "--today",
                           "2026-01-15", "reach ERR 18-20% after 3 months"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "target: range 18-20%" in proc.stdout
    assert "deadline: duration 2026-04-15 ('after 3 months')" in proc.stdout


@pytest.mark.parametrize("argv", [["parse"], ["lint-everything"], ["parse", "--today", "2026-13-01", "x"]])
def test_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2


@pytest.mark.parametrize("command", sorted(_COMMANDS))
def test_a_command_parser_on_its_own_is_the_full_parsers(command):
    # main() builds only the command named first; its usage, help and defaults must not differ
    full = next(a for a in _build()._actions if a.dest == "command").choices[command]
    alone = _command_parser(command)
    assert alone.prog == full.prog == f"smmrules {command}"
    assert alone.format_help() == full.format_help()
    assert vars(alone.parse_known_args(["x"] if command not in ("rules", "clean") else [])[0]) == \
        vars(full.parse_known_args(["x"] if command not in ("rules", "clean") else [])[0])


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for name, (text, _) in _COMMANDS.items():
        assert name in out and text.split()[0] in out
