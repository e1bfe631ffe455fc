"""`smmrules lint` end to end: every format, exit codes, options, stdin, parallel workers, colour.

The tests lint a small fixed tree of briefs (one clean, one with findings, one in Russian, one in
Ukrainian) from inside tmp_path, so that paths in the output are relative and the text output can
be compared with the snapshot files in tests/snapshots/lint/. After a deliberate change of output,
regenerate them with SMMRULES_UPDATE_SNAPSHOTS=1 and review the diff.

What these tests check is the command line, not the rule catalogue: the tree has a config that
pins the built-in codes they look at (PINNED), and the tests of selection, parallel workers and
syntax errors lint with the rules written for the tests (tests/fixtures/rules, codes FX...). A rule
added to the catalogue changes none of their expectations.
"""
from __future__ import annotations

import concurrent.futures as cf
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from suitedate import SUITE_TODAY
from smmrules.cli import main
from goalcheck import TEAM_RULES

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_RULES = str(Path(__file__).parent / "fixtures" / "rules")
# The built-in codes the tests look at: the tree's config selects only these.
PINNED = ("A303", "D601", "D605", "M201", "M203", "S103", "T101")
SNAPSHOTS = Path(__file__).parent / "snapshots" / "lint"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
ANSI = re.compile(r"\x1b\[")
FINDING_KEYS = {"code", "name", "smart", "level", "message", "path", "line", "column", "end_line", "end_column"}
HEADLINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]+\d+) "
                      r"\[(?P<level>error|warning|info)\] (?P<message>.+)$")

CLEAN = """\
# Brief: a shop where social media is one of the sales sources. Nothing to report.
client: Clean Co
start: 2026-01-15
role: one-of-sources
paid-ads: yes
budget: 1000 USD/month
history: 2 months
lead-processing: yes
baseline: followers 3200; monthly sales 410

goal sales: increase monthly sales 20% within 6 months
  task: raise conversion from first touch to sale
"""

FINDINGS = """\
# Brief with problems: a misspelt key, a vague goal, a deadline that has passed by 2026-03.
client: Problem Co
bugdet: 900 GBP/month

goal: get more followers
goal: increase monthly sales 20% by 2025-06
  task: raise conversion from first touch to sale
"""

RUSSIAN = """\
клиент: Ромашка
старт: 2026-01-15

цель: повысить узнаваемость магазина
"""

UKRAINIAN = """\
клієнт: Зерно
старт: 2026-01-15

ціль: збільшити кількість підписників
"""

TREE = {
    "briefs/clean.goals": CLEAN,
    "briefs/findings.goals": FINDINGS,
    "briefs/ru.goals": RUSSIAN,
    "briefs/uk.goals": UKRAINIAN,
}
CONFIG = "select = [" + ", ".join(f'"{code}"' for code in PINNED) + "]\n"

# header and a goal with no tasks: a single info finding (D605)
INFO_ONLY = """\
client: Info Co
start: 2026-01-15
role: one-of-sources
paid-ads: yes
history: 2 months
lead-processing: yes

goal sales: increase monthly sales 20% within 6 months
"""

# -- helpers -----------------------------------------------------------------------------------
def write_tree(base: Path, files: dict[str, str | bytes]) -> None:
    for rel, text in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """The four briefs under tmp_path/briefs and a config pinning the codes, with tmp_path as the working
    directory."""
    write_tree(tmp_path, dict(TREE, **{".smmrules.toml": CONFIG}))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def run(capsys, *argv):
    code = main(["lint", *argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def run_process(*argv, cwd, input=None, env=None):
    full_env = dict(os.environ, **(env or {}))
    if "--today" not in argv:       # the suite's date (suitedate.SUITE_TODAY), not the calendar's
        argv = (*argv, "--today", SUITE_TODAY.isoformat())
    proc = subprocess.run([sys.executable, "-m", "smmrules", "lint", *argv], cwd=cwd, input=input,
                          capture_output=True, env=full_env, timeout=120)
    assert b"Traceback" not in proc.stderr
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def assert_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("SMMRULES_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    assert path.exists(), f"missing snapshot {path}: run with SMMRULES_UPDATE_SNAPSHOTS=1 to create it"
    assert actual == path.read_bytes().decode("utf-8")


def headlines(text_output: str) -> list[dict]:
    """The `path:line:col: CODE [level] message` lines of a text report, parsed."""
    out = []
    for line in text_output.splitlines():
        m = HEADLINE.match(line)
        if m:
            d = m.groupdict()
            d["line"], d["column"] = int(d["line"]), int(d["column"])
            out.append(d)
    return out


def codes_in(text_output: str) -> set[str]:
    return {h["code"] for h in headlines(text_output)}


def key(f: dict) -> tuple:
    return (f["path"], int(f["line"]), int(f["column"]), f["code"], f["level"], f["message"])


# -- text: exact snapshots --------------------------------------------------------------------
@pytest.mark.parametrize("snapshot, options, expected_code", [
    ("text.txt", [], 1),
    ("text_quiet.txt", ["--quiet"], 1),
    ("text_statistics.txt", ["--statistics"], 1),
    ("text_lang_uk.txt", ["--lang", "uk"], 1),
    ("text_today.txt", ["--today", "2026-03-01", "--fail-on", "error"], 1),
])
def test_text_snapshots(tree, capsys, snapshot, options, expected_code):
    code, out, err = run(capsys, "briefs", *options)
    assert (code, err) == (expected_code, "")
    assert not ANSI.search(out)
    assert_snapshot(snapshot, out)


def test_text_structure(tree, capsys):
    code, out, err = run(capsys, "briefs")
    found = headlines(out)
    # findings come in path, line, column order; each is followed by its source line and carets
    assert [(f["path"], f["line"], f["column"]) for f in found] == sorted(
        (f["path"], f["line"], f["column"]) for f in found)
    assert {f["path"] for f in found} == {"briefs/findings.goals", "briefs/ru.goals", "briefs/uk.goals"}
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if HEADLINE.match(line):
            h = HEADLINE.match(line).groupdict()
            source = TREE[h["path"]].splitlines()[int(h["line"]) - 1]
            assert lines[i + 1] == "    " + source
            assert lines[i + 2].strip() and set(lines[i + 2].strip()) == {"^"}
            assert lines[i + 2].index("^") == 4 + int(h["column"]) - 1
    assert lines[-1] == "Found 11 findings (8 warnings, 3 info) in 4 files."


def test_quiet_prints_only_the_findings(tree, capsys):
    _, full, _ = run(capsys, "briefs")
    code, out, err = run(capsys, "briefs", "-q")
    assert code == 1 and err == ""
    assert out.splitlines() == [h for h in full.splitlines() if HEADLINE.match(h)]
    code, out, err = run(capsys, "briefs/clean.goals", "--quiet")
    assert (code, out, err) == (0, "", "")


def test_statistics_counts_per_code(tree, capsys):
    code, out, _ = run(capsys, "briefs", "--statistics", "--quiet")
    assert code == 1
    table = [line for line in out.splitlines() if not HEADLINE.match(line) and line.strip()]
    rows = [line.split() for line in table]
    counts = {row[1]: int(row[0]) for row in rows}
    assert counts == {"T101": 3, "D605": 3, "M201": 2, "D601": 1, "M203": 1, "S103": 1}
    assert [row[1] for row in rows][:3] == ["D605", "T101", "M201"]   # most frequent first, then by code
    assert rows[0][2] == "document.goal-without-tasks"


# -- the other formats -------------------------------------------------------------------------
def test_json_format(tree, capsys):
    code, out, err = run(capsys, "briefs", "--format", "json")
    assert (code, err) == (1, "")
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 11
    # every finding of a built-in rule links to its page; "fix" only where the finding has one
    assert all(set(f) - {"fix"} == FINDING_KEYS | {"url"} for f in data)
    assert all(f["url"] == f"https://example.org/smmrules/docs/rules/{f['code']}.md" for f in data)
    assert data[0] == {
        "code": "D601", "name": "document.unknown-header-key", "smart": None, "level": "warning",
        "message": "Unknown header key 'bugdet' (did you mean 'budget'?).", "path": "briefs/findings.goals",
        "line": 3, "column": 1, "end_line": 3, "end_column": 7,
        "url": "https://example.org/smmrules/docs/rules/D601.md",
        "fix": {"applicability": "safe", "title": "Replace the key with 'budget'",
                "edits": [{"line": 3, "column": 1, "end_line": 3, "end_column": 7, "text": "budget"}]}}
    assert {f["path"] for f in data} == {"briefs/findings.goals", "briefs/ru.goals", "briefs/uk.goals"}
    s103 = next(f for f in data if f["code"] == "S103")
    assert (s103["path"], s103["line"], s103["column"], s103["end_column"]) == ("briefs/ru.goals", 4, 16, 28)
    assert RUSSIAN.splitlines()[3][15:27] == "узнаваемость"      # the span is the abstract word
    code, out, _ = run(capsys, "briefs/clean.goals", "--format", "json")
    assert (code, json.loads(out)) == (0, [])


def test_sarif_format(tree, capsys):
    code, out, err = run(capsys, "briefs", "--format", "sarif")
    assert (code, err) == (1, "")
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    assert len(results) == 11
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].startswith("briefs/")
        assert loc["region"]["startLine"] >= 1
    assert {r["level"] for r in results} == {"warning", "note"}
    assert run_["invocations"][0]["executionSuccessful"] is True
    if SARIF_SCHEMA.exists():       # CI always has the official schema next to the checkout
        import jsonschema
        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        validator = jsonschema.validators.validator_for(schema)(schema)
        assert not list(validator.iter_errors(log))


def test_github_format(tree, capsys):
    code, out, err = run(capsys, "briefs", "--format", "github")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert len(lines) == 11
    pattern = re.compile(r"^::(warning|error|notice) file=briefs/[a-z]+\.goals,line=\d+,col=\d+,"
                         r"endLine=\d+,endColumn=\d+,title=[A-Z]+\d+ [a-z.\-]+::.+$")
    assert all(pattern.match(line) for line in lines), lines
    assert lines[0] == ("::warning file=briefs/findings.goals,line=3,col=1,endLine=3,endColumn=7,"
                        "title=D601 document.unknown-header-key::Unknown header key 'bugdet' (did you mean 'budget'?).")
    assert sum(line.startswith("::notice ") for line in lines) == 3       # info -> notice


def test_junit_format(tree, capsys):
    code, out, err = run(capsys, "briefs", "--format", "junit")
    assert (code, err) == (1, "")
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    # the 3 info findings are below --fail-on (warning): passing cases that show their message
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("12", "8", "0")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == sorted(TREE)
    assert suites["briefs/clean.goals"].find("testcase").get("name") == "no findings"
    assert suites["briefs/ru.goals"].get("failures") == "3"       # and its D605 (info) passes
    failure = suites["briefs/findings.goals"].find("testcase/failure")
    assert failure.get("type") == "D601"


def test_every_format_reports_the_same_findings(tree, capsys):
    _, text, _ = run(capsys, "briefs", "--quiet")
    expected = sorted(key(h) for h in headlines(text))
    _, out, _ = run(capsys, "briefs", "--format", "json")
    assert sorted(key(f) for f in json.loads(out)) == expected
    _, out, _ = run(capsys, "briefs", "--format", "sarif")
    sarif = json.loads(out)["runs"][0]
    levels = {"note": "info", "warning": "warning", "error": "error"}
    assert sorted((r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                   r["locations"][0]["physicalLocation"]["region"]["startLine"],
                   r["locations"][0]["physicalLocation"]["region"]["startColumn"],
                   r["ruleId"], levels[r["level"]], r["message"]["text"]) for r in sarif["results"]) == expected
    _, out, _ = run(capsys, "briefs", "--format", "junit")
    shown = [f.text for f in ET.fromstring(out.encode("utf-8")).iter() if f.tag in ("failure", "system-out")]
    assert sorted(key(HEADLINE.match(t).groupdict()) for t in shown) == expected
    _, out, _ = run(capsys, "briefs", "--format", "github")
    gh = re.compile(r"^::\w+ file=(?P<path>[^,]+),line=(?P<line>\d+),col=(?P<column>\d+),.*?"
                    r"title=(?P<code>\S+) \S+::(?P<message>.*)$")
    kinds = {"notice": "info", "warning": "warning", "error": "error"}
    got = []
    for line in out.splitlines():
        m = gh.match(line)
        d = dict(m.groupdict(), level=kinds[line[2:line.index(" ")]])
        d["message"] = d["message"].replace("%25", "%")
        got.append(key(d))
    assert sorted(got) == expected


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_every_format_exits_zero_on_a_clean_file(tree, capsys, fmt):
    code, out, err = run(capsys, "briefs/clean.goals", "--format", fmt)
    assert (code, err) == (0, "")
    if fmt == "text":
        assert out == "All checks passed: 1 file, no findings.\n"
    elif fmt == "json":
        assert out == "[]\n"
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"] == []
    elif fmt == "github":
        assert out == ""
    else:
        suite = ET.fromstring(out.encode("utf-8")).find("testsuite")
        assert (suite.get("name"), suite.get("failures")) == ("briefs/clean.goals", "0")


# -- exit codes ----------------------------------------------------------------------------------
@pytest.mark.parametrize("file, options, expected", [
    # only an info finding: fails only with --fail-on info
    ("info.goals", [], 0),
    ("info.goals", ["--fail-on", "error"], 0),
    ("info.goals", ["--fail-on", "warning"], 0),
    ("info.goals", ["--fail-on", "info"], 1),
    # warnings (and an info) at most
    ("briefs/findings.goals", [], 1),
    ("briefs/findings.goals", ["--fail-on", "error"], 0),
    ("briefs/findings.goals", ["--fail-on", "warning"], 1),
    ("briefs/findings.goals", ["--fail-on", "info"], 1),
    # with --today the passed deadline is an error (A303)
    ("briefs/findings.goals", ["--today", "2026-03-01", "--fail-on", "error"], 1),
    # a clean file passes at every level
    ("briefs/clean.goals", ["--fail-on", "info"], 0),
])
def test_fail_on(tree, capsys, file, options, expected):
    (tree / "info.goals").write_text(INFO_ONLY, encoding="utf-8")
    code, out, err = run(capsys, file, *options)
    assert (code, err) == (expected, "")
    if file == "info.goals":
        assert codes_in(out) == {"D605"}


@pytest.mark.parametrize("argv, message", [
    (["--format", "xml"], "argument --format: invalid choice: 'xml'"),
    (["--fail-on", "never"], "argument --fail-on: invalid choice: 'never'"),
    (["--lang", "de"], "argument --lang: invalid choice: 'de'"),
    (["--bogus"], "unrecognized arguments: --bogus"),
    (["-j", "0"], "-j must be at least 1"),
    (["-j", "two"], "argument -j/--jobs: invalid int value: 'two'"),
    (["--today", "2026-13-01"], "--today must be a date in YYYY-MM-DD form"),
    (["--select", "T1,?!"], "--select must be a list of rule codes or prefixes"),
    (["--ignore", "not a code"], "--ignore must be a list of rule codes or prefixes"),
])
def test_usage_errors_exit_2(tree, capsys, argv, message):
    with pytest.raises(SystemExit) as info:
        code = main(["lint", "briefs", *argv])
        raise SystemExit(code)
    captured = capsys.readouterr()
    assert info.value.code == 2
    assert captured.out == ""
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_config_error_exits_2(tree, capsys):
    (tree / "broken.toml").write_text('select = ["T1"]\nfail-on = "sometimes"\n', encoding="utf-8")
    code, out, err = run(capsys, "briefs", "--config", "broken.toml")
    assert (code, out) == (2, "")
    assert err == "broken.toml:2: fail-on must be one of error, warning, info, got 'sometimes'\n"


def test_input_error_exits_2_and_the_rest_is_reported(tree, capsys):
    code, out, err = run(capsys, "briefs/findings.goals", "briefs/missing.goals", "-q")
    assert code == 2
    assert err == "briefs/missing.goals: no such file or directory\n"
    assert codes_in(out) == {"D601", "D605", "M203", "T101"}


def test_stdout_and_stderr_are_separate_streams(tree):
    code, out, err = run_process("briefs/clean.goals", "nowhere.goals", "briefs/ru.goals", "--format", "json",
                                 cwd=tree)
    assert code == 2
    assert err == "nowhere.goals: no such file or directory\n"
    data = json.loads(out)
    assert {f["path"] for f in data} == {"briefs/ru.goals"} and len(data) == 4
    code, out, err = run_process("briefs", cwd=tree)
    assert (code, err) == (1, "")
    assert out == (SNAPSHOTS / "text.txt").read_text(encoding="utf-8")
    code, out, err = run_process("briefs/clean.goals", cwd=tree)
    assert (code, out, err) == (0, "All checks passed: 1 file, no findings.\n", "")


# -- selection, language, rules, today -----------------------------------------------------------
@pytest.mark.parametrize("options, expected", [
    ([], {"D601", "D605", "M203", "T101", "M201", "S103"}),
    (["--select", "T101"], {"T101"}),
    (["--select", "D601,D605"], {"D601", "D605"}),
    (["--ignore", "D605"], {"D601", "M203", "T101", "M201", "S103"}),
    (["--ignore", "D6,M"], {"T101", "S103"}),
    # prefixes, on the rules written for the tests (FX101, FX102, FX201)
    (["--rules", FIXTURE_RULES, "--select", "FX"], {"FX101", "FX102", "FX201"}),
    (["--rules", FIXTURE_RULES, "--select", "fx1,T101"], {"FX101", "FX102", "T101"}),
    (["--rules", FIXTURE_RULES, "--select", "FX2,D601"], {"FX201", "D601"}),
    (["--rules", FIXTURE_RULES, "--select", "FX,T101", "--ignore", "FX10"], {"FX201", "T101"}),
    (["--rules", FIXTURE_RULES, "--select", "FX", "--ignore", "fx102"], {"FX101", "FX201"}),
])
def test_select_and_ignore(tree, capsys, options, expected):
    code, out, _ = run(capsys, "briefs", "-q", *options)
    assert codes_in(out) == expected
    assert code == 1


def test_selecting_only_info_codes_passes(tree, capsys):
    code, out, _ = run(capsys, "briefs", "-q", "--select", "D605")
    assert code == 0 and codes_in(out) == {"D605"}


def test_lang_changes_the_message_language(tree, capsys):
    _, default, _ = run(capsys, "briefs/findings.goals", "briefs/ru.goals", "briefs/uk.goals", "-q")
    by_path = {}
    for h in headlines(default):
        by_path.setdefault(h["path"], []).append(h["message"])
    # by default each document speaks its own language
    assert any("has no deadline" in m for m in by_path["briefs/findings.goals"])
    assert any("нет срока" in m for m in by_path["briefs/ru.goals"])
    assert any("не має терміну" in m for m in by_path["briefs/uk.goals"])
    _, ru, _ = run(capsys, "briefs/findings.goals", "briefs/ru.goals", "briefs/uk.goals", "-q", "--lang", "ru")
    _, uk, _ = run(capsys, "briefs/findings.goals", "briefs/ru.goals", "briefs/uk.goals", "-q", "--lang", "uk")
    t101 = {lang: {h["message"] for h in headlines(out) if h["code"] == "T101"}
            for lang, out in (("ru", ru), ("uk", uk))}
    assert t101["ru"] == {"У цели нет срока: укажите, к какому времени («к июню 2026», «за 6 месяцев»)."}
    assert t101["uk"] == {"Ціль не має терміну: зазначте, до якого часу її треба досягти («до червня 2026», «за 6 місяців»)."}
    d601 = [h["message"] for h in headlines(ru) if h["code"] == "D601"]
    assert len(d601) == 1 and "bugdet" in d601[0] and "Unknown" not in d601[0]
    # the same findings in every language, only the words change
    strip = [[(h["path"], h["line"], h["column"], h["code"]) for h in headlines(out)] for out in (default, ru, uk)]
    assert strip[0] == strip[1] == strip[2]


def test_rules_folder_adds_rules(tree, capsys):
    (tree / "team-rules").mkdir()
    (tree / "team-rules" / "team.toml").write_text(TEAM_RULES, encoding="utf-8")
    (tree / "tiktok.goals").write_text(
        "goal: grow TikTok followers from 2,000 to 2,500 within 6 months\n"
        "  task: post three short videos a week\n", encoding="utf-8")
    code, out, _ = run(capsys, "tiktok.goals", "-q", "--select", "X101")
    assert "X101" not in codes_in(out)
    code, out, _ = run(capsys, "tiktok.goals", "-q", "--select", "X101", "--rules", "team-rules")
    x101 = [h for h in headlines(out) if h["code"] == "X101"]
    assert code == 1
    assert [(h["line"], h["column"], h["level"], h["message"]) for h in x101] == [
        (1, 7, "error", "We only run tiktok campaigns on request.")]
    code, out, err = run(capsys, "tiktok.goals", "--rules", "no-such-folder")
    assert code == 2 and out == "" and "no-such-folder" in err and len(err.splitlines()) == 1


def test_today_makes_a303_fire(tree, capsys):
    code, out, _ = run(capsys, "briefs/findings.goals", "-q", "--fail-on", "error")
    assert "A303" not in codes_in(out) and code == 0
    code, out, _ = run(capsys, "briefs/findings.goals", "-q", "--fail-on", "error", "--today", "2026-03-01")
    a303 = [h for h in headlines(out) if h["code"] == "A303"]
    assert code == 1
    assert [(h["line"], h["column"], h["level"]) for h in a303] == [(6, 34, "error")]
    assert a303[0]["message"] == "The deadline by 2025-06 has already passed."
    code, out, _ = run(capsys, "briefs/findings.goals", "-q", "--today", "2025-01-01")
    assert "A303" not in codes_in(out)


# -- stdin --------------------------------------------------------------------------------------
def feed_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_dash(tree, capsys, monkeypatch):
    feed_stdin(monkeypatch, FINDINGS.encode("utf-8"))
    code, out, err = run(capsys, "-", "-q")
    assert (code, err) == (1, "")
    _, from_file, _ = run(capsys, "briefs/findings.goals", "-q")
    assert out == from_file.replace("briefs/findings.goals:", "-:")


def test_stdin_filename_names_the_input(tree, capsys, monkeypatch):
    feed_stdin(monkeypatch, RUSSIAN.encode("utf-8"))
    code, out, err = run(capsys, "-", "--stdin-filename", "plans/spring.goals", "--format", "json")
    assert (code, err) == (1, "")
    assert {f["path"] for f in json.loads(out)} == {"plans/spring.goals"}


def test_stdin_with_files_and_errors(tree, capsys, monkeypatch):
    feed_stdin(monkeypatch, b"goal: get more followers\n\xff\n")
    code, out, err = run(capsys, "briefs/uk.goals", "-", "--stdin-filename", "typed.goals", "-q")
    assert code == 2
    assert err == "typed.goals:2:1: not valid UTF-8 (byte 0xff); save the file as UTF-8\n"
    assert {h["path"] for h in headlines(out)} == {"briefs/uk.goals"}


def test_stdin_in_a_real_process(tree):
    code, out, err = run_process("-", "--stdin-filename", "from-editor.goals", "-q", cwd=tree,
                                 input=UKRAINIAN.encode("utf-8"))
    assert (code, err) == (1, "")
    assert {h["path"] for h in headlines(out)} == {"from-editor.goals"}
    assert codes_in(out) == {"D605", "M201", "T101"}
    code, out, err = run_process("-", cwd=tree, input=CLEAN.encode("utf-8"))
    assert (code, out, err) == (0, "All checks passed: 1 file, no findings.\n", "")


# -- parallel workers --------------------------------------------------------------------------
def test_parallel_output_is_byte_identical(tmp_path, capsys, monkeypatch):
    examples = sorted((ROOT / "examples").glob("*.goals"))
    sources = [p.read_text(encoding="utf-8") for p in examples] + list(TREE.values())
    for i in range(60):
        folder = tmp_path / "many" / f"group{i % 5}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"brief{i:02d}.goals").write_text(sources[i % len(sources)], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    pools = []

    class SpyPool(cf.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(cf, "ProcessPoolExecutor", SpyPool)
    for fmt in ("text", "json"):
        code1, serial, err1 = run(capsys, "many", "-j", "1", "--format", fmt, "--today", "2026-03-01", "--no-cache")
        code2, parallel, err2 = run(capsys, "many", "-j", "2", "--format", fmt, "--today", "2026-03-01", "--no-cache")
        assert serial == parallel
        assert (code1, err1) == (code2, err2) == (1, "")
        # with the cache filled by a first run, -j 2 answers from it and starts no worker
        run(capsys, "many", "-j", "1", "--format", fmt, "--today", "2026-03-01")
        assert run(capsys, "many", "-j", "2", "--format", fmt, "--today", "2026-03-01") == (code1, serial, err1)
    assert pools == [2, 2]                  # -j 2 really used worker processes; -j 1 and the warm runs did not
    # with the rules written for the tests, three of the sources are clean (the tree's clean.goals, the
    # clean brief and the bakery's progress brief: every goal of theirs has a deadline and a target); every
    # other example brief has a goal with no deadline (FX101)
    clean = [CLEAN] + [(ROOT / "examples" / name).read_text(encoding="utf-8")
                       for name in ("clean-brief.goals", "progress-bakery-uk.goals")]
    code, out, err = run(capsys, "many", "-j", "2", "--format", "json", "--today", "2026-03-01",
                         "--rules", FIXTURE_RULES, "--select", "FX")
    assert (code, err) == (1, "")
    assert len({f["path"] for f in json.loads(out)}) == sum(sources[i % len(sources)] not in clean for i in range(60))
    _, text, _ = run(capsys, "many", "-j", "2", "--today", "2026-03-01")
    assert text.splitlines()[-1].endswith(" in 60 files.")


# -- colour ------------------------------------------------------------------------------------
def test_colour_only_on_a_tty_and_never_with_no_color(tree, capsys, monkeypatch):
    code, out, _ = run(capsys, "briefs")            # captured: not a TTY
    assert not ANSI.search(out)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _ = run(capsys, "briefs")
    assert ANSI.search(out), "a TTY without NO_COLOR gets colour"
    assert "\x1b[33m[warning]\x1b[0m" in out
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run(capsys, "briefs")
    assert not ANSI.search(out)
    for fmt in ("json", "sarif", "github", "junit"):
        monkeypatch.delenv("NO_COLOR")
        code, out, _ = run(capsys, "briefs", "--format", fmt)
        assert not ANSI.search(out), f"{fmt} never has colour"
        monkeypatch.setenv("NO_COLOR", "1")


def test_no_ansi_in_a_real_process(tree):
    for env in ({}, {"NO_COLOR": "1"}, {"TERM": "xterm-256color", "FORCE_COLOR": "1"}):
        code, out, err = run_process("briefs", cwd=tree, env=env)
        assert code == 1
        assert not ANSI.search(out) and not ANSI.search(err)


# -- syntax errors in the file -----------------------------------------------------------------
def test_syntax_errors_are_findings_at_their_place_in_the_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "syntax.goals").write_text(
        "client: Acme\n"
        "\n"
        "   цель:   рост @ продаж\n"                          # a stray character (E001)
        "goal: increase sales by 20% by 2025-13\n"           # a malformed date (E003)
        "goal:\n"                                            # an empty statement (E005)
        "goal: " + "grow sales " * 200 + "\n"                # longer than max-statement-length (E007)
        "goal: get more followers\n", encoding="utf-8")
    code, out, err = run(capsys, "syntax.goals", "--format", "json", "--select", "E")
    assert (code, err) == (1, "")
    assert [(f["code"], f["line"], f["column"], f["level"]) for f in json.loads(out)] == [
        ("E001", 3, 17, "error"), ("E003", 4, 32, "error"), ("E005", 5, 1, "error"), ("E007", 6, 7, "error")]
    # the rest of the document is still checked
    code, out, _ = run(capsys, "syntax.goals", "--format", "json", "--rules", FIXTURE_RULES, "--select", "FX")
    assert {f["code"] for f in json.loads(out) if f["line"] == 7} == {"FX101", "FX102", "FX201"}
