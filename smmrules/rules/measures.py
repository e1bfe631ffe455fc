"""What a goal implies beyond its words: months to its deadline, the level its target asks for, the
monthly growth that takes, and whether it names something countable (goal fields read them)."""
from __future__ import annotations

from ..language.ast import Goal
from ..language.context import Context
from ..language.lexicon import LexiconSet
from ..language.normalize import duration_months, months_between
from ..metrics import MetricError, implied_monthly_growth, monthly_growth_of_factor

_HOURS = {"s": 1 / 3600, "min": 1 / 60, "h": 1.0, "d": 24.0, "w": 168.0}


def metric_info(goal: Goal, lexicons: LexiconSet):
    """The lexicon's entry for the goal's metric (None without one)."""
    if goal.metric is None:
        return None
    # likes_per_post is likes counted per post; cost_per_lead is a metric of its own
    name = goal.metric.name
    return lexicons.metrics.get(name) or lexicons.metrics.get(name.rsplit("_per_", 1)[0])


def target_hours(goal: Goal) -> float | None:
    """A time target in hours."""
    t = goal.target
    if t is not None and t.unit in _HOURS and t.value is not None:
        return t.value * _HOURS[t.unit]
    return None


def deadline_months(goal: Goal, ctx: Context) -> float | None:
    d = goal.deadline
    if d is None:
        return None
    if d.duration:      # "within 2 months" is 2 months whatever the calendar months it spans
        return duration_months(d.duration)
    ref = ctx.reference_date or goal.start
    if d.date is not None and ref is not None:
        return months_between(ref, d.date)
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


def _countable(info, target) -> bool:
    """A metric that can be counted as written: not an abstract outcome, and an activity only with a
    count ("publish 30 posts a month" is specific; "launch the campaign" names nothing to count)."""
    return info is not None and not info.abstract and (not info.activity or target is not None)


def _headcount(goal: Goal, lexicons: LexiconSet) -> bool:
    """A bare count with a verb of growth and no metric word ("get to 5,000", «набрать 30 000»):
    read as the audience's headcount (metrics.toml, [defaults] count_only), which is countable. A
    count per month is a rate of something unnamed, not a headcount."""
    t = goal.target
    if goal.metric is not None or t is None or t.kind != "absolute" or t.unit is not None or goal.period:
        return False
    if t.value is None or t.value < lexicons.defaults.get("headcount_floor", 0):
        return False            # "number one in town" names a place (metrics.toml [defaults])
    implied = lexicons.defaults.get("count_only")
    category = lexicons.metrics[implied].category if implied in lexicons.metrics else implied
    return goal.category == category and goal.direction in ("increase", "reach", "achieve")


def concrete(goal: Goal, info, lexicons: LexiconSet) -> bool:
    """Whether the goal names a concrete, countable metric: its own, or another aim's of a compound
    goal, or the audience a bare headcount stands for."""
    if _countable(info, goal.target) or _headcount(goal, lexicons):
        return True
    if info is not None and info.abstract and not info.counted_variant and not any(a.target is not None for a in goal.parts + goal.secondary):
        # a list of aims led by an abstract outcome, none with a figure ("raise awareness, win new
        # clients and grow profit") reads as a mission: its main aim still names nothing to count.
        # A collective noun ("grow the audience and the sales") is not such an outcome.
        return False
    for aim in goal.parts + goal.secondary:
        if aim.metric is None:
            continue
        name = aim.metric.name
        other = lexicons.metrics.get(name) or lexicons.metrics.get(name.split("_per_")[0])
        if _countable(other, aim.target):
            return True
    return False
