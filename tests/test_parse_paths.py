"""Phrases built while the parser reduces (what parse_goal does) equal the phrases of the parse
tree transformed afterwards, over the corpus and generated statements; errors are the same."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmrules.base.errors import GoalSyntaxError
from smmrules.language.grammar import default_grammar
from smmrules.language.phrases import ToPhrases
from strategies import LANGS, goals

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "goals-dev.jsonl"
MISSING_CORPUS = f"the goal corpus is not at {CORPUS} (it sits beside the checkout in CI, not in a plain clone)"


def _both(text: str, lang: str):
    g = default_grammar()
    try:
        tokens = g.tokens(text, lang)
    except GoalSyntaxError:
        return None, None
    out = []
    for how in ("tree", "reduce"):
        try:
            if how == "tree":
                phrases = ToPhrases(text).transform(g.parse_tokens(tokens))
            else:
                phrases = g.parse_tokens(tokens, ToPhrases(text))
            out.append([(p, p.toks) for p in phrases])
        except GoalSyntaxError as exc:
            out.append(("error", exc.code, exc.line, exc.column, exc.message))
    return out


@pytest.mark.skipif(not CORPUS.exists(), reason=MISSING_CORPUS)
def test_corpus_phrases_are_the_same_either_way():
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    compared = 0
    for row in rows:
        tree, reduced = _both(row["text"], row["lang"])
        assert tree == reduced, row["id"]
        compared += tree is not None
    assert compared > 30


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(LANGS).flatmap(lambda lang: goals(lang).map(lambda g: (g.render(lang), lang))))
def test_generated_phrases_are_the_same_either_way(statement):
    tree, reduced = _both(*statement)
    assert tree == reduced


@pytest.mark.parametrize("text, lang", [("increase sales by 20% by 2026-02-30", "en"),
                                         ("увеличить продажи на 20% до 31.02.2026", "ru")])
def test_an_impossible_date_is_the_same_error_either_way(text, lang):
    tree, reduced = _both(text, lang)
    assert tree == reduced and tree[0] == "error" and tree[1] == "E003"
