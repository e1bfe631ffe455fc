"""The metric vocabulary (grammar/metrics.toml): statements in three languages, every inflected
form of every metric word, lower-is-better metrics, unit kinds (today = 2026-01-15).

The statements are written for this test in the patterns marketing teams use (not copied from
any corpus); the expected values are what a careful annotator says, by the conventions of the
corpus README (metric families and their categories).
"""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from goalcheck import TEAM_RULES, row, slots
from smmrules import GoalSyntaxError, check_goal, parse_goal
from smmrules.rules.engine import RuleSet
from smmrules.language.lexicon import UNIT_KINDS, default_lexicons, normalize_word
from smmrules.language.morphology import morphology, split_lemma
from smmrules.base.resources import grammar_file

TODAY = dt.date(2026, 1, 15)
LANGS = ("en", "ru", "uk")
ROOT = grammar_file()
with open(Path(ROOT) / "metrics.toml", "rb") as _fh:
    TABLE = tomllib.load(_fh)["metric"]
METRICS = default_lexicons().metrics

END_OF_YEAR = ("period-end", "2026-12-31", None)
END_OF_QUARTER = ("period-end", "2026-03-31", None)
P2M = ("duration", "2026-03-15", "P2M")
P3M = ("duration", "2026-04-15", "P3M")
P6M = ("duration", "2026-07-15", "P6M")


def _date(iso: str):
    return ("date", iso, None)


ROWS = [
    # --- en -----------------------------------------------------------------------------------
    row("increase average order value from $45 to $60 by 2026-06", "en", "sales", "increase",
        "average_order_value", None, None, (45, "USD"), ("absolute", 60, "USD"), _date("2026-06-30")),
    row("reduce CAC by 25% by the end of the year", "en", "sales", "decrease", "customer_acquisition_cost", None,
        None, None, ("relative", 25, "%"), END_OF_YEAR),
    row("improve cost per lead to $12 within 3 months", "en", "leads", "decrease", "cost_per_lead", None, None,
        None, ("absolute", 12, "USD"), P3M),
    row("optimise CPM on Facebook to €4 by Q2 2026", "en", "awareness", "decrease", "cost_per_mille", None,
        "facebook", None, ("absolute", 4, "EUR"), ("quarter", "2026-06-30", None)),
    row("grow MQLs by 30% by 2026-09", "en", "leads", "increase", "mql", None, None, None, ("relative", 30, "%"),
        _date("2026-09-30")),
    row("raise the email open rate from 18% to 25% by 2026-09", "en", "engagement", "increase", "email_open_rate",
        None, None, (18, "%"), ("absolute", 25, "%"), _date("2026-09-30")),
    row("cut the churn rate to 3% by the end of the year", "en", "loyalty", "decrease", "churn", None, None, None,
        ("absolute", 3, "%"), END_OF_YEAR),
    row("get 500 trial sign-ups per month", "en", "leads", "achieve", "trials", "month", None, None,
        ("absolute", 500, None), None),
    row("reach an NPS of 60 by 2026-12", "en", "loyalty", "reach", "nps", None, None, None, ("absolute", 60, None),
        _date("2026-12-31")),
    row("increase share of voice to 25% by 2026-06", "en", "awareness", "reach", "share_of_voice", None, None, None,
        ("absolute", 25, "%"), _date("2026-06-30")),
    row("get into the top-3 of search results by 2026-06", "en", "traffic", "reach", "search_position", None, None,
        None, ("rank", 3, None), _date("2026-06-30")),
    row("improve the bounce rate by 10 pp within 2 months", "en", "traffic", "decrease", "bounce_rate", None, None,
        None, ("relative", 10, "pp"), P2M),
    row("double the DAU by the end of the year", "en", "engagement", "increase", "daily_active_users", None, None,
        None, ("multiple", 2, None), END_OF_YEAR),
    row("reduce negative reviews by 50% by 2026-06", "en", "loyalty", "decrease", "negative_reviews", None, None,
        None, ("relative", 50, "%"), _date("2026-06-30")),
    row("optimize the cost per click to $0.80 by 2026-03", "en", "traffic", "decrease", "cost_per_click", None, None,
        None, ("absolute", 0.8, "USD"), _date("2026-03-31")),
    # a ceiling on a cost, with no verb, is a decrease
    row("CPL: under $20 by 2026-06", "en", "leads", "decrease", "cost_per_lead", None, None, None,
        ("absolute", 20, "USD"), _date("2026-06-30")),
    # --- ru -----------------------------------------------------------------------------------
    # English metric names in a Russian or Ukrainian KPI list
    row("Revenue: 2 млн руб. в месяц к концу года", "ru", "sales", "reach", "revenue", "month", None, None,
        ("absolute", 2000000, "RUB"), END_OF_YEAR),
    row("Churn: не более 3% к концу года", "ru", "loyalty", "decrease", "churn", None, None, None, ("absolute", 3, "%"),
        END_OF_YEAR),
    row("CAC не более 2 000 руб. к концу года", "ru", "sales", "decrease", "customer_acquisition_cost", None, None,
        None, ("absolute", 2000, "RUB"), END_OF_YEAR),
    row("увеличить средний чек с 2 500 до 3 000 руб. к 2026-06", "ru", "sales", "increase", "average_order_value",
        None, None, (2500, "RUB"), ("absolute", 3000, "RUB"), _date("2026-06-30")),
    row("сократить стоимость привлечения клиента на 20% до конца года", "ru", "sales", "decrease",
        "customer_acquisition_cost", None, None, None, ("relative", 20, "%"), END_OF_YEAR),
    row("оптимизировать ЦПЛ до 300 руб. за 3 месяца", "ru", "leads", "decrease", "cost_per_lead", None, None, None,
        ("absolute", 300, "RUB"), P3M),
    row("увеличить охваты в Instagram на 40% до конца квартала", "ru", "awareness", "increase", "reach", None,
        "instagram", None, ("relative", 40, "%"), END_OF_QUARTER),
    row("поднять ЕР с 3% до 5% за полгода", "ru", "engagement", "increase", "engagement_rate", None, None, (3, "%"),
        ("absolute", 5, "%"), P6M),
    row("получать 150 лидов в месяц из Telegram", "ru", "leads", "achieve", "leads", "month", "telegram", None,
        ("absolute", 150, None), None),
    row("увеличить количество сохранений на 30% к 2026-06", "ru", "engagement", "increase", "saves", None, None, None,
        ("relative", 30, "%"), _date("2026-06-30")),
    row("сократить отток клиентов до 4% к концу года", "ru", "loyalty", "decrease", "churn", None, None, None,
        ("absolute", 4, "%"), END_OF_YEAR),
    row("улучшить время первого ответа до 15 минут", "ru", "communication", "decrease", "response_time", None, None,
        None, ("absolute", 15, "min"), None),
    row("вывести сайт в топ-5 поисковой выдачи к 2026-09", "ru", "traffic", "reach", "search_position", None, None,
        None, ("rank", 5, None), _date("2026-09-30")),
    row("довести открываемость писем до 30% до конца года", "ru", "engagement", "reach", "email_open_rate", None,
        None, None, ("absolute", 30, "%"), END_OF_YEAR),
    row("снизить показатель отказов с 55% до 40% за квартал", "ru", "traffic", "decrease", "bounce_rate", None, None,
        (55, "%"), ("absolute", 40, "%"), P3M),
    row("увеличить долю повторных покупок до 35% к 2026-12", "ru", "loyalty", "reach", "repeat_purchase_rate", None,
        None, None, ("absolute", 35, "%"), _date("2026-12-31")),
    # «постоянный» is not a form of «пост»: the regular customers are a loyalty metric
    row("увеличить число постоянных клиентов на 15% за полгода", "ru", "loyalty", "increase", "retention", None,
        None, None, ("relative", 15, "%"), P6M),
    row("увеличить ROMI до 200% к концу года", "ru", "sales", "reach", "romi", None, None, None, ("absolute", 200, "%"),
        END_OF_YEAR),
    # --- uk -----------------------------------------------------------------------------------
    row("збільшити середній чек на 15% до кінця року", "uk", "sales", "increase", "average_order_value", None, None,
        None, ("relative", 15, "%"), END_OF_YEAR),
    row("знизити вартість ліда з 200 до 120 грн за 2 місяці", "uk", "leads", "decrease", "cost_per_lead", None, None,
        (200, "UAH"), ("absolute", 120, "UAH"), P2M),
    row("збільшити кількість збережень в Instagram на 25% до 2026-06", "uk", "engagement", "increase", "saves", None,
        "instagram", None, ("relative", 25, "%"), _date("2026-06-30")),
    row("зменшити кількість відписок на 20% до кінця кварталу", "uk", "loyalty", "decrease", "unsubscribes", None,
        None, None, ("relative", 20, "%"), END_OF_QUARTER),
    row("підвищити залученість аудиторії до 6% за квартал", "uk", "engagement", "reach", "engagement_rate", None,
        None, None, ("absolute", 6, "%"), P3M),
    row("вивести сайт у топ-3 пошукової видачі до 2026-09", "uk", "traffic", "reach", "search_position", None, None,
        None, ("rank", 3, None), _date("2026-09-30")),
    row("збільшити органічний трафік на 50% за 6 місяців", "uk", "traffic", "increase", "organic_traffic", None,
        None, None, ("relative", 50, "%"), P6M),
    row("покращити час відповіді в директі до 10 хвилин", "uk", "communication", "decrease", "response_time", None,
        "instagram", None, ("absolute", 10, "min"), None),
    row("знизити CPC до 5 грн до 2026-03", "uk", "traffic", "decrease", "cost_per_click", None, None, None,
        ("absolute", 5, "UAH"), _date("2026-03-31")),
    row("збільшити кількість MQL на 40% до 2026-09", "uk", "leads", "increase", "mql", None, None, None,
        ("relative", 40, "%"), _date("2026-09-30")),
    row("збільшити частку голосу бренду до 20% до кінця року", "uk", "awareness", "reach", "share_of_voice", None,
        None, None, ("absolute", 20, "%"), END_OF_YEAR),
    row("збільшити кількість постійних клієнтів на 10% до 2026-12", "uk", "loyalty", "increase", "retention", None,
        None, None, ("relative", 10, "%"), _date("2026-12-31")),
    row("зменшити відтік користувачів до 5% на місяць", "uk", "loyalty", "decrease", "churn", "month", None, None,
        ("absolute", 5, "%"), None),
    row("оптимізувати вартість конверсії до 150 грн до кінця року", "uk", "sales", "decrease",
        "cost_per_acquisition", None, None, None, ("absolute", 150, "UAH"), END_OF_YEAR),
    row("Reach: 1 млн на місяць до кінця року", "uk", "awareness", "reach", "reach", "month", None, None,
        ("absolute", 1000000, None), END_OF_YEAR),
    row("вартість ліда: не більше 100 грн до 2026-06", "uk", "leads", "decrease", "cost_per_lead", None, None, None,
        ("absolute", 100, "UAH"), _date("2026-06-30")),
]


@pytest.mark.parametrize("text,expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_vocabulary_statements(text, expected):
    assert slots(text, lang=expected["lang"]) == expected


def test_the_table_has_rows_in_every_language():
    langs = [expected["lang"] for _, expected in ROWS]
    assert len(ROWS) >= 30 and all(langs.count(lang) >= 10 for lang in LANGS)


# --- the table ------------------------------------------------------------------------------------
def test_the_vocabulary_covers_every_family():
    by_category: dict[str, int] = {}
    for info in METRICS.values():
        by_category[info.category] = by_category.get(info.category, 0) + 1
    assert len(METRICS) >= 120
    for category in ("sales", "leads", "awareness", "engagement", "traffic", "loyalty", "communication", "other"):
        assert by_category.get(category, 0) >= 8, category


def test_every_metric_has_words_and_a_display_in_every_language():
    for name, spec in TABLE.items():
        for lang in LANGS:
            assert spec.get(lang), f"{name}: no {lang} words"
            assert spec["display"].get(lang), f"{name}: no {lang} display"


def test_every_metric_has_a_unit_kind():
    for name, info in METRICS.items():
        assert info.unit_kind in UNIT_KINDS, name
        assert info.time == (info.unit_kind == "time"), name


@pytest.mark.parametrize("name,unit_kind,lower_is_better", [
    ("sales", "count", False), ("revenue", "money", False), ("cost_per_lead", "money", True),
    ("customer_acquisition_cost", "money", True), ("cost_per_click", "money", True), ("ctr", "percent", False),
    ("churn", "percent", True), ("bounce_rate", "percent", True), ("response_time", "time", True),
    ("watch_time", "time", False), ("nps", "rate", False), ("search_position", "rank", False),
    ("unsubscribes", "count", True), ("negative_reviews", "count", True), ("followers", "count", False),
])
def test_unit_kind_and_lower_is_better_of_known_metrics(name, unit_kind, lower_is_better):
    assert (METRICS[name].unit_kind, METRICS[name].lower_is_better) == (unit_kind, lower_is_better)


def test_the_contract_names_are_kept():
    """Canonical names that rules, configs and the JSON contract already use."""
    kept = {"sales", "revenue", "profit", "market_share", "market_position", "demand", "bookings", "leads",
            "email_subscribers", "consultations", "followers", "page_likes", "reach", "brand_awareness", "image",
            "engagement", "engagement_rate", "err", "likes", "comments", "shares", "website_traffic",
            "organic_traffic", "link_clicks", "response_time", "resolution_time", "messages", "community_size",
            "reputation", "csat", "nps", "retention", "loyalty", "reviews", "posts", "campaigns",
            "accounts_followed", "ad_budget", "cost", "cost_per_follower", "success"}
    assert kept <= set(METRICS)


def test_ad_spend_is_an_activity_and_cost_metrics_are_goals():
    assert METRICS["ad_budget"].activity
    for name in ("cost_per_lead", "cost_per_click", "cost_per_mille", "cost_per_acquisition",
                 "customer_acquisition_cost", "cost_per_follower"):
        assert not METRICS[name].activity and METRICS[name].lower_is_better, name


# --- every inflected form of every word -------------------------------------------------------------
TEMPLATES = {"en": "increase {} by 20% by 2026-06", "ru": "увеличить {} на 20% до 2026-06",
             "uk": "збільшити {} на 20% до 2026-06"}


def _phrases(pattern: str, lang: str) -> set[str]:
    """The pattern with each lemma word in each of its forms (the other words in their dictionary
    form). Excluded: an English plural possessive inside a phrase ("costs' per lead"), which is no
    English and which the tokenizer splits at the apostrophe."""
    words, forms = [], []
    for word in pattern.split():
        lemma = split_lemma(word) if "@" in word else None
        if lemma is None:
            words.append(word)
            forms.append([word])
        else:
            words.append(lemma[0])
            forms.append(sorted(morphology(lang, ROOT).forms(*lemma)))
    out = {" ".join(words)}
    for i, fs in enumerate(forms):
        for form in fs:
            if lang == "en" and form.endswith("s'") and i < len(words) - 1:
                continue
            out.add(" ".join(words[:i] + [form] + words[i + 1:]))
    # a ratio's slash is written between its words, as people write it ("LTV/CAC", "DAU/MAU")
    return {phrase.replace(" / ", "/") for phrase in out}


@pytest.mark.parametrize("name", sorted(TABLE))
def test_every_form_of_every_word_names_its_metric(name):
    """A template goal with any form of any of the metric's words parses with that metric and its
    category. A metric with a percent variant ("engagement" with a target in %) is named by it, a
    collective noun with a counted variant ("community" with a target) by that."""
    counted = METRICS[METRICS[name].counted_variant or name]
    expected = counted.percent_variant or counted.name
    wrong = []
    for lang in LANGS:
        for pattern in TABLE[name].get(lang, []) + TABLE[name].get("any", []):
            for phrase in _phrases(pattern, lang):
                text = TEMPLATES[lang].format(phrase)
                try:
                    goal = parse_goal(text, lang=lang, today=TODAY)
                except GoalSyntaxError as exc:
                    wrong.append(f"{text}: {exc}")
                    continue
                got = goal.metric.name if goal.metric else None
                if (got, goal.category) != (expected, METRICS[expected].category):
                    wrong.append(f"{text}: {got} / {goal.category}")
    assert wrong == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_word_form_belongs_to_two_metrics(lang):
    """One-word terms: no form of one metric's word is a form of another's (a form shared by two
    lemmas would make the metric depend on the order of the table)."""
    owner: dict[str, str] = {}
    clashes = []
    for name, spec in TABLE.items():
        for pattern in spec.get(lang, []) + spec.get("any", []):
            if " " in pattern:
                continue
            for form in _phrases(pattern, lang):
                form = normalize_word(form)
                if owner.setdefault(form, name) != name:
                    clashes.append(f"{form}: {owner[form]} and {name}")
    assert clashes == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_phrase_belongs_to_two_metrics(lang):
    """Multi-word terms: the same phrase (as its dictionary forms) is in one metric only."""
    owner: dict[str, str] = {}
    clashes = []
    for name, spec in TABLE.items():
        for pattern in spec.get(lang, []) + spec.get("any", []):
            if " " in pattern:
                base = normalize_word(" ".join(w.partition("@")[0] for w in pattern.split()))
                if owner.setdefault(base, name) != name:
                    clashes.append(f"{base}: {owner[base]} and {name}")
    assert clashes == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_display_reads_back_as_its_metric(lang):
    wrong = []
    for name, info in METRICS.items():
        text = TEMPLATES[lang].format(info.display[lang])
        goal = parse_goal(text, lang=lang, today=TODAY)
        counted = METRICS[info.counted_variant or name]
        expected = counted.percent_variant or counted.name
        if goal.metric is None or goal.metric.name != expected:
            wrong.append(f"{text}: {goal.metric.name if goal.metric else None}")
    assert wrong == []


# --- lower is better: "improve" and "optimise" mean decrease ----------------------------------------
IMPROVE = {"en": ("improve {} by 10%", "optimise {} by 10%", "optimize {} by 10%", "reduce {} by 10%"),
           "ru": ("улучшить {} на 10%", "оптимизировать {} на 10%", "снизить {} на 10%"),
           "uk": ("покращити {} на 10%", "оптимізувати {} на 10%", "знизити {} на 10%")}


@pytest.mark.parametrize("lang", LANGS)
def test_improving_a_lower_is_better_metric_decreases_it(lang):
    lower = sorted(n for n, m in METRICS.items() if m.lower_is_better)
    assert len(lower) >= 15
    wrong = []
    for name in lower:
        for template in IMPROVE[lang]:
            text = template.format(METRICS[name].display[lang])
            goal = parse_goal(text, lang=lang, today=TODAY)
            if (goal.metric.name if goal.metric else None, goal.direction) != (name, "decrease"):
                wrong.append(f"{text}: {goal.metric and goal.metric.name} {goal.direction}")
    assert wrong == []


@pytest.mark.parametrize("text,lang,metric", [
    ("improve CTR by 10%", "en", "ctr"), ("improve retention by 10%", "en", "retention"),
    ("улучшить конверсию в заявку на 10%", "ru", "lead_conversion_rate"),
    ("покращити відкриваність листів на 10%", "uk", "email_open_rate"),
])
def test_improving_a_higher_is_better_metric_increases_it(text, lang, metric):
    goal = parse_goal(text, lang=lang, today=TODAY)
    assert (goal.metric.name, goal.direction) == (metric, "increase")


# --- words that are also verbs, prepositions or parts of other words --------------------------------
@pytest.mark.parametrize("text,lang,metric", [
    # the verb «подписаться» is an activity, the noun «подписка» the audience
    ("подписаться на 50 аккаунтов", "ru", "accounts_followed"),
    ("увеличить подписки на 20%", "ru", "followers"),
    # "reach" as the verb and as the metric in one statement
    ("reach 10,000 followers", "en", "followers"),
    ("increase reach by 20%", "en", "reach"),
    # «показатели» is not a form of «показ»
    ("увеличить показатели продаж на 10%", "ru", "sales"),
    ("увеличить показы рекламы на 10%", "ru", "impressions"),
    # "like" as a preposition is no metric; "likes" is
    ("get 500 likes on posts like these", "en", "likes"),
    # a term beats its head noun: «стоимость заявки» is not «стоимость», "cost per lead" not "cost"
    ("снизить стоимость заявки на 10%", "ru", "cost_per_lead"),
    ("reduce costs by 10%", "en", "cost"),
    # «залучити» (to attract) is a verb; «залученість» (engagement) the metric
    ("залучити 100 клієнтів", "uk", "sales"),
    # "launch" is the activity verb, "product launches" a count of launches
    ("launch 3 campaigns per quarter", "en", "campaigns"),
])
def test_homonyms_in_context(text, lang, metric):
    goal = parse_goal(text, lang=lang, today=TODAY)
    assert goal.metric is not None and goal.metric.name == metric


# --- unit_kind in rule conditions ---------------------------------------------------------------------
def test_rule_conditions_read_the_unit_kind(tmp_path):
    rule = TEAM_RULES.replace(
        'goal.channel is not missing and goal.channel != \\"instagram\\"',
        'goal.metric.unit_kind == \\"money\\" and goal.direction == \\"increase\\"')
    rule = rule.replace('bad = ["grow TikTok followers to 5,000 by 2026-06"]',
                        'bad = ["increase CPC by 10% by 2026-06"]')
    rule = rule.replace('good = ["grow Instagram followers to 5,000 by 2026-06"]',
                        'good = ["increase CTR by 10% by 2026-06"]')
    (tmp_path / "team.toml").write_text(rule, encoding="utf-8")
    rules = RuleSet([tmp_path])

    def codes(text):
        return [f.code for f in check_goal(text, rules=rules) if f.code == "X101"]

    assert codes("increase CPC by 10% by 2026-06") == ["X101"]
    assert codes("увеличить средний чек на 10% к 2026-06") == ["X101"]
    assert codes("increase CTR by 10% by 2026-06") == []
    assert codes("reduce CPC by 10% by 2026-06") == []


def test_a_return_over_100_percent_is_no_share_error():
    assert "A301" not in {f.code for f in check_goal("довести ROMI до 250% к 2026-06")}
    assert "A301" in {f.code for f in check_goal("довести CTR до 120% к 2026-06")}


@pytest.mark.parametrize("text,metric,unit_kind", [
    ("30 comments per post on Instagram", "comments_per_post", "count"),   # a metric counted per post
    ("CPL: under $20 by 2026-06", "cost_per_lead", "money"),                # a metric with "_per_" in its name
    ("довести средний чек до 3 000 руб.", "average_order_value", "money"),
    ("зменшити час відповіді до 10 хвилин", "response_time", "time"),
    ("вийти в топ-3 пошукової видачі", "search_position", "rank"),
])
def test_goal_values_carry_the_metrics_unit_kind(text, metric, unit_kind):
    from smmrules.language.context import Context
    from smmrules.rules.fields import goal_values
    goal = parse_goal(text, today=TODAY)
    values = goal_values(goal, Context(), default_lexicons())
    assert (values["goal.metric"], values["goal.metric.unit_kind"]) == (metric, unit_kind)
