"""Inline suppressions in goal documents (docs/documents.md, "Inline suppressions"): one line, prefixes,
several codes, blanket, file-wide, and the findings about suppressions themselves (L100, L101)."""
from __future__ import annotations

import json

import pytest

from smmrules.cli import main
from smmrules.linting.config import DEFAULT, with_overrides
from smmrules.linting.pipeline import lint

# Each of these goals alone gives D605 (no tasks), M203 ("more") and T101 (no deadline).
VAGUE_CODES = {"D605", "M203", "T101"}
# The built-in codes these tests look at: they are linted with only these selected, so a rule added to
# the catalogue changes none of the expectations here (what they test is the suppressions).
PINNED = ("D601", "D605", "E001", "L100", "L101", "M203", "T101")
PINNED_CONFIG = with_overrides(DEFAULT, select=PINNED)


def found(text: str, **config) -> set[tuple[int, str]]:
    cfg = with_overrides(PINNED_CONFIG, **config)
    return {(f.line, f.code) for f in lint(text, path="doc.goals", config=cfg)}


def on_line(findings: set[tuple[int, str]], line: int) -> set[str]:
    return {code for n, code in findings if n == line}


def test_baseline_without_suppressions():
    doc = "goal: get more followers\ngoal: get more likes\n"
    assert on_line(found(doc), 1) == VAGUE_CODES
    assert on_line(found(doc), 2) == VAGUE_CODES


def test_one_code_on_its_line_only():
    doc = ("goal: get more followers   # smmrules: ignore[T101]\n"
           "goal: get more likes\n")
    f = found(doc)
    assert on_line(f, 1) == {"D605", "M203"}
    assert on_line(f, 2) == VAGUE_CODES             # the next line keeps its T101


def test_suppression_on_another_line_hides_nothing_there():
    doc = ("goal: get more followers\n"
           "# smmrules: ignore[T101]\n"
           "goal: get more likes\n"
           "  task: post daily   # smmrules: ignore[M203]\n")
    f = found(doc)
    assert on_line(f, 1) == VAGUE_CODES
    assert on_line(f, 3) == {"M203", "T101"}         # has a task now, so no D605
    assert on_line(f, 2) == {"L100"} and on_line(f, 4) == {"L100"}


def test_prefix_codes():
    doc = ("goal: get more followers   # smmrules: ignore[T1]\n"
           "goal: get more likes   # smmrules: ignore[M2, D6]\n"
           "goal: get more reach   # smmrules: ignore[t]\n")
    f = found(doc)
    assert on_line(f, 1) == {"D605", "M203"}
    assert on_line(f, 2) == {"T101"}
    assert on_line(f, 3) == {"D605", "M203"}


def test_several_codes_spaces_and_case():
    doc = ("goal: get more followers   # smmrules: ignore[T101,M203]\n"
           "goal: get more likes   #  SMMRULES:  Ignore[ d605 , t101 ]\n")
    f = found(doc)
    assert on_line(f, 1) == {"D605"}
    assert on_line(f, 2) == {"M203"}


def test_blanket_suppression_hides_everything_on_its_line():
    doc = ("goal: get more followers   # smmrules: ignore\n"
           "goal: get more likes\n")
    f = found(doc)
    assert on_line(f, 1) == set()
    assert on_line(f, 2) == VAGUE_CODES


def test_header_line_suppression():
    doc = ("client: Acme\n"
           "bugdet: 900 GBP/month   # smmrules: ignore[D601]\n"
           "budgte: 900 GBP/month\n"
           "goal: increase monthly sales 20% within 6 months\n"
           "  task: raise conversion from first touch to sale\n")
    f = found(doc)
    assert on_line(f, 2) == set()
    assert on_line(f, 3) == {"D601"}


def test_file_wide_suppression_in_the_header():
    doc = ("# Brief: we accept goals without tasks for now\n"
           "# smmrules: ignore-file[D605, T1]\n"
           "client: Acme\n"
           "\n"
           "goal: get more followers\n"
           "goal: get more likes\n"
           "goal: get more reach\n")
    f = found(doc)
    assert f == {(5, "M203"), (6, "M203"), (7, "M203")}


def test_file_wide_blanket_suppression():
    doc = "# smmrules: ignore-file\ngoal: get more followers\nbugdet: 5\n"
    assert found(doc) == set()


def test_file_wide_and_line_suppressions_together():
    doc = ("# smmrules: ignore-file[D605]\n"
           "goal: get more followers   # smmrules: ignore[M203]\n"
           "goal: get more likes\n")
    assert found(doc) == {(2, "T101"), (3, "M203"), (3, "T101")}


def test_unused_suppression_is_l100():
    doc = ("goal: increase monthly sales 20% within 6 months   # smmrules: ignore[T101]\n"
           "  task: raise conversion from first touch to sale\n")
    findings = lint(doc, path="doc.goals", config=PINNED_CONFIG)
    assert [(f.code, f.line, f.column, f.level) for f in findings] == [("L100", 1, 54, "warning")]
    assert "T101" in findings[0].message
    # the finding points at the suppression comment itself
    assert doc.splitlines()[0][findings[0].column - 1:].startswith("smmrules: ignore[T101]")


def test_unused_file_wide_and_blanket_suppressions_are_l100():
    doc = ("# smmrules: ignore-file[R404]\n"
           "goal: increase monthly sales 20% within 6 months   # smmrules: ignore\n"
           "  task: raise conversion from first touch to sale\n")
    assert found(doc) == {(1, "L100"), (2, "L100")}


def test_unknown_code_is_l101_not_l100():
    doc = ("goal: increase monthly sales 20% within 6 months   # smmrules: ignore[X999]\n"
           "  task: raise conversion from first touch to sale\n"
           "goal: get more followers   # smmrules: ignore[T101, Q1]\n")
    findings = lint(doc, path="doc.goals", config=PINNED_CONFIG)
    l101 = [f for f in findings if f.code == "L101"]
    assert [(f.line, f.level) for f in l101] == [(1, "warning"), (3, "warning")]
    assert "X999" in l101[0].message and "Q1" in l101[1].message
    assert "L100" not in {f.code for f in findings}
    assert on_line(found(doc), 3) == {"D605", "M203", "L101"}   # the known code still works


def test_l100_and_l101_can_be_ignored():
    doc = ("goal: increase monthly sales 20% within 6 months   # smmrules: ignore[T101]\n"
           "  task: raise conversion from first touch to sale\n"
           "goal: increase monthly sales 30% within 6 months   # smmrules: ignore[X999]\n"
           "  task: build a loyalty programme for repeat sales\n")
    assert {code for _, code in found(doc)} >= {"L100", "L101"}
    assert {code for _, code in found(doc, ignore=("L100",))} & {"L100", "L101"} == {"L101"}
    assert {code for _, code in found(doc, ignore=("L1",))} & {"L100", "L101"} == set()
    # and selecting only the L codes shows just them
    assert {code for _, code in found(doc, select=("L",))} == {"L100", "L101"}


def test_suppressions_through_the_command_line(tmp_path, capsys, monkeypatch):
    doc = tmp_path / "plan.goals"
    doc.write_text("goal: get more followers   # smmrules: ignore[T101, X999]\n"
                   "goal: increase monthly sales 20% within 6 months   # smmrules: ignore[M203]\n"
                   "  task: raise conversion from first touch to sale\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    pinned = "select = [" + ", ".join(f'"{code}"' for code in PINNED) + "]\n"
    (tmp_path / ".smmrules.toml").write_text(pinned, encoding="utf-8")

    def codes(*options):
        code = main(["lint", "plan.goals", "--format", "json", *options])
        out = json.loads(capsys.readouterr().out)
        return code, {(f["line"], f["code"]) for f in out}

    code, f = codes()
    assert code == 1
    assert f == {(1, "D605"), (1, "M203"), (1, "L101"), (2, "L100")}
    assert codes("--ignore", "L100,L101")[1] == {(1, "D605"), (1, "M203")}
    assert codes("--ignore", "L")[1] == {(1, "D605"), (1, "M203")}
    assert codes("--select", "L100")[1] == {(2, "L100")}
    (tmp_path / ".smmrules.toml").write_text(pinned + 'ignore = ["L101", "D605"]\n', encoding="utf-8")
    assert codes()[1] == {(1, "M203"), (2, "L100")}


@pytest.mark.parametrize("line", [
    "goal: get more followers #smmrules: ignore[T101]",     # '#' must be followed by a space
    "goal: get more followers smmrules: ignore[T101]",      # not a comment at all
])
def test_not_a_suppression(line):
    from smmrules.documents.goals import parse_document
    doc = parse_document(line + "\n")
    assert doc.suppressions == ()
    assert found(line + "\n")          # whatever the line parses as, its findings are not hidden
