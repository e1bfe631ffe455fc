"""The result cache: a re-lint reuses findings, and never serves a stale result when an input changes."""
import pickle

import pytest

import smmrules
from suitedate import SUITE_TODAY
from smmrules.base import cache, version
from smmrules.cli import main


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SMMRULES_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_disabled", False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.goals").write_text("goal: increase sales by 15%\n  task: raise conversion from first touch to sale\n",
                                      encoding="utf-8")
    return tmp_path


def run(capsys, *argv):
    """(exit code, codes found) of a lint of the files named; the codes are pinned to T101 (the one
    finding the document has), so a rule added to the catalogue does not change what these tests see."""
    code = main(["lint", "--format", "json", "-j", "1", "--select", "T101", *argv])
    out = capsys.readouterr().out
    import json
    return code, [f["code"] for f in json.loads(out)]


def results_cached(tmp_path):
    return sorted((tmp_path / "cache").glob("result-*.pickle"))


def test_second_run_is_served_from_the_cache(tree, capsys):
    first = run(capsys, "a.goals")
    entries = results_cached(tree)
    assert first == (1, ["T101"]) and len(entries) == 1
    # poison the entry (as smmrules itself would write it): if the second run reads it, we see the poisoned findings
    from smmrules.linting.config import DEFAULT, with_overrides
    from smmrules.linting.runner import _result_key
    pinned = with_overrides(DEFAULT, select=("T101",))
    # the run's date is part of the key (suitedate.SUITE_TODAY: the date a run without --today has here)
    digest = _result_key("a.goals", (tree / "a.goals").read_text(encoding="utf-8"), pinned, SUITE_TODAY)
    assert entries[0].name == f"result-{digest[:40]}.pickle"
    result = cache.load("result", digest)
    cache.store("result", digest, type(result)(result.path, (), result.lines))
    assert run(capsys, "a.goals") == (0, [])


def test_changed_text_misses(tree, capsys):
    assert run(capsys, "a.goals") == (1, ["T101"])
    (tree / "a.goals").write_text("goal: increase sales by 15% by 2026-06\n  task: raise conversion\n",
                                  encoding="utf-8")
    assert run(capsys, "a.goals") == (0, [])


def test_changed_config_misses(tree, capsys):
    assert run(capsys, "a.goals") == (1, ["T101"])
    (tree / ".smmrules.toml").write_text('[per-file-ignores]\n"a.goals" = ["T101"]\n', encoding="utf-8")
    assert run(capsys, "a.goals") == (0, [])


def test_changed_rule_file_misses(tree, capsys):
    rules = tree / "team"
    rules.mkdir()
    (rules / "team.toml").write_text('[[override]]\ncode = "T101"\nlevel = "warning"\n', encoding="utf-8")
    assert run(capsys, "a.goals", "--rules", "team") == (1, ["T101"])
    (rules / "team.toml").write_text('[[override]]\ncode = "T101"\nenabled = false\n', encoding="utf-8")
    assert run(capsys, "a.goals", "--rules", "team") == (0, [])


def test_changed_version_misses(tree, capsys, monkeypatch):
    assert run(capsys, "a.goals") == (1, ["T101"])
    before = set(results_cached(tree))
    monkeypatch.setattr(version, "__version__", "999.0")
    cache._memo.clear()
    assert run(capsys, "a.goals") == (1, ["T101"])
    assert set(results_cached(tree)) - before, "a new version must write a new entry"


def test_no_cache_neither_reads_nor_writes(tree, capsys):
    assert run(capsys, "a.goals", "--no-cache") == (1, ["T101"])
    assert results_cached(tree) == []


def test_broken_cache_entries_are_rebuilt(tree, capsys):
    assert run(capsys, "a.goals") == (1, ["T101"])
    for entry in (tree / "cache").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    cache._memo.clear()
    assert run(capsys, "a.goals") == (1, ["T101"])


def test_unwritable_cache_directory_only_costs_speed(tree, capsys, monkeypatch):
    blocker = tree / "blocked"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(blocker / "cache"))
    assert run(capsys, "a.goals") == (1, ["T101"])


def test_changed_config_levels_miss(tree, capsys):
    assert run(capsys, "a.goals") == (1, ["T101"])
    (tree / ".smmrules.toml").write_text('[levels]\nT101 = "info"\n', encoding="utf-8")
    assert run(capsys, "a.goals") == (0, ["T101"])     # an info finding does not fail the run


def test_changed_package_data_misses(tree, capsys, monkeypatch):
    """A built-in rule file or lexicon edited in place (a development checkout) is a new key."""
    import shutil

    from smmrules.base import resources
    data = tree / "data"
    shutil.copytree(resources.rules_dir(), data / "rules")
    shutil.copytree(resources.grammar_dir(), data / "grammar")
    monkeypatch.setattr(resources, "rules_folder", lambda: str(data / "rules"))
    monkeypatch.setattr(resources, "grammar_file", lambda *parts: str(data.joinpath("grammar", *parts)))
    cache.data_stamp.cache_clear()
    first = cache.data_stamp()
    with open(data / "rules" / "time-bound.toml", "a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    cache.data_stamp.cache_clear()
    second = cache.data_stamp()
    with open(data / "grammar" / "lexicon" / "uk.toml", "a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    cache.data_stamp.cache_clear()
    third = cache.data_stamp()
    cache.data_stamp.cache_clear()
    assert len({first, second, third}) == 3


def test_unchanged_file_is_answered_without_the_parser_or_the_rules(tree):
    """The result-cache hit path of `smmrules lint` imports neither attrs, the AST, the engine,
    tomllib nor pathlib: a re-lint of an unchanged file costs little more than starting Python."""
    import os
    import subprocess
    import sys
    script = ("import sys\nfrom smmrules.cli import main\ncode = main(['lint', 'a.goals'])\n"
              "heavy = ('attr', 'attrs', 'pathlib', 'smmrules.language.ast', 'smmrules.rules.engine',\n"
              "         'smmrules.language.parse', 'tomllib')\n"
              "print(code, sorted(m for m in heavy if m in sys.modules))\n")
    env = dict(os.environ, SMMRULES_CACHE_DIR=str(tree / "cache"))
    env.pop("SMMRULES_NO_CACHE", None)
    first = subprocess.run([sys.executable, "-c", script], cwd=tree, env=env, capture_output=True, text=True)
    second = subprocess.run([sys.executable, "-c", script], cwd=tree, env=env, capture_output=True, text=True)
    assert first.stdout.splitlines()[-1].startswith(
        "1 ['attr', 'pathlib', 'smmrules.language.ast', 'smmrules.language.parse', 'smmrules.rules.engine'")
    assert second.stdout.splitlines()[-1] == "1 []", second.stderr
    # and the same findings, from the cache
    assert first.stdout.splitlines()[:-1] == second.stdout.splitlines()[:-1]


def test_clean_empties_the_cache_and_leaves_other_files_alone(tree, capsys):
    assert run(capsys, "a.goals") == (1, ["T101"])
    folder = tree / "cache"
    ours = sorted(p.name for p in folder.iterdir() if p.name != cache.MANIFEST)   # the manifest goes too, uncounted
    assert any(n.startswith("result-") for n in ours)
    (folder / "notes.txt").write_text("a user's file that happens to be here", encoding="utf-8")
    (folder / "keep-me.pickle").write_bytes(b"not named like an entry of ours")
    assert main(["clean"]) == 0
    out = capsys.readouterr().out
    noun = "entry" if len(ours) == 1 else "entries"
    assert out.startswith(f"Removed {len(ours)} cache {noun} (") and out.splitlines()[0].endswith(f"from {folder}.")
    assert out.splitlines()[1:] == ["2 other files were not written by this smmrules and were left in place."]
    assert sorted(p.name for p in folder.iterdir()) == ["keep-me.pickle", "notes.txt"]
    assert main(["clean"]) == 0
    assert capsys.readouterr().out.startswith("Removed 0 cache entries (0.0 MB)")
    # and the next lint rebuilds everything, with the same findings
    assert run(capsys, "a.goals") == (1, ["T101"])


def test_clean_without_a_cache_directory(tree, capsys, monkeypatch):
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tree / "never-created"))
    assert main(["clean"]) == 0
    assert capsys.readouterr().out.startswith("Removed 0 cache entries")
    assert not (tree / "never-created").exists()


def test_an_edited_file_is_linted_without_pathlib_toml_or_lark(tree):
    """With the artefact caches warm, linting an edited file loads tables, lexicons and rules from
    the cache: it imports neither Lark, tomllib nor pathlib (with urllib and ipaddress, 5 ms), nor
    calendar (normalize counts the days of a month itself)."""
    import os
    import subprocess
    import sys
    script = ("import sys\nfrom smmrules.cli import main\ncode = main(['lint', 'a.goals'])\n"
              "heavy = ('lark', 'tomllib', 'pathlib', 'urllib.parse', 'calendar', 'smmrules.language.ast',\n"
              "         'smmrules.rules.engine')\n"
              "print(code, sorted(m for m in heavy if m in sys.modules))\n")
    env = dict(os.environ, SMMRULES_CACHE_DIR=str(tree / "cache"))
    env.pop("SMMRULES_NO_CACHE", None)

    def run(n):
        (tree / "a.goals").write_text(f"goal: increase sales by {n}%\n  task: raise conversion\n", encoding="utf-8")
        proc = subprocess.run([sys.executable, "-c", script], cwd=tree, env=env, capture_output=True, text=True)
        return proc.stdout.splitlines()

    first = run(15)
    assert first[-1].startswith("1 ['lark', 'pathlib'")      # the first run ever builds the artefacts
    edited = run(16)
    assert edited[-1] == "1 ['smmrules.language.ast', 'smmrules.rules.engine']", edited
    assert [line.replace("16%", "15%") for line in edited[:-1]] == first[:-1]


def test_the_lark_stamp_names_the_lark_python_imports():
    import importlib.util
    import os
    cache._lark_stamp.cache_clear()
    try:
        stamp = cache._lark_stamp()
    finally:
        cache._lark_stamp.cache_clear()
    origin = os.path.abspath(importlib.util.find_spec("lark").origin)
    st = os.stat(origin)
    assert stamp == f"{origin}:{st.st_size}:{st.st_mtime_ns}"
