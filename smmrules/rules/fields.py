"""The fields and functions rule conditions may use, their types, and their values for a goal."""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from ..base.record import Record, _set
from ..language.ast import CATEGORIES, DEADLINE_KINDS, DIRECTIONS, LANGS, PERIODS, TARGET_KINDS, Goal
from ..language.context import ROLES, Context
from ..language.lexicon import UNIT_KINDS, LexiconSet
from ..metrics import MetricError, implied_monthly_growth, monthly_growth_of_factor
from ..language.normalize import duration_months, months_between


class FieldType(Record):
    """kind: num | str | bool | date | list | obj (tested with "is missing" only); values: the
    allowed values of a str field (checked at load time)."""

    __slots__ = ("kind", "values")

    def __init__(self, kind: str, values: tuple | None = None):
        _set(self, "kind", kind)
        _set(self, "values", values)


NUM, STR, BOOL, DATE, LIST, OBJ = (FieldType(k) for k in ("num", "str", "bool", "date", "list", "obj"))


def _enum(values) -> FieldType:
    return FieldType("str", tuple(values))


SCOPES = ("goal", "task", "header", "line", "suppression", "syntax")


def declared_fields(lexicons: LexiconSet, scope: str = "goal") -> dict[str, FieldType]:
    """The fields a rule of `scope` may read: its own entity's, plus the document's."""
    cues = sorted(lexicons.cue_names)
    doc = {
        "doc.role": _enum(ROLES), "doc.paid_ads": BOOL, "doc.history_months": NUM,
        "doc.lead_processing": BOOL, "doc.start": DATE, "doc.budget": NUM,
        "ctx.today": DATE,
    }
    if scope == "task":
        return {"task.text": STR, "task.orphan": BOOL, "task.categories": FieldType("list", CATEGORIES),
                "task.goal_category": _enum(CATEGORIES), "task.serves_goal": BOOL,
                "task.cues": FieldType("list", tuple(cues)), "task.frequency_low": NUM,
                "task.frequency_high": NUM, **doc}
    if scope == "header":
        return {"header.key": STR, "header.known": BOOL, "header.duplicate": BOOL, "header.error": STR,
                "header.type": STR, **doc}
    if scope == "line":
        return {"line.text": STR, **doc}
    if scope == "suppression":
        return {"suppression.unused": BOOL, "suppression.unknown": LIST, "suppression.renamed": LIST,
                "suppression.file_wide": BOOL, **doc}
    if scope == "syntax":
        return {"syntax.code": STR, "syntax.text": STR, **doc}
    return {
        "goal.task_count": NUM, "goal.duplicate_line": NUM, "goal.conflict_line": NUM,
        "goal.text": STR, "goal.lang": _enum(LANGS), "goal.category": _enum(CATEGORIES),
        "goal.direction": _enum(DIRECTIONS), "goal.metric": STR, "goal.metric_text": STR,
        "goal.metric.unit_kind": _enum(UNIT_KINDS),
        "goal.period": _enum(PERIODS), "goal.channel": STR, "goal.per": STR,
        "goal.abstract": BOOL, "goal.activity": BOOL, "goal.vague": BOOL, "goal.placeholder": BOOL,
        "goal.concrete": BOOL,
        "goal.cues": FieldType("list", tuple(cues)), "goal.secondary": LIST, "goal.method_numbers": LIST,
        "goal.unplaced": LIST, "goal.parts": FieldType("list", CATEGORIES),
        "goal.target": OBJ, "goal.deadline": OBJ, "goal.baseline": OBJ,
        "goal.baseline.value": NUM, "goal.baseline.unit": STR,
        "goal.target.kind": _enum(TARGET_KINDS), "goal.target.value": NUM, "goal.target.low": NUM,
        "goal.target.high": NUM, "goal.target.unit": STR, "goal.target.bound": _enum(("ge", "le")),
        "goal.target.hours": NUM, "goal.target.level": NUM,
        "goal.deadline.kind": _enum(DEADLINE_KINDS), "goal.deadline.date": DATE,
        "goal.deadline.duration": STR, "goal.deadline.months": NUM, "goal.deadline.text": STR,
        "goal.monthly_growth": NUM, "goal.time_text": STR,
        **doc,
    }


class FunctionSig(Record):
    """args: argument kinds ("*num" = any number of nums); returns: the result's kind."""

    __slots__ = ("args", "returns")

    def __init__(self, args: tuple, returns: str):
        _set(self, "args", args)
        _set(self, "returns", returns)


FUNCTIONS: dict[str, FunctionSig] = {
    "count": FunctionSig(("list",), "num"),
    "months_between": FunctionSig(("date", "date"), "num"),
    "max": FunctionSig(("*num",), "num"),
    "min": FunctionSig(("*num",), "num"),
    "abs": FunctionSig(("num",), "num"),
    "doc.baseline": FunctionSig(("str",), "num"),
}


def _fn_count(xs):
    return None if xs is None else len(xs)


def _fn_months_between(a, b):
    return None if a is None or b is None else months_between(a, b)


def _fn_max(*xs):
    xs = [x for x in xs if x is not None]
    return max(xs) if xs else None


def _fn_min(*xs):
    xs = [x for x in xs if x is not None]
    return min(xs) if xs else None


def _fn_abs(x):
    return None if x is None else abs(x)


FUNCTION_IMPLS: dict[str, Callable] = {
    "count": _fn_count, "months_between": _fn_months_between, "max": _fn_max, "min": _fn_min,
    "abs": _fn_abs,
}

_HOURS = {"s": 1 / 3600, "min": 1 / 60, "h": 1.0, "d": 24.0, "w": 168.0}


def deadline_months(goal: Goal, ctx: Context) -> float | None:
    d = goal.deadline
    if d is None:
        return None
    ref = ctx.reference_date or goal.start
    if d.date is not None and ref is not None:
        return months_between(ref, d.date)
    if d.duration:
        return duration_months(d.duration)
    return None


def baseline_for(goal: Goal, ctx: Context) -> float | None:
    if goal.baseline is not None:
        return goal.baseline.value
    if goal.metric is not None:
        return ctx.baselines.get(goal.metric.name)
    return None


def target_level(goal: Goal, ctx: Context) -> float | None:
    """The absolute level the target asks for, when a baseline makes it computable."""
    t = goal.target
    if t is None or t.value is None:
        return None
    if t.kind == "absolute":
        return t.value
    base = baseline_for(goal, ctx)
    if base is None:
        return None
    if t.kind == "multiple":
        return base * t.value
    if t.kind == "relative":
        sign = -1 if goal.direction == "decrease" else 1
        if t.unit == "%":
            return base * (1 + sign * t.value / 100)
        if t.unit is None:
            return base + sign * t.value
    return None


def monthly_growth(goal: Goal, ctx: Context, months: float | None) -> float | None:
    """Compound growth per month, in percent, that the target implies."""
    t = goal.target
    if t is None or not months or months <= 0 or goal.direction == "decrease":
        return None
    try:
        if t.kind == "multiple":
            return monthly_growth_of_factor(t.value, months)
        if t.kind == "relative" and t.unit == "%":
            return monthly_growth_of_factor(1 + t.value / 100, months)
        base = baseline_for(goal, ctx)
        level = target_level(goal, ctx)
        if base and level and t.unit not in ("%", "pp"):
            return implied_monthly_growth(base, level, months)
    except (MetricError, OverflowError):
        return None
    return None


def doc_values(ctx: Context) -> dict[str, Any]:
    return {"doc.role": ctx.role, "doc.paid_ads": ctx.paid_ads, "doc.history_months": ctx.history_months,
            "doc.lead_processing": ctx.lead_processing, "doc.start": ctx.start, "doc.budget": ctx.budget,
            "ctx.today": ctx.today, "_baselines": ctx.baselines}


def goal_values(goal: Goal, ctx: Context, lexicons: LexiconSet) -> dict[str, Any]:
    """Every declared field's value for this goal (None when missing)."""
    info = None
    if goal.metric is not None:
        # likes_per_post is likes counted per post; cost_per_lead is a metric of its own
        name = goal.metric.name
        info = lexicons.metrics.get(name) or lexicons.metrics.get(name.rsplit("_per_", 1)[0])
    t, d, b = goal.target, goal.deadline, goal.baseline
    months = deadline_months(goal, ctx)
    hours = None
    if t is not None and t.unit in _HOURS and t.value is not None:
        hours = t.value * _HOURS[t.unit]
    return {
        "goal.text": goal.text, "goal.lang": goal.lang, "goal.category": goal.category,
        "goal.direction": goal.direction, "goal.metric": goal.metric.name if goal.metric else None,
        "goal.metric_text": goal.metric.text if goal.metric else None,
        "goal.metric.unit_kind": info.unit_kind if info else None,
        "goal.period": goal.period, "goal.channel": goal.channel, "goal.per": goal.per,
        "goal.abstract": bool(info and info.abstract), "goal.activity": bool(info and info.activity),
        "goal.vague": goal.vague, "goal.placeholder": goal.placeholder,
        "goal.concrete": _concrete(goal, info, lexicons),
        "goal.cues": tuple(sorted(goal.cues)), "goal.secondary": tuple(s.metric.name for s in goal.secondary),
        "goal.method_numbers": goal.method_numbers,
        "goal.unplaced": goal.unplaced, "goal.parts": tuple(p.category for p in goal.parts),
        "goal.target": True if t else None, "goal.deadline": True if d else None,
        "goal.baseline": True if b else None,
        "goal.baseline.value": b.value if b else None, "goal.baseline.unit": b.unit if b else None,
        "goal.target.kind": t.kind if t else None, "goal.target.value": t.value if t else None,
        "goal.target.low": t.low if t else None, "goal.target.high": t.high if t else None,
        "goal.target.unit": t.unit if t else None, "goal.target.bound": t.bound if t else None,
        "goal.target.hours": hours, "goal.target.level": target_level(goal, ctx),
        "goal.deadline.kind": d.kind if d else None, "goal.deadline.date": d.date if d else None,
        "goal.deadline.duration": d.duration if d else None, "goal.deadline.months": months,
        "goal.deadline.text": d.text if d else None,
        "goal.monthly_growth": monthly_growth(goal, ctx, months),
        "goal.time_text": goal.time_text,
        "goal.task_count": None, "goal.duplicate_line": None, "goal.conflict_line": None,
        **doc_values(ctx),
    }


def _countable(info, target) -> bool:
    """A metric that can be counted as written: not an abstract outcome, and an activity only with a
    count ("publish 30 posts a month" is specific; "launch the campaign" names nothing to count)."""
    return info is not None and not info.abstract and (not info.activity or target is not None)


def _concrete(goal: Goal, info, lexicons: LexiconSet) -> bool:
    """Whether the goal names a concrete, countable metric: its own, or another aim's of a compound goal."""
    if _countable(info, goal.target):
        return True
    for aim in goal.parts + goal.secondary:
        if aim.metric is None:
            continue
        name = aim.metric.name
        other = lexicons.metrics.get(name) or lexicons.metrics.get(name.split("_per_")[0])
        if _countable(other, aim.target):
            return True
    return False


def python_kind(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "num"
    if isinstance(value, str):
        return "str"
    if isinstance(value, dt.date):
        return "date"
    return "list"
