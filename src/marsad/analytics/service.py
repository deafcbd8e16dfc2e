"""The analytics service: the figures of an area and period, on a boundary basis, and what a
review meeting compares them with (targets, the other provinces, the nation, lagging communes).

    figures(area, period, basis="current")    -> AreaFigures (core/analytics/figures.py)
    target_verdicts(area, period, basis)      -> [Verdict]: each target of the year, judged once
    ranking(indicator, period, measure, basis)-> the 34 provinces ranked
    lagging_communes(area, period)            -> the communes lowest on plan reached / growth
    standing(area, indicator, period, measure)-> rank among the provinces and in the region, and
                                                 the national figure (a report's comparison)
    latest_figure(target)                     -> the latest year-to-date figure for a target

Results are cached under data versions, so a write is seen by the next request: an area's
figures under the versions of the areas they read (on PostgreSQL the database sets an area's
version anew on every write of its observations or its communes', so a write to one commune
computes its province and the nation again and leaves the other provinces' figures cached; on
SQLite every area has the one version of the database); rankings under the database's version.
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from marsad.areas.models import Area
from marsad.core import periods as P
from marsad.core.analytics.derive import _sum_qualifier
from marsad.core.analytics.figures import (
    BASES,
    MERGED,
    AreaFigures,
    ChildLevel,
    Figure,
    Level,
    area_figures,
    area_levels,
    area_levels_many,
    before_merger,
)
from marsad.core.analytics.targets import Judgement, judge_target

from . import caching, reading

NATION = "VN"

__all__ = [
    "BASES",
    "Verdict",
    "consistency_warnings",
    "figures",
    "figures_of",
    "series",
    "lagging_communes",
    "latest_figure",
    "province_figures",
    "ranking",
    "standing",
    "target_verdicts",
]


def _code(area: Area | str) -> str:
    return area if isinstance(area, str) else area.code


_memo: ContextVar[dict | None] = ContextVar("marsad_analytics_memo", default=None)
_generation = ""  # part of every key: a new one (the analytics bench) leaves every entry behind


def _version() -> str:
    """The one version of the database (any write changes it): for what reads every area."""
    return ":".join(map(str, reading.data_version()))


def _full_key(key: str, version: str) -> str:
    return f"marsad:analytics:{_generation}{version}:{key}".replace(" ", "_")


def _cached(key: str, compute, version: str | None = None):
    return caching.cached(_full_key(key, _version() if version is None else version), compute)


def _inputs(code: str, tree) -> list[str]:
    """The areas whose observations an area's figures read (a commune's are written under its
    province's version too): a province, itself and the provinces merged into it; an old
    province, itself and its successor; the nation, itself and every province."""
    node = tree.nodes[code]
    if node.level == Area.Level.NATION:
        return [code, *tree.provinces()]
    if node.level == Area.Level.PROVINCE:
        return [code, *tree.predecessors.get(code, ()), *([node.successor] if node.successor else [])]
    return [code]


def _once(name: str, read):
    """``read()`` once per top-level service call (the tree, the rules: each is one query)."""
    memo = _memo.get()
    if memo is None:
        return read()
    if name not in memo:
        memo[name] = read()
    return memo[name]


def _versions(codes: list[str]) -> dict[str, str]:
    """The version each area's cached figures are kept under: the tree's, the rules' and the
    data versions of the areas they read (``reading.area_versions``: per area on PostgreSQL,
    so a write leaves the figures of the areas it does not touch cached)."""
    memo = _memo.get()
    seen = memo.setdefault("versions", {}) if memo is not None else {}
    found_for: list = [None, None]  # the tree and the inputs found on it

    def inputs_of(tree) -> dict[str, list[str]]:
        if found_for[0] is not tree:
            found_for[:] = [tree, {c: _inputs(c, tree) for c in codes if c in tree.nodes}]
        return found_for[1]

    if memo is not None and "tree" not in memo:  # the first read of a call: the tree's stamp
        tree, rules, found = reading.tree_rules_and_versions(  # and these areas' versions in one
            lambda t: {a for areas in inputs_of(t).values() for a in areas}  # statement, the rules
        )  # with it (one round trip)
        memo["tree"] = tree
        memo.setdefault("rules", rules)
        seen.update(found)
    tree = _once("tree", reading.area_tree)
    inputs = inputs_of(tree)  # (found once: the first read found them for its statement)
    missing = {a for areas in inputs.values() for a in areas} - seen.keys()
    if missing:
        seen.update(reading.area_versions(tree, missing))
    base = _once("base", lambda: f"{tree.stamp}|{_once('rules', reading.catalogue).stamp}")
    out = dict.fromkeys(codes, "unknown")  # computing it raises LookupError
    for c, areas in inputs.items():
        text = base + "|" + ",".join(f"{a}={seen.get(a, '0')}" for a in areas)
        out[c] = hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
    return out


def _cached_many(key: str, codes: list[str], compute_missing) -> dict[str, Any]:
    """``key``'s value for each area, each cached under the area's version; the missing ones
    computed together by ``compute_missing(codes) -> {code: value}``."""
    token = _memo.set({}) if _memo.get() is None else None  # the outermost call: a new memo
    try:
        return _cached_many_in(key, codes, compute_missing)
    finally:
        if token is not None:
            _memo.reset(token)


def _cached_many_in(key: str, codes: list[str], compute_missing) -> dict[str, Any]:
    versions = _versions(codes)
    keys = {c: _full_key(f"{key}:{c}", versions[c]) for c in codes}
    area_of = {k: c for c, k in keys.items()}

    def compute(missing_keys: list[str]) -> dict[str, Any]:
        computed = compute_missing([area_of[k] for k in missing_keys])
        return {keys[c]: v for c, v in computed.items()}

    found = caching.recent.get_many(keys.values())
    if len(found) < len(keys):
        found.update(caching.cached_many([k for k in keys.values() if k not in found], compute))
        caching.recent.put({k: found[k] for k in keys.values()})
    return {c: found[keys[c]] for c in codes}


def _two_years(p: P.Period) -> list[str]:
    return [q.code for y in (p.year - 1, p.year) for q in P.periods_of_year(y)]


def _check_basis(basis: str) -> str:
    if basis not in BASES:
        raise ValueError(f"basis must be one of {', '.join(BASES)}, not {basis!r}")
    return basis


# -- figures ----------------------------------------------------------------------------------------
def figures(area: Area | str, period: str | P.Period, basis: str = "current") -> AreaFigures:
    """Every figure of ``area`` for ``period``'s year and the year before, on ``basis``."""
    return figures_of([_code(area)], period, basis)[_code(area)]


def figures_of(codes: list[str], period: str | P.Period, basis: str = "current") -> dict[str, AreaFigures]:
    """The figures of many areas for ``period``'s year (and the year before): the same figures
    :func:`figures` gives one by one (the same cache entries), read together, one read of own
    observations for all the communes and one set of reads for all the provinces."""
    p = P.parse(period)
    _check_basis(basis)
    year = P.year(p.year)  # the same figures for every period of the year: computed once
    found = _cached_many(f"figures:{year.code}:{basis}:all", list(codes), lambda m: _compute(m, year, basis))
    return {c: figs.for_period(p) for c, figs in found.items()}


def _compute(
    codes: list[str], p: P.Period, basis: str, indicators=None, build=area_figures
) -> dict[str, Any]:
    """The figures of these areas (of ``indicators`` alone, with their parts and whole); of the
    provinces, ``build``'s (``area_levels``: their levels alone, for the nation)."""
    tree = _once("tree", reading.area_tree)
    unknown = [c for c in codes if c not in tree.nodes]
    if unknown:
        raise LookupError(f"no area {', '.join(unknown)}")
    rules = _once("rules", reading.catalogue)
    wanted = _related(rules, indicators)
    levels = {c: tree.nodes[c].level for c in codes}
    computed: dict[str, AreaFigures] = {}
    provinces = [c for c in codes if levels[c] == Area.Level.PROVINCE]
    if provinces:
        computed.update(_provinces(provinces, p, basis, tree, rules, wanted, build))
    communes = [c for c in codes if levels[c] not in (Area.Level.PROVINCE, Area.Level.NATION)]
    if communes:
        own = reading.own_records(communes, _two_years(p), wanted, tree)
        for c in communes:
            computed[c] = area_figures(c, p, own=own.get(c, []), catalogue=rules, basis=basis)
    for c in codes:
        if levels[c] == Area.Level.NATION:
            computed[c] = _nation(c, p, basis, tree, rules, indicators)
    return computed


def series(
    codes: list[str],
    indicator: str,
    years: list[int],
    measure: str = "level",
    basis: str = "current",
    plan: bool = False,
) -> dict[str, dict[str, Figure]]:
    """One indicator's figures for many areas over whole years: area -> period -> Figure.

    Each year's periods are those of :func:`figures` for that year, so a cell is the number the
    dashboard of its period shows."""
    out: dict[str, dict[str, Figure]] = {c: {} for c in codes}
    for y in sorted(set(years)):
        prefix = str(y)
        for code, figs in figures_of(codes, P.year(y), basis).items():
            for (ind, per, meas, is_plan), f in figs.figures.items():
                if ind == indicator and meas == measure and is_plan == plan and per.startswith(prefix):
                    out[code][per] = f
    return out


def province_figures(
    period: str | P.Period, basis: str = "current", indicators: tuple[str, ...] | None = None
) -> dict[str, AreaFigures]:
    """The figures of every current province (one read for those not cached): for ranks and
    the nation. ``indicators`` reads and computes those alone (with their parts and whole)."""
    p = P.parse(period)
    _check_basis(basis)
    codes = _once("tree", reading.area_tree).current_provinces()
    year = P.year(p.year)
    key = f"figures:{year.code}:{basis}:{_ikey(indicators)}"
    found = _cached_many(key, codes, lambda m: _compute(m, year, basis, indicators))
    return {c: figs.for_period(p) for c, figs in found.items()}


def indicator_figures(
    area: Area | str, indicators: tuple[str, ...], period: str | P.Period, basis: str = "current"
) -> AreaFigures:
    """The figures of ``indicators`` alone (with their parts and whole, for shares) for an area:
    the same routes and numbers as :func:`figures`, reading only those indicators' rows (the
    nation's rollup of one indicator: the provinces' communes' sums of that indicator)."""
    p = P.parse(period)
    code = _code(area)
    _check_basis(basis)
    indicators = tuple(sorted(indicators))
    year = P.year(p.year)
    key = f"figures:{year.code}:{basis}:{_ikey(indicators)}"
    return _cached_many(key, [code], lambda m: _compute(m, year, basis, indicators))[code].for_period(p)


def _ikey(indicators) -> str:
    return "all" if indicators is None else "+".join(sorted(indicators))


def _related(rules, indicators) -> list[str] | None:
    """The indicators asked with their whole and their parts (a share needs both)."""
    if indicators is None:
        return None
    out = set(indicators)
    for code in indicators:
        rule = rules.get(code)
        if rule is not None and rule.parent:
            out.add(rule.parent)
        out |= {c for c, r in rules.items() if r.parent in indicators}
    return sorted(out)


def _provinces(
    codes: list[str],
    p: P.Period,
    basis: str,
    tree,
    rules,
    indicators: list[str] | None = None,
    build=area_figures,
    child_periods: list[str] | None = None,
) -> dict[str, Any]:
    """Provinces' figures: own observations (with the namesake's before the merger), the merged
    provinces' (current basis) and the communes' sums, each province from one set of reads
    (``child_periods``: the communes' sums of those periods alone, else of the two years)."""
    wanted = _two_years(p)
    related = set(codes)
    for c in codes:
        related.update(tree.predecessors.get(c, ()))
        if tree.nodes[c].successor:
            related.add(tree.nodes[c].successor)
    with_communes = [c for c in codes if tree.nodes[c].current]
    # the nation's own rows too when it waits for these provinces (_nation): one round trip
    also = [c for c in _own_wanted() if c not in related]
    own, sums = reading.read_together(
        reading.own_read([*related, *also], wanted, indicators, tree),
        reading.sums_read(with_communes, child_periods or wanted, tree, rules, indicators),
    )
    own, sums = own or {}, sums or {}
    _own_read_for(also, wanted, indicators, own)
    inputs = {}
    for c in codes:
        records, merged, children = _basis_inputs(c, tree.nodes[c], basis, tree, own)
        inputs[c] = {"own": records, "merged": merged, "children": sums.get(c, []) if children else []}
    if build is area_levels:  # the provinces' levels together (those from their communes alone)
        return area_levels_many(inputs, p, catalogue=rules, basis=basis)
    return {c: build(c, p, **given, catalogue=rules, basis=basis) for c, given in inputs.items()}


def _basis_inputs(code: str, node, basis: str, tree, own: dict[str, list[dict]]):
    """(own records, merged provinces' records, whether the communes' sums apply) on ``basis``."""
    records = list(own.get(code, []))
    if not node.current:  # an old province: its own figures, and its successor's of the time if
        successor = node.successor  # it is the namesake the successor continues
        if successor and tree.namesake(successor) == code:
            records += [r for r in own.get(successor, []) if before_merger(r["period"])]
        return records, {}, False
    namesake = tree.namesake(code)
    if namesake:
        records += own.get(namesake, [])
    others = tree.merged_into(code)
    if basis == "current":
        merged = {old: own.get(old, []) for old in others}
        return records, merged, True
    # historical: the province as it then was; a merged province has no figure after the merger
    if others:
        records = [r for r in records if before_merger(r["period"])]
    return records, {}, not others


def _nation(code: str, p: P.Period, basis: str, tree, rules, indicators=None, build=area_figures):
    """The nation: its own observations, else the sum of the provinces' figures (the nation's
    boundary is the same on both bases; the provinces' are today's)."""
    wanted, related = _two_years(p), _related(rules, indicators)
    with _own_also(code):  # read with the provinces' own rows, when they are computed
        levels = _province_levels(p, None if indicators is None else tuple(sorted(indicators)), rules)
    own = _own_read_already(code, wanted, related)
    if own is None:
        own = reading.own_records([code], wanted, related, tree).get(code, [])
    children = _sum_levels(levels, rules, kind="provinces")
    return build(code, p, own=own, children=children, catalogue=rules, basis=basis)


@contextmanager
def _own_also(code: str):
    """While this is open, a read of provinces' own observations reads ``code``'s too (the
    nation's, which it needs after its provinces' levels) and keeps them in the call's memo."""
    memo = _memo.get()
    if memo is None:
        yield
        return
    wanted = memo.setdefault("own_also", [])
    wanted.append(code)
    try:
        yield
    finally:
        wanted.remove(code)


def _own_wanted() -> list[str]:
    memo = _memo.get()
    return list(memo.get("own_also", ())) if memo is not None else []


def _own_read_for(codes: list[str], periods: list[str], indicators, own: dict[str, list[dict]]) -> None:
    memo = _memo.get()
    if memo is not None:
        kept = memo.setdefault("own_read", {})
        key = (tuple(periods), None if indicators is None else tuple(indicators))
        for c in codes:
            kept[(c, *key)] = own.get(c, [])


def _own_read_already(code: str, periods: list[str], indicators) -> list[dict] | None:
    """``code``'s own observations if a read of this call found them (:func:`_own_also`)."""
    memo = _memo.get()
    if memo is None:
        return None
    key = (code, tuple(periods), None if indicators is None else tuple(indicators))
    return memo.get("own_read", {}).pop(key, None)


def _province_levels(p: P.Period, indicators, rules) -> dict[str, list[Level]]:
    """Each current province's chosen levels of the additive indicators (what the nation sums),
    over the two years of ``p``'s year (the same for every period of it: cached per year), as
    a few hundred tuples: no figures, routes or flags built (``area_levels``), none pickled."""
    codes = _once("tree", reading.area_tree).current_provinces()
    year = P.year(p.year)

    def compute(missing: list[str]) -> dict[str, list[Level]]:
        levels = _compute(missing, year, "current", indicators, build=area_levels)
        return {c: _additive(found, rules) for c, found in levels.items()}

    return _cached_many(f"levels:{year.code}:current:{_ikey(indicators)}", codes, compute)


def _additive(levels, rules) -> list:
    """The levels of the indicators summed (or averaged) over areas."""
    return [x for x in levels if x[0] in rules and rules[x[0]].over_areas]


def _sum_levels(by_area: dict[str, list[Level]], rules, kind: str) -> list[ChildLevel]:
    """Children's chosen levels summed (or averaged) per indicator and period."""
    acc: dict[tuple[str, str, bool], list[tuple[str, float, str, str]]] = {}
    for area, levels in by_area.items():
        for indicator, period, plan, value, qualifier, unit in levels:
            key = (indicator, period, plan)
            found = acc.get(key)
            if found is None:
                acc[key] = [(area, value, qualifier, unit)]
            else:
                found.append((area, value, qualifier, unit))
    out = []
    expected = len(by_area)
    for (indicator, period, plan), fs in acc.items():
        total = sum([value for _a, value, _q, _u in fs])
        if rules[indicator].area_aggregation == "average":
            total /= len(fs)
        suffix = f"|{indicator}|{period}|level"
        out.append(
            ChildLevel(  # positional: the nation's rollup of one indicator sums 54 of them
                indicator,
                period,
                total,
                len(fs),
                expected,
                kind,
                tuple([area + suffix for area, _v, _q, _u in fs]),
                _sum_qualifier({q for _a, _v, q, _u in fs}),
                plan,
                fs[0][3],
            )
        )
    return out


# -- one period's levels: what ranks and shares of the nation read ---------------------------------
@dataclass(frozen=True)
class PeriodLevels:
    """An area's levels of one period (indicator -> Level), and the indicators it may have a
    level of in some period of the two years (``known``: what the nation's sum could read)."""

    levels: dict[str, Level]
    known: frozenset[str]


def period_levels(period: str | P.Period, basis: str = "current") -> dict[str, PeriodLevels]:
    """Each current province's levels of ``period`` (the numbers its figures show), cached per
    province under its version: a few dozen tuples each, what ranks among the provinces read
    rather than every figure of 34 provinces."""
    p = P.parse(period)
    _check_basis(basis)
    codes = _once("tree", reading.area_tree).current_provinces()
    return _cached_many(f"plevels:{p.code}:{basis}", codes, lambda m: _period_levels(m, p, basis))


def _period_levels(codes: list[str], p: P.Period, basis: str) -> dict[str, PeriodLevels]:
    """The levels of ``p`` alone, each as :func:`figures` has it.

    ``area_levels`` with its children's route filled for ``p`` alone (from the communes' sums of
    ``p`` and of its quarters and months: all the route reads) gives the level of ``p`` the
    whole computation gives wherever it gives one: the area's own observations (and those of
    the provinces merged into it) are read and derived as in the whole, and a level is never
    replaced once known, so ``p``'s level is its own derived one, else its children's route, in
    both. The whole gives more only through its children's levels of other periods (a
    difference of spans, a sum of parts ...): where ``p`` has no level of an indicator whose
    breakdown the communes have sums of in the two years, the area's levels of the two years
    are computed whole instead (partial data)."""
    tree = _once("tree", reading.area_tree)
    rules = _once("rules", reading.catalogue)

    own: dict[str, set[str]] = {}  # the indicators each has observations of (its own, merged)

    def only_p(code, period, **inputs):
        own[code] = {r["indicator"] for r in inputs["own"]}
        own[code].update(r["indicator"] for rows in inputs["merged"].values() for r in rows)
        return area_levels(code, period, periods=[period.code], **inputs)

    shown = _figures_at_hand(codes, p, basis)
    codes = [c for c in codes if c not in shown]
    found = _provinces(codes, p, basis, tree, rules, None, only_p, child_periods=_route_periods(p))
    families = _families(rules)
    summed = {c for c, r in rules.items() if r.over_areas}
    at_p = {c: _levels_of(found[c], p) for c in codes}
    # of the indicators summed over areas (no other has a children's route), where p lacks one
    lacking = {c: {i for i in rules if i not in at_p[c] and families[i] & summed} for c in codes}
    asked = [c for c in codes if lacking[c] and tree.nodes[c].current]
    with_sums = reading.commune_indicators(asked, _two_years(p), tree) if asked else {}
    whole = [c for c in asked if any(families[i] & with_sums.get(c, set()) & summed for i in lacking[c])]
    out = {c: PeriodLevels(at_p[c], frozenset(at_p[c].keys() | own[c])) for c in codes}
    if whole:
        for c, levels in _provinces(whole, p, basis, tree, rules, None, area_levels).items():
            out[c] = PeriodLevels(_levels_of(levels, p), frozenset(x[0] for x in levels))
    return {**shown, **out}


def _figures_at_hand(codes: list[str], p: P.Period, basis: str) -> dict[str, PeriodLevels]:
    """The levels of the provinces whose whole figures of the year this process has at hand
    (a province's dashboard computed its own just before its ranks): read off them."""
    year = P.year(p.year)
    versions = _versions(codes)
    keys = {_full_key(f"figures:{year.code}:{basis}:all:{c}", versions[c]): c for c in codes}
    out = {}
    for key, figs in caching.recent.get_many(keys).items():
        levels = [
            (f.indicator, f.period, f.plan, f.value, f.qualifier, f.unit)
            for (_i, _per, measure, _plan), f in figs.figures.items()
            if measure == "level"
        ]
        out[keys[key]] = PeriodLevels(_levels_of(levels, p), frozenset(x[0] for x in levels))
    return out


def national_levels(period: str | P.Period) -> dict[str, Level]:
    """The nation's levels of ``period`` (indicator -> Level; on today's provinces), as its
    figures have them: what a province's share of the nation reads."""
    p = P.parse(period)
    return _cached_many(f"nlevels:{p.code}", [NATION], lambda _m: {NATION: _national_levels(p)})[NATION]


def _national_levels(p: P.Period) -> dict[str, Level]:
    """As :func:`_period_levels`, for the nation over the provinces' levels of ``p``: the sum of
    the provinces with a level of ``p`` is the children's route of ``p`` in the whole; where it
    gives none while a province has a level of the indicator's breakdown in another period,
    the nation's levels are computed whole."""
    tree = _once("tree", reading.area_tree)
    rules = _once("rules", reading.catalogue)
    provinces = period_levels(p, "current")
    by_area = {c: _additive(list(pl.levels.values()), rules) for c, pl in provinces.items()}
    own = reading.own_records([NATION], _two_years(p), None, tree).get(NATION, [])
    children = _sum_levels(by_area, rules, kind="provinces")
    levels = _levels_of(
        area_levels(NATION, p, own=own, children=children, catalogue=rules, periods=[p.code]), p
    )
    families = _families(rules)
    summed = {c for c, r in rules.items() if r.over_areas}
    known = set().union(*(pl.known for pl in provinces.values())) & summed
    if any(families[i] & known for i in rules if i not in levels):
        levels = _levels_of(_nation(NATION, p, "current", tree, rules, build=area_levels), p)
    return levels


def _levels_of(levels: list[Level], p: P.Period) -> dict[str, Level]:
    return {x[0]: x for x in levels if x[1] == p.code and not x[2]}


def _route_periods(p: P.Period) -> list[str]:
    """The periods a children's route of ``p`` reads: ``p``, its quarters, its months."""
    return [p.code, *(q.code for q in p.quarters), *(m.code for m in p.months)]


def _families(rules) -> dict[str, set[str]]:
    """Each indicator with the breakdown it is in (its whole, the whole's parts, its parts):
    what a level of it may be derived from."""
    out = {}
    for code, rule in rules.items():
        members = {code, *(c for c, r in rules.items() if r.parent == code)}
        if rule.parent:
            members |= {rule.parent, *(c for c, r in rules.items() if r.parent == rule.parent)}
        out[code] = members
    return out


# -- data quality -----------------------------------------------------------------------------------
def _context_periods(p: P.Period) -> list[str]:
    """The period, the same period last year, its year and its quarters: what the checks compare."""
    out = {p.code, p.same_period_last_year().code, p.year_period().code}
    out |= {q.code for q in p.quarters}
    out |= {q.same_period_last_year().code for q in p.quarters}
    return sorted(out)


def consistency_warnings(area: Area | str, period: str | P.Period) -> list[dict[str, Any]]:
    """Where the area's own stored values of ``period`` disagree with each other (the core's
    ``check_consistency`` over the rows as entered, whatever the boundary basis): what the entry
    grid and the data quality page show beside the values."""
    from marsad.core.analytics.consistency import check_consistency

    p = P.parse(period)
    code = _code(area)

    def compute():
        own = reading.own_records([code], _context_periods(p)).get(code, [])
        if not own:
            return []
        return [i for i in check_consistency(own, reading.catalogue()) if i["period"] == p.code]

    return _cached_many(f"warnings:{p.code}", [code], lambda _m: {code: compute()})[code]


# -- targets ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Verdict:
    """A target of the year and the one judgement of it, with the figure judged."""

    indicator: str
    measure: str
    value: float
    unit: str
    qualifier: str
    year: int
    period: str  # the span judged: the year to date of the period asked
    judgement: Judgement
    figure: Figure | None
    source: str  # "target" (set by a document) or "plan" (an annual plan observation)
    basis: str = "plan"  # or "central": the central government's estimate beside the area's plan

    @property
    def status(self) -> str:
        return self.judgement.status

    @property
    def achieved(self) -> float | None:
        return self.judgement.achieved


def target_verdicts(area: Area | str, period: str | P.Period, basis: str = "current") -> list[Verdict]:
    """Each target of the area's year, judged on the year to date (after Q3: 9 months).

    Targets are the year's ``Target`` rows and, for indicators with none on the level, the
    annual plan observations (status ``plan``) as "at least" level targets.
    """
    from marsad.targets.models import Target

    p = P.parse(period)
    code = _code(area)
    figs = figures(code, p, basis)
    ytd = p.to_date_span()
    rules = reading.catalogue()
    found = []
    seen = set()
    for t in Target.objects.filter(area__code=code, year=p.year).select_related("indicator"):
        if t.is_plan:
            seen.add((t.indicator.code, t.measure))
        found.append((t.indicator.code, t.measure, t.value, t.unit, t.qualifier, "target", t.basis))
    for f in figs.figures.values():
        if f.plan and f.measure == "level" and f.period == str(p.year) and (f.indicator, "level") not in seen:
            if f.method == "observed" or f.method == "merged_provinces":
                found.append((f.indicator, "level", f.value, f.unit, "at_least", "plan", "plan"))
    out = []
    for indicator, measure, value, unit, qualifier, source, basis in found:
        if source == "target" and basis == "plan":
            value = _plan_on_basis(figs, indicator, measure, p.year, value)
        figure = figs.get(indicator, measure, ytd.code)
        if figure is None and measure == "share_pct":
            figure = figs.get(indicator, "level", ytd.code)
        rule = rules.get(indicator)
        flow = rule is None or rule.time_aggregation == "flow"
        achieved = figure.value if figure is not None else None
        if achieved is None and measure == "level" and flow and basis == "plan":
            pct = figs.get(indicator, "plan_pct", ytd.code)
            if pct is not None:
                achieved = pct.value / 100 * value
        judgement = judge_target(
            measure=measure, value=value, qualifier=qualifier, period=ytd, achieved=achieved, flow=flow
        )
        out.append(
            Verdict(
                indicator, measure, value, unit, qualifier, p.year, ytd.code, judgement, figure, source, basis
            )
        )
    order = {c: i for i, c in enumerate(rules)}
    out.sort(key=lambda v: (order.get(v.indicator, 999), v.measure, v.basis != "plan"))
    return out


def _plan_on_basis(figs: AreaFigures, indicator: str, measure: str, year: int, value: float) -> float:
    """The year's plan of the area on the figures' boundaries: a province's own plan level set
    before the 2025 merger covers its old boundaries, so on today's it is judged against the
    plans of the provinces merged into it added to its own (the year's plan figure the same
    figures show), never today's figure against one old province's plan."""
    if measure != "level":
        return value
    plan = figs.get(indicator, "level", str(year), plan=True)
    return plan.value if plan is not None and plan.method == MERGED else value


def latest_figure(target) -> dict[str, Any]:
    """The latest year-to-date figure of the year for a ``Target``, judged once: what a
    directive's page shows next to the target it serves."""
    year, code, indicator = target.year, target.area.code, target.indicator.code
    figs = figures(code, P.year(year))  # holds every period of the year
    rule = reading.catalogue().get(indicator)
    value = target.value
    if target.is_plan:
        value = _plan_on_basis(figs, indicator, target.measure, year, value)
    for months in range(12, 0, -1):
        ytd = P.year_to_date(year, months)
        figure = figs.get(indicator, target.measure, ytd.code)
        if figure is None:
            continue
        judgement = judge_target(
            measure=target.measure,
            value=value,
            qualifier=target.qualifier,
            period=ytd,
            achieved=figure.value,
            flow=rule is None or rule.time_aggregation == "flow",
        )
        return {"target": target, "figure": figure, "period": ytd.code, "judgement": judgement}
    return {"target": target, "figure": None, "period": None, "judgement": None}


# -- comparisons ------------------------------------------------------------------------------------
def rankings(period: str | P.Period, basis: str = "current") -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Every (indicator, measure) of the period with the current provinces ranked on it (the
    core's ``rank``: 1 = highest, ties share a rank), read once from the provinces' figures and
    cached on the data version; the levels as :func:`level_rankings` ranks them."""
    out = dict(_measure_rankings(period, basis))
    out.update({(i, "level"): rows for i, rows in level_rankings(period, basis).items()})
    return dict(sorted(out.items()))


def _measure_rankings(period: str | P.Period, basis: str) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The rankings of every measure but the level, from the provinces' whole figures."""
    p = P.parse(period)
    _check_basis(basis)

    def compute():
        records = [
            _rank_record(code, f.indicator, f.measure, f.value)
            for code, figs in province_figures(p, basis).items()
            for f in figs.of_period(p.code)
            if f.measure != "level"
        ]
        return _ranked(records, p)

    return _cached(f"rankings:{p.code}:{basis}", compute)


def level_rankings(period: str | P.Period, basis: str = "current") -> dict[str, list[dict[str, Any]]]:
    """Each indicator with the current provinces ranked on its level of the period, from their
    levels of that period alone (:func:`period_levels`), cached under the versions of the areas
    they read (the nation's): what a province's dashboard shows on each card."""
    p = P.parse(period)
    _check_basis(basis)

    def compute(_missing) -> dict:
        records = [
            _rank_record(code, x[0], "level", x[3])
            for code, found in period_levels(p, basis).items()
            for x in found.levels.values()
        ]
        ranked = _ranked(records, p)
        # kept as plain tuples (a small entry to read back), given back as the rows rank makes
        return {NATION: {i: [tuple(r.values()) for r in rows] for (i, _m), rows in ranked.items()}}

    found = _cached_many(f"level-ranks:{p.code}:{basis}", [NATION], compute)[NATION]
    return {i: [dict(zip(_RANK_COLUMNS, r, strict=True)) for r in rows] for i, rows in found.items()}


_RANK_COLUMNS = ("area", "value", "rank", "of")


def _rank_record(area: str, indicator: str, measure: str, value: float) -> dict[str, Any]:
    return {"area": area, "indicator": indicator, "measure": measure, "value": value}


def _ranked(records: list[dict[str, Any]], p: P.Period) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The areas ranked on each (indicator, measure) of ``records`` (figures of the period ``p``,
    one per area and key): the core's rule, on plain tuples."""
    from marsad.core.analytics.ranking import rank_values

    groups: dict[tuple[str, str], dict[str, float]] = {}
    for r in records:
        groups.setdefault((r["indicator"], r["measure"]), {}).setdefault(r["area"], r["value"])
    return {
        key: [dict(zip(_RANK_COLUMNS, row, strict=True)) for row in rank_values(values.items())]
        for key, values in sorted(groups.items())
    }


def ranking(
    indicator: str, period: str | P.Period, measure: str = "level", basis: str = "current"
) -> list[dict[str, Any]]:
    """The current provinces with a figure for ``indicator`` / ``measure``, ranked."""
    if measure == "level":
        return level_rankings(period, basis).get(indicator, [])
    return _measure_rankings(period, basis).get((indicator, measure), [])


def rank_of(
    area: str, indicator: str, period: str | P.Period, measure: str = "level", basis: str = "current"
) -> dict | None:
    for r in ranking(indicator, period, measure, basis):
        if r["area"] == area:
            return r
    return None


def national_figure(indicator: str, period: str | P.Period, measure: str = "level") -> Figure | None:
    """The nation's figure, when it is one: observed, or summed from every province (a sum of
    the few provinces with data is not the nation's figure), or derived from such levels."""
    p = P.parse(period)
    figs = figures(NATION, p)
    f = figs.get(indicator, measure, p.code)
    if f is None:
        return None
    if f.method == "observed":
        return f

    def whole(x: Figure | None) -> bool:
        return x is not None and (x.method == "observed" or bool(x.expected and x.count >= x.expected))

    if measure == "level":
        return f if whole(f) else None
    # a rate derived from the nation's levels of the period and of the same period a year before
    now, before = (figs.get(indicator, "level", q.code) for q in (p, p.shift_years(-1)))
    return f if whole(now) and whole(before) else None


def standing(
    area: Area | str, indicator: str, period: str | P.Period, measure: str = "yoy_pct"
) -> dict | None:
    """Where a current province stands on a figure of the period: its rank among the provinces
    with the figure (1 = highest) and among those of its region, and the national figure.

    ``{"value", "rank", "of", "region", "region_rank", "region_of", "national", "provinces"}``
    (``provinces``: how many current provinces there are; ``of`` may be fewer), or None when the
    area is not a current province with the figure.
    """
    from marsad.core.regions import region_of, regions

    code = _code(area)
    rows = ranking(indicator, period, measure)
    mine = next((r for r in rows if r["area"] == code), None)
    if mine is None:
        return None
    region = region_of(code)
    peers = [r for r in rows if region and r["area"] in regions()[region]]
    national = national_figure(indicator, period, measure)
    return {
        "value": mine["value"],
        "rank": mine["rank"],
        "of": mine["of"],
        "provinces": len(reading.area_tree().current_provinces()),
        "region": region,
        "region_rank": next((i for i, r in enumerate(peers, start=1) if r["area"] == code), None),
        "region_of": len(peers),
        "national": None if national is None else national.value,
    }


def lagging_communes(area: Area, period: str | P.Period, limit: int = 10) -> dict[str, Any] | None:
    """The communes under ``area`` lowest on % of plan reached (else growth) for the period: the
    indicator most communes report, each commune's figure, the communes' mean and each gap."""
    from django.db.models import Count

    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    p = P.parse(period)
    if area.level == Area.Level.COMMUNE:
        return None
    communes = Area.objects.subtree(area).filter(level=Area.Level.COMMUNE)
    # Every indicator named: the (area, indicator, period, measure) key then finds a period's rows
    # of each commune in a few probes (16 ms on the 12 M set) instead of reading all of its rows
    # (a province's 99 communes x 30 indicators x 120 months: 57 ms a statement, two statements).
    indicators = list(Indicator.objects.values_list("pk", flat=True))
    qs = Observation.objects.filter(area__in=communes, indicator_id__in=indicators, period=p.code).exclude(
        status="plan"
    )
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
        rows = list(
            qs.filter(measure=measure, indicator_id=pick["indicator"])
            .select_related("area")
            .order_by("value")
        )
        # Values are stored exact (Decimal); the comparison and the chart are analytics, in floats.
        mean = sum(float(o.value) for o in rows) / len(rows)
        return {
            "indicator": Indicator.objects.get(pk=pick["indicator"]),
            "measure": measure,
            "reference": mean,
            "rows": [
                {"area": o.area, "value": float(o.value), "gap": float(o.value) - mean, "observation": o.pk}
                for o in rows
                if float(o.value) < mean
            ][:limit],
        }
    return None
