"""Fixes in Markdown briefs and spreadsheet exports: each is re-read by its own reader between passes
(never as .goals text), a suppression comes out of an HTML comment or a cell without breaking either,
.goals syntax is never written into them, a workbook gets no fixes and a Windows-1251 CSV is not
rewritten as UTF-8."""
from __future__ import annotations

import io
import sys

import pytest

from smmrules.cli import main
from smmrules.editing import fix_text
from smmrules.editing.apply import lint_text

TODAY = "2026-01-10"


def fixed(text: str, path: str, unsafe: bool = False):
    return fix_text(text, path=path, today=TODAY, unsafe=unsafe)


MD_HEAD = "# Brief\n\n- **Client:** Nova\n- **Start:** 1 February 2026\n\n## Goals\n\n"


@pytest.mark.parametrize("before, after", [
    # the comment holds only the unused suppression: it goes, with the space before it
    (MD_HEAD + "- Goal: get 300 leads a month by 2026-09 <!-- smmrules: ignore[T101] -->\n  - Task: run paid traffic\n",
     MD_HEAD.replace("1 February 2026", "2026-02-01") + "- Goal: get 300 leads a month by 2026-09\n"
     "  - Task: run paid traffic\n"),
    # a comment on a line of its own: the line goes
    (MD_HEAD + "<!-- smmrules: ignore[T101] -->\n- Ціль: отримувати 300 заявок на місяць до 2026-09\n"
     "  - Завдання: запустити таргет\n",
     MD_HEAD.replace("1 February 2026", "2026-02-01") + "- Ціль: отримувати 300 заявок на місяць до 2026-09\n"
     "  - Завдання: запустити таргет\n"),
    # a note in the same comment stays, and so does the comment
    (MD_HEAD + "- Цель: получать 300 заявок в месяц до 2026-09 <!-- со слов клиента smmrules: ignore[T101] -->\n"
     "  - Задача: запустить таргет\n",
     MD_HEAD.replace("1 February 2026", "2026-02-01") + "- Цель: получать 300 заявок в месяц до 2026-09 "
     "<!-- со слов клиента  -->\n  - Задача: запустить таргет\n"),
    # inside a ```goals block the .goals comment is removed as in a .goals file
    ("# Brief\n\n```goals\ngoal: get 300 leads a month by 2026-09  # smmrules: ignore[T101]\n"
     "  task: run paid traffic\n```\n",
     "# Brief\n\n```goals\ngoal: get 300 leads a month by 2026-09\n  task: run paid traffic\n```\n"),
])
def test_markdown_fixes_keep_markdown(before, after):
    result = fixed(before, "brief.md")
    assert result.text == after
    assert {f.code for f in result.applied} <= {"D603", "L100"}
    assert all(f.code != "D610" for f in result.remaining)      # re-read as Markdown, not as .goals text
    assert fixed(after, "brief.md").text == after                 # nothing left to fix


@pytest.mark.parametrize("path, before, after", [
    ("kpi.csv", 'Goal;Deadline;Notes;Owner\nget 300 leads a month;2026-09;"ok, smmrules: ignore[T101]";Iryna\n',
     'Goal;Deadline;Notes;Owner\nget 300 leads a month;2026-09;"ok, ";Iryna\n'),
    ("kpi.csv", "Ціль,Термін,Примітки\nотримувати 300 заявок на місяць,2026-09,smmrules: ignore[T101]\n",
     "Ціль,Термін,Примітки\nотримувати 300 заявок на місяць,2026-09,\n"),
    ("kpi.tsv", "Цель\tСрок\tЗаметки\tОтветственный\nполучать 300 заявок в месяц\t2026-09\tsmmrules: ignore[T101]\tИрина\n",
     "Цель\tСрок\tЗаметки\tОтветственный\nполучать 300 заявок в месяц\t2026-09\t\tИрина\n"),
])
def test_a_suppression_leaves_a_cell_alone_and_the_row_whole(path, before, after):
    result = fixed(before, path)
    assert result.text == after and [f.code for f in result.applied] == ["L100"]


DUPLICATE_MD = ("# Brief\n\n## Goals\n\n- Goal: get 300 leads a month by 2026-09\n  - Task: run paid traffic\n"
                "- Goal: get 300 leads a month by 2026-09\n\nask the client about the budget\n")


def test_fixes_that_write_goals_syntax_are_not_offered_in_markdown():
    """Removing a duplicate goal moves its tasks as `task:` lines and a stray line becomes a `#` comment:
    .goals syntax, so Markdown gets neither (the findings stay, with no fix)."""
    findings, broken = lint_text(DUPLICATE_MD, path="brief.md", today=TODAY)
    assert not broken
    assert [f.fix for f in findings if f.code == "D606"] == [None]
    assert fixed(DUPLICATE_MD, "brief.md", unsafe=True).text == DUPLICATE_MD
    goals_text = "goal: get 300 leads a month by 2026-09\n  task: run paid traffic\ngoal: get 300 leads a month by 2026-09\n"
    assert [f.fix is not None for f in lint_text(goals_text, path="brief.goals", today=TODAY)[0]
            if f.code == "D606"] == [True]


def test_lint_fix_on_a_windows_1251_csv_leaves_it_and_says_why(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    data = "Цель;Срок;Заметки\nполучать 300 заявок в месяц;2026-09;smmrules: ignore[T101]\n".encode("cp1251")
    (tmp_path / "kpi.csv").write_bytes(data)
    code = main(["lint", "--fix", "--today", TODAY, "kpi.csv"])
    captured = capsys.readouterr()
    assert (tmp_path / "kpi.csv").read_bytes() == data
    assert code == 1 and "L100" in captured.out
    assert "kpi.csv: no fixes applied: the file is not UTF-8; save it as UTF-8 to fix it" in captured.err


def test_lint_fix_writes_a_markdown_brief_in_place(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    before = MD_HEAD + "- Goal: get 300 leads a month by 2026-09 <!-- smmrules: ignore[T101] -->\n  - Task: run paid traffic\n"
    (tmp_path / "brief.md").write_text(before, encoding="utf-8")
    code = main(["lint", "--fix", "--today", TODAY, "brief.md"])
    out = capsys.readouterr().out
    assert code == 0 and out.endswith("Fixed 2 findings in 1 file.\n")
    assert (tmp_path / "brief.md").read_text(encoding="utf-8") == (
        MD_HEAD.replace("1 February 2026", "2026-02-01") + "- Goal: get 300 leads a month by 2026-09\n"
        "  - Task: run paid traffic\n")


def test_a_workbook_gets_no_fixes():
    openpyxl = pytest.importorskip("openpyxl")
    from smmrules.documents import read_document
    from smmrules.linting.pipeline import lint_document
    book = openpyxl.Workbook()
    for row in [["Start", "1 February 2026"], [], ["Goal", "Deadline", "Notes"],
                ["get 300 leads a month", "2026-09", "smmrules: ignore[T101]"]]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    doc, why, _ = read_document(out.getvalue(), "xlsx", path="kpi.xlsx", today=TODAY, max_statement_length=2000,
                                max_entries=10_000, max_chars=10_000_000)
    findings = lint_document(doc)
    assert {"D603", "L100"} <= {f.code for f in findings}
    assert all(f.fix is None for f in findings)
