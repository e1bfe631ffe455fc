"""Spreadsheet exports: encodings, delimiters, rows and cells at file:row:column, OKR export columns,
bad input (ragged rows, quotes that never close, a 5 MB cell, formulas, mixed encodings), .xlsx with and
without openpyxl, and the command line (the reader by extension, --stdin-filename, --explain-skip,
include = ["*.md"] over a repository)."""
from __future__ import annotations

import io
import subprocess
import sys
import time

import pytest

from smmrules.documents import read_document
from smmrules.documents.sheets import NOT_A_TABLE, ReadError, decode, read_sheet, records, sniff
from smmrules.documents.tables import header_row
from smmrules.linting.pipeline import lint_document

TODAY = "2026-02-01"
LIMITS = dict(max_statement_length=2000, max_entries=20_000, max_chars=20_000_000)

RU = ("Клиент;Кофейня Зерно\n"
      "Цель;Метрика;База;Целевое значение;Срок;Ответственный;Задачи\n"
      "увеличить число подписчиков в Instagram;;3200;5000;2026-06-30;Анна;\"конкурс; reels\"\n"
      "\"стать лучшей\nкофейней\";;;;;Иван;\n"
      "\n"
      ";подписчики Telegram;1500;3000;;Олег\n")


def sheet(text: str, path: str = "goals.csv"):
    doc, why = read_sheet(text, path=path, today=TODAY)
    assert why is None, why
    return doc


def at(doc, span) -> str:
    return doc.lines[span.line - 1][span.column - 1:]


def test_rows_are_goals_at_file_row_column():
    doc = sheet(RU)
    assert doc.format == "csv" and doc.lang == "ru"
    assert [(h.key, h.value) for h in doc.header] == [("client", "Кофейня Зерно")]
    assert [g.text for g in doc.goals] == [
        "увеличить число подписчиков в Instagram с 3200 до 5000 до 2026-06-30",
        "стать лучшей\nкофейней",                                      # a cell of two lines, parsed in place
        "подписчики Telegram с 1500 до 3000"]
    first, second, third = doc.goals
    assert (first.span.line, first.span.column) == (3, 1)
    assert at(doc, first.goal.baseline.span).startswith("3200;")
    assert at(doc, first.goal.target.span).startswith("5000;")
    assert at(doc, first.goal.deadline.span).startswith("2026-06-30;")
    assert [(t.text, t.line, t.span.column) for t in first.tasks] == [("конкурс", 3, 69), ("reels", 3, 78)]
    assert (second.span.line, second.span.column) == (4, 2)       # inside the quote that opens the cell
    assert (third.span.line, third.span.column) == (7, 2)          # a record after a two-line cell
    assert at(doc, third.goal.metric.span).startswith("подписчики")


def test_findings_point_into_the_row():
    doc = sheet(RU)
    found = {(f.line, f.column, f.code) for f in lint_document(doc)}
    assert (4, 2, "T101") in found and (7, 2, "T101") in found
    assert all(1 <= f.line <= len(doc.lines) for f in lint_document(doc))


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_sniffed(delimiter):
    text = delimiter.join(["Goal", "Target", "Deadline"]) + "\n" + \
        delimiter.join(["grow Instagram followers", "5000", "2026-06-30"]) + "\n"
    assert sniff(text, "x.csv") == delimiter
    doc = sheet(text)
    assert doc.goals[0].text == "grow Instagram followers to 5000 by 2026-06-30"


def test_tsv_is_tab_separated_even_with_commas_in_cells():
    text = "Goal\tTarget\ngrow followers, likes and shares\t5000\n"
    assert sniff(text, "x.tsv") == "\t"
    doc, why, notes = read_document(text.encode(), "tsv", **LIMITS)
    assert doc.format == "tsv" and doc.goals[0].text == "grow followers, likes and shares to 5000"


@pytest.mark.parametrize("encoding, bom, note", [
    ("utf-8", b"", ()), ("utf-8", b"\xef\xbb\xbf", ()), ("utf-16-le", b"\xff\xfe", ()),
    ("utf-16-be", b"\xfe\xff", ()), ("cp1251", b"", ("read as Windows-1251",)),
])
def test_encodings(encoding, bom, note):
    data = bom + RU.encode(encoding)
    doc, why, notes = read_document(data, "csv", path="goals.csv", today=TODAY, **LIMITS)
    assert why is None and len(doc.goals) == 3 and doc.header[0].value == "Кофейня Зерно"
    assert tuple(n.split(" (")[0] for n in notes) == note
    assert (doc.goals[0].span.line, doc.goals[0].span.column) == (3, 1)


def test_mixed_encodings_are_refused_at_the_first_foreign_byte():
    data = "Цель;Срок\n".encode() + "рост подписчиков;2026-06-30\n".encode("cp1251")
    with pytest.raises(ReadError) as err:
        decode(data)
    assert (err.value.line, err.value.column) == (2, 1)
    assert "mixes encodings" in err.value.message


def test_bytes_that_are_no_encoding_we_read():
    with pytest.raises(ReadError) as err:
        decode(b"Goal\n\x98\n")
    assert "neither UTF-8 nor Windows-1251" in err.value.message and err.value.line == 2


def test_a_quote_that_never_closes_is_an_error_at_the_quote():
    with pytest.raises(ReadError) as err:
        list(records('Goal,Target\ngrow,"5000\nmore\n', ","))
    assert (err.value.line, err.value.column) == (2, 6)


def test_ragged_rows_read_what_is_there():
    doc = sheet("Goal,Target,Deadline\ngrow Instagram followers\n,5000,2026-06-30,extra,cells\n"
                "grow ERR,12%\n")
    assert [g.text for g in doc.goals] == ["grow Instagram followers", "5000 by 2026-06-30", "grow ERR to 12%"]


def test_doubled_quotes_keep_columns():
    doc = sheet('Goal,Target\n"launch the ""Coffee Club"" page and grow followers",5000\n')
    g = doc.goals[0]
    assert g.text.split()[2:6] == ['"Coffee', 'Club', '"', 'page']    # "" reads as a blank and a quote
    assert at(doc, g.goal.target.span).startswith("5000")


def test_a_formula_is_text_never_evaluated():
    doc = sheet('Goal,Target\n"=HYPERLINK(""https://example.com"",""grow followers"")",5000\n')
    g = doc.goals[0]
    assert g.text.startswith("=HYPERLINK(")
    assert {f.code for f in lint_document(doc)}              # read as the characters it is: findings


def test_a_five_megabyte_cell_is_read_in_linear_time():
    big = "grow followers " * 350_000                          # 5.25 MB
    start = time.process_time()
    cells = list(records(f'Goal,Target\n"{big}",5000\n', ","))
    assert time.process_time() - start < 5
    assert cells[1][1][0].text == big and cells[1][1][1].text == "5000"


def test_okr_export_columns():
    text = ("Objective,Key Result,Metric,Start value,Target value,Current value,Due date,Owner\n"
            "Be the coffee shop people talk about,grow Instagram followers,followers,3200,5000,3900,2026-06-30,Anna\n")
    kinds, lang = header_row(text.split("\n")[0].split(","))
    assert kinds == {"objective": 0, "key-result": 1, "metric": 2, "baseline": 3, "target": 4, "current": 5,
                     "deadline": 6, "owner": 7} and lang == "en"
    doc = sheet(text)
    assert doc.goals[0].text == "grow Instagram followers from 3200 to 5000 by 2026-06-30"


@pytest.mark.parametrize("names, kinds", [
    ("Ціль;Поточне значення;Факт;Термін;Відповідальний", {"goal": 0, "current": 1, "deadline": 3, "owner": 4}),
    ("ЦЕЛЬ;Текущее;Сроки;Ответственный", {"goal": 0, "current": 1, "deadline": 2, "owner": 3}),
    ("goal statement;DUE;Actual", {"goal": 0, "deadline": 1, "current": 2}),
])
def test_column_names_in_three_languages(names, kinds):
    assert header_row(names.split(";"))[0] == kinds


def test_a_table_without_goal_columns_is_not_a_goals_table():
    assert read_sheet("date,sessions,bounce rate\n2026-01-01,300,40%\n") == (None, NOT_A_TABLE)
    assert read_sheet("") == (None, NOT_A_TABLE)


def test_a_suppression_in_a_notes_cell():
    doc = sheet("Goal,Notes\nbe the best coffee shop,smmrules: ignore[S101]\n")
    assert [(s.line, s.codes) for s in doc.suppressions] == [(2, ("S101",))]
    assert "S101" not in {f.code for f in lint_document(doc)}


# --- .xlsx ----------------------------------------------------------------------------------------------

def workbook(rows) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet_ = book.active
    for row in rows:
        sheet_.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_rows_are_goals():
    import datetime as dt
    data = workbook([["Клієнт", "Nova"], [], ["Ціль", "База", "Цільове значення", "Термін"],
                     ["збільшити кількість підписників в Instagram", 3200, 5000, dt.datetime(2026, 6, 30)],
                     ["=HYPERLINK(\"https://example.com\",\"стати кращими\")", None, None, None]])
    doc, why, notes = read_document(data, "xlsx", path="goals.xlsx", today=TODAY, **LIMITS)
    assert why is None and doc.format == "xlsx" and doc.header[0].value == "Nova"
    assert doc.goals[0].text == "збільшити кількість підписників в Instagram з 3200 до 5000 до 2026-06-30"
    assert doc.goals[0].line == 4
    assert at(doc, doc.goals[0].goal.target.span).startswith("5000\t")
    # a formula is never evaluated: the cell gives the value saved with it, and this workbook (written
    # by openpyxl, not by Excel) saved none, so that row is empty
    assert len(doc.goals) == 1


def test_xlsx_without_openpyxl_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ReadError) as err:
        read_document(b"PK\x03\x04", "xlsx", **LIMITS)
    assert err.value.message == "reading .xlsx needs openpyxl: pip install 'smmrules[xlsx]'"


def test_a_broken_xlsx_is_one_line():
    pytest.importorskip("openpyxl")
    with pytest.raises(ReadError) as err:
        read_document(b"PK\x03\x04 not really a zip", "xlsx", **LIMITS)
    assert err.value.message.startswith("not an .xlsx workbook")


# --- the command line -----------------------------------------------------------------------------------

def run(*args, stdin: bytes | None = None, cwd=None):
    return subprocess.run([sys.executable, "-m", "smmrules", "lint", "--no-cache", "--today", TODAY, *args],
                          input=stdin, capture_output=True, cwd=cwd)


def test_cli_lints_csv_markdown_and_goals_and_goes_on_after_a_bad_file(tmp_path):
    (tmp_path / "a.csv").write_text(RU, encoding="utf-8")
    (tmp_path / "b.csv").write_bytes(b'Goal,Target\n"never closes\n')
    (tmp_path / "c.md").write_text("## Goals\n\n- be the best brand\n", encoding="utf-8")
    out = run("a.csv", "b.csv", "c.md", cwd=tmp_path)
    stdout, stderr = out.stdout.decode(), out.stderr.decode()
    assert out.returncode == 2
    assert "b.csv:2:1: this quote never closes" in stderr and "Traceback" not in stderr
    assert "a.csv:4:2: T101" in stdout and "c.md:3:3: T101" in stdout


def test_cli_notes_windows_1251(tmp_path):
    (tmp_path / "a.csv").write_bytes(RU.encode("cp1251"))
    out = run("a.csv", cwd=tmp_path)
    assert "smmrules: note: a.csv: read as Windows-1251" in out.stderr.decode()
    assert "a.csv:4:2: T101" in out.stdout.decode()


def test_stdin_filename_picks_the_reader():
    brief = "## Цели\n\n- стать лучшей кофейней города\n".encode()
    as_md = run("-", "--stdin-filename", "brief.md", stdin=brief)
    assert "brief.md:3:3: T101" in as_md.stdout.decode()
    as_goals = run("-", "--stdin-filename", "brief.goals", stdin=brief)
    assert "brief.goals:3:1: D610" in as_goals.stdout.decode()      # in a .goals file it is stray text
    as_csv = run("-", "--stdin-filename", "goals.csv", stdin=RU.encode("cp1251"))
    assert "goals.csv:4:2: T101" in as_csv.stdout.decode()


def test_explain_skip(tmp_path):
    (tmp_path / "README.md").write_text("# Tool\n\n## Install\n\n- pip install tool\n", encoding="utf-8")
    (tmp_path / "data.csv").write_text("date,sessions\n2026-01-01,300\n", encoding="utf-8")
    quiet = run("README.md", "data.csv", cwd=tmp_path)
    assert quiet.returncode == 0 and b"skipped" not in quiet.stderr
    told = run("--explain-skip", "README.md", "data.csv", cwd=tmp_path)
    assert told.stderr.decode().splitlines() == [
        "README.md: skipped: not a brief: no goals heading, goals table, header fields, labelled goal or "
        "```goals block",
        f"data.csv: skipped: {NOT_A_TABLE}"]


def test_a_repository_linted_with_markdown_included(tmp_path):
    (tmp_path / ".smmrules.toml").write_text('include = ["*.md", "*.markdown", "*.goals"]\n', encoding="utf-8")
    (tmp_path / "README.md").write_text("# Shop site\n\nBuilt with love.\n\n## Usage\n\n```sh\nmake run\n```\n\n"
                                        "| Flag | Meaning |\n|---|---|\n| -v | verbose |\n", encoding="utf-8")
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\n## 1.2.0 - 2026-01-10\n\n- Added a cart.\n"
                                           "- Fixed the footer.\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "setup.md").write_text("# Setup\n\n1. Clone the repository.\n2. Run `make`.\n\n> Note: use Python 3.11.\n",
                                   encoding="utf-8")
    (docs / "CONTRIBUTING.markdown").write_text("Contributions welcome. Open an issue first.\n", encoding="utf-8")
    clean = run(".", cwd=tmp_path)
    assert clean.returncode == 0 and clean.stdout.decode().startswith("All checks passed: 4 files")
    (docs / "brief.md").write_text("## Goals\n\n- be the best brand\n", encoding="utf-8")
    found = run(".", cwd=tmp_path)
    assert found.returncode == 1 and "docs/brief.md:3:3: T101" in found.stdout.decode()
    assert "README" not in found.stdout.decode() and "CHANGELOG" not in found.stdout.decode()


# --- the examples -------------------------------------------------------------------------------------

EXAMPLES = {
    "brief-coffee-roastery-en.md": {"S101", "T101", "T102", "D502"},
    "kpi-coffee-roastery-en.csv": {"T101", "M203", "S102"},
    "brief-beauty-salon-ru.md": {"A304", "A307", "S103", "T101"},
    "kpi-beauty-salon-ru.csv": {"A304", "R404", "T101"},
    "brief-bakery-uk.md": {"M201", "S101", "S103", "T101"},
    "okr-bakery-uk.csv": {"M203", "R404", "T101"},
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_each_example_is_read_and_shows_the_mistakes_agencies_make(name):
    from pathlib import Path

    from smmrules.linting.config import Config
    from smmrules.linting.runner import lint_file
    path = Path(__file__).resolve().parents[1] / "examples" / name
    result = lint_file(str(path), Config(), today="2026-03-10")
    assert result.error is None and result.skipped is None
    assert EXAMPLES[name] <= {f.code for f in result.findings}
    assert not {"L100", "L101", "D610"} & {f.code for f in result.findings}    # no stale suppression, no stray
    assert result.notes == ((f"{path}: read as Windows-1251 (the file is not UTF-8); save it as UTF-8 so that "
                             f"every program reads it alike",) if name == "kpi-beauty-salon-ru.csv" else ())


def test_gitignore_is_honoured_when_a_folder_is_walked(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("# build output\n/export/\n*.tmp.md\ndrafts/\n!drafts/keep.md\n"
                                         "\\#literal.md\n", encoding="utf-8")
    (tmp_path / ".smmrules.toml").write_text('include = ["*.md", "*.goals"]\n', encoding="utf-8")
    brief = "## Goals\n\n- be the best brand\n"
    for name in ("a.md", "b.tmp.md", "export/c.md", "docs/export/d.md", "drafts/e.md", "docs/drafts/f.md",
                 "#literal.md", "docs/g.goals", "docs/sub/h.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(brief if name.endswith(".md") else "goal: be the best brand\n",
                                     encoding="utf-8")
    (tmp_path / "docs" / "sub" / ".gitignore").write_text("h.md\n", encoding="utf-8")
    from smmrules.linting.config import config_for
    from smmrules.linting.runner import collect
    found = sorted(p for p, err in collect([str(tmp_path)], config_for([str(tmp_path)])))
    assert [p[len(str(tmp_path)) + 1:] for p in found] == ["a.md", "docs/export/d.md", "docs/g.goals"]
    # a folder inside the repository, walked on its own, still follows the repository's .gitignore
    docs = sorted(p for p, err in collect([str(tmp_path / "docs")], config_for([str(tmp_path / "docs")])))
    assert [p[len(str(tmp_path)) + 1:] for p in docs] == ["docs/export/d.md", "docs/g.goals"]
    # a file named on the command line is linted whatever git says
    assert list(collect([str(tmp_path / "b.tmp.md")], config_for([str(tmp_path)]))) == [(str(tmp_path / "b.tmp.md"), None)]


def test_workers_and_the_result_cache_give_the_same_report(tmp_path):
    for i in range(34):                 # enough files for -j to use worker processes
        (tmp_path / f"b{i:02}.md").write_text(f"## Цілі\n\n- стати найкращою пекарнею №{i}\n", encoding="utf-8")
    (tmp_path / "k.csv").write_bytes(RU.encode("cp1251"))
    (tmp_path / ".smmrules.toml").write_text('include = ["*.md", "*.csv"]\n', encoding="utf-8")
    env = dict(__import__("os").environ, SMMRULES_CACHE_DIR=str(tmp_path / "cache"))

    def lint(*args):
        out = subprocess.run([sys.executable, "-m", "smmrules", "lint", "--today", TODAY, *args, "."],
                             capture_output=True, cwd=tmp_path, env=env)
        return out.returncode, out.stdout.decode(), out.stderr.decode()
    one = lint("--no-cache", "-j", "1")
    assert one[0] == 1 and one[1].count("T101") == 36 and "read as Windows-1251" in one[2]
    assert lint("--no-cache", "-j", "2") == one
    assert lint() == one                # the first run with the cache fills it
    assert lint() == one                # and the second is answered from it, the note included


def test_a_five_megabyte_statement_is_one_finding_at_its_cell():
    big = "grow followers " * 330_000                           # 4.95 MB, under max-file-size
    doc = sheet(f'Goal,Target\n"{big}",5000\n')
    assert [(f.code, f.line, f.column) for f in lint_document(doc)] == [("E007", 2, 2)]


@pytest.mark.parametrize("text, status", [
    ("start,2026-01-01\ngoal,baseline,target,current,deadline\ngrow Instagram followers,2000,4000,2900,2026-06-30\n",
     "P702"),
    ("старт;2026-01-01\nцель;было;план;факт;срок\nувеличить количество заявок;100;300;110;2026-06-30\n", "P704"),
    ("старт\t2026-01-01\nціль\tбуло\tплан\tпоточне\tтермін\nзбільшити продажі\t50\t80\t80\t2026-06-30\n", "P701"),
])
def test_a_current_column_is_the_goals_check_in(text, status):
    """A `current` / «факт» / «поточне» column is the goal's check-in, at its cell, and the P rules judge it."""
    delimiter = "\t" if "\t" in text else ("," if "," in text else ";")
    doc = sheet(text, "kpi.tsv" if delimiter == "\t" else "kpi.csv")
    entry = doc.goals[0]
    assert len(entry.checkins) == 1 and entry.checkins[0].error is None
    row = text.split("\n")[2]
    cells = row.split(delimiter)
    assert entry.checkins[0].span.line == 3
    assert entry.checkins[0].span.column == len(delimiter.join(cells[:3])) + 2
    assert entry.checkins[0].value == float(cells[3])
    assert status in {f.code for f in lint_document(doc)}
