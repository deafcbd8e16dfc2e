"""The derived table of one area and period: what a review meeting reads out.

:func:`derived_table` gives every observed and derived figure of the area for the period and the
same period last year (and the annual plan), as an output frame; :func:`wide_rows` turns it into
one row per indicator with a column per measure, which the CLI and the reports print.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from marsad.core import periods as P

from .derive import Fact, derive, fact_base
from .frames import observation_frame, output_frame, select_best
from .rollup import AreaTree, rollup

__all__ = ["MEASURE_ORDER", "derived_table", "wide_rows"]

MEASURE_ORDER = ("level", "yoy_pct", "plan_pct", "share_pct", "contribution_pp")


def derived_table(
    observations: Any,
    area_code: str,
    period: str,
    catalogue: Mapping[str, Any] | None = None,
    tree: AreaTree | Mapping[str, str] | None = None,
) -> pl.DataFrame:
    """Observed and derived figures of ``area_code`` for ``period`` and a year earlier.

    With a ``tree`` (an :class:`AreaTree` or a child -> parent mapping), indicators the area has
    no level for are first rolled up from the areas below it (its communes, the closed provinces
    merged into it), marked ``rollup_*``. Rows: output frame (see frames.py).
    """
    p = P.parse(period)
    last = p.same_period_last_year()
    frame = select_best(observation_frame(observations))
    own = frame.filter(pl.col("area") == area_code)
    base = fact_base(own, catalogue)
    if tree is not None:
        tree = tree if isinstance(tree, AreaTree) else AreaTree(parent=dict(tree))
        for fact in _rolled(frame, own, tree, area_code, p, catalogue):
            base.add(fact)
    base.derive()
    wanted = {p.code, last.code}
    years = {p.year_period().code, last.year_period().code}
    rows = [
        r for r in base.rows() if r["period"] in wanted or (r["status"] == "plan" and r["period"] in years)
    ]
    order = {code: i for i, code in enumerate(catalogue or {})}
    rows.sort(
        key=lambda r: (
            order.get(r["indicator"], len(order)),
            r["indicator"],
            r["period"] != p.code,
            r["status"] == "plan",
            MEASURE_ORDER.index(r["measure"]) if r["measure"] in MEASURE_ORDER else 99,
        )
    )
    return output_frame(rows)


def _rolled(
    frame: pl.DataFrame, own: pl.DataFrame, tree: AreaTree, area: str, p: P.Period, catalogue
) -> list[Fact]:
    """Levels of ``area`` rolled up from the areas below it, for the indicators it lacks.

    Closed provinces below are first completed with their own derived levels (Ninh Thuan's
    Q1-2023 GRDP from its Q1-2024 level and growth), and last year's level is kept only when as many
    areas make it up as this year's: a growth between unlike sets of areas would mislead.
    """
    below = set(tree.subtree(area)) - {area}
    if not below:
        return []
    last = p.same_period_last_year()
    years = {str(p.year), str(last.year)}
    sub = frame.filter(
        pl.col("area").is_in(list(below)) & pl.col("period").str.slice(0, 4).is_in(list(years))
    )
    if sub.is_empty():
        return []
    own_levels = own.filter(pl.col("measure") == "level")
    lacking = [
        ind
        for ind in sorted(set(sub["indicator"].to_list()))
        if not {p.code, last.code} <= set(own_levels.filter(pl.col("indicator") == ind)["period"].to_list())
    ]
    if not lacking:
        return []
    # complete the closed provinces (few, with whole-province figures); communes roll up as they are
    rows_needed = sub.filter(pl.col("indicator").is_in(lacking))
    closed = pl.col("area").is_in(list(tree.successor))
    completed = pl.concat(
        [
            derive(rows_needed.filter(closed), catalogue).drop("derived", "inputs", "method"),
            rows_needed.filter(~closed),
        ],
        how="diagonal_relaxed",
    ).filter((pl.col("measure") == "level") & (pl.col("status") != "plan"))
    out: list[Fact] = []
    for indicator in lacking:
        rows = completed.filter(pl.col("indicator") == indicator)
        has = set(own_levels.filter(pl.col("indicator") == indicator)["period"].to_list())
        res = rollup(
            rows, tree, indicator, [p.code, last.code], targets=[area], catalogue=catalogue, with_yoy=False
        )
        counts = dict(zip(res["period"].to_list(), res["n_areas"].to_list(), strict=True))
        for r in res.iter_rows(named=True):
            if r["period"] in has:
                continue
            if r["period"] == last.code and counts.get(p.code) not in (None, r["n_areas"]):
                continue
            qualifiers = rows.filter(pl.col("period") == r["period"])["qualifier"].to_list()
            out.append(
                Fact(
                    area=area,
                    indicator=indicator,
                    period=r["period"],
                    measure="level",
                    value=r["value"],
                    unit=r["unit"] or _unit(sub, indicator),
                    status="estimate",
                    qualifier=_sum_qualifier_of(qualifiers),
                    id=r["id"],
                    derived=True,
                    inputs=list(r["inputs"] or []),
                    method=r["method"],
                )
            )
    return out


def _sum_qualifier_of(qualifiers: list[str]) -> str:
    qs = set(qualifiers)
    if qs <= {"exact"}:
        return "exact"
    if qs <= {"exact", "more_than", "at_least"}:
        return "more_than"
    if qs <= {"exact", "less_than"}:
        return "less_than"
    return "about"


def _unit(frame: pl.DataFrame, indicator: str) -> str:
    units = frame.filter(pl.col("indicator") == indicator)["unit"].drop_nulls().to_list()
    return units[0] if units else ""


def wide_rows(table: pl.DataFrame, period: str) -> list[dict[str, Any]]:
    """One dict per indicator: level, level_last_year, yoy_pct, plan_pct, plan, share_pct,
    contribution_pp (each ``{"value", "derived", "qualifier", "method"}`` or None) and unit."""
    p = P.parse(period)
    last = p.same_period_last_year().code
    out: dict[str, dict[str, Any]] = {}
    for r in table.iter_rows(named=True):
        row = out.setdefault(r["indicator"], {"indicator": r["indicator"], "unit": ""})
        cell = {k: r[k] for k in ("value", "derived", "qualifier", "method", "inputs", "status")}
        if r["status"] == "plan":
            if r["measure"] == "level" and r["period"] == p.year_period().code:
                row["plan"] = cell
            continue
        if r["period"] == p.code:
            row[r["measure"]] = cell
            if r["measure"] == "level":
                row["unit"] = r["unit"]
        elif r["period"] == last and r["measure"] == "level":
            row["level_last_year"] = cell
    cols = ("level", "level_last_year", "yoy_pct", "plan_pct", "plan", "share_pct", "contribution_pp")
    return [{**{c: None for c in cols}, **row} for row in out.values()]
