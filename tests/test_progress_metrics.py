"""Progress, expected progress, pace and status (smmrules.metrics): known values and the properties the
formulas must keep for every direction (a decrease has its target below its baseline)."""
import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from smmrules.metrics import (
    AT_RISK, ON_TRACK, STATUSES, MetricError, expected_progress, holding, observed_pace, pace_needed, progress,
    progress_ratio, status,
)
from tests.strategies import dates

levels = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
counts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)


# known values --------------------------------------------------------------------------------------

@pytest.mark.parametrize("baseline, target, current, expected", [
    (3000, 6000, 4500, 0.5),
    (3000, 6000, 3000, 0.0),
    (3000, 6000, 6000, 1.0),
    (3000, 6000, 7500, 1.5),
    (3000, 6000, 2400, -0.2),
    (2.4, 1.8, 1.6, 4 / 3),      # a cost per lead cut below its target: past the whole way, not "89%"
    (2.4, 1.8, 2.1, 0.5),
    (10, 3, 5, 5 / 7),           # a rank from 10th to the top-3, now 5th
])
def test_progress_known_values(baseline, target, current, expected):
    assert progress(baseline, target, current) == pytest.approx(expected)


def test_progress_without_a_way_to_go_is_an_error():
    with pytest.raises(MetricError, match="same level"):
        progress(5, 5, 6)
    with pytest.raises(MetricError, match="finite"):
        progress(float("nan"), 5, 6)


@pytest.mark.parametrize("level, current, lower, expected", [
    (5.0, 5.5, False, 1.0), (5.0, 4.0, False, 0.8), (2.0, 1.5, True, 1.0), (2.0, 2.5, True, 0.8),
    (0.0, 0.0, False, 1.0), (0.0, 3.0, True, 0.0),
])
def test_holding_known_values(level, current, lower, expected):
    assert holding(level, current, lower) == pytest.approx(expected)


def test_expected_progress_known_values():
    start, deadline = dt.date(2026, 1, 1), dt.date(2026, 7, 1)       # 181 days
    assert expected_progress(start, deadline, dt.date(2026, 4, 1)) == pytest.approx(90 / 181)
    assert expected_progress(start, deadline, dt.date(2025, 12, 1)) == 0.0
    assert expected_progress(start, deadline, dt.date(2026, 9, 1)) == 1.0
    with pytest.raises(MetricError, match="after the start"):
        expected_progress(deadline, start, start)


def test_pace_known_values():
    # 1,800 followers to go in 3 months (91 days): about 600 a month
    assert pace_needed(4200, 6000, dt.date(2026, 4, 1), dt.date(2026, 7, 1)) == pytest.approx(1800 / (91 / 30.4375))
    assert pace_needed(2.1, 1.8, dt.date(2026, 4, 1), dt.date(2026, 7, 1)) < 0          # a decrease: negative
    assert observed_pace((dt.date(2026, 3, 1), 3900), (dt.date(2026, 4, 1), 4200)) == pytest.approx(300 / (31 / 30.4375))
    with pytest.raises(MetricError, match="no time is left"):
        pace_needed(1, 2, dt.date(2026, 7, 1), dt.date(2026, 7, 1))
    with pytest.raises(MetricError, match="must come after"):
        observed_pace((dt.date(2026, 4, 1), 1), (dt.date(2026, 4, 1), 2))


@pytest.mark.parametrize("made, expected, passed, keeps, result", [
    (1.0, 0.5, False, False, "done"),
    (1.3, 0.5, False, False, "done"),
    (0.5, 0.5, False, False, "on-track"),
    (0.475, 0.5, False, False, "on-track"),        # exactly 0.95 of the expected
    (0.47, 0.5, False, False, "behind"),
    (0.375, 0.5, False, False, "behind"),          # exactly 0.75
    (0.37, 0.5, False, False, "at-risk"),
    (-0.1, 0.0, False, False, "at-risk"),          # moved away before anything was expected
    (0.0, 0.0, False, False, "on-track"),
    (0.9, 1.0, True, False, "missed"),
    (1.0, 1.0, True, False, "done"),
    (1.0, 1.0, False, True, "on-track"),           # a level kept, the deadline still ahead
    (1.0, 1.0, True, True, "done"),
    (0.8, 1.0, True, True, "missed"),
])
def test_status_known_values(made, expected, passed, keeps, result):
    assert status(made, expected, deadline_passed=passed, keeps_level=keeps) == result


def test_status_thresholds_are_options():
    assert status(0.45, 0.5, deadline_passed=False) == "behind"
    assert status(0.45, 0.5, deadline_passed=False, on_track=0.9) == "on-track"
    assert status(0.3, 0.5, deadline_passed=False, at_risk=0.5) == "behind"
    with pytest.raises(MetricError, match="thresholds"):
        status(0.3, 0.5, deadline_passed=False, on_track=0.5, at_risk=0.7)
    assert (ON_TRACK, AT_RISK) == (0.95, 0.75)
    assert STATUSES == ("done", "on-track", "behind", "at-risk", "missed", "unknown")


# properties -----------------------------------------------------------------------------------------

@given(levels, levels, st.floats(min_value=0, max_value=1))
def test_progress_is_within_0_and_1_between_baseline_and_target(baseline, target, share):
    assume(abs(target - baseline) > 1e-6 * max(1.0, abs(baseline), abs(target)))
    current = baseline + (target - baseline) * share
    assert -1e-9 <= progress(baseline, target, current) <= 1 + 1e-9


@given(levels, levels)
def test_progress_is_1_at_the_target_and_0_at_the_baseline(baseline, target):
    assume(baseline != target)
    assert progress(baseline, target, target) == pytest.approx(1.0)
    assert progress(baseline, target, baseline) == 0.0


@given(levels, levels, levels, levels)
def test_progress_is_monotone_in_the_goals_direction(baseline, target, a, b):
    """Higher is better when the target is above the baseline, lower when below (a decrease). A target
    a hair's breadth from its baseline puts the shares beyond the float range (MetricError, below)."""
    assume(abs(target - baseline) > 1e-6 * max(1.0, abs(baseline), abs(target)) and a <= b)
    pa, pb = progress(baseline, target, a), progress(baseline, target, b)
    if target > baseline:
        assert pa <= pb
    else:
        assert pa >= pb


def test_a_share_beyond_the_float_range_is_a_metric_error_not_infinity():
    with pytest.raises(MetricError, match="the progress is too large to compute"):
        progress(0.0, 2.2e-308, -4.0)


@given(counts, counts, counts, st.booleans())
def test_holding_is_1_when_held_and_monotone_otherwise(level, a, b, lower):
    assume(a <= b)
    ha, hb = holding(level, a, lower), holding(level, b, lower)
    assert 0 <= ha <= 1 and 0 <= hb <= 1
    assert (ha <= hb) if not lower else (ha >= hb)
    assert holding(level, level, lower) == 1.0


@given(dates(), st.integers(min_value=1, max_value=3650), st.integers(min_value=-400, max_value=4000))
def test_expected_progress_runs_from_0_at_the_start_to_1_at_the_deadline(start, days, offset):
    assume(start.year < 9000)
    deadline = start + dt.timedelta(days=days)
    on = start + dt.timedelta(days=offset)
    assert expected_progress(start, deadline, start) == 0.0
    assert expected_progress(start, deadline, deadline) == 1.0
    e = expected_progress(start, deadline, on)
    assert 0.0 <= e <= 1.0
    later = expected_progress(start, deadline, on + dt.timedelta(days=1))
    assert later >= e


@given(st.floats(min_value=-10, max_value=10, allow_nan=False), st.floats(min_value=0.01, max_value=1))
def test_status_ratio_order(made, expected):
    """More progress never gives a worse status."""
    order = {s: i for i, s in enumerate(STATUSES)}
    worse = status(made, expected, deadline_passed=False)
    better = status(made + 0.1, expected, deadline_passed=False)
    assert order[better] <= order[worse]
    assert progress_ratio(made, expected) == pytest.approx(made / expected)
