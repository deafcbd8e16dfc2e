"""Area scopes: every query for a user's data goes through these functions."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from marsad.areas.models import Area

from .models import Profile, Role


def profile_of(user) -> Profile | None:
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def is_admin(user) -> bool:
    profile = profile_of(user)
    return bool(getattr(user, "is_superuser", False) or (profile and profile.role == Role.ADMINISTRATOR))


def _expand(area_ids: list[int]) -> QuerySet[Area]:
    """The areas named and every unit below them (and closed provinces merged into them)."""
    nation = Area.objects.filter(pk__in=area_ids, level=Area.Level.NATION).exists()
    if nation:
        return Area.objects.all()
    return Area.objects.filter(Q(pk__in=area_ids) | Q(parent_id__in=area_ids) | Q(successor_id__in=area_ids))


def viewable_areas(user) -> QuerySet[Area]:
    if is_admin(user):
        return Area.objects.all()
    profile = profile_of(user)
    if profile is None:
        return Area.objects.none()
    ids = list(profile.view_areas.values_list("pk", flat=True)) + list(
        profile.capture_areas.values_list("pk", flat=True)
    )
    return _expand(ids)


def capturable_areas(user) -> QuerySet[Area]:
    if is_admin(user):
        return Area.objects.all()
    profile = profile_of(user)
    if profile is None or profile.role == Role.VIEWER:
        return Area.objects.none()
    return _expand(list(profile.capture_areas.values_list("pk", flat=True)))


def can_view(user, area: Area) -> bool:
    return viewable_areas(user).filter(pk=area.pk).exists()


def can_capture(user, area: Area) -> bool:
    return capturable_areas(user).filter(pk=area.pk).exists()
