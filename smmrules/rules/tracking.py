"""Where a goal stands: its check-ins read against its target and deadline (progress, expected progress,
pace and status, with the formulas of smmrules.metrics). The goal fields `goal.progress`, `goal.status`,
... and the report read it; a check-in that cannot be the goal's metric is kept out and reported."""
from __future__ import annotations

import datetime as dt
from collections import namedtuple
from typing import Optional

from .. import metrics
from ..language.ast import Goal
from ..language.context import Context
from .measures import _HOURS, baseline_for, target_level

# why a goal's status cannot be known: the slot or the data that is missing
MISSING = ("target", "metric", "checkin", "deadline", "start", "baseline")
# why a readable check-in cannot be the goal's metric: another metric named, a unit the metric is not
# counted in (or another currency), a number out of the metric's scale, a date after today
CHECKIN_PROBLEMS = ("metric", "unit", "scale", "future")


# Plain named tuples: typing.NamedTuple would compile each field's annotation on every run (15 of them
# with `from __future__ import annotations`), and this module is imported by every lint.
Point = namedtuple("Point", "date value")       # a usable check-in: (date, value in the goal's unit)


class Tracking(namedtuple("Tracking", "status missing points baseline level lower progress expected ratio pace "
                                      "recent_pace start deadline",
                          defaults=(None, (), None, None, False, None, None, None, None, None, None, None))):
    """status: one of metrics.STATUSES; missing: one of MISSING when the status is unknown; points: the
    usable check-ins as (date, value in the goal's unit), by date; level: the target level they are
    measured against; lower: whether lower is better; pace: change per month needed from the last check-in;
    recent_pace: change per month between the last two; start, deadline: the linear path's ends."""
    __slots__ = ()

    @property
    def current(self) -> Optional[float]:
        return self.points[-1].value if self.points else None


def _is_money(unit: Optional[str]) -> bool:
    return unit is not None and len(unit) == 3 and unit.isalpha() and unit.isupper()


def checkin_problem(checkin, goal: Goal, info, ctx: Context) -> tuple[Optional[str], Optional[float]]:
    """(problem, value): why a readable check-in cannot be the goal's metric (one of CHECKIN_PROBLEMS, or
    None), and its value in the unit of the goal's target (None with a problem)."""
    today = ctx.today
    if checkin.date is not None and today is not None and checkin.date > today:
        return "future", None
    if checkin.metric is not None and goal.metric is not None and checkin.metric != goal.metric.name:
        return "metric", None
    t = goal.target
    kind = info.unit_kind if info is not None else None
    tunit = t.unit if t is not None else None
    unit, value = checkin.unit, checkin.value
    rank_goal = (t is not None and t.kind == "rank") or kind == "rank"
    if unit == "rank" or rank_goal:
        if unit not in ("rank", None) or (unit == "rank" and not rank_goal):
            return "unit", None
        return (None, value) if value >= 1 and value == int(value) else ("scale", None)
    if unit in ("%", "pp"):
        percent_goal = kind in ("percent", "rate") or (t is not None and t.kind != "relative" and tunit in ("%", "pp"))
        return (None, value) if percent_goal else ("unit", None)
    if _is_money(unit):
        if _is_money(tunit) and tunit != unit:
            return "unit", None
        return (None, value) if kind == "money" or _is_money(tunit) else ("unit", None)
    if unit in _HOURS:
        if tunit in _HOURS:
            return None, value * _HOURS[unit] / _HOURS[tunit]
        return (None, value) if kind == "time" else ("unit", None)
    if unit is not None:
        return "unit", None
    if kind == "percent" and value > 100:
        return "scale", None
    return None, value


def _lower_is_better(goal: Goal, info, baseline: Optional[float], level: Optional[float]) -> bool:
    if goal.direction in ("increase", "decrease"):
        return goal.direction == "decrease"
    t = goal.target
    if t is not None and t.kind == "rank":
        return True
    if baseline is not None and level is not None and level != baseline:
        return level < baseline
    if t is not None and t.bound in ("le", "ge"):
        return t.bound == "le"
    return bool(info is not None and info.lower_is_better)


def _level(goal: Goal, ctx: Context, baseline: Optional[float], lower: bool) -> Optional[float]:
    """The level the target asks for, in the target's unit: the near edge of a range, the position of a
    rank, the baseline cut or multiplied for a relative or multiple target."""
    t = goal.target
    if t.kind == "range":
        return t.high if lower else t.low
    if t.kind == "rank":
        return t.value
    if baseline is not None and t.kind == "multiple" and t.value:
        return baseline / t.value if lower else baseline * t.value
    if baseline is not None and t.kind == "relative" and t.unit == "pp":
        return baseline - t.value if lower else baseline + t.value
    return target_level(goal, ctx)


def _points(checkins, goal: Goal, info, ctx: Context) -> tuple:
    """The usable check-ins as Points, by date (a check-in with no date was measured today)."""
    out = []
    for order, c in enumerate(checkins):
        if c.error is not None or c.value is None:
            continue
        problem, value = checkin_problem(c, goal, info, ctx)
        day = c.date or ctx.today
        if problem is None and day is not None:
            out.append((day, order, value))
    out.sort()
    return tuple(Point(day, value) for day, _, value in out)


def track(goal: Goal, checkins, ctx: Context, info, *, on_track: float = metrics.ON_TRACK,
          at_risk: float = metrics.AT_RISK) -> Tracking:
    """Where `goal` stands after its `checkins` (documents.goals.CheckIn records); `info` is the lexicon's
    entry for its metric (measures.metric_info)."""
    t = goal.target
    if t is None or (t.value is None and t.kind != "range"):
        return Tracking("unknown", "target")
    if goal.metric is None:
        return Tracking("unknown", "metric")
    points = _points(checkins, goal, info, ctx)
    if not points:
        return Tracking("unknown", "checkin")
    baseline = baseline_for(goal, ctx)
    keeps = goal.direction == "maintain"
    # the sense first from the target alone, then with the level it gives
    lower = _lower_is_better(goal, info, baseline, None)
    level = _level(goal, ctx, baseline, lower)
    if level is None and keeps:
        level = baseline
    lower = _lower_is_better(goal, info, baseline, level)
    deadline = goal.deadline.date if goal.deadline is not None else None
    today = ctx.today or points[-1].date
    base = Tracking("unknown", None, points, baseline, level, lower, deadline=deadline, start=ctx.start)
    if level is None:
        return base._replace(missing="baseline")
    on, current = points[-1]
    reached = current <= level if lower else current >= level
    passed = deadline is not None and deadline < today
    recent = None
    if len(points) >= 2 and points[-2].date < points[-1].date:
        recent = metrics.observed_pace(points[-2], points[-1])
    base = base._replace(recent_pace=recent)
    if keeps:
        made = metrics.holding(level, current, lower)
        st = metrics.status(made, 1.0, deadline_passed=passed, keeps_level=True, on_track=on_track, at_risk=at_risk)
        return base._replace(status=st, progress=made, expected=1.0, ratio=made)
    if reached:
        return base._replace(status="done", progress=1.0 if baseline in (None, level) else
                             metrics.progress(baseline, level, current))
    if passed:
        made = None if baseline in (None, level) else metrics.progress(baseline, level, current)
        return base._replace(status="missed", progress=made)
    if deadline is None:
        return base._replace(missing="deadline")
    if ctx.start is None or ctx.start >= deadline:
        return base._replace(missing="start")
    if baseline is None or baseline == level:
        return base._replace(missing="baseline")
    made = metrics.progress(baseline, level, current)
    expected = metrics.expected_progress(ctx.start, deadline, on)
    st = metrics.status(made, expected, deadline_passed=False, on_track=on_track, at_risk=at_risk)
    pace = metrics.pace_needed(current, level, on, deadline) if on < deadline else None
    return base._replace(status=st, progress=made, expected=expected, ratio=metrics.progress_ratio(made, expected),
                         pace=pace)
