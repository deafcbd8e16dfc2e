"""Shared fixtures: the seed 000 facts (Ninh Thuan, Q1 2024) and small rule tables."""

from __future__ import annotations

import pytest

from marsad.core.analytics.frames import Rule

NINH_THUAN = "VN-OLD-58"
BVND = "billion VND"

# A catalogue stand-in with the rules analytics reads (the real one agrees; see test_table).
RULES = {
    "grdp": Rule("sum", "flow", None, BVND),
    "va_industry_construction": Rule("sum", "flow", "grdp", BVND),
    "va_services": Rule("sum", "flow", "grdp", BVND),
    "va_agriculture_forestry_fishery": Rule("sum", "flow", "grdp", BVND),
    "product_taxes": Rule("sum", "flow", "grdp", BVND),
    "budget_revenue": Rule("sum", "flow", None, BVND),
    "cpi": Rule("none", "rate", None, "%"),
    "poverty_rate": Rule("average", "rate", None, "%"),
    "enterprises_active": Rule("sum", "stock", None, "enterprises"),
}


def obs(
    indicator,
    measure,
    value,
    *,
    area=NINH_THUAN,
    period="2024Q1",
    qualifier="exact",
    status="official",
    unit=None,
    id=None,
):
    unit = (
        unit
        if unit is not None
        else ("%" if measure.endswith("_pct") else "pp" if measure.endswith("_pp") else BVND)
    )
    row = dict(
        area=area,
        indicator=indicator,
        period=period,
        measure=measure,
        value=value,
        unit=unit,
        status=status,
        qualifier=qualifier,
    )
    if id is not None:
        row["id"] = id
    return row


def seed_000_facts() -> list[dict]:
    """The eleven facts of shared/seeds/000 as in seed_expected.json (ids 1-11)."""
    rows = [
        obs("grdp", "level", 5800, qualifier="more_than"),
        obs("grdp", "yoy_pct", 8.26),
        obs("va_industry_construction", "level", 2102),
        obs("va_industry_construction", "yoy_pct", 13.23),
        obs("va_services", "level", 2151),
        obs("va_services", "yoy_pct", 6.66),
        obs("va_agriculture_forestry_fishery", "level", 1299),
        obs("va_agriculture_forestry_fishery", "yoy_pct", 4.34),
        obs("budget_revenue", "level", 1207, qualifier="estimate"),
        obs("budget_revenue", "plan_pct", 30.2),
        obs("budget_revenue", "yoy_pct", 36.3),
    ]
    for i, r in enumerate(rows, start=1):
        r["id"] = str(i)
    return rows


@pytest.fixture
def seed_facts() -> list[dict]:
    return seed_000_facts()
