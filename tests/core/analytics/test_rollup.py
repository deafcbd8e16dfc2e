"""Rollups over a small hand-made tree, over time, and into today's provinces."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.core.analytics import AreaTree, ObservationStore, rollup
from marsad.core.analytics.rollup import time_map

from .conftest import RULES, obs

# VN -> P1 (communes c1, c2), P2 (commune c3); closed province OLD merged into P1
TREE = AreaTree(
    parent={"P1": "VN", "P2": "VN", "c1": "P1", "c2": "P1", "c3": "P2"},
    successor={"OLD": "P1"},
)


def months(area, indicator, year, values_by_month, **kw):
    return [
        obs(indicator, "level", v, area=area, period=f"{year}{m:02d}", **kw)
        for m, v in values_by_month.items()
    ]


def val(frame, area, period, measure="level"):
    rows = frame.filter(
        (pl.col("area") == area) & (pl.col("period") == period) & (pl.col("measure") == measure)
    )
    return rows["value"].item() if rows.height else None


def monthly_data():
    rows = []
    for area, base in (("c1", 1.0), ("c2", 2.0), ("c3", 4.0)):
        rows += months(area, "grdp", 2024, {m: base for m in range(1, 13)})
        rows += months(area, "grdp", 2025, {m: base * 1.1 for m in range(1, 13)})
    return rows


def test_sum_over_communes_and_months_with_yoy():
    out = rollup(monthly_data(), TREE, "grdp", ["2025Q1", "2025"], root="VN", catalogue=RULES)
    # VN Q1 2025: (1 + 2 + 4) * 1.1 * 3 months = 23.1; P1 = (1 + 2) * 1.1 * 3 = 9.9
    assert val(out, "VN", "2025Q1") == pytest.approx(23.1)
    assert val(out, "P1", "2025Q1") == pytest.approx(9.9)
    assert val(out, "VN", "2025") == pytest.approx(7 * 1.1 * 12)
    assert val(out, "VN", "2025Q1", "yoy_pct") == pytest.approx(10.0)
    row = out.filter(
        (pl.col("area") == "P1") & (pl.col("period") == "2025Q1") & (pl.col("measure") == "level")
    )
    assert row["n_areas"].item() == 2 and row["derived"].item() and row["method"].item() == "rollup_sum"
    assert len(row["inputs"].item()) == 6  # two communes x three months


def test_an_observed_area_is_not_counted_again_through_its_communes():
    rows = [*monthly_data(), obs("grdp", "level", 100.0, area="P1", period="2025Q1")]
    out = rollup(rows, TREE, "grdp", ["2025Q1"], root="VN", catalogue=RULES, with_yoy=False)
    assert val(out, "P1", "2025Q1") == 100.0
    assert val(out, "VN", "2025Q1") == pytest.approx(100.0 + 4 * 1.1 * 3)
    # the other quarters still come from the communes
    out = rollup(rows, TREE, "grdp", ["2025Q2"], root="VN", catalogue=RULES, with_yoy=False)
    assert val(out, "P1", "2025Q2") == pytest.approx(9.9)


def test_closed_province_rolls_into_its_successor():
    rows = [
        obs("grdp", "level", 50.0, area="OLD", period="2024Q1"),
        obs("grdp", "level", 30.0, area="P1", period="2024Q1"),  # the successor's own old territory
    ]
    out = rollup(rows, TREE, "grdp", ["2024Q1"], targets=["P1", "VN"], catalogue=RULES, with_yoy=False)
    assert val(out, "P1", "2024Q1") == 80.0
    assert val(out, "VN", "2024Q1") == 80.0


def test_incomplete_pieces_are_not_summed():
    rows = months("c1", "grdp", 2025, {1: 1.0, 2: 1.0})  # March missing
    out = rollup(rows, TREE, "grdp", ["2025Q1"], targets=["c1", "P1"], catalogue=RULES, with_yoy=False)
    assert out.is_empty()


def test_quarters_are_preferred_to_months_and_the_period_itself_to_both():
    rows = months("c1", "grdp", 2025, {1: 1.0, 2: 1.0, 3: 1.0}) + [
        obs("grdp", "level", 5.0, area="c1", period="2025Q1")
    ]
    out = rollup(rows, TREE, "grdp", ["2025Q1"], targets=["c1"], catalogue=RULES, with_yoy=False)
    assert val(out, "c1", "2025Q1") == 5.0


def test_stock_takes_the_end_of_the_period_and_rate_is_not_aggregated_over_time():
    rows = months("c1", "enterprises_active", 2025, {1: 10.0, 2: 11.0, 3: 12.0})
    rows += months("c1", "cpi", 2025, {1: 3.0, 2: 3.2, 3: 3.4})
    out = rollup(
        rows, TREE, "enterprises_active", ["2025Q1"], targets=["c1"], catalogue=RULES, with_yoy=False
    )
    assert val(out, "c1", "2025Q1") == 12.0
    out = rollup(rows, TREE, "cpi", ["2025Q1"], targets=["c1"], catalogue=RULES, with_yoy=False)
    assert out.is_empty()


def test_average_and_none_over_areas():
    rows = [
        obs("poverty_rate", "level", v, area=a, period="2025", unit="%")
        for a, v in (("c1", 2.0), ("c2", 4.0))
    ]
    out = rollup(rows, TREE, "poverty_rate", ["2025"], targets=["P1"], catalogue=RULES, with_yoy=False)
    assert val(out, "P1", "2025") == 3.0
    rows = [obs("cpi", "level", v, area=a, period="2025", unit="%") for a, v in (("c1", 2.0), ("P1", 3.5))]
    out = rollup(rows, TREE, "cpi", ["2025"], targets=["P1", "VN"], catalogue=RULES, with_yoy=False)
    assert val(out, "P1", "2025") == 3.5  # its own value; the communes' are not combined
    assert val(out, "VN", "2025") is None


def test_store_and_frame_give_the_same_figures():
    rows = monthly_data()
    a = rollup(rows, TREE, "grdp", ["2025Q1", "2025Q2"], root="VN", catalogue=RULES, trace=False)
    store = ObservationStore.from_frame(rows)
    b = rollup(store, TREE, "grdp", ["2025Q1", "2025Q2"], root="VN", catalogue=RULES, trace=False)
    assert a.select("area", "period", "measure", "value").equals(
        b.select("area", "period", "measure", "value")
    )


def test_time_map_pieces():
    tm = time_map(["2025-9M"], "flow")
    assert sorted(tm.filter(pl.col("grain") == 1)["src"].to_list()) == ["2025Q1", "2025Q2", "2025Q3"]
    assert tm.filter(pl.col("grain") == 2)["need"].unique().to_list() == [9]
    assert time_map(["2025Q1"], "stock").filter(pl.col("grain") == 2)["src"].to_list() == ["202503"]
    assert time_map(["2025Q1"], "rate")["src"].to_list() == ["2025Q1"]


def test_ninh_thuan_history_inside_khanh_hoa():
    from marsad.core.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    tree = AreaTree.from_gazetteer(gazetteer)
    ninh_thuan = gazetteer.find("Ninh Thuan").code
    old_khanh_hoa = [p.code for p in gazetteer.predecessors("VN-56") if p.code != ninh_thuan][0]
    rows = [
        obs("grdp", "level", 5800.0, area=ninh_thuan, period="2024Q1"),
        obs("grdp", "level", 5357.5, area=ninh_thuan, period="2023Q1"),
        obs("grdp", "level", 14000.0, area=old_khanh_hoa, period="2024Q1"),
        obs("grdp", "level", 13000.0, area=old_khanh_hoa, period="2023Q1"),
    ]
    out = rollup(rows, tree, "grdp", ["2024Q1"], targets=["VN-56"], catalogue=RULES)
    assert val(out, "VN-56", "2024Q1") == 19800.0
    assert val(out, "VN-56", "2024Q1", "yoy_pct") == pytest.approx((19800 / 18357.5 - 1) * 100)
    assert ninh_thuan in tree.subtree("VN-56")


def test_period_range():
    from marsad.core.analytics.rollup import period_range

    assert period_range("2020Q1", "2024Q4")[:3] == ["2020Q1", "2020Q2", "2020Q3"]
    assert len(period_range("2020Q1", "2024Q4")) == 20
    assert period_range("202411", "202502") == ["202411", "202412", "202501", "202502"]
    assert period_range("2023-9M", "2025-9M") == ["2023-9M", "2024-9M", "2025-9M"]
    assert period_range("2020", "2022") == ["2020", "2021", "2022"]
    assert period_range("2024S2", "2025S1") == ["2024S2", "2025S1"]
    assert period_range("2025Q1", "2024Q1") == []


def test_a_history_series_over_a_period_range():
    from marsad.core.analytics.rollup import period_range

    rows = [obs("grdp", "level", 10.0 + y, area="OLD", period=f"{y}Q1") for y in range(2020, 2025)]
    out = rollup(rows, TREE, "grdp", period_range("2021Q1", "2024Q1")[::4], targets=["P1"], catalogue=RULES)
    levels = out.filter(pl.col("measure") == "level")
    assert levels["period"].to_list() == ["2021Q1", "2022Q1", "2023Q1", "2024Q1"]
    assert levels["value"].to_list() == [2031.0, 2032.0, 2033.0, 2034.0]
    assert val(out, "P1", "2021Q1", "yoy_pct") == pytest.approx((2031 / 2030 - 1) * 100)


def test_growth_only_like_for_like():
    rows = [
        obs("grdp", "level", 10.0, area="c1", period="2025Q1"),
        obs("grdp", "level", 10.0, area="c2", period="2025Q1"),
        obs("grdp", "level", 9.0, area="c1", period="2024Q1"),
    ]
    out = rollup(rows, TREE, "grdp", ["2025Q1"], targets=["P1", "c1"], catalogue=RULES)
    assert val(out, "c1", "2025Q1", "yoy_pct") == pytest.approx(1000 / 9 - 100)
    assert val(out, "P1", "2025Q1", "yoy_pct") is None  # 2 communes now, 1 last year


# -- property: the SQL engine against a plain-Python reading of the same rules ----------------
@st.composite
def monthly_tree_data(draw):
    n_prov = draw(st.integers(1, 3))
    parent, rows = {}, []
    for p in range(n_prov):
        prov = f"P{p}"
        parent[prov] = "VN"
        for c in range(draw(st.integers(1, 3))):
            commune = f"{prov}-c{c}"
            parent[commune] = prov
            for m in range(1, 7):
                if draw(st.integers(0, 5)) > 0:  # now and then a month is missing
                    rows.append(
                        obs(
                            "grdp",
                            "level",
                            float(draw(st.integers(1, 100))),
                            area=commune,
                            period=f"2025{m:02d}",
                        )
                    )
        if draw(st.booleans()):  # sometimes the province reports its Q2 itself
            rows.append(obs("grdp", "level", float(draw(st.integers(1, 500))), area=prov, period="2025Q2"))
    return parent, rows


def _reference(parent, rows, quarter):
    months = {"2025Q1": ("202501", "202502", "202503"), "2025Q2": ("202504", "202505", "202506")}[quarter]
    by = {(r["area"], r["period"]): r["value"] for r in rows}
    values = {}
    for area in parent:
        if (area, quarter) in by:
            values[area] = by[(area, quarter)]
        elif all((area, m) in by for m in months):
            values[area] = sum(by[(area, m)] for m in months)
    out = {}
    for prov in [a for a, par in parent.items() if par == "VN"]:
        communes = [c for c, par in parent.items() if par == prov]
        if prov in values:
            out[prov] = values[prov]
        elif any(c in values for c in communes):
            out[prov] = sum(values[c] for c in communes if c in values)
    if out:
        out["VN"] = sum(out.values())
    return out


@settings(max_examples=40, deadline=None)
@given(monthly_tree_data())
def test_engine_matches_a_plain_reading(data):
    parent, rows = data
    tree = AreaTree(parent=parent)
    targets = ["VN", *[a for a, p in parent.items() if p == "VN"]]
    out = rollup(rows, tree, "grdp", ["2025Q1", "2025Q2"], targets=targets, catalogue=RULES, with_yoy=False)
    for quarter in ("2025Q1", "2025Q2"):
        got = {r["area"]: r["value"] for r in out.filter(pl.col("period") == quarter).iter_rows(named=True)}
        assert got == pytest.approx(_reference(parent, rows, quarter))
