"""Derived measures: each rule, and the round trips they must keep."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.core.analytics import derive
from marsad.core.analytics.derive import _difference_qualifier, _sum_qualifier
from marsad.core.analytics.frames import Rule

from .conftest import BVND, RULES, obs

A = "VN-24"


def _get(
    frame: pl.DataFrame, indicator: str, period: str, measure: str = "level", plan: bool = False
) -> dict | None:
    rows = frame.filter(
        (pl.col("indicator") == indicator)
        & (pl.col("period") == period)
        & (pl.col("measure") == measure)
        & ((pl.col("status") == "plan") == plan)
    )
    return rows.row(0, named=True) if rows.height else None


def test_yoy_from_two_levels():
    out = derive(
        [
            obs("grdp", "level", 110, area=A, period="2025Q1", id="a"),
            obs("grdp", "level", 100, area=A, period="2024Q1", id="b"),
        ],
        RULES,
    )
    g = _get(out, "grdp", "2025Q1", "yoy_pct")
    assert g["value"] == pytest.approx(10.0)
    assert g["method"] == "yoy_from_levels" and g["inputs"] == ["a", "b"] and g["unit"] == "%"


def test_level_from_last_years_level_and_growth():
    out = derive(
        [obs("grdp", "level", 200, area=A, period="2024"), obs("grdp", "yoy_pct", 5, area=A, period="2025")],
        RULES,
    )
    assert _get(out, "grdp", "2025")["value"] == pytest.approx(210.0)
    assert _get(out, "grdp", "2025")["method"] == "level_from_growth"


def test_quarter_from_year_to_date_differences():
    out = derive(
        [
            obs("grdp", "level", 900, area=A, period="2025-9M", id="9m"),
            obs("grdp", "level", 550, area=A, period="2025S1", id="6m"),
        ],
        RULES,
    )
    q3 = _get(out, "grdp", "2025Q3")
    assert q3["value"] == pytest.approx(350.0)
    assert q3["method"] == "difference_of_spans" and q3["inputs"] == ["9m", "6m"]


def test_year_to_date_from_quarters_and_quarter_from_months():
    rows = [obs("grdp", "level", v, area=A, period=f"2025Q{q}") for q, v in ((1, 100), (2, 120), (3, 130))]
    rows += [obs("grdp", "level", v, area=A, period=f"20251{m}") for m, v in ((0, 40), (1, 50), (2, 60))]
    out = derive(rows, RULES)
    assert _get(out, "grdp", "2025S1")["value"] == pytest.approx(220.0)
    assert _get(out, "grdp", "2025-9M")["value"] == pytest.approx(350.0)
    assert _get(out, "grdp", "2025Q4")["value"] == pytest.approx(150.0)
    assert _get(out, "grdp", "2025")["value"] == pytest.approx(500.0)  # then the year, from four quarters


def test_stocks_and_rates_are_not_summed():
    rows = [
        obs(ind, "level", 5, area=A, period=f"2025Q{q}")
        for q in (1, 2)
        for ind in ("cpi", "enterprises_active")
    ]
    out = derive(rows, RULES)
    assert _get(out, "cpi", "2025S1") is None
    assert _get(out, "enterprises_active", "2025S1") is None


def test_plan_pct_from_the_plan():
    out = derive(
        [
            obs("budget_revenue", "level", 1000, area=A, period="2025S1"),
            obs("budget_revenue", "level", 4000, area=A, period="2025", status="plan"),
        ],
        RULES,
    )
    assert _get(out, "budget_revenue", "2025S1", "plan_pct")["value"] == pytest.approx(25.0)


def test_residual_needs_exactly_one_missing_part():
    rows = [
        obs("grdp", "level", 100, area=A),
        obs("va_services", "level", 40, area=A),
        obs("va_industry_construction", "level", 30, area=A),
    ]
    out = derive(rows, RULES)  # two parts missing: no residual
    assert _get(out, "product_taxes", "2024Q1") is None
    out = derive([*rows, obs("va_agriculture_forestry_fishery", "level", 20, area=A)], RULES)
    assert _get(out, "product_taxes", "2024Q1")["value"] == pytest.approx(10.0)
    assert _get(out, "product_taxes", "2024Q1")["qualifier"] == "exact"


def test_most_final_status_wins():
    out = derive(
        [
            obs("grdp", "level", 100, area=A, status="estimate", id="e"),
            obs("grdp", "level", 101, area=A, status="official", id="o"),
        ],
        RULES,
    )
    assert out.filter(pl.col("measure") == "level")["id"].to_list() == ["o"]


def test_derivation_is_per_area():
    out = derive(
        [
            obs("grdp", "level", 110, area="VN-01", period="2025"),
            obs("grdp", "level", 100, area="VN-04", period="2024"),
        ],
        RULES,
    )
    assert out.filter(pl.col("derived")).is_empty()


# -- properties -------------------------------------------------------------------------------
amounts = st.floats(min_value=0.5, max_value=1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(amounts, min_size=4, max_size=4))
def test_quarters_to_year_to_date_and_back(quarters):
    rows = [
        obs("retail", "level", v, area=A, period=f"2025Q{i + 1}", unit="x") for i, v in enumerate(quarters)
    ]
    rules = {"retail": RULES["grdp"]}
    ytd = derive(rows, rules)
    spans = {p: _get(ytd, "retail", p)["value"] for p in ("2025Q1", "2025S1", "2025-9M", "2025")}
    assert spans["2025-9M"] == pytest.approx(sum(quarters[:3]))
    # back: from the year-to-date spans alone, the quarters come out again
    back = derive([obs("retail", "level", v, area=A, period=p, unit="x") for p, v in spans.items()], rules)
    for i, v in enumerate(quarters):
        assert _get(back, "retail", f"2025Q{i + 1}")["value"] == pytest.approx(v, rel=1e-9, abs=1e-6)


growths = st.floats(min_value=-50, max_value=80, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(amounts, growths), min_size=4, max_size=4), growths)
def test_contributions_sum_to_total_growth(parts, _unused):
    # four parts with levels and growths; the whole is their sum, its growth from the levels
    codes = ["va_industry_construction", "va_services", "va_agriculture_forestry_fishery", "product_taxes"]
    rows = []
    for code, (level, g) in zip(codes, parts, strict=True):
        rows += [obs(code, "level", level, area=A), obs(code, "yoy_pct", g, area=A)]
    rows.append(obs("grdp", "level", sum(level for level, _ in parts), area=A))
    out = derive(rows, RULES)
    total_growth = _get(out, "grdp", "2024Q1", "yoy_pct")["value"]
    contributions = [_get(out, c, "2024Q1", "contribution_pp")["value"] for c in codes]
    assert sum(contributions) == pytest.approx(total_growth, abs=1e-6)
    shares = [_get(out, c, "2024Q1", "share_pct")["value"] for c in codes]
    assert sum(shares) == pytest.approx(100.0, abs=1e-6)


def test_eight_months_from_months_then_the_growth_needed_reads_it():
    from marsad.core.analytics import growth_needed_for

    rows = [obs("grdp", "level", 10.0, area=A, period=f"2025{m:02d}") for m in range(1, 9)]
    rows += [obs("grdp", "level", 9.0, area=A, period=f"2024{m:02d}") for m in range(1, 13)]
    out = derive(rows, RULES)
    assert _get(out, "grdp", "2025-8M")["value"] == pytest.approx(80.0)
    assert _get(out, "grdp", "2025-8M", "yoy_pct")["value"] == pytest.approx(80 / 72 * 100 - 100)
    # target +10 % on 108: 118.8 - 80 = 38.8 over Sept-Dec (last year 36)
    r = growth_needed_for(rows, A, "grdp", "202508", target_yoy=10, catalogue=RULES)
    assert r.remainder == ("202509", "2025Q4")
    assert r.growth_needed_pct == pytest.approx(38.8 / 36 * 100 - 100)


# After the first round derivation reads only the groups a new fact can give something to: the
# same facts, in the same order, as reading every fact every round (a breakdown within a
# breakdown, plans, growths and every measure included).
NESTED = {
    **RULES,
    "va_industry": Rule("sum", "flow", "va_industry_construction", BVND),
    "va_construction": Rule("sum", "flow", "va_industry_construction", BVND),
}
_PERIODS = ("2023Q1", "2023Q2", "2023S1", "2023", "2024Q1", "2024Q2", "2024S1", "2024-9M", "2024", "202401")
_MEASURES = ("level", "level", "level", "level", "yoy_pct", "yoy_pct", "plan_pct", "share_pct")
records = st.lists(
    st.tuples(
        st.just("A"),
        st.sampled_from(sorted(set(NESTED) - {"cpi", "poverty_rate", "enterprises_active"})),
        st.sampled_from(_PERIODS),
        st.sampled_from(_MEASURES),
        st.sampled_from(("official", "official", "estimate", "plan")),
        st.sampled_from(("exact", "exact", "more_than", "about")),
        amounts,
    ),
    min_size=10,
    max_size=60,
)


@settings(max_examples=120, deadline=None)
@given(records)
def test_reading_only_the_touched_groups_derives_what_reading_all_does(rows):
    from marsad.core.analytics.derive import fact_base

    data = [
        obs(i, m, v, area=a, period=p, status=s, qualifier=q, id=str(n))
        for n, (a, i, p, m, s, q, v) in enumerate(rows)
    ]
    fast, slow = fact_base(data, NESTED), fact_base(data, NESTED)
    assert fast.derive() == slow.derive(exhaustive=True)
    assert fast.rows() == slow.rows()


@settings(max_examples=120, deadline=None)
@given(records)
def test_deriving_levels_only_gives_every_level_the_full_derivation_gives(rows):
    from marsad.core.analytics.derive import LEADS_NOWHERE, fact_base

    data = [
        obs(i, m, v, area=a, period=p, status=s, qualifier=q, id=str(n))
        for n, (a, i, p, m, s, q, v) in enumerate(rows)
    ]
    levels, full = fact_base(data, NESTED), fact_base(data, NESTED)
    levels.derive(levels_only=True)
    full.derive()
    assert not {f.method for f in levels.facts.values()} & LEADS_NOWHERE
    assert [f for f in levels.facts.values() if f.measure == "level"] == [
        f for f in full.facts.values() if f.measure == "level"
    ]
    assert full.derive(levels_only=True) == 0  # and the full set is closed under it


def test_has_tells_a_known_fact_from_an_unknown_one():
    from marsad.core.analytics.derive import fact_base

    base = fact_base([obs("grdp", "level", 110, area=A, period="2025Q1")], RULES)
    assert base.has(A, "grdp", "2025Q1")
    assert not base.has(A, "grdp", "2025Q1", "yoy_pct")
    assert not base.has(A, "grdp", "2025Q1", plan=True)


@pytest.mark.parametrize(
    ("qualifiers", "summed"),
    [
        (["exact", "exact"], "exact"),
        (["exact", "more_than"], "more_than"),
        (["at_least", "more_than"], "more_than"),
        (["exact", "less_than"], "less_than"),
        (["more_than", "less_than"], "about"),
        (["exact", "about"], "about"),
    ],
)
def test_a_sums_qualifier_is_read_off_the_qualifiers_alone(qualifiers, summed):
    assert _sum_qualifier(qualifiers) == summed
    assert _sum_qualifier(iter(qualifiers)) == summed  # any iterable, read once


def test_a_differences_qualifier_is_read_off_the_two_qualifiers():
    assert _difference_qualifier("exact", "exact") == "exact"
    assert _difference_qualifier("more_than", "exact") == "more_than"  # GRDP > 5,800 less sectors
    assert _difference_qualifier("less_than", "more_than") == "less_than"
    assert _difference_qualifier("more_than", "more_than") == "about"
