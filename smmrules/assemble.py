"""Phrases -> Goal: assign direction, metric, target, baseline and deadline slots.

The grammar groups words into phrases; this module decides what each phrase is for, by
the conventions of DESIGN.md section 1: a number in a method clause is not the target,
a rate window is a period and not a deadline, "from X to Y" is a baseline and a level,
"by/на N" is a change, "to/до N" is a level, a compound goal keeps its first metric.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attr  # the attrs package; `import attrs` adds a namespace module on every run

from .ast import Baseline, Deadline, Goal, Metric, Secondary, Span, Target
from .lexicon import LexiconSet
from .normalize import SUBDAY, UNIT_SHORT, add_duration, iso_duration, named_date, number, period_end, season_date
from ._record import Record, _set
from .phrases import DateSpec, Phrase, Quantity, SpanSpec, date_of

# prepositions after which a season is a deadline before it starts ("by summer", «к лету», «до літа»)
_BEFORE_PREPS = ("by", "until", "toward")

# prepositions by what their quantity argument means
_CHANGE_PREPS = ("by", "on")
_LEVEL_PREPS = ("to", "until", "toward", "at")
_CURRENCIES = ("USD", "EUR", "RUB", "UAH", "GBP")
_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year")


class _Claim(Record):
    """role: change | level | bare | baseline | rank | multiple | deadline."""

    __slots__ = ("role", "phrase", "qty", "bound", "deadline", "value")

    def __init__(self, role: str, phrase: Phrase, qty: Quantity | None = None, bound: str | None = None,
                 deadline: Deadline | None = None, value: Decimal | None = None):
        _set(self, "role", role)
        _set(self, "phrase", phrase)
        _set(self, "qty", qty)
        _set(self, "bound", bound)
        _set(self, "deadline", deadline)
        _set(self, "value", value)


def _drop_contrasted(phrases: list[Phrase]) -> list[Phrase]:
    """'not just X, but Y' keeps Y."""
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
            continue
        out.append(p)
    return out if not skipping else [p for p in phrases if p.kind not in ("notjust", "contrast")]


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
    for p in phrases:
        if p.kind == "method" and len(p.toks) == 2 and not any(m.kind == "metric" for m in phrases):
            alt = next((m for t, m in getattr(p.toks[1], "alts", ()) if t == "METRIC"), None)
            if alt is not None:
                # "top-3 by reach": a ranking criterion that names the metric, not a method
                tok = p.toks[1]
                main.append(Phrase("metric", Span(tok.line, tok.column, tok.end_line, tok.end_column),
                                   str(tok), alt, toks=(tok,)))
                continue
        if p.kind == "method":
            in_method = True
            method_has_verb = len(p.toks) > 1       # "by posting": the marker carries a verb
            method.append(p)
            continue
        if in_method:
            main_has_verb = any(m.kind == "verb" for m in main)
            # a verb right after "чтобы/щоб/in order to" is the clause's own verb
            own_verb = p.kind == "verb" and method[-1].kind == "method" and not method_has_verb
            ends = (p.kind == "verb" and not main_has_verb and not own_verb) or (
                not method_has_verb and p.kind in ("prep", "bound"))
            if not ends:
                method_has_verb = method_has_verb or p.kind == "verb"
                method.append(p)
                continue
            in_method = False
        main.append(p)
    return main, method


def _has_placeholder(phrases: list[Phrase]) -> bool:
    for p in phrases:
        q = p
        while q is not None:
            if q.kind == "placeholder":
                return True
            q = q.arg
    return False


def _reread_verbs(phrases: list[Phrase]) -> list[Phrase]:
    """A verb-like word that can also be a metric is the metric when it comes after another
    verb ('increase reach') or when the statement names no other metric ('reach 120k')."""
    verbs = [p for p in phrases if p.kind == "verb"]
    if len(verbs) == 1 and not any(p.kind == "metric" for p in phrases):
        alt = next((m for t, m in verbs[0].alts if t == "METRIC"), None)
        if alt is not None and any(p.kind in ("amount", "prep", "bound") for p in phrases):
            return [p.evolve(kind="metric", value=alt, alts=()) if p is verbs[0] else p for p in phrases]
    out = []
    seen_verb = seen_metric = False
    for p in phrases:
        if p.kind == "verb" and seen_verb and not seen_metric:
            alt = next((m for t, m in p.alts if t == "METRIC"), None)
            if alt is not None:
                p = p.evolve(kind="metric", value=alt, alts=())
        if p.kind == "verb":
            seen_verb = True
        elif p.kind == "metric":
            seen_metric = True
        out.append(p)
    return out


class Assembler:
    def __init__(self, lexicons: LexiconSet):
        self.lex = lexicons

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
            if s.quarter is not None:
                d = date_of(DateSpec(s.year, quarter=s.quarter), today)
                return Deadline("quarter", d, None, phrase.text, "quarter", phrase.span)
            if s.half is not None:
                d = date_of(DateSpec(s.year, half=s.half), today)
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
    def _claims(self, phrases: list[Phrase], today, time_metric: bool) -> list[_Claim]:
        out: list[_Claim] = []
        for i, p in enumerate(phrases):
            nxt = phrases[i + 1] if i + 1 < len(phrases) else None
            out.extend(self._claims_of(p, None, nxt, today, time_metric))
        return out

    def _claims_of(self, p: Phrase, prep, nxt, today, time_metric, bound=None) -> list[_Claim]:
        k = p.kind
        if k == "amount":
            q: Quantity = p.value
            if q.unit in _TIME_UNITS:
                if q.value is None:
                    return []
                if nxt is not None and nxt.kind == "period" and q.unit not in SUBDAY and prep in (None, "over"):
                    return []   # "365 days a year", «5 дней в неделю»: how often, not by when
                if (q.unit == "year" and prep is None and bound is None and 1900 <= q.value <= 2199
                        and str(p.toks[0]).isdigit() and len(p.toks) == 2):
                    # «2026 года», «2026 року» with no preposition: that calendar year, not 2026 years
                    return [_Claim("deadline", p, deadline=Deadline("date", dt.date(int(q.value), 12, 31), None,
                                                                    p.text, "year", p.span))]
                if prep == "from" and (time_metric or q.unit in SUBDAY):
                    return [_Claim("baseline", p, q.evolve(unit=UNIT_SHORT[q.unit]))]
                day_level = q.unit == "day" and not self._time_level
                if q.unit in SUBDAY or (time_metric and (prep in _LEVEL_PREPS or prep is None or day_level)):
                    within = prep in ("within", "in", "until", None) and bound is None
                    return [_Claim("level", p, q.evolve(unit=UNIT_SHORT[q.unit]),
                                   "le" if within else bound)]
                return [_Claim("deadline", p, deadline=self._duration(p, q.value, q.unit, today))]
            if q.unit == "times":
                return [_Claim("multiple", p, value=q.value)] if q.value is not None else []
            if prep == "from":
                return [_Claim("baseline", p, q)]
            if prep in _CHANGE_PREPS and not (self._produces and q.unit in _CURRENCIES):
                return [_Claim("change", p, q, bound)]
            if prep in _CHANGE_PREPS:
                return [_Claim("level", p, q, bound)]
            if prep in _LEVEL_PREPS:
                return [_Claim("level", p, q, bound)]
            if prep == "over":
                return [_Claim("level", p, q, "ge")]
            if prep is None and ((nxt is not None and nxt.kind in ("more", "new"))
                                 or (self._new and q.unit not in ("%", "pp"))):
                return [_Claim("change", p, q, bound)]
            return [_Claim("level" if bound else "bare", p, q, bound)]
        if k == "rank":
            return [_Claim("rank", p, value=p.value)]
        if k == "multiple":
            return [_Claim("multiple", p, value=Decimal(p.value))]
        if k == "prep":
            arg = p.arg
            year, unit = arg.value if arg.kind == "year" else (None, None)
            if arg.kind == "year" and ((unit is None and (
                    p.value in ("to", "from", "on", "over", "at") or (nxt is not None and nxt.kind == "metric")
                    or (p.value == "until" and self._has_from))) or (unit is not None and unit != "year")
                    or (unit == "year" and (p.value in ("within", "after", "over")
                                            or (p.value == "in" and self._lang == "en")))):
                # ...but «в 2026 году» is the year 2026: only English says "in 2026 years" for a count
                # "to 2000 followers", «с 1899 до 1900», "within 2000 months": a number, not a year
                q = Quantity(Decimal(year), unit=unit)
                arg = arg.evolve(kind="amount", value=q)
            if p.value == "from" and arg.kind in ("date", "span", "year", "unit", "season", "named"):
                return []
            if arg.kind == "unit" and (arg.value in SUBDAY or (time_metric and arg.value == "day")):
                # "within a minute", «в течение часа»: a response time, not a deadline
                q = Quantity(Decimal(1), unit=arg.value)
                return self._claims_of(arg.evolve(kind="amount", value=q), p.value, nxt, today,
                                       time_metric, bound)
            if (self._lang != "en" and p.value == "in" and arg.kind == "amount" and arg.value.unit == "quarter"
                    and arg.value.value in (1, 2, 3, 4)):
                # «во 2 квартале», «у 2 кварталі 2026 року»: that calendar quarter, not two quarters
                year = _calendar_year(nxt)
                d = date_of(DateSpec(year, quarter=int(arg.value.value)), today)
                text, span = p.text, p.span
                if year is not None:
                    span = span.cover(nxt.span)
                    text = f"{text} {nxt.text}"
                return [_Claim("deadline", p, deadline=Deadline("quarter", d, None, text, "quarter", span))]
            if arg.kind in ("amount", "rank", "multiple", "bound"):
                inner = self._claims_of(arg, p.value, nxt, today, time_metric)
                return [c.evolve(deadline=attr.evolve(c.deadline, text=p.text, span=p.span))
                        if c.deadline is not None else c for c in inner]
            dl = self._deadline_of(arg, p.value, today)
            if dl is not None:
                dl = attr.evolve(dl, text=p.text, span=p.span)
                return [_Claim("deadline", p, deadline=dl)]
            return []
        if k == "bound":
            return self._claims_of(p.arg, prep, nxt, today, time_metric, bound=p.value)
        if k == "year":
            year, unit = p.value
            if bound is not None or unit not in (None, "year"):
                # "at least 2000 followers", "2000 hours": a number that looks like a year
                q = Quantity(Decimal(year), unit=unit)
                return self._claims_of(p.evolve(kind="amount", value=q), prep, nxt, today, time_metric, bound)
            return []
        if k in ("date", "span", "season", "event"):
            dl = self._deadline_of(p, None, today)
            return [_Claim("deadline", p, deadline=dl)] if dl else []
        return []

    # -- the goal ---------------------------------------------------------------------
    def build(self, text: str, lang: str, phrases: list[Phrase], today: dt.date | None, span: Span) -> Goal:
        phrases = _reread_verbs(_drop_contrasted(phrases))
        main, method = _split_method(phrases)

        verbs = [p for p in main if p.kind == "verb"]
        # with no verb, or after "sell/earn/get", «на 1 млн грн» is an amount worth, not a change
        self._produces = not verbs or verbs[0].value.split(":")[0] == "achieve"
        self._lang = lang
        self._new = any(p.kind == "new" for p in main)
        self._has_from = any(p.kind == "prep" and p.value == "from" and p.arg.kind in ("amount", "year")
                             for p in main)
        # "from 24 hours to 2 hours within 30 days": with a time level stated, days are the deadline
        self._time_level = any(
            (p.kind == "amount" and p.value.unit in _TIME_UNITS)
            or (p.kind == "prep" and p.arg.kind == "amount" and p.arg.value.unit in SUBDAY)
            or (p.kind == "prep" and p.value in _LEVEL_PREPS and p.arg.kind == "amount"
                and p.arg.value.unit in _TIME_UNITS)
            or (p.kind == "bound" and p.arg.kind == "amount" and p.arg.value.unit in _TIME_UNITS)
            for p in main)
        verb_cls, implied = (None, None)
        if verbs:
            verb_cls, _, implied = verbs[0].value.partition(":")
            implied = implied or None

        metric_phrases = [p for p in main if p.kind == "metric"]
        info = self.lex.metrics
        chosen = self._choose_metric(metric_phrases)
        if implied is not None and info[implied].time:
            chosen = None  # "answer every request within 24 hours" measures the answering
        time_metric = (verb_cls == "respond") or bool(
            chosen is not None and info[chosen.value].time) or (implied is not None and info[implied].time)

        # group phrases by metric: a new group starts at each metric after the chosen one's group
        # a compound goal joins metrics with "and/or/и/та"; a metric word right after another
        # one ("стоимость заявки", "client request") qualifies it and starts no new group
        groups: list[tuple[Phrase | None, list[Phrase]]] = [(None, [])]
        joined = False
        for p in main:
            if p.kind == "conj":
                joined = True
            if p.kind == "metric":
                if groups[-1][0] is None:
                    groups[-1] = (p, groups[-1][1])
                elif joined:
                    groups.append((p, []))
                joined = False
            groups[-1][1].append(p)

        claims_by_group = [(m, self._claims(ps, today, time_metric)) for m, ps in groups]
        all_main_claims = [c for _, cs in claims_by_group for c in cs]
        method_claims = self._claims(method, today, time_metric)

        deadline = next((c.deadline for c in all_main_claims + method_claims if c.role == "deadline"), None)

        chosen_group = next((i for i, (m, _) in enumerate(claims_by_group) if m is chosen), 0)
        targets = [c for c in claims_by_group[chosen_group][1] if c.role != "deadline"]
        if not any(c.role != "baseline" for c in targets):
            targets = [c for c in all_main_claims if c.role != "deadline"]

        # an abstract outcome pursued through a concrete, measured one: the measured one is the goal
        if chosen is not None and info[chosen.value].abstract and not [c for c in targets if c.role != "baseline"]:
            m_metrics = [p for p in method if p.kind == "metric" and not info[p.value].abstract]
            m_targets = [c for c in method_claims if c.role not in ("deadline", "baseline")]
            if m_metrics and m_targets:
                chosen = m_metrics[0]
                targets = [c for c in method_claims if c.role != "deadline"]
                m_verbs = [p for p in method if p.kind == "verb"]
                if m_verbs:
                    verb_cls, _, implied = m_verbs[0].value.partition(":")
                    implied = implied or None

        baseline_claim = next((c for c in targets if c.role == "baseline"), None)
        target_claim = next((c for c in targets if c.role != "baseline"), None)
        if (baseline_claim is not None and target_claim is not None and target_claim.role == "level"
                and verb_cls == "achieve" and baseline_claim.qty.value is not None
                and target_claim.qty.value is not None and baseline_claim.qty.value <= target_claim.qty.value):
            # "get from 30 to 50 leads a week": a range to produce, not a starting point
            q = Quantity(None, baseline_claim.qty.value, target_claim.qty.value,
                         target_claim.qty.unit or baseline_claim.qty.unit)
            span_phrase = target_claim.phrase.evolve(span=baseline_claim.phrase.span.cover(
                target_claim.phrase.span))
            target_claim = _Claim("level", span_phrase, q, target_claim.bound)
            baseline_claim = None
        if baseline_claim is not None and target_claim is not None and target_claim.role in ("bare", "change"):
            # "from 4% to 6%" reads the second number as the level even without "to"
            if target_claim.role == "bare":
                target_claim = target_claim.evolve(role="level")

        vague = any(p.kind in ("more", "less") for p in main)
        has_more = any(p.kind == "more" for p in main)
        has_less = any(p.kind == "less" for p in main)
        has_new = any(p.kind == "new" for p in main)
        placeholder = _has_placeholder(main + method)

        metric_name = chosen.value if chosen is not None else implied
        direction = self._direction(verb_cls, target_claim, baseline_claim, has_more, has_less,
                                    has_new, metric_name)
        target = self._target(target_claim, direction, baseline_claim)
        baseline = None
        if baseline_claim is not None and baseline_claim.qty.value is not None:
            unit = _unit(baseline_claim.qty.unit)
            if unit is None and target is not None and target.kind == "absolute":
                unit = target.unit  # "from 15 to 10 seconds", «с 5 до 8%»
            baseline = Baseline(number(baseline_claim.qty.value), unit, baseline_claim.phrase.span)
        if direction == "improve":  # pragma: no cover - resolved in _direction
            direction = None

        period = next((p.value for p in main if p.kind == "period"), None)
        per = next((p.value for p in main + method if p.kind == "perpost"), None)
        channel = next((p.value for p in main + method if p.kind == "channel"), None)

        metric = None
        if chosen is not None or implied is not None:
            name = metric_name
            mi = info[name]
            unit = (target.unit if target else None) or (baseline.unit if baseline else None)
            if mi.percent_variant and unit == "%":
                name = mi.percent_variant
                mi = info[name]
            if per:
                name = f"{name}_per_{per}"
            mtext = chosen.text if chosen is not None else verbs[0].text
            mspan = chosen.span if chosen is not None else verbs[0].span
            metric = Metric(name, mtext, mi.category, mspan)
        category = self._category(metric, target, channel, direction)

        secondary = []
        for i, (m, cs) in enumerate(claims_by_group):
            if m is None or m is chosen or i == chosen_group or chosen is None:
                continue
            tc = next((c for c in cs if c.role not in ("deadline", "baseline")), None)
            mi = info[m.value]
            secondary.append(Secondary(Metric(m.value, m.text, mi.category, m.span),
                                       self._target(tc, direction, None), m.span))

        method_numbers = tuple(number(c.qty.value) for c in method_claims
                               if c.qty is not None and c.qty.value is not None)
        return Goal(text=text, lang=lang, direction=direction, metric=metric, category=category,
                    period=period, channel=channel, baseline=baseline, target=target,
                    deadline=deadline, secondary=tuple(secondary), per=per,
                    vague=vague and target is None, placeholder=placeholder,
                    method_numbers=method_numbers, start=today, span=span)

    def _choose_metric(self, metric_phrases: list[Phrase]) -> Phrase | None:
        if not metric_phrases:
            return None
        info = self.lex.metrics
        # an activity word next to a result ("accounts ... by followers") is not the goal's metric
        for p in metric_phrases:
            if not info[p.value].activity:
                if info[metric_phrases[0].value].activity:
                    return p
                break
        return metric_phrases[0]

    def _direction(self, verb_cls, target, baseline, more, less, new, metric_name):
        info = self.lex.metrics
        mi = info.get(metric_name) if metric_name else None
        d = verb_cls
        if d == "improve":
            d = "decrease" if (mi and mi.lower_is_better) else "increase"
        elif d == "respond":
            d = "maintain"
        elif d == "activity":
            d = "increase" if (more and target is None) else "achieve"
        if d is None:
            if target is not None and baseline is not None and target.qty is not None \
                    and target.qty.value is not None and baseline.qty.value is not None:
                d = "increase" if target.qty.value >= baseline.qty.value else "decrease"
            elif mi is not None and mi.lower_is_better and target is not None and target.bound == "le":
                d = "decrease"  # "CPL: under $20", «CAC не более 200 грн»: a ceiling on a cost
            elif target is not None and target.qty is not None and target.qty.signed:
                d = "increase"
            elif target is not None and target.role == "multiple":
                d = "increase"
            elif target is not None and target.role == "change":
                d = "increase"
            elif target is not None and target.role in ("level", "bare", "rank"):
                d = "reach"
            elif more or new:
                d = "increase"
            elif less:
                d = "decrease"
        if d == "achieve":
            activity = bool(mi and mi.activity)
            if target is None and (more or new) and not activity:
                d = "increase"
            elif target is not None and target.role == "change" and not activity:
                d = "increase"
            elif target is not None and target.role == "rank":
                d = "reach"
        if d == "increase" and target is not None and baseline is None and target.role in ("level", "rank"):
            d = "reach"
        if d == "increase" and target is not None and baseline is None and target.role == "bare" \
                and target.qty.unit not in ("%", "pp") and target.qty.low is None and not target.qty.signed:
            d = "increase" if new else "reach"
        return d

    def _target(self, claim: _Claim | None, direction, baseline) -> Target | None:
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
            relative = (direction in ("increase", "decrease") and baseline is None
                        and (unit in ("%", "pp") or q.signed))
            kind = "relative" if relative else "absolute"
        else:
            kind = "absolute"
        return Target(kind, number(q.value), None, None, unit, claim.bound, span)

    def _category(self, metric, target, channel, direction) -> str:
        if metric is not None:
            return metric.category
        defaults = self.lex.defaults
        if target is not None and target.unit in ("USD", "EUR", "RUB", "UAH", "GBP"):
            return self.lex.metrics[defaults.get("currency_only", "revenue")].category
        if channel is not None and direction in ("increase", "reach", "achieve"):
            return defaults.get("channel_only", "awareness")
        return "other"


def _calendar_year(p: Phrase | None) -> int | None:
    """The year a phrase names ("2026", «2026 года»), or None."""
    if p is not None and p.kind == "year" and p.value[1] in (None, "year"):
        return p.value[0]
    if (p is not None and p.kind == "amount" and p.value.unit == "year" and p.value.value is not None
            and 1900 <= p.value.value <= 2199 and str(p.toks[0]).isdigit()):
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
