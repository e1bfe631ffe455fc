"""Item 3 of issue 11: a goal-shaped statement with a verb we do not know is still a goal. The
verb's direction is unknown; the figures tell it where they can (from X to Y: increase, "to N":
reach, "+N%", "by N%", "x2": increase, a bare count: achieve, the count the verb makes); with no
figure, a verb we do not know that has an object is a thing to get done (achieve: the lexicons hold
the verbs of change), and one with nothing after it stays unknown.
Item 5, the metric half: S101 quotes the words no reading fits. Every slot asserted; sentences
written for these tests (today = 2026-01-15)."""
from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from goalcheck import row, slots
from smmrules import check_goal, parse_goal
from smmrules.language.lexicon import default_lexicons

ROWS = [
    row('Провести аудит сторінки до кінця місяця', 'uk', 'other', 'achieve', 'audits', None, None, None, None,
        ('period-end', '2026-01-31', None)),
    row('Разработать тон коммуникации бренда', 'ru', 'other', 'achieve', 'brand_guidelines', None, None, None, None,
        None),
    row('остатки коллекции до конца года слить', 'ru', 'other', 'achieve', None, None, None, None, None,
        ('period-end', '2026-12-31', None)),
    row('бустануть', 'ru', 'other', None, None, None, None, None, None, None),
    row('Ціль: бустанути', 'uk', 'other', None, None, None, None, None, None, None),
    row('skyrocket followers from 1,000 to 5,000 by 2026-06', 'en', 'awareness', 'increase', 'followers', None,
        None, (1000, None), ('absolute', 5000, None), ('date', '2026-06-30', None)),
    row('supercharge sales to 500 a month', 'en', 'sales', 'reach', 'sales', 'month',
        None, None, ('absolute', 500, None), None),
    row('turbocharge leads by 30% by 2026-09', 'en', 'leads', 'increase', 'leads', None,
        None, None, ('relative', 30, '%'), ('date', '2026-09-30', None)),
    row('amplify reach +25% within 3 months', 'en', 'awareness', 'increase', 'reach', None,
        None, None, ('relative', 25, '%'), ('duration', '2026-04-15', 'P3M')),
    row('skyrocket likes 2x by 2026-12', 'en', 'engagement', 'increase', 'likes', None,
        None, None, ('multiple', 2, None), ('date', '2026-12-31', None)),
    row('nail 200 leads a month', 'en', 'leads', 'achieve', 'leads', 'month',
        None, None, ('absolute', 200, None), None),
    row('skyrocket sales', 'en', 'sales', 'achieve', 'sales', None,
        None, None, None, None),
    row('Goal: supercharge revenue to $50,000 by Q4 2026', 'en', 'sales', 'reach', 'revenue', None,
        None, None, ('absolute', 50000, 'USD'), ('quarter', '2026-12-31', None)),
    row('10x our leads by 2026-12', 'en', 'leads', 'increase', 'leads', None,
        None, None, ('multiple', 10, None), ('date', '2026-12-31', None)),
    row('we aim to juice up sales by 20% this year', 'en', 'sales', 'increase', 'sales', None,
        None, None, ('relative', 20, '%'), ('period-end', '2026-12-31', None)),
    row('прокачать охваты до 50 тыс. к концу года', 'ru', 'awareness', 'reach', 'reach', None,
        None, None, ('absolute', 50000, None), ('period-end', '2026-12-31', None)),
    row('бустануть продажи на 20% до 2026-06', 'ru', 'sales', 'increase', 'sales', None,
        None, None, ('relative', 20, '%'), ('date', '2026-06-30', None)),
    row('разогнать выручку с 1 млн до 3 млн руб за полгода', 'ru', 'sales', 'increase', 'revenue', None,
        None, (1000000, 'RUB'), ('absolute', 3000000, 'RUB'), ('duration', '2026-07-15', 'P6M')),
    row('прокачать подписчиков +30% за 3 месяца', 'ru', 'awareness', 'increase', 'followers', None,
        None, None, ('relative', 30, '%'), ('duration', '2026-04-15', 'P3M')),
    row('раскачать лайки в 2 раза', 'ru', 'engagement', 'increase', 'likes', None,
        None, None, ('multiple', 2, None), None),
    row('прокачайте заявки до 300 в месяц', 'ru', 'leads', 'reach', 'leads', 'month',
        None, None, ('absolute', 300, None), None),
    row('залить 500 заявок', 'ru', 'leads', 'achieve', 'leads', None,
        None, None, ('absolute', 500, None), None),
    row('хайпануть охват на 40%', 'ru', 'awareness', 'increase', 'reach', None,
        None, None, ('relative', 40, '%'), None),
    row('бустануть продажи', 'ru', 'sales', 'achieve', 'sales', None,
        None, None, None, None),
    row('Задача: прокачать охваты до 50 тыс.', 'ru', 'awareness', 'reach', 'reach', None,
        None, None, ('absolute', 50000, None), None),
    row('нам нужно прокачать продажи на 15%', 'ru', 'sales', 'increase', 'sales', None,
        None, None, ('relative', 15, '%'), None),
    row('прокачать выручку на 1 млн грн', 'ru', 'sales', 'increase', 'revenue', None,
        None, None, ('relative', 1000000, 'UAH'), None),
    row('прокачати охоплення до 50 тис. до кінця року', 'uk', 'awareness', 'reach', 'reach', None,
        None, None, ('absolute', 50000, None), ('period-end', '2026-12-31', None)),
    row('бустанути продажі на 20% до 2026-06', 'uk', 'sales', 'increase', 'sales', None,
        None, None, ('relative', 20, '%'), ('date', '2026-06-30', None)),
    row('розігнати виторг з 1 млн до 3 млн грн за 6 місяців', 'uk', 'sales', 'increase', 'revenue', None,
        None, (1000000, 'UAH'), ('absolute', 3000000, 'UAH'), ('duration', '2026-07-15', 'P6M')),
    row('прокачайте заявки до 300 на місяць', 'uk', 'leads', 'reach', 'leads', 'month',
        None, None, ('absolute', 300, None), None),
    row('розкачати лайки у 2 рази', 'uk', 'engagement', 'increase', 'likes', None,
        None, None, ('multiple', 2, None), None),
    row('хайпанути охоплення на 40%', 'uk', 'awareness', 'increase', 'reach', None,
        None, None, ('relative', 40, '%'), None),
    row('бустанути продажі', 'uk', 'sales', 'achieve', 'sales', None,
        None, None, None, None),
    row('Ціль: розкачати підписників до 10 000', 'uk', 'awareness', 'reach', 'followers', None,
        None, None, ('absolute', 10000, None), None),
    row('залити 500 заявок за місяць', 'uk', 'leads', 'achieve', 'leads', None,
        None, None, ('absolute', 500, None), ('duration', '2026-02-15', 'P1M')),
    row('розкачайте продажі на +15% до кінця кварталу', 'uk', 'sales', 'increase', 'sales', None,
        None, None, ('relative', 15, '%'), ('period-end', '2026-03-31', None)),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[r[0][:45] for r in ROWS])
def test_unknown_verb(text, expected):
    assert slots(text) == expected


# Goals with words we do not know, and odd tokens: each parses (never an E0xx) and keeps its figures.
@pytest.mark.parametrize("text, metric, target", [
    ("зашейпить воронку и прокачать заявки до 300 в месяц", "leads", ("absolute", 300, None)),
    ("відхайпити бренд і розкачати охоплення на 25%", "reach", ("relative", 25, "%")),
    ("vibe-check the funnel and skyrocket sales by 20%", "sales", ("relative", 20, "%")),
    ("прокачать охваты до [цель] к концу года", "reach", None),
    ("скейлить продажи B2B через 3 канала на 10%", "sales", ("relative", 10, "%")),
    ("ребрендинг_2026: прокачати продажі на 5%", "sales", ("relative", 5, "%")),
    ("yeet our leads to 1,000 (24/7 chat, GPT-4 bot)", "leads", ("absolute", 1000, None)),
])
def test_unknown_words_never_make_a_syntax_error(text, metric, target):
    g = parse_goal(text, today="2026-01-15")
    assert g.metric.name == metric
    assert (None if g.target is None else (g.target.kind, g.target.value, g.target.unit)) == target


def test_an_unknown_verb_is_the_verb_only_where_a_verb_stands():
    # «сеть» has a verb's ending but stands before the real verb: the verb is «увеличить»
    g = parse_goal("сеть кофеен: увеличить продажи на 20%", today="2026-01-15")
    assert (g.direction, g.metric.name, g.target.kind, g.target.value) == ("increase", "sales", "relative", 20)
    # after the goal's verb, an unknown word with a verb's ending is a plain word we could not place
    g = parse_goal("увеличить продажи через новую сеть", today="2026-01-15")
    assert (g.direction, g.metric.name, g.target) == ("increase", "sales", None)


# -- S101 quotes the words it could not place (item 5, the metric half) ------------------------
@pytest.mark.parametrize("text, lang, unplaced, message", [
    ("прокачать хайп бренда", "ru", ("хайп", "бренда"),
     "В цели нет метрики: укажите, что именно будем считать (продажи, заявки, подписчиков, ERR…). "
     "Не удалось разобрать слова: «хайп», «бренда»."),
    ("розкачати вайб", "uk", ("вайб",),
     "У цілі немає показника: зазначте, що саме рахуватимемо (продажі, заявки, підписників, ERR…). "
     "Не вдалося розібрати слова: «вайб»."),
    ("build a vibe tribe", "en", ("vibe", "tribe"),
     "The goal names no metric: say what will be counted (sales, leads, followers, ERR...). "
     "Words it could not place: \"vibe\", \"tribe\"."),
    ("do our best on social media", "en", ("best",),
     "The goal names no metric: say what will be counted (sales, leads, followers, ERR...). "
     "Words it could not place: \"best\"."),
    # the unknown verb is read as the goal's verb: nothing is left to quote
    ("работать эффективнее", "ru", (),
     "В цели нет метрики: укажите, что именно будем считать (продажи, заявки, подписчиков, ERR…)."),
    ("grow the brand", "en", ("brand",),
     "The goal names no metric: say what will be counted (sales, leads, followers, ERR...). "
     "Words it could not place: \"brand\"."),
    ("get more", "en", (),
     "The goal names no metric: say what will be counted (sales, leads, followers, ERR...)."),
])
def test_s101_quotes_the_words_it_could_not_place(text, lang, unplaced, message):
    g = parse_goal(text, lang=lang)
    assert g.unplaced == unplaced
    s101 = [f for f in check_goal(g) if f.code == "S101"]
    assert [f.message for f in s101] == [message]


def test_words_are_quoted_in_the_message_language():
    g = parse_goal("розкачати вайб", lang="uk")
    (f,) = [f for f in check_goal(g, lang="en") if f.code == "S101"]
    assert f.message.endswith(" Words it could not place: \"вайб\".")


@pytest.mark.parametrize("text, unplaced", [
    ("increase sales by 20% by 2026-06", ()),                       # every word is read
    ("increase sales of handmade candles by 20%", ("handmade", "candles")),
    ("увеличить продажи свечей ручной работы на 20%", ("свечей", "ручной", "работы")),
    ("збільшити продажі свічок ручної роботи на 20%", ("свічок", "ручної", "роботи")),
])
def test_unplaced_lists_content_words_only(text, unplaced):
    assert parse_goal(text).unplaced == unplaced


# -- properties ------------------------------------------------------------------------------------
_LEX = default_lexicons()


def _unknown(lang: str, word: str) -> bool:
    """No reading but a verb we do not know (ru/uk by its ending) or none at all (en)."""
    return all(r.terminal == "VERB" and r.value == "unknown" for r in _LEX[lang].readings([word], 0))


_RU = st.text(alphabet="бвгдзклмнпрстфхшщ", min_size=2, max_size=4)
_UK = st.text(alphabet="бвгдзклмнпрстфхшщ", min_size=2, max_size=4)
_EN = st.text(alphabet="bcdfgjklmnpqrstvwz", min_size=3, max_size=6)
_VERBS = {
    "ru": st.tuples(_RU, st.sampled_from(["ануть", "ировать", "ить", "ать"])).map("".join),
    "uk": st.tuples(_UK, st.sampled_from(["анути", "увати", "ити", "ати"])).map("".join),
    "en": st.tuples(_EN, st.sampled_from(["ify", "ize", "ate", ""])).map("".join),
}
_TEMPLATES = {
    "en": ("{verb} followers from 1,000 to {value} by 2026-06", "followers"),
    "ru": ("{verb} подписчиков с 1000 до {value} к 2026-06", "followers"),
    "uk": ("{verb} підписників з 1000 до {value} до 2026-06", "followers"),
}


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["en", "ru", "uk"]), st.data(), st.integers(1001, 10**6))
def test_an_unknown_verb_keeps_the_goal(lang, data, value):
    verb = data.draw(_VERBS[lang])
    assume(_unknown(lang, verb))
    template, metric = _TEMPLATES[lang]
    g = parse_goal(template.format(verb=verb, value=value), lang=lang, today="2026-01-15")
    assert (g.metric.name, g.direction, g.baseline.value, g.target.kind, g.target.value) == (
        metric, "increase", 1000, "absolute", value)
    assert g.deadline.date.isoformat() == "2026-06-30"
    assert verb not in g.unplaced      # it was read as the verb
