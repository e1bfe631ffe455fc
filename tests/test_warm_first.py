"""Warm runs first: with -j, the result cache answers every file it can before anything is forked,
and worker processes get only the files it could not answer (issue: warm -j 2 slower than -j 1)."""
from __future__ import annotations

import pytest

from smmrules.base import cache
from smmrules.linting import parallel, runner
from smmrules.linting.config import DEFAULT

N = 4 * parallel._CHUNK + 8         # enough files for workers at -j 2, and half of them too


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_disabled", False)
    cache.forget()
    paths = []
    for i in range(N):
        p = tmp_path / f"f{i:03d}.goals"
        p.write_text(f"goal: increase monthly sales {i + 1}% by 2026-06\n  task: raise conversion\n"
                     if i % 3 else f"goal: get {i + 10} new followers\n", encoding="utf-8")
        paths.append(str(p))
    yield paths
    cache.forget()


def _spy(monkeypatch) -> list[list[str]]:
    """Record the paths handed to worker processes (the work still runs, in workers)."""
    calls: list[list[str]] = []
    real = parallel._lint_in_workers

    def spy(paths, *args):
        calls.append(list(paths))
        return real(paths, *args)

    monkeypatch.setattr(parallel, "_lint_in_workers", spy)
    return calls


def _shape(results):
    return [(r.path, r.error, [f.to_json() for f in r.findings]) for r in results]


def test_a_warm_run_forks_nothing_and_answers_as_the_cold_one(tree, monkeypatch):
    calls = _spy(monkeypatch)
    cold = _shape(parallel.lint_many(tree, DEFAULT, jobs=2))
    assert calls == [tree]                                   # all misses: all to the workers
    warm = _shape(parallel.lint_many(tree, DEFAULT, jobs=2))
    assert calls == [tree] and warm == cold                  # no second call: nothing forked
    assert [p for p, _, _ in warm] == tree                   # input order kept
    assert sum(len(f) for _, _, f in cold) > 0


def test_only_the_misses_go_to_the_workers(tree, monkeypatch):
    reference = _shape(parallel.lint_many(tree, DEFAULT, jobs=1))
    calls = _spy(monkeypatch)
    edited = tree[::2]                                       # half the files change
    for p in edited:
        with open(p, "a", encoding="utf-8") as fh:
            fh.write("  task: answer comments within an hour\n")
    again = _shape(parallel.lint_many(tree, DEFAULT, jobs=2))
    assert calls == [edited]
    assert again == _shape(parallel.lint_many(tree, DEFAULT, jobs=1, use_cache=False))
    assert [p for p, _, _ in again] == [p for p, _, _ in reference]


def test_a_few_misses_are_linted_here(tree, monkeypatch):
    list(parallel.lint_many(tree, DEFAULT, jobs=1))
    calls = _spy(monkeypatch)
    with open(tree[5], "a", encoding="utf-8") as fh:
        fh.write("goal: double the reach of stories by 2026-09\n")
    results = list(parallel.lint_many(tree, DEFAULT, jobs=2))
    assert calls == [] and len(results) == N
    assert any("reach of stories" in line for line in next(r for r in results if r.path == tree[5]).lines)


def test_an_entry_damaged_after_the_look_is_linted_again(tree, monkeypatch):
    expected = _shape(parallel.lint_many(tree, DEFAULT, jobs=1))
    calls = _spy(monkeypatch)
    real = runner.cached_result
    monkeypatch.setattr(runner, "cached_result", lambda p, d: None if p == tree[3] else real(p, d))
    assert _shape(parallel.lint_many(tree, DEFAULT, jobs=2)) == expected
    assert calls == []


def test_without_the_cache_every_file_goes_to_the_workers(tree, monkeypatch):
    list(parallel.lint_many(tree, DEFAULT, jobs=1))
    calls = _spy(monkeypatch)
    list(parallel.lint_many(tree, DEFAULT, jobs=2, use_cache=False))
    assert calls == [tree]
