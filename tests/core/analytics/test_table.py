"""The derived table with the real catalogue and gazetteer."""

from __future__ import annotations

import polars as pl
import pytest

from marsad.core.analytics import AreaTree, derived_table

from .conftest import RULES, obs


@pytest.fixture(scope="module")
def catalogue():
    from marsad.core.catalogue import load_catalogue

    return load_catalogue()


def test_real_catalogue_gives_the_seed_example(seed_facts, catalogue):
    table = derived_table(seed_facts, "VN-OLD-58", "2024Q1", catalogue)
    taxes = table.filter((pl.col("indicator") == "product_taxes") & (pl.col("measure") == "contribution_pp"))
    assert taxes["value"].item() == pytest.approx(0.1602, abs=1e-3)
    # indicators come in catalogue order
    assert table["indicator"].unique(maintain_order=True).to_list()[0] == "grdp"


def test_rules_stand_in_matches_the_catalogue(catalogue):
    for code, rule in RULES.items():
        if code in catalogue:
            ind = catalogue[code]
            assert (rule.time_aggregation, rule.parent) == (ind.time_aggregation, ind.parent), code


def test_today_province_rolls_up_its_predecessors(catalogue):
    from marsad.core.gazetteer import load_gazetteer

    tree = AreaTree.from_gazetteer(load_gazetteer())
    rows = [
        obs("grdp", "level", 5800.0, area="VN-OLD-58"),
        obs("grdp", "level", 5357.5, area="VN-OLD-58", period="2023Q1"),
        obs("grdp", "level", 14000.0, area="VN-OLD-56"),
        obs("grdp", "level", 13000.0, area="VN-OLD-56", period="2023Q1"),
    ]
    table = derived_table(rows, "VN-56", "2024Q1", catalogue, tree)
    level = table.filter((pl.col("measure") == "level") & (pl.col("period") == "2024Q1"))
    assert level["value"].item() == 19800.0 and level["method"].item() == "rollup_sum"
    g = table.filter(pl.col("measure") == "yoy_pct")
    assert g["value"].item() == pytest.approx((19800 / 18357.5 - 1) * 100)


def test_predecessors_are_completed_before_the_rollup(catalogue):
    from marsad.core.gazetteer import load_gazetteer

    tree = AreaTree.from_gazetteer(load_gazetteer())
    rows = [
        obs("grdp", "level", 5800.0, area="VN-OLD-58"),
        obs("grdp", "yoy_pct", 8.26, area="VN-OLD-58"),  # Q1-2023 level: 5800 / 1.0826 = 5357.4727
        obs("grdp", "level", 14000.0, area="VN-OLD-56"),
        obs("grdp", "level", 13000.0, area="VN-OLD-56", period="2023Q1"),
        obs("budget_revenue", "level", 1207.0, area="VN-OLD-58"),  # no last year: no growth for Khanh Hoa
        obs("budget_revenue", "level", 4000.0, area="VN-OLD-56"),
        obs("budget_revenue", "level", 3500.0, area="VN-OLD-56", period="2023Q1"),
    ]
    table = derived_table(rows, "VN-56", "2024Q1", catalogue, tree)

    def get(ind, period, measure):
        r = table.filter(
            (pl.col("indicator") == ind) & (pl.col("period") == period) & (pl.col("measure") == measure)
        )
        return r["value"].item() if r.height else None

    assert get("grdp", "2023Q1", "level") == pytest.approx(18357.4727, abs=1e-3)
    assert get("grdp", "2024Q1", "yoy_pct") == pytest.approx((19800 / 18357.4727 - 1) * 100, abs=1e-6)
    assert get("budget_revenue", "2024Q1", "level") == 5207.0
    assert get("budget_revenue", "2023Q1", "level") is None  # one area of two: not like for like
    assert get("budget_revenue", "2024Q1", "yoy_pct") is None
