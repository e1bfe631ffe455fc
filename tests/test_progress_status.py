"""Where a goal stands after its check-ins, for every target kind (absolute, relative in percent and in
units, multiple, range, rank) and every direction (increase, decrease, reach, achieve, maintain), in
English, Russian and Ukrainian: the goal.status field and the P rule the lint reports agree."""
import datetime as dt

import pytest

from smmrules.documents.goals import parse_document
from smmrules.linting.pipeline import lint
from smmrules.rules.engine import default_rules
from smmrules.rules.measures import metric_info
from smmrules.rules.tracking import track

RULES = default_rules()
CODE = {"done": "P701", "on-track": "P702", "behind": "P703", "at-risk": "P704", "missed": "P705", "unknown": "P706"}

# the same goal in each language: start 2026-01-01, deadline 2026-07-01 (181 days)
GOALS = {
    "followers": {"en": "grow Instagram followers from 3,000 to 6,000 by 2026-07-01",
                  "ru": "увеличить число подписчиков в Instagram с 3 000 до 6 000 к 01.07.2026",
                  "uk": "збільшити кількість підписників в Instagram з 3 000 до 6 000 до 01.07.2026"},
    "cpl": {"en": "reduce the cost per lead from 2.4 USD to 1.8 USD by 2026-07-01",
            "ru": "снизить стоимость заявки с 2,4 до 1,8 USD к 01.07.2026",
            "uk": "знизити вартість заявки з 2,4 до 1,8 USD до 01.07.2026"},
    "sales+%": {"en": "increase sales from 400 by 25% by 2026-07-01",
                "ru": "увеличить продажи с 400 на 25% к 01.07.2026",
                "uk": "збільшити продажі з 400 на 25% до 01.07.2026"},
    "cpl-%": {"en": "reduce the cost per lead from 60 UAH by 25% by 2026-07-01",
              "ru": "снизить стоимость заявки с 60 грн на 25% к 01.07.2026",
              "uk": "знизити вартість заявки з 60 грн на 25% до 01.07.2026"},
    "followers+n": {"en": "grow followers from 3,000 by 1,500 by 2026-07-01",
                    "ru": "увеличить число подписчиков с 3 000 на 1 500 к 01.07.2026",
                    "uk": "збільшити кількість підписників з 3 000 на 1 500 до 01.07.2026"},
    "double": {"en": "double newsletter subscribers from 1,000 by 2026-07-01",
               "ru": "удвоить число подписчиков рассылки с 1 000 к 01.07.2026",
               "uk": "подвоїти кількість підписників розсилки з 1 000 до 01.07.2026"},
    "range": {"en": "raise ERR from 3% to 5-6% by 2026-07-01",
              "ru": "поднять ERR с 3% до 5-6% к 01.07.2026",
              "uk": "підняти ERR з 3% до 5-6% до 01.07.2026"},
    "rank": {"en": "get into the top-3 by market position from 10 by 2026-07-01",
             "ru": "войти в ТОП-3 по позиции на рынке с 10 места к 01.07.2026",
             "uk": "увійти в ТОП-3 за позицією на ринку з 10 місця до 01.07.2026"},
    "maintain": {"en": "maintain ERR at least 5% until 2026-07-01",
                 "ru": "удерживать ERR не ниже 5% до 01.07.2026",
                 "uk": "утримувати ERR не нижче 5% до 01.07.2026"},
    "reach": {"en": "achieve a conversion rate of 4% from 2% by 2026-07-01",
              "ru": "достичь конверсии 4% с 2% к 01.07.2026",
              "uk": "досягти конверсії 4% з 2% до 01.07.2026"},
    "achieve": {"en": "get 300 leads by 2026-07-01",
                "ru": "получить 300 заявок к 01.07.2026",
                "uk": "отримати 300 заявок до 01.07.2026"},
    "no-baseline": {"en": "grow Instagram followers to 6,000 by 2026-07-01",
                    "ru": "увеличить число подписчиков в Instagram до 6 000 к 01.07.2026",
                    "uk": "збільшити кількість підписників в Instagram до 6 000 до 01.07.2026"},
}

# (goal, direction, target kind, check-in value as English writes it, today, status, what is missing)
# The check-in is dated 2026-04-01, when a straight line from the start expects 90/181 = 0.497 of the way.
CASES = [
    ("followers", "increase", "absolute", "4,500", "2026-04-15", "on-track", None),     # 0.50
    ("followers", "increase", "absolute", "4,200", "2026-04-15", "behind", None),       # 0.40: 0.80 of expected
    ("followers", "increase", "absolute", "3,600", "2026-04-15", "at-risk", None),      # 0.20: 0.40 of expected
    ("followers", "increase", "absolute", "6,100", "2026-04-15", "done", None),
    ("followers", "increase", "absolute", "5,000", "2026-07-15", "missed", None),       # deadline passed
    ("cpl", "decrease", "absolute", "2.1 USD", "2026-04-15", "on-track", None),         # 0.5 of the way down
    ("cpl", "decrease", "absolute", "1.6 USD", "2026-04-15", "done", None),             # below 1.8: done, not 89%
    ("cpl", "decrease", "absolute", "2.3 USD", "2026-04-15", "at-risk", None),
    ("cpl", "decrease", "absolute", "2.0 USD", "2026-07-15", "missed", None),
    ("sales+%", "increase", "relative", "440", "2026-04-15", "behind", None),           # level 500: 0.4
    ("sales+%", "increase", "relative", "500", "2026-04-15", "done", None),
    ("cpl-%", "decrease", "relative", "52.5 UAH", "2026-04-15", "on-track", None),      # level 45: 0.5
    ("cpl-%", "decrease", "relative", "44 UAH", "2026-04-15", "done", None),
    ("followers+n", "increase", "relative", "3,750", "2026-04-15", "on-track", None),   # level 4,500: 0.5
    ("double", "increase", "multiple", "1,300", "2026-04-15", "at-risk", None),         # level 2,000: 0.3
    ("double", "increase", "multiple", "2,000", "2026-04-15", "done", None),
    ("range", "increase", "range", "4%", "2026-04-15", "on-track", None),               # to 5%: 0.5
    ("range", "increase", "range", "5.5%", "2026-04-15", "done", None),
    ("rank", "reach", "rank", "6", "2026-04-15", "on-track", None),                     # 4 of 7 places: 0.57
    ("rank", "reach", "rank", "8", "2026-04-15", "at-risk", None),                      # 2 of 7: 0.29
    ("rank", "reach", "rank", "3", "2026-04-15", "done", None),
    ("maintain", "maintain", "absolute", "5.2%", "2026-04-15", "on-track", None),
    ("maintain", "maintain", "absolute", "4.5%", "2026-04-15", "behind", None),         # keeps 0.9 of the level
    ("maintain", "maintain", "absolute", "3%", "2026-04-15", "at-risk", None),
    ("maintain", "maintain", "absolute", "5.1%", "2026-07-15", "done", None),
    ("maintain", "maintain", "absolute", "4.8%", "2026-07-15", "missed", None),
    ("reach", "increase", "absolute", "3%", "2026-04-15", "on-track", None),  # from a level to another: a change
    ("achieve", "achieve", "absolute", "200", "2026-04-15", "on-track", None),    # from the header's 100: 0.5
    ("no-baseline", "reach", "absolute", "4,500", "2026-04-15", "unknown", "baseline"),
    ("no-baseline", "reach", "absolute", "6,200", "2026-04-15", "done", None),       # reached: no baseline needed
]
KEYWORD = {"en": "current 2026-04-01", "ru": "факт на 01.04.2026", "uk": "факт станом на 01.04.2026"}


def written(value: str, lang: str) -> str:
    """An English-written value as Russian and Ukrainian write it: 4 500, 2,1 USD, «52,5 грн»."""
    if lang == "en":
        return value
    value = value.replace(",", "\u00a0").replace(".", ",")
    return value.replace("UAH", "грн")


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
@pytest.mark.parametrize("key, direction, kind, value, today, status, missing", CASES,
                         ids=[f"{c[0]}-{c[3]}-{c[4]}" for c in CASES])
def test_status(lang, key, direction, kind, value, today, status, missing):
    # (a count to make has its start in the brief's header: "get 300 leads from 100" is a change)
    header = "baseline: leads 100\n" if key == "achieve" else ""
    text = f"start: 2026-01-01\n{header}goal: {GOALS[key][lang]}\n{KEYWORD[lang]}: {written(value, lang)}\n"
    doc = parse_document(text, today=today)
    entry = doc.goals[0]
    goal = entry.goal
    assert (goal.direction, goal.target.kind) == (direction, kind)
    assert entry.checkins[0].date == dt.date(2026, 4, 1) and entry.checkins[0].error is None
    tr = track(goal, entry.checkins, doc.context, metric_info(goal, RULES.lexicons))
    assert (tr.status, tr.missing) == (status, missing)
    codes = {f.code for f in lint(text, today=today) if f.code.startswith("P")}
    assert codes == {CODE[status]}


def test_the_words_that_start_a_check_in():
    """Every check-in keyword of each language, with and without a date and the words a date follows."""
    lines = ["current: 4,500", "actual 2026-04-01: 4,500", "now: 4,500", "check-in 2026-04-01: 4,500",
             "current on 2026-04-01: 4,500", "current as of 01.04.2026: 4,500",
             "факт: 4 500", "текущее: 4 500", "сейчас: 4 500", "факт на 01.04.2026: 4 500",
             "текущее значение по состоянию на 01.04.2026: 4 500",
             "поточне: 4 500", "зараз: 4 500", "факт станом на 01.04.2026: 4 500", "поточне значення на 2026-04-01: 4 500"]
    for line in lines:
        doc = parse_document(f"goal: grow followers from 3,000 to 6,000 by 2026-07-01\n{line}\n", today="2026-04-15")
        (c,) = doc.goals[0].checkins
        assert (c.value, c.error) == (4500.0, None), line
        assert c.date in (None, dt.date(2026, 4, 1)), line
        assert doc.stray == ()


def test_thresholds_are_options_of_the_rules():
    """A team that counts 0.8 of the expected progress as on track sets it in its configuration."""
    from smmrules.linting.config import Config
    text = "start: 2026-01-01\ngoal: grow followers from 3,000 to 6,000 by 2026-07-01\ncurrent 2026-04-01: 4,200\n"
    assert {f.code for f in lint(text, today="2026-04-15") if f.code.startswith("P")} == {"P703"}
    config = Config(options={"P702": {"on_track": 0.8}, "P703": {"on_track": 0.8}})
    assert {f.code for f in lint(text, today="2026-04-15", config=config) if f.code.startswith("P")} == {"P702"}
