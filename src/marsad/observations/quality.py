"""Data quality of one area x period: consistency warnings and completeness (reporting rate).

Warnings are the analytics' own consistency checks (sectors + product taxes = GRDP, quarters =
year to date, growth = levels, % of plan = plan) run on the stored values; they are shown
beside the values on the entry grid and listed on the data quality page. Completeness is
DHIS2's reporting rate: of the units below an area (its communes), which have reported any
value for the period, and which expected values of the area itself are missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count

from marsad.areas.models import Area
from marsad.core.catalogue import load_catalogue

from .models import Approval, Observation

# The values every area is expected to report each period (the grid's first column).
EXPECTED_MEASURE = "level"


def consistency_warnings(area: Area, period: str, eastern_digits: bool = False) -> list[dict]:
    """Every disagreement that involves a value of ``area`` for ``period`` (the analytics
    service's checks of the stored values), its message in the language of the request."""
    from django.utils.translation import get_language

    from marsad.analytics import service
    from marsad.core.analytics.consistency import describe

    lang = (get_language() or "ar")[:2]
    return [
        {**item, "message": describe(item, lang, eastern_digits)}
        for item in service.consistency_warnings(area, period)
    ]


@dataclass
class Completeness:
    expected: list[str]  # indicator codes expected from the area itself
    missing: list[str]
    units: list[tuple[Area, int]] = field(default_factory=list)  # unit below, values reported

    @property
    def reported_units(self) -> int:
        return sum(1 for _, n in self.units if n)

    @property
    def reporting_rate(self) -> float | None:
        return 100 * self.reported_units / len(self.units) if self.units else None


def completeness(area: Area, period: str, status: str = "official") -> Completeness:
    expected = [code for code, ind in load_catalogue().items() if ind.headline or ind.parent is None]
    present = set(
        Observation.objects.filter(area=area, period=period, measure=EXPECTED_MEASURE).values_list(
            "indicator__code", flat=True
        )
    )
    units = list(Area.objects.filter(parent=area).current().order_by("name_en"))
    counts = _counts(units, period)
    return Completeness(
        expected=expected,
        missing=[c for c in expected if c not in present],
        units=[(u, counts.get(u.pk, 0)) for u in units],
    )


def _counts(units: list[Area], period: str) -> dict[int, int]:
    rows = (
        Observation.objects.filter(area__in=units, period=period)
        .values("area_id")
        .annotate(n=Count("id"))
        .values_list("area_id", "n")
    )
    return dict(rows)


def approvals(area: Area, period: str) -> list[Approval]:
    return list(
        Approval.objects.filter(area=area, period=period).select_related("approved_by", "unlocked_by")
    )
