"""SMM metric formulas: ERR, engagement and conversion rates, growth and targets.

Every function checks its inputs and raises MetricError (a ValueError and SmmrulesError)
for impossible ones: negative counts, a zero reach or base, a non-positive period.
"""
from __future__ import annotations

import math

from .base.errors import SmmrulesError


class MetricError(SmmrulesError, ValueError):
    """Inputs no real account can have."""


def _count(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise MetricError(f"{name} must be a number, got {value!r}")
    try:
        number = float(value)
    except OverflowError:  # an int beyond the float range
        number = math.inf
    if math.isnan(number) or math.isinf(number):
        raise MetricError(f"{name} must be finite, got {value!r}")
    if number < 0:
        raise MetricError(f"{name} cannot be negative, got {value!r}")
    return number


def _result(name: str, compute) -> float:
    """The formula's value, or MetricError when it is beyond the float range."""
    try:
        value = compute()
    except OverflowError:
        value = math.inf
    if not math.isfinite(value):
        raise MetricError(f"{name} is too large to compute for these inputs")
    return value


def _base(name: str, value: float) -> float:
    value = _count(name, value)
    if value == 0:
        raise MetricError(f"{name} must be above zero")
    return value


def err(reactions: float, reach: float) -> float:
    """ERR = (sum of all reactions under a post / reach of the post) x 100%."""
    reactions, reach = _count("reactions", reactions), _base("reach", reach)
    return _result("ERR", lambda: reactions / reach * 100)


def engagement_rate_by_reach(interactions: float, reach: float) -> float:
    """Interactions (likes, comments, shares, saves) per person reached, in percent."""
    interactions, reach = _count("interactions", interactions), _base("reach", reach)
    return _result("the engagement rate", lambda: interactions / reach * 100)


def engagement_rate_by_followers(interactions: float, followers: float) -> float:
    """Interactions per follower, in percent."""
    interactions, followers = _count("interactions", interactions), _base("followers", followers)
    return _result("the engagement rate", lambda: interactions / followers * 100)


def conversion_rate(conversions: float, visitors: float) -> float:
    """Share of visitors (or leads) who converted, in percent."""
    conversions = _count("conversions", conversions)
    visitors = _base("visitors", visitors)
    if conversions > visitors:
        raise MetricError(f"conversions ({conversions:g}) cannot exceed visitors ({visitors:g})")
    return conversions / visitors * 100


def growth_percent(before: float, after: float) -> float:
    """Change from `before` to `after`, in percent of `before`."""
    after, before = _count("after", after), _base("before", before)
    return _result("the growth", lambda: (after - before) / before * 100)


def absolute_target(baseline: float, percent: float) -> float:
    """The level a relative target reaches: baseline grown (or cut) by `percent`."""
    baseline = _count("baseline", baseline)
    if isinstance(percent, bool) or not isinstance(percent, (int, float)) or not math.isfinite(percent):
        raise MetricError(f"percent must be a finite number, got {percent!r}")
    if percent < -100:
        raise MetricError(f"a decrease cannot exceed 100%, got {percent:g}%")
    return _result("the target level", lambda: baseline * (1 + percent / 100))


def relative_target(baseline: float, target: float) -> float:
    """The relative target (in percent) that takes `baseline` to the level `target`."""
    return growth_percent(baseline, target)


def implied_monthly_growth(baseline: float, target: float, months: float) -> float:
    """Compound growth per month, in percent, that takes `baseline` to `target` in `months`."""
    baseline = _base("baseline", baseline)
    target = _base("target", target)
    months = _base("months", months)
    return _result("the monthly growth", lambda: ((target / baseline) ** (1 / months) - 1) * 100)


def monthly_growth_of_factor(factor: float, months: float) -> float:
    """Compound growth per month, in percent, of a total growth `factor` (2.0 = double)."""
    return implied_monthly_growth(1.0, _base("factor", factor), months)


# -- progress against a goal --------------------------------------------------------------------------
# Statuses of a goal with check-ins, from best to worst, then the one that says something is missing.
STATUSES = ("done", "on-track", "behind", "at-risk", "missed", "unknown")
# The share of the expected progress a goal must have made to be on track, and below which it is at risk
# (between the two it is behind); rules take theirs from their options.
ON_TRACK = 0.95
AT_RISK = 0.75
_DAYS_PER_MONTH = 30.4375


def _finite(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise MetricError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def progress(baseline: float, target: float, current: float) -> float:
    """The share of the way from `baseline` to `target` that `current` has gone: 0 at the baseline, 1 at
    the target, above 1 past it, below 0 when the value moved away. The same formula serves a decrease
    (target below baseline): a cost per lead from 2.4 to 1.8 that is now 1.6 has gone 4/3 of the way."""
    baseline, target, current = _finite("baseline", baseline), _finite("target", target), _finite("current", current)
    if baseline == target:
        raise MetricError("the baseline and the target are the same level: there is no way to go")
    return _result("the progress", lambda: (current - baseline) / (target - baseline))


def holding(level: float, current: float, lower_is_better: bool) -> float:
    """Progress of a goal that keeps a level: 1 while `current` holds it (at or above it, at or below it
    for a metric where lower is better), else the share of the level it keeps (0 for nothing kept)."""
    level, current = _count("level", level), _count("current", current)
    if (current <= level) if lower_is_better else (current >= level):
        return 1.0
    if lower_is_better:
        return level / current          # current > level >= 0 here
    return current / level              # level > current >= 0 here


def expected_progress(start, deadline, on) -> float:
    """Progress a linear path from `start` (0) to `deadline` (1) has made on the date `on`, within [0, 1]."""
    if deadline <= start:
        raise MetricError(f"the deadline ({deadline}) must come after the start ({start})")
    share = (on - start).days / (deadline - start).days
    return min(1.0, max(0.0, share))


def months_between_dates(start, end) -> float:
    """Months (of 30.4375 days) from one date to another, negative when `end` comes first."""
    return (end - start).days / _DAYS_PER_MONTH


def _per_month(before: float, after: float, start, end, too_short: str) -> float:
    """The change from `before` (on `start`) to `after` (on `end`) per month."""
    before, after = _finite("value", before), _finite("value", after)
    months = months_between_dates(start, end)
    if months <= 0:
        raise MetricError(too_short)
    return _result("the pace", lambda: (after - before) / months)


def pace_needed(current: float, target: float, on, deadline) -> float:
    """The change per month that takes `current` on the date `on` to `target` by `deadline` (negative for
    a decrease)."""
    return _per_month(current, target, on, deadline, f"no time is left: the deadline ({deadline}) is not after {on}")


def observed_pace(earlier: tuple, later: tuple) -> float:
    """The change per month between two (date, value) check-ins."""
    (d0, v0), (d1, v1) = earlier, later
    return _per_month(v0, v1, d0, d1, f"the later check-in ({d1}) must come after the earlier one ({d0})")


def progress_ratio(made: float, expected: float) -> float:
    """The progress made as a share of the progress expected by then (1 when nothing was expected yet and
    the value has not moved away)."""
    made, expected = _finite("progress", made), _finite("expected progress", expected)
    if expected <= 0:
        return 1.0 if made >= 0 else 0.0
    return _result("the ratio", lambda: made / expected)


def status(made: float, expected: float, *, deadline_passed: bool, keeps_level: bool = False,
           on_track: float = ON_TRACK, at_risk: float = AT_RISK) -> str:
    """done, on-track, behind, at-risk or missed, for progress `made` against the `expected` progress.

    A goal that has gone the whole way is done (a goal that keeps a level only once its deadline has
    passed: until then it is on track); past the deadline short of the target it is missed; otherwise the
    ratio of made to expected progress decides: on track at `on_track` or more, at risk below `at_risk`,
    behind between them."""
    if not 0 < at_risk <= on_track:
        raise MetricError(f"the thresholds must satisfy 0 < at_risk <= on_track, got {at_risk!r} and {on_track!r}")
    made = _finite("progress", made)
    if made >= 1 and (deadline_passed or not keeps_level):
        return "done"
    if deadline_passed:
        return "missed"
    ratio = progress_ratio(made, expected)
    if ratio >= on_track:
        return "on-track"
    return "behind" if ratio >= at_risk else "at-risk"
