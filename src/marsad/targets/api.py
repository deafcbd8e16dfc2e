"""API: targets by area, indicator and year — list, set, edit, retire, scenarios, target vs actual.

The same rules as the pages (``planning``): only planners of the area write; an edit or a
retirement names the revision it was made on, and a stale one answers 409 with the target as
it now stands.
"""

import datetime as dt

from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from marsad.areas.models import Area
from marsad.core import periods
from marsad.indicators.models import Indicator
from marsad.web.apikit import (
    AREA_CODE_PATTERN,
    CODE_PATTERN,
    ERRORS,
    Body,
    Filters,
    Pagination,
    clean_text,
    viewable_area,
)

from . import planning
from .models import Target
from .overview import overview

router = Router(tags=["targets"])


class ScenarioOut(Schema):
    period: str
    value: float
    note: str


class TargetOut(Schema):
    id: int
    area: str
    indicator: str
    year: int
    measure: str
    value: float
    unit: str
    qualifier: str = Field(description="the direction: at_least, less_than, exact, about")
    basis: str = Field(
        "plan", description="plan (the area's own; for a budget the People's Council's estimate) or central"
    )
    document: int | None
    article: str
    span_start: int | None
    span_end: int | None
    note: str
    revision: int
    retired_on: dt.date | None
    retired_reason: str
    label: str = Field(description="the target in words, in the request's language")
    scenarios: list[ScenarioOut]


class Stale(Schema):
    detail: str
    current: TargetOut


def _out(t: Target) -> dict:
    return {
        "id": t.pk,
        "area": t.area.code,
        "indicator": t.indicator.code,
        "year": t.year,
        "measure": t.measure,
        "value": t.value,
        "unit": t.unit,
        "qualifier": t.qualifier,
        "basis": t.basis,
        "document": t.document_id,
        "article": t.article,
        "span_start": t.span_start,
        "span_end": t.span_end,
        "note": t.note,
        "revision": t.revision,
        "retired_on": t.retired_on,
        "retired_reason": t.retired_reason,
        "label": t.label((get_language() or "en")[:2]),
        "scenarios": [{"period": s.period, "value": s.value, "note": s.note} for s in t.scenarios.all()],
    }


class TargetFilters(Filters):
    area: str | None = Field(None, pattern=AREA_CODE_PATTERN)
    subtree: bool = False
    indicator: str | None = Field(None, max_length=400, description="indicator code(s), comma-separated")
    year: int | None = Field(None, ge=1900, le=2999)
    measure: Target.Measure | None = None
    retired: bool = Field(False, description="include retired targets")


@router.get("/targets", response={200: list[TargetOut], **ERRORS}, summary="List targets")
@paginate(Pagination)
def list_targets(request, filters: Query[TargetFilters]):
    user = request.auth
    qs = planning.visible_targets(user, retired=filters.retired).prefetch_related("scenarios")
    if filters.area:
        area = viewable_area(user, filters.area)
        qs = qs.filter(area__in=Area.objects.subtree(area)) if filters.subtree else qs.filter(area=area)
    if filters.indicator:
        qs = qs.filter(indicator__code__in=[c.strip() for c in clean_text(filters.indicator).split(",")])
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.measure:
        qs = qs.filter(measure=filters.measure)
    return [_out(t) for t in qs.order_by("id")]


class TargetIn(Body):
    area: str = Field(..., pattern=AREA_CODE_PATTERN, examples=["VN-24"])
    indicator: str = Field(..., pattern=CODE_PATTERN, examples=["grdp"])
    year: int = Field(..., ge=1990, le=2100)
    measure: Target.Measure
    value: float
    qualifier: Target.Direction = Target.Direction.AT_LEAST
    basis: Target.Basis = Field(
        Target.Basis.PLAN,
        description="plan (the area's own; for a budget the People's Council's estimate) or central "
        "(the estimate the central government assigned: a second level target beside the plan)",
    )
    unit: str = Field("", max_length=40)
    document: int | None = Field(None, ge=1, le=2**63 - 1, description="the source resolution's id")
    article: str = Field("", max_length=200)
    note: str = Field("", max_length=10_000)


class TargetChange(Body):
    revision: int = Field(..., ge=1, description="the revision the change was made on")
    value: float | None = None
    qualifier: Target.Direction | None = None
    unit: str | None = Field(None, max_length=40)
    document: int | None = Field(None, ge=1, le=2**63 - 1)
    article: str | None = Field(None, max_length=200)
    note: str | None = Field(None, max_length=10_000)


class RetireIn(Body):
    revision: int = Field(..., ge=1)
    reason: str = Field(..., min_length=1, max_length=2000)
    on: dt.date | None = None


class ScenarioIn(Body):
    value: float
    note: str = Field("", max_length=300)


def _document(user, pk: int | None):
    if pk is None:
        return None
    doc = planning.source_documents(user).filter(pk=pk).first()
    if doc is None:
        raise HttpError(404, _("Document %(id)s is unknown or outside your areas.") % {"id": pk})
    return doc


def _target(user, pk: int) -> Target:
    return get_object_or_404(planning.visible_targets(user, retired=True), pk=pk)


@router.post(
    "/targets",
    response={201: TargetOut, 409: Stale, **ERRORS},
    summary="Set a target",
    description="409 when a target is already set for the key (area, indicator, year, measure, basis): "
    "`current` is that target, to edit.",
)
def create_target(request, payload: TargetIn):
    user = request.auth
    area = viewable_area(user, payload.area)
    indicator = get_object_or_404(Indicator, code=payload.indicator)
    try:
        target = _set_target(user, area, indicator, payload)
    except planning.TargetExists as exc:
        return Status(409, {"detail": "; ".join(exc.messages), "current": _out(exc.target)})
    return Status(201, _out(target))


def _set_target(user, area, indicator, payload: TargetIn) -> Target:
    return planning.set_target(
        area=area,
        indicator=indicator,
        year=payload.year,
        measure=payload.measure,
        value=payload.value,
        direction=payload.qualifier,
        unit=clean_text(payload.unit),
        document=_document(user, payload.document),
        article=clean_text(payload.article),
        note=clean_text(payload.note),
        user=user,
        source="API",
        basis=payload.basis,
    )


@router.patch(
    "/targets/{target_id}", response={200: TargetOut, 409: Stale, **ERRORS}, summary="Edit a target"
)
def edit_target(request, target_id: int, payload: TargetChange):
    user = request.auth
    target = _target(user, target_id)
    changes = payload.dict(exclude_unset=True)
    revision = changes.pop("revision")
    if "document" in changes:
        changes["document"] = _document(user, changes["document"])
    for name in ("unit", "article", "note"):
        if name in changes:
            changes[name] = clean_text(changes[name])
    try:
        target = planning.edit_target(target, revision=revision, user=user, source="API", **changes)
    except planning.StaleTarget as exc:
        return Status(409, {"detail": str(exc), "current": _out(exc.target)})
    return _out(target)


@router.post(
    "/targets/{target_id}/retire",
    response={200: TargetOut, 409: Stale, **ERRORS},
    summary="Retire a target (it stops counting; its history stays)",
)
def retire_target(request, target_id: int, payload: RetireIn):
    user = request.auth
    target = _target(user, target_id)
    try:
        target = planning.retire_target(
            target, revision=payload.revision, reason=clean_text(payload.reason), user=user, on=payload.on
        )
    except planning.StaleTarget as exc:
        return Status(409, {"detail": str(exc), "current": _out(exc.target)})
    return _out(target)


@router.put(
    "/targets/{target_id}/scenarios/{period}",
    response={200: TargetOut, **ERRORS},
    summary="Set the target's scenario for a quarter or a span from January",
)
def put_scenario(
    request, target_id: int, payload: ScenarioIn, period: str = Path(..., pattern=periods.CODE_PATTERN)
):
    user = request.auth
    target = _target(user, target_id)
    planning.set_scenario(
        target, period=clean_text(period), value=payload.value, note=clean_text(payload.note), user=user
    )
    return _out(Target.objects.get(pk=target.pk))


class OverviewFilters(Filters):
    area: str = Field(..., pattern=AREA_CODE_PATTERN, examples=["VN-24"])
    period: str = Field(..., pattern=periods.CODE_PATTERN, examples=["2025Q2"])


class OverviewRow(Schema):
    target: TargetOut
    scenario: float | None
    actual: float | None
    level: float | None
    yoy_pct: float | None
    plan_pct: float | None
    share_pct: float | None
    derived: list[str]
    verdict: str = Field(description="met, on_track, at_risk, missed, or empty when there is no figure yet")


@router.get(
    "/target-overview",
    response={200: list[OverviewRow], **ERRORS},
    summary="Target vs actual for every indicator of an area with a target",
)
def target_overview(request, filters: Query[OverviewFilters]):
    user = request.auth
    area = viewable_area(user, filters.area)
    try:
        period = periods.parse(clean_text(filters.period))
    except periods.PeriodError as exc:
        raise HttpError(422, exc.in_language(get_language())) from None
    rows = overview(area, period, planning.visible_targets(user).filter(area=area, year=period.year))
    return [
        {
            "target": _out(r.target),
            "scenario": r.scenario.value if r.scenario else None,
            "actual": r.actual,
            "level": r.level,
            "yoy_pct": r.yoy_pct,
            "plan_pct": r.plan_pct,
            "share_pct": r.share_pct,
            "derived": sorted(r.derived),
            "verdict": r.verdict,
        }
        for r in rows
    ]
