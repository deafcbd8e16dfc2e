"""Sample users, one per role, for `marsad demo` and the browser tests.

Passwords are fixed and printed by the demo: these accounts are for a demonstration database
only, never a real one.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from marsad.areas.models import Area

from .models import Profile, Role

BAC_NINH = "VN-24"
KHANH_HOA = "VN-56"


def demo_commune() -> Area:
    """The Bac Ninh commune the demo's commune officer works for (the first ward by code)."""
    return Area.objects.communes().current().filter(parent__code=BAC_NINH).order_by("code").first()


def _unit(area: Area, key: str | None):
    """The user's organisation, created if the steering units are not loaded yet."""
    from marsad.directives import organisations
    from marsad.directives.models import Organisation

    if area.level == Area.Level.COMMUNE:
        wanted = organisations.unit_for_commune(area)
    else:
        units = {u.code: u for u in organisations.units_for_province(area)}
        code = organisations.department_code(area, key) if key else organisations.peoples_committee_code(area)
        wanted = units.get(code)
        if wanted is None:
            return None
    existing = Organisation.objects.filter(code=wanted.code).first()
    if existing is not None:
        return existing
    wanted.save()
    return wanted


def _approve_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.get(codename="approve_period", content_type__app_label="observations")


@transaction.atomic
def create_demo_users() -> list[tuple[str, str, str, str]]:
    """Create (or reset) one user per role; return (username, password, role, scope) for each."""
    bac_ninh = Area.objects.get(code=BAC_NINH)
    khanh_hoa = Area.objects.filter(code=KHANH_HOA).first()
    commune = demo_commune()
    plan = [
        # username, password, role, capture areas, view areas, unit (area, department key), names
        ("admin", "marsad-admin", Role.ADMINISTRATOR, [], [], None, ("Admin", "Marsad")),
        ("planner", "marsad-planner", Role.PLANNER, [bac_ninh], [], (bac_ninh, None), ("Lan", "Nguyen")),
        (
            "department",
            "marsad-department",
            Role.DEPARTMENT,
            [bac_ninh],
            [],
            (bac_ninh, "FIN"),
            ("Minh", "Tran"),
        ),
        # DHIS2's data approval: a planner who may also approve (and so lock) Bac Ninh's periods.
        (
            "approver",
            "marsad-approver",
            Role.PLANNER,
            [bac_ninh],
            [],
            (bac_ninh, None),
            ("Thu", "Vu"),
        ),
        ("commune", "marsad-commune", Role.COMMUNE, [commune], [], (commune, None), ("Hoa", "Le")),
        (
            "viewer",
            "marsad-viewer",
            Role.VIEWER,
            [],
            [a for a in (bac_ninh, khanh_hoa) if a is not None],
            None,
            ("Quang", "Pham"),
        ),
    ]
    User = get_user_model()
    out = []
    for username, password, role, capture, view, unit, (first, last) in plan:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.set_password(password)
        user.save()
        profile, _ = Profile.objects.get_or_create(user=user)
        profile.role = role
        profile.organisation = _unit(*unit) if unit else None
        profile.save()
        profile.capture_areas.set(capture)
        profile.view_areas.set(view)
        label = str(role.value)
        if username == "approver":
            user.user_permissions.add(_approve_permission())
            label = "approver (planner)"
        if role == Role.ADMINISTRATOR:
            scope = "all areas"
        else:
            parts = []
            if capture:
                parts.append("enters data for " + ", ".join(f"{a.name_en} ({a.code})" for a in capture))
            if view:
                parts.append("views " + ", ".join(f"{a.name_en} ({a.code})" for a in view))
            scope = "; ".join(parts)
        out.append((username, password, label, scope))
    return out
