"""Writing the follow-up: directives, assignments, progress reports, inspections, answers.

Every write the pages and commands make goes through these functions, so validation (dates,
areas, percentages, closed directives) and the scope of a commune's officers are checked in one
place. They raise ``django.core.exceptions.ValidationError`` (shown beside form fields) and
``PermissionDenied`` for a user acting outside their scope.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from marsad.accounts import scopes
from marsad.accounts.models import Role
from marsad.core import periods

from .models import Assignment, Directive, Inspection, Organisation, ProgressReport, Recommendation


# -- who may see and do what ---------------------------------------------------------------
def visible_assignments(user):
    """The assignments a user may read.

    Administrators: all. A commune's officers (role commune): only their own unit's
    assignments. Others: the assignments of units inside their viewable areas.
    """
    qs = Assignment.objects.select_related("directive", "organisation", "organisation__area")
    return qs.restrict(user)


def visible_directives(user):
    return Directive.objects.restrict(user)


def can_update(user, assignment: Assignment) -> bool:
    """Whether a user may report progress on an assignment."""
    profile = scopes.profile_of(user)
    if not scopes.is_admin(user) and (profile is None or profile.role == Role.VIEWER):
        return False
    return scopes.permits(user, assignment, scopes.CHANGE)


def can_direct(user, area) -> bool:
    """Whether a user may create, delegate, inspect and close directives in an area."""
    if scopes.is_admin(user):
        return True
    profile = scopes.profile_of(user)
    if profile is None or profile.role not in (Role.PLANNER, Role.DEPARTMENT):
        return False
    return scopes.can_capture(user, area)


def actor(user):
    """The user to record as the author: None for anonymous or system runs."""
    return user if getattr(user, "pk", None) else None


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


# -- directives -----------------------------------------------------------------------------
@transaction.atomic
def create_directive(*, user=None, cooperating_units=(), assign_lead: bool = True, **fields) -> Directive:
    """Create a validated directive and, by default, its lead unit's assignment."""
    directive = Directive(**fields)
    if directive.deadline is None and directive.period:
        try:
            directive.deadline = directive.period_obj.end
        except periods.PeriodError:
            pass  # full_clean below reports the bad period beside its field
    directive.full_clean(exclude=["proposal"])
    directive.save(changed_by=user, source="directive")
    if cooperating_units:
        directive.cooperating_units.set(cooperating_units)
    if assign_lead and directive.lead_unit_id:
        assign(directive, directive.lead_unit, user=user)
    return directive


def assign(
    directive: Directive,
    unit: Organisation,
    *,
    deadline: date | None = None,
    user=None,
    delegated: bool = False,
) -> Assignment:
    """Give a unit its share of a directive (validated: inside the directive's area, dates)."""
    existing = Assignment.objects.filter(directive=directive, organisation=unit).first()
    if existing:
        return existing
    assignment = Assignment(
        directive=directive, organisation=unit, deadline=deadline or directive.deadline, delegated=delegated
    )
    assignment.full_clean(exclude=["directive", "organisation", "status"])
    assignment.status = assignment.current_status().value
    assignment.save(changed_by=user, source="assignment")
    return assignment


@transaction.atomic
def close_directive(directive: Directive, *, user=None, on: date | None = None) -> Directive:
    if user is not None:
        _require(can_direct(user, directive.area), _("You may not close directives in this area."))
    directive.closed_on = on or timezone.localdate()
    directive.save(changed_by=user, source="close")
    return directive


# -- progress -------------------------------------------------------------------------------
@transaction.atomic
def report_progress(
    assignment: Assignment,
    *,
    percent: int,
    text: str,
    on: date | None = None,
    evidence=None,
    user=None,
) -> ProgressReport:
    """Record a progress report; at 100 % the assignment is completed on the report's date."""
    if user is not None:
        _require(can_update(user, assignment), _("You may only report on your own unit's assignments."))
    on = on or timezone.localdate()
    # Work on the row as stored now: the caller's copy may hold an old status or percent.
    assignment = Assignment.objects.select_for_update().select_related("directive").get(pk=assignment.pk)
    directive = assignment.directive
    errors = {}
    if directive.is_closed:
        errors["__all__"] = _("The directive was closed on %(day)s; it takes no more reports.") % {
            "day": directive.closed_on.isoformat()
        }
    if percent is None or not 0 <= int(percent) <= 100:
        errors["percent"] = _("The percent done must be between 0 and 100, not %(value)s.") % {
            "value": percent
        }
    if not (text or "").strip():
        errors["text"] = _("Say what was done.")
    if errors:
        raise ValidationError(errors)
    report = ProgressReport(
        assignment=assignment,
        date=on,
        text=text.strip(),
        percent=int(percent),
        reported_by=actor(user),
    )
    if evidence is not None:
        report.evidence = evidence
    report.save()
    assignment.percent_done = int(percent)
    if int(percent) == 100 and assignment.completed_on is None:
        assignment.completed_on = on
    elif int(percent) < 100:
        assignment.completed_on = None
    assignment.save(changed_by=actor(user), source=f"progress report {report.pk}")
    assignment.refresh_status(on, user=actor(user), reason=f"progress report {report.pk}")
    return report


def record_inspection(
    assignment: Assignment,
    *,
    finding: str,
    on: date | None = None,
    result: str = Inspection.Result.SATISFACTORY,
    inspector: Organisation | None = None,
    user=None,
) -> Inspection:
    if user is not None:
        _require(can_direct(user, assignment.directive.area), _("You may not inspect in this area."))
    if not (finding or "").strip():
        raise ValidationError({"finding": _("Write down what the inspection found.")})
    if result not in Inspection.Result.values:
        raise ValidationError({"result": _("Unknown inspection result %(value)s.") % {"value": result}})
    if inspector is None and user is not None:
        profile = scopes.profile_of(user)
        inspector = profile.organisation if profile else None
    return Inspection.objects.create(
        assignment=assignment,
        finding=finding.strip(),
        date=on or timezone.localdate(),
        result=result,
        inspector=inspector,
        inspected_by=actor(user),
    )


def answer_recommendation(
    rec: Recommendation, *, answer: str, user=None, on: date | None = None
) -> Recommendation:
    if user is not None:
        _require(can_direct(user, rec.area.province() or rec.area), _("You may not answer for this area."))
    if not (answer or "").strip():
        raise ValidationError({"answer": _("The answer is empty.")})
    rec.answer = answer.strip()
    rec.answered_by = actor(user)
    rec.answered_on = on or timezone.localdate()
    rec.save()
    return rec


def refresh_statuses(today: date | None = None, queryset=None) -> int:
    """Record every assignment whose live status moved since last seen; return how many."""
    today = today or timezone.localdate()
    qs = (queryset if queryset is not None else Assignment.objects.all()).with_status(today)
    changed = 0
    for assignment in qs.exclude(live_status=F("status")).select_related("directive"):
        if assignment.refresh_status(today, reason="daily status run"):
            changed += 1
    return changed
