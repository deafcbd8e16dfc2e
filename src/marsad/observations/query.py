"""Observations as plain records and data frames, for the pure analytics core."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from .models import Observation

RECORD_FIELDS = ("id", "area", "indicator", "period", "measure", "value", "unit", "status", "qualifier")


def observation_records(
    area_codes: Iterable[str] | None = None,
    periods: Iterable[str] | None = None,
    indicators: Iterable[str] | None = None,
    *,
    include_children: bool = False,
) -> list[dict]:
    """Observations as dicts with RECORD_FIELDS (area and indicator by code).

    ``include_children`` adds the communes under the areas named and the closed provinces that
    merged into them, so a province's history and its communes come in one read.
    """
    qs = Observation.objects.all()
    if area_codes is not None:
        codes = list(area_codes)
        cond = Q(area__code__in=codes)
        if include_children:
            cond |= Q(area__parent__code__in=codes) | Q(area__successor__code__in=codes)
        qs = qs.filter(cond)
    if periods is not None:
        qs = qs.filter(period__in=list(periods))
    if indicators is not None:
        qs = qs.filter(indicator__code__in=list(indicators))
    rows = qs.values_list(
        "id", "area__code", "indicator__code", "period", "measure", "value", "unit", "status", "qualifier"
    )
    return [_floated(dict(zip(RECORD_FIELDS, r, strict=True))) for r in rows.iterator(chunk_size=5000)]


def _floated(record: dict) -> dict:
    """The analytics core computes in floats; values are stored as exact decimals."""
    record["value"] = float(record["value"])
    return record


def observation_frame(area_codes=None, periods=None, indicators=None, *, include_children: bool = False):
    """The same records as a Polars DataFrame (the analytics core's input)."""
    import polars as pl

    records = observation_records(area_codes, periods, indicators, include_children=include_children)
    schema = {
        "id": pl.Int64,
        "area": pl.Utf8,
        "indicator": pl.Utf8,
        "period": pl.Utf8,
        "measure": pl.Utf8,
        "value": pl.Float64,
        "unit": pl.Utf8,
        "status": pl.Utf8,
        "qualifier": pl.Utf8,
    }
    return pl.DataFrame(records, schema=schema, orient="row") if records else pl.DataFrame(schema=schema)


def area_records(area, period_codes: Iterable[str]) -> list[dict]:
    """One area's own observations for these periods, ids as text (the analytics core's keys)."""
    rows = Observation.objects.filter(area=area, period__in=list(period_codes)).values_list(
        "id", "indicator__code", "period", "measure", "value", "unit", "status", "qualifier"
    )
    return [
        _floated({"id": str(pk), "area": area.code, **dict(zip(RECORD_FIELDS[2:], rest, strict=True))})
        for pk, *rest in rows
    ]
