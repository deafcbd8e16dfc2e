"""The indicator catalogue: what Marsad measures, read from ``data/indicators.json``.

Each indicator says how its numbers combine, which the analytics rely on:

* ``area_aggregation``: ``sum`` (communes add up to their province: GRDP, revenue, exports),
  ``average`` (a plain mean of the units is meaningful), ``none`` (indices and shares: a
  province's CPI or poverty rate is not computed from its communes' values);
* ``time_aggregation``: ``flow`` (quarters add up to the year), ``stock`` (the value at the
  end of the period), ``rate`` (indices and percentages: never added over time);
* ``parent``: the whole it is a part of (GRDP = the three sectors' value added + product taxes).

Codes are stable: the extractor, the tests and stored observations use them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "AREA_AGGREGATIONS",
    "TIME_AGGREGATIONS",
    "CatalogueError",
    "Indicator",
    "children_of",
    "load_catalogue",
    "parse_catalogue",
]

AREA_AGGREGATIONS = ("sum", "average", "none")
TIME_AGGREGATIONS = ("flow", "stock", "rate")
CATALOGUE_FILE = Path(__file__).parent / "data" / "indicators.json"


class CatalogueError(ValueError):
    """An entry of the catalogue is wrong; the message names it."""


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    name_ar: str
    name_vi: str
    name_en: str
    unit: str
    area_aggregation: str
    time_aggregation: str
    parent: str | None = None
    decimals: int = 1
    headline: bool = False

    def name(self, lang: str = "en") -> str:
        """The name in ``lang`` (ar, vi, en; English for anything else)."""
        return {"ar": self.name_ar, "vi": self.name_vi}.get(lang[:2], self.name_en)

    @property
    def is_additive_over_areas(self) -> bool:
        return self.area_aggregation == "sum"

    @property
    def is_additive_over_time(self) -> bool:
        return self.time_aggregation == "flow"


_REQUIRED = ("name_ar", "name_vi", "name_en", "unit", "area_aggregation", "time_aggregation")
_KNOWN = {f.name for f in fields(Indicator)} - {"code"}


def _entry(code: str, raw: Any) -> Indicator:
    where = f"indicator {code!r}"
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where}: expected an object, got {type(raw).__name__}")
    unknown = sorted(set(raw) - _KNOWN)
    if unknown:
        raise CatalogueError(f"{where}: unknown field(s) {', '.join(unknown)}")
    missing = [f for f in _REQUIRED if not (isinstance(raw.get(f), str) and raw[f].strip())]
    if missing:
        raise CatalogueError(f"{where}: missing or empty {', '.join(missing)}")
    if raw["area_aggregation"] not in AREA_AGGREGATIONS:
        raise CatalogueError(
            f"{where}: area_aggregation {raw['area_aggregation']!r} is not one of "
            f"{', '.join(AREA_AGGREGATIONS)}"
        )
    if raw["time_aggregation"] not in TIME_AGGREGATIONS:
        raise CatalogueError(
            f"{where}: time_aggregation {raw['time_aggregation']!r} is not one of "
            f"{', '.join(TIME_AGGREGATIONS)}"
        )
    decimals = raw.get("decimals", 1)
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 6:
        raise CatalogueError(f"{where}: decimals must be a whole number 0-6, got {decimals!r}")
    headline = raw.get("headline", False)
    if not isinstance(headline, bool):
        raise CatalogueError(f"{where}: headline must be true or false, got {headline!r}")
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise CatalogueError(f"{where}: parent must be an indicator code or null")
    return Indicator(code=code, **{**raw, "decimals": decimals, "headline": headline})


def parse_catalogue(data: dict[str, Any]) -> dict[str, Indicator]:
    """Check and build the catalogue from its JSON form (code -> fields)."""
    if not isinstance(data, dict):
        raise CatalogueError("the catalogue must be an object mapping codes to indicators")
    catalogue = {}
    for code, raw in data.items():
        if not code or code != code.strip().lower() or " " in code:
            raise CatalogueError(f"indicator code {code!r} must be lower case without spaces")
        catalogue[code] = _entry(code, raw)
    for ind in catalogue.values():
        if ind.parent is None:
            continue
        if ind.parent not in catalogue:
            raise CatalogueError(f"indicator {ind.code!r}: unknown parent {ind.parent!r}")
        # A part must combine like its whole, or "sum of the parts" means nothing.
        whole = catalogue[ind.parent]
        if (ind.area_aggregation, ind.time_aggregation, ind.unit) != (
            whole.area_aggregation,
            whole.time_aggregation,
            whole.unit,
        ):
            raise CatalogueError(
                f"indicator {ind.code!r}: unit and aggregation must match its parent {whole.code!r}"
            )
    for ind in catalogue.values():
        seen, cur = {ind.code}, ind
        while cur.parent is not None:
            if cur.parent in seen:
                raise CatalogueError(f"indicator {ind.code!r}: parent chain loops through {cur.parent!r}")
            seen.add(cur.parent)
            cur = catalogue[cur.parent]
    return catalogue


@lru_cache(maxsize=1)
def load_catalogue() -> dict[str, Indicator]:
    """The catalogue, read once per process. Treat the returned dict as read-only."""
    with CATALOGUE_FILE.open(encoding="utf-8") as fh:
        return parse_catalogue(json.load(fh))


def children_of(code: str, catalogue: dict[str, Indicator] | None = None) -> list[Indicator]:
    """The indicators whose parent is ``code`` (GRDP: its sectors and product taxes)."""
    catalogue = catalogue if catalogue is not None else load_catalogue()
    if code not in catalogue:
        raise KeyError(f"no indicator has the code {code!r}")
    return [ind for ind in catalogue.values() if ind.parent == code]
