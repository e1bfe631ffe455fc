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
