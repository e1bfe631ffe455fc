"""`smmrules lint` with configuration: [tool.smmrules] in pyproject.toml and .smmrules.toml, found
upward from the linted path, every key that changes what lint reports, broken configs, --config."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from smmrules.cli import main
from goalcheck import TEAM_RULES

VAGUE = "goal: get more followers\n"                      # D605, M203, T101
VAGUE_CODES = {"D605", "M203", "T101"}
# A config line selecting only those: the tests of keys other than select add it, so that a rule added to
# the built-in catalogue changes none of their expectations.
PINNED = 'select = ["D605", "M203", "T101"]\n'
# ~41% growth a month: quiet under A304's default ceiling of 50, flagged under 30
FAST = ("goal: grow Instagram followers from 1,000 to 2,000 within 2 months\n"
        "  task: run an ad campaign with the Reach objective and a frequency of 4-5 per person\n")

def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """A working directory outside the project, so only discovery from the linted path finds the config."""
    away = tmp_path / "elsewhere"
    away.mkdir()
    monkeypatch.chdir(away)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return away


def lint(capsys, *argv):
    code = main(["lint", "--format", "json", *map(str, argv)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    findings = json.loads(captured.out) if code != 2 else None
    return code, findings, captured.err


def codes(findings) -> set[str]:
    return {f["code"] for f in findings}


# -- discovery ------------------------------------------------------------------------------------
def test_pyproject_found_upward_from_the_linted_file(tmp_path, elsewhere, capsys):
    write(tmp_path / "proj" / "pyproject.toml",
          '[project]\nname = "x"\n\n[tool.smmrules]\nselect = ["T1", "M2"]\nignore = ["M203"]\n')
    doc = write(tmp_path / "proj" / "briefs" / "q1" / "plan.goals", VAGUE)
    code, findings, err = lint(capsys, doc)
    assert (code, err) == (1, "")
    assert codes(findings) == {"T101"}
    # the same file without the project around it: every finding (the ones of the catalogue's other
    # rules too, if they fire)
    loose = write(tmp_path / "loose" / "plan.goals", VAGUE)
    assert codes(lint(capsys, loose)[1]) >= VAGUE_CODES


def test_smmrules_toml_found_upward_and_nearest_wins(tmp_path, elsewhere, capsys):
    write(tmp_path / "proj" / ".smmrules.toml", PINNED + 'ignore = ["D605"]\n')
    write(tmp_path / "proj" / "team" / "pyproject.toml", '[tool.smmrules]\n' + PINNED + 'ignore = ["T101"]\n')
    top = write(tmp_path / "proj" / "top.goals", VAGUE)
    deep = write(tmp_path / "proj" / "team" / "sub" / "deep.goals", VAGUE)
    assert codes(lint(capsys, top)[1]) == {"M203", "T101"}
    assert codes(lint(capsys, deep)[1]) == {"D605", "M203"}
    # a directory argument is a starting point too
    assert codes(lint(capsys, tmp_path / "proj" / "team")[1]) == {"D605", "M203"}


def test_pyproject_without_our_table_is_passed_over(tmp_path, elsewhere, capsys):
    write(tmp_path / "proj" / ".smmrules.toml", 'select = ["M"]\n')
    write(tmp_path / "proj" / "pkg" / "pyproject.toml", '[project]\nname = "pkg"\n\n[tool.black]\nline-length = 99\n')
    doc = write(tmp_path / "proj" / "pkg" / "plan.goals", VAGUE)
    assert codes(lint(capsys, doc)[1]) == {"M203"}


def test_smmrules_toml_beats_pyproject_in_the_same_folder(tmp_path, elsewhere, capsys):
    write(tmp_path / "proj" / ".smmrules.toml", 'select = ["M"]\n')
    write(tmp_path / "proj" / "pyproject.toml", '[tool.smmrules]\nselect = ["T"]\n')
    doc = write(tmp_path / "proj" / "plan.goals", VAGUE)
    assert codes(lint(capsys, doc)[1]) == {"M203"}


def test_working_directory_config_for_stdin(tmp_path, capsys, monkeypatch):
    import io
    import sys
    write(tmp_path / ".smmrules.toml", 'select = ["T"]\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(VAGUE.encode()), encoding="utf-8"))
    code, findings, _ = lint(capsys, "-")
    assert codes(findings) == {"T101"} and {f["path"] for f in findings} == {"-"}


def test_stdin_filename_finds_the_config_of_the_file_it_names(tmp_path, elsewhere, capsys, monkeypatch):
    import io
    import sys
    write(tmp_path / "proj" / ".smmrules.toml", 'select = ["M"]\n[per-file-ignores]\n"drafts/*" = ["M203"]\n')
    (tmp_path / "proj" / "drafts").mkdir()
    for name, expected in (("plan.goals", {"M203"}), ("drafts/plan.goals", set())):
        shown = tmp_path / "proj" / name
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(VAGUE.encode()), encoding="utf-8"))
        code, findings, _ = lint(capsys, "-", "--stdin-filename", shown)
        assert codes(findings) == expected
        assert all(f["path"] == str(shown) for f in findings)


# -- keys ----------------------------------------------------------------------------------------
def test_fail_on(tmp_path, elsewhere, capsys):
    write(tmp_path / "proj" / ".smmrules.toml", PINNED + 'fail-on = "error"\n')
    doc = write(tmp_path / "proj" / "plan.goals", VAGUE)
    code, findings, _ = lint(capsys, doc)
    assert code == 0 and codes(findings) == VAGUE_CODES            # warnings no longer fail
    assert lint(capsys, doc, "--fail-on", "warning")[0] == 1       # the command line wins
    write(tmp_path / "proj" / ".smmrules.toml", 'fail-on = "info"\nselect = ["D605"]\n')
    assert lint(capsys, doc)[0] == 1


def test_lang(tmp_path, elsewhere, capsys):
    write(tmp_path / "proj" / "pyproject.toml", '[tool.smmrules]\nlang = "uk"\n')
    doc = write(tmp_path / "proj" / "plan.goals", VAGUE)
    messages = {f["code"]: f["message"] for f in lint(capsys, doc)[1]}
    assert messages["T101"] == "Ціль не має терміну: зазначте, до якого часу її треба досягти («до червня 2026», «за 6 місяців»)."
    messages = {f["code"]: f["message"] for f in lint(capsys, doc, "--lang", "ru")[1]}
    assert messages["T101"] == "У цели нет срока: укажите, к какому времени («к июню 2026», «за 6 месяцев»)."


def test_rules_folder_relative_to_the_config(tmp_path, elsewhere, capsys):
    write(tmp_path / "proj" / "team-rules" / "team.toml", TEAM_RULES)
    write(tmp_path / "proj" / ".smmrules.toml", 'rules = ["team-rules"]\n')
    doc = write(tmp_path / "proj" / "briefs" / "plan.goals",
                "goal: grow TikTok followers from 2,000 to 2,500 within 6 months\n"
                "  task: post three short videos a week\n")
    code, findings, err = lint(capsys, doc)
    x101 = [f for f in findings if f["code"] == "X101"]
    assert (code, err) == (1, "")
    assert [(f["line"], f["level"], f["message"]) for f in x101] == [
        (1, "error", "We only run tiktok campaigns on request.")]
    # a folder that does not exist is the config's error, at its line
    write(tmp_path / "proj" / ".smmrules.toml", 'fail-on = "error"\nrules = ["no-such-rules"]\n')
    code, findings, err = lint(capsys, doc)
    assert code == 2
    assert err.startswith(f"{tmp_path / 'proj' / '.smmrules.toml'}:2: ") and "no-such-rules" in err


def test_levels(tmp_path, elsewhere, capsys):
    write(tmp_path / "proj" / ".smmrules.toml", PINNED + '[levels]\nT101 = "error"\nM203 = "info"\n')
    doc = write(tmp_path / "proj" / "plan.goals", VAGUE)
    code, findings, _ = lint(capsys, doc, "--fail-on", "error")
    levels = {f["code"]: f["level"] for f in findings}
    assert levels == {"T101": "error", "M203": "info", "D605": "info"}
    assert code == 1
    main(["lint", str(doc), "-q"])
    assert "plan.goals:1:7: T101 [error] " in capsys.readouterr().out


def test_options_change_whether_a304_fires(tmp_path, elsewhere, capsys):
    doc = write(tmp_path / "proj" / "plan.goals", FAST)
    code, findings, _ = lint(capsys, doc)
    assert (code, codes(findings)) == (0, set())
    write(tmp_path / "proj" / ".smmrules.toml", "[options.A304]\nmax_monthly_growth = 30\n")
    code, findings, _ = lint(capsys, doc)
    assert code == 1
    (a304,) = findings
    assert (a304["code"], a304["line"], a304["level"]) == ("A304", 1, "warning")
    assert "41.4%" in a304["message"] and "30%" in a304["message"]
    write(tmp_path / "proj" / ".smmrules.toml", "[options]\nA304 = { max_monthly_growth = 45.5 }\n")
    assert lint(capsys, doc)[1] == []


def test_per_file_ignores(tmp_path, elsewhere, capsys):
    write(tmp_path / "proj" / "pyproject.toml",
          '[tool.smmrules]\n' + PINNED + '[tool.smmrules.per-file-ignores]\n"drafts/*.goals" = ["T1", "D605"]\n"**/legacy.goals" = ["M"]\n')
    final = write(tmp_path / "proj" / "final.goals", VAGUE)
    draft = write(tmp_path / "proj" / "drafts" / "idea.goals", VAGUE)
    legacy = write(tmp_path / "proj" / "old" / "y2024" / "legacy.goals", VAGUE)
    code, findings, _ = lint(capsys, tmp_path / "proj")
    by_file = {}
    for f in findings:
        by_file.setdefault(Path(f["path"]).name, set()).add(f["code"])
    assert by_file == {"final.goals": VAGUE_CODES, "idea.goals": {"M203"}, "legacy.goals": {"D605", "T101"}}
    assert codes(lint(capsys, draft)[1]) == {"M203"}
    assert codes(lint(capsys, final)[1]) == VAGUE_CODES
    assert codes(lint(capsys, legacy)[1]) == {"D605", "T101"}


def test_exclude_and_include_when_linting_a_directory(tmp_path, elsewhere, capsys):
    proj = tmp_path / "proj"
    write(proj / "a.goals", VAGUE)
    write(proj / "vendor" / "b.goals", VAGUE)
    write(proj / "sub" / "generated" / "c.goals", VAGUE)
    write(proj / "notes" / "d.brief", VAGUE)
    write(proj / ".venv" / "e.goals", VAGUE)                    # a default exclude

    def linted():
        code, findings, err = lint(capsys, proj)
        assert err == ""
        return {Path(f["path"]).relative_to(proj).as_posix() for f in findings}

    assert linted() == {"a.goals", "vendor/b.goals", "sub/generated/c.goals"}
    write(proj / ".smmrules.toml", 'exclude = ["vendor", "generated/"]\n')
    assert linted() == {"a.goals", ".venv/e.goals"}     # exclude replaces the default list
    write(proj / ".smmrules.toml", 'exclude = ["vendor", "generated/", ".venv"]\n')
    assert linted() == {"a.goals"}
    write(proj / ".smmrules.toml", 'include = ["*.brief", "*.goals"]\nexclude = ["vendor"]\n')
    assert linted() == {"a.goals", "sub/generated/c.goals", "notes/d.brief", ".venv/e.goals"}
    write(proj / ".smmrules.toml", 'include = ["notes/*.brief"]\n')
    assert linted() == {"notes/d.brief"}
    # nothing left to lint in a folder is an input error, not a silent pass
    write(proj / ".smmrules.toml", 'exclude = ["*.goals", "notes"]\n')
    code, findings, err = lint(capsys, proj)
    assert code == 2
    assert err == f"{proj}: no files matching *.goals in this directory\n"


# -- broken configs -------------------------------------------------------------------------------
BROKEN = [
    (".smmrules.toml", 'select = ["T1"\n', 2, "invalid TOML: Unclosed array"),   # found at the end
    (".smmrules.toml", 'select = ["T1"]\nselct = ["T1"]\n', 2, "unknown key 'selct' (did you mean 'select'?)"),
    (".smmrules.toml", 'fail-on = "sometimes"\n', 1, "fail-on must be one of error, warning, info, got 'sometimes'"),
    (".smmrules.toml", 'lang = "de"\n', 1, "lang must be one of en, ru, uk"),
    (".smmrules.toml", 'ignore = ["T1",\n  "not a code"]\n', 2, "ignore must be a list of rule codes"),
    (".smmrules.toml", '\n\n[levels]\nT101 = "fatal"\n', 4, "level of T101 must be one of error, warning, info"),
    (".smmrules.toml", '[levels]\nT101 = "error"\nT999 = "error"\n', 3, "unknown rule code 'T999'"),
    (".smmrules.toml", "[options.A304]\nmax_growth = 30\n", 2,
     "unknown option 'max_growth' of A304 (did you mean 'max_monthly_growth'?)"),
    (".smmrules.toml", 'rules = ["missing-folder"]\n', 1, "missing-folder"),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.smmrules]\nexclude = "vendor"\n', 5,
     "exclude must be a list of glob patterns"),
    ("pyproject.toml", '[tool.smmrules]\n[tool.smmrules.per-file-ignores]\n"docs/*" = "T1"\n', 3,
     "per-file-ignores"),
]


@pytest.mark.parametrize("name, text, line, message", BROKEN)
def test_broken_config_is_one_line_on_stderr(tmp_path, elsewhere, capsys, name, text, line, message):
    config = write(tmp_path / "proj" / name, text)
    doc = write(tmp_path / "proj" / "plan.goals", VAGUE)
    for fmt in ("text", "json", "sarif"):
        code = main(["lint", str(doc), "--format", fmt])
        captured = capsys.readouterr()
        assert code == 2
        assert captured.out == ""
        assert "Traceback" not in captured.err
        assert len(captured.err.splitlines()) == 1 and captured.err.endswith("\n")
        assert re.match(rf"^{re.escape(str(config))}:{line}: ", captured.err), captured.err
        assert message in captured.err


def test_broken_config_in_a_real_process(tmp_path):
    import subprocess
    import sys
    write(tmp_path / ".smmrules.toml", 'select = ["T1"]\nfail-on = 3\n')
    write(tmp_path / "plan.goals", VAGUE)
    proc = subprocess.run([sys.executable, "-m", "smmrules", "lint", "plan.goals"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == f"{tmp_path / '.smmrules.toml'}:2: fail-on must be one of error, warning, info, got 3\n"


# -- --config ------------------------------------------------------------------------------------
def test_config_option_uses_that_file(tmp_path, elsewhere, capsys):
    write(tmp_path / "proj" / ".smmrules.toml", 'select = ["M"]\n')
    doc = write(tmp_path / "proj" / "plan.goals", VAGUE)
    chosen = write(tmp_path / "configs" / "strict.toml", 'select = ["T"]\n[levels]\nT101 = "error"\n')
    code, findings, _ = lint(capsys, doc, "--config", chosen)
    assert [(f["code"], f["level"]) for f in findings] == [("T101", "error")]
    pyproject = write(tmp_path / "configs" / "pyproject.toml", '[tool.smmrules]\nselect = ["D"]\n')
    assert codes(lint(capsys, doc, "--config", pyproject)[1]) == {"D605"}
    # the discovered config is used without --config
    assert codes(lint(capsys, doc)[1]) == {"M203"}


def test_config_option_relative_rules_folder(tmp_path, elsewhere, capsys):
    write(tmp_path / "configs" / "rules" / "team.toml", TEAM_RULES)
    chosen = write(tmp_path / "configs" / "team.toml", 'rules = ["rules"]\nselect = ["X"]\n')
    doc = write(tmp_path / "plan.goals", "goal: grow TikTok followers to 5,000 by 2026-06\n")
    assert codes(lint(capsys, doc, "--config", chosen)[1]) == {"X101"}


@pytest.mark.parametrize("name, text, expected", [
    ("missing.toml", None, "missing.toml:1: cannot read config file"),
    ("pyproject.toml", '[project]\nname = "x"\n', "no [tool.smmrules] table in this pyproject.toml"),
    ("folder.toml", "DIR", "config file is a directory"),
])
def test_config_option_errors(tmp_path, elsewhere, capsys, name, text, expected):
    path = tmp_path / name
    if text == "DIR":
        path.mkdir()
    elif text is not None:
        write(path, text)
    doc = write(tmp_path / "plan.goals", VAGUE)
    code, _, err = lint(capsys, doc, "--config", path)
    assert code == 2
    assert len(err.splitlines()) == 1 and expected in err and str(path) in err
