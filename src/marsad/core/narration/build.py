"""Observations -> ReportData: the one step that turns stored figures into a report's data.

The database layer (or a file of observations) gives plain mappings with the import layout's
keys: ``area, indicator, period, measure, value, unit, status, qualifier``. What a report needs
beyond what was observed (growth from levels, sector shares, contributions to growth, the growth
still needed for a target) comes from the analytics core (``marsad.core.analytics``);
:func:`derive_measures` and the level formula in :func:`assess_target` fill what it leaves open
(and stand in, with a warning in the log, should it fail on unusual input).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from marsad.core import periods
from marsad.core.analytics.derive import derive
from marsad.core.analytics.growth_needed import growth_needed_for
from marsad.core.analytics.targets import judge_target, reaches
from marsad.core.catalogue import load_catalogue
from marsad.core.narration.data import (
    DifficultyItem,
    DirectiveItem,
    DocumentForm,
    IndicatorRow,
    ReportData,
    SeriesPoint,
    TargetRow,
    Text,
    UnitFollowUp,
    default_as_of,
)
from marsad.core.numbers import round_half_up

log = logging.getLogger(__name__)

MEASURES = ("level", "yoy_pct", "plan_pct", "share_pct", "contribution_pp")


def indicator_parents() -> dict[str, str]:
    """Parent of each indicator in a breakdown (GRDP = sectors + product taxes), from the catalogue."""
    return {code: ind.parent for code, ind in load_catalogue().items() if ind.parent}


def _r(value: float | None) -> float | None:
    return None if value is None else round_half_up(value, 2)


def _one_area(observations: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The observations with a number, as one area ("_") for the analytics core."""
    rows = ({**o, "area": "_", "value": _float(o.get("value"))} for o in observations)
    return [o for o in rows if o["value"] is not None]


# Derivations that may give a report a row it had no observation for: the figure of a span
# from its pieces (Q1 + Q2 + Q3 = 9 months) or the difference of two spans. A residual (GRDP
# minus the sectors) or a level rebuilt from a growth rate stays out of a report as a new row.
NEW_ROW_METHODS = ("sum_of_pieces", "difference_of_spans")


def derived_frame(observations: list[Mapping[str, Any]]):
    """The analytics core's observations-plus-derived-values frame of one area, or None."""
    try:
        return derive(_one_area(observations), load_catalogue())
    except Exception:  # noqa: BLE001 - a failure there must not stop the report; the fallback derives
        log.warning("analytics could not derive the report's measures; using the fallback", exc_info=True)
        return None


def complete_rows(frame, period: periods.Period, rows: dict[str, dict[str, Any]]) -> None:
    """Fill the rows' missing measures for ``period`` from the analytics core's derived values,
    and add the rows that are sums of observed pieces (see ``NEW_ROW_METHODS``)."""
    if frame is None:
        return
    mine = [r for r in frame.iter_rows(named=True) if r["period"] == period.code and r["status"] != "plan"]
    for r in mine:
        if r["measure"] == "level" and r["indicator"] not in rows and r["method"] in NEW_ROW_METHODS:
            rows[r["indicator"]] = {"indicator": r["indicator"], "unit": r["unit"]}
    for r in mine:
        row = rows.get(r["indicator"])
        if row is None or r["measure"] not in MEASURES or row.get(r["measure"]) is not None:
            continue
        row[r["measure"]] = _r(r["value"])
        if r["measure"] == "level":
            row["unit"] = r["unit"] or row.get("unit")
            row["qualifier"] = r["qualifier"] or "about"
            row["status"] = r["status"] or "estimate"


def derive_measures(rows: dict[str, dict[str, Any]], parents: Mapping[str, str]) -> None:
    """Fill in shares of the parent and contributions to its growth, where not observed.

    share = level / parent level; contribution (pp) = part's level a year ago / parent's level a
    year ago x part's growth, with a year-ago level recovered as level / (1 + growth).
    """
    for code, row in rows.items():
        parent = rows.get(parents.get(code, ""))
        if parent is None:
            continue
        row["parent"] = parent["indicator"]
        level, plevel = row.get("level"), parent.get("level")
        if row.get("share_pct") is None and level is not None and plevel:
            row["share_pct"] = _r(level / plevel * 100)
        g, pg = row.get("yoy_pct"), parent.get("yoy_pct")
        if row.get("contribution_pp") is None and None not in (level, plevel, g, pg) and plevel:
            before, pbefore = level / (1 + g / 100), plevel / (1 + pg / 100)
            row["contribution_pp"] = _r(before / pbefore * g)


def _growth_needed_by_analytics(
    observations: list[Mapping[str, Any]], target: Mapping[str, Any], period: periods.Period
) -> float | None:
    """The analytics core's growth still needed (it also reads last year's quarters), or None."""
    kind = "target_yoy" if target["measure"] == "yoy_pct" else "target_level"
    try:
        result = growth_needed_for(
            [o for o in _one_area(observations) if o.get("status") != "plan"],
            "_",
            target["indicator"],
            period.code,
            catalogue=load_catalogue(),
            **{kind: float(target["value"])},
        )
    except (ValueError, KeyError):  # not a flow, or not enough figures: nothing to say
        return None
    except Exception:  # noqa: BLE001 - as in derived_frame: fall back, but say so
        log.warning("analytics could not compute the growth still needed; using the fallback", exc_info=True)
        return None
    if result.weight_assumed:  # a guess at last year's weights is not a figure for a report
        return None
    return _r(result.growth_needed_pct)


def assess_target(
    target: Mapping[str, Any],
    period: periods.Period,
    row: Mapping[str, Any] | None,
    observations: list[Mapping[str, Any]] | None = None,
) -> TargetRow:
    """Where the area stands against a yearly target after ``period``, and what is still needed.

    The verdict is the analytics core's one target judgement (``judge_target``); what is still
    needed is the growth the rest of the year needs (the analytics core's ``growth_needed``) for
    a growth target, or the amount still to reach for a level or share target.
    """
    measure = target["measure"]
    value = float(target["value"])
    qualifier = target.get("qualifier") or "at_least"
    unit = target.get("unit") or ("%" if measure != "level" else "")
    rest = period.remainder_of_year()
    remaining = None
    if rest:
        try:
            remaining = periods.span(rest[0], rest[-1]).code
        except periods.PeriodError:  # e.g. April-December has no code: say "rest of the year"
            remaining = None
    achieved = None
    if row is not None:
        if measure == "yoy_pct":
            achieved = row.get("yoy_pct")
        elif measure == "level":
            achieved = row.get("level")
        else:
            achieved = row.get("share_pct") if row.get("share_pct") is not None else row.get("level")
    rule = load_catalogue().get(target["indicator"])
    flow = getattr(rule, "time_aggregation", "flow") == "flow"
    verdict = judge_target(
        measure=measure, value=value, qualifier=qualifier, period=period, achieved=achieved, flow=flow
    )
    needed = None
    if verdict.status not in ("met", "missed", "unknown"):
        if measure == "yoy_pct":
            if observations is not None:
                needed = _growth_needed_by_analytics(observations, target, period)
        elif not reaches(achieved, value, qualifier):
            needed = _r(value - achieved)
    return TargetRow(
        indicator=target["indicator"],
        period=str(target.get("period") or period.year),
        measure=measure,
        value=value,
        unit=unit,
        qualifier=qualifier,
        achieved=_r(achieved),
        status=verdict.status,
        needed=needed,
        remaining_period=remaining if period.length != 12 else None,
    )


def _matches_area(value: Any, area_code: str | None, area_names: Mapping[str, str]) -> bool:
    if value is None or value == "":
        return True
    text = str(value).strip().casefold()
    return text == (area_code or "").casefold() or text in {n.casefold() for n in area_names.values()}


def _float(value: Any) -> float | None:
    if value is None or value == "":
        return None
    return float(value)


def _in_series(op: periods.Period, p: periods.Period) -> bool:
    """A quarter of this year or last year, up to the report's period: the growth line's points."""
    return op.kind is periods.Kind.QUARTER and p.year - 1 <= op.year and op.end <= p.end


def _with_derived_series(series: list[SeriesPoint], frame, p: periods.Period) -> list[SeriesPoint]:
    """Quarterly growth the analytics core derived (from levels) where none was observed."""
    if frame is None:
        return series
    have = {(s.indicator, s.period) for s in series}
    out = list(series)
    for r in frame.iter_rows(named=True):
        if r["measure"] != "yoy_pct" or r["status"] == "plan" or (r["indicator"], r["period"]) in have:
            continue
        try:
            op = periods.parse(r["period"])
        except periods.PeriodError:
            continue
        if _in_series(op, p):
            out.append(SeriesPoint(r["indicator"], op.code, "yoy_pct", _r(r["value"])))
            have.add((r["indicator"], op.code))
    return out


def _period_code(obs: Mapping[str, Any]) -> str | None:
    try:
        return periods.parse(str(obs.get("period"))).code
    except periods.PeriodError:
        return None


def _rows_for(
    observations: list[Mapping[str, Any]], p: periods.Period, frame, parents: Mapping[str, str]
) -> dict[str, dict[str, Any]]:
    """Each indicator's measures for period ``p``: observed, then derived."""
    rows: dict[str, dict[str, Any]] = {}
    for obs in observations:
        measure = obs.get("measure") or "level"
        value = _float(obs.get("value"))
        status = obs.get("status") or "official"
        if value is None or measure not in MEASURES or status == "plan" or _period_code(obs) != p.code:
            continue
        row = rows.setdefault(obs["indicator"], {"indicator": obs["indicator"], "unit": None})
        row[measure] = value
        if measure == "level":
            row["unit"] = obs.get("unit") or row["unit"]
            row["qualifier"] = obs.get("qualifier") or "exact"
            row["status"] = status
        elif row["unit"] is None:
            row["unit"] = ""
    complete_rows(frame, p, rows)
    derive_measures(rows, parents)  # parents, and what analytics could not give
    return rows


def report_data_from_observations(
    observations: Iterable[Mapping[str, Any]],
    *,
    area_code: str | None,
    area_names: Mapping[str, str],
    period: str | periods.Period,
    area_level: str = "province",
    targets: Iterable[Mapping[str, Any]] = (),
    difficulties: Iterable[Any] = (),
    directives: Iterable[Mapping[str, Any]] = (),
    directives_period: str | None = None,
    directives_announced: int | None = None,
    recommendations: Iterable[Any] = (),
    parents: Mapping[str, str] | None = None,
    source_lang: str = "en",
    as_of: date | str | None = None,
    conclusions: Iterable[Any] = (),
    follow_up: Iterable[Mapping[str, Any]] = (),
    form: DocumentForm | Mapping[str, Any] | None = None,
) -> ReportData:
    """Build the report of one area and period from its observations and qualitative items.

    Observations with status ``plan`` on a year are read as targets. Texts (difficulties,
    directives, recommendations, conclusions) are ``{"ar": ..., "vi": ..., "en": ...}`` or a
    plain string in ``source_lang``; a difficulty may also be ``{"text": ..., "cause": ...}``.
    ``as_of`` (default: the end of the month after the period) is the day the report is
    written: figures of periods that end after it are not known yet and stay out.
    ``follow_up`` gives, per unit, ``{"unit": texts, "done_on_time", "done_late",
    "within_deadline", "overdue"}`` (``"unit": None, "communes": n``: the communes together).
    """
    p = periods.parse(period)
    as_of = default_as_of(p) if as_of is None else as_of
    as_of = date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    parents = indicator_parents() if parents is None else parents
    targets = list(targets)
    series: list[SeriesPoint] = []
    area_observations: list[Mapping[str, Any]] = []
    for obs in observations:
        if not _matches_area(obs.get("area"), area_code, area_names):
            continue
        if _known_by(obs, as_of):
            area_observations.append(obs)
        code = obs["indicator"]
        measure = obs.get("measure") or "level"
        value = _float(obs.get("value"))
        if value is None or measure not in MEASURES:
            continue
        try:
            op = periods.parse(str(obs["period"]))
        except periods.PeriodError:
            continue
        status = obs.get("status") or "official"
        if status != "plan" and op.end > as_of:
            continue  # not known on the day the report is written
        if status == "plan":
            if op.length == 12:
                targets.append({**obs, "period": op.code, "value": value})
            continue
        if measure == "yoy_pct" and _in_series(op, p):
            series.append(SeriesPoint(code, op.code, measure, value))
    frame = derived_frame(area_observations) if area_observations else None
    rows = _rows_for(area_observations, p, frame, parents)
    series = _with_derived_series(series, frame, p)
    # Targets are for the year: where the area stands is the year to date (after Q3: 9 months).
    ytd = p.to_date_span()
    ytd_rows = rows if ytd == p else _rows_for(area_observations, ytd, frame, parents)
    before = _rows_for(area_observations, p.shift_years(-1), frame, parents)
    plan_levels = {
        t["indicator"]: float(t["value"])
        for t in targets
        if t.get("measure") == "level" and str(t.get("period") or p.year) == str(p.year)
    }
    target_rows = tuple(
        assess_target(t, ytd, ytd_rows.get(t["indicator"]), area_observations)
        for t in targets
        if str(t.get("period") or p.year) == str(p.year)
    )
    return ReportData(
        area_code=area_code,
        area_names=dict(area_names),
        period=p.code,
        area_level=area_level,
        rows=tuple(
            IndicatorRow(
                indicator=r["indicator"],
                unit=r.get("unit") or "",
                level=r.get("level"),
                qualifier=r.get("qualifier", "exact"),
                status=r.get("status", "official"),
                yoy_pct=r.get("yoy_pct"),
                plan_pct=r.get("plan_pct"),
                share_pct=r.get("share_pct"),
                contribution_pp=r.get("contribution_pp"),
                parent=r.get("parent"),
                level_year_before=(before.get(r["indicator"]) or {}).get("level"),
                plan_level=plan_levels.get(r["indicator"]),
            )
            for r in rows.values()
        ),
        targets=target_rows,
        difficulties=tuple(_difficulty(t, source_lang) for t in difficulties),
        directives=tuple(
            DirectiveItem(
                text=Text.of(d["text"], source_lang),
                status=d.get("status") or "in_progress",
                lead_unit=Text.of(d["lead_unit"], source_lang) if d.get("lead_unit") else None,
                deadline=date.fromisoformat(d["deadline"]) if d.get("deadline") else None,
                delegated_to_commune=bool(d.get("delegated_to_commune")),
            )
            for d in directives
        ),
        directives_period=directives_period,
        directives_announced=directives_announced,
        recommendations=tuple(Text.of(t, source_lang) for t in recommendations),
        series=tuple(sorted(series, key=lambda s: periods.parse(s.period))),
        as_of=as_of,
        conclusions=tuple(Text.of(t, source_lang) for t in conclusions),
        follow_up=tuple(
            UnitFollowUp(
                unit=Text.of(u["unit"], source_lang) if u.get("unit") else None,
                **{
                    k: int(u.get(k) or 0)
                    for k in ("done_on_time", "done_late", "within_deadline", "overdue", "communes")
                },
            )
            for u in follow_up
        ),
        form=_form(form, source_lang),
    )


def _known_by(obs: Mapping[str, Any], as_of: date) -> bool:
    """A plan is known from the start; a figure once its period has ended."""
    if (obs.get("status") or "official") == "plan":
        return True
    try:
        return periods.parse(str(obs.get("period"))).end <= as_of
    except periods.PeriodError:
        return False


def _difficulty(item: Any, lang: str) -> DifficultyItem:
    if isinstance(item, DifficultyItem):
        return item
    if isinstance(item, Mapping) and "text" in item:
        cause = item.get("cause")
        return DifficultyItem(Text.of(item["text"], lang), Text.of(cause, lang) if cause else None)
    return DifficultyItem(Text.of(item, lang))


def _form(form: DocumentForm | Mapping[str, Any] | None, lang: str) -> DocumentForm:
    """The document settings; texts given per language (``{"vi": ...}``) or as one string."""
    if form is None:
        return DocumentForm()
    if isinstance(form, DocumentForm):
        return form
    texts = (
        "issuing_body",
        "parent_body",
        "place",
        "signer_name",
        "signer_authority",
        "signer_title",
        "recipients",
    )
    values: dict[str, Any] = {}
    for key in texts:
        given = form.get(key)
        if isinstance(given, Mapping):
            given = {k: v for k, v in given.items() if v}
        values[key] = Text.of(given, lang) if given else None
    return DocumentForm(
        symbol=form.get("symbol") or "BC-UBND", number=str(form.get("number") or ""), **values
    )


def report_data_from_document(doc: Mapping[str, Any], period: str | None = None) -> ReportData:
    """A report file (JSON: area, period, observations, targets, difficulties, directives,
    recommendations) as ReportData; the CLI's ``--from-file`` reads this layout."""
    area = doc.get("area") or {}
    directives = doc.get("directives") or {}
    if isinstance(directives, list):
        directives = {"items": directives}
    return report_data_from_observations(
        doc.get("observations", ()),
        area_code=area.get("code"),
        area_names=area.get("names") or {"en": area.get("name", "")},
        area_level=area.get("level", "province"),
        period=period or doc["period"],
        targets=doc.get("targets", ()),
        difficulties=doc.get("difficulties", ()),
        directives=directives.get("items", ()),
        directives_period=directives.get("period"),
        directives_announced=directives.get("announced"),
        recommendations=doc.get("recommendations", ()),
        source_lang=doc.get("language", "en"),
        as_of=doc.get("as_of"),
        conclusions=doc.get("conclusions", ()),
        follow_up=doc.get("follow_up", ()),
        form=doc.get("form"),
    )
