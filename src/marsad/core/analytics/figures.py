"""The figures of one area and period: which route gives each number, and where routes disagree.

Every figure Marsad shows comes from here (through the analytics service on the Django side).
For each indicator and period the routes to a level are, in this order of precedence:

    1. observed          the area's own observation of the period;
    2. own, derived      what follows from the area's own observations alone: its quarters or
                         months add up to the span (Q1 + Q2 + Q3 = 9M), a span minus a span, a
                         level from last year's and the growth, GRDP from its sectors ...;
    3. communes /        the sum (or average) of the areas below it: a province's communes, the
       provinces         nation's provinces, each child at one grain (the period itself, else its
                         quarters, else its months).

The first route that gives a value is the figure; every other route that gives a different one
is kept as a :class:`Disagreement` with its gap, and so are the disagreements among the area's
own observations (``check_consistency``: quarters vs 9M, sectors vs GRDP, growth vs levels).

Boundary bases. The 2025 merger (1 July 2025) joined 63 provinces into 34. A province that took
in others keeps the code of today's province; its own observations of periods that ended before
the merger are those of the province of the same name as it then was (the old Khanh Hoa), so:

    current      today's boundaries: before the merger, the province's level is its own (old)
                 level plus the levels of the provinces merged into it (Ninh Thuan), each from
                 its own observations; growth and shares are then derived from those levels, so
                 the same period last year is on the same boundaries;
    historical   the boundaries of the time: the old province's own figures only; a province
                 that no longer exists still has its own.

This module is pure: plain records in (the frame layout of :mod:`.frames`), plain data out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import Any, NamedTuple

from marsad.core import periods as P
from marsad.core.languages import gettext_noop

from .consistency import _breaks, check_consistency, describe
from .derive import Fact, FactBase, _calendar, _sum_qualifier, fact_base
from .frames import catalogue_read, rule_of

__all__ = [
    "BASES",
    "MERGED",
    "MERGER_DATE",
    "AreaFigures",
    "ChildLevel",
    "Disagreement",
    "Figure",
    "Route",
    "area_figures",
    "area_levels",
    "before_merger",
]

BASES = ("current", "historical")
MERGER_DATE = date(2025, 7, 1)
TOLERANCE_PCT = 0.5  # routes closer than this (relative) agree: published figures are rounded

# Methods of the routes, in the order of precedence (see the module text).
OBSERVED = "observed"
MERGED = "merged_provinces"
CHILD_METHODS = ("communes", "provinces")

# How a figure was reached, in words (translated where shown).
METHOD_LABELS = {
    "observed": gettext_noop("observed"),
    "sum_of_pieces": gettext_noop("sum of its quarters or months"),
    "difference_of_spans": gettext_noop("difference of two spans"),
    "yoy_from_levels": gettext_noop("from the two years' levels"),
    "level_from_growth": gettext_noop("from last year's level and the growth"),
    "previous_level_from_growth": gettext_noop("from this year's level and the growth"),
    "plan_pct_from_plan": gettext_noop("from the level and the year's plan"),
    "plan_from_plan_pct": gettext_noop("from the level and the share of plan"),
    "share_of_parent": gettext_noop("share of the whole"),
    "contribution_from_levels": gettext_noop("from the levels of the part and the whole"),
    "residual_of_parent": gettext_noop("the whole less its other parts"),
    "sum_of_parts": gettext_noop("sum of its parts"),
    "communes": gettext_noop("sum of the communes"),
    "provinces": gettext_noop("sum of the provinces"),
    "merged_provinces": gettext_noop("with the provinces merged into it in 2025"),
    "parts_sum": gettext_noop("its parts add up to"),
    "growth_levels": gettext_noop("growth from the levels"),
    "plan_pct_plan": gettext_noop("share of plan from the level and the plan"),
    "shares_sum": gettext_noop("shares add up to"),
    "share_levels": gettext_noop("share from the levels"),
    "contributions_sum": gettext_noop("contributions add up to"),
    "spans_sum": gettext_noop("its quarters or months add up to"),
}
BASIS_LABELS = {
    "current": gettext_noop("today's 34 provinces"),
    "historical": gettext_noop("the 63 provinces as they were"),
}


def before_merger(period: str | P.Period) -> bool:
    """Whether ``period`` ended before the 2025 merger (its figures are on the 63 provinces)."""
    return P.parse(period).end < MERGER_DATE


# ChildLevel and Route are named tuples, not frozen dataclasses: a rollup makes thousands of
# them, and a frozen dataclass's __init__ (object.__setattr__ per field) costs five times more.
class ChildLevel(NamedTuple):
    """The level of an indicator summed (or averaged) over an area's children, at one period as
    stored (a month, a quarter ...): ``count`` children gave a value, of ``expected``."""

    indicator: str
    period: str
    value: float
    count: int
    expected: int
    kind: str = "communes"  # or "provinces"
    inputs: tuple[str, ...] = ()
    qualifier: str = "exact"
    plan: bool = False
    unit: str = ""


class Route(NamedTuple):
    """One way to a figure: its method, value and what it was computed from."""

    method: str
    value: float
    qualifier: str = "exact"
    inputs: tuple[str, ...] = ()
    count: int = 0  # children summed (communes, provinces), or pieces added up
    expected: int = 0  # children there are


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Two figures that should be equal and are not: ``value`` (the one shown) vs ``other``."""

    indicator: str
    period: str
    measure: str
    value: float
    other: float
    method: str  # how the other figure was reached (a route method or a consistency check)
    gap: float  # other - value
    gap_pct: float | None
    inputs: tuple[str, ...] = ()
    message: str = ""  # in English; describe(lang) says it in ar, vi or en
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def describe(
        self, lang: str, eastern_digits: bool = False, names: Mapping[str, str] | None = None
    ) -> str:
        """The disagreement in words, in ``lang`` (the message of its check or route)."""
        if not self.params:
            return self.message
        return describe({"check": self.method, "params": self.params}, lang, eastern_digits, names)


@dataclass(slots=True)
class Figure:
    """A number shown for the area: its value, how it was reached, and from what."""

    area: str
    indicator: str
    period: str
    measure: str
    value: float
    unit: str
    qualifier: str
    status: str
    method: str
    inputs: tuple[str, ...]
    derived: bool
    plan: bool = False
    id: str = ""  # the observation's id when observed, else the figure's key
    count: int = 0
    expected: int = 0
    routes: tuple[Route, ...] = ()  # every route that gave a value, the chosen one first
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        return not self.disagreements

    def __reduce__(self):
        # pickled as its fields in order (see Fact.__reduce__): a province's cached figures are
        # thousands of them, read back on every warm request
        return (Figure, _FIGURE_FIELDS(self))

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "indicator": self.indicator,
            "period": self.period,
            "measure": self.measure,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "status": self.status,
            "method": self.method,
            "inputs": list(self.inputs),
            "derived": self.derived,
            "plan": self.plan,
            "count": self.count,
            "expected": self.expected,
            "routes": [
                {
                    "method": r.method,
                    "value": r.value,
                    "qualifier": r.qualifier,
                    "count": r.count,
                    "expected": r.expected,
                }
                for r in self.routes
            ],
            "disagreements": [_disagreement_dict(d) for d in self.disagreements],
        }


_FIGURE_FIELDS = attrgetter(*Figure.__slots__)


def _disagreement_dict(d: Disagreement) -> dict[str, Any]:
    return {
        "indicator": d.indicator,
        "period": d.period,
        "measure": d.measure,
        "value": d.value,
        "other": d.other,
        "method": d.method,
        "gap": d.gap,
        "gap_pct": d.gap_pct,
        "inputs": list(d.inputs),
        "message": d.message,
    }


@dataclass
class AreaFigures:
    """Every figure of one area for a period's year and the year before, on one basis.

    The figures are the same for every period of a year (each of the two years' figures with
    its flags); the period asked decides ``disagreements`` alone (of the period and its year to
    date), so one computation serves every period of the year (:meth:`for_period`)."""

    area: str
    period: str
    basis: str
    figures: dict[tuple[str, str, str, bool], Figure]
    disagreements: list[Disagreement]
    facts: FactBase | None = None  # the facts the figures were read from (see ``base``)
    flags: list[Disagreement] = field(default_factory=list)  # of every period of the two years
    catalogue: Any = None

    @property
    def base(self) -> FactBase:
        """The facts the figures were read from (growth needed reads them): built again from
        the figures, which carry every field of their facts, when this was read back from a
        cache (the facts are not pickled: a third of a commune's entry)."""
        if self.facts is None:
            base = FactBase(self.catalogue)
            for f in self.figures.values():
                base.add(
                    Fact(
                        f.area,
                        f.indicator,
                        f.period,
                        f.measure,
                        f.value,
                        f.unit,
                        f.status,
                        f.qualifier,
                        f.id,
                        f.derived,
                        list(f.inputs),
                        f.method,
                    )
                )
            self.facts = base
        return self.facts

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "facts": None}

    def for_period(self, period: str | P.Period) -> AreaFigures:
        """The same figures as the figures of ``period`` (a period of the same year)."""
        p = P.parse(period)
        if p.code == self.period:
            return self
        if p.year != P.parse(self.period).year:
            raise ValueError(f"{p.code} is not of the year of {self.period}")
        asked = {p.code, p.to_date_span().code}
        return AreaFigures(
            area=self.area,
            period=p.code,
            basis=self.basis,
            figures=self.figures,
            disagreements=[d for d in self.flags if d.period in asked],
            facts=self.facts,
            flags=self.flags,
            catalogue=self.catalogue,
        )

    def get(
        self, indicator: str, measure: str = "level", period: str | None = None, plan: bool = False
    ) -> Figure | None:
        return self.figures.get((indicator, period or self.period, measure, plan))

    def value(
        self, indicator: str, measure: str = "level", period: str | None = None, plan: bool = False
    ) -> float | None:
        f = self.get(indicator, measure, period, plan)
        return None if f is None else f.value

    def of_period(self, period: str | None = None) -> list[Figure]:
        code = period or self.period
        return [f for f in self.figures.values() if f.period == code and not f.plan]

    def indicators(self, period: str | None = None) -> list[str]:
        return sorted({f.indicator for f in self.of_period(period)})

    @property
    def agree(self) -> bool:
        return not self.disagreements

    def as_dict(self) -> dict[str, Any]:
        return {
            "area": self.area,
            "period": self.period,
            "basis": self.basis,
            "figures": [f.as_dict() for f in self.figures.values()],
            "disagreements": [_disagreement_dict(d) for d in self.disagreements],
        }


def area_figures(
    area: str,
    period: str | P.Period,
    *,
    own: Iterable[Mapping[str, Any]] = (),
    merged: Mapping[str, Iterable[Mapping[str, Any]]] | None = None,
    children: Sequence[ChildLevel] = (),
    catalogue: Mapping[str, Any] | None = None,
    basis: str = "current",
    periods: Iterable[str] | None = None,
) -> AreaFigures:
    """The figures of ``area`` for ``period``'s year and the year before.

    ``own``: the area's own observations (records of the frame layout; for a province on the
    historical basis, with those of the old province of the same name). ``merged``: on the
    current basis, the own observations of each province merged into it (code -> records);
    their levels of periods before the merger are added to the area's. ``children``: the levels
    of its children summed per indicator and stored period (:class:`ChildLevel`). ``periods``
    limits the periods the children route fills (default: every period of the two years).
    """
    catalogue = catalogue or {}
    p, base, own_facts, by_child, wanted, child_routes = _area_facts(
        area, period, own, merged, children, catalogue, basis, periods
    )
    figures: dict[tuple[str, str, str, bool], Figure] = {}
    for (code, indicator, per, measure, is_plan), fact in base.facts.items():
        if code != area:
            continue
        figures[(indicator, per, measure, is_plan)] = _figure(fact, child_routes)
    # Every figure of the two years carries its own flags (the explorer shows them all); the
    # area's list is the period asked and its year to date (what "the figures agree" is about).
    asked = {p.code, p.to_date_span().code}
    flagged = sorted(set(wanted) | asked)
    disagreements = _route_disagreements(figures, own_facts, by_child, catalogue, flagged)
    if own_facts:
        disagreements += _checks(own_facts.values(), catalogue, set(flagged))
    for d in disagreements:
        f = figures.get((d.indicator, d.period, d.measure, False))
        if f is not None and d not in f.disagreements:
            f.disagreements.append(d)
    return AreaFigures(
        area=area,
        period=p.code,
        basis=basis,
        figures=figures,
        disagreements=[d for d in disagreements if d.period in asked],
        facts=base,
        flags=disagreements,
        catalogue=catalogue,
    )


Level = tuple[str, str, bool, float, str, str]  # indicator, period, plan, value, qualifier, unit


def area_levels(
    area: str,
    period: str | P.Period,
    *,
    own: Iterable[Mapping[str, Any]] = (),
    merged: Mapping[str, Iterable[Mapping[str, Any]]] | None = None,
    children: Sequence[ChildLevel] = (),
    catalogue: Mapping[str, Any] | None = None,
    basis: str = "current",
    periods: Iterable[str] | None = None,
) -> list[Level]:
    """The levels :func:`area_figures` shows for the same inputs (each indicator, period and
    plan's figure: value, qualifier, unit), without building the figures, their routes and
    their flags: what a sum over areas reads (the nation's rollup of the provinces)."""
    return area_levels_many(
        {area: {"own": own, "merged": merged, "children": children}},
        period,
        catalogue=catalogue,
        basis=basis,
        periods=periods,
    )[area]


def area_levels_many(
    inputs: Mapping[str, Mapping[str, Any]],
    period: str | P.Period,
    *,
    catalogue: Mapping[str, Any] | None = None,
    basis: str = "current",
    periods: Iterable[str] | None = None,
) -> dict[str, list[Level]]:
    """:func:`area_levels` of many areas, ``inputs``: area -> its ``own``, ``merged`` and
    ``children`` (as area_levels takes them). The areas with no rows of their own are computed
    together (``_children_only_levels``), the others one by one."""
    if basis not in BASES:
        raise ValueError(f"basis must be one of {', '.join(BASES)}, not {basis!r}")
    catalogue = catalogue or {}
    out: dict[str, list[Level]] = {}
    alone: dict[str, Sequence[ChildLevel]] = {}
    rest: dict[str, tuple[list, dict]] = {}
    for area, given in inputs.items():
        own = list(given.get("own") or ())
        merged = {
            c: rows for c, rows in ((c, list(r)) for c, r in (given.get("merged") or {}).items()) if rows
        }
        if not own and not merged and periods is None:
            alone[area] = given.get("children") or ()
        else:
            rest[area] = (own, merged)
    found = _children_only_levels(alone, P.parse(period), catalogue) if alone else {}
    for area in inputs:
        levels = found.get(area)
        if levels is not None:
            out[area] = levels
            continue
        own, merged = rest.get(area, ([], {}))
        children = inputs[area].get("children") or ()
        _p, base, *_ = _area_facts(
            area, period, own, merged, children, catalogue, basis, periods, levels_only=True
        )
        out[area] = [
            (f.indicator, f.period, f.is_plan, f.value, f.qualifier, f.unit)
            for (code, _i, _per, measure, _plan), f in base.facts.items()
            if code == area and measure == "level"
        ]
    return out


def _children_only_levels(
    areas: Mapping[str, Sequence[ChildLevel]], p: P.Period, catalogue
) -> dict[str, list[Level] | None]:
    """The levels of areas with no observations of their own (nor merged provinces'), from
    their children alone, without a fact base: what most provinces of a national rollup are
    (34 x 54 levels a rollup of one indicator, where facts and their derivation cost most of its
    time). None for an area whose levels need the fact base.

    The levels are the children's routes (those ``_children_routes`` gives an empty fact base,
    which ``_add_children`` adds); derivation on levels alone (``levels_only``) would add nothing
    to them when none of it applies, which holds when:

    - no level was left out as unlike last year's (the spans rule could add it back);
    - no indicator is in a breakdown (its parts or whole could follow);
    - a flow's children store months only (a plan is no span): then every period of the two
      years whose months they all have is already a route (the months route), and that is
      every period a sum or a difference of spans could give, so the spans rules find each
      known;
    - growth and share of plan: levels alone have none, and the rules that read them need one.

    The areas whose children store the same periods of an indicator share its route plan and
    are computed together, step by step, each step for all of them: the same additions in the
    same order as ``_pieces_route`` (a column per area), without a route object per area and
    period. ``tests/core/analytics/test_figures.py`` compares it with the fact base.
    """
    read = catalogue_read(catalogue)
    wanted = _periods_of_two_years(p.year)
    out: dict[str, list[Level] | None] = {}
    groups: dict[tuple[str, frozenset], list[str]] = {}
    kids_of: dict[tuple[str, str], tuple[dict[str, ChildLevel], dict[str, ChildLevel]]] = {}
    units: dict[tuple[str, str], str] = {}
    indicators_of: dict[str, list[str]] = {}
    for area, children in areas.items():
        actual: dict[str, dict[str, ChildLevel]] = {}
        plans: dict[str, dict[str, ChildLevel]] = {}
        for c in _index_children(children).values():
            (plans if c.plan else actual).setdefault(c.indicator, {})[c.period] = c
            if c.unit and (area, c.indicator) not in units:
                units[(area, c.indicator)] = c.unit
        indicators = actual.keys() | plans.keys()
        if any(i in read.wholes for i in indicators) or any(
            i in read.flows and not all(map(_is_month, actual[i])) for i in actual
        ):
            out[area] = None
            continue
        out[area] = []
        indicators_of[area] = sorted(indicators)
        for indicator in indicators_of[area]:
            kids, kid_plans = actual.get(indicator, {}), plans.get(indicator, {})
            stored = frozenset([*((x, False) for x in kids), *((x, True) for x in kid_plans)])
            groups.setdefault((indicator, stored), []).append(area)
            kids_of[(area, indicator)] = (kids, kid_plans)
    levels: dict[tuple[str, str], list[Level]] = {}
    for (indicator, stored), members in groups.items():
        rule = rule_of(catalogue, indicator)
        if not rule.over_areas:
            continue
        for area, found in _plan_levels(indicator, stored, members, kids_of, rule, wanted, units).items():
            if found is None:
                out[area] = None
            else:
                levels[(area, indicator)] = found
    for area, indicators in indicators_of.items():
        if out[area] is not None:
            out[area] = [x for i in indicators for x in levels.get((area, i), ())]
    return out


def _plan_levels(indicator, stored, members, kids_of, rule, wanted, units) -> dict[str, list[Level] | None]:
    """One indicator's levels for areas whose children store the same periods, each step of
    the route plan for every area (a column each); None for an area with a level left out as
    unlike last year's. Per area and step: the sum through pieces as ``_pieces_route`` adds
    it, its qualifier (exact when every piece is, else about), the fewest children (count)
    and the most expected."""
    flow = rule.time_aggregation == "flow"
    steps = _route_plan(stored, rule.time_aggregation, wanted)
    kids = [kids_of[(a, indicator)][0] for a in members]
    plans = [kids_of[(a, indicator)][1] for a in members]
    n = len(members)
    cols: list[tuple[list, list, list, list]] = []  # per step: values, qualifiers, counts, expected
    for step in steps:
        if step.direct:
            ds = [(p if step.plan else k)[step.code] for k, p in zip(kids, plans, strict=True)]
            cols.append(
                (
                    [d.value for d in ds],
                    [d.qualifier for d in ds],
                    [d.count for d in ds],
                    [d.expected for d in ds],
                )
            )
            continue
        if step.base is None:
            firsts = [k[step.extra[0]] for k in kids]
            values, exact = [0] * n, [True] * n
            counts, expected = [c.count for c in firsts], [c.expected for c in firsts]
        else:
            b = cols[step.base]
            values, exact, counts, expected = list(b[0]), [q == "exact" for q in b[1]], list(b[2]), list(b[3])
        for x in step.extra:
            for i, k in enumerate(kids):
                c = k[x]
                values[i] += c.value  # in order, as _pieces_route adds
                if c.qualifier != "exact":
                    exact[i] = False
                if c.count < counts[i]:
                    counts[i] = c.count
                if c.expected > expected[i]:
                    expected[i] = c.expected
        if not flow:  # a stock takes its last piece
            values = [k[step.extra[0]].value for k in kids]
        cols.append((values, ["exact" if e else "about" for e in exact], counts, expected))
    index = {(step.code, step.plan): j for j, step in enumerate(steps)}
    later = [index.get((step.next_year, step.plan)) for step in steps]
    out: dict[str, list[Level] | None] = {}
    for i, area in enumerate(members):
        unit = units.get((area, indicator), "") or rule.unit
        found: list[Level] | None = []
        for j, step in enumerate(steps):
            values, qualifiers, counts, expected = cols[j]
            nxt = later[j]
            if nxt is not None and cols[nxt][2][i] != counts[i]:
                found = None  # growth between unlike sets of areas: the fact base decides
                break
            q = qualifiers[i] if counts[i] >= expected[i] else "more_than"
            found.append((indicator, step.code, step.plan, values[i], q, unit))
        out[area] = found
    return out


def _area_facts(area, period, own, merged, children, catalogue, basis, periods, levels_only=False):
    """The area's facts, own and derived, then from its children where its own give none:
    (period, fact base, own facts, children by key, periods filled, the children's routes);
    ``levels_only``: the facts no level follows from left out (``FactBase.derive``)."""
    if basis not in BASES:
        raise ValueError(f"basis must be one of {', '.join(BASES)}, not {basis!r}")
    p = P.parse(period)
    own_rows = [dict(r, area=area) for r in own]
    # a province merged in with no rows of these indicators adds nothing (it is no merger here)
    merged = {code: rows for code, rows in ((c, list(r)) for c, r in (merged or {}).items()) if rows}
    base = _own_base(area, own_rows, merged, catalogue)
    own_facts = dict(base.facts)
    base.derive(levels_only=levels_only)
    by_child = _index_children(children)
    wanted = list(periods) if periods is not None else _two_years(p)
    child_routes = _add_children(base, area, by_child, wanted, catalogue)
    if child_routes:
        base.derive(levels_only=levels_only)
    return p, base, own_facts, by_child, wanted, child_routes


# -- the area's own facts, on the basis asked ------------------------------------------------------
def _own_base(area: str, own: list[dict], merged: dict[str, list[dict]], catalogue) -> FactBase:
    """The area's observed facts on today's boundaries.

    Before the merger, where a province merged into the area has a level of the same indicator
    and period, the area's own level is its old self's and the merged provinces' levels (each
    from its own observations, derived if need be) are added to it; the area's own growth,
    shares ... of that period are then the old province's and give way to what follows from the
    summed levels. Where no merged province has a level, the area's own figure is taken as
    today's province (figures restated on the new boundaries).
    """
    if not merged:
        return fact_base(own, catalogue) if own else FactBase(catalogue)
    bases = {}
    for code, rows in merged.items():
        b = fact_base([dict(r, area=code) for r in rows], catalogue)
        b.derive(levels_only=True)  # their levels alone are read
        bases[code] = b
    merged_keys = {
        (f.indicator, f.period, f.is_plan)
        for b in bases.values()
        for f in b.facts.values()
        if f.measure == "level" and _before(f.period)
    }
    merged_periods = {(i, per) for i, per, _plan in merged_keys}
    # An indicator the merged provinces report: before the merger, a period they have no level
    # for is not today's province's (only the old one's part is known), so it is left out: its
    # growth would compare unlike areas. Indicators they never report are taken as restated.
    reported = {i for i, _per, _plan in merged_keys}
    unlike = {
        (r["indicator"], r["period"])
        for r in own
        if r["indicator"] in reported
        and (r["indicator"], r["period"]) not in merged_periods
        and _before(r["period"])
    }
    mine = fact_base(own, catalogue)  # the old province's levels, derived from all its rows
    mine.derive(levels_only=True)
    base = fact_base(
        [r for r in own if (r["indicator"], r["period"]) not in merged_periods | unlike], catalogue
    )
    for indicator, per, is_plan in sorted(merged_keys):
        parts = [mine.get(area, indicator, per, plan=is_plan)]
        parts += [b.get(code, indicator, per, plan=is_plan) for code, b in bases.items()]
        found = [f for f in parts if f is not None]
        template = found[0]
        base.add(
            Fact(
                area=area,
                indicator=indicator,
                period=per,
                measure="level",
                value=sum(f.value for f in found),
                unit=template.unit,
                status="plan" if is_plan else min((f.status for f in found), key=_status_rank),
                qualifier=_merged_qualifier(found, len(found) < len(parts)),
                id=f"{area}|{indicator}|{per}|level" + ("|plan" if is_plan else ""),
                derived=True,
                inputs=[f.id for f in found],
                method=MERGED,
            )
        )
    return base


def _merged_qualifier(found: list[Fact], incomplete: bool) -> str:
    q = _sum_qualifier(f.qualifier for f in found)
    if incomplete:  # a province merged in had no figure: the sum is at least this
        return "more_than" if q in ("exact", "more_than") else "about"
    return q


def _before(code: str) -> bool:
    try:
        return before_merger(code)
    except P.PeriodError:
        return False


def _status_rank(s: str) -> int:
    order = ("plan", "estimate", "preliminary", "official")
    return order.index(s) if s in order else 0


# -- the children route ---------------------------------------------------------------------------
def _index_children(children: Sequence[ChildLevel]) -> dict[tuple[str, str, bool], ChildLevel]:
    return {(c.indicator, c.period, c.plan): c for c in children}


def _two_years(p: P.Period) -> list[str]:
    return list(_periods_of_two_years(p.year))


@lru_cache(maxsize=64)
def _periods_of_two_years(y: int) -> tuple[str, ...]:
    return tuple(q.code for year in (y - 1, y) for q in P.periods_of_year(year))


@lru_cache(maxsize=4096)
def _to_date_code(code: str) -> str:
    return P.parse(code).to_date_span().code


@lru_cache(maxsize=4096)
def _is_year(code: str) -> bool:
    return P.parse(code).length == 12


@lru_cache(maxsize=4096)
def _is_month(code: str) -> bool:
    try:
        return P.parse(code).length == 1
    except P.PeriodError:
        return False


def child_route(
    by_child: Mapping[tuple[str, str, bool], ChildLevel], indicator: str, code: str, rule, plan: bool = False
) -> Route | None:
    """The children's level of ``code``: the period as stored, else (flows) its quarters, else
    its months, each piece summed over the children; a stock takes its last piece."""
    found = _child_pieces(lambda x, pl: (indicator, x, pl) in by_child, code, rule.time_aggregation, plan)
    if found is None:
        return None
    return _child_route(by_child, indicator, code, plan, *found, rule.time_aggregation == "flow")


def _child_pieces(
    stored, code: str, time_aggregation: str, plan: bool
) -> tuple[bool, tuple[str, ...]] | None:
    """Which of the children's stored periods give ``code`` (the rule of :func:`child_route`):
    ``(True, (code,))`` as stored, ``(False, pieces)`` through its quarters or months, None
    when they do not; ``stored(period, plan)`` says whether the children have a level of it."""
    if stored(code, plan):
        return True, (code,)
    if plan or time_aggregation not in ("flow", "stock"):
        return None
    flow = time_aggregation == "flow"
    for pieces in _piece_codes(code):
        needed = pieces if flow else pieces[-1:]  # a stock takes its last piece
        if all(stored(x, False) for x in needed):
            return False, needed
    return None


def _child_route(by_child, indicator: str, code: str, plan: bool, direct: bool, pieces, flow: bool) -> Route:
    if direct:
        d = by_child[(indicator, code, plan)]
        return Route(d.kind, d.value, d.qualifier, d.inputs, d.count, d.expected)
    return _pieces_route([by_child[(indicator, x, False)] for x in pieces], flow)


class _Step(NamedTuple):
    """A period's route in a :func:`_route_plan`: its pieces, and where it continues an earlier
    step's route (``base``: its index; ``extra``: the pieces after that step's)."""

    code: str
    plan: bool
    direct: bool
    pieces: tuple[str, ...]
    next_year: str  # the code of the same period a year later ("" past the calendar)
    base: int | None
    extra: tuple[str, ...]


@lru_cache(maxsize=1024)
def _route_plan(
    stored: frozenset[tuple[str, bool]], time_aggregation: str, wanted: tuple[str, ...]
) -> tuple[_Step, ...]:
    """For each wanted period (and a year's plan) the pieces :func:`_child_pieces` reads from
    children who stored ``stored`` (period, plan), in the order of ``wanted``. Worked out once
    per shape of the children's data: every province of a national rollup stores the same
    months, so the 34 of them share one plan.

    A flow's sum through pieces continues the longest earlier sum whose pieces begin its own
    (9M is 8M and September): the same additions in the same order (``_pieces_route`` adds
    from the first piece on), a month apiece where a year to date added every month again."""
    out: list[_Step] = []
    sums: dict[tuple[str, ...], int] = {}  # pieces of the sums through pieces so far -> step
    for code in wanted:
        for plan in (False, True):
            if plan and not _is_year(code):
                continue
            found = _child_pieces(lambda x, pl: (x, pl) in stored, code, time_aggregation, plan)
            if found is None:
                continue
            direct, pieces = found
            base, extra = None, pieces
            if not direct and time_aggregation == "flow":
                for n in range(len(pieces) - 1, 0, -1):
                    if pieces[:n] in sums:
                        base, extra = sums[pieces[:n]], pieces[n:]
                        break
                sums.setdefault(pieces, len(out))
            out.append(_Step(code, plan, direct, pieces, _calendar(code)[2], base, extra))
    return tuple(out)


def _pieces_route(found: list[ChildLevel], flow: bool, start: Route | None = None) -> Route:
    """The children's route through pieces of the period, in one pass over them (a national
    rollup builds a few thousand): a flow's sum, a stock's last piece. ``start``: the route of
    the flow's pieces before ``found`` (the pass continues from it)."""
    if start is None:
        first = found[0]
        kind, value, exact, inputs, count, expected = first.kind, 0, True, [], first.count, first.expected
    else:
        kind, value, exact, count, expected = (
            start.method,
            start.value,
            start.qualifier == "exact",
            start.count,
            start.expected,
        )
        inputs = list(start.inputs) if start.inputs else []
    for c in found:
        value += c.value  # in order, as sum() adds
        if c.qualifier != "exact":
            exact = False
        if c.inputs:
            inputs += c.inputs
        if c.count < count:
            count = c.count
        if c.expected > expected:
            expected = c.expected
    return Route(
        kind,
        value if flow else found[0].value,
        "exact" if exact else "about",
        tuple(inputs),
        count,
        expected,
    )


@lru_cache(maxsize=4096)
def _piece_codes(code: str) -> tuple[tuple[str, ...], ...]:
    """The codes of a period's quarters, then of its months, where two or more of them cover it
    exactly (the grains a children's sum can be read at); built once per period, as every area
    of a rollup asks for the same periods."""
    p = P.parse(code)
    return tuple(
        tuple(x.code for x in pieces)
        for pieces in (p.quarters, p.months)
        if len(pieces) >= 2 and sum(x.length for x in pieces) == p.length
    )


def _add_children(
    base: FactBase, area: str, by_child, wanted: list[str], catalogue
) -> dict[tuple[str, str, bool], Route]:
    """Levels from the children where the area's own facts give none; like for like: a level
    last year is added only when as many children make it up as this year's."""
    added: dict[tuple[str, str, bool], Route] = {}
    if not by_child:
        return added
    routes, _dropped = _children_routes(area, by_child, wanted, catalogue, base.facts)
    for indicator, code, plan, r, unit in routes:
        base.add(
            Fact(  # positional: keywords cost twice as much, and a rollup makes thousands
                area,
                indicator,
                code,
                "level",
                r.value,
                unit,
                "plan" if plan else "estimate",
                r.qualifier if r.count >= r.expected else "more_than",
                f"{area}|{indicator}|{code}|level" + ("|plan" if plan else ""),
                True,
                list(r.inputs),
                r.method,
            )
        )
        added[(indicator, code, plan)] = r
    return added


def _children_routes(
    area: str, by_child, wanted: Iterable[str], catalogue, known
) -> tuple[list[tuple[str, str, bool, Route, str]], bool]:
    """The children's levels an area takes, each ``(indicator, period, plan, route, unit)``, in
    the order they are added, for the periods wanted that ``known`` (facts by key) has no level
    of; and whether any was left out as unlike last year's (a different number of children)."""
    out: list[tuple[str, str, bool, Route, str]] = []
    dropped = False
    # each indicator's children by period (their actual levels) and by year (their plans): keys
    # of one string, looked up a few thousand times in a national rollup
    actual: dict[str, dict[str, ChildLevel]] = {}
    plans: dict[str, dict[str, ChildLevel]] = {}
    units: dict[str, str] = {}  # each indicator's first unit the children give
    for c in by_child.values():
        (plans if c.plan else actual).setdefault(c.indicator, {})[c.period] = c
        if c.unit and c.indicator not in units:
            units[c.indicator] = c.unit
    wanted = tuple(wanted)
    for indicator in sorted(actual.keys() | plans.keys()):
        rule = rule_of(catalogue, indicator)
        if not rule.over_areas:
            continue
        flow = rule.time_aggregation == "flow"
        kids, kid_plans = actual.get(indicator, {}), plans.get(indicator, {})
        stored = frozenset([*((x, False) for x in kids), *((x, True) for x in kid_plans)])
        found: list[Route] = []  # each step's route, in the plan's order
        routes = {}
        for step in _route_plan(stored, rule.time_aggregation, wanted):
            if step.direct:
                d = (kid_plans if step.plan else kids)[step.code]
                r = Route(d.kind, d.value, d.qualifier, d.inputs, d.count, d.expected)
            else:
                r = _pieces_route(
                    [kids[x] for x in step.extra], flow, None if step.base is None else found[step.base]
                )
            found.append(r)
            if not known or (area, indicator, step.code, "level", step.plan) not in known:
                routes[(step.code, step.plan)] = (r, step.next_year)
        unit = units.get(indicator, "") or rule.unit
        for (code, plan), (r, next_year) in routes.items():
            nxt = routes.get((next_year, plan))
            if nxt is not None and nxt[0].count != r.count:
                dropped = True
                continue  # growth between unlike sets of areas would mislead
            out.append((indicator, code, plan, r, unit))
    return out, dropped


# -- figures, routes and disagreements ------------------------------------------------------------
def _figure(fact: Fact, child_routes: Mapping[tuple[str, str, bool], Route]) -> Figure:
    route = child_routes.get((fact.indicator, fact.period, fact.is_plan)) if fact.measure == "level" else None
    inputs = tuple(fact.inputs)
    if route is not None:
        count, expected = route.count, route.expected
    else:
        count, expected = (len(inputs) if fact.method == MERGED else 0), 0
    # positional: a national rollup builds thousands of figures, and keywords cost twice as much
    return Figure(
        fact.area,
        fact.indicator,
        fact.period,
        fact.measure,
        fact.value,
        fact.unit,
        fact.qualifier,
        fact.status,
        fact.method,
        inputs,
        fact.derived,
        fact.is_plan,
        fact.id,
        count,
        expected,
        (Route(fact.method, fact.value, fact.qualifier, inputs),),
    )


def _route_disagreements(
    figures: dict, own_facts: Mapping, by_child, catalogue, periods: Iterable[str]
) -> list[Disagreement]:
    """The children's figure against the one shown, where both exist and the children's was
    not the one chosen (a partial sum of children only disagrees when it exceeds the figure)."""
    out = []
    if not by_child:
        return out
    indicators = sorted({k[0] for k in by_child})
    for code in sorted({*periods, *(_to_date_code(x) for x in periods)}):
        for indicator in indicators:
            fig = figures.get((indicator, code, "level", False))
            if fig is None or fig.method in CHILD_METHODS:
                continue
            rule = rule_of(catalogue, indicator)
            if rule.area_aggregation != "sum":
                continue
            r = child_route(by_child, indicator, code, rule)
            if r is None:
                continue
            fig.routes = (*fig.routes, r)
            complete = r.count >= r.expected
            tol = abs(fig.value) * TOLERANCE_PCT / 100
            found_q = r.qualifier if complete else "more_than"
            if not _breaks(r.value, fig.value, tol, found_q, fig.qualifier):
                continue
            gap = r.value - fig.value
            out.append(
                Disagreement(
                    indicator=indicator,
                    period=code,
                    measure="level",
                    value=fig.value,
                    other=r.value,
                    method=r.method,
                    gap=gap,
                    gap_pct=gap / fig.value * 100 if fig.value else None,
                    inputs=r.inputs,
                    params=(
                        params := {
                            "count": ("count", r.count),
                            "expected": ("count", r.expected),
                            "total": ("number", r.value),
                        }
                    ),
                    message=describe({"check": r.method, "params": params}, "en"),
                )
            )
    return out


def _checks(facts: Iterable[Fact], catalogue, periods: set[str]) -> list[Disagreement]:
    """The disagreements among the area's own observed figures (consistency checks)."""
    observed = [f.as_row() for f in facts if not f.derived]
    out = []
    for item in check_consistency(observed, catalogue):
        if item["period"] not in periods:
            continue
        measure = {
            "growth_levels": "yoy_pct",
            "plan_pct_plan": "plan_pct",
            "shares_sum": "share_pct",
            "share_levels": "share_pct",
            "contributions_sum": "contribution_pp",
        }.get(item["check"], "level")
        expected, found = item["expected"], item["found"]
        out.append(
            Disagreement(
                indicator=item["indicator"],
                period=item["period"],
                measure=measure,
                value=expected,
                other=found,
                method=item["check"],
                gap=found - expected,
                gap_pct=(found - expected) / expected * 100 if expected else None,
                inputs=tuple(str(i) for i in item["observations"]),
                message=item["message"],
                params=item["params"],
            )
        )
    return out


def child_levels(
    records: Iterable[Mapping[str, Any]],
    children: Iterable[str],
    catalogue: Mapping[str, Any] | None = None,
    kind: str = "communes",
) -> list[ChildLevel]:
    """The children's levels summed (or averaged) per indicator and period, from plain records:
    what the service has the database compute, for a file of observations or a test."""
    from .frames import observation_frame, select_best

    kids = set(children)
    rows = [r for r in records if r.get("area") in kids and (r.get("measure") or "level") == "level"]
    if not rows:
        return []
    frame = select_best(observation_frame(rows))
    acc: dict[tuple[str, str, bool], list[dict]] = {}
    for r in frame.iter_rows(named=True):
        acc.setdefault((r["indicator"], r["period"], r["status"] == "plan"), []).append(r)
    out = []
    for (indicator, period, plan), rs in acc.items():
        rule = rule_of(catalogue, indicator)
        if not rule.over_areas:
            continue
        total = sum(r["value"] for r in rs)
        if rule.area_aggregation == "average":
            total /= len(rs)
        out.append(
            ChildLevel(
                indicator=indicator,
                period=period,
                value=total,
                count=len(rs),
                expected=len(kids),
                kind=kind,
                inputs=tuple(str(r["id"]) for r in rs),
                qualifier=_sum_qualifier(r["qualifier"] for r in rs),
                plan=plan,
                unit=rs[0]["unit"] or rule.unit,
            )
        )
    return out
