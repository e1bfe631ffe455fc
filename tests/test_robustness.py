"""Bad input to `smmrules lint`: every problem file gets one clear line on stderr
naming it (with line:column where that applies) and exit code 2, every other file on the command line
is still linted and reported, nothing ever prints a traceback, and lint never writes to what it reads."""
from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from smmrules.linting import runner
from smmrules.cli import main

GOOD = "goal: get more followers\n"                 # D605, M203, T101
GOOD_CODES = {"D605", "M203", "T101"}
# The built-in codes these tests look at: the working folder's config selects only these, so a rule
# added to the catalogue changes none of the expectations here (what they test is the handling of input).
PINNED = 'select = ["A301", "D601", "D603", "D605", "D608", "D610", "E007", "M201", "M203", "S103", "T101"]\n'
MULTILINE = """\
# Бриф: доставка, Харьков
client: Acme
bugdet: 900 GBP/month
start: 2026-01-15

goal: get more followers
цель: повысить узнаваемость магазина   # smmrules: ignore[T101]
  task: run an ad campaign with the Reach objective
ціль: збільшити продажі на 20% до 2025-06
\tgoal: reach ERR 120% by 2026-06
"""


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".smmrules.toml").write_text(PINNED, encoding="utf-8")
    (tmp_path / "good.goals").write_text(GOOD, encoding="utf-8")
    (tmp_path / "also-good.goals").write_text(GOOD, encoding="utf-8")
    return tmp_path


def lint(capsys, *argv):
    code = main(["lint", *map(str, argv)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "Traceback" not in captured.out
    return code, captured.out, captured.err


def json_paths(out: str) -> dict[str, set[str]]:
    by_path: dict[str, set[str]] = {}
    for f in json.loads(out):
        by_path.setdefault(f["path"], set()).add(f["code"])
    return by_path


def assert_bad_input(capsys, bad: str, expected_error: str):
    """`bad` between two good files: exit 2, exactly `expected_error` on stderr, both good files reported."""
    for fmt in ("json", "text"):
        code, out, err = lint(capsys, "good.goals", bad, "also-good.goals", "--format", fmt)
        assert code == 2
        assert err == expected_error + "\n"
        if fmt == "json":
            assert json_paths(out) == {"good.goals": GOOD_CODES, "also-good.goals": GOOD_CODES}
        else:
            assert "good.goals:1:7: T101 [warning]" in out and "also-good.goals:1:7: T101 [warning]" in out
            assert out.splitlines()[-1] == "Found 6 findings (4 warnings, 2 info) in 2 files; 1 file could not be linted."


# -- each bad input on its own ---------------------------------------------------------------------
def test_missing_file(workdir, capsys):
    assert_bad_input(capsys, "nowhere.goals", "nowhere.goals: no such file or directory")


def test_directory_without_goals_files(workdir, capsys):
    (workdir / "notes").mkdir()
    (workdir / "notes" / "readme.txt").write_text("goal: not a goals file\n", encoding="utf-8")
    assert_bad_input(capsys, "notes", "notes: no files matching *.goals in this directory")


def test_binary_file(workdir, capsys):
    (workdir / "image.goals").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert_bad_input(capsys, "image.goals", "image.goals: binary file (contains NUL bytes), not a goal document")


def test_invalid_utf8_names_line_and_column(workdir, capsys):
    # line 3; the bad byte follows "цель: ещё " (10 characters, 17 bytes): column 11, counted in characters
    data = "client: Acme\n\nцель: ещё ".encode("utf-8") + b"\xff" + " продажи\n".encode("utf-8")
    (workdir / "latin1.goals").write_bytes(data)
    assert_bad_input(capsys, "latin1.goals",
                     "latin1.goals:3:11: not valid UTF-8 (byte 0xff); save the file as UTF-8")
    # a Latin-1 file on the first line, after a BOM: the BOM is not a column
    (workdir / "bom.goals").write_bytes(b"\xef\xbb\xbfgoal: caf\xe9 sales\n")
    assert_bad_input(capsys, "bom.goals", "bom.goals:1:10: not valid UTF-8 (byte 0xe9); save the file as UTF-8")


def test_huge_file_is_refused_without_reading_it(workdir, capsys, monkeypatch):
    chunk = (GOOD * 4096).encode("utf-8")
    with open(workdir / "huge.goals", "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    size = (workdir / "huge.goals").stat().st_size
    assert size >= 50 * 1024 * 1024
    opened = []
    real_open = open

    def spy(path, *args, **kwargs):
        opened.append(os.path.basename(str(path)))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(runner, "open", spy, raising=False)
    assert_bad_input(capsys, "huge.goals",
                     f"huge.goals: file is {size:,} bytes; the limit is 5,000,000 (max-file-size)")
    assert "huge.goals" not in opened                   # refused from its size alone
    assert opened.count("good.goals") == 2              # (once per format) the others were read


def test_max_file_size_from_config(workdir, capsys):
    (workdir / ".smmrules.toml").write_text(PINNED + "max-file-size = 100\n", encoding="utf-8")
    (workdir / "long.goals").write_text(GOOD * 10, encoding="utf-8")
    assert_bad_input(capsys, "long.goals", "long.goals: file is 250 bytes; the limit is 100 (max-file-size)")


def test_huge_stdin_is_refused(workdir):
    proc = subprocess.run([sys.executable, "-m", "smmrules", "lint", "good.goals", "-", "--format", "json"],
                          cwd=workdir, input=b"x" * 6_000_000, capture_output=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.decode() == "-: input is more than 5,000,000 bytes; the limit is 5,000,000 (max-file-size)\n"
    assert json_paths(proc.stdout.decode()) == {"good.goals": GOOD_CODES}


def test_closed_stdin(workdir):
    proc = subprocess.run([sys.executable, "-m", "smmrules", "lint", "-", "good.goals", "-q"], cwd=workdir,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
                          preexec_fn=lambda: os.close(0))
    assert proc.returncode == 2
    assert proc.stderr == "-: cannot read standard input: it is closed\n"
    assert "good.goals:1:7: T101" in proc.stdout


def test_one_megabyte_line_gives_e007(workdir, capsys):
    (workdir / "long.goals").write_text("goal: " + "grow followers by 20% " * 48_000 + "\n"
                                        "goal: increase monthly sales 20% within 6 months\n", encoding="utf-8")
    assert (workdir / "long.goals").stat().st_size > 1_000_000
    code, out, err = lint(capsys, "good.goals", "long.goals", "--format", "json")
    assert (code, err) == (1, "")
    findings = json.loads(out)
    e007 = [f for f in findings if f["code"] == "E007"]
    assert [(f["path"], f["line"], f["column"], f["level"]) for f in e007] == [("long.goals", 1, 7, "error")]
    assert {f["path"] for f in findings} == {"good.goals", "long.goals"}
    assert any(f["path"] == "long.goals" and f["line"] == 2 for f in findings)    # the next goal is checked


@pytest.mark.parametrize("line", [
    "x" * 1_000_000,                                         # stray text
    "baseline: " + "followers 3200; " * 65_000,              # a header value read item by item
    "start: " + "2026-01-15 " * 95_000,
    "goal: get more followers # " + "c" * 1_000_000,         # an end-of-line comment
])
def test_other_one_megabyte_lines_do_not_hang(workdir, capsys, line):
    (workdir / "long.goals").write_text(line + "\n", encoding="utf-8")
    code, out, err = lint(capsys, "long.goals", "good.goals", "--format", "json")
    assert err == "" and code == 1
    by_path = json_paths(out)
    assert by_path["good.goals"] == GOOD_CODES and by_path["long.goals"]
    assert all(len(f["message"]) < 2_000 for f in json.loads(out))


def test_unreadable_file(workdir, capsys):
    locked = workdir / "locked.goals"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            # root reads any file whatever its mode: then it is simply linted like the others
            code, out, err = lint(capsys, "good.goals", "locked.goals", "--format", "json")
            assert (code, err) == (1, "")
            assert json_paths(out) == {"good.goals": GOOD_CODES, "locked.goals": GOOD_CODES}
        else:
            assert_bad_input(capsys, "locked.goals", "locked.goals: permission denied")
    finally:
        locked.chmod(0o644)


def test_unreadable_path_even_for_root(workdir, capsys):
    # a socket named like a goal document cannot be opened as a file by anyone
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind("socket.goals")
        code, out, err = lint(capsys, "good.goals", "socket.goals", "also-good.goals", "--format", "json")
        assert code == 2
        assert err == "socket.goals: not a regular file\n" and len(err.splitlines()) == 1
        assert json_paths(out) == {"good.goals": GOOD_CODES, "also-good.goals": GOOD_CODES}
    finally:
        sock.close()


def test_broken_symlink(workdir, capsys):
    os.symlink("gone.goals", workdir / "link.goals")
    assert_bad_input(capsys, "link.goals", "link.goals: broken symbolic link (its target 'gone.goals' does not exist)")


def test_a_path_that_is_a_directory_named_goals(workdir, capsys):
    (workdir / "plans.goals").mkdir()
    (workdir / "plans.goals" / "q1.goals").write_text(GOOD, encoding="utf-8")
    code, out, err = lint(capsys, "plans.goals", "--format", "json")
    assert (code, err) == (1, "")
    assert json_paths(out) == {"plans.goals/q1.goals": GOOD_CODES}


# -- all of them at once, and inside a directory ---------------------------------------------------
def test_every_bad_input_on_one_command_line(workdir, capsys):
    (workdir / "empty").mkdir()
    (workdir / "bin.goals").write_bytes(b"goal: \x00\x01\x02")
    (workdir / "cp1251.goals").write_bytes("цель: рост".encode("cp1251"))
    os.symlink("gone.goals", workdir / "link.goals")
    with open(workdir / "big.goals", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    argv = ["good.goals", "missing.goals", "empty", "bin.goals", "cp1251.goals", "link.goals", "big.goals",
            "also-good.goals"]
    code, out, err = lint(capsys, *argv, "--format", "json")
    assert code == 2
    assert err.splitlines() == [
        "missing.goals: no such file or directory",
        "empty: no files matching *.goals in this directory",
        "bin.goals: binary file (contains NUL bytes), not a goal document",
        "cp1251.goals:1:1: the file is in the Windows Cyrillic encoding (cp1251), not UTF-8; save it as UTF-8",
        "link.goals: broken symbolic link (its target 'gone.goals' does not exist)",
        "big.goals: file is 52,428,800 bytes; the limit is 5,000,000 (max-file-size)",
    ]
    assert json_paths(out) == {"good.goals": GOOD_CODES, "also-good.goals": GOOD_CODES}
    # the other formats report the failures too, where they have a place for them
    code, out, _ = lint(capsys, *argv, "--format", "sarif")
    notes = json.loads(out)["runs"][0]["invocations"][0]
    assert code == 2 and notes["executionSuccessful"] is False
    assert len(notes["toolExecutionNotifications"]) == 6
    code, out, _ = lint(capsys, *argv, "--format", "github")
    assert sum(line.startswith("::error file=") for line in out.splitlines()) == 6
    code, out, _ = lint(capsys, *argv)
    assert out.splitlines()[-1] == "Found 6 findings (4 warnings, 2 info) in 2 files; 6 files could not be linted."


def test_bad_files_inside_a_directory(workdir, capsys):
    folder = workdir / "briefs"
    folder.mkdir()
    (folder / "a.goals").write_text(GOOD, encoding="utf-8")
    (folder / "b.goals").write_bytes(b"\x00\x00binary")
    (folder / "c.goals").write_bytes(b"goal: \xc3\x28 bad\n")
    os.symlink("nowhere.goals", folder / "d.goals")
    (folder / "e.goals").write_text(GOOD, encoding="utf-8")
    code, out, err = lint(capsys, "briefs", "--format", "json")
    assert code == 2
    assert err.splitlines() == [
        "briefs/b.goals: binary file (contains NUL bytes), not a goal document",
        "briefs/c.goals:1:7: not valid UTF-8 (byte 0xc3); save the file as UTF-8",
        "briefs/d.goals: broken symbolic link (its target 'nowhere.goals' does not exist)",
    ]
    assert json_paths(out) == {"briefs/a.goals": GOOD_CODES, "briefs/e.goals": GOOD_CODES}


def test_bad_input_in_a_real_process(workdir):
    (workdir / "bin.goals").write_bytes(b"\x00" * 100)
    proc = subprocess.run([sys.executable, "-m", "smmrules", "lint", "bin.goals", "good.goals", "nope.goals"],
                          cwd=workdir, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == ["bin.goals: binary file (contains NUL bytes), not a goal document",
                                        "nope.goals: no such file or directory"]
    assert "good.goals:1:7: T101 [warning]" in proc.stdout


# -- accepted variations -----------------------------------------------------------------------------
def findings_of(capsys, name: str, data: bytes):
    Path(name).write_bytes(data)
    code, out, err = lint(capsys, name, "--format", "json")
    assert err == ""
    return code, [{k: v for k, v in f.items() if k != "path"} for f in json.loads(out)]


@pytest.mark.parametrize("variant", ["crlf", "bom", "bom+crlf", "cr-only-at-end"])
def test_crlf_and_bom_give_the_same_findings(workdir, capsys, variant):
    lf = MULTILINE.encode("utf-8")
    data = {"crlf": lf.replace(b"\n", b"\r\n"),
            "bom": b"\xef\xbb\xbf" + lf,
            "bom+crlf": b"\xef\xbb\xbf" + lf.replace(b"\n", b"\r\n"),
            "cr-only-at-end": lf.rstrip(b"\n") + b"\r\n"}[variant]
    expected = findings_of(capsys, "lf.goals", lf)
    assert len(expected[1]) >= 8
    assert {f["line"] for f in expected[1]} >= {3, 6, 7, 9, 10}
    assert findings_of(capsys, "variant.goals", data) == expected


def test_bom_first_line_columns(workdir, capsys):
    plain = findings_of(capsys, "plain.goals", b"goal: get more followers\n")
    with_bom = findings_of(capsys, "bom.goals", b"\xef\xbb\xbfgoal: get more followers\n")
    assert plain == with_bom and plain[1][0]["column"] == 7


# -- lint only reads -----------------------------------------------------------------------------------
def tree_state(root: Path) -> dict[str, tuple]:
    state = {}
    for path in sorted(root.rglob("*")):
        st = path.lstat()
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        state[str(path.relative_to(root))] = (content, st.st_mtime_ns, st.st_mode)
    return state


def test_lint_never_writes_to_the_linted_files(workdir, capsys, monkeypatch):
    (workdir / "briefs" / "deep").mkdir(parents=True)
    (workdir / "briefs" / "multi.goals").write_text(MULTILINE, encoding="utf-8")
    (workdir / "briefs" / "crlf.goals").write_bytes(MULTILINE.encode("utf-8").replace(b"\n", b"\r\n"))
    (workdir / "briefs" / "deep" / "bom.goals").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    (workdir / "briefs" / "deep" / "bad.goals").write_bytes(b"goal: \xff\n")
    for i in range(40):
        (workdir / "briefs" / "deep" / f"copy{i}.goals").write_text(GOOD if i % 2 else MULTILINE, encoding="utf-8")
    (workdir / ".smmrules.toml").write_text(PINNED + 'ignore = ["D605"]\n', encoding="utf-8")
    past = 1_600_000_000_000_000_000
    for path in workdir.rglob("*"):
        os.utime(path, ns=(past, past), follow_symlinks=False)
    before = tree_state(workdir)
    runs = [["--format", fmt] for fmt in ("text", "json", "sarif", "github", "junit")]
    runs += [["-j", "2"], ["-j", "2", "--format", "json"], ["--no-cache"], ["--statistics", "--today", "2026-03-01"]]
    for options in runs:
        code, _, _ = lint(capsys, ".", *options)
        assert code == 2                                # bad.goals
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-8")), encoding="utf-8"))
    lint(capsys, "-", "--stdin-filename", "briefs/multi.goals")
    assert tree_state(workdir) == before                # same bytes, same times, same modes, no new files


def test_fifo_named_like_a_document_does_not_block(tmp_path, monkeypatch):
    """A FIFO would block open() forever: it is refused from its type, before it is opened."""
    import os
    from smmrules.cli import main
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "pipe.goals")
    (tmp_path / "ok.goals").write_text("goal: increase sales by 15% by 2026-06\n  task: raise conversion\n",
                                       encoding="utf-8")
    code = main(["lint", "-j", "1", "."])
    assert code == 2
