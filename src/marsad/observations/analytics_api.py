"""API: derived measures of one area and period (growth, plan reached, shares, contributions).

The arithmetic is the pure core's (``marsad.core.analytics.derive``); this route only reads the
area's observations of the period's year and the year before, and hands them over.
"""

from typing import Any

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from marsad.core import periods
from marsad.core.analytics.derive import derive
from marsad.indicators.models import Indicator
from marsad.web.apikit import AREA_CODE_PATTERN, ERRORS, clean_text, viewable_area

from .api import PERIOD_PATTERN
from .query import area_records

router = Router(tags=["analytics"])


class DerivedFilters(Schema):
    area: str = Field(..., pattern=AREA_CODE_PATTERN, examples=["VN-24"])
    period: str = Field(..., pattern=PERIOD_PATTERN, examples=["2025Q1"])
    indicator: str | None = Field(None, max_length=400, description="indicator code(s), comma-separated")


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


def catalogue() -> dict[str, Any]:
    """Each indicator's aggregation rule, as the analytics core reads it."""
    from marsad.core.analytics.frames import Rule

    return {
        code: Rule(area_aggregation=area_agg, time_aggregation=time_agg, parent=parent, unit=unit)
        for code, area_agg, time_agg, parent, unit in Indicator.objects.values_list(
            "code", "area_aggregation", "time_aggregation", "parent__code", "unit"
        )
    }


@router.get(
    "/analytics/derived",
    response={200: DerivedOut, **ERRORS},
    summary="Observed and derived measures of one area and period",
    description="Growth on the same period last year, % of plan, shares and contributions, each "
    "derived value with the rule (`method`) and the observations (`inputs`) it came from.",
)
def derived(request, filters: Query[DerivedFilters]):
    area = viewable_area(request.auth, filters.area)
    try:
        period = periods.parse(filters.period)
    except periods.PeriodError as exc:
        raise HttpError(422, str(exc)) from exc
    codes = [p.code for y in (period.year - 1, period.year) for p in periods.periods_of_year(y)]
    records = area_records(area, codes)
    wanted = None
    if filters.indicator:
        wanted = {c.strip() for c in clean_text(filters.indicator).split(",") if c.strip()}
    out = []
    if records:
        frame = derive(records, catalogue())
        for row in frame.iter_rows(named=True):
            if row["period"] != period.code or (wanted and row["indicator"] not in wanted):
                continue
            out.append({**row, "inputs": row["inputs"] or []})
    out.sort(key=lambda r: (r["indicator"], r["measure"], r["status"]))
    return {"area": area.code, "period": period.code, "rows": out}
