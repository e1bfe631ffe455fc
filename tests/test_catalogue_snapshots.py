"""What every built-in rule says, exactly: the whole catalogue on the example briefs and on the small
tree of the command-line tests, kept as snapshot files in tests/snapshots/catalogue/.

The infrastructure tests pin the codes they look at or use the rules in tests/fixtures/rules, so this
is the one place a new or changed built-in rule shows up as a changed expectation. After a deliberate
change of the catalogue, regenerate the snapshots and review the diff:

    SMMRULES_UPDATE_SNAPSHOTS=1 python -m pytest -q tests/test_catalogue_snapshots.py tests/test_lint_cli.py tests/test_reporters.py
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from smmrules.cli import main
from goalcheck import assert_snapshot
from test_lint_cli import TREE, write_tree

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = Path(__file__).parent / "snapshots" / "catalogue"


@pytest.fixture
def briefs(tmp_path, monkeypatch):
    """The example briefs and the command-line tests' tree, copied under tmp_path (no config around them)."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    write_tree(tmp_path, TREE)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def lint(capsys, *argv) -> tuple[int, str]:
    code = main(["lint", "--no-cache", "--today", "2026-12-01", *argv])
    captured = capsys.readouterr()
    assert captured.err == ""
    return code, captured.out


@pytest.mark.parametrize("folder", ["examples", "briefs"])
def test_every_built_in_rule_on_the_briefs(briefs, capsys, folder):
    code, out = lint(capsys, folder, "--statistics")
    assert code == 1
    assert_snapshot(SNAPSHOTS / f"{folder}.txt", out)


def test_the_json_report_holds_the_same_findings(briefs, capsys):
    code, out = lint(capsys, "examples", "briefs", "--format", "json")
    assert code == 1
    text = "".join(lint(capsys, folder, "--statistics")[1] for folder in ("examples", "briefs"))
    for f in json.loads(out):
        assert f"{f['path']}:{f['line']}:{f['column']}: {f['code']} [{f['level']}] {f['message']}\n" in text
