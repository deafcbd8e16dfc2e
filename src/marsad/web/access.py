"""Area scopes on pages: which area a request may open, and the defaults a user lands on."""

from __future__ import annotations

from django.db.models import Count
from django.http import Http404
from django.utils.translation import gettext as _

from marsad.accounts import scopes
from marsad.areas.models import Area
from marsad.observations.models import Observation


def viewable_area_or_403(user, code: str) -> Area:
    area = Area.objects.filter(code=code.strip().upper()).first()
    if area is None:
        raise Http404(_("Unknown area %(code)s.") % {"code": code})
    scopes.require(user, area, scopes.VIEW)
    return area


def capturable_area_or_403(user, code: str) -> Area:
    area = Area.objects.filter(code=code.strip().upper()).first()
    if area is None:
        raise Http404(_("Unknown area %(code)s.") % {"code": code})
    scopes.require(user, area, scopes.CHANGE, _("You may not enter data for %(area)s.") % {"area": area})
    return area


def home_area(user) -> Area | None:
    """The area a user's dashboard opens on: their own unit, else where most data is."""
    profile = scopes.profile_of(user)
    if profile is not None:
        for rel in (profile.capture_areas, profile.view_areas):
            area = rel.order_by("level", "code").first()
            if area is not None:
                return area
    if not scopes.is_admin(user):
        return None
    busiest = (
        Observation.objects.filter(area__level=Area.Level.PROVINCE)
        .values("area")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    if busiest:
        return Area.objects.get(pk=busiest["area"])
    return Area.objects.filter(level=Area.Level.NATION).first() or Area.objects.provinces().current().first()


def area_choices(user, around: Area | None = None) -> list[Area]:
    """Areas for the dashboard's picker: the viewable provinces (and nation), plus ``around``'s communes."""
    viewable = Area.objects.restrict(user)
    top = list(viewable.filter(level__in=[Area.Level.NATION, Area.Level.PROVINCE]).current())
    if not top:
        top = list(viewable.order_by("code")[:50])
    if around is not None and around not in top:
        top.append(around)
    return top
