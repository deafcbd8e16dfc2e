"""``marsad bench analytics``: the rollup engine against hand-written DuckDB SQL and Polars.

(a) ``rollup()`` of one indicator to the provinces and the nation, every quarter of a year, with
    yoy_pct (untraced; the traced variant, which lists each figure's inputs, is timed as well);
(b) the same figures in one raw DuckDB SQL statement over the same table;
(c) the same in a Polars lazy query over the same rows held as a Polars frame (for the choice of
    engine).
Each is run ``repeat`` times after one warm-up, interleaved round by round (so load from other
processes hits all alike); medians are reported, with peak memory (RSS).
"""

from __future__ import annotations

import gc
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from marsad.core import periods as P

from .rollup import rollup
from .synthetic import SyntheticData, synthetic_data

__all__ = ["BenchResult", "raw_sql", "run_bench"]


@dataclass
class BenchResult:
    rows: int
    communes: int
    indicators: int
    months: int
    year: int
    generate_s: float
    load_s: float
    timings_ms: dict[str, list[float]] = field(default_factory=dict)
    peak_rss_mib: float = 0.0
    duckdb_mib: float = 0.0
    agree: bool = True
    max_abs_diff: float = 0.0

    def median(self, name: str) -> float:
        return statistics.median(self.timings_ms[name])

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "communes": self.communes,
            "indicators": self.indicators,
            "months": self.months,
            "year": self.year,
            "generate_s": round(self.generate_s, 3),
            "load_s": round(self.load_s, 3),
            "median_ms": {k: round(self.median(k), 2) for k in self.timings_ms},
            "ratio_engine_to_sql": round(self.median("engine") / self.median("raw_sql"), 3),
            "peak_rss_mib": round(self.peak_rss_mib, 1),
            "duckdb_mib": round(self.duckdb_mib, 1),
            "results_agree": self.agree,
            "max_abs_diff": self.max_abs_diff,
        }


def raw_sql(year: int) -> str:
    months = ", ".join(f"'{m.code}'" for y in (year - 1, year) for m in P.year(y).months)
    return f"""
    WITH m AS (
        SELECT a.province, CAST(o.period AS VARCHAR) AS period, o.value
        FROM observations o JOIN commune_province a ON CAST(o.area AS VARCHAR) = a.area
        WHERE o.indicator = ? AND o.measure = 'level' AND o.period IN ({months})
    ),
    q AS (
        SELECT province AS area, CAST(left(period, 4) AS INTEGER) AS y,
               (CAST(right(period, 2) AS INTEGER) + 2) // 3 AS q, sum(value) AS v
        FROM m GROUP BY ALL
    ),
    qa AS (SELECT * FROM q UNION ALL SELECT 'VN', y, q, sum(v) FROM q GROUP BY y, q)
    SELECT c.area, c.y || 'Q' || c.q AS period, c.v AS level, (c.v / p.v - 1) * 100 AS yoy_pct
    FROM qa c JOIN qa p ON c.area = p.area AND c.q = p.q AND p.y = c.y - 1
    WHERE c.y = {year}
    """


def _polars_query(frame: pl.DataFrame, data: SyntheticData, indicator: str, year: int) -> pl.DataFrame:
    months = [m.code for y in (year - 1, year) for m in P.year(y).months]
    prov = pl.DataFrame(
        {"area": list(data.commune_province), "province": list(data.commune_province.values())}
    ).with_columns(pl.col("area").cast(frame.schema["area"]))
    m = (
        frame.lazy()
        .filter(
            (pl.col("indicator") == indicator)
            & (pl.col("measure") == "level")
            & pl.col("period").is_in(months)
        )
        .join(prov.lazy(), on="area")
        .with_columns(
            y=pl.col("period").cast(pl.Utf8).str.slice(0, 4).cast(pl.Int32),
            q=(pl.col("period").cast(pl.Utf8).str.slice(4, 2).cast(pl.Int32) + 2) // 3,
        )
    )
    q = m.group_by("province", "y", "q").agg(v=pl.col("value").sum()).rename({"province": "area"})
    qa = pl.concat(
        [
            q,
            q.group_by("y", "q")
            .agg(v=pl.col("v").sum())
            .with_columns(area=pl.lit("VN"))
            .select(q.collect_schema().names()),
        ]
    )
    prev = qa.with_columns(y=pl.col("y") + 1).rename({"v": "v0"})
    return (
        qa.filter(pl.col("y") == year)
        .join(prev, on=["area", "y", "q"])
        .with_columns(yoy_pct=(pl.col("v") / pl.col("v0") - 1) * 100)
        .collect()
    )


def _time_interleaved(
    queries: dict[str, Callable[[], Any]], repeat: int
) -> tuple[dict[str, list[float]], dict]:
    """Each round runs every query once, so a busy machine slows them alike (the ratio holds)."""
    outputs = {name: fn() for name, fn in queries.items()}  # warm-up (and the store's caches)
    timings: dict[str, list[float]] = {name: [] for name in queries}
    names = list(queries)
    for i in range(repeat):
        gc.collect()
        for name in names[i % len(names) :] + names[: i % len(names)]:
            t = time.perf_counter()
            queries[name]()
            timings[name].append((time.perf_counter() - t) * 1000)
    return timings, outputs


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def run_bench(
    communes: int = 3321,
    indicators: int = 30,
    months: int = 120,
    repeat: int = 50,
    *,
    indicator: str = "grdp",
    year: int | None = None,
    polars: bool = True,
    progress: Callable[[str], None] | None = None,
) -> BenchResult:
    say = progress or (lambda _msg: None)
    say(f"generating {communes} communes x {indicators} indicators x {months} months")
    t = time.perf_counter()
    data = synthetic_data(communes, indicators, months)
    generate_s = time.perf_counter() - t
    say(f"loading {data.frame.height:,} rows into DuckDB")
    t = time.perf_counter()
    store = data.store()
    load_s = time.perf_counter() - t
    last_year = int(data.months[-1][:4])
    year = year or (last_year - 1 if last_year - 1 > int(data.months[0][:4]) else last_year)
    quarters = [P.quarter(year, q).code for q in range(1, 5)]
    targets = ["VN", *data.provinces]
    rule = data.catalogue[indicator]

    res = BenchResult(data.frame.height, len(data.communes), indicators, months, year, generate_s, load_s)
    sql = raw_sql(year)
    queries: dict[str, Callable[[], Any]] = {
        "engine": lambda: rollup(
            store, data.tree, indicator, quarters, targets=targets, rule=rule, trace=False
        ),
        "engine_traced": lambda: rollup(
            store, data.tree, indicator, quarters, targets=targets, rule=rule, trace=True
        ),
        "raw_sql": lambda: store.con.sql(sql, params=[indicator]).pl(),
    }
    if polars:
        queries["polars"] = lambda: _polars_query(data.frame, data, indicator, year)
    say("timing " + ", ".join(queries) + f" ({repeat} rounds, interleaved)")
    res.timings_ms, outputs = _time_interleaved(queries, repeat)
    engine_out, sql_out = outputs["engine"], outputs["raw_sql"]

    # the engine and the hand-written query must give the same figures
    eng = engine_out.filter(pl.col("measure") == "level").select("area", "period", v="value")
    joined = eng.join(sql_out.select("area", "period", w="level"), on=["area", "period"], how="full")
    diff = joined.select((pl.col("v") - pl.col("w")).abs().max()).item()
    res.agree = (
        joined.height == eng.height == sql_out.height
        and diff is not None
        and diff < 1e-6 * max(1.0, float(eng["v"].abs().max() or 1))
    )
    res.max_abs_diff = float(diff) if diff is not None else float("nan")
    res.duckdb_mib = _duckdb_mib(store)
    res.peak_rss_mib = _peak_rss_mib()
    store.con.close()
    return res


def _duckdb_mib(store: Any) -> float:
    text = store.con.sql("SELECT memory_usage FROM pragma_database_size()").fetchall()[0][0]
    number, unit = text.split()
    scale = {"bytes": 1 / 2**20, "KiB": 1 / 1024, "MiB": 1.0, "GiB": 1024.0}.get(unit, 1.0)
    return float(number) * scale
