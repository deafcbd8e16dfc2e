"""Users of each kind with API tokens, and a few observations in two communes of one province."""

from __future__ import annotations

import sys
import types

import pytest

URLCONF = "marsad_api_test_urls"


def _urlconf() -> str:
    """The API at /api/ (and the admin, where tokens are made), independent of the root URLconf."""
    if URLCONF not in sys.modules:
        from django.contrib import admin
        from django.urls import path

        from marsad.web.api import api

        module = types.ModuleType(URLCONF)
        module.urlpatterns = [path("api/", api.urls), path("admin/", admin.site.urls)]
        sys.modules[URLCONF] = module
    return URLCONF


@pytest.fixture(autouse=True)
def _api_urls(settings):
    settings.ROOT_URLCONF = _urlconf()


def _user(username, role=None, capture=(), view=()):
    from django.contrib.auth.models import User

    from marsad.accounts.models import Profile
    from marsad.areas.models import Area

    # No password: hashing one costs a third of a second per user, and tokens need none.
    user = User.objects.create(username=username, is_superuser=role is None)
    if role is not None:
        profile = Profile.objects.create(user=user, role=role)
        profile.capture_areas.set(Area.objects.filter(code__in=capture))
        profile.view_areas.set(Area.objects.filter(code__in=view))
    return user


@pytest.fixture
def places(db):
    """A province with two of its communes, and a commune of another province."""
    from marsad.areas.models import Area

    province = Area.objects.provinces().current().filter(children__isnull=False).order_by("code").first()
    mine, neighbour = list(province.children.order_by("code")[:2])
    other_province = (
        Area.objects.provinces()
        .current()
        .filter(children__isnull=False)
        .exclude(pk=province.pk)
        .order_by("code")
        .first()
    )
    elsewhere = other_province.children.order_by("code").first()
    return {"province": province, "mine": mine, "neighbour": neighbour, "elsewhere": elsewhere}


@pytest.fixture
def users(places):
    return {
        "admin": _user("admin"),
        "commune": _user("commune", "commune", capture=[places["mine"].code]),
        "planner": _user("planner", "planner", capture=[places["province"].code]),
        "viewer": _user("viewer", "viewer", view=[places["province"].code]),
    }


@pytest.fixture
def tokens(users):
    from marsad.accounts.tokens import create_token

    return {name: create_token(user, "tests") for name, user in users.items()}


@pytest.fixture
def call(client, tokens):
    """``call(who, method, path, json=None, **query)`` with that user's token."""

    def _call(who, method, path, json=None, **query):
        headers = {"Authorization": f"Bearer {tokens[who]}"} if who else {}
        url = "/api" + path
        if method == "get":
            return client.get(url, query, headers=headers)
        return getattr(client, method)(url, json, content_type="application/json", headers=headers)

    return _call


@pytest.fixture
def observations(places, users):
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    grdp = Indicator.objects.get(code="grdp")
    revenue = Indicator.objects.get(code="budget_revenue")
    rows = [
        (places["mine"], grdp, "2024Q1", "level", 100.0),
        (places["mine"], grdp, "2024Q2", "level", 110.0),
        (places["mine"], grdp, "2024S1", "level", 210.0),
        (places["mine"], grdp, "2024", "yoy_pct", 7.5),
        (places["mine"], revenue, "2025Q1", "level", 55.0),
        (places["neighbour"], grdp, "2024Q1", "level", 90.0),
        (places["province"], grdp, "2024Q1", "level", 900.0),
        (places["elsewhere"], grdp, "2024Q1", "level", 80.0),
    ]
    out = {}
    for area, indicator, period, measure, value in rows:
        obs = Observation(area=area, indicator=indicator, period=period, measure=measure, value=value)
        obs.save(changed_by=users["admin"], source="fixture")
        out[(area.code, indicator.code, period, measure)] = obs
    return out
