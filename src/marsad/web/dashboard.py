"""What an area's dashboard shows for a period, assembled from observations by the analytics core.

Every panel is optional: a missing input gives an empty panel (the template says "no data"),
never an error page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count

from marsad.areas.models import Area
from marsad.core import periods as P
from marsad.indicators.models import Indicator
from marsad.observations.models import Observation
from marsad.targets.models import Target

log = logging.getLogger(__name__)

# Shown when no indicator is flagged as headline in the catalogue.
HEADLINE_CODES = (
    "grdp",
    "budget_revenue",
    "exports",
    "retail_sales",
    "investment_capital",
    "public_investment_disbursed",
    "fdi_registered",
    "visitors",
    "new_enterprises",
    "iip",
    "cpi",
)


@dataclass
class Card:
    indicator: Indicator
    level: float | None = None
    unit: str = ""
    yoy_pct: float | None = None
    plan_pct: float | None = None
    target: Target | None = None
    target_status: str = ""  # met, missed, on_track, at_risk, "" (no target)
    derived: set[str] = field(default_factory=set)  # measures computed rather than observed


@dataclass
class Sector:
    indicator: Indicator
    level: float | None
    share_pct: float | None
    contribution_pp: float | None
    yoy_pct: float | None


@dataclass
class Needed:
    indicator: Indicator
    target: Target
    growth_needed_pct: float
    remainder: tuple[str, ...]
    already_met: bool
    weight_assumed: bool


@dataclass
class Dashboard:
    area: Area
    period: P.Period
    cards: list[Card] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    sector_parent: Indicator | None = None
    needed: list[Needed] = field(default_factory=list)
    lagging: list[dict] = field(default_factory=list)
    lagging_indicator: Indicator | None = None
    lagging_measure: str = ""
    lagging_reference: float | None = None
    series: list[tuple[str, float]] = field(default_factory=list)
    series_indicator: Indicator | None = None
    overdue: list[Any] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)


def latest_period(area: Area) -> P.Period | None:
    """The most recent period the area has data for (the longer span when two end together)."""
    codes = set(
        Observation.objects.filter(area=area)
        .exclude(status="plan")
        .values_list("period", flat=True)
        .distinct()
    )
    parsed = [p for p in (_parse(c) for c in codes) if p is not None]
    if not parsed:
        return None
    return max(parsed, key=lambda p: (p.end, p.length))


def available_periods(area: Area) -> list[str]:
    codes = set(
        Observation.objects.filter(area=area)
        .exclude(status="plan")
        .values_list("period", flat=True)
        .distinct()
    )
    parsed = [p for p in (_parse(c) for c in codes) if p is not None]
    return [p.code for p in sorted(parsed, key=lambda p: (p.end, p.length), reverse=True)]


def _parse(code: str) -> P.Period | None:
    try:
        return P.parse(code)
    except P.PeriodError:
        return None


def catalogue() -> dict[str, Any]:
    from marsad.observations.analytics_api import catalogue as rules

    return rules()


def records_for(area: Area, years: list[int]) -> list[dict]:
    from marsad.observations.query import area_records

    return area_records(area, [c for y in years for c in (p.code for p in P.periods_of_year(y))])


_CACHED = (
    "periods",
    "cards",
    "sector_parent",
    "sectors",
    "needed",
    "series_indicator",
    "series",
    "lagging",
    "lagging_indicator",
    "lagging_measure",
    "lagging_reference",
)


def _data_version(area: Area, period: P.Period) -> tuple:
    """Changes whenever an observation or target the dashboard reads may have changed."""
    from django.db.models import Max

    from marsad.audit.models import ChangeRecord

    changes = ChangeRecord.objects.aggregate(n=Count("id"), last=Max("id"))
    own = Observation.objects.filter(area=area).aggregate(n=Count("id"), last=Max("updated_at"))
    targets = Target.objects.filter(area=area, year=period.year).aggregate(n=Count("id"), last=Max("id"))
    return (changes["n"], changes["last"], own["n"], str(own["last"]), targets["n"], targets["last"])


def build(area: Area, period: P.Period, user=None) -> Dashboard:
    """The dashboard; the observation-derived panels are cached until the data changes."""
    from django.core.cache import cache

    version = ":".join(map(str, _data_version(area, period)))
    key = f"marsad:dashboard:{area.pk}:{period.code}:{version}".replace(" ", "_")
    parts = cache.get(key)
    if parts is None:
        board = _build(area, period)
        cache.set(key, {name: getattr(board, name) for name in _CACHED}, 600)
    else:
        board = Dashboard(area=area, period=period, **parts)
    board.overdue = _overdue(area, user)
    return board


def _build(area: Area, period: P.Period) -> Dashboard:
    board = Dashboard(area=area, period=period, periods=available_periods(area))
    records = records_for(area, [period.year - 1, period.year])
    rules = catalogue() if records else {}
    base = _fact_base(records, rules)
    indicators = {i.code: i for i in Indicator.objects.all()}
    targets = {
        (t.indicator.code, t.measure): t
        for t in Target.objects.filter(area=area, year=period.year).select_related("indicator")
    }
    if base is not None:
        board.cards = _cards(base, area, period, indicators, targets, rules)
        board.sector_parent, board.sectors = _sectors(base, area, period, indicators, rules)
        board.needed = _needed(base, area, period, board.cards, rules)
        board.series_indicator, board.series = _series(base, area, period, board.cards)
    _lagging(board)
    return board


def _fact_base(records: list[dict], rules: dict):
    if not records:
        return None
    from marsad.core.analytics.derive import fact_base

    base = fact_base(records, rules)
    try:
        base.derive()
    except Exception:  # a rule failing must not take the dashboard down; show what is observed
        log.exception("derivation failed for %s", records[0]["area"])
    return base


def _cards(base, area: Area, period: P.Period, indicators: dict, targets: dict, rules: dict) -> list[Card]:
    rank = {code: n for n, code in enumerate(HEADLINE_CODES)}
    flagged = sorted(
        (i for i in indicators.values() if i.headline), key=lambda i: (rank.get(i.code, 99), i.code)
    )
    order = flagged or [indicators[c] for c in HEADLINE_CODES if c in indicators]
    seen = {f.indicator for f in base.facts.values() if f.area == area.code and f.period == period.code}
    if flagged:  # headline first, then any other indicator with data this period
        order += sorted(
            (indicators[c] for c in seen if c in indicators and indicators[c] not in order),
            key=lambda i: i.code,
        )
    cards = []
    for ind in order:
        if ind.code not in seen:
            continue
        card = Card(indicator=ind, unit=ind.unit)
        for measure in ("level", "yoy_pct", "plan_pct"):
            fact = base.get(area.code, ind.code, period.code, measure)
            if fact is None:
                continue
            setattr(card, measure, fact.value)
            if measure == "level" and fact.unit:
                card.unit = fact.unit
            if fact.derived:
                card.derived.add(measure)
        if card.level is None and card.yoy_pct is None and card.plan_pct is None:
            continue
        _judge_target(card, period, targets, rules)
        cards.append(card)
    return cards


def _judge_target(card: Card, period: P.Period, targets: dict, rules: dict) -> None:
    from marsad.core.analytics.targets import judge_target

    code = card.indicator.code
    growth = targets.get((code, "yoy_pct"))
    level = targets.get((code, "level"))
    flow = getattr(rules.get(code), "time_aggregation", "flow") == "flow"
    if growth is not None and card.yoy_pct is not None:
        card.target = growth
        achieved = card.yoy_pct
    elif level is not None:
        card.target = level
        if card.plan_pct is None and card.level is not None and level.value:
            card.plan_pct = 100 * card.level / level.value
            card.derived.add("plan_pct")
        achieved = card.level
        if achieved is None and card.plan_pct is not None:
            achieved = card.plan_pct / 100 * level.value
    else:
        return
    card.target_status = judge_target(
        measure=card.target.measure,
        value=card.target.value,
        qualifier=card.target.qualifier,
        period=period,
        achieved=achieved,
        flow=flow,
    ).status
    if card.target_status == "unknown":
        card.target_status = ""


def _sectors(base, area: Area, period: P.Period, indicators: dict, rules: dict):
    from marsad.core.analytics.frames import children_of

    for parent_code in ("grdp",) + tuple(
        sorted({r.parent for r in rules.values() if getattr(r, "parent", None)})
    ):
        parts = children_of(rules, parent_code)
        rows = []
        for code in parts:
            values = {
                m: base.value(area.code, code, period.code, m)
                for m in ("level", "share_pct", "contribution_pp", "yoy_pct")
            }
            if any(v is not None for v in values.values()) and code in indicators:
                rows.append(Sector(indicator=indicators[code], **values))
        if rows and parent_code in indicators:
            return indicators[parent_code], rows
    return None, []


def _needed(base, area: Area, period: P.Period, cards: list[Card], rules: dict) -> list[Needed]:
    if period.end.month == 12:
        return []  # the year is over: nothing left to grow (Q3 and 9M both mean "after September")
    from marsad.core.analytics.growth_needed import growth_needed_for

    out = []
    for card in cards:
        t = card.target
        if t is None or t.measure not in ("yoy_pct", "level"):
            continue
        rule = rules.get(card.indicator.code)
        if rule is not None and getattr(rule, "time_aggregation", "flow") != "flow":
            continue
        kwargs = {"target_yoy": t.value} if t.measure == "yoy_pct" else {"target_level": t.value}
        try:
            result = growth_needed_for(
                base, area.code, card.indicator.code, period.code, catalogue=rules, **kwargs
            )
        except Exception:  # not enough data for this indicator: leave it out
            continue
        out.append(
            Needed(
                indicator=card.indicator,
                target=t,
                growth_needed_pct=result.growth_needed_pct,
                remainder=tuple(getattr(result, "remainder", ()) or ()),
                already_met=result.already_met,
                weight_assumed=result.weight_assumed,
            )
        )
    return out


def _series(base, area: Area, period: P.Period, cards: list[Card]):
    """The first headline indicator's levels over the quarters (else years) known for the area."""
    for card in cards:
        code = card.indicator.code
        facts = [
            f
            for f in base.facts.values()
            if f.area == area.code and f.indicator == code and f.measure == "level" and not f.is_plan
        ]
        by_period = {f.period: f.value for f in facts}
        quarters = sorted(
            (p for p in map(_parse, by_period) if p and p.length == 3 and p.quarter_aligned),
            key=lambda p: p.start,
        )
        if len(quarters) >= 2:
            return card.indicator, [(p.code, by_period[p.code]) for p in quarters if p.end <= period.end]
    return None, []


def _lagging(board: Dashboard) -> None:
    """Communes under the area whose growth (else plan reached) is lowest in the period."""
    area = board.area
    if area.level == Area.Level.COMMUNE:
        return
    communes = Area.objects.subtree(area).filter(level=Area.Level.COMMUNE)
    qs = Observation.objects.filter(area__in=communes, period=board.period.code).exclude(status="plan")
    for measure in ("plan_pct", "yoy_pct"):
        pick = (
            qs.filter(measure=measure)
            .values("indicator")
            .annotate(n=Count("id"))
            .order_by("-n", "indicator")
            .first()
        )
        if pick is None:
            continue
        rows = (
            qs.filter(measure=measure, indicator_id=pick["indicator"])
            .select_related("area")
            .order_by("value")
        )
        values = [o.value for o in rows]
        mean = sum(values) / len(values)
        board.lagging_indicator = Indicator.objects.get(pk=pick["indicator"])
        board.lagging_measure = measure
        board.lagging_reference = mean
        board.lagging = [
            {"area": o.area, "value": o.value, "gap": o.value - mean} for o in rows if o.value < mean
        ][:10]
        return


def _overdue(area: Area, user) -> list:
    from marsad.directives import summary, tracking
    from marsad.directives.models import Assignment

    qs = Assignment.objects.all()
    if user is not None:
        qs = tracking.visible_assignments(user)
    qs = summary.select(area=area, queryset=qs)
    return list(
        qs.with_live_status("overdue").select_related("directive", "organisation").order_by("deadline")[:10]
    )
