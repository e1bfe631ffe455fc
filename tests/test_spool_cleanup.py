"""Workers of an interrupted -j run leave no temporary file behind (issue 18): they spool the files they lint
as a stream into a private folder of the run's, which is removed when the run ends, fails, is abandoned,
is ended by SIGTERM, or loses a worker, and by the workers themselves when the run's process is killed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from suitedate import SUITE_TODAY
from smmrules.linting import parallel, runner
from smmrules.linting.config import Config

FILES = 40          # enough for -j 2 to start workers (parallel.in_workers)
BRIEF = "".join(f"goal: grow Instagram followers to {i + 1},000 by 2026-09-30\n  task: post three reels a week\n"
                for i in range(60))


@pytest.fixture
def run(tmp_path, monkeypatch):
    """(the files of a run, its temporary folder): every file streamed, in parts of two findings."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    monkeypatch.setattr(runner, "PART", 2)
    monkeypatch.setattr(runner, "STREAM_FROM", 0)
    monkeypatch.setattr(runner.cache, "enabled", lambda: False)
    paths = []
    for i in range(FILES):
        path = tmp_path / f"b{i:02}.goals"
        path.write_text(BRIEF, encoding="utf-8")
        paths.append(str(path))
    return paths, temp


def _spooled(temp) -> list:
    return [name for folder in temp.iterdir() for name in os.listdir(folder)]


def test_a_run_that_ends_leaves_nothing(run):
    paths, temp = run
    results = list(parallel.lint_many(paths, Config(), jobs=2, today=SUITE_TODAY, use_cache=False, stream=True))
    assert sum(not r.partial for r in results) == FILES and list(temp.iterdir()) == []


@pytest.mark.parametrize("stop", ["close", "KeyboardInterrupt"])
def test_a_run_abandoned_or_interrupted_after_its_first_result_leaves_nothing(run, stop):
    paths, temp = run
    results = parallel.lint_many(paths, Config(), jobs=2, today=SUITE_TODAY, use_cache=False, stream=True)
    first = next(results)
    assert first.partial and first.path == paths[0]
    (folder,) = temp.iterdir()                      # the run's private folder, with the workers' files in it
    assert folder.name.startswith("smmrules-") and _spooled(temp)
    if stop == "close":
        results.close()
    else:
        with pytest.raises(KeyboardInterrupt):
            results.throw(KeyboardInterrupt())
    assert list(temp.iterdir()) == []


def test_a_worker_that_fails_leaves_nothing(run, monkeypatch):
    paths, temp = run
    real = runner.lint_file_parts

    def failing(path, *args, **kwargs):     # a worker that dies while its file is half spooled
        parts = real(path, *args, **kwargs)
        yield next(parts)
        if path.endswith("b17.goals"):
            os._exit(9)
        yield from parts
    monkeypatch.setattr(runner, "lint_file_parts", failing)
    from concurrent.futures.process import BrokenProcessPool
    with pytest.raises(BrokenProcessPool):
        list(parallel.lint_many(paths, Config(), jobs=2, today=SUITE_TODAY, use_cache=False, stream=True))
    assert list(temp.iterdir()) == []


_RUN = """
import sys
from smmrules.linting import runner
runner.PART, runner.STREAM_FROM = 2, 0
from smmrules.cli import main
sys.exit(main(["lint", "--no-cache", "-j", "2", "--format", "json", *sys.argv[1:]]))
"""


def _started(tmp_path):
    """A `smmrules lint -j 2` run in a process of its own with its own temporary folder, once its workers
    have spooled a file: (the process, its temporary folder)."""
    temp = tmp_path / "temp"
    temp.mkdir()
    names = []
    for i in range(FILES):
        names.append(f"b{i:02}.goals")
        (tmp_path / names[-1]).write_text(BRIEF * 4, encoding="utf-8")
    env = dict(os.environ, TMPDIR=str(temp), SMMRULES_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-c", _RUN, *names], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while not (temp.exists() and any(f.is_dir() and os.listdir(f) for f in temp.iterdir())):
        assert proc.poll() is None and time.monotonic() < deadline, "the run ended before its workers spooled a file"
        time.sleep(0.05)
    return proc, temp


def _workers_of(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as fh:
        return [int(p) for p in fh.read().split()]


def _left(temp, seconds: float = 10) -> list:
    """What is left in the temporary folder once the workers had time to see their parent gone."""
    deadline = time.monotonic() + seconds
    while list(temp.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return list(temp.iterdir())


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads a process's children from /proc")
@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_a_run_ended_by_a_signal_leaves_nothing(tmp_path, how):
    proc, temp = _started(tmp_path)
    workers = _workers_of(proc.pid)
    assert workers
    proc.send_signal(getattr(signal, how))
    assert proc.wait(timeout=60) == -getattr(signal, how)      # ended as the signal ends it
    assert _left(temp) == []
    for pid in workers:                                         # and the workers went with it
        deadline = time.monotonic() + 10
        while os.path.exists(f"/proc/{pid}") and _state(pid) != "Z" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not os.path.exists(f"/proc/{pid}") or _state(pid) == "Z"


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


_WORKER = """
import os, signal
from smmrules.linting import parallel
folder = parallel._SpoolFolder()
assert signal.getsignal(signal.SIGTERM) == folder._terminated
parallel._watch_parent(os.getppid(), 0.2, folder.name)      # what a worker runs first, after the fork
print(signal.getsignal(signal.SIGTERM) is signal.SIG_DFL)
folder.remove()
"""


def test_a_worker_does_not_take_the_runs_sigterm_handler_over():
    out = subprocess.run([sys.executable, "-c", _WORKER], capture_output=True, text=True, timeout=60)
    assert (out.returncode, out.stdout, out.stderr) == (0, "True\n", "")


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads a process's children from /proc")
def test_a_worker_ended_by_sigterm_fails_the_run_in_one_line_and_leaves_nothing(tmp_path):
    proc, temp = _started(tmp_path)
    os.kill(_workers_of(proc.pid)[0], signal.SIGTERM)
    assert proc.wait(timeout=300) == 2
    err = proc.stderr.read().decode()
    assert "Traceback" not in err and err.startswith("smmrules: error: internal error (BrokenProcessPool")
    assert list(temp.iterdir()) == []
