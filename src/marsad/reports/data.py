"""A review's report data from the database: observations, targets, difficulties, the directives
for the next period and the communes' recommendations of one area and period.

Everything is read here and handed, as plain records, to the pure core's
``report_data_from_observations``; the narration and the renderers never see a model.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from marsad.core import periods, steering
from marsad.core.narration import ReportData, report_data_from_observations
from marsad.core.narration.data import Text, default_as_of


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


def texts_of(item, field: str = "text") -> Text:
    """An item's text as written and its translations: ``text`` in ``language``, and
    ``text_ar``/``text_vi``/``text_en`` where a person gave them (``field`` = "cause" likewise)."""
    written = getattr(item, "language", "") or "ar"
    texts = {written: getattr(item, field, "")}  # the original first: what an untranslated report prints
    for lang in ("ar", "vi", "en"):
        if lang != written:
            texts[lang] = getattr(item, f"{field}_{lang}", "")
    return Text({k: v for k, v in texts.items() if v})


def _status_as_of(assignment, as_of: date) -> steering.Status:
    """The status on ``as_of``: a task completed after that day was not done yet."""
    from marsad.directives.models import due_soon_days

    completed = (
        assignment.completed_on if assignment.completed_on and assignment.completed_on <= as_of else None
    )
    return steering.classify(assignment.deadline, completed, as_of, due_soon_days())


def _directives(area, period: periods.Period, as_of: date) -> list[dict]:
    from marsad.directives.models import Directive

    items = []
    qs = (
        Directive.objects.filter(area=area, period=period.code, parent__isnull=True)
        .select_related("lead_unit")
        .prefetch_related("assignments")
    )
    for d in qs.order_by("number", "pk"):
        statuses = [_status_as_of(a, as_of) for a in d.assignments.all()]
        status = steering.rollup_status(statuses) if statuses else None
        lead = d.lead_unit
        items.append(
            {
                "text": texts_of(d).texts,
                "status": str(status) if status else "in_progress",
                "lead_unit": {"ar": lead.name_ar, "vi": lead.name_vi, "en": lead.name_en} if lead else None,
                "deadline": d.deadline.isoformat() if d.deadline else None,
                "delegated_to_commune": d.delegated,
            }
        )
    return items


def _follow_up(area, period: periods.Period, as_of: date) -> list[dict]:
    """The tasks set for ``period`` (at the previous review), per unit, in the four classes."""
    from marsad.directives.models import Assignment

    per: dict[int, dict] = {}
    qs = Assignment.objects.filter(directive__area=area, directive__period=period.code).select_related(
        "organisation"
    )
    for a in qs:
        unit = a.organisation
        row = per.setdefault(
            unit.pk,
            {
                "unit": {"ar": unit.name_ar, "vi": unit.name_vi, "en": unit.name_en},
                "done_on_time": 0,
                "done_late": 0,
                "within_deadline": 0,
                "overdue": 0,
            },
        )
        status = _status_as_of(a, as_of)
        key = (
            "within_deadline"
            if status in (steering.Status.IN_PROGRESS, steering.Status.DUE_SOON)
            else str(status)
        )
        row[key] += 1
    return sorted(per.values(), key=lambda r: (-r["overdue"], -r["within_deadline"], r["unit"]["en"] or ""))


def form_of(area, number: str = "") -> dict:
    """The area's document settings (entered in the app) as the report's form."""
    from marsad.reports.models import ReportSettings

    found = ReportSettings.objects.filter(area=area).first()
    if found is None:
        return {"number": number}
    out: dict = {"symbol": found.symbol or "BC-UBND", "number": number}
    for field in ReportSettings.PER_LANGUAGE:
        out[field] = {lang: found.value(field, lang) for lang in ("ar", "vi", "en")}
    names = {
        "vi": found.signer_name,
        "en": found.signer_name,
        "ar": found.signer_name_ar or found.signer_name,
    }
    out["signer_name"] = {k: v for k, v in names.items() if v}
    return out


def report_data_for(
    area, period: str | periods.Period, as_of: date | None = None, number: str = ""
) -> ReportData:
    """The report of ``area`` (an ``areas.Area``) for ``period``, as of ``as_of`` (default: the
    end of the month after the period); ``number`` is the document's number, when issued."""
    from marsad.directives.models import Difficulty, Recommendation
    from marsad.reports.models import Conclusion

    p = periods.parse(period)
    as_of = as_of or default_as_of(p)
    following = periods.next_period(p)
    difficulties = [
        {"text": texts_of(d), "cause": texts_of(d, "cause") if d.cause else None}
        for d in Difficulty.objects.filter(area=area, period=p.code).order_by("pk")
    ]
    recommendations = [
        texts_of(r)
        for r in Recommendation.objects.filter(Q(area=area) | Q(area__parent=area), period=p.code).order_by(
            "pk"
        )
    ]
    conclusions = [texts_of(c) for c in Conclusion.objects.filter(area=area, period=p.code).order_by("pk")]
    observations = [{**o, "area": area.code} for o in _observations(area, p)]
    return report_data_from_observations(
        observations,
        area_code=area.code,
        area_names=area_names(area),
        area_level=_kind(area),
        period=p,
        targets=_targets(area, p),
        difficulties=difficulties,
        directives=_directives(area, following, as_of),
        directives_period=following.code,
        recommendations=recommendations,
        as_of=as_of,
        conclusions=conclusions,
        follow_up=_follow_up(area, p, as_of),
        form=form_of(area, number),
    )
