"""Russian goal statements, every slot asserted (today = 2026-01-15).

The statements are written for this test in the patterns SMM people use (not copied from the
corpus); the expected values are what a careful annotator says, by the conventions of DESIGN.md
section 1 and ../shared/corpus/README.md.
"""
import pytest

from goalcheck import row, slots

R = "ru"
P6M = ("duration", "2026-07-15", "P6M")
P3M = ("duration", "2026-04-15", "P3M")
P2M = ("duration", "2026-03-15", "P2M")
END_OF_YEAR = ("period-end", "2026-12-31", None)
END_OF_QUARTER = ("period-end", "2026-03-31", None)

ROWS = [
    # --- increase by an amount: «на» as an amount; inflected metric words ---------------------
    row("увеличить продажи в Instagram на 25% до конца года", R, "sales", "increase", "sales", None,
        "instagram", None, ("relative", 25, "%"), END_OF_YEAR),
    row("увеличить показатели по продажам на 15% к 2026-06", R, "sales", "increase", "sales", None, None,
        None, ("relative", 15, "%"), ("date", "2026-06-30", None)),
    row("рост продаж на 12% в этом квартале", R, "sales", "increase", "sales", None, None, None,
        ("relative", 12, "%"), END_OF_QUARTER),
    row("увеличить заявки из Instagram на 20% к 2026-06", R, "leads", "increase", "leads", None, "instagram",
        None, ("relative", 20, "%"), ("date", "2026-06-30", None)),
    row("увеличить число заявок с сайта на 25% в ближайшие 3 месяца", R, "leads", "increase", "leads", None,
        None, None, ("relative", 25, "%"), P3M),
    row("увеличить продажи на 10% в течение двух месяцев", R, "sales", "increase", "sales", None, None, None,
        ("relative", 10, "%"), P2M),
    row("увеличить число подписчиков в ВКонтакте на двадцать процентов", R, "awareness", "increase",
        "followers", None, "vk", None, ("relative", 20, "%"), None),
    row("увеличить число подписчиков на 10 тыс. к 1 июня 2026", R, "awareness", "increase", "followers",
        None, None, None, ("relative", 10000, None), ("date", "2026-06-01", None)),
    row("прирост подписчиков в Telegram на 2 000 в месяц", R, "awareness", "increase", "followers", "month",
        "telegram", None, ("relative", 2000, None), None),
    row("увеличить продажи через Instagram на 30% к концу 3-го месяца", R, "sales", "increase", "sales", None,
        "instagram", None, ("relative", 30, "%"), P3M),
    row("увеличить продажи на 10% во втором квартале 2026 года", R, "sales", "increase", "sales", None, None,
        None, ("relative", 10, "%"), ("quarter", "2026-06-30", None)),
    # «на» as a destination and as an amount in one statement
    row("увеличить трафик на сайт на 40% за полгода", R, "traffic", "increase", "website_traffic", None, None,
        None, ("relative", 40, "%"), P6M),
    # --- percentage points are not percent ----------------------------------------------------
    row("повысить конверсию сайта на 2 п.п. до конца квартала", R, "sales", "increase", "sales", None, None,
        None, ("relative", 2, "pp"), END_OF_QUARTER),
    row("поднять ERR на 3 п.п. за 2 месяца", R, "engagement", "increase", "err", None, None, None,
        ("relative", 3, "pp"), P2M),
    row("поднять ERR на 3% за 2 месяца", R, "engagement", "increase", "err", None, None, None,
        ("relative", 3, "%"), P2M),
    # --- from X to Y: baseline -> target --------------------------------------------------------
    row("нарастить число подписчиков с 3 200 до 5 000 за 6 месяцев", R, "awareness", "increase", "followers",
        None, None, (3200, None), ("absolute", 5000, None), P6M),
    row("вырастить аудиторию Telegram-канала с 3\u00a0200 до 8\u00a0000 подписчиков к концу 2026 года", R,
        "awareness", "increase", "followers", None, "telegram", (3200, None), ("absolute", 8000, None),
        END_OF_YEAR),
    row("увеличить количество лидов из TikTok с 40 до 100 в месяц", R, "leads", "increase", "leads", "month",
        "tiktok", (40, None), ("absolute", 100, None), None),
    row("увеличить количество продаж с 410 до 500 в месяц к концу второго квартала", R, "sales", "increase",
        "sales", "month", None, (410, None), ("absolute", 500, None), ("quarter", "2026-06-30", None)),
    row("увеличить вовлеченность с 4% до 6% за квартал", R, "engagement", "increase", "engagement_rate", None,
        None, (4, "%"), ("absolute", 6, "%"), P3M),
    row("увеличить число лидов с 60 до 90 в неделю за счёт чат-бота", R, "leads", "increase", "leads", "week",
        "chatbot", (60, None), ("absolute", 90, None), None),
    # --- «до» as a level, as a deadline, and both ---------------------------------------------
    row("увеличить ERR до 18% до 2026-06", R, "engagement", "reach", "err", None, None, None,
        ("absolute", 18, "%"), ("date", "2026-06-30", None)),
    row("довести аудиторию Instagram до 5 000 подписчиков до 31.12.2026", R, "awareness", "reach", "followers",
        None, "instagram", None, ("absolute", 5000, None), ("date", "2026-12-31", None)),
    row("довести ERR до 12% к концу 3-го месяца", R, "engagement", "reach", "err", None, None, None,
        ("absolute", 12, "%"), P3M),
    row("за пять месяцев довести число подписчиков до 20 тыс.", R, "awareness", "reach", "followers", None,
        None, None, ("absolute", 20000, None), ("duration", "2026-06-15", "P5M")),
    row("увеличить количество подписчиков ВКонтакте до 12 тыс. человек", R, "awareness", "reach", "followers",
        None, "vk", None, ("absolute", 12000, None), None),
    row("повысить вовлеченность аудитории до 8% до конца года", R, "engagement", "reach", "engagement_rate",
        None, None, None, ("absolute", 8, "%"), END_OF_YEAR),
    row("увеличить выручку с Instagram до 1,5 млн руб. в месяц", R, "sales", "reach", "revenue", "month",
        "instagram", None, ("absolute", 1500000, "RUB"), None),
    row("увеличить доход с YouTube-канала до $2 000 в месяц", R, "sales", "reach", "revenue", "month",
        "youtube", None, ("absolute", 2000, "USD"), None),
    row("выйти на выручку 3 млн рублей в месяц", R, "sales", "reach", "revenue", "month", None, None,
        ("absolute", 3000000, "RUB"), None),
    row("выйти на 100 продаж в неделю к концу марта", R, "sales", "reach", "sales", "week", None, None,
        ("absolute", 100, None), ("date", "2026-03-31", None)),
    row("достичь вовлеченности 18-20% через 3 месяца", R, "engagement", "reach", "engagement_rate", None, None,
        None, ("range", (18, 20), "%"), P3M),
    # --- ranks --------------------------------------------------------------------------------
    row("войти в ТОП-3 фитнес-клубов Казани по числу подписчиков в Instagram за год", R, "awareness", "reach",
        "followers", None, "instagram", None, ("rank", 3, None), ("duration", "2027-01-15", "P1Y")),
    row("попасть в топ-10 кофеен города по отзывам к 2026-06", R, "loyalty", "reach", "reviews", None, None,
        None, ("rank", 10, None), ("date", "2026-06-30", None)),
    row("стать брендом №1 в Telegram по числу подписчиков", R, "awareness", "reach", "followers", None,
        "telegram", None, ("rank", 1, None), None),
    # --- multiples ----------------------------------------------------------------------------
    row("удвоить количество заявок через 3 месяца", R, "leads", "increase", "leads", None, None, None,
        ("multiple", 2, None), P3M),
    row("увеличить продажи в два раза до конца ноября", R, "sales", "increase", "sales", None, None, None,
        ("multiple", 2, None), ("date", "2026-11-30", None)),
    row("увеличить продажи в 1,5 раза через 3 месяца", R, "sales", "increase", "sales", None, None, None,
        ("multiple", 1.5, None), P3M),
    row("вырасти в 2 раза по подписчикам за год", R, "awareness", "increase", "followers", None, None, None,
        ("multiple", 2, None), ("duration", "2027-01-15", "P1Y")),
    row("увеличить трафик из Instagram на сайт в 3 раза", R, "traffic", "increase", "website_traffic", None,
        "instagram", None, ("multiple", 3, None), None),
    row("вдвое больше заявок до конца первого квартала", R, "leads", "increase", "leads", None, None, None,
        ("multiple", 2, None), ("quarter", "2026-03-31", None)),
    # --- achieve: produce a count ---------------------------------------------------------------
    row("привлечь пятьсот лидов через чат-бот", R, "leads", "achieve", "leads", None, "chatbot", None,
        ("absolute", 500, None), None),
    row("привлечь пять тысяч подписчиков в ближайшие 3 месяца", R, "awareness", "achieve", "followers", None,
        None, None, ("absolute", 5000, None), P3M),
    row("привлечь тысячу подписчиков в Telegram-канал за два месяца", R, "awareness", "achieve", "followers",
        None, "telegram", None, ("absolute", 1000, None), P2M),
    row("получить 10 млн просмотров в TikTok за полгода", R, "awareness", "achieve", "views", None, "tiktok",
        None, ("absolute", 10000000, None), P6M),
    row("заработать 500 000 ₽ на Telegram-канале за 3 месяца", R, "sales", "achieve", "revenue", None,
        "telegram", None, ("absolute", 500000, "RUB"), P3M),
    row("сгенерировать 80 лидов с помощью вебинара до конца февраля", R, "leads", "achieve", "leads", None,
        None, None, ("absolute", 80, None), ("date", "2026-02-28", None)),
    row("до 1 июня набрать 3 000 подписчиков", R, "awareness", "achieve", "followers", None, None, None,
        ("absolute", 3000, None), ("date", "2026-06-01", None)),
    row("в течение трёх недель получить 50 отзывов", R, "loyalty", "achieve", "reviews", None, None, None,
        ("absolute", 50, None), ("duration", "2026-02-05", "P3W")),
    row("собрать 2 000 подписчиков рассылки в течение пяти недель", R, "leads", "achieve", "email_subscribers",
        None, None, None, ("absolute", 2000, None), ("duration", "2026-02-19", "P5W")),
    row("обеспечить менеджеров заявками: не менее 40 в день", R, "leads", "achieve", "leads", "day", None,
        None, ("absolute", 40, None), None),
    # --- rate windows are periods, not deadlines ------------------------------------------------
    row("получать не менее 300 заявок в месяц из ВКонтакте до конца 2026 года", R, "leads", "achieve", "leads",
        "month", "vk", None, ("absolute", 300, None), END_OF_YEAR),
    row("получать 50 заявок ежемесячно", R, "leads", "achieve", "leads", "month", None, None,
        ("absolute", 50, None), None),
    row("получать 120 заказов на месяц из Instagram", R, "sales", "achieve", "sales", "month", "instagram",
        None, ("absolute", 120, None), None),
    row("размещать 3 поста в неделю", R, "other", "achieve", "posts", "week", None, None,
        ("absolute", 3, None), None),
    row("поддерживать дневной охват не ниже 5 000", R, "awareness", "maintain", "reach", "day", None, None,
        ("absolute", 5000, None), None),
    # --- labels and goals with no verb ----------------------------------------------------------
    row("Цель: 10 тыс. подписчиков в Telegram к 1 июня 2026", R, "awareness", "reach", "followers", None,
        "telegram", None, ("absolute", 10000, None), ("date", "2026-06-01", None)),
    row("Задача 2: увеличить охват в 2 раза в течение 2 недель", R, "awareness", "increase", "reach", None, None,
        None, ("multiple", 2, None), ("duration", "2026-01-29", "P2W")),
    row("Главная цель — 500 заявок в месяц из ВК", R, "leads", "reach", "leads", "month", "vk", None,
        ("absolute", 500, None), None),
    row("Задача: 15 продаж в неделю из Instagram к концу марта", R, "sales", "reach", "sales", "week",
        "instagram", None, ("absolute", 15, None), ("date", "2026-03-31", None)),
    row("30 комментариев под каждым постом в Instagram", R, "engagement", "reach", "comments_per_post", None,
        "instagram", None, ("absolute", 30, None), None),
    row("100 лайков на пост в Instagram", R, "engagement", "reach", "likes_per_post", None, "instagram", None,
        ("absolute", 100, None), None),
    row("подписчики в Instagram: 10 тыс. к концу года", R, "awareness", "reach", "followers", None, "instagram",
        None, ("absolute", 10000, None), END_OF_YEAR),
    row("на 20% больше заявок в этом квартале", R, "leads", "increase", "leads", None, None, None,
        ("relative", 20, "%"), END_OF_QUARTER),
    row("ERR 10-15% к концу квартала", R, "engagement", "reach", "err", None, None, None,
        ("range", (10, 15), "%"), END_OF_QUARTER),
    row("до 50 000 подписчиков к концу года", R, "awareness", "reach", "followers", None, None, None,
        ("absolute", 50000, None), END_OF_YEAR),
    # --- compound goals: the first metric is the goal -------------------------------------------
    row("увеличить продажи и заявки на 20% за 6 месяцев", R, "sales", "increase", "sales", None, None, None,
        ("relative", 20, "%"), P6M),
    row("увеличить продажи на 10% и количество заявок на 30% до конца года", R, "sales", "increase", "sales",
        None, None, None, ("relative", 10, "%"), END_OF_YEAR),
    row("привлечь 300 лидов и 50 продаж за квартал", R, "leads", "achieve", "leads", None, None, None,
        ("absolute", 300, None), P3M),
    # --- method clauses: their numbers are not the target ---------------------------------------
    row("увеличить охват на 50% за счёт таргетированной рекламы с бюджетом 30 000 рублей", R, "awareness",
        "increase", "reach", None, None, None, ("relative", 50, "%"), None),
    row("привлечь 200 лидов с помощью конкурса на 3 000 участников", R, "leads", "achieve", "leads", None, None,
        None, ("absolute", 200, None), None),
    row("увеличить охват постов на 30% за 2 месяца, чтобы получать 100 заявок в месяц", R, "awareness",
        "increase", "reach", None, None, None, ("relative", 30, "%"), P2M),
    row("привлечь 150 лидов в месяц за счёт таргетированной рекламы", R, "leads", "achieve", "leads", "month",
        None, None, ("absolute", 150, None), None),
    # --- decrease; «улучшить»/«оптимизировать» a time or cost metric -----------------------------
    row("снизить стоимость заявки на 30% в этом квартале", R, "leads", "decrease", "cost_per_lead", None, None, None,
        ("relative", 30, "%"), END_OF_QUARTER),
    row("снизить стоимость заявки с 400 руб. до 250 руб. за квартал", R, "leads", "decrease", "cost_per_lead", None,
        None, (400, "RUB"), ("absolute", 250, "RUB"), P3M),
    row("снизить CPL с 500 ₽ до 300 ₽", R, "leads", "decrease", "cost_per_lead", None, None, (500, "RUB"),
        ("absolute", 300, "RUB"), None),
    row("снизить CPL до 150 руб. к концу квартала", R, "leads", "decrease", "cost_per_lead", None, None, None,
        ("absolute", 150, "RUB"), END_OF_QUARTER),
    row("снизить стоимость подписчика на 20% за счёт новых креативов", R, "awareness", "decrease",
        "cost_per_follower", None, None, None, ("relative", 20, "%"), None),
    row("оптимизировать стоимость лида до 250 рублей", R, "leads", "decrease", "cost_per_lead", None, None, None,
        ("absolute", 250, "RUB"), None),
    # Direct is Instagram's messages: «в директе» names the channel
    row("сократить время ответа в директе с 2 часов до 30 минут в течение месяца", R, "communication",
        "decrease", "response_time", None, "instagram", (2, "h"), ("absolute", 30, "min"),
        ("duration", "2026-02-15", "P1M")),
    row("улучшить время ответа в директе до 15 минут", R, "communication", "decrease", "response_time", None,
        "instagram", None, ("absolute", 15, "min"), None),
    row("сократить среднее время ответа в Telegram до 1 часа", R, "communication", "decrease", "response_time",
        None, "telegram", None, ("absolute", 1, "h"), None),
    # --- maintain; answering within a time -------------------------------------------------------
    row("поддерживать ERR на уровне 15%", R, "engagement", "maintain", "err", None, None, None,
        ("absolute", 15, "%"), None),
    row("держать ERR на уровне 10–15%", R, "engagement", "maintain", "err", None, None, None,
        ("range", (10, 15), "%"), None),
    row("отвечать на сообщения в Telegram в течение 10 минут", R, "communication", "maintain", "response_time",
        None, "telegram", None, ("absolute", 10, "min"), None),
    row("обрабатывать заявки через чат-бот в течение 5 минут", R, "communication", "maintain", "response_time",
        None, "chatbot", None, ("absolute", 5, "min"), None),
    # --- placeholders are not numbers -----------------------------------------------------------
    row("увеличить продажи на X процентов к концу года", R, "sales", "increase", "sales", None, None, None,
        None, END_OF_YEAR),
    row("Задача 3: за квартал привлечь N новых подписчиков в Instagram", R, "awareness", "increase",
        "followers", None, "instagram", None, None, P3M),
    # --- vague goals parse with empty slots ------------------------------------------------------
    row("нужно больше заявок", R, "leads", "increase", "leads", None, None, None, None, None),
    row("больше продаж из Instagram", R, "sales", "increase", "sales", None, "instagram", None, None, None),
    row("повысить узнаваемость бренда в соцсетях", R, "awareness", "increase", "brand_awareness", None, None,
        None, None, None),
    row("стать популярнее в Instagram", R, "awareness", "increase", "brand_awareness", None, "instagram", None,
        None, None),
    row("увеличить вовлечённость подписчиков", R, "engagement", "increase", "engagement", None, None, None,
        None, None),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_parse_ru(text, expected):
    assert slots(text) == expected


def test_rows_are_russian_and_distinct():
    texts = [text for text, _ in ROWS]
    assert len(texts) == len(set(texts)) >= 50
