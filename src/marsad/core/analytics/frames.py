"""The observation frame: the one shape analytics reads and writes.

Input columns (a Polars frame, an Arrow table, or plain records with these keys):

    area        area code (``VN``, ``VN-24``, ``VN-24-07420``, ``VN-OLD-58``)
    indicator   indicator code (``grdp``, ``budget_revenue`` ...)
    period      period code (``2024Q1``, ``2025-9M``, ``202403`` ...)
    measure     ``level``, ``yoy_pct``, ``plan_pct``, ``share_pct`` or ``contribution_pp``
    value       float
    unit        the value's unit (``billion VND``, ``%``, ``pp``)
    status      ``plan``, ``estimate``, ``preliminary`` or ``official``
    qualifier   ``exact``, ``more_than``, ``less_than``, ``about``, ``at_least``, ``estimate``
    id          optional: the observation's id (text); when absent its key stands in

Output frames have the same columns plus:

    derived     False for an observation, True for a value computed here
    inputs      list of the ids (or keys) of the observations a derived value came from
    method      short name of the rule that produced it (``observed`` for observations)

A key is ``area|indicator|period|measure``; a plan (status ``plan``) is kept apart from actual
values of the same key, so ``budget_revenue`` 2024 level exists once as plan and once as result.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import polars as pl

from marsad.core.measures import STATUS_RANK

__all__ = [
    "Catalogue",
    "CatalogueRead",
    "INPUT_COLUMNS",
    "OUTPUT_SCHEMA",
    "Rule",
    "empty_output",
    "key_of",
    "observation_frame",
    "output_frame",
    "catalogue_read",
    "rule_of",
    "select_best",
]

INPUT_SCHEMA: dict[str, pl.DataType] = {
    "area": pl.Utf8,
    "indicator": pl.Utf8,
    "period": pl.Utf8,
    "measure": pl.Utf8,
    "value": pl.Float64,
    "unit": pl.Utf8,
    "status": pl.Utf8,
    "qualifier": pl.Utf8,
    "id": pl.Utf8,
}
INPUT_COLUMNS = tuple(INPUT_SCHEMA)
OUTPUT_SCHEMA: dict[str, pl.DataType] = {
    **INPUT_SCHEMA,
    "derived": pl.Boolean,
    "inputs": pl.List(pl.Utf8),
    "method": pl.Utf8,
}
_DEFAULTS = {"measure": "level", "unit": "", "status": "official", "qualifier": "exact"}


def key_of(area: str, indicator: str, period: str, measure: str) -> str:
    return f"{area}|{indicator}|{period}|{measure}"


def observation_frame(data: Any) -> pl.DataFrame:
    """Any accepted input as a frame with exactly :data:`INPUT_COLUMNS` (ids filled with keys)."""
    if isinstance(data, pl.LazyFrame):
        data = data.collect()
    if isinstance(data, pl.DataFrame):
        frame = data
    elif hasattr(data, "to_pylist") and hasattr(data, "schema"):  # a pyarrow Table
        frame = pl.from_arrow(data)
    else:
        rows = [dict(r) for r in data]
        frame = pl.DataFrame(rows, infer_schema_length=None) if rows else pl.DataFrame()
    for col, dtype in INPUT_SCHEMA.items():
        if col not in frame.columns:
            frame = frame.with_columns(pl.lit(_DEFAULTS.get(col), dtype=dtype).alias(col))
    frame = frame.select(pl.col(c).cast(t, strict=False) for c, t in INPUT_SCHEMA.items())
    frame = frame.with_columns(
        *(pl.col(c).fill_null(v) for c, v in _DEFAULTS.items()),
    )
    keys = pl.concat_str(["area", "indicator", "period", "measure"], separator="|")
    return frame.with_columns(pl.col("id").fill_null(keys))


def output_frame(rows: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    """Rows (dicts with the output columns) as an output frame."""
    rows = list(rows)
    if not rows:
        return empty_output()
    return pl.DataFrame([{c: r.get(c) for c in OUTPUT_SCHEMA} for r in rows], schema=OUTPUT_SCHEMA)


def empty_output() -> pl.DataFrame:
    return pl.DataFrame(schema=OUTPUT_SCHEMA)


def select_best(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per key and plan/actual: the most final status wins (official > ... > estimate)."""
    if frame.is_empty():
        return frame
    rank = pl.col("status").replace_strict(STATUS_RANK, default=-1, return_dtype=pl.Int8)
    is_plan = pl.col("status") == "plan"
    return (
        frame.with_columns(_rank=rank, _plan=is_plan)
        .sort("_rank", descending=True, maintain_order=True)
        .unique(["area", "indicator", "period", "measure", "_plan"], keep="first", maintain_order=True)
        .drop("_rank", "_plan")
    )


@dataclass(frozen=True, slots=True)
class Rule:
    """How an indicator aggregates: over areas (sum/average/none) and time (flow/stock/rate)."""

    area_aggregation: str = "none"
    time_aggregation: str = "rate"
    parent: str | None = None
    unit: str = ""

    @property
    def over_areas(self) -> bool:
        """Whether an area's figure is its parts' sum or average (else the parts say nothing of it)."""
        return self.area_aggregation in ("sum", "average")


@dataclass(frozen=True, slots=True)
class CatalogueRead:
    """What the rules read of a catalogue besides each rule: each indicator of a breakdown and
    its whole (a whole is its own), the indicators summed over time, each indicator's family
    (filled as asked)."""

    wholes: dict[str, str]
    flows: frozenset[str]
    families: dict[str, tuple[str, ...]]


class Catalogue(dict):
    """Each indicator's :class:`Rule` by code, read once for all that reads it: the analytics
    service has one object per set of rules (``reading.catalogue``), and every fact base over it
    and every cache key of its figures share :attr:`read` (the one memo of the rules: a caller
    must not change them). Pickled as a plain dict of its rules: what was read is read again."""

    def __reduce__(self):
        return (dict, (dict(self),))

    @cached_property
    def read(self) -> CatalogueRead:
        return _read_rules(self)

    @cached_property
    def stamp(self) -> str:
        """A digest of the rules (a changed rule changes every figure it reads)."""
        rules = sorted((c, rule_of(self, c)) for c in self)
        return hashlib.blake2b(repr(rules).encode(), digest_size=8).hexdigest()


def catalogue_read(catalogue: Mapping[str, Any] | None) -> CatalogueRead:
    """What is read of ``catalogue``'s rules: a :class:`Catalogue`'s own, read once; any other
    mapping (of rules, ``Indicator`` objects or dicts) read anew."""
    if isinstance(catalogue, Catalogue):
        return catalogue.read
    return _read_rules(catalogue or {})


def _read_rules(catalogue: Mapping[str, Any]) -> CatalogueRead:
    rules = {c: rule_of(catalogue, c) for c in catalogue}
    wholes = {c: r.parent for c, r in rules.items() if r.parent is not None}
    wholes.update({p: p for p in set(wholes.values())})
    flows = frozenset(c for c, r in rules.items() if r.time_aggregation == "flow")
    return CatalogueRead(wholes, flows, {})


def rule_of(catalogue: Mapping[str, Any] | None, indicator: str) -> Rule:
    """The indicator's rule from a catalogue of ``Indicator`` objects (or dicts).

    An indicator missing from the catalogue gets the cautious rule: not summed over areas nor
    over time.
    """
    ind = (catalogue or {}).get(indicator)
    if ind is None:
        return Rule()
    if isinstance(ind, Rule):
        return ind
    get = ind.get if isinstance(ind, Mapping) else lambda k, d=None: getattr(ind, k, d)
    return Rule(
        area_aggregation=get("area_aggregation", "none") or "none",
        time_aggregation=get("time_aggregation", "rate") or "rate",
        parent=get("parent", None) or None,
        unit=get("unit", "") or "",
    )


def children_of(catalogue: Mapping[str, Any] | None, parent: str) -> list[str]:
    """The indicators whose ``parent`` is ``parent`` (GRDP -> its sectors and product taxes)."""
    return sorted(code for code in (catalogue or {}) if rule_of(catalogue, code).parent == parent)
