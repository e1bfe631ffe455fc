"""Item 7 of issue 11: tokens with digits that are not numbers (B2B, 24/7, 360°, 4K video, 1+1,
product names and versions) and template blanks ([Target], X, N, <N>, {X}, ___): every slot asserted.

Sentences written for these tests, in the patterns people use (today = 2026-01-15)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalcheck import row, slots
from smmrules import parse_goal
from smmrules.language.tokenizer import tokenize

# (row, the goal has a placeholder where its number should be)
ROWS = [
    # "~" is "about", "*" a footnote: punctuation, not a syntax error; v2.0 is a version
    (row('get ~500 leads a month by 2026-06', 'en', 'leads', 'achieve', 'leads', 'month', None, None,
         ('absolute', 500, None), ('date', '2026-06-30', None)), False),
    (row('increase sales by 20%* by 2026-06', 'en', 'sales', 'increase', 'sales', None, None, None,
         ('relative', 20, '%'), ('date', '2026-06-30', None)), False),
    (row('launch the v2.0 app and get 500 leads', 'en', 'leads', 'achieve', 'leads', None, None, None,
         ('absolute', 500, None), None), False),
    (row('получить ~300 заявок в месяц', 'ru', 'leads', 'achieve', 'leads', 'month', None, None,
         ('absolute', 300, None), None), False),
    (row('отримати ~300 заявок на місяць*', 'uk', 'leads', 'achieve', 'leads', 'month', None, None,
         ('absolute', 300, None), None), False),
    (row('grow B2B leads by 30% by 2026-06', 'en', 'leads', 'increase', 'leads', None, None, None, ('relative', 30, '%'), ('date', '2026-06-30', None)), False),
    (row('get 200 B2C sales in Q3 2026', 'en', 'sales', 'achieve', 'sales', None, None, None, ('absolute', 200, None), ('quarter', '2026-09-30', None)), False),
    (row('increase D2C revenue by 15%', 'en', 'sales', 'increase', 'revenue', None, None, None, ('relative', 15, '%'), None), False),
    (row('answer customer messages 24/7', 'en', 'communication', 'maintain', 'response_time', None, None, None, ('absolute', 100, '%'), None), False),
    (row('get 300 leads from 360° video tours by 2026-12', 'en', 'leads', 'achieve', 'leads', None, None, None, ('absolute', 300, None), ('date', '2026-12-31', None)), False),
    (row('get 200 leads from a 4K video ad', 'en', 'leads', 'achieve', 'leads', None, None, None, ('absolute', 200, None), None), False),
    (row('increase sales of 4K video courses by 25% by 2026-09', 'en', 'sales', 'increase', 'sales', None, None, None, ('relative', 25, '%'), ('date', '2026-09-30', None)), False),
    (row('sell 500 1+1 sets by 2026-12', 'en', 'sales', 'achieve', 'sales', None, None, None, ('absolute', 500, None), ('date', '2026-12-31', None)), False),
    (row('promote 2+1 offers to raise sales by 10%', 'en', 'sales', 'increase', 'sales', None, None, None, ('relative', 10, '%'), None), False),
    (row('sell 300 iPhone 15 cases per month', 'en', 'sales', 'achieve', 'sales', 'month', None, None, ('absolute', 300, None), None), False),
    (row('get 100 leads through a GPT-4 chatbot', 'en', 'leads', 'achieve', 'leads', None, None, None, ('absolute', 100, None), None), False),
    (row('grow Web3 followers to 5,000 by 2026-12', 'en', 'awareness', 'reach', 'followers', None, None, None, ('absolute', 5000, None), ('date', '2026-12-31', None)), False),
    (row('increase 5G plan sales by 20%', 'en', 'sales', 'increase', 'sales', None, None, None, ('relative', 20, '%'), None), False),
    (row('get 50 leads from the GA4 report', 'en', 'leads', 'achieve', 'leads', None, None, None, ('absolute', 50, None), None), False),
    (row('increase followers to [Target] by 2026-06', 'en', 'awareness', 'reach', 'followers', None, None, None, None, ('date', '2026-06-30', None)), True),
    (row('increase sales by X% by 2026-06', 'en', 'sales', 'increase', 'sales', None, None, None, None, ('date', '2026-06-30', None)), True),
    (row('get N new leads per month', 'en', 'leads', 'increase', 'leads', 'month', None, None, None, None), True),
    (row('increase leads by {X} by 2026-06', 'en', 'leads', 'increase', 'leads', None, None, None, None, ('date', '2026-06-30', None)), True),
    (row('grow followers to <N> within 6 months', 'en', 'awareness', 'reach', 'followers', None, None, None, None, ('duration', '2026-07-15', 'P6M')), True),
    (row('increase revenue by ___ by 2026-12', 'en', 'sales', 'increase', 'revenue', None, None, None, None, ('date', '2026-12-31', None)), True),
    (row('збільшити продажі B2B на 20% до 2026-06', 'uk', 'sales', 'increase', 'sales', None, None, None, ('relative', 20, '%'), ('date', '2026-06-30', None)), False),
    (row('відповідати на повідомлення 24/7', 'uk', 'communication', 'maintain', 'response_time', None, None, None, ('absolute', 100, '%'), None), False),
    (row('залучити 300 B2C клієнтів за квартал', 'uk', 'sales', 'achieve', 'sales', None, None, None, ('absolute', 300, None), ('duration', '2026-04-15', 'P3M')), False),
    (row('продати 1000 наборів 1+1 до кінця року', 'uk', 'sales', 'achieve', 'sales', None, None, None, ('absolute', 1000, None), ('period-end', '2026-12-31', None)), False),
    (row('збільшити продажі 4K відео на 30%', 'uk', 'sales', 'increase', 'sales', None, None, None, ('relative', 30, '%'), None), False),
    (row('досягти [цільове значення] підписників до 2026-06', 'uk', 'awareness', 'reach', 'followers', None, None, None, None, ('date', '2026-06-30', None)), True),
    (row('збільшити продажі на X% до кінця 2026 року', 'uk', 'sales', 'increase', 'sales', None, None, None, None, ('period-end', '2026-12-31', None)), True),
    (row('увеличить продажи B2B на 25% к 2026-09', 'ru', 'sales', 'increase', 'sales', None, None, None, ('relative', 25, '%'), ('date', '2026-09-30', None)), False),
    (row('отвечать на сообщения 24/7 в Telegram', 'ru', 'communication', 'maintain', 'response_time', None, 'telegram', None, ('absolute', 100, '%'), None), False),
    (row('привлечь 500 B2C клиентов за 3 месяца', 'ru', 'sales', 'achieve', 'sales', None, None, None, ('absolute', 500, None), ('duration', '2026-04-15', 'P3M')), False),
    (row('увеличить продажи 360° видео на 40%', 'ru', 'sales', 'increase', 'sales', None, None, None, ('relative', 40, '%'), None), False),
    (row('продать 200 iPhone 15 за месяц', 'ru', 'sales', 'achieve', 'sales', None, None, None, ('absolute', 200, None), ('duration', '2026-02-15', 'P1M')), False),
    (row('получить N заявок в месяц', 'ru', 'leads', 'achieve', 'leads', 'month', None, None, None, None), True),
    (row('увеличить охват до <N> к концу года', 'ru', 'awareness', 'reach', 'reach', None, None, None, None, ('period-end', '2026-12-31', None)), True),
    (row('увеличить выручку на ___ до 2026-12', 'ru', 'sales', 'increase', 'revenue', None, None, None, None, ('date', '2026-12-31', None)), True),
]


@pytest.mark.parametrize("case, placeholder", ROWS, ids=[r[0][0][:45] for r in ROWS])
def test_tokens_that_are_not_numbers(case, placeholder):
    text, expected = case
    assert slots(text) == expected
    assert parse_goal(text).placeholder is placeholder


# Every token of the issue, as the tokenizer reads it: one word (not a number), or 24/7, or a blank.
@pytest.mark.parametrize("token, kind", [
    ("B2B", "word"), ("B2C", "word"), ("D2C", "word"), ("GPT-4", "word"), ("Web3", "word"), ("5G", "word"),
    ("3D", "word"), ("360°", "word"), ("1+1", "word"), ("2+1", "word"), ("iPhone 15", "word"), ("GA4", "word"),
    ("v2", "word"), ("v2.0", "word"), ("COVID-19", "word"), ("my_brand", "word"), ("@brand_2026", "word"),
    ("24/7", "always"), ("24x7", "always"), ("24/7/365", "always"),
    ("[Target]", "blank"), ("[X]", "blank"), ("{X}", "blank"), ("{{N}}", "blank"), ("<N>", "blank"),
    ("___", "blank"), ("[цільове значення]", "blank"), ("<число>", "blank"),
])
def test_token_kinds(token, kind):
    toks = tokenize(token)
    assert [(t.kind, t.text) for t in toks] == [(kind, token)]


@pytest.mark.parametrize("text, kinds", [
    ("4K video", [("word", "4K"), ("word", "video")]),        # a resolution ...
    ("4K followers", [("number", "4K"), ("word", "followers")]),   # ... or four thousand
    ("4K-видео", [("word", "4K"), ("symbol", "-"), ("word", "видео")]),
    ("top-3", [("word", "top"), ("symbol", "-"), ("number", "3")]),  # a rank stays a rank
    ("top3", [("word", "top"), ("number", "3")]),
    ("Q3", [("quarter", "Q3")]),
    ("x2", [("mult", "x2")]),
    ("iPhone 15%", [("word", "iPhone"), ("number", "15"), ("symbol", "%")]),   # a percent is a number
    ("<500", [("symbol", "<"), ("number", "500")]),
    ("{20}", None),                                           # digits in braces: not a blank
    ("50 360°", [("number", "50"), ("word", "360°")]),        # not 50,360 followed by a degree sign
    ("50 360", [("number", "50 360")]),
    # a site's address is one word; an e-mail address, a word after a full stop and a version are not one
    ("Booking.com", [("word", "Booking.com")]),
    ("rozetka.com.ua.", [("word", "rozetka.com.ua"), ("symbol", ".")]),
    ("hi@site.com", [("word", "hi"), ("word", "@site"), ("symbol", "."), ("word", "com")]),
    ("sales.Com", [("word", "sales"), ("symbol", "."), ("word", "Com")]),
    ("sales.company", [("word", "sales"), ("symbol", "."), ("word", "company")]),
])
def test_token_boundaries(text, kinds):
    if kinds is None:
        from smmrules import GoalSyntaxError
        with pytest.raises(GoalSyntaxError):
            tokenize(text)
        return
    assert [(t.kind, t.text) for t in tokenize(text)] == kinds


_NAMES = st.builds(lambda a, d, b: a + d + b,
                   st.sampled_from(["B", "D", "Web", "GA", "S", "mp", "GPT"]),
                   st.integers(0, 999).map(str), st.sampled_from(["", "B", "C", "x", "Pro"]))


@settings(max_examples=60, deadline=None)
@given(name=_NAMES, value=st.integers(1, 100_000), lang=st.sampled_from(["en", "ru", "uk"]))
def test_a_product_name_is_never_the_target(name, value, lang):
    template = {"en": "increase {name} sales by {value}% by 2026-06",
                "ru": "увеличить продажи {name} на {value}% к 2026-06",
                "uk": "збільшити продажі {name} на {value}% до 2026-06"}[lang]
    g = parse_goal(template.format(name=name, value=value), lang=lang, today="2026-01-15")
    assert (g.metric.name, g.direction, g.target.kind, g.target.value, g.target.unit) == (
        "sales", "increase", "relative", value, "%")
    assert g.deadline.date.isoformat() == "2026-06-30"


def test_the_comparison_points_and_resolution_words_are_the_lexicon_data():
    """common.toml [numbers] holds them; the tokenizer reads every form listed, and nothing else."""
    from smmrules.language.lexicon import default_lexicons
    from smmrules.language.tokenizer import tokenize
    numbers = default_lexicons().numbers
    assert numbers["comparison"] and numbers["points"] and numbers["resolution"]
    for form in numbers["comparison"]:
        cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in form)
        for written in ({form, form.upper(), form.capitalize()} if cyrillic else {form}):
            assert [(t.kind, t.text) for t in tokenize(f"+5% {written}")][-1] == ("compare", written)
    assert [t.kind for t in tokenize("mom yoy")] == ["word", "word"]        # Latin marks only as written
    assert [(t.kind, t.text) for t in tokenize("г/м")] == [("word", "г"), ("word", "/"), ("word", "м")]  # no pair
    for form in numbers["points"]:
        spaced = form.replace(".", ". ") + "."
        for written in (form, form + ".", spaced):
            assert [(t.kind, t.text) for t in tokenize(f"+5 {written}")][-1] == ("pp", written)
    for word in numbers["resolution"]:
        assert [t.kind for t in tokenize(f"4K {word}")][0] == "word", word
        assert [t.kind for t in tokenize(f"4K-{word}")][0] == "word", word
    assert [t.kind for t in tokenize("4K followers")][0] == "number"
    assert set(numbers["letters"]) == {"ru", "uk"} and not numbers["letters"]["ru"] & numbers["letters"]["uk"]


def test_a_comparison_mark_is_read_as_the_period_in_the_data():
    from smmrules import parse_goal
    from smmrules.language.lexicon import default_lexicons
    for mark, period in default_lexicons().numbers["comparison"].items():
        lang = "ru" if any("\u0400" <= ch <= "\u04ff" for ch in mark) else "en"
        text = f"увеличить продажи на 20% {mark.upper()}" if lang == "ru" else f"grow sales 20% {mark}"
        goal = parse_goal(text, lang=lang)
        assert goal.target is not None and goal.target.value == 20, (mark, goal.to_json())
        assert period in str(goal.to_json()), (mark, period, goal.to_json())
