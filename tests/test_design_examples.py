"""The reference example statements of the goal language, every slot asserted (today = 2026-01-15)."""
import pytest

from goalcheck import row, slots

ROWS = [
    row("increase monthly sales 20% by 2025-06", "en", "sales", "increase", "sales", "month", None, None,
        ("relative", 20, "%"), ("date", "2025-06-30", None)),
    row("increase monthly sales by 20% by June 2025", "en", "sales", "increase", "sales", "month", None, None,
        ("relative", 20, "%"), ("date", "2025-06-30", None)),
    row("grow Instagram followers from 3,200 to 5,000 within 6 months", "en", "awareness", "increase",
        "followers", None, "instagram", (3200, None), ("absolute", 5000, None), ("duration", "2026-07-15", "P6M")),
    row("reach ERR 18-20% after 3 months", "en", "engagement", "reach", "err", None, None, None,
        ("range", (18, 20), "%"), ("duration", "2026-04-15", "P3M")),
    row("get into the top-3 healthy food delivery accounts in Kharkiv by real followers within 6 months",
        "en", "awareness", "reach", "followers", None, None, None, ("rank", 3, None),
        ("duration", "2026-07-15", "P6M")),
    row("500 leads per month from Instagram by Q3 2026", "en", "leads", "reach", "leads", "month", "instagram",
        None, ("absolute", 500, None), ("quarter", "2026-09-30", None)),
    row("answer every client request within 24 hours", "en", "communication", "reach", "response_time",
        None, None, None, ("absolute", 24, "h"), None),
    row("get more followers", "en", "awareness", "increase", "followers", None, None, None, None, None),
    row("увеличить количество ежемесячных продаж на 20% к 2026-06", "ru", "sales", "increase", "sales",
        "month", None, None, ("relative", 20, "%"), ("date", "2026-06-30", None)),
    row("за 6 месяцев после старта попасть в ТОП-3 по количеству реальных подписчиков", "ru", "awareness",
        "reach", "followers", None, None, None, ("rank", 3, None), ("duration", "2026-07-15", "P6M")),
    row("обрабатывать любой запрос клиента не позже чем через 24 часа", "ru", "communication", "reach",
        "response_time", None, None, None, ("absolute", 24, "h"), None),
    row("збільшити кількість щомісячних продажів на 20% до 2026-06", "uk", "sales", "increase", "sales",
        "month", None, None, ("relative", 20, "%"), ("date", "2026-06-30", None)),
    row("отримувати 300 заявок на місяць з Instagram до кінця 2026 року", "uk", "leads", "achieve", "leads",
        "month", "instagram", None, ("absolute", 300, None), ("period-end", "2026-12-31", None)),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_design_example(text, expected):
    assert slots(text) == expected
