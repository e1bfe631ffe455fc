"""`smmrules` runs its start with the cyclic GC off, then freezes the start-up objects and turns
the collector back on for the remaining files; main() leaves the GC as it found it."""
from __future__ import annotations

import gc

import pytest

from smmrules.linting import runner
from smmrules.cli import main


@pytest.fixture
def three_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for n in range(3):
        (tmp_path / f"{n}.goals").write_text(f"goal: increase sales by 1{n}%\n", encoding="utf-8")
    seen, paths = [], set()

    def spying(original):
        def spy(*args, **kwargs):
            if args[0] not in paths:        # a file once: lint_file_parts lints a short file by lint_file
                paths.add(args[0])
                seen.append((gc.isenabled(), gc.get_freeze_count() > 0))
            return original(*args, **kwargs)
        return spy
    # a report lints a .goals file as a stream (runner.lint_file_parts), other callers whole (lint_file)
    monkeypatch.setattr(runner, "lint_file", spying(runner.lint_file))
    monkeypatch.setattr(runner, "lint_file_parts", spying(runner.lint_file_parts))
    return seen


def test_the_collector_is_off_for_the_first_file_only_and_restored(three_files, capsys):
    assert gc.isenabled()
    before = gc.get_freeze_count()
    assert main(["lint", "-j", "1", "--no-cache", "0.goals", "1.goals", "2.goals"]) == 1
    assert three_files == [(False, before > 0), (True, True), (True, True)]
    assert gc.isenabled() and gc.get_freeze_count() == before
    assert capsys.readouterr().out.count("D605") == 3


def test_a_disabled_collector_stays_disabled(three_files, capsys):
    gc.disable()
    try:
        assert main(["lint", "-j", "1", "--no-cache", "0.goals", "1.goals"]) == 1
        assert [enabled for enabled, _ in three_files] == [False, False]
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_other_commands_restore_the_collector(capsys):
    assert main(["parse", "increase sales by 15% by 2026-06"]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(SystemExit):
        main(["lint", "--format", "nope"])
    assert gc.isenabled()


def test_after_the_first_file_the_young_objects_are_collected_less_often(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for n in range(3):
        (tmp_path / f"{n}.goals").write_text(f"goal: increase sales by 2{n}%\n", encoding="utf-8")
    before = gc.get_threshold()
    seen = []

    def spy(original):
        def lint(*args, **kwargs):
            seen.append(gc.get_threshold())
            return original(*args, **kwargs)
        return lint
    monkeypatch.setattr(runner, "lint_file_parts", spy(runner.lint_file_parts))
    gc.set_threshold(700, 10, 10)
    try:
        assert main(["lint", "-j", "1", "--no-cache", "0.goals", "1.goals", "2.goals"]) == 1
        assert seen == [(700, 10, 10), (10_000, 10, 10), (10_000, 10, 10)]
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)
    assert capsys.readouterr().out.count("D605") == 3
