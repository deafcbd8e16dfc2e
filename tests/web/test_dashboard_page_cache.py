"""A dashboard's content is kept as HTML per scope, language, digits, day and data version
(views.dashboard, dashboard.page_key): a second view renders only the frame around it, every
write it shows is seen on the next view, and readers of different scope never share it."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

LATE = date(2026, 1, 10)  # the directive below was due on 31 December 2025


@pytest.fixture
def province(communes, put):
    area = communes[0].parent
    for year, base in ((2024, 1000.0), (2025, 1100.0)):
        put(area, "grdp", f"{year}Q1", base)
    return area


def _url(area, period="2025Q1"):
    return f"/dashboard/?area={area.code}&period={period}"


def _page(client, url, lang="en"):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _picker(html: str) -> str:
    start = html.index('<select name="area">')
    return html[start : html.index("</select>", start)]


def test_a_second_view_renders_the_kept_content(province, client_for):
    client = client_for("planner")
    first = _page(client, _url(province))
    with CaptureQueriesContext(connection) as queries:
        again = _page(client, _url(province))
    assert _picker(again) == _picker(first) and "1,100" in again
    # neither the area, nor the picker's areas, nor any figure read again
    assert not any('"areas_area"."name_en"' in q["sql"] for q in queries.captured_queries)


def test_the_frame_is_the_readers_own(province, client, demo_users):
    client.force_login(demo_users["planner"])
    planner = _page(client, _url(province))
    client.force_login(demo_users["approver"])  # the same scope: the same content, their own frame
    approver = _page(client, _url(province))
    assert _picker(planner) == _picker(approver)
    names = {u: demo_users[u].get_full_name() or u for u in ("planner", "approver")}
    assert names["approver"] in approver and names["approver"] not in planner
    assert names["planner"] in planner and names["planner"] not in approver


def test_readers_of_different_scope_never_share_a_page(province, client, demo_users):
    from marsad.areas.models import Area

    khanh_hoa = Area.objects.get(code="VN-56")
    client.force_login(demo_users["planner"])  # Bac Ninh
    planner = _page(client, _url(province))
    client.force_login(demo_users["viewer"])  # Bac Ninh and Khanh Hoa
    viewer = _page(client, _url(province))
    assert khanh_hoa.code in _picker(viewer) and khanh_hoa.code not in _picker(planner)
    client.force_login(demo_users["commune"])  # one ward: the province's page is not theirs
    assert client.get(_url(province)).status_code == 403


def test_a_changed_scope_is_seen_on_the_next_view(province, client_for, demo_users):
    client = client_for("viewer")
    assert "VN-56" in _picker(_page(client, _url(province)))
    profile = demo_users["viewer"].profile
    profile.view_areas.set([province])  # no change record: the scope is in the key itself
    assert "VN-56" not in _picker(_page(client, _url(province)))
    profile.view_areas.set([])
    assert client.get(_url(province)).status_code == 403


def test_a_value_saved_is_seen_on_the_next_view(province, client_for):
    from marsad.observations.models import Observation

    client = client_for("viewer")
    assert "1,100" in _page(client, _url(province))
    obs = Observation.objects.get(area=province, indicator__code="grdp", period="2025Q1")
    obs.value = 1250.0
    obs.save(source="test")
    again = _page(client, _url(province))
    assert "1,250" in again and "1,100" not in again


@pytest.fixture
def directive(province):
    from marsad.directives.models import Organisation
    from marsad.directives.organisations import units_for_province
    from marsad.directives.tracking import create_directive

    Organisation.objects.bulk_create(units_for_province(province), ignore_conflicts=True)
    units = {o.code: o for o in Organisation.objects.all()}
    with time_machine.travel(date(2025, 10, 1), tick=False):
        return create_directive(
            text="Strictly manage budget collection",
            language="en",
            area=province,
            lead_unit=units[f"{province.code}-FIN"],
            issuer=units[f"{province.code}-PC"],
            period="2025Q4",
            deadline=date(2025, 12, 31),
        )


def test_a_task_reported_done_leaves_the_next_view(province, directive, client_for):
    from marsad.directives.tracking import report_progress

    client = client_for("planner")
    with time_machine.travel(LATE, tick=False):
        assert "Strictly manage budget collection" in _page(client, _url(province))
    assignment = directive.assignments.get()
    with time_machine.travel(date(2025, 12, 20), tick=False):
        report_progress(assignment, percent=100, text="done", revision=assignment.revision)
    with time_machine.travel(LATE, tick=False):
        assert "Strictly manage budget collection" not in _page(client, _url(province))


def test_a_task_becomes_overdue_on_the_next_day(province, directive, client_for):
    client = client_for("planner")
    with time_machine.travel(date(2025, 12, 31), tick=False):
        assert "Strictly manage budget collection" not in _page(client, _url(province))
    with time_machine.travel(date(2026, 1, 1), tick=False):
        assert "Strictly manage budget collection" in _page(client, _url(province))


def test_an_area_renamed_in_the_admin_is_seen_on_the_next_view(province, client_for):
    client = client_for("planner")
    assert "Bac Ninh" in _page(client, _url(province))
    province.name_en = "Bac Ninh City"
    province.save()  # the admin's save: audited
    assert "Bac Ninh City" in _page(client, _url(province))


def test_an_area_renamed_by_a_gazetteer_reload_is_seen_on_the_next_view(province, client_for):
    from marsad.areas.loading import load_areas
    from marsad.areas.models import Area

    real = province.name_en
    Area.objects.filter(pk=province.pk).update(name_en="Old Name")  # an older gazetteer's name
    client = client_for("planner")
    assert "Old Name" in _page(client, _url(province))
    assert load_areas()["updated"] == 1
    again = _page(client, _url(province))
    assert real in again and "Old Name" not in again
