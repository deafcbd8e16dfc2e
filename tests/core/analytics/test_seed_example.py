"""The worked example of seed 000 (Ninh Thuan, Q1 2024): the engine's figures, checked by hand.

Hand arithmetic (4 decimals):
  Q1-2023 levels = level / (1 + growth):
    GRDP      5800 / 1.0826 = 5357.4727      industry 2102 / 1.1323 = 1856.3984
    services  2151 / 1.0666 = 2016.6885      agri     1299 / 1.0434 = 1244.9684
  product taxes (residual) 2024Q1 = 5800 - 2102 - 2151 - 1299 = 248   (a lower bound: GRDP is
    "more than" 5,800); 2023Q1 = 5357.4727 - 1856.3984 - 2016.6885 - 1244.9684 = 239.4174
  shares 2024Q1: 2102/5800 = 36.2414 %, 2151/5800 = 37.0862 %, 1299/5800 = 22.3966 %,
    248/5800 = 4.2759 %  (sum 100)
  contributions (pp) = (level - level last year) / GRDP last year:
    industry (2102 - 1856.3984) / 5357.4727 = 4.5843   (= share 2023 34.6506 % x 13.23 %)
    services (2151 - 2016.6885) / 5357.4727 = 2.5070
    agri     (1299 - 1244.9684) / 5357.4727 = 1.0085
    taxes    (248 - 239.4174)   / 5357.4727 = 0.1602      sum = 8.2600 = GRDP growth
  budget: annual plan implied 1207 / 0.302 = 3996.69 (about 3,997 billion VND);
    Q1-2023 revenue 1207 / 1.363 = 885.5466
"""

from __future__ import annotations

import polars as pl
import pytest

from marsad.core.analytics.figures import area_figures

from .conftest import NINH_THUAN, RULES


def _value(table: pl.DataFrame, indicator: str, period: str, measure: str, status: str | None = None) -> dict:
    rows = table.filter(
        (pl.col("indicator") == indicator) & (pl.col("period") == period) & (pl.col("measure") == measure)
    )
    if status is not None:
        rows = rows.filter(pl.col("status") == status)
    assert rows.height == 1, (indicator, period, measure, rows)
    return rows.row(0, named=True)


@pytest.fixture
def figures(seed_facts):
    return area_figures(NINH_THUAN, "2024Q1", own=seed_facts, catalogue=RULES)


@pytest.fixture
def table(figures):
    """The figures as a frame: one row per figure (status "plan" for the plans)."""
    rows = []
    for f in figures.figures.values():
        row = f.as_dict()
        del row["routes"], row["disagreements"], row["count"], row["expected"], row["plan"]
        rows.append(row)
    return pl.DataFrame(rows)


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [
        ("grdp", 5357.4727),
        ("va_industry_construction", 1856.3984),
        ("va_services", 2016.6885),
        ("va_agriculture_forestry_fishery", 1244.9684),
        ("budget_revenue", 885.5466),
    ],
)
def test_q1_2023_levels_from_growth(table, indicator, expected):
    row = _value(table, indicator, "2023Q1", "level")
    assert row["value"] == pytest.approx(expected, abs=1e-3)
    assert row["derived"] and row["method"] == "previous_level_from_growth"
    assert set(row["inputs"]) == {
        r["id"]
        for r in table.filter(
            (pl.col("indicator") == indicator)
            & (pl.col("period") == "2024Q1")
            & pl.col("measure").is_in(["level", "yoy_pct"])
            & ~pl.col("derived")
        ).iter_rows(named=True)
    }


def test_grdp_last_year_is_a_lower_bound(table):
    assert _value(table, "grdp", "2023Q1", "level")["qualifier"] == "more_than"


def test_product_tax_residual(table):
    now = _value(table, "product_taxes", "2024Q1", "level")
    assert now["value"] == pytest.approx(248.0)
    assert now["method"] == "residual_of_parent" and now["qualifier"] == "more_than"
    assert sorted(now["inputs"]) == ["1", "3", "5", "7"]  # GRDP and the three sectors
    before = _value(table, "product_taxes", "2023Q1", "level")
    assert before["value"] == pytest.approx(239.4174, abs=1e-3)


@pytest.mark.parametrize(
    ("indicator", "share"),
    [
        ("va_industry_construction", 36.2414),
        ("va_services", 37.0862),
        ("va_agriculture_forestry_fishery", 22.3966),
        ("product_taxes", 4.2759),
    ],
)
def test_shares(table, indicator, share):
    row = _value(table, indicator, "2024Q1", "share_pct")
    assert row["value"] == pytest.approx(share, abs=1e-3)
    assert row["method"] == "share_of_parent"


@pytest.mark.parametrize(
    ("indicator", "pp"),
    [
        ("va_industry_construction", 4.5843),
        ("va_services", 2.5070),
        ("va_agriculture_forestry_fishery", 1.0085),
        ("product_taxes", 0.1602),
    ],
)
def test_contributions(table, indicator, pp):
    row = _value(table, indicator, "2024Q1", "contribution_pp")
    assert row["value"] == pytest.approx(pp, abs=1e-3)
    assert row["unit"] == "pp"


def test_contributions_add_up_to_grdp_growth(table):
    total = table.filter((pl.col("measure") == "contribution_pp") & (pl.col("period") == "2024Q1"))[
        "value"
    ].sum()
    assert total == pytest.approx(8.26, abs=1e-9)


def test_implied_budget_plan(table):
    plan = _value(table, "budget_revenue", "2024", "level", status="plan")
    assert plan["value"] == pytest.approx(3996.69, abs=0.01)
    assert plan["method"] == "plan_from_plan_pct" and plan["derived"]
    assert sorted(plan["inputs"]) == ["10", "9"]


def test_observations_kept_as_observed(table):
    observed = table.filter(~pl.col("derived"))
    assert observed.height == 11
    assert set(observed["method"]) == {"observed"}
    # observed growths are not replaced by ones recomputed from derived levels
    assert _value(table, "grdp", "2024Q1", "yoy_pct")["value"] == 8.26


def test_what_a_review_reads_out(figures):
    assert figures.value("budget_revenue", period="2024", plan=True) == pytest.approx(3996.69, abs=0.01)
    assert figures.value("grdp", period="2023Q1") == pytest.approx(5357.4727, abs=1e-3)
    assert figures.get("product_taxes").derived is True
    assert figures.get("grdp", "share_pct") is None
    assert figures.agree  # seed 000 is consistent
