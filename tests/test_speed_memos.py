"""The lint path's memos change no answer: a whole-statement parse, the tagger's readings of a run of
words and its choice per lattice shape, the catalogue's rankings and the index of a document's goals
give what the same work done afresh gives (positions included), and every memo stays bounded."""
from __future__ import annotations

import contextlib
import datetime as dt

import attr
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmrules.base.errors import GoalSyntaxError
from smmrules.documents.goals import parse_document
from smmrules.language import parse as parse_module
from smmrules.language import tagger as tagger_module
from smmrules.language.ast import Span
from smmrules.language.grammar import default_grammar
from smmrules.language.parse import moved_down, parse_goal
from smmrules.linting.pipeline import lint
from smmrules.rules import fixkinds
from smmrules.rules.engine import default_rules
from strategies import LANGS, goal_documents, goals

TODAY = dt.date(2026, 3, 10)


class _Forgetful(dict):
    """A memo that remembers nothing."""

    def __setitem__(self, key, value):
        pass


@contextlib.contextmanager
def no_memos():
    """Every memo of the lint path replaced by one that remembers nothing (the LR steps simulated)."""
    g, rules = default_grammar(), default_rules()
    t, cat = g.tagger, rules.catalogue
    saved = g.parsed, t._runs, t._shapes, cat._ranked, rules.__dict__.get("_task_profiles", {}), t._plain, t._ends
    g.parsed, t._runs, t._shapes, t._plain = _Forgetful(), _Forgetful(), _Forgetful(), _Forgetful()
    t._ends = _Forgetful()
    object.__setattr__(cat, "_ranked", _Forgetful())
    rules.__dict__["_task_profiles"] = _Forgetful()
    t._step = t._simulate
    try:
        yield
    finally:
        del t._step
        g.parsed, t._runs, t._shapes = saved[:3]
        t._plain, t._ends = saved[5], saved[6]
        object.__setattr__(cat, "_ranked", saved[3])
        rules.__dict__["_task_profiles"] = saved[4]


def _spans(value, path="goal"):
    """Every span in a node, by where it is."""
    if isinstance(value, Span):
        return [(path, value)]
    if isinstance(value, tuple):
        return [s for i, v in enumerate(value) for s in _spans(v, f"{path}[{i}]")]
    if attr.has(type(value)):
        return [s for f in attr.fields(type(value)) for s in _spans(getattr(value, f.name), f"{path}.{f.name}")]
    return []


statements = st.sampled_from(LANGS).flatmap(lambda lang: goals(lang).map(lambda g: (g.render(lang), lang)))


@settings(max_examples=60, deadline=None)
@given(statements, st.integers(1, 400), st.integers(1, 400), st.integers(1, 12))
def test_a_remembered_statement_is_the_statement_parsed_afresh_at_its_place(statement, first, second, column):
    text, lang = statement
    g = default_grammar()
    g.parsed.clear()
    try:
        earlier = parse_goal(text, lang=lang, today=TODAY, origin=(first, column))
    except GoalSyntaxError:
        return                  # errors are never remembered
    assert (text, lang, TODAY, column) in g.parsed
    again = parse_goal(text, lang=lang, today=TODAY, origin=(second, column))
    with no_memos():
        fresh = parse_goal(text, lang=lang, today=TODAY, origin=(second, column))
    assert again == fresh
    assert _spans(again) == _spans(fresh)
    assert again.to_json() == fresh.to_json()
    assert again is not earlier
    assert [s.line - second for _, s in _spans(again)] == [s.line - first for _, s in _spans(earlier)]


def _at(text: str, origin: tuple[int, int], today: dt.date = TODAY):
    return parse_goal(text, lang="en", today=today, origin=origin)


def test_a_statement_moved_down_has_every_span_on_the_later_line():
    default_grammar().parsed.clear()
    text = "increase Instagram followers from 3 200 to 5 000 by 2026-09-30"
    at_two, at_nine = _at(text, (2, 7)), _at(text, (9, 7))
    assert at_two.span == Span(2, 7, 2, 7 + len(text))
    assert at_nine.span == Span(9, 7, 9, 7 + len(text))
    assert at_nine.target.span.line == at_nine.deadline.span.line == 9
    assert at_nine.target.span.column == at_two.target.span.column
    assert moved_down(at_two, 7) == at_nine
    assert moved_down(at_two, 0) is at_two


def test_a_statement_at_another_column_or_date_is_parsed_again():
    g = default_grammar()
    g.parsed.clear()
    text = "get 300 leads per month within 6 months"
    a, b, c = _at(text, (1, 7)), _at(text, (1, 9)), _at(text, (1, 7), dt.date(2027, 1, 1))
    assert (a.span.column, b.span.column) == (7, 9)
    assert a.deadline.date == dt.date(2026, 9, 10) and c.deadline.date == dt.date(2027, 7, 1)
    assert len(g.parsed) == 3


def test_the_statement_memo_keeps_the_most_recently_used(monkeypatch):
    monkeypatch.setattr(parse_module, "PARSED_KEPT", 3)
    g = default_grammar()
    g.parsed.clear()
    texts = [f"get {n} new followers within 3 months" for n in (100, 200, 300, 400)]
    for t in texts[:3]:
        parse_goal(t, lang="en", today=TODAY)
    parse_goal(texts[0], lang="en", today=TODAY)          # used again: now the most recent
    parse_goal(texts[3], lang="en", today=TODAY)          # the least recently used (200) goes
    assert [k[0] for k in g.parsed] == [texts[2], texts[0], texts[3]]


def test_statements_that_differ_in_their_figures_share_one_lattice_shape():
    t = default_grammar().tagger
    for memo in (t._memo, t._runs, t._shapes):
        memo.clear()
    a = default_grammar().tokens("increase sales by 40% by 2027-05-01", "en")
    b = default_grammar().tokens("increase sales by 35% by 2028-02-11", "en")
    assert len(t._shapes) == 1
    assert [x.type for x in a] == [x.type for x in b]
    assert [x.meaning for x in b if x.type in ("NUMBER", "ISO_DATE")] == ["35", "2028-02-11"]
    with no_memos():
        assert [(x.type, x.meaning, x.column) for x in default_grammar().tokens(
            "increase sales by 35% by 2028-02-11", "en")] == [(x.type, x.meaning, x.column) for x in b]


def test_the_tagger_memos_are_bounded_and_change_no_reading(monkeypatch):
    monkeypatch.setattr(tagger_module, "RUN_MEMO_LIMIT", 2)
    monkeypatch.setattr(tagger_module, "SHAPE_MEMO_LIMIT", 2)
    monkeypatch.setattr(tagger_module, "TOKEN_MEMO_LIMIT", 2)
    t = default_grammar().tagger
    t._runs.clear()
    t._shapes.clear()
    t._plain.clear()
    texts = [("en", "reach 5 000 followers on TikTok by June 2027"), ("ru", "увеличить продажи на 20% за 3 месяца"),
             ("uk", "збільшити кількість заявок до 300 на місяць"), ("en", "answer every request within 2 hours")]
    with no_memos():
        expected = [[(x.type, x.meaning, x.alts, x.column) for x in default_grammar().tokens(s, lang)]
                    for lang, s in texts]
    for _ in range(2):
        got = [[(x.type, x.meaning, x.alts, x.column) for x in default_grammar().tokens(s, lang)] for lang, s in texts]
        assert got == expected
        assert len(t._runs) <= 2 and len(t._shapes) <= 2 and len(t._plain) <= 2


def test_where_a_statement_may_end_is_remembered_per_stack_and_bounded(monkeypatch):
    monkeypatch.setattr(tagger_module, "MEMO_LIMIT", 3)
    t = default_grammar().tagger
    t._ends.clear()
    stacks = []
    for text in ("increase sales by 20%", "increase sales by 20% by 2027-06", "grow followers to 5,000"):
        stack = (t._start,)
        for tok in default_grammar().tokens(text, "en"):
            stack = t._simulate(stack, tok.type)
            stacks.append(stack)
    ends = [t._accepts_end(s) for s in stacks]
    assert ends == [t._reduces_to_end(s) for s in stacks]
    assert ends[3] is True and ends[2] is False       # "...by 20%" may end there; "...by" may not
    assert len(t._ends) <= 3


def test_a_remembered_failure_is_the_same_syntax_error():
    t = default_grammar().tagger
    t._shapes.clear()
    errors = []
    for text in ("increase sales by %", "increase leads by %"):
        try:
            default_grammar().tokens(text, "en")
        except GoalSyntaxError as err:
            errors.append((err.code, err.line, err.column, err.expected))
    assert len(t._shapes) == 1
    assert len(errors) == 2 and errors[0] == errors[1]
    assert errors[0][:3] == ("E004", 1, 19)


def test_a_ranking_is_made_once_and_each_caller_gets_its_own_list():
    cat = default_rules().catalogue
    cat._ranked.clear()
    first = cat.ranked("leads", "leads", None)
    assert first == list(cat._rank("leads", "leads", None, ()))
    assert first and all(t.category == "leads" or "leads" in t.metrics for t in first)
    first.clear()
    assert cat.ranked("leads", "leads", None) == list(cat._rank("leads", "leads", None, ()))
    assert len(cat._ranked) == 1


def test_the_goal_index_finds_entries_and_lines_between():
    text = ("goal: get 100 leads per month within 3 months\n  task: run a lead form\n"
            "# a note\n"
            "goal: reach ERR 5% by 2026-12-31\n"
            "goal: get 100 leads per month within 3 months\n  task: answer every request within an hour\n")
    doc = parse_document(text, today=TODAY)
    index = fixkinds._goal_index(doc)
    assert index is fixkinds._goal_index(doc)
    assert index.lines == [1, 2, 4, 5, 6]
    assert index.by_line == {1: 0, 4: 1, 5: 2}
    assert index.by_goal[id(doc.goals[2].goal)] == 2
    assert index.any_between(2, 5) and not index.any_between(2, 4) and not index.any_between(5, 6)
    other = parse_document(text, today=TODAY)
    assert fixkinds._goal_index(other) is not index
    del doc, other                              # the index goes with its document
    assert fixkinds._last_index[1] is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(goal_documents())
def test_a_document_lints_the_same_with_and_without_the_memos(doc):
    _, text = doc
    body = text.lstrip("\ufeff")
    twice = text + ("\n" if not text.endswith(("\n", "\r\n")) else "") + body   # every goal again, further down
    for t in (text, twice):
        warm = lint(t, today=TODAY)
        assert lint(t, today=TODAY) == warm
        with no_memos():
            assert lint(t, today=TODAY) == warm


def test_a_replayed_parse_is_the_parse_driven_through_the_table():
    from smmrules.language import lr
    from smmrules.language.phrases import ToPhrases
    g = default_grammar()
    texts = ["grow Instagram followers from 1 200 to 2 400 in 8 weeks",
             "grow TikTok followers from 300 to 900 in 5 weeks"]
    plans: dict = {}
    for text in texts:
        tokens = g.tokens(text, "en")
        driven = lr.parse(g.table, tokens, ToPhrases(text))
        replayed = lr.parse(g.table, tokens, ToPhrases(text), plans)     # the first time: driven and kept
        again = lr.parse(g.table, tokens, ToPhrases(text), plans)        # then replayed
        assert driven == replayed == again
        assert repr(lr.parse(g.table, tokens)) == repr(lr.parse(g.table, tokens, None, plans))
    assert len(plans) == 1          # the two statements are one sequence of terminal types
    plan = next(iter(plans.values()))
    assert plan.ops.count(None) == len(g.tokens(texts[0], "en"))      # one shift per token


def test_a_word_is_spelled_the_same_from_the_memo_and_the_memo_is_bounded(monkeypatch):
    from smmrules.language import words
    monkeypatch.setattr(words, "_SPELLED_KEPT", 2)
    words._SPELLED.clear()
    expected = {"Ёлка": "елка", "Don’t": "don't", "Інстаграмʼу": "інстаграм'у", "TikTok": "tiktok",
                "Cafe\u0301": "caf\u00e9"}
    for _ in range(2):
        for word, spelled in expected.items():
            assert words.normalize_word(word) == spelled
            assert len(words._SPELLED) <= 2


def test_cyrillic_words_are_told_from_latin_ones():
    from smmrules.language.langdetect import _is_cyrillic
    assert [_is_cyrillic(w) for w in ("tiktok", "café", "інстаграм", "ёлка", "smmщик", "ω")] == \
        [False, False, True, True, True, False]


def test_a_template_renders_the_same_from_its_remembered_pieces():
    from smmrules.rules import rulefile
    rulefile._PIECES.clear()
    values = {"metric": "leads", "value": "300", "": "empty"}
    template = "{{literal}} {metric} to {value}{missing} {} }}"
    assert rulefile.render_template(template, values) == "{literal} leads to 300 empty }"
    assert rulefile.render_template(template, values) == rulefile._cut(template, values, rulefile.MAX_MESSAGE)
    assert len(rulefile._PIECES) == 1
    assert rulefile.render_template("{value} and {value}", values, limit=8) == "300 and \u2026"
    assert rulefile.render_template("{value} and {value}", values, limit=9) == "300 and 3\u2026"
    assert rulefile.render_template("{value} and {value}", values, limit=11) == "300 and 300"
    long = "{value}" * 10_000
    assert rulefile.render_template(long, values) == "300" * 1333 + "3\u2026"


# each line's terminals as the reader made them before the memo of line heads (type, text, line, column, end)
CLASSIFIED = {
    "  goal sales: get 300 leads per month  # draft": [
        ("GOAL_KW", "goal", 7, 3, 7), ("CATEGORY", "sales", 7, 8, 13), ("COLON", ":", 7, 13, 14),
        ("VALUE", "get 300 leads per month", 7, 15, 38), ("COMMENT", "# draft", 7, 40, 47), ("NL", "\n", 7, 47, 48)],
    "цель: вырасти до 5 000 подписчиков": [
        ("GOAL_KW", "цель", 7, 1, 5), ("COLON", ":", 7, 5, 6), ("VALUE", "вырасти до 5 000 подписчиков", 7, 7, 35),
        ("NL", "\n", 7, 35, 36)],
    "\tзавдання:   запустити таргет ": [
        ("TASK_KW", "завдання", 7, 2, 10), ("COLON", ":", 7, 10, 11), ("VALUE", "запустити таргет", 7, 14, 30),
        ("NL", "\n", 7, 31, 32)],
    "current 2026-03-01: 4,200": [
        ("CHECKIN_KW", "current", 7, 1, 8), ("CHECKIN_DATE", "2026-03-01", 7, 9, 19), ("COLON", ":", 7, 19, 20),
        ("VALUE", "4,200", 7, 21, 26), ("NL", "\n", 7, 26, 27)],
    "факт на 01.03.2026: 120": [
        ("CHECKIN_KW", "факт на", 7, 1, 8), ("CHECKIN_DATE", "01.03.2026", 7, 9, 19), ("COLON", ":", 7, 19, 20),
        ("VALUE", "120", 7, 21, 24), ("NL", "\n", 7, 24, 25)],
    "client: Corner Bakery": [
        ("KEY", "client", 7, 1, 7), ("COLON", ":", 7, 7, 8), ("VALUE", "Corner Bakery", 7, 9, 22), ("NL", "\n", 7, 22, 23)],
    "ask: about # budget": [
        ("KEY", "ask", 7, 1, 4), ("COLON", ":", 7, 4, 5), ("VALUE", "about", 7, 6, 11), ("COMMENT", "# budget", 7, 12, 20),
        ("NL", "\n", 7, 20, 21)],
    "task:": [("TASK_KW", "task", 7, 1, 5), ("COLON", ":", 7, 5, 6), ("NL", "\n", 7, 6, 7)],
    "1st call: Monday": [("TEXT", "1st call: Monday", 7, 1, 17), ("NL", "\n", 7, 17, 18)],
    "  # a note": [("COMMENT", "# a note", 7, 3, 11), ("NL", "\n", 7, 11, 12)],
    "   ": [("NL", "\n", 7, 4, 5)],
}


def test_a_line_head_reads_the_same_from_the_memo_and_the_memo_is_bounded(monkeypatch):
    from smmrules.documents import goals
    monkeypatch.setattr(goals, "_HEADS_KEPT", 2)
    goals._HEADS.clear()
    for _ in range(2):
        for line, expected in CLASSIFIED.items():
            assert [(t.type, str(t), t.line, t.column, t.end_column) for t in goals._classify(line, 7)] == expected
            assert len(goals._HEADS) <= 2


def test_a_trusted_span_is_the_span_the_validators_pass():
    from smmrules.language.ast import trusted_span
    made = trusted_span(3, 5, 4, 2)
    assert made == Span(3, 5, 4, 2) and hash(made) == hash(Span(3, 5, 4, 2))
    assert (made.line, made.column, made.end_line, made.end_column) == (3, 5, 4, 2)
    assert repr(made) == "Span(line=3, column=5, end_line=4, end_column=2)"
    assert Span(1, 4, 1, 9).cover(Span(2, 1, 2, 3)) == Span(1, 4, 2, 3)
    assert attr.evolve(made, line=2) == Span(2, 5, 4, 2)
    with pytest.raises(ValueError):
        attr.evolve(made, line=0)           # a span changed from outside is checked again


def test_a_record_evolves_only_the_fields_named_and_refuses_an_unknown_one():
    from smmrules.language.tokenizer import RawToken
    tok = RawToken("word", "grow", 0, 4)
    moved = tok.evolve(start=5, end=9)
    assert (moved.kind, moved.text, moved.start, moved.end, moved.value) == ("word", "grow", 5, 9, None)
    assert (tok.start, tok.end) == (0, 4)
    with pytest.raises(TypeError, match="RawToken has no field 'colour'"):
        tok.evolve(start=1, colour="red", width=2)


def test_a_tokens_alternatives_follow_the_readings_left_at_its_place():
    # "by" is one remembered run of words in both statements; before "the rebrand" it keeps its event
    # reading, before a date that reading is dropped there, and the alternatives say so each time
    g = default_grammar()
    for _ in range(2):
        event = [(t.type, t.alts) for t in g.tokens("increase sales by 40% by the rebrand", "en") if str(t) == "by"]
        dated = [(t.type, t.alts) for t in g.tokens("increase sales by 40% by 2027-05-01", "en") if str(t) == "by"]
        assert event == [("PREP", (("METHOD_BY", "_"), ("EV_PREP", "until"), ("WORD", "by"))),
                         ("EV_PREP", (("METHOD_BY", "_"), ("PREP", "by"), ("WORD", "by")))]
        assert dated == [("PREP", (("METHOD_BY", "_"), ("WORD", "by")))] * 2
