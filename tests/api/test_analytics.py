"""Derived measures through the API: the analytics core's arithmetic, within the user's scope."""

import pytest

pytestmark = pytest.mark.django_db


def _level(area, code, period, value, measure="level", status="official"):
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    Observation(
        area=area,
        indicator=Indicator.objects.get(code=code),
        period=period,
        measure=measure,
        value=value,
        status=status,
    ).save()


def test_growth_is_derived_from_last_years_level(call, places, users):
    mine = places["mine"]
    _level(mine, "grdp", "2023Q1", 80.0)
    _level(mine, "grdp", "2024Q1", 100.0)
    _level(mine, "grdp", "2024Q2", 120.0)
    response = call("commune", "get", "/analytics/derived", area=mine.code, period="2024Q1")
    assert response.status_code == 200
    body = response.json()
    assert body["area"] == mine.code and body["period"] == "2024Q1"
    rows = {(r["indicator"], r["measure"]): r for r in body["rows"]}
    assert rows[("grdp", "level")]["derived"] is False
    growth = rows[("grdp", "yoy_pct")]
    assert growth["derived"] is True and growth["value"] == pytest.approx(25.0)
    assert len(growth["inputs"]) == 2 and growth["method"]
    assert all(r["period"] == "2024Q1" for r in body["rows"])


def test_plan_reached(call, places):
    mine = places["mine"]
    _level(mine, "budget_revenue", "2025", 200.0, status="plan")
    _level(mine, "budget_revenue", "2025Q1", 50.0)
    rows = call(
        "admin", "get", "/analytics/derived", area=mine.code, period="2025Q1", indicator="budget_revenue"
    )
    plan = [r for r in rows.json()["rows"] if r["measure"] == "plan_pct"]
    assert plan and plan[0]["value"] == pytest.approx(25.0)


def test_derived_respects_scope_and_validates(call, places):
    assert (
        call(
            "commune", "get", "/analytics/derived", area=places["neighbour"].code, period="2024Q1"
        ).status_code
        == 403
    )
    assert (
        call("commune", "get", "/analytics/derived", area=places["mine"].code, period="2024Q9").status_code
        == 422
    )
    assert call("commune", "get", "/analytics/derived", area=places["mine"].code).status_code == 422
    empty = call("commune", "get", "/analytics/derived", area=places["mine"].code, period="2019").json()
    assert empty["rows"] == []
