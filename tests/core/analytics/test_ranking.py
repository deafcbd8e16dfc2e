"""Ranking areas and finding the communes that lag."""

from __future__ import annotations

import pytest

from marsad.core.analytics import lagging, rank

from .conftest import obs

PARENT = {"c1": "P1", "c2": "P1", "c3": "P1", "c4": "P2", "c5": "P2"}


def growth(area, v, **kw):
    return obs("grdp", "yoy_pct", v, area=area, period="2025Q1", **kw)


def test_rank_with_ties():
    rows = [growth("P1", 8.0), growth("P2", 10.0), growth("P3", 8.0), growth("P4", 5.0)]
    out = rank(rows, "grdp", "2025Q1")
    assert out["area"].to_list() == ["P2", "P1", "P3", "P4"]
    assert out["rank"].to_list() == [1, 2, 2, 4]
    assert out["of"].to_list() == [4] * 4
    assert rank(rows, "grdp", "2025Q1", descending=False)["area"][0] == "P4"


def test_communes_behind_the_province_average():
    rows = [growth("c1", 6.0), growth("c2", 9.0), growth("c3", 12.0), growth("c4", 5.0), growth("c5", 5.0)]
    out = lagging(rows, "grdp", "2025Q1", parent=PARENT)
    assert out["area"].to_list() == ["c1"]  # P1's average is 9; P2's communes are both at it
    assert out["gap"].item() == pytest.approx(-3.0)
    assert out["against"].item() == "province_average"


def test_communes_behind_their_target():
    rows = [growth("c1", 9.0), growth("c2", 9.0)]
    rows += [obs("grdp", "yoy_pct", 10.0, area="c1", period="2025", status="plan")]
    out = lagging(rows, "grdp", "2025Q1", parent=PARENT)
    assert out.filter(out["against"] == "target")["area"].to_list() == ["c1"]


def test_level_targets_are_pro_rata():
    rows = [
        obs("budget_revenue", "level", 70.0, area="c1", period="2025-9M"),
        obs("budget_revenue", "level", 80.0, area="c2", period="2025-9M"),
        obs("budget_revenue", "level", 100.0, area="c1", period="2025", status="plan"),
        obs("budget_revenue", "level", 100.0, area="c2", period="2025", status="plan"),
    ]
    out = lagging(rows, "budget_revenue", "2025-9M", "level", parent=PARENT)
    behind_target = out.filter(out["against"] == "target")
    assert behind_target["area"].to_list() == ["c1"]  # 70 < 75 = 9/12 of 100; 80 is ahead
    assert behind_target["reference"].item() == pytest.approx(75.0)


def test_rank_provinces_on_a_rollup():
    from marsad.core.analytics import AreaTree, rollup

    from .conftest import RULES

    tree = AreaTree(parent=PARENT | {"P1": "VN", "P2": "VN"})
    rows = [
        obs("grdp", "level", v, area=a, period=p)
        for a, p, v in (
            ("c1", "2025Q1", 11.0),
            ("c1", "2024Q1", 10.0),
            ("c4", "2025Q1", 12.0),
            ("c4", "2024Q1", 10.0),
        )
    ]
    out = rollup(rows, tree, "grdp", ["2025Q1"], targets=["P1", "P2"], catalogue=RULES)
    ranked = rank(out, "grdp", "2025Q1")
    assert ranked["area"].to_list() == ["P2", "P1"]  # +20 % before +10 %
    # the same rule one level up: P1 (+10 %) is behind the mean of VN's units (+15 %)
    behind = lagging(out, "grdp", "2025Q1", parent=tree, communes=["P1", "P2"])
    assert behind["area"].to_list() == ["P1"] and behind["reference"].item() == pytest.approx(15.0)


def test_rank_values_share_the_best_place_of_a_tie():
    from marsad.core.analytics.ranking import rank_values

    pairs = [("B", 5.0), ("A", 9.0), ("D", 5.0), ("C", 1.0)]
    assert rank_values(pairs) == [("A", 9.0, 1, 4), ("B", 5.0, 2, 4), ("D", 5.0, 2, 4), ("C", 1.0, 4, 4)]
    assert [r[:3] for r in rank_values(pairs, descending=False)][:3] == [
        ("C", 1.0, 1),
        ("B", 5.0, 2),
        ("D", 5.0, 2),
    ]
    assert rank_values([]) == []
