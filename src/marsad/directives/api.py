"""API: directives with their lead and cooperating units, delegation, assignments, progress with
revisions, inspections, recommendation answers and the follow-up summary by unit and by commune.

The same rules as the pages (``tracking``): lists are what the user's scope reaches; progress is
reported by the assigned unit (or, for a commune, its lead unit or an approver); a report names
the revision it was made on and a stale one answers 409 with the assignment as it now stands.
"""

import datetime as dt

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from marsad.areas.models import Area
from marsad.core import periods
from marsad.web.apikit import AREA_CODE_PATTERN, ERRORS, Body, Filters, Pagination, clean_text
from marsad.web.formatting import date_text

from . import tracking
from .delegation import delegate_to_communes
from .models import Assignment, Directive, Organisation, Recommendation, StatusChoices
from .summary import periods_within, select, summary

router = Router(tags=["directives"])


def _user(request):
    return getattr(request, "auth", None) or request.user


def _period(code: str | None) -> str | None:
    if not code:
        return None
    try:
        return periods.parse(clean_text(code)).code
    except periods.PeriodError as exc:
        raise HttpError(422, exc.in_language(get_language())) from None


def _area(user, code: str | None) -> Area | None:
    if not code:
        return None
    area = get_object_or_404(Area, code=clean_text(code).upper())
    if not Area.objects.filter(pk=area.pk).restrict(user).exists():
        raise HttpError(403, _("This area is outside your scope."))
    return area


def _unit(user, code: str | None) -> Organisation | None:
    if not code:
        return None
    return get_object_or_404(Organisation.objects.restrict(user), code=clean_text(code))


class UnitAssignment(Schema):
    unit: str
    role: str
    task: str
    assignment: int


class DirectiveOut(Schema):
    id: int
    number: str
    text: str
    language: str
    text_ar: str
    text_vi: str
    text_en: str
    area: str
    parent: int | None
    document: int | None
    lead_unit: str | None = Field(None, description="null when the document did not say who leads")
    cooperating_units: list[UnitAssignment]
    period: str
    deadline: dt.date | None = Field(None, description="null when none is stated")
    issued_on: dt.date | None
    expected_result: str
    indicator: str | None
    target: int | None
    delegated: bool
    delegated_assignments: int
    closed_on: dt.date | None


def _directive_out(d: Directive) -> dict:
    own = [a for a in d.assignments.all() if a.role == Assignment.Role.COOPERATING]
    return {
        "id": d.pk,
        "number": d.number,
        "text": d.text,
        "language": d.language,
        "text_ar": d.text_ar,
        "text_vi": d.text_vi,
        "text_en": d.text_en,
        "area": d.area.code,
        "parent": d.parent_id,
        "document": d.document_id,
        "lead_unit": d.lead_unit.code if d.lead_unit_id else None,
        "cooperating_units": [
            {"unit": a.organisation.code, "role": a.role, "task": a.task, "assignment": a.pk} for a in own
        ],
        "period": d.period,
        "deadline": d.deadline,
        "issued_on": d.issued_on,
        "expected_result": d.expected_result,
        "indicator": d.indicator.code if d.indicator_id else None,
        "target": d.target_id,
        "delegated": d.delegated,
        "delegated_assignments": sum(1 for a in d.assignments.all() if a.role == Assignment.Role.DELEGATED),
        "closed_on": d.closed_on,
    }


def _directives_qs(qs):
    return qs.select_related("area", "lead_unit", "indicator").prefetch_related("assignments__organisation")


class AssignmentOut(Schema):
    id: int
    directive: int
    unit: str
    role: str = Field(description="lead, cooperating or delegated")
    supervisor: int | None = Field(None, description="the lead unit's assignment guiding a delegated one")
    task: str
    deadline: dt.date | None
    percent_done: int
    completed_on: dt.date | None
    status: str
    revision: int = Field(description="send it back with a progress report")
    delegated: bool


def _assignment_out(a: Assignment, status: str | None = None) -> dict:
    return {
        "id": a.pk,
        "directive": a.directive_id,
        "unit": a.organisation.code,
        "role": a.role,
        "supervisor": a.supervisor_id,
        "task": a.task,
        "deadline": a.deadline,
        "percent_done": a.percent_done,
        "completed_on": a.completed_on,
        "status": status or getattr(a, "live_status", None) or a.current_status().value,
        "revision": a.revision,
        "delegated": a.delegated,
    }


class DirectiveFilters(Filters):
    period: str | None = Field(
        None, pattern=periods.CODE_PATTERN, description="directives inside this period, e.g. 2025"
    )
    area: str | None = Field(None, pattern=AREA_CODE_PATTERN)
    q: str | None = Field(None, max_length=200, description="words of the directive's text")
    lead_unit: str | None = Field(None, max_length=64)
    without_lead: bool = Field(False, description="only directives whose lead unit is not known yet")


@router.get("/directives", response={200: list[DirectiveOut], **ERRORS}, summary="List directives")
@paginate(Pagination)
def list_directives(request, filters: Query[DirectiveFilters]):
    user = _user(request)
    qs = tracking.visible_directives(user)
    period = _period(filters.period)
    if period:
        qs = qs.filter(period__in=periods_within(period))
    area = _area(user, filters.area)
    if area is not None and area.level != Area.Level.NATION:
        qs = qs.filter(area__in=Area.objects.subtree(area))
    if filters.q:
        from django.db.models import Q

        words = clean_text(filters.q)
        qs = qs.filter(
            Q(text__icontains=words)
            | Q(text_ar__icontains=words)
            | Q(text_vi__icontains=words)
            | Q(text_en__icontains=words)
        )
    if filters.lead_unit:
        qs = qs.filter(lead_unit__code=clean_text(filters.lead_unit))
    if filters.without_lead:
        qs = qs.filter(lead_unit__isnull=True)
    return [_directive_out(d) for d in _directives_qs(qs.order_by("id"))]


class CooperatingIn(Body):
    unit: str = Field(..., max_length=64, examples=["VN-24-MOIT"])
    task: str = Field("", max_length=10_000, description="this unit's part of the work")


class DirectiveIn(Body):
    area: str = Field(..., pattern=AREA_CODE_PATTERN, examples=["VN-24"])
    text: str = Field(..., min_length=1, max_length=20_000)
    language: str = Field("vi", pattern="^(ar|vi|en)$")
    number: str = Field("", max_length=20)
    period: str = Field(..., pattern=periods.CODE_PATTERN, examples=["2025Q4"])
    deadline: dt.date | None = None
    issued_on: dt.date | None = Field(None, description="the document's date; today when omitted")
    lead_unit: str = Field(..., max_length=64, examples=["VN-24-FIN"])
    lead_task: str = Field("", max_length=10_000)
    cooperating: list[CooperatingIn] = Field(default_factory=list, max_length=200)
    document: int | None = Field(None, ge=1, le=2**63 - 1)
    target: int | None = Field(None, ge=1, le=2**63 - 1)
    expected_result: str = Field("", max_length=10_000)


@router.post("/directives", response={201: DirectiveOut, **ERRORS}, summary="Create a directive")
def create_directive(request, payload: DirectiveIn):
    from marsad.targets.planning import source_documents, visible_targets

    user = _user(request)
    area = _area(user, payload.area)
    units = Organisation.objects.restrict(user)
    lead = get_object_or_404(units, code=clean_text(payload.lead_unit))
    cooperating = [
        (get_object_or_404(units, code=clean_text(c.unit)), clean_text(c.task)) for c in payload.cooperating
    ]
    document = target = None
    if payload.document:
        document = source_documents(user).filter(pk=payload.document).first()
        if document is None:
            raise HttpError(
                404, _("Document %(id)s is unknown or outside your areas.") % {"id": payload.document}
            )
    if payload.target:
        target = visible_targets(user).filter(pk=payload.target).first()
        if target is None:
            raise HttpError(
                404, _("Target %(id)s is unknown or outside your areas.") % {"id": payload.target}
            )
    today = timezone.localdate()
    if payload.issued_on and payload.issued_on > today:
        raise HttpError(
            422,
            _("%(day)s is in the future (today is %(today)s).")
            % {"day": date_text(payload.issued_on), "today": date_text(today)},
        )
    dated = {"issued_on": payload.issued_on} if payload.issued_on else {}
    directive = tracking.create_directive(
        user=user,
        cooperating=cooperating,
        **dated,
        lead_task=clean_text(payload.lead_task),
        area=area,
        text=clean_text(payload.text),
        language=payload.language,
        number=clean_text(payload.number),
        period=_period(payload.period),
        deadline=payload.deadline,
        lead_unit=lead,
        document=document,
        target=target,
        expected_result=clean_text(payload.expected_result),
        created_by=tracking.actor(user),
    )
    return Status(201, _directive_out(_directives_qs(Directive.objects.filter(pk=directive.pk)).get()))


class DelegateIn(Body):
    province: str = Field(..., pattern=AREA_CODE_PATTERN, examples=["VN-24"])
    communes: list[str] | None = Field(None, max_length=5000, description="commune codes; all when omitted")


class DelegateOut(Schema):
    directive: int
    delegated: int
    assignments: list[AssignmentOut]


@router.post(
    "/directives/{directive_id}/delegate",
    response={200: DelegateOut, **ERRORS},
    summary="Delegate to the communes (adds their assignments under the lead unit's)",
)
def delegate(request, directive_id: int, payload: DelegateIn):
    user = _user(request)
    directive = get_object_or_404(tracking.visible_directives(user), pk=directive_id)
    province = _area(user, payload.province)
    communes = None
    if payload.communes is not None:
        codes = [clean_text(c).upper() for c in payload.communes]
        communes = list(Area.objects.filter(code__in=codes))
        if len(communes) != len(set(codes)):
            raise HttpError(422, _("Some of these communes are unknown."))
    assignments = delegate_to_communes(directive, province, communes=communes, user=user)
    return {
        "directive": directive.pk,
        "delegated": len(assignments),
        "assignments": [_assignment_out(a) for a in assignments],
    }


class SummaryFilters(Filters):
    period: str | None = Field(None, pattern=periods.CODE_PATTERN)
    area: str | None = Field(None, pattern=AREA_CODE_PATTERN)
    unit: str | None = Field(None, max_length=64)
    by_unit: bool = Field(False, description="also one row per unit and one per commune, in the four classes")
    as_of: dt.date | None = Field(None, description="the day the summary is for (default today)")


@router.get("/directives/summary", response={200: dict, **ERRORS}, summary="Follow-up summary")
def follow_up_summary(request, filters: Query[SummaryFilters]):
    user = _user(request)
    today = timezone.localdate()
    if filters.as_of and filters.as_of > today:
        raise HttpError(
            422,
            _("%(day)s is in the future (today is %(today)s).")
            % {"day": date_text(filters.as_of), "today": date_text(today)},
        )
    return summary(
        area=_area(user, filters.area),
        period=_period(filters.period),
        unit=_unit(user, filters.unit),
        today=filters.as_of or today,
        per_unit=filters.by_unit,
        queryset=tracking.visible_assignments(user),
    )


class AssignmentFilters(DirectiveFilters):
    status: StatusChoices | None = None
    unit: str | None = Field(None, max_length=64, description="unit code, e.g. VN-24-FIN")
    directive: int | None = Field(None, ge=1, le=2**63 - 1)
    role: Assignment.Role | None = None


@router.get("/assignments", response={200: list[AssignmentOut], **ERRORS}, summary="List assignments")
@paginate(Pagination)
def list_assignments(request, filters: Query[AssignmentFilters]):
    user = _user(request)
    qs = select(
        area=_area(user, filters.area),
        period=_period(filters.period),
        unit=_unit(user, filters.unit),
        queryset=tracking.visible_assignments(user),
    ).with_status()
    if filters.status:
        qs = qs.filter(live_status=filters.status)
    if filters.directive:
        qs = qs.filter(directive_id=filters.directive)
    if filters.role:
        qs = qs.filter(role=filters.role)
    return [_assignment_out(a) for a in qs.select_related("organisation").order_by("id")]


class ProgressIn(Body):
    percent: int = Field(..., ge=0, le=100, description="100 completes the assignment")
    text: str = Field(..., max_length=10_000)
    revision: int = Field(..., ge=1, description="the assignment's revision the report was made on")
    date: dt.date | None = Field(None, description="not in the future, not before the directive")
    reason: str = Field("", max_length=10_000, description="required when the percent goes down")


class ProgressOut(Schema):
    id: int
    assignment: int
    date: dt.date
    percent: int
    text: str
    reason: str
    revision: int


class StaleOut(Schema):
    detail: str
    current: AssignmentOut


@router.post(
    "/assignments/{assignment_id}/progress",
    response={201: ProgressOut, 409: StaleOut, **ERRORS},
    summary="Report progress on an assignment",
)
def post_progress(request, assignment_id: int, payload: ProgressIn):
    user = _user(request)
    assignment = get_object_or_404(tracking.visible_assignments(user), pk=assignment_id)
    try:
        report = tracking.report_progress(
            assignment,
            percent=payload.percent,
            text=clean_text(payload.text),
            reason=clean_text(payload.reason),
            revision=payload.revision,
            on=payload.date,
            user=user,
        )
    except tracking.StaleAssignment as exc:
        return Status(409, {"detail": str(exc), "current": _assignment_out(exc.assignment)})
    return Status(
        201,
        {
            "id": report.pk,
            "assignment": report.assignment_id,
            "date": report.date,
            "percent": report.percent,
            "text": report.text,
            "reason": report.reason,
            "revision": report.revision,
        },
    )


class InspectionIn(Body):
    finding: str = Field(..., max_length=10_000)
    result: str = Field("satisfactory", pattern="^(satisfactory|needs_work|unsatisfactory)$")
    date: dt.date | None = None


class InspectionOut(Schema):
    id: int
    assignment: int
    date: dt.date
    result: str
    finding: str


@router.post(
    "/assignments/{assignment_id}/inspections",
    response={201: InspectionOut, **ERRORS},
    summary="Record an inspection (the lead unit, a planner)",
)
def post_inspection(request, assignment_id: int, payload: InspectionIn):
    user = _user(request)
    assignment = get_object_or_404(tracking.visible_assignments(user), pk=assignment_id)
    item = tracking.record_inspection(
        assignment, finding=clean_text(payload.finding), result=payload.result, on=payload.date, user=user
    )
    return Status(
        201,
        {
            "id": item.pk,
            "assignment": assignment.pk,
            "date": item.date,
            "result": item.result,
            "finding": item.finding,
        },
    )


class AnswerIn(Body):
    text: str = Field(..., max_length=10_000)


class AnswerOut(Schema):
    id: int
    recommendation: int
    text: str
    on: dt.date
    unit: str | None


@router.get(
    "/recommendations/{recommendation_id}/answers",
    response={200: list[AnswerOut], **ERRORS},
    summary="A recommendation's answers, oldest first",
)
def list_answers(request, recommendation_id: int):
    rec = get_object_or_404(Recommendation.objects.restrict(_user(request)), pk=recommendation_id)
    return [
        {
            "id": a.pk,
            "recommendation": rec.pk,
            "text": a.text,
            "on": a.on,
            "unit": a.unit.code if a.unit else None,
        }
        for a in rec.answers.select_related("unit")
    ]


@router.post(
    "/recommendations/{recommendation_id}/answers",
    response={201: AnswerOut, **ERRORS},
    summary="Add an answer to a recommendation's thread",
)
def post_answer(request, recommendation_id: int, payload: AnswerIn):
    user = _user(request)
    rec = get_object_or_404(Recommendation.objects.restrict(user), pk=recommendation_id)
    a = tracking.answer_recommendation(rec, answer=clean_text(payload.text), user=user)
    return Status(
        201,
        {
            "id": a.pk,
            "recommendation": rec.pk,
            "text": a.text,
            "on": a.on,
            "unit": a.unit.code if a.unit else None,
        },
    )
