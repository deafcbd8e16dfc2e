"""The targets pages: list per area and year, set / edit / retire, scenarios, target vs actual."""

from __future__ import annotations

import pytest


@pytest.fixture
def as_user(client, demo_users):
    def login(username):
        client.force_login(demo_users[username])
        client.cookies["django_language"] = "en"
        return client

    return login


def test_a_planner_sets_edits_and_retires_a_target_through_the_pages(as_user, resolution, grdp):
    from marsad.targets.models import Target

    client = as_user("planner")
    page = client.get("/targets/?province=VN-24&year=2025")
    assert page.status_code == 200 and "Set a target" in page.content.decode()
    form = client.get("/targets/new/?area=VN-24&year=2025").content.decode()
    assert "Hanoi plan 2025" not in form  # other provinces' documents are not offered
    assert "25/NQ-HĐND" in form
    response = client.post(
        "/targets/new/",
        {
            "area": "VN-24",
            "indicator": grdp.pk,
            "year": 2025,
            "measure": "yoy_pct",
            "qualifier": "at_least",
            "value": "10.5",
            "document": resolution.pk,
            "article": "Article 1",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    target = Target.objects.get(area__code="VN-24", indicator=grdp, year=2025)
    assert (target.value, target.document, target.article) == (10.5, resolution, "Article 1")
    listing = client.get("/targets/?province=VN-24&year=2025").content.decode()
    assert "25/NQ-HĐND" in listing and "Article 1" in listing
    edit = {"value": "11", "qualifier": "at_least", "revision": target.revision, "document": resolution.pk}
    assert client.post(f"/targets/{target.pk}/", edit).status_code == 302
    stale = client.post(f"/targets/{target.pk}/", {**edit, "value": "9"})
    assert stale.status_code == 409 and "changed by someone else" in stale.content.decode()
    assert Target.objects.get(pk=target.pk).value == 11.0
    client.post(f"/targets/{target.pk}/scenarios/", {"period": "2025Q2", "value": "7.59"})
    assert Target.objects.get(pk=target.pk).scenarios.get().value == 7.59
    retire = {"reason": "superseded", "revision": Target.objects.get(pk=target.pk).revision}
    assert client.post(f"/targets/{target.pk}/retire/", retire).status_code == 302
    assert not Target.objects.filter(pk=target.pk).exists()
    shown = client.get("/targets/?province=VN-24&year=2025&retired=1").content.decode()
    assert "superseded" in shown and "Filters applied" in shown


def test_numbers_are_read_in_the_pages_language(as_user, grdp):
    from marsad.targets.models import Target

    client = as_user("planner")
    client.cookies["django_language"] = "vi"
    response = client.post(
        "/targets/new/",
        {
            "area": "VN-24",
            "indicator": grdp.pk,
            "year": 2025,
            "measure": "yoy_pct",
            "qualifier": "at_least",
            "value": "10,5",
        },
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    assert Target.objects.get(indicator=grdp, area__code="VN-24").value == 10.5


def test_no_form_for_those_who_may_not_plan(as_user):
    for username in ("department", "viewer", "commune"):
        client = as_user(username)
        page = client.get("/targets/?year=2025")  # their own areas
        assert page.status_code == 200
        assert "Set a target" not in page.content.decode()
        assert client.get("/targets/new/?area=VN-24").status_code == 403
    # A province outside the commune officer's scope is refused, not silently replaced.
    assert as_user("commune").get("/targets/?province=VN-24&year=2025").status_code == 403


def test_area_picker_offers_names_in_scope(as_user):
    page = as_user("planner").get("/targets/?year=2025").content.decode()
    assert 'value="VN-24" selected' in page and "Bac Ninh" in page
    assert 'value="VN-01"' not in page  # Hanoi is outside the planner's scope
    assert "VN-OLD" not in page  # closed provinces only when asked for history
    viewer = as_user("viewer").get("/targets/?year=2025").content.decode()
    assert 'value="VN-56"' in viewer and 'value="VN-24"' in viewer


def test_target_vs_actual_uses_the_single_verdict(as_user, demo_users, bac_ninh, grdp):
    from marsad.observations.models import Observation
    from marsad.targets.planning import set_target

    set_target(
        area=bac_ninh, indicator=grdp, year=2025, measure="yoy_pct", value=10.0, user=demo_users["planner"]
    )
    Observation(
        area=bac_ninh, indicator=grdp, period="2025-9M", measure="yoy_pct", value=10.8, unit="%"
    ).save()
    Observation(area=bac_ninh, indicator=grdp, period="2025", measure="yoy_pct", value=9.1, unit="%").save()
    client = as_user("viewer")
    nine = client.get("/targets/overview/?province=VN-24&period=2025-9M").content.decode()
    assert 'data-indicator="grdp" data-verdict="on_track"' in nine
    year = client.get("/targets/overview/?province=VN-24&period=2025").content.decode()
    assert 'data-indicator="grdp" data-verdict="missed"' in year
