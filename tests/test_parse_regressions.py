"""Statements the language tables found wrong and the assembler now reads right (today = 2026-01-15)."""
import pytest

from goalcheck import row, slots

ROWS = [
    row("increase sales through Instagram by 20% by the end of June", "en", "sales", "increase", "sales", None,
        "instagram", None, ("relative", 20, "%"), ("date", "2026-06-30", None)),
    row("respond to reviews within 2 days", "en", "communication", "reach", "response_time", None, None, None,
        ("absolute", 2, "d"), None),
    row("reply to every comment within a minute", "en", "communication", "reach", "response_time", None, None,
        None, ("absolute", 1, "min"), None),
    row("increase sales by X% by end of year", "en", "sales", "increase", "sales", None, None, None, None,
        ("period-end", "2026-12-31", None)),
    row("увеличить продажи с помощью Instagram на 20%", "ru", "sales", "increase", "sales", None, "instagram",
        None, ("relative", 20, "%"), None),
    row("за счёт контента увеличить ERR до 10%", "ru", "engagement", "reach", "err", None, None, None,
        ("absolute", 10, "%"), None),
    row("снизить стоимость заявки с 400 до 250 ₽", "ru", "leads", "decrease", "cost_per_lead", None, None, (400, "RUB"),
        ("absolute", 250, "RUB"), None),
    row("подписчики: с 3 200 до 5 000 к концу квартала", "ru", "awareness", "increase", "followers", None, None,
        (3200, None), ("absolute", 5000, None), ("period-end", "2026-03-31", None)),
    row("Новые подписчики: 1 500 в месяц", "ru", "awareness", "increase", "followers", "month", None, None,
        ("relative", 1500, None), None),
    row("продажи +20% к 2026-06", "ru", "sales", "increase", "sales", None, None, None, ("relative", 20, "%"),
        ("date", "2026-06-30", None)),
    row("Цель: продажи на 1 млн рублей в месяц", "ru", "sales", "reach", "sales", "month", None, None,
        ("absolute", 1000000, "RUB"), None),
    row("Цель №2: 300 заявок в месяц", "ru", "leads", "reach", "leads", "month", None, None,
        ("absolute", 300, None), None),
    row("Продати товарів на 1,5 млн грн через Instagram до 1 червня 2026", "uk", "sales", "achieve", "sales",
        None, "instagram", None, ("absolute", 1500000, "UAH"), ("date", "2026-06-01", None)),
    row("Щоб отримувати більше заявок, збільшити охоплення на 30%", "uk", "awareness", "increase", "reach", None,
        None, None, ("relative", 30, "%"), None),
    row("Отримувати від 30 до 50 заявок на тиждень з TikTok", "uk", "leads", "achieve", "leads", "week", "tiktok",
        None, ("range", (30, 50), None), None),
    row("Ціль 1: +500 підписників у Telegram щомісяця", "uk", "awareness", "increase", "followers", "month",
        "telegram", None, ("relative", 500, None), None),
    # a period word before the metric is the goal's period, never a part of the metric's name
    row("grow monthly reach to 5,000", "en", "awareness", "reach", "reach", "month", None, None,
        ("absolute", 5000, None), None),
    row("increase weekly impressions by 20%", "en", "awareness", "increase", "impressions", "week", None, None,
        ("relative", 20, "%"), None),
    row("увеличить ежемесячный охват до 50 000", "ru", "awareness", "reach", "reach", "month", None, None,
        ("absolute", 50000, None), None),
    row("збільшити щомісячне охоплення до 50 000", "uk", "awareness", "reach", "reach", "month", None, None,
        ("absolute", 50000, None), None),
    # a verb takes no word of the metric after it: «получить долю» left «повторных покупок» alone (retention)
    row("получить долю повторных покупок 30%", "ru", "loyalty", "achieve", "repeat_purchase_rate", None, None, None,
        ("absolute", 30, "%"), None),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_regression(text, expected):
    assert slots(text) == expected


def test_placeholder_before_percent_sets_the_flag():
    from smmrules import parse_goal
    g = parse_goal("увеличить число подписчиков на X% за N месяцев")
    assert g.placeholder and g.target is None and g.deadline is None
