"""Users of each role (the demo users) and two Bac Ninh communes: the officer's and a neighbour."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The demo users' passwords are hashed on every test; the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo_users(db):
    from django.contrib.auth.models import User

    from marsad.accounts.demo import create_demo_users

    rows = create_demo_users()
    return {username: User.objects.get(username=username) for username, *_ in rows}


@pytest.fixture
def communes(demo_users):
    """(the commune officer's commune, another commune of the same province)."""
    from marsad.accounts.demo import demo_commune

    mine = demo_commune()
    other = mine.parent.children.exclude(pk=mine.pk).order_by("code").first()
    return mine, other


@pytest.fixture
def client_for(client, demo_users):
    def login(username: str):
        client.force_login(demo_users[username])
        return client

    return login


@pytest.fixture
def put():
    """Store one observation quickly (no form)."""
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    def put(area, indicator, period, value, measure="level", status="official"):
        ind = Indicator.objects.get(code=indicator)
        obs = Observation(
            area=area, indicator=ind, period=period, measure=measure, status=status, value=value
        )
        obs.unit = ind.unit if measure == "level" else "%"
        obs.save(source="test")
        return obs

    return put
