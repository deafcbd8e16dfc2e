"""Growth still needed for the year's target, and scenarios."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.core.analytics import growth_needed, growth_needed_for, scenario, scenarios_for

from .conftest import RULES, obs

A = "VN-24"


def test_from_levels():
    # last year 1,100 (9M 820, Q4 280); this 9M 900; +10 % means 1,210 -> Q4 needs 310 = +10.714 %
    r = growth_needed(target_yoy=10, ytd_level=900, last_year_ytd_level=820, last_year_level=1100)
    assert r.target_level == pytest.approx(1210)
    assert r.remainder_level_needed == pytest.approx(310)
    assert r.growth_needed_pct == pytest.approx(310 / 280 * 100 - 100)
    assert not r.already_met


def test_level_target_and_already_met():
    r = growth_needed(target_level=800, ytd_level=900, last_year_ytd_level=820, last_year_level=1100)
    assert r.already_met
    assert r.remainder_level_needed == pytest.approx(-100)


def test_from_growths_only_bac_ninh_style():
    # at-least-10 % on the year, 9M grew 9 %, 9M weighed 72 % of last year:
    # Q4 needs (10 - 0.72 * 9) / 0.28 = 12.5714 %
    r = growth_needed(target_yoy=10, ytd_yoy=9, ytd_weight=0.72)
    assert r.growth_needed_pct == pytest.approx(12.5714, abs=1e-4)
    with pytest.raises(ValueError):
        growth_needed(target_level=100, ytd_yoy=9, ytd_weight=0.72)


def test_scenario():
    # "if Q4 grows by 12 %, the year grows by 0.72 * 9 + 0.28 * 12 = 9.84 %"
    assert scenario(12, ytd_yoy=9, ytd_weight=0.72).year_yoy_pct == pytest.approx(9.84)
    s = scenario(10, ytd_level=900, last_year_ytd_level=820, last_year_level=1100)
    assert s.year_level == pytest.approx(900 + 308)


pct = st.floats(min_value=-20, max_value=40, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(pct, pct, st.floats(min_value=0.05, max_value=0.95))
def test_scenario_of_the_growth_needed_hits_the_target(target, ytd, w):
    need = growth_needed(target_yoy=target, ytd_yoy=ytd, ytd_weight=w).growth_needed_pct
    assert scenario(need, ytd_yoy=ytd, ytd_weight=w).year_yoy_pct == pytest.approx(target, abs=1e-6)


def test_from_observations_with_quarters():
    rows = [
        obs("grdp", "level", v, area=A, period=f"2024Q{q}")
        for q, v in ((1, 250), (2, 270), (3, 300), (4, 280))
    ]
    rows += [obs("grdp", "level", v, area=A, period=f"2025Q{q}") for q, v in ((1, 270), (2, 300), (3, 330))]
    r = growth_needed_for(rows, A, "grdp", "2025Q3", target_yoy=10, catalogue=RULES)
    # last year 1,100, 9M 820; this 9M 900 (sum of quarters); Q4 needs 310
    assert r.period == "2025-9M" and r.remainder == ("2025Q4",)
    assert r.growth_needed_pct == pytest.approx(310 / 280 * 100 - 100)
    assert r.remainder_levels_needed["2025Q4"] == pytest.approx(310)
    assert not r.weight_assumed and r.inputs
    ys = scenarios_for(rows, A, "grdp", "2025Q3", [0, 10], catalogue=RULES)
    assert ys[1].year_yoy_pct == pytest.approx((900 + 308) / 1100 * 100 - 100)


def test_without_last_years_levels_the_weight_is_assumed():
    rows = [
        obs("grdp", "yoy_pct", 9, area=A, period="2025-9M"),
        obs("grdp", "level", 900, area=A, period="2025-9M"),
    ]
    r = growth_needed_for(rows, A, "grdp", "2025-9M", target_yoy=10, catalogue=RULES)
    assert r.weight_assumed and r.ytd_weight == 0.75
    assert r.growth_needed_pct == pytest.approx((10 - 0.75 * 9) / 0.25)


def test_only_for_flows():
    with pytest.raises(ValueError):
        growth_needed_for([obs("cpi", "level", 3, area=A)], A, "cpi", "2024Q1", target_yoy=4, catalogue=RULES)
