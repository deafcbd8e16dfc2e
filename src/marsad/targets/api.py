"""API: planned values (targets) by area, indicator and year."""

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from marsad.areas.models import Area
from marsad.web.apikit import AREA_CODE_PATTERN, ERRORS, Pagination, clean_text, viewable_area

from .models import Target

router = Router(tags=["targets"])


class TargetOut(Schema):
    id: int
    area: str = Field(alias="area__code")
    indicator: str = Field(alias="indicator__code")
    year: int
    measure: str
    value: float
    unit: str
    qualifier: str
    document: int | None = Field(None, alias="document_id")
    span_start: int | None
    span_end: int | None
    note: str


TARGET_VALUES = (
    "id",
    "area__code",
    "indicator__code",
    "year",
    "measure",
    "value",
    "unit",
    "qualifier",
    "document_id",
    "span_start",
    "span_end",
    "note",
)


class TargetFilters(Schema):
    area: str | None = Field(None, pattern=AREA_CODE_PATTERN)
    subtree: bool = False
    indicator: str | None = Field(None, max_length=400, description="indicator code(s), comma-separated")
    year: int | None = Field(None, ge=1900, le=2999)
    measure: Target.Measure | None = None


@router.get("/targets", response={200: list[TargetOut], **ERRORS}, summary="List targets")
@paginate(Pagination)
def list_targets(request, filters: Query[TargetFilters]):
    user = request.auth
    qs = Target.objects.restrict(user)
    if filters.area:
        area = viewable_area(user, filters.area)
        qs = qs.filter(area__in=Area.objects.subtree(area)) if filters.subtree else qs.filter(area=area)
    if filters.indicator:
        qs = qs.filter(indicator__code__in=[c.strip() for c in clean_text(filters.indicator).split(",")])
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.measure:
        qs = qs.filter(measure=filters.measure)
    return qs.order_by("id").values(*TARGET_VALUES)
