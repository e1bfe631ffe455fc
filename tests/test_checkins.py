"""Check-ins in .goals documents: how a line under a goal is read (date, value, unit, metric), what cannot
be read or cannot be the goal's metric (P707-P710), and what is missing to know a goal's status (P706)."""
import datetime as dt

import attr
import pytest
from hypothesis import given
from hypothesis import strategies as st

from smmrules.documents.goals import CHECKIN_ERRORS, CheckIn, GoalEntry, parse_document, read_checkin
from smmrules.linting.pipeline import lint
from smmrules.rules.engine import default_rules
from smmrules.rules.measures import metric_info
from smmrules.rules.tracking import track

RULES = default_rules()
GOAL = "goal: grow Instagram followers from 3,000 to 6,000 by 2026-07-01\n"


def checkins(text: str, today="2026-04-15"):
    return parse_document(text, today=today).goals[0].checkins


def test_checkins_are_the_last_field_of_a_goal_entry():
    assert [f.name for f in attr.fields(GoalEntry)][-1] == "checkins"
    assert GoalEntry("t", 1).checkins == ()
    assert [f.name for f in attr.fields(CheckIn)][:4] == ["date", "value", "text", "span"]


def test_a_check_in_is_read_with_its_date_value_unit_and_span():
    doc = parse_document(GOAL + "  task: run a Reach campaign\n  current 2026-03-01: 4,200  # from the insights\n"
                         "  current: 4,350\n", today="2026-04-15")
    first, second = doc.goals[0].checkins
    assert (first.date, first.value, first.text, first.unit, first.error) == (dt.date(2026, 3, 1), 4200.0, "4,200",
                                                                              None, None)
    assert (first.span.line, first.span.column, first.span.end_column) == (3, 3, 28)
    assert (second.date, second.value) == (None, 4350.0)
    assert len(doc.goals[0].tasks) == 1 and doc.stray == ()


@pytest.mark.parametrize("written, value, unit, metric", [
    ("3.5%", 3.5, "%", None), ("1.6 USD", 1.6, "USD", None), ("$1.6", 1.6, "USD", None), ("12k", 12000.0, None, None),
    ("1,8 грн", 1.8, "UAH", None), ("5 тыс.", 5000.0, None, None), ("2 h", 2.0, "h", None),
    ("90 min", 90.0, "min", None), ("top-5", 5.0, "rank", None), ("ТОП-3", 3.0, "rank", None),
    ("4 200 підписників", 4200.0, None, "followers"), ("4200 likes", 4200.0, None, "likes"),
])
def test_values_in_every_unit(written, value, unit, metric):
    (c,) = checkins(GOAL + f"current: {written}\n")
    assert (c.value, c.unit, c.metric, c.error) == (value, unit, metric, None)


@pytest.mark.parametrize("line, error", [
    ("current 2026-02-30: 4,200", "date"), ("current 31.13.2026: 4,200", "date"), ("current:", "missing"),
    ("current: +800", "change"), ("current: -0.2", "change"), ("факт: \u2212200", "change"),
    ("current: about half", "unreadable"), ("current: 4,200 by 2026-06", "unreadable"),
    ("current: more", "unreadable"),
])
def test_lines_that_cannot_be_read(line, error):
    (c,) = checkins(GOAL + line + "\n")
    assert (c.value, c.error) == (None, error)


def test_a_check_in_before_any_goal_is_a_stray_line():
    doc = parse_document("client: Acme\ncurrent: 4,200\n" + GOAL, today="2026-04-15")
    assert [s.text for s in doc.stray] == ["current: 4,200"]
    assert doc.goals[0].checkins == ()
    assert "D610" in {f.code for f in lint("client: Acme\ncurrent: 4,200\n" + GOAL, today="2026-04-15")}


def test_a_check_in_under_a_goal_that_does_not_parse_is_kept():
    doc = parse_document("goal: increase sales by 15% %% $$\ncurrent: 400\n", today="2026-04-15")
    assert doc.goals[0].goal is None and doc.goals[0].checkins[0].value == 400.0


@pytest.mark.parametrize("goal, line, code", [
    (GOAL, "current 2026-04-01: 12%", "P709"),                                        # a percentage for a count
    (GOAL, "current 2026-04-01: 4,500 likes", "P709"),                                # another metric
    ("goal: reduce the cost per lead from 2.4 USD to 1.8 USD by 2026-07-01\n", "current: 2.1 EUR", "P709"),
    ("goal: raise ERR from 3% to 5% by 2026-07-01\n", "current: 4,200", "P709"),       # out of a percentage's scale
    ("goal: get into the top-3 by market position from 10 by 2026-07-01\n", "current: 4.5", "P709"),
    (GOAL, "current 2026-05-01: 4,500", "P710"),                                      # after today
    (GOAL, "current 2026-04-01: +1,500", "P708"),
    (GOAL, "current 2026-04-01: soon", "P707"),
])
def test_check_ins_that_cannot_be_the_goals_metric_are_findings(goal, line, code):
    found = [f for f in lint("start: 2026-01-01\n" + goal + line + "\n", today="2026-04-15")
             if f.code in ("P707", "P708", "P709", "P710")]
    assert [(f.code, f.line, f.column) for f in found] == [(code, 3, 1)]


def test_a_check_in_in_hours_counts_in_the_targets_unit():
    doc = parse_document("start: 2026-01-01\ngoal: reduce the response time from 4 hours to 2 hours by 2026-07-01\n"
                         "current 2026-04-01: 180 min\n", today="2026-04-15")
    entry = doc.goals[0]
    tr = track(entry.goal, entry.checkins, doc.context, metric_info(entry.goal, RULES.lexicons))
    assert tr.current == 3.0 and tr.progress == pytest.approx(0.5) and tr.status == "on-track"


@pytest.mark.parametrize("text, missing", [
    ("goal: grow followers from 3,000 to 6,000 by 2026-07-01\ncurrent 2026-04-01: 4,500\n", "start"),
    ("start: 2026-01-01\ngoal: grow followers from 3,000 to 6,000\ncurrent 2026-04-01: 4,500\n", "deadline"),
    ("start: 2026-01-01\ngoal: grow followers by 2026-07-01\ncurrent 2026-04-01: 4,500\n", "target"),
    ("start: 2026-01-01\ngoal: increase sales by 20% by 2026-07-01\ncurrent 2026-04-01: 450\n", "baseline"),
    ("start: 2026-01-01\ngoal: grow followers from 3,000 to 6,000 by 2026-07-01\ncurrent 2026-04-01: +5\n", "checkin"),
])
def test_what_is_missing_to_know_the_status(text, missing):
    doc = parse_document(text, today="2026-04-15")
    entry = doc.goals[0]
    tr = track(entry.goal, entry.checkins, doc.context, metric_info(entry.goal, RULES.lexicons))
    assert (tr.status, tr.missing) == ("unknown", missing)
    (p706,) = [f for f in lint(text, today="2026-04-15") if f.code == "P706"]
    words = {"start": "the start date", "deadline": "a deadline with a date", "target": "a target number",
             "baseline": "the baseline", "checkin": "a check-in value"}
    assert words[missing] in p706.message


def test_the_pace_sentence_in_three_languages():
    text = ("start: 2026-01-01\ngoal: grow followers from 3,000 to 6,000 by 2026-07-01\n"
            "current 2026-03-01: 3,900\ncurrent 2026-04-01: 4,200\n")
    messages = {lang: next(f.message for f in lint(text, today="2026-04-15", config=_config(lang)) if f.code == "P703")
                for lang in ("en", "ru", "uk")}
    # 1,800 to go in the 91 days to 1 July (2.99 months); 300 gained in March's 31 days (1.02 months)
    assert messages["en"] == ("Behind: 40% of the way to 6,000, 50% expected by 1 April 2026. +602 a month needed "
                              "from now on; the last check-ins gave +295 a month.")
    assert messages["ru"] == ("Отстаём от плана: пройдено 40% пути к цели 6 000, к 1 апреля 2026 ожидалось 50%. "
                              "Чтобы успеть, нужно +602 в месяц; за последний период было +295 в месяц.")
    assert messages["uk"] == ("Відстаємо від плану: пройдено 40% шляху до цілі 6 000, на 1 квітня 2026 очікувалося "
                              "50%. Щоб встигнути, потрібно +602 на місяць; за останній період було +295 на місяць.")


def _config(lang):
    from smmrules.linting.config import Config
    return Config(lang=lang)


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["en", "ru", "uk"]))
def test_a_whole_number_is_read_back_as_written_in_each_language(n, lang):
    sep = {"en": ",", "ru": " ", "uk": "\u00a0"}[lang]
    written = f"{n:,}".replace(",", sep)
    word = {"en": "current", "ru": "факт", "uk": "поточне"}[lang]
    (c,) = checkins(f"{GOAL}{word} 2026-04-01: {written}\n")
    assert (c.value, c.error, c.date) == (float(n), None, dt.date(2026, 4, 1))


@given(st.integers(min_value=0, max_value=99999), st.integers(min_value=1, max_value=99))
def test_a_decimal_is_read_with_a_point_or_a_comma(whole, frac):
    for written in (f"{whole}.{frac:02d}", f"{whole},{frac:02d}"):
        (c,) = checkins(f"{GOAL}current: {written}%\n")
        assert c.value == pytest.approx(whole + frac / 100) and c.unit == "%", written


def test_other_readers_read_a_check_in_from_its_cells():
    """read_checkin is what a table's `current` column goes through: the same reading as a line."""
    c = read_checkin(" 4 200 ", "01.03.2026", lang="uk")
    assert (c.date, c.value, c.text, c.error) == (dt.date(2026, 3, 1), 4200.0, "4 200", None)
    assert read_checkin("4,200", "2026/03/01").error == "date"
    assert read_checkin("4,200", "99999999999999999999-1-1").error == "date"
    assert read_checkin("", None).error == "missing"


@given(st.text(max_size=60), st.one_of(st.none(), st.text(max_size=20)), st.sampled_from(["en", "ru", "uk"]))
def test_reading_a_check_in_never_raises(text, date_text, lang):
    c = read_checkin(text, date_text, lang=lang)
    assert (c.value is None) == (c.error is not None)
    assert c.error is None or c.error in CHECKIN_ERRORS
