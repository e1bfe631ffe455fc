"""The command-line defects a new user ran into, each fixed and held by a test: unknown codes, the
meaning of --lang, the pre-commit snippet, encodings, header dates, empty briefs, the library's
argument checks, today's date, JUnit and info findings, rule names in `explain`, statements on
stdin, duplicate goals and implausible growth."""
from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import smmrules
from smmrules import check_goal
from smmrules.cli import main
from smmrules.language.context import Context

ROOT = Path(__file__).resolve().parents[1]
SALES_RU = "цель: увеличить ежемесячные продажи на 20% к 2026-06\n  задача: повысить конверсию из первого касания в продажу\n"


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def feed_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def codes_of(out: str) -> list[str]:
    return re.findall(r"^\S+:\d+:\d+: ([A-Z]+\d+) ", out, re.M)


# -- unknown codes anywhere a code is accepted ---------------------------------------------------------
@pytest.mark.parametrize("argv, message", [
    (["--select", "Z999"], "smmrules: error: --select: unknown rule code or prefix 'Z999'; "),
    (["--select", "T1,S109"], "smmrules: error: --select: unknown rule code or prefix 'S109' (did you mean S10"),
    # a letter for a digit: not even the form of a code, and the code it was meant to be
    (["--select", "T1,S1O3"], "--select must be a list of rule codes or prefixes like \"T1\", got 'S1O3' "
                              "(did you mean 'S103'?)"),
    (["--ignore", "D66"], "smmrules: error: --ignore: unknown rule code or prefix 'D66' (did you mean "),
])
def test_unknown_codes_on_the_command_line_are_a_usage_error(here, capsys, argv, message):
    (here / "a.goals").write_text(SALES_RU, encoding="utf-8")
    code, out, err = run(capsys, "lint", *argv, "a.goals")
    assert (code, out) == (2, "")
    assert err.startswith(message)


def test_known_codes_prefixes_and_renamed_codes_are_accepted(here, capsys):
    (here / "a.goals").write_text(SALES_RU, encoding="utf-8")
    assert run(capsys, "lint", "--select", "T,D6,A303", "-q", "a.goals")[0] == 0
    code, _, err = run(capsys, "lint", "--ignore", "S105", "-q", "a.goals")      # renamed: R404
    assert code == 0 and "S105 is now R404" in err


@pytest.mark.parametrize("config, where", [
    ('[tool.smmrules]\nselect = ["T1", "X1"]\n', "pyproject.toml:2: select: unknown rule code or prefix 'X1'"),
    ('[tool.smmrules]\nignore = ["D66"]\n', "pyproject.toml:2: ignore: unknown rule code or prefix 'D66' "
                                            "(did you mean "),
    ('[tool.smmrules.per-file-ignores]\n"drafts/*.goals" = ["T101", "M209"]\n',
     "pyproject.toml:1: per-file-ignores: unknown rule code or prefix 'M209' (did you mean M20"),
])
def test_unknown_codes_in_the_config_are_a_usage_error(here, capsys, config, where):
    (here / "pyproject.toml").write_text(config, encoding="utf-8")
    (here / "a.goals").write_text(SALES_RU, encoding="utf-8")
    code, out, err = run(capsys, "lint", "a.goals")
    assert (code, out) == (2, "")
    assert err.startswith(f"{here / 'pyproject.toml'}{where[len('pyproject.toml'):]}")


def test_an_unknown_code_in_a_suppression_is_a_finding_that_names_the_closest(here, capsys):
    (here / "a.goals").write_text("цель: увеличить продажи на 20% к 2026-06   # smmrules: ignore[T1O1]\n"
                                  "  задача: повысить конверсию из первого касания в продажу\n", encoding="utf-8")
    code, out, _ = run(capsys, "lint", "-q", "a.goals")
    assert code == 1
    assert "a.goals:1:46: L101 [warning] Неизвестный код правила в комментарии ignore: T1O1 " \
           "(возможно, имелось в виду «T101»?)." in out


# -- --lang is the language of the messages in check, as in lint ----------------------------------------
def test_check_lang_is_the_message_language(capsys):
    code, out, _ = run(capsys, "check", "збільшити продажі на 20%", "--lang", "en")
    assert out.splitlines()[0] == ("statement:1:1: T101 [warning] The goal has no deadline: say by when "
                                   "(\"by 2026-06\", \"within 6 months\").")
    assert out.splitlines()[1] == "suggested tasks:"
    code, out, _ = run(capsys, "check", "increase sales by 20%", "--lang", "uk", "--format", "json")
    data = json.loads(out)
    assert data["goal"]["lang"] == "en"         # the statement is still read as English
    assert data["findings"][0]["message"].startswith("Ціль не має терміну")


def test_check_statement_lang_sets_the_statement_language(capsys):
    # no letter tells Russian from Ukrainian here; the option says which the statement is in
    code, out, _ = run(capsys, "check", "довести ERR до 12% за 3 місяці", "--statement-lang", "uk",
                       "--format", "json")
    assert json.loads(out)["goal"]["lang"] == "uk"
    code, out, _ = run(capsys, "check", "довести ERR до 12%", "--statement-lang", "ru")
    assert out.splitlines()[0].endswith("У цели нет срока: укажите, к какому времени («к июню 2026», "
                                        "«за 6 месяцев»).")


@pytest.mark.parametrize("argv, lines", [
    (["check", "увеличить продажи на 20% к 2026-06"], ["замечаний нет", "Задачи из каталога:"]),
    (["check", "збільшити продажі на 20% до 2026-06"], ["зауважень немає", "Завдання з каталогу:"]),
    (["check", "increase sales by 20% by 2026-06"], ["no findings", "suggested tasks:"]),
])
def test_check_and_suggest_lines_are_in_the_statements_language(capsys, argv, lines):
    out = run(capsys, *argv)[1].splitlines()
    assert [line for line in out if not line.startswith("  - ")] == lines


@pytest.mark.parametrize("argv, first", [
    (["suggest", "опубликовать 5 постов"], "Это действие, а не результат: оно может работать на цель типа «вовлечённость»"),
    (["suggest", "опублікувати 5 дописів"], "Це дія, а не результат: вона може працювати на ціль типу «залученість»"),
])
def test_an_activity_is_answered_in_the_statements_language(capsys, argv, first):
    out = run(capsys, *argv)[1].splitlines()
    assert out[0].startswith(first)
    assert len(out) > 1 and all(line.startswith("engagement.") or line.startswith("awareness.") for line in out[1:])


RU_E001 = "statement:1:22: E001 Лишний символ «{»: в формулировке цели бывают только слова, числа и даты."
UK_E001 = "statement:1:22: E001 Зайвий символ «{»: у формулюванні цілі бувають лише слова, числа й дати."
EN_E001 = "statement:1:22: E001 Unexpected character '{': a goal statement is words, numbers and dates."


@pytest.mark.parametrize("argv, line", [
    (["parse", "увеличить продажи на {20%}"], RU_E001),
    (["parse", "збільшити продажі на {20%}"], UK_E001),
    (["check", "увеличить продажи на {20%}"], RU_E001),
    (["check", "збільшити продажі на {20%}"], UK_E001),
    (["check", "збільшити продажі на {20%}", "--lang", "en"], EN_E001),
    (["check", "increase sales by {20%}", "--lang", "ru"], RU_E001.replace(":22:", ":19:")),
    (["suggest", "збільшити продажі на {20%}"], UK_E001),
    (["suggest", "збільшити продажі на {20%}", "--lang", "en"], EN_E001),
])
def test_syntax_errors_of_a_statement_are_in_its_language(capsys, argv, line):
    code, out, err = run(capsys, *argv)
    assert (code, out, err) == (2, "", line + "\n")


# -- the README's pre-commit snippet names this release's tag, and the hook it installs exists -------------
def test_the_readme_pre_commit_rev_is_this_release_and_names_the_hook():
    # A clone may carry no tags (CI fetches the branch alone), so the rule checked everywhere is that the
    # README names the tag of the version being released and that the hook file defines the hook; where
    # the tag is present, its own hook file must define it too.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("As a pre-commit hook", 1)[1]
    rev = re.search(r"^\s*rev:\s*(\S+)", snippet, re.M).group(1)
    hook_ids = re.findall(r"^\s*-\s*id:\s*(\S+)", snippet.split("```", 2)[1], re.M)
    assert rev == f"v{smmrules.__version__}" and hook_ids == ["smmrules", "smmrules-format"]
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.findall(r"^-\s*id:\s*(\S+)\s*$", hooks, re.M) == hook_ids
    if shutil.which("git") and (ROOT / ".git").exists():
        tagged = subprocess.run(["git", "show", f"{rev}:.pre-commit-hooks.yaml"], cwd=ROOT,
                                capture_output=True, text=True)
        if tagged.returncode == 0:
            assert re.findall(r"^-\s*id:\s*(\S+)\s*$", tagged.stdout, re.M) == hook_ids


# -- encodings -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_files_with_a_bom_are_read(here, capsys, encoding):
    text = "\ufeff" + SALES_RU if encoding != "utf-16" else SALES_RU      # "utf-16" writes its own BOM
    (here / "a.goals").write_bytes(text.encode(encoding))
    code, out, err = run(capsys, "lint", "--no-cache", "a.goals")
    assert (code, err) == (0, "")
    assert out == "Все проверки пройдены: 1 файл, замечаний нет.\n"


def test_a_cp1251_file_is_named_as_cp1251(here, capsys):
    (here / "a.goals").write_bytes(SALES_RU.encode("cp1251"))
    (here / "b.goals").write_text(SALES_RU, encoding="utf-8")
    code, out, err = run(capsys, "lint", "--no-cache", "a.goals", "b.goals")
    assert code == 2
    assert err == ("a.goals:1:1: the file is in the Windows Cyrillic encoding (cp1251), not UTF-8; "
                   "save it as UTF-8\n")
    assert out == "Замечаний нет в 1 файле; не удалось проверить 1 файл.\n"    # b.goals is still linted


# -- header dates, empty briefs ----------------------------------------------------------------------------
@pytest.mark.parametrize("start, error", [
    ("15.01.2026", None), ("15/01/2026", None), ("2026-01-15", None), ("5.1.2026", None),
    ("31.02.2026", "D603"), ("15.13.2026", "D603"), ("в понедельник", "D603"),
])
def test_header_dates_as_statements_write_them(here, capsys, start, error):
    (here / "a.goals").write_text(f"старт: {start}\nцель: увеличить ежемесячные продажи на 20% за 6 месяцев\n"
                                  "  задача: повысить конверсию из первого касания в продажу\n", encoding="utf-8")
    code, out, _ = run(capsys, "lint", "--no-cache", "-q", "a.goals", "--format", "json")
    found = json.loads(out)
    assert [f["code"] for f in found] == ([error] if error else [])
    if error:
        assert found[0]["message"] == ("Не удалось разобрать значение поля «старт»; ожидаемый формат: дата в виде "
                                       "2026-01-15 или 15.01.2026.")


@pytest.mark.parametrize("text, lang_line", [
    ("", "a.goals:1:1: D611 [warning] The brief has no goals: write at least one `goal:` line."),
    ("\n\n# draft\n", "a.goals:1:1: D611 [warning] The brief has no goals: write at least one `goal:` line."),
    ("клиент: Ромашка\nстарт: 15.01.2026\n",
     "a.goals:1:1: D611 [warning] В брифе нет ни одной цели: добавьте хотя бы одну строку `цель:`."),
    ("клієнт: Ромашка\nстарт: 15.01.2026\n",
     "a.goals:1:1: D611 [warning] У брифі немає жодної цілі: додайте принаймні один рядок `ціль:`."),
])
def test_a_brief_without_goals_is_a_finding(here, capsys, text, lang_line):
    (here / "a.goals").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "lint", "--no-cache", "-q", "a.goals")
    assert code == 1
    assert out.splitlines()[0] == lang_line


# -- the library refuses what it cannot use, where it is given ------------------------------------------
def test_check_goal_names_the_languages():
    with pytest.raises(ValueError, match=r"^lang must be one of en, ru, uk, got 'de'$"):
        check_goal("increase sales by 20%", lang="de")


@pytest.mark.parametrize("kwargs, error, message", [
    ({"today": "2026-01-01"}, TypeError, "Context(today=...) must be a datetime.date, got str '2026-01-01'; "
                                          "write datetime.date.fromisoformat('2026-01-01')"),
    ({"start": dt.datetime(2026, 1, 1)}, TypeError, "Context(start=...) must be a datetime.date, got datetime"),
    ({"lang": "de"}, ValueError, "'lang' must be one of en, ru, uk, not 'de'"),
])
def test_context_refuses_wrong_values_at_construction(kwargs, error, message):
    with pytest.raises(error) as info:
        Context(**kwargs)
    assert str(info.value).startswith(message)


def test_context_takes_dates():
    ctx = Context(today=dt.date(2026, 1, 1), start=dt.date(2026, 2, 1))
    assert ctx.reference_date == dt.date(2026, 2, 1)


# -- today's date by default, --today for reproducible runs, the cache keyed on the date ----------------
def test_a_past_deadline_is_found_with_todays_date_by_default(here, capsys, monkeypatch):
    monkeypatch.undo()                  # the suite's fixed date (conftest) off: the calendar's own
    monkeypatch.chdir(here)
    last_year = dt.date.today().year - 1
    (here / "a.goals").write_text(f"goal: get 300 leads a month by {last_year}-06\n  task: run paid traffic\n",
                                  encoding="utf-8")
    code, out, _ = run(capsys, "lint", "-q", "a.goals")
    assert code == 1 and codes_of(out) == ["A303"]
    code, out, _ = run(capsys, "lint", "-q", "a.goals", "--today", f"{last_year}-01-01")
    assert (code, out) == (0, "")
    code, out, _ = run(capsys, "check", f"get 300 leads a month by {last_year}-06")
    assert codes_of(out) == ["A303"]


def test_the_result_cache_keys_on_the_date(here, capsys):
    (here / "a.goals").write_text("goal: get 300 leads a month by 2026-06\n  task: run paid traffic\n",
                                  encoding="utf-8")
    for today, expected in (("2026-01-01", []), ("2026-07-01", ["A303"]), ("2026-01-01", []),
                            ("2026-07-01", ["A303"])):     # the second round is answered from the cache
        out = run(capsys, "lint", "-q", "a.goals", "--today", today)[1]
        assert codes_of(out) == expected, today


# -- JUnit and info findings -------------------------------------------------------------------------------
def test_junit_fails_only_findings_at_or_above_fail_on(here, capsys):
    (here / "a.goals").write_text("goal: reach ERR 25% by 2026-06\n  task: track ERR for every post\n",
                                  encoding="utf-8")
    code, out, _ = run(capsys, "lint", "--format", "junit", "a.goals")
    root = ET.fromstring(out.encode("utf-8"))
    assert code == 0
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    case = root.find("testsuite/testcase")
    assert case.get("name") == "D502 1:17" and case.find("failure") is None
    assert case.find("system-out").text.startswith("a.goals:1:17: D502 [info] An ERR target of 25%")
    code, out, _ = run(capsys, "lint", "--format", "junit", "--fail-on", "info", "a.goals")
    root = ET.fromstring(out.encode("utf-8"))
    assert code == 1 and root.get("failures") == "1"
    assert root.find("testsuite/testcase/failure").get("type") == "D502"


# -- explain takes the names rules prints --------------------------------------------------------------
def test_explain_accepts_rule_names(capsys):
    code, out, _ = run(capsys, "explain", "time-bound.no-deadline", "--lang", "ru")
    assert code == 0 and out.splitlines()[:2] == ["T101 time-bound.no-deadline  (SMART: T, уровень: warning)",
                                                  "Нет срока."]
    code, _, err = run(capsys, "explain", "time-bound.no-dedline")
    assert code == 2 and "(did you mean time-bound.no-deadline" in err


def test_explain_shows_the_examples_in_the_requested_language(capsys):
    out = run(capsys, "explain", "M201", "--lang", "uk")[1]
    examples = out.split("Спрацьовує\n", 1)[1]
    assert "  збільшити продажі\n" in examples and "increase sales" not in examples
    out = run(capsys, "explain", "M201", "--lang", "ru")[1]
    assert "  увеличить продажи на 15%\n" in out and "збільшити" not in out and "increase" not in out


# -- statements on stdin ---------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["check", "parse", "suggest"])
def test_a_dash_reads_the_statement_from_stdin(capsys, monkeypatch, command):
    feed_stdin(monkeypatch, "увеличить продажи на 20% к 2026-06\n".encode("utf-8"))
    code, out, err = run(capsys, command, "-", *(["--format", "json"] if command != "parse" else []))
    assert code == 0 and err == ""
    data = json.loads(out)
    if command == "check":
        assert data["goal"]["text"] == "увеличить продажи на 20% к 2026-06" and data["findings"] == []
    elif command == "parse":
        assert data["metric"] == "sales" and data["lang"] == "ru"
    else:
        # the tasks that move sales come first (a communication task may move it too), then sales' others
        assert data and data[0]["category"] == "sales"
        assert all("sales" in t["metrics"] or t["category"] == "sales" for t in data)


def test_stdin_that_is_not_utf8_is_one_line(capsys, monkeypatch):
    feed_stdin(monkeypatch, "увеличить продажи".encode("cp1251"))
    assert run(capsys, "check", "-") == (2, "", "smmrules: error: -: not valid UTF-8 (byte 0xf3)\n")


# -- a duplicate goal -------------------------------------------------------------------------------------
def test_a_duplicate_goal_reports_only_that_it_is_one(here, capsys):
    goal = "goal: increase sales by 20% by 2025-06\n"
    (here / "a.goals").write_text("start: 2026-01-15\n" + goal + goal.replace("increase", "Increase"),
                                  encoding="utf-8")
    out = run(capsys, "lint", "-q", "--no-cache", "a.goals")[1]
    first = [c for c, line in zip(codes_of(out), out.splitlines()) if line.startswith("a.goals:2:")]
    second = [line for line in out.splitlines() if line.startswith("a.goals:3:")]
    assert {"D605", "D608"} <= set(first)
    assert second == ["a.goals:3:7: D606 [warning] The same goal is already written on line 2."]


# -- A304 on explosive growth ------------------------------------------------------------------------------
def test_explosive_growth_is_a_multiple(capsys):
    out = run(capsys, "check", "grow followers from 1,000 to 100,000 within 1 month")[1]
    assert ("A304 [warning] Reaching 100,000 (within 1 month) means about x100 growth every month; more than "
            "50% a month is rarely achievable.") in out
    out = run(capsys, "check", "grow followers from 1,000 to 1,800 within 1 month")[1]
    assert "means about 80% growth every month" in out
