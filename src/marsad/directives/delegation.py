"""Delegating a directive to the communes of a province: commune assignments ADDED under the lead.

Decision 42/2014/QĐ-TTg and the two-level local government: the lead unit keeps its own
assignment and goes on guiding and inspecting; each commune's People's Committee gets an
assignment of its own, supervised by the lead's (``Assignment.supervisor``). Nothing is removed:
the lead's assignment, the cooperating units' and any reports they hold all stay. Delegating twice
adds only the communes still missing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marsad.areas.models import Area
from marsad.audit.changes import record_changes, snapshot

from .models import Assignment, Directive, Organisation
from .organisations import peoples_committee_code, unit_for_commune
from .tracking import actor, can_delegate


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
def delegate_to_communes(
    directive: Directive, province: Area, *, communes=None, user=None
) -> list[Assignment]:
    """Add the missing commune assignments of ``province`` (or of the ``communes`` named) under
    the lead unit's assignment; return every delegated assignment of those communes."""
    if user is not None and not can_delegate(user, directive):
        raise PermissionDenied(
            _("Only the planners of the area or the lead unit may delegate this directive.")
        )
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
    lead = directive.lead_assignment()
    if lead is None:
        raise ValidationError(
            _("Name the lead unit first: the communes' assignments are guided and inspected by it.")
        )
    units = commune_units(province)
    if communes is not None:
        wanted = {c.pk for c in communes}
        outside = [c for c in communes if c.parent_id != province.pk]
        if outside:
            raise ValidationError(
                _("%(commune)s is not a commune of %(province)s.")
                % {"commune": outside[0], "province": province}
            )
        units = [u for u in units if u.area_id in wanted]
    if not units:
        raise ValidationError(_("%(area)s has no communes.") % {"area": province})
    have = set(directive.assignments.filter(organisation__in=units).values_list("organisation_id", flat=True))
    today = timezone.localdate()
    new = [
        Assignment(
            directive=directive,
            organisation=u,
            role=Assignment.Role.DELEGATED,
            supervisor=lead,
            deadline=lead.deadline or directive.deadline,
            assigned_on=today,
        )
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
    if not directive.delegated:
        directive.delegated = True
        directive.save(changed_by=actor(user), source="delegation")
    return list(
        directive.assignments.filter(organisation__in=units, role=Assignment.Role.DELEGATED).select_related(
            "organisation"
        )
    )
