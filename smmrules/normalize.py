"""Numbers, dates and durations: from phrase parts to values, ISO durations and end dates."""
from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

UNIT_ISO = {"second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
            "week": ("", "W"), "month": ("", "M"), "quarter": ("", "M"), "year": ("", "Y")}
UNIT_SHORT = {"second": "s", "minute": "min", "hour": "h", "day": "d", "week": "w", "month": "mo",
              "quarter": "q", "year": "y"}
SUBDAY = ("second", "minute", "hour")
_DAYS_PER_MONTH = 365.2425 / 12


def number(value: Decimal) -> int | float:
    """A JSON-friendly number: int when integral."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def iso_duration(amount: Decimal, unit: str) -> str:
    if unit == "quarter":
        amount = amount * 3
    t, letter = UNIT_ISO[unit]
    n = number(amount)
    return f"P{t}{n}{letter}"


def duration_months(duration: str) -> float | None:
    """Months in an ISO duration written by iso_duration (P6M, P2W, P1Y, PT24H)."""
    if not duration or not duration.startswith("P"):
        return None
    body = duration[1:]
    if body.startswith("T"):
        num, letter = body[1:-1], body[-1]
        per = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}[letter]
        return float(num) * per / _DAYS_PER_MONTH
    num, letter = body[:-1], body[-1]
    per = {"D": 1 / _DAYS_PER_MONTH, "W": 7 / _DAYS_PER_MONTH, "M": 1.0, "Y": 12.0}[letter]
    return float(num) * per


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_end(year: int, quarter: int) -> dt.date:
    return month_end(year, quarter * 3)


def add_months(day: dt.date, months: int) -> dt.date:
    m = day.month - 1 + months
    y = day.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def add_duration(day: dt.date, amount: Decimal, unit: str) -> dt.date | None:
    """`day` moved forward by a duration; None when the result leaves the calendar."""
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
        return None


def period_end(today: dt.date, unit: str, offset: int = 0) -> dt.date | None:
    """Last day of the week/month/quarter/year containing today (offset: how many periods later)."""
    try:
        if unit == "year":
            return dt.date(today.year + offset, 12, 31)
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
        return None
    return None


def months_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / _DAYS_PER_MONTH
