"""Consistency checks: every place where the observations disagree with each other.

Only observed values are compared (derived ones follow from them by construction). Each
disagreement names the check, the figures, what one side implies and what the other says, and
the ids of every observation involved. Checks:

    parts_sum        the parts of a breakdown do not add up to the whole (all parts known)
    growth_levels    a yoy_pct does not match its two levels
    plan_pct_plan    a plan_pct does not match the level and the annual plan
    shares_sum       the shares of a breakdown's parts do not add up to 100
    share_levels     a share_pct does not match the part's and the whole's levels
    contributions_sum  contributions (pp) of all parts do not add up to the whole's growth
    spans_sum        flows: quarters (or months) do not add up to the span they cover

A bound ("more than 5,800") only disagrees when it is broken, not when it is not met exactly;
a figure written "about" gets five times the tolerance.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marsad.core import periods as P

from .derive import Fact, FactBase, _sum_qualifier, fact_base
from .frames import children_of, rule_of

__all__ = ["check_consistency"]

_LOWER = ("more_than", "at_least")
_UPPER = ("less_than",)


def check_consistency(
    observations: Any,
    catalogue: Mapping[str, Any] | None = None,
    *,
    tolerance_pct: float = 0.5,
    tolerance_pp: float = 0.1,
    tolerance_share_pp: float = 0.5,
) -> list[dict[str, Any]]:
    """Every disagreement, as dicts (check, area, indicator, period, expected, found, difference,
    unit, message, observations: ids).

    ``tolerance_pct`` is relative, for sums of levels; ``tolerance_pp`` absolute, for a growth or
    plan percentage computed from levels; ``tolerance_share_pp`` for shares adding to 100.
    """
    base = fact_base(observations, catalogue)
    facts = [f for f in base.facts.values() if not f.is_plan]
    out: list[dict[str, Any]] = []
    parents = sorted({rule_of(catalogue, c).parent for c in (catalogue or {})} - {None})
    areas_periods = sorted({(f.area, f.period) for f in facts})

    for area, period in areas_periods:
        for parent in parents:
            parts = children_of(catalogue, parent)
            out.extend(_parts_sum(base, area, period, parent, parts, tolerance_pct))
            out.extend(_shares(base, area, period, parent, parts, tolerance_share_pp, tolerance_pp))
            out.extend(_contributions(base, area, period, parent, parts, tolerance_pp))
    for f in facts:
        if f.measure == "yoy_pct":
            out.extend(_growth(base, f, tolerance_pp))
        elif f.measure == "plan_pct":
            out.extend(_plan(base, f, tolerance_pp))
    out.extend(_spans(base, facts, catalogue, tolerance_pct))
    return sorted(out, key=lambda d: (d["area"], d["period"], d["indicator"], d["check"]))


def _item(check: str, f: Fact, expected: float, found: float, unit: str, message: str, involved: list[Fact]):
    return {
        "check": check,
        "area": f.area,
        "indicator": f.indicator,
        "period": f.period,
        "expected": expected,
        "found": found,
        "difference": found - expected,
        "unit": unit,
        "message": message,
        "observations": [x.id for x in involved],
    }


def _breaks(
    found: float, expected: float, tol: float, found_q: str = "exact", expected_q: str = "exact"
) -> bool:
    """True when ``found`` and ``expected`` disagree beyond ``tol``, honouring bounds.

    A lower bound on ``expected`` (its inputs were "more than") only breaks when ``found`` is
    below it; a lower bound on ``found`` only when ``found``'s bound exceeds ``expected``.
    """
    diff = found - expected
    if "about" in (found_q, expected_q):
        tol *= 5  # "about 9.5 %" is not contradicted by 9.6 %
    low_exp, up_exp = expected_q in _LOWER, expected_q in _UPPER
    low_found, up_found = found_q in _LOWER, found_q in _UPPER
    if low_exp or up_found:
        return diff < -tol  # expected is at least this / found at most this
    if up_exp or low_found:
        return diff > tol
    return abs(diff) > tol


def _parts_sum(base: FactBase, area: str, period: str, parent: str, parts: list[str], tol_pct: float):
    whole = base.get(area, parent, period)
    known = [base.get(area, c, period) for c in parts]
    if whole is None or not parts or any(k is None for k in known):
        return []
    total = sum(k.value for k in known)
    tol = abs(whole.value) * tol_pct / 100
    if not _breaks(total, whole.value, tol, _sum_qualifier(known), whole.qualifier):
        return []
    return [
        _item(
            "parts_sum",
            whole,
            whole.value,
            total,
            whole.unit,
            f"{', '.join(parts)} add up to {total:,.2f}, {parent} is {whole.value:,.2f}",
            [whole, *known],
        )
    ]


def _shares(
    base: FactBase, area: str, period: str, parent: str, parts: list[str], tol_share: float, tol_pp: float
):
    out = []
    shares = [base.get(area, c, period, "share_pct") for c in parts]
    if parts and all(s is not None for s in shares):
        total = sum(s.value for s in shares)
        if abs(total - 100) > tol_share:
            out.append(
                _item(
                    "shares_sum",
                    shares[0],
                    100.0,
                    total,
                    "%",
                    f"shares of {parent}'s parts add up to {total:.2f}%",
                    shares,
                )
            )
    whole = base.get(area, parent, period)
    for s in shares:
        if s is None or whole is None or not whole.value:
            continue
        part = base.get(area, s.indicator, period)
        if part is None:
            continue
        expected = part.value / whole.value * 100
        if _breaks(s.value, expected, tol_pp, s.qualifier, _ratio_qualifier(part, whole)):
            out.append(
                _item(
                    "share_levels",
                    s,
                    expected,
                    s.value,
                    "%",
                    f"{s.indicator} is {part.value:,.2f} of {whole.value:,.2f} = {expected:.2f}%, not {s.value}%",
                    [s, part, whole],
                )
            )
    return out


def _contributions(base: FactBase, area: str, period: str, parent: str, parts: list[str], tol_pp: float):
    contribs = [base.get(area, c, period, "contribution_pp") for c in parts]
    growth = base.get(area, parent, period, "yoy_pct")
    if not parts or growth is None or any(c is None for c in contribs):
        return []
    total = sum(c.value for c in contribs)
    if abs(total - growth.value) <= tol_pp * len(parts):
        return []
    return [
        _item(
            "contributions_sum",
            growth,
            growth.value,
            total,
            "pp",
            f"contributions add up to {total:.2f} pp, {parent} grew {growth.value}%",
            [growth, *contribs],
        )
    ]


def _growth(base: FactBase, g: Fact, tol_pp: float):
    p = _period(g.period)
    if p is None:
        return []
    now = base.get(g.area, g.indicator, g.period)
    try:
        before = base.get(g.area, g.indicator, p.same_period_last_year().code)
    except P.PeriodError:
        return []
    if now is None or before is None or now.derived or before.derived or not before.value:
        return []
    expected = (now.value / before.value - 1) * 100
    if not _breaks(g.value, expected, tol_pp, g.qualifier, _ratio_qualifier(now, before)):
        return []
    return [
        _item(
            "growth_levels",
            g,
            expected,
            g.value,
            "%",
            f"{now.value:,.2f} on {before.value:,.2f} is {expected:+.2f}%, not {g.value:+.2f}%",
            [g, now, before],
        )
    ]


def _plan(base: FactBase, pct: Fact, tol_pp: float):
    p = _period(pct.period)
    if p is None:
        return []
    level = base.get(pct.area, pct.indicator, pct.period)
    plan = base.get(pct.area, pct.indicator, p.year_period().code, plan=True)
    if level is None or plan is None or plan.derived or not plan.value:
        return []
    expected = level.value / plan.value * 100
    if not _breaks(pct.value, expected, tol_pp, pct.qualifier, _ratio_qualifier(level, plan)):
        return []
    return [
        _item(
            "plan_pct_plan",
            pct,
            expected,
            pct.value,
            "%",
            f"{level.value:,.2f} of a plan of {plan.value:,.2f} is {expected:.2f}%, not {pct.value}%",
            [pct, level, plan],
        )
    ]


def _spans(base: FactBase, facts: list[Fact], catalogue, tol_pct: float):
    out = []
    levels: dict[tuple[str, str], dict[P.Period, Fact]] = {}
    for f in facts:
        if f.measure == "level" and rule_of(catalogue, f.indicator).time_aggregation == "flow":
            p = _period(f.period)
            if p is not None:
                levels.setdefault((f.area, f.indicator), {})[p] = f
    for by_period in levels.values():
        for span, whole in by_period.items():
            for pieces in (span.quarters, span.months):
                if len(pieces) < 2 or sum(x.length for x in pieces) != span.length:
                    continue
                if not all(x in by_period for x in pieces):
                    continue
                parts = [by_period[x] for x in pieces]
                total = sum(x.value for x in parts)
                if _breaks(
                    total,
                    whole.value,
                    abs(whole.value) * tol_pct / 100,
                    _sum_qualifier(parts),
                    whole.qualifier,
                ):
                    out.append(
                        _item(
                            "spans_sum",
                            whole,
                            whole.value,
                            total,
                            whole.unit,
                            f"{', '.join(x.period for x in parts)} add up to {total:,.2f}, "
                            f"{whole.period} is {whole.value:,.2f}",
                            [whole, *parts],
                        )
                    )
                break
    return out


def _ratio_qualifier(num: Fact, den: Fact) -> str:
    """Bound of num/den: a lower bound on the numerator (exact denominator) bounds it below."""
    if num.qualifier in _LOWER and den.qualifier not in _LOWER:
        return "more_than"
    if num.qualifier in _UPPER and den.qualifier not in _UPPER:
        return "less_than"
    if den.qualifier in _LOWER and num.qualifier not in _LOWER:
        return "less_than"
    return "exact"


def _period(code: str) -> P.Period | None:
    try:
        return P.parse(code)
    except P.PeriodError:
        return None
