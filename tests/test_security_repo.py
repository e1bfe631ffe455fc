"""Issue 12, family 4: nothing the linted repository ships is run, and its config stays inside it.

The repository is the current directory of a real `python -m smmrules` (or console script) process,
as in CI: it ships modules named like the ones smmrules imports, a fake installed distribution whose
entry point its own config names, and rule folders that lead out of it.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smmrules.linting.config import load_config
from smmrules.base.errors import ConfigError

GOALS = "goal: grow newsletter subscribers by 20%\n  task: send a weekly digest of new posts\n"
# Modules smmrules (or what it imports) loads after its own package starts: each one, if imported
# from the repository, leaves a file named after it and stops the run.
SHADOWED = ("__future__", "tomllib", "attr", "attrs", "lark", "argparse", "json", "gettext", "datetime",
            "unicodedata", "difflib", "concurrent", "multiprocessing", "importlib_metadata", "evilplugin")


def _shadow(repo: Path, name: str, marks: Path) -> None:
    code = f"open({str(marks / name)!r}, 'w').close()\nraise SystemExit('the repository ran its {name}')\n"
    if name in ("attr", "attrs", "lark", "concurrent", "multiprocessing"):
        (repo / name).mkdir()
        (repo / name / "__init__.py").write_text(code, encoding="utf-8")
    else:
        (repo / f"{name}.py").write_text(code, encoding="utf-8")


def _env(tmp_path: Path, **extra) -> dict:
    env = dict(os.environ)
    env.pop("SMMRULES_NO_CACHE", None)
    env.pop("PYTHONSAFEPATH", None)
    env.update(SMMRULES_CACHE_DIR=str(tmp_path / "cache"), PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


def _script() -> str:
    found = shutil.which("smmrules", path=str(Path(sys.executable).parent))
    assert found, "the console script is installed beside this Python"
    return found


@pytest.fixture
def hostile(tmp_path):
    """A repository with shadowing modules, a fake distribution and a config that names it."""
    repo = tmp_path / "repo"
    marks = tmp_path / "marks"
    repo.mkdir()
    marks.mkdir()
    for name in SHADOWED:
        _shadow(repo, name, marks)
    dist = repo / "evilplugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: evilplugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[smmrules.plugins]\nevil = evilplugin:plugin\n", encoding="utf-8")
    (repo / "a.goals").write_text(GOALS, encoding="utf-8")
    (repo / "rules").mkdir()
    return repo, marks


@pytest.mark.parametrize("cache", ["cold", "warm", "off"])
def test_python_m_imports_nothing_from_the_repository(hostile, tmp_path, cache):
    repo, marks = hostile
    (repo / "pyproject.toml").write_text('[tool.smmrules]\nrules = ["rules"]\nselect = ["T", "D"]\n',
                                         encoding="utf-8")
    env = _env(tmp_path)
    args = ["lint", "--format", "json", "-j", "1", "a.goals"] + (["--no-cache"] if cache == "off" else [])
    if cache == "warm":
        subprocess.run([_script(), *args], cwd=repo, env=env, capture_output=True, check=False)
    as_module = subprocess.run([sys.executable, "-m", "smmrules", *args], cwd=repo, env=env, capture_output=True,
                               text=True, timeout=120)
    assert sorted(p.name for p in marks.iterdir()) == []
    assert as_module.stderr == ""
    assert sorted(f["code"] for f in json.loads(as_module.stdout)) == ["T101"]
    script = subprocess.run([_script(), *args], cwd=repo, env=env, capture_output=True, text=True, timeout=120)
    assert (script.returncode, script.stdout, script.stderr) == (as_module.returncode, as_module.stdout, "")
    assert sorted(p.name for p in marks.iterdir()) == []


def test_the_console_script_never_runs_a_smmrules_the_repository_ships(hostile, tmp_path):
    """`python -m smmrules` finds a `smmrules/` of the working directory before the installed one
    (Python does, before any of our code runs: SECURITY.md says to use the script or -P); the
    console script and `python -P -m smmrules` run the installed package."""
    repo, marks = hostile
    _shadow(repo, "smmrules", marks)
    (repo / "smmrules.py").rename(repo / "smmrules.txt")
    (repo / "smmrules").mkdir()
    (repo / "smmrules.txt").rename(repo / "smmrules" / "__init__.py")
    for cmd in ([_script()], [sys.executable, "-P", "-m", "smmrules"]):
        run = subprocess.run([*cmd, "lint", "--select", "T", "a.goals"], cwd=repo, env=_env(tmp_path),
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 1 and run.stderr == "" and "T101" in run.stdout
    assert list(marks.iterdir()) == []


@pytest.mark.parametrize("how", ["-m", "script"])
def test_a_plugin_the_repository_ships_is_not_installed(hostile, tmp_path, how):
    repo, marks = hostile
    (repo / ".smmrules.toml").write_text('plugins = ["evil"]\n', encoding="utf-8")
    cmd = [sys.executable, "-m", "smmrules"] if how == "-m" else [_script()]
    run = subprocess.run([*cmd, "lint", "a.goals"], cwd=repo, env=_env(tmp_path), capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith(f"{repo / '.smmrules.toml'}: plugin 'evil' is not an installed smmrules plugin (")
    assert run.stderr.count("\n") == 1
    assert sorted(p.name for p in marks.iterdir()) == []


def test_a_plugin_in_the_working_directory_is_not_loaded_by_the_library(hostile, tmp_path, monkeypatch):
    """A program run from the repository (sys.path[0] == "", as `python -c` and the REPL have it)
    that lints with the repository's config: entry points are looked up without the working directory."""
    from smmrules.rules.plugins import load_plugins
    repo, marks = hostile
    monkeypatch.chdir(repo)
    monkeypatch.syspath_prepend("")
    with pytest.raises(ConfigError) as err:
        load_plugins(["evil"], path="cfg")
    assert str(err.value).startswith("cfg: plugin 'evil' is not an installed smmrules plugin (")
    assert "evilplugin" not in sys.modules and list(marks.iterdir()) == []


def test_a_python_that_imports_smmrules_keeps_its_own_sys_path(tmp_path):
    """Only `-m smmrules...` drops the working directory: a program that imports smmrules does not lose it."""
    code = "import sys; first = sys.path[0]; import smmrules; print(repr(first), repr(sys.path[0]))"
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=_env(tmp_path), capture_output=True,
                         text=True, check=True)
    assert run.stdout.strip() == "'' ''"
    (tmp_path / "tool").mkdir()
    (tmp_path / "tool" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "tool" / "__main__.py").write_text(
        "import sys, os\nimport smmrules\nprint(sys.path[0] == os.getcwd())\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "tool"], cwd=tmp_path, env=_env(tmp_path), capture_output=True,
                         text=True, check=True)
    assert run.stdout.strip() == "True"


# ---------------------------------------------------------------------------- rule folders
def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def checkout(tmp_path):
    """A repository (it has .git) with a config in a subfolder, and rule folders beside it."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "team-rules").mkdir()
    (repo / "docs" / "local").mkdir(parents=True)
    (tmp_path / "other").mkdir()
    _write(tmp_path / "other" / "x.toml", '[[override]]\ncode = "T101"\nenabled = false\n')
    return repo


@pytest.mark.parametrize("name, escape", [
    ("../../other", "{tmp}/other"),
    ("{tmp}/other", "{tmp}/other"),
    ("link", "{tmp}/other"),
    ("local/../../../other", "{tmp}/other"),
    ("leaky", "x.toml -> {tmp}/other/x.toml"),
])
def test_a_rule_folder_outside_the_repository_is_refused(checkout, tmp_path, name, escape):
    (checkout / "docs" / "link").symlink_to(tmp_path / "other")
    (checkout / "docs" / "leaky").mkdir()
    (checkout / "docs" / "leaky" / "x.toml").symlink_to(tmp_path / "other" / "x.toml")
    name = name.format(tmp=tmp_path)
    config = _write(checkout / "docs" / ".smmrules.toml", f'select = ["T"]\nrules = [\n  "local", "{name}",\n]\n')
    with pytest.raises(ConfigError) as err:
        load_config(config)
    assert str(err.value) == (
        f"{config}:3:12: rules folder {name!r} leads outside the repository {checkout} "
        f"({escape.format(tmp=tmp_path)}): a config may only name rule folders inside its repository; "
        f"to use this one, name it with --rules on the command line")
    assert (err.value.line, err.value.column) == (3, 12)


def test_rule_folders_inside_the_repository_are_fine(checkout):
    config = _write(checkout / "docs" / ".smmrules.toml", 'rules = ["local", "../team-rules"]\n')
    assert load_config(config).rules == (checkout / "docs" / "local", checkout / "team-rules")


def test_without_a_repository_the_config_folder_is_the_limit(tmp_path):
    (tmp_path / "proj" / "cfg").mkdir(parents=True)
    (tmp_path / "proj" / "rules").mkdir()
    config = _write(tmp_path / "proj" / "cfg" / ".smmrules.toml", "rules = ['../rules']\n")
    with pytest.raises(ConfigError) as err:
        load_config(config)
    assert str(err.value).startswith(f"{config}:1:10: rules folder '../rules' leads outside the repository "
                                     f"{tmp_path / 'proj' / 'cfg'} ({tmp_path / 'proj' / 'rules'}): ")


def test_the_command_line_can_allow_a_folder_outside(checkout, tmp_path, capsys, monkeypatch):
    from smmrules.cli import main
    _write(checkout / ".smmrules.toml", f'rules = ["{tmp_path / "other"}"]\n')
    _write(checkout / "a.goals", "goal: grow newsletter subscribers by 20%\n")
    monkeypatch.chdir(checkout)
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["lint", "--select", "T", "a.goals"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{checkout / '.smmrules.toml'}:1:10: rules folder ") and err.count("\n") == 1
    # the user's own word: the folder named with --rules (its override turns T101 off)
    assert main(["lint", "--select", "T", "--rules", str(tmp_path / "other"), "a.goals"]) == 0
    assert main(["lint", "--select", "T", "--rules", "../other", "a.goals"]) == 0
    assert main(["lint", "--select", "T", "--config", str(checkout / ".smmrules.toml"), "a.goals"]) == 2
    capsys.readouterr()


# ---------------------------------------------------------------------------- -j workers
ORPHANS = """
import multiprocessing, os, sys
from smmrules.linting.config import DEFAULT
from smmrules.linting.parallel import lint_many
paths = sys.argv[1:]
results = lint_many(paths, DEFAULT, jobs=2)
next(results)                                   # the workers are up and working
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
os.kill(os.getpid(), 9)                         # the parent dies without a word to its workers
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"     # a zombie has exited
    except FileNotFoundError:
        return False
    except OSError:                             # pragma: no cover - no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


def test_workers_exit_when_their_parent_is_killed(tmp_path):
    paths = []
    for i in range(200):
        paths.append(str(_write(tmp_path / f"d{i}.goals", f"goal: grow newsletter subscribers by {i + 1}%\n")))
    proc = subprocess.Popen([sys.executable, "-c", ORPHANS, *paths], cwd=tmp_path, env=_env(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    assert proc.wait(timeout=60) == -signal.SIGKILL
    pids = [int(p) for p in line.split()]
    assert len(pids) == 2, (line, proc.stderr.read())
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [p for p in pids if _alive(p)]
    for p in left:                              # do not leave them behind if the test fails
        os.kill(p, signal.SIGKILL)
    assert left == []
