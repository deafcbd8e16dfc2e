"""Rollups over the area tree and over time, on DuckDB.

Why DuckDB (figures from ``marsad bench analytics``, see the bench module): a rollup of one
indicator over 12 M observations is a filter + two joins + a group-by; DuckDB keeps the data
compressed (ENUM columns), prunes by zone maps when the table is sorted by indicator and period,
and runs the plan on all cores. The engine builds one SQL statement per call, so it costs little
more than the same query written by hand. Small frames (tests, one province) are queried in place
through DuckDB's zero-copy Arrow scan.

Rules, per indicator (``Rule`` or a catalogue ``Indicator``):

- over time: ``flow`` sums the pieces of the period (the period itself if observed, else its
  quarters, else its months, and only when all of them are there); ``stock`` takes the value at
  the end of the period; ``rate`` is never aggregated (only the period itself).
- over areas: ``sum`` or ``average`` of the areas below the target; ``none`` keeps the target's
  own value only.

Which observations roll into a target T: T's own if it has one for that period; otherwise its
children's, recursively (an observed area shadows the areas below it, so a province observed
directly is not counted again through its communes). A province closed in 2025 rolls into its
successor *next to* the successor's own value: Ninh Thuan's 2024 GRDP plus the old Khanh Hoa's
2024 GRDP give today's Khanh Hoa's 2024 GRDP.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from marsad.core import periods as P

from .frames import Rule, observation_frame, rule_of

__all__ = ["AreaTree", "ObservationStore", "rollup", "time_map"]

GRAIN_RANK = {"exact": 0, "quarter": 1, "month": 2}


@dataclass
class AreaTree:
    """The area tree as plain mappings: child -> parent, and closed province -> successor."""

    parent: Mapping[str, str]
    successor: Mapping[str, str] = field(default_factory=dict)
    _children: dict[str, list[str]] | None = field(default=None, init=False, repr=False)
    _merged: dict[str, list[str]] | None = field(default=None, init=False, repr=False)
    _closure_cache: dict[tuple[str, ...], Any] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def from_gazetteer(cls, gazetteer: Any) -> AreaTree:
        """From a ``marsad.core.gazetteer.Gazetteer`` (or any iterable of AreaRecord-likes)."""
        records = list(getattr(gazetteer, "records", None) or _iter_records(gazetteer))
        parent = {r.code: r.parent_code for r in records if r.parent_code}
        successor = {r.code: r.successor_code for r in records if getattr(r, "successor_code", None)}
        # a closed province keeps its historical parent (the nation) only through its successor
        for code in successor:
            parent.pop(code, None)
        return cls(parent=parent, successor=successor)

    @property
    def children(self) -> dict[str, list[str]]:
        if self._children is None:
            kids: dict[str, list[str]] = {}
            for child, par in self.parent.items():
                kids.setdefault(par, []).append(child)
            self._children = {k: sorted(v) for k, v in kids.items()}
        return self._children

    @property
    def merged_into(self) -> dict[str, list[str]]:
        """Successor -> the closed provinces that merged into it."""
        if self._merged is None:
            merged: dict[str, list[str]] = {}
            for old, new in self.successor.items():
                merged.setdefault(new, []).append(old)
            self._merged = {k: sorted(v) for k, v in merged.items()}
        return self._merged

    def ancestors(self, code: str) -> list[str]:
        """Parents up to the root, following a closed province into its successor."""
        out, seen = [], {code}
        cur = code
        while True:
            nxt = self.parent.get(cur) or self.successor.get(cur)
            if nxt is None or nxt in seen:
                return out
            out.append(nxt)
            seen.add(nxt)
            cur = nxt

    def subtree(self, root: str) -> list[str]:
        """``root`` and every area below it (communes, and closed provinces merged into it)."""
        return [src for src, _blockers in self._walk(root)]

    def _walk(self, root: str) -> list[tuple[str, tuple[str, ...]]]:
        """(area, the areas whose own value shadows it) for ``root`` and everything below it."""
        out: list[tuple[str, tuple[str, ...]]] = []
        stack: list[tuple[str, tuple[str, ...]]] = [(root, ())]
        seen = set()
        while stack:
            code, blockers = stack.pop()
            if code in seen:
                continue
            seen.add(code)
            out.append((code, blockers))
            for child in self.children.get(code, ()):
                stack.append((child, (*blockers, code)))
            for old in self.merged_into.get(code, ()):
                stack.append((old, blockers))  # the successor's own value does not cover it
        return out

    def closure(self, targets: Iterable[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
        """(source, target) pairs and (source, target, blocker) shadows, cached per target set."""
        key = tuple(sorted(set(targets)))
        if key not in self._closure_cache:
            pairs_s, pairs_t, sh_s, sh_t, sh_b = [], [], [], [], []
            for t in key:
                for src, blockers in self._walk(t):
                    pairs_s.append(src)
                    pairs_t.append(t)
                    for b in blockers:
                        sh_s.append(src)
                        sh_t.append(t)
                        sh_b.append(b)
            pairs = pl.DataFrame(
                {"source": pairs_s, "target": pairs_t}, schema={"source": pl.Utf8, "target": pl.Utf8}
            )
            shadows = pl.DataFrame(
                {"source": sh_s, "target": sh_t, "blocker": sh_b},
                schema={"source": pl.Utf8, "target": pl.Utf8, "blocker": pl.Utf8},
            )
            self._closure_cache[key] = (pairs.to_arrow(), shadows.to_arrow())
        return self._closure_cache[key]


def _iter_records(gazetteer: Any) -> Iterable[Any]:
    provinces = list(gazetteer.provinces(include_closed=True))
    nation = gazetteer.get("VN")
    out = [nation] if nation else []
    for p in provinces:
        out.append(p)
        out.extend(gazetteer.children(p.code))
    return out


class ObservationStore:
    """Observations held in a DuckDB table (sorted by indicator and period), for large data."""

    def __init__(self, con: Any, table: str = "observations") -> None:
        self.con = con
        self.table = table

    @classmethod
    def from_frame(cls, frame: Any, *, table: str = "observations", con: Any = None) -> ObservationStore:
        import duckdb

        con = con or duckdb.connect()
        src = frame if isinstance(frame, pl.DataFrame) else observation_frame(frame)
        con.register("_incoming", src.to_arrow() if isinstance(src, pl.DataFrame) else src)
        con.execute(
            f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM _incoming ORDER BY indicator, period, area"
        )
        con.unregister("_incoming")
        return cls(con, table)


def time_map(periods: Iterable[str], time_aggregation: str) -> pl.DataFrame:
    """(src, out, grain, need, at_end) rows: which source periods make up each output period."""
    rows = []
    for code in dict.fromkeys(periods):
        out = P.parse(code)
        rows.append((out.code, out.code, GRAIN_RANK["exact"], 1, True))
        if time_aggregation == "rate":
            continue
        for grain, pieces in (("quarter", out.quarters), ("month", out.months)):
            if len(pieces) < 2 and not (grain == "month" and out.length > 1 and len(pieces) == 1):
                if len(pieces) < 2:
                    continue
            if sum(p.length for p in pieces) != out.length:
                continue
            for piece in pieces:
                at_end = piece.last == out.last
                if time_aggregation == "stock" and not at_end:
                    continue
                need = len(pieces) if time_aggregation == "flow" else 1
                rows.append((piece.code, out.code, GRAIN_RANK[grain], need, at_end))
    return pl.DataFrame(
        rows,
        schema={"src": pl.Utf8, "out": pl.Utf8, "grain": pl.Int8, "need": pl.Int16, "at_end": pl.Boolean},
        orient="row",
    )


def rollup(
    observations: Any,
    tree: AreaTree,
    indicator: str,
    periods: Iterable[str],
    *,
    targets: Iterable[str] | None = None,
    root: str | None = None,
    catalogue: Mapping[str, Any] | None = None,
    rule: Rule | None = None,
    with_yoy: bool = True,
    trace: bool = True,
) -> pl.DataFrame:
    """Levels of ``indicator`` for each target area and output period, and their yoy_pct.

    ``targets`` are the areas to compute (default: ``root`` and its children, e.g. a province
    and its communes, or the nation and its provinces). ``observations`` is an observation frame
    / records, or an :class:`ObservationStore` for large data. The result is an output frame
    (frames.py) with one extra column ``n_areas``: how many areas' values went into the figure.
    ``trace`` fills ``inputs`` with the keys of the per-area values used.
    """
    rule = rule or rule_of(catalogue, indicator)
    periods = [P.parse(p).code for p in periods]
    if targets is None:
        if root is None:
            raise ValueError("rollup needs targets or a root area")
        targets = [root, *tree.children.get(root, ())]
    targets = list(dict.fromkeys(targets))
    wanted = list(periods)
    if with_yoy:
        wanted += [P.parse(p).same_period_last_year().code for p in periods]
    tmap = time_map(wanted, rule.time_aggregation)
    pairs, shadows = tree.closure(targets)

    if isinstance(observations, ObservationStore):
        con, table, cleanup = observations.con, observations.table, False
    else:
        import duckdb

        con, table, cleanup = duckdb.connect(), "_obs", True
        con.register(table, observation_frame(observations).to_arrow())
    con.register("_tmap", tmap.to_arrow())
    con.register("_pairs", pairs)
    con.register("_shadows", shadows)
    try:
        sql = _rollup_sql(table, rule, trace)
        src_periods = tmap["src"].unique().to_list()
        result = con.sql(sql, params=[indicator, src_periods]).pl()
    finally:
        for name in ("_tmap", "_pairs", "_shadows"):
            con.unregister(name)
        if cleanup:
            con.close()
    return _finish(result, indicator, periods, rule, with_yoy, trace)


def _rollup_sql(table: str, rule: Rule, trace: bool) -> str:
    flow = rule.time_aggregation == "flow"
    # per area and output period: the best complete grain (the period itself, quarters, months)
    piece_value = "sum(o.value)" if flow else "max(o.value)"
    trace_col = ", list(o.id) AS ids" if trace else ""
    trace_pick = ", arg_min(ids, grain) AS ids" if trace else ""
    if rule.area_aggregation == "none":
        area_filter = "AND c.source = c.target"
        agg = "max(t.v)"
    else:
        area_filter = ""
        agg = "avg(t.v)" if rule.area_aggregation == "average" else "sum(t.v)"
    ids_col = ", flatten(list(t.ids)) AS inputs" if trace else ""
    return f"""
    WITH src AS (
        SELECT CAST(area AS VARCHAR) AS area, CAST(period AS VARCHAR) AS period, value,
               CAST(id AS VARCHAR) AS id
        FROM {table}
        WHERE indicator = ? AND measure = 'level' AND status <> 'plan' AND period IN ?
          AND value IS NOT NULL
    ),
    per_grain AS (
        SELECT o.area, m.out AS period, m.grain, {piece_value} AS v, count(*) AS n, any_value(m.need) AS need
               {trace_col}
        FROM src o JOIN _tmap m ON o.period = m.src
        GROUP BY o.area, m.out, m.grain
        HAVING count(*) = any_value(m.need)
    ),
    t AS (
        SELECT area, period, arg_min(v, grain) AS v {trace_pick}
        FROM per_grain GROUP BY area, period
    ),
    shadowed AS (
        SELECT s.source, s.target, t.period
        FROM _shadows s JOIN t ON t.area = s.blocker
    ),
    contrib AS (
        SELECT c.target, t.period, t.v, t.area {", t.ids" if trace else ""}
        FROM t JOIN _pairs c ON t.area = c.source {area_filter}
        ANTI JOIN shadowed x ON x.source = c.source AND x.target = c.target AND x.period = t.period
    )
    SELECT target AS area, period, {agg} AS value, count(*) AS n_areas {ids_col}
    FROM contrib t GROUP BY target, period
    """


def _finish(
    result: pl.DataFrame, indicator: str, periods: list[str], rule: Rule, with_yoy: bool, trace: bool
) -> pl.DataFrame:
    method = f"rollup_{rule.area_aggregation}"
    if not trace:
        result = result.with_columns(pl.lit([], dtype=pl.List(pl.Utf8)).alias("inputs"))
    key = pl.concat_str([pl.col("area"), pl.lit(indicator), pl.col("period"), pl.lit("level")], separator="|")
    levels = result.with_columns(
        indicator=pl.lit(indicator),
        measure=pl.lit("level"),
        unit=pl.lit(rule.unit),
        status=pl.lit("estimate"),
        qualifier=pl.lit("exact"),
        id=key,
        derived=pl.lit(True),
        method=pl.lit(method),
    )
    cols = [
        "area",
        "indicator",
        "period",
        "measure",
        "value",
        "unit",
        "status",
        "qualifier",
        "id",
        "derived",
        "inputs",
        "method",
        "n_areas",
    ]
    levels = levels.select(pl.col(c) for c in cols).with_columns(pl.col("n_areas").cast(pl.Int64))
    out = levels.filter(pl.col("period").is_in(periods))
    if with_yoy:
        prev_of = {p: P.parse(p).same_period_last_year().code for p in periods}
        cur = out.with_columns(prev=pl.col("period").replace_strict(prev_of, default=None))
        before = levels.select(area="area", prev="period", v0="value", id0="id")
        yoy = cur.join(before, on=["area", "prev"], how="inner").filter(pl.col("v0") != 0)
        yoy = yoy.with_columns(
            measure=pl.lit("yoy_pct"),
            value=(pl.col("value") / pl.col("v0") - 1) * 100,
            unit=pl.lit("%"),
            inputs=pl.concat_list([pl.col("id"), pl.col("id0")]),
            id=pl.concat_str(
                [pl.col("area"), pl.lit(indicator), pl.col("period"), pl.lit("yoy_pct")], separator="|"
            ),
            method=pl.lit("yoy_from_levels"),
        ).select(cols)
        out = pl.concat([out, yoy])
    return out.sort("area", "period", "measure")
