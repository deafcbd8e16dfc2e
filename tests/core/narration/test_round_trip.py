"""Round trip: a generated report read back by the reading-reports extractor gives the same facts
(F1 1.0) in Arabic, Vietnamese and English."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.core import extract as extract_module
from marsad.core.narration import (
    LANGS,
    fact_key,
    narrate_text,
    report_data_from_observations,
    stated_facts,
)


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)


def _extracted(text: str, lang: str) -> set[tuple]:
    result = extract_module.extract(text, lang=lang)
    facts = _get(result, "facts")
    return {fact_key(f) for f in facts}


def _f1(expected: set, got: set) -> float:
    if not expected and not got:
        return 1.0
    tp = len(expected & got)
    if tp == 0:
        return 0.0
    p, r = tp / len(got), tp / len(expected)
    return 2 * p * r / (p + r)


def _data(obs, period="2025-9M"):
    rows = [
        {
            "area": "VN-24",
            "indicator": i,
            "period": period,
            "measure": m,
            "value": v,
            "unit": u,
            "status": s,
            "qualifier": q,
        }
        for i, m, v, u, s, q in obs
    ]
    return report_data_from_observations(
        rows,
        area_code="VN-24",
        area_names={"ar": "باك نينه", "vi": "Bắc Ninh", "en": "Bac Ninh"},
        period=period,
    )


def _mixed_data():
    """A 9-month report with a decline, a plan exceeded, a growth-only figure and a 'more than'."""
    return _data(
        [
            ("grdp", "level", 90412.5, "billion VND", "official", "exact"),
            ("grdp", "yoy_pct", 6.4, "%", "official", "exact"),
            ("va_industry_construction", "level", 48210.0, "billion VND", "official", "exact"),
            ("va_industry_construction", "yoy_pct", 9.12, "%", "official", "exact"),
            ("va_services", "level", 30102.0, "billion VND", "official", "exact"),
            ("va_services", "yoy_pct", 4.05, "%", "official", "exact"),
            ("va_agriculture_forestry_fishery", "level", 7300.0, "billion VND", "official", "exact"),
            ("va_agriculture_forestry_fishery", "yoy_pct", 1.5, "%", "official", "exact"),
            ("iip", "yoy_pct", 15.2, "%", "official", "exact"),
            ("exports", "level", 2100.0, "million USD", "official", "more_than"),
            ("exports", "yoy_pct", -3.2, "%", "official", "exact"),
            ("budget_revenue", "level", 25315.0, "billion VND", "estimate", "exact"),
            ("budget_revenue", "plan_pct", 105.4, "%", "estimate", "exact"),
            ("budget_revenue", "yoy_pct", 15.01, "%", "estimate", "exact"),
        ]
    )


def _drag_data():
    """A sector that shrank: its contribution to growth is negative."""
    return _data(
        [
            ("grdp", "level", 40000.0, "billion VND", "official", "exact"),
            ("grdp", "yoy_pct", 5.2, "%", "official", "exact"),
            ("va_industry_construction", "level", 22000.0, "billion VND", "official", "exact"),
            ("va_industry_construction", "yoy_pct", 9.4, "%", "official", "exact"),
            ("va_agriculture_forestry_fishery", "level", 6000.0, "billion VND", "official", "exact"),
            ("va_agriculture_forestry_fishery", "yoy_pct", -2.5, "%", "official", "exact"),
        ],
        period="2025Q2",
    )


def _check(data, lang):
    expected = {fact_key(f) for f in stated_facts(data)}
    got = _extracted(narrate_text(data, lang), lang)
    missing, extra = expected - got, got - expected
    assert _f1(expected, got) == 1.0, f"missing: {sorted(missing)}\nextra: {sorted(extra)}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("which", ["seed", "mixed"])
def test_report_reads_back_to_the_same_facts(lang, which, seed_data):
    _check(seed_data if which == "seed" else _mixed_data(), lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_drag_on_growth_reads_back_negative(lang):
    _check(_drag_data(), lang)


def test_arabic_in_eastern_digits_reads_back(seed_data):
    expected = {fact_key(f) for f in stated_facts(seed_data)}
    assert _extracted(narrate_text(seed_data, "ar", eastern_digits=True), "ar") == expected
