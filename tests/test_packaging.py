"""The built wheel carries the grammar and rule data and the `smmrules` command.

Part of the default test run, so CI runs it on every submission: it builds the wheel with pip
(about 5-20 s, build isolation fetches hatchling) and never skips; a build that cannot run is
a failure with pip's output.
"""
from __future__ import annotations

import configparser
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = "smmrules/_data"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check",
                           "-q", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"pip wheel failed:\n{proc.stdout}\n{proc.stderr}"
    wheels = list(out.glob("smmrules-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        assert z.testzip() is None
        return set(z.namelist())


def _repo_files(folder: str) -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / folder).rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith("."))


def test_wheel_has_the_goal_grammar_and_lexicons(names):
    lexicons = sorted((ROOT / "grammar" / "lexicon").glob("*.toml"))
    assert {p.stem for p in lexicons} >= {"common", "en", "ru", "uk"}
    expected = {f"{DATA}/grammar/goal.lark", f"{DATA}/grammar/metrics.toml", f"{DATA}/grammar/render.toml"}
    expected |= {f"{DATA}/grammar/lexicon/{p.name}" for p in lexicons}
    assert expected <= names, sorted(expected - names)


def test_wheel_has_every_grammar_and_rules_file(names):
    files = _repo_files("grammar") + _repo_files("rules")
    assert any(f.startswith("rules/") for f in files), "rules/ is empty"
    missing = [f for f in files if f"{DATA}/{f}" not in names]
    assert missing == [], missing


def test_wheel_has_every_module(names):
    modules = sorted(p.name for p in (ROOT / "smmrules").glob("*.py"))
    missing = [m for m in modules if f"smmrules/{m}" not in names]
    assert missing == [], missing


def test_wheel_declares_the_smmrules_command(wheel, names):
    entry_points = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert len(entry_points) == 1, entry_points
    with zipfile.ZipFile(wheel) as z:
        text = z.read(entry_points[0]).decode("utf-8")
    config = configparser.ConfigParser()
    config.read_string(text)
    assert config["console_scripts"]["smmrules"].strip() == "smmrules.cli:entry"


def test_wheel_finds_its_data_outside_the_checkout(wheel, tmp_path):
    """Unpacked away from the repository, the package reads the grammar from its own _data."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    code = ("import smmrules, smmrules.base.resources as r; "
            "g = smmrules.parse_goal('increase monthly sales 20% by 2025-06'); "
            "print(r.grammar_dir()); print(r.rules_dir()); print(g.target.value, g.deadline.date)")
    env = dict(os.environ, PYTHONPATH=str(site))
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    grammar, rules, result = proc.stdout.splitlines()
    assert Path(grammar) == site / "smmrules" / "_data" / "grammar"
    assert Path(rules) == site / "smmrules" / "_data" / "rules"
    assert result == "20 2025-06-30"
