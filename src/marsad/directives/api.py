"""API: directives, assignments, the follow-up summary, and progress reports from assignees.

Lists are limited to what the user may see (a commune's officers: their own assignments).
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from marsad.areas.models import Area
from marsad.core import periods
from marsad.web.apikit import AREA_CODE_PATTERN, ERRORS, Pagination, clean_text, viewable_area

from . import tracking
from .models import Organisation, StatusChoices
from .summary import summary

router = Router(tags=["directives"])


def _user(request):
    return getattr(request, "auth", None) or request.user


def _period(code: str | None) -> str | None:
    if not code:
        return None
    try:
        return periods.parse(clean_text(code)).code
    except periods.PeriodError as exc:
        raise HttpError(422, str(exc)) from None


class DirectiveOut(Schema):
    id: int
    number: str
    text: str
    language: str
    text_ar: str
    text_vi: str
    text_en: str
    area: str = Field(alias="area__code")
    parent: int | None = Field(None, alias="parent_id")
    document: int | None = Field(None, alias="document_id")
    lead_unit: str | None = Field(None, alias="lead_unit__code")
    period: str
    deadline: dt.date | None
    expected_result: str
    indicator: str | None = Field(None, alias="indicator__code")
    target: int | None = Field(None, alias="target_id")
    delegated: bool
    closed_on: dt.date | None


DIRECTIVE_VALUES = (
    "id",
    "number",
    "text",
    "language",
    "text_ar",
    "text_vi",
    "text_en",
    "area__code",
    "parent_id",
    "document_id",
    "lead_unit__code",
    "period",
    "deadline",
    "expected_result",
    "indicator__code",
    "target_id",
    "delegated",
    "closed_on",
)


class AssignmentOut(Schema):
    id: int
    directive: int = Field(alias="directive_id")
    unit: str = Field(alias="organisation__code")
    deadline: dt.date | None
    percent_done: int
    completed_on: dt.date | None
    status: str = Field(alias="live_status")
    delegated: bool


ASSIGNMENT_VALUES = (
    "id",
    "directive_id",
    "organisation__code",
    "deadline",
    "percent_done",
    "completed_on",
    "live_status",
    "delegated",
)


class DirectiveFilters(Schema):
    period: str | None = Field(None, max_length=10, description="directives inside this period, e.g. 2025")
    area: str | None = Field(None, pattern=AREA_CODE_PATTERN)


class AssignmentFilters(DirectiveFilters):
    status: StatusChoices | None = None
    unit: str | None = Field(None, max_length=64, description="unit code, e.g. VN-24-FIN")
    directive: int | None = Field(None, ge=1, le=2**63 - 1)


class SummaryFilters(Schema):
    period: str | None = Field(None, max_length=10)
    area: str | None = Field(None, pattern=AREA_CODE_PATTERN)
    unit: str | None = Field(None, max_length=64)
    by_unit: bool = False


class ProgressIn(Schema):
    percent: int = Field(..., description="0-100; 100 completes the assignment")
    text: str = Field(..., max_length=10_000)
    date: dt.date | None = None


class ProgressOut(Schema):
    id: int
    assignment: int = Field(alias="assignment_id")
    date: dt.date
    percent: int
    text: str


def _area(request, code: str | None) -> Area | None:
    """The area filter: 404 when unknown, 403 outside the user's scope (as for observations)."""
    return viewable_area(_user(request), code) if code else None


@router.get("/directives", response={200: list[DirectiveOut], **ERRORS}, summary="List directives")
@paginate(Pagination)
def list_directives(request, filters: Query[DirectiveFilters]):
    qs = tracking.visible_directives(_user(request))
    period = _period(filters.period)
    if period:
        from .summary import periods_within

        qs = qs.filter(period__in=periods_within(period))
    area = _area(request, filters.area)
    if area is not None and area.level != Area.Level.NATION:
        qs = qs.filter(area__in=Area.objects.subtree(area))
    return qs.order_by("id").values(*DIRECTIVE_VALUES)


@router.get("/directives/summary", response={200: dict, **ERRORS}, summary="Follow-up summary")
def follow_up_summary(request, filters: Query[SummaryFilters]):
    unit = get_object_or_404(Organisation, code=clean_text(filters.unit)) if filters.unit else None
    return summary(
        area=_area(request, filters.area),
        period=_period(filters.period),
        unit=unit,
        per_unit=filters.by_unit,
        queryset=tracking.visible_assignments(_user(request)),
    )


@router.get("/assignments", response={200: list[AssignmentOut], **ERRORS}, summary="List assignments")
@paginate(Pagination)
def list_assignments(request, filters: Query[AssignmentFilters]):
    from .summary import select

    unit = get_object_or_404(Organisation, code=clean_text(filters.unit)) if filters.unit else None
    qs = select(
        area=_area(request, filters.area),
        period=_period(filters.period),
        unit=unit,
        queryset=tracking.visible_assignments(_user(request)),
    ).with_status()
    if filters.status:
        qs = qs.filter(live_status=filters.status)
    if filters.directive:
        qs = qs.filter(directive_id=filters.directive)
    return qs.order_by("id").values(*ASSIGNMENT_VALUES)


@router.post(
    "/assignments/{assignment_id}/progress",
    response={201: ProgressOut, 422: dict, **ERRORS},
    summary="Report progress on an assignment",
)
def post_progress(request, assignment_id: int, payload: ProgressIn):
    user = _user(request)
    assignment = get_object_or_404(tracking.visible_assignments(user), pk=assignment_id)
    try:
        report = tracking.report_progress(
            assignment, percent=payload.percent, text=clean_text(payload.text), on=payload.date, user=user
        )
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    except ValidationError as exc:
        raise HttpError(422, "; ".join(exc.messages)) from None
    return Status(
        201,
        {
            "id": report.pk,
            "assignment_id": report.assignment_id,
            "date": report.date,
            "percent": report.percent,
            "text": report.text,
        },
    )
