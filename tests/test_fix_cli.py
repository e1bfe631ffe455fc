"""`smmrules lint --fix / --unsafe-fixes / --diff / --show-fixes` and `smmrules format` on real files:
what is written (atomically, with the file's mode), what is reported after, exit codes, files left alone
(a syntax error, standard input, a file that changed meanwhile), the config's renamed codes."""
from __future__ import annotations

import io
import json
import os
import stat
import sys

import pytest

from smmrules.cli import main
from smmrules.editing.files import WriteError, read_whole, unified_diff, write_atomic

TYPOS = "clent: Meadow Bakery\nstart: 1 February 2026\ngoal: get 300 leads a month by 2026-09\n  task: run paid traffic\n"
TYPOS_FIXED = "client: Meadow Bakery\nstart: 2026-02-01\ngoal: get 300 leads a month by 2026-09\n  task: run paid traffic\n"
CLEAN = "goal: grow Instagram followers from 3,200 to 5,000 by 2026-09\n  task: run a reach campaign\n"
BROKEN = "clent: Meadow Bakery\ngoal: get 300 leads ^ a month by 2026-09\n  task: run paid traffic\n"
STRAY = "goal: get 300 leads a month by 2026-09\n  task: run paid traffic\nask about the budget\n"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "typos.goals").write_text(TYPOS, encoding="utf-8")
    (tmp_path / "briefs" / "clean.goals").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def read(path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


# -- lint --fix ----------------------------------------------------------------------------------------------
def test_fix_writes_the_safe_fixes_and_reports_what_remains(tree, capsys):
    target = tree / "briefs" / "typos.goals"
    os.chmod(target, 0o640)
    inode = os.stat(target).st_ino
    code, out, err = run(capsys, "lint", "--fix", "--today", "2026-01-20", "briefs")
    assert read(target) == TYPOS_FIXED and read(tree / "briefs" / "clean.goals") == CLEAN
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert os.stat(target).st_ino != inode                     # a new file renamed over the old one
    assert sorted(os.listdir(tree / "briefs")) == ["clean.goals", "typos.goals"]    # no temporary file left
    assert (code, err) == (0, "")
    assert out == "All checks passed: 2 files, no findings.\nFixed 2 findings in 1 file.\n"


def test_fix_reports_remaining_findings_with_exit_code_1(tree, capsys):
    (tree / "briefs" / "stray.goals").write_text(STRAY, encoding="utf-8")
    code, out, _ = run(capsys, "lint", "--fix", "-q", "--today", "2026-01-20", "briefs")
    assert (code, out) == (1, "briefs/stray.goals:3:1: D610 [warning] This line is not a header entry, a goal, "
                              "a task or a comment.\n")
    code, out, _ = run(capsys, "lint", "--fix", "--unsafe-fixes", "-q", "--today", "2026-01-20", "briefs")
    assert code == 0 and read(tree / "briefs" / "stray.goals").endswith("\n# ask about the budget\n")


def test_fix_in_json_keeps_stdout_a_json_list(tree, capsys):
    (tree / "briefs" / "stray.goals").write_text(STRAY, encoding="utf-8")
    code, out, err = run(capsys, "lint", "--fix", "--format", "json", "--today", "2026-01-20", "briefs")
    data = json.loads(out)
    assert code == 1 and [d["code"] for d in data] == ["D610"]
    assert data[0]["fix"]["applicability"] == "unsafe"
    assert err == "Fixed 2 findings in 1 file.\n"


def test_a_file_with_a_syntax_error_is_not_written(tree, capsys):
    broken = tree / "briefs" / "broken.goals"
    broken.write_text(BROKEN, encoding="utf-8")
    code, out, _ = run(capsys, "lint", "--fix", "-q", "--today", "2026-01-20", "briefs")
    assert read(broken) == BROKEN and read(tree / "briefs" / "typos.goals") == TYPOS_FIXED
    assert code == 1 and "briefs/broken.goals:1:1: D601" in out and "E001" in out
    # the fix of the syntax error itself is applied (it is unsafe), and then the rest
    run(capsys, "lint", "--fix", "--unsafe-fixes", "--today", "2026-01-20", "briefs")
    assert read(broken) == "client: Meadow Bakery\ngoal: get 300 leads  a month by 2026-09\n  task: run paid traffic\n"


def test_diff_writes_nothing(tree, capsys):
    code, out, err = run(capsys, "lint", "--diff", "--today", "2026-01-20", "briefs")
    assert code == 1 and read(tree / "briefs" / "typos.goals") == TYPOS
    assert out == unified_diff(TYPOS, TYPOS_FIXED, "briefs/typos.goals")
    assert out.startswith("--- briefs/typos.goals\n+++ briefs/typos.goals\n@@ -1,4 +1,4 @@\n-clent: Meadow Bakery\n")
    assert err == "Would fix 2 findings in 1 file.\n"
    code, out, err = run(capsys, "lint", "--diff", "--today", "2026-01-20", "briefs/clean.goals")
    assert (code, out, err) == (0, "", "")


def test_show_fixes_without_fix_lists_them_and_changes_nothing(tree, capsys):
    (tree / "briefs" / "stray.goals").write_text(STRAY, encoding="utf-8")
    code, out, _ = run(capsys, "lint", "--show-fixes", "-q", "--today", "2026-01-20", "briefs")
    assert code == 1 and read(tree / "briefs" / "typos.goals") == TYPOS
    assert out.endswith("Available fixes (2 safe, 1 unsafe):\n"
                        "  briefs/stray.goals:3:1: D610 [unsafe] Turn the line into a comment\n"
                        "  briefs/typos.goals:1:1: D601 [safe] Replace the key with 'client'\n"
                        "  briefs/typos.goals:2:8: D603 [safe] Write the date as 2026-02-01\n")


def test_show_fixes_with_fix_lists_the_applied_ones(tree, capsys):
    code, out, _ = run(capsys, "lint", "--fix", "--show-fixes", "--today", "2026-01-20", "briefs")
    assert code == 0
    assert out.endswith("Applied fixes (2):\n"
                        "  briefs/typos.goals:1:1: D601 Replace the key with 'client'\n"
                        "  briefs/typos.goals:2:8: D603 Write the date as 2026-02-01\n"
                        "Fixed 2 findings in 1 file.\n")


def test_standard_input_is_never_written(tree, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TYPOS.encode())))
    code, _, err = run(capsys, "lint", "--fix", "--today", "2026-01-20", "-")
    assert code == 2 and err == "-: fixes are not written to standard input; --diff shows them\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TYPOS.encode())))
    code, out, _ = run(capsys, "lint", "--diff", "--today", "2026-01-20", "--stdin-filename", "brief.goals", "-")
    assert code == 1 and out == unified_diff(TYPOS, TYPOS_FIXED, "brief.goals")


def test_the_config_s_renamed_codes_are_fixed(tree, capsys):
    config = tree / ".smmrules.toml"
    config.write_text('ignore = ["S104"]\n[levels]\nS105 = "error"  # activity goals block the merge\n',
                      encoding="utf-8")
    code, out, err = run(capsys, "lint", "--diff", "--today", "2026-01-20", "briefs/clean.goals")
    assert code == 1 and out == unified_diff(read(config), 'ignore = ["C101"]\n[levels]\n'
                                             'R404 = "error"  # activity goals block the merge\n', str(config))
    code, out, err = run(capsys, "lint", "--fix", "--today", "2026-01-20", "briefs/clean.goals")
    assert read(config) == 'ignore = ["C101"]\n[levels]\nR404 = "error"  # activity goals block the merge\n'
    assert f"Fixed the renamed rule codes in {config}." in out
    code, out, err = run(capsys, "lint", "--today", "2026-01-20", "briefs/clean.goals")
    assert "is now" not in err                                   # nothing renamed is left to warn about


def test_write_atomic_keeps_the_mode_follows_links_and_refuses_a_changed_file(tmp_path):
    target = tmp_path / "a.goals"
    target.write_text("goal: x\n", encoding="utf-8")
    os.chmod(target, 0o600)
    link = tmp_path / "link.goals"
    link.symlink_to(target)
    text, error, stamp = read_whole(str(link), 1000)
    assert (text, error) == ("goal: x\n", None)
    write_atomic(str(link), "goal: y\n", stamp)
    assert link.is_symlink() and read(target) == "goal: y\n" and stat.S_IMODE(os.stat(target).st_mode) == 0o600
    _, _, stamp = read_whole(str(target), 1000)
    target.write_text("goal: changed by someone else\n", encoding="utf-8")
    with pytest.raises(WriteError, match="changed while it was being fixed"):
        write_atomic(str(target), "goal: z\n", stamp)
    assert read(target) == "goal: changed by someone else\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.goals", "link.goals"]


def test_a_file_over_the_size_limit_is_not_fixed(tree, capsys):
    (tree / ".smmrules.toml").write_text("max-file-size = 40\n", encoding="utf-8")
    code, _, err = run(capsys, "lint", "--fix", "--today", "2026-01-20", "briefs/typos.goals")
    assert code == 2 and "max-file-size" in err and read(tree / "briefs" / "typos.goals") == TYPOS


# -- format -----------------------------------------------------------------------------------------------------
MESSY = "Client:   Meadow Bakery  \r\n\r\n\r\nGOAL: get 300 leads a month by 2026-09   # smmrules: ignore[T101]\r\n" \
        "\r\n task:  run paid traffic\r\nЦіль: x\r\n"
MESSY_FORMATTED = "client: Meadow Bakery\r\n\r\ngoal: get 300 leads a month by 2026-09  # smmrules: ignore[T101]\r\n" \
                  "  task: run paid traffic\r\n\r\ngoal: x\r\n"


def test_format_rewrites_in_place_keeping_the_mode(tree, capsys):
    target = tree / "briefs" / "messy.goals"
    target.write_bytes(MESSY.encode())
    os.chmod(target, 0o604)
    code, out, err = run(capsys, "format", "briefs")
    assert (code, err) == (0, "") and out == "2 files reformatted, 1 file left unchanged.\n"
    assert read(target) == MESSY_FORMATTED and stat.S_IMODE(os.stat(target).st_mode) == 0o604
    code, out, _ = run(capsys, "format", "--check", "briefs")
    assert (code, out) == (0, "3 files already formatted.\n")


def test_format_check_and_diff_write_nothing(tree, capsys):
    target = tree / "briefs" / "messy.goals"
    target.write_bytes(MESSY.encode())
    code, out, _ = run(capsys, "format", "--check", "briefs")
    assert code == 1 and out == ("Would reformat: briefs/messy.goals\nWould reformat: briefs/typos.goals\n"
                                 "2 files would be reformatted, 1 file already formatted.\n")
    code, out, _ = run(capsys, "format", "--diff", "briefs/messy.goals")
    assert code == 1 and out == unified_diff(MESSY, MESSY_FORMATTED, "briefs/messy.goals")
    assert read(target) == MESSY


def test_format_leaves_a_document_with_a_syntax_error_alone(tree, capsys):
    broken = tree / "briefs" / "broken.goals"
    broken.write_text("Goal: get 300 leads ^ a month\n", encoding="utf-8")
    code, out, err = run(capsys, "format", "briefs")
    assert code == 2 and read(broken) == "Goal: get 300 leads ^ a month\n"
    assert err == ("briefs/broken.goals:1:21: not formatted: E001 unexpected character '^': a goal statement is "
                   "words, numbers and dates (a goal that does not parse is left as it is written)\n")


def test_format_reads_standard_input_and_writes_standard_output(tree, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("ЦЕЛЬ: получать 300 заявок в месяц\n"
                                                                  "ЗАДАЧА: запустить таргет\n".encode())))
    code, out, err = run(capsys, "format", "-")
    assert (code, out, err) == (0, "цель: получать 300 заявок в месяц\n  задача: запустить таргет\n", "")


MESSY_MD = "# Brief\n\n## Goals\n\n-   GOAL:   get 300 leads a month by 2026-09\n"
MESSY_CSV = "goal,deadline\nget 300 leads a month,2026-09\n"


def test_format_leaves_markdown_briefs_and_spreadsheets_as_written(tree, capsys):
    """Only .goals documents have a canonical layout: a Markdown brief's or a spreadsheet's layout is
    its author's, so format neither rewrites nor reports them as formatted."""
    (tree / "briefs" / "brief.md").write_text(MESSY_MD, encoding="utf-8")
    (tree / "briefs" / "kpi.csv").write_text(MESSY_CSV, encoding="utf-8")
    code, out, err = run(capsys, "format", "briefs/brief.md", "briefs/kpi.csv", "briefs/typos.goals")
    assert (code, err) == (0, "")
    assert out == "1 file reformatted, 2 files skipped (only .goals documents have a canonical layout).\n"
    assert read(tree / "briefs" / "brief.md") == MESSY_MD and read(tree / "briefs" / "kpi.csv") == MESSY_CSV
    code, out, _ = run(capsys, "format", "--check", "briefs/brief.md")
    assert (code, out) == (0, "1 file skipped (only .goals documents have a canonical layout).\n")


def test_format_of_markdown_on_standard_input_gives_it_back_unchanged(tree, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MESSY_MD.encode())))
    code, out, err = run(capsys, "format", "--stdin-filename", "brief.md", "-")
    assert (code, out, err) == (0, MESSY_MD, "")


def test_format_of_a_missing_path_is_an_error_line(tree, capsys):
    code, out, err = run(capsys, "format", "nothing.goals")
    assert code == 2 and err == "nothing.goals: no such file or directory\n"


def test_a_new_file_is_written_with_the_umask_permissions(tmp_path):
    """The atomic writer also makes a file that is not there yet (the report's -o), as open() would."""
    import os
    from smmrules.editing.files import write_atomic
    umask = os.umask(0o027)
    try:
        target = tmp_path / "new.html"
        write_atomic(str(target), "<p>ok</p>\n")
        assert target.read_text(encoding="utf-8") == "<p>ok</p>\n"
        assert (target.stat().st_mode & 0o777) == 0o640
        assert [p.name for p in tmp_path.iterdir()] == ["new.html"]
    finally:
        os.umask(umask)
