"""Growth still needed: what the rest of the year must grow to hit the year's target.

Let the year-to-date span be ``ytd`` (e.g. 9M) and the rest of the year ``rest`` (Q4), with
last year's levels ``L0_ytd`` and ``L0_rest`` (``L0_year = L0_ytd + L0_rest``), this year's
``L_ytd``. A target on the year, as a level ``T`` or a growth ``g_T`` (``T = L0_year * (1 + g_T)``),
needs ``L_rest = T - L_ytd``, that is a growth on the rest of the year of

    g_rest = L_rest / L0_rest - 1.

With growths only (no levels), write ``w = L0_ytd / L0_year`` (the year-to-date's weight in last
year); the year's growth is the weighted mean ``g_year = w * g_ytd + (1 - w) * g_rest``, so

    g_rest = (g_T - w * g_ytd) / (1 - w)           and, for a scenario,   g_year as above.

Flows only (GRDP, budget revenue ...): stocks and rates do not add up over the year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from marsad.core import periods as P

from .derive import FactBase, fact_base
from .frames import rule_of

__all__ = ["GrowthNeeded", "Scenario", "growth_needed", "growth_needed_for", "scenario", "scenarios_for"]


@dataclass(frozen=True)
class GrowthNeeded:
    growth_needed_pct: float  # growth the rest of the year needs, % on the same period last year
    target_yoy_pct: float | None  # the year's growth the target means
    target_level: float | None  # the year's level the target means (None when only growths are known)
    remainder_level_needed: float | None  # level the rest of the year must reach
    ytd_weight: float  # last year's year-to-date share of last year's total (0-1)
    weight_assumed: bool = False  # True when w was taken as months / 12 for lack of levels
    already_met: bool = False  # the year-to-date result alone already reaches the target
    area: str | None = None
    indicator: str | None = None
    period: str | None = None  # the year-to-date span
    remainder: tuple[str, ...] = ()  # the rest of the year, in pieces (months, quarters)
    remainder_levels_needed: dict[str, float] = field(default_factory=dict)  # per piece, if known
    inputs: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Scenario:
    remainder_yoy_pct: float
    year_yoy_pct: float
    year_level: float | None


def growth_needed(
    *,
    target_yoy: float | None = None,
    target_level: float | None = None,
    ytd_level: float | None = None,
    ytd_yoy: float | None = None,
    last_year_ytd_level: float | None = None,
    last_year_level: float | None = None,
    ytd_weight: float | None = None,
) -> GrowthNeeded:
    """The growth the rest of the year needs (see the module text for the formulas).

    Give the target (``target_yoy`` in % or ``target_level``) and either levels
    (``ytd_level``, ``last_year_ytd_level`` or ``ytd_yoy``, and ``last_year_level``) or growths
    (``ytd_yoy`` and ``ytd_weight``, last year's year-to-date share of the year, 0-1).
    """
    if (target_yoy is None) == (target_level is None):
        raise ValueError("give exactly one target: target_yoy or target_level")
    if last_year_ytd_level is None and ytd_level is not None and ytd_yoy is not None:
        last_year_ytd_level = ytd_level / (1 + ytd_yoy / 100)
    if ytd_level is None and last_year_ytd_level is not None and ytd_yoy is not None:
        ytd_level = last_year_ytd_level * (1 + ytd_yoy / 100)
    have_levels = None not in (ytd_level, last_year_ytd_level, last_year_level)
    if have_levels:
        rest0 = last_year_level - last_year_ytd_level
        if rest0 <= 0:
            raise ValueError(
                "last year's remainder is not positive: the year-to-date already covers the year"
            )
        target = target_level if target_level is not None else last_year_level * (1 + target_yoy / 100)
        needed = target - ytd_level
        return GrowthNeeded(
            growth_needed_pct=(needed / rest0 - 1) * 100,
            target_yoy_pct=(target / last_year_level - 1) * 100,
            target_level=target,
            remainder_level_needed=needed,
            ytd_weight=last_year_ytd_level / last_year_level,
            already_met=needed <= 0,
        )
    if target_yoy is None:
        raise ValueError(
            "a level target needs levels: ytd_level (or ytd_yoy with last year's), last_year_level"
        )
    if ytd_yoy is None or ytd_weight is None:
        raise ValueError("without levels, give ytd_yoy and ytd_weight")
    if not 0 <= ytd_weight < 1:
        raise ValueError("ytd_weight is last year's year-to-date share of the year, 0 <= w < 1")
    g = (target_yoy - ytd_weight * ytd_yoy) / (1 - ytd_weight)
    return GrowthNeeded(
        growth_needed_pct=g,
        target_yoy_pct=target_yoy,
        target_level=None,
        remainder_level_needed=None,
        ytd_weight=ytd_weight,
        already_met=ytd_weight * ytd_yoy + (1 - ytd_weight) * (-100) >= target_yoy,
    )


def scenario(
    remainder_yoy: float,
    *,
    ytd_yoy: float | None = None,
    ytd_weight: float | None = None,
    ytd_level: float | None = None,
    last_year_ytd_level: float | None = None,
    last_year_level: float | None = None,
) -> Scenario:
    """If the rest of the year grows by ``remainder_yoy`` %, the year grows by ... %."""
    if ytd_level is not None and last_year_ytd_level is not None and last_year_level is not None:
        rest = (last_year_level - last_year_ytd_level) * (1 + remainder_yoy / 100)
        year_level = ytd_level + rest
        return Scenario(remainder_yoy, (year_level / last_year_level - 1) * 100, year_level)
    if ytd_yoy is None or ytd_weight is None:
        raise ValueError(
            "give levels (ytd_level, last_year_ytd_level, last_year_level) or ytd_yoy and ytd_weight"
        )
    return Scenario(remainder_yoy, ytd_weight * ytd_yoy + (1 - ytd_weight) * remainder_yoy, None)


def _context(observations: Any, area: str, indicator: str, period: str, catalogue: Mapping[str, Any] | None):
    p = P.parse(period)
    if rule_of(catalogue, indicator).time_aggregation != "flow":
        raise ValueError(f"{indicator} is not a flow: the rest of the year does not add to the year")
    if isinstance(observations, FactBase):  # already derived by the caller: share it
        base = observations
    else:
        base = fact_base(observations, catalogue)
        base.derive()
    ytd = p.to_date_span()
    last = ytd.same_period_last_year()
    f_ytd = base.get(area, indicator, ytd.code)
    f_g = base.get(area, indicator, ytd.code, "yoy_pct")
    f_l0 = base.get(area, indicator, last.code)
    f_y0 = base.get(area, indicator, last.year_period().code)
    return base, ytd, f_ytd, f_g, f_l0, f_y0


def growth_needed_for(
    observations: Any,
    area: str,
    indicator: str,
    period: str,
    *,
    target_yoy: float | None = None,
    target_level: float | None = None,
    catalogue: Mapping[str, Any] | None = None,
) -> GrowthNeeded:
    """:func:`growth_needed` read from observations (derived values used where needed).

    ``observations`` may also be a :class:`FactBase` already derived (it is used as is).

    ``period`` is the latest period known (Q3 and 9M both mean "after September"). Without last
    year's levels, last year's year-to-date weight is taken as months / 12 (``weight_assumed``).
    """
    base, ytd, f_ytd, f_g, f_l0, f_y0 = _context(observations, area, indicator, period, catalogue)
    used = [f for f in (f_ytd, f_g, f_l0, f_y0) if f is not None]
    kwargs: dict[str, Any] = {
        "target_yoy": target_yoy,
        "target_level": target_level,
        "ytd_level": f_ytd.value if f_ytd else None,
        "ytd_yoy": f_g.value if f_g else None,
        "last_year_ytd_level": f_l0.value if f_l0 else None,
        "last_year_level": f_y0.value if f_y0 else None,
    }
    assumed = False
    if f_y0 is None:
        kwargs["ytd_weight"] = ytd.length / 12
        assumed = True
    result = growth_needed(**kwargs)
    rest = ytd.remainder_of_year()
    per_piece = {}
    if result.target_level is not None:
        for piece in rest:
            before = base.get(area, indicator, piece.same_period_last_year().code)
            if before is not None:
                per_piece[piece.code] = before.value * (1 + result.growth_needed_pct / 100)
    return GrowthNeeded(
        **{
            **result.as_dict(),
            "weight_assumed": assumed and result.target_level is None,
            "area": area,
            "indicator": indicator,
            "period": ytd.code,
            "remainder": tuple(x.code for x in rest),
            "remainder_levels_needed": per_piece,
            "inputs": [f.id for f in used],
        }
    )


def scenarios_for(
    observations: Any,
    area: str,
    indicator: str,
    period: str,
    remainder_yoys: list[float],
    *,
    catalogue: Mapping[str, Any] | None = None,
) -> list[Scenario]:
    """ "If the rest of the year grows by X %, the year grows by Y %", for each X."""
    _base, ytd, f_ytd, f_g, f_l0, f_y0 = _context(observations, area, indicator, period, catalogue)
    out = []
    for x in remainder_yoys:
        if f_ytd is not None and f_l0 is not None and f_y0 is not None:
            out.append(
                scenario(x, ytd_level=f_ytd.value, last_year_ytd_level=f_l0.value, last_year_level=f_y0.value)
            )
        elif f_g is not None:
            out.append(scenario(x, ytd_yoy=f_g.value, ytd_weight=ytd.length / 12))
        else:
            raise ValueError(f"no year-to-date figure for {area} {indicator} {ytd.code}")
    return out
