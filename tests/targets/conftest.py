"""Users of each role (the demo users), a resolution of Bac Ninh and one of Hanoi."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def demo_users(db):
    from django.contrib.auth.models import User

    from marsad.accounts.demo import create_demo_users

    rows = create_demo_users()
    return {username: User.objects.get(username=username) for username, *_ in rows}


@pytest.fixture
def bac_ninh(db):
    from marsad.areas.models import Area

    return Area.objects.get(code="VN-24")


@pytest.fixture
def grdp(db):
    from marsad.indicators.models import Indicator

    return Indicator.objects.get(code="grdp")


@pytest.fixture
def resolution(bac_ninh):
    from marsad.documents.models import Document

    return Document.objects.create(
        title="Resolution on the socio-economic plan 2025",
        kind=Document.Kind.RESOLUTION,
        number="25/NQ-HĐND",
        language="vi",
        date=date(2024, 12, 10),
        area=bac_ninh,
        text="Nghị quyết ... tốc độ tăng trưởng GRDP đạt 10,5% trở lên ...",
    )


@pytest.fixture
def other_resolution(db):
    from marsad.areas.models import Area
    from marsad.documents.models import Document

    return Document.objects.create(
        title="Hanoi plan 2025",
        kind=Document.Kind.RESOLUTION,
        number="01/NQ-HN",
        language="vi",
        date=date(2024, 12, 5),
        area=Area.objects.get(code="VN-01"),
        text="Hà Nội phấn đấu tăng trưởng 8%.",
    )
