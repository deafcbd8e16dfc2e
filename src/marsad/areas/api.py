"""API: administrative units (the nation, provinces, communes), within the user's scope."""

from datetime import date

from django.db.models import Q
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from marsad.web.apikit import AREA_CODE_PATTERN, ERRORS, Filters, Pagination, clean_text, viewable_area

from .models import Area

router = Router(tags=["areas"])


class AreaOut(Schema):
    code: str
    level: str
    kind: str
    name_vi: str
    name_en: str
    name_ar: str
    parent: str | None = Field(None, alias="parent__code")
    valid_from: date | None
    valid_to: date | None
    successor: str | None = Field(None, alias="successor__code")


AREA_VALUES = (
    "code",
    "level",
    "kind",
    "name_vi",
    "name_en",
    "name_ar",
    "parent__code",
    "valid_from",
    "valid_to",
    "successor__code",
)


class AreaFilters(Filters):
    level: Area.Level | None = None
    parent: str | None = Field(None, pattern=AREA_CODE_PATTERN, description="code of the parent area")
    q: str | None = Field(None, max_length=120, description="part of a name (any language) or code")
    include_closed: bool = Field(False, description="also list units closed by the 2025 merges")


@router.get("/areas", response={200: list[AreaOut], **ERRORS}, summary="List areas")
@paginate(Pagination)
def list_areas(request, filters: Query[AreaFilters]):
    qs = Area.objects.restrict(request.auth)
    if filters.level:
        qs = qs.filter(level=filters.level)
    if filters.parent:
        qs = qs.filter(parent__code=filters.parent.upper())
    if filters.q:
        text = clean_text(filters.q).strip()
        qs = qs.filter(
            Q(code__iexact=text)
            | Q(name_en__icontains=text)
            | Q(name_vi__icontains=text)
            | Q(name_ar__icontains=text)
        )
    if not filters.include_closed:
        qs = qs.filter(valid_to__isnull=True)
    return qs.order_by("code").values(*AREA_VALUES)


@router.get("/areas/{code}", response={200: AreaOut, **ERRORS}, summary="One area")
def get_area(request, code: str):
    area = viewable_area(request.auth, code)
    return Area.objects.filter(pk=area.pk).values(*AREA_VALUES).get()
