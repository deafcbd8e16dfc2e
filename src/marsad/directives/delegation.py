"""Delegating a directive to the communes of a province: one assignment per commune.

Each commune's People's Committee then follows its assignment on its own; the directive's
status and percent done roll up from them (``Directive.rollup``). The lead unit keeps guiding
and inspecting. Its own direct assignment, if nobody has reported on it yet, is removed: the
work has moved to the communes and counting it too would double the task in the summaries.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from marsad.areas.models import Area
from marsad.audit.changes import record_changes, snapshot

from .models import Assignment, Directive, Organisation
from .organisations import peoples_committee_code, unit_for_commune
from .tracking import actor


def commune_units(province: Area) -> list[Organisation]:
    """The People's Committees of a province's current communes, created when missing."""
    communes = list(Area.objects.communes().current().filter(parent=province).order_by("code"))
    codes = [peoples_committee_code(c) for c in communes]
    existing = {o.code: o for o in Organisation.objects.filter(code__in=codes)}
    missing = [unit_for_commune(c) for c in communes if peoples_committee_code(c) not in existing]
    if missing:
        Organisation.objects.bulk_create(missing, batch_size=1000)
        existing.update({o.code: o for o in Organisation.objects.filter(code__in=codes)})
    return [existing[code] for code in codes]


@transaction.atomic
def delegate_to_communes(directive: Directive, province: Area, *, user=None) -> list[Assignment]:
    """Create the missing commune assignments of ``province``; return all of them."""
    if province.level != Area.Level.PROVINCE:
        raise ValidationError(
            _("Delegate to the communes of a province, not of %(area)s.") % {"area": province}
        )
    if not province.is_current:
        raise ValidationError(_("%(area)s no longer exists; delegate to its successor.") % {"area": province})
    if directive.area.level != Area.Level.NATION and directive.area_id != province.pk:
        raise ValidationError(
            _("%(province)s is outside %(area)s, where this directive applies.")
            % {"province": province, "area": directive.area}
        )
    if directive.is_closed:
        raise ValidationError(_("The directive is closed."))
    if user is not None:
        from marsad.accounts import scopes

        scopes.require(user, province, scopes.CHANGE)  # the communes' assignments are written there
    units = commune_units(province)
    if not units:
        raise ValidationError(_("%(area)s has no communes.") % {"area": province})
    have = set(directive.assignments.filter(organisation__in=units).values_list("organisation_id", flat=True))
    new = [
        Assignment(directive=directive, organisation=u, deadline=directive.deadline, delegated=True)
        for u in units
        if u.pk not in have
    ]
    for a in new:
        a.status = a.current_status().value
    Assignment.objects.bulk_create(new, batch_size=1000)
    created = list(directive.assignments.filter(organisation__in=[a.organisation for a in new]))
    record_changes(
        [(a, "create", None, snapshot(a, Assignment.AUDITED_FIELDS)) for a in created],
        user=actor(user),
        source=f"delegated to the communes of {province.code}",
    )
    if directive.lead_unit_id:
        lead = directive.assignments.filter(
            organisation_id=directive.lead_unit_id,
            delegated=False,
            reports__isnull=True,
            completed_on__isnull=True,
        ).first()
        if lead is not None:
            lead.delete(changed_by=actor(user), source="work delegated to communes")
    if not directive.delegated:
        directive.delegated = True
        directive.save(changed_by=actor(user), source="delegation")
    return list(directive.assignments.filter(organisation__in=units).select_related("organisation"))
