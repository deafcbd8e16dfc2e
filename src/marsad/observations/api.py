"""API: observations (read with filters, write one at a time with an audit record) and history."""

from datetime import date, datetime
from typing import Literal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import BaseModel

from marsad.accounts import scopes
from marsad.areas.models import Area
from marsad.audit.models import ChangeRecord
from marsad.core import measures, periods
from marsad.indicators.models import Indicator
from marsad.web.apikit import (
    AREA_CODE_PATTERN,
    ERRORS,
    MAX_ID,
    Pagination,
    clean_text,
    viewable_area,
)

from .models import Observation

router = Router(tags=["observations"])

Measure = Literal[measures.MEASURES]  # type: ignore[valid-type]
ObsStatus = Literal[measures.STATUSES]  # type: ignore[valid-type]
Qualifier = Literal[measures.QUALIFIERS]  # type: ignore[valid-type]
OPEN_FROM_YEAR = 1950
PERIOD_PATTERN = r"^\d{4}(S[12]|Q[1-4]|0[1-9]|1[0-2]|-([1-9]|1[0-2])M)?$"


class ObservationOut(BaseModel):
    # A plain pydantic model: read straight from .values() dicts, much faster than a Schema.

    id: int
    area: str = Field(alias="area__code")
    indicator: str = Field(alias="indicator__code")
    period: str
    measure: str
    status: str
    value: float
    unit: str
    qualifier: str
    source: str
    document: int | None = Field(None, alias="document_id")
    span_start: int | None
    span_end: int | None
    updated_at: datetime


OBSERVATION_VALUES = (
    "id",
    "area__code",
    "indicator__code",
    "period",
    "measure",
    "status",
    "value",
    "unit",
    "qualifier",
    "source",
    "document_id",
    "span_start",
    "span_end",
    "updated_at",
)


class ObservationFilters(Schema):
    area: str | None = Field(None, pattern=AREA_CODE_PATTERN, description="area code, e.g. VN-24")
    subtree: bool = Field(False, description="with `area`: also the units below it")
    indicator: str | None = Field(None, max_length=400, description="indicator code(s), comma-separated")
    period_from: str | None = Field(None, pattern=PERIOD_PATTERN, description="periods starting on or after")
    period_to: str | None = Field(None, pattern=PERIOD_PATTERN, description="periods ending on or before")
    measure: Measure | None = None
    status: ObsStatus | None = None


def period_codes_between(first: periods.Period | None, last: periods.Period | None) -> list[str] | None:
    """Codes of the periods lying wholly inside [first.start, last.end]; None when both are open.

    An open bound stands for OPEN_FROM_YEAR or ten years from now: enough for any data Marsad
    holds, and it keeps the list of codes short for the database's IN.
    """
    if first is None and last is None:
        return None
    lo_year = first.year if first else OPEN_FROM_YEAR
    hi_year = last.year if last else date.today().year + 10
    return [
        p.code
        for y in range(lo_year, hi_year + 1)
        for p in periods.periods_of_year(y)
        if (first is None or p.start >= first.start) and (last is None or p.end <= last.end)
    ]


def _period(code: str | None, name: str) -> periods.Period | None:
    if not code:
        return None
    try:
        return periods.parse(code)
    except periods.PeriodError as exc:
        raise HttpError(422, f"{name}: {exc}") from exc


@router.get("/observations", response={200: list[ObservationOut], **ERRORS}, summary="List observations")
@paginate(Pagination)
def list_observations(request, filters: Query[ObservationFilters]):
    user = request.auth
    qs = Observation.objects.restrict(user)
    if filters.area:
        area = viewable_area(user, filters.area)
        if filters.subtree:
            qs = qs.filter(area__in=Area.objects.subtree(area))
        else:
            qs = qs.filter(area=area)
    if filters.indicator:
        codes = [c.strip() for c in clean_text(filters.indicator).split(",") if c.strip()]
        qs = qs.filter(indicator__code__in=codes)
    codes = period_codes_between(
        _period(filters.period_from, "period_from"), _period(filters.period_to, "period_to")
    )
    if codes is not None:
        qs = qs.filter(period__in=codes)
    if filters.measure:
        qs = qs.filter(measure=filters.measure)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs.order_by("id").values(*OBSERVATION_VALUES)


@router.get("/observations/{obs_id}", response={200: ObservationOut, **ERRORS}, summary="One observation")
def get_observation(request, obs_id: int = Path(..., ge=1, le=MAX_ID)):
    obs = get_object_or_404(Observation.objects.select_related("area"), pk=obs_id)
    scopes.require(request.auth, obs, scopes.VIEW)
    return Observation.objects.filter(pk=obs.pk).values(*OBSERVATION_VALUES).get()


class ObservationIn(Schema):
    area: str = Field(..., pattern=AREA_CODE_PATTERN, examples=["VN-24"])
    indicator: str = Field(..., max_length=64, examples=["grdp"])
    period: str = Field(..., pattern=PERIOD_PATTERN, examples=["2025Q1"])
    measure: Measure = "level"
    status: ObsStatus = "official"
    value: float = Field(..., allow_inf_nan=False, ge=-1e15, le=1e15)
    unit: str = Field("", max_length=40, description="defaults to the indicator's or the measure's unit")
    qualifier: Qualifier = "exact"


@router.post(
    "/observations",
    response={200: ObservationOut, 201: ObservationOut, **ERRORS},
    summary="Create or update one observation",
    description="The key is area x indicator x period x measure x status; an existing value is revised "
    "and the change is kept in its history.",
)
def save_observation(request, payload: ObservationIn):
    user = request.auth
    area = Area.objects.filter(code=payload.area.upper()).first()
    if area is None:
        raise HttpError(422, _("Unknown area %(code)s.") % {"code": payload.area})
    scopes.require(user, area, scopes.CHANGE)
    indicator = Indicator.objects.filter(code=clean_text(payload.indicator)).first()
    if indicator is None:
        raise HttpError(422, _("Unknown indicator %(code)s.") % {"code": clean_text(payload.indicator)})
    period = _period(payload.period, "period").code
    unit = clean_text(payload.unit) or (
        indicator.unit if payload.measure == "level" else measures.MEASURE_UNITS[payload.measure]
    )
    with transaction.atomic():
        key = dict(
            area=area, indicator=indicator, period=period, measure=payload.measure, status=payload.status
        )
        obs = Observation.objects.select_for_update().filter(**key).first()
        created = obs is None
        if created:
            obs = Observation(**key, source=Observation.Source.ENTRY)
        obs.value, obs.unit, obs.qualifier = payload.value, unit, payload.qualifier
        obs.source, obs.entered_by = Observation.Source.ENTRY, user
        obs.document, obs.span_start, obs.span_end = None, None, None
        scopes.require(user, obs, scopes.CHANGE)
        obs.save(changed_by=user, source="api")
    body = Observation.objects.filter(pk=obs.pk).values(*OBSERVATION_VALUES).get()
    return Status(201 if created else 200, body)


class ChangeOut(Schema):
    at: datetime
    action: str
    user: str | None = Field(None, alias="user__username")
    source: str
    before: dict | None
    after: dict | None


@router.get(
    "/observations/{obs_id}/history",
    response={200: list[ChangeOut], **ERRORS},
    summary="Revisions of one observation",
)
def observation_history(request, obs_id: int = Path(..., ge=1, le=MAX_ID)):
    obs = get_object_or_404(Observation.objects.select_related("area"), pk=obs_id)
    scopes.require(request.auth, obs, scopes.VIEW)
    ct = ContentType.objects.get_for_model(Observation)
    return list(
        ChangeRecord.objects.filter(content_type=ct, object_id=obs.pk)
        .order_by("at", "id")
        .values("at", "action", "user__username", "source", "before", "after")
    )
