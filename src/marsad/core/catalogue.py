"""The indicator catalogue: what Marsad measures, read from ``data/indicators.json``.

Each indicator says how its numbers combine, which the analytics rely on:

* ``area_aggregation``: ``sum`` (communes add up to their province: GRDP, revenue, exports),
  ``average`` (a plain mean of the units is meaningful), ``none`` (indices and shares: a
  province's CPI or poverty rate is not computed from its communes' values);
* ``time_aggregation``: ``flow`` (quarters add up to the year), ``stock`` (the value at the
  end of the period), ``rate`` (indices and percentages: never added over time);
* ``parent``: the whole it is a part of (GRDP = the three sectors' value added + product taxes).

What a report's wording means for an indicator is also the catalogue's, so that the reader holds
no indicator knowledge of its own:

* ``bare_percent``: the measure a percentage written after the indicator with no cue word means
  ("GRDP đạt 8,1%" is growth: ``yoy_pct``). When absent it follows from the unit: a rate in
  ``%`` is its level, an ``index`` moves as growth on the same period, anything else says nothing;
* ``plan_kind``: what the year's goal is called — ``estimate`` for the state budget (its goal is
  the estimate the People's Council approves: "dự toán"), ``plan`` for everything else;
* the unit says whether a level is money (``"billion VND"``, with its currency) or a count
  (``"enterprises"``, ``"visitors"``: a bare number after the indicator is a count);
* names and synonyms per language, as reports write them, live in
  ``data/indicator_terms/<lang>.json`` (:func:`load_terms`), with the phrases that name
  something the catalogue lacks (gross output, a revenue sub-item) so that a figure after them
  is not given to the indicator before.

Codes are stable: the extractor, the tests and stored observations use them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "AREA_AGGREGATIONS",
    "TIME_AGGREGATIONS",
    "CatalogueError",
    "PLAN_KINDS",
    "Indicator",
    "IndicatorTerms",
    "children_of",
    "load_catalogue",
    "load_terms",
    "parse_catalogue",
    "parse_terms",
    "ValueRules",
    "load_value_rules",
    "parse_value_rules",
]

AREA_AGGREGATIONS = ("sum", "average", "none")
TIME_AGGREGATIONS = ("flow", "stock", "rate")
PLAN_KINDS = ("plan", "estimate")
CATALOGUE_FILE = Path(__file__).parent / "data" / "indicators.json"
TERMS_DIR = Path(__file__).parent / "data" / "indicator_terms"
MEASURES = ("level", "yoy_pct", "plan_pct", "share_pct", "contribution_pp")
_MONEY = {"VND", "USD"}
VALUE_RULES_FILE = Path(__file__).parent / "data" / "value_rules.json"


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
    bare_percent: str | None = None
    plan_kind: str = "plan"

    def name(self, lang: str = "en") -> str:
        """The name in ``lang`` (ar, vi, en; English for anything else)."""
        return {"ar": self.name_ar, "vi": self.name_vi}.get(lang[:2], self.name_en)

    @property
    def is_additive_over_areas(self) -> bool:
        return self.area_aggregation == "sum"

    @property
    def is_additive_over_time(self) -> bool:
        return self.time_aggregation == "flow"

    @property
    def currency(self) -> str | None:
        """``"VND"`` or ``"USD"`` for a money indicator ("billion VND"), else None."""
        last = self.unit.split()[-1] if self.unit else ""
        return last if last in _MONEY else None

    @property
    def count_unit(self) -> str | None:
        """The thing counted (``"enterprises"``, ``"visitors"``) for a count indicator, else None."""
        if self.currency or self.unit in ("%", "index", "pp"):
            return None
        return self.unit.split()[-1]

    @property
    def is_rate(self) -> bool:
        """A percentage that is itself the level (poverty rate, share of communes)."""
        return self.unit == "%"

    @property
    def percent_means(self) -> str | None:
        """What a bare percentage after this indicator measures (see the module doc)."""
        if self.bare_percent:
            return self.bare_percent
        if self.is_rate:
            return "level"
        if self.unit == "index":
            return "yoy_pct"
        return None


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
    bare = raw.get("bare_percent")
    if bare is not None and bare not in MEASURES:
        raise CatalogueError(f"{where}: bare_percent {bare!r} is not one of {', '.join(MEASURES)}")
    plan_kind = raw.get("plan_kind", "plan")
    if plan_kind not in PLAN_KINDS:
        raise CatalogueError(f"{where}: plan_kind {plan_kind!r} is not one of {', '.join(PLAN_KINDS)}")
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


# -- names and synonyms per language ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndicatorTerms:
    """How one language's reports name the catalogue's indicators.

    ``terms``: (phrase, code) pairs; ``code`` None marks a phrase that names something the
    catalogue lacks (``reasons[phrase]`` says what), so a figure after it belongs to no indicator.
    A phrase starting with ``re:`` is a regular expression.
    """

    lang: str
    terms: tuple[tuple[str, str | None], ...]
    reasons: dict[str, str]
    weak: frozenset[str] = (
        frozenset()
    )  # generic names ("economic growth") a specific one named before wins over
    # phrase -> codes it goes on naming when one of them is named before it ("registered capital"
    # after FDI is FDI's); after anything else it names what the catalogue lacks
    continues: dict[str, frozenset[str]] = field(default_factory=dict)

    def phrases(self, code: str) -> list[str]:
        return [p for p, c in self.terms if c == code]


def parse_terms(lang: str, data: Any, catalogue: dict[str, Indicator] | None = None) -> IndicatorTerms:
    """Check and build one language's terms from their JSON form::

        {"indicators": {"grdp": ["tổng sản phẩm trên địa bàn", ...], ...},
         "weak": {"grdp": ["tăng trưởng kinh tế"]},
         "not_indicators": {"gross output, no code": ["giá trị sản xuất", ...], ...},
         "continues": {"vốn đăng ký": ["fdi_registered", "ddi_registered"], ...}}

    A weak name is generic: in "the sector kept driving economic growth, up 3.9%" the figure is
    the sector's, named first, not the economy's.
    """
    catalogue = catalogue if catalogue is not None else load_catalogue()
    where = f"indicator terms ({lang})"
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), dict):
        raise CatalogueError(f"{where}: expected an object with an 'indicators' object")
    unknown = sorted(set(data) - {"indicators", "weak", "not_indicators", "continues", "comment"})
    if unknown:
        raise CatalogueError(f"{where}: unknown field(s) {', '.join(unknown)}")
    pairs: list[tuple[str, str | None]] = []
    seen: dict[str, str | None] = {}

    def add(phrase: Any, code: str | None, group: str) -> None:
        if not isinstance(phrase, str) or not phrase.strip():
            raise CatalogueError(f"{where}: {group}: every phrase must be a non-empty string")
        key = phrase.strip().lower()
        if key in seen and seen[key] != code:
            raise CatalogueError(f"{where}: {phrase!r} names both {seen[key]!r} and {code!r}")
        if key not in seen:
            seen[key] = code
            pairs.append((phrase.strip(), code))

    for code, phrases in data["indicators"].items():
        if code not in catalogue:
            raise CatalogueError(f"{where}: {code!r} is not an indicator of the catalogue")
        if not isinstance(phrases, list) or not phrases:
            raise CatalogueError(f"{where}: {code!r} must list at least one phrase")
        for phrase in phrases:
            add(phrase, code, code)
    weak: set[str] = set()
    for code, phrases in (data.get("weak") or {}).items():
        if code not in catalogue:
            raise CatalogueError(f"{where}: weak: {code!r} is not an indicator of the catalogue")
        for phrase in phrases:
            add(phrase, code, f"weak {code}")
            weak.add(phrase.strip())
    reasons: dict[str, str] = {}
    for reason, phrases in (data.get("not_indicators") or {}).items():
        if not isinstance(phrases, list):
            raise CatalogueError(f"{where}: not_indicators {reason!r} must be a list of phrases")
        for phrase in phrases:
            add(phrase, None, reason)
            reasons[phrase.strip()] = reason
    continues: dict[str, frozenset[str]] = {}
    for phrase, codes in (data.get("continues") or {}).items():
        if not isinstance(codes, list) or not codes or any(c not in catalogue for c in codes):
            raise CatalogueError(f"{where}: continues {phrase!r} must list indicators of the catalogue")
        add(phrase, None, "continues")
        reasons[phrase.strip()] = "goes on naming " + ", ".join(codes)
        continues[phrase.strip()] = frozenset(codes)
    return IndicatorTerms(lang, tuple(pairs), reasons, frozenset(weak), continues)


@lru_cache(maxsize=8)
def load_terms(lang: str) -> IndicatorTerms:
    """The terms of ``lang`` (ar, vi, en), read once per process."""
    path = TERMS_DIR / f"{lang}.json"
    if not path.exists():
        raise CatalogueError(f"no indicator terms for language {lang!r} ({path.name} is missing)")
    with path.open(encoding="utf-8") as fh:
        return parse_terms(lang, json.load(fh))


# -- what a stored value may be (data/value_rules.json) ----------------------------------------
@dataclass(frozen=True, slots=True)
class Bound:
    """An allowed range; ``None`` is open. ``min_exclusive``: the minimum itself is refused."""

    min: float | None = None
    max: float | None = None
    min_exclusive: bool = False


@dataclass(frozen=True, slots=True)
class ValueRules:
    """The validation rules held as data: see ``data/value_rules.json`` and core/validation.py."""

    max_significant_digits: int
    max_decimal_places: int
    no_future_statuses: tuple[str, ...]
    measures: dict[str, Bound]
    level_units: dict[str, Bound]
    # indicator code -> measure -> bound; replaces the measure's and the unit's bound
    indicators: dict[str, dict[str, Bound]]


def _bound(where: str, raw: Any) -> Bound:
    if not isinstance(raw, dict) or set(raw) - {"min", "max", "min_exclusive"}:
        raise CatalogueError(f"{where}: expected {{min, max, min_exclusive}}, got {raw!r}")
    for key in ("min", "max"):
        v = raw.get(key)
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            raise CatalogueError(f"{where}: {key} must be a number or null, got {v!r}")
    lo, hi = raw.get("min"), raw.get("max")
    if lo is not None and hi is not None and lo > hi:
        raise CatalogueError(f"{where}: min {lo} is above max {hi}")
    return Bound(lo, hi, bool(raw.get("min_exclusive", False)))


def parse_value_rules(data: dict[str, Any], catalogue: dict[str, Indicator] | None = None) -> ValueRules:
    """Check and build the value rules from their JSON form."""
    from .measures import MEASURES, STATUSES

    if not isinstance(data, dict):
        raise CatalogueError("the value rules must be an object")
    measures = {}
    for measure, raw in (data.get("measures") or {}).items():
        if measure not in MEASURES:
            raise CatalogueError(f"value rules: unknown measure {measure!r}")
        measures[measure] = _bound(f"value rules, measure {measure!r}", raw)
    units = {u: _bound(f"value rules, unit {u!r}", raw) for u, raw in (data.get("level_units") or {}).items()}
    indicators = {}
    for code, per_measure in (data.get("indicators") or {}).items():
        if catalogue is not None and code not in catalogue:
            raise CatalogueError(f"value rules: unknown indicator {code!r}")
        indicators[code] = {
            m: _bound(f"value rules, indicator {code!r} {m!r}", raw) for m, raw in per_measure.items()
        }
    statuses = tuple(data.get("no_future_statuses") or ())
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        raise CatalogueError(f"value rules: unknown status(es) {', '.join(unknown)}")
    return ValueRules(
        max_significant_digits=int(data.get("max_significant_digits", 15)),
        max_decimal_places=int(data.get("max_decimal_places", 10)),
        no_future_statuses=statuses,
        measures=measures,
        level_units=units,
        indicators=indicators,
    )


@lru_cache(maxsize=1)
def load_value_rules() -> ValueRules:
    """The value rules, read once per process."""
    with VALUE_RULES_FILE.open(encoding="utf-8") as fh:
        return parse_value_rules(json.load(fh), load_catalogue())
