"""Documents linted as streams (smmrules.linting.stream): the reader yields entries as it reads lines,
findings come in the order lint() gives them, and every report is byte for byte what the whole-document
path writes, in every format, with -j 1 and -j 2."""
from __future__ import annotations

import io
import pickle
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import goal_documents
from suitedate import SUITE_TODAY
from smmrules.cli import main
from smmrules.documents.goals import _split_lines, iter_entries, iter_lines, parse_document
from smmrules.linting import runner
from smmrules.linting.config import Config
from smmrules.linting.pipeline import lint, rules_for
from smmrules.linting.results import FilePart, FileResult
from smmrules.linting.stream import LineIndex, lint_stream
from smmrules.reporters import FORMATS, write_report
from smmrules.reporters.summary import Tally

# A brief written to meet every kind of bookkeeping the stream keeps across goals: a file-wide
# suppression that is used and one that is not, a line's suppression that hides nothing, unknown and
# renamed codes, a task before any goal, a header line among the goals and a repeated header key, a
# repeated goal with other goals between the copies (its fix moves the tasks), a conflicting target,
# statements that do not parse, an empty statement, a check-in and a line of other text.
TRICKY = """\
# smmrules: ignore-file[D605]
# smmrules: ignore-file[X999, S105]
client: Corner Bakery
task: reply to every message within an hour
goal: grow Instagram followers from 3,200 to 5,000 within 6 months  # smmrules: ignore[T101]
  task: post three reels a week
  current 2024-11-01: 3,500
start: 2024-10-01
ask the owner about the budget
goal: increase sales by 20% by the end of the year
goal: grow Instagram followers from 3,200 to 5,000 within 6 months
  task: run paid traffic within the agreed budget  # smmrules: ignore[C1]
goal: grow Instagram followers to 9,000 within 6 months
goal: ??? $$$ 12
goal:
start: 2024-11-01
goal: increase sales by 20% by the end of the year
  # smmrules: ignore[S104]
budget: lots
"""

RUSSIAN = """\
цель: увеличить продажи на 20% до конца года
  задача: запустить таргет в рамках бюджета
цель: увеличить продажи на 20% до конца года
  задача: отвечать на сообщения в течение часа
факт: 12%
"""

# lines a mixed document is drawn from, in any order (goal_documents keeps a brief's usual shape)
POOL = [line for line in TRICKY.splitlines() + RUSSIAN.splitlines()] + [
    "lang: en", "lang: ru", "lang: fr", "", "# agreed with the client", "# smmrules: ignore-file", "# smmrules: ignore[D610]",
    "goal: reach 10,000 followers on TikTok by 2025-06", "goal: reach 10,000 followers on TikTok by 2025-06",
    "goal: grow Instagram followers to 9,000 within 6 months  # smmrules: ignore[D607, A303]",
]


def _whole(text: str, path: str | None = "brief.goals", config=None) -> list:
    return lint(text, path=path, config=config, today=SUITE_TODAY)


def _streamed(text: str, path: str | None = "brief.goals", config=None) -> list:
    return list(lint_stream(text, path=path, config=config, today=SUITE_TODAY))


# -- the reader --------------------------------------------------------------------------------------

def test_the_reader_yields_the_first_goal_before_reading_the_rest_of_an_endless_stream():
    read = []

    def endless():
        yield "client: Corner Bakery"
        yield "goal: grow Instagram followers to 5,000 within 6 months"
        yield "  task: post three reels a week"
        n = 0
        while True:
            n += 1
            if n > 2:
                raise AssertionError("the reader read past the second goal's line")
            read.append(n)
            yield f"goal: grow Instagram followers to {5000 + n:,} within 6 months"

    entries = iter_entries(endless())
    assert next(entries)[0] == "header"
    kind, goal = next(entries)
    assert kind == "goal"
    assert str(goal["value"]) == "grow Instagram followers to 5,000 within 6 months"
    assert [t["text"] for t in goal["tasks"]] == ["post three reels a week"]
    assert read == [1]                   # the goal was whole once the next goal's line was read
    kind, second = next(entries)
    assert (kind, str(second["value"])) == ("goal", "grow Instagram followers to 5,001 within 6 months")
    assert read == [1, 2]


def test_entries_come_in_reading_order_with_each_goal_when_its_block_ends():
    kinds = [(k, getattr(e, "line", None) or (e["kw"].line if k == "goal" else e["key_span"].line))
             for k, e in iter_entries(iter_lines(TRICKY))]
    assert kinds[:4] == [("suppression", 1), ("suppression", 2), ("header", 3), ("task", 4)]
    # the first goal (line 5) comes after the header and the stray line inside its block
    assert kinds[4:8] == [("suppression", 5), ("header", 8), ("stray", 9), ("goal", 5)]
    assert [line for k, line in kinds if k == "goal"] == [5, 10, 11, 13, 14, 15, 17]


def _entries(text: str, **kw) -> list:
    """(kind, line, goal's tasks' lines or None) of each entry iter_entries yields."""
    out = []
    for kind, e in iter_entries(iter_lines(text), **kw):
        if kind == "goal":
            out.append((kind, e["kw"].line, [t["line"] for t in e["tasks"]]))
        else:
            out.append((kind, getattr(e, "line", None) or e["key_span"].line, None))
    return out


# a brief whose tasks repeat, as briefs' tasks do: an orphan task, the same task text under two goals,
# once more with a comment that is a suppression, and once more after a header line
REPEATED_TASKS = """  task: post three reels a week
goal: grow Instagram followers to 5,000 within 6 months
  task: post three reels a week
  task: post three reels a week
goal: get 300 leads per month within 3 months
  task: post three reels a week
  task: post three reels a week  # smmrules: ignore[T101]
client: Corner Bakery
  task: post three reels a week
"""


def test_a_first_reading_leaves_the_goals_tasks_out_and_reads_everything_else_the_same():
    full = _entries(REPEATED_TASKS)
    assert full == [("task", 1, None), ("goal", 2, [3, 4]), ("suppression", 7, None), ("header", 8, None),
                    ("goal", 5, [6, 7, 9])]
    light = _entries(REPEATED_TASKS, tasks=False)
    assert light == [(k, line, [] if k == "goal" else None) for k, line, _ in full]


def test_a_first_reading_counts_the_task_lines_it_passes_over_against_max_entries():
    from smmrules.base.errors import DocumentLimitError
    for tasks in (True, False):
        with pytest.raises(DocumentLimitError) as caught:
            _entries(REPEATED_TASKS, max_entries=5, tasks=tasks)
        assert (caught.value.line, caught.value.column) == (6, 3)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(goal_documents())
def test_a_first_reading_of_a_generated_brief_is_its_reading_without_the_tasks(doc):
    _, text = doc
    full = _entries(text)
    assert _entries(text, tasks=False) == [(k, line, [] if k == "goal" else None) for k, line, _ in full]


@given(st.lists(st.sampled_from(["a", "b", "", " ", "\r", "\n", "\r\n", "\ufeff", "ж"]), max_size=30))
def test_iter_lines_gives_the_lines_split_lines_gives(parts):
    text = "".join(parts)
    assert list(iter_lines(text)) == _split_lines(text)
    index = LineIndex(text)
    assert len(index) == len(_split_lines(text))
    assert index == tuple(_split_lines(text))
    assert index[1:3] == tuple(_split_lines(text)[1:3])
    assert index[-1] == _split_lines(text)[-1]
    assert index.joined() == "\n".join(_split_lines(text))
    assert pickle.loads(pickle.dumps(index)) == index


def test_parse_document_reads_with_the_streaming_reader():
    doc = parse_document(TRICKY, path="brief.goals")
    assert [g.line for g in doc.goals] == [5, 10, 11, 13, 14, 15, 17]
    assert [t.line for t in doc.goals[0].tasks] == [6]
    assert [t.line for t in doc.orphan_tasks] == [4]
    assert [h.raw_key for h in doc.header] == ["client", "start", "start", "budget"]
    assert [s.line for s in doc.suppressions] == [1, 2, 5, 12, 18]
    assert [s.line for s in doc.stray] == [9]


# -- the findings --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [TRICKY, RUSSIAN, ""])
def test_the_stream_finds_what_lint_finds_in_the_same_order(text):
    whole = _whole(text)
    assert _streamed(text) == whole
    assert _streamed(text, config=Config(select=("D", "L"))) == _whole(text, config=Config(select=("D", "L")))


def test_the_tricky_brief_has_the_findings_it_was_written_for():
    found = [(f.line, f.code) for f in _streamed(TRICKY)]
    for expected in [(2, "L101"), (2, "L102"), (4, "D604"), (5, "L100"), (11, "D606"), (13, "D607"),
                     (14, "E006"), (15, "E005"), (16, "D602"), (17, "D606"), (18, "L100")]:
        assert expected in found
    # the repeat at line 11 has a goal between it and its first copy (line 5, its task on line 6): its fix
    # moves its task to line 7, under the first copy's block
    fix = next(f for f in _streamed(TRICKY) if (f.line, f.code) == (11, "D606")).fix
    assert [(e.line, e.text) for e in fix.edits][0] == (7, "  task: run paid traffic within the agreed budget"
                                                           "  # smmrules: ignore[C1]\n")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(goal_documents())
def test_generated_briefs_stream_to_the_findings_of_lint(doc):
    _, text = doc
    assert _streamed(text) == _whole(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(POOL), max_size=14), st.sampled_from(["\n", "\r\n"]))
def test_briefs_of_lines_in_any_order_stream_to_the_findings_of_lint(lines, ending):
    text = ending.join(lines) + ending
    assert _streamed(text) == _whole(text)


def test_a_document_past_max_entries_is_refused_before_any_finding():
    from smmrules.base.errors import DocumentLimitError
    text = "goal: grow Instagram followers to 5,000 within 6 months\n" * 6
    stream = lint_stream(text, config=Config(max_entries=5))
    with pytest.raises(DocumentLimitError) as caught:
        next(stream)
    assert (caught.value.line, caught.value.column) == (6, 1)


# -- reports -------------------------------------------------------------------------------------------

def _cli(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out


def _reference(paths, fmt: str) -> str:
    """The report of the whole-document path: each file parsed whole, linted with lint(), its lines kept."""
    out = io.StringIO()
    results = []
    for p in paths:
        text = p.read_text(encoding="utf-8")
        results.append(FileResult(str(p), tuple(lint(text, path=str(p), today=SUITE_TODAY)),
                                  tuple(_split_lines(text)), lang=parse_document(text).lang))
    write_report(results, fmt=fmt, out=out, rules=rules_for(None) if fmt == "sarif" else None, lang=None,
                 fail_on="info")
    return out.getvalue()


@pytest.fixture
def briefs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner, "PART", 3)      # several parts a file, even for short briefs
    monkeypatch.setattr(runner, "STREAM_FROM", 0)   # short briefs streamed too (they are linted whole)
    (tmp_path / "a.goals").write_text(TRICKY, encoding="utf-8")
    (tmp_path / "b.goals").write_text(RUSSIAN.replace("\n", "\r\n"), encoding="utf-8")
    (tmp_path / "c.goals").write_text("client: Corner Bakery\n", encoding="utf-8")
    return [tmp_path / "a.goals", tmp_path / "b.goals", tmp_path / "c.goals"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reports_the_stream_as_the_whole_document_path_did(capsys, briefs, fmt):
    code, out = _cli(capsys, "lint", "--no-cache", "--format", fmt, "--fail-on", "info",
                     *[p.name for p in briefs])
    assert code == 1
    assert out == _reference([p.relative_to(briefs[0].parent) for p in briefs], fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_j1_and_j2_write_the_same_report(capsys, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner, "PART", 2)
    monkeypatch.setattr(runner, "STREAM_FROM", 0)
    for i in range(34):                 # enough files for -j 2 to start workers (parallel.in_workers)
        (tmp_path / f"b{i:02}.goals").write_text(TRICKY if i % 2 else RUSSIAN, encoding="utf-8")
    reports = [_cli(capsys, "lint", "--no-cache", "-j", jobs, "--format", fmt, ".") for jobs in ("1", "2")]
    assert reports[0] == reports[1]
    assert reports[0][0] == 1


def test_a_streamed_result_is_stored_in_the_result_cache_and_served_from_it(capsys, briefs, monkeypatch):
    first = _cli(capsys, "lint", "a.goals")

    def not_again(*args, **kwargs):
        raise AssertionError("linted again instead of answered from the result cache")
    monkeypatch.setattr("smmrules.linting.stream.lint_stream", not_again)
    assert _cli(capsys, "lint", "a.goals") == first
    # what is stored: the findings and the lines, which come back as the tuple a FileResult holds
    stored = FileResult("a.goals", tuple(_whole(TRICKY, path="a.goals")), LineIndex(TRICKY), lang="en")
    back = pickle.loads(pickle.dumps(stored))
    assert (back.findings, back.lines) == (stored.findings, tuple(_split_lines(TRICKY)))


def test_parts_count_their_findings_and_their_file_once():
    tally = Tally()
    found = _streamed(TRICKY)
    lines = LineIndex(TRICKY)
    tally.add(FilePart("a.goals", tuple(found[:4]), lines, lang="en"))
    tally.add(FilePart("a.goals", tuple(found[4:8]), lines, lang="en"))
    tally.add(FileResult("a.goals", tuple(found[8:]), lines, lang="en"))
    tally.add(FilePart("b.goals", tuple(found[:1]), lines, lang="en"))
    tally.add(FileResult("b.goals", (), lines, lang="en"))
    tally.add(FileResult("c.goals", (), lines, lang="en"))
    summary = tally.summary()
    assert (summary.files, summary.files_with_findings, summary.findings) == (3, 2, len(found) + 1)


def test_text_reports_each_part_as_it_comes(briefs, monkeypatch):
    monkeypatch.setattr(runner.cache, "enabled", lambda: False)
    parts = list(runner.lint_file_parts("a.goals", Config(), today=SUITE_TODAY))
    assert [p.partial for p in parts] == [True] * (len(parts) - 1) + [False]
    assert len(parts) == len(_whole(TRICKY, path="a.goals")) // 3 + 1
    out = io.StringIO()
    write_report(iter(parts), fmt="text", out=out, rules=None, lang="en")
    whole = io.StringIO()
    write_report([FileResult("a.goals", tuple(_whole(TRICKY, path="a.goals")), tuple(_split_lines(TRICKY)),
                             lang="en")], fmt="text", out=whole, rules=None, lang="en")
    assert out.getvalue() == whole.getvalue()


def test_a_short_file_is_linted_whole_and_a_long_one_streams(tmp_path, monkeypatch):
    """Below STREAM_FROM bytes a .goals file is one FileResult from the whole-document path; at or above
    it the findings come in parts; both are what lint() finds."""
    monkeypatch.setattr(runner.cache, "enabled", lambda: False)
    monkeypatch.setattr(runner, "PART", 3)
    path = tmp_path / "a.goals"
    path.write_text(TRICKY, encoding="utf-8")
    whole = _whole(TRICKY, path=str(path))
    monkeypatch.setattr(runner, "STREAM_FROM", len(TRICKY.encode()) + 1)
    (only,) = runner.lint_file_parts(str(path), Config(), today=SUITE_TODAY)
    assert not only.partial and list(only.findings) == whole
    monkeypatch.setattr(runner, "STREAM_FROM", len(TRICKY.encode()))
    parts = list(runner.lint_file_parts(str(path), Config(), today=SUITE_TODAY))
    assert len(parts) > 1 and [f for p in parts for f in p.findings] == whole


def test_spooled_reports_leave_no_file_behind(capsys, briefs, tmp_path, monkeypatch):
    import tempfile
    spool_dir = tmp_path / "spool"
    spool_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool_dir))
    for fmt in ("sarif", "junit"):
        _cli(capsys, "lint", "--no-cache", "--format", fmt, "a.goals")
    assert list(spool_dir.iterdir()) == []
    shutil.rmtree(spool_dir)
