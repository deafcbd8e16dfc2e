"""The directives API: scoped lists, the summary, progress reports with their validation."""

from __future__ import annotations

import pytest
from ninja.testing import TestClient

from marsad.directives.api import router
from marsad.directives.delegation import delegate_to_communes

from .conftest import make_user

pytestmark = pytest.mark.django_db
api = TestClient(router)


@pytest.fixture
def delegated(directive, bac_ninh):
    return sorted(delegate_to_communes(directive, bac_ninh), key=lambda a: a.organisation.code)


def test_commune_officer_through_the_api(delegated, directive):
    own, other = delegated[0], delegated[1]
    officer = make_user("commune_api", "commune", organisation=own.organisation)
    listed = api.get("/assignments", user=officer).json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == own.pk
    assert listed["items"][0]["unit"] == own.organisation.code
    assert api.get("/directives", user=officer).json()["items"][0]["id"] == directive.pk
    assert (
        api.post(
            f"/assignments/{other.pk}/progress", json={"percent": 50, "text": "x"}, user=officer
        ).status_code
        == 404
    )
    bad = api.post(f"/assignments/{own.pk}/progress", json={"percent": 150, "text": "x"}, user=officer)
    assert bad.status_code == 422
    ok = api.post(
        f"/assignments/{own.pk}/progress",
        json={"percent": 100, "text": "done", "date": "2025-12-01"},
        user=officer,
    )
    assert ok.status_code == 201 and ok.json()["percent"] == 100
    summary = api.get("/directives/summary", user=officer).json()
    assert summary["total"] == 1 and summary["done_on_time"] == 1


def test_planner_lists_and_filters(delegated, bac_ninh):
    planner = make_user("planner_api", "planner", capture=[bac_ninh])
    assert api.get("/assignments?limit=1000", user=planner).json()["count"] == 99
    assert api.get("/assignments?period=2026", user=planner).json()["count"] == 0
    assert api.get("/assignments?status=done_on_time", user=planner).json()["count"] == 0
    assert api.get("/directives/summary?period=2025Q9", user=planner).status_code == 422
    by_unit = api.get("/directives/summary?by_unit=true&area=VN-24", user=planner).json()
    assert len(by_unit["units"]) == 99
