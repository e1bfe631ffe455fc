"""SMART "S" as the checklist means it: a goal is specific when it names a concrete, countable metric.

An activity with no count and no result beside it ("launch the campaign") names nothing to count: S106,
beside R404 (an activity is a task, not a result). An activity with a count is specific (R404 only);
one with a result beside it is specific too (C101 advice only). A compound of abstract aims, or of
abstract aims and uncounted activities, is not specific: S103. Sentences are our own."""
from __future__ import annotations

import pytest

from smmrules.language.context import Context
from smmrules.rules.engine import default_rules
from smmrules.rules.fields import goal_values
from smmrules.language.parse import parse_goal

RULES = default_rules()


def _check(text: str):
    goal = parse_goal(text)
    env = goal_values(goal, Context(), RULES.lexicons)
    found = RULES.check(goal)
    return goal, env, found


def _s_codes(found) -> list[str]:
    return sorted(f.code for f in found if f.smart == "S")


def test_s106_is_an_s_rule():
    rule = RULES.get("S106")
    assert (rule.name, rule.smart, rule.level) == ("specific.activity-without-result", "S", "warning")


# ------------------------------------------------------------------ an activity with nothing to count
UNCOUNTED = [
    # lang, statement, metric, vague ("more")
    ("en", "launch the spring campaign", "campaigns", False),
    ("en", "optimise the ad campaigns on Facebook", "campaigns", False),
    ("en", "start a newsletter", "email_campaigns", False),
    ("en", "start running ads on TikTok", "campaigns", False),
    ("en", "publish more posts on Facebook", "posts", True),
    ("ru", "запустить новую рекламную кампанию", "campaigns", False),
    ("ru", "оптимизировать рекламные кампании", "campaigns", False),
    ("ru", "запустить email-рассылку", "email_campaigns", False),
    ("ru", "запустить рекламу в TikTok", "campaigns", False),
    ("ru", "публиковать больше постов в Instagram", "posts", True),
    ("uk", "запустити нову рекламну кампанію", "campaigns", False),
    ("uk", "оптимізувати рекламні кампанії", "campaigns", False),
    ("uk", "запустити рекламу в TikTok", "campaigns", False),
    ("uk", "публікувати більше дописів в Instagram", "posts", True),
]

OPENINGS = {"en": "\"{}\" is an activity, not a result, and the goal counts nothing",
            "ru": "«{}» — это действие, а не результат, и в цели нечего посчитать",
            "uk": "«{}» — це дія, а не результат, і в цілі нічого порахувати"}


@pytest.mark.parametrize("lang, text, metric, vague", UNCOUNTED, ids=[r[1] for r in UNCOUNTED])
def test_an_activity_without_a_count_is_not_specific(lang, text, metric, vague):
    goal, env, found = _check(text)
    assert goal.lang == lang
    assert goal.metric.name == metric and goal.category == "other"
    assert goal.target is None and goal.vague is vague
    assert [p.metric.name for p in goal.parts] == [metric]
    assert env["goal.activity"] is True and env["goal.concrete"] is False
    assert _s_codes(found) == ["S106"]
    assert "R404" in {f.code for f in found}
    s106 = next(f for f in found if f.code == "S106")
    # quoted by the vocabulary's name in the nominative, not the statement's inflected word
    assert s106.message.startswith(OPENINGS[lang].format(RULES.lexicons.metrics[metric].label[lang]))


# ------------------------------------------------------------------ activities that are specific
COUNTED = [
    ("en", "publish 4 posts a week on LinkedIn", "posts", 4),
    ("en", "launch 2 campaigns a month", "campaigns", 2),
    ("ru", "публиковать 4 поста в неделю в LinkedIn", "posts", 4),
    ("ru", "запустить 2 кампании в месяц", "campaigns", 2),
    ("uk", "публікувати 4 дописи на тиждень у LinkedIn", "posts", 4),
    ("uk", "запустити 2 кампанії на місяць", "campaigns", 2),
]


@pytest.mark.parametrize("lang, text, metric, value", COUNTED, ids=[r[1] for r in COUNTED])
def test_an_activity_with_a_count_is_specific(lang, text, metric, value):
    goal, env, found = _check(text)
    assert goal.lang == lang
    assert goal.metric.name == metric and goal.category == "other" and goal.period in ("week", "month")
    assert goal.target.value == value
    assert env["goal.activity"] is True and env["goal.concrete"] is True
    assert _s_codes(found) == []
    assert "R404" in {f.code for f in found}


WITH_RESULT = [
    ("en", "launch a new campaign and get 150 leads a month", ["campaigns", "leads"], "leads", 150),
    ("en", "launch a webinar series and get 300 sign-ups by 2026-10", ["events", "registrations"],
     "registrations", 300),
    ("ru", "запустить рассылку и получать 150 заявок в месяц", ["email_campaigns", "leads"], "leads", 150),
    ("ru", "провести вебинар и собрать 300 регистраций к 2026-10", ["events", "registrations"],
     "registrations", 300),
    ("uk", "запустити розсилку й отримувати 150 заявок на місяць", ["email_campaigns", "leads"], "leads", 150),
    ("uk", "провести вебінар і зібрати 300 реєстрацій до 2026-10", ["events", "registrations"],
     "registrations", 300),
]


@pytest.mark.parametrize("lang, text, parts, metric, value", WITH_RESULT, ids=[r[1] for r in WITH_RESULT])
def test_an_activity_with_a_result_beside_it_is_specific(lang, text, parts, metric, value):
    goal, env, found = _check(text)
    assert goal.lang == lang
    assert [p.metric.name for p in goal.parts] == parts
    assert goal.metric.name == metric and goal.category == "leads" and goal.target.value == value
    assert env["goal.activity"] is False and env["goal.concrete"] is True
    assert _s_codes(found) == []
    assert "C101" in {f.code for f in found} and "R404" not in {f.code for f in found}


# ------------------------------------------------------------------ compounds: abstract aims only
ABSTRACT_ONLY = [
    # lang, statement, parts' metrics
    ("en", "raise brand awareness and improve our reputation", ["brand_awareness", "reputation"]),
    ("en", "build brand awareness and a positive image", ["brand_awareness", "image"]),
    ("en", "raise brand awareness and launch a new campaign", ["brand_awareness", "campaigns"]),
    ("en", "launch a new campaign and raise brand awareness", ["campaigns", "brand_awareness"]),
    ("ru", "повысить узнаваемость бренда и улучшить репутацию", ["brand_awareness", "reputation"]),
    ("ru", "укрепить имидж и узнаваемость бренда", ["image", "brand_awareness"]),
    ("ru", "повысить узнаваемость бренда и запустить рекламу в TikTok", ["brand_awareness", "campaigns"]),
    ("uk", "підвищити впізнаваність нашого бренду й покращити репутацію", ["brand_awareness", "reputation"]),
    ("uk", "зміцнити імідж і впізнаваність бренду", ["image", "brand_awareness"]),
    ("uk", "підвищити впізнаваність нашого бренду й запустити рекламу в TikTok", ["brand_awareness", "campaigns"]),
]


@pytest.mark.parametrize("lang, text, parts", ABSTRACT_ONLY, ids=[r[1] for r in ABSTRACT_ONLY])
def test_a_compound_with_no_countable_aim_is_not_specific(lang, text, parts):
    goal, env, found = _check(text)
    assert goal.lang == lang
    assert [p.metric.name for p in goal.parts] == parts
    assert goal.category == "awareness" and goal.target is None
    assert env["goal.abstract"] is True and env["goal.concrete"] is False
    assert _s_codes(found) == ["S103"]
    assert "C101" in {f.code for f in found}


WITH_COUNTABLE = [
    ("en", "raise brand awareness and grow followers to 5,000", ["brand_awareness", "followers"]),
    ("en", "raise brand awareness and publish 4 posts a week", ["brand_awareness", "posts"]),
    ("ru", "повысить узнаваемость бренда и увеличить число подписчиков до 5000", ["brand_awareness", "followers"]),
    ("ru", "повысить узнаваемость бренда и публиковать 4 поста в неделю", ["brand_awareness", "posts"]),
    ("uk", "підвищити впізнаваність нашого бренду й збільшити кількість підписників до 5000",
     ["brand_awareness", "followers"]),
    ("uk", "підвищити впізнаваність нашого бренду й публікувати 4 дописи на тиждень", ["brand_awareness", "posts"]),
]


@pytest.mark.parametrize("lang, text, parts", WITH_COUNTABLE, ids=[r[1] for r in WITH_COUNTABLE])
def test_a_compound_with_a_countable_aim_is_specific(lang, text, parts):
    goal, env, found = _check(text)
    assert goal.lang == lang
    assert [p.metric.name for p in goal.parts] == parts
    assert goal.category == "awareness"
    assert env["goal.concrete"] is True
    assert _s_codes(found) == []
    assert "C101" in {f.code for f in found}


# ------------------------------------------------------------------ a number with no metric
NUMBER_ONLY = [
    # lang, statement, parts' metrics, S codes
    ("en", "grow by 20% by 2026-06", [None], ["S102"]),
    ("ru", "вырасти на 20% к 2026-06", [None], ["S102"]),
    ("uk", "зрости на 20% до 2026-06", [None], ["S102"]),
    ("en", "+20% by 2026-06 and 100 new clients", [None, "sales"], []),
    ("ru", "+20% к 2026-06 и 100 новых клиентов", [None, "sales"], []),
    ("uk", "+20% до 2026-06 і 100 нових клієнтів", [None, "sales"], []),
]


@pytest.mark.parametrize("lang, text, parts, s_codes", NUMBER_ONLY, ids=[r[1] for r in NUMBER_ONLY])
def test_a_number_without_a_metric_is_not_specific_unless_another_aim_names_one(lang, text, parts, s_codes):
    goal, env, found = _check(text)
    assert goal.lang == lang
    assert [p.metric.name if p.metric else None for p in goal.parts] == parts
    assert goal.metric is None and goal.target.value == 20 and goal.target.unit == "%"
    assert env["goal.concrete"] is (len(parts) > 1)
    assert _s_codes(found) == s_codes


@pytest.mark.parametrize("text, s102", [
    ("become the number one coffee shop in town by 2026-12", True),
    ("стать салоном номер один в городе к 2026-12", True),
    ("стати пекарнею номер один у місті до 2026-12", True),
    ("get to 5,000 by 2026-12", False),
    ("набрать 30 000 к 2026-12", False),
    ("набрати 12 000 до 2026-12", False),
])
def test_a_bare_figure_is_an_audience_only_when_it_counts_one(text, s102):
    """A bare headcount ("get to 5,000") is the audience's size; "number one" names a place, not a count."""
    from smmrules import check_goal
    from smmrules.language.context import Context
    import datetime
    codes = {f.code for f in check_goal(text, context=Context(today=datetime.date(2026, 1, 1)))}
    assert ("S102" in codes) == s102, codes
