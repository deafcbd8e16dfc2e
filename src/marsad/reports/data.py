"""A review's report data from the database: observations, targets, difficulties, the directives
for the next period and the communes' recommendations of one area and period.

Everything is read here and handed, as plain records, to the pure core's
``report_data_from_observations``; the narration and the renderers never see a model.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.db.models import Q

from marsad.analytics import service
from marsad.analytics.reading import catalogue
from marsad.core import periods, steering
from marsad.core.narration import ReportData, report_data_from_observations
from marsad.core.narration.data import (
    IndicatorRow,
    Lagging,
    LaggingCommune,
    SeriesPoint,
    Standing,
    TargetRow,
    Text,
    default_as_of,
)
from marsad.core.numbers import round_half_up


def area_names(area) -> dict[str, str]:
    return {"ar": area.name_ar or area.name_en, "vi": area.name_vi or area.name_en, "en": area.name_en}


def _kind(area) -> str:
    return area.kind if area.kind in ("city", "province", "commune", "ward", "special_zone") else area.level


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
    """The tasks set for ``period`` (at the previous review), per unit, in the Government
    Office's four classes as of ``as_of``: the steering summary by unit (the province's own units
    one by one, then the communes and wards together), so the report and the summary page agree."""
    from marsad.directives import summary

    qs = summary.select(area=area, period=period.code)
    keys = ("done_on_time", "done_late", "within_deadline", "overdue")
    rows = []
    for r in summary.by_unit(qs, today=as_of, level="province"):
        counts = r.follow_up.as_dict()
        unit = r.unit
        rows.append(
            {
                "unit": {"ar": unit.name_ar, "vi": unit.name_vi, "en": unit.name_en},
                **{k: counts[k] for k in keys},
            }
        )
    communes = summary.by_unit(qs, today=as_of, level="commune")
    if communes:
        total = sum((r.follow_up for r in communes), steering.FollowUp()).as_dict()
        rows.append({"unit": None, "communes": len(communes), **{k: total[k] for k in keys}})
    return rows


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
    data = report_data_from_observations(
        (),
        area_code=area.code,
        area_names=area_names(area),
        area_level=_kind(area),
        period=p,
        difficulties=difficulties,
        directives=_directives(area, following, as_of),
        directives_period=following.code,
        recommendations=recommendations,
        as_of=as_of,
        conclusions=conclusions,
        follow_up=_follow_up(area, p, as_of),
        form=form_of(area, number),
    )
    # The figures and the target verdicts are the analytics service's: the dashboard's and the API's.
    figs = service.figures(area, p)
    verdicts = service.target_verdicts(area, p)
    rows = _with_central(_rows(figs), verdicts)
    return replace(
        data,
        rows=rows,
        targets=_target_rows(figs, p, verdicts),
        series=_series(figs, p),
        standings=_standings(area, p, rows),
        lagging=_lagging(area, p),
    )


# Figures a report compares with the other provinces: growth, where more is better.
COMPARED = ("grdp", "budget_revenue", "exports", "retail_sales", "iip", "investment_capital")


def _standings(area, p: periods.Period, rows) -> tuple[Standing, ...]:
    """Rank among the provinces and in the region, and the nation's figure (analytics service)."""
    if area.level != area.Level.PROVINCE:
        return ()
    have = {r.indicator for r in rows if r.yoy_pct is not None}
    out = []
    for code in COMPARED:
        if code not in have:
            continue
        st = service.standing(area, code, p, "yoy_pct")
        if st is None or st["of"] < 2:
            continue
        out.append(
            Standing(
                indicator=code,
                measure="yoy_pct",
                value=_r(st["value"]),
                rank=st["rank"],
                of=st["of"],
                provinces=st["provinces"],
                region=st["region"],
                region_rank=st["region_rank"] if st["region_of"] >= 2 else None,
                region_of=st["region_of"],
                national=_r(st["national"]),
            )
        )
    return tuple(out)


def _lagging(area, p: periods.Period, limit: int = 10) -> Lagging | None:
    found = service.lagging_communes(area, p, limit=limit)
    if not found or not found["rows"]:
        return None
    from marsad.observations.models import Observation

    count = (
        Observation.objects.filter(
            area__in=area.__class__.objects.subtree(area).filter(level=area.Level.COMMUNE),
            period=p.code,
            measure=found["measure"],
            indicator=found["indicator"],
        )
        .exclude(status="plan")
        .values("area")
        .distinct()
        .count()
    )
    return Lagging(
        indicator=found["indicator"].code,
        measure=found["measure"],
        reference=_r(found["reference"]),
        count=count,
        communes=tuple(LaggingCommune(Text(area_names(r["area"])), _r(r["value"])) for r in found["rows"]),
    )


# Rows a report states: an indicator with an observed measure of the period, or a level the
# area's own figures add up to (9M from quarters), or that its communes / provinces sum to.
ROW_METHODS = (
    "observed",
    "sum_of_pieces",
    "difference_of_spans",
    "communes",
    "provinces",
    "merged_provinces",
)
MEASURES = ("level", "yoy_pct", "plan_pct", "share_pct", "contribution_pp")


def _r(value: float | None) -> float | None:
    return None if value is None else round_half_up(value, 2)


def _rows(figs) -> tuple[IndicatorRow, ...]:
    rules = catalogue()
    order = {code: i for i, code in enumerate(rules)}
    rows = []
    year_before = periods.parse(figs.period).shift_years(-1).code
    for code in sorted(figs.indicators(), key=lambda c: order.get(c, 999)):
        level = figs.get(code)
        measures = {m: figs.get(code, m) for m in MEASURES}
        if not (
            (level is not None and level.method in ROW_METHODS)
            or any(f is not None and not f.derived for f in measures.values())
        ):
            continue
        parent = rules[code].parent if code in rules else None
        rows.append(
            IndicatorRow(
                indicator=code,
                unit=(level.unit if level else "") or (rules[code].unit if code in rules else ""),
                level=_r(level.value) if level else None,
                qualifier=level.qualifier if level else "exact",
                status=level.status if level else "official",
                yoy_pct=_r(figs.value(code, "yoy_pct")),
                plan_pct=_r(figs.value(code, "plan_pct")),
                share_pct=_r(figs.value(code, "share_pct")),
                contribution_pp=_r(figs.value(code, "contribution_pp")),
                parent=parent if parent and figs.get(parent) is not None else None,
                level_year_before=_r(figs.value(code, "level", year_before)),
                plan_level=_r(_plan_level(figs, code)),
            )
        )
    return tuple(rows)


def _plan_level(figs, code: str) -> float | None:
    """The year's plan (target) level of an indicator: what the appendix's first column shows."""
    return figs.value(code, "level", figs.period[:4], plan=True)


def _with_central(rows, verdicts) -> tuple[IndicatorRow, ...]:
    """A budget's second estimate (the central government's) on its row: its level and how much
    of it the year to date reached, beside the plan's (the People's Council's) % of plan."""
    central = {v.indicator: v for v in verdicts if v.basis == "central" and v.measure == "level"}
    out = []
    for row in rows:
        v = central.get(row.indicator)
        if v is not None and v.value:
            pct = None if v.achieved is None else _r(v.achieved / v.value * 100)
            row = replace(
                row, central_level=_r(v.value), central_pct=pct if row.plan_pct is not None else None
            )
        out.append(row)
    return tuple(out)


def _target_rows(figs, p: periods.Period, verdicts=None) -> tuple[TargetRow, ...]:
    from marsad.core.analytics.growth_needed import growth_needed_for

    rest = p.remainder_of_year()
    remaining = None
    if rest:
        try:
            remaining = periods.span(rest[0], rest[-1]).code
        except periods.PeriodError:  # April-December has no code: the report says "rest of the year"
            remaining = None
    rows = []
    for v in verdicts if verdicts is not None else service.target_verdicts(figs.area, p):
        needed = None
        if v.status in ("on_track", "at_risk"):
            if v.measure == "yoy_pct":
                try:
                    g = growth_needed_for(
                        figs.base, figs.area, v.indicator, v.period, target_yoy=v.value, catalogue=catalogue()
                    )
                    needed = None if g.weight_assumed else _r(g.growth_needed_pct)
                except (ValueError, KeyError):
                    needed = None
            elif v.achieved is not None and v.achieved < v.value:
                needed = _r(v.value - v.achieved)
        rows.append(
            TargetRow(
                indicator=v.indicator,
                period=str(v.year),
                measure=v.measure,
                value=v.value,
                unit=v.unit or ("%" if v.measure != "level" else ""),
                qualifier=v.qualifier,
                achieved=_r(v.achieved),
                status=v.status,
                needed=needed,
                remaining_period=remaining if p.length != 12 else None,
                basis=v.basis,
            )
        )
    return tuple(rows)


def _series(figs, p: periods.Period) -> tuple[SeriesPoint, ...]:
    """Quarterly growth of this year and last, up to the period: the report's growth line."""
    points = []
    for f in figs.figures.values():
        if f.measure != "yoy_pct" or f.plan:
            continue
        q = periods.parse(f.period)
        if q.kind is periods.Kind.QUARTER and p.year - 1 <= q.year and q.end <= p.end:
            points.append(SeriesPoint(f.indicator, q.code, "yoy_pct", _r(f.value)))
    return tuple(sorted(points, key=lambda s: (periods.parse(s.period), s.indicator)))
