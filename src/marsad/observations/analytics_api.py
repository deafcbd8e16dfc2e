"""API: the figures of one area and period, from the analytics service (``marsad.analytics``).

``/analytics/figures`` gives every figure with how it was reached (``method``), what it was
computed from (``inputs``: observation ids or other figures' keys), the other routes to it and
where they disagree, on either boundary basis, and the year's targets judged.
``/analytics/derived`` is the same figures in the flat row layout of earlier versions.
"""

from __future__ import annotations

from typing import Literal

from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from marsad.analytics import service
from marsad.core import periods
from marsad.web.apikit import AREA_CODE_PATTERN, ERRORS, Filters, clean_text, viewable_area

router = Router(tags=["analytics"])

Basis = Literal["current", "historical"]


class FigureFilters(Filters):
    area: str = Field(..., pattern=AREA_CODE_PATTERN, examples=["VN-24"])
    period: str = Field(..., pattern=periods.CODE_PATTERN, examples=["2025-9M"])
    basis: Basis = Field("current", description="today's 34 provinces, or the 63 as they were")
    indicator: str | None = Field(None, max_length=400, description="indicator code(s), comma-separated")


class RouteOut(Schema):
    method: str
    value: float
    qualifier: str
    count: int
    expected: int


class DisagreementOut(Schema):
    indicator: str
    period: str
    measure: str
    value: float = Field(..., description="the figure shown")
    other: float = Field(..., description="what the other route or check gives")
    method: str
    gap: float = Field(..., description="other - value")
    gap_pct: float | None
    inputs: list[str]
    message: str


class FigureOut(Schema):
    id: str
    indicator: str
    period: str
    measure: str
    value: float
    unit: str
    qualifier: str
    status: str
    method: str
    inputs: list[str]
    derived: bool
    plan: bool
    count: int = Field(..., description="children summed (communes, provinces), when summed")
    expected: int = Field(..., description="children there are")
    routes: list[RouteOut]
    disagreements: list[DisagreementOut]


class VerdictOut(Schema):
    indicator: str
    measure: str
    target: float
    qualifier: str
    period: str
    achieved: float | None
    status: str
    source: str


class FiguresOut(Schema):
    area: str
    period: str
    basis: str
    agree: bool
    figures: list[FigureOut]
    disagreements: list[DisagreementOut]
    targets: list[VerdictOut]


def _wanted(indicator: str | None) -> set[str] | None:
    if not indicator:
        return None
    return {c.strip() for c in clean_text(indicator).split(",") if c.strip()}


def _figures(request, filters):
    area = viewable_area(request.auth, filters.area)
    try:
        period = periods.parse(filters.period)
    except periods.PeriodError as exc:
        raise HttpError(422, exc.in_language(get_language())) from exc
    return area, period, service.figures(area, period, filters.basis)


@router.get(
    "/analytics/figures",
    response={200: FiguresOut, **ERRORS},
    summary="The figures of one area and period, with their provenance and disagreements",
    description="Each figure of the period's year and the year before: value, how it was reached "
    "(`method`: observed, sum_of_pieces, communes, provinces, merged_provinces, yoy_from_levels ...), "
    "its `inputs`, the other routes to it and the `disagreements` (with their gap). "
    "`basis=historical` gives the provinces as they were before the 2025 merger.",
)
def figures(request, filters: Query[FigureFilters]):
    area, period, figs = _figures(request, filters)
    wanted = _wanted(filters.indicator)
    rows = [f.as_dict() for f in figs.figures.values() if wanted is None or f.indicator in wanted]
    rows.sort(key=lambda r: (r["indicator"], r["period"], r["measure"], r["plan"]))
    verdicts = [
        {
            "indicator": v.indicator,
            "measure": v.measure,
            "target": v.value,
            "qualifier": v.qualifier,
            "period": v.period,
            "achieved": v.achieved,
            "status": v.status,
            "source": v.source,
        }
        for v in service.target_verdicts(area, period, filters.basis)
        if wanted is None or v.indicator in wanted
    ]
    disagreements = [d for f in rows for d in f["disagreements"]]
    return {
        "area": area.code,
        "period": period.code,
        "basis": figs.basis,
        "agree": not disagreements if wanted else figs.agree,
        "figures": rows,
        "disagreements": disagreements if wanted else [f for f in figs.as_dict()["disagreements"]],
        "targets": verdicts,
    }


class DerivedRow(Schema):
    indicator: str
    period: str
    measure: str
    value: float
    unit: str
    status: str
    qualifier: str
    derived: bool
    method: str
    inputs: list[str]


class DerivedOut(Schema):
    area: str
    period: str
    rows: list[DerivedRow]


class DerivedFilters(Filters):
    area: str = Field(..., pattern=AREA_CODE_PATTERN, examples=["VN-24"])
    period: str = Field(..., pattern=periods.CODE_PATTERN, examples=["2025Q1"])
    basis: Basis = "current"
    indicator: str | None = Field(None, max_length=400, description="indicator code(s), comma-separated")


@router.get(
    "/analytics/derived",
    response={200: DerivedOut, **ERRORS},
    summary="Observed and derived measures of one area and period",
    description="The figures of the period alone, one row per measure (see /analytics/figures).",
)
def derived(request, filters: Query[DerivedFilters]):
    area, period, figs = _figures(request, filters)
    wanted = _wanted(filters.indicator)
    out = [
        {
            "indicator": f.indicator,
            "period": f.period,
            "measure": f.measure,
            "value": f.value,
            "unit": f.unit,
            "status": f.status,
            "qualifier": f.qualifier,
            "derived": f.derived,
            "method": f.method,
            "inputs": list(f.inputs),
        }
        for f in figs.figures.values()
        if f.period == period.code and not f.plan and (wanted is None or f.indicator in wanted)
    ]
    out.sort(key=lambda r: (r["indicator"], r["measure"], r["status"]))
    return {"area": area.code, "period": period.code, "rows": out}
