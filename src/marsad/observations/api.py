"""API: observations (read with filters, write one at a time with an audit record) and history."""

from datetime import date, datetime
from typing import Literal

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import BaseModel, StrictFloat, StrictInt, StrictStr, model_validator

from marsad.accounts import scopes
from marsad.areas.models import Area
from marsad.audit.history import history_of
from marsad.core import measures, periods
from marsad.core.numbers import NumberError, read_number, read_plain_number
from marsad.core.validation import Problem
from marsad.web.apikit import (
    AREA_CODE_PATTERN,
    ERRORS,
    MAX_ID,
    Body,
    Filters,
    Message,
    Pagination,
    cached_read,
    clean_text,
    viewable_area,
)

from .models import Observation
from .writing import NEW, TEXT_LIMITS, Provenance, Refused, delete_observation, record_observation

router = Router(tags=["observations"])

Measure = Literal[measures.MEASURES]  # type: ignore[valid-type]
ObsStatus = Literal[measures.STATUSES]  # type: ignore[valid-type]
Qualifier = Literal[measures.QUALIFIERS]  # type: ignore[valid-type]
OPEN_FROM_YEAR = 1950
UNIT_MAX = TEXT_LIMITS["unit"]


class ObservationOut(BaseModel):
    # A plain pydantic model: read straight from .values() dicts, much faster than a Schema.

    id: int
    area: str = Field(alias="area__code")
    indicator: str = Field(alias="indicator__code")
    period: str
    measure: str
    status: str
    value: float  # exact in JSON: at most 15 significant digits, written by their shortest repr
    unit: str
    qualifier: str
    revision: int
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
    "revision",
    "source",
    "document_id",
    "span_start",
    "span_end",
    "updated_at",
)


class Conflicted(Schema):
    """409: the value changed since the revision named; ``current`` is what is stored now."""

    detail: str
    current: ObservationOut | None


class ObservationFilters(Filters):
    area: str | None = Field(None, pattern=AREA_CODE_PATTERN, description="area code, e.g. VN-24")
    subtree: bool = Field(False, description="with `area`: also the units below it")
    indicator: str | None = Field(None, max_length=400, description="indicator code(s), comma-separated")
    period_from: str | None = Field(
        None, pattern=periods.CODE_PATTERN, description="periods starting on or after"
    )
    period_to: str | None = Field(
        None, pattern=periods.CODE_PATTERN, description="periods ending on or before"
    )
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
        raise HttpError(422, f"{name}: {exc.in_language(get_language())}") from exc


@router.get("/observations", response={200: list[ObservationOut], **ERRORS}, summary="List observations")
@decorate_view(cached_read)
@paginate(Pagination)
def list_observations(request, filters: Query[ObservationFilters]):
    user = request.auth
    if filters.area:
        area = viewable_area(user, filters.area)
        if filters.subtree and area.level == Area.Level.NATION:
            qs = Observation.objects.restrict(user)  # every area below the nation: the scope's
        else:
            ids = Area.objects.subtree(area).values_list("pk", flat=True) if filters.subtree else [area.pk]
            qs = Observation.objects.restrict(user, areas=list(ids))
    else:
        qs = Observation.objects.restrict(user)
    if filters.indicator:
        codes = [c.strip() for c in clean_text(filters.indicator).split(",") if c.strip()]
        qs = qs.filter(indicator__code__in=codes)
    codes = period_codes_between(
        _period(filters.period_from, "period_from"), _period(filters.period_to, "period_to")
    )
    if codes is not None:
        qs = qs.in_periods(codes)
    if filters.measure:
        qs = qs.filter(measure=filters.measure)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs.order_by("id").values(*OBSERVATION_VALUES)


@router.get(
    "/observations/{obs_id}",
    response={200: ObservationOut, **ERRORS},
    summary="One observation (its ETag is its revision)",
)
def get_observation(request, response: HttpResponse, obs_id: int = Path(..., ge=1, le=MAX_ID)):
    obs = get_object_or_404(Observation.objects.select_related("area"), pk=obs_id)
    scopes.require(request.auth, obs, scopes.VIEW)
    response["ETag"] = etag(obs.revision)
    return _observation_body(obs.pk)


ValueIn = StrictInt | StrictFloat | StrictStr


class ObservationIn(Body):
    area: str = Field(..., pattern=AREA_CODE_PATTERN, examples=["VN-24"])
    indicator: str = Field(..., max_length=64, examples=["grdp"])
    period: str = Field(..., pattern=periods.CODE_PATTERN, examples=["2025Q1"])
    measure: Measure = "level"
    status: ObsStatus = "official"
    value: ValueIn = Field(
        ...,
        description="a JSON number, or text: the plain layout (4600.625) or the request language's "
        "(vi 4.600,625); kept exactly up to 15 significant digits",
        examples=[4600.625],
    )
    unit: str = Field(
        "", max_length=UNIT_MAX, description="defaults to the indicator's or the measure's unit"
    )
    qualifier: Qualifier = "exact"
    revision: int | None = Field(
        None,
        ge=0,
        le=MAX_ID,
        description="the revision this write is based on (0: the key is new); required to change an "
        "existing value, else 409",
    )


def _revision_or_if_match(data, info):
    """A change names the revision it is based on: the ``revision`` field, else If-Match (the
    ETag); 428 when neither. The OpenAPI document lists ``revision`` as required, which is the
    one form a schema can state; If-Match stands in for it."""
    data = getattr(data, "_obj", data)  # a ninja Schema hands its validators the dict wrapped
    if not isinstance(data, dict) or data.get("revision") is not None:
        return data
    request = (info.context or {}).get("request")
    header = (request.headers.get("If-Match") or "").strip() if request is not None else ""
    if not header:
        raise HttpError(428, _("Name the revision this change is based on: the revision field or If-Match."))
    text = header.removeprefix("W/").strip('"')
    if not (text.isascii() and text.isdigit()):
        raise HttpError(412, _('If-Match must be the ETag of the observation, e.g. "3".'))
    return {**data, "revision": int(text)}


class NamesItsRevision(Body):
    @model_validator(mode="before")
    @classmethod
    def _if_match(cls, data, info):
        return _revision_or_if_match(data, info)


REVISION_NAMED = "the revision the change is based on; or leave it out and send If-Match: the ETag"


class RevisionQuery(Filters):
    revision: int = Field(..., ge=0, le=MAX_ID, description=REVISION_NAMED)

    @model_validator(mode="before")
    @classmethod
    def _if_match(cls, data, info):
        return _revision_or_if_match(data, info)


class ObservationChange(NamesItsRevision):
    revision: int = Field(..., ge=0, le=MAX_ID, description=REVISION_NAMED)
    value: ValueIn | None = None
    unit: str | None = Field(None, max_length=UNIT_MAX)
    qualifier: Qualifier | None = None


class ObservationReplace(NamesItsRevision):
    revision: int = Field(..., ge=0, le=MAX_ID, description=REVISION_NAMED)
    value: ValueIn
    unit: str = Field("", max_length=UNIT_MAX)
    qualifier: Qualifier = "exact"


def etag(revision: int) -> str:
    return f'"{revision}"'


def value_of(raw) -> object:
    """A JSON number as it came, or text read as the plain layout then the request's language."""
    if isinstance(raw, str):
        try:
            return read_plain_number(raw)
        except NumberError:
            try:
                return read_number(raw, get_language() or "en")
            except NumberError as exc:
                raise Refused([Problem("value", "not_a_number")]) from exc
    return raw


def _observation_body(obs_id: int) -> dict:
    return Observation.objects.filter(pk=obs_id).values(*OBSERVATION_VALUES).get()


def _answer(written, status: int):
    response_body = _observation_body(written.observation.pk)
    return Status(status, response_body)


WRITE_ERRORS = {**ERRORS, 409: Conflicted, 412: Message, 423: Message, 428: Message}


@router.post(
    "/observations",
    response={200: ObservationOut, 201: ObservationOut, **WRITE_ERRORS},
    summary="Create one observation (or revise it, naming its revision)",
    description="The key is area x indicator x period x measure x status. A new key answers 201. "
    "An existing key is revised only when `revision` names its current revision; without it the "
    "answer is 409 with the stored value, so nothing is overwritten unseen.",
)
def save_observation(request, payload: ObservationIn):
    based_on = NEW if payload.revision is None else payload.revision
    written = record_observation(
        request.auth,
        area=payload.area,
        indicator=payload.indicator,
        period=payload.period,
        measure=payload.measure,
        status=payload.status,
        value=value_of(payload.value),
        unit=payload.unit,
        qualifier=payload.qualifier,
        based_on=based_on,
        provenance=Provenance(via="api"),
    )
    return _answer(written, 201 if written.action == "created" else 200)


def _stored(request, obs_id: int) -> Observation:
    obs = get_object_or_404(Observation.objects.select_related("area", "indicator"), pk=obs_id)
    scopes.require(request.auth, obs, scopes.VIEW)
    return obs


@router.put(
    "/observations/{obs_id}",
    response={200: ObservationOut, **WRITE_ERRORS},
    summary="Replace one observation's value, unit and qualifier (naming its revision)",
)
def replace_observation(request, payload: ObservationReplace, obs_id: int = Path(..., ge=1, le=MAX_ID)):
    obs = _stored(request, obs_id)
    written = _rewrite(
        request, obs, value_of(payload.value), payload.unit, payload.qualifier, payload.revision
    )
    return _answer(written, 200)


@router.patch(
    "/observations/{obs_id}",
    response={200: ObservationOut, **WRITE_ERRORS},
    summary="Change some of one observation's value, unit and qualifier (naming its revision)",
)
def change_observation(request, payload: ObservationChange, obs_id: int = Path(..., ge=1, le=MAX_ID)):
    obs = _stored(request, obs_id)
    value = obs.value if payload.value is None else value_of(payload.value)
    unit = obs.unit if payload.unit is None else payload.unit
    qualifier = obs.qualifier if payload.qualifier is None else payload.qualifier
    written = _rewrite(request, obs, value, unit, qualifier, payload.revision)
    return _answer(written, 200)


def _rewrite(request, obs: Observation, value, unit: str, qualifier: str, based_on: int):
    return record_observation(
        request.auth,
        area=obs.area,
        indicator=obs.indicator,
        period=obs.period,
        measure=obs.measure,
        status=obs.status,
        value=value,
        unit=unit,
        qualifier=qualifier,
        based_on=based_on,
        provenance=Provenance(via="api"),
    )


@router.delete(
    "/observations/{obs_id}",
    response={204: None, **WRITE_ERRORS},
    summary="Delete one observation (naming its revision); its history stays readable",
)
def remove_observation(request, named: Query[RevisionQuery], obs_id: int = Path(..., ge=1, le=MAX_ID)):
    obs = _stored(request, obs_id)
    delete_observation(request.auth, obs, based_on=named.revision, provenance=Provenance(via="api"))
    return Status(204, None)


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
    return [
        {
            "at": c.at,
            "action": c.action,
            "user__username": c.user.username if c.user else None,
            "source": c.source,
            "before": c.before,
            "after": c.after,
        }
        for c in reversed(history_of(obs))
    ]


# -- the write path's refusals as HTTP answers (registered by marsad.web.api) -------------------
UNKNOWN_OBJECTS = {"unknown_area", "unknown_indicator"}


def write_error_response(api, request, exc):
    """Refused 422 (per field; 404 when only unknown codes), NotAllowed 403, Locked 423,
    Conflict 409 with the current value."""
    from .messages import locked_message, not_allowed_message, problem_message
    from .writing import Conflict, Locked, NotAllowed

    if isinstance(exc, Refused) and all(p.code in UNKNOWN_OBJECTS for p in exc.problems):
        # An area or indicator code that names nothing: 404, as for every unknown object.
        detail = "; ".join(f"{p.field}: {problem_message(p)}" for p in exc.problems)
        return api.create_response(request, {"detail": detail}, status=404)
    if isinstance(exc, Refused):
        detail = [
            {"loc": ["body", p.field], "msg": f"{p.field}: {problem_message(p)}", "type": p.code}
            for p in exc.problems
        ]
        return api.create_response(request, {"detail": detail}, status=422)
    if isinstance(exc, NotAllowed):
        return api.create_response(request, {"detail": not_allowed_message(exc.area)}, status=403)
    if isinstance(exc, Locked):
        return api.create_response(request, {"detail": locked_message(exc.approval)}, status=423)
    if isinstance(exc, Conflict):
        current = _observation_body(exc.current.pk) if exc.current is not None else None
        if current is None:
            detail = _("This observation was deleted since revision %(rev)s.") % {"rev": exc.based_on}
        else:
            detail = _(
                "This observation changed since revision %(rev)s: it is now revision %(now)s. "
                "Read it again and send its revision."
            ) % {"rev": exc.based_on, "now": current["revision"]}
        body = {
            "detail": detail,
            "current": ObservationOut.model_validate(current).model_dump(mode="json") if current else None,
        }
        return api.create_response(request, body, status=409)
    raise exc
