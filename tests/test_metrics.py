"""smmrules.metrics: known values, MetricError for impossible inputs, and properties."""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smmrules
from smmrules import metrics
from smmrules.metrics import (
    MetricError, absolute_target, conversion_rate, engagement_rate_by_followers, engagement_rate_by_reach, err,
    growth_percent, implied_monthly_growth, monthly_growth_of_factor, relative_target,
)

TWELFTH_ROOT_OF_TWO = 2 ** (1 / 12)  # 1.0594630943592953


# known values --------------------------------------------------------------------------------

@pytest.mark.parametrize("func, args, expected", [
    # ERR = reactions / reach x 100%
    (err, (150, 1000), 15.0),
    (err, (0, 1000), 0.0),
    (err, (1000, 1000), 100.0),
    (err, (1500, 1000), 150.0),          # impossible as a target, but a plain ratio here
    (err, (18, 100), 18.0),
    (err, (1, 3), 100 / 3),
    (err, (0.5, 2.0), 25.0),
    (engagement_rate_by_reach, (45, 900), 5.0),
    (engagement_rate_by_reach, (0, 1), 0.0),
    (engagement_rate_by_followers, (250, 10_000), 2.5),
    (engagement_rate_by_followers, (3200, 3200), 100.0),
    (conversion_rate, (30, 1200), 2.5),
    (conversion_rate, (0, 50), 0.0),
    (conversion_rate, (50, 50), 100.0),
    (conversion_rate, (1, 8), 12.5),
    (growth_percent, (3200, 5000), 56.25),
    (growth_percent, (200, 150), -25.0),
    (growth_percent, (100, 100), 0.0),
    (growth_percent, (100, 0), -100.0),
    (growth_percent, (1000, 3000), 200.0),
    (absolute_target, (3200, 56.25), 5000.0),
    (absolute_target, (1000, -25), 750.0),
    (absolute_target, (1000, -100), 0.0),
    (absolute_target, (1000, 0), 1000.0),
    (absolute_target, (0, 50), 0.0),
    (absolute_target, (500, 300), 2000.0),
    (relative_target, (3200, 5000), 56.25),
    (relative_target, (1000, 750), -25.0),
    (relative_target, (1000, 0), -100.0),
    (implied_monthly_growth, (1000, 2000, 12), (TWELFTH_ROOT_OF_TWO - 1) * 100),
    (implied_monthly_growth, (1000, 8000, 3), 100.0),
    (implied_monthly_growth, (100, 100, 6), 0.0),
    (implied_monthly_growth, (1000, 500, 1), -50.0),
    (implied_monthly_growth, (3200, 5000, 1), 56.25),
    (implied_monthly_growth, (400, 100, 2), -50.0),
    (implied_monthly_growth, (100, 121, 2), 10.0),
    (implied_monthly_growth, (100, 400, 0.5), 1500.0),  # 4x in half a month = 16x per month
    (monthly_growth_of_factor, (2.0, 12), (TWELFTH_ROOT_OF_TWO - 1) * 100),
    (monthly_growth_of_factor, (8, 3), 100.0),
    (monthly_growth_of_factor, (1, 7), 0.0),
    (monthly_growth_of_factor, (0.25, 2), -50.0),
    (monthly_growth_of_factor, (1.21, 2), 10.0),
])
def test_known_values(func, args, expected):
    got = func(*args)
    assert isinstance(got, float)
    assert math.isclose(got, expected, rel_tol=1e-12, abs_tol=1e-12), (func.__name__, args, got)


def test_implied_monthly_growth_of_doubling_in_a_year_is_about_5_946_percent():
    assert round(implied_monthly_growth(1000, 2000, 12), 3) == 5.946
    assert round(monthly_growth_of_factor(2, 12), 3) == 5.946


def test_err_bands():
    # 10-15% is good, above is excellent, below means the content needs work
    assert err(99, 1000) < 10 <= err(100, 1000) <= err(150, 1000) == 15.0 < err(151, 1000)


def test_int_and_float_inputs_agree():
    assert err(150, 1000) == err(150.0, 1000.0)
    assert conversion_rate(30, 1200) == conversion_rate(30.0, 1200.0)
    assert growth_percent(3200, 5000) == growth_percent(3200.0, 5000.0)


# impossible inputs ---------------------------------------------------------------------------

def test_metric_error_is_a_value_error_and_a_smmrules_error():
    assert issubclass(MetricError, ValueError)
    assert issubclass(MetricError, smmrules.SmmrulesError)
    assert metrics.MetricError is smmrules.metrics.MetricError
    with pytest.raises(ValueError):
        err(1, 0)
    with pytest.raises(smmrules.SmmrulesError):
        err(1, 0)


NAN, INF = float("nan"), float("inf")


@pytest.mark.parametrize("call, message", [
    # a zero base
    (lambda: err(10, 0), r"reach must be above zero"),
    (lambda: err(0, 0.0), r"reach must be above zero"),
    (lambda: engagement_rate_by_reach(10, 0), r"reach must be above zero"),
    (lambda: engagement_rate_by_followers(10, 0), r"followers must be above zero"),
    (lambda: conversion_rate(0, 0), r"visitors must be above zero"),
    (lambda: growth_percent(0, 100), r"before must be above zero"),
    (lambda: relative_target(0, 100), r"before must be above zero"),
    (lambda: implied_monthly_growth(0, 100, 12), r"baseline must be above zero"),
    (lambda: implied_monthly_growth(100, 0, 12), r"target must be above zero"),
    (lambda: monthly_growth_of_factor(0, 12), r"factor must be above zero"),
    # negatives
    (lambda: err(-1, 1000), r"reactions cannot be negative, got -1"),
    (lambda: err(10, -1000), r"reach cannot be negative, got -1000"),
    (lambda: engagement_rate_by_reach(-5, 100), r"interactions cannot be negative"),
    (lambda: engagement_rate_by_followers(5, -100), r"followers cannot be negative"),
    (lambda: conversion_rate(-1, 100), r"conversions cannot be negative"),
    (lambda: conversion_rate(1, -100), r"visitors cannot be negative"),
    (lambda: growth_percent(-100, 50), r"before cannot be negative"),
    (lambda: growth_percent(100, -50), r"after cannot be negative"),
    (lambda: absolute_target(-100, 10), r"baseline cannot be negative"),
    (lambda: implied_monthly_growth(-1, 100, 12), r"baseline cannot be negative"),
    (lambda: monthly_growth_of_factor(-2, 12), r"factor cannot be negative"),
    # NaN and infinity
    (lambda: err(NAN, 1000), r"reactions must be finite, got nan"),
    (lambda: err(10, NAN), r"reach must be finite"),
    (lambda: err(INF, 1000), r"reactions must be finite, got inf"),
    (lambda: err(10, INF), r"reach must be finite"),
    (lambda: err(10, -INF), r"reach must be finite"),
    (lambda: conversion_rate(NAN, 100), r"conversions must be finite"),
    (lambda: growth_percent(100, INF), r"after must be finite"),
    (lambda: absolute_target(100, NAN), r"percent must be a finite number, got nan"),
    (lambda: absolute_target(100, INF), r"percent must be a finite number, got inf"),
    (lambda: absolute_target(INF, 10), r"baseline must be finite"),
    (lambda: implied_monthly_growth(100, 200, INF), r"months must be finite"),
    (lambda: implied_monthly_growth(100, 200, NAN), r"months must be finite"),
    # an int beyond the float range is not a count any account has
    (lambda: err(10 ** 400, 1000), r"reactions must be finite"),
    (lambda: growth_percent(10, 10 ** 400), r"after must be finite"),
    # booleans, strings and other non-numbers
    (lambda: err(True, 1000), r"reactions must be a number, got True"),
    (lambda: err(10, True), r"reach must be a number, got True"),
    (lambda: err(10, False), r"reach must be a number, got False"),
    (lambda: err("150", 1000), r"reactions must be a number, got '150'"),
    (lambda: err(150, "1000"), r"reach must be a number, got '1000'"),
    (lambda: err(None, 1000), r"reactions must be a number, got None"),
    (lambda: conversion_rate([1], 10), r"conversions must be a number"),
    (lambda: absolute_target(100, True), r"percent must be a finite number, got True"),
    (lambda: absolute_target(100, "20%"), r"percent must be a finite number, got '20%'"),
    (lambda: absolute_target("100", 20), r"baseline must be a number"),
    (lambda: implied_monthly_growth(100, 200, "12"), r"months must be a number"),
    (lambda: monthly_growth_of_factor(True, 12), r"factor must be a number"),
    # conversions above visitors
    (lambda: conversion_rate(31, 30), r"conversions \(31\) cannot exceed visitors \(30\)"),
    (lambda: conversion_rate(1200, 30), r"conversions \(1200\) cannot exceed visitors \(30\)"),
    # a decrease below -100%
    (lambda: absolute_target(1000, -100.5), r"a decrease cannot exceed 100%, got -100.5%"),
    (lambda: absolute_target(1000, -250), r"a decrease cannot exceed 100%, got -250%"),
    # non-positive months
    (lambda: implied_monthly_growth(1000, 2000, 0), r"months must be above zero"),
    (lambda: implied_monthly_growth(1000, 2000, -3), r"months cannot be negative, got -3"),
    (lambda: monthly_growth_of_factor(2.0, 0), r"months must be above zero"),
    (lambda: monthly_growth_of_factor(2.0, -1), r"months cannot be negative"),
    # results beyond the float range
    (lambda: implied_monthly_growth(1, 1e9, 1e-3), r"monthly growth is too large"),
    (lambda: absolute_target(1e308, 1e308), r"target level is too large"),
    (lambda: growth_percent(1e-300, 1e300), r"growth is too large"),
    (lambda: err(1e300, 1e-300), r"ERR is too large"),
])
def test_impossible_inputs_raise_metric_error(call, message):
    with pytest.raises(MetricError, match=message):
        call()


def test_boundaries_that_are_still_possible():
    assert conversion_rate(30, 30) == 100.0           # conversions equal to visitors
    assert absolute_target(1000, -100) == 0.0         # exactly -100% is possible
    assert implied_monthly_growth(1, 2, 1e-3) > 0     # a tiny but positive period
    assert err(0, 1e-9) == 0.0                        # a tiny but positive reach


# properties -------------------------------------------------------------------------------

counts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
positives = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False)
months_ = st.floats(min_value=1, max_value=120, allow_nan=False, allow_infinity=False)
# total change target/baseline: from a 1000x fall to a 1000x rise (beyond that, 1 + g/100 loses its
# digits to cancellation and the properties would test float rounding, not the formula)
factors = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False, allow_infinity=False)
scales = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False, allow_infinity=False)
percents = st.floats(min_value=-100, max_value=1e6, allow_nan=False, allow_infinity=False)
fractions = st.floats(min_value=0, max_value=1, allow_nan=False, allow_infinity=False)


@given(counts, positives)
def test_rates_are_never_negative(reactions, reach):
    assert err(reactions, reach) >= 0
    assert engagement_rate_by_reach(reactions, reach) >= 0
    assert engagement_rate_by_followers(reactions, reach) >= 0
    assert err(reactions, reach) == engagement_rate_by_reach(reactions, reach)


@given(positives, fractions)
def test_conversion_rate_is_a_percentage(visitors, share):
    conversions = visitors * share
    rate = conversion_rate(conversions, visitors)
    assert 0 <= rate <= 100
    assert math.isclose(rate, share * 100, rel_tol=1e-9, abs_tol=1e-9)


more = st.floats(min_value=1.001, max_value=1e3)          # a factor that makes a value larger
later = st.floats(min_value=0.05, max_value=60)           # months added to a period


@given(counts, more, positives)
def test_err_grows_with_reactions(r1, k, reach):
    r2 = r1 * k + 1e-3
    assert err(r1, reach) < err(r2, reach)
    assert engagement_rate_by_reach(r1, reach) < engagement_rate_by_reach(r2, reach)


@given(st.floats(min_value=1e-3, max_value=1e9), positives, more)
def test_err_falls_with_reach(reactions, reach1, k):
    reach2 = reach1 * k
    assert err(reactions, reach1) > err(reactions, reach2)
    assert engagement_rate_by_followers(reactions, reach1) > engagement_rate_by_followers(reactions, reach2)


@given(positives, positives, st.floats(min_value=1.01, max_value=1e3), months_)
def test_implied_monthly_growth_grows_with_target(baseline, t1, k, months):
    t2 = t1 * k
    assert implied_monthly_growth(baseline, t1, months) < implied_monthly_growth(baseline, t2, months)


@given(positives, st.floats(min_value=1.01, max_value=1e3), months_, later)
def test_implied_monthly_growth_falls_with_months_when_growing(baseline, factor, m1, extra):
    target, m2 = baseline * factor, m1 + extra
    g1, g2 = implied_monthly_growth(baseline, target, m1), implied_monthly_growth(baseline, target, m2)
    assert g1 > g2 > 0


@given(positives, st.floats(min_value=1e-3, max_value=0.99), months_, later)
def test_implied_monthly_decline_softens_with_months(baseline, factor, m1, extra):
    target, m2 = baseline * factor, m1 + extra
    g1, g2 = implied_monthly_growth(baseline, target, m1), implied_monthly_growth(baseline, target, m2)
    assert -100 < g1 < g2 < 0


@given(positives, counts)
def test_absolute_target_inverts_growth_percent(baseline, target):
    p = growth_percent(baseline, target)
    assert p >= -100
    back = absolute_target(baseline, p)
    assert math.isclose(back, target, rel_tol=1e-9, abs_tol=1e-9 * max(baseline, target))


@given(positives, percents)
def test_relative_target_inverts_absolute_target(baseline, percent):
    level = absolute_target(baseline, percent)
    assert level >= 0
    back = relative_target(baseline, level)
    assert math.isclose(back, percent, rel_tol=1e-9, abs_tol=1e-9 * (100 + abs(percent)))


@given(positives, factors, months_)
def test_compounding_implied_monthly_growth_gives_back_the_target(baseline, factor, months):
    target = baseline * factor
    g = implied_monthly_growth(baseline, target, months)
    assert g > -100
    assert math.isclose((1 + g / 100) ** months, target / baseline, rel_tol=1e-9)


@given(st.floats(min_value=1e-6, max_value=1e6), months_)
def test_monthly_growth_of_factor_matches_implied_growth(factor, months):
    assert math.isclose(monthly_growth_of_factor(factor, months), implied_monthly_growth(1, factor, months),
                        rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(monthly_growth_of_factor(factor, months),
                        implied_monthly_growth(250, 250 * factor, months), rel_tol=1e-9, abs_tol=1e-9)


@settings(max_examples=200)
@given(counts, positives, scales)
def test_ratios_are_scale_invariant(part, whole, k):
    for rate in (err, engagement_rate_by_reach, engagement_rate_by_followers):
        assert math.isclose(rate(part * k, whole * k), rate(part, whole), rel_tol=1e-9, abs_tol=1e-12)


@given(positives, fractions, scales)
def test_conversion_rate_is_scale_invariant(visitors, share, k):
    conversions = visitors * share
    assert math.isclose(conversion_rate(conversions * k, visitors * k), conversion_rate(conversions, visitors),
                        rel_tol=1e-9, abs_tol=1e-12)


@given(positives, positives, scales)
def test_growth_percent_is_scale_invariant(before, after, k):
    assert math.isclose(growth_percent(before * k, after * k), growth_percent(before, after),
                        rel_tol=1e-9, abs_tol=1e-9 * (100 + abs(growth_percent(before, after))))


@given(st.one_of(st.just(float("nan")), st.just(float("inf")), st.just(float("-inf")),
                 st.floats(max_value=-1e-9, allow_nan=False, allow_infinity=True), st.booleans(),
                 st.text(max_size=5), st.none()))
def test_no_impossible_count_slips_through(bad):
    for call in (lambda: err(bad, 100), lambda: err(10, bad), lambda: conversion_rate(bad, 100),
                 lambda: growth_percent(bad, 10), lambda: implied_monthly_growth(10, 20, bad)):
        with pytest.raises(MetricError):
            call()
