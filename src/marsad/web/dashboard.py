"""What an area's dashboard shows for a period: the analytics service's figures, laid out.

Every number comes from ``marsad.analytics.service`` (the one engine): the cards, the sector
structure, the growth still needed, the series, the lagging communes and the rank among the
provinces. Every panel is optional: a missing input gives an empty panel (the template says
"no data"), never an error page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from marsad.areas.models import Area
from marsad.core import periods as P
from marsad.indicators.models import Indicator
from marsad.observations.models import Observation

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
    target: Any = None  # the service's Verdict: value, measure, qualifier, judgement
    target_status: str = ""  # one of core.analytics.targets.VERDICTS when the card has a target
    derived: set[str] = field(default_factory=set)  # measures computed rather than observed
    figures: dict[str, Any] = field(default_factory=dict)  # measure -> Figure (method, inputs ...)
    rank: dict | None = None  # among the provinces with a figure: {"rank", "of"}
    national_share: float | None = None  # the province's level as % of the nation's

    @property
    def disagreements(self) -> list:
        return [d for f in self.figures.values() for d in f.disagreements]


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
    target: Any  # the service's Verdict
    growth_needed_pct: float
    remainder: tuple[str, ...]
    already_met: bool
    weight_assumed: bool


@dataclass
class Dashboard:
    area: Area
    period: P.Period
    basis: str = "current"
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
    key: str = ""  # the cache key of the panels: area, period, basis and data version
    html: dict[str, str] = field(default_factory=dict)  # fragments of HTML (build's ``html``)


def _period_codes(area: Area) -> set[str]:
    """The periods with data for the area, its communes or the provinces merged into it (the
    nation: any area), cached until the data changes."""
    from marsad.analytics.caching import cached
    from marsad.analytics.reading import data_version

    def compute() -> set[str]:
        qs = Observation.objects.exclude(status="plan")
        if area.level != Area.Level.NATION:
            # The ids as a list, not a subquery: PostgreSQL then reads the (area, ...) index for
            # these ~100 areas (0.17 s on the 12 M set) instead of scanning the whole table
            # (2.7 s), which it chose for the subquery.
            ids = list(Area.objects.subtree(area).values_list("pk", flat=True))
            qs = qs.filter(area_id__in=ids)
        return set(qs.values_list("period", flat=True).distinct().order_by())

    key = f"marsad:periods:{area.pk}:{':'.join(map(str, data_version()))}".replace(" ", "_")
    return cached(key, compute)


def indicator_years(indicator: Indicator) -> list[int]:
    """The years any area has an observation of ``indicator`` in, cached until the data changes."""
    from marsad.analytics.caching import cached
    from marsad.analytics.reading import data_version

    def compute() -> list[int]:
        codes = Observation.objects.filter(indicator=indicator).values_list("period", flat=True)
        return sorted({p.year for p in map(_parse, codes.distinct().order_by()) if p is not None})

    key = f"marsad:years:{indicator.pk}:{':'.join(map(str, data_version()))}".replace(" ", "_")
    return cached(key, compute)


def latest_period(area: Area) -> P.Period | None:
    """The most recent period the area has data for (the longer span when two end together)."""
    parsed = [p for p in (_parse(c) for c in _period_codes(area)) if p is not None]
    if not parsed:
        return None
    return max(parsed, key=lambda p: (p.end, p.length))


def available_periods(area: Area) -> list[str]:
    parsed = [p for p in (_parse(c) for c in _period_codes(area)) if p is not None]
    return [p.code for p in sorted(parsed, key=lambda p: (p.end, p.length), reverse=True)]


def _parse(code: str) -> P.Period | None:
    try:
        return P.parse(code)
    except P.PeriodError:
        return None


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


def version_now() -> str:
    """The data version (one statement) as a cache key's part: every key of a view carries the
    same one, so a write is seen by the next request."""
    from marsad.analytics.reading import data_version

    return ":".join(map(str, data_version())).replace(" ", "_")


def board_key(area: Area, period: P.Period, basis: str = "current", version: str = "") -> str:
    """The cache key of the figure panels: area, period, basis and the data version."""
    return f"marsad:dashboard:{area.pk}:{period.code}:{basis}:{version or version_now()}"


def page_key(user, query, variant: str, version: str) -> str:
    """The cache key of a whole dashboard's content for one reader: what they asked (area,
    period and basis as sent: the area opened without one is the user's home area), what decides
    their scope (its fingerprint: role, unit, areas named; which areas they may open and the
    picker's list), their language and digits (``variant``), the day (the overdue panel) and
    the data version (every write the figures, the directives or the areas read)."""
    from django.utils import timezone

    from marsad.accounts.scopes import scope_of

    asked = "\n".join(query.get(name, "") for name in ("area", "period", "basis"))
    who = scope_of(user).fingerprint()
    digest = hashlib.blake2b(f"{who}\n{asked}".encode(), digest_size=16).hexdigest()
    return f"marsad:dashboard-page:{digest}:{variant}:{timezone.localdate()}:{version}"


def figures(area: Area, period: P.Period, basis: str = "current", key: str = "") -> Dashboard:
    """The dashboard's figure panels (every reader's), cached under ``key`` (else board_key)."""
    from marsad.analytics.caching import cached

    def compute() -> dict:
        board = _build(area, period, basis)
        return {name: getattr(board, name) for name in _CACHED}

    key = key or board_key(area, period, basis)
    return Dashboard(area=area, period=period, basis=basis, key=key, **cached(key, compute))


def build(
    area: Area,
    period: P.Period,
    user=None,
    basis: str = "current",
    *,
    html: tuple[str, Callable[[Dashboard], dict[str, str]]] | None = None,
    version: str = "",
) -> Dashboard:
    """The dashboard: the figure panels and the user's overdue directives, both cached under
    one data version read once.

    ``html`` (the reader's variant, e.g. language and digits; a function rendering a board's
    fragments of HTML by name): the board is kept as those fragments (``board.html``) instead
    of its figures, so a warm page reads the HTML only, never the figures behind it.
    ``version``: the data version the caller read (else read now)."""
    from marsad.analytics.caching import cached

    version = version or version_now()
    key = board_key(area, period, basis, version)
    if html is None:
        board = figures(area, period, basis, key)
    else:
        variant, render = html
        # (the entry's name changed with its content: an older server's entry is never read)
        text = cached(f"{key}:fragments:{variant}", lambda: render(figures(area, period, basis, key)))
        board = Dashboard(area=area, period=period, basis=basis, key=key, html=text)
    board.overdue = overdue(area, user, version)
    return board


def _build(area: Area, period: P.Period, basis: str = "current") -> Dashboard:
    from marsad.analytics import service
    from marsad.analytics.reading import catalogue

    board = Dashboard(area=area, period=period, basis=basis, periods=available_periods(area))
    figs = service.figures(area, period, basis)
    rules = catalogue()
    indicators = {i.code: i for i in Indicator.objects.all()}
    verdicts = service.target_verdicts(area, period, basis)
    board.cards = _cards(figs, area, period, indicators, verdicts)
    if area.level == Area.Level.PROVINCE and area.is_current:
        _ranks(board.cards, area, period, basis)
    board.sector_parent, board.sectors = _sectors(figs, area, period, indicators, rules)
    board.needed = _needed(figs, area, period, board.cards, rules)
    board.series_indicator, board.series = _series(figs, area, period, board.cards)
    _lagging(board)
    return board


def _cards(figs, area: Area, period: P.Period, indicators: dict, verdicts: list) -> list[Card]:
    rank = {code: n for n, code in enumerate(HEADLINE_CODES)}
    flagged = sorted(
        (i for i in indicators.values() if i.headline), key=lambda i: (rank.get(i.code, 99), i.code)
    )
    order = flagged or [indicators[c] for c in HEADLINE_CODES if c in indicators]
    seen = set(figs.indicators())
    if flagged:  # headline first, then any other indicator with data this period
        order += sorted(
            (indicators[c] for c in seen if c in indicators and indicators[c] not in order),
            key=lambda i: i.code,
        )
    by_indicator: dict[str, list] = {}
    for v in verdicts:
        by_indicator.setdefault(v.indicator, []).append(v)
    cards = []
    for ind in order:
        if ind.code not in seen:
            continue
        card = Card(indicator=ind, unit=ind.unit)
        for measure in ("level", "yoy_pct", "plan_pct"):
            fig = figs.get(ind.code, measure)
            if fig is None:
                continue
            setattr(card, measure, fig.value)
            card.figures[measure] = fig
            if measure == "level" and fig.unit:
                card.unit = fig.unit
            if fig.derived:
                card.derived.add(measure)
        if card.level is None and card.yoy_pct is None and card.plan_pct is None:
            continue
        # the growth target first (a review meeting's headline), else the level (the plan)
        mine = sorted(by_indicator.get(ind.code, []), key=lambda v: v.measure != "yoy_pct")
        if mine:
            card.target = mine[0]
            card.target_status = mine[0].status
        cards.append(card)
    return cards


def _ranks(cards: list[Card], area: Area, period: P.Period, basis: str) -> None:
    """Each card's rank among the provinces with a figure, and its share of the nation's: from
    the provinces' and the nation's levels of the period alone (a few tuples each), not their
    whole figures."""
    from marsad.analytics import service

    nation = service.national_levels(period)
    ranks = service.level_rankings(period, basis)
    for card in cards:
        card.rank = next((r for r in ranks.get(card.indicator.code, []) if r["area"] == area.code), None)
        whole = nation.get(card.indicator.code)
        if whole is not None and whole[3] and card.level is not None:
            card.national_share = 100 * card.level / whole[3]


def _sectors(figs, area: Area, period: P.Period, indicators: dict, rules: dict):
    from marsad.core.analytics.frames import children_of

    for parent_code in ("grdp",) + tuple(
        sorted({r.parent for r in rules.values() if getattr(r, "parent", None)})
    ):
        parts = children_of(rules, parent_code)
        rows = []
        for code in parts:
            values = {m: figs.value(code, m) for m in ("level", "share_pct", "contribution_pp", "yoy_pct")}
            if any(v is not None for v in values.values()) and code in indicators:
                rows.append(Sector(indicator=indicators[code], **values))
        if rows and parent_code in indicators:
            return indicators[parent_code], rows
    return None, []


def _needed(figs, area: Area, period: P.Period, cards: list[Card], rules: dict) -> list[Needed]:
    from marsad.core.analytics.growth_needed import growth_needed_for

    if period.end.month == 12:
        return []  # the year is over: nothing left to grow (Q3 and 9M both mean "after September")
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
                figs.base, area.code, card.indicator.code, period.code, catalogue=rules, **kwargs
            )
        except ValueError:  # not enough data for this indicator: leave it out
            continue
        out.append(
            Needed(
                indicator=card.indicator,
                target=t,
                growth_needed_pct=result.growth_needed_pct,
                remainder=tuple(result.remainder),
                already_met=result.already_met,
                weight_assumed=result.weight_assumed,
            )
        )
    return out


def _series(figs, area: Area, period: P.Period, cards: list[Card]):
    """The first headline indicator's levels over the quarters of the two years, to the period."""
    for card in cards:
        code = card.indicator.code
        by_period = {
            f.period: f.value
            for f in figs.figures.values()
            if f.indicator == code and f.measure == "level" and not f.plan
        }
        quarters = sorted(
            (p for p in map(_parse, by_period) if p and p.length == 3 and p.quarter_aligned),
            key=lambda p: p.start,
        )
        if len(quarters) >= 2:
            return card.indicator, [(p.code, by_period[p.code]) for p in quarters if p.end <= period.end]
    return None, []


def _lagging(board: Dashboard) -> None:
    """Communes under the area whose plan reached (else growth) is lowest in the period."""
    from marsad.analytics import service

    found = service.lagging_communes(board.area, board.period)
    if found is None:
        return
    board.lagging_indicator = found["indicator"]
    board.lagging_measure = found["measure"]
    board.lagging_reference = found["reference"]
    board.lagging = found["rows"]


def overdue(area: Area, user, version: str = "") -> list:
    """The user's overdue assignments in the area, cached per area, scope, day and data
    version (``version``: the caller's, else read now). A directive, an assignment, a progress
    report or a unit is written with a change record (the data version), the scope is in the
    key itself and "overdue" is a matter of the day: the next view after any of them is new.

    Read through the scope itself rather than ``tracking.visible_assignments``, whose four joins
    the panel does not show."""
    from django.utils import timezone

    from marsad.accounts.scopes import scope_of
    from marsad.analytics.caching import cached
    from marsad.directives import summary
    from marsad.directives.models import Assignment

    def compute() -> list:
        qs = Assignment.objects.all() if user is None else Assignment.objects.restrict(user)
        qs = summary.select(area=area, queryset=qs)
        return list(
            qs.with_live_status("overdue")
            .select_related("directive", "organisation")
            .order_by("deadline")[:10]
        )

    who = "all" if user is None else scope_of(user).fingerprint()
    who = hashlib.blake2b(who.encode(), digest_size=12).hexdigest()  # a viewer may name many areas
    return cached(
        f"marsad:overdue:{area.pk}:{who}:{timezone.localdate()}:{version or version_now()}", compute
    )
