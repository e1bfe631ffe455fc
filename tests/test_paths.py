"""The lint path writes and compares paths with os.path, as pathlib would (pathlib is not imported
on every run): the same names for files found in folders, the same parts relative to a config."""
from __future__ import annotations

import os
from pathlib import Path, PurePath, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smmrules.linting.config import DEFAULT, find_config
from smmrules.linting.selection import relative_parts as _relative_parts
from smmrules.linting.runner import _child, _plain, collect

posix_only = pytest.mark.skipif(os.name != "posix", reason="other systems use pathlib itself")
segment = st.sampled_from(["", ".", "..", "a", "b.goals", "x y", "ü", "-"])
paths = st.tuples(st.sampled_from(["", "/", "//", "///"]), st.lists(segment, max_size=6),
                  st.sampled_from(["", "/", "//"])).map(lambda t: t[0] + "/".join(t[1]) + t[2]).filter(bool)


@posix_only
@given(paths, st.sampled_from(["a.goals", "sub", "x y"]))
def test_plain_and_child_write_paths_as_pathlib_does(path, name):
    assert _plain(path) == str(PurePosixPath(path))
    assert _child(_plain(path), name) == str(PurePosixPath(path) / name)


@posix_only
@given(paths, paths)
def test_relative_parts_agree_with_pathlib(path, root):
    config = DEFAULT.evolve(root=root)
    full = PurePath(os.path.abspath(path))
    try:
        expected = full.relative_to(os.path.abspath(root)).parts
    except ValueError:
        expected = ()
    assert _relative_parts(config, path) == (expected or (full.name or str(full),))


def test_folders_are_walked_into_the_names_pathlib_gives(tmp_path, monkeypatch):
    (tmp_path / "briefs" / "q1").mkdir(parents=True)
    for name in ("briefs/a.goals", "briefs/q1/b.goals", "c.goals"):
        (tmp_path / name).write_text("goal: increase sales by 15%\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = [p for p, _ in collect([".", "./briefs/", "briefs//q1", str(tmp_path / "briefs")], DEFAULT)]
    assert found == ["c.goals", "briefs/a.goals", "briefs/q1/b.goals", "briefs/a.goals", "briefs/q1/b.goals",
                     "briefs/q1/b.goals", str(tmp_path / "briefs" / "a.goals"), str(tmp_path / "briefs/q1/b.goals")]


def test_find_config_walks_up_and_returns_a_path(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    above = find_config(tmp_path / "a" / "b")          # a pyproject.toml without [tool.smmrules] is not ours
    assert above is None or tmp_path not in above.parents
    (tmp_path / "a" / ".smmrules.toml").write_text("fail-on = 'info'\n", encoding="utf-8")
    found = find_config(str(tmp_path / "a" / "b"))
    assert isinstance(found, Path) and found == tmp_path / "a" / ".smmrules.toml"
    (tmp_path / "a" / "b" / "pyproject.toml").write_text("[tool.smmrules]\nfail-on = 'info'\n", encoding="utf-8")
    assert find_config(tmp_path / "a" / "b" / "x.goals") == tmp_path / "a" / "b" / "pyproject.toml"
