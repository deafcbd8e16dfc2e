"""The demo's sample users: one per role, with the scopes the demo promises, safe to run twice."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_one_user_per_role_with_its_scope_and_twice_is_the_same(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from django.contrib.auth import authenticate

    from marsad.accounts import scopes
    from marsad.accounts.demo import create_demo_users, demo_commune
    from marsad.areas.models import Area

    first = create_demo_users()
    second = create_demo_users()
    assert [r[:3] for r in first] == [r[:3] for r in second]
    roles = {username: role for username, _, role, _ in first}
    assert sorted(roles.values()) == [
        "administrator",
        "approver (planner)",
        "commune",
        "department",
        "planner",
        "viewer",
    ]
    users = {username: authenticate(username=username, password=password) for username, password, *_ in first}
    assert all(users.values())
    bac_ninh = Area.objects.get(code="VN-24")
    commune = demo_commune()
    assert commune.parent == bac_ninh
    assert scopes.can_capture(users["planner"], commune)
    assert scopes.can_capture(users["commune"], commune)
    assert not scopes.can_capture(users["commune"], bac_ninh)
    assert scopes.can_view(users["viewer"], bac_ninh) and not scopes.can_capture(users["viewer"], bac_ninh)
    assert users["commune"].profile.organisation.area == commune
    assert scopes.is_admin(users["admin"])
    from marsad.observations.views import may_approve

    assert may_approve(users["approver"], bac_ninh) and may_approve(users["approver"], commune)
    assert not may_approve(users["planner"], bac_ninh) and not may_approve(users["commune"], commune)
