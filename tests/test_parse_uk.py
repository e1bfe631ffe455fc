"""Ukrainian goal statements, every slot asserted (today = 2026-01-15).

The statements are written for this table in the patterns of real Ukrainian SMM goals: inflected
metric words, «на» as an amount / a destination / a rate, «до» as a deadline and as a target
level, «з X до Y», relative and calendar deadlines, ranks, multiples, numbers with (non-breaking)
spaces, scale words and number words, currencies, percentage points, label prefixes, compound
goals, method clauses, placeholders, vague goals, decreases, maintain goals, verbless goals and
English brand names inside Ukrainian text.
"""
import pytest

from goalcheck import row, slots

NBSP = "\u00a0"

P6M = ("duration", "2026-07-15", "P6M")
P3M = ("duration", "2026-04-15", "P3M")
P2W = ("duration", "2026-01-29", "P2W")
P1Y = ("duration", "2027-01-15", "P1Y")
END_OF_YEAR = ("period-end", "2026-12-31", None)
END_OF_QUARTER = ("period-end", "2026-03-31", None)

ROWS = [
    # --- inflected metric words; «на» as an amount, «до» as a deadline -------------------------
    row("Збільшити продажі в Instagram на 25% до 2026-06", "uk", "sales", "increase", "sales", None,
        "instagram", None, ("relative", 25, "%"), ("date", "2026-06-30", None)),
    row("Збільшити кількість продажів з Instagram на 15% за 6 місяців", "uk", "sales", "increase", "sales",
        None, "instagram", None, ("relative", 15, "%"), P6M),
    row("Дати поштовх продажам у TikTok: +30% до кінця березня", "uk", "sales", "increase", "sales", None,
        "tiktok", None, ("relative", 30, "%"), ("date", "2026-03-31", None)),
    row("Збільшити продажі", "uk", "sales", "increase", "sales", None, None, None, None, None),
    row("Зростання продажів через Instagram на 25% за рік", "uk", "sales", "increase", "sales", None,
        "instagram", None, ("relative", 25, "%"), P1Y),
    row("Збільшити кількість звернень в Instagram на 40% у цьому кварталі", "uk", "leads", "increase", "leads",
        None, "instagram", None, ("relative", 40, "%"), END_OF_QUARTER),
    row("Мета 1 — збільшити кількість заявок з Facebook на 15% до 1 квітня", "uk", "leads", "increase",
        "leads", None, "facebook", None, ("relative", 15, "%"), ("date", "2026-04-01", None)),
    row("Збільшити підписників на 1 000 за тиждень", "uk", "awareness", "increase", "followers", None, None,
        None, ("relative", 1000, None), ("duration", "2026-01-22", "P1W")),
    row("Згенерувати 150 лідів з LinkedIn до кінця кварталу", "uk", "leads", "achieve", "leads", None,
        "linkedin", None, ("absolute", 150, None), END_OF_QUARTER),
    row("Заявки з TikTok — не менше 20 на день", "uk", "leads", "reach", "leads", "day", "tiktok", None,
        ("absolute", 20, None), None),
    row("Збільшити кількість повторних покупок на 10% у наступні три місяці", "uk", "loyalty", "increase",
        "retention", None, None, None, ("relative", 10, "%"), P3M),
    row("Збільшити кількість кліків за посиланням у біо на 35% до 1 березня", "uk", "traffic", "increase",
        "link_clicks", None, None, None, ("relative", 35, "%"), ("date", "2026-03-01", None)),
    row("Підвищити кількість згадок бренду в Threads на 50% до кінця березня", "uk", "communication",
        "increase", "messages", None, "threads", None, ("relative", 50, "%"), ("date", "2026-03-31", None)),

    # --- «на» as a destination and as a rate -----------------------------------------------------
    row("Збільшити трафік на сайт з Instagram на 20% протягом 2 тижнів", "uk", "traffic", "increase",
        "website_traffic", None, "instagram", None, ("relative", 20, "%"), P2W),
    row("Збільшити кількість переходів на сайт з Facebook до 1 500 на місяць", "uk", "traffic", "reach",
        "website_traffic", "month", "facebook", None, ("absolute", 1500, None), None),
    row("Залучити 200 лідів на місяць з таргетованої реклами у Facebook", "uk", "leads", "achieve", "leads",
        "month", "facebook", None, ("absolute", 200, None), None),
    row("Отримувати щонайменше 50 заявок на тиждень з Telegram-каналу", "uk", "leads", "achieve", "leads",
        "week", "telegram", None, ("absolute", 50, None), None),
    row("Отримувати не менше трьох замовлень на день з TikTok", "uk", "sales", "achieve", "sales", "day",
        "tiktok", None, ("absolute", 3, None), None),
    row("Щомісяця отримувати 150 звернень з Viber та Telegram", "uk", "leads", "achieve", "leads", "month",
        "viber", None, ("absolute", 150, None), None),
    row("Отримувати 300 звернень щомісяця", "uk", "leads", "achieve", "leads", "month", None, None,
        ("absolute", 300, None), None),
    row("Збільшувати кількість підписників на 10% щомісяця протягом року", "uk", "awareness", "increase",
        "followers", "month", None, None, ("relative", 10, "%"), P1Y),
    row("Досягти охоплення 100 тис. на місяць у TikTok через 3 місяці", "uk", "awareness", "reach", "reach",
        "month", "tiktok", None, ("absolute", 100000, None), P3M),

    # --- «до» as a target level, alone and together with a «до» deadline --------------------------
    row("Підвищити ERR до 18% до 2026-06", "uk", "engagement", "reach", "err", None, None, None,
        ("absolute", 18, "%"), ("date", "2026-06-30", None)),
    row("Довести кількість підписників до 5 000 до кінця листопада", "uk", "awareness", "reach", "followers",
        None, None, None, ("absolute", 5000, None), ("date", "2026-11-30", None)),
    row("Наростити Instagram до 5 000 підписників до 2026-09", "uk", "awareness", "reach", "followers", None,
        "instagram", None, ("absolute", 5000, None), ("date", "2026-09-30", None)),
    row("Збільшити кількість підписників у Telegram до 5 000 до кінця року", "uk", "awareness", "reach",
        "followers", None, "telegram", None, ("absolute", 5000, None), END_OF_YEAR),
    row("Збільшити кількість підписників розсилки до 3 000 до кінця травня", "uk", "leads", "reach",
        "email_subscribers", None, None, None, ("absolute", 3000, None), ("date", "2026-05-31", None)),
    row("Підвищити CSAT до 90% до кінця року", "uk", "loyalty", "reach", "csat", None, None, None,
        ("absolute", 90, "%"), END_OF_YEAR),
    row("Збільшити кількість звернень до 50 на тиждень до кінця кварталу", "uk", "leads", "reach", "leads",
        "week", None, None, ("absolute", 50, None), END_OF_QUARTER),
    row("Збільшити частку повторних продажів до 30% за рік", "uk", "loyalty", "reach", "retention", None,
        None, None, ("absolute", 30, "%"), P1Y),
    row("Вийти на 10 тис. підписників у TikTok до кінця року", "uk", "awareness", "reach", "followers", None,
        "tiktok", None, ("absolute", 10000, None), END_OF_YEAR),

    # --- «з X до Y»: baseline -> target ----------------------------------------------------------
    row("Збільшити кількість підписників в Instagram з 3 200 до 5 000 за пів року", "uk", "awareness",
        "increase", "followers", None, "instagram", (3200, None), ("absolute", 5000, None), P6M),
    row(f"Наростити аудиторію Telegram-каналу з 3{NBSP}200 до 4{NBSP}500 підписників за півроку", "uk",
        "awareness", "increase", "followers", None, "telegram", (3200, None), ("absolute", 4500, None), P6M),
    row("Протягом п'яти місяців збільшити кількість підписників з 1 200 до 3 000", "uk", "awareness",
        "increase", "followers", None, None, (1200, None), ("absolute", 3000, None),
        ("duration", "2026-06-15", "P5M")),
    row("Збільшити ERR з 4% до 6% до 31.12.2026", "uk", "engagement", "increase", "err", None, None, (4, "%"),
        ("absolute", 6, "%"), ("date", "2026-12-31", None)),
    row("Підвищити рівень залученості в Instagram з 3% до 5% до кінця року", "uk", "engagement", "increase",
        "engagement_rate", None, "instagram", (3, "%"), ("absolute", 5, "%"), END_OF_YEAR),
    row("Підвищити NPS з 40 до 55 до кінця року", "uk", "loyalty", "increase", "nps", None, None, (40, None),
        ("absolute", 55, None), END_OF_YEAR),
    row("Підняти CTR реклами з 0,8% до 1,2% протягом місяця", "uk", "traffic", "increase", "link_clicks", None,
        None, (0.8, "%"), ("absolute", 1.2, "%"), ("duration", "2026-02-15", "P1M")),
    row("Збільшити кількість лайків під кожним дописом з 50 до 120", "uk", "engagement", "increase",
        "likes_per_post", None, None, (50, None), ("absolute", 120, None), None),
    row("Збільшити середню кількість переглядів Reels з 1 000 до 3 000 за два місяці", "uk", "awareness",
        "increase", "reach", None, None, (1000, None), ("absolute", 3000, None),
        ("duration", "2026-03-15", "P2M")),
    row("Збільшити виторг інтернет-магазину з 400 000 грн до 600 000 грн на місяць", "uk", "sales", "increase",
        "revenue", "month", None, (400000, "UAH"), ("absolute", 600000, "UAH"), None),

    # --- ranks -----------------------------------------------------------------------------------
    row("Вийти в ТОП-3 акаунтів доставки здорової їжі в Харкові за кількістю підписників за 6 місяців",
        "uk", "awareness", "reach", "followers", None, None, None, ("rank", 3, None), P6M),
    row("Потрапити в топ-10 кав'ярень Львова в Instagram за охопленням протягом наступного кварталу", "uk",
        "awareness", "reach", "reach", None, "instagram", None, ("rank", 10, None), P3M),
    row("Завдання: вивести акаунт у топ-5 за охопленням серед салонів краси Києва до кінця року", "uk",
        "awareness", "reach", "reach", None, None, None, ("rank", 5, None), END_OF_YEAR),
    row("Вийти в топ-3 за кількістю відгуків у Google до кінця червня", "uk", "loyalty", "reach", "reviews",
        None, "google", None, ("rank", 3, None), ("date", "2026-06-30", None)),

    # --- multiples -------------------------------------------------------------------------------
    row("Подвоїти кількість підписників у Telegram за рік", "uk", "awareness", "increase", "followers", None,
        "telegram", None, ("multiple", 2, None), P1Y),
    row("Збільшити охоплення вдвічі до кінця кварталу", "uk", "awareness", "increase", "reach", None, None,
        None, ("multiple", 2, None), END_OF_QUARTER),
    row("Вдвічі збільшити кількість заявок з Instagram до кінця року", "uk", "leads", "increase", "leads",
        None, "instagram", None, ("multiple", 2, None), END_OF_YEAR),
    row("Збільшити кількість заявок з сайту у 2 рази за пів року", "uk", "leads", "increase", "leads", None,
        None, None, ("multiple", 2, None), P6M),
    row("Збільшити кількість реєстрацій на вебінар у два рази", "uk", "leads", "increase", "leads", None, None,
        None, ("multiple", 2, None), None),
    row("Збільшити охоплення сторіс у 3 рази", "uk", "awareness", "increase", "reach", None, None, None,
        ("multiple", 3, None), None),
    row("Збільшити продажі вдвічі протягом двох місяців", "uk", "sales", "increase", "sales", None, None, None,
        ("multiple", 2, None), ("duration", "2026-03-15", "P2M")),

    # --- counts to produce; numbers in words, scale words, currencies -----------------------------
    row("Отримати 3 200 заявок до кінця 2026 року", "uk", "leads", "achieve", "leads", None, None, None,
        ("absolute", 3200, None), END_OF_YEAR),
    row("Залучити п'ять тисяч нових підписників за три місяці", "uk", "awareness", "increase", "followers",
        None, None, None, ("relative", 5000, None), P3M),
    row("Отримати дві тисячі підписників у Telegram за двадцять днів", "uk", "awareness", "achieve",
        "followers", None, "telegram", None, ("absolute", 2000, None), ("duration", "2026-02-04", "P20D")),
    row("Заробити 1,5 млн грн на продажах через Instagram до 1 червня 2026", "uk", "sales", "achieve", "sales",
        None, "instagram", None, ("absolute", 1500000, "UAH"), ("date", "2026-06-01", None)),
    row("Отримати 500 000 ₴ виторгу з TikTok за квартал", "uk", "sales", "achieve", "revenue", None, "tiktok",
        None, ("absolute", 500000, "UAH"), P3M),
    row("Виторг з Instagram — $20 000 на місяць", "uk", "sales", "reach", "revenue", "month", "instagram",
        None, ("absolute", 20000, "USD"), None),
    row("Мета 2: зібрати 200 відгуків від клієнтів до кінця червня", "uk", "loyalty", "achieve", "reviews",
        None, None, None, ("absolute", 200, None), ("date", "2026-06-30", None)),
    row("Зібрати 2 000 email-підписників до кінця травня", "uk", "leads", "achieve", "email_subscribers", None,
        None, None, ("absolute", 2000, None), ("date", "2026-05-31", None)),
    row("Отримувати 20 нових відгуків у Google щомісяця", "uk", "loyalty", "increase", "reviews", "month",
        "google", None, ("relative", 20, None), None),
    row("Отримати 40 записів на консультацію через Instagram Direct за місяць", "uk", "leads", "achieve",
        "consultations", None, "instagram", None, ("absolute", 40, None), ("duration", "2026-02-15", "P1M")),
    row("Зібрати 300 реєстрацій на вебінар через таргетовану рекламу в Instagram за 2 тижні", "uk", "leads",
        "achieve", "leads", None, "instagram", None, ("absolute", 300, None), P2W),

    # --- percentage points kept apart from percent; ERR bands; maintain ---------------------------
    row("Збільшити ERR на 3 в.п. за 3 місяці", "uk", "engagement", "increase", "err", None, None, None,
        ("relative", 3, "pp"), P3M),
    row("Збільшити ERR на 3% за 3 місяці", "uk", "engagement", "increase", "err", None, None, None,
        ("relative", 3, "%"), P3M),
    row("Підвищити конверсію в продаж на 2 п.п. до кінця кварталу", "uk", "sales", "increase", "sales", None,
        None, None, ("relative", 2, "pp"), END_OF_QUARTER),
    row("ERR 10-15% через 3 місяці", "uk", "engagement", "reach", "err", None, None, None,
        ("range", (10, 15), "%"), P3M),
    row("Тримати ERR у межах 10–15%", "uk", "engagement", "maintain", "err", None, None, None,
        ("range", (10, 15), "%"), None),
    row("Підтримувати ERR на рівні 15% щомісяця", "uk", "engagement", "maintain", "err", "month", None, None,
        ("absolute", 15, "%"), None),
    row("Утримувати вартість заявки на рівні 200 грн", "uk", "other", "maintain", "cost", None, None, None,
        ("absolute", 200, "UAH"), None),

    # --- decreases; «покращити» on a time or cost metric -----------------------------------------
    row("Знизити вартість заявки на 30% до кінця кварталу", "uk", "other", "decrease", "cost", None, None,
        None, ("relative", 30, "%"), END_OF_QUARTER),
    row("Знизити вартість підписника до 5 грн", "uk", "other", "decrease", "cost_per_follower", None, None,
        None, ("absolute", 5, "UAH"), None),
    row("Знизити вартість кліка до 5 грн до кінця місяця", "uk", "other", "decrease", "cost", None, None,
        None, ("absolute", 5, "UAH"), ("period-end", "2026-01-31", None)),
    row("Знизити CPL з 120 грн до 80 грн протягом наступного кварталу", "uk", "other", "decrease", "cost",
        None, None, (120, "UAH"), ("absolute", 80, "UAH"), P3M),
    row("Покращити вартість ліда на 20%", "uk", "other", "decrease", "cost", None, None, None,
        ("relative", 20, "%"), None),
    row("Скоротити час відповіді на повідомлення з 2 годин до 30 хвилин", "uk", "communication", "decrease",
        "response_time", None, None, (2, "h"), ("absolute", 30, "min"), None),
    row("Зменшити середній час обробки заявки з 24 годин до 2 годин", "uk", "communication", "decrease",
        "response_time", None, None, (24, "h"), ("absolute", 2, "h"), None),
    row("Покращити час відповіді клієнтам до 15 хвилин", "uk", "communication", "decrease", "response_time",
        None, None, None, ("absolute", 15, "min"), None),
    row("Покращити швидкість відповіді до 10 хвилин", "uk", "communication", "decrease", "response_time",
        None, None, None, ("absolute", 10, "min"), None),
    row("Скоротити час реагування на негативні відгуки до 30 хвилин", "uk", "communication", "decrease",
        "response_time", None, None, None, ("absolute", 30, "min"), None),
    row("Зменшити кількість негативних відгуків на 50%", "uk", "loyalty", "decrease", "reviews", None, None,
        None, ("relative", 50, "%"), None),
    row("Зменшити відтік клієнтів до 2% на місяць", "uk", "loyalty", "decrease", "retention", "month", None,
        None, ("absolute", 2, "%"), None),

    # --- answering within a time: the time is the target, not a deadline -------------------------
    row("Відповідати на всі повідомлення в Instagram протягом 15 хвилин", "uk", "communication", "maintain",
        "response_time", None, "instagram", None, ("absolute", 15, "min"), None),
    row("Обробляти кожне звернення в Telegram не пізніше ніж через 2 години", "uk", "communication",
        "maintain", "response_time", None, "telegram", None, ("absolute", 2, "h"), None),
    row("Тримати середній час відповіді в месенджерах не більше 5 хвилин", "uk", "communication", "maintain",
        "response_time", None, None, None, ("absolute", 5, "min"), None),

    # --- goals with no verb; per-post metrics ----------------------------------------------------
    row("25 коментарів під кожним дописом", "uk", "engagement", "reach", "comments_per_post", None, None, None,
        ("absolute", 25, None), None),
    row("Щонайменше 100 вподобайок на кожен пост в Instagram", "uk", "engagement", "reach", "likes_per_post",
        None, "instagram", None, ("absolute", 100, None), None),
    row("Досягти 50 000 переглядів на кожне відео у TikTok", "uk", "awareness", "reach", "reach_per_video",
        None, "tiktok", None, ("absolute", 50000, None), None),
    row("Ціль: 500 заявок на місяць з Instagram до Q3 2026", "uk", "leads", "reach", "leads", "month",
        "instagram", None, ("absolute", 500, None), ("quarter", "2026-09-30", None)),
    row("Мета: 1 000 нових підписників у Threads щомісяця", "uk", "awareness", "increase", "followers", "month",
        "threads", None, ("relative", 1000, None), None),

    # --- channels: fronted, «через чат-бот», hyphenated brand compounds ---------------------------
    row("Через чат-бот збирати 40 заявок на тиждень", "uk", "leads", "achieve", "leads", "week", "chatbot",
        None, ("absolute", 40, None), None),
    row("Збільшити кількість підписників YouTube-каналу Healthy Bowl на 30% за пів року", "uk", "awareness",
        "increase", "followers", None, "youtube", None, ("relative", 30, "%"), P6M),
    row("Збільшити кількість підписників Instagram-акаунту Green Market на 20% у цьому році", "uk",
        "awareness", "increase", "followers", None, "instagram", None, ("relative", 20, "%"), END_OF_YEAR),
    row("Збільшити кількість збережень і репостів у Instagram Reels на 25% до кінця квітня", "uk",
        "engagement", "increase", "shares", None, "instagram", None, ("relative", 25, "%"),
        ("date", "2026-04-30", None)),
    row("Promo-кампанія Black Friday: отримати 300 замовлень з Instagram і TikTok за 2 тижні", "uk", "sales",
        "achieve", "sales", None, "instagram", None, ("absolute", 300, None), P2W),

    # --- compound goals: the first metric is the goal ---------------------------------------------
    row("Збільшити кількість продажів та заявок з Instagram на 20% до кінця року", "uk", "sales", "increase",
        "sales", None, "instagram", None, ("relative", 20, "%"), END_OF_YEAR),
    row("Залучити 300 лідів і 50 продажів на місяць", "uk", "leads", "achieve", "leads", "month", None, None,
        ("absolute", 300, None), None),
    row("Збільшити продажі на 20%, а кількість заявок — на 30%", "uk", "sales", "increase", "sales", None, None,
        None, ("relative", 20, "%"), None),
    row("Не просто збільшити охоплення, а отримувати 100 заявок на місяць з Instagram", "uk", "leads",
        "achieve", "leads", "month", "instagram", None, ("absolute", 100, None), None),

    # --- method clauses: their numbers and rate windows are not the goal's ------------------------
    row("Збільшити охоплення на 50% за рахунок таргетованої реклами з бюджетом 500 $ на місяць", "uk",
        "awareness", "increase", "reach", None, None, None, ("relative", 50, "%"), None),
    row("Підвищити залученість до 8% за допомогою конкурсу з призом 5 000 грн", "uk", "engagement", "reach",
        "engagement_rate", None, None, None, ("absolute", 8, "%"), None),
    row("Збільшити кількість підписників на 2 000, щоб отримувати 100 заявок на тиждень", "uk", "awareness",
        "increase", "followers", None, None, None, ("relative", 2000, None), None),
    row("Збільшити продажі на 15% до кінця листопада за рахунок розіграшів у сторіс", "uk", "sales",
        "increase", "sales", None, None, None, ("relative", 15, "%"), ("date", "2026-11-30", None)),
    row("Збільшити охоплення дописів у Facebook на 20% за 2 місяці, публікуючи 3 дописи на тиждень", "uk",
        "awareness", "increase", "reach", None, "facebook", None, ("relative", 20, "%"),
        ("duration", "2026-03-15", "P2M")),

    # --- activities (a task, not a goal) ---------------------------------------------------------
    row("Публікувати 5 дописів на тиждень в Instagram до кінця березня", "uk", "other", "achieve", "posts",
        "week", "instagram", None, ("absolute", 5, None), ("date", "2026-03-31", None)),
    row("Запустити рекламну кампанію в TikTok до 1 березня", "uk", "other", "achieve", "campaigns", None,
        "tiktok", None, None, ("date", "2026-03-01", None)),

    # --- placeholders and vague goals: they parse, with empty slots -------------------------------
    row("Залучити X нових клієнтів через Instagram", "uk", "sales", "increase", "sales", None, "instagram",
        None, None, None),
    row("Ціль 3: отримати N заявок з TikTok", "uk", "leads", "achieve", "leads", None, "tiktok", None, None,
        None),
    row("Збільшити продажі на X відсотків до кінця року", "uk", "sales", "increase", "sales", None, None, None,
        None, END_OF_YEAR),
    row("Більше заявок", "uk", "leads", "increase", "leads", None, None, None, None, None),
    row("Підвищити впізнаваність бренду", "uk", "awareness", "increase", "brand_awareness", None, None, None,
        None, None),
    row("Покращити імідж компанії в соцмережах", "uk", "awareness", "increase", "image", None, None, None,
        None, None),
    row("До кінця року стати лідером ринку доставки квітів у Києві", "uk", "sales", "reach", "market_position",
        None, None, None, None, END_OF_YEAR),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_parse_uk(text, expected):
    assert slots(text) == expected
