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
