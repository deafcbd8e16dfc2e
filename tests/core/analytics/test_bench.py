"""The benchmark runs at a tiny size (no timing asserted) and its two queries agree."""

from __future__ import annotations

from marsad.core.analytics.bench import run_bench
from marsad.core.analytics.synthetic import synthetic_data


def test_synthetic_shape_and_determinism():
    a = synthetic_data(communes=50, indicators=3, months=24)
    b = synthetic_data(communes=50, indicators=3, months=24)
    assert a.frame.height == 50 * 3 * 24
    assert a.frame["value"].equals(b.frame["value"])
    assert len(a.provinces) == 34 and len(a.communes) == 50
    assert all(a.tree.parent[c] == a.commune_province[c] for c in a.communes)


def test_tiny_bench_runs_and_agrees():
    res = run_bench(communes=60, indicators=2, months=36, repeat=2)
    d = res.as_dict()
    assert d["rows"] == 60 * 2 * 36
    assert d["results_agree"], d
    assert set(d["median_ms"]) == {"engine", "engine_traced", "raw_sql", "polars"}


def test_synthetic_breakdowns_add_up():
    import polars as pl

    from marsad.core.analytics import check_consistency

    data = synthetic_data(communes=5, indicators=5, months=3)
    assert check_consistency(data.frame, data.catalogue) == []
    grdp = data.frame.filter(pl.col("indicator") == "grdp")["value"].sum()
    parts = data.frame.filter(
        pl.col("indicator").is_in(
            ["va_industry_construction", "va_services", "va_agriculture_forestry_fishery", "product_taxes"]
        )
    )["value"].sum()
    assert abs(grdp - parts) < 1e-6 * grdp
