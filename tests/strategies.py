"""Hypothesis strategies over the goal AST: goals that Goal.render(lang) writes out in en, ru and uk.

The one strategies module of the test suite (attrs' habit): every strategy builds the attrs
classes of smmrules.language.ast with st.builds, in combinations that make sense as a goal
("increase ... by 20%", "grow ... from 3,200 to 5,000", "maintain ... at 5%", "get into the
top-3 ..."). The expected deadline dates are worked out here with plain calendar arithmetic,
independently of smmrules.language.normalize, so a round trip checks the parser's date resolution too.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import tomllib

import attrs
from hypothesis import strategies as st

from smmrules.language.ast import Baseline, Deadline, Goal, Metric, Target
from smmrules.language.lexicon import default_lexicons
from smmrules.base.resources import grammar_dir

LANGS = ("en", "ru", "uk")
METRICS = default_lexicons().metrics

with open(grammar_dir() / "lexicon" / "common.toml", "rb") as _fh:
    CHANNELS = tuple(sorted(tomllib.load(_fh)["terms"]["CHANNEL"]))

# "get market share to 30%" is reaching a level, not producing a count: "achieve" with market_share
# is not a goal people write, so it is not generated.
NOT_ACHIEVABLE = ("market_share",)

# A "from A to B" baseline or a time target only makes sense for some metrics.
TIME_METRICS = tuple(sorted(n for n, m in METRICS.items() if m.time))
COUNT_METRICS = tuple(sorted(n for n, m in METRICS.items() if not m.time))

CURRENCIES = ("USD", "EUR", "RUB", "UAH", "GBP")
TIME_UNITS = ("h", "min", "s", "d")           # the units render.toml writes for a time target

# Dates: the statement language writes years 1900-2199 (its YEAR and ISO_DATE forms), so a
# "real date" deadline is any date of those years.
MIN_YEAR, MAX_YEAR = 1900, 2199


# -- numbers ---------------------------------------------------------------------------------
def numbers(min_value: int = 0, max_value: int = 10**10):
    """Ints and decimals with at most two decimal places (as floats), up to 10^10. A decimal that reads as a
    day and a month (10.01, 1.05: after «до» it is that date, docs/deadlines.md "Limits") is left out."""
    ints = st.integers(min_value, max_value)
    cents = (st.integers(min_value * 100, max_value * 100)
             .filter(lambda c: c % 100 != 0 and not (1 <= c // 100 <= 31 and 1 <= c % 100 <= 12))
             .map(lambda c: c / 100))
    return st.one_of(ints, cents)


def small_positive_ints(max_value: int = 1000):
    return st.integers(1, max_value)


# -- independent date arithmetic (the expected values) ----------------------------------------
def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def plus_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months, clamped to the last day of the target month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expected_duration_date(today: dt.date, duration: str) -> dt.date:
    n, letter = int(duration[1:-1]), duration[-1]
    if letter == "D":
        return today + dt.timedelta(days=n)
    if letter == "W":
        return today + dt.timedelta(days=7 * n)
    return plus_months(today, n * (12 if letter == "Y" else 1))


def expected_period_end(today: dt.date, unit: str) -> dt.date:
    if unit == "week":                       # weeks end on Sunday (ISO weeks)
        return today + dt.timedelta(days=6 - today.weekday())
    if unit == "month":
        return month_end(today.year, today.month)
    if unit == "quarter":
        return month_end(today.year, ((today.month - 1) // 3 + 1) * 3)
    return dt.date(today.year, 12, 31)


def resolve(deadline: Deadline | None, today: dt.date | None) -> Deadline | None:
    """The deadline as a parser given `today` must produce it."""
    if deadline is None or deadline.kind in ("date", "quarter"):
        return deadline
    if today is None:
        date = None
    elif deadline.kind == "duration":
        date = expected_duration_date(today, deadline.duration)
    else:
        date = expected_period_end(today, deadline.unit)
    return Deadline(deadline.kind, date, deadline.duration, deadline.text, deadline.unit)


# -- AST nodes -------------------------------------------------------------------------------
def dates(min_year: int = MIN_YEAR, max_year: int = MAX_YEAR):
    return st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31))


def todays():
    """A document start date, early enough that a 1,000-year deadline stays in the calendar."""
    return st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))


def date_deadlines():
    return st.builds(Deadline, kind=st.just("date"), date=dates())


def quarter_deadlines():
    quarter_ends = st.builds(lambda y, q: month_end(y, 3 * q),
                             st.integers(MIN_YEAR, MAX_YEAR), st.integers(1, 4))
    return st.builds(Deadline, kind=st.just("quarter"), date=quarter_ends)


def duration_deadlines(letters: str = "DWMY"):
    iso = st.builds(lambda n, letter: f"P{n}{letter}",
                    st.integers(1, 1000), st.sampled_from(letters))
    return st.builds(Deadline, kind=st.just("duration"), duration=iso)


def period_end_deadlines():
    return st.builds(Deadline, kind=st.just("period-end"),
                     unit=st.sampled_from(("year", "quarter", "month", "week")))


def deadlines(duration_letters: str = "DWMY"):
    # a time metric's "within 30 days" is a deadline, not its target (test_properties.PARSER_REGRESSIONS)
    return st.one_of(date_deadlines(), quarter_deadlines(), duration_deadlines(duration_letters),
                     period_end_deadlines())


def metrics(lang: str | None = None, names=None, exclude=()):
    pool = sorted(n for n in (names or METRICS) if n not in exclude)
    return st.sampled_from(pool).map(lambda n: Metric(n, METRICS[n].display.get(lang or "en", n),
                                                      METRICS[n].category))


LEVEL_UNITS = (None, "%") + CURRENCIES
CHANGE_UNITS = (None, "%", "pp")


def _targets(kind: str, units, value=None):
    return st.builds(Target, kind=st.just(kind), value=numbers() if value is None else value,
                     unit=st.sampled_from(units))


def _ranges(units):
    def ordered(pair, unit):
        low, high = sorted(pair)
        return Target("range", None, low, high, unit)
    return st.builds(ordered, st.tuples(numbers(max_value=10**6), numbers(max_value=10**6)), st.sampled_from(units))


# A metric counted per day or per month that has a name of its own: "daily active users" is DAU.
PERIOD_VARIANTS = {("active_users", "day"): "daily_active_users", ("active_users", "month"): "monthly_active_users"}


def _consistent(goal: Goal) -> Goal:
    """The goal as the parser names it: category from the metric, percent variants of rates,
    period variants of counts, the name a metric has on the goal's channel."""
    metric = goal.metric
    info = METRICS[metric.name]
    units = {goal.target.unit, goal.baseline.unit if goal.baseline else None}
    period = goal.period
    if info.counted_variant:
        # a collective noun with a target is counted: "the community to 5,000" is its size
        info = METRICS[info.counted_variant]
        metric = Metric(info.name, info.display.get(goal.lang, info.name), info.category)
    if info.percent_variant and "%" in units:
        # "engagement from 4% to 6%" is a rate: the parser names the metric's percent variant
        v = METRICS[info.percent_variant]
        metric = Metric(v.name, v.display.get(goal.lang, v.name), v.category)
    elif (metric.name, period) in PERIOD_VARIANTS:
        v = METRICS[PERIOD_VARIANTS[metric.name, period]]
        metric, period = Metric(v.name, v.display.get(goal.lang, v.name), v.category), None
    priced = METRICS.get(default_lexicons().defaults.get("priced"))
    unit = goal.target.unit or (goal.baseline.unit if goal.baseline else None)
    mi = METRICS[metric.name]
    if unit in CURRENCIES and mi.unit_kind == "count" and mi.category != "sales" and priced is not None \
            and priced.qualified_by.get(metric.name) in METRICS and goal.lang == "en" \
            and goal.direction == "maintain" and goal.target.kind == "absolute":
        # "maintain video views at 5 USD": a figure in money after "at" is what one view costs (metrics.toml
        # [defaults] priced, the lexicon's list `each`); "from 0 USD to 5 USD" is a sum
        v = METRICS[priced.qualified_by[metric.name]]
        metric = Metric(v.name, v.display.get(goal.lang, v.name), v.category)
    on_channel = METRICS[metric.name].on_channel if metric.name in METRICS else {}
    if goal.channel in on_channel:
        # the members of a VK community are its subscribers (metrics.toml `on_channel`)
        v = METRICS[on_channel[goal.channel]]
        metric = Metric(v.name, v.display.get(goal.lang, v.name), v.category)
    defaults = default_lexicons().defaults
    if goal.target.kind == "rank" and goal.channel in defaults.get("search_channels", ()) and (
            metric.name == defaults.get("search_terms") or metric.name in defaults.get("search_terms_also", ())
            or METRICS[metric.name].activity):
        # a place in a search engine's results measured by nothing but the keywords (or the words that stand
        # for them there: «ТОП-1 на Agoda (лиды)»), or beside an activity (the site's relaunch), is a search
        # position (metrics.toml [defaults] search_rank, search_terms_also)
        v = METRICS[defaults["search_rank"]]
        metric = Metric(v.name, v.display.get(goal.lang, v.name), v.category)
    elif goal.target.kind == "rank" and goal.channel in defaults.get("review_channels", ()) and METRICS[metric.name].activity:
        # a place on a review site beside an activity is a place by rating (metrics.toml [defaults] review_rank)
        v = METRICS[defaults["review_rank"]]
        metric = Metric(v.name, v.display.get(goal.lang, v.name), v.category)
    return attrs.evolve(goal, metric=metric, category=metric.category, period=period)


@functools.lru_cache(maxsize=None)
def _goals(lang: str) -> st.SearchStrategy:
    count = metrics(lang, COUNT_METRICS)
    time = metrics(lang, TIME_METRICS)
    up_or_down = st.sampled_from(("increase", "decrease"))

    def shape(direction, metric, target, *, baseline=st.none(), deadline=deadlines()):
        return st.builds(
            Goal,
            text=st.just(""),
            lang=st.just(lang),
            direction=direction,
            metric=metric,
            category=st.just("other"),          # set from the metric by _consistent
            period=st.none() | st.sampled_from(("day", "week", "month", "quarter", "year")),
            channel=st.none() | st.sampled_from(CHANNELS),
            baseline=baseline,
            target=target,
            deadline=st.none() | deadline,
        )

    def from_to(metric, units):
        """A baseline and the level to get to, in one unit: "from 3,200 to 5,000"."""
        return st.one_of([shape(up_or_down, metric, _targets("absolute", (u,)),
                                baseline=st.builds(Baseline, value=numbers(), unit=st.just(u)))
                          for u in units])

    shapes = [
        shape(st.just("reach"), count, _targets("absolute", LEVEL_UNITS)),
        shape(st.just("reach"), time, _targets("absolute", TIME_UNITS)),
        shape(st.just("reach"), count, _ranges(("%", None) + CURRENCIES)),
        shape(st.just("reach"), count, st.builds(Target, kind=st.just("rank"), value=small_positive_ints())),
        shape(st.just("achieve"), metrics(lang, COUNT_METRICS, NOT_ACHIEVABLE), _targets("absolute", LEVEL_UNITS)),
        shape(st.just("maintain"), count, _targets("absolute", LEVEL_UNITS)),
        shape(st.just("maintain"), time, _targets("absolute", TIME_UNITS)),
        shape(up_or_down, count, _targets("relative", CHANGE_UNITS)),
        shape(up_or_down, count, _targets("multiple", (None,), st.one_of(
            st.integers(2, 1000), st.integers(101, 10_000).map(lambda c: c / 100)))),
        from_to(count, LEVEL_UNITS),
        from_to(time, TIME_UNITS),
    ]
    return st.one_of(shapes).map(_consistent)


def goals(lang: str = "en", today: dt.date | None = None):
    """Goals that Goal.render(lang) writes out and parse_goal(..., lang=lang) reads back slot for slot.

    Relative deadlines carry the dates a parser given `today` must resolve them to (None
    without `today`).
    """
    if today is None:
        return _goals(lang)
    return _goals(lang).map(lambda g: attrs.evolve(g, deadline=resolve(g.deadline, today), start=today))


def slots(goal: Goal) -> dict:
    """The slots a round trip must keep, in a comparable form."""
    b, t, d = goal.baseline, goal.target, goal.deadline
    return {
        "direction": goal.direction,
        "metric": goal.metric.name if goal.metric else None,
        "category": goal.category,
        "period": goal.period,
        "channel": goal.channel,
        "baseline": (b.value, b.unit) if b else None,
        "target": (t.kind, t.value, t.low, t.high, t.unit) if t else None,
        "deadline": (d.kind, d.date, d.duration) if d else None,
    }


# --- lemmas for the morphology generator (grammar/morphology) ----------------------------------
# Made-up regular lemmas: a root of open syllables closed by a consonant, and an ending that picks
# a declension or conjugation class. (lang, root, lemma, pos)
_SLAVIC_ENDINGS = {
    "ru": {"n": ("", "а", "ка", "ость", "ение", "ция", "о"), "v": ("ить", "ать", "ировать", "ывать"),
           "a": ("ный", "ский", "ний")},
    "uk": {"n": ("", "а", "ка", "ість", "ення", "ція", "о"), "v": ("ити", "ати", "увати"),
           "a": ("ний", "ський")},
}
_ROOT = st.lists(st.tuples(st.sampled_from("бдлмнпрст"), st.sampled_from("аоу")), min_size=1, max_size=3).map(
    lambda syllables: "".join(c + v for c, v in syllables))


def slavic_lemmas(lang: str | None = None):
    langs = st.just(lang) if lang else st.sampled_from(("ru", "uk"))

    def build(lang):
        return st.tuples(_ROOT, st.sampled_from("бдлмнпрст"), st.sampled_from(("n", "v", "a"))).flatmap(
            lambda t: st.sampled_from(_SLAVIC_ENDINGS[lang][t[2]]).map(
                lambda ending: (lang, t[0] + t[1], t[0] + t[1] + ending, t[2])))
    return langs.flatmap(build)


# --- goal documents (.goals) around rendered goals -------------------------------------------------------
# Header lines per language, some written the way the fixes rewrite them (a misspelt key with one close
# known key, a date in another form), the goal and task keywords in several spellings and cases,
# trailing comments (suppressions among them), notes and indentation.
DOC_HEADERS = {
    "en": ["client: Meadow Bakery", "clent: Meadow Bakery", "start: 2026-02-01", "start: 1.02.2026",
           "start: February 1, 2026", "role: one-of-sources", "roel: one-of-sources", "paid-ads: yes",
           "budget: 900 USD/month", "bugdet: 900 USD/month", "history: 4 months", "Client:  Meadow Bakery  "],
    "ru": ["клиент: Пекарня на углу", "клент: Пекарня на углу", "старт: 2026-02-01", "старт: 1 февраля 2026 г.",
           "старт: 01/02/2026", "роль: один из источников", "реклама: да", "бюджет: 40 000 руб/месяц",
           "бюджт: 40 000 руб/месяц", "история: 4 месяца", "Бюджет:   40 000 руб/месяц"],
    "uk": ["клієнт: Пекарня біля дому", "клєнт: Пекарня біля дому", "старт: 2026-02-01",
           "старт: 1 лютого 2026 р.", "початок: 01.02.2026", "роль: одне з джерел", "реклама: так",
           "бюджет: 30 000 грн/місяць", "бюджт: 30 000 грн/місяць", "історія: 4 місяці"],
}
DOC_LANG_LINE = {"en": "lang: en", "ru": "язык: ru", "uk": "мова: uk"}
DOC_GOAL_KEYWORDS = {"en": ["goal", "Goal", "objective", "KPI"], "ru": ["цель", "Цель", "ЦЕЛЬ", "kpi"],
                     "uk": ["ціль", "Ціль", "мета", "KPI"]}
DOC_TASK_KEYWORDS = {"en": ["task", "Task"], "ru": ["задача", "Задача"], "uk": ["завдання", "задача"]}
DOC_TASKS = {"en": ["run paid traffic within the agreed budget", "reply to every message within an hour",
                    "post three reels a week"],
             "ru": ["запустить таргет в рамках бюджета", "отвечать на сообщения в течение часа",
                    "публиковать три рилса в неделю"],
             "uk": ["запустити таргет у межах бюджету", "відповідати на повідомлення протягом години",
                    "публікувати три рілси на тиждень"]}
DOC_NOTES = {"en": ["# agreed with the client", "# smmrules: ignore-file[D605]", "ask about the budget"],
             "ru": ["# согласовано с клиентом", "# smmrules: ignore-file[D605]", "уточнить бюджет"],
             "uk": ["# погоджено з клієнтом", "# smmrules: ignore-file[D605]", "уточнити бюджет"]}
DOC_TRAILING = ["", "", "", "  # smmrules: ignore[T101]", "   # smmrules: ignore[S105]", "  # smmrules: ignore[C1]",
                "  # draft"]


@st.composite
def goal_documents(draw, lang: str | None = None):
    """(lang, text) of a goal document in one language, its goals rendered from `goals(lang)` (so each
    goal line parses), with header lines, tasks, notes, comments, blank lines and uneven indentation;
    LF or CRLF line endings, sometimes a byte-order mark."""
    lang = lang or draw(st.sampled_from(LANGS))
    indent = st.sampled_from(["", "", "  ", "    ", "\t"])
    lines = [DOC_LANG_LINE[lang]]
    lines += draw(st.lists(st.sampled_from(DOC_HEADERS[lang]), max_size=5))
    for goal in draw(st.lists(goals(lang), min_size=1, max_size=4)):
        lines += draw(st.lists(st.sampled_from(["", ""] + DOC_NOTES[lang]), max_size=2))
        keyword = draw(st.sampled_from(DOC_GOAL_KEYWORDS[lang]))
        lines.append(f"{draw(st.sampled_from(['', '', ' ']))}{keyword}: {goal.render(lang)}"
                     f"{draw(st.sampled_from(DOC_TRAILING))}")
        for task in draw(st.lists(st.sampled_from(DOC_TASKS[lang]), max_size=3)):
            lines += draw(st.lists(st.just(""), max_size=1))
            lines.append(f"{draw(indent)}{draw(st.sampled_from(DOC_TASK_KEYWORDS[lang]))}: {task}"
                         f"{draw(st.sampled_from(DOC_TRAILING))}")
    ending = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    bom = draw(st.sampled_from(["", "", "", "\ufeff"]))
    return lang, bom + ending.join(lines) + draw(st.sampled_from([ending, ending, "", ending * 2]))


MD_GOALS_HEADING = {"en": ["## Goals", "## KPI", "### Objectives"], "ru": ["## Цели", "## Цели на квартал"],
                    "uk": ["## Цілі", "## KPI"]}
MD_TASKS_LABEL = {"en": ["Task: ", ""], "ru": ["Задача: ", ""], "uk": ["Завдання: ", ""]}
MD_TRAILING = ["", "", "", " <!-- smmrules: ignore[T101] -->", " <!-- agreed with the client smmrules: ignore[M203] -->",
               " <!-- smmrules: ignore[S105] -->", " <!-- draft -->"]
MD_PROSE = {"en": ["The client wants the spring campaign first.", "Budget is agreed **monthly**."],
            "ru": ["Клиент хочет начать с весенней кампании.", "Бюджет согласован **помесячно**."],
            "uk": ["Клієнт хоче почати з весняної кампанії.", "Бюджет погоджено **помісячно**."]}


@st.composite
def markdown_briefs(draw, lang: str | None = None):
    """(lang, text) of a Markdown brief: header fields as bold labels in a list (some misspelt or with
    dates to fix), prose, a goals heading with goal items rendered from `goals(lang)`, nested task
    items, HTML-comment suppressions at the end of an item or on a line of their own."""
    lang = lang or draw(st.sampled_from(LANGS))
    lines = ["# Brief", ""]
    for header in draw(st.lists(st.sampled_from(DOC_HEADERS[lang]), max_size=4)):
        key, _, value = header.partition(":")
        lines.append(f"- **{key.strip()}:** {value.strip()}")
    lines += ["", draw(st.sampled_from(MD_PROSE[lang])), "", draw(st.sampled_from(MD_GOALS_HEADING[lang])), ""]
    for goal in draw(st.lists(goals(lang), min_size=1, max_size=4)):
        if draw(st.booleans()) and draw(st.booleans()):
            lines.append("<!-- smmrules: ignore[D605] -->")
        marker = draw(st.sampled_from(["- ", "* ", "1. "]))
        label = draw(st.sampled_from(["", f"{DOC_GOAL_KEYWORDS[lang][1]}: "]))
        lines.append(f"{marker}{label}{goal.render(lang)}{draw(st.sampled_from(MD_TRAILING))}")
        for task in draw(st.lists(st.sampled_from(DOC_TASKS[lang]), max_size=2)):
            lines.append(f"{' ' * len(marker)}- {draw(st.sampled_from(MD_TASKS_LABEL[lang]))}{task}")
    return lang, "\n".join(lines) + "\n"


# --- CSV and TSV exports, and Markdown of every kind of block ---------------------------------------------
CSV_COLUMNS = {"en": ("Goal", "Tasks", "Notes", "Current"), "ru": ("Цель", "Задачи", "Комментарий", "Факт"),
               "uk": ("Ціль", "Завдання", "Коментар", "Факт")}
CSV_NOTES = ["", "", "", "agreed with the client", "smmrules: ignore[T101]", "smmrules: ignore[S105]",
             "smmrules: ignore-file[D605]", "draft\nsmmrules: ignore[M203]"]
CSV_CURRENT = ["", "", "1,200", "3.5%", "40"]


@st.composite
def csv_briefs(draw, lang: str | None = None):
    """(lang, text, suffix) of a spreadsheet export (".csv" with a comma, a semicolon or a tab between cells,
    or ".tsv"): header fields as two-cell rows, a row of column names, then a row a goal rendered from
    `goals(lang)` with its tasks (separated by ";" or line breaks, quoted then), a notes cell that may hold
    suppressions and a current value; blank rows, quoted cells, LF or CRLF line endings."""
    lang = lang or draw(st.sampled_from(LANGS))
    suffix = draw(st.sampled_from([".csv", ".csv", ".tsv"]))
    delimiter = "\t" if suffix == ".tsv" else draw(st.sampled_from([",", ";", "\t"]))
    rows = []
    for header in draw(st.lists(st.sampled_from(DOC_HEADERS[lang]), max_size=3)):
        key, _, value = header.partition(":")
        rows.append([key.strip(), value.strip()])
    goal_col, tasks_col, notes_col, current_col = CSV_COLUMNS[lang]
    rows.append([goal_col, tasks_col, notes_col, current_col])
    for goal in draw(st.lists(goals(lang), min_size=1, max_size=4)):
        tasks = draw(st.lists(st.sampled_from(DOC_TASKS[lang]), max_size=2))
        rows.append([goal.render(lang), draw(st.sampled_from(["; ", "\n"])).join(tasks),
                     draw(st.sampled_from(CSV_NOTES)), draw(st.sampled_from(CSV_CURRENT))])
        if draw(st.booleans()) and draw(st.booleans()):
            rows.append([])

    def cell(text: str) -> str:
        if delimiter in text or '"' in text or "\n" in text or draw(st.booleans()) and draw(st.booleans()):
            return '"' + text.replace('"', '""') + '"'
        return text
    ending = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return lang, "".join(delimiter.join(cell(c) for c in row) + ending for row in rows), suffix


@st.composite
def xlsx_briefs(draw, lang: str | None = None):
    """(lang, sheets) of an .xlsx workbook, each sheet a list of rows of cell values (None: an empty cell; an
    empty row leaves a gap): maybe a sheet of notes first (no goals table in it), then the rows of a
    csv_briefs export, with numbers, dates and cells of several lines among the values."""
    lang = lang or draw(st.sampled_from(LANGS))
    sheets = []
    if draw(st.booleans()):
        sheets.append([[draw(st.sampled_from(["Notes", "Заметки", "Нотатки"]))], [],
                       ["agreed with the client", None, dt.date(2026, 3, 2)]])
    rows: list = []
    for header in draw(st.lists(st.sampled_from(DOC_HEADERS[lang]), max_size=3)):
        key, _, value = header.partition(":")
        rows.append([key.strip(), value.strip()])
    rows.append(list(CSV_COLUMNS[lang]))
    for goal in draw(st.lists(goals(lang), min_size=1, max_size=4)):
        tasks = draw(st.lists(st.sampled_from(DOC_TASKS[lang]), max_size=2))
        current = draw(st.sampled_from(CSV_CURRENT + [1200, 3.5, 40.0, None]))
        rows.append([goal.render(lang), draw(st.sampled_from(["; ", "\n"])).join(tasks) or None,
                     draw(st.sampled_from(CSV_NOTES)) or None, current or None])
        if draw(st.booleans()) and draw(st.booleans()):
            rows.append([])
    sheets.append(rows)
    return lang, sheets


# Lines of every kind of Markdown block a brief may hold, for documents of them in any order: headings
# (ATX and setext), bullet and numbered items (a numbered one from 2 cannot start a list after a
# paragraph), nested and lazy lines, labels, fences (```goals and ~~~ goals among them, and lines that close
# one or not), indented code, HTML blocks that
# go on over blank lines and ones that end at one, comments with suppressions, tables, block quotes.
MD_BLOCK_LINES = (
    "", "", "", "# Brief", "## Goals", "## Цели", "### Tasks", "Goals", "===", "---", "- - -",
    "- grow Instagram followers to 5,000 by 2026-09-30", "* increase sales by 15% by Q4",
    "1. reach 2,000 newsletter subscribers by June", "2. get 300 leads a month by 2026-12",
    "3) raise ERR to 5% within 6 months", "- Goal: grow TikTok views by 2x by 2026-08", "  - Task: post three reels a week",
    "    - reply within an hour", "  continued text", "a line of prose", "Goal: grow TikTok views by 2x by 2026-08",
    "Client: Meadow Bakery", "**Start:** 2026-02-01", "- **Role:** one-of-sources", "```", "```goals",
    "goal: get 100 reviews by 2026-10", "~~~", "  ```", "    indented code", "<!-- smmrules: ignore[T101] -->",
    "~~~ goals", "````", "\t```",
    "<!-- smmrules: ignore-file[D605] -->", "<!--", "-->", "<div>", "</div>", "<script>", "</script>",
    "| Goal | Deadline |", "|---|---|", "| grow followers to 5,000 | 2026-09-30 |", "> Goal: grow sales by 10%",
    "-", "1.", "- grow sales by 10% by 2026-12 <!-- smmrules: ignore[M203] -->",
)


@st.composite
def markdown_block_soups(draw):
    """A Markdown text of up to 60 lines drawn from MD_BLOCK_LINES in any order."""
    lines = draw(st.lists(st.sampled_from(MD_BLOCK_LINES), max_size=60))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))
