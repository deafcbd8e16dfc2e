"""Derived measures: what follows from the observations by arithmetic alone.

Rules (``method`` names), applied per area until nothing new follows; an observed value is never
replaced, a derived value never replaces another:

    yoy_from_levels          yoy_pct(p) = level(p) / level(p - 1y) * 100 - 100
    level_from_growth        level(p) = level(p - 1y) * (1 + yoy_pct(p) / 100)
    previous_level_from_growth
                             level(p - 1y) = level(p) / (1 + yoy_pct(p) / 100)
    difference_of_spans      flows: level(9M) - level(S1) = level(Q3); year - S1 = S2 ...
    sum_of_pieces            flows: Q1 + Q2 + Q3 = 9M; three months = their quarter ...
    plan_pct_from_plan       plan_pct(p) = level(p) / plan level(year) * 100
    plan_from_plan_pct       plan level(year) = level(p) / plan_pct(p) * 100
    share_of_parent          share_pct(child, p) = level(child) / level(parent) * 100
    contribution_from_levels contribution_pp(child, p) =
                             (level(child, p) - level(child, p - 1y)) / level(parent, p - 1y) * 100
                             (= last year's share x the child's growth)
    residual_of_parent       the one missing part of a breakdown: parent - the other parts
                             (GRDP - sectors = product taxes)
    sum_of_parts             the whole of a breakdown from all its parts

A derived value's qualifier is ``about`` (published inputs are rounded), except where the rule
carries a bound through: GRDP "more than 5,800" minus exact sectors gives product taxes "more
than 248"; sums and differences of exact figures stay exact. Its status is the least final of
its inputs'. Stocks and rates are never summed over time; breakdowns (an indicator's ``parent``) are taken as
additive, as GRDP = sectors + product taxes is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Any

import polars as pl

from marsad.core import periods as P

from .frames import (
    CatalogueRead,
    catalogue_read,
    children_of,
    observation_frame,
    output_frame,
    rule_of,
    select_best,
)

__all__ = ["Fact", "FactBase", "derive"]

PCT_UNIT = {"yoy_pct": "%", "plan_pct": "%", "share_pct": "%", "contribution_pp": "pp"}
_LOWER = ("more_than", "at_least")
_UPPER = ("less_than",)
_STATUS_ORDER = ("plan", "estimate", "preliminary", "official")
# Derived facts no rule reads to make another: a growth from the two levels it relates (the
# growth rules read a growth only to make a missing level), a share of plan from the level and
# the plan, a share and a contribution from the levels (no rule reads those two at all).
LEADS_NOWHERE = frozenset(
    {"yoy_from_levels", "plan_pct_from_plan", "share_of_parent", "contribution_from_levels"}
)


@dataclass(slots=True)
class Fact:
    area: str
    indicator: str
    period: str
    measure: str
    value: float
    unit: str = ""
    status: str = "official"
    qualifier: str = "exact"
    id: str = ""
    derived: bool = False
    inputs: list[str] = field(default_factory=list)
    method: str = "observed"

    @property
    def is_plan(self) -> bool:
        return self.status == "plan"

    def __reduce__(self):
        # pickled as its fields in order: a slots dataclass otherwise pickles a dict of its slots
        # per object (a province's cached figures hold thousands of facts)
        return (Fact, _FACT_FIELDS(self))

    def as_row(self) -> dict[str, Any]:
        return {
            "area": self.area,
            "indicator": self.indicator,
            "period": self.period,
            "measure": self.measure,
            "value": self.value,
            "unit": self.unit,
            "status": self.status,
            "qualifier": self.qualifier,
            "id": self.id,
            "derived": self.derived,
            "inputs": list(self.inputs),
            "method": self.method,
        }


_FACT_FIELDS = attrgetter(*Fact.__slots__)
Key = tuple[str, str, str, str, bool]  # area, indicator, period, measure, is_plan


class FactBase:
    """Facts by key, with the arithmetic rules that add derived facts."""

    def __init__(self, catalogue: Mapping[str, Any] | None = None) -> None:
        self.catalogue = catalogue or {}
        self.facts: dict[Key, Fact] = {}
        self._levels_only = False  # during derive(levels_only=True)

    def __getstate__(self) -> dict[str, Any]:
        # the catalogue and the facts: what was read of the catalogue is read again when asked
        return {"catalogue": self.catalogue, "facts": self.facts, "_levels_only": False}

    # -- access ----------------------------------------------------------------------------
    def add(self, fact: Fact) -> bool:
        key = (fact.area, fact.indicator, fact.period, fact.measure, fact.is_plan)
        if key in self.facts:
            return False
        self.facts[key] = fact
        return True

    def get(
        self, area: str, indicator: str, period: str, measure: str = "level", plan: bool = False
    ) -> Fact | None:
        return self.facts.get((area, indicator, period, measure, plan))

    def has(self, area: str, indicator: str, period: str, measure: str = "level", plan: bool = False) -> bool:
        """Whether a fact of that key is known (observed or derived)."""
        return (area, indicator, period, measure, plan) in self.facts

    def value(
        self, area: str, indicator: str, period: str, measure: str = "level", plan: bool = False
    ) -> float | None:
        f = self.get(area, indicator, period, measure, plan)
        return None if f is None else f.value

    def rows(self) -> list[dict[str, Any]]:
        return [f.as_row() for f in self.facts.values()]

    # -- derivation ------------------------------------------------------------------------
    def derive(self, max_rounds: int = 8, exhaustive: bool = False, levels_only: bool = False) -> int:
        """Apply every rule until nothing new follows; return how many facts were added.

        After the first round the rules read only the facts of the (area, indicator) groups a
        new fact can give something to (:meth:`_touched`): the rules of a group read that group
        and its breakdown alone, so the others would only give what they already gave. The
        facts keep their order, so the same candidates come first. ``exhaustive`` reads every
        fact every round (what the tests compare this with).

        ``levels_only`` leaves out the rules of ``LEADS_NOWHERE`` (growth, share of plan, share
        and contribution from levels): no rule reads what they make, so every level is the same
        without them; what a sum over areas reads (the nation's rollup of its provinces) is the
        levels alone, and those rules made a third of the facts."""
        self._levels_only = levels_only
        try:
            return self._derive(max_rounds, exhaustive)
        finally:
            self._levels_only = False

    def _derive(self, max_rounds: int, exhaustive: bool) -> int:
        added = 0
        snapshot = list(self.facts.values())
        for _ in range(max_rounds):
            new: list[Fact] = []
            for rule in (
                self._growth_rules,
                self._span_rules,
                self._plan_rules,
                self._breakdown_rules,
            ):
                new.extend(rule(snapshot))
            fresh = [f for f in new if self.add(f)]
            added += len(fresh)
            if not fresh:
                break
            if exhaustive:
                snapshot = list(self.facts.values())
                continue
            touched = self._touched(fresh)
            if not touched:
                break
            snapshot = [f for f in self.facts.values() if (f.area, f.indicator) in touched]
        return added

    def _touched(self, fresh: list[Fact]) -> set[tuple[str, str]]:
        """The (area, indicator) groups whose rules may give more now that ``fresh`` are known:
        each new fact's group and the groups of every breakdown it is in (its whole and that
        whole's parts, its own parts). A fact whose method is in ``LEADS_NOWHERE`` touches none:
        it was computed from the very facts it could help derive, which are therefore known."""
        out: set[tuple[str, str]] = set()
        for f in fresh:
            if f.method in LEADS_NOWHERE:
                continue
            out.add((f.area, f.indicator))
            out.update((f.area, i) for i in self._family(f.indicator))
        return out

    @cached_property
    def _read(self) -> CatalogueRead:
        return catalogue_read(self.catalogue)

    @property
    def _families(self) -> dict[str, tuple[str, ...]]:
        return self._read.families

    @property
    def _wholes(self) -> dict[str, str]:
        return self._read.wholes

    @property
    def _flows(self) -> frozenset[str]:
        return self._read.flows

    def _family(self, indicator: str) -> tuple[str, ...]:
        families = self._families
        if indicator not in families:
            parent = rule_of(self.catalogue, indicator).parent
            members = {*children_of(self.catalogue, indicator)}
            if parent:
                members |= {parent, *children_of(self.catalogue, parent)}
            families[indicator] = tuple(sorted(members))
        return families[indicator]

    def _make(
        self,
        template: Fact,
        *,
        indicator=None,
        period=None,
        measure="level",
        value: float,
        inputs: list[Fact],
        method: str,
        plan: bool = False,
        qualifier: str = "about",
    ) -> Fact:
        indicator = indicator or template.indicator
        period = period or template.period
        unit = PCT_UNIT.get(measure)
        if unit is None:
            unit = next((f.unit for f in inputs if f.measure == "level" and f.indicator == indicator), "")
            unit = unit or rule_of(self.catalogue, indicator).unit
        if plan:
            status = "plan"
        else:  # the least final of the inputs' (the first of equals), as min() with _status_rank
            status, least = "estimate", None
            for f in inputs:
                if f.status != "plan":
                    rank = _STATUS_RANKS.get(f.status, 0)
                    if least is None or rank < least:
                        status, least = f.status, rank
        # positional: a commune's figures derive a few thousand facts, and keywords cost twice
        return Fact(
            template.area,
            indicator,
            period,
            measure,
            float(value),
            unit,
            status,
            qualifier,
            f"{template.area}|{indicator}|{period}|{measure}" + ("|plan" if plan else ""),
            True,
            [f.id for f in inputs],
            method,
        )

    def _growth_rules(self, facts: list[Fact]) -> list[Fact]:
        out = []
        if self._levels_only and not self._knows("yoy_pct"):
            return out  # growth from the levels left out: the other two rules read a growth
        for f in facts:
            if f.is_plan or f.measure not in ("level", "yoy_pct"):
                continue
            cal = _calendar(f.period)
            if cal is None:
                continue
            _p, prev, nxt, _year = cal
            if f.measure == "level":
                before = None if self._levels_only else self.get(f.area, f.indicator, prev)
                if before is not None and before.value:
                    if self.get(f.area, f.indicator, f.period, "yoy_pct") is None:
                        out.append(
                            self._make(
                                f,
                                measure="yoy_pct",
                                value=(f.value / before.value - 1) * 100,
                                inputs=[f, before],
                                method="yoy_from_levels",
                            )
                        )
                g = self.get(f.area, f.indicator, nxt, "yoy_pct")
                if g is not None and self.get(f.area, f.indicator, nxt) is None:
                    out.append(
                        self._make(
                            f,
                            period=nxt,
                            value=f.value * (1 + g.value / 100),
                            inputs=[f, g],
                            method="level_from_growth",
                        )
                    )
            else:  # yoy_pct
                level = self.get(f.area, f.indicator, f.period)
                if level is not None and self.get(f.area, f.indicator, prev) is None and f.value != -100:
                    out.append(
                        self._make(
                            f,
                            period=prev,
                            value=level.value / (1 + f.value / 100),
                            inputs=[level, f],
                            method="previous_level_from_growth",
                            qualifier=_scaled_qualifier(level),
                        )
                    )
        return out

    def _span_rules(self, facts: list[Fact]) -> list[Fact]:
        """Flows only: spans from differences of nested spans, and from sums of their pieces."""
        out = []
        levels: dict[tuple[str, str], dict[P.Period, Fact]] = {}
        for f in facts:
            if f.is_plan or f.measure != "level" or f.indicator not in self._flows:
                continue
            cal = _calendar(f.period)
            if cal is not None:  # spans only combine within a calendar year
                p = cal[0]
                levels.setdefault((f.area, f.indicator, p.year), {})[p] = f
        for (area, indicator, year), by_period in levels.items():
            if len(by_period) < 2 or len(by_period) == len(P.periods_of_year(year)):
                # a difference and a sum each read two spans or more of the year; and when every
                # span of the year is known, neither can add one
                continue
            known = set(by_period)
            # differences: b minus a nested piece sharing its start or its end (the pieces that
            # share one are looked up, in the order of by_period, rather than every pair tried)
            order = {x: i for i, x in enumerate(by_period)}
            by_first: dict[int, list[P.Period]] = {}
            by_last: dict[int, list[P.Period]] = {}
            for x in by_period:
                by_first.setdefault(x.first, []).append(x)
                by_last.setdefault(x.last, []).append(x)
            for b in list(by_period):
                if b.first == b.last:
                    continue  # a month holds no other span: nothing to take from it
                sharing = sorted(
                    {*by_first.get(b.first, ()), *by_last.get(b.last, ())}, key=order.__getitem__
                )
                for a in sharing:
                    if a == b or not b.contains(a):
                        continue
                    if a.first == b.first:
                        rest = _try_period(b.year, a.last + 1, b.last)
                    elif a.last == b.last:
                        rest = _try_period(b.year, b.first, a.first - 1)
                    else:
                        continue
                    if rest is None or rest in known or self.get(area, indicator, rest.code) is not None:
                        continue
                    fb, fa = by_period[b], by_period[a]
                    out.append(
                        self._make(
                            fb,
                            period=rest.code,
                            value=fb.value - fa.value,
                            inputs=[fb, fa],
                            method="difference_of_spans",
                            qualifier=_difference_qualifier(fb.qualifier, fa.qualifier),
                        )
                    )
                    known.add(rest)
            # sums: quarters from months, year-to-date spans and halves from quarters
            years = {p.year for p in by_period}
            for y in years:
                for target in _sum_targets(y):
                    if target in by_period or self.get(area, indicator, target.code) is not None:
                        continue
                    pieces = _pieces(target, by_period)
                    if pieces is None:
                        continue
                    fs = [by_period[q] for q in pieces]
                    out.append(
                        self._make(
                            fs[0],
                            period=target.code,
                            value=sum(f.value for f in fs),
                            inputs=fs,
                            method="sum_of_pieces",
                            qualifier=_sum_qualifier(f.qualifier for f in fs),
                        )
                    )
        return out

    def _plan_rules(self, facts: list[Fact]) -> list[Fact]:
        out = []
        if self._levels_only and not self._knows("plan_pct"):
            return out  # the share of plan left out: the plan from it needs one
        for f in facts:
            if f.is_plan or f.measure != "level":
                continue
            cal = _calendar(f.period)
            if cal is None:
                continue
            ycode = cal[3]
            plan = self.get(f.area, f.indicator, ycode, plan=True)
            pct = self.get(f.area, f.indicator, f.period, "plan_pct")
            if plan is not None and plan.value and pct is None and not self._levels_only:
                out.append(
                    self._make(
                        f,
                        measure="plan_pct",
                        value=f.value / plan.value * 100,
                        inputs=[f, plan],
                        method="plan_pct_from_plan",
                    )
                )
            if pct is not None and pct.value and plan is None:
                out.append(
                    self._make(
                        f,
                        period=ycode,
                        value=f.value / pct.value * 100,
                        inputs=[f, pct],
                        method="plan_from_plan_pct",
                        plan=True,
                    )
                )
        return out

    def _knows(self, measure: str) -> bool:
        """Whether any fact is of ``measure``."""
        return any(f.measure == measure for f in self.facts.values())

    def _breakdown_rules(self, facts: list[Fact]) -> list[Fact]:
        out = []
        wholes = self._wholes
        seen: set[tuple[str, str, str]] = set()
        for f in facts:
            if f.is_plan or f.measure != "level":
                continue
            parent_code = wholes.get(f.indicator)
            if parent_code is None or (f.area, parent_code, f.period) in seen:
                continue
            seen.add((f.area, parent_code, f.period))
            out.extend(self._breakdown(f.area, parent_code, f.period))
        return out

    def _breakdown(self, area: str, parent: str, period: str) -> list[Fact]:
        out = []
        whole = self.get(area, parent, period)
        parts = children_of(self.catalogue, parent)
        known = {c: self.get(area, c, period) for c in parts}
        missing = [c for c, f in known.items() if f is None]
        if whole is not None and len(missing) == 1 and len(parts) > 1:
            others = [f for f in known.values() if f is not None]
            out.append(
                self._make(
                    whole,
                    indicator=missing[0],
                    value=whole.value - sum(f.value for f in others),
                    inputs=[whole, *others],
                    method="residual_of_parent",
                    qualifier=_residual_qualifier(whole, others),
                )
            )
        if whole is None and parts and not missing:
            fs = list(known.values())
            out.append(
                self._make(
                    fs[0],
                    indicator=parent,
                    value=sum(f.value for f in fs),
                    inputs=fs,
                    method="sum_of_parts",
                    qualifier=_sum_qualifier(f.qualifier for f in fs),
                )
            )
        if whole is None or self._levels_only:
            return out
        p = _period(period)
        prev = _shifted(p, -1) if p else None
        whole_before = self.get(area, parent, prev) if prev else None
        for c, part in known.items():
            if part is None:
                continue
            if whole.value and self.get(area, c, period, "share_pct") is None:
                out.append(
                    self._make(
                        part,
                        measure="share_pct",
                        value=part.value / whole.value * 100,
                        inputs=[part, whole],
                        method="share_of_parent",
                    )
                )
            part_before = self.get(area, c, prev) if prev else None
            if (
                whole_before is not None
                and whole_before.value
                and part_before is not None
                and self.get(area, c, period, "contribution_pp") is None
            ):
                out.append(
                    self._make(
                        part,
                        measure="contribution_pp",
                        value=(part.value - part_before.value) / whole_before.value * 100,
                        inputs=[part, part_before, whole_before],
                        method="contribution_from_levels",
                    )
                )
        return out


def derive(observations: Any, catalogue: Mapping[str, Any] | None = None) -> pl.DataFrame:
    """Observations plus every value derivable from them, as an output frame (see frames.py)."""
    base = fact_base(observations, catalogue)
    base.derive()
    return output_frame(base.rows())


_FIELDS = ("area", "indicator", "period", "measure", "value", "unit", "status", "qualifier", "id")
_DEFAULTS = {"measure": "level", "unit": "", "status": "official", "qualifier": "exact"}


def _best_records(records: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Plain records as :func:`select_best` of their frame leaves them (the same defaults, the
    same order), without building a frame: an area's few hundred rows are read many times over."""
    from marsad.core.measures import STATUS_RANK

    rows = []
    for r in records:
        row = {k: r.get(k) for k in _FIELDS}
        for k, v in _DEFAULTS.items():
            if row[k] is None:
                row[k] = v
        try:
            row["value"] = None if row["value"] is None else float(row["value"])
        except (TypeError, ValueError):
            row["value"] = None
        for k in ("area", "indicator", "period", "measure", "unit", "status", "qualifier"):
            row[k] = None if row[k] is None else str(row[k])
        if row["id"] is None:
            row["id"] = f"{row['area']}|{row['indicator']}|{row['period']}|{row['measure']}"
        else:
            row["id"] = str(row["id"])
        rows.append(row)
    rows.sort(key=lambda row: -STATUS_RANK.get(row["status"], -1))  # stable, as the frame's sort
    seen, out = set(), []
    for row in rows:
        key = (row["area"], row["indicator"], row["period"], row["measure"], row["status"] == "plan")
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def fact_base(observations: Any, catalogue: Mapping[str, Any] | None = None) -> FactBase:
    if isinstance(observations, list | tuple) and all(isinstance(r, Mapping) for r in observations):
        rows = _best_records(observations)
    else:
        rows = select_best(observation_frame(observations)).iter_rows(named=True)
    base = FactBase(catalogue)
    for r in rows:
        if r["value"] is None:
            continue
        base.add(
            Fact(
                **{
                    k: r[k]
                    for k in (
                        "area",
                        "indicator",
                        "period",
                        "measure",
                        "value",
                        "unit",
                        "status",
                        "qualifier",
                        "id",
                    )
                }
            )
        )
    return base


# -- helpers ------------------------------------------------------------------------------------
_STATUS_RANKS = {s: i for i, s in enumerate(_STATUS_ORDER)}  # (a lookup: every derived fact asks)


def _status_rank(s: str) -> int:
    return _STATUS_RANKS.get(s, 0)


def _period(code: str) -> P.Period | None:
    try:
        return P.parse(code)
    except P.PeriodError:
        return None


@lru_cache(maxsize=8192)
def _calendar(code: str) -> tuple[P.Period, str, str, str] | None:
    """A period code's period and the codes of the same period a year before and a year after
    and of its year ("" where the calendar ends), or None for a code that is no period: looked
    up by the code's string once, as every rule of every area asks for the same few periods."""
    p = _period(code)
    if p is None:
        return None
    return p, _shifted(p, -1), _shifted(p, 1), p.year_period().code


@lru_cache(maxsize=4096)
def _shifted(p: P.Period, years: int) -> str:
    """The code of ``p`` moved by ``years`` ("" outside the calendar periods can name)."""
    try:
        return p.shift_years(years).code
    except P.PeriodError:
        return ""


@lru_cache(maxsize=4096)
def _try_period(y: int, first: int, last: int) -> P.Period | None:
    try:
        return P.Period(y, first, last)
    except P.PeriodError:
        return None


@lru_cache(maxsize=256)
def _sum_targets(y: int) -> list[P.Period]:
    quarters = [P.quarter(y, q) for q in range(1, 5)]
    ytd = [P.year_to_date(y, n) for n in range(2, 13)]  # 8M from eight months, 9M from quarters ...
    return [*quarters, *ytd, P.half(y, 2)]


def _pieces(target: P.Period, known: Mapping[P.Period, Fact]) -> list[P.Period] | None:
    """The known quarters, else the known months, that exactly cover ``target`` (two or more)."""
    for pieces in _quarters_and_months(target):
        if len(pieces) > 1 and pieces[0].first == target.first and pieces[-1].last == target.last:
            if all(q in known for q in pieces) and len(pieces) * pieces[0].length == target.length:
                return list(pieces)
    return None


@lru_cache(maxsize=4096)
def _quarters_and_months(p: P.Period) -> tuple[tuple[P.Period, ...], tuple[P.Period, ...]]:
    """A period's quarters and months, built once: derivation asks for them again and again."""
    return p.quarters, p.months


def _scaled_qualifier(level: Fact) -> str:
    return level.qualifier if level.qualifier in (*_LOWER, *_UPPER) else "about"


def _sum_qualifier(qualifiers: Iterable[str]) -> str:
    """The qualifier of a sum of values so qualified: exact when each is; a lower bound when
    each is exact or a lower bound (an upper bound alike); else about."""
    qs = set(qualifiers)
    if qs <= {"exact"}:
        return "exact"
    if qs <= {"exact", *_LOWER}:
        return "more_than"
    if qs <= {"exact", *_UPPER}:
        return "less_than"
    return "about"


def _difference_qualifier(big: str, small: str) -> str:
    """The qualifier of ``big`` - ``small`` from theirs: a lower bound less an exact value or an
    upper bound is a lower bound, and so on."""
    if big == "exact" and small == "exact":
        return "exact"
    if big in _LOWER and small in ("exact", *_UPPER):
        return "more_than"
    if big in _UPPER and small in ("exact", *_LOWER):
        return "less_than"
    return "about"


def _residual_qualifier(whole: Fact, parts: list[Fact]) -> str:
    # GRDP "more than 5,800" minus exact sectors: the residual is a lower bound.
    return _difference_qualifier(whole.qualifier, _sum_qualifier(p.qualifier for p in parts))
