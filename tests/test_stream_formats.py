"""Markdown briefs and CSV/TSV exports linted as a stream, as .goals files are (issue 18): the readers hand
on their entries as they read (a brief parsed in pieces cut where CommonMark cannot read what follows
otherwise, a sheet a record at a time), the report is byte for byte the whole-document path's in every
format with -j 1 and -j 2, a long file's result is stored in the result cache in parts as it is reported
(and the parts are authenticated one by one: damaged, cut or half-written entries are misses), and
smmrules.lint_iter gives lint()'s findings as they are made."""
from __future__ import annotations

import io
import itertools
import os
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import csv_briefs, markdown_block_soups, markdown_briefs
from suitedate import SUITE_TODAY
from smmrules import lint, lint_iter
from smmrules.base import cache
from smmrules.cli import main
from smmrules.documents import markdown as md
from smmrules.documents.goals import _split_lines, build_document
from smmrules.documents.sheets import ReadError, iter_sheet, records, records_of_lines
from smmrules.documents.tables import NotADocument, gathered
from smmrules.linting import runner, stream
from smmrules.linting.config import Config
from smmrules.linting.pipeline import read_text_document, rules_for
from smmrules.linting.results import FileResult
from smmrules.reporters import FORMATS, write_report

SOME = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

BRIEF = """# Brief for Meadow Bakery

- **Client:** Meadow Bakery
- **Start:** 2026-02-01

## Goals

- grow Instagram followers from 3,200 to 5,000 by 2026-09-30
  - Task: post three reels a week
- increase sales <!-- smmrules: ignore[T101] -->
- get more reviews
<!-- smmrules: ignore[S105] -->
- reach 2,000 newsletter subscribers by June
"""

SHEET = ("Client;Meadow Bakery\n"
         "Goal;Tasks;Notes\n"
         "grow Instagram followers to 5,000 by 2026-09-30;post three reels a week;\n"
         "increase sales;;smmrules: ignore[T101]\n"
         "\"get more\nreviews\";reply to every review;\n")


def _doc(text: str, piece_lines: int):
    lines = _split_lines(text)
    try:
        entries = gathered(md.iter_markdown(lines, piece_lines=piece_lines), 100_000, lines)
    except NotADocument as exc:
        return exc.why
    return repr(build_document(entries, lines, path="a.md", today=SUITE_TODAY, format="markdown"))


# -- Markdown in pieces -----------------------------------------------------------------------------------

def test_a_list_is_cut_between_its_items_and_a_heading_starts_a_piece():
    text = "## Goals\n- a\n- b\n  - task\n- c\n# Tasks\ntext\n\n2. d\n"
    pieces = [w.lines for w, _, _ in md._pieces_of(iter(_split_lines(text)), 1)]
    assert pieces == [["## Goals", "- a"], ["- b", "  - task"], ["- c"], ["# Tasks", "text", ""], ["2. d", ""]]


@pytest.mark.parametrize("text", [
    "```\n- a\n\n- b\n```\n- c",                    # inside a fence
    "para\n2. not an item\n3. nor this",            # a numbered line from 2 goes on with the paragraph
    "| Goal | Deadline |\n|---|---|\n- a row\n- another",    # a table takes in any line up to a blank one
    "<div>\n- a\n- b\n# inside the block",          # an HTML block of kind 6 as well
    "<!--\n\n- a\n\n# b\n-->",                      # a comment goes on over blank lines
    "- a\nlazy\n- b",                               # after a lazy line it cannot tell: no cut
    "- - -\n  ```\n\n```goals",                     # a thematic break is no list: the fence is not in an item
])
def test_no_cut_where_what_comes_before_could_take_the_line_in(text):
    pieces = [w.lines for w, _, _ in md._pieces_of(iter(_split_lines(text)), 1)]
    assert pieces == [_split_lines(text)]


@SOME
@given(st.one_of(markdown_block_soups(), markdown_briefs().map(lambda b: b[1])))
def test_a_brief_read_in_pieces_of_one_line_is_the_brief_read_whole(text):
    assert _doc(text, 1) == _doc(text, 10**9)


def test_a_cut_before_the_line_a_lone_comment_is_about_keeps_it_about_that_line():
    text = "## Goals\n- grow sales by 10% by 2026-12\n<!-- smmrules: ignore[T101] -->\n\n- get more reviews\n"
    pieces = [w.lines for w, _, _ in md._pieces_of(iter(_split_lines(text)), 1)]
    assert pieces == [["## Goals", "- grow sales by 10% by 2026-12", "<!-- smmrules: ignore[T101] -->", ""],
                      ["- get more reviews", ""]]
    whole, cut = _doc(text, 10**9), _doc(text, 1)
    assert whole == cut and "Suppression(line=5, codes=('T101',)" in cut


# -- CSV a record at a time ---------------------------------------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='ab,;"\n\r\t ', max_size=24), st.sampled_from([",", ";", "\t"]), st.booleans())
def test_records_read_a_line_at_a_time_are_the_records_of_the_text(text, delimiter, quoting):
    lines = _split_lines(text)

    def read(records_of):
        try:
            return list(records_of())
        except ReadError as exc:
            return exc.message, exc.line, exc.column
    assert read(lambda: records_of_lines(iter(lines), delimiter, quoting)) == \
        read(lambda: records("\n".join(lines), delimiter, quoting))


# -- lazy readers -------------------------------------------------------------------------------------------

class _Endless:
    """An endless iterator of lines that counts how many have been taken."""

    def __init__(self, head: list, line: str):
        self.lines = itertools.chain(head, (line.format(i) for i in itertools.count(1)))
        self.taken = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.taken += 1
        return next(self.lines)


def test_the_markdown_reader_yields_the_first_goal_before_reading_the_rest_of_an_endless_brief():
    lines = _Endless(["## Goals"], "- grow followers to {},000 by 2026-09-30")
    entries = md.iter_markdown(lines, piece_lines=8)
    kind, goal = next(entries)
    # a piece of 8 lines, cut before the 9th; its goals but the last (which a task may follow) come out
    assert (kind, str(goal["value"]), lines.taken) == ("goal", "grow followers to 1,000 by 2026-09-30", 9)
    assert [str(g["value"]) for _, g in itertools.islice(entries, 5)][-1] == "grow followers to 6,000 by 2026-09-30"


def test_the_sheet_reader_yields_the_first_goal_before_reading_the_rest_of_an_endless_sheet():
    lines = _Endless(["Client,Meadow Bakery", "Goal,Tasks"], "grow followers to {}000 by 2026-09-30,post reels")
    entries = iter_sheet(lines, ",")
    assert next(entries)[0] == "header"
    kind, goal = next(entries)
    assert (kind, str(goal["value"]), goal["tasks"][0]["text"], lines.taken) == \
        ("goal", "grow followers to 1000 by 2026-09-30", "post reels", 3)


# -- the stream finds what lint finds -------------------------------------------------------------------------

@SOME
@given(st.one_of(markdown_briefs().map(lambda b: (b[1], "brief.md")),
                 csv_briefs().map(lambda b: (b[1], "goals" + b[2]))), st.sampled_from([1, 3, 512]))
def test_generated_briefs_and_sheets_stream_to_the_findings_of_lint(brief, piece_lines):
    text, path = brief
    whole = lint(text, path=path, today=SUITE_TODAY)
    saved = md.PIECE_LINES
    md.PIECE_LINES = piece_lines
    try:
        assert list(lint_iter(text, path=path, today=SUITE_TODAY)) == whole
    finally:
        md.PIECE_LINES = saved


def test_lint_iter_gives_lint_findings_for_every_reader_and_refuses_what_lint_refuses():
    for text, path in ((BRIEF, "a.md"), (SHEET, "a.csv"), (SHEET.replace(";", "\t"), "a.tsv"),
                       ("goal: increase sales\n  task: post reels\n", "a.goals")):
        found = list(lint_iter(text, path=path, today=SUITE_TODAY))
        assert found == lint(text, path=path, today=SUITE_TODAY) and len(found) >= 3
    assert list(lint_iter("# Notes\n\nnothing here\n", path="notes.md")) == []
    with pytest.raises(ReadError, match="binary file"):
        next(lint_iter("## Goals\x00", path="a.md"))
    with pytest.raises(TypeError):
        lint_iter(b"goal: x", path="a.md")


# -- reports, -j 1 and -j 2 ---------------------------------------------------------------------------------------

def _reference(names, texts, fmt: str) -> str:
    """The report of the whole-document path: each file read whole, linted with lint(), its lines kept."""
    out = io.StringIO()
    results = []
    for name, text in zip(names, texts):
        doc = read_text_document(text, name, None, SUITE_TODAY)
        results.append(FileResult(name, tuple(lint(text, path=name, today=SUITE_TODAY)), tuple(_split_lines(text)),
                                  lang=doc.lang))
    write_report(results, fmt=fmt, out=out, rules=rules_for(None) if fmt == "sarif" else None, lang=None,
                 fail_on="info")
    return out.getvalue()


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(markdown_briefs(), min_size=1, max_size=3), st.lists(csv_briefs(), min_size=1, max_size=3),
       st.sampled_from(FORMATS))
def test_every_format_with_j1_and_j2_reports_the_stream_as_the_whole_path_did(capsys, tmp_path_factory, briefs, sheets,
                                                                              fmt):
    folder = tmp_path_factory.mktemp("briefs")
    names, texts = [], []
    for i in range(34):                 # enough files for -j 2 to start workers (parallel.in_workers)
        if i % 2:
            _, text = briefs[i % len(briefs)]
            name = f"b{i:02}.md"
        else:
            _, text, suffix = sheets[i % len(sheets)]
            name = f"b{i:02}{suffix}"
        (folder / name).write_bytes(text.encode("utf-8"))
        names.append(name)
        texts.append(text)
    expected = _reference(names, texts, fmt)
    saved = (runner.PART, runner.STREAM_FROM, os.getcwd())
    runner.PART, runner.STREAM_FROM = 3, 0          # several parts a file, and every file streamed
    os.chdir(folder)
    try:
        for jobs in ("1", "2"):
            capsys.readouterr()
            code = main(["lint", "--no-cache", "-j", jobs, "--format", fmt, "--fail-on", "info", *names])
            out = capsys.readouterr()
            assert "Traceback" not in out.err
            assert (code, out.out) == (1, expected), f"-j {jobs}"
    finally:
        runner.PART, runner.STREAM_FROM = saved[:2]
        os.chdir(saved[2])


def test_a_worker_hands_a_streamed_file_back_a_part_at_a_time_and_leaves_no_file(tmp_path, monkeypatch):
    from smmrules.linting import parallel
    monkeypatch.setattr(runner, "PART", 2)
    monkeypatch.setattr(runner, "STREAM_FROM", 0)
    monkeypatch.setattr(runner.cache, "enabled", lambda: False)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    path = tmp_path / "brief.md"
    path.write_text(BRIEF, encoding="utf-8")
    (spooled,) = parallel._worker(([str(path)], Config(), SUITE_TODAY, True, True))
    assert type(spooled) is parallel._Spooled and os.path.exists(spooled.name)
    back = list(parallel._unspooled(spooled))
    made = list(runner.lint_file_parts(str(path), Config(), today=SUITE_TODAY))
    assert [(r.partial, r.findings, tuple(r.lines), r.lang) for r in back] == \
        [(r.partial, r.findings, tuple(r.lines), r.lang) for r in made]
    assert len(back) > 2 and sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]


# -- the result cache in parts ------------------------------------------------------------------------------

@pytest.fixture
def parts_cache(tmp_path, monkeypatch):
    """A private cache folder and key; the files linted as a stream in parts of 2 findings."""
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("SMMRULES_NO_CACHE", raising=False)
    monkeypatch.setattr(runner, "PART", 2)
    monkeypatch.setattr(runner, "STREAM_FROM", 0)
    cache.forget()
    (tmp_path / "brief.md").write_text(BRIEF, encoding="utf-8")
    (tmp_path / "goals.csv").write_text(SHEET, encoding="utf-8")
    yield tmp_path
    cache.forget()


def _shown(results) -> list:
    return [(r.partial, r.findings, tuple(r.lines), r.lang, r.notes, r.error) for r in results]


def _entry(folder) -> tuple:
    (entry,) = (folder / "cache").glob("result-*.pickle")
    digest = runner._result_key(str(folder / "brief.md"), (folder / "brief.md").read_bytes(), Config(), SUITE_TODAY)
    assert entry.name == cache._name("result", digest)
    return entry, digest


@pytest.mark.parametrize("name", ["brief.md", "goals.csv"])
def test_a_streamed_result_is_stored_in_parts_and_served_a_part_at_a_time(parts_cache, monkeypatch, name):
    path = str(parts_cache / name)
    cold = list(runner.lint_file_parts(path, Config(), today=SUITE_TODAY))
    (entry,) = (parts_cache / "cache").glob("result-*.pickle")
    assert entry.read_bytes().startswith(cache._PARTS_MAGIC) and len(cold) > 2

    def not_again(*args, **kwargs):
        raise AssertionError("linted again instead of answered from the result cache")
    monkeypatch.setattr(stream, "lint_entries", not_again)
    warm = list(runner.lint_file_parts(path, Config(), today=SUITE_TODAY))
    assert _shown(warm) == _shown(cold)
    # the whole path (lint_file, a -j warm run without a stream) reads the same entry into one result
    whole = runner.lint_file(path, Config(), today=SUITE_TODAY)
    assert (whole.partial, whole.findings, whole.lines) == (False, tuple(f for r in cold for f in r.findings),
                                                            tuple(cold[-1].lines))


def test_every_record_of_an_entry_in_parts_is_authenticated(parts_cache):
    list(runner.lint_file_parts(str(parts_cache / "brief.md"), Config(), today=SUITE_TODAY))
    entry, digest = _entry(parts_cache)
    good = entry.read_bytes()
    assert cache.load_parts("result", digest) is not None
    damaged = []
    for k in range(0, len(good) * 8, 61):         # a bit flipped every 61 bits: magic, lengths, MACs, pickles
        flipped = bytearray(good)
        flipped[k // 8] ^= 1 << (k % 8)
        damaged.append(bytes(flipped))
    damaged += [good[:n] for n in range(0, len(good), 97)] + [good[:-1], good + b"\0"]   # cut short, or longer
    for data in damaged:
        entry.write_bytes(data)
        assert cache.load_parts("result", digest) is None
        assert runner.cached_result(str(parts_cache / "brief.md"), digest) is None
    entry.write_bytes(good)
    assert len(list(cache.load_parts("result", digest))) > 3


def test_a_record_of_another_entry_or_another_place_is_refused(parts_cache):
    list(runner.lint_file_parts(str(parts_cache / "brief.md"), Config(), today=SUITE_TODAY))
    entry, digest = _entry(parts_cache)
    good = entry.read_bytes()
    other = "0" * 64
    (parts_cache / "cache" / cache._name("result", other)).write_bytes(good)       # moved to another name
    assert cache.load_parts("result", other) is None
    # two records swapped, and the first record dropped (each MAC holds its index; the end holds the count)
    start = len(cache._PARTS_MAGIC)
    records, at = [], start
    while True:
        size = int.from_bytes(good[at:at + cache._LEN], "big")
        if size == 0:
            break
        records.append(good[at:at + cache._LEN + cache._TAG + size])
        at += cache._LEN + cache._TAG + size
    end = good[at:]
    for order in ([records[1], records[0], *records[2:]], records[1:]):
        entry.write_bytes(good[:start] + b"".join(order) + end)
        assert cache.load_parts("result", digest) is None


def test_a_planted_pickle_in_an_entry_in_parts_is_never_run(parts_cache):
    list(runner.lint_file_parts(str(parts_cache / "brief.md"), Config(), today=SUITE_TODAY))
    entry, digest = _entry(parts_cache)
    marker = parts_cache / "pwned"

    class Evil:
        def __reduce__(self):
            return open, (str(marker), "w")
    evil = pickle.dumps(Evil(), protocol=5)
    record = len(evil).to_bytes(cache._LEN, "big") + bytes(cache._TAG) + evil
    entry.write_bytes(cache._PARTS_MAGIC + record + bytes(cache._LEN + cache._TAG))
    assert cache.load_parts("result", digest) is None
    assert list(runner.lint_file_parts(str(parts_cache / "brief.md"), Config(), today=SUITE_TODAY))
    assert not marker.exists()


def test_a_half_written_entry_never_carries_the_entry_name(parts_cache):
    writer = cache.store_parts("result", "1" * 64)
    writer.add(("text", "goal: x"))
    writer.add(("head", "a.goals", "en", ()))
    folder = parts_cache / "cache"
    assert not (folder / cache._name("result", "1" * 64)).exists()
    assert cache.load_parts("result", "1" * 64) is None
    (tmp,) = folder.glob(".result-*.tmp")
    assert tmp.name in (folder / cache.MANIFEST).read_text()       # listed, so `cache clean` removes it
    writer.discard()
    assert not tmp.exists() and not list(folder.glob("result-*"))
    # a stream stopped by an error stores nothing either
    (parts_cache / "bad.md").write_text(BRIEF, encoding="utf-8")

    saved = stream.lint_entries

    def broken(*args, **kwargs):
        yield from saved(*args, **kwargs)
        raise RuntimeError("stopped")
    stream.lint_entries = broken
    try:
        results = list(runner.lint_file_parts(str(parts_cache / "bad.md"), Config(), today=SUITE_TODAY))
    finally:
        stream.lint_entries = saved
    assert "internal error" in results[-1].error and not list(folder.glob("result-*")) \
        and not list(folder.glob(".result-*.tmp"))


def test_a_streamed_file_answered_from_its_parts_loads_neither_the_parser_nor_the_readers(parts_cache):
    """The warm run of a long brief reads its entry in parts without markdown-it, attrs, the AST or the rules."""
    import subprocess
    import sys
    script = ("import sys\nfrom smmrules.linting import runner\nrunner.STREAM_FROM, runner.PART = 0, 2\n"
              "from smmrules.cli import main\ncode = main(['lint', '--format', 'json', 'brief.md'])\n"
              "heavy = ('attr', 'markdown_it', 'smmrules.documents.markdown', 'smmrules.language.ast',\n"
              "         'smmrules.language.parse', 'smmrules.rules.engine')\n"
              "print(code, sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n")
    runs = [subprocess.run([sys.executable, "-c", script], cwd=parts_cache, env=dict(os.environ), capture_output=True,
                           text=True, timeout=300) for _ in range(2)]
    assert runs[0].stderr.splitlines()[-1].startswith("1 ['attr', 'markdown_it', 'smmrules.documents.markdown'")
    assert runs[1].stderr.splitlines()[-1] == "1 []"
    assert runs[1].stdout == runs[0].stdout and runs[0].stdout.count('"code"') > 3


def test_a_streamed_sheet_says_what_the_whole_path_says_about_its_bytes(tmp_path, monkeypatch):
    """A quote that never closes is the file's one error line, before any finding; a sheet in Windows-1251
    gets its note; a Markdown file that is no brief is skipped: as lint_file says of the same file."""
    monkeypatch.setattr(runner, "STREAM_FROM", 0)
    monkeypatch.setattr(runner.cache, "enabled", lambda: False)
    russian = "Клиент;Кофейня Зерно\nЦель;Задачи\nувеличить продажи на 15% до 2026-12;запустить таргет\n"
    files = {"open.csv": b'Goal,Target\n"never closes\n', "cp.csv": russian.encode("cp1251"),
             "readme.md": b"# Tools\n\nHow we work.\n" * 3}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        path = str(tmp_path / name)
        streamed = list(runner.lint_file_parts(path, Config(), today=SUITE_TODAY))
        whole = runner.lint_file(path, Config(), today=SUITE_TODAY)
        assert [f for r in streamed for f in r.findings] == list(whole.findings)
        last = streamed[-1]
        assert (last.error, last.skipped, last.notes, last.lang, tuple(last.lines or ())) == \
            (whole.error, whole.skipped, whole.notes, whole.lang, tuple(whole.lines or ()))
    assert streamed[-1].skipped and len(streamed) == 1
    assert runner.lint_file(str(tmp_path / "open.csv"), Config()).error.endswith(
        "open.csv:2:1: this quote never closes: the rest of the file would be one cell")
    assert "Windows-1251" in runner.lint_file(str(tmp_path / "cp.csv"), Config(), today=SUITE_TODAY).notes[0]
