"""The engine's figures with the real catalogue: the seed example, and today's province built
from the provinces merged into it."""

from __future__ import annotations

import pytest

from marsad.core.analytics.figures import area_figures

from .conftest import RULES, obs


@pytest.fixture(scope="module")
def catalogue():
    from marsad.core.catalogue import load_catalogue

    return load_catalogue()


def test_real_catalogue_gives_the_seed_example(seed_facts, catalogue):
    figs = area_figures("VN-OLD-58", "2024Q1", own=seed_facts, catalogue=catalogue)
    assert figs.value("product_taxes", "contribution_pp") == pytest.approx(0.1602, abs=1e-3)


def test_rules_stand_in_matches_the_catalogue(catalogue):
    for code, rule in RULES.items():
        if code in catalogue:
            ind = catalogue[code]
            assert (rule.time_aggregation, rule.parent) == (ind.time_aggregation, ind.parent), code


def _split(rows):
    """Old Khanh Hoa's rows are today's Khanh Hoa's own before the merger; Ninh Thuan merged in."""
    own = [dict(r, area="VN-56") for r in rows if r["area"] == "VN-OLD-56"]
    return own, {"VN-OLD-58": [r for r in rows if r["area"] == "VN-OLD-58"]}


def test_today_province_rolls_up_its_predecessors(catalogue):
    rows = [
        obs("grdp", "level", 5800.0, area="VN-OLD-58"),
        obs("grdp", "level", 5357.5, area="VN-OLD-58", period="2023Q1"),
        obs("grdp", "level", 14000.0, area="VN-OLD-56"),
        obs("grdp", "level", 13000.0, area="VN-OLD-56", period="2023Q1"),
    ]
    own, merged = _split(rows)
    figs = area_figures("VN-56", "2024Q1", own=own, merged=merged, catalogue=catalogue)
    level = figs.get("grdp")
    assert level.value == 19800.0 and level.method == "merged_provinces"
    assert figs.value("grdp", "yoy_pct") == pytest.approx((19800 / 18357.5 - 1) * 100)
    historical = area_figures("VN-56", "2024Q1", own=own, catalogue=catalogue, basis="historical")
    assert historical.value("grdp") == 14000.0


def test_predecessors_are_completed_before_the_rollup(catalogue):
    rows = [
        obs("grdp", "level", 5800.0, area="VN-OLD-58"),
        obs("grdp", "yoy_pct", 8.26, area="VN-OLD-58"),  # Q1-2023 level: 5800 / 1.0826 = 5357.4727
        obs("grdp", "level", 14000.0, area="VN-OLD-56"),
        obs("grdp", "level", 13000.0, area="VN-OLD-56", period="2023Q1"),
        obs("budget_revenue", "level", 1207.0, area="VN-OLD-58"),  # no last year: no growth for Khanh Hoa
        obs("budget_revenue", "level", 4000.0, area="VN-OLD-56"),
        obs("budget_revenue", "level", 3500.0, area="VN-OLD-56", period="2023Q1"),
    ]
    own, merged = _split(rows)
    figs = area_figures("VN-56", "2024Q1", own=own, merged=merged, catalogue=catalogue)
    assert figs.value("grdp", period="2023Q1") == pytest.approx(18357.4727, abs=1e-3)
    assert figs.value("grdp", "yoy_pct") == pytest.approx((19800 / 18357.4727 - 1) * 100, abs=1e-6)
    assert figs.value("budget_revenue") == 5207.0
    assert figs.value("budget_revenue", period="2023Q1") is None  # one area of two: not like for like
    assert figs.value("budget_revenue", "yoy_pct") is None
