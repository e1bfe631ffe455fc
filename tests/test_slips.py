"""Slips of the pen (issue 11): a word no pattern begins that is one slip away from one metric's word is read as
that metric ("engagment", «коментариев», «підпісників»), and a Cyrillic word typed with Latin letters that look
the same («лидa») is read as the Cyrillic word. The table rows of tests/test_read_families.py (READINGS_20B)
check whole statements; these check the reader itself, over the whole vocabulary."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmrules import parse_goal
from smmrules.language.lexicon import _MISSPELT_MIN, _TERMINAL, _VALUE, default_lexicons
from smmrules.language.words import normalize_word

LEXICONS = default_lexicons()


def _metric_words(lang: str) -> dict[str, set[str]]:
    """Every word that begins a metric's pattern in the language -> the metrics it begins."""
    lex = LEXICONS[lang]
    words: dict[str, set[str]] = {}
    for w, patterns in lex._exact.items():
        for p in patterns:
            if p[_TERMINAL] == "METRIC":
                words.setdefault(w, set()).add(p[_VALUE])
    for prefix in lex._blobs:
        for form, gid in lex._table(prefix).items():
            for p in lex._groups[abs(gid) - 1]:
                if p[_TERMINAL] == "METRIC":
                    words.setdefault(form, set()).add(p[_VALUE])
    return {w: v for w, v in words.items() if len(w) > _MISSPELT_MIN and w.isalpha()}


WORDS = {lang: _metric_words(lang) for lang in ("en", "ru", "uk")}


def _known(lex, word: str) -> bool:
    return word in lex._exact or lex._table(word[:2]).get(word) is not None or word in lex.function_words


def _slip_metrics(lang: str, word: str) -> set[str]:
    return {p[_VALUE] for p in LEXICONS[lang]._misspelt(word)}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(("en", "ru", "uk")), st.data())
def test_a_letter_left_out_reads_as_its_metric_or_as_nothing(lang, data):
    word = data.draw(st.sampled_from(sorted(WORDS[lang])))
    i = data.draw(st.integers(2, len(word) - 1))
    slip = word[:i] + word[i + 1:]
    if _known(LEXICONS[lang], slip):
        return          # a word of its own ("contact" from "contract"): read as itself
    got = _slip_metrics(lang, slip)
    assert not got or got & WORDS[lang][word], (word, slip, got)


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_most_words_with_a_letter_left_out_are_read_back(lang):
    # Every metric word with every letter after the first two left out: a slip is read back unless it is one
    # slip from two words (then it is read as nothing), and never as another metric.
    lex = LEXICONS[lang]
    read = wrong = total = 0
    for word, metrics in WORDS[lang].items():
        for i in range(2, len(word)):
            slip = word[:i] + word[i + 1:]
            if _known(lex, slip):
                continue
            total += 1
            got = _slip_metrics(lang, slip)
            read += bool(got & metrics)
            wrong += bool(got) and not got & metrics
    assert wrong == 0
    assert read / total > 0.85, (read, total)


@pytest.mark.parametrize("lang, slip, metric", [
    ("en", "engagment", "engagement"),              # a letter left out
    ("en", "followerrs", "followers"),              # a letter doubled
    ("en", "folowers", "followers"),                # a double letter written once
    ("en", "impresions", "impressions"),
    ("en", "reveiws", "reviews"),                   # two letters swapped
    ("ru", "коментариев", "comments"),
    ("ru", "подписчков", "followers"),
    ("ru", "прсмотров", "views"),
    ("ru", "подпесчиков", None),                    # е for и: letters the language does not confuse
    ("uk", "підпісників", "followers"),             # і for и
    ("uk", "коментарив", "comments"),               # и for і
    ("uk", "охопленя", "reach"),
])
def test_slips(lang, slip, metric):
    got = _slip_metrics(lang, slip)
    assert got == set() if metric is None else metric in got


@pytest.mark.parametrize("lang, word", [
    ("en", "salse"),            # shorter than the shortest word read so
    ("en", "between"),          # a function word
    ("en", "posters"),          # a word of its own, one letter from "posts" but no slip of it
    ("en", "fo11owers"),        # not the language's letters
    ("ru", "продажи2"),
    ("uk", "подписчиков"),      # a Russian word in a Ukrainian statement: more than one slip away
])
def test_words_that_are_no_slips(lang, word):
    assert LEXICONS[lang]._misspelt(normalize_word(word)) == ()


@pytest.mark.parametrize("typed, read", [
    ("лидa", "лида"),                   # a Latin a
    ("пoдписчиков", "подписчиков"),     # a Latin o
    ("ПPОДАЖИ", "продажи"),             # a Latin P, upper case
    ("SMM-менеджер", "smm-менеджер"),   # hyphened: the Latin part is a word of its own
    ("общий@a", "общий@a"),             # a pattern's tag
    ("followers", "followers"),
    ("ERRов", "errов"),                 # half the letters Latin: as typed
])
def test_cyrillic_words_with_latin_lookalikes(typed, read):
    assert normalize_word(typed) == read


def test_a_slip_keeps_the_words_as_written():
    goal = parse_goal("Reach 30,000 folowers on TikTok before Christmas", today="2026-01-15")
    assert (goal.metric.name, goal.metric.text) == ("followers", "folowers")


def test_a_slip_is_no_vote_for_a_language():
    # «блогеров»: «блогерові» with a letter left out, so Ukrainian reads it as a slip; a slip is no sign of the
    # language the statement is in
    from smmrules.language.langdetect import detect_lang
    assert LEXICONS["uk"].slip("блогерів") is False
    assert detect_lang("Заказать рекламу у блогеров-кулинаров", LEXICONS) == "ru"
