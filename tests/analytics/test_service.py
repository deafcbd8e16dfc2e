"""The analytics service on the demo's data: the figures the issue names, their routes and flags."""

from __future__ import annotations

import pytest

from marsad.analytics import service
from marsad.core import periods as P


def test_province_from_its_quarters_with_the_communes_flagged(demo):
    figs = service.figures("VN-24", "2025-9M")
    revenue = figs.get("budget_revenue")
    assert revenue.value == 29362 and revenue.method == "sum_of_pieces" and revenue.qualifier == "exact"
    [flag] = revenue.disagreements
    assert flag.method == "communes" and round(flag.other) == 14552 and round(flag.gap) == 14552 - 29362
    assert [r.method for r in revenue.routes] == ["sum_of_pieces", "communes"]
    assert revenue.routes[1].count == revenue.routes[1].expected == 99
    assert not figs.agree


def test_a_figure_only_the_communes_have_is_their_sum(demo):
    enterprises = service.figures("VN-24", "2025-9M").get("new_enterprises")
    assert enterprises.method == "communes" and (enterprises.count, enterprises.expected) == (99, 99)
    assert round(enterprises.value) == 5998 and enterprises.agrees


def test_current_basis_adds_the_provinces_merged_in(demo):
    grdp = service.figures("VN-56", "2024Q1", "current").get("grdp")
    assert grdp.value == 30016 + 5800 and grdp.qualifier == "more_than"  # Ninh Thuan: "more than 5,800"
    assert grdp.method == "merged_provinces" and len(grdp.inputs) == 2
    # last year on the same boundaries, so the growth compares like with like
    growth = service.figures("VN-56", "2024Q1", "current").get("grdp", "yoy_pct")
    last = service.figures("VN-56", "2024Q1", "current").get("grdp", period="2023Q1")
    assert growth.method == "yoy_from_levels"
    assert growth.value == pytest.approx((35816 / last.value - 1) * 100)
    assert last.method == "merged_provinces"


def test_historical_basis_is_the_old_province(demo):
    figs = service.figures("VN-56", "2024Q1", "historical")
    assert figs.get("grdp").value == 30016 and figs.get("grdp").method == "observed"
    assert figs.get("grdp", "yoy_pct").value == 8.75  # the old province's own growth, as published
    assert service.figures("VN-OLD-58", "2024Q1", "historical").get("grdp").value == 5800


def test_the_nation_is_the_sum_of_the_provinces(demo):
    figs = service.figures("VN", "2025-9M")
    revenue = figs.get("budget_revenue")
    provinces = service.province_figures("2025-9M")
    expected = sum(f.value("budget_revenue") for f in provinces.values() if f.get("budget_revenue"))
    assert revenue.method == "provinces" and revenue.value == pytest.approx(expected)
    assert revenue.expected == 34 and revenue.count < 34 and revenue.qualifier == "more_than"


def test_targets_are_judged_once_on_the_year_to_date(demo):
    verdicts = {(v.indicator, v.measure): v for v in service.target_verdicts("VN-24", "2025Q3")}
    revenue = verdicts[("budget_revenue", "level")]
    assert revenue.period == "2025-9M" and revenue.achieved == 29362
    assert revenue.status == "at_risk"  # 73.8 % of the plan after 9 months, the pace asks 75 %
    assert revenue.judgement.pace == 0.75


def test_a_plan_before_the_merger_is_judged_on_the_figures_boundaries(demo):
    """Khanh Hoa's 2024 plan (11,747) was the old province's: today's Khanh Hoa of 2024, with
    Ninh Thuan in it, is judged against both plans (11,747 + 3,997), as its % of plan is."""
    today = {(v.indicator, v.measure): v for v in service.target_verdicts("VN-56", "2024-9M", "current")}
    revenue = today[("budget_revenue", "level")]
    assert revenue.value == 11747 + 3997 and revenue.achieved == 11791
    pct = service.figures("VN-56", "2024-9M", "current").get("budget_revenue", "plan_pct")
    assert pct.value == pytest.approx(100 * 11791 / 15744)
    assert revenue.status == "at_risk"  # 74.9 % of the plans after 9 months, the pace asks 75 %
    then = {(v.indicator, v.measure): v for v in service.target_verdicts("VN-56", "2024-9M", "historical")}
    old = then[("budget_revenue", "level")]
    assert (old.value, old.achieved, old.status) == (11747, 8475, "at_risk")


def test_a_directives_latest_figure_is_judged_on_the_same_plan(demo):
    from marsad.targets.models import Target

    target = Target.objects.get(area__code="VN-56", indicator__code="budget_revenue", year=2024)
    found = service.latest_figure(target)
    assert found["figure"].method == "merged_provinces"
    assert found["judgement"].target == 11747 + 3997


def test_a_write_is_seen_by_the_next_request(demo):
    from marsad.observations.models import Observation

    before = service.figures("VN-24", "2025-9M").get("budget_revenue").value
    obs = Observation.objects.get(
        area__code="VN-24", indicator__code="budget_revenue", period="2025Q3", measure="level"
    )
    obs.value += 1000
    obs.save()
    assert service.figures("VN-24", "2025-9M").get("budget_revenue").value == before + 1000


def test_ranking_among_provinces(demo):
    rows = service.ranking("grdp", "2025Q2")
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["value"] >= rows[-1]["value"] and {r["area"] for r in rows} >= {"VN-24", "VN-56"}


def test_unknown_basis_is_refused(demo):
    with pytest.raises(ValueError, match="basis"):
        service.figures("VN-24", "2025-9M", "as-it-pleases")


def _provinces_growth(rows):
    from marsad.areas.models import Area
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    grdp = Indicator.objects.get(code="grdp")
    for code, value in rows:
        Observation.objects.create(
            area=Area.objects.get(code=code), indicator=grdp, period="2025-9M", measure="yoy_pct", value=value
        )


def test_standing_among_the_provinces_and_in_the_region(demo):
    _provinces_growth([("VN-01", 8.0), ("VN-31", 13.0), ("VN-79", 7.5)])  # Hanoi, Hai Phong, HCMC
    st = service.standing("VN-24", "grdp", "2025-9M")
    ranked = service.ranking("grdp", "2025-9M", "yoy_pct")
    assert st["rank"] == [r["area"] for r in ranked].index("VN-24") + 1 and st["of"] == len(ranked)
    assert st["value"] == pytest.approx(12.07, abs=0.01) and st["provinces"] == 34
    # the Red River Delta: Hai Phong 13, Bac Ninh 12.07, Hanoi 8
    assert (st["region"], st["region_rank"], st["region_of"]) == ("red_river_delta", 2, 3)
    # a few provinces' growth is not the nation's
    assert st["national"] is None
    assert service.standing("VN-OLD-58", "grdp", "2024Q1") is None  # not a current province


def test_the_national_figure_when_the_nation_has_one(demo):
    from marsad.areas.models import Area
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    Observation.objects.create(
        area=Area.objects.get(code="VN"),
        indicator=Indicator.objects.get(code="grdp"),
        period="2025-9M",
        measure="yoy_pct",
        value=7.85,
    )
    assert service.standing("VN-24", "grdp", "2025-9M")["national"] == 7.85


def test_the_rules_are_read_once_for_the_stamp_and_the_fact_bases(demo):
    from marsad.analytics import reading

    rules = reading.catalogue()
    assert reading.catalogue() is rules  # the same rows: the same object, read once
    figs = service.figures("VN-24", "2025-9M")
    assert figs.base.catalogue is rules and figs.base._read is rules.read


def test_a_first_read_finds_each_areas_inputs_once(demo, monkeypatch):
    from collections import Counter

    calls = Counter()
    real = service._inputs

    def counted(code, tree):
        calls[code] += 1
        return real(code, tree)

    monkeypatch.setattr(service, "_inputs", counted)
    token = service._memo.set({})  # a top-level call's first read
    try:
        versions = service._versions(["VN", "VN-24"])
    finally:
        service._memo.reset(token)
    assert set(versions) == {"VN", "VN-24"} and calls == {"VN": 1, "VN-24": 1}


def test_the_nations_sum_of_provinces_is_qualified_by_the_one_rule():
    """A province "more than" its figure makes the nation's sum "more than" too (the sum rule of
    derive), not "about"."""
    from marsad.core.analytics.frames import Rule

    rules = {"grdp": Rule("sum", "flow", None, "billion VND")}
    levels = {
        "VN-24": [("grdp", "2024Q1", False, 100.0, "exact", "billion VND")],
        "VN-56": [("grdp", "2024Q1", False, 35816.0, "more_than", "billion VND")],
    }
    [summed] = service._sum_levels(levels, rules, kind="provinces")
    assert summed.value == 35916 and summed.qualifier == "more_than"
    levels["VN-24"] = [("grdp", "2024Q1", False, 100.0, "less_than", "billion VND")]
    assert service._sum_levels(levels, rules, kind="provinces")[0].qualifier == "about"


def _levels_shown(figs, period):
    return {
        f.indicator: (f.value, f.qualifier, f.unit) for f in figs.of_period(period) if f.measure == "level"
    }


def _levels_read(levels):
    return {i: (x[3], x[4], x[5]) for i, x in levels.items()}


@pytest.mark.parametrize("basis", service.BASES)
def test_a_periods_levels_are_those_of_the_whole_figures(demo, basis):
    from marsad.areas.models import Area
    from marsad.web.dashboard import available_periods

    periods = available_periods(Area.objects.get(code="VN"))
    assert len(periods) > 10
    for period in periods:
        whole = service.province_figures(period, basis)
        service.figures("VN-24", period, basis)  # at hand: its levels are read off its figures
        quick = service.period_levels(period, basis)
        assert set(service._figures_at_hand(["VN-24", "VN-31"], P.parse(period), basis)) == {"VN-24"}
        assert quick.keys() == whole.keys()
        for code, figs in whole.items():
            assert _levels_read(quick[code].levels) == _levels_shown(figs, period), (code, period)
        if basis == "current":
            nation = service.figures("VN", period)
            assert _levels_read(service.national_levels(period)) == _levels_shown(nation, period), period
        for indicator, rows in service.level_rankings(period, basis).items():
            ranked = service._ranked(
                [
                    service._rank_record(c, indicator, "level", f.value)
                    for c, figs in whole.items()
                    if (f := figs.get(indicator, "level", period)) is not None
                ],
                P.parse(period),
            )
            assert rows == ranked[(indicator, "level")]


def test_a_level_only_the_two_years_give_is_computed_whole(demo):
    """Communes with the year and its nine months but not the fourth quarter: the province's Q4
    is the difference of its communes' two sums (the route of Q4 alone finds none)."""
    from marsad.areas.models import Area
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    province = Area.objects.get(code="VN-31")
    communes = list(province.children.order_by("code")[:2])
    indicator = Indicator.objects.get(code="visitors")
    for commune in communes:
        for period, value in (("2025", 120.0), ("2025-9M", 90.0)):
            obs = Observation(area=commune, indicator=indicator, period=period, measure="level", value=value)
            obs.unit = indicator.unit
            obs.save(source="test")
    whole = service.figures("VN-31", "2025Q4").get("visitors")
    assert whole.value == 60 and whole.method == "difference_of_spans"
    levels = service.period_levels("2025Q4")["VN-31"]
    assert levels.levels["visitors"][3] == 60 and "visitors" in levels.known
    assert service.national_levels("2025Q4")["visitors"][3] == service.figures("VN", "2025Q4").value(
        "visitors"
    )
    [row] = [r for r in service.ranking("visitors", "2025Q4") if r["area"] == "VN-31"]
    assert row["value"] == 60
