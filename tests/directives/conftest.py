"""Fixtures for the steering tests: Bac Ninh (VN-24) with its units, users of each role."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine


@pytest.fixture
def bac_ninh(db):
    from marsad.areas.models import Area

    return Area.objects.get(code="VN-24")


@pytest.fixture
def hanoi(db):
    from marsad.areas.models import Area

    return Area.objects.get(code="VN-01")


@pytest.fixture
def units(bac_ninh, hanoi):
    """Bac Ninh's and Hanoi's provincial units and commune People's Committees."""
    from marsad.directives.delegation import commune_units
    from marsad.directives.models import Organisation
    from marsad.directives.organisations import units_for_province

    for province in (bac_ninh, hanoi):
        Organisation.objects.bulk_create(units_for_province(province))
    communes = commune_units(bac_ninh)
    return {o.code: o for o in Organisation.objects.all()} | {"communes": communes}


@pytest.fixture
def directive(units, bac_ninh):
    """A Q4 2025 task for Bac Ninh's Department of Finance, due 31 December 2025."""
    from marsad.directives.tracking import create_directive

    with time_machine.travel(date(2025, 10, 1), tick=False):  # made at the start of its quarter
        return create_directive(
            text="Strictly manage budget collection",
            language="en",
            area=bac_ninh,
            lead_unit=units["VN-24-FIN"],
            issuer=units["VN-24-PC"],
            period="2025Q4",
            deadline=date(2025, 12, 31),
        )


def make_user(username, role, *, organisation=None, capture=(), view=()):
    from django.contrib.auth.models import User

    from marsad.accounts.models import Profile

    user = User.objects.create_user(username, f"{username}@example.org", "pw-" + username)
    profile = Profile.objects.create(user=user, role=role, organisation=organisation)
    profile.capture_areas.set(capture)
    profile.view_areas.set(view)
    return user


@pytest.fixture(autouse=True)
def english():
    """Messages in English (Arabic is the default language) so tests can read them."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Test users' passwords need no slow hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def report(assignment, percent, text="progress", on=None, *, today=None, user=None, reason=""):
    """Report progress on the assignment as it now stands (its current revision), on ``on``.

    Time is moved to ``today`` (or ``on``) so the report is not dated in the future.
    """
    from contextlib import nullcontext

    from marsad.directives.models import Assignment
    from marsad.directives.tracking import report_progress

    current = Assignment.objects.get(pk=assignment.pk)
    day = today or on
    with time_machine.travel(day, tick=False) if day else nullcontext():
        return report_progress(
            current, percent=percent, text=text, on=on, revision=current.revision, user=user, reason=reason
        )
