"""docs/rules is generated from the rule files; this test fails when it drifts."""
from pathlib import Path

from smmrules.docgen import generated_pages

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def test_generated_rule_docs_match_the_committed_ones():
    pages = generated_pages()
    committed = {p.name for p in DOCS.glob("*.md")}
    assert committed == set(pages), "run: python -m smmrules.docgen"
    for name, text in pages.items():
        assert (DOCS / name).read_text(encoding="utf-8") == text, f"{name} is stale: run python -m smmrules.docgen"


def test_every_rule_has_a_page_linked_from_the_index():
    pages = generated_pages()
    index = pages["index.md"]
    for name in pages:
        if name != "index.md":
            assert f"({name})" in index


def test_document_keyword_tables_match_the_grammar_data():
    from smmrules.rules.explain import with_keyword_tables
    text = (DOCS.parent / "documents.md").read_text(encoding="utf-8")
    assert with_keyword_tables(text) == text, "run: python -m smmrules.docgen"


def test_vocabulary_page_matches_the_metric_table():
    from smmrules.docgen import vocabulary_page
    text = (DOCS.parent / "vocabulary.md").read_text(encoding="utf-8")
    assert text == vocabulary_page(), "docs/vocabulary.md is stale: run python -m smmrules.docgen"
    from smmrules.language.lexicon import default_lexicons
    for name, info in default_lexicons().metrics.items():
        assert f"| `{name}` | {info.unit_kind} |" in text, name


def test_task_catalogue_page_matches_the_catalogue():
    from smmrules.docgen import tasks_page
    from smmrules.rules.engine import default_rules
    text = (DOCS.parent / "tasks.md").read_text(encoding="utf-8")
    assert text == tasks_page(), "docs/tasks.md is stale: run python -m smmrules.docgen"
    for task in default_rules().catalogue.tasks:
        assert f"| `{task.id}` | {task.title('en')} |" in text
