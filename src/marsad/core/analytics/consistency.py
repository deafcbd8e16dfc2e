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
from marsad.core.languages import RTL, gettext_noop, translator
from marsad.core.languages import isolate as _isolate

from .derive import Fact, FactBase, _sum_qualifier, fact_base
from .frames import children_of, rule_of

__all__ = ["MESSAGES", "check_consistency", "describe"]

# What each check says, in the source language; :func:`describe` writes it in ar, vi or en with
# the numbers of that language and the indicators' names (the catalogues of src/marsad/locale).
MESSAGES = {
    "parts_sum": gettext_noop("%(parts)s add up to %(total)s; %(whole)s is %(value)s"),
    "shares_sum": gettext_noop("The shares of the parts of %(whole)s add up to %(total)s"),
    "share_levels": gettext_noop(
        "%(part)s is %(level)s of %(whole_level)s, that is %(expected)s, not %(found)s"
    ),
    "contributions_sum": gettext_noop("The contributions add up to %(total)s; %(whole)s grew %(growth)s"),
    "growth_levels": gettext_noop("%(now)s on %(before)s is %(expected)s, not %(found)s"),
    "plan_pct_plan": gettext_noop("%(level)s of a plan of %(plan)s is %(expected)s, not %(found)s"),
    "spans_sum": gettext_noop("%(pieces)s add up to %(total)s; %(span)s is %(value)s"),
    # the routes of figures.py that disagree with the figure shown
    "communes": gettext_noop("%(count)s of %(expected)s communes add up to %(total)s"),
    "provinces": gettext_noop("%(count)s of %(expected)s provinces add up to %(total)s"),
}
_PP = gettext_noop("%(value)s pp")
_LIST_SEPARATOR = {"ar": "، ", "vi": ", ", "en": ", "}

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


def _item(check: str, f: Fact, expected: float, found: float, unit: str, params: dict, involved: list[Fact]):
    item = {
        "check": check,
        "area": f.area,
        "indicator": f.indicator,
        "period": f.period,
        "expected": expected,
        "found": found,
        "difference": found - expected,
        "unit": unit,
        "params": params,  # name -> (kind, value): what describe() writes into MESSAGES[check]
        "observations": [x.id for x in involved],
    }
    item["message"] = describe(item, "en")
    return item


def describe(
    item: dict[str, Any], lang: str, eastern_digits: bool = False, names: Mapping[str, str] | None = None
) -> str:
    """A disagreement found by :func:`check_consistency` in words, in ``lang``: the check's
    message translated, its numbers written as ``lang`` writes them and isolated (so that
    right-to-left text cannot reorder them), indicators by name (``names``: code -> name,
    else the catalogue's name in ``lang``)."""
    from marsad.core.catalogue import load_catalogue
    from marsad.core.numbers import format_number, format_percent

    gettext = translator(lang).gettext

    def isolate(text: Any, ltr: bool = False) -> str:
        return _isolate(text, ltr) if lang in RTL else str(text)

    if names is None:
        catalogue = load_catalogue()
        names = {code: ind.name(lang) for code, ind in catalogue.items()}

    def one(kind: str, value: Any) -> str:
        if kind == "number":
            return isolate(format_number(value, lang, eastern_digits), ltr=True)
        if kind == "pct":
            return isolate(format_percent(value, lang, eastern_digits), ltr=True)
        if kind == "signed_pct":
            sign = "+" if value > 0 else ""
            return isolate(sign + format_percent(value, lang, eastern_digits), ltr=True)
        if kind == "pp":
            return gettext(_PP) % {"value": isolate(format_number(value, lang, eastern_digits), ltr=True)}
        if kind == "indicator":
            return isolate(names.get(value, value))
        if kind == "indicators":
            return _LIST_SEPARATOR.get(lang, ", ").join(isolate(names.get(v, v)) for v in value)
        if kind == "periods":
            return _LIST_SEPARATOR.get(lang, ", ").join(isolate(v, ltr=True) for v in value)
        if kind == "count":
            return isolate(format_number(value, lang, eastern_digits, 0), ltr=True)
        return isolate(value, ltr=True)  # a period

    words = {name: one(kind, value) for name, (kind, value) in item["params"].items()}
    return gettext(MESSAGES[item["check"]]) % words


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
    if not _breaks(total, whole.value, tol, _sum_qualifier(k.qualifier for k in known), whole.qualifier):
        return []
    return [
        _item(
            "parts_sum",
            whole,
            whole.value,
            total,
            whole.unit,
            {
                "parts": ("indicators", tuple(parts)),
                "total": ("number", total),
                "whole": ("indicator", parent),
                "value": ("number", whole.value),
            },
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
                    {"whole": ("indicator", parent), "total": ("pct", total)},
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
                    {
                        "part": ("indicator", s.indicator),
                        "level": ("number", part.value),
                        "whole_level": ("number", whole.value),
                        "expected": ("pct", expected),
                        "found": ("pct", s.value),
                    },
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
            {"total": ("pp", total), "whole": ("indicator", parent), "growth": ("pct", growth.value)},
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
            {
                "now": ("number", now.value),
                "before": ("number", before.value),
                "expected": ("signed_pct", expected),
                "found": ("signed_pct", g.value),
            },
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
            {
                "level": ("number", level.value),
                "plan": ("number", plan.value),
                "expected": ("pct", expected),
                "found": ("pct", pct.value),
            },
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
                    _sum_qualifier(x.qualifier for x in parts),
                    whole.qualifier,
                ):
                    out.append(
                        _item(
                            "spans_sum",
                            whole,
                            whole.value,
                            total,
                            whole.unit,
                            {
                                "pieces": ("periods", tuple(x.period for x in parts)),
                                "total": ("number", total),
                                "span": ("period", whole.period),
                                "value": ("number", whole.value),
                            },
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
