"""API: the indicator catalogue (what is measured, its unit and how it aggregates)."""

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from marsad.web.apikit import ERRORS, clean_text

from .models import Indicator

router = Router(tags=["indicators"])


class IndicatorOut(Schema):
    code: str
    name_ar: str
    name_vi: str
    name_en: str
    unit: str
    area_aggregation: str
    time_aggregation: str
    parent: str | None = Field(None, alias="parent__code")
    decimals: int
    headline: bool


INDICATOR_VALUES = tuple(f if f != "parent" else "parent__code" for f in IndicatorOut.model_fields)


@router.get("/indicators", response={200: list[IndicatorOut], **ERRORS}, summary="List indicators")
def list_indicators(request):
    return list(Indicator.objects.order_by("code").values(*INDICATOR_VALUES))


@router.get("/indicators/{code}", response={200: IndicatorOut, **ERRORS}, summary="One indicator")
def get_indicator(request, code: str):
    indicator = get_object_or_404(Indicator, code=clean_text(code))
    return Indicator.objects.filter(pk=indicator.pk).values(*INDICATOR_VALUES).get()
