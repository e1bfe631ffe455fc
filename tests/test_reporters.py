"""The report formats of `smmrules lint` (smmrules/reporters): exact snapshots, shapes, schema, escaping, streaming.

Snapshots live in tests/snapshots/; after a deliberate change of output, regenerate them with
SMMRULES_UPDATE_SNAPSHOTS=1 and review the diff.
"""
import ast
import io
import json
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import smmrules
from smmrules.rules.engine import RuleSet, default_rules
from smmrules.rules.findings import Finding
from smmrules.reporters import FORMATS, Summary, write_report
from smmrules.reporters.excerpt import excerpt
from smmrules.reporters.github import escape_data, escape_property
from smmrules.reporters.text import summary_line
from smmrules.linting.results import FileResult

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = Path(__file__).parent / "snapshots"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def finding(code, name, level, message, path, line, column, end_line, end_column, smart=None):
    return Finding(code, name, smart, level, message, path, line, column, end_line, end_column)


KHARKIV = "briefs/kharkiv.goals"
KHARKIV_LINES = (
    "# бриф: доставка здоровой еды, Харьков",
    "goal: Увеличить продажи через Instagram",
    "\tgoal: 你好 grow 粉丝 by 20%",
    "goal sales: grow followers",
    "  to 5000",
    "goal: reach ERR 18% by 2020",
)
AGENCY = "agency.goals"


def sample_results():
    """Four files: findings at every level (Cyrillic, a tab and CJK before a span, a span over two
    lines, a span past the end of its line), a file that could not be read, a clean file, a syntax error."""
    k = KHARKIV
    return [
        FileResult(k, (
            finding("T101", "time-bound.no-deadline", "warning", "Цель без срока: укажите, к какому сроку.",
                    k, 2, 7, 2, 40, "T"),
            finding("S104", "specific.compound-goal", "info", "Two metrics in one goal: 你好 and 粉丝.",
                    k, 3, 16, 3, 18, "S"),
            finding("M201", "measurable.no-number", "warning", "The goal has no target number.",
                    k, 4, 13, 5, 10, "M"),
            finding("A303", "achievable.deadline-in-past", "error", "The deadline 2020 is in the past.",
                    k, 6, 24, 6, 99, "A"),
        ), KHARKIV_LINES),
        FileResult("briefs/broken.goals",
                   error="briefs/broken.goals:1:13: the file is not valid UTF-8 (byte 0xff): save it as UTF-8"),
        FileResult("briefs/clean.goals", (), ("goal: reach 5000 followers by 2026-06",)),
        FileResult(AGENCY, (
            finding("E002", "unexpected-end", "error", "the statement ends too early: expected a number",
                    AGENCY, 1, 17, 1, 17),
            finding("T101", "time-bound.no-deadline", "warning", "The goal has no deadline.", AGENCY, 1, 7, 1, 17,
                    "T"),
        ), ("goal: grow ERR to",)),
    ]


def report(results, fmt, **kwargs):
    out = io.StringIO()
    kwargs.setdefault("rules", default_rules())
    summary = write_report(results, fmt=fmt, out=out, **kwargs)
    return out.getvalue(), summary


def assert_snapshot(name, actual):
    path = SNAPSHOTS / name
    if os.environ.get("SMMRULES_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    assert path.exists(), f"missing snapshot {path}: run with SMMRULES_UPDATE_SNAPSHOTS=1 to create it"
    assert actual == path.read_bytes().decode("utf-8")


# -- text --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, kwargs", [
    ("text.txt", {}),
    ("text_statistics.txt", {"statistics": True}),
    ("text_quiet.txt", {"quiet": True}),
])
def test_text_snapshots(name, kwargs):
    out, _ = report(sample_results(), "text", **kwargs)
    assert_snapshot(name, out)


def test_text_carets_line_up_after_tabs_and_wide_characters():
    out, _ = report(sample_results()[:1], "text")
    lines = out.splitlines()
    i = lines.index("    \tgoal: 你好 grow 粉丝 by 20%")
    source, carets = lines[i].expandtabs(8), lines[i + 1].expandtabs(8)
    # the tab is copied and each CJK character takes two cells, so the carets sit under 粉丝 in a terminal
    assert lines[i + 1] == "    \t" + " " * 6 + "    " + " " * 6 + "^^^^"
    assert cells(source[:source.index("粉")]) == carets.index("^")
    assert cells("粉丝") == carets.count("^")


def cells(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.mark.parametrize("line, span, carets", [
    ("goal: grow", (1, 7, 1, 11), "      ^^^^"),
    ("goal: grow", (1, 7, 1, 50), "      ^^^^"),             # clamped to the line
    ("goal: grow", (1, 11, 1, 11), "          ^"),            # empty span at the end: one caret after it
    ("goal: grow", (1, 40, 1, 45), "          ^"),            # past the end
    ("goal: grow", (1, 7, 3, 2), "      ^^^^"),              # several lines: to the end of the first
    ("", (1, 1, 1, 1), "^"),
    ("\t\tx", (1, 3, 1, 4), "\t\t^"),
    ("цель: рост", (1, 7, 1, 11), "      ^^^^"),
    ("и\u0306ти: x", (1, 6, 1, 7), "    ^"),                 # a combining breve takes no cell
    ("目标：增长", (1, 4, 1, 6), "      ^^^^"),                # fullwidth colon is wide too
])
def test_excerpt_carets(line, span, carets):
    assert excerpt((line,), *span) == (line, carets)


def test_excerpt_without_source():
    assert excerpt(None, 1, 1, 1, 2) is None
    assert excerpt(("a",), 3, 1, 3, 2) is None


def test_excerpt_cuts_long_lines_around_the_span():
    line = "x" * 500 + "TARGET" + "y" * 500_000
    src, carets = excerpt((line,), 1, 501, 1, 507)
    assert len(src) <= 162 and src.startswith("\u2026") and src.endswith("\u2026")
    assert src[carets.index("^"):carets.index("^") + 6] == "TARGET" and carets.endswith("^^^^^^")


def test_text_hides_control_characters():
    r = FileResult("a\x1b[2Jb.goals", (finding("T101", "t.x", "warning", "bad \x1b[31m\x07 text", "a.goals",
                                               1, 1, 1, 2),), ("go\x1bal",))
    out, _ = report([r], "text")
    assert "\x1b" not in out and "\x07" not in out
    assert "a.goals:1:1: T101 [warning] bad \ufffd[31m\ufffd text" in out


def test_colour_only_when_asked():
    plain, _ = report(sample_results(), "text")
    assert "\x1b[" not in plain
    coloured, _ = report(sample_results(), "text", color=True)
    assert "\x1b[1mT101\x1b[0m \x1b[33m[warning]\x1b[0m" in coloured
    assert "\x1b[31m[error]\x1b[0m" in coloured and "\x1b[34m[info]\x1b[0m" in coloured
    assert re.sub(r"\x1b\[\d+m", "", coloured) == plain
    for fmt in ("json", "github", "junit", "sarif"):
        assert "\x1b[" not in report(sample_results(), fmt, color=True)[0]


@pytest.mark.parametrize("summary, expected", [
    (Summary(3, 0, 2, {"error": 1, "warning": 5, "info": 1}, {}),
     "Found 7 findings (1 error, 5 warnings, 1 info) in 3 files."),
    (Summary(1, 0, 1, {"error": 0, "warning": 1, "info": 0}, {}), "Found 1 finding (1 warning) in 1 file."),
    (Summary(3, 0, 0), "All checks passed: 3 files, no findings."),
    (Summary(1, 0, 0), "All checks passed: 1 file, no findings."),
    (Summary(5, 2, 1, {"error": 0, "warning": 0, "info": 2}, {}),
     "Found 2 findings (2 info) in 3 files; 2 files could not be linted."),
    (Summary(4, 1, 0), "No findings in 3 files; 1 file could not be linted."),
    (Summary(2, 2, 0), "2 files could not be linted."),
    (Summary(0, 0, 0), "No files to lint."),
])
def test_summary_line(summary, expected):
    assert summary_line(summary) == expected


# -- summary -----------------------------------------------------------------------------------------
def test_summary_counts():
    _, s = report(iter(sample_results()), "json")
    assert (s.files, s.files_with_errors, s.files_with_findings, s.files_linted) == (4, 1, 2, 3)
    assert dict(s.by_level) == {"error": 2, "warning": 3, "info": 1} and s.findings == 6
    assert dict(s.by_code) == {"A303": 1, "E002": 1, "M201": 1, "S104": 1, "T101": 2}
    assert (s.at_or_above("error"), s.at_or_above("warning"), s.at_or_above("info")) == (2, 5, 6)
    with pytest.raises(TypeError):
        s.by_level["error"] = 0        # frozen all the way down
    for fmt in FORMATS:
        assert report(sample_results(), fmt)[1] == s


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown report format 'xml': expected one of text, json, sarif"):
        report([], "xml")


# -- json --------------------------------------------------------------------------------------------
def test_json_is_the_list_of_findings_in_order():
    results = sample_results()
    out, _ = report(results, "json")
    data = json.loads(out)
    base = "https://example.org/smmrules/docs/rules/"
    assert data == [f.to_json(f"{base}{f.code}.md") for r in results for f in r.findings]
    assert all(list(d) == ["code", "name", "smart", "level", "message", "path", "line", "column", "end_line",
                           "end_column", "url"] for d in data)
    assert "Цель без срока" in out          # readable UTF-8, not \u escapes
    assert json.loads(report([results[1], results[2]], "json")[0]) == []
    assert report([], "json")[0] == "[]\n"


def test_json_and_sarif_link_to_the_pages_under_the_configured_docs_url():
    results = sample_results()
    data = json.loads(report(results, "json", docs_url="https://docs.example.com/rules")[0])
    assert [d["url"] for d in data] == [f"https://docs.example.com/rules/{f.code}.md"
                                        for r in results for f in r.findings]
    log = json.loads(report(results, "sarif", rules=default_rules(),
                            docs_url="https://docs.example.com/rules/")[0])
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["T101"]["helpUri"] == "https://docs.example.com/rules/T101.md"
    log = json.loads(report(results, "sarif")[0])
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["L100"]["helpUri"] == "https://example.org/smmrules/docs/rules/L100.md"


def test_a_code_without_a_page_gets_no_link_unless_the_team_set_docs_url():
    odd = Finding("X901", "team.own-rule", None, "warning", "A rule of the team's own folder.", "a.goals", 1, 1, 1, 2)
    data = json.loads(report([FileResult("a.goals", (odd,), ("goal: x",))], "json")[0])
    assert "url" not in data[0]
    data = json.loads(report([FileResult("a.goals", (odd,), ("goal: x",))], "json",
                             docs_url="https://team.example/rules/")[0])
    assert data[0]["url"] == "https://team.example/rules/X901.md"


def test_json_fills_the_path_of_check_goal_findings():
    findings = tuple(smmrules.check_goal("grow followers"))
    assert findings and all(f.path is None for f in findings)
    data = json.loads(report([FileResult("-", findings, ("grow followers",))], "json")[0])
    assert [d["code"] for d in data] == [f.code for f in findings]
    assert {d["path"] for d in data} == {"-"}


def test_json_survives_undecodable_file_names():
    name = os.fsdecode(b"caf\xe9.goals")
    out, _ = report([FileResult(name, (finding("T101", "t.x", "warning", "m", name, 1, 1, 1, 2),))], "json")
    out.encode("utf-8")
    assert json.loads(out)[0]["path"] == name


# -- sarif -------------------------------------------------------------------------------------------
def sarif(results, **kwargs):
    out, _ = report(results, "sarif", **kwargs)
    return json.loads(out)


def test_sarif_validates_against_the_official_schema():
    if not SARIF_SCHEMA.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the official SARIF 2.1.0 schema is not at {SARIF_SCHEMA}; under CI it must be")
        pytest.skip(f"the official SARIF 2.1.0 schema is not at {SARIF_SCHEMA} (CI always has it)")
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: pip install -e .[test]")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)   # the draft the schema declares
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    real = FileResult("examples/en agency.goals", tuple(smmrules.check_goal("grow followers")), ("grow followers",))
    fixed = FileResult("a.goals", tuple(smmrules.lint(FIXABLE, path="a.goals")), tuple(FIXABLE.split("\n")))
    assert sum(1 for f in fixed.findings if f.fix is not None) == 3
    for results in (sample_results(), [real], [], [sample_results()[1]], [fixed]):
        for lang in ("en", "ru", "uk"):
            log = sarif(results, lang=lang)
            errors = sorted(validator.iter_errors(log), key=str)
            assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


FIXABLE = ("clent: Meadow Bakery\ngoal: get 300 leads a month by 2026-09  # smmrules: ignore[T101]\n"
           "goal: get 300 leads a month by 2026-09\n")


def test_sarif_and_json_carry_the_fixes():
    findings = tuple(smmrules.lint(FIXABLE, path="a.goals"))
    result = FileResult("a.goals", findings, tuple(FIXABLE.split("\n")))
    log = sarif([result])
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert by_rule["D601"]["fixes"] == [{
        "description": {"text": "Replace the key with 'client'"},
        "artifactChanges": [{"artifactLocation": {"uri": "a.goals"}, "replacements": [{
            "deletedRegion": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 6},
            "insertedContent": {"text": "client"}}]}],
        "properties": {"applicability": "safe"}}]
    assert by_rule["D606"]["fixes"][0]["properties"] == {"applicability": "unsafe"}
    assert "fixes" not in by_rule["D605"]
    data = json.loads(report([result], "json")[0])
    assert [d["fix"]["applicability"] for d in data if "fix" in d] == ["safe", "safe", "unsafe"]


def test_sarif_content():
    log = sarif(sample_results())
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "smmrules" and driver["version"] == smmrules.__version__
    assert driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    known = [r.code for r in default_rules().all_rules()]
    seen = {f.code for r in sample_results() for f in r.findings}
    assert ids == known + sorted(seen - set(known))
    t101 = driver["rules"][ids.index("T101")]
    rule = default_rules().get("T101")
    assert t101["name"] == "time-bound.no-deadline"
    assert t101["shortDescription"]["text"] == rule.text("summary", "en")
    assert t101["fullDescription"]["text"] == rule.text("what", "en")
    for key in ("what", "why", "fix"):
        assert rule.text(key, "en") in t101["help"]["text"] and rule.text(key, "en") in t101["help"]["markdown"]
    assert "**How to fix**" in t101["help"]["markdown"]
    assert t101["defaultConfiguration"]["level"] == "warning"
    assert t101["properties"] == {"smart": "T", "tags": ["time-bound", "SMART"]}
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels["A301"] == "error" and levels["D501"] == "note"

    results = run["results"]
    assert [r["ruleId"] for r in results] == ["T101", "S104", "M201", "A303", "E002", "T101"]
    assert all(driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert [r["level"] for r in results] == ["warning", "note", "warning", "error", "error", "warning"]
    assert results[0]["message"]["text"] == "Цель без срока: укажите, к какому сроку."
    loc = results[2]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "briefs/kharkiv.goals"
    assert loc["region"] == {"startLine": 4, "startColumn": 13, "endLine": 5, "endColumn": 10}
    assert run["columnKind"] == "unicodeCodePoints"
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "not valid UTF-8" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "briefs/broken.goals"


def test_sarif_localised_rule_texts_and_uris():
    log = sarif([FileResult("sub dir\\ціль.goals", (finding("T101", "time-bound.no-deadline", "warning", "m",
                                                           "sub dir\\ціль.goals", 1, 1, 1, 2, "T"),))], lang="uk")
    run = log["runs"][0]
    t101 = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "T101")
    assert t101["shortDescription"]["text"] == default_rules().get("T101").text("summary", "uk")
    assert "**Як виправити**" in t101["help"]["markdown"]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "sub%20dir/%D1%86%D1%96%D0%BB%D1%8C.goals"
    assert run["invocations"][0] == {"executionSuccessful": True, "toolExecutionNotifications": []}


@pytest.mark.parametrize("rules", [None, RuleSet(builtin=False)])
def test_sarif_describes_codes_no_rule_defines(rules):
    extra = FileResult("x.goals", (finding("X900", "made-up.check", "info", "m", "x.goals", 1, 1, 1, 2),))
    log = sarif(sample_results() + [extra], rules=rules)
    descriptors = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in descriptors] == ["A303", "E002", "M201", "S104", "T101", "X900"]
    e002, x900 = descriptors[1], descriptors[5]
    assert e002["name"] == "unexpected-end" and e002["properties"] == {"smart": None, "tags": ["syntax"]}
    assert e002["shortDescription"]["text"] == "The goal statement could not be parsed (unexpected-end)."
    assert e002["defaultConfiguration"] == {"level": "error"}
    assert x900["defaultConfiguration"] == {"level": "note"} and x900["help"]["text"]
    assert descriptors[4]["properties"] == {"smart": "T", "tags": []}


# -- github ------------------------------------------------------------------------------------------
def test_github_snapshot():
    out, _ = report(sample_results(), "github")
    assert_snapshot("github.txt", out)


def test_github_escaping():
    assert escape_data("50% off\r\nnext: a, b") == "50%25 off%0D%0Anext: a, b"
    assert escape_property("dir,1/a:b%.goals\n") == "dir%2C1/a%3Ab%25.goals%0A"
    path = "dir,1/a:b.goals"
    r = FileResult(path, (finding("T101", "time-bound.no-deadline", "info", "100% sure,\nreally: yes", path,
                                  2, 3, 2, 9, "T"),))
    bad = FileResult("x,y.goals", error="x,y.goals:1:1: 100%\nbroken")
    out, _ = report([r, bad], "github")
    assert out == ("::notice file=dir%2C1/a%3Ab.goals,line=2,col=3,endLine=2,endColumn=9,"
                   "title=T101 time-bound.no-deadline::100%25 sure,%0Areally: yes\n"
                   "::error file=x%2Cy.goals::x,y.goals:1:1: 100%25%0Abroken\n")
    assert len(out.splitlines()) == 2


# -- junit -------------------------------------------------------------------------------------------
def test_junit_snapshot():
    out, _ = report(sample_results(), "junit")
    assert_snapshot("junit.xml", out)


def test_junit_structure_and_counts():
    out, _ = report(sample_results(), "junit")
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("8", "6", "1")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == [KHARKIV, "briefs/broken.goals", "briefs/clean.goals", AGENCY]
    k = suites[KHARKIV]
    assert (k.get("tests"), k.get("failures"), k.get("errors")) == ("4", "4", "0")
    case = k.find("testcase")
    assert (case.get("classname"), case.get("name")) == (KHARKIV, "T101 2:7")
    failure = case.find("failure")
    assert failure.get("type") == "T101" and failure.get("message") == "Цель без срока: укажите, к какому сроку."
    assert failure.text == f"{KHARKIV}:2:7: T101 [warning] Цель без срока: укажите, к какому сроку."
    broken = suites["briefs/broken.goals"]
    assert (broken.get("tests"), broken.get("failures"), broken.get("errors")) == ("1", "0", "1")
    assert "not valid UTF-8" in broken.find("testcase/error").get("message")
    clean = suites["briefs/clean.goals"]
    (passing,) = clean.findall("testcase")
    assert clean.get("tests") == "1" and clean.get("failures") == "0" and list(passing) == []


def test_junit_keeps_xml_well_formed():
    r = FileResult("a.goals", (finding("T101", "t.x", "warning", "nul \x00 & <tag> \ud800", "a.goals",
                                       1, 1, 1, 2),))
    out, _ = report([r], "junit")
    failure = ET.fromstring(out.encode("utf-8")).find(".//failure")
    assert failure.get("message") == "nul \ufffd & <tag> \ufffd"
    empty = ET.fromstring(report([], "junit")[0].encode("utf-8"))
    assert (empty.get("tests"), list(empty)) == ("0", [])


# -- streaming ---------------------------------------------------------------------------------------
class RecordingOut(io.StringIO):
    def __init__(self, events):
        super().__init__()
        self.events = events

    def write(self, text):
        self.events.append(("write", text))
        return super().write(text)


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_streaming_writes_each_file_before_the_next_arrives(fmt):
    events = []
    first, second = sample_results()[0], sample_results()[3]

    def results():
        events.append(("yield", first.path))
        yield first
        events.append(("yield", second.path))
        yield second
        events.append(("done", None))

    write_report(results(), fmt=fmt, out=RecordingOut(events), rules=None)
    advanced = events.index(("yield", second.path))
    before = "".join(text for kind, text in events[:advanced] if kind == "write")
    assert KHARKIV in before and AGENCY not in before
    assert AGENCY in "".join(text for kind, text in events[advanced:] if kind == "write")


# -- layering ----------------------------------------------------------------------------------------
def test_only_the_cli_imports_the_reporters():
    for path in (ROOT / "smmrules").rglob("*.py"):
        if "reporters" in path.parts or path.name == "cli.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [a.name for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            assert not any("reporters" in n.split(".") for n in names), f"{path}:{node.lineno} imports the reporters"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \t\x1b~Яї\u0301\u200b中😀é"), max_size=30))
def test_caret_cells_are_the_sum_of_character_widths(text):
    from smmrules.reporters.excerpt import _blank, _cells, cell_width
    assert _cells(text) == sum(1 if ch == "\t" else cell_width(ch) for ch in text)
    assert _blank(text) == "".join("\t" if ch == "\t" else " " * cell_width(ch) for ch in text)
