""".xlsx workbooks linted as a stream (issue 18): openpyxl's read-only mode hands the rows over one at a time,
the sheet reader turns each into entries as it comes, and the report is byte for byte the whole-workbook
path's in every format with -j 1 and -j 2 (the same findings, order, lines and columns)."""
from __future__ import annotations

import io
import itertools
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import xlsx_briefs
from suitedate import SUITE_TODAY
from test_stream_formats import parts_cache  # noqa: F401 - the fixture: a private result cache, files streamed
from smmrules.cli import main
from smmrules.documents import read_document, xlsx_reader
from smmrules.documents.goals import build_document
from smmrules.documents.sheets import HEADER_ROWS, ReadError, SheetText, iter_xlsx_lines, xlsx_lines
from smmrules.documents.tables import gathered
from smmrules.linting import runner
from smmrules.linting.config import Config
from smmrules.linting.stream import xlsx_reading
from smmrules.reporters import FORMATS

openpyxl = pytest.importorskip("openpyxl")

FEW = settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
LIMITS = dict(max_statement_length=2000, max_entries=100_000, max_chars=10_000_000)


def workbook(sheets) -> bytes:
    """The bytes of a workbook of these sheets (rows of cell values; an empty row leaves a gap)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for i, rows in enumerate(sheets):
        sheet = book.create_sheet(f"Sheet{i + 1}")
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOALS = [["Client", "Meadow Bakery"], ["Goal", "Tasks", "Notes"],
         ["grow Instagram followers to 5,000 by 2026-09-30", "post three reels a week", None],
         ["increase sales", None, "smmrules: ignore[T101]"],
         [], ["get more reviews", "reply to every review", None]]


def _whole_then_stream(data: bytes):
    """(the lines and document the whole-workbook path reads, what the stream reads: its entries gathered
    and the lines it keeps)."""
    lines = xlsx_lines(data, LIMITS["max_chars"])
    whole, why, _ = read_document(data, "xlsx", path="g.xlsx", today=SUITE_TODAY, **LIMITS)
    kept, read = xlsx_reading(data, max_entries=LIMITS["max_entries"], max_chars=LIMITS["max_chars"])
    entries = gathered(read(True), LIMITS["max_entries"], ())
    doc = build_document(entries, tuple(kept), path="g.xlsx", today=SUITE_TODAY, format="xlsx",
                         max_statement_length=LIMITS["max_statement_length"])
    return lines, whole, why, tuple(kept), doc


def test_the_stream_reads_the_rows_the_whole_path_reads():
    lines, whole, why, kept, doc = _whole_then_stream(workbook([GOALS]))
    assert why is None and kept == tuple(lines) == whole.lines
    assert kept[4] == "" and kept[5] == "get more reviews\treply to every review"
    assert [g.text for g in doc.goals] == [g.text for g in whole.goals] == \
        ["grow Instagram followers to 5,000 by 2026-09-30", "increase sales", "get more reviews"]
    assert [(g.line, g.span) for g in doc.goals] == [(g.line, g.span) for g in whole.goals]
    assert doc.suppressions == whole.suppressions and doc.header == whole.header


@FEW
@given(xlsx_briefs())
def test_generated_workbooks_stream_to_the_document_read_whole(brief):
    _, sheets = brief
    lines, whole, why, kept, doc = _whole_then_stream(workbook(sheets))
    assert why is None and kept == tuple(lines) == whole.lines
    assert repr(doc) == repr(whole)       # (a syntax error is an exception, equal only to itself)


def test_a_sheet_without_a_goals_table_is_passed_over_and_the_first_sheet_stands_when_none_has_one():
    notes = [["Notes"], ["agreed with the client"]]
    assert list(iter_xlsx_lines(workbook([notes, GOALS]), 1000))[:2] == ["Client\tMeadow Bakery", "Goal\tTasks\tNotes"]
    data = workbook([notes, [["more notes"]] * 80])
    assert list(iter_xlsx_lines(data, 1000)) == ["Notes", "agreed with the client"]
    whole = read_document(data, "xlsx", **LIMITS)
    assert whole[0] is None and whole[1].startswith("not a goals table")


def test_a_sheet_past_max_chars_is_the_same_error_whole_and_streamed(tmp_path, monkeypatch):
    # the first sheet has no goals table but is read through: 6 + 19 * 51 characters to row 20, 1,026 at 21
    data = workbook([[["Notes"]] + [["x" * 50]] * 30, GOALS])
    with pytest.raises(ReadError) as err:
        list(iter_xlsx_lines(data, 1000))
    assert (err.value.message, err.value.line) == ("the sheet holds more than 1,000 characters (max-file-size)", 21)
    monkeypatch.setattr(runner.cache, "enabled", lambda: False)
    path = tmp_path / "goals.xlsx"
    # one string repeated compresses well: a file under 10,000 bytes, a sheet of 6 + 1,001 characters a row
    path.write_bytes(workbook([[["Notes"]] + [["x" * 1000]] * 60, GOALS]))
    config = Config(max_file_size=10_000)             # 4 x 10,000 characters of a sheet at most
    whole = runner.lint_file(str(path), config, today=SUITE_TODAY)
    monkeypatch.setattr(runner, "STREAM_FROM", 0)
    (streamed,) = runner.lint_file_parts(str(path), config, today=SUITE_TODAY)
    assert streamed.error == whole.error == f"{path}:41:1: the sheet holds more than 40,000 characters (max-file-size)"


def test_a_first_cell_that_starts_with_a_byte_order_mark_keeps_it_in_the_lines_the_stream_keeps():
    data = workbook([[["\ufeffClient", "Nova"]] + GOALS[1:]])
    lines, whole, _, kept, doc = _whole_then_stream(data)
    assert kept[0] == lines[0] == "\ufeffClient\tNova" and kept == whole.lines and repr(doc) == repr(whole)


def test_the_kept_text_is_joined_in_chunks_and_handed_on_once_the_rows_end():
    got = []
    keep = SheetText(got.append)
    keep.CHUNK = 2
    assert list(iter_xlsx_lines(workbook([GOALS]), 1000, keep)) == xlsx_lines(workbook([GOALS]), 1000)
    assert got == ["\n".join(xlsx_lines(workbook([GOALS]), 1000))]


def test_the_xlsx_reader_yields_the_first_goal_before_reading_the_other_rows(monkeypatch):
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    taken = []
    rows_of = ReadOnlyWorksheet.iter_rows

    def counted(self, *args, **kwargs):
        for row in rows_of(self, *args, **kwargs):
            taken.append(row)
            yield row
    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", counted)
    rows = [["Goal", "Tasks"]] + [[f"grow followers to {i}000 by 2026-09-30", "post reels"] for i in range(1, 400)]
    entries = xlsx_reader(workbook([rows]), max_entries=10_000, max_chars=10_000_000)()
    kind, goal = next(entries)
    # the header row is held with the rows after it until HEADER_ROWS are in (is it a goals table?); then
    # the first goal, complete once the next row shows that no task row follows it
    assert (kind, str(goal["value"]), len(taken)) == ("goal", "grow followers to 1000 by 2026-09-30", HEADER_ROWS)
    assert str(list(itertools.islice(entries, 100))[-1][1]["value"]) == "grow followers to 101000 by 2026-09-30"
    assert len(taken) == 102


def test_a_long_workbook_is_linted_as_a_stream_in_parts(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "PART", 2)
    monkeypatch.setattr(runner, "STREAM_FROM", 0)
    monkeypatch.setattr(runner.cache, "enabled", lambda: False)
    path = tmp_path / "goals.xlsx"
    path.write_bytes(workbook([GOALS]))
    parts = list(runner.lint_file_parts(str(path), Config(), today=SUITE_TODAY))
    whole = runner.lint_file(str(path), Config(), today=SUITE_TODAY)
    assert len(parts) > 2 and all(p.partial for p in parts[:-1]) and not parts[-1].partial
    assert tuple(f for p in parts for f in p.findings) == whole.findings and len(whole.findings) >= 3
    assert tuple(parts[-1].lines) == whole.lines and parts[-1].lang == whole.lang == "en"


def test_a_broken_workbook_is_the_same_one_line_error_streamed(tmp_path, monkeypatch):
    monkeypatch.setattr(runner.cache, "enabled", lambda: False)
    path = tmp_path / "goals.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    whole = runner.lint_file(str(path), Config(), today=SUITE_TODAY)
    monkeypatch.setattr(runner, "STREAM_FROM", 0)
    (streamed,) = runner.lint_file_parts(str(path), Config(), today=SUITE_TODAY)
    assert streamed.error == whole.error and whole.error.startswith(f"{path}:1:1: not an .xlsx workbook")


@settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(xlsx_briefs(), min_size=1, max_size=3))
def test_every_format_with_j1_and_j2_reports_a_streamed_workbook_as_the_whole_path_did(capsys, tmp_path_factory,
                                                                                      briefs):
    folder = tmp_path_factory.mktemp("books")
    names = []
    for i in range(34):                 # enough files for -j 2 to start workers (parallel.in_workers)
        names.append(f"b{i:02}.xlsx")
        (folder / names[-1]).write_bytes(workbook(briefs[i % len(briefs)][1]))
    saved = (runner.PART, runner.STREAM_FROM, os.getcwd())
    os.chdir(folder)
    try:
        for fmt in FORMATS:
            runner.PART, runner.STREAM_FROM = saved[:2]     # each workbook read whole
            capsys.readouterr()
            expected = main(["lint", "--no-cache", "-j", "1", "--format", fmt, "--fail-on", "info", *names]), \
                capsys.readouterr().out
            assert expected[0] == 1 and expected[1]
            runner.PART, runner.STREAM_FROM = 3, 0          # several parts a file, and every file streamed
            for jobs in ("1", "2"):
                code = main(["lint", "--no-cache", "-j", jobs, "--format", fmt, "--fail-on", "info", *names])
                out = capsys.readouterr()
                assert "Traceback" not in out.err
                assert (code, out.out) == expected, f"{fmt}, -j {jobs}"
    finally:
        runner.PART, runner.STREAM_FROM = saved[:2]
        os.chdir(saved[2])


def test_a_streamed_workbook_is_stored_in_the_result_cache_in_parts_and_served_as_it_was_made(parts_cache,
                                                                                               monkeypatch):
    from smmrules.base import cache
    from smmrules.linting import stream
    path = parts_cache / "goals.xlsx"
    path.write_bytes(workbook([[["\ufeffClient", "Nova"]] + GOALS[1:]]))     # (its first cell starts with U+FEFF)
    cold = list(runner.lint_file_parts(str(path), Config(), today=SUITE_TODAY))
    (entry,) = (parts_cache / "cache").glob("result-*.pickle")
    assert entry.read_bytes().startswith(cache._PARTS_MAGIC) and len(cold) > 2
    assert cold[-1].lines[0] == "\ufeffClient\tNova"

    def not_again(*args, **kwargs):
        raise AssertionError("linted again instead of answered from the result cache")
    monkeypatch.setattr(stream, "lint_entries", not_again)
    warm = list(runner.lint_file_parts(str(path), Config(), today=SUITE_TODAY))
    assert [(r.partial, r.findings, tuple(r.lines), r.lang) for r in warm] == \
        [(r.partial, r.findings, tuple(r.lines), r.lang) for r in cold]


def test_lint_iter_reads_a_text_named_xlsx_as_lint_does_and_refuses_it_alike():
    from smmrules import lint, lint_iter
    for read in (lambda: lint("goal: increase sales\n", path="goals.xlsx"),
                 lambda: next(lint_iter("goal: increase sales\n", path="goals.xlsx"))):
        with pytest.raises(ReadError) as err:
            read()
        assert err.value.message.startswith("not an .xlsx workbook (BadZipFile")
