"""A user sees and changes only the areas of their scopes, through pages and the API."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_commune_officer_cannot_open_another_communes_pages(client_for, communes, put):
    mine, other = communes
    obs = put(other, "budget_revenue", "2025Q1", 10)
    client = client_for("commune")
    assert client.get(f"/dashboard/?area={mine.code}").status_code == 200
    assert client.get(f"/dashboard/?area={other.code}").status_code == 403
    assert client.get(f"/explorer/?indicator=budget_revenue&area={other.code}").status_code == 403
    assert client.get(f"/observations/entry/?area={other.code}&period=2025Q1").status_code == 403
    assert client.get(f"/changes/observation/{obs.pk}/").status_code == 403
    response = client.post(
        "/observations/entry/",
        {"area": other.code, "period": "2025Q1", "status": "official", "v__budget_revenue__level": "99"},
    )
    assert response.status_code == 403
    obs.refresh_from_db()
    assert obs.value == 10


def test_commune_officer_cannot_read_another_commune_through_the_api(client_for, communes, put):
    mine, other = communes
    put(other, "budget_revenue", "2025Q1", 10)
    client = client_for("commune")
    assert client.get(f"/api/observations?area={other.code}").status_code == 403
    assert client.get(f"/api/observations?area={mine.code}").status_code == 200


def test_explorer_and_downloads_hold_only_viewable_areas(client_for, communes, put):
    mine, other = communes
    put(mine, "budget_revenue", "2025Q1", 11)
    put(other, "budget_revenue", "2025Q1", 22)
    client = client_for("commune")
    csv = client.get("/explorer/download.csv?indicator=budget_revenue&communes=1").content.decode()
    assert mine.code in csv and other.code not in csv
    planner_csv = client_for("planner").get("/explorer/download.csv?indicator=budget_revenue&communes=1")
    assert other.code in planner_csv.content.decode()


def test_change_log_lists_only_viewable_observations(client_for, communes, put):
    mine, other = communes
    put(mine, "budget_revenue", "2025Q2", 11)
    put(other, "budget_revenue", "2025Q2", 22)
    html = client_for("commune").get("/changes/").content.decode()
    assert mine.code in html and other.code not in html


def test_viewer_cannot_enter_or_import(client_for):
    client = client_for("viewer")
    assert client.get("/observations/entry/").status_code == 403
    assert client.get("/observations/import/").status_code == 403
    assert client.get("/documents/new/").status_code == 403
