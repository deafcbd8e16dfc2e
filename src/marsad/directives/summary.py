"""The Government Office's follow-up summary, counted in the database.

"21,914 tasks: 16,051 done — 14,068 on time, 1,983 late; 5,863 not done — 5,640 within
deadline, 223 overdue". A task is an assignment (a unit's share of a directive); the status of
each is computed in SQL from its dates exactly as ``marsad.core.steering.classify`` does, as of
any date: an assignment made after that day is not counted, one completed after it is not done.
The summary comes by unit (the province's departments and committees) and by commune, in the
Government Office's four classes, due soon shown as a warning inside "within deadline".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from marsad.areas.models import Area
from marsad.core import periods, steering
from marsad.core.languages import LANGS

from .models import Assignment, Directive, Organisation


def as_of(queryset, today: date):
    """The assignments that existed on ``today``."""
    return queryset.filter(Q(assigned_on__isnull=True) | Q(assigned_on__lte=today))


def follow_up(queryset, *, today: date | None = None, days: int | None = None) -> steering.FollowUp:
    """Counts by status of a queryset of assignments, as of ``today``."""
    today = today or timezone.localdate()
    result = steering.FollowUp()
    rows = (
        as_of(queryset, today)
        .with_status(today, days)
        .order_by()
        .values("live_status")
        .annotate(n=Count("id"))
    )
    for row in rows:
        result.add(steering.Status(row["live_status"]), row["n"])
    return result


def periods_within(period: str) -> list[str]:
    """The directive period codes in use that lie inside ``period`` (2025 holds 2025Q4)."""
    outer = periods.parse(period)
    codes = Directive.objects.order_by().values_list("period", flat=True).distinct()
    inside = []
    for code in codes:
        try:
            if outer.contains(periods.parse(code)):
                inside.append(code)
        except periods.PeriodError:
            continue
    return inside


def select(
    *, area: Area | None = None, period: str | None = None, unit: Organisation | None = None, queryset=None
):
    """Assignments of units inside ``area``, of directives inside ``period``, of one ``unit``."""
    qs = queryset if queryset is not None else Assignment.objects.all()
    if area is not None and area.level != Area.Level.NATION:
        qs = qs.filter(organisation__area__in=Area.objects.subtree(area))
    if period:
        qs = qs.filter(directive__period__in=periods_within(period))
    if unit is not None:
        qs = qs.filter(organisation=unit)
    return qs


@dataclass
class UnitRow:
    unit: Organisation
    follow_up: steering.FollowUp


def by_unit(
    queryset, *, today: date | None = None, days: int | None = None, level: str | None = None
) -> list[UnitRow]:
    """One follow-up per unit, worst (most overdue) first; ``level`` "commune" for the communes'
    People's Committees only, "province" for the province's own units only."""
    today = today or timezone.localdate()
    per: dict[int, steering.FollowUp] = {}
    qs = as_of(queryset, today)
    if level == "commune":
        qs = qs.filter(organisation__area__level=Area.Level.COMMUNE)
    elif level == "province":
        qs = qs.exclude(organisation__area__level=Area.Level.COMMUNE)
    rows = (
        qs.with_status(today, days)
        .order_by()
        .values("organisation_id", "live_status")
        .annotate(n=Count("id"))
    )
    for row in rows:
        per.setdefault(row["organisation_id"], steering.FollowUp()).add(
            steering.Status(row["live_status"]), row["n"]
        )
    units = Organisation.objects.select_related("area").in_bulk(list(per))
    out = [UnitRow(units[pk], fu) for pk, fu in per.items()]
    out.sort(key=lambda r: (-r.follow_up.counts[steering.Status.OVERDUE], -r.follow_up.not_done, r.unit.code))
    return out


def _unit_rows(rows: list[UnitRow]) -> list[dict]:
    return [
        {
            "code": r.unit.code,
            "name": {"ar": r.unit.name_ar, "vi": r.unit.name_vi, "en": r.unit.name_en},
            "area": r.unit.area.code,
            **r.follow_up.as_dict(),
        }
        for r in rows
    ]


def summary(
    *,
    area: Area | None = None,
    period: str | None = None,
    unit: Organisation | None = None,
    today: date | None = None,
    per_unit: bool = False,
    queryset=None,
) -> dict:
    """The summary as plain data (for the CLI's --json, the API and the dashboard), as of ``today``."""
    today = today or timezone.localdate()
    qs = select(area=area, period=period, unit=unit, queryset=queryset)
    total = follow_up(qs, today=today)
    data = {
        "today": today.isoformat(),
        "area": area.code if area else None,
        "period": period,
        "unit": unit.code if unit else None,
        **total.as_dict(),
        "classes": {c.value: n for c, n in total.classes().items()},
        "sentence": {lang: steering.summary_sentence(total, lang) for lang in LANGS},
    }
    if per_unit:
        data["units"] = _unit_rows(by_unit(qs, today=today, level="province"))
        data["communes"] = _unit_rows(by_unit(qs, today=today, level="commune"))
    return data
