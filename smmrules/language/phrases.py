"""Lark tree -> a flat list of typed phrases (quantities, dates, spans) with spans."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from operator import attrgetter
from typing import Any

from ..base.record import Record, _set
from .lr import Token, Tree

from .ast import Span, trusted_span
from ..base.errors import GoalSyntaxError
from .normalize import calendar_date, month_end, written_year


class Quantity(Record):
    """value, or low..high; unit: "%", "pp", a currency code, a time unit or "times";
    signed: written with "+"."""

    __slots__ = ("value", "low", "high", "unit", "signed")

    def __init__(self, value: Decimal | None = None, low: Decimal | None = None, high: Decimal | None = None,
                 unit: str | None = None, signed: bool = False):
        _set(self, "value", value)
        _set(self, "low", low)
        _set(self, "high", high)
        _set(self, "unit", unit)
        _set(self, "signed", signed)


class DateSpec(Record):
    """A written date: a day, a month, a quarter or a half (1 or 2) of a year, or a year."""

    __slots__ = ("year", "month", "day", "quarter", "half")

    def __init__(self, year: int | None, month: int | None = None, day: int | None = None,
                 quarter: int | None = None, half: int | None = None):
        _set(self, "year", year)
        _set(self, "month", month)
        _set(self, "day", day)
        _set(self, "quarter", quarter)
        _set(self, "half", half)


class SeasonSpec(Record):
    """A season (spring, summer, autumn, winter) of a year; `edge` "start" ("by summer": the day
    before it starts), "end" («летом», "summer 2026": its last day) or None (the preposition decides)."""

    __slots__ = ("season", "year", "edge")

    def __init__(self, season: str, year: int | None = None, edge: str | None = None):
        _set(self, "season", season)
        _set(self, "year", year)
        _set(self, "edge", edge)


class NamedSpec(Record):
    """A day with a name (grammar/lexicon NAMED: black_friday, christmas, ...) in a year, if written."""

    __slots__ = ("name", "year")

    def __init__(self, name: str, year: int | None = None):
        _set(self, "name", name)
        _set(self, "year", year)


class SpanSpec(Record):
    """mode: this | next | end; offset (for end): 0 this period, 1 the next one; half, season and
    named: the end of a half-year, a season or a named day."""

    __slots__ = ("mode", "unit", "count", "year", "month", "quarter", "ordinal", "offset", "half", "season",
                 "named")

    def __init__(self, mode: str, unit: str | None = None, count: Decimal | None = None, year: int | None = None,
                 month: int | None = None, quarter: int | None = None, ordinal: int | None = None,
                 offset: int = 0, half: int | None = None, season: str | None = None, named: str | None = None):
        _set(self, "half", half)
        _set(self, "season", season)
        _set(self, "named", named)
        _set(self, "mode", mode)
        _set(self, "unit", unit)
        _set(self, "count", count)
        _set(self, "year", year)
        _set(self, "month", month)
        _set(self, "quarter", quarter)
        _set(self, "ordinal", ordinal)
        _set(self, "offset", offset)


class Phrase(Record):
    """One phrase of a statement: its kind, span, text and value (a Quantity, DateSpec, ...);
    `arg` is the phrase a preposition governs; `toks` (not compared) are its tokens."""

    __slots__ = ("kind", "span", "text", "value", "arg", "alts", "toks")
    _no_compare = ("toks",)

    def __init__(self, kind: str, span: Span, text: str, value: Any = None, arg: "Phrase | None" = None,
                 alts: tuple = (), toks: tuple = ()):
        _set(self, "kind", kind)
        _set(self, "span", span)
        _set(self, "text", text)
        _set(self, "value", value)
        _set(self, "arg", arg)
        _set(self, "alts", alts)
        _set(self, "toks", toks)


def _span_of(tokens) -> Span:
    first, last = tokens[0], tokens[-1]
    # the tokens' positions are the tagger's, each at or after the statement's origin; the goal's own
    # span (parse._parse) is checked, so a bad origin still fails there
    return trusted_span(first.line, first.column, last.end_line, last.end_column)


def _date_error(tok: Token, msg: str) -> GoalSyntaxError:
    return GoalSyntaxError("E003", "invalid-date", msg, line=tok.line, column=tok.column, text=str(tok))


def _check_date(tok: Token, year: int | None, month: int | None, day: int | None):
    if month is not None and not 1 <= month <= 12:
        raise _date_error(tok, f"invalid date {str(tok)!r}: there is no month {month}")
    if day is not None:
        y = year if year is not None else 2024  # a leap year admits 29 February
        try:
            dt.date(y, month or 1, day)
        except ValueError:
            raise _date_error(tok, f"invalid date {str(tok)!r}: day {day} does not exist in that month") from None


class ToPhrases:
    """Every phrase of the grammar becomes a Phrase; the start rule returns the list."""

    def __init__(self, text: str):
        self._text = text

    def transform(self, tree: Tree):
        """Bottom-up: each rule's method gets its children already transformed."""
        children = [self.transform(c) if isinstance(c, Tree) else c for c in tree.children]
        return getattr(self, tree.data)(children)

    def __call__(self, name: str, children: list):
        """The same, one rule at a time as the parser reduces it (GoalGrammar.parse_tokens)."""
        return getattr(self, name)(children)

    # start -----------------------------------------------------------------------
    def start(self, children):
        return [c for c in children if isinstance(c, Phrase)]

    def _single(kind):  # noqa: N805 - a helper that builds methods
        def method(self, children):
            tok = children[0]
            return _P(self, kind, children, getattr(tok, "meaning", str(tok)), alts=getattr(tok, "alts", ()))
        return method

    def label(self, children):
        tok = children[0]
        if tok.type in ("NAMED", "SEASON"):
            # "Black Friday:", «Чорна п'ятниця —», "Summer 2026:": by that day, by the season's end
            year = next((int(c.meaning) for c in children if c.type == "YEAR"), None)
            when = (_P(self, "named", children[:-1], NamedSpec(tok.meaning, year)) if tok.type == "NAMED"
                    else _P(self, "season", children[:-1], SeasonSpec(tok.meaning, year, "end")))
            return _P(self, "label", children, tok.type.lower(), arg=when)
        unit = next((c for c in children[1:] if getattr(c, "type", None) in ("UNIT", "PERIOD")), None)
        if unit is not None and unit.type == "PERIOD":
            # "KPI monthly:" (a rate window) or «Цель на квартал:» (this quarter): the assembler tells which
            # by the lexicon's [function_words] horizon
            return _P(self, "label", children, tok.meaning, arg=_P(self, "period", [unit], unit.meaning))
        if unit is not None and not any(getattr(c, "type", None) in ("YEAR", "NUMBER") for c in children):
            # "Goal for the quarter:", «Задача квартала —», «Мета на цей місяць:»: this quarter, this month
            when = _P(self, "span", children[1:-1], SpanSpec("this", unit=unit.meaning))
            return _P(self, "label", children, tok.meaning, arg=when)
        year = next((c for c in children[1:] if getattr(c, "type", None) in ("YEAR", "NUMBER")), None)
        if year is None or written_year(str(year)) is None:
            return _P(self, "label", children, getattr(tok, "meaning", str(tok)), alts=getattr(tok, "alts", ()))
        # "Goals for 2027:", «Цели на 2027 год:», "Plan 2027:": the year the goals are for, by its end
        when = _P(self, "year", children[1:-1], (written_year(str(year)), None))
        return _P(self, "label", children, tok.meaning, arg=when)

    verb = _single("verb")
    metric = _single("metric")
    channel = _single("channel")
    _period_word = _single("period")

    def period(self, children):
        if len(children) == 1:
            return self._period_word(children)
        # "every 3 days": the rate's unit is the period (a shorter unit counts as a day)
        unit = children[-1].meaning
        return _P(self, "period", children, unit if unit in ("day", "week", "month", "quarter", "year") else "day")

    perpost = _single("perpost")
    fresh = _single("new")
    placeholder = _single("placeholder")
    conj = _single("conj")
    notjust = _single("notjust")
    contrast = _single("contrast")
    filler = _single("filler")
    multiple = _single("multiple")

    def vague(self, children):
        return _P(self, "more" if children[0].type == "MORE" else "less", children, None)

    def method(self, children):
        # the marker's meaning: None for a method ("through", «через»), else the side clause it
        # opens (relative, recipient, modifier, share: see the METHOD tables of the lexicons)
        meaning = getattr(children[0], "meaning", "_")
        return _P(self, "method", children, None if meaning == "_" or children[0].type != "METHOD" else meaning)

    # quantities --------------------------------------------------------------------
    def count(self, children):
        if children[0].type == "NUMWORD":
            return _Part(children, Decimal(children[0].meaning), None, None)
        if len(children) == 3:
            low, high = Decimal(children[0].meaning), Decimal(children[2].meaning)
            if low > high:
                low, high = high, low
            return _Part(children, None, low, high)
        return _Part(children, Decimal(children[0].meaning), None, None)

    def suffix(self, children):
        tok = children[0]
        unit = {"PERCENT": "%", "PP": "pp", "TIMES": "times"}.get(tok.type, tok.meaning)
        return _Part(children, unit, None, None)

    def amount(self, children):
        toks = []
        currency = None
        signed = False
        value = low = high = None
        scale = Decimal(1)
        unit = None
        for c in children:
            if isinstance(c, _Part):
                toks.extend(c.toks)
                if c.toks[0].type in ("NUMBER", "NUMWORD") and (c.value is not None or c.low is not None):
                    value, low, high = c.value, c.low, c.high
                else:
                    unit = c.value
                continue
            toks.append(c)
            if c.type == "CUR_PRE":
                currency = c.meaning
            elif c.type == "PLUS":
                signed = True
            elif c.type == "SCALE":
                scale = Decimal(c.meaning)
            elif c.type == "ONE":
                value = Decimal(1)
            elif c.type == "UNIT":
                unit = c.meaning
            elif c.type == "HALFYEAR":
                value, unit = Decimal(6), "month"
            elif c.type == "HALFUNIT":
                value, unit = Decimal("0.5"), c.meaning     # half an hour, «полчаса»: 0.5 of the unit
            elif c.type == "ALWAYS":
                value, unit = Decimal(100), "%"     # 24/7: available all of the time
            elif c.type == "FRACTION":
                value, unit = Decimal(c.meaning), "%"   # "by a third", «на четверть»: a share of the whole
        if scale != 1:
            value = value * scale if value is not None else None
            low = low * scale if low is not None else None
            high = high * scale if high is not None else None
        if unit is None and currency:
            unit = currency
        q = Quantity(value, low, high, unit, signed)
        return _P(self, "amount", toks, q)

    def rank(self, children):
        num = children[-1]          # the number after "top", "#", or the top that "page one" is
        return _P(self, "rank", children, Decimal(num.meaning))

    # prepositional ---------------------------------------------------------------------
    def prep_phrase(self, children):
        prep, arg = children[0], children[1]
        return _P(self, "prep", [prep, *arg.toks], prep.meaning, arg=arg)

    def bound(self, children):
        b, arg = children[0], children[1]
        return _P(self, "bound", [b, *arg.toks], b.meaning, arg=arg)

    # dates and spans -------------------------------------------------------------------
    def date(self, children):
        first = children[0]
        if first.type == "ISO_DATE":      # 2026-06-30, 2026/06/30; 06/2026 and 06.2026 come as 2026-06
            parts = [int(p) for p in first.meaning.replace("/", "-").split("-")]
            y, m = parts[0], parts[1]
            d = parts[2] if len(parts) > 2 else None
            _check_date(first, y, m, d)
            return _P(self, "date", children, DateSpec(y, m, d))
        if first.type == "DOT_DATE":      # 31.12.2026, 31/12/2026, 2026/12/31; 15.11 (the next 15 November)
            parts = first.meaning.replace("/", ".").split(".")
            if len(parts) == 2:
                d, m = int(parts[0]), int(parts[1])
                _check_date(first, None, m, d)
                return _P(self, "date", children, DateSpec(None, m, d))
            if len(parts[0]) == 4:
                y, m, d = (int(p) for p in parts)
            else:
                d, m, y = (int(p) for p in parts)
                if "/" in first.meaning and m > 12 >= d:
                    d, m = m, d           # 06/30/2026: only the month-first reading is a date
            if y < 100:
                y += 2000
            _check_date(first, y, m, d)
            return _P(self, "date", children, DateSpec(y, m, d))
        year = next((int(c.meaning) for c in children if c.type == "YEAR"), None)
        if first.type == "QUARTER":
            return _P(self, "date", children, DateSpec(year, quarter=int(first.meaning)))
        if first.type == "HALF":
            return _P(self, "date", children, DateSpec(year, half=int(first.meaning)))
        if first.type in ("YEAR_RANGE", "FISCAL"):
            return _P(self, "date", children, DateSpec(int(first.meaning)))
        if first.type == "MIDMONTH":      # "mid-March": the 15th
            return _P(self, "date", children, DateSpec(year, int(first.meaning), 15))
        if first.type == "START":         # "by the start of Q2", «к началу июня»: the period's first day
            month = next((int(c.meaning) for c in children if c.type == "MONTH"), None)
            quarter = next((int(c.meaning) for c in children if c.type == "QUARTER"), None)
            half = next((int(c.meaning) for c in children if c.type == "HALF"), None)
            if quarter is not None:
                month = 3 * quarter - 2
            elif half is not None:
                month = 6 * half - 5
            return _P(self, "date", children, DateSpec(year, month or 1, 1))
        if first.type == "MID":           # "mid-2026", «к середине года»: the end of the first half;
            month = next((int(c.meaning) for c in children if c.type == "MONTH"), None)
            if month is not None:         # «в середине марта»: the 15th
                return _P(self, "date", children, DateSpec(year, month, 15))
            unit = next((c.meaning for c in children if c.type == "UNIT"), "year")
            if year is not None or unit == "year":
                return _P(self, "date", children, DateSpec(year, half=1))
            return _P(self, "vague", children, unit)   # the middle of a quarter, a month: no day to name
        if first.type == "ORDINAL":       # "2nd quarter", «II квартал», «2-е полугодие», "the 3rd month"
            n = int(Decimal(first.meaning))
            unit = "half" if children[1].type == "HALFYEAR" else children[1].meaning
            if unit in ("second", "minute", "hour"):
                return _P(self, "filler", children, None)   # "the 2nd hour": no deadline
            spec = _ordinal_period(n, unit, year)
            if isinstance(spec, DateSpec):
                return _P(self, "date", children, spec)
            return _P(self, "span", children, spec)
        day = month = year = None
        for c in children:
            if c.type in ("DAY_PRE", "DAY_POST"):
                day = int(c.meaning)
            elif c.type == "MONTH":
                month = int(c.meaning)
            elif c.type == "YEAR":
                year = int(c.meaning)
        _check_date(first, year, month, day)
        return _P(self, "date", children, DateSpec(year, month, day))

    def day_of_month(self, children):
        return _P(self, "date", children, DateSpec(None, None, int(children[0].meaning)))

    def year_only(self, children):
        unit = children[1].meaning if len(children) > 1 else None
        return _P(self, "year", children, (int(children[0].meaning), unit))

    def unit_only(self, children):
        return _P(self, "unit", children, children[0].meaning)

    def season(self, children):
        year = next((int(c.meaning) for c in children if c.type == "YEAR"), None)
        return _P(self, "season", children, SeasonSpec(children[0].meaning, year))

    def season_item(self, children):
        year = next((int(c.meaning) for c in children if c.type == "YEAR"), None)
        return _P(self, "season", children, SeasonSpec(children[0].meaning, year, "end"))

    def named(self, children):
        year = next((int(c.meaning) for c in children if c.type == "YEAR"), None)
        return _P(self, "named", children, NamedSpec(children[0].meaning, year))

    def event(self, children):
        prep, last = children[0], children[-1]
        if isinstance(last, Phrase):
            # "ahead of Black Friday", «перед летом»: a deadline at that date; "through Cyber Week", «во
            # время распродажи», «протягом літа»: at its end
            return _P(self, "prep", [prep, *last.toks], "until" if prep.meaning == "until" else "in", arg=last)
        # "before the launch", "through the holiday season", «до конца сезона»: an event or a period the team
        # knows by name (the campaign, the season, the holidays), a deadline with no date
        return _P(self, "event", children, last.meaning)

    def vague_time(self, children):
        if children[-1].type == "TIMENOUN":      # "the end of the season", "this season", «конец сезона»: as above
            return _P(self, "event", children, children[-1].meaning)
        return _P(self, "vague", children, children[-1].meaning)

    def vague_noun(self, children):              # "during the high season", «к праздникам»: as above
        return _P(self, "event", children, children[-1].meaning)

    def span_end(self, children):
        spec = {"unit": None, "year": None, "month": None, "quarter": None, "ordinal": None, "offset": 0,
                "half": None, "season": None, "named": None}
        for c in children:
            if c.type == "UNIT":
                if spec["unit"] is None:        # «2 квартала 2026 года»: the year's unit is not the period's
                    spec["unit"] = c.meaning
            elif c.type == "HALFYEAR":
                spec["unit"] = "half"
            elif c.type == "HALF":
                spec["half"] = int(c.meaning)
            elif c.type == "SEASON":
                spec["season"] = c.meaning
            elif c.type == "NAMED":
                spec["named"] = c.meaning
            elif c.type == "NUMBER" and spec["unit"] is None:
                spec["ordinal"] = int(Decimal(c.meaning)) if Decimal(c.meaning) == int(Decimal(c.meaning)) else 0
            elif c.type == "YEAR":
                spec["year"] = int(c.meaning)
            elif c.type == "MONTH":
                spec["month"] = int(c.meaning)
            elif c.type == "QUARTER":
                spec["quarter"] = int(c.meaning)
            elif c.type == "ORDINAL":
                spec["ordinal"] = int(Decimal(c.meaning))
            elif c.type == "NEXT":
                spec["offset"] = 1
        if spec["ordinal"] is not None and spec["unit"] in ("quarter", "half"):
            # «до конца 2 квартала», "the end of the second half": that calendar quarter or half
            period = _ordinal_period(spec["ordinal"], spec["unit"], spec["year"])
            if isinstance(period, DateSpec):
                spec.update(quarter=period.quarter, half=period.half, ordinal=None, unit=None)
            else:
                spec.update(unit=period.unit, ordinal=period.ordinal)
        if spec["year"] is not None and all(spec[k] is None for k in ("unit", "month", "quarter", "half",
                                                                       "season", "named")):
            spec["unit"] = "year"
        return _Part(children, spec, None, None)

    def span(self, children):
        first = children[0]
        if first.type in ("THIS", "NEXT") and children[1].type == "NAMED":
            return _P(self, "named", children, NamedSpec(children[1].meaning, None))
        if first.type in ("THIS", "NEXT") and children[1].type == "SEASON":
            # "this summer", "next winter": the end of that season
            return _P(self, "span", children, SpanSpec(first.type.lower(), season=children[1].meaning))
        if first.type == "THIS":
            unit = "half" if children[1].type == "HALFYEAR" else children[1].meaning
            return _P(self, "span", children, SpanSpec("this", unit=unit))
        if first.type == "NEXT":
            count = Decimal(1)
            for c in children[1:-1]:
                count = Decimal(c.meaning)
            return _P(self, "span", children, SpanSpec("next", unit=children[-1].meaning, count=count))
        part = children[1]
        toks = [first] + part.toks
        return _P(self, "span", toks, SpanSpec("end", **part.value))


def _ordinal_period(n: int, unit: str, year: int | None):
    """The n-th quarter or half of a year (a DateSpec), or the end of the n-th month, week or year
    from the start (a SpanSpec, a duration)."""
    if unit == "quarter" and 1 <= n <= 4:
        return DateSpec(year, quarter=n)
    if unit == "half" and 1 <= n <= 2:
        return DateSpec(year, half=n)
    if unit == "half":
        return SpanSpec("end", unit="month", ordinal=6 * n)
    return SpanSpec("end", unit=unit, ordinal=n)


class _Part:
    """An intermediate piece of a phrase (count, suffix, span_end)."""
    __slots__ = ("toks", "value", "low", "high")

    def __init__(self, toks, value, low, high):
        self.toks = [t for t in toks if isinstance(t, Token)]
        self.value, self.low, self.high = value, low, high


_START_POS = attrgetter("start_pos")


def _P(tr: ToPhrases, kind, children, value, arg=None, alts=()):
    toks = []
    for c in children:
        if isinstance(c, Token):
            toks.append(c)
        elif isinstance(c, _Part):
            toks.extend(c.toks)
        elif isinstance(c, Phrase):
            toks.extend(c.toks)
    if len(toks) > 1:
        toks.sort(key=_START_POS)
    text = tr._text[toks[0].start_pos:toks[-1].end_pos]
    return Phrase(kind, _span_of(toks), text, value, arg, alts, tuple(toks))


def date_of(spec: DateSpec, today: dt.date | None) -> dt.date | None:
    """End date of a written date: a day, the end of a month or quarter, or of a year."""
    year = spec.year
    if spec.day is not None and spec.month is None and year is None:
        # «до 15-го числа», "by the 15th of the month": that day of the month under way, or of the next
        if today is None:
            return None
        y, m = (today.year, today.month) if today.day <= spec.day else (
            (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1))
        return calendar_date(y, m, min(spec.day, month_end(y, m).day))
    if spec.quarter is not None or spec.half is not None:
        last_month = spec.quarter * 3 if spec.quarter is not None else spec.half * 6
        if year is None:
            if today is None:
                return None
            year = today.year if today.month <= last_month else today.year + 1
        return month_end(year, last_month)
    if spec.month is not None:
        if year is None:
            if today is None:
                return None
            # the next such day on or after today: "by 29.02" waits for a leap year
            year = today.year
            while True:
                if year > dt.MAXYEAR:
                    return None
                if spec.day and spec.day > month_end(year, spec.month).day:
                    year += 1
                    continue
                candidate = calendar_date(year, spec.month, spec.day) if spec.day else month_end(year, spec.month)
                if candidate >= today:
                    break
                year += 1
        if spec.day:
            return calendar_date(year, spec.month, spec.day)
        return month_end(year, spec.month)
    if year is not None:
        return calendar_date(year, 12, 31)
    return None
