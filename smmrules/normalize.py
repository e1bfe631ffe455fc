"""Numbers, dates and durations: from phrase parts to values, ISO durations and end dates."""
from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from ._lazyre import LazyPattern

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


def period_end(today: dt.date, unit: str, offset: int = 0) -> dt.date | None:
    """Last day of the week/month/quarter/year containing today (offset: how many periods later),
    saturating at the ends of the calendar (see calendar_date)."""
    try:
        if unit == "year":
            return calendar_date(today.year + offset, 12, 31)
        if unit == "quarter":
            q = (today.month - 1) // 3 + offset
            y = today.year + q // 4
            return quarter_end(y, q % 4 + 1)
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
