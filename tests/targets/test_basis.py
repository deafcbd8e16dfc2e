"""A budget's two estimates: the People's Council's (the plan, carried by the plan observation)
and the central government's (a second target beside it, with no plan observation)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError


@pytest.fixture
def revenue(db):
    from marsad.indicators.models import Indicator

    return Indicator.objects.get(code="budget_revenue")


def _estimate(user, area, indicator, value, basis):
    from marsad.targets.planning import set_target

    return set_target(
        user=user,
        area=area,
        indicator=indicator,
        year=2025,
        measure="level",
        value=value,
        direction="at_least",
        basis=basis,
    )


def test_two_estimates_one_plan_observation(demo_users, bac_ninh, revenue):
    from marsad.analytics import service
    from marsad.observations.models import Observation
    from marsad.targets.planning import edit_target

    planner = demo_users["planner"]
    council = _estimate(planner, bac_ninh, revenue, 39787, "plan")
    central = _estimate(planner, bac_ninh, revenue, 36000, "central")
    plans = Observation.objects.filter(area=bac_ninh, indicator=revenue, status="plan", period="2025")
    assert [float(o.value) for o in plans] == [39787]  # the plan observation is the council's
    edit_target(central, revision=central.revision, user=planner, value=36500)
    assert [float(o.value) for o in plans.all()] == [39787]
    assert "central government" in central.label("en") and "central" not in council.label("en")
    verdicts = [(v.indicator, v.basis, v.value) for v in service.target_verdicts(bac_ninh, "2025-9M")]
    assert ("budget_revenue", "plan", 39787) in verdicts and ("budget_revenue", "central", 36500) in verdicts
    with pytest.raises(ValidationError, match="already set"):
        _estimate(planner, bac_ninh, revenue, 37000, "central")


def test_a_central_estimate_is_a_level(demo_users, bac_ninh, grdp):
    from marsad.targets.planning import set_target

    with pytest.raises(ValidationError, match="level"):
        set_target(
            user=demo_users["planner"],
            area=bac_ninh,
            indicator=grdp,
            year=2025,
            measure="yoy_pct",
            value=8,
            basis="central",
        )


def test_the_report_says_both_estimates(demo_users, bac_ninh, revenue):
    from marsad.areas.models import Area
    from marsad.core.narration import narrate
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation
    from marsad.reports.data import report_data_for
    from marsad.reports.render.layout import appendix_table

    planner = demo_users["planner"]
    _estimate(planner, bac_ninh, revenue, 40000, "plan")
    _estimate(planner, bac_ninh, revenue, 32000, "central")
    for measure, value in (("level", 28000), ("plan_pct", 70.0)):
        Observation.objects.create(
            area=Area.objects.get(code="VN-24"),
            indicator=Indicator.objects.get(code="budget_revenue"),
            period="2025-9M",
            measure=measure,
            value=value,
        )
    data = report_data_for(bac_ninh, "2025-9M")
    row = data.row("budget_revenue")
    assert (row.plan_pct, row.central_level, row.central_pct) == (70.0, 32000, 87.5)
    texts = {lang: " ".join(narrate(data, lang)[0].paragraphs) for lang in ("ar", "vi", "en")}
    assert (
        "70% of the estimate approved by the provincial People's Council and 87.5% of the estimate assigned by the central government"
        in texts["en"]
    )
    assert "đạt 70% dự toán Hội đồng nhân dân tỉnh giao và 87,5% dự toán Trung ương giao" in texts["vi"]
    assert "87.5٪ من التقديرات التي حددتها الحكومة المركزية" in texts["ar"]
    table = appendix_table(data, "en")
    assert table.headers[-2:] == ("Central government's estimate", "% of central estimate")
    line = next(r for r in table.rows if r[0] == "State budget revenue")
    assert line[2] == "40,000" and line[-2:] == ("32,000", "87.5")
    targets = [t for t in data.targets if t.indicator == "budget_revenue"]
    assert [t.basis for t in targets] == ["plan", "central"]


def test_the_overview_judges_each_estimate_on_its_own(demo_users, bac_ninh, revenue):
    """The council's plan and the central estimate of one indicator are two rows, each with the
    service's verdict of that estimate (not the other's)."""
    from marsad.analytics import service
    from marsad.core import periods as P
    from marsad.observations.models import Observation
    from marsad.targets.overview import overview

    Observation.objects.create(
        area=bac_ninh, indicator=revenue, period="2025-9M", measure="level", value=28000
    )
    planner = demo_users["planner"]
    _estimate(planner, bac_ninh, revenue, 400000, "plan")  # far above anything the demo reached
    _estimate(planner, bac_ninh, revenue, 1, "central")  # reached by any figure at all
    expected = {
        v.basis: v.judgement.status
        for v in service.target_verdicts(bac_ninh, "2025-9M")
        if v.indicator == "budget_revenue"
    }
    assert expected["plan"] != expected["central"]
    rows = [r for r in overview(bac_ninh, P.parse("2025-9M")) if r.target.indicator.code == "budget_revenue"]
    got = {r.target.basis: r.verdict for r in rows}
    assert got == {basis: ("" if status == "unknown" else status) for basis, status in expected.items()}
