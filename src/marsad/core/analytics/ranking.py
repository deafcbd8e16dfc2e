"""Ranking areas on a measure, and finding the communes that lag.

Both read an observation or output frame (observed and derived rows alike, e.g. the result of
:func:`derive` or :func:`rollup`). Ties share a rank (1, 2, 2, 4).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import polars as pl

from marsad.core import periods as P

from .frames import observation_frame, select_best

__all__ = ["lagging", "rank", "rank_values"]


def _actuals(frame: Any) -> pl.DataFrame:
    if isinstance(frame, pl.DataFrame) and "derived" in frame.columns:
        return frame.filter(pl.col("status") != "plan")
    return select_best(observation_frame(frame)).filter(pl.col("status") != "plan")


def rank(
    frame: Any,
    indicator: str,
    period: str,
    measure: str = "yoy_pct",
    *,
    areas: Iterable[str] | None = None,
    descending: bool = True,
) -> pl.DataFrame:
    """Areas ranked on ``indicator`` / ``measure`` in ``period``: columns area, value, rank, of.

    ``descending`` puts the largest first (growth); use False where less is better (poverty).
    """
    rows = _actuals(frame).filter(
        (pl.col("indicator") == indicator)
        & (pl.col("period") == P.parse(period).code)
        & (pl.col("measure") == measure)
    )
    if areas is not None:
        rows = rows.filter(pl.col("area").is_in(list(areas)))
    rows = rows.unique(["area"], keep="first", maintain_order=True).select("area", "value")
    ranked = rank_values(rows.iter_rows(), descending=descending)
    schema = {"area": pl.String, "value": pl.Float64, "rank": pl.Int64, "of": pl.Int64}
    return pl.DataFrame(ranked, schema=schema, orient="row")


def rank_values(values: Iterable[tuple[str, float]], *, descending: bool = True) -> list[tuple]:
    """(area, value) pairs, one per area, ranked: (area, value, rank, of) by rank, then area.
    Ties share the best rank of their places (1, 2, 2, 4); ``descending``: the largest first.
    Plain tuples in and out: what a dashboard's cards rank, a few dozen areas at a time."""
    pairs = list(values)
    first: dict[float, int] = {}
    for place, value in enumerate(sorted((v for _a, v in pairs), reverse=descending), start=1):
        first.setdefault(value, place)
    return sorted(((a, v, first[v], len(pairs)) for a, v in pairs), key=lambda r: (r[2], r[0]))


def lagging(
    frame: Any,
    indicator: str,
    period: str,
    measure: str = "yoy_pct",
    *,
    parent: Mapping[str, str] | Any,
    communes: Iterable[str] | None = None,
    higher_is_better: bool = True,
) -> pl.DataFrame:
    """Communes behind their target or their province's average, with the gap.

    - target: a ``plan`` row of the same area, indicator and measure for the period's year. A
      level target is compared pro rata for a part of the year (a 9-month level against 9/12 of
      the year's plan); growth and share targets as they are.
    - average: the mean of the communes of the same province (``parent`` maps commune ->
      province; an ``AreaTree`` will do) for that period.
    Columns: area, province, value, reference, gap, against ("target" or "province_average").
    """
    p = P.parse(period)
    parent = getattr(parent, "parent", parent)  # an AreaTree will do
    data = _all(frame)
    actual = data.filter(
        (pl.col("status") != "plan")
        & (pl.col("indicator") == indicator)
        & (pl.col("period") == p.code)
        & (pl.col("measure") == measure)
    ).unique(["area"], keep="first", maintain_order=True)
    if communes is not None:
        actual = actual.filter(pl.col("area").is_in(list(communes)))
    else:
        actual = actual.filter(pl.col("area").is_in(list(parent)))
    actual = actual.with_columns(province=pl.col("area").replace_strict(dict(parent), default=None)).select(
        "area", "province", "value"
    )
    scale = p.length / 12 if measure == "level" else 1.0
    plans = (
        data.filter(
            (pl.col("status") == "plan")
            & (pl.col("indicator") == indicator)
            & (pl.col("measure") == measure)
            & (pl.col("period") == p.year_period().code)
        )
        .unique(["area"], keep="first")
        .select("area", reference=pl.col("value") * scale)
    )
    by_target = actual.join(plans, on="area").with_columns(against=pl.lit("target"))
    averages = actual.group_by("province").agg(reference=pl.col("value").mean())
    by_average = actual.join(averages, on="province").with_columns(against=pl.lit("province_average"))
    both = pl.concat([by_target, by_average]).with_columns(gap=pl.col("value") - pl.col("reference"))
    behind = pl.col("gap") < 0 if higher_is_better else pl.col("gap") > 0
    return (
        both.filter(behind)
        .sort("against", "gap", descending=[False, not higher_is_better])
        .select("area", "province", "value", "reference", "gap", "against")
    )


def _all(frame: Any) -> pl.DataFrame:
    if isinstance(frame, pl.DataFrame) and "derived" in frame.columns:
        return frame
    return select_best(observation_frame(frame))
