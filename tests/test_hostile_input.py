"""One line, never a traceback (issue 12, family 3; SECURITY.md).

Whatever a repository holds (dates at the end of the calendar, names that are not UTF-8 or that
carry terminal escapes and bidirectional overrides, deeply nested TOML, exponent notation, old Mac
line ends) and wherever the output goes (a terminal that is not UTF-8, a full disk, a closed pipe),
`smmrules lint` ends each problem file with one `path:line:col: ...` line and goes on with the others.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from smmrules.linting import config as config_module
from smmrules.documents import goals as document
from smmrules.language import normalize
from smmrules.linting import runner
from smmrules.cli import main
from smmrules.linting.config import Config, ConfigError, load_config
from smmrules.rules.engine import RuleSet
from smmrules.base.errors import GoalSyntaxError, RuleFileError
from smmrules.rules.findings import Finding
from smmrules.linting.pipeline import lint
from smmrules.language.parse import parse_goal
from smmrules.reporters import FORMATS, write_report
from smmrules.reporters.base import printable
from smmrules.reporters.github import escape_data, escape_property
from smmrules.linting.results import FileResult
from smmrules.base.tomlpos import MAX_NESTING

GOOD = "goal: get more followers\n"                 # D605, M203, T101
# what must never reach a terminal, an annotation or a test view: C0/C1 controls (but tab and the
# newlines between lines), bidirectional controls, line separators, lone surrogates
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
                       "\ud800-\udfff]")


def cli(capsys, *argv):
    code = main(["lint", *map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# ------------------------------------------------------------------------------ the boundary
@pytest.fixture
def exploding(monkeypatch):
    """parse_document, and the streaming lint that reports a .goals file without it (linting.stream),
    raising an unexpected exception for any text that holds BOOM."""
    from smmrules.linting import stream
    real, real_stream = document.parse_document, stream.lint_stream

    def parse(text, **kwargs):
        if "BOOM" in text:
            raise ZeroDivisionError("division by zero\nin a second line")
        return real(text, **kwargs)

    def lint_stream(text, **kwargs):
        if "BOOM" in text:
            raise ZeroDivisionError("division by zero\nin a second line")
        return real_stream(text, **kwargs)
    monkeypatch.setattr(document, "parse_document", parse)
    monkeypatch.setattr(stream, "lint_stream", lint_stream)


def test_any_exception_from_one_file_is_its_one_line_error(tmp_path, exploding):
    bad = tmp_path / "bad.goals"
    bad.write_text("goal: BOOM\n", encoding="utf-8")
    result = runner.lint_file(str(bad), Config())
    assert result.error == (f"{bad}:1:1: internal error while linting this file (ZeroDivisionError: division by "
                            "zero in a second line); please report it with the file")
    assert result.findings == ()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_run_goes_on_after_a_file_fails_serial_and_with_workers(tmp_path, capsys, monkeypatch, exploding, jobs):
    monkeypatch.chdir(tmp_path)
    for i in range(40):                         # enough files for -j 2 to use worker processes
        (tmp_path / f"f{i:02d}.goals").write_text("goal: BOOM\n" if i == 7 else GOOD, encoding="utf-8")
    code, out, err = cli(capsys, ".", "-j", jobs, "--format", "json", "--no-cache")
    assert code == 2
    assert err.splitlines() == [f"f07.goals:1:1: internal error while linting this file (ZeroDivisionError: "
                                "division by zero in a second line); please report it with the file"]
    paths = {f["path"] for f in json.loads(out)}
    assert paths == {f"f{i:02d}.goals" for i in range(40)} - {"f07.goals"}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_start_at_the_end_of_the_calendar_is_a_finding_not_a_crash(tmp_path, capsys, monkeypatch, jobs):
    """`start: 9999-12-31` and "by Q3" aborted the whole run with "year 10000 is out of range"."""
    monkeypatch.chdir(tmp_path)
    for i in range(40):
        text = "start: 9999-12-31\ngoal: increase followers by 20% by Q3\n" if i == 3 else GOOD
        (tmp_path / f"f{i:02d}.goals").write_text(text, encoding="utf-8")
    code, out, err = cli(capsys, ".", "-j", jobs, "--format", "json", "--no-cache")
    assert (code, err) == (1, "")
    findings = json.loads(out)
    assert len({f["path"] for f in findings}) == 40
    mine = [(f["code"], f["line"]) for f in findings if f["path"] == "f03.goals"]
    assert ("D603", 1) in mine                  # the start date is refused as a header value


def test_a_folder_deeper_than_the_recursion_limit_is_walked(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "top.goals").write_text(GOOD, encoding="utf-8")
    here = tmp_path
    for _ in range(sys.getrecursionlimit() + 50):
        here = here / "d"
        os.mkdir(here)
    (here / "deep.goals").write_text(GOOD, encoding="utf-8")
    try:
        found = [p for p, err in runner.collect(["."], Config())]
        assert found == ["top.goals", str(Path(*["d"] * (sys.getrecursionlimit() + 50), "deep.goals"))]
    finally:                            # shutil.rmtree of Python 3.11 recurses too: remove it bottom-up
        (here / "deep.goals").unlink()
        while here != tmp_path:
            here.rmdir()
            here = here.parent


def test_walking_down_checks_each_folder_once_with_the_same_result(tmp_path):
    for name in ("docs/drafts/a.goals", "docs/final/b.goals", "x/tmp-1/c.goals", "x/y/tmpz/d.goals",
                 "x/y/z/e.goals", "build/f.goals", "deep/1/2/3/4/5/g.goals", "deep/1/2/skip/h.goals"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    cfg = Config(root=tmp_path, exclude=("build", "docs/drafts", "**/tmp*", "deep/*/2/skip"))
    found = [os.path.relpath(p, tmp_path) for p, err in runner.collect([str(tmp_path)], cfg)]
    everything = sorted(os.path.relpath(os.path.join(r, f), tmp_path) for r, _, fs in os.walk(tmp_path) for f in fs)
    kept = [p for p in everything if not config_module.is_excluded(cfg, tmp_path / p)]
    assert sorted(found) == kept == ["deep/1/2/3/4/5/g.goals", "docs/final/b.goals", "x/y/z/e.goals"]
    inside = [os.path.relpath(p, tmp_path) for p, err in runner.collect([str(tmp_path / "docs" / "drafts")], cfg)]
    assert inside == ["docs/drafts"]       # a folder given that is excluded itself: nothing in it is linted


def test_collect_keeps_the_order_and_pruning_of_os_walk(tmp_path):
    for name in ("b/x.goals", "a/z.goals", "a/y/w.goals", "c.goals", "node_modules/n.goals", "a/.git/g.goals"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "b", tmp_path / "link-to-b")      # a link to a folder is not followed
    cfg = Config(root=tmp_path)
    found = [os.path.relpath(p, tmp_path) for p, err in runner.collect([str(tmp_path)], cfg)]
    assert found == ["c.goals", "a/z.goals", "a/y/w.goals", "b/x.goals"]


# ------------------------------------------------------------------------------ dates
@pytest.mark.parametrize("start", ["9999-12-31", "9899-12-31", "0001-01-01"])
@pytest.mark.parametrize("deadline", ["by Q3", "by June", "by June 5", "by end of year", "by next quarter",
                                      "within 2 weeks", "in 3 months", "by end of month", "by the end of the week",
                                      "within 100000 years", "in 10000000000 days", "next month", "this quarter"])
def test_deadlines_at_the_ends_of_the_calendar(start, deadline):
    findings = lint(f"start: {start}\ngoal: increase followers by 20% {deadline}\n")
    codes = {f.code for f in findings}
    assert ("D603" in codes) is (start == "9999-12-31")


@pytest.mark.parametrize("today", [dt.date.max, dt.date.min, dt.date(9999, 12, 1)])
@pytest.mark.parametrize("deadline", ["by Q3", "by June 5", "by end of next year", "within 500 years", "next week",
                                      "by December", "in 2 quarters"])
def test_a_today_at_the_ends_of_the_calendar(today, deadline):
    g = parse_goal(f"increase followers by 20% {deadline}", lang="en", today=today)
    assert g.deadline is not None
    assert g.deadline.date is None or dt.date.min <= g.deadline.date <= dt.date.max


@pytest.mark.parametrize("argv", [["lint", "-", "--today", "9999-12-31"], ["check", "increase sales by 5% by Q3",
                                  "--start", "9900-01-01"], ["parse", "increase sales by 5% by Q3", "--today",
                                  "9999-12-31"]])
def test_a_command_line_date_past_the_last_start_is_one_line(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and err == (f"smmrules: error: deadlines cannot be counted from '{argv[-1]}': the latest date "
                                 "is 9899-12-31\n")
    # the latest start: a deadline past 9999 is cut to 9999-12-31, and is "too far" (T103, info); a
    # duration counts its own months (500 years), whatever the calendar can hold
    assert main(["check", "increase sales by 5% within 500 years", "--today", "9899-12-31"]) == 0
    assert "statement:1:22: T103 [info] The deadline is 6000 months away" in capsys.readouterr().out


def test_saturating_calendar_arithmetic():
    assert normalize.calendar_date(10_000, 3, 31) == dt.date.max
    assert normalize.calendar_date(0, 1, 1) == dt.date.min
    assert normalize.calendar_date(2026, 2, 28) == dt.date(2026, 2, 28)
    assert normalize.month_end(10_000, 9) == dt.date.max
    assert normalize.add_months(dt.date(9999, 12, 31), 1) == dt.date.max
    assert normalize.add_months(dt.date(1, 1, 31), -1) == dt.date.min
    assert normalize.add_duration(dt.date(9999, 12, 31), Decimal(1), "day") == dt.date.max
    assert normalize.add_duration(dt.date(2026, 1, 1), Decimal(10) ** 30, "year") == dt.date.max
    assert normalize.add_duration(dt.date(2026, 1, 1), Decimal("NaN"), "year") is None
    assert normalize.add_duration(dt.date(2026, 1, 31), Decimal(1), "month") == dt.date(2026, 2, 28)
    assert normalize.period_end(dt.date(9999, 12, 31), "quarter", 1) == dt.date.max
    assert normalize.period_end(dt.date(9999, 12, 31), "year", 1) == dt.date.max
    assert normalize.period_end(dt.date(9999, 12, 31), "week", 1) == dt.date.max
    assert normalize.period_end(dt.date(2026, 5, 6), "quarter") == dt.date(2026, 6, 30)


units = st.sampled_from(("second", "minute", "hour", "day", "week", "month", "quarter", "year"))
amounts = st.decimals(min_value=-10**30, max_value=10**30, allow_nan=False, allow_infinity=False, places=3)


@settings(max_examples=300, deadline=None)
@given(st.dates(), amounts, units, st.integers(-10**6, 10**6))
def test_calendar_arithmetic_never_raises(day, amount, unit, offset):
    moved = normalize.add_duration(day, amount, unit)
    assert isinstance(moved, dt.date)
    if amount >= 0:
        assert moved >= day
    if unit in ("week", "month", "quarter", "year"):
        assert isinstance(normalize.period_end(day, unit, offset), dt.date)
    assert isinstance(normalize.add_months(day, offset), dt.date)


# ------------------------------------------------------------------------------ numbers
@pytest.mark.parametrize("text,column", [("1e309", 23), ("1E5", 23), ("2.5e-3", 23), ("10e+2", 23)])
def test_exponent_notation_is_a_malformed_number_not_its_mantissa(text, column):
    with pytest.raises(GoalSyntaxError) as exc:
        parse_goal(f"increase followers to {text} by 2026-12", lang="en")
    assert (exc.value.code, exc.value.line, exc.value.column) == ("E006", 1, column)
    assert "exponent notation" in exc.value.message


def test_exponent_notation_in_header_values_is_an_invalid_value():
    doc = document.parse_document("budget: 1e309 USD/month\nhistory: 1e3 months\nbaseline: followers 1e309\n"
                                  "budget: " + "9" * 41 + " USD\n")
    assert [(h.key, h.value) for h in doc.header] == [("budget", None), ("history", None), ("baseline", None),
                                                      ("budget", None)]
    assert all(h.error for h in doc.header)
    assert [f.code for f in lint("budget: 1e309 USD/month\n")] == ["D611", "D603"]     # and no goals: D611


number_text = st.from_regex(r"\A[1-9]\d{0,24}(?:\.\d{1,4})?(?:[eE][+-]?\d{1,4})?\Z")


@settings(max_examples=300, deadline=None)
@given(number_text)
def test_any_number_text_is_its_value_or_a_malformed_number(text):
    try:
        g = parse_goal(f"increase followers to {text} by 2026-12", lang="en")
    except GoalSyntaxError as exc:
        assert exc.code == "E006"
        digits = re.match(r"[\d.]+", text).group()
        assert "e" in text.lower() or sum(c.isdigit() for c in digits) > 20
        return
    assert "e" not in text.lower()
    assert Decimal(str(g.target.value)) == Decimal(text).normalize() or \
        abs(float(g.target.value) - float(text)) <= 1e-9 * float(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789eE+-.,  kKмлнтыс$%", max_size=40))
def test_any_header_amount_is_a_value_or_an_error(text):
    doc = document.parse_document(f"budget: {text}\nhistory: {text}\n")
    for h in doc.header:
        if h.text:
            assert (h.value is None) != (h.error is None)
        if isinstance(h.value, float):
            assert h.value == h.value and abs(h.value) < float("inf")


# ------------------------------------------------------------------------------ line ends
def test_cr_only_line_ends_are_line_ends():
    lf = "start: 2026-01-15\ngoal: get more followers\n  task: post daily\ngoal: get more sales\n"
    as_lf = [(f.code, f.line, f.column) for f in lint(lf)]
    assert as_lf and {line for _, line, _ in as_lf} >= {2, 4}
    for variant in (lf.replace("\n", "\r"), lf.replace("\n", "\r\n"), lf.replace("\n", "\r", 2)):
        assert [(f.code, f.line, f.column) for f in lint(variant)] == as_lf
        doc = document.parse_document(variant)
        assert [g.line for g in doc.goals] == [2, 4] and doc.lines[1] == "goal: get more followers"


def test_invalid_utf8_after_cr_only_line_ends_names_its_line(tmp_path):
    path = tmp_path / "old-mac.goals"
    path.write_bytes(b"goal: get more followers\rgoal: more \xff sales\r")
    result = runner.lint_file(str(path), Config())
    assert result.error == f"{path}:2:12: not valid UTF-8 (byte 0xff); save the file as UTF-8"


# ------------------------------------------------------------------------------ names
HOSTILE_NAMES = [b"bad\xff\xfe.goals", b"esc\x1b[2J\x1b[31mred.goals", b"bidi\xe2\x80\xaeslaog.goals",
                 b"new\nline.goals", b"cr\rname.goals", b"bell\x07.goals", b"sep\xe2\x80\xa8x.goals",
                 b"pct%0A,x:y.goals", "ціль.goals".encode()]


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "repo"
    folder.mkdir()
    # only the three codes GOOD gives: the counts below are about names, not the rule catalogue
    (folder / ".smmrules.toml").write_text('select = ["D605", "M203", "T101"]\n', encoding="utf-8")
    for name in HOSTILE_NAMES:
        with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
            fh.write(GOOD.encode())
    os.mkdir(os.path.join(os.fsencode(folder), b"dir\xff"))
    with open(os.path.join(os.fsencode(folder), b"dir\xff", b"inner.goals"), "wb") as fh:
        fh.write(b"goal: get more \xff followers\n")         # an error line that names the folder
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_names_in_every_format(hostile_folder, fmt):
    env = dict(os.environ, SMMRULES_CACHE_DIR=str(hostile_folder.parent / "cache"))
    for run in range(2):                    # the second run is served from the result cache
        out = subprocess.run([sys.executable, "-m", "smmrules", "lint", "--format", fmt, "."], cwd=hostile_folder,
                             capture_output=True, env=env, timeout=120)
        stdout, stderr = out.stdout.decode("utf-8"), out.stderr.decode("utf-8")   # strict: valid UTF-8
        assert out.returncode == 2, stderr
        assert "Traceback" not in stderr
        assert stderr.count("\n") == 1 and "inner.goals:1:16: not valid UTF-8 (byte 0xff)" in stderr
        assert not FORBIDDEN.search(stderr)
        if fmt == "json":
            paths = {f["path"] for f in json.loads(stdout)}
            assert paths == {os.fsdecode(n) for n in HOSTILE_NAMES}      # json carries the names exactly
            continue
        if fmt == "sarif":
            log = json.loads(stdout)
            uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
            assert "bad%FF%FE.goals" in uris and "esc%1B%5B2J%1B%5B31mred.goals" in uris
            assert all(not FORBIDDEN.search(n["message"]["text"])
                       for n in log["runs"][0]["invocations"][0]["toolExecutionNotifications"])
            continue
        assert not FORBIDDEN.search(stdout.replace("\n", "")), fmt
        if fmt == "junit":
            root = ET.fromstring(stdout.encode("utf-8"))
            assert len(root.findall("testsuite")) == len(HOSTILE_NAMES) + 1
        if fmt == "github":
            lines = stdout.splitlines()
            assert len(lines) == 3 * len(HOSTILE_NAMES) + 1 and all(ln.startswith("::") for ln in lines)
            assert any("file=new%0Aline.goals," in ln for ln in lines)
            assert any("file=pct%250A%2Cx%3Ay.goals," in ln for ln in lines)
        if fmt == "text":
            assert "bidi\ufffdslaog.goals:1:7:" in stdout and "esc\ufffd[2J\ufffd[31mred.goals" in stdout


# any text (surrogates included), and any bytes a POSIX file name can hold, decoded as Python does
names = (st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=30)
         | st.binary(min_size=1, max_size=30).filter(lambda b: b"\0" not in b and b"/" not in b).map(os.fsdecode))


@settings(max_examples=200, deadline=None)
@given(names, st.text(max_size=40))
def test_any_name_and_message_are_escaped_in_every_format(name, message):
    f = Finding("T101", "time-bound.no-deadline", "T", "warning", message or "m", name, 1, 1, 1, 2)
    results = [FileResult(name, (f,), ("goal: x",)), FileResult(name + "2", error=f"{name}2:1:1: broken {message}")]
    for fmt in FORMATS:
        out = io.StringIO()
        write_report(iter(results), fmt=fmt, out=out, rules=None)
        text = out.getvalue()
        text.encode("utf-8")                       # never a lone surrogate: any UTF-8 stream takes it
        if fmt == "json":
            assert [x["path"] for x in json.loads(text)] == [name]
        elif fmt == "sarif":
            log = json.loads(text)
            assert log["runs"][0]["results"][0]["message"]["text"] == printable(message or "m")
        else:
            body = text.replace("\n", "") if fmt != "junit" else text.replace("\n", "").replace("\t", "")
            assert not FORBIDDEN.search(body), fmt
            if fmt == "junit":
                ET.fromstring(text.encode("utf-8"))
            if fmt == "github":
                assert text.count("\n") == 2 and all(ln.startswith("::") for ln in text.splitlines())


def test_escapes():
    assert printable("a\x1bb\u202ec\u2066d\u2028e\tf\udcff") == "a\ufffdb\ufffdc\ufffdd\ufffde\tf\ufffd"
    assert escape_data("x\x1b[31m\u202e%\n") == "x\ufffd[31m\ufffd%25%0A"
    assert escape_property("a,b:c\u2067\r") == "a%2Cb%3Ac\ufffd%0D"


# ------------------------------------------------------------------------------ nested TOML
def rule_file(extra: str) -> str:
    texts = "".join(f'[rule.{lang}]\nmessage = "m"\nsummary = "s"\nwhat = "w"\nwhy = "y"\nfix = "f"\n'
                    for lang in ("en", "ru", "uk"))
    return ('[[rule]]\ncode = "X101"\nname = "team.no-deadline"\nlevel = "warning"\n'
            'when = "goal.deadline is missing"\nbad = ["increase sales by 15%"]\n'
            'good = ["increase sales by 15% by 2026-06"]\n' + extra + texts)


def deep_call(depth_left: int, fn):
    """fn() called with only `depth_left` frames of the recursion limit left."""
    import inspect
    used = len(inspect.stack(0))
    target = sys.getrecursionlimit() - depth_left

    def down(n):
        return fn() if n <= 0 else down(n - 1)
    return down(max(0, target - used - 5))


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 300, 480, 100_000])
@pytest.mark.parametrize("where", ["value", "case document"])
def test_nested_toml_in_a_rule_file_is_one_error_at_any_stack_depth(tmp_path, depth, where):
    folder = tmp_path / "rules"
    folder.mkdir()
    nested = "[" * depth + "]" * depth
    extra = (f"x = {nested}\n" if where == "value"
             else f'case = [{{ text = "a", expect = "bad", doc = {{ a = {nested} }} }}]\n')
    (folder / "team.toml").write_text(rule_file(extra), encoding="utf-8")
    for left in (None, 120):
        def load():
            return RuleSet([folder])
        with pytest.raises(RuleFileError, match="nested more than 64 levels deep") as exc:
            load() if left is None else deep_call(left, load)
        assert exc.value.line == 8


def test_texts_of_a_repositorys_rule_file_reach_the_terminal_escaped(tmp_path, capsys):
    folder = tmp_path / "rules"
    folder.mkdir()
    text = rule_file("").replace('summary = "s"', 'summary = "s\\u001b[2J\\u202e"', 1).replace(
        'message = "m"', 'message = "m\\u001b]0;title\\u0007"', 1).replace('why = "y"', 'why = "y\\r\\u2066"', 1)
    (folder / "team.toml").write_text(text, encoding="utf-8")
    for argv in (["rules", "--rules", folder], ["explain", "X101", "--rules", folder],
                 ["check", "increase sales by 15%", "--rules", folder],
                 ["lint", "-", "--rules", folder, "--no-cache"]):
        import io as _io
        sys.stdin = _io.TextIOWrapper(_io.BytesIO(b"goal: increase sales by 15%\n"))
        try:
            main([str(a) for a in argv])
        finally:
            sys.stdin = sys.__stdin__
        out, err = capsys.readouterr()
        assert "\ufffd" in out and not FORBIDDEN.search(out.replace("\n", "")), argv


def test_nesting_up_to_the_limit_is_read(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    nested = "[" * (MAX_NESTING - 3) + "]" * (MAX_NESTING - 3)
    (folder / "team.toml").write_text(rule_file(f'case = [{{ text = "a", expect = "bad", doc = {{ a = {nested} }} }}]\n'),
                                      encoding="utf-8")
    assert RuleSet([folder]).get("X101").code == "X101"


def test_nested_toml_in_a_config_and_a_pyproject(tmp_path, capsys, monkeypatch):
    (tmp_path / ".smmrules.toml").write_text('select = ["T1"]\nx = ' + "{a = " * 500 + "1" + "}" * 500 + "\n",
                                             encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.smmrules\.toml:2: invalid TOML: arrays or inline tables nested more "
                                          r"than 64 levels deep \(column 325\)"):
        load_config(tmp_path / ".smmrules.toml")
    (tmp_path / ".smmrules.toml").unlink()
    (tmp_path / "pyproject.toml").write_text("[tool.smmrules]\nx = " + "[" * 400 + "]" * 400 + "\n", encoding="utf-8")
    (tmp_path / "a.goals").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(capsys, "a.goals")
    assert code == 2 and err == ("pyproject.toml:2: invalid TOML: arrays or inline tables nested more than 64 "
                                 "levels deep (column 69)\n").replace("pyproject.toml", str(tmp_path / "pyproject.toml"))


# ------------------------------------------------------------------------------ stdout
def run_cli(folder, *argv, stdout=subprocess.PIPE, env=None, **kwargs):
    env = dict(os.environ, SMMRULES_CACHE_DIR=str(Path(folder).parent / "cache"), **(env or {}))
    return subprocess.run([sys.executable, "-m", "smmrules", *argv], cwd=folder, stdout=stdout,
                          stderr=subprocess.PIPE, env=env, timeout=120, **kwargs)


@pytest.fixture
def cyrillic_folder(tmp_path):
    folder = tmp_path / "repo"
    folder.mkdir()
    for i in range(3):
        (folder / f"ціль{i}.goals").write_text("ціль: збільшити продажі на 15%\n", encoding="utf-8")
    return folder


def test_a_stdout_that_is_not_utf8(cyrillic_folder):
    out = run_cli(cyrillic_folder, "lint", ".", env={"PYTHONIOENCODING": "ascii"})
    assert out.returncode == 1 and out.stderr == b""
    text = out.stdout.decode("ascii")               # the text format keeps the terminal's encoding
    assert "\\u0446\\u0456\\u043b\\u044c0.goals:1:7:" in text
    for fmt in ("json", "sarif", "junit", "github"):
        out = run_cli(cyrillic_folder, "lint", ".", "--format", fmt, env={"PYTHONIOENCODING": "latin-1"})
        assert out.returncode == 1 and out.stderr == b"", fmt
        shown = "%D1%86%D1%96%D0%BB%D1%8C0.goals" if fmt == "sarif" else "ціль0.goals"   # SARIF: a URI
        assert shown in out.stdout.decode("utf-8")             # machine formats are UTF-8 regardless
    out = run_cli(cyrillic_folder, "parse", "збільшити продажі на 15%", env={"PYTHONIOENCODING": "ascii"})
    assert out.returncode == 0 and json.loads(out.stdout)["lang"] == "uk"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [["lint", "."], ["lint", ".", "--format", "sarif"], ["rules"],
                                  ["parse", "increase sales by 5%"]])
def test_a_full_disk_is_one_line_and_exit_2(cyrillic_folder, argv):
    with open("/dev/full", "w") as full:
        out = run_cli(cyrillic_folder, *argv, stdout=full)
    assert out.returncode == 2
    assert out.stderr.decode() == "smmrules: error: cannot write the output: No space left on device\n"


def test_a_closed_pipe_stops_quietly(cyrillic_folder):
    for i in range(200):
        (cyrillic_folder / f"more{i:03d}.goals").write_text(GOOD * 20, encoding="utf-8")
    for argv in (["lint", ".", "-j", "1"], ["lint", ".", "-j", "2"], ["rules"]):
        proc = subprocess.Popen([sys.executable, "-m", "smmrules", *argv], cwd=cyrillic_folder, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=dict(os.environ, SMMRULES_NO_CACHE="1"))
        proc.stdout.read(100)
        proc.stdout.close()                         # like `| head -c 100`
        err = proc.stderr.read()
        assert proc.wait(timeout=120) == 0, err
        assert err == b""


def test_a_closed_stdout_is_written_nowhere(cyrillic_folder):
    out = run_cli(cyrillic_folder, "lint", ".", stdout=None, preexec_fn=lambda: os.close(1))
    assert out.returncode == 1 and out.stderr == b""


def test_a_bug_in_a_command_is_one_line(capsys, monkeypatch):
    from smmrules import cli as cli_module
    monkeypatch.setattr(cli_module, "_cmd_rules", lambda args: 1 / 0)
    monkeypatch.delenv("SMMRULES_DEBUG", raising=False)
    code = main(["rules"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == ("smmrules: error: internal error (ZeroDivisionError: division by zero); please report it "
                   "(SMMRULES_DEBUG=1 shows the traceback)\n")
