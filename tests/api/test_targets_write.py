"""Targets through the API: set, edit with revisions (409 on stale), retire, scenarios, overview."""

import pytest

pytestmark = pytest.mark.django_db


def _new(call, who, places, **kw):
    body = {
        "area": places["province"].code,
        "indicator": "grdp",
        "year": 2025,
        "measure": "yoy_pct",
        "value": 10,
    }
    body.update(kw)
    return call(who, "post", "/targets", body)


def test_set_edit_retire(call, places):
    created = _new(call, "planner", places, qualifier="at_least", article="Art. 1")
    assert created.status_code == 201, created.content
    target = created.json()
    assert target["revision"] == 1 and target["label"] and target["article"] == "Art. 1"
    again = _new(call, "planner", places)  # already set: 409 with the target to edit
    assert again.status_code == 409 and again.json()["current"]["id"] == target["id"]
    edited = call("planner", "patch", f"/targets/{target['id']}", {"revision": 1, "value": 11})
    assert edited.status_code == 200 and edited.json()["value"] == 11 and edited.json()["revision"] == 2
    stale = call("planner", "patch", f"/targets/{target['id']}", {"revision": 1, "value": 9})
    assert stale.status_code == 409
    assert stale.json()["current"]["value"] == 11
    assert (
        call("planner", "patch", f"/targets/{target['id']}", {"value": 9}).status_code == 422
    )  # no revision
    scenario = call("planner", "put", f"/targets/{target['id']}/scenarios/2025Q2", {"value": 7.59})
    assert scenario.status_code == 200 and scenario.json()["scenarios"] == [
        {"period": "2025Q2", "value": 7.59, "note": ""}
    ]
    assert (
        call("planner", "put", f"/targets/{target['id']}/scenarios/2026Q1", {"value": 7}).status_code == 422
    )
    retired = call(
        "planner", "post", f"/targets/{target['id']}/retire", {"revision": 2, "reason": "replaced"}
    )
    assert retired.status_code == 200 and retired.json()["retired_on"]
    assert call("planner", "get", "/targets", area=places["province"].code).json()["count"] == 0
    shown = call("planner", "get", "/targets", area=places["province"].code, retired="true").json()
    assert shown["items"][0]["retired_reason"] == "replaced"


def test_only_planners_of_the_area_write(call, places):
    assert _new(call, "viewer", places).status_code == 403
    assert _new(call, "commune", places).status_code == 403
    assert _new(call, "planner", places, area=places["elsewhere"].code).status_code == 403
    assert _new(call, "planner", places, measure="plan_pct").status_code == 422


def test_overview_has_the_verdict(call, places):
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    _new(call, "planner", places, value=10)
    grdp = Indicator.objects.get(code="grdp")
    Observation(area=places["province"], indicator=grdp, period="2025S1", measure="yoy_pct", value=9.0).save()
    rows = call("viewer", "get", "/target-overview", area=places["province"].code, period="2025S1").json()
    assert [(r["target"]["indicator"], r["actual"], r["verdict"]) for r in rows] == [("grdp", 9.0, "at_risk")]
    assert (
        call("viewer", "get", "/target-overview", area=places["province"].code, period="x").status_code == 422
    )


def test_openapi_names_the_target_routes(call):
    paths = call("admin", "get", "/openapi.json").json()["paths"]
    assert {"post", "get"} <= set(paths["/api/targets"])
    assert "patch" in paths["/api/targets/{target_id}"]
    assert "409" in paths["/api/targets/{target_id}"]["patch"]["responses"]
    assert "/api/targets/{target_id}/retire" in paths and "/api/target-overview" in paths
