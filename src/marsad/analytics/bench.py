"""``marsad bench analytics --database``: the national rollup of one indicator through the
analytics service, on the configured database (PostgreSQL at national scale), against the same
figures written by hand in one SQL statement.

(a)  cold: ``service.indicator_figures("VN", [indicator], year)`` with nothing cached (a new
     key generation, as when a server starts): the communes' levels summed per province
     (models.CommuneLevel: on PostgreSQL a table the database keeps current on write), each
     province's figures by the engine (its own observations first, months to quarters to the
     year, growth on the same period last year), the nation the sum of the provinces;
(a*) after a write: one commune's observation of the indicator written (through the model,
     audited) just before the same call, which is timed alone: on PostgreSQL that province and
     the nation are computed again, the 33 other provinces' figures are still cached under
     their own versions (on SQLite any write is a new version of everything: as cold);
(a') warm: the same call again (the figures cached under the data versions);
(a'') every indicator: ``service.figures("VN", year)`` cold, what the nation's dashboard reads;
(b)  hand SQL: the provinces' and the nation's quarterly levels and growth of that indicator in
     one statement (communes summed by province and quarter, a window for last year's quarter).

Each is run ``repeat`` times after one warm-up, interleaved; medians are reported.
"""

from __future__ import annotations

import itertools
import statistics
import time
import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass
class DbBenchResult:
    database: str
    observations: int
    indicator: str
    year: int
    timings_ms: dict[str, list[float]] = field(default_factory=dict)
    agree: bool = True
    max_abs_diff: float = 0.0
    writes_seen: bool | None = None  # each write's +1 / -1 was in the next call's figure

    def median(self, name: str) -> float:
        return statistics.median(self.timings_ms[name])

    def as_dict(self) -> dict[str, Any]:
        return {
            "database": self.database,
            "observations": self.observations,
            "indicator": self.indicator,
            "year": self.year,
            "median_ms": {k: round(self.median(k), 2) for k in self.timings_ms},
            "ratio_cold_to_sql": round(self.median("engine_cold") / self.median("hand_sql"), 3),
            "ratio_warm_to_sql": round(self.median("engine_warm") / self.median("hand_sql"), 3),
            "results_agree": self.agree,
            "max_rel_diff": self.max_abs_diff,
            "writes_seen": self.writes_seen,
        }


HAND_SQL = """
WITH m AS (
    SELECT c.parent_id AS province, o.period, SUM(o.value) AS v
    FROM observations_observation o JOIN areas_area c ON c.id = o.area_id
    WHERE o.indicator_id = %(indicator)s AND o.measure = 'level' AND o.status <> 'plan'
      AND o.period = ANY(%(months)s) AND c.level = 'commune'
    GROUP BY c.parent_id, o.period
), q AS (
    SELECT province, CAST(SUBSTR(period, 1, 4) AS INTEGER) AS y,
           (CAST(SUBSTR(period, 5, 2) AS INTEGER) + 2) / 3 AS q, SUM(v) AS v
    FROM m GROUP BY 1, 2, 3
), n AS (
    SELECT province, y, q, v FROM q
    UNION ALL SELECT NULL, y, q, SUM(v) FROM q GROUP BY y, q
)
SELECT p.code, n.y, n.q, n.v,
       100 * (n.v / NULLIF(LAG(n.v) OVER (PARTITION BY n.province, n.q ORDER BY n.y), 0) - 1)
FROM n LEFT JOIN areas_area p ON p.id = n.province
"""


def _fresh_cache(service):
    """A key generation no cache entry carries: every figure is computed again (as after a
    server starts, or a write to every province)."""
    real = service._generation
    service._generation = uuid.uuid4().hex + ":"
    return real


def run_db_bench(indicator: str | None = None, year: int | None = None, repeat: int = 10, progress=print):
    from django.db import connection
    from django.db.models import Max, Sum

    from marsad.analytics import reading, service
    from marsad.analytics.models import CommuneLevel
    from marsad.core import periods as P
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    if indicator is None:  # the indicator the communes report most, that no larger area reports
        # itself (so the nation's figure is the communes' sum, as the hand SQL computes it): the
        # few areas above the communes read through their index, the communes' counts from their
        # sums (a NOT IN over every observation took the database minutes at 12 M rows)
        own = set(
            Observation.objects.exclude(area__level="commune")
            .values_list("indicator_id", flat=True)
            .distinct()
        )
        busiest = (
            CommuneLevel.objects.exclude(status="plan")
            .exclude(indicator_id__in=own)
            .values("indicator__code")
            .annotate(n=Sum("n"))
            .order_by("-n", "indicator__code")
            .first()
        )
        if busiest is None:
            raise ValueError("no commune observations: load a data set first (see --help)")
        indicator = busiest["indicator__code"]
    ind = Indicator.objects.get(code=indicator)
    if year is None:
        last = Observation.objects.filter(indicator=ind).aggregate(m=Max("period"))["m"]
        year = P.parse(last).year
    months = [m.code for y in (year - 1, year) for m in P.year(y).months]
    total = Observation.objects.count()
    if connection.vendor == "postgresql":
        sql, params = HAND_SQL, {"indicator": ind.pk, "months": months}
    else:  # SQLite: no arrays
        marks = ", ".join(f"'{m}'" for m in months)
        sql = HAND_SQL.replace("= ANY(%(months)s)", f"IN ({marks})").replace("%(indicator)s", str(ind.pk))
        params = {}
    progress(f"{total:,} observations; national rollup of {indicator}, {year} (and {year - 1})")

    def engine_cold():
        real = _fresh_cache(service)
        try:
            return service.indicator_figures("VN", (indicator,), P.year(year))
        finally:
            service._generation = real

    # one commune's observation of the indicator and year, written through the model (audited)
    # before each timed call, +1 then -1: the next request must show it
    written = (
        Observation.objects.filter(
            indicator=ind, area__level="commune", measure="level", period__in=months[12:]
        )
        .order_by("id")
        .first()
    )
    step = [1]

    def engine_after_write():
        written.value += step[0]
        step[0] = -step[0]
        written.save()
        start = time.perf_counter()
        figs = service.indicator_figures("VN", (indicator,), P.year(year))
        after_write.append((time.perf_counter() - start) * 1000)
        return figs

    def engine_warm():
        return service.indicator_figures("VN", (indicator,), P.year(year))

    def engine_all():
        real = _fresh_cache(service)
        try:
            return service.figures("VN", P.year(year))
        finally:
            service._generation = real

    def hand():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    after_write: list[float] = []  # the call alone, not the write before it
    runs = {"engine_cold": engine_cold, "engine_warm": engine_warm, "hand_sql": hand}
    reading.area_tree()  # read once per process, as a server does
    results = {name: fn() for name, fn in runs.items()}  # warm-up
    timings: dict[str, list[float]] = {name: [] for name in runs}
    seen = []
    for _ in range(repeat):
        for name, fn in runs.items():
            start = time.perf_counter()
            fn()
            timings[name].append((time.perf_counter() - start) * 1000)
        if written is not None:
            figs = engine_after_write()
            seen.append(figs.value(indicator, "level", str(year)))
    if written is not None:
        timings["engine_after_write"] = after_write
        if repeat % 2:  # an odd number of writes leaves the value 1 up: put it back
            engine_after_write()
    timings["engine_all_indicators_cold"] = []
    for _ in range(max(1, repeat // 5)):
        start = time.perf_counter()
        engine_all()
        timings["engine_all_indicators_cold"].append((time.perf_counter() - start) * 1000)
    res = DbBenchResult(
        database=connection.vendor + ":" + str(connection.settings_dict.get("NAME")),
        observations=total,
        indicator=indicator,
        year=year,
        timings_ms=timings,
    )
    # the engine's national quarters and growth are the hand SQL's
    figs = results["engine_cold"]
    diffs = []
    for code, y, q, value, growth in results["hand_sql"]:
        if code is not None or y != year:
            continue
        pairs = [(figs.value(indicator, "level", f"{y}Q{q}"), value)]
        if growth is not None:
            pairs.append((figs.value(indicator, "yoy_pct", f"{y}Q{q}"), growth))
        for mine, theirs in pairs:
            theirs = float(theirs)
            diffs.append(float("inf") if mine is None else abs(mine - theirs) / max(1.0, abs(theirs)))
    steps = [b - a for a, b in itertools.pairwise(seen)]
    res.writes_seen = bool(steps) and all(abs(abs(d) - 1) < 1e-6 for d in steps) if seen else None
    res.max_abs_diff = max(diffs) if diffs else float("nan")  # relative to the value
    res.agree = bool(diffs) and res.max_abs_diff < 1e-9
    return res
