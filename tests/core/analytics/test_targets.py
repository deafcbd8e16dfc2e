"""The one target judgement: directions, whole year vs part of it, the pace rule."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.core.analytics.targets import judge_target, pace_fraction, reaches


@pytest.mark.parametrize(
    ("value", "target", "qualifier", "expected"),
    [
        (10.0, 10.0, "at_least", True),
        (9.99, 10.0, "at_least", False),
        (4.0, 4.0, "less_than", False),  # "below 4 %" is not met by 4 %
        (3.9, 4.0, "less_than", True),
        (8.03, 8.0, "exact", True),  # within rounding
        (8.2, 8.0, "exact", False),  # "exact" is not "at least"
        (7.8, 8.0, "about", True),
        (7.0, 8.0, "about", False),
    ],
)
def test_reaches_in_each_direction(value, target, qualifier, expected):
    assert reaches(value, target, qualifier) is expected


def test_whole_year_is_met_or_missed():
    met = judge_target(measure="yoy_pct", value=10, qualifier="at_least", period="2025", achieved=10.2)
    missed = judge_target(measure="yoy_pct", value=10, qualifier="at_least", period="2025", achieved=9.1)
    assert (met.status, missed.status) == ("met", "missed")
    assert missed.gap == pytest.approx(-0.9)


def test_growth_so_far_is_on_track_or_at_risk():
    on = judge_target(measure="yoy_pct", value=10, period="2025-9M", achieved=12.07)
    risk = judge_target(measure="yoy_pct", value=10, period="2025-9M", achieved=9.5)
    assert (on.status, risk.status) == ("on_track", "at_risk")


def test_level_on_a_flow_follows_the_pace_rule():
    # Bac Ninh's budget revenue: 29,362 of 39,787 after 9 months = 73.8 % < 75 %
    j = judge_target(measure="level", value=39787, period="2025-9M", achieved=29362)
    assert j.status == "at_risk"
    assert j.pace == 0.75 and j.expected_by_now == pytest.approx(29840.25)
    assert j.remaining == pytest.approx(10425)
    assert judge_target(measure="level", value=39787, period="2025-9M", achieved=30000).status == "on_track"
    # a year's total only grows: reached before the year is out is met
    assert judge_target(measure="level", value=39787, period="2025-9M", achieved=40000).status == "met"


def test_ceiling_on_a_flow():
    spend = dict(measure="level", value=1000, qualifier="less_than", period="2025S1")
    assert judge_target(**spend, achieved=400).status == "on_track"
    assert judge_target(**spend, achieved=600).status == "at_risk"
    assert judge_target(**spend, achieved=1000).status == "missed"


def test_stock_or_rate_is_judged_on_its_value_now():
    j = judge_target(
        measure="level", value=4, qualifier="less_than", period="2025-9M", achieved=3.5, flow=False
    )
    assert j.status == "on_track" and j.pace is None


def test_no_figure_is_unknown():
    assert judge_target(measure="level", value=1, period="2025Q1", achieved=None).status == "unknown"


@given(st.floats(0, 1e6), st.floats(1, 1e6), st.sampled_from(["2025Q1", "2025S1", "2025-9M", "2025Q3"]))
def test_pace_rule_is_pro_rata(achieved, target, period):
    j = judge_target(measure="level", value=target, period=period, achieved=achieved)
    assert j.pace == pace_fraction(period)
    if achieved >= target:
        assert j.status == "met"
    else:
        assert j.status == ("on_track" if achieved >= target * j.pace else "at_risk")
