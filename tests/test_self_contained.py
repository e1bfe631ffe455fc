"""The repository speaks for itself: rule texts, docs, examples, the README and the package source state
their reasoning, without internal source labels ("Seed 000", «Джерело 002», «Источник 000»), without
pointing at design files that are not in the repository (DESIGN.md, DOMAIN.md, STYLE.md) or at the
tracker's issues ("issue 12")."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LABEL = re.compile(
    r"\bseeds?[\s-]*\d{3}\b"                          # Seed 000, seed-002, seeds 000 and 002
    r"|\b(?:джерел[оаіу]?|источник[аеу]?)[\s-]*\d{3}\b"  # Джерело 000, Источник 002
    r"|\b(?:DESIGN|DOMAIN|STYLE)\.md\b"                # design files outside the repository
    r"|\bissue\s+#?\d+\b",                           # the tracker's issues: issue 12, issue #7
    re.IGNORECASE,
)
# Folders next to the repository (the development corpus and design notes) are named nowhere.
OUTSIDE = re.compile(r"\.\./shared\b|/work/shared\b")


def files() -> list[Path]:
    found = [ROOT / "README.md", ROOT / "SECURITY.md"]
    found += sorted((ROOT / "docs").rglob("*.md"))
    found += sorted((ROOT / "rules").rglob("*.toml"))
    found += sorted((ROOT / "grammar").rglob("*.toml")) + sorted((ROOT / "grammar").rglob("*.lark"))
    found += sorted((ROOT / "smmrules").rglob("*.py"))
    found += sorted((ROOT / "examples").rglob("*.goals"))
    return [p for p in found if p.is_file()]


def offences(path: Path) -> list[str]:
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if LABEL.search(line) or OUTSIDE.search(line):
            out.append(f"{path.relative_to(ROOT)}:{no}: {line.strip()}")
    return out


def test_the_scanned_set_is_the_user_facing_one():
    names = {p.relative_to(ROOT).as_posix() for p in files()}
    for expected in ("README.md", "SECURITY.md", "docs/documents.md", "docs/rule-files.md",
                     "docs/rules/D501.md", "docs/architecture.md", "docs/goal-language.md",
                     "docs/marketing.md", "docs/output.md", "rules/domain.toml", "rules/catalogue.toml",
                     "rules/tasks-sales.toml",
                     "grammar/document.lark", "grammar/document.toml", "smmrules/metrics.py",
                     "smmrules/reporters/text.py", "examples/clean-brief.goals"):
        assert expected in names


@pytest.mark.parametrize("text", [
    "Seed 000: ERR = reactions / reach", "as seed 002 says", "the seed-002 rules", "(seeds 000 and 002)",
    "Джерело 000: завдання", "Источник 002: SMM отвечает", "джерела 002", "see DESIGN.md section 1",
    "DOMAIN.md", "(STYLE.md, habit 9)", "(issue 12, family 1)", "see issue #7",
])
def test_the_pattern_finds_every_form_of_a_label(text):
    assert LABEL.search(text)


@pytest.mark.parametrize("text", [
    "role: один из источников", "роль: одне з джерел", "джерело трафіку", "--seed 5",
    "rng = random.Random(seed)", "a seeded generator", "docs/documents.md", "README.md",
    "open an issue, with a file that reproduces the problem", "an issue tracker",
])
def test_the_pattern_leaves_ordinary_words_alone(text):
    assert not LABEL.search(text)


def test_no_labels_or_outside_files_in_user_facing_text():
    found = [o for p in files() for o in offences(p)]
    assert found == []


def test_catalogue_tasks_carry_no_source_label():
    tasks = [t for path in sorted((ROOT / "rules").glob("tasks-*.toml"))
             for t in tomllib.loads(path.read_text(encoding="utf-8"))["task"]]
    assert len(tasks) >= 80
    assert [t["id"] for t in tasks if "seed" in t or LABEL.search(t["source"])] == []


def test_loaded_rule_texts_carry_no_label():
    from smmrules.rules.engine import default_rules
    rules = default_rules().rules
    assert len(rules) > 30
    bad = []
    for rule in rules:
        for lang, texts in rule.texts.items():
            for key, value in texts.items():
                if isinstance(value, str) and LABEL.search(value):
                    bad.append(f"{rule.code} {lang}.{key}: {value}")
    assert bad == []


LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_relative_links_in_the_docs_point_into_the_repository():
    broken = []
    for path in [ROOT / "README.md", ROOT / "SECURITY.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        for target in LINK.findall(path.read_text(encoding="utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            resolved = (path.parent / target).resolve()
            if not resolved.exists() or ROOT not in resolved.parents:
                broken.append(f"{path.relative_to(ROOT)}: {target}")
    assert broken == []
