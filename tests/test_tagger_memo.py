"""The tagger's memo of LR steps changes no reading: tokens without the memo, with a cold one,
a warm one and a saturated one are identical, over the corpus and generated statements."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmrules.language import tagger as tagger_module
from smmrules.base.errors import GoalSyntaxError
from smmrules.language.grammar import default_grammar
from smmrules.language.tokenizer import tokenize
from strategies import LANGS, goals

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "goals-dev.jsonl"
MISSING_CORPUS = f"the goal corpus is not at {CORPUS} (it sits beside the checkout in CI, not in a plain clone)"


def _tokens(text: str, lang: str):
    try:
        return [(t.type, str(t), t.meaning, t.alts, t.start_pos, t.end_pos, t.line, t.column, t.end_column)
                for t in default_grammar().tokens(text, lang)]
    except GoalSyntaxError as err:
        return ("error", err.code, err.line, err.column)


class _Forgetful(dict):
    """A memo that remembers nothing."""

    def __setitem__(self, key, value):
        pass


def _unmemoised(text: str, lang: str):
    tagger = default_grammar().tagger
    tagger._step = tagger._simulate          # every step simulated afresh
    kept = tagger._runs, tagger._shapes, tagger._positions, tagger._sigs
    # every run and every word of it read, every lattice's shape written out and searched
    tagger._runs, tagger._shapes, tagger._positions, tagger._sigs = (_Forgetful(), _Forgetful(), _Forgetful(),
                                                                     _Forgetful())
    try:
        return _tokens(text, lang)
    finally:
        del tagger._step
        tagger._runs, tagger._shapes, tagger._positions, tagger._sigs = kept


def _cold_and_warm(text: str, lang: str):
    tagger = default_grammar().tagger
    memo = tagger._memo
    for m in (memo, tagger._runs, tagger._shapes, tagger._positions):
        m.clear()
    cold = _tokens(text, lang)
    assert memo and tagger._shapes, "the memos are used"
    assert tagger._runs or not any(t.kind == "word" for t in tokenize(text)), "the memos are used"
    assert bool(tagger._positions) == bool(tagger._runs)
    warm = _tokens(text, lang)
    assert cold == _unmemoised(text, lang)
    return cold, warm


@pytest.mark.skipif(not CORPUS.exists(), reason=MISSING_CORPUS)
def test_corpus_tokens_do_not_depend_on_the_memo():
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) > 30
    for row in rows:
        cold, warm = _cold_and_warm(row["text"], row["lang"])
        assert cold == warm, row["id"]
    # and the whole corpus again over the memo the corpus itself filled
    for row in rows:
        assert _tokens(row["text"], row["lang"]) == _cold_and_warm(row["text"], row["lang"])[0], row["id"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LANGS).flatmap(lambda lang: goals(lang).map(lambda g: (g.render(lang), lang))))
def test_generated_goals_tag_the_same_with_a_warm_memo(statement):
    cold, warm = _cold_and_warm(*statement)
    assert cold == warm


def test_the_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(tagger_module, "MEMO_LIMIT", 5)
    tagger = default_grammar().tagger
    tagger._memo.clear()
    text = "increase monthly sales from 410 to 500 by 2026-06 with paid ads on instagram"
    expected = _tokens(text, "en")
    for _ in range(3):
        tagger._shapes.clear()      # a remembered lattice would take no step at all
        assert _tokens(text, "en") == expected == _unmemoised(text, "en")
        assert len(tagger._memo) <= 5


@pytest.mark.skipif(not CORPUS.exists(), reason=MISSING_CORPUS)
def test_every_memo_entry_is_the_step_it_stands_for():
    tagger = default_grammar().tagger
    tagger._memo.clear()
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            _tokens(row["text"], row["lang"])
    assert len(tagger._memo) > 50
    for (stack, term), after in tagger._memo.items():
        assert after == tagger._simulate(stack, term), (stack, term)


def test_a_new_run_reads_the_words_it_shares_with_a_remembered_one_from_the_memo():
    tagger = default_grammar().tagger
    tagger._positions.clear()
    tagger._runs.clear()
    first = _tokens("grow weekly Instagram followers from 300 to 900 by 2026-06", "en")
    size = len(tagger._positions)
    assert size == 7                # every word once (to and by: runs of one word)
    # another run (a channel changed): only the new word and the words whose own phrases can reach it are
    # read again ("weekly" begins phrases of three words, "weekly active team", which reach it; "grow" none
    # longer than itself)
    second = _tokens("grow weekly TikTok followers from 300 to 900 by 2026-06", "en")
    assert [t[0] for t in second] == [t[0] for t in first]
    lex = default_grammar().lexicons["en"]
    reaching = [w for k, w in enumerate(["grow", "weekly"]) if lex.reach(w) < 0 or max(1, lex.reach(w)) > 2 - k]
    assert len(tagger._positions) == size + 1 + len(reaching)
    assert second == _unmemoised("grow weekly TikTok followers from 300 to 900 by 2026-06", "en")


def test_the_word_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(tagger_module, "POSITION_MEMO_LIMIT", 3)
    tagger = default_grammar().tagger
    tagger._positions.clear()
    texts = ["increase monthly sales from 410 to 500 by 2026-06 with paid ads on instagram",
             "увеличить продажи в Instagram с 410 до 500 к 2026-06"]
    for text, lang in zip(texts, ("en", "ru")):
        tagger._runs.clear()
        tagger._shapes.clear()
        assert _tokens(text, lang) == _unmemoised(text, lang)
        assert len(tagger._positions) <= 3


def test_a_words_reach_is_the_longest_phrase_it_begins():
    """The memo keys of a word's readings hold the words its own phrases can span (Lexicon.reach): "grow"
    begins phrases of one word, "weekly" of three ("weekly active team"); a number word may run past its
    phrases (-1: the whole window), and a word that begins no phrase reaches nothing."""
    lexicons = default_grammar().lexicons
    en, ru = lexicons["en"], lexicons["ru"]
    assert en.reach("grow") == 1
    assert en.reach("weekly") == 3
    assert [(r.terminal, r.value, r.length) for r in en.readings(["weekly", "active", "team"], 0)] == [
        ("METRIC", "active_accounts", 3), ("PERIOD", "week", 1)]
    assert en.reach("twenty") == -1 and ru.reach("двадцать") == -1
    assert en.reach("zzqx") == 0
    # a reading never spans more words than the word's reach
    for lex, words in ((en, ["weekly", "active", "team", "grow"]), (ru, ["средний", "чек", "сделки", "рост"])):
        assert max(r.length for r in lex.readings(words, 0)) <= lex.reach(words[0])
