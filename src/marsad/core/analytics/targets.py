"""The one target judgement: where a figure stands against a year's target.

Every page, report, API and command that says "met", "on track", "at risk" or "missed" asks
:func:`judge_target`; nothing else compares a figure with a target.

Direction (the target's qualifier):

    at_least   reached when the figure is >= the target ("growth of at least 10 %")
    less_than  reached when the figure is strictly below it ("poverty rate below 4 %")
    exact      reached within rounding: 0.5 % of the target (published figures are rounded)
    about      reached within 5 % of the target

Verdicts:

    met        the whole year is in and the target is reached, or a level target on a flow
               (budget revenue, exports ...) is already reached before the year is out:
               a year's total only grows
    missed     the whole year is in and the target is not reached, or a "less than" level
               target on a flow is already exceeded before the year is out
    on_track   part of the year is in and, at the pace rule, the year will reach the target
    at_risk    part of the year is in and, at the pace rule, it will not
    unknown    no figure to judge

The pace rule, written here once: a level target on a flow is on track when the figure reaches
the target's pro-rata part for the months it covers (after 9 months, 9/12 = 75 % of the year's
plan); a growth, a share, a stock or a rate is on track when the figure so far already reaches
the target (growth so far at least the year's target growth).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from marsad.core import periods as P
from marsad.core.languages import gettext_noop

__all__ = [
    "DIRECTIONS",
    "VERDICTS",
    "VERDICT_LABELS",
    "Judgement",
    "judge_target",
    "pace_fraction",
    "reaches",
]

DIRECTIONS = ("at_least", "less_than", "exact", "about")
VERDICTS = ("met", "on_track", "at_risk", "missed", "unknown")
# A verdict in words, the one wording every page, report table and command says (translated by
# the gettext catalogues; ``unknown`` is a target with no figure to judge yet).
VERDICT_LABELS = {
    "met": gettext_noop("met"),
    "on_track": gettext_noop("on track"),
    "at_risk": gettext_noop("at risk"),
    "missed": gettext_noop("missed"),
    "unknown": gettext_noop("not judged yet"),
}
EXACT_TOLERANCE = 0.005  # relative: a target of 8.0 % is reached by 7.96 %-8.04 %
ABOUT_TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class Judgement:
    """A verdict and what it rests on (all in the target's unit)."""

    status: str  # one of VERDICTS
    achieved: float | None  # the figure judged
    target: float  # the year's target
    qualifier: str  # the direction
    measure: str  # what is targeted: level, yoy_pct, share_pct
    pace: float | None = None  # part of the year the figure covers (0-1), for a level target on a flow
    expected_by_now: float | None = None  # target x pace: what the pace rule asks of the figure
    gap: float | None = None  # achieved - (expected_by_now or target); > 0 is ahead for at_least
    remaining: float | None = None  # a level target on a flow: what the rest of the year must bring

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def reaches(value: float, target: float, qualifier: str = "at_least") -> bool:
    """Whether ``value`` reaches ``target`` in the target's direction (see the module text)."""
    if qualifier == "less_than":
        return value < target
    if qualifier in ("exact", "about"):
        tolerance = (ABOUT_TOLERANCE if qualifier == "about" else EXACT_TOLERANCE) * abs(target)
        return abs(value - target) <= max(tolerance, 1e-9)
    return value >= target  # at_least, and any direction not named (the cautious reading)


def pace_fraction(period: P.Period | str) -> float:
    """The part of the year a figure of ``period`` covers: 9 months -> 0.75, Q3 -> 0.25."""
    return P.parse(period).length / 12


def judge_target(
    *,
    measure: str,
    value: float,
    qualifier: str = "at_least",
    period: P.Period | str,
    achieved: float | None,
    flow: bool = True,
) -> Judgement:
    """Judge a year's target against the figure ``achieved`` for ``period``.

    ``measure`` is what the target is on (``level``, ``yoy_pct``, ``share_pct``), ``value`` the
    target, ``qualifier`` its direction. ``achieved`` is the figure in the same measure for
    ``period``: for a level target the level of the period (the year to date, or one quarter),
    for a growth target the growth of the period on the same period last year. ``flow`` says
    whether the indicator adds up over the year (then a level target is judged at the pace
    rule; a stock or a rate is judged on its value now).
    """
    p = P.parse(period)
    qualifier = qualifier if qualifier in DIRECTIONS else "at_least"
    whole_year = p.length == 12
    base = {"target": float(value), "qualifier": qualifier, "measure": measure, "achieved": achieved}
    if achieved is None:
        return Judgement(status="unknown", **base)
    if whole_year:
        status = "met" if reaches(achieved, value, qualifier) else "missed"
        return Judgement(status=status, gap=achieved - value, **base)
    if measure == "level" and flow:
        return _paced(p, value, qualifier, achieved, base)
    status = "on_track" if reaches(achieved, value, qualifier) else "at_risk"
    return Judgement(status=status, gap=achieved - value, **base)


def _paced(p: P.Period, value: float, qualifier: str, achieved: float, base: dict) -> Judgement:
    """A level target on a flow, part of the year in: the pace rule."""
    pace = pace_fraction(p)
    expected = value * pace
    remaining = value - achieved
    if qualifier == "at_least" and achieved >= value:
        status = "met"  # the year's total can only grow from here
    elif qualifier == "less_than" and achieved >= value:
        status = "missed"  # a ceiling already passed
    elif qualifier == "less_than":
        status = "on_track" if achieved <= expected else "at_risk"
    elif qualifier in ("exact", "about"):  # at the pace, and not already past the year's value
        tol = ABOUT_TOLERANCE if qualifier == "about" else EXACT_TOLERANCE
        status = "on_track" if expected * (1 - tol) <= achieved <= value * (1 + tol) else "at_risk"
    else:
        status = "on_track" if achieved >= expected else "at_risk"
    return Judgement(
        status=status,
        pace=pace,
        expected_by_now=expected,
        gap=achieved - expected,
        remaining=remaining,
        **base,
    )
