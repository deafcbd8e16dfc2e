"""A seeded synthetic national data set for benchmarks: communes x indicators x months.

The shape follows the two-level model of 2025: 34 provinces, 3,321 communes under them, monthly
observations of 30 indicators over 120 months (about 12 million rows). Values are plausible
(lognormal sizes, a yearly trend, seasonality and noise), generated with numpy in one go.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from marsad.core import periods as P

from .frames import Rule
from .rollup import AreaTree, ObservationStore

__all__ = ["SyntheticData", "synthetic_catalogue", "synthetic_data"]

# The indicator codes of DESIGN.md first, then numbered extras up to the count asked for.
_KNOWN = {
    "grdp": Rule("sum", "flow", None, "billion VND"),
    "va_industry_construction": Rule("sum", "flow", "grdp", "billion VND"),
    "va_services": Rule("sum", "flow", "grdp", "billion VND"),
    "va_agriculture_forestry_fishery": Rule("sum", "flow", "grdp", "billion VND"),
    "product_taxes": Rule("sum", "flow", "grdp", "billion VND"),
    "iip": Rule("average", "rate", None, "%"),
    "retail_sales": Rule("sum", "flow", None, "billion VND"),
    "exports": Rule("sum", "flow", "trade_turnover", "million USD"),
    "imports": Rule("sum", "flow", "trade_turnover", "million USD"),
    "trade_turnover": Rule("sum", "flow", None, "million USD"),
    "budget_revenue": Rule("sum", "flow", None, "billion VND"),
    "budget_expenditure": Rule("sum", "flow", None, "billion VND"),
    "investment_capital": Rule("sum", "flow", None, "billion VND"),
    "public_investment_disbursed": Rule("sum", "flow", None, "billion VND"),
    "fdi_registered": Rule("sum", "flow", None, "million USD"),
    "ddi_registered": Rule("sum", "flow", None, "billion VND"),
    "new_enterprises": Rule("sum", "flow", None, "enterprises"),
    "cpi": Rule("average", "rate", None, "%"),
    "visitors": Rule("sum", "flow", None, "visits"),
    "tourism_revenue": Rule("sum", "flow", None, "billion VND"),
    "poverty_rate": Rule("average", "rate", None, "%"),
    "communes_with_digital_product": Rule("sum", "stock", None, "communes"),
    "socio_economic_targets_met": Rule("none", "stock", None, "targets"),
}


def synthetic_catalogue(n_indicators: int = 30) -> dict[str, Rule]:
    codes = list(_KNOWN)[:n_indicators]
    cat = {c: _KNOWN[c] for c in codes}
    for i in range(len(cat), n_indicators):
        cat[f"synthetic_{i:02d}"] = Rule("sum", "flow", None, "units")
    return cat


@dataclass
class SyntheticData:
    frame: pl.DataFrame  # the observation frame (Enum columns), sorted by indicator, period, area
    tree: AreaTree
    provinces: list[str]
    communes: list[str]
    commune_province: dict[str, str]
    catalogue: dict[str, Rule]
    months: list[str]

    def store(self) -> ObservationStore:
        """The same rows in a DuckDB table with ENUM columns, sorted by indicator and period, and a
        ``commune_province`` table for hand-written SQL."""
        store = ObservationStore.from_frame(self.frame, sort=False, dedupe=False)  # generated in order
        store.con.execute("CREATE TABLE commune_province (area VARCHAR, province VARCHAR)")
        store.con.executemany(
            "INSERT INTO commune_province VALUES (?, ?)", list(self.commune_province.items())
        )
        return store


def synthetic_data(
    communes: int = 3321,
    indicators: int = 30,
    months: int = 120,
    *,
    provinces: int = 34,
    start_year: int = 2016,
    seed: int = 20250701,
) -> SyntheticData:
    rng = np.random.default_rng(seed)
    provinces = min(provinces, communes)
    prov_codes = [f"VN-{i + 1:02d}" for i in range(provinces)]
    # communes spread unevenly over provinces, every province gets at least one
    weights = rng.gamma(4.0, 1.0, provinces)
    counts = np.maximum(1, np.floor(weights / weights.sum() * (communes - provinces)).astype(int) + 1)
    while counts.sum() < communes:
        counts[rng.integers(provinces)] += 1
    while counts.sum() > communes:
        counts[np.argmax(counts)] -= 1
    commune_codes, commune_prov = [], {}
    serial = 0
    for p, n in zip(prov_codes, counts, strict=True):
        for _ in range(int(n)):
            serial += 5
            code = f"{p}-{serial:05d}"
            commune_codes.append(code)
            commune_prov[code] = p
    parent = {c: commune_prov[c] for c in commune_codes} | {p: "VN" for p in prov_codes}
    tree = AreaTree(parent=parent)

    catalogue = synthetic_catalogue(indicators)
    ind_codes = list(catalogue)
    month_codes = [P.month(start_year + m // 12, m % 12 + 1).code for m in range(months)]

    n_i, n_m, n_c = len(ind_codes), months, len(commune_codes)
    size = rng.lognormal(mean=3.0, sigma=1.0, size=(n_i, 1, n_c))
    trend = rng.normal(0.07, 0.03, size=(n_i, 1, n_c))
    t = np.arange(n_m, dtype=np.float64).reshape(1, n_m, 1) / 12.0
    season = 1.0 + 0.1 * np.sin(2 * np.pi * (np.arange(n_m) % 12) / 12.0).reshape(1, n_m, 1)
    values = size * np.exp(trend * t) * season
    values *= rng.normal(1.0, 0.03, size=values.shape)
    # breakdowns add up: a whole is the sum of its parts (GRDP = sectors + product taxes)
    for whole in {r.parent for r in catalogue.values()} - {None}:
        parts = [ind_codes.index(c) for c, r in catalogue.items() if r.parent == whole]
        if whole in ind_codes and parts:
            values[ind_codes.index(whole)] = values[parts].sum(axis=0)
    values = values.astype(np.float64).ravel()  # order: indicator, month, commune

    total = n_i * n_m * n_c
    i_idx = np.repeat(np.arange(n_i, dtype=np.int32), n_m * n_c)
    m_idx = np.tile(np.repeat(np.arange(n_m, dtype=np.int32), n_c), n_i)
    c_idx = np.tile(np.arange(n_c, dtype=np.int32), n_i * n_m)

    def enum(cats: list[str], idx: np.ndarray) -> pl.Series:
        return pl.Series(cats, dtype=pl.Enum(cats)).gather(idx)

    units = sorted({r.unit for r in catalogue.values()})
    unit_idx = np.array([units.index(catalogue[c].unit) for c in ind_codes], dtype=np.int32)[i_idx]
    frame = pl.DataFrame(
        {
            "area": enum(commune_codes, c_idx),
            "indicator": enum(ind_codes, i_idx),
            "period": enum(month_codes, m_idx),
            "measure": enum(["level"], np.zeros(total, dtype=np.int32)),
            "value": values,
            "unit": enum(units, unit_idx),
            "status": enum(["official"], np.zeros(total, dtype=np.int32)),
            "qualifier": enum(["exact"], np.zeros(total, dtype=np.int32)),
            "id": np.arange(1, total + 1, dtype=np.int64),
        }
    )
    return SyntheticData(frame, tree, prov_codes, commune_codes, commune_prov, catalogue, month_codes)
