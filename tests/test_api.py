"""smmrules.lint_paths: files and folders to results, the config found as `smmrules lint` finds it."""
import smmrules
from smmrules import api


def test_lint_paths_walks_folders_finds_the_config_and_reports_missing_paths(tmp_path):
    (tmp_path / ".smmrules.toml").write_text('select = ["T101"]\n', encoding="utf-8")
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "a.goals").write_text("goal: increase sales by 15%\n", encoding="utf-8")
    (tmp_path / "team" / "b.goals").write_text("goal: increase sales by 15% by 2027-06\n", encoding="utf-8")
    (tmp_path / "team" / "notes.txt").write_text("goal: grow\n", encoding="utf-8")
    missing = str(tmp_path / "nope.goals")
    results = list(smmrules.lint_paths([str(tmp_path / "team"), missing]))
    assert [r.path.rsplit("/", 1)[-1] for r in results] == ["a.goals", "b.goals", "nope.goals"]
    a, b, gone = results
    assert [(f.code, f.line) for f in a.findings] == [("T101", 1)]     # the config's select applies
    assert b.findings == () and b.error is None
    assert gone.error == f"{missing}: no such file or directory"
    assert smmrules.lint_paths is api.lint_paths


def test_lint_paths_takes_a_config_and_gives_the_same_results_in_workers(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.goals").write_text(f"goal: get {i + 1}0 leads\n", encoding="utf-8")
    config = smmrules.Config(select=("T101", "S101"))
    serial = list(smmrules.lint_paths([str(tmp_path)], config=config))
    assert [sorted({f.code for f in r.findings}) for r in serial] == [["T101"]] * 3
    assert list(smmrules.lint_paths([str(tmp_path)], config=config, jobs=2)) == serial


def test_lint_paths_with_stream_hands_on_a_long_files_findings_in_parts(tmp_path, monkeypatch):
    from smmrules.linting import runner
    monkeypatch.setattr(runner.cache, "enabled", lambda: False)     # every file linted, none answered
    brief = "".join(f"goal: get {i + 1}0 leads\n  task: post three reels a week\n" for i in range(20))
    for i in range(34):                 # enough files for -j 2 to start workers
        (tmp_path / f"{i:02}.goals").write_text(brief, encoding="utf-8")
    config = smmrules.Config(select=("T101", "S101"))
    whole = list(smmrules.lint_paths([str(tmp_path)], config=config))
    assert [len(r.findings) for r in whole] == [20] * 34 and not any(r.partial for r in whole)
    monkeypatch.setattr(runner, "PART", 8)
    monkeypatch.setattr(runner, "STREAM_FROM", 0)       # every file streamed
    for jobs in (1, 2):
        parts = list(smmrules.lint_paths([str(tmp_path)], config=config, jobs=jobs, stream=True))
        # 20 findings a file: two parts of 8, then the file's result with the last 4
        assert [(r.partial, len(r.findings)) for r in parts] == [(True, 8), (True, 8), (False, 4)] * 34
        files = [parts[i:i + 3] for i in range(0, 102, 3)]
        assert [(r.path, r.findings) for r in whole] == \
            [(three[2].path, tuple(f for p in three for f in p.findings)) for three in files]
        assert all(r.lang == "en" and r.error is None for r in parts[2::3])
    # a path that cannot be linted is still its one result with an error line, in its place
    missing = str(tmp_path / "nope.goals")
    streamed = list(smmrules.lint_paths([missing, str(tmp_path / "00.goals")], config=config, stream=True))
    assert [(r.partial, r.error) for r in streamed] == \
        [(False, f"{missing}: no such file or directory"), (True, None), (True, None), (False, None)]


def test_the_readme_examples_of_linting_from_python_run_as_written():
    import doctest
    from pathlib import Path
    readme = Path(__file__).resolve().parents[1].joinpath("README.md").read_text(encoding="utf-8")
    start = readme.index("### Long documents, and linting from Python")
    # the code blocks' fences made blank lines, which end an example's expected output
    section = "\n".join("" if line.startswith("```") else line
                        for line in readme[start:readme.index("\n## ", start)].split("\n"))
    test = doctest.DocTestParser().get_doctest(section, {}, "README", "README.md", 0)
    assert len(test.examples) == 7             # lint_iter (3), then lint_paths (4)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
