"""Whether one observation may be stored: the catalogue's value rules applied to a value.

Pure (no Django). Every way a number enters Marsad asks :func:`check_observation` (one row) or
:func:`bound_for` (the same rule, resolved once per indicator x measure x unit for a vectorised
bulk check), so the grid, the API, file import and review acceptance refuse the same values.

A refusal is a :class:`Problem`: the field it concerns, a reason code and the parameters of
its message. The Django shell turns codes into sentences in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from . import measures, periods
from .catalogue import Bound, Indicator, ValueRules, load_value_rules
from .numbers import SCALES, decimal_places, significant_digits

__all__ = ["Problem", "bound_for", "check_observation", "unit_base", "units_compatible"]


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a field was refused. ``code`` is stable (tests, translations); ``params`` fill the message."""

    field: str
    code: str
    params: dict = field(default_factory=dict)


def unit_base(unit: str) -> tuple[float, str]:
    """(scale, base) of a unit: ``"billion VND"`` -> (1e9, "VND"), ``"%"`` -> (1, "%")."""
    first, _, rest = unit.strip().partition(" ")
    if first in SCALES and rest:
        return SCALES[first], rest.strip()
    return 1.0, unit.strip()


def units_compatible(unit: str, indicator_unit: str) -> bool:
    """The same thing counted (VND, USD, visitors, %, index), whatever the scale word."""
    return unit_base(unit)[1] == unit_base(indicator_unit)[1]


def expected_unit(measure: str, indicator_unit: str) -> str:
    return indicator_unit if measure == "level" else measures.MEASURE_UNITS[measure]


def bound_for(indicator: str, measure: str, unit: str, rules: ValueRules | None = None) -> Bound:
    """The allowed range of a value of ``indicator`` x ``measure`` written in ``unit``.

    An indicator's own rule wins; a level is otherwise bounded by its unit's base range scaled
    to the unit (at most 1e17 VND is at most 1e8 "billion VND") and by the level's sign rule.
    """
    rules = rules or load_value_rules()
    own = rules.indicators.get(indicator, {}).get(measure)
    if own is not None:
        return own
    general = rules.measures.get(measure, Bound())
    if measure != "level":
        return general
    scale, base = unit_base(unit)
    per_unit = rules.level_units.get(unit) or rules.level_units.get(base)
    if per_unit is None:
        return general
    factor = 1.0 if unit in rules.level_units else scale
    lo = per_unit.min if per_unit.min is not None else general.min
    hi = per_unit.max / factor if per_unit.max is not None else general.max
    return Bound(lo, hi, per_unit.min_exclusive or (per_unit.min is None and general.min_exclusive))


def check_bound(value: Decimal, bound: Bound, fieldname: str = "value") -> Problem | None:
    if bound.min is not None:
        lo = Decimal(repr(bound.min))
        if value < lo or (bound.min_exclusive and value == lo):
            return Problem(fieldname, "below_minimum", {"min": bound.min, "exclusive": bound.min_exclusive})
    if bound.max is not None and value > Decimal(repr(bound.max)):
        return Problem(fieldname, "above_maximum", {"max": bound.max})
    return None


def check_number(value: Decimal, rules: ValueRules | None = None) -> Problem | None:
    """A number Marsad can keep exactly: finite, at most 15 significant digits and 10 decimals."""
    rules = rules or load_value_rules()
    if not value.is_finite():
        return Problem("value", "not_finite")
    if significant_digits(value) > rules.max_significant_digits:
        return Problem("value", "too_many_digits", {"max": rules.max_significant_digits})
    if decimal_places(value) > rules.max_decimal_places:
        return Problem("value", "too_many_decimals", {"max": rules.max_decimal_places})
    return None


def check_observation(
    indicator: Indicator,
    period: str | periods.Period,
    measure: str,
    status: str,
    value: Decimal,
    unit: str,
    qualifier: str,
    *,
    today: date | None = None,
    rules: ValueRules | None = None,
) -> list[Problem]:
    """Every rule ``value`` breaks; empty when it may be stored. ``unit`` already defaulted."""
    rules = rules or load_value_rules()
    problems: list[Problem] = []
    if measure not in measures.MEASURES:
        problems.append(Problem("measure", "unknown_measure", {"measure": measure}))
    if status not in measures.STATUSES:
        problems.append(Problem("status", "unknown_status", {"status": status}))
    if qualifier not in measures.QUALIFIERS:
        problems.append(Problem("qualifier", "unknown_qualifier", {"qualifier": qualifier}))
    try:
        p = periods.parse(period)
    except periods.PeriodError:
        problems.append(Problem("period", "bad_period", {"period": str(period)}))
        p = None
    if p is not None and status in rules.no_future_statuses and p.start > (today or date.today()):
        problems.append(Problem("period", "future_period", {"period": p.code, "status": status}))
    if measure in measures.MEASURES:
        want = expected_unit(measure, indicator.unit)
        if measure == "level" and not units_compatible(unit, indicator.unit):
            problems.append(Problem("unit", "unit_incompatible", {"unit": unit, "expected": want}))
        elif measure != "level" and unit != want:
            problems.append(Problem("unit", "unit_of_measure", {"unit": unit, "expected": want}))
    number_problem = check_number(value, rules)
    if number_problem is not None:
        problems.append(number_problem)
    elif measure in measures.MEASURES:
        bound = bound_for(indicator.code, measure, unit, rules)
        problem = check_bound(value, bound)
        if problem is not None:
            problems.append(Problem("value", f"{measure}_{problem.code}", problem.params))
    return problems
