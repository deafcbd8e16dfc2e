"""A review's report data from the database: observations, targets, difficulties, the directives
for the next period and the communes' recommendations of one area and period.

Everything is read here and handed, as plain records, to the pure core's
``report_data_from_observations``; the narration and the renderers never see a model.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.utils import timezone

from marsad.core import periods
from marsad.core.narration import ReportData, report_data_from_observations
from marsad.core.narration.data import Text


def area_names(area) -> dict[str, str]:
    return {"ar": area.name_ar or area.name_en, "vi": area.name_vi or area.name_en, "en": area.name_en}


def _kind(area) -> str:
    return area.kind if area.kind in ("city", "province", "commune", "ward", "special_zone") else area.level


def _observations(area, p: periods.Period) -> list[dict]:
    from marsad.observations.query import observation_records

    # This year and last year: what the report states and what growth and targets need.
    records = observation_records([area.code])
    years = {str(p.year), str(p.year - 1)}
    return [r for r in records if str(r["period"])[:4] in years]


def _targets(area, p: periods.Period) -> list[dict]:
    from marsad.targets.models import Target

    return [
        {
            "indicator": t.indicator_id if isinstance(t.indicator_id, str) else t.indicator.code,
            "period": str(t.year),
            "measure": t.measure,
            "value": t.value,
            "unit": t.unit,
            "qualifier": t.qualifier,
        }
        for t in Target.objects.filter(area=area, year=p.year).select_related("indicator")
    ]


def _text_of(text: str, lang: str | None) -> Text:
    return Text({lang or "vi": text})


def _directives(area, period: periods.Period, today: date) -> list[dict]:
    from marsad.directives.models import Directive

    items = []
    qs = Directive.objects.filter(area=area, period=period.code, parent__isnull=True).select_related(
        "lead_unit"
    )
    for d in qs.order_by("number", "pk"):
        texts = {lang: getattr(d, f"text_{lang}", "") for lang in ("ar", "vi", "en")}
        texts[d.language] = texts.get(d.language) or d.text
        status = d.status(today)
        lead = d.lead_unit
        items.append(
            {
                "text": {k: v for k, v in texts.items() if v},
                "status": str(status) if status else "in_progress",
                "lead_unit": {"ar": lead.name_ar, "vi": lead.name_vi, "en": lead.name_en} if lead else None,
                "deadline": d.deadline.isoformat() if d.deadline else None,
                "delegated_to_commune": d.delegated,
            }
        )
    return items


def report_data_for(area, period: str | periods.Period, today: date | None = None) -> ReportData:
    """The report of ``area`` (an ``areas.Area``) for ``period``, as of ``today``."""
    from marsad.directives.models import Difficulty, Recommendation

    p = periods.parse(period)
    today = today or timezone.localdate()
    following = periods.next_period(p)
    difficulties = [
        _text_of(d.text, d.document.language if d.document_id else None)
        for d in Difficulty.objects.filter(area=area, period=p.code).select_related("document").order_by("pk")
    ]
    recommendations = [
        _text_of(r.text, r.document.language if r.document_id else None)
        for r in Recommendation.objects.filter(Q(area=area) | Q(area__parent=area), period=p.code)
        .select_related("document")
        .order_by("pk")
    ]
    observations = [{**o, "area": area.code} for o in _observations(area, p)]
    return report_data_from_observations(
        observations,
        area_code=area.code,
        area_names=area_names(area),
        area_level=_kind(area),
        period=p,
        targets=_targets(area, p),
        difficulties=difficulties,
        directives=_directives(area, following, today),
        directives_period=following.code,
        recommendations=recommendations,
    )
