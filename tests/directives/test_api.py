"""The directives API: scoped lists, creation with lead and cooperating units, delegation,
progress with revisions (409 on stale), inspections, answers, the summary by unit and commune."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from ninja.testing import TestClient

from marsad.directives.delegation import delegate_to_communes
from marsad.web.api import api as marsad_api

from .conftest import make_user

pytestmark = pytest.mark.django_db
api = TestClient(marsad_api)


@pytest.fixture
def delegated(directive, bac_ninh):
    with time_machine.travel(date(2025, 10, 2), tick=False):
        return sorted(delegate_to_communes(directive, bac_ninh), key=lambda a: a.organisation.code)


def _progress(user, assignment_id, **body):
    return api.post(f"/assignments/{assignment_id}/progress", json=body, user=user)


def test_commune_officer_through_the_api(delegated, directive):
    own, other = delegated[0], delegated[1]
    officer = make_user("commune_api", "commune", organisation=own.organisation)
    listed = api.get("/assignments", user=officer).json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == own.pk
    assert listed["items"][0]["unit"] == own.organisation.code and listed["items"][0]["role"] == "delegated"
    revision = listed["items"][0]["revision"]
    assert api.get("/directives", user=officer).json()["items"][0]["id"] == directive.pk
    assert _progress(officer, other.pk, percent=50, text="x", revision=1).status_code == 404
    assert _progress(officer, own.pk, percent=50, text="x").status_code == 422  # no revision: refused
    assert _progress(officer, own.pk, percent=150, text="x", revision=revision).status_code == 422
    future = _progress(officer, own.pk, percent=50, text="x", revision=revision, date="2027-06-01")
    assert future.status_code == 422 and "future" in future.json()["detail"]
    ok = _progress(officer, own.pk, percent=100, text="done", date="2025-12-01", revision=revision)
    assert ok.status_code == 201 and ok.json()["percent"] == 100 and ok.json()["revision"] == revision + 1
    # Two officers at once: the second, made on the old revision, is refused and clears nothing.
    stale = _progress(
        officer, own.pk, percent=40, text="old copy", date="2025-12-02", revision=revision, reason="r"
    )
    assert stale.status_code == 409
    assert stale.json()["current"]["completed_on"] == "2025-12-01"
    own.refresh_from_db()
    assert own.completed_on == date(2025, 12, 1) and own.percent_done == 100
    summary = api.get("/directives/summary", user=officer).json()
    assert summary["total"] == 1 and summary["done_on_time"] == 1


def test_a_department_outside_the_assignment_is_refused(delegated, units, bac_ninh):
    trade = make_user("moit_api", "department", organisation=units["VN-24-MOIT"], capture=[bac_ninh])
    target = delegated[5]
    refused = _progress(trade, target.pk, percent=100, text="closing it", date="2025-11-01", revision=1)
    assert refused.status_code == 403 and target.reports.count() == 0
    finance = make_user("fin_api", "department", organisation=units["VN-24-FIN"], capture=[bac_ninh])
    assert (
        _progress(finance, target.pk, percent=30, text="guided", date="2025-11-01", revision=1).status_code
        == 201
    )


def test_planner_creates_delegates_and_summarises(bac_ninh, units):
    planner = make_user("planner_api", "planner", capture=[bac_ninh])
    body = {
        "area": "VN-24",
        "text": "Speed up public investment disbursement",
        "language": "en",
        "period": "2025Q4",
        "deadline": "2025-12-31",
        "lead_unit": "VN-24-FIN",
        "cooperating": [{"unit": "VN-24-CONS", "task": "site clearance"}, {"unit": "VN-24-AGRI"}],
    }
    with time_machine.travel(date(2025, 10, 3), tick=False):
        created = api.post("/directives", json=body, user=planner)
        assert created.status_code == 201, created.content
        d = created.json()
        assert d["lead_unit"] == "VN-24-FIN" and d["issued_on"] == "2025-10-03"
        assert sorted((c["unit"], c["task"]) for c in d["cooperating_units"]) == [
            ("VN-24-AGRI", ""),
            ("VN-24-CONS", "site clearance"),
        ]
        out = api.post(f"/directives/{d['id']}/delegate", json={"province": "VN-24"}, user=planner)
        assert out.status_code == 200 and out.json()["delegated"] == 99
    listed = api.get(f"/assignments?directive={d['id']}&limit=1000", user=planner).json()
    roles = sorted(a["role"] for a in listed["items"])
    assert roles.count("lead") == 1 and roles.count("cooperating") == 2 and roles.count("delegated") == 99
    found = api.get("/directives?q=disbursement", user=planner).json()
    assert [x["id"] for x in found["items"]] == [d["id"]]
    summary = api.get("/directives/summary?by_unit=true&area=VN-24&as_of=2025-11-01", user=planner).json()
    assert summary["total"] == 102 and len(summary["units"]) == 3 and len(summary["communes"]) == 99
    assert summary["classes"]["within_deadline"] == 102
    assert api.get("/directives/summary?as_of=2099-01-01", user=planner).status_code == 422
    assert api.get("/directives/summary?period=2025Q9", user=planner).status_code == 422
    viewer = make_user("viewer_api", "viewer", view=[bac_ninh])
    assert api.post("/directives", json={**body, "text": "no"}, user=viewer).status_code == 403
