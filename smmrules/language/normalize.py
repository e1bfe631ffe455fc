"""Numbers, dates and durations: from phrase parts to values, ISO durations and end dates."""
from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from ..base.lazyre import LazyPattern

UNIT_ISO = {"second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
            "week": ("", "W"), "month": ("", "M"), "quarter": ("", "M"), "year": ("", "Y")}
UNIT_SHORT = {"second": "s", "minute": "min", "hour": "h", "day": "d", "week": "w", "month": "mo",
              "quarter": "q", "year": "y"}
SUBDAY = ("second", "minute", "hour")
_DAYS_PER_MONTH = 365.2425 / 12


def _days_in_month(year: int, month: int) -> int:
    """The number of days in a month of the proleptic Gregorian calendar (what `calendar.monthrange`
    gives, without importing `calendar` on every run)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def number(value: Decimal) -> int | float:
    """A JSON-friendly number: int when integral."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _plain(amount: Decimal) -> str:
    """A decimal written out in full: 1000 not 1E+3, 0.0000001 not 1e-07."""
    text = format(amount.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def iso_duration(amount, unit: str) -> str:
    """An ISO 8601 duration for `amount` units: P6M, P2W, P1.5Y, PT24H (quarters in months)."""
    amount = amount if isinstance(amount, Decimal) else Decimal(str(amount))
    if unit == "quarter":
        amount = amount * 3
    t, letter = UNIT_ISO[unit]
    return f"P{t}{_plain(amount)}{letter}"


_NUM = r"(\d+(?:[.,]\d+)?)"
_ISO_DURATION = LazyPattern(
    rf"P(?:{_NUM}Y)?(?:{_NUM}M)?(?:{_NUM}W)?(?:{_NUM}D)?(?:T(?:{_NUM}H)?(?:{_NUM}M)?(?:{_NUM}S)?)?")
# months per designator, in the order of the groups above
_MONTHS_PER = (12.0, 1.0, 7 / _DAYS_PER_MONTH, 1 / _DAYS_PER_MONTH,
               1 / 24 / _DAYS_PER_MONTH, 1 / 1440 / _DAYS_PER_MONTH, 1 / 86400 / _DAYS_PER_MONTH)


def duration_months(duration: str) -> float | None:
    """Months in an ISO 8601 duration (P6M, P2W, P1Y6M, PT24H); None when it is not one."""
    if not isinstance(duration, str):
        return None
    m = _ISO_DURATION.fullmatch(duration)
    if m is None or not any(m.groups()) or duration.endswith("T"):
        return None
    total = sum(float(g.replace(",", ".")) * per for g, per in zip(m.groups(), _MONTHS_PER) if g)
    return total if math.isfinite(total) else None


# The latest date deadlines may be counted from (a header's start, --today): a later one would send
# "by Q3" or "within 2 years" past 9999-12-31, where calendar_date cuts them.
LAST_START = dt.date(9899, 12, 31)


def calendar_date(year: int, month: int, day: int) -> dt.date:
    """dt.date(year, month, day), saturating at the ends of the calendar dt.date can hold: a date
    after 9999-12-31 is 9999-12-31 and one before 0001-01-01 is 0001-01-01. A deadline that far off
    ("by Q3" counted from a start of 9999-12-31) is then a date the rules can judge, not a crash."""
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    return dt.date(year, month, day)


def month_end(year: int, month: int) -> dt.date:
    return calendar_date(year, month, _days_in_month(year, month))


def quarter_end(year: int, quarter: int) -> dt.date:
    return month_end(year, quarter * 3)


def add_months(day: dt.date, months: int) -> dt.date:
    m = day.month - 1 + months
    y = day.year + m // 12
    m = m % 12 + 1
    return calendar_date(y, m, min(day.day, _days_in_month(y, m)))


def _saturated(day: dt.date, forward: bool) -> dt.date:
    return dt.date.max if forward else dt.date.min


def add_duration(day: dt.date, amount: Decimal, unit: str) -> dt.date | None:
    """`day` moved forward by a duration, saturating at the ends of the calendar (see calendar_date);
    None only for an amount that is not a number."""
    try:
        if not math.isfinite(float(amount)):
            return None
    except (OverflowError, ValueError):
        return None
    try:
        if unit in SUBDAY:
            secs = {"second": 1, "minute": 60, "hour": 3600}[unit] * float(amount)
            return day + dt.timedelta(seconds=secs)
        if unit == "day":
            return day + dt.timedelta(days=float(amount))
        if unit == "week":
            return day + dt.timedelta(weeks=float(amount))
        months = float(amount) * {"month": 1, "quarter": 3, "year": 12}[unit]
        whole = int(months)
        out = add_months(day, whole)
        frac = months - whole
        if frac:
            out += dt.timedelta(days=round(frac * _DAYS_PER_MONTH))
        return out
    except (OverflowError, ValueError):
        return _saturated(day, float(amount) >= 0)


def written_year(text: str) -> int | None:
    """The year a token written as a plain four-digit number names (1900-2199), else None; also with
    the case ending Russian and Ukrainian give a year («2025-го», «2026-м», «2027-му»)."""
    if len(text) > 4 and text[4:].lstrip("-").isalpha() and not text[4:].lstrip("-").isascii():
        text = text[:4]
    return int(text) if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2199 else None


def period_end(today: dt.date, unit: str, offset: int = 0) -> dt.date | None:
    """Last day of the week/month/quarter/half/year containing today (offset: how many periods later),
    saturating at the ends of the calendar (see calendar_date)."""
    try:
        if unit == "year":
            return calendar_date(today.year + offset, 12, 31)
        if unit == "quarter":
            q = (today.month - 1) // 3 + offset
            y = today.year + q // 4
            return quarter_end(y, q % 4 + 1)
        if unit == "half":
            h = (today.month - 1) // 6 + offset
            return calendar_date(today.year + h // 2, 6 if h % 2 == 0 else 12, 30 if h % 2 == 0 else 31)
        if unit == "month":
            first = add_months(today.replace(day=1), offset)
            return month_end(first.year, first.month)
        if unit == "week":
            return today + dt.timedelta(days=6 - today.weekday() + 7 * offset)
        if unit == "day":
            return today + dt.timedelta(days=offset)
    except (OverflowError, ValueError):
        return _saturated(today, offset >= 0)
    return None


def months_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / _DAYS_PER_MONTH


# -- seasons and named days (docs/deadlines.md) ------------------------------------------------------
# Meteorological seasons: the first month of each; a season belongs to the year it starts in
# (winter 2026 is December 2026 to February 2027).
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def _season_edge(season: str, year: int, edge: str) -> dt.date:
    """The day before `season` of `year` starts (edge "start"), or its last day (edge "end")."""
    first = SEASON_START[season]
    if edge == "start":
        return dt.date(year, first, 1) - dt.timedelta(days=1)
    last = add_months(dt.date(year, first, 1), 2)
    return month_end(last.year, last.month)


def season_date(season: str, year: int | None, edge: str, today: dt.date | None,
                after_start: bool = False) -> dt.date | None:
    """The deadline a season sets: the day before it starts or its last day, in `year` or else the
    first such day on or after `today` (after_start: the first season that starts after today)."""
    try:
        if year is not None:
            return _season_edge(season, year, edge)
        if today is None:
            return None
        for y in range(max(today.year - 1, dt.MINYEAR), today.year + 2):
            if _season_edge(season, y, "start" if after_start else edge) >= today:
                return _season_edge(season, y, edge)
    except (OverflowError, ValueError):   # past 9999-12-31: saturate, as calendar_date does
        return dt.date.max
    return None


def western_easter(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter (the Julian computus), as a Gregorian date."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_offset = year // 100 - year // 400 - 2       # 13 days in 1900-2099
    return dt.date(year, month, day + 1) + dt.timedelta(days=julian_offset)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The nth `weekday` of the month; n = -1: its last."""
    if n < 0:
        last = dt.date(year, month, _days_in_month(year, month))
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


_FIXED_DAYS = {"christmas": (12, 25), "orthodox_christmas": (1, 7), "new_year": (12, 31),
               "valentines_day": (2, 14), "womens_day": (3, 8), "knowledge_day": (9, 1),
               "halloween": (10, 31), "year_end": (12, 31),
               "holiday_season": (12, 31), "independence_day": (7, 4), "independence_day_ua": (8, 24),
               "boxing_day": (12, 26), "singles_day": (11, 11), "st_patricks_day": (3, 17),
               "earth_day": (4, 22), "pride_month": (6, 1), "may_holidays": (5, 1)}
# the end of the period that holds the start, by its name ("by EOQ", "by month-end"; "by year-end" is the
# last day of the year, a fixed day): a period-end, not a day of the calendar
PERIOD_END_NAMES = {"quarter_end": "quarter", "month_end": "month", "half_end": "half"}
# days that fall on the nth weekday of a month: (month, weekday (Monday 0), n; -1 the last)
_NTH_DAYS = {"thanksgiving": (11, 3, 4), "labor_day": (9, 0, 1), "memorial_day": (5, 0, -1),
             "mothers_day": (5, 6, 2), "fathers_day": (6, 6, 3), "mothers_day_ru": (11, 6, -1)}
# the days of the week: "by Friday", «до пятницы» is the next one (today, when it is that day)
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NAMED_DAYS = (*_FIXED_DAYS, *_NTH_DAYS, "black_friday", "cyber_monday", "cyber_week", "giving_tuesday", "easter",
              "orthodox_easter", *WEEKDAYS)


def _named_in(name: str, year: int) -> dt.date:
    if name in _FIXED_DAYS:
        return dt.date(year, *_FIXED_DAYS[name])
    if name == "black_friday":       # the day after the fourth Thursday of November
        return _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=1)
    if name in ("cyber_monday", "cyber_week"):   # Cyber Week: Thanksgiving to Cyber Monday, its last day
        return _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=4)
    if name == "giving_tuesday":     # the Tuesday after Cyber Monday
        return _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=5)
    if name in _NTH_DAYS:
        return _nth_weekday(year, *_NTH_DAYS[name])
    if name == "easter":
        return western_easter(year)
    if name == "orthodox_easter":
        return orthodox_easter(year)
    raise KeyError(name)


def named_date(name: str, year: int | None, today: dt.date | None) -> dt.date | None:
    """The date of a named day in `year`, or its first date on or after `today` (9999-12-31 when that
    is past the calendar); None when unknown."""
    if name in WEEKDAYS:
        if today is None or year is not None:
            return None
        return today + dt.timedelta(days=(WEEKDAYS[name] - today.weekday()) % 7)
    try:
        if year is not None:
            return _named_in(name, year)
        if today is None:
            return None
        day = _named_in(name, today.year)
        return day if day >= today else _named_in(name, today.year + 1)
    except KeyError:
        return None
    except (OverflowError, ValueError):   # past 9999-12-31: saturate, as calendar_date does
        return dt.date.max
