"""The dashboard's cached panels follow the data: a saved or new value shows on the next view."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(communes, put):
    from django.core.cache import cache

    cache.clear()
    area = communes[0].parent
    for year, base in ((2024, 1000.0), (2025, 1100.0)):
        put(area, "grdp", f"{year}Q1", base)
    return area


def _grdp(board):
    return next(c for c in board.cards if c.indicator.code == "grdp")


def test_an_edited_value_shows_on_the_next_build(province):
    from marsad.core.periods import parse
    from marsad.observations.models import Observation
    from marsad.web.dashboard import build

    assert _grdp(build(province, parse("2025Q1"))).level == 1100
    assert _grdp(build(province, parse("2025Q1"))).level == 1100  # served from the cache
    obs = Observation.objects.get(area=province, indicator__code="grdp", period="2025Q1")
    obs.value = 1250.0
    obs.save(source="test")
    card = _grdp(build(province, parse("2025Q1")))
    assert card.level == 1250
    assert card.yoy_pct == pytest.approx(25.0)


def test_a_new_commune_value_reaches_the_lagging_panel(province, communes, put):
    from marsad.core.periods import parse
    from marsad.observations.models import Observation
    from marsad.web.dashboard import build

    mine, other = communes
    put(mine, "budget_revenue", "2025Q1", 60, measure="plan_pct")
    put(other, "budget_revenue", "2025Q1", 90, measure="plan_pct")
    assert [r["area"] for r in build(province, parse("2025Q1")).lagging] == [mine]
    low = Observation.objects.get(area=mine, indicator__code="budget_revenue", period="2025Q1")
    low.value = 95.0  # the commune catches up: the other one now lags
    low.save(source="test")
    assert [r["area"] for r in build(province, parse("2025Q1")).lagging] == [other]


def test_the_overdue_panel_is_per_user_not_cached(province, demo_users):
    from marsad.core.periods import parse
    from marsad.web.dashboard import build

    a = build(province, parse("2025Q1"), demo_users["planner"])
    b = build(province, parse("2025Q1"), None)
    assert a.cards and [c.level for c in a.cards] == [c.level for c in b.cards]
    assert isinstance(a.overdue, list) and isinstance(b.overdue, list)


def test_the_rendered_panels_follow_the_data_and_the_reader(province, client_for, demo_users):
    """The panels' HTML is cached too: a saved value shows on the next page, and a reader who
    wants Eastern digits or another language does not get another reader's HTML."""
    from marsad.observations.models import Observation

    url = f"/dashboard/?area={province.code}&period=2025Q1"
    client = client_for("planner")
    first = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1,100" in first
    obs = Observation.objects.get(area=province, indicator__code="grdp", period="2025Q1")
    obs.value = 1250.0
    obs.save(source="test")
    again = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1,250" in again and "1,100" not in again
    western = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "١٬٢٥٠" not in western
    profile = demo_users["planner"].profile
    profile.eastern_digits = True
    profile.save()
    eastern = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "١٬٢٥٠" in eastern
