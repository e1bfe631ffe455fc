"""The process's entry point (`smmrules`, `python -m smmrules`) ends without Python's teardown, but
only after what the teardown would do that anyone can see: the exit code, everything written to
stdout and stderr, the `atexit` callbacks, and a thread that is still running."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def run(code: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SMMRULES_CACHE_DIR": str(cwd / "cache"), "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture
def brief(tmp_path):
    # a deadline in the past (A303), whatever the day the test runs
    (tmp_path / "late.goals").write_text("goal: increase monthly sales 12% by 2020-06\n", encoding="utf-8")
    # only an info finding (a deadline far away): exit code 0
    (tmp_path / "clean.goals").write_text("goal: increase Instagram followers from 3,200 to 4,000 by 2099-06-30\n"
                                          "  task: run a giveaway with a partner brand\n", encoding="utf-8")
    return tmp_path


def test_the_exit_code_and_the_whole_report_come_through_a_pipe(brief):
    proc = run("""
        import sys
        from smmrules.cli import entry
        sys.argv = ["smmrules", "lint", "--format", "json", "late.goals"]
        entry()
        print("not reached")
    """, brief)
    assert proc.returncode == 1, proc.stderr
    assert "not reached" not in proc.stdout
    report = json.loads(proc.stdout)
    assert sorted(f["code"] for f in report) == ["A303", "D605"]   # the past deadline; no tasks


def test_atexit_callbacks_run_after_the_report(brief):
    proc = run("""
        import atexit, sys
        from smmrules.cli import entry
        atexit.register(lambda: print("atexit ran", file=sys.stderr))
        sys.argv = ["smmrules", "lint", "clean.goals"]
        entry()
    """, brief)
    assert proc.returncode == 0
    assert proc.stderr == "atexit ran\n"


def test_a_running_thread_is_waited_for(brief):
    proc = run("""
        import sys, threading
        from smmrules.cli import entry

        def late():             # ends only once the main thread has finished: at the exit itself
            threading.main_thread().join()
            print("thread done", file=sys.stderr, flush=True)

        threading.Thread(target=late).start()
        sys.argv = ["smmrules", "lint", "late.goals"]
        entry()
    """, brief)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0].startswith("late.goals:1:")
    assert proc.stderr == "thread done\n"


def test_python_dash_m_gives_the_same_exit_codes(brief):
    env = {**os.environ, "SMMRULES_CACHE_DIR": str(brief / "cache"), "PYTHONPATH": str(REPO)}
    codes = [subprocess.run([sys.executable, "-m", "smmrules", "lint", name], cwd=brief, env=env,
                            capture_output=True, timeout=120).returncode
             for name in ("clean.goals", "late.goals", "missing.goals")]
    assert codes == [0, 1, 2]
