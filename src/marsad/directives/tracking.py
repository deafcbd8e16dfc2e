"""Writing the follow-up: directives, assignments, progress reports, inspections, answers.

Every write the pages, the API and the commands make goes through these functions, so the
rules are checked in one place:

- Who: the area scope (``accounts.scopes``) and, on top, the steering roles of Decision
  42/2014/QĐ-TTg: progress on an assignment is reported by its own unit — or, for a commune's
  delegated assignment, by the lead unit that guides it or an approver (a planner of the area);
  directives are created and closed by planners; the lead unit delegates and inspects.
- What: the progress rules of ``core.steering.check_progress`` (no future date, not before the
  directive or the last report, percent down only with a reason, made on the current revision).

They raise ``ValidationError`` (shown beside form fields, 422 in the API), ``PermissionDenied``
(403) and :class:`StaleAssignment` (409: someone reported in between; nothing was changed).
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
from marsad.core import steering
from marsad.core.steering import ProgressProblem
from marsad.web.formatting import date_text

from .models import (
    Answer,
    Assignment,
    Directive,
    Inspection,
    Organisation,
    ProgressReport,
    Recommendation,
    unit_in_area,
)


class StaleAssignment(Exception):
    """A report made on an older revision of the assignment: someone reported in between."""

    def __init__(self, assignment: Assignment, seen: int | None):
        self.assignment, self.seen = assignment, seen
        super().__init__(
            _(
                "Someone reported on this assignment meanwhile (it is now at revision %(current)s, "
                "%(percent)s%% done; you started from revision %(seen)s). Nothing was changed: "
                "read the latest report and send yours again."
            )
            % {
                "current": assignment.revision,
                "percent": assignment.percent_done,
                "seen": seen if seen is not None else "—",
            }
        )


# -- who may see and do what ---------------------------------------------------------------
def visible_assignments(user):
    """The assignments a user may read (the one scope mechanism decides)."""
    qs = Assignment.objects.select_related("directive", "organisation", "organisation__area", "supervisor")
    return qs.restrict(user)


def visible_directives(user):
    return Directive.objects.restrict(user)


def own_unit(user) -> Organisation | None:
    profile = scopes.profile_of(user)
    return profile.organisation if profile is not None and profile.organisation_id else None


def _role(user) -> str | None:
    profile = scopes.profile_of(user)
    return profile.role if profile is not None else None


def _unit_id(user) -> int | None:
    profile = scopes.profile_of(user)
    return profile.organisation_id if profile is not None else None


def is_lead_officer(user, directive: Directive) -> bool:
    """Whether the user works for the directive's lead unit."""
    unit_id = _unit_id(user)
    return unit_id is not None and directive.lead_unit_id == unit_id and _role(user) != Role.VIEWER


def is_approver(user, area) -> bool:
    """A planner of the area (the office that approves the communes' reports)."""
    return _role(user) == Role.PLANNER and scopes.can_capture(user, area)


def can_report(user, assignment: Assignment) -> bool:
    """Whether a user may report progress on an assignment.

    Its own unit's officers; for a commune's delegated assignment also the lead unit that guides
    it and an approver of the area. Nobody else — not a department that merely captures data in
    the province.
    """
    if scopes.is_admin(user):
        return True
    role = _role(user)
    if role is None or role == Role.VIEWER:
        return False
    unit_id = _unit_id(user)
    if unit_id is not None and unit_id == assignment.organisation_id:
        return True
    if assignment.role == Assignment.Role.DELEGATED:
        supervisor = assignment.supervisor
        if unit_id is not None and supervisor is not None and supervisor.organisation_id == unit_id:
            return True
        return is_approver(user, assignment.organisation.area)
    return False


can_update = can_report  # the name the pages used before


def can_direct(user, area) -> bool:
    """Whether a user may create and close directives in an area (planners, administrators)."""
    if scopes.is_admin(user):
        return True
    return _role(user) == Role.PLANNER and scopes.can_capture(user, area)


def can_delegate(user, directive: Directive) -> bool:
    """The planners of the area and the lead unit's officers delegate to the communes — the
    latter only where they may capture (a province's department, not a commune's committee)."""
    if directive.is_closed:
        return False
    if can_direct(user, directive.area):
        return True
    return is_lead_officer(user, directive) and scopes.can_capture(user, directive.area)


def can_inspect(user, assignment: Assignment) -> bool:
    """The lead unit inspects the other units' assignments; planners inspect all of them."""
    directive = assignment.directive
    if can_direct(user, directive.area):
        return True
    return is_lead_officer(user, directive) and assignment.organisation_id != directive.lead_unit_id


def can_answer(user, rec: Recommendation) -> bool:
    """The province answers; the unit that sent the recommendation may add to the thread."""
    if can_direct(user, rec.area.province() or rec.area):
        return True
    unit_id = _unit_id(user)
    return unit_id is not None and unit_id == rec.organisation_id and _role(user) != Role.VIEWER


def actor(user):
    """The user to record as the author: None for anonymous or system runs."""
    return user if getattr(user, "pk", None) else None


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _not_future(on: date, field: str = "date") -> None:
    today = timezone.localdate()
    if on > today:
        raise ValidationError(
            {
                field: _("%(day)s is in the future (today is %(today)s).")
                % {"day": date_text(on), "today": date_text(today)}
            }
        )


# -- directives -----------------------------------------------------------------------------
@transaction.atomic
def create_directive(
    *,
    user=None,
    cooperating: tuple | list = (),
    lead_task: str = "",
    **fields,
) -> Directive:
    """Create a validated directive with its lead unit's and cooperating units' assignments.

    ``cooperating`` holds units or (unit, task) pairs. The deadline is what the caller gives —
    never made up: a directive whose document states none has none (and shows it).
    """
    area = fields.get("area")
    if user is not None:
        _require(
            area is not None and can_direct(user, area), _("You may not create directives in this area.")
        )
    directive = Directive(**fields)
    if "issued_on" not in fields:  # typed in now: issued by the document's date, or today
        document = directive.document
        directive.issued_on = (document.date if document is not None and document.date else None) or (
            timezone.localdate()
        )
    directive.full_clean(exclude=["proposal"])
    pairs = [(c, "") if isinstance(c, Organisation) else tuple(c) for c in cooperating]
    units = [u for u, _task in pairs]
    if directive.lead_unit_id and directive.lead_unit in units:
        raise ValidationError({"cooperating": _("The lead unit cannot also be a cooperating unit.")})
    if len({u.pk for u in units}) != len(units):
        raise ValidationError({"cooperating": _("A cooperating unit is named twice.")})
    directive.save(changed_by=actor(user), source="directive")
    if directive.lead_unit_id:
        assign(directive, directive.lead_unit, role=Assignment.Role.LEAD, task=lead_task, user=user)
    for unit, task in pairs:
        assign(directive, unit, role=Assignment.Role.COOPERATING, task=task, user=user)
    return directive


def assign(
    directive: Directive,
    unit: Organisation,
    *,
    role: str = Assignment.Role.LEAD,
    task: str = "",
    deadline: date | None = None,
    supervisor: Assignment | None = None,
    user=None,
) -> Assignment:
    """Give a unit its share of a directive (validated: inside the directive's area, dates)."""
    existing = Assignment.objects.filter(directive=directive, organisation=unit).first()
    if existing:
        if existing.role != role:
            raise ValidationError(
                {
                    "organisation": _("%(unit)s already holds this directive as %(role)s.")
                    % {"unit": unit, "role": existing.get_role_display()}
                }
            )
        return existing
    assignment = Assignment(
        directive=directive,
        organisation=unit,
        role=role,
        task=(task or "").strip(),
        supervisor=supervisor,
        deadline=deadline or directive.deadline,
        assigned_on=timezone.localdate(),
    )
    assignment.full_clean(exclude=["directive", "organisation", "status", "supervisor"])
    assignment.status = assignment.current_status().value
    assignment.save(changed_by=actor(user), source=f"{role} assignment")
    return assignment


@transaction.atomic
def set_lead_unit(directive: Directive, unit: Organisation, *, user=None, task: str = "") -> Assignment:
    """Name the lead unit of a directive that has none yet (a directive read from a report)."""
    if user is not None:
        _require(can_direct(user, directive.area), _("You may not direct in this area."))
    if directive.lead_unit_id:
        raise ValidationError(
            {"lead_unit": _("%(unit)s already leads this directive.") % {"unit": directive.lead_unit}}
        )
    if not unit_in_area(unit, directive.area):
        raise ValidationError(
            {"lead_unit": _("%(unit)s is outside %(area)s.") % {"unit": unit, "area": directive.area}}
        )
    directive.lead_unit = unit
    directive.save(changed_by=actor(user), source="lead unit named")
    return assign(directive, unit, role=Assignment.Role.LEAD, task=task, user=user)


@transaction.atomic
def add_cooperating_unit(
    directive: Directive, unit: Organisation, *, task: str = "", user=None
) -> Assignment:
    if user is not None:
        _require(can_direct(user, directive.area), _("You may not direct in this area."))
    if directive.is_closed:
        raise ValidationError(_("The directive is closed."))
    if unit.pk == directive.lead_unit_id:
        raise ValidationError({"organisation": _("The lead unit cannot also be a cooperating unit.")})
    return assign(directive, unit, role=Assignment.Role.COOPERATING, task=task, user=user)


@transaction.atomic
def close_directive(directive: Directive, *, user=None, on: date | None = None) -> Directive:
    if user is not None:
        _require(can_direct(user, directive.area), _("You may not close directives in this area."))
    directive.closed_on = on or timezone.localdate()
    directive.save(changed_by=actor(user), source="close")
    return directive


# -- progress -------------------------------------------------------------------------------
def _problem_message(problem: ProgressProblem, *, on, percent, current, last_report_on, directive) -> str:
    if problem is ProgressProblem.FUTURE_DATE:
        return _("%(day)s is in the future (today is %(today)s).") % {
            "day": date_text(on),
            "today": date_text(timezone.localdate()),
        }
    if problem is ProgressProblem.BEFORE_DIRECTIVE:
        return _("%(day)s is before the directive was issued (%(issued)s).") % {
            "day": date_text(on),
            "issued": date_text(directive.issued_on),
        }
    if problem is ProgressProblem.BEFORE_LAST_REPORT:
        return _("%(day)s is before the last report (%(last)s); reports are kept in date order.") % {
            "day": date_text(on),
            "last": date_text(last_report_on),
        }
    if problem is ProgressProblem.DECREASE_WITHOUT_REASON:
        return _("The percent done goes down from %(was)s%% to %(now)s%%: say why.") % {
            "was": current.percent,
            "now": percent,
        }
    if problem is ProgressProblem.PERCENT_RANGE:
        return _("The percent done must be between 0 and 100, not %(value)s.") % {"value": percent}
    if problem is ProgressProblem.NO_TEXT:
        return _("Say what was done.")
    if problem is ProgressProblem.NO_DATE:
        return _("Give the date of the report.")
    if problem is ProgressProblem.CLOSED:
        return _("The directive was closed on %(day)s; it takes no more reports.") % {
            "day": date_text(directive.closed_on)
        }
    return str(problem)


@transaction.atomic
def report_progress(
    assignment: Assignment,
    *,
    percent: int,
    text: str,
    revision: int | None,
    on: date | None = None,
    reason: str = "",
    evidence=None,
    user=None,
) -> ProgressReport:
    """Record a progress report made on ``revision``; at 100 % the assignment is completed."""
    if user is not None:
        _require(
            can_report(user, assignment),
            _("Only the assigned unit (or, for a commune, its lead unit or an approver) may report on this."),
        )
    on = on or timezone.localdate()
    # Work on the row as stored now: the caller's copy may be stale.
    current = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("directive", "organisation", "supervisor")
        .get(pk=assignment.pk)
    )
    directive = current.directive
    last = current.reports.order_by("-date", "-id").values_list("date", flat=True).first()
    percent_value = int(percent) if percent is not None else None
    problems = steering.check_progress(
        current.progress,
        on=on,
        percent=percent_value,
        text=text,
        reason=reason,
        revision=revision,
        today=timezone.localdate(),
        issued_on=directive.issued_on,
        last_report_on=last,
        closed_on=directive.closed_on,
    )
    if ProgressProblem.STALE in problems:
        raise StaleAssignment(current, revision)
    if problems:
        errors: dict[str, list[str]] = {}
        for problem in problems:
            message = _problem_message(
                problem,
                on=on,
                percent=percent,
                current=current.progress,
                last_report_on=last,
                directive=directive,
            )
            errors.setdefault(steering.PROBLEM_FIELD[problem], []).append(message)
        raise ValidationError(errors)
    after = steering.apply_progress(current.progress, on=on, percent=percent_value)
    report = ProgressReport(
        assignment=current,
        date=on,
        text=text.strip(),
        percent=percent_value,
        reason=(reason or "").strip(),
        revision=after.revision,
        reporter_unit=own_unit(user) if user is not None else None,
        reported_by=actor(user),
    )
    if evidence is not None:
        report.evidence = evidence
    report.save(changed_by=actor(user), source="progress report")
    current.percent_done, current.completed_on, current.revision = (
        after.percent,
        after.completed_on,
        after.revision,
    )
    current.save(changed_by=actor(user), source=f"progress report {report.pk}")
    current.refresh_status(user=actor(user), reason=f"progress report {report.pk} of {on.isoformat()}")
    return report


@transaction.atomic
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
        _require(
            can_inspect(user, assignment), _("Only the lead unit or a planner inspects this assignment.")
        )
    on = on or timezone.localdate()
    errors = {}
    if not (finding or "").strip():
        errors["finding"] = _("Write down what the inspection found.")
    if result not in Inspection.Result.values:
        errors["result"] = _("Unknown inspection result %(value)s.") % {"value": result}
    if on > timezone.localdate():
        errors["date"] = _("%(day)s is in the future (today is %(today)s).") % {
            "day": date_text(on),
            "today": date_text(timezone.localdate()),
        }
    elif assignment.directive.issued_on and on < assignment.directive.issued_on:
        errors["date"] = _("%(day)s is before the directive was issued (%(issued)s).") % {
            "day": date_text(on),
            "issued": date_text(assignment.directive.issued_on),
        }
    if errors:
        raise ValidationError(errors)
    if inspector is None and user is not None:
        inspector = own_unit(user)
    inspection = Inspection(
        assignment=assignment,
        finding=finding.strip(),
        date=on,
        result=result,
        inspector=inspector,
        inspected_by=actor(user),
    )
    inspection.save(changed_by=actor(user), source="inspection")
    return inspection


@transaction.atomic
def answer_recommendation(rec: Recommendation, *, answer: str, user=None, on: date | None = None) -> Answer:
    """Add an answer to a recommendation's thread (earlier answers stay as they were)."""
    if user is not None:
        _require(can_answer(user, rec), _("You may not answer for this area."))
    if not (answer or "").strip():
        raise ValidationError({"answer": _("The answer is empty.")})
    on = on or timezone.localdate()
    _not_future(on)
    item = Answer(recommendation=rec, text=answer.strip(), unit=own_unit(user), by=actor(user), on=on)
    item.save(changed_by=actor(user), source=f"answer to recommendation {rec.pk}")
    return item


def refresh_statuses(today: date | None = None, queryset=None) -> int:
    """Record every assignment whose live status moved since last seen; return how many."""
    today = today or timezone.localdate()
    qs = (queryset if queryset is not None else Assignment.objects.all()).with_status(today)
    changed = 0
    for assignment in qs.exclude(live_status=F("status")).select_related("directive"):
        if assignment.refresh_status(today, reason="daily status run"):
            changed += 1
    return changed
