"""Phrases -> Goal: assign direction, metric, target, baseline and deadline slots.

The grammar groups words into phrases; this module decides what each phrase is for, by
these conventions: a number in a method clause is not the target,
a rate window is a period and not a deadline, "from X to Y" is a baseline and a level,
"by/на N" is a change, "to/до N" is a level; a compound goal reads each aim as a part and takes
its metric from the first concrete (countable) part, never from a side clause.
"""
from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from ..base.attrsimport import attr  # the attrs package, its own generated methods from the cache

from .ast import Baseline, Deadline, Goal, Metric, Part, Secondary, Span, Target, trusted_span
from .lexicon import LexiconSet, normalize_word
from .normalize import (PERIOD_END_NAMES, WEEKDAYS, SUBDAY, UNIT_SHORT, _days_in_month, add_duration, iso_duration,
                        named_date, number, period_end, season_date, written_year)
from ..base.lazyre import LazyPattern, one_of
from ..base.record import Record, _set
from .phrases import DateSpec, Phrase, Quantity, SpanSpec, date_of

# prepositions after which a season is a deadline before it starts ("by summer", «к лету», «до літа»)
_BEFORE_PREPS = ("by", "until", "toward")

# prepositions by what their quantity argument means
_CHANGE_PREPS = ("by", "on")
_LEVEL_PREPS = ("to", "until", "toward", "at")
_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year")
_SHORT_TIME_UNITS = frozenset(UNIT_SHORT.values())     # a time metric's figure, as its target writes it
# the units of a sum of money (the currency codes of the lexicons' CUR_PRE and CUR_POST)
_CURRENCIES = ("USD", "EUR", "RUB", "UAH", "GBP")


class _Claim(Record):
    """role: change | level | bare | baseline | rank | multiple | deadline | method."""

    __slots__ = ("role", "phrase", "qty", "bound", "deadline", "value", "start")

    def __init__(self, role: str, phrase: Phrase, qty: Quantity | None = None, bound: str | None = None,
                 deadline: Deadline | None = None, value: Decimal | None = None, start: str | None = None):
        _set(self, "role", role)
        _set(self, "phrase", phrase)
        _set(self, "qty", qty)
        _set(self, "bound", bound)
        _set(self, "deadline", deadline)
        _set(self, "value", value)
        # a baseline's preposition, where it may also mean "with"/"of" («с», «з»: "count") or "at least"
        # («от», «від»: "floor"); None for "from" alone (the lexicons' [function_words])
        _set(self, "start", start)


def _period_of_year(p: Phrase) -> Phrase | None:
    """The quarter or half a date phrase names with no year of its own ("Q1", «первом квартале», "the
    end of Q2"), itself or as a preposition's argument; None for any other phrase."""
    q = p.arg if p.kind == "prep" and p.arg is not None else p
    v = q.value
    if q.kind == "date" and v.year is None and v.month is None and (v.quarter is not None or v.half is not None):
        return q
    if q.kind == "span" and v.mode == "end" and v.year is None and v.unit is None \
            and (v.quarter is not None or v.half is not None):
        return q
    return None


def _years_of_periods(phrases: list[Phrase]) -> list[Phrase]:
    """A quarter or half followed by "this/next year" is that quarter of that year ("in Q1 of next year",
    «в первом квартале следующего года», «до кінця першого півріччя наступного року»), one deadline
    counted from today: the grammar reads them as two phrases (one rule would make it ambiguous)."""
    out: list[Phrase] = []
    i, n = 0, len(phrases)
    while i < n:
        p = phrases[i]
        period = _period_of_year(p)
        j = i + 1
        if period is not None and j < n and phrases[j].kind == "method" and phrases[j].text.lower() == "of":
            j += 1                                  # "Q1 of next year": "of" read as a share
        nxt = phrases[j] if j < n else None
        if period is not None and nxt is not None and nxt.kind == "span" and nxt.value.mode in ("this", "next") \
                and nxt.value.unit == "year" and nxt.value.season is None and nxt.value.count in (None, 1):
            v = period.value
            spec = SpanSpec("end", unit="year", offset=int(nxt.value.mode == "next"), quarter=v.quarter, half=v.half)
            rest = " ".join(q.text for q in phrases[i + 1:j + 1])
            merged = period.evolve(kind="span", value=spec, span=period.span.cover(nxt.span),
                                   text=f"{period.text} {rest}")
            out.append(p.evolve(arg=merged, span=p.span.cover(nxt.span), text=f"{p.text} {rest}")
                       if p is not period else merged)
            i = j + 1
            continue
        out.append(p)
        i += 1
    return out


def _drop_contrasted(phrases: list[Phrase]) -> list[Phrase]:
    """«не просто X, а Y» keeps Y; "not just X but Y", «не только X, но и Y» keep both, X first."""
    if any(p.kind == "notjust" and p.value == "also" for p in phrases):
        return [p.evolve(kind="conj") if p.kind == "contrast" else p for p in phrases if p.kind != "notjust"]
    out: list[Phrase] = []
    skipping = False
    for p in phrases:
        if p.kind == "notjust":
            skipping = True
            continue
        if skipping:
            if p.kind == "contrast":
                skipping = False
            continue
        if p.kind == "contrast":
            out.append(p.evolve(kind="conj"))   # "X, but also Y", «а также»: a further aim
            continue
        out.append(p)
    return out if not skipping else [p for p in phrases if p.kind not in ("notjust", "contrast")]


# arrows between two figures: from the first to the second ("CTR: 1.8% → 2.5%", «12 500 → 15 000»)
_ARROWS = ("→", "➝", "➔", "➙", "⟶", "⇒", "➡", "⇾")
# "8500 -> 12000", "8500 => 12000": a dash or an equals sign, then the ">" of the second figure
_ARROW_STEMS = ("-", "–", "—", "=")


def _arrow_to(phrases: list[Phrase], k: int):
    """(the figure an arrow at `k` points to, the phrase that holds it), or None where no arrow is."""
    if k + 1 >= len(phrases) or phrases[k].kind != "filler":
        return None
    mark, nxt = phrases[k], phrases[k + 1]
    if mark.text in _ARROWS and nxt.kind == "amount":
        return nxt, nxt
    if mark.text in _ARROW_STEMS and nxt.kind == "bound" and nxt.text.startswith(">") \
            and nxt.span.column == mark.span.end_column and nxt.arg is not None and nxt.arg.kind == "amount":
        return nxt.arg, nxt
    return None


def _arrows(phrases: list[Phrase]) -> list[Phrase]:
    """Two figures joined by an arrow are a change from the first to the second, as "from X to Y" is; a
    rate may follow each ("25/mo → 40/mo", «1,2 млн ₽/мес → 2 млн ₽/мес»)."""
    out: list[Phrase] = []
    i, n = 0, len(phrases)
    while i < n:
        p = phrases[i]
        rate = phrases[i + 1] if p.kind == "amount" and i + 1 < n and phrases[i + 1].kind == "period" else None
        k = i + 1 + (rate is not None)
        found = _arrow_to(phrases, k) if p.kind == "amount" else None
        if found is not None and (rate is None or phrases[k].text in _ARROWS) \
                and not (_label_year(p) and not _label_year(found[0])):    # "KPI 2027 → 300 leads a month"
            to, holder = found
            out.append(Phrase("prep", p.span, p.text, "from", arg=p, toks=p.toks))
            out.append(Phrase("prep", holder.span, holder.text, "to", arg=to, toks=holder.toks))
            i = k + 2
            if rate is not None and not (i < n and phrases[i].kind == "period"):
                out.append(rate)
            continue
        out.append(p)
        i += 1
    return out


_DAY_MONTH = LazyPattern(r"(0[1-9]|[12]\d|3[01])\.(0[1-9]|1[0-2])")
_SHORT_DAY_MONTH = LazyPattern(r"([1-9])\.(0[1-9])")


def _figure_besides(phrases: list[Phrase], p: Phrase) -> bool:
    """Whether the statement has a figure other than `p`, alone or after a preposition."""
    return any(q.kind == "amount" or (q.kind == "prep" and q.arg is not None and q.arg.kind == "amount")
               for q in phrases if q is not p)


_RANGE_END = LazyPattern(r"([1-9]|0[1-9]|[12]\d|3[01])[./](0[1-9]|1[0-2])")
_RANGE_MONTH = LazyPattern(r"0[1-9]|1[0-2]")
_DAY_DOT_MONTH = r"([1-9]|0[1-9]|[12]\d|3[01])\.(0[1-9]|1[0-2])"
_DAY_RANGE = LazyPattern(_DAY_DOT_MONTH + r"\s*" + one_of("-–—") + r"\s*" + _DAY_DOT_MONTH)


def _range_day(phrases: list[Phrase], k: int) -> tuple[int, int, int, bool] | None:
    """The day and month (and the index after them) of an end of a range of days written with no year at
    `phrases[k]`: a date («31.10»), a figure "1.09" or "01.09", or a day, a slash and a month of two digits
    ("1/09", "31/10"); and whether it could be a decimal figure instead (a figure with no zero before its day)."""
    if k >= len(phrases):
        return None
    p = phrases[k]
    if p.kind == "date" and p.value.year is None and p.value.day is not None and p.value.month is not None:
        return p.value.day, p.value.month, k + 1, False
    if p.kind != "amount" or p.value.unit is not None or len(p.toks) != 1:
        return None
    word = str(p.toks[0])
    m = _RANGE_END.fullmatch(word)
    if m is not None:
        day, month, end, decimal = int(m.group(1)), int(m.group(2)), k + 1, not word.startswith("0") and "." in word
    elif word.isdigit() and len(word) <= 2 and k + 2 < len(phrases) and phrases[k + 1].kind == "filler" \
            and phrases[k + 1].text == "/" and phrases[k + 2].kind == "amount" and len(phrases[k + 2].toks) == 1 \
            and phrases[k + 2].value.unit is None and _RANGE_MONTH.fullmatch(str(phrases[k + 2].toks[0])):
        day, month, end, decimal = int(word), int(str(phrases[k + 2].toks[0])), k + 3, False
    else:
        return None
    return (day, month, end, decimal) if 1 <= day <= _days_in_month(2000, month) else None


def _day_month_ranges(phrases: list[Phrase], between: frozenset) -> list[Phrase]:
    """A range of days written with no year ("between 1/09 and 31/10", "from 1.09 to 31.10", «с 01.09 по 31.10»,
    «з 1/09 до 30/09», «1.09–30.09»): the goal runs to its last day, the deadline; the first is where it starts,
    not a figure. The first day comes before the last; a pair that could be two decimals ("ROAS from 1.05 to
    2.10") is a range only after another figure of its part ("300 leads from 1.09 to 31.10")."""
    out: list[Phrase] = []
    i, n = 0, len(phrases)
    while i < n:
        p = phrases[i]
        found = _range_at(phrases, i, between)
        if found is None:
            out += _split_day_range(p, phrases)
            i += 1
            continue
        first, last, k, end = found
        before = list(itertools.takewhile(lambda q: q.kind != "conj", reversed(phrases[:i])))
        if (first[1], first[0]) > (last[1], last[0]) or ((first[3] or last[3]) and not _figure_besides(before, None)):
            out.append(p)
            i += 1
            continue
        out.append(Phrase("filler", p.span.cover(phrases[k - 1].span), " ".join(q.text for q in phrases[i:k]),
                          "range", toks=tuple(t for q in phrases[i:k] for t in q.toks)))   # (where it starts)
        tail = phrases[k:end]
        if tail[0].kind == "prep":
            inner, out_tail = [tail[0].arg, *tail[1:]], []
        else:
            inner, out_tail = tail[1:], [tail[0]]       # (the joiner: "and", «по», a dash)
        if len(inner) == 1 and inner[0].kind == "date":
            out += tail         # («по 31.10», "to 31 October": a date already, the deadline)
        else:
            when = Phrase("date", inner[0].span.cover(inner[-1].span), "".join(q.text for q in inner),
                          DateSpec(None, last[1], last[0]), toks=tuple(t for q in inner for t in q.toks))
            if tail[0].kind == "prep":
                text = tail[0].text + "".join(q.text for q in tail[1:])
                out.append(Phrase("prep", tail[0].span.cover(tail[-1].span), text, tail[0].value, arg=when,
                                  toks=tuple(t for q in tail for t in q.toks)))
            else:
                out += [*out_tail, when]
        i = end
    return out


def _range_at(phrases: list[Phrase], i: int, between: frozenset):
    """A range of two days with no year opening at `phrases[i]`: (first, last, the index of its joiner, the
    index after it), each day as `_range_day` gives it; None where there is none."""
    p = phrases[i]
    if p.kind == "prep" and p.value == "from" and p.arg is not None:
        first = _range_day([p.arg, *phrases[i + 1:i + 3]], 0)       # ("from 1.09", «з 1/09»)
    elif p.kind in ("filler", "method") and normalize_word(p.text) in between:
        first = _range_day(phrases[i + 1:i + 4], 0)
        first = first if first is None else (*first[:2], first[2] + 1, first[3])
    elif p.kind in ("amount", "date"):
        first = _range_day(phrases[i:i + 3], 0)
    else:
        return None
    if first is None or i + first[2] >= len(phrases):
        return None
    k = i + first[2]
    joiner = phrases[k]
    if joiner.kind == "prep" and joiner.value in ("to", "until", "by") and joiner.arg is not None:
        last = _range_day([joiner.arg, *phrases[k + 1:k + 3]], 0)
    elif (joiner.kind == "conj" and p.kind in ("filler", "method")) or (
            joiner.kind == "filler" and (joiner.text in _DASHES or p.kind == "prep")):
        last = _range_day(phrases[k + 1:k + 4], 0)
        last = last if last is None else (*last[:2], last[2] + 1, last[3])
    else:
        return None
    return None if last is None else (first, last, k, k + last[2])


def _split_day_range(p: Phrase, phrases: list[Phrase]) -> list[Phrase]:
    """A figure range whose two ends are days with no year, «1.09–30.09» (read as one range of figures),
    beside another figure: where it starts, and its last day, the deadline."""
    if p.kind != "amount" or p.value.low is None or p.value.unit is not None:
        return [p]
    days = _DAY_RANGE.fullmatch(p.text)
    if days is None or not _figure_besides(phrases, p):
        return [p]
    d1, m1, d2, m2 = (int(g) for g in days.groups())
    if (m1, d1) > (m2, d2) or d1 > _days_in_month(2000, m1) or d2 > _days_in_month(2000, m2):
        return [p]
    return [Phrase("date", p.span, p.text, DateSpec(None, m2, d2), toks=p.toks)]


def _day_months(phrases: list[Phrase]) -> list[Phrase]:
    """A day and a month with no year after a deadline's preposition: «до 20.11», "by 30/06" (the next
    such day). Elsewhere "20.11" is a number and "24/7" a rate; the day has two digits and the month two
    ("до 4.10" stays a level of 4.1)."""
    out: list[Phrase] = []
    i = 0
    while i < len(phrases):
        p = phrases[i]
        if p.kind == "prep" and p.value in ("by", "until", "toward", "on") and p.arg is not None and p.arg.kind == "amount" \
                and p.arg.value.unit is None and len(p.arg.toks) == 1:
            word = str(p.arg.toks[0])
            nxt = phrases[i + 2] if i + 2 < len(phrases) else None
            # (a day of one digit before a month written with its zero, «к 1.09», is a date too beside the
            # goal's own figure; «на» only before a day and a month of two digits each: «вебінар на 14.05»)
            m = _DAY_MONTH.fullmatch(word) or (
                _SHORT_DAY_MONTH.fullmatch(word) if p.value != "on" and _figure_besides(phrases, p) else None)
            day = month = None
            end = i + 1
            if m is not None:
                day, month = int(m.group(1)), int(m.group(2))
            elif (word.isdigit() and len(word) == 2 and nxt is not None and phrases[i + 1].kind == "filler"
                  and phrases[i + 1].text == "/" and nxt.kind == "amount" and len(nxt.toks) == 1
                  and nxt.value.unit is None):
                other = str(nxt.toks[0])
                if _DAY_MONTH.fullmatch(f"{word}.{other}"):
                    day, month, end = int(word), int(other), i + 3
                elif _DAY_MONTH.fullmatch(f"{other}.{word}"):
                    day, month, end = int(other), int(word), i + 3     # "by 06/30": the month first, as in the US
            if day is not None and day <= _days_in_month(2000, month):     # (a leap year: 29.02 is a day)
                span = p.span.cover(phrases[end - 1].span)
                toks = tuple(t for q in phrases[i:end] for t in q.toks)
                when = Phrase("date", span, p.arg.text if end == i + 1 else f"{word}/{nxt.toks[0]}",
                              DateSpec(None, month, day), toks=toks[1:])
                out.append(Phrase("prep", span, " ".join(q.text for q in phrases[i:end]).replace(" / ", "/"),
                                  p.value, arg=when, toks=toks))
                i = end
                continue
        if (p.kind == "amount" and p.value.unit is None and len(p.toks) == 1 and _DAY_MONTH.fullmatch(str(p.toks[0]))
                and (i == 0 or phrases[i - 1].kind not in ("metric", "bound", "prep", "verb", "more")
                     or (phrases[i - 1].kind == "metric" and phrases[i - 1].value == "events"))
                and _figure_besides(phrases, p)):
            # «вебинар 18.03 — 1 000 человек»: a day and a month beside the goal's figure is when (an event's day)
            m = _DAY_MONTH.fullmatch(str(p.toks[0]))
            day, month = int(m.group(1)), int(m.group(2))
            if day <= _days_in_month(2000, month):
                when = Phrase("date", p.span, p.text, DateSpec(None, month, day), toks=p.toks)
                out.append(Phrase("prep", p.span, p.text, "by", arg=when, toks=p.toks))
                i += 1
                continue
        out.append(p)
        i += 1
    return out


_MINUS = ("-", "–", "−")


def _minus_signs(phrases: list[Phrase]) -> list[Phrase]:
    """A minus written onto a share or a sum and not onto the word before ("CPL -15%", «Вартість залучення:
    −15%», «отток −2 п.п.») is a fall by it, as a plus is a rise; "10-15%" is a range, "Q3-15%" no sign."""
    if not any(p.kind == "filler" and p.text in _MINUS for p in phrases):
        return phrases
    out: list[Phrase] = []
    skip = None
    for i, p in enumerate(phrases):
        if p is skip:
            continue
        nxt = phrases[i + 1] if i + 1 < len(phrases) else None
        prev = phrases[i - 1] if i else None
        if p.kind == "filler" and p.text in _MINUS and nxt is not None and nxt.kind == "amount" \
                and not nxt.value.signed and nxt.value.low is None and nxt.value.value is not None \
                and (nxt.value.unit in ("%", "pp") or nxt.value.unit in _CURRENCIES) \
                and p.toks and nxt.toks and p.toks[-1].end_pos == nxt.toks[0].start_pos \
                and (prev is None or not prev.toks or prev.toks[-1].end_pos < p.toks[0].start_pos):
            out += [p.evolve(kind="less", value=None), Phrase("prep", nxt.span, nxt.text, "by", arg=nxt, toks=nxt.toks)]
            skip = nxt
            continue
        out.append(p)
    return out


def _comparative_bounds(phrases: list[Phrase], moved: frozenset, negation: frozenset = frozenset()) -> list[Phrase]:
    """A word of "more" or "less" right before a figure is its bound («выше 4%», «больше 500 заявок», «нижче
    150 грн»: above, more than, below it), where after the figure it is a change («на 30% больше»); so is a
    word of the lexicons' [function_words] moved before it ("churn down 20%": a fall by 20%). After a
    negation (the list `negation`) such a word says no change: «не ниже текущего», "no lower than today's"."""
    out: list[Phrase] = []
    for i, p in enumerate(phrases):
        nxt = phrases[i + 1] if i + 1 < len(phrases) else None
        if out and out[-1].kind == "filler" and p.kind in ("more", "less") and (nxt is None or nxt.kind != "amount") \
                and normalize_word(out[-1].text) in negation:
            out.append(p.evolve(kind="filler"))
            continue
        if p.kind in ("more", "less") and len(p.toks) == 1 and nxt is not None and nxt.kind == "amount" \
                and not nxt.value.signed and normalize_word(p.text) in moved:
            # "churn down 20%": the figure it moved by
            out += [p, Phrase("prep", nxt.span, nxt.text, "by", arg=nxt, toks=nxt.toks)]
            continue
        if out and out[-1].kind == "prep" and out[-1].arg is p:
            continue
        if p.kind in ("more", "less") and len(p.toks) == 1 and nxt is not None and nxt.kind == "amount" \
                and not nxt.value.signed and (not out or out[-1].kind != "amount"):
            out.append(Phrase("bound", p.span.cover(nxt.span), f"{p.text} {nxt.text}", "ge" if p.kind == "more" else "le",
                              arg=nxt, toks=(*p.toks, *nxt.toks)))
            continue
        if out and out[-1].kind == "bound" and out[-1].arg is p:
            continue
        out.append(p)
    return out


def _bounds_after(phrases: list[Phrase], or_more: frozenset, or_less: frozenset) -> list[Phrase]:
    """A figure followed by "or more", "or above", «и выше», «і більше» (the lexicons' [function_words]
    or_more; or_less for "or less", «и ниже») is a floor (a ceiling) at it: "ER 3.5% or above" is at least 3.5%;
    so is a figure with a plus written right after it ("500+ leads", "ER 4%+")."""
    out: list[Phrase] = []
    i = 0
    while i < len(phrases):
        p = phrases[i]
        a = p if p.kind == "amount" else p.arg if p.kind == "prep" and p.arg is not None and p.arg.kind == "amount" else None
        plus = phrases[i + 1] if a is not None and i + 1 < len(phrases) else None
        if plus is not None and plus.kind == "filler" and plus.text == "+" and a.value.low is None \
                and plus.span.line == a.span.end_line and plus.span.column == a.span.end_column:
            floor = Phrase("bound", a.span.cover(plus.span), f"{a.text}+", "ge", arg=a, toks=a.toks)
            out.append(floor if p is a else p.evolve(arg=floor))
            i += 2
            continue
        if a is not None and (or_more or or_less):
            # (the figure's noun may come between: "1,000 followers or more", «300 заявок и более»)
            skip = 1 if i + 1 < len(phrases) and phrases[i + 1].kind == "metric" else 0
            pair = phrases[i + 1 + skip:i + 3 + skip]
            bound = None
            # ("or above all year": the word of the bound has taken the span after it, which stays the span)
            then = pair[1].arg if len(pair) == 2 and pair[1].kind == "bound" and pair[1].arg is not None \
                and pair[1].arg.kind not in _FIGURES and pair[1].toks else None
            if len(pair) == 2 and pair[0].kind in ("conj", "filler"):     # ("or", «и»: most figures have none)
                second = normalize_word(str(pair[1].toks[0]) if then is not None else pair[1].text)
                words = f"{normalize_word(pair[0].text)} {second}"
                bound = "ge" if words in or_more else "le" if words in or_less else None
            if bound is not None:
                floor = Phrase("bound", a.span, a.text, bound, arg=a, toks=a.toks)
                out.append(floor if p is a else p.evolve(arg=floor))
                out += phrases[i + 1:i + 1 + skip]
                if then is not None:
                    out.append(then)
                i += 3 + skip
                continue
        out.append(p)
        i += 1
    return out


def _day_ranges(phrases: list[Phrase]) -> list[Phrase]:
    """The first day of a range of days ("from 1 to 30 November", «с 1 по 30 ноября», «з 1 до 30
    листопада»): a date in the month of the range's end, not a figure the goal starts from."""
    out = list(phrases)
    for i, p in enumerate(out):
        if not (p.kind == "prep" and p.value == "from" and p.arg is not None and p.arg.kind == "amount"
                and len(p.arg.toks) == 1 and p.arg.value.unit is None and p.arg.value.low is None
                and not p.arg.value.signed and str(p.arg.toks[0]).isdigit() and 1 <= int(str(p.arg.toks[0])) <= 31):
            continue
        ahead = out[i + 1:i + 3]
        if ahead and ahead[0].kind == "filler" and len(ahead) > 1:
            ahead = ahead[1:]            # «по» between the days
        end = ahead[0] if ahead else None
        if end is not None and end.kind == "prep" and end.arg is not None:
            end = end.arg
        if end is None or end.kind != "date" or end.value.month is None or end.value.day is None:
            continue
        day = int(str(p.arg.toks[0]))
        if day <= end.value.day:
            when = Phrase("date", p.arg.span, p.arg.text, DateSpec(end.value.year, end.value.month, day),
                          toks=p.arg.toks)
            out[i] = p.evolve(arg=when)
    return out


# A length of time in two units ("1 hour 30 minutes", «1 ч 30 мин», «2 год 15 хв») is one figure in the
# smaller unit; so is one on a clock face ("1:30", «0:45», "1:02:30") beside a metric of time.
_IN_SMALLER = {("hour", "minute"): 60, ("minute", "second"): 60, ("hour", "second"): 3600, ("day", "hour"): 24,
               ("week", "day"): 7}


def _amount_of(p: Phrase) -> Phrase | None:
    """The amount a phrase states: itself, or what its preposition or bound governs."""
    if p.kind == "amount":
        return p
    if p.kind in ("prep", "bound") and p.arg is not None and p.arg.kind == "amount":
        return p.arg
    return None


def _whole(q: Quantity) -> bool:
    return q.low is None and not q.signed and q.value is not None


def _abutting(a: Phrase, b: Phrase) -> bool:
    """b starts where a ends, with no space between ("1:30")."""
    return a.span.end_line == b.span.line and a.span.end_column == b.span.column


def _joined(p: Phrase, amount: Phrase, last: Phrase, value: Decimal, unit: str) -> Phrase:
    """`p` with its amount stretched to the end of `last` and worth `value` `unit`."""
    end = last.span
    grown = amount.evolve(span=trusted_span(amount.span.line, amount.span.column, end.end_line, end.end_column),
                          value=Quantity(value, unit=unit), toks=amount.toks + last.toks)
    if p is amount:
        return grown
    return p.evolve(arg=grown, span=trusted_span(p.span.line, p.span.column, end.end_line, end.end_column),
                    toks=p.toks + last.toks)


def _length_adjectives(phrases: list[Phrase], info, stems: tuple = (), for_preps: frozenset = frozenset()) \
        -> list[Phrase]:
    """A number hyphened to a unit of time before a noun ("the 3-month pilot", "a 12-month grant period") says
    how long that thing lasts: no figure of the goal's, where no metric of time is measured ("a 2-hour
    response time" is one); after "over", "during" or "in" it is the goal's time ("over the 3-month pilot"),
    after "for" (the lexicons' list `length_for`) the thing the goal serves ("leads for the 21-day challenge").
    Russian and Ukrainian hyphen the number to an adjective of the unit («на 14-дневный марафон», «14-денний
    марафон»: the list `length_stems`), which always describes the noun after it."""
    out = list(phrases)
    for i in range(len(phrases) - 3):
        a, dash, unit, noun = phrases[i:i + 4]
        # («5-денний»: «денний» alone is also "daily", a period)
        adjective = bool(stems) and unit.kind in ("filler", "period") and normalize_word(unit.text).startswith(stems)
        held = a.kind == "prep" and a.value in ("over", "within", "in") and a.arg is not None and not adjective \
            and not (a.toks and normalize_word(str(a.toks[0])) in for_preps)
        n = a.arg if a.kind == "prep" and a.arg is not None else a
        if n.kind == "amount" and n.value.unit is None and len(n.toks) == 1 and dash.kind == "filler" \
                and dash.text == "-" \
                and (adjective or (unit.kind == "filler" and any(t == "UNIT" for t, _ in unit.alts))) \
                and n.toks[0].end_pos == dash.toks[0].start_pos and dash.toks[0].end_pos == unit.toks[0].start_pos \
                and (noun.kind in ("filler", "metric", "event") or (held and noun.kind == "verb")) \
                and not (noun.kind == "metric" and info[noun.value].time):
            if held:
                # "over the 3-month pilot", "during the 6-week campaign": within its length
                length = n.evolve(span=n.span.cover(unit.span), text=f"{n.text}-{unit.text}",
                                  toks=(*n.toks, *unit.toks),
                                  value=Quantity(n.value.value, unit=next(m for t, m in unit.alts if t == "UNIT")))
                out[i] = a.evolve(value="within", span=a.span.cover(unit.span), arg=length)
                out[i + 1] = out[i + 2] = None
                if noun.kind == "verb":
                    out[i + 3] = noun.evolve(kind="filler", value=noun.text)     # "the 2-week launch": a noun
            else:
                out[i] = a.evolve(kind="filler", value=a.text)
                if adjective:
                    out[i + 2] = unit.evolve(kind="filler", value=unit.text)    # not "daily"
    return [p for p in out if p is not None] if None in out else out


def _durations(phrases: list[Phrase], info) -> list[Phrase]:
    # (most statements have neither a clock face nor two units of time: nothing to join)
    if not any((p.kind == "filler" and p.text == ":") or (p.kind == "amount" and p.value.unit in _TIME_UNITS)
               for p in phrases):
        return phrases
    timed = _measures_time(phrases, info)
    out: list[Phrase] = []
    i = 0
    while i < len(phrases):
        p = phrases[i]
        a = _amount_of(p)
        if a is None or not _whole(a.value):
            out.append(p)
            i += 1
            continue
        nxt = phrases[i + 1] if i + 1 < len(phrases) else None
        factor = (_IN_SMALLER.get((a.value.unit, nxt.value.unit))
                  if nxt is not None and nxt.kind == "amount" and _whole(nxt.value) else None)
        if factor is not None:
            out.append(_joined(p, a, nxt, a.value.value * factor + nxt.value.value, nxt.value.unit))
            i += 2
            continue
        clock = _clock(phrases, i + 1, a) if a.value.unit is None else None
        if clock is not None:
            fields, last = clock
            unit = last.value.unit
            if unit is None and len(fields) == 2 and not timed:
                out.append(p)      # not a length of time: a ratio, an hour of the day
                i += 1
                continue
            # h:mm:ss, or m:ss; "1:30 hours" is h:mm
            minutes_first = len(fields) == 2 and unit != "hour"
            value = fields[0] * (60 if minutes_first else 3600) + fields[1] * (1 if minutes_first else 60)
            value += fields[2] if len(fields) == 3 else 0
            small = "second" if minutes_first or len(fields) == 3 else "minute"
            if len(fields) == 2 and unit == "hour":
                value //= 60
            out.append(_joined(p, a, last, Decimal(value), small))
            i += 2 * (len(fields) - 1) + 1
            continue
        out.append(p)
        i += 1
    return out


def _clock(phrases: list[Phrase], j: int, first: Phrase) -> tuple[list[int], Phrase] | None:
    """The fields of a clock face that starts with `first` and goes on at phrases[j] (":30", ":30:15"):
    each written with two digits, under 60, and nothing between them."""
    if not (len(first.toks) == 1 and str(first.toks[0]).isdigit()):
        return None
    fields = [int(str(first.toks[0]))]
    prev = first
    last = None
    while len(fields) < 3 and j + 1 < len(phrases):
        colon, q = phrases[j], phrases[j + 1]
        if not (colon.kind == "filler" and colon.text == ":" and q.kind == "amount" and _whole(q.value)
                and q.value.unit in (None, *SUBDAY) and _abutting(prev, colon) and _abutting(colon, q)):
            break
        digits = str(q.toks[0])
        if not (len(digits) == 2 and digits.isdigit() and int(digits) < 60):
            break
        fields.append(int(digits))
        last = q
        if q.value.unit is not None:
            break
        prev = q
        j += 2
    return (fields, last) if last is not None else None


_DASHES = ("-", "–", "—")


def _date_ranges(phrases: list[Phrase]) -> list[Phrase]:
    """A range of dates written with a dash ("1 Dec – 31 Jan", "(Aug 15 – Sep 10)", «1–15 мая» aside): the
    campaign runs to its last day, which is the deadline; the first names no deadline of its own."""
    out = list(phrases)
    for i in range(len(out) - 2):
        a, dash, b = out[i], out[i + 1], out[i + 2]
        if a.kind == "date" and b.kind == "date" and dash.kind == "filler" and dash.text in _DASHES:
            out[i] = a.evolve(kind="filler")
    return out


def _numbered_periods(phrases: list[Phrase], counted: frozenset) -> list[Phrase]:
    """A number before a quarter or a half in a form no count takes numbers it («на 2 квартал», «к 3
    кварталу», «у 2 кварталі», «во 2 полугодии»: the second quarter, the third, the second half), as an
    ordinal would («на второй квартал»); after a count the noun takes one of the lexicon's `counted_periods`
    forms («за 2 квартала», «на 2 полугодия»: two of them). A year right after it is that period's."""
    if not counted or not any(p.kind == "prep" and p.arg is not None and p.arg.kind == "amount"
                              and p.arg.value.unit in (None, "quarter") for p in phrases):
        return phrases

    def numbers(p: Phrase, n, word: str) -> bool:
        # (one takes the singular as a count does, so its form cannot tell: a plan's «на 1 полугодие» is
        # the first, «за 1 квартал» one quarter from today; «до 3 квартала» is until the third: a span of
        # quarters after «до» is counted in words, «до трёх кварталов»)
        return p.value != "within" if n == 1 else (p.value == "until" or normalize_word(word) not in counted)
    out: list[Phrase] = []
    i = 0
    while i < len(phrases):
        p = phrases[i]
        a = p.arg if p.kind == "prep" else None
        spec = used = None
        if a is not None and a.kind == "amount" and a.value.low is None and not a.value.signed \
                and a.value.value in (1, 2, 3, 4) and len(a.toks) == 2 and numbers(p, a.value.value, str(a.toks[1])):
            if a.value.unit == "quarter":
                spec, used = DateSpec(None, quarter=int(a.value.value)), 1
        if a is not None and spec is None and a.kind == "amount" and a.value.unit is None \
                and a.value.value in (1, 2) and len(a.toks) == 1 and i + 1 < len(phrases):
            half = phrases[i + 1]
            if half.kind == "amount" and len(half.toks) == 1 and half.toks[0].type == "HALFYEAR" \
                    and numbers(p, a.value.value, str(half.toks[0])):
                spec, used = DateSpec(None, half=int(a.value.value)), 2
            elif half.kind == "amount" and len(half.toks) == 1 and half.toks[0].type == "HALFYEAR":
                # «за 2 полугодия», «протягом 2 півріч»: two halves, twelve months
                months = Quantity(a.value.value * half.value.value, unit=half.value.unit)
                joined = Phrase("amount", trusted_span(a.span.line, a.span.column, half.span.end_line,
                                                       half.span.end_column),
                                f"{a.text} {half.text}", months, toks=tuple(a.toks) + tuple(half.toks))
                out.append(p.evolve(arg=joined, span=trusted_span(p.span.line, p.span.column, half.span.end_line,
                                                                  half.span.end_column),
                                    text=f"{p.text} {half.text}", toks=tuple(p.toks) + tuple(half.toks)))
                i += 2
                continue
        if spec is None:
            out.append(p)
            i += 1
            continue
        last = phrases[i + used - 1]
        year = _calendar_year(phrases[i + used]) if i + used < len(phrases) else None
        if year is not None:
            last = phrases[i + used]
            used += 1
            spec = DateSpec(year, quarter=spec.quarter, half=spec.half)
        toks = tuple(t for q in phrases[i:i + used] for t in q.toks)
        start = a.span
        when = Phrase("date", trusted_span(start.line, start.column, last.span.end_line, last.span.end_column),
                      " ".join(q.text for q in [a] + phrases[i + 1:i + used]), spec, toks=toks[len(p.toks) - len(a.toks):])
        out.append(p.evolve(arg=when, span=trusted_span(p.span.line, p.span.column, last.span.end_line,
                                                        last.span.end_column),
                            text=" ".join(q.text for q in phrases[i:i + used]), toks=toks))
        i += used
    return out


def _cohort_days(phrases: list[Phrase], info) -> list[Phrase]:
    """The day or month of a cohort after a metric of keeping customers («retention 30-го дня», «утримання
    користувачів на 7-й день», «удержание 3-го месяца»): which retention it is, not a deadline."""
    out = list(phrases)
    for i, p in enumerate(phrases):
        span = p.arg if p.kind == "prep" and p.value == "on" and p.arg is not None else p
        if span.kind != "span" or span.value.ordinal is None or span.value.unit not in ("day", "week", "month"):
            continue
        before = [q for q in phrases[max(0, i - 3):i] if q.kind == "metric"]
        if any(info[q.value].category == "loyalty" and info[q.value].unit_kind == "percent" for q in before):
            out[i] = p.evolve(kind="filler", value=p.text)
    return out


def _label_horizons(phrases: list[Phrase], horizon: frozenset) -> list[Phrase]:
    """A period in a label after a word of the lexicon's [function_words] horizon is the label's horizon
    («Цель на квартал:», "Goal for the quarter": this quarter, by its end); else its rate ("KPI monthly:")."""
    out = []
    for p in phrases:
        if p.kind == "label" and p.arg is not None and p.arg.kind == "period" \
                and normalize_word(p.arg.text.split()[0]) in horizon:
            p = p.evolve(arg=p.arg.evolve(kind="span", value=SpanSpec("this", unit=p.arg.value)))
        out.append(p)
    return out


def _fronted_gerund(phrases: list[Phrase], lex) -> list[Phrase]:
    """«Публикуя 3 рилса в неделю, увеличить охват на 25%», "Posting 3 Reels a week, grow reach by 25%": a clause
    that opens the statement with a gerund (a form of the lexicon's verbs that heads no clause, an -ing word, or a
    word with an ending of the lexicon list `gerund_endings`), up to a comma right before the goal's verb, is the
    goal's means, as "by posting ..." is."""
    k = 0
    while k < len(phrases) and phrases[k].kind == "label":
        k += 1
    if k == len(phrases) or phrases[k].kind not in ("filler", "verb") or not phrases[k].toks:
        return phrases
    first = phrases[k]
    word = normalize_word(first.text.split(" ", 1)[0])
    known = any(t == "GERUND" for t, _ in first.alts) or lex.secondary(word)
    # (an ending some adjectives share, «сотрудничая» beside «новая», makes a gerund only where no noun of a metric
    # follows it: «Новая коллекция, ...» stays what it is)
    if not (known or (k + 1 < len(phrases) and phrases[k + 1].kind != "metric"
                      and word.endswith(tuple(lex.listed("gerund_endings"))))):
        return phrases
    comma = next((j for j in range(k + 1, len(phrases)) if phrases[j].kind == "filler" and phrases[j].text == ","),
                 None)
    if comma is None or comma + 1 == len(phrases) or phrases[comma + 1].kind != "verb" \
            or any(q.kind == "verb" for q in phrases[k + 1:comma]):
        return phrases
    # (the marker carries its verb, as "by posting" does: two tokens)
    return phrases[:k] + [first.evolve(kind="method", value=None, arg=None, toks=(first.toks[0],) * 2)] \
        + phrases[k + 1:]


def _label_years(phrases: list[Phrase], through: frozenset = frozenset()) -> list[Phrase]:
    """A year right after a word that heads a goal ("Our aim for 2025 is to ...", "the goal for 2026 is") is the
    goal's year, as in a label ("Goal for 2026:"), never a figure; so is a year before such a word ("2026
    goal:") and a year after a word of the list `through` ("grow followers by 30% through 2025")."""
    out = list(phrases)
    for i, p in enumerate(phrases):
        if p.kind != "amount" or not _label_year(p):
            continue
        if (i == 0 and len(phrases) > 1 and (phrases[1].kind == "label" or _label_word(phrases[1]))) or (
                i > 0 and phrases[i - 1].kind == "method" and normalize_word(phrases[i - 1].text) in through):
            # "2026 goal:", "2027 target for the client:": the year the label is for; "through 2025": the year
            # the goal runs through, as "through June" is its month
            out[i] = Phrase("date", p.span, p.text, DateSpec(year=int(p.value.value)), toks=p.toks)
    for i in range(1, len(phrases)):
        p, before = phrases[i], phrases[i - 1]
        if p.kind == "prep" and p.value == "over" and p.arg is not None and p.arg.kind == "year" \
                and p.arg.value[1] is None and before.kind == "filler" and any(t == "LABEL" for t, _ in before.alts):
            out[i] = p.evolve(arg=p.arg.evolve(kind="date", value=DateSpec(year=int(p.arg.value[0]))))
    return out


def _held_over(text: str, words: frozenset) -> bool:
    """Whether a deadline's words open with a preposition of a span held ("throughout", «весь», «протягом»)."""
    t = normalize_word(text)
    return any(t == w or t.startswith(w + " ") for w in words)


def _label_year(p: Phrase) -> bool:
    """A figure that is a year written as a plain number ("KPI 2027 → 300 leads a month")."""
    return p.value.unit is None and len(p.toks) == 1 and written_year(str(p.toks[0])) is not None


# quotation marks, opening -> closing
_QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"', "'": "'", "‘": "’"}
_SINGLE_QUOTES = ("'", "‘")


def _opens(phrases: list[Phrase], i: int) -> bool:
    """Whether a single quote opens a quotation: a space before it and a word right after it ("for
    'volunteer in Leeds'"), where an apostrophe ends a word ("our clients' reviews")."""
    if i + 1 >= len(phrases) or not phrases[i].toks or not phrases[i + 1].toks:
        return False
    before = phrases[i - 1].toks[-1].end_pos if i and phrases[i - 1].toks else -1
    return before < phrases[i].toks[0].start_pos and phrases[i + 1].toks[0].start_pos == phrases[i].toks[-1].end_pos


# What a quoted name's figures and times read as: a thing's name, never the goal's figure or deadline
_NAMED_FIGURES = ("amount", "prep", "span", "date", "season", "event", "multiple", "rank", "vague", "period", "bound")


def _names_in_quotes(phrases: list[Phrase]) -> list[Phrase]:
    """A quotation beside a word we do not know names that thing: after it as Russian and Ukrainian put a
    name («связки «креатив → заявка»», «рубрика «Отзывы»»), before a noun as English does (the "Leads Lab"
    podcast, the "Sales Club" newsletter, "engaged" followers). A metric or channel word in it is part of the
    name, not the goal's («курс «Продажи в Instagram»»), and so are its figures and times («марафон «Минус 5 кг
    за 21 день»»); so is any verb in quotes («кнопка «Записатися»»). (A quotation between a verb and the rest,
    «увеличить «вовлеченность» на 10%», still names the metric.)"""
    def word(k: int) -> bool:
        return 0 <= k < len(phrases) and phrases[k].kind == "filler" and phrases[k].text[:1].isalpha()

    def noun(k: int) -> bool:
        return word(k) or (k < len(phrases) and phrases[k].kind in ("metric", "channel"))
    out = list(phrases)
    i = 0
    while i < len(phrases):
        p = phrases[i]
        if p.kind == "filler" and p.text in _QUOTES and (p.text not in _SINGLE_QUOTES or _opens(phrases, i)):
            end = next((k for k in range(i + 1, len(phrases))
                        if phrases[k].kind == "filler" and phrases[k].text == _QUOTES[p.text]), None)
            if end is None:
                break           # a quotation never closed names nothing we can tell
            named = word(i - 1) or noun(end + 1)
            titled = named or noun(i - 1)
            for k in range(i + 1, end):
                # (a verb in quotes is a name too, whatever surrounds it: a button's «Записатися», a
                # campaign's "Book now"; no goal quotes its own verb; so are the figures and times of a thing's
                # name: the marathon «Минус 5 кг за 21 день», the intensive «30 днів йоги»)
                if (named and phrases[k].kind in ("metric", "channel")) or phrases[k].kind == "verb" \
                        or (titled and phrases[k].kind in _NAMED_FIGURES):
                    out[k] = phrases[k].evolve(kind="filler", value=phrases[k].text)
            i = end
        i += 1
    return out


def _purpose_is_goal(phrases: list[Phrase]) -> bool:
    """Whether a statement that opens with its purpose is that purpose and nothing else («щоб
    підвищити впізнаваність, довіру та залучити клієнтів», "so that ..."): no clause of its own follows
    a comma («Щоб отримувати більше заявок, збільшити охоплення на 30%»: the goal is after the comma)."""
    lead = next((p for p in phrases if p.kind not in ("label", "conj")
                 and not (p.kind == "filler" and not any(ch.isalnum() for ch in p.text))), None)
    if lead is None or lead.kind != "method" or lead.value != "purpose":
        return False
    return not any(p.kind == "filler" and p.value == "," and q.kind == "verb" for p, q in zip(phrases, phrases[1:]))


def _split_method(phrases: list[Phrase]) -> tuple[list[Phrase], list[Phrase]]:
    """Separate the goal from its method clauses ("by posting 3 Reels", "через рекламу").

    A method clause runs from its marker to the end, except that a clause without a verb
    of its own ("through Instagram", «с помощью конкурса») ends before the next
    prepositional target or verb, and a fronted clause («за счёт контента увеличить ...») ends at the goal's verb.
    """
    main: list[Phrase] = []
    method: list[Phrase] = []
    in_method = False
    method_has_verb = False
    bracketed = False       # "Engagement rate (by reach) on the page: 3.1% → 5%": the clause ends at ")"
    opens_with_goal = _purpose_is_goal(phrases)
    for k, p in enumerate(phrases):
        if in_method and bracketed and p.kind == "filler" and p.text == ")":
            in_method = bracketed = False
            method.append(p)
            continue
        if p.kind == "method" and p.value == "purpose" and opens_with_goal:
            opens_with_goal = False
            continue
        if p.kind == "method" and len(p.toks) == 2 and not any(m.kind == "metric" for m in phrases):
            alt = next((m for t, m in getattr(p.toks[1], "alts", ()) if t == "METRIC"), None)
            if alt is not None:
                # "top-3 by reach": a ranking criterion that names the metric, not a method
                tok = p.toks[1]
                main.append(Phrase("metric", Span(tok.line, tok.column, tok.end_line, tok.end_column),
                                   str(tok), alt, toks=(tok,)))
                continue
        if p.kind == "method":
            bracketed = not in_method and bool(main) and main[-1].kind == "filler" and main[-1].text == "("
            in_method = True
            method_has_verb = len(p.toks) > 1       # "by posting": the marker carries a verb
            method.append(p)
            continue
        if in_method:
            main_has_verb = any(m.kind == "verb" for m in main)
            # a verb right after "чтобы/щоб/in order to" is the clause's own verb, as is the first verb of a
            # purpose clause with its subject first («чтобы охваты в сторис выросли до 3 000»)
            purpose = next((m.value for m in reversed(method) if m.kind == "method"), None) == "purpose"
            own_verb = p.kind == "verb" and not method_has_verb and (method[-1].kind == "method" or purpose)
            ends = (p.kind == "verb" and not main_has_verb and not own_verb) or (
                not method_has_verb and (p.kind in ("prep", "bound") or (p.kind == "filler" and p.text == ":")
                                         or (p.kind == "amount" and method[-1].kind != "method" and not bracketed
                                             and not _clause_has_metric(method)
                                             and ((k + 1 < len(phrases) and phrases[k + 1].kind == "metric")
                                                  or (any(m.kind == "metric" for m in main)
                                                      and not _has_figure(main))))))
            # ("Donations via the link in bio: $20,000": a colon after a clause with no verb gives the figure, as a
            # figure of a metric after it does, «зібрати через соцмережі 500 тис. грн донатів», and the figure a metric
            # before it still lacks: "grow sales through Instagram 20% by June")
            if not ends:
                method_has_verb = method_has_verb or p.kind == "verb"
                method.append(p)
                continue
            in_method = False
        main.append(p)
    return main, method


def _clause_has_metric(method: list[Phrase]) -> bool:
    """Whether the method clause being read ends in a metric and a word that ties a figure to it ("with a
    budget of $500": the figure is the budget's, where in "via Facebook ads 30%" it is the goal's)."""
    last = [m for m in method[-2:] if m.kind != "method"]
    return len(last) == 2 and last[0].kind == "metric" and last[1].kind == "filler" and last[1].text.isalpha()


def _purpose_as_goal(main: list[Phrase], method: list[Phrase], info) -> tuple[list[Phrase], list[Phrase]]:
    """«Сделать так, чтобы каждый пост набирал 1000 просмотров», «Добитися, щоб ...», "make sure that
    ...": where the goal's own words name nothing to measure (no metric, no figure), its purpose clause
    says what the goal is; the goal's deadline and channel stay with it. Where they name only an activity
    («публиковать 3 поста в неделю, чтобы увеличить вовлеченность на 10%»), the purpose's result is the
    goal and the activity, with its figures, is the means."""
    i = next((k for k, p in enumerate(method) if p.kind == "method" and p.value == "purpose"), None)
    if i is None:
        return main, method
    j = next((k for k in range(i + 1, len(method)) if method[k].kind == "method"), len(method))
    clause = method[i + 1:j]
    measured = [p for p in main if p.kind in ("metric", "amount", "rank", "multiple", "bound", "placeholder")
                or (p.kind == "prep" and p.arg is not None and p.arg.kind in _FIGURES)]
    if measured:
        if not _activity_only(main, info) or not any(p.kind == "metric" and not info[p.value].activity
                                                    for p in clause):
            return main, method
        kept = [p for p in main if p.kind in ("channel", "date", "span", "event", "season", "vague")
                or (p.kind == "prep" and p not in measured)]
        return clause + kept, [p for p in main if p not in kept] + method[:i] + method[j:]
    # (a verb that implies its metric counts: «мы хотим, чтобы о нас говорили»)
    if not any(p.kind == "metric" or (p.kind == "verb" and ":" in str(p.value)) for p in clause):
        return main, method
    return clause + [p for p in main if p.kind not in ("verb", "filler")], method[:i] + method[j:]


def _infinitive_purpose(phrases: list[Phrase], markers: frozenset, info) -> list[Phrase]:
    """"Post three times a week to increase engagement by 10%": after a verb of an activity, or of a result
    got for the sake of another (metrics.toml `serves`: "hire a marketer to double the leads"), a marker of
    the lexicon's [function_words] purpose_after_activity ("to") before another verb opens a purpose
    clause, as "in order to" does."""
    out = list(phrases)
    for i, p in enumerate(phrases):
        if p.kind == "filler" and normalize_word(p.text) in markers and i + 1 < len(phrases) \
                and phrases[i + 1].kind == "verb" and any(_means_verb(q, info) for q in phrases[:i]):
            out[i] = p.evolve(kind="method", value="purpose")
    return out


def _means_verb(q: Phrase, info) -> bool:
    """Whether a phrase is a verb of a means: an activity («публиковать», "post"), or a result got for the
    sake of another (metrics.toml `serves`: "hire")."""
    cls, _, implied = str(q.value).partition(":")
    return q.kind == "verb" and (cls == "activity" or (implied in info and info[implied].serves))


def _activity_only(main: list[Phrase], info) -> bool:
    """Whether an aim names only an activity: its verb is a means (_means_verb) or every metric it names
    is an activity."""
    metrics = [p for p in main if p.kind == "metric"]
    verbs = [p for p in main if p.kind == "verb"]
    if verbs and _means_verb(verbs[0], info):
        return all(info[p.value].activity for p in metrics)
    return bool(metrics) and all(info[p.value].activity for p in metrics)


def _has_placeholder(phrases: list[Phrase]) -> bool:
    for p in phrases:
        q = p
        while q is not None:
            if q.kind == "placeholder":
                return True
            q = q.arg
    return False


def _priced(phrases: list[Phrase], each: frozenset) -> bool:
    """Whether a figure in money is the price of one, by a word of the list `each` right before it, opening it
    or right after it («лиды по 60 ₽», "leads at $25", "$25 each"), not a sum ("$10,000 from 200 leads")."""
    for i, p in enumerate(phrases):
        q = p.arg if p.kind == "prep" and p.arg is not None else p
        if q.kind != "amount" or q.value.unit not in _CURRENCIES:
            continue
        words = [phrases[i - 1].text] if i and phrases[i - 1].kind == "filler" else []
        if p is not q:
            words.append(p.text.split(" ")[0])
        if i + 1 < len(phrases) and phrases[i + 1].kind == "filler":
            words.append(phrases[i + 1].text)
        if any(normalize_word(w) in each for w in words):
            return True
    return False


def _placeholder_level(phrases: list[Phrase]) -> bool:
    """Whether a placeholder stands for a level ("grow the audience to X listeners", «до певного рівня»)."""
    return any(p.kind == "prep" and p.value in _LEVEL_PREPS and p.arg is not None and p.arg.kind == "placeholder"
               for p in phrases)


def _how_often(phrases: list[Phrase], i: int) -> bool:
    """Whether phrases[i] is a count of times before a rate window ("3 times a week", «5 раз в
    месяц»): how often something is done, not a figure of a metric."""
    p = phrases[i]
    # (a period before a metric word describes it: "double monthly Reels views" is a multiple)
    return (p.kind == "multiple" or (p.kind == "amount" and p.value.unit == "times")) \
        and i + 1 < len(phrases) and phrases[i + 1].kind == "period" \
        and not (i + 2 < len(phrases) and phrases[i + 2].kind == "metric")


_LABEL_ENDS = (":", "—", "–")


def _names_a_kpi(phrases: list[Phrase], i: int) -> bool:
    """Whether the verb-like word at `i` names a KPI: see _reread_verbs."""
    after = phrases[i + 1] if i + 1 < len(phrases) else None
    if after is not None and after.kind == "filler" and after.text in _LABEL_ENDS:
        return True
    j = i - 1   # ("double Instagram reach", "triple our TikTok reach": a channel and a word may come between)
    while j >= 0 and i - j <= 2 and (phrases[j].kind == "channel" or (
            phrases[j].kind == "filler" and phrases[j].text.isalpha())):
        j -= 1
    if j >= 0 and phrases[j].kind == "multiple":
        return True
    opens = i == 0 or (phrases[i - 1].kind == "filler" and phrases[i - 1].text in _LABEL_ENDS + _SEPARATORS)
    if not opens or after is None or not (after.kind in ("amount", "bound")):
        return False
    if i == 0 and not any(_is_separator(p) for p in phrases):
        return False        # a statement of its own ("reach 120k by June"): the verb's reading decides below
    end = phrases[i + 2] if i + 2 < len(phrases) else None
    return end is None or _is_separator(end)


def _index_of(phrases, p: Phrase) -> int | None:
    """Where the very phrase `p` stands in `phrases` (None: it is not one of them)."""
    return next((k for k, q in enumerate(phrases) if q is p), None)


def _after_word(p: Phrase, phrases, words: frozenset) -> bool:
    """Whether the phrase right before `p` is a plain word of `words`."""
    k = _index_of(phrases, p)
    return bool(k) and phrases[k - 1].kind == "filler" and normalize_word(phrases[k - 1].text) in words


def _only_fillers_between(phrases, a: Phrase, b: Phrase) -> bool:
    """Whether nothing but plain words stands between `a` and `b`."""
    i, j = _index_of(phrases, a), _index_of(phrases, b)
    if i is None or j is None:
        return True         # (phrases not given: the metric words alone decide)
    return all(p.kind == "filler" for p in phrases[i + 1:j])


def _light_verbs(phrases: list[Phrase], decided: frozenset = frozenset()) -> list[Phrase]:
    """A verb of reaching or getting with no metric of its own right before a verb that implies one gives way
    to it: "become better known", "get people talking about us" are the goals of the second (known, talked
    about), not a level reached or a thing got. So does a word of deciding (the lexicons' list `decided`)
    before another verb, a multiple or a word between them: «решили вдвое увеличить охват», «вирішили
    збільшити продажі», "decided to grow followers" ("решить" alone resolves a client's request)."""
    if sum(p.kind == "verb" for p in phrases) < 2:
        return phrases

    def light(i: int, p: Phrase) -> bool:
        if p.kind != "verb":
            return False
        if p.value in ("reach", "achieve") and i + 1 < len(phrases) and phrases[i + 1].kind == "verb" \
                and ":" in phrases[i + 1].value:
            return True
        if normalize_word(p.text) not in decided:
            return False
        nxt = next((q for q in phrases[i + 1:i + 3] if q.kind not in ("multiple", "filler")), None)
        return nxt is not None and nxt.kind == "verb"
    return [p.evolve(kind="filler", value=p.text) if light(i, p) else p for i, p in enumerate(phrases)]


def _reread_verbs(phrases: list[Phrase], info) -> list[Phrase]:
    """A verb-like word that can also be a metric is the metric when it comes after another
    verb ('increase reach') or when the statement names no other metric than people ('reach 120k',
    'reach 1 million people')."""
    # a word that names what a KPI line counts is the metric: before its colon or dash ("Reach: 500K",
    # "Instagram reach — 500K", "Reels reach: 500K accounts"), after a multiple ("double reach, triple
    # saves"), or alone with its figure in an item of a list ("KPIs: reach 500k; ER 5%")
    if any(p.kind == "verb" and p.alts for p in phrases):
        phrases = [p.evolve(kind="metric", value=alt, alts=())
                   if p.kind == "verb" and _names_a_kpi(phrases, i)
                   and (alt := next((m for t, m in p.alts if t == "METRIC"), None))
                   else p for i, p in enumerate(phrases)]
    verbs = [p for p in phrases if p.kind == "verb" and p.value != "unknown"]
    ranked = any(p.kind == "rank" or (p.kind in ("prep", "bound") and p.arg is not None and p.arg.kind == "rank")
                 for p in phrases)
    # ("reach the top 10" is a place reached: its verb stays a verb)
    # (people as such, metrics.toml `people`, are whom such a metric counts)
    people = any(p.kind == "metric" and info[p.value].people for p in phrases)
    # (an activity beside people is how they are reached: "reach 200,000 people with the campaign")
    if len(verbs) == 1 and not ranked and not any(p.kind == "metric" and not info[p.value].people
                                                  and not (people and info[p.value].activity) for p in phrases):
        alt = next((m for t, m in verbs[0].alts if t == "METRIC"), None)
        implied = verbs[0].value.partition(":")[2]
        # (a length of time is what a verb of time measures: "reply within an hour" answers, it is no reply)
        if implied and info[implied].time and not info[alt if alt is not None else implied].time and any(
                p.kind in ("prep", "bound") and p.arg is not None and p.arg.kind == "amount"
                and p.arg.value.unit in SUBDAY for p in phrases):
            alt = None
        # (a verb that already implies that metric keeps its own sense: "hire 30 engineers" hires)
        if alt is not None and alt == implied:
            alt = None
        # (a figure it reaches, not a date: "post daily until June" posts)
        if alt is not None and any((p.kind in ("prep", "bound") and p.arg is not None and p.arg.kind in _FIGURES)
                                   or (p.kind == "amount" and not _how_often(phrases, i))
                                   for i, p in enumerate(phrases)):
            return [p.evolve(kind="metric", value=alt, alts=()) if p is verbs[0] else p for p in phrases]
    out = []
    seen_verb = seen_metric = False
    for p in phrases:
        # (right after the content it counts, it is that content's metric: "Reels reach", "Stories reach: 800")
        after_content = bool(out) and out[-1].kind == "metric" and info[out[-1].value].activity \
            and out[-1].span.end_line == p.span.line and out[-1].span.end_column + 1 == p.span.column
        if p.kind == "verb" and ((seen_verb and not seen_metric) or after_content):
            alt = next((m for t, m in p.alts if t == "METRIC"), None)
            if alt is not None:
                p = p.evolve(kind="metric", value=alt, alts=())
        if p.kind == "verb" and p.value != "unknown":
            seen_verb = True
        elif p.kind == "metric":
            seen_metric = True
        elif p.kind == "method" or _is_separator(p):
            # (each clause and aim anew: "Posting 3 Reels a week, increase reach by 25%", "grow followers, increase
            # reach")
            seen_verb = seen_metric = False
        out.append(p)
    return out


# -- parts of a compound goal --------------------------------------------------------------
# Between two aims of a goal: a conjunction (and, or, «и», «та», «а также») or one of these marks.
_SEPARATORS = (",", ";", "·", "•", "/", "→", "|")
_OPENERS = ("(", "«", "“", "„")
_CLOSERS = (")", "»", "”")
# Side clauses (lexicon METHOD values): a relative clause, a recipient, a modifier, a share, a concession, a
# comparison.
_SIDE = ("relative", "recipient", "modifier", "share", "concession", "comparison")
_SIDE_STOPS = ("prep", "bound", "label", "date", "span", "method", "period", "perpost", "notjust", "contrast",
               "event", "vague", "multiple")
# a dash or a colon ends a side clause too: «Частка голосу серед АЗС — 30%», «Дзвінки для евакуатора — 10 на день»
_SIDE_ENDS = ("—", "–", "-", ":")
# Phrases that state a figure a part can aim at
_FIGURES = ("amount", "rank", "multiple", "bound", "placeholder")


def _is_separator(p: Phrase) -> bool:
    return p.kind == "conj" or (p.kind == "filler" and p.text in _SEPARATORS)


def _place_unknown_verbs(phrases: list[Phrase], function_words: frozenset = frozenset()) -> list[Phrase]:
    """A word we do not know with a verb's ending («прокачать», «розкачати», «бустаните») is the
    verb of a goal, or of a part of one, only where such a verb stands: first in its part, after
    nothing but labels and other words we do not know, or last in a statement with no other verb.
    Elsewhere it is a plain word, as is a function word of the language whatever its ending («соцсети»)."""
    if not any(p.kind == "verb" and p.value == "unknown" for p in phrases):
        return phrases
    if any(p.kind == "verb" and p.value == "unknown" and normalize_word(p.text) in function_words for p in phrases):
        phrases = [p.evolve(kind="filler") if p.kind == "verb" and p.value == "unknown"
                   and normalize_word(p.text) in function_words else p for p in phrases]
    # ... or last, in a statement with no verb we know: «остатки коллекции распродать»
    known = any(p.kind == "verb" and p.value != "unknown" for p in phrases)
    words = [p for p in phrases if p.kind != "filler" or any(ch.isalpha() for ch in p.text)]
    closing = None if known or not words else words[-1]
    out = []
    opening = True
    for p in phrases:
        if p.kind == "verb" and p.value == "unknown" and not opening and p is not closing:
            p = p.evolve(kind="filler")
        if _is_separator(p) or p.kind == "label":
            opening = True
        elif p.kind != "filler":
            opening = False
        out.append(p)
    return out


_SENTENCE_ENDS = (".", "!", "?")
_PART_ENDS = (",", ";", "|")


def _preamble(phrases: list[Phrase], heading: frozenset = frozenset(), possessive: tuple = ()) -> list[Phrase]:
    """What comes before the goal proper says where it comes from, not what it counts: "Assignment 2, SMM
    basics. Pet store case. Goal: increase repeat purchases ...", "Student project (Marketing 201): grow the
    newsletter's open rate ...", «Кейс для курса. Цель: ...». Before a label that opens a new sentence, or
    before a colon after a reference (a number or a bracket and no verb), a metric or a figure there names no
    metric and no target, as long as what follows has a verb and a metric of its own (else the words before
    the colon are the metric: "Email list: 12k by June"; and a metric alone before a colon is the topic the
    rest details: «Повторные покупки: довести долю ...»). So is a heading before a colon, a question or what
    is expected (a word of the list `heading` and no verb: "What we expect from you:", «Що буде результатом
    вашої роботи:», «Ожидаем от кандидата:»). Channels and dates there keep their meaning."""
    cut = None
    at_label = False
    label_word = _label_word(phrases[0] if phrases else None)
    if not label_word:
        # (whose label: "Client's goal:", "Our client's KPI:" are labels, the client no metric)
        j = 0
        while j < min(len(phrases), 3) and not _label_word(phrases[j]) and (
                phrases[j].kind == "filler" or (phrases[j].kind == "metric" and _possessive(
                    _with_apostrophe(phrases, j, possessive), possessive))):
            j += 1
        owner = 0 < j < len(phrases) and any(_possessive(_with_apostrophe(phrases, i, possessive), possessive)
                                             for i in range(j))
        label_word = owner and _label_word(phrases[j])
        if owner and phrases[j].kind == "label":
            cut, at_label = j, True
        elif not owner:
            # "Q2 objective for the client:", "Main goal for the client:": a label after a date or a word
            label_word = any(_label_word(p) and all(q.kind in ("filler", "date") for q in phrases[:i])
                             for i, p in enumerate(phrases[1:3], 1))
    for k, p in enumerate(phrases):
        if k == 0:
            continue
        if label_word and cut is None and p.kind == "filler" and p.text in _LABEL_ENDS and not any(
                q.kind == "verb" for q in phrases[:k]):
            cut = k + 1     # "Goal of the client:", «Цель клиента:», «Ціль проєкту —»: the label runs to its mark
            continue
        if cut is None and 1 < k and (p.kind in ("verb", "multiple") or (
                p.kind == "prep" and p.arg is not None and p.arg.kind == "multiple")) and not any(
                q.kind in ("verb", "label") for q in phrases[:k]):
            # "The client's goal was to double ...", "Our aim for 2025 is to ...": a word that heads a goal, then
            # "was/is to" (words only, at most three) right before the goal's verb or multiple
            j = k - 1
            while j > 0 and k - j <= 3 and phrases[j].kind == "filler" and not _label_word(phrases[j]):
                j -= 1
            if j < k - 1 and _label_word(phrases[j]):
                cut, at_label = k, True
                continue
        if p.kind == "label" and phrases[k - 1].kind == "filler" and phrases[k - 1].text in _SENTENCE_ENDS + _PART_ENDS:
            cut, at_label = k, True     # (after a comma: "Reels 3/week, goal: +500 followers by July")
        elif p.kind == "filler" and p.text == ":" and cut is None and not any(
                q.kind in ("verb", "label") for q in phrases[:k]) and any(
                q.kind == "amount" or q.text in _OPENERS for q in phrases[:k]):
            cut = k + 1     # a reference before a colon: "Assignment 2:", "Student project (Marketing 201):"
        elif p.kind == "filler" and p.text == ":" and cut is None and heading and not any(
                q.kind in ("verb", "label", "amount") for q in phrases[:k]) and any(
                q.kind == "filler" and normalize_word(q.text) in heading for q in phrases[:k]):
            cut, at_label = k + 1, True     # "What we expect:", «Що буде результатом вашої роботи:»
    if cut is None:
        return phrases
    after = phrases[cut:]
    if not ((label_word or at_label or any(q.kind == "verb" for q in after)) and any(q.kind == "metric" for q in after)):
        return phrases      # (after a label word, a KPI line needs no verb: «KPI клиента: CPL ≤ 300 ₽»)
    before = [q.evolve(kind="filler") if q.kind in ("metric", "amount", "verb", "rank") else q for q in phrases[:cut]]
    return before + after


def _with_apostrophe(phrases: list[Phrase], i: int, endings: tuple) -> str:
    """The text of the i-th phrase with an apostrophe written right after it ("partners'", which the
    tokenizer splits off as a mark of its own): a mark of the possessive endings (the lexicon list
    `possessive`: "s'", "s’")."""
    p = phrases[i]
    nxt = phrases[i + 1] if i + 1 < len(phrases) else None
    if nxt is not None and nxt.kind == "filler" and len(nxt.text) == 1 and not nxt.text.isalpha() \
            and any(normalize_word(nxt.text) in e for e in endings) \
            and nxt.span.line == p.span.end_line and nxt.span.column == p.span.end_column:
        return p.text + nxt.text
    return p.text


def _possessive(text: str, endings: tuple) -> bool:
    """Whether a word ends as a possessive does (the lexicon list `possessive`: "client's", "clients'")."""
    word = normalize_word(text)
    return bool(endings) and word.endswith(endings) and len(word) > 2


_HEADING_UNITS = ("day", "week", "month", "quarter", "year")


def _kept(out: list[Phrase], phrases: list[Phrase]) -> list[Phrase]:
    """`out`, or `phrases` itself when a reading changed none of them (the same list, not an equal copy)."""
    return out if len(out) != len(phrases) or any(a is not b for a, b in zip(out, phrases)) else phrases


def _numbered_names(phrases: list[Phrase], numbered: frozenset) -> list[Phrase]:
    """A number right after a word of the lexicons' list `numbered` is the name of what that word names
    ("hotline 122", «на линии 122», «на лінію 15-80»): part of the words, never a figure of the goal; so is
    a number of three digits or more, or one written with a leading zero, right before it ("the 311 line":
    "2 lines", «2 линии» are a count)."""
    if not numbered:
        return phrases
    out = list(phrases)
    n = len(phrases)
    for i, p in enumerate(phrases):
        if p.kind != "amount" or p.value.unit is not None or p.value.signed:
            continue
        before = phrases[i - 1] if i else None
        after = phrases[i + 1] if i + 1 < n else None
        if (before is not None and before.kind == "filler" and normalize_word(before.text) in numbered
                and p.span.line == before.span.end_line) \
                or (after is not None and after.kind == "filler" and normalize_word(after.text) in numbered
                    and p.span.end_line == after.span.line
                    and (p.text.startswith("0") or (p.value.value is not None and p.value.value >= 100))):
            out[i] = p.evolve(kind="filler", value=p.text)
    return out


def _where_counts(phrases: list[Phrase], lex) -> list[Phrase]:
    """A count of places after a preposition of where (the lexicons' list `where_preps`): "in 5 cities",
    "across 3 platforms", «в 3 городах», «на 2 новых маркетплейсах», «у п'яти містах». It says where the goal
    is pursued, never by how much or to what level: the preposition becomes "where", whose figure is the
    count an activity does and else the means (_amount_claims). The place is a noun of the list `places`,
    or (ru, uk) any noun in the prepositional plural (`locative_plural`: no other case of a plural noun ends
    so; the accusative and genitive of a change are «на 200 подписчиков», «на 5 заявок»), after at most two
    words that describe it ("5 new cities", «3 крупных городах»: `adjective_plural` in ru and uk)."""
    preps = lex.listed("where_preps")
    if not preps or not any(p.kind == "amount" or (p.kind == "prep" and p.arg is not None and p.arg.kind == "amount")
                            for p in phrases):
        return phrases
    places, endings = lex.listed("places"), tuple(lex.listed("locative_plural"))
    adjectives = tuple(lex.listed("adjective_plural"))
    out: list[Phrase | None] = list(phrases)
    n = len(phrases)
    for i, p in enumerate(phrases):
        if p.kind == "prep" and p.arg is not None and p.arg.kind == "amount" and p.toks \
                and normalize_word(str(p.toks[0])) in preps:
            amount, k = p.arg, i + 1
        elif p.kind == "filler" and normalize_word(p.text) in preps and i + 1 < n and phrases[i + 1].kind == "amount":
            amount, k = phrases[i + 1], i + 2
        else:
            continue
        if amount.value.unit is not None or amount.value.signed or amount.value.value is None:
            continue
        j = k
        while j < n and j - k < 2 and _describes_place(phrases[j], places, adjectives):
            j += 1
        noun = phrases[j] if j < n else None
        if noun is None or not (
                (noun.kind in ("filler", "channel") and normalize_word(noun.text) in places)
                or (endings and noun.kind in ("metric", "channel", "filler")
                    and noun.text.rsplit(" ", 1)[-1].lower().endswith(endings))):
            continue
        if noun.kind == "metric" and p.value != "on" and not any(q.kind == "metric" for q in phrases[:i]):
            continue    # «принять участие в трёх выставках»: the places are what the goal counts
        if k == i + 1:
            out[i] = p.evolve(value="where")
        else:       # "across 3": the word and the figure as one preposition
            out[i] = Phrase("prep", p.span.cover(amount.span), f"{p.text} {amount.text}", "where", amount,
                            toks=p.toks + amount.toks)
            out[i + 1] = None
    return _kept([p for p in out if p is not None], phrases)


def _describes_place(p: Phrase, places: frozenset, adjectives: tuple) -> bool:
    """Whether a word between a count and its place describes the place ("new", "key", «крупных», «нових»):
    in English any word we do not know that is no place itself, in Russian and Ukrainian an adjective's
    plural ending (the lexicons' list adjective_plural)."""
    if p.kind == "new":
        return True
    if p.kind != "filler" or not p.text.isalpha() or normalize_word(p.text) in places:
        return False
    return p.text.lower().endswith(adjectives) if adjectives else True


def _what_for(phrases: list[Phrase], words: frozenset) -> list[Phrase]:
    """A preposition of the lexicon list `what_for` («на») with a season, a holiday or an event right after a
    metric's noun says what the thing counted is for, not by when the goal is due: «больше бронирований на
    бархатный сезон», «ROMI кампании на майские», «продажі абонементів на сезон» (English has no such list:
    "sales on Black Friday" is that day)."""
    if not words:
        return phrases
    out = list(phrases)
    for i in range(1, len(phrases)):
        p = phrases[i]
        if p.kind == "prep" and p.arg is not None and p.arg.kind in ("season", "named", "event") and p.toks \
                and normalize_word(str(p.toks[0])) in words \
                and (phrases[i - 1].kind == "metric" or _noun_word(phrases[i - 1])):
            out[i] = p.evolve(kind="filler", value=p.text, arg=None)
    return out


def _label_word(p: Phrase | None) -> bool:
    """Whether a phrase is a word the tagger could read as a goal's label ("Target", «Цель») but left a word."""
    return p is not None and p.kind == "filler" and bool(p.toks) and any(t == "LABEL" for t, _ in p.toks[0].alts)


def _noun_word(p: Phrase) -> bool:
    """Whether a phrase is a word we do not know that is no label («абонементів», not «Ціль»)."""
    return p.kind == "filler" and p.text.isalpha() and not _label_word(p)


def _label_words(phrases: list[Phrase]) -> bool:
    """Whether phrases are a goal's label and the words after it ("Target for", «Цель на», «Ціль на»)."""
    return bool(phrases) and (phrases[0].kind == "label" or _label_word(phrases[0])) and all(
        p.kind in ("filler", "prep") and not any(ch.isdigit() for ch in p.text) for p in phrases[1:])


def _timed_heading(phrases: list[Phrase]) -> list[Phrase]:
    """A span of days, weeks or months heading a plan's line ("Day 90:", "Week 2:", «Неделя 1–2:», "First two
    weeks:", «Перші 30 днів:», "Target for your first 90 days:"): the line's goals are due by its end, counted
    from the start, as "within 90 days" says."""
    k = next((k for k in range(len(phrases) - 3) if (k == 0 or phrases[k - 1].kind == "label" or (
                  phrases[k - 1].kind == "filler" and phrases[k - 1].text in _LABEL_ENDS + _PART_ENDS + _SENTENCE_ENDS)
                  or _label_words(phrases[:k]))
              and phrases[k].kind == "filler" and phrases[k + 1].kind == "amount"
              and phrases[k + 2].kind == "filler" and phrases[k + 2].text in _LABEL_ENDS), None)
    if k is None:
        return phrases
    head, amt = phrases[k], phrases[k + 1]
    q = amt.value
    unit = next((m for t, m in head.alts if t == "UNIT"), None)
    if unit in _HEADING_UNITS and q.unit is None:
        count = q.high if q.high is not None else q.value      # «Неделя 1–2:»: by the end of the second
    elif q.unit in _HEADING_UNITS and q.low is None and any(t == "ORDINAL" and m == "1" for t, m in head.alts):
        count, unit = q.value, q.unit                          # "First two weeks:", «Перші 30 днів:»
    else:
        return phrases
    if count is None or count <= 0:
        return phrases
    span = head.span.cover(amt.span)
    text = f"{head.text} {amt.text}"
    when = Phrase("amount", span, text, Quantity(count, unit=unit), toks=(*head.toks, *amt.toks))
    return [*phrases[:k], Phrase("prep", span, text, "within", arg=when, toks=when.toks), *phrases[k + 2:]]


def _current_then_goal(phrases: list[Phrase]) -> list[Phrase]:
    """A figure before a goal's label and another after it ("Followers 3200, goal: 5000 by June",
    «Подписчики 3200, цель — 5000 к июню»), or before a dash and another after it, which no verb comes
    before ("Churn is 9% — bring it to 5% by year end"): the first is where the metric stands today, the
    second its target, as "from 3200 to 5000" says."""
    k = next((k for k, p in enumerate(phrases) if p.kind == "label" and k > 1 and phrases[k - 1].kind == "filler"
              and phrases[k - 1].text in _PART_ENDS), None)
    dash = k is None
    if dash:
        k = next((k for k, p in enumerate(phrases) if k > 1 and p.kind == "filler" and p.text in _DASHES), None)
    after = None if k is None else next(
        (p if p.kind == "amount" else p.arg for p in phrases[k + 1:k + 4] if p.kind == "amount" or (
            p.kind == "prep" and p.arg is not None and p.arg.kind == "amount" and p.value in _LEVEL_PREPS)), None)
    if after is None or any(p.kind == "metric" for p in phrases[k + 1:]):
        return phrases      # («Охват 1500, цель: 300 заявок»: the goal names a metric of its own)
    before = [i for i, p in enumerate(phrases[:k]) if p.kind == "amount"]
    if len(before) != 1 or not any(p.kind == "metric" for p in (phrases[:k] if dash else phrases[:before[0]])) \
            or any(p.kind in ("verb", "prep", "bound") for p in phrases[:k]) \
            or (dash and phrases[before[0]].value.unit != after.value.unit
                and not {phrases[before[0]].value.unit, after.value.unit} <= set(_TIME_UNITS)):
        return phrases      # ("Sales $10k — up 20%": a change of it, not a level)
    i = before[0]
    a = phrases[i]
    out = list(phrases)
    out[i] = Phrase("prep", a.span, a.text, "from", arg=a, toks=a.toks)
    return out


def _wished_levels(phrases: list[Phrase], past: frozenset, wish: frozenset) -> list[Phrase]:
    """A past form of "be" before a figure is where the metric stood ("CPL was $12, target $8", «было 2%, нужно
    4%», «було 1200 переглядів»: the lexicons' PREP `from`), but after a word of wishing (the list `wish`:
    «чтобы», «щоб», "wish") it is the mood of the wish, and the figure is the level wished for («надо, чтобы
    рейтинг был хотя бы 4,8», «хочу, щоб було 5 тисяч підписників»). The past forms are the list `past`."""
    if not past or not wish or not any(p.kind == "prep" and p.value == "from" for p in phrases):
        return phrases
    out = list(phrases)
    wished = False
    for i, p in enumerate(phrases):
        if not wished:      # («чтобы» is a word of its own, or opens a purpose: METHOD)
            wished = p.kind in ("filler", "method") and normalize_word(p.text) in wish
        elif p.kind == "prep" and p.value == "from" and p.arg is not None and p.toks \
                and normalize_word(str(p.toks[0])) in past:
            out[i] = p.arg
    return _kept(out, phrases)


def _dated_baselines(phrases: list[Phrase]) -> list[Phrase]:
    """A month or a date right after the figure a goal starts from says when it stood there ("from 0.8% in
    March to 1.5% by the end of Q2", «с 0,8% в марте до 1,5%», "CTR was 0.8% in March"): it is no deadline."""
    if not any(p.kind == "prep" and p.value == "from" for p in phrases):
        return phrases
    out = list(phrases)
    for i in range(1, len(phrases)):
        p, before = phrases[i], phrases[i - 1]
        if p.kind == "prep" and p.value == "in" and p.arg is not None and p.arg.kind == "date" \
                and before.kind == "prep" and before.value == "from" and before.arg is not None \
                and before.arg.kind in _FIGURES:
            out[i] = p.evolve(kind="filler", value=p.text, arg=None)
    return _kept(out, phrases)


def _unnamed_events(phrases: list[Phrase], preps: frozenset, function_words: frozenset, text: str,
                    places: frozenset = frozenset(), day_parts: frozenset = frozenset()) -> list[Phrase]:
    """A preposition of time (the lexicons' list `event_preps`: "before", "during", «перед») with only words
    after it, up to the end of the statement or of its part, ties the goal to an event the lexicons do not
    name: "before the AGM", "during the emergency appeal", "before my channel anniversary", «перед ярмаркой
    вакансий». It is a deadline of an event with no date, as "before the launch" is. Only nouns and the words
    around them may follow (at most five, one of them a word that is no function word or names a place: "before
    the new store opens"); a figure, a date, a unit of time or a verb we know means the words are something
    else ("before 5 pm", "during working hours"); so does a part of the day right before the preposition (the
    list `day_parts`: "every Friday morning before the shop opens" is when in the day)."""
    if not preps:
        return phrases
    n = len(phrases)
    for i, p in enumerate(phrases):
        if p.kind != "filler" or i + 1 >= n or normalize_word(p.text) not in preps:
            continue
        if i and phrases[i - 1].kind == "filler" and normalize_word(phrases[i - 1].text) in day_parts:
            continue
        end = i + 1     # ("the members' assembly": an apostrophe is part of the words)
        while end < n and not _is_separator(phrases[end]) and phrases[end].text not in _SENTENCE_ENDS:
            end += 1
        words = phrases[i + 1:end]
        if not 0 < len(words) <= 6 or not all(
                q.kind in ("filler", "metric", "channel", "method", "new")
                and (q.text[:1].isalpha() or q.text in ("'", "’"))
                for q in words) \
                or not any(q.kind == "filler" and (normalize_word(q.text) not in function_words
                                                   or normalize_word(q.text) in places) for q in words):
            continue
        if not p.toks or not words[-1].toks:
            continue
        first, last = p.toks[0], words[-1].toks[-1]
        said = text[first.start_pos:last.end_pos]   # (with the words the tagger skips: "before the AGM")
        toks = (*p.toks, *(t for q in words for t in q.toks))
        event = Phrase("event", p.span.cover(words[-1].span), said, "event", toks=toks)
        return [*phrases[:i], event, *phrases[end:]]
    return phrases


def _is_share(p: Phrase, shares: frozenset) -> bool:
    """A word of a share ("share", «доля», «частка»: the lexicons' [function_words] share) or a figure in percent."""
    if p.kind == "filler":
        return normalize_word(p.text) in shares
    return p.kind == "amount" and p.value.unit == "%"


def _shares_doing(phrases: list[Phrase], info, shares: frozenset, infinitive_marks: frozenset) -> list[Phrase]:
    """A share of people who do something is the rate of what they do, not a count of them: "the share of
    customers who come back" (retention), «доля покупателей, которые покупают повторно» (repeat purchases),
    «частка клієнтів, які рекомендують нас» (referrals), "get 40% of guests to book a second visit"; and
    people as such doing something are counted by what they do ("get more people to visit the website"). The
    people's metric takes the metric of the clause's verb (the lexicons' VERB "class:metric"), else of the
    verb's object; the clause is then the side clause it always was, or, after "to", its words."""
    out = list(phrases)
    n = len(phrases)
    for k in range(1, n - 1):
        p = phrases[k]
        relative = p.kind == "method" and p.value == "relative"
        infinitive = p.kind == "filler" and normalize_word(p.text) in infinitive_marks \
            and phrases[k + 1].kind in ("verb", "filler")
        if not (relative or infinitive):
            continue
        j = k - 1
        if relative and phrases[j].kind == "filler" and phrases[j].text == "," and j > 0:
            j -= 1      # «клиентов, которые ...»
        people = phrases[j]
        # a count of people who are to do something: "get 200 students to sign up", "get 50 customers to leave a
        # review" (they are counted by what they do)
        counted = infinitive and j > 0 and phrases[j - 1].kind == "amount" and people.kind == "metric" \
            and info[people.value].unit_kind == "count" and not info[people.value].activity
        shared = any(_is_share(q, shares) for q in phrases[max(0, j - 3):j])
        if people.kind != "metric" or not (info[people.value].people or counted or shared):
            continue    # (people as such need no share: "get more people to visit the website")
        verb = phrases[k + 1]
        # (a word we do not know right after "to", where a count or a share of people comes before: "get 50
        # customers to leave a review", "get 50% of visitors to leave an inquiry")
        if verb.kind != "verb" and not ((counted or (infinitive and shared)) and verb.kind == "filler"
                                        and verb.text.isalpha() and verb.span.column == p.span.end_column + 1):
            continue    # (a word skipped between, "visits to the online booking page", makes "to" a preposition)
        implied = verb.value.partition(":")[2] if verb.kind == "verb" else ""
        mi = info.get(implied) if implied else None
        # what the verb takes, before what the verb itself counts ("to book a second visit" is a return, where
        # "to book" alone counts bookings; «которые оформляют подписку»)
        obj = next((i for i in range(k + 2, min(n, k + 5)) if phrases[i].kind == "metric"), None)
        if obj is not None and (_is_separator(phrases[obj - 1]) or info[phrases[obj].value].activity):
            obj = None
        if obj is None and mi is not None and not mi.activity and not mi.time:
            out[j] = people.evolve(value=implied)
            if infinitive:
                out[k + 1] = verb.evolve(kind="filler")
            continue
        if obj is None:
            continue
        out[j] = people.evolve(value=phrases[obj].value)
        if infinitive:
            out[k + 1] = verb.evolve(kind="filler")
            out[obj] = phrases[obj].evolve(kind="filler")
    for k in range(2, n):
        # «доля обращений, решённых при первом контакте»: a share of them that a rate names (a participle's)
        p, before = phrases[k], phrases[k - 1]
        if p.kind != "metric" or info[p.value].unit_kind != "percent" or not (
                before.kind == "filler" and before.text == ","):
            continue
        j = k - 2
        if out[j].kind == "metric" and out[j].value == phrases[j].value and any(
                _is_share(q, shares) for q in phrases[max(0, j - 3):j]):
            out[j] = phrases[j].evolve(value=p.value)
            out[k] = p.evolve(kind="filler")
    return out


def _accompanied(phrases: list[Phrase], words: frozenset) -> list[Phrase]:
    """«с», «з» (the lexicons' [function_words] accompanied) before a word, not a figure, say what comes with
    the goal's object («рилс с питомцами наших клиентов», «рілси з улюбленцями покупців»): a modifier, whose
    metric words qualify and are never the goal's."""
    if not words:
        return phrases
    out = list(phrases)
    for i, p in enumerate(phrases[:-1]):
        nxt = phrases[i + 1]
        if p.kind == "filler" and normalize_word(p.text) in words and nxt.kind in ("filler", "metric") and nxt.text[:1].isalpha() \
                and any(q.kind == "metric" for q in phrases[:i]):
            out[i] = p.evolve(kind="method", value="modifier")
    return out


def _yield_verb(phrases: list[Phrase], at: int, yields: frozenset) -> int:
    """How many phrases after `at` say "brings" (1, or 2 with a helper verb: "will bring", «будет приносить»);
    0 when they do not."""
    words = ""
    for n, p in enumerate(phrases[at + 1:at + 3], 1):
        if p.kind not in ("verb", "filler"):
            return 0
        words = f"{words} {normalize_word(p.text)}".lstrip()
        if words in yields or (p.kind == "verb" and words.split(" ", 1)[0] in yields):
            return n
    return 0


def _yielded(phrases: list[Phrase], at: int, main: list[Phrase], yields: frozenset, info) -> int:
    """Whether the relative clause whose pronoun is `phrases[at]` says what a thing the goal builds or
    launches brings (how many phrases say "brings"; 0 when it does not): "set up a referral system that
    brings 100 leads a month", «запустить чат-бота, который приносит 30 заявок в неделю», «створити систему,
    яка приносить прибуток». Its verb is one of the lexicon list `yields` and it names a metric; the goal
    before it has no figure, its verb (if any) builds or launches (or we do not know it), and the clause
    qualifies a thing, not a metric the goal already moves. Such a clause is the goal's result, a part of
    its own."""
    said = _yield_verb(phrases, at, yields)
    if not said:
        return 0
    verb = phrases[at + said]
    clause = []
    for q in phrases[at + said + 1:]:
        if _is_separator(q) or q.kind == "method" or (q.kind == "verb" and q.value != "unknown"):
            break
        clause.append(q)
    implied = verb.kind == "verb" and verb.value.partition(":")[2]
    if not (implied and not info[implied].activity) \
            and not any(q.kind == "metric" and not info[q.value].activity for q in clause):
        return 0
    before = [q for q in main if not (q.kind == "filler" and q.text == ",")]
    if not before or _has_figure(main):
        return 0
    verbs = [q for q in main if q.kind == "verb"]
    if verbs and verbs[-1].value.partition(":")[0] not in ("activity", "achieve", "unknown"):
        return 0
    last = before[-1]
    return said if last.kind in ("filler", "channel") or (last.kind == "metric" and info[last.value].activity) else 0


def _split_side(phrases: list[Phrase], floor_from: frozenset = frozenset(), yields: frozenset = frozenset(),
                info=None, ranked_by: frozenset = frozenset()) -> tuple[list[Phrase], list[Phrase]]:
    """Take out the side clauses: a relative clause ("who ...", «которые ...», «які ...»), a
    recipient («для клиентов», "among students", "for 90% of users") or a modifier («под холодный
    трафик», "without ad spend"). A metric word there qualifies the goal's object and is never its
    metric, and a number there is never its target. A clause ends at a separator, a prepositional
    figure or date, or a verb (a relative clause keeps its own first verb); a modifier ends at a signed
    change («выручка с маркетплейсов +25%»: the goal's change of what comes from there); it keeps a floor after
    its noun (`floor_from`: «со средней оценкой от 4,5»); a recipient after a place ends at a word of `ranked_by`
    (what the place is ranked by: «первыми среди кофеен по отзывам»)."""
    if not any(p.kind == "method" and p.value in _SIDE for p in phrases):
        return phrases, []
    main: list[Phrase] = []
    side: list[Phrase] = []
    i, n = 0, len(phrases)
    while i < n:
        p = phrases[i]
        i += 1
        if p.kind != "method" or p.value not in _SIDE:
            main.append(p)
            continue
        if p.value == "relative" and not [q for q in main if q.kind not in ("label", "conj")]:
            main.append(p.evolve(kind="filler"))    # "That means ...": no noun before it to qualify
            continue
        said = _yielded(phrases, i - 1, main, yields, info) if p.value == "relative" and yields else 0
        if said:
            # "a referral system that brings 100 leads a month": what it brings is a part of the goal
            main.append(p.evolve(kind="conj", value="yields"))
            verb = phrases[i + said - 1]
            if verb.kind != "verb" or ":" not in verb.value:
                verb = verb.evolve(kind="verb", value="achieve")
            main.append(verb)
            i += said
            continue
        if p.value == "share":
            # "of" is a share only after "for N%": "for 90% of users"
            prev = main[-1] if main else None
            if not (prev is not None and prev.kind == "prep" and prev.value == "over"
                    and prev.arg.kind == "amount" and prev.arg.value.unit == "%"):
                main.append(p.evolve(kind="filler"))
                continue
            side.append(main.pop())
        after_comma = bool(main) and main[-1].kind == "filler" and main[-1].text == ","
        if after_comma:
            side.append(main.pop())     # the clause's opening comma
        side.append(p)
        own_verb = p.value in ("relative", "concession")
        concession = p.value == "concession"
        while i < n:
            q = phrases[i]
            if concession and not _is_separator(q) and q.kind != "verb":
                side.append(q)      # a concession keeps its own figures and dates: "despite the rush before Christmas"
                i += 1
                continue
            if p.value == "modifier" and q.kind == "prep" and q.value == "from" and q.arg.kind == "amount" \
                    and side[-1].kind == "metric" and q.toks and normalize_word(str(q.toks[0])) in floor_from:
                side.append(q)      # «со средней оценкой от 4,5»: the floor of what comes with it, not where it starts
                i += 1
                continue
            if p.value == "comparison" and q.kind in ("span", "date", "season", "year") and not _is_separator(q):
                side.append(q)      # "vs last year", «у порівнянні з І кварталом»: the period compared with
                i += 1
                continue
            if p.value in ("recipient", "modifier") and q.kind == "conj" and not any(x.kind == "metric" for x in side) \
                    and _words_to_noun(phrases, i + 1):
                side.append(q)      # «для новых и постоянных клиентов»: one recipient, its words joined
                i += 1
                continue
            if p.value == "recipient" and q.kind == "filler" and normalize_word(q.text) in ranked_by \
                    and any(r.kind == "rank" or (r.kind == "prep" and r.arg is not None and r.arg.kind == "rank")
                            for r in main):
                break   # «номером один среди перевозчиков Сибири по упоминаниям»: what the place is ranked by
            if _is_separator(q) or q.kind in _SIDE_STOPS or (q.kind == "filler" and q.text in _SIDE_ENDS) or (
                    q.kind == "amount" and q.toks and q.toks[0].type == "FRACTION") or (
                    p.value == "modifier" and q.kind == "amount" and q.value.signed) or (
                    q.kind == "filler" and any(
                    t in ("PREP", "METHOD_BY") for tok in q.toks for t, _ in tok.alts)):
                break   # ... or at a preposition: "among bakeries in Odesa by followers"
            if q.kind == "verb":
                if not own_verb:
                    break
                own_verb = False
            side.append(q)
            i += 1
        if after_comma and i < n and phrases[i].kind == "filler" and phrases[i].text == ",":
            side.append(phrases[i])     # «клиентов, которые ..., на 10%»: the clause's closing comma
            i += 1
    return main, side


def _aimful(seg: list[Phrase]) -> bool:
    """Whether a stretch between separators states an aim of its own: a metric, a verb or a figure."""
    return any(p.kind in ("metric", "verb") for p in seg) or _has_figure(seg)


def _has_figure(seg: list[Phrase], starts: bool = True) -> bool:
    """Whether a stretch has a figure (`starts`: counting a figure it starts from, "from 3,000")."""
    for p in seg:
        if p.kind in _FIGURES:
            return True
        if p.kind == "prep" and p.arg.kind in _FIGURES and not (
                p.arg.kind == "amount" and p.arg.value.unit in _TIME_UNITS) and (starts or p.value != "from"):
            return True
    return False


def _figure_for(before: list[Phrase], seg: list[Phrase]) -> bool:
    """A stretch with only a figure after an aim with none, or with only the figure it starts from,
    gives that aim its figure ("more leads, at least 10 a day", «більше лідів, хоча б 10 на день»,
    «сейчас 500 подписчиков, хотим 1 000»)."""
    return not any(p.kind in ("metric", "verb") for p in seg) and _has_figure(seg) \
        and any(p.kind == "metric" for p in before) and not _has_figure(before, starts=False)


def _start_for(seg: list[Phrase]) -> bool:
    """A stretch with only the figure an aim starts from, after the aim ("40 comments a post, up from
    10", «25%, а сейчас едва 10»): the aim's baseline."""
    return not any(p.kind in ("metric", "verb") for p in seg) and _has_figure(seg) \
        and not _has_figure(seg, starts=False)


def _brings(seg: list[Phrase]) -> bool:
    """Whether a part is what a thing the goal builds brings (it opens with _split_side's "yields" mark)."""
    return bool(seg) and seg[0].kind == "conj" and seg[0].value == "yields"


def _modifier_opens(p: Phrase, for_what: frozenset) -> bool:
    """Whether a phrase opens what a metric is counted for: "for" (the lexicon list `for_what`), «для» (a
    recipient or a modifier)."""
    return (p.kind == "filler" and normalize_word(p.text) in for_what) or (
        p.kind == "method" and p.value in ("recipient", "modifier"))


def _words_to_noun(phrases: list[Phrase], k: int) -> bool:
    """Whether the phrases from k are words (or channels) up to a metric's noun ("display ads", «постоянных
    клиентов»: the words after "and" in "for search and display ads", «для новых и постоянных клиентов»)."""
    while k < len(phrases) and phrases[k].kind in ("filler", "channel"):
        k += 1
    return k < len(phrases) and phrases[k].kind == "metric"


def _joins_modifiers(before: list[Phrase], seg: list[Phrase], for_what: frozenset) -> bool:
    """Whether a conjunction joins the words of what a metric is counted for, not two aims: "CPC for search
    and display ads" (_split_side keeps «CPC для поисковой и медийной рекламы» in its clause). The stretch
    before it ends in such a modifier (an opener and words, no noun of a metric), and the one after it is words
    up to the noun they all describe (_words_to_noun), with no verb."""
    if not seg or seg[0].kind != "conj" or any(p.kind == "verb" for p in seg) or not _words_to_noun(seg, 1):
        return False
    j = len(before) - 1
    while j > 0 and before[j].kind in ("filler", "channel", "new") and not _modifier_opens(before[j], for_what):
        j -= 1
    return j < len(before) - 1 and _modifier_opens(before[j], for_what) \
        and any(p.kind == "metric" for p in before[:j])


def _segments(main: list[Phrase], for_what: frozenset = frozenset()) -> list[list[Phrase]]:
    """The goal's phrases cut into its parts, at separators. A stretch with no aim of its own
    (", by June", "· a referral programme") belongs to the part before it; a verb alone
    ("increase and keep sales") shares the object of the part after it; a conjunction inside what a metric
    is counted for joins no aims (_joins_modifiers)."""
    if not any(p.kind == "conj" or (p.kind == "filler" and p.text in _SEPARATORS) for p in main):
        return [main]
    segs: list[list[Phrase]] = [[]]
    depth = 0
    for p in main:
        if p.kind == "filler" and p.text in _OPENERS:
            depth += 1
        elif p.kind == "filler" and p.text in _CLOSERS:
            depth = max(0, depth - 1)
        elif _is_separator(p) and segs[-1] and not depth:
            # (a list in brackets or quotes explains the part it is in)
            segs.append([])
        segs[-1].append(p)
    merged: list[list[Phrase]] = []
    pending: list[Phrase] = []
    for seg in segs:
        content = [p for p in seg if not _is_separator(p)]
        if content and all(p.kind == "verb" for p in content) and not _brings(seg):
            pending.extend(seg)          # a verb with no object of its own (what a means brings is an aim)
            continue
        if merged and (not _aimful(seg) or (not pending and (_figure_for(merged[-1], seg) or _start_for(seg) or (
                _joins_modifiers(merged[-1], seg, for_what))))):
            merged[-1].extend(pending + seg)
        else:
            merged.append(pending + seg)
        pending = []
    if pending:
        if merged:
            merged[-1].extend(pending)
        else:
            merged.append(pending)
    if len(merged) > 1 and not _aimful(merged[0]):
        merged[1] = merged[0] + merged[1]
        del merged[0]
    return merged


def _unbracketed_metrics(phrases: list[Phrase]) -> list[Phrase]:
    """The metrics of a part, but those in round brackets with a figure where one is outside them: a note in
    brackets with a figure describes what it follows ("hire 3 micro-influencers (10-50K followers)"), where a
    name alone glosses it ("30 student stories (UGC)") and stays a metric of the part."""
    metrics, noted, group, depth = [], [], [], 0
    for p in phrases:
        if p.kind == "filler" and p.text == "(":
            depth += 1
        elif p.kind == "filler" and p.text == ")" and depth:
            depth -= 1
            if not depth:
                (noted if _has_figure(group) else metrics).extend(q for q in group if q.kind == "metric")
                group = []
        elif depth:
            group.append(p)
        elif p.kind == "metric":
            metrics.append(p)
    metrics += [q for q in group if q.kind == "metric"]        # (a bracket never closed)
    return metrics or noted


class _PartInfo:
    """A part of the goal while it is assembled: its phrases, verb (own or shared), metric,
    figures, and the group of parts that share its verb (the index of the part that has it)."""

    __slots__ = ("phrases", "verb", "own_verb", "verb_cls", "implied", "metric", "claims", "group", "means")

    def __init__(self, phrases, verb=None, own_verb=False):
        self.phrases = phrases
        self.verb = verb
        self.own_verb = own_verb
        self.verb_cls = self.implied = self.metric = None
        self.claims: list = []
        self.group = 0
        self.means = False      # its metric only names what a means it builds is for (_built_means)


def _part_verb(seg: list[Phrase], lang: str) -> Phrase | None:
    """The part's verb: its first known verb, else a verb we do not know that opens it (ru/uk: by
    its ending, see the lexicons' VERB 'unknown'), else in English a word we do not know that opens
    it right before its object ("skyrocket followers": a base form, which has no ending to tell)."""
    verbs = [p for p in seg if p.kind == "verb"]
    known = next((p for p in verbs if p.value != "unknown"), None)
    if known is not None and known.value in ("achieve", "attract"):
        # "get saves on carousels up 30%": a verb of change right before the figure says how it is got
        # "get comments per post up by June": or right after its object, ending it ("a follower growth
        # strategy" is a noun's words)
        moved = next((p for o, p, q in zip([None, *seg], seg, [*seg[1:], None]) if p.kind == "verb"
                      and p is not known and p.value in ("increase", "decrease")
                      and ((q is not None and q.kind == "amount") or (
                          o is not None and o.kind in ("metric", "perpost")
                          and (q is None or q.kind in ("prep", "period", "placeholder", "event")
                               or _is_separator(q))))),
                     None)
        if moved is not None:
            return moved
    if known is not None or verbs:
        return known or verbs[0]
    if lang != "en":
        return None
    content = [p for p in seg if not _is_separator(p) and p.kind != "label"]
    if len(content) >= 2 and content[0].kind == "filler" and content[1].kind in (
            "metric", "new", "more", "less", "channel", "amount", "placeholder", "multiple"):
        tok = content[0].toks[0] if content[0].toks else None
        word = content[0].text
        if tok is not None and tok.type == "WORD" and not tok.alts and word.replace("-", "").isalpha():
            return content[0].evolve(kind="verb", value="unknown")
    return None


def _verb_as_metric(pi: "_PartInfo", info) -> "_PartInfo":
    """In a further part, a verb that is also a metric word and takes a prepositional figure is
    the metric: "grow followers to 10,000 and reach to 50,000" (but "... and reach 50,000 followers")."""
    seq = [p for p in pi.phrases if not _is_separator(p)]
    verb = pi.verb
    if verb not in seq:
        return pi
    k = seq.index(verb)
    alt = next((m for t, m in verb.alts if t == "METRIC"), None)
    if alt is None or k + 1 >= len(seq):
        return pi
    people = [p for p in seq if p.kind == "metric"]
    if people and all(info[p.value].people for p in people) and any(p.kind == "amount" for p in seq):
        # "... and reach 50,000 people": the people are whom the verb's metric counts; the verb stays
        return _PartInfo([p.evolve(value=alt) if p in people else p for p in pi.phrases], verb, pi.own_verb)
    if seq[k + 1].kind not in ("prep", "bound"):
        return pi
    metric = verb.evolve(kind="metric", value=alt, alts=())
    return _PartInfo([metric if p is verb else p for p in pi.phrases])


def _says_new(phrases: list[Phrase], metric: Phrase | None, info) -> bool:
    """Whether "new" qualifies what the goal counts ("1,500 new clients", «новых корпоративных клиентов»),
    not another noun ("before the new store opens", «отзывы на новую модель», "on the new franchise
    account"): a metric right after it, or after one more word or a figure («ещё 3000 подписчиков», «ще 5 тисяч
    підписників»: that many more); not a new thing of another kind than the part's own `metric` counts
    ("10,000 visits to the new landing page" are not new visits)."""
    for k, p in enumerate(phrases):
        if p.kind != "new" or (k and phrases[k - 1].kind == "event"):
            continue    # («до открытия нового клуба»: the event's words)
        nxt = phrases[k + 1:k + 3]
        named = nxt[0] if nxt and nxt[0].kind == "metric" else (
            nxt[1] if len(nxt) > 1 and nxt[0].kind in ("filler", "amount") and nxt[1].kind == "metric" else None)
        if named is not None and (metric is None or named.value == metric.value
                                  or not info[named.value].activity or info[metric.value].activity):
            return True
    return False


def _past_subject(metrics: list[Phrase], phrases: list[Phrase], modal: frozenset,
                  plain: frozenset = frozenset()) -> list[Phrase]:
    """The metrics of a part without its subject: a metric that opens the statement before a `modal` and its
    verb (any word there, known or not), when the verb takes another metric as its object ("Partners must bring 50 leads a month", «Клиенты должны оставлять 100
    отзывов в месяц»: what is counted is the leads, the reviews, not who brings or leaves them)."""
    where = {id(p): i for i, p in enumerate(phrases)}
    first = where.get(id(metrics[0]))
    if first is None or any(q.kind not in ("label", "filler") for q in phrases[:first]):
        return metrics
    k = first + 1
    # (one word may come first: a verb of wanting, "The client wanted to triple bookings", «Клиент хотел получить
    # 200 отзывов», where the infinitive after it is the verb; or a verb we do not know before a count)
    wants = k < len(phrases) and phrases[k].kind == "filler" and phrases[k].text.isalpha() \
        and normalize_word(phrases[k].text) not in modal and normalize_word(phrases[k].text) not in plain
    k += wants
    modals = 0
    while k < len(phrases) and phrases[k].kind == "filler" and normalize_word(phrases[k].text) in modal:
        k, modals = k + 1, modals + 1
    if k < len(phrases) and phrases[k].kind == "prep" and phrases[k].arg is not None \
            and phrases[k].arg.kind == "multiple" and normalize_word(phrases[k].text.split(" ", 1)[0]) in modal:
        modals += 1     # "wanted to triple": "to" and the multiple read as one phrase
    elif not (modals or (wants and k < len(phrases) and phrases[k].kind in ("verb", "amount", "multiple"))):
        return metrics
    if k == len(phrases) or phrases[k].kind not in ("verb", "filler", "prep", "amount", "multiple"):
        return metrics
    k += phrases[k].kind != "amount"    # ("Customers leave 100 reviews a month": a verb we do not know, its count)
    while k < len(phrases) and phrases[k].kind in ("filler", "amount", "channel", "bound", "fresh"):
        k += 1                          # ("an average Google Maps", "50")
    if k < len(phrases) and phrases[k].kind == "metric" and any(m is phrases[k] for m in metrics):
        return metrics[1:]
    return metrics


def _has_object(pi: "_PartInfo") -> bool:
    """Whether the part names something besides its verb: a metric, a channel or a word."""
    return any(p is not pi.verb and (p.kind in ("metric", "channel", "placeholder")
                                     or (p.kind == "filler" and any(ch.isalpha() for ch in p.text)))
               for p in pi.phrases)


def _unplaced(phrases: list[Phrase], verbs: set, function_words: frozenset) -> tuple[str, ...]:
    """Words of the statement that no reading fits (not keywords, not function words, not slots),
    in order, once each; `verbs`: the texts of the words read as a part's verb."""
    out: list[str] = []
    for p in phrases:
        if p.kind != "filler" or p.text in verbs:
            continue
        for tok in p.toks:
            word = str(tok)
            unknown = (tok.type == "WORD" and not tok.alts) or (tok.type == "VERB" and tok.meaning == "unknown")
            if unknown and sum(ch.isalpha() for ch in word) >= 2 and word not in out \
                    and normalize_word(word) not in function_words:
                out.append(word)
    return tuple(out)


class _Frame(Record):
    """What the figures of one part are read against, in one call of Assembler.build: the
    statement's language, the day relative deadlines count from, whether it has a "from N",
    whether it states a time level; and for the part, whether its metric is a time, whether its
    verb produces ("sell", "get": «на 1 млн грн» is then an amount, not a change), whether it says "new",
    whether its verb is an activity ("speak", «выступить») or one of answering, and whether it counts
    an outcome that no answering measures (sales, leads, views: `outcome`)."""

    __slots__ = ("lang", "today", "has_from", "time_level", "time_metric", "produces", "new", "brings_to", "grows",
                 "acts", "responds", "outcome")

    def __init__(self, lang: str, today: dt.date | None, has_from: bool, time_level: bool,
                 time_metric: bool = False, produces: bool = False, new: bool = False, brings_to: bool = False,
                 grows: bool = False, acts: bool = False, responds: bool = False, outcome: bool = False):
        _set(self, "lang", lang)
        _set(self, "today", today)
        _set(self, "has_from", has_from)
        _set(self, "time_level", time_level)
        _set(self, "time_metric", time_metric)
        _set(self, "produces", produces)
        _set(self, "new", new)
        _set(self, "brings_to", brings_to)
        _set(self, "grows", grows)
        _set(self, "acts", acts)
        _set(self, "responds", responds)
        _set(self, "outcome", outcome)


class _Aim(Record):
    """The goal's own aim: its metric's name (None: no metric), direction, target and baseline."""

    __slots__ = ("metric_name", "direction", "target", "baseline")

    def __init__(self, metric_name: str | None, direction: str | None, target: Target | None,
                 baseline: Baseline | None):
        _set(self, "metric_name", metric_name)
        _set(self, "direction", direction)
        _set(self, "target", target)
        _set(self, "baseline", baseline)


def _has_from(main: list[Phrase]) -> bool:
    """Whether the goal states a starting figure ("from 3,000", «с 2025»)."""
    return any(p.kind == "prep" and p.value == "from" and p.arg.kind in ("amount", "year") for p in main)


def _time_level(main: list[Phrase]) -> bool:
    """Whether the goal states a length of time as a level: "from 24 hours to 2 hours within 30
    days" (days are then the deadline)."""
    return any(
        (p.kind == "amount" and p.value.unit in _TIME_UNITS)
        or (p.kind == "prep" and p.arg.kind == "amount" and p.arg.value.unit in SUBDAY)
        or (p.kind == "prep" and p.value in _LEVEL_PREPS and p.arg.kind == "amount"
            and p.arg.value.unit in _TIME_UNITS)
        or (p.kind == "bound" and p.arg.kind == "amount" and p.arg.value.unit in _TIME_UNITS)
        for p in main)


def _flow(metric: Phrase | None, implied: str | None, info) -> bool:
    """Whether the part counts a flow (leads, sign-ups: see metrics.toml), where "new" adds nothing:
    "generate 200 new leads" produces 200, "win 100 new clients" adds 100 to those kept."""
    name = metric.value if metric is not None else implied
    return name is not None and name in info and info[name].flow


def _time_metric(verb_cls: str | None, metric: Phrase | None, implied: str | None, info) -> bool:
    """Whether a part measures a length of time (a response time: "answer within 2 hours")."""
    return (verb_cls == "respond") or bool(metric is not None and info[metric.value].time) or (
        implied is not None and info[implied].time)


def _outcome(verb_cls: str | None, metric: Phrase | None, implied: str | None, info) -> bool:
    """Whether a part counts an outcome no answering measures: a metric that is neither a length of time
    nor of communication (messages, comments answered), with a verb that is not one of answering."""
    name = metric.value if metric is not None else implied
    return (name is not None and verb_cls != "respond" and not info[name].time and not info[name].activity
            and info[name].category != "communication")


def _name_of(pi: _PartInfo) -> str | None:
    return pi.metric.value if pi.metric is not None else pi.implied


def _concrete(pi: _PartInfo, info) -> bool:
    """Whether a part aims at something countable."""
    name = _name_of(pi)
    if pi.means:
        return False
    if name:
        if info[name].counted_variant and any(c.role not in ("deadline", "method", "baseline") for c in pi.claims):
            return True   # a collective noun with a count: "a community of 5,000"
        return not info[name].abstract and not info[name].activity
    # a count of something we have no word for ("· 300 families", «в ТОП-3 выдачи»), but not a year
    # written as a plain number next to a label ("KPI 2027 → 300 заявок/мес")
    return any(c.role not in ("deadline", "method", "baseline") and not _year_like(c) for c in pi.claims)


def _skipped_before(p: Phrase) -> bool:
    """Whether a word the reader skips («соцсети», «наш») stood between a preposition and its figure."""
    toks = getattr(p, "toks", ())
    return len(toks) >= 2 and toks[1].start_pos - toks[0].end_pos > 1 and toks[0].line == toks[1].line


def _year_like(c: _Claim) -> bool:
    """A bare whole number that can only be a year of this era (2000-2100, no unit, sign or range)."""
    q = c.qty
    return (c.role == "bare" and q is not None and q.unit is None and not q.signed and q.low is None
            and q.value is not None and q.value == q.value.to_integral_value() and 2000 <= q.value <= 2100)


def _chosen_part(parts: list[_PartInfo], info) -> _PartInfo:
    """The goal's own aim: the first concrete (countable) part, else the first aim."""
    figured = any(c.role not in ("deadline", "method", "baseline") for pi in parts for c in pi.claims)
    chosen = next((pi for pi in parts if _concrete(pi, info)), None) if figured or len(parts) < 2 else None
    if chosen is None:
        named = [pi for pi in parts if _name_of(pi)]
        # a collective noun with no figure ("grow the audience, increase sales") leads no list whose other
        # aims are concrete: the first concrete one does, where an abstract outcome ("raise awareness, win
        # clients") still leads
        if len(named) > 1 and info[_name_of(named[0])].counted_variant and any(_concrete(pi, info) for pi in named[1:]):
            named = named[1:]
        # a metric the statement names before one only its verb implies: "retain current and attract
        # new subscribers" («удержать текущих и привлечь новых подписчиков») is about subscribers
        # (activities alone: the first with a count of its own, «вести TikTok и выпускать 5 видео в неделю»)
        chosen = next((pi for pi in named if pi.metric is not None and not info[_name_of(pi)].activity), None) or next(
            (pi for pi in named if not info[_name_of(pi)].activity), None) or next(
            (pi for pi in named if any(c.role not in ("deadline", "method", "baseline") for c in pi.claims)), None) or (
            named[0] if named else (parts[0] if parts else _PartInfo([])))
    return chosen


def _figures(pi: _PartInfo, parts: list[_PartInfo]) -> list[_Claim]:
    """A part's own figures, else those of a part that shares its verb ("sales and leads by 20%")."""
    own = [c for c in pi.claims if c.role not in ("deadline", "method")]
    if any(c.role != "baseline" for c in own):
        return own
    mates = [q for q in parts if q.group == pi.group and q is not pi]
    if not any(q.verb is not None for q in parts):
        # a KPI line with no verb names its metrics joined by "and", then one figure for them all: «Лайки та
        # коментарі — щонайменше 50 на пост», "Saves and shares: +40% a quarter" (not a list: «запуск
        # рекламы · 300 заявок»)
        k = parts.index(pi) + 1
        while k < len(parts) and parts[k].phrases and (parts[k].phrases[0].kind == "conj"
                                                       or parts[k].phrases[0].text == "→"):   # "MQL → SQL rate"
            theirs = [c for c in parts[k].claims if c.role not in ("deadline", "method")]
            if any(c.role != "baseline" for c in theirs):
                return theirs
            k += 1
        # ... or names the same metric again with its figure («заявки, не продажи: 120 заявок в месяц»)
        if pi.metric is not None:
            for q in parts[parts.index(pi) + 1:]:
                theirs = [c for c in q.claims if c.role not in ("deadline", "method")]
                if any(r.kind == "metric" and r.value == pi.metric.value for r in q.phrases) and any(
                        c.role != "baseline" for c in theirs):
                    return theirs
    after = [q for q in mates if parts.index(q) > parts.index(pi)]
    for q in after + mates:
        theirs = [c for c in q.claims if c.role not in ("deadline", "method")]
        if any(c.role != "baseline" for c in theirs):
            return theirs
    return own


def _measured_outcome(chosen: Phrase | None, targets: list[_Claim], verb_cls: str | None, implied: str | None,
                      method: list[Phrase], method_claims: list[_Claim], info) -> tuple:
    """An abstract outcome with no figure, pursued through a concrete, measured one ("raise
    awareness by getting 10,000 followers"): the measured one is the goal. Returns the chosen
    metric phrase, the targets, the verb class and the implied metric, changed or not."""
    if chosen is None or not info[chosen.value].abstract or [c for c in targets if c.role != "baseline"]:
        return chosen, targets, verb_cls, implied
    m_metrics = [p for p in method if p.kind == "metric" and not info[p.value].abstract]
    m_targets = [c for c in method_claims if c.role not in ("deadline", "baseline", "method")]
    if not (m_metrics and m_targets):
        return chosen, targets, verb_cls, implied
    targets = [c for c in method_claims if c.role not in ("deadline", "method")]
    m_verbs = [p for p in method if p.kind == "verb"]
    if m_verbs:
        verb_cls, _, implied = m_verbs[0].value.partition(":")
        implied = implied or None
    return m_metrics[0], targets, verb_cls, implied


def _method_numbers(method_claims: list[_Claim], parts: list[_PartInfo], side: list[Phrase]) -> tuple:
    """The numbers of the method and side clauses: never the goal's target."""
    numbers = tuple(number(c.qty.value) for c in method_claims if c.qty is not None and c.qty.value is not None)
    numbers += tuple(number(c.qty.value) for pi in parts for c in pi.claims
                     if c.role == "method" and c.qty is not None and c.qty.value is not None)
    numbers += tuple(number(p.value.value) for p in side if p.kind == "amount" and p.value.value is not None)
    return numbers


def _year_as_number(p: Phrase, nxt: Phrase | None, frame: _Frame) -> Phrase:
    """A preposition's argument, with a year that is a number read as one: "to 2000 followers",
    «с 1899 до 1900», "within 2000 months" (but «в 2026 году» is the year 2026: only English says
    "in 2026 years" for a count)."""
    arg = p.arg
    if arg.kind != "year":
        return arg
    year, unit = arg.value
    if ((unit is None and (p.value in ("to", "from", "on", "over", "at") or (nxt is not None and nxt.kind == "metric")
                           or (p.value == "until" and frame.has_from)))
            or (unit is not None and unit != "year")
            or (unit == "year" and (p.value in ("within", "after", "over")
                                    or (p.value == "in" and frame.lang == "en")))):
        return arg.evolve(kind="amount", value=Quantity(Decimal(year), unit=unit))
    return arg


# nouns after a season that still name a time ("during the winter holidays", "over the summer months")
_SEASON_TIME_NOUNS = ("holidays", "holiday", "break", "vacation", "vacations", "season", "months", "weeks",
                      "quarter", "term", "semester", "period", "periods", "window", "weekend", "weekends", "week", "rush")


def _measures_time(phrases: list[Phrase], info) -> bool:
    """Whether a statement measures a length of time: a metric of time, or a verb implying one ("answer")."""
    return any((p.kind == "metric" and info[p.value].time)
               or (p.kind == "verb" and (implied := p.value.partition(":")[2]) in info and info[implied].time)
               for p in phrases)


def _faster_times(phrases: list[Phrase], info, faster: frozenset) -> list[Phrase]:
    """"Faster" of a length of time is less of it: "answer DMs faster, within 2 hours", «отвечать быстрее»."""
    if not any(p.kind == "more" and normalize_word(p.text) in faster for p in phrases) \
            or not _measures_time(phrases, info):
        return phrases
    return [p.evolve(kind="less") if p.kind == "more" and normalize_word(p.text) in faster else p for p in phrases]


def _conversion_into(phrases: list[Phrase], info, lex, into_words: frozenset) -> list[Phrase]:
    """A rate of turning one thing into another named by what it turns them into, written after it or
    hyphened before it: «конверсия из установки в регистрацию», "conversion from visit to application",
    "landing-page-to-application conversion" are the lead conversion rate (metrics.toml `into`);
    «конверсия из заявки в продажу» stays the rate of sales."""
    out = phrases
    for i, p in enumerate(phrases):
        if p.kind != "metric" or not info[p.value].into:
            continue
        into = _turned_into(phrases, i, lex, into_words)
        named = info[p.value].into.get(info[into].category) if into in info else None
        if named is not None:
            out = list(phrases) if out is phrases else out
            out[i] = p.evolve(value=named)
    return out


def _turned_into(phrases: list[Phrase], i: int, lex, into_words: frozenset) -> str | None:
    """The metric the rate at `i` turns things into: hyphened before it ("visit-to-lead"), or after it, past
    the words and metrics of where from («из установки в регистрацию»)."""
    before = phrases[i - 1] if i else None
    if before is not None and before.kind == "filler" and "-to-" in before.text:
        last = normalize_word(before.text.rsplit("-to-", 1)[1])
        return next((r.value for r in lex.readings([last], 0) if r.terminal == "METRIC"), None)
    for j in range(i + 1, min(i + 6, len(phrases) - 1)):
        q = phrases[j]
        if q.kind == "filler" and normalize_word(q.text) in into_words and phrases[j + 1].kind == "metric":
            return phrases[j + 1].value
        if q.kind not in ("filler", "metric"):
            break
    return None


def _built_means(scope: list[Phrase], chosen: Phrase | None, verb: Phrase | None, means: frozenset) -> bool:
    """Whether the goal's metric only says what a means the goal builds is for: "set up a lead generation
    system", "a strategy for follower growth", «внедрить систему сбора отзывов», «стратегія залучення
    підписників». The means is a word of the lexicon list `means` at most two words after the metric or
    three before it, with only words between that are not the part's own verb."""
    if chosen is None:
        return False
    at = next((i for i, p in enumerate(scope) if p is chosen), None)
    if at is None:
        return False
    for near in (scope[at + 1:at + 3], scope[max(0, at - 3):at][::-1]):
        for p in near:
            if p.kind not in ("filler", "verb") or p is verb:
                break
            if normalize_word(p.text) in means:
                return True
    return False


def _pronoun_object(phrases: list[Phrase], pronouns: frozenset) -> bool:
    """Whether the goal's verb takes a pronoun as its object ("grow it to 10,000", «увеличить их на 20%»)."""
    return any(p.kind == "verb" and q.kind == "filler" and normalize_word(q.text) in pronouns
               for p, q in zip(phrases, phrases[1:]))


def _season_modifier(p: Phrase, arg: Phrase, nxt: Phrase | None, lang: str) -> bool:
    """Whether a season or a time of the year names a kind of thing, not a time: "for the winter campaign",
    "in the summer sale", "for the holiday gift boxes" (such a word right before a noun). After "by" it is a
    deadline still ("by the summer sale"); Russian and Ukrainian make such seasons adjectives («летняя
    коллекция»), never SEASON."""
    return (((arg.kind == "season" and arg.value.year is None) or (arg.kind == "event" and lang == "en" and arg.toks
                                                                     and arg.toks[-1].type == "TIMENOUN"))
            and p.value not in _BEFORE_PREPS
            and nxt is not None and nxt.kind in ("metric", "filler", "channel") and nxt.text[:1].isalnum()
            and nxt.text.lower() not in _SEASON_TIME_NOUNS
            and nxt.span.line == p.span.end_line and nxt.span.column == p.span.end_column + 1)


def _verb_direction(verb_cls, target, more, mi) -> str | None:
    """The direction a verb class gives; None for a verb we do not know, or no verb."""
    if verb_cls == "unknown":
        return None
    if verb_cls == "optimize" and mi is not None and mi.activity and target is None:
        return "unknown"   # "optimize our ad campaigns": tuned, not more or less of anything
    if verb_cls in ("improve", "optimize"):
        return "decrease" if (mi and mi.lower_is_better) else "increase"
    if verb_cls == "respond":
        # "reply to every DM within an hour", «отвечать в течение 15 минут»: a time to meet, a level reached;
        # "answer every comment", "answer messages 24/7": answering kept up
        return "reach" if target is not None and target.qty is not None and target.qty.unit in _SHORT_TIME_UNITS \
            else "maintain"
    if verb_cls == "activity":
        return "increase" if (more and target is None) else "achieve"
    if verb_cls == "attract":
        # "attract customers", «залучити клієнтів»: with no count, more of them; with a count, that count
        if target is None or (target.qty is not None and (target.qty.unit in ("%", "pp") or target.qty.signed)):
            return "increase"   # "drive sales up 20%": a change
        return "reach" if target.role == "level" else "achieve"
    return verb_cls


def _figure_direction(target, baseline, more, less, new, mi, unknown, has_object) -> str | None:
    """The direction of an aim whose verb tells none: from its figures, then from its words."""
    if target is not None and baseline is not None and target.qty is not None and target.role != "change" \
            and not target.qty.signed and target.qty.value is not None and baseline.qty.value is not None:
        # (a change beside its from-to, "+4,000 followers (from 12.5K to 16.5K)", is no level to compare)
        return "increase" if target.qty.value >= baseline.qty.value else "decrease"
    if mi is not None and mi.lower_is_better and target is not None and target.bound == "le":
        return "decrease"  # "CPL: under $20", «CAC не более 200 грн»: a ceiling on a cost, as annotated
    if target is not None and target.qty is not None and target.qty.signed:
        return "increase"
    if target is not None and target.role == "multiple":
        return "increase"
    if target is not None and target.role == "change":
        return "decrease" if less else "increase"   # «отписки вниз на 30%»: a change down
    if target is not None and target.role == "bare" and unknown:
        return "achieve"   # «залить 500 заявок», "nail 200 leads": a verb and the count it makes
    if less and target is not None and target.role == "level" and mi is not None and mi.lower_is_better:
        return "decrease"   # "bring the cost per follower down to $0.40": lower, to a level
    if target is not None and target.role in ("level", "bare", "rank"):
        return "reach"
    if more or new:
        return "increase"
    if less:
        return "decrease"
    if unknown and has_object:
        # «Розробити бренд-бук», «провести аудит»: the lexicons hold the verbs of change
        # (grow, cut, reach, keep); a verb outside them with an object is a thing to get done
        return "achieve"
    return None


def _settled_direction(d, target, baseline, more, new, mi) -> str | None:
    """A direction corrected by the kind of target: "get 100 more followers" is an increase."""
    if d == "achieve":
        activity = bool(mi and mi.activity)
        if target is None and (more or new) and not activity:
            d = "increase"
        elif target is not None and not activity and (target.role in ("change", "multiple") or (
                target.qty is not None and target.qty.signed)):
            d = "increase"      # "get 100 more", "double the test drives booked", «набрать +10к»: a gain
        elif target is not None and target.role == "rank":
            d = "reach"
    if d == "reach" and target is None and baseline is None and (more or (new and not (mi and mi.activity))):
        d = "increase"    # "win more bookings", «чаще выходить в эфиры», "win new clients": more of them
    if d == "reach" and target is not None and target.role == "change" and baseline is None:
        d = "increase"    # "win 100 new clients", «вийти на +20%»: a gain, not a level
    if d == "reach" and target is not None and target.role == "multiple":
        d = "increase"    # «стать в полтора раза больше»: a multiple is a gain
    if d == "increase" and target is not None and baseline is None and target.role in ("level", "rank"):
        d = "reach"
    if d == "increase" and target is not None and baseline is None and target.role == "bare" \
            and target.qty.unit not in ("%", "pp") and target.qty.low is None and not target.qty.signed:
        d = "increase" if new else "reach"
    return d


class Assembler:
    def __init__(self, lexicons: LexiconSet):
        self.lex = lexicons
        self._text = ""     # the statement being built (build)
        self._lang = "en"   # and its language
        self._priced = False  # and whether a figure in money there is the price of one (_priced)

    # -- deadlines ------------------------------------------------------------------
    def _duration(self, phrase: Phrase, amount: Decimal, unit: str, today) -> Deadline:
        date = add_duration(today, amount, unit) if today else None
        if isinstance(date, dt.datetime):
            date = date.date()
        return Deadline("duration", date, iso_duration(amount, unit), phrase.text, unit, phrase.span)

    def _deadline_of(self, phrase: Phrase, prep: str | None, today) -> Deadline | None:
        v = phrase.value
        if phrase.kind == "date":
            kind = "quarter" if v.quarter is not None else "half" if v.half is not None else "date"
            return Deadline(kind, date_of(v, today), None, phrase.text, None, phrase.span)
        if phrase.kind == "season":
            edge = v.edge or ("start" if prep in _BEFORE_PREPS else "end")
            return Deadline("season", season_date(v.season, v.year, edge, today), None, phrase.text,
                            "season", phrase.span)
        if phrase.kind == "named":
            if v.name in WEEKDAYS and prep in ("in", "on", "at", "over", None):
                # «15 в день в пятницу и субботу», "on Fridays", "for our Saturday workshops": when it happens
                return None
            if v.name in PERIOD_END_NAMES:    # "by EOQ", "by month-end": as "by the end of the quarter"
                unit = PERIOD_END_NAMES[v.name]
                return Deadline("period-end", period_end(today, unit) if today else None, None, phrase.text, unit,
                                phrase.span)
            if v.name == "year_end":      # "by year-end", "by EOY": the end of the year, as "by end of year"
                return Deadline("period-end", named_date(v.name, v.year, today), None, phrase.text, "year",
                                phrase.span)
            return Deadline("named", named_date(v.name, v.year, today), None, phrase.text, None, phrase.span)
        if phrase.kind == "event":
            return Deadline("event", None, None, phrase.text, None, phrase.span)
        if phrase.kind == "year":
            return Deadline("date", dt.date(v[0], 12, 31), None, phrase.text, "year", phrase.span)
        if phrase.kind == "unit":
            if prep in ("within", "in", "over", "after"):
                return self._duration(phrase, Decimal(1), v, today)
            return Deadline("period-end", period_end(today, v) if today else None, None,
                            phrase.text, v, phrase.span)
        if phrase.kind == "span":
            s: SpanSpec = v
            if s.season is not None and s.mode != "end":
                d = season_date(s.season, None, "end", today, after_start=s.mode == "next")
                return Deadline("season", d, None, phrase.text, "season", phrase.span)
            if s.mode == "this":
                return Deadline("period-end", period_end(today, s.unit) if today else None, None,
                                phrase.text, s.unit, phrase.span)
            if s.mode == "next":
                return self._duration(phrase, s.count, s.unit, today)
            # end of ...
            if s.ordinal is not None and s.unit:
                return self._duration(phrase, Decimal(s.ordinal), s.unit, today)
            # "Q1 of next year", «кінця першого півріччя наступного року»: of the year counted from today
            year = s.year if s.year is not None or s.unit != "year" or today is None else today.year + s.offset
            if s.quarter is not None:
                d = date_of(DateSpec(year, quarter=s.quarter), today)
                return Deadline("quarter", d, None, phrase.text, "quarter", phrase.span)
            if s.half is not None:
                d = date_of(DateSpec(year, half=s.half), today)
                return Deadline("half", d, None, phrase.text, "half", phrase.span)
            if s.season is not None:
                return Deadline("season", season_date(s.season, s.year, "end", today), None, phrase.text,
                                "season", phrase.span)
            if s.named is not None:
                return Deadline("named", named_date(s.named, s.year, today), None, phrase.text, None,
                                phrase.span)
            if s.month is not None:
                d = date_of(DateSpec(s.year, s.month), today)
                return Deadline("date", d, None, phrase.text, "month", phrase.span)
            if s.year is not None:
                return Deadline("period-end", dt.date(s.year, 12, 31), None, phrase.text, "year", phrase.span)
            unit = s.unit or "year"
            return Deadline("period-end", period_end(today, unit, s.offset) if today else None, None,
                            phrase.text, unit, phrase.span)
        return None

    # -- claims -----------------------------------------------------------------------
    def _claims(self, phrases: list[Phrase], frame: _Frame) -> list[_Claim]:
        out: list[_Claim] = []
        for i, p in enumerate(phrases):
            nxt = phrases[i + 1] if i + 1 < len(phrases) else None
            if nxt is not None and nxt.kind == "period" and (p.kind == "multiple" or (
                    p.kind == "amount" and p.value.unit == "times")) and not _how_often(phrases, i):
                nxt = None      # "double monthly views": the period describes the metric, not how often
            out.extend(self._claims_of(p, None, nxt, frame))
        return out

    def _claims_of(self, p: Phrase, prep, nxt, frame: _Frame, bound=None) -> list[_Claim]:
        k = p.kind
        if k == "amount":
            return self._amount_claims(p, prep, nxt, frame, bound)
        if k == "rank":
            return [_Claim("rank", p, value=p.value)]
        if k == "multiple":
            if nxt is not None and nxt.kind == "period" and prep is None:
                # "twice a week", «трижды в месяц», «раз на тиждень»: how often, a count per period
                return [_Claim("bare", p, Quantity(Decimal(p.value)), bound)]
            if Decimal(p.value) == 1:
                return []       # "once" anywhere else ("once we launch") says nothing about a figure
            return [_Claim("multiple", p, value=Decimal(p.value))]
        if k == "prep":
            return self._prep_claims(p, nxt, frame)
        if k == "bound":
            arg = p.arg
            if arg.kind == "unit" and (arg.value in SUBDAY or (frame.time_metric and arg.value == "day")):
                # «не более часа», «не довше доби»: one of the unit, a response time
                arg = arg.evolve(kind="amount", value=Quantity(Decimal(1), unit=arg.value))
            return self._claims_of(arg, prep, nxt, frame, bound=p.value)
        if k == "year":
            year, unit = p.value
            if bound is not None or unit not in (None, "year"):
                # "at least 2000 followers", "2000 hours": a number that looks like a year
                q = Quantity(Decimal(year), unit=unit)
                return self._claims_of(p.evolve(kind="amount", value=q), prep, nxt, frame, bound)
            return []
        if k in ("date", "span", "season", "event", "named"):
            dl = self._deadline_of(p, None, frame.today)
            return [_Claim("deadline", p, deadline=dl)] if dl else []
        if k == "label" and p.arg is not None and p.arg.kind != "period":     # "Goals for 2027:": by its end
            dl = self._deadline_of(p.arg, None, frame.today)
            return [_Claim("deadline", p.arg, deadline=dl)] if dl else []
        return []

    def _amount_claims(self, p: Phrase, prep, nxt, frame: _Frame, bound) -> list[_Claim]:
        """What a number says by the preposition before it and the words around it."""
        q: Quantity = p.value
        if q.unit in _TIME_UNITS:
            return self._time_claims(p, prep, nxt, frame, bound)
        if q.unit == "times":
            if nxt is not None and nxt.kind == "period" and prep is None and q.value is not None:
                # "3 times a week", «5 раз в месяц»: how often, a count per period, not a multiple
                return [_Claim("bare", p, Quantity(q.value), bound)]
            return [_Claim("multiple", p, value=q.value)] if q.value is not None else []
        if prep == "after":
            # «через 3 канала», "after 3 launches": the means or a condition, never the target
            return [_Claim("method", p, q)]
        if prep == "from":
            return [_Claim("baseline", p, q)]
        if prep == "where":
            # «на 3 маркетплейсах», "in 5 cities" (_where_counts): a count of places, never a change; the count
            # an activity does («выступить на 2 конференциях»), else the means («продажи на 3 площадках»)
            return [_Claim("bare" if frame.acts else "method", p, q, bound)]
        if prep == "on" and frame.produces and q.unit is None and nxt is not None and nxt.kind == "metric" \
                and self.lex.metrics[nxt.value].people:
            # «собрать вейтлист на 3 000 человек», «зібрати базу на 5 000 людей»: how large it is, not a change
            return [_Claim("level", p, q, bound)]
        if prep == "on" and frame.brings_to and q.unit not in ("%", "pp"):
            # «вывести группу на 10 тыс. подписчиков», «виведемо TikTok на 20 тисяч»: to that level
            return [_Claim("level", p, q, bound)]
        if prep in _CHANGE_PREPS and frame.responds and q.unit == "%":
            # «отвечать на 100% отзывов», «відповідати на 95% звернень»: the share answered, a level
            return [_Claim("level", p, q, bound)]
        if prep in _CHANGE_PREPS and not (frame.produces and q.unit in _CURRENCIES):
            return [_Claim("change", p, q, bound)]
        if prep in _CHANGE_PREPS:
            return [_Claim("level", p, q, bound)]
        if prep in _LEVEL_PREPS:
            return [_Claim("level", p, q, bound)]
        if prep == "over":
            return [_Claim("level", p, q, "ge")]
        if prep is None and ((nxt is not None and (nxt.kind == "more" or (
                nxt.kind == "new" and (frame.new or q.unit in ("%", "pp")))))   # "30% more new leads"
                             or (frame.new and q.unit not in ("%", "pp"))):
            return [_Claim("change", p, q, bound)]
        if prep is None and bound is not None and frame.grows:
            # «прирост подписчиков не менее 1500 в месяц», "growth of at least 20%": by at least that much
            return [_Claim("change", p, q, bound)]
        return [_Claim("level" if bound else "bare", p, q, bound)]

    def _time_claims(self, p: Phrase, prep, nxt, frame: _Frame, bound) -> list[_Claim]:
        """A length of time: a deadline ("within 6 months"), or the level of a time metric
        ("answer within 2 hours"), or how often ("5 days a week", which says nothing)."""
        q: Quantity = p.value
        if q.value is None:
            return []
        if nxt is not None and nxt.kind == "period" and q.unit not in SUBDAY and prep in (None, "over"):
            return []   # "every day of the year", «5 дней в неделю»: how often, not by when
        if (q.unit == "year" and bound is None and len(p.toks) == 2 and written_year(str(p.toks[0])) is not None
                and normalize_word(str(p.toks[1])) not in self.lex[frame.lang].listed("years_plural")
                and prep != "after"):
            # «2026 года», «за 2027 год», «протягом 2027 року»: that calendar year, not 2026 years (which
            # would be «2026 лет», "2026 years"); «с 2027 года» is when it starts, no deadline
            if prep == "from":
                return []
            return [_Claim("deadline", p, deadline=Deadline("date", dt.date(int(q.value), 12, 31), None,
                                                            p.text, "year", p.span))]
        if prep == "from" and (frame.time_metric or q.unit in SUBDAY):
            return [_Claim("baseline", p, q.evolve(unit=UNIT_SHORT[q.unit]))]
        day_level = q.unit == "day" and not frame.time_level
        if frame.time_metric and prep in _CHANGE_PREPS:
            # "increase watch time by 2,000 hours", «сократить время ответа на 2 часа»: the change
            return [_Claim("change", p, q.evolve(unit=UNIT_SHORT[q.unit]), bound)]
        if q.unit == "hour" and frame.outcome and prep in ("within", "in") and bound is None and q.value >= 24 \
                and q.value % 24 == 0:
            # "sell out the drop within 72 hours", «продать 200 единиц за 48 часов»: whole days of an outcome
            # no answering measures are by when, not how fast
            return [_Claim("deadline", p, deadline=self._duration(p, q.value, q.unit, frame.today))]
        if q.unit in SUBDAY or (frame.time_metric and (prep in _LEVEL_PREPS or prep is None or day_level)):
            within = prep in ("within", "in", "until", None) and bound is None
            return [_Claim("level", p, q.evolve(unit=UNIT_SHORT[q.unit]), "le" if within else bound)]
        return [_Claim("deadline", p, deadline=self._duration(p, q.value, q.unit, frame.today))]

    def _prep_claims(self, p: Phrase, nxt, frame: _Frame) -> list[_Claim]:
        """A preposition and its argument: a figure, a deadline, or nothing ("from May")."""
        arg = _year_as_number(p, nxt, frame)
        if p.value == "from" and arg.kind in ("date", "span", "year", "unit", "season", "named"):
            return []
        if p.value == "over" and frame.lang != "en" and not frame.time_metric and (
                arg.kind == "unit" or (arg.kind == "amount" and arg.value.unit in _TIME_UNITS)):
            # «не купували понад пів року», «не заходили свыше месяца»: more than that long, not a deadline
            return []
        if arg.kind == "unit" and (arg.value in SUBDAY or (frame.time_metric and arg.value == "day")):
            # "within a minute", «в течение часа»: a response time, not a deadline
            q = Quantity(Decimal(1), unit=arg.value)
            return self._claims_of(arg.evolve(kind="amount", value=q), p.value, nxt, frame)
        if (frame.lang != "en" and p.value == "in" and arg.kind == "amount" and arg.value.unit == "quarter"
                and arg.value.value in (1, 2, 3, 4)):
            # «во 2 квартале», «у 2 кварталі 2026 року»: that calendar quarter, not two quarters
            year = _calendar_year(nxt)
            d = date_of(DateSpec(year, quarter=int(arg.value.value)), frame.today)
            text, span = p.text, p.span
            if year is not None:
                span = span.cover(nxt.span)
                text = f"{text} {nxt.text}"
            return [_Claim("deadline", p, deadline=Deadline("quarter", d, None, text, "quarter", span))]
        if arg.kind in ("amount", "rank", "multiple", "bound"):
            prep = p.value
            if prep == "after" and nxt is not None and nxt.kind in ("metric", "filler") and _skipped_before(p):
                # «через соцсети 400 заявок», «через соцсети не меньше 150 индюшек»: a word between «через» and
                # the figure of what is counted
                prep = None
            inner = self._claims_of(arg, prep, nxt, frame)
            start = self._start_of(p, frame.lang) if any(c.role == "baseline" for c in inner) else None
            if start is not None:
                inner = [c.evolve(start=start) if c.role == "baseline" else c for c in inner]
            return [c.evolve(deadline=attr.evolve(c.deadline, text=p.text, span=p.span))
                    if c.deadline is not None else c for c in inner]
        if _season_modifier(p, arg, nxt, frame.lang):
            return []
        if arg.kind == "unit" and p.value == "in" and frame.lang != "en":
            return []   # «у робочі дні», «в будни»: when it happens (where "in a month" is a month from now)
        if p.value == "after" and arg.kind == "span" and arg.value.ordinal is not None:
            return []   # "churn after the first month", «после первого месяца обучения»: whom it counts, not by when
        dl = self._deadline_of(arg, p.value, frame.today)
        if dl is not None:
            dl = attr.evolve(dl, text=p.text, span=p.span)
            return [_Claim("deadline", p, deadline=dl)]
        return []

    def _start_of(self, p: Phrase, lang: str) -> str | None:
        """What a starting figure's preposition may also mean: "count" («с», «з»), "floor" («от», «від»)."""
        lex = self.lex[lang]
        word = normalize_word(str(p.toks[0])) if p.toks else ""
        return "count" if word in lex.listed("counts_from") else "floor" if word in lex.listed("floor_from") else None

    # -- the goal ---------------------------------------------------------------------
    def build(self, text: str, lang: str, phrases: list[Phrase], today: dt.date | None, span: Span) -> Goal:
        self._text = text
        self._lang = lang
        lex = self.lex[lang]
        phrases = _durations(_length_adjectives(phrases, self.lex.metrics, tuple(lex.listed("length_stems")),
                                                lex.listed("length_for")), self.lex.metrics)
        phrases = _label_years(_what_for(phrases, lex.listed("what_for")), lex.listed("through"))
        phrases = _years_of_periods(_label_horizons(phrases, lex.listed("horizon")))
        phrases = _numbered_names(_fronted_gerund(phrases, lex), lex.listed("numbered"))
        phrases = _where_counts(_unnamed_events(phrases, lex.listed("event_preps"), lex.function_words, text,
                                                lex.listed("places"), lex.listed("day_parts")), lex)
        phrases = _day_ranges(_day_months(_day_month_ranges(phrases, lex.listed("between"))))
        phrases = _light_verbs(_place_unknown_verbs(_drop_contrasted(_names_in_quotes(_arrows(phrases))),
                                                    lex.function_words), lex.listed("decided"))
        phrases = _reread_verbs(phrases, self.lex.metrics)
        phrases = _comparative_bounds(_minus_signs(_cohort_days(_date_ranges(_numbered_periods(
            phrases, lex.listed("counted_periods"))), self.lex.metrics)), lex.listed("moved"), lex.listed("negation"))
        phrases = _faster_times(phrases, self.lex.metrics, lex.listed("faster"))
        phrases = _bounds_after(_conversion_into(phrases, self.lex.metrics, lex, lex.listed("converted_into")),
                                lex.listed("or_more"), lex.listed("or_less"))
        phrases = _wished_levels(phrases, lex.listed("past"), lex.listed("wish"))
        phrases = _shares_doing(_preamble(_current_then_goal(_timed_heading(phrases)), lex.listed("heading"),
                                          tuple(lex.listed("possessive"))),
                                self.lex.metrics, lex.listed("share"), lex.listed("infinitive"))
        phrases = _dated_baselines(phrases)
        whole = phrases
        self._priced = _priced(phrases, lex.listed("each"))
        phrases, side = _split_side(_accompanied(phrases, lex.listed("accompanied")), lex.listed("floor_from"),
                                    lex.listed("yields"), self.lex.metrics, lex.listed("ranked_by"))
        if side and not any(p.kind == "metric" for p in phrases) and any(p.kind == "metric" for p in side) \
                and _has_figure(side) and side[0].kind == "method" and side[0].value == "modifier":
            # «договориться о 10 ВП в месяц»: what the verb is about is its object, when nothing else is
            phrases, side = [p.evolve(kind="filler") if p is side[0] else p for p in whole], []
        main, method = _purpose_as_goal(*_split_method(_infinitive_purpose(
            phrases, self.lex[lang].listed("purpose_after_activity"), self.lex.metrics)), self.lex.metrics)
        info = self.lex.metrics
        start = _Frame(lang, today, _has_from(main), _time_level(main))
        parts = self._read_parts(main, start)
        chosen_part = _chosen_part(parts, info)
        verb_cls, implied, chosen = chosen_part.verb_cls, chosen_part.implied, chosen_part.metric
        frame = start.evolve(time_metric=_time_metric(verb_cls, chosen, implied, info),
                             produces=chosen_part.verb is None or verb_cls in ("achieve", "attract"),
                             new=_says_new(main, chosen, info), outcome=_outcome(verb_cls, chosen, implied, info))
        all_main_claims = [c for pi in parts for c in pi.claims]
        method_claims = self._claims(method, frame)
        # (a day or a season heading the line, "Black Friday:", names the campaign: a deadline the line itself
        # gives, "in 2 weeks", is the goal's; the sort is stable)
        headed = {id(p.arg) for p in main if p.kind == "label" and p.arg is not None and p.arg.kind in ("named", "season")}
        deadlines = [c.deadline for c in sorted((c for c in all_main_claims + method_claims if c.role == "deadline"),
                                                key=lambda c: id(c.phrase) in headed)]
        # (an event with no date gives way to a date beside it: «к акции «Чистый город» до 1 мая» ends on 1 May)
        deadline = next((d for d in deadlines if d.kind != "event"), deadlines[0] if deadlines else None)
        if chosen is not None or implied is not None:
            targets = _figures(chosen_part, parts)
        else:
            targets = [c for c in all_main_claims if c.role not in ("deadline", "method")]
        chosen, targets, verb_cls, implied = _measured_outcome(chosen, targets, verb_cls, implied, method,
                                                               method_claims, info)
        goal = self._aim(chosen_part, chosen_part.phrases if parts else main, chosen, targets, verb_cls, implied)
        period = next((p.value for p in main if p.kind == "period"), None) or next(
            (p.arg.value for p in main if p.kind == "label" and p.arg is not None and p.arg.kind == "period"), None)
        per = next((p.value for p in main + method if p.kind == "perpost"), None)
        channel = next((p.value for p in main + method + side if p.kind == "channel"), None)
        metric = None
        if chosen is not None or implied is not None:
            verbs = [p for p in main if p.kind == "verb"]
            verb_phrase = chosen_part.verb if chosen_part.verb is not None else (verbs[0] if verbs else None)
            metric = self._metric(goal.metric_name, chosen, verb_phrase, goal.target, goal.baseline, per)
        metric = self._search_rank(metric, goal.target, channel, main)
        if metric is not None and goal.target is not None and goal.target.kind == "rank" \
                and self.lex.metrics[metric.name].unit_kind != "rank":
            # «вывести группу в ТОП-3 по поиску»: a place is the measure of a metric of places named beside it
            ranked = next((p for p in (chosen_part.phrases if parts else main)
                           if p.kind == "metric" and self.lex.metrics[p.value].unit_kind == "rank"), None)
            if ranked is not None:
                metric = Metric(ranked.value, ranked.text, self.lex.metrics[ranked.value].category, ranked.span)
        if metric is None and goal.target is not None and goal.target.unit in _CURRENCIES \
                and chosen_part.verb is not None and goal.direction != "decrease" and not _pronoun_object(
                    chosen_part.phrases if parts else main, lex.listed("pronoun")):
            # "raise £250,000", «собрать 3,5 млн руб.», «заробити 500 тис. грн»: a sum of money a verb aims at,
            # with no metric named, is money brought in (metrics.toml [defaults] currency_only); a sum alone
            # (a check-in's "2.1 USD") stays the figure of whatever metric it reports
            name = self.lex.defaults.get("currency_only", "revenue")
            words = next((q.text for p in main for q in (p, p.arg) if q is not None and q.span == goal.target.span),
                         name)
            metric = Metric(name, words, self.lex.metrics[name].category, goal.target.span)
        mi = self.lex.metrics.get(metric.name) if metric is not None else None
        if mi is not None and channel in mi.on_channel:
            # «участники сообщества ВК»: on a channel whose community is its audience, the subscribers
            other = self.lex.metrics[mi.on_channel[channel]]
            metric = attr.evolve(metric, name=other.name, category=other.category)
        scope = chosen_part.phrases if parts else main
        pronoun = _pronoun_object(scope, lex.listed("pronoun"))
        presence = verb_cls == "increase" and any(
            p.kind == "filler" and normalize_word(p.text) in lex.listed("presence") for p in scope)
        category = self._category(metric, goal.target, channel if channel is not None or not presence else True,
                                  goal.direction, verb_cls, pronoun)
        if metric is not None and chosen_part.means and goal.target is None and not _has_figure(main + method + side):
            # "set up a lead generation system": the system is what is built, and it counts nothing; the
            # goal keeps the category of what it is for
            metric = None
        if goal.target is not None and goal.target.kind == "multiple" and goal.target.value is not None \
                and 0 < goal.target.value < 1:
            # "halve the response time": a fall by the inverse multiple, as «сократить вдвое» is
            inverse = 1 / Decimal(str(goal.target.value))
            goal = goal.evolve(target=attr.evolve(goal.target, value=int(inverse) if inverse == int(inverse)
                                                  else float(inverse)), direction="decrease")
        written = next((p for p in scope if p.kind == "multiple" or (
            p.kind in ("prep", "bound") and p.arg is not None and p.arg.kind == "multiple")), None)
        if goal.target is not None and goal.target.kind == "multiple" and mi is not None and mi.unit_kind == "rate" \
                and written is not None and any(ch.isdigit() for ch in written.text):
            # "ROAS 5x", "at least 3x ROAS", «ROMI до 3x»: a return is written as a multiple of the spend; after
            # "to", a bound, or a verb of reaching or keeping, that is its level, not a change ("increase
            # ROAS 2x", "double ROAS" stay multiples)
            leveled = any(p.kind in ("prep", "bound") and p.arg is not None and p.arg.kind == "multiple"
                          and p.value != "by" for p in scope)
            if leveled or verb_cls in (None, "reach", "maintain", "achieve"):
                goal = goal.evolve(target=attr.evolve(goal.target, kind="absolute"),
                                   direction="maintain" if verb_cls == "maintain" else "reach")
        if mi is not None and mi.time and goal.direction == "increase" and any(
                normalize_word(w) in lex.listed("speed") for w in metric.text.split()):
            # "increase response speed", «повысить скорость ответа»: faster answers are less time
            goal = goal.evolve(direction="decrease")
        if pronoun and metric is None and goal.target is None:
            goal = goal.evolve(direction=None)   # "get that done within two quarters": nothing to count
        if chosen_part.verb is None and goal.direction == "reach" and goal.target is not None \
                and goal.target.bound in ("ge", "le") and deadline is not None \
                and _held_over(deadline.text, lex.listed("held_over")) and not (
                    mi is not None and mi.unit_kind == "count" and per is None and period is None
                    and goal.target.unit is None):
            # "ROAS ≥ 3.5 for the whole of H2", «ERR — не ниже 12% весь сезон»: a bound kept over a span (a count
            # with no rate, «не менее 25 публикаций протягом кампании», is a total reached over it)
            goal = goal.evolve(direction="maintain")
        if chosen_part.verb is None and goal.direction == "reach" and goal.target is not None and any(
                p.kind == "filler" and normalize_word(p.text) in lex.listed("steady") for p in scope):
            # «Переглядів Reels: 50 тис. на місяць, стабільно», "ER 5%, consistently": a level kept
            goal = goal.evolve(direction="maintain")
        own = (metric, category, goal.direction, goal.target)
        out_parts, secondary = self._each_part(parts, chosen_part, own, span, per)
        verb_texts = {pi.verb.text for pi in parts if pi.verb is not None}
        unplaced = _unplaced(main + method + side, verb_texts,
                             getattr(self.lex[lang], "function_words", frozenset()))
        return Goal(text=text, lang=lang, direction=goal.direction, metric=metric, category=category,
                    period=period, channel=channel, baseline=goal.baseline, target=goal.target,
                    deadline=deadline, secondary=tuple(secondary), per=per,
                    vague=any(p.kind in ("more", "less") for p in main) and goal.target is None,
                    placeholder=_has_placeholder(main + method),
                    method_numbers=_method_numbers(method_claims, parts, side), start=today, span=span,
                    parts=tuple(out_parts), unplaced=unplaced)

    def _read_parts(self, main: list[Phrase], start: _Frame) -> list[_PartInfo]:
        """The parts of the goal, each with its verb (its own, or the one it shares with a part
        before or after it), its metric and the claims of its figures."""
        info = self.lex.metrics
        parts: list[_PartInfo] = []
        for seg in _segments(main, self.lex[start.lang].listed("for_what")):
            verb = _part_verb(seg, start.lang)
            parts.append(_PartInfo(seg, verb, verb is not None))
        parts = [pi if i == 0 or pi.verb is None or any(p.kind == "metric" and not info[p.value].people
                                                          for p in pi.phrases)
                 else _verb_as_metric(pi, info) for i, pi in enumerate(parts)]
        for i, pi in enumerate(parts):
            pi.group = i
            if pi.verb is None and not (pi.phrases and pi.phrases[0].kind == "multiple"):
                # ("double leads and cut CPL to $5": a part opened by a multiple has its own direction)
                # (a part with a metric and a figure of its own borrows no verb from a later part with a metric of its
                # own: "ER at least 3%, follower growth from 500 a month" are two goals, where "followers and leads:
                # grow by 20%" is one verb's, and «ER не нижче 5%, нижче не опускатися» one aim's)
                figure = _has_figure(pi.phrases, starts=False) and any(p.kind == "metric" for p in pi.phrases)
                donor = next((q for q in reversed(parts[:i]) if q.own_verb), None) or next(
                    (q for q in parts[i + 1:] if q.own_verb and not (
                        figure and any(p.kind == "metric" for p in q.phrases))), None)
                if donor is not None:
                    pi.verb, pi.group = donor.verb, parts.index(donor)
            verb_cls = implied = None
            if pi.verb is not None:
                # "unknown": a verb we do not know, whose direction only the figures can tell
                verb_cls, _, implied = pi.verb.value.partition(":")
                implied = implied or None
            metric = self._choose_metric(_unbracketed_metrics(pi.phrases), start.lang, pi.phrases)
            if implied is not None and info[implied].time:
                metric = None  # "answer every request within 24 hours" measures the answering
            elif implied is not None and metric is not None and info[implied].category == "loyalty" \
                    and info[metric.value].retained:
                # "retain customers", «удержать клиентов», «повернути користувачів», "win back lapsed members": the
                # customers or members kept or won back are retention (metrics.toml `retained`)
                metric = None
            elif implied is not None and metric is not None and metric.value in info[implied].absorbs and pi.own_verb \
                    and not any(getattr(t, "meaning", None) == implied for t in metric.toks):
                # "run traffic to the landing page", «запустить трафик»: the ads run (metrics.toml); a part that
                # borrows the verb keeps its own metric («запустить предзаказ, 20 заказов в неделю»), and so does a
                # word of the activity itself that a later word qualified ("send the newsletter to 5,000 subscribers")
                metric = None
            elif implied is not None and metric is not None and info[implied].into:
                # "convert 4% of visitors into buyers", «конвертировать 5% посетителей в покупателей»: the
                # rate from the first to the last, named by what it turns them into (metrics.toml `into`)
                named = [p for p in pi.phrases if p.kind == "metric"]
                if len(named) > 1:
                    implied = info[implied].into.get(info[named[-1].value].category, implied)
                metric = None
            elif implied is not None and metric is not None and info[metric.value].activity \
                    and metric.value not in info[implied].keeps \
                    and (not info[implied].activity or info[implied].unit_kind == "money" != info[metric.value].unit_kind):
                # "sell 50 tickets for the launch party": the verb's result, not the activity named; «тратить
                # на рекламу»: the money spent, not the ads
                metric = None
            elif verb_cls == "activity" and metric is not None and not info[metric.value].activity \
                    and self._addressed(metric, pi.phrases, start.lang):
                # "post 3 times a week for our followers": whom the posts are for, not the metric
                metric = None
            elif implied is not None and metric is not None and not info[implied].activity \
                    and _after_word(metric, pi.phrases, self.lex[start.lang].listed("via")):
                # «продати 40 тракторів через ліди»: what the verb counts, the leads being the way to it
                metric = None
            elif implied is not None and metric is not None and (info[implied].people_object or info[metric.value].people) \
                    and metric.value != implied:
                # "engage followers", «охватить 5 000 пользователей», "enrol 50 people": whose, not the metric
                metric = None
            # with no verb, or after "sell/earn/get", «на 1 млн грн» is an amount worth, not a change
            frame = start.evolve(time_metric=_time_metric(verb_cls, metric, implied, info),
                                 produces=pi.verb is None or verb_cls in ("achieve", "attract"),
                                 new=_says_new(pi.phrases, metric, info) and not _flow(metric, implied, info),
                                 brings_to=pi.verb is not None and normalize_word(pi.verb.text).startswith(
                                     tuple(self.lex[start.lang].listed("brings_to"))),
                                 grows=pi.verb is not None and normalize_word(pi.verb.text) in self.lex[start.lang].listed("growth"),
                                 acts=verb_cls == "activity", responds=verb_cls == "respond",
                                 outcome=_outcome(verb_cls, metric, implied, info))
            pi.claims = self._claims(pi.phrases, frame)
            if not frame.time_metric and not any(c.role not in ("deadline", "method") for c in pi.claims):
                pi.claims += self._all_of(pi.phrases, start.lang)
            if (verb_cls == "activity" or (metric is not None and info[metric.value].activity and not any(
                    _amount_of(p) is not None for p in pi.phrases))) \
                    and not any(c.role not in ("deadline", "method") for c in pi.claims):
                # "post daily", «публиковать ежедневно», "post once every four days", «проводити ефір
                # щочетверга»: once a period
                how_often = next((p for p in pi.phrases if p.kind == "period"), None)
                if how_often is not None and verb_cls != "activity" \
                        and normalize_word(how_often.text).split(" ", 1)[0] in self.lex[start.lang].listed("horizon"):
                    how_often = None    # «скласти контент-план на тиждень»: what the plan covers, not how often
                if how_often is not None:
                    pi.claims.append(_Claim("bare", how_often, Quantity(Decimal(1))))
            if metric is None and implied is not None and info[implied].figure_only \
                    and not any(c.role not in ("deadline", "method") for c in pi.claims):
                implied = None      # "hire an SMM manager", «найняти дизайнера»: a task (metrics.toml `figure_only`)
            pi.verb_cls, pi.implied, pi.metric = verb_cls, implied, metric
            if i + 1 < len(parts) and _brings(parts[i + 1].phrases):
                # "set up a referral system that brings 100 leads a month": the system is the means
                pi.means = True
                continue
            if _brings(pi.phrases) and not _has_figure(pi.phrases):
                # «створити систему, яка приносить прибуток»: with no figure, what it brings only says what
                # the system is for
                pi.means = True
                continue
            if metric is not None and not info[metric.value].activity and not _has_figure(pi.phrases):
                # "set up a lead generation system", «стратегию привлечения клиентов» (a Russian or Ukrainian
                # verbal noun after the part's first verb is part of the means' name)
                stop = pi.verb if start.lang == "en" else next((p for p in pi.phrases if p.kind == "verb"), None)
                pi.means = _built_means(pi.phrases, metric, stop, self.lex[start.lang].listed("means"))
        return parts

    def _all_of(self, phrases: list[Phrase], lang: str) -> list[_Claim]:
        """"Sell all tickets", «ответить на все отзывы», «продати всі квитки»: every one of them, a figure of
        100% (the lexicon's [function_words] all, right before the metric's word)."""
        words = self.lex[lang].listed("all")
        for i, p in enumerate(phrases[:-1]):
            if p.kind == "filler" and normalize_word(p.text) in words and phrases[i + 1].kind == "metric":
                return [_Claim("level", p, Quantity(Decimal(100), unit="%"))]
        return []

    def _aim(self, chosen_part: _PartInfo, scope: list[Phrase], chosen: Phrase | None, targets: list[_Claim],
             verb_cls: str | None, implied: str | None) -> _Aim:
        """The goal's direction, target and baseline, from the figures of its chosen part (`scope`:
        the phrases whose "more", "less" and "new" count)."""
        metric_name = chosen.value if chosen is not None else implied
        baseline_claim, target_claim = _pair(targets, verb_cls, self._levels(metric_name))
        direction = self._direction(verb_cls, target_claim, baseline_claim, self._says_more(scope),
                                    any(p.kind == "less" for p in scope), _says_new(scope, chosen, self.lex.metrics),
                                    metric_name, verb_cls == "unknown" and _has_object(chosen_part), _timed(scope),
                                    _placeholder_level(scope))
        target = self._target(target_claim, direction, baseline_claim, verb_cls == "gain")
        baseline = None
        if baseline_claim is not None and baseline_claim.qty.value is not None:
            unit = _unit(baseline_claim.qty.unit)
            if unit is None and target is not None and target.kind == "absolute":
                unit = target.unit  # "from 15 to 10 seconds", «с 5 до 8%»
            baseline = Baseline(number(baseline_claim.qty.value), unit, baseline_claim.phrase.span)
        return _Aim(metric_name, direction, target, baseline)

    def _each_part(self, parts: list[_PartInfo], chosen_part: _PartInfo, own: tuple, span: Span,
                   per: str | None) -> tuple[list[Part], list[Secondary]]:
        """Every part: its own metric, category, direction and target (`own`, the goal's, for its
        chosen part); and the further metrics the goal aims at (its secondary metrics)."""
        metric = own[0]
        out_parts = []
        secondary = []
        for pi in parts:
            # (a goal of one aim: the aim is the whole statement)
            pspan = span if len(parts) == 1 else _cover([p for p in pi.phrases if not _is_separator(p)])
            if pi is chosen_part:
                out_parts.append(Part(*own, pspan))
                continue
            pname = _name_of(pi)
            pb, pt = _pair(_figures(pi, parts), pi.verb_cls, self._levels(pname))
            pdir = self._direction(pi.verb_cls, pt, pb, self._says_more(pi.phrases),
                                   any(p.kind == "less" for p in pi.phrases),
                                   any(p.kind == "new" for p in pi.phrases), pname,
                                   pi.verb_cls == "unknown" and _has_object(pi), _timed(pi.phrases),
                                   _placeholder_level(pi.phrases))
            ptarget = self._target(pt, pdir, pb, pi.verb_cls == "gain")
            pmetric = None
            if pname is not None and not pi.means:
                pmetric = self._metric(pname, pi.metric, pi.verb, ptarget, None, per)
            pchannel = next((p.value for p in pi.phrases if p.kind == "channel"), None)
            out_parts.append(Part(pmetric, self._category(pmetric, ptarget, pchannel, pdir, pi.verb_cls), pdir, ptarget, pspan))
            if pmetric is not None and (metric is None or pmetric.name != metric.name):
                # (not "200 members, then 2,000 members": one aim in stages)
                secondary.append(Secondary(pmetric, self._target(pt, pdir, None, pi.verb_cls == "gain"), pmetric.span))
        return out_parts, secondary

    def _metric(self, name: str, phrase: Phrase | None, verb: Phrase | None, target, baseline, per) -> Metric:
        info = self.lex.metrics
        mi = info[name]
        unit = (target.unit if target else None) or (baseline.unit if baseline else None)
        if mi.counted_variant and (target is not None or baseline is not None):
            # "build a community" is an aim; "grow the community to 5,000" counts its size
            name = mi.counted_variant
            mi = info[name]
        if mi.percent_variant and unit == "%":
            name = mi.percent_variant
            mi = info[name]
        priced = info.get(self.lex.defaults.get("priced"))
        if self._priced and unit in _CURRENCIES and mi.unit_kind == "count" and mi.category != "sales" \
                and priced is not None and priced.qualified_by.get(name) in info:
            # «лиды по 60 руб.», "leads at $25 each": what one of them costs
            name = priced.qualified_by[name]
            mi = info[name]
        if per:
            name = f"{name}_per_{per}"
        src = phrase if phrase is not None else verb
        return Metric(name, src.text if src is not None else name, mi.category, src.span if src is not None else None)

    def _search_rank(self, metric: Metric | None, target: Target | None, channel: str | None,
                     main: list[Phrase]) -> Metric | None:
        """A rank in a search engine ("top 3 in Google for our keyword", «ТОП-5 Яндекса по запросу ...») is a
        place in its results, where the statement names no other measure of the rank than the keywords
        ranked for ("top 3 by number of reviews on Google", "top-1 by CPC" keep their own)."""
        defaults = self.lex.defaults
        rated = defaults.get("review_rank")
        if channel in defaults.get("review_channels", ()) and rated in self.lex.metrics and target is not None \
                and target.kind == "rank" and (metric is None or self.lex.metrics[metric.name].activity):
            # "top 5 restaurants of the city on Tripadvisor", «#1 на Букинге»: a place among the rated
            rank = next((p for p in main if p.kind == "rank" or (p.kind == "prep" and p.arg.kind == "rank")), None)
            return Metric(rated, rank.text if rank is not None else rated, self.lex.metrics[rated].category,
                          rank.span if rank is not None else None)
        name = defaults.get("search_rank")
        if channel not in defaults.get("search_channels", ()) or name is None:
            return metric
        terms, also = defaults.get("search_terms"), defaults.get("search_terms_also", ())
        if metric is not None and metric.name in also and terms in self.lex.metrics \
                and target is not None and target.kind != "rank" and any(
                    p.span == metric.span and (q.kind == "rank" or (q.kind == "prep" and q.arg is not None
                                                                    and q.arg.kind == "rank"))
                    for p, q in zip(main, main[1:])):
            # «вивести 20 запитів у топ-10 Google»: a count of the keywords brought there
            return Metric(terms, metric.text, self.lex.metrics[terms].category, metric.span)
        if target is None or target.kind != "rank":
            return metric
        if metric is not None and metric.name != terms and metric.name not in also \
                and not self.lex.metrics[metric.name].activity and not (
                    self.lex.metrics[metric.name].abstract and self.lex.metrics[metric.name].category == "other"):
            # (an activity beside it, "within 6 months of the site relaunch", is not its measure, nor is success in
            # general, "the top-3 Google Maps results for 'dog grooming'", where "top-1 by brand image" ranks by image)
            return metric
        rank = next((p for p in main if p.kind == "rank" or (p.kind == "prep" and p.arg.kind == "rank")), None)
        return Metric(name, rank.text if rank is not None else name, self.lex.metrics[name].category,
                      rank.span if rank is not None else None)

    def _from_people(self, named: list[Phrase], kept: list[Phrase], where: dict) -> Phrase | None:
        """Content from the customers or followers («100 публикаций с отметкой бренда от клиентов», "posts from
        our followers"): user-generated content ([defaults] ugc), where the content is named first and the people
        after "from"."""
        defaults, info = self.lex.defaults, self.lex.metrics
        name = defaults.get("ugc")
        if name not in info or len(kept) == len(named) or not kept:
            return None
        people = next((p for p in named if p not in kept), None)
        if people is None or info[people.value].category not in defaults.get("ugc_from", ()):
            return None
        # (the content's word is the last concrete one before them: «видео-отзывы от клиентов» are reviews)
        content = next((p for p in reversed(kept) if where.get(id(p), 0) < where.get(id(people), 0)
                        and not info[p.value].abstract), None)
        if content is None or content.value not in defaults.get("ugc_content", ()):
            return None
        return content.evolve(value=name, span=content.span.cover(people.span))

    def _choose_metric(self, metric_phrases: list[Phrase], lang: str = "en",
                       phrases: list[Phrase] = ()) -> Phrase | None:
        if not metric_phrases:
            return None
        info = self.lex.metrics
        where = {id(p): i for i, p in enumerate(phrases)}      # each phrase's place in the part
        if len(metric_phrases) > 1 and phrases:
            # a metric's word after "from" names where something comes from, not what the goal counts, when
            # another one is named: «розыгрыш с призами от партнёров», "a webinar with speakers from partners"
            sources = self.lex[lang].listed("source")
            kept = [p for p in metric_phrases if not (
                where.get(id(p), 0) > 0 and phrases[where[id(p)] - 1].kind == "filler"
                and normalize_word(phrases[where[id(p)] - 1].text) in sources)]
            ugc = self._from_people(metric_phrases, kept, where)
            if ugc is not None:
                return ugc
            metric_phrases = kept or metric_phrases
        if len(metric_phrases) > 1 and phrases:
            metric_phrases = _past_subject(metric_phrases, phrases, self.lex[lang].listed("modal"),
                                           self.lex[lang].function_words)
        if lang == "en":
            # English puts the head of a compound noun last: "customer reviews", "sales leads", and
            # with words we do not know inside it, "lead nurture campaigns"
            plain = self.lex["en"].function_words
            heads = [p for i, p in enumerate(metric_phrases)
                     if not (i + 1 < len(metric_phrases)
                             and _compound(p, metric_phrases[i + 1], phrases, where, plain))]
            # (nor is a metric's word before the page it names: "visits to the online booking page")
            pages = self.lex["en"].listed("presence")
            metric_phrases = [p for p in heads if not (
                where.get(id(p), -1) + 1 < len(phrases) and phrases[where[id(p)] + 1].kind == "filler"
                and normalize_word(phrases[where[id(p)] + 1].text) in pages)] or heads
        elif len(metric_phrases) > 1 and _latin_modifier(metric_phrases[0], metric_phrases[1], info, self._text):
            # a Latin word joined by a hyphen to the Russian or Ukrainian noun it qualifies: «SEO-аудит»
            # is an audit
            metric_phrases = metric_phrases[1:]
        head = metric_phrases[0]
        if info[head.value].activity and len(metric_phrases) > 1:
            # the people an activity is addressed to are not its metric: "push notifications to app users", "the
            # newsletter for our wholesale customers to 5,000 subscribers" (its subscribers)
            metric_phrases = [head] + [p for p in metric_phrases[1:] if not self._addressed(p, phrases, lang)]
        # a word that says what the head counts: "subscribers to our newsletter", «подписчики на
        # консультацию»
        for p in metric_phrases[1:2]:
            # (only the next one: «участников в Telegram-чат ... до старта марафона» are the chat's members)
            name = info[head.value].qualified_by.get(p.value)
            # (people are counted into what follows them: «человек в закрытый чат», not «аудитория
            # LinkedIn-страницы группы компаний», where a channel's page comes between)
            if name is not None and (not info[head.value].people or _only_fillers_between(phrases, head, p)):
                return head.evolve(value=name, span=head.span.cover(p.span))
        # an abstract outcome with a concrete metric that carries the part's figure: the concrete one is
        # measured («выйти на монетизацию — 10 млн просмотров», "awareness: 10,000 followers")
        if info[head.value].abstract and not info[head.value].counted_variant and _has_figure(list(phrases)):
            concrete = next((p for p in metric_phrases[1:] if not info[p.value].abstract
                             and not info[p.value].activity and not info[p.value].people), None)
            if concrete is not None:
                return concrete
        if info[head.value].abstract and info[head.value].counted_variant and phrases:
            # a collective noun counted in another metric's units: "grow our community to 20K followers" is the
            # followers (where "a community of 3,000 members" is its size)
            sized = info[info[head.value].counted_variant].category
            unit = next((p for p in metric_phrases[1:] if not info[p.value].abstract and not info[p.value].activity
                         and not info[p.value].people and info[p.value].category != sized
                         and where.get(id(p), 0) > 0 and _has_figure([phrases[where[id(p)] - 1]])), None)
            if unit is not None:
                return unit
        if lang != "en" and len(metric_phrases) > 1 and info[head.value].activity \
                and not info[metric_phrases[1].value].activity and not info[metric_phrases[1].value].abstract \
                and self._text[head.toks[-1].end_pos:metric_phrases[1].toks[0].start_pos] == " ":
            # Russian and Ukrainian put the head first: «конкурс репостов», «розіграш відгуків» is a contest
            # (one space between them; a hyphen joins a modifier to its head instead: «видео-отзывы» are reviews;
            # an abstract outcome after it says what it is to become: «зробити фестиваль упізнаваним»)
            return head
        # an activity word next to a result ("accounts ... by followers") is not the goal's metric
        for p in metric_phrases:
            if not info[p.value].activity:
                if info[metric_phrases[0].value].activity:
                    return p
                break
        return metric_phrases[0]

    def _addressed(self, p: Phrase, phrases, lang: str) -> bool:
        """Whether the metric word `p` names the people an activity is addressed to: a word of the lexicon's list
        `addressee` ("to", "for") and plain words only before it ("push notifications to our app users"), or in
        Russian and Ukrainian the dative right after the activity («розсилка підписникам»), and
        people it names (metrics.toml `addressable`). "Ads for 500 leads" counts the leads, and "a giveaway for new
        followers" is for getting them."""
        if not self.lex.metrics[p.value].addressable:
            return False
        k = _index_of(phrases, p)
        if k is None:
            return False
        to = self.lex[lang].listed("addressee")
        dative = tuple(self.lex[lang].listed("dative_endings"))
        for q in reversed(phrases[:k]):
            if q.kind != "filler":
                # «розсилку підписникам», «рассылку постоянным клиентам»: people in the dative right after the
                # activity (the lexicon's `dative_endings`) are whom it is for
                return bool(dative) and q.kind == "metric" and self.lex.metrics[q.value].activity \
                    and normalize_word(p.text.split()[-1]).endswith(dative)
            if normalize_word(q.text) in to:
                return True
        return False

    def _direction(self, verb_cls, target, baseline, more, less, new, metric_name, has_object=False, timed=False,
                   level=False):
        """The direction of an aim: from its verb, else from its figures and words ("more", "new")."""
        info = self.lex.metrics
        mi = info.get(metric_name) if metric_name else None
        if verb_cls == "gain":
            # "gain 100 followers", «прибавить 500 подписчиков»: the count is what is added
            return "reach" if target is not None and target.role in ("level", "rank") else "increase"
        if verb_cls == "adjust":
            # "fix the errors", «эффективно использовать бюджет»: a figure may tell a direction, the
            # words "more"/"new" around such a verb tell how, not how much
            return _settled_direction(_figure_direction(target, baseline, False, False, False, mi, False, False),
                                      target, baseline, False, False, mi)
        d = _verb_direction(verb_cls, target, more, mi)
        if d == "unknown":
            return None
        if verb_cls == "respond":
            # (the verb's direction stands whatever the preposition: «на 100% коментарів» is kept up), but
            # "answer faster" shortens the time, and a time to answer in is a level to reach ("respond to
            # 100% of complaints within an hour")
            return "decrease" if less else "reach" if timed else d
        if d == "maintain" and target is not None and target.qty is not None and target.qty.signed \
                and target.qty.value is not None:
            # «держим темп: +4 тысячи подписчиков в месяц», "keep adding +500 a month": the pace of a change
            return "increase" if target.qty.value >= 0 else "decrease"
        if d == "maintain" and less and target is None:
            return "decrease"   # "spend less on ads", «тратить меньше на рекламу»: kept, but lower
        if verb_cls is None and mi is not None and mi.activity and mi.unit_kind == "money" and target is not None \
                and target.role in ("level", "bare"):
            return "maintain"   # «Рекламный бюджет — не больше 150 тыс. руб. в месяц»: a budget is kept to
        if mi is not None and mi.lower_is_better and target is not None \
                and ((target.bound == "le" and (d == "achieve" or (d == "reach" and not mi.time)))
                     or (d in ("achieve", "reach") and less)):
            # "get our CPL under $15", «вывести CPL ниже 200 ₽»: a ceiling on a cost (where «довести CPL
            # до 200 ₽», «довести время ответа до 5 минут» is a level reached)
            return "decrease"
        if d in ("achieve", "reach") and less and not more and target is None and baseline is None:
            return "decrease"   # "get our CPL down", «добиться меньше отписок»: less of it
        if d is None:
            d = _figure_direction(target, baseline, more, less, new, mi, verb_cls == "unknown", has_object)
        if d in ("reach", "achieve") and baseline is not None and target is not None and target.role == "level" \
                and target.bound is None and target.qty is not None and target.qty.value is not None \
                and baseline.qty.value is not None and target.qty.value != baseline.qty.value:
            # "hit a 4.8 rating (from 4.3)", «довести CPL с 300 до 200 ₽», "get the bounce rate down from 70%
            # to 50%": from one level to another is a change
            d = "increase" if target.qty.value > baseline.qty.value else "decrease"
        if d == "increase" and level and target is None and baseline is None:
            d = "reach"     # "grow the audience to X listeners", «наростити до певного рівня»: a level, unnamed
        return _settled_direction(d, target, baseline, more, new, mi)

    def _says_more(self, phrases: list[Phrase]) -> bool:
        """Whether a word of "more" says there is to be more of it; a superlative ("become the most
        recognised brand") names a place to reach."""
        superlative = self.lex[self._lang].listed("superlative")
        return any(p.kind == "more" and normalize_word(p.text) not in superlative for p in phrases)

    def _levels(self, metric_name: str | None) -> bool:
        """Whether a metric is a level (a share, a score, a time or a place), not a count of things."""
        return metric_name is not None and self.lex.metrics[metric_name].unit_kind in (
            "percent", "rate", "time", "rank")

    def _target(self, claim: _Claim | None, direction, baseline, gain=False) -> Target | None:
        if claim is None:
            return None
        span = claim.phrase.span
        if claim.role == "rank":
            return Target("rank", number(claim.value), span=span)
        if claim.role == "multiple":
            return Target("multiple", number(claim.value), span=span)
        q = claim.qty
        unit = _unit(q.unit)
        if q.low is not None:
            return Target("range", None, number(q.low), number(q.high), unit, claim.bound, span)
        if q.value is None:
            return None
        if claim.role == "change":
            kind = "relative"
        elif claim.role == "bare":
            # a sign always marks a change, even beside a from-to ("+4,000 followers (from 12.5K to 16.5K)")
            relative = direction in ("increase", "decrease") and (
                q.signed or (baseline is None and (unit in ("%", "pp") or gain)))
            kind = "relative" if relative else "absolute"
        else:
            kind = "absolute"
        return Target(kind, number(q.value), None, None, unit, claim.bound, span)

    def _category(self, metric, target, channel, direction, verb_cls=None, pronoun=False) -> str:
        """`channel`: the channel the goal names, or True for the team's own account, page or blog with no
        channel named («раскрутить страницу кофейни»): a goal about either is about the audience."""
        if metric is not None:
            return metric.category
        if pronoun:
            return "other"   # "double it", «довести его до 10 000»: what "it" is, the statement does not say
        defaults = self.lex.defaults
        if target is not None and target.unit in _CURRENCIES:
            return self.lex.metrics[defaults.get("currency_only", "revenue")].category
        if channel is not None and direction in ("increase", "reach", "achieve"):
            return defaults.get("channel_only", "awareness")
        if target is not None and target.kind == "absolute" and target.unit is None \
                and verb_cls in ("increase", "reach", "achieve", "attract", "gain"):
            return defaults.get("count_only", "awareness")
        return "other"


def _calendar_year(p: Phrase | None) -> int | None:
    """The year a phrase names ("2026", «2026 года»), or None."""
    if p is not None and p.kind == "year" and p.value[1] in (None, "year"):
        return p.value[0]
    if p is not None and p.kind == "amount" and p.value.unit == "year" and p.toks \
            and written_year(str(p.toks[0])) is not None:
        return int(p.value.value)
    return None


def time_words_of(phrases: list[Phrase]) -> Phrase | None:
    """The first time expression that has no date ("soon", "by the holidays"), with its preposition."""
    for p in phrases:
        if p.kind == "vague" or (p.kind == "prep" and p.arg is not None and p.arg.kind == "vague"):
            return p
    return None


def _unit(unit: str | None) -> str | None:
    if unit in _TIME_UNITS:
        return UNIT_SHORT[unit]
    if unit == "times":
        return None
    return unit


# Verbs whose aims may start from a figure ("grow from 2,000 to 5,000")
_CHANGE_VERBS = ("increase", "decrease", "reach", "gain", "improve", "optimize")


def _timed(phrases: list[Phrase]) -> bool:
    """Whether a part gives a time to do it in ("within an hour", «в течение суток», «до 5 минут»), where «у
    робочі дні», "on weekdays" say when."""
    return any(p.kind == "prep" and p.arg is not None and (
        (p.arg.kind == "amount" and p.arg.value.unit in _TIME_UNITS
         and (p.value == "within" or (p.value in ("until", "in") and p.arg.value.unit in SUBDAY)))
        or (p.arg.kind == "unit" and p.value == "within" and (p.arg.value in SUBDAY or p.arg.value == "day")))
        for p in phrases)


def _pair(claims: list[_Claim], verb_cls: str | None, levels: bool = False) -> tuple[_Claim | None, _Claim | None]:
    """The baseline and the target among a part's figures (`levels`: the metric is a level, a share, a score or
    a place, not a count)."""
    baseline_claim = next((c for c in claims if c.role == "baseline"), None)
    if baseline_claim is not None and not any(c.role != "baseline" for c in claims) \
            and verb_cls not in _CHANGE_VERBS and baseline_claim.start is not None \
            and baseline_claim.qty.value != 0:          # «с нуля», «з нуля»: from scratch, not a count of none
        # «договориться с 10 блогерами», «спільнота з 500 учасників», «лайків на пост — від 300»: with
        # no verb of change and nothing to change to, «с/з N» counts and «от/від N» is a floor
        floor = baseline_claim.start == "floor"
        return None, baseline_claim.evolve(role="level" if floor else "bare", bound="ge" if floor else None)
    # a year written as a plain number ("Plan 2027: 500 leads a month") gives way to another figure
    target_claim = next((c for c in claims if c.role != "baseline" and not _year_like(c)), None) or next(
        (c for c in claims if c.role != "baseline"), None)
    if (baseline_claim is not None and target_claim is not None and target_claim.role == "level" and not levels
            and verb_cls in ("achieve", "attract") and baseline_claim.qty.value is not None
            and target_claim.qty.value is not None and baseline_claim.qty.value <= target_claim.qty.value
            and (baseline_claim.phrase.span.line, baseline_claim.phrase.span.column)
            < (target_claim.phrase.span.line, target_claim.phrase.span.column)):
        # "get from 30 to 50 leads a week": a range to produce, not a starting point (one that comes after
        # the level is where it stands today: "get the conversion rate up to 2.5% (currently 1.1%)"; and a
        # level goes from one to the other: "get our rating from 4.2 to 4.7")
        q = Quantity(None, baseline_claim.qty.value, target_claim.qty.value,
                     target_claim.qty.unit or baseline_claim.qty.unit)
        span_phrase = target_claim.phrase.evolve(span=baseline_claim.phrase.span.cover(
            target_claim.phrase.span))
        target_claim = _Claim("level", span_phrase, q, target_claim.bound)
        baseline_claim = None
    if baseline_claim is not None and target_claim is not None and target_claim.role == "bare":
        # "from 4% to 6%" reads the second number as the level even without "to"
        target_claim = target_claim.evolve(role="level")
    if baseline_claim is not None and target_claim is not None:
        baseline_claim = _shared_scale(baseline_claim, target_claim)
    return baseline_claim, target_claim


def _scale_of(c: _Claim) -> Decimal | None:
    """The scale a figure is written with ("10 тысяч", "5k", «1,5 млн»), or None (a plain number)."""
    for tok in c.phrase.toks:
        if tok.type == "SCALE":
            return Decimal(tok.meaning)
        if tok.type == "NUMBER":
            written = str(tok)
            digits = "".join(ch for ch in written if ch.isdigit() or ch in ".,").replace(",", ".")
            if any(ch.isalpha() for ch in written) and digits.count(".") <= 1 and digits.strip("."):
                plain = Decimal(digits)
                if plain and Decimal(tok.meaning) != plain:
                    return Decimal(tok.meaning) / plain
    return None


def _shared_scale(baseline: _Claim, target: _Claim) -> _Claim:
    """«с 3 до 10 тысяч», "from 2 to 5k", "from 3 to 10 thousand": the start is written with the scale of
    the end, as people say a range ("from 3 to 10 thousand" is from 3,000)."""
    q, t = baseline.qty, target.qty
    if q is None or t is None or q.value is None or t.value is None or (t.unit is not None and t.unit not in _CURRENCIES) \
            or q.unit not in (None, t.unit):
        return baseline
    scale = _scale_of(target)
    if scale is None or scale <= 1 or _scale_of(baseline) is not None or q.value * scale > t.value * 10:
        return baseline
    if q.value >= t.value / scale * 10:
        return baseline     # "from 800 to 2k": the start is already written in full
    return baseline.evolve(qty=Quantity(q.value * scale, q.low, q.high, q.unit, q.signed))


def _compound(a: Phrase, b: Phrase, phrases: list[Phrase], where: dict, function_words: frozenset) -> bool:
    """b ends an English compound noun that a starts: next to each other ("customer reviews"), or
    with only content words we do not know between them ("lead nurture campaigns"). `where`: the
    index of each phrase in `phrases`, by id."""
    if _adjacent(a, b):
        return True
    if id(a) not in where or id(b) not in where:
        return False
    between = phrases[where[id(a)] + 1:where[id(b)]]
    if len(between) == 1 and between[0].text in ("'", "’") and _adjacent(a, between[0]) and _adjacent(between[0], b):
        return True     # a possessive: "our clients' reviews" are reviews
    if not between or not all(p.kind == "filler" and p.text.isalpha()
                              and normalize_word(p.text) not in function_words for p in between):
        return False
    chain = [a, *between, b]
    return all(_adjacent(x, y) for x, y in zip(chain, chain[1:]))


def _latin_modifier(a: Phrase, b: Phrase, info, text: str) -> bool:
    """Whether `a`, in Latin letters, is joined by a hyphen to the Cyrillic noun `b` it qualifies
    («SEO-аудит»; not «CTR рекламы», the CTR of the ads), neither of them counting the other (as
    «email-подписчики» do)."""
    ta, tb = a.toks[-1] if a.toks else None, b.toks[0] if b.toks else None
    return (ta is not None and tb is not None and tb.start_pos == ta.end_pos + 1 and text[ta.end_pos] == "-"
            and a.text.isascii() and not b.text.isascii()
            and info[a.value].qualified_by.get(b.value) is None and info[b.value].qualified_by.get(a.value) is None)


def _adjacent(a: Phrase, b: Phrase) -> bool:
    """b starts right after a (one space between, no word): "customer reviews"."""
    ta, tb = a.toks[-1] if a.toks else None, b.toks[0] if b.toks else None
    if ta is None or tb is None:
        return False
    return 0 <= tb.start_pos - ta.end_pos <= 1


def _cover(phrases: list[Phrase]) -> Span | None:
    """The span from the first phrase to the last (phrases are in the order of the text)."""
    if not phrases:
        return None
    first, last = phrases[0].span, phrases[-1].span
    return Span(first.line, first.column, last.end_line, last.end_column)
