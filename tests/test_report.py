"""`smmrules report`: the page an agency hands its client. Snapshots of the example briefs (HTML and
Markdown, in English, Russian and Ukrainian), the summary's figures, the Content Security Policy, the
escaping of hostile text, and the command line's files, errors and exit codes. The browser checks are in
test_report_browser.py."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from goalcheck import assert_snapshot
from smmrules.cli import main
from smmrules.report import build_report, render

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = Path(__file__).parent / "snapshots" / "report"
EXAMPLES = {"en": "examples/progress-coffee-en.goals", "ru": "examples/progress-stretching-ru.goals",
            "uk": "examples/progress-bakery-uk.goals"}
TODAY = "2026-12-01"

HOSTILE = """\
client: <script>document.body.setAttribute('data-pwned','1')</script>Evil & Co
start: 2026-01-01
goal: grow followers from 3,000 to 6,000 by 2026-07-01 "><img src=x onerror="document.title='pwned'">
  task: <a href="javascript:document.body.setAttribute('data-pwned','3')">click</a> \u202etxet desrever
  task: [click me](javascript:alert(1)) ![x](https://evil.example/pixel.png) <style>body{display:none}</style>
  current 2026-04-01: 4,500
"""


def report(capsys, *argv) -> tuple[int, str, str]:
    code = main(["report", "--today", TODAY, *argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
@pytest.mark.parametrize("fmt, ext", [("html", "html"), ("md", "md")])
def test_example_reports(at_root, capsys, lang, fmt, ext):
    code, out, err = report(capsys, EXAMPLES[lang], "--format", fmt)
    assert (code, err) == (0, "")
    assert_snapshot(SNAPSHOTS / f"{Path(EXAMPLES[lang]).stem}.{ext}", out)


def test_the_client_language_overrides_the_briefs(at_root, capsys):
    code, out, _ = report(capsys, EXAMPLES["ru"], "--format", "md", "--lang", "en")
    assert code == 0
    assert_snapshot(SNAPSHOTS / "progress-stretching-ru.lang-en.md", out)
    assert out.startswith("# Goals report\n") and "Отстаём" not in out and "Behind: 36% of the way" in out


@pytest.mark.parametrize("lang, summary", [
    ("en", {"goal_count": 6, "smart_count": 5, "status_counts": {"done": 1, "on-track": 1, "behind": 1,
                                                                   "at-risk": 1, "unknown": 1, "none": 1}}),
    ("ru", {"goal_count": 5, "smart_count": 4, "status_counts": {"done": 1, "on-track": 2, "behind": 1, "none": 1}}),
    ("uk", {"goal_count": 4, "smart_count": 4, "status_counts": {"on-track": 2, "at-risk": 2}}),
])
def test_the_summary_counts_statuses_and_smart_goals(at_root, capsys, lang, summary):
    code, out, _ = report(capsys, EXAMPLES[lang], "--format", "json")
    (brief,) = json.loads(out)["briefs"]
    assert code == 0 and brief["lang"] == lang
    assert {k: brief[k] for k in summary} == summary
    assert brief["start"] == {"en": "1 July 2026", "ru": "1 июля 2026", "uk": "1 липня 2026"}[lang]


def test_the_decrease_goal_is_done_not_89_percent(at_root, capsys):
    _, out, _ = report(capsys, EXAMPLES["en"], "--format", "json")
    goals = json.loads(out)["briefs"][0]["goals"]
    cpl = goals[1]
    assert cpl["reading"] == {"metric": "cost per lead", "channel": None, "baseline": "4.2 GBP",
                              "target": "3 GBP", "deadline": "31 March 2027"}
    assert (cpl["status"], cpl["current"]) == ("at-risk", "3.8 GBP")
    assert cpl["points"] == [["2026-09-01", 4.0], ["2026-10-01", 3.9], ["2026-11-15", 3.8]]
    assert goals[3]["status"] == "done" and goals[3]["status_text"].startswith("Done: 130 against the target 120")


def test_the_page_allows_only_its_own_stylesheet():
    page = render(build_report([str(ROOT / EXAMPLES["en"])], today=_day(TODAY)), "html")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    css = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    assert policy.replace("&#x27;", "'") == (f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; "
                                             f"script-src 'none'; base-uri 'none'; form-action 'none'; "
                                             f"object-src 'none'")
    assert page.index("Content-Security-Policy") < page.index("<style>")
    assert " style=" not in page and "<script" not in page and "<link" not in page and "://" not in page


def test_hostile_text_is_escaped_in_html_and_markdown(tmp_path, capsys):
    brief = tmp_path / "hostile.goals"
    brief.write_text(HOSTILE, encoding="utf-8")
    code, page, _ = report(capsys, str(brief))
    assert code == 0
    assert "<script>document" not in page and "<img src" not in page and "<a href" not in page
    assert "<style>body{display:none}" not in page
    assert "&lt;script&gt;document.body.setAttribute(&#x27;data-pwned&#x27;,&#x27;1&#x27;)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=&quot;document.title=&#x27;pwned&#x27;&quot;&gt;" in page
    assert "<bdi>&lt;a href=&quot;javascript:" in page and "\u202etxet" in page      # inside its own <bdi>
    code, md, _ = report(capsys, str(brief), "--format", "md")
    assert "<script>" not in md and "\u202e" not in md
    assert all(md[i - 1] == "\\" for i, c in enumerate(md) if c == "<")      # no tag: every < is escaped
    assert "](" not in md.replace("\\](", "")                                 # no link, no image
    assert r"\<script\>document.body.setAttribute('data-pwned','1')\</script\>Evil & Co" in md
    assert r"\[click me\](javascript:alert(1)) \!\[x\](https://evil.example/pixel.png)" in md


def test_a_huge_statement_is_cut_in_the_page(tmp_path, capsys):
    brief = tmp_path / "huge.goals"
    statement = "grow followers " + "very " * 200_000 + "fast"           # 1,000,019 characters
    brief.write_text(f"goal: {statement}\n", encoding="utf-8")
    code, page, err = report(capsys, str(brief))
    assert (code, err) == (0, "")
    assert "very " * 397 + " \u2026 (+998,019)" in page and len(page) < 60_000
    assert "longer than the limit (max-statement-length)" in page


def test_several_briefs_and_one_that_cannot_be_read(tmp_path, capsys, at_root):
    missing = str(tmp_path / "missing.goals")
    code, out, err = report(capsys, EXAMPLES["en"], missing, EXAMPLES["uk"], "--format", "json")
    assert code == 2
    assert err == f"{missing}: no such file or directory\n"
    briefs = json.loads(out)["briefs"]
    assert [b["error"] for b in briefs] == [None, f"{missing}: no such file or directory", None]
    assert [b["lang"] for b in briefs] == ["en", "en", "uk"]
    assert [b["client"] for b in briefs] == ["Northside Coffee Roasters", None, "Пекарня «Хлібна хата»"]


AS_GOALS = """\
client: Lindenhof Bakery
start: 2026-09-01

goal: grow Instagram followers from 3,000 to 6,000 by 2027-03-01
  current 2026-10-01: 3,600
  current 2026-11-01: 4,600
"""
AS_MARKDOWN = """\
# Brief

- **Client:** Lindenhof Bakery
- **Start:** 2026-09-01

## Goals

- grow Instagram followers from 3,000 to 6,000 by 2027-03-01
  - Current 2026-10-01: 3,600
  - Current 2026-11-01: 4,600

## Notes

Nothing else here is a goal.
"""
AS_CSV = """\
Client,Lindenhof Bakery
Start,2026-09-01
Goal,Baseline,Target,Deadline,Current
grow Instagram followers,"3,000","6,000",2027-03-01,"4,600"
"""


def test_markdown_briefs_and_spreadsheets_are_reported_like_goals_files(tmp_path, capsys):
    """Each file is read by the reader of its extension (a Markdown brief is not .goals text); a Markdown
    file that is not a brief is left out of the report, as `lint` skips it."""
    for name, text in [("brief.goals", AS_GOALS), ("brief.md", AS_MARKDOWN), ("kpi.csv", AS_CSV)]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Tools\n\nHow we work.\n", encoding="utf-8")
    code, out, err = report(capsys, *(str(tmp_path / n) for n in ("brief.goals", "brief.md", "kpi.csv", "README.md")),
                            "--format", "json")
    assert (code, err) == (0, "")
    briefs = json.loads(out)["briefs"]
    assert [Path(b["path"]).name for b in briefs] == ["brief.goals", "brief.md", "kpi.csv"]
    assert {b["client"] for b in briefs} == {"Lindenhof Bakery"} and not any(b["notes"] for b in briefs)
    (goals,), (md,), (csv,) = (b["goals"] for b in briefs)
    assert (goals["status"], goals["current"], goals["checkins"]) == ("on-track", "4,600", 2)
    assert (md["status"], md["current"], md["checkins"], md["progress"]) == ("on-track", "4,600", 2, goals["progress"])
    assert (csv["current"], csv["checkins"], csv["progress"]) == ("4,600", 1, goals["progress"])
    assert md["tasks"] == goals["tasks"] == []


@pytest.mark.parametrize("name, text", [(None, AS_GOALS), ("brief.md", AS_MARKDOWN), ("kpi.csv", AS_CSV)])
def test_standard_input_is_read_by_the_reader_its_name_picks(capsys, monkeypatch, name, text):
    import io
    import sys
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, err = report(capsys, "-", "--format", "json", *(["--stdin-filename", name] if name else []))
    assert (code, err) == (0, "")
    (brief,) = json.loads(out)["briefs"]
    assert (brief["path"], brief["client"], brief["goals"][0]["current"]) == (name or "-", "Lindenhof Bakery", "4,600")


def test_output_file_is_written_and_replaced(tmp_path, capsys, at_root):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    code, out, err = report(capsys, EXAMPLES["uk"], "-o", str(target))
    assert (code, out, err) == (0, "", "")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"uk\">") and "Звіт за цілями" in page
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]          # no temporary file left
    code, _, err = report(capsys, EXAMPLES["uk"], "-o", str(tmp_path / "no-such-folder" / "r.html"))
    assert code == 2 and err.startswith(f"smmrules: error: {tmp_path / 'no-such-folder' / 'r.html'}: cannot write: ")
    assert "No such file" in err


def test_a_bad_date_is_a_usage_error(capsys):
    code = None
    with pytest.raises(SystemExit) as stop:
        main(["report", "--today", "2026-13-01", EXAMPLES["en"]])
    code = stop.value.code
    assert code == 2 and "--today must be a date" in capsys.readouterr().err


def _day(text):
    import datetime as dt
    return dt.date.fromisoformat(text)
