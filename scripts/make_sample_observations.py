"""Write examples/sample_observations.csv: made-up, internally consistent demo data.

Quarterly GRDP by sector (levels and growth), budget revenue with its plan, exports and
industrial production for Bac Ninh (VN-24), Khanh Hoa (VN-56) and Ninh Thuan before its merger
(VN-OLD-58), and budget revenue for each of Bac Ninh's 99 communes. Run from the repository:
    python scripts/make_sample_observations.py
"""

from __future__ import annotations

import csv
import random
import sqlite3
from pathlib import Path

import vietnamadminunits

OUT = Path(__file__).resolve().parents[1] / "examples" / "sample_observations.csv"
SECTORS = {"va_industry_construction": 0.62, "va_services": 0.25, "va_agriculture_forestry_fishery": 0.05}
# Ninh Thuan's Q1 2024 figures come from seed 000 (ingested by the demo); the sample supplies the
# other quarters around them, anchored so that Q1 2023 is what the seed's growth rates imply.
SEED_ANCHOR = {
    "VN-OLD-58": {
        "quarter": (2024, 1),
        "levels": {
            "grdp": 5800,
            "va_industry_construction": 2102,
            "va_services": 2151,
            "va_agriculture_forestry_fishery": 1299,
            "budget_revenue": 1207,
        },
        "growth": {
            "grdp": 8.26,
            "va_industry_construction": 13.23,
            "va_services": 6.66,
            "va_agriculture_forestry_fishery": 4.34,
            "budget_revenue": 36.3,
        },
        "plan_pct": 30.2,
    }
}
PROVINCES = {
    # code: (GRDP of 2023Q1 in billion VND, yearly growth %, quarters covered)
    "VN-24": (
        92_000,
        10.5,
        [(y, q) for y in (2023, 2024, 2025) for q in (1, 2, 3, 4) if (y, q) <= (2025, 3)],
    ),
    "VN-56": (30_000, 8.0, [(y, q) for y in (2023, 2024, 2025) for q in (1, 2, 3, 4) if (y, q) <= (2025, 3)]),
    "VN-OLD-58": (
        5_300,
        8.5,
        [(y, q) for y in (2023, 2024, 2025) for q in (1, 2, 3, 4) if (y, q) <= (2025, 2)],
    ),
}


def fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def main() -> None:
    rng = random.Random(2025)
    rows = []

    def add(area, indicator, period, value, measure="level", unit="", status="official", qualifier="exact"):
        rows.append([area, indicator, period, measure, fmt(value), unit, status, qualifier])

    for area, (base, growth, quarters) in PROVINCES.items():
        level: dict[tuple[str, int, int], float] = {}
        anchor = SEED_ANCHOR.get(area)
        for y, q in quarters:
            seasonal = (0.92, 1.0, 1.03, 1.08)[q - 1]
            g = (1 + growth / 100 + rng.uniform(-0.015, 0.015)) ** (y - 2023)
            if anchor:
                # Q1 2023 as the seed implies, and the same structure through the series.
                base_q1 = {c: v / (1 + anchor["growth"][c] / 100) for c, v in anchor["levels"].items()}
                scale = seasonal / 0.92 * g
                parts = {c: base_q1[c] * scale for c in SECTORS}
                total = base_q1["grdp"] * scale
                budget = base_q1["budget_revenue"] * scale
            else:
                total = base * seasonal * g
                parts = {
                    code: total * share * (1 + rng.uniform(-0.02, 0.02)) for code, share in SECTORS.items()
                }
                budget = total * 0.09 * (1 + rng.uniform(-0.05, 0.05))
            parts["product_taxes"] = total - sum(parts.values())
            for code, v in {"grdp": total, **parts}.items():
                level[(code, y, q)] = round(v)
            level[("budget_revenue", y, q)] = round(budget)
            level[("exports", y, q)] = round(total / 25 * (1 + rng.uniform(-0.05, 0.05)), 1)
        if anchor:  # the seed's own quarter: its figures replace the generated ones
            ay, aq = anchor["quarter"]
            for code, v in anchor["levels"].items():
                level[(code, ay, aq)] = v
            level[("product_taxes", ay, aq)] = anchor["levels"]["grdp"] - sum(
                anchor["levels"][c] for c in SECTORS
            )
        seeded = (
            {(c, *anchor["quarter"]) for c in anchor["levels"]} | {("product_taxes", *anchor["quarter"])}
            if anchor
            else set()
        )
        for (code, y, q), v in level.items():
            if (code, y, q) in seeded:
                continue  # stated by the seed report, which the demo ingests
            unit = "million USD" if code == "exports" else "billion VND"
            add(area, code, f"{y}Q{q}", v, unit=unit)
            prev = level.get((code, y - 1, q))
            if prev:
                add(area, code, f"{y}Q{q}", (v / prev - 1) * 100, measure="yoy_pct", unit="%")
        for y in (2023, 2024, 2025):
            yearly = sum(v for (c, yy, _), v in level.items() if c == "budget_revenue" and yy == y)
            if anchor and y == anchor["quarter"][0]:
                plan = round(anchor["levels"]["budget_revenue"] / anchor["plan_pct"] * 100)
                add(area, "budget_revenue", str(y), plan, unit="billion VND", status="plan")
            elif yearly:
                plan = round(
                    sum(
                        level.get(("budget_revenue", y - 1, q), level[("budget_revenue", 2023, q)])
                        for q in (1, 2, 3, 4)
                    )
                    * 1.08
                    if y > 2023
                    else yearly * 1.02
                )
                add(area, "budget_revenue", str(y), plan, unit="billion VND", status="plan")
        for y, q in quarters:
            ytd = sum(level[("budget_revenue", y, qq)] for qq in range(1, q + 1))
            plan_rows = [
                r
                for r in rows
                if r[0] == area and r[1] == "budget_revenue" and r[2] == str(y) and r[6] == "plan"
            ]
            if plan_rows and (not anchor or (y, q) != anchor["quarter"]):
                add(
                    area,
                    "budget_revenue",
                    {1: f"{y}Q1", 2: f"{y}S1", 3: f"{y}-9M", 4: str(y)}[q],
                    ytd / float(plan_rows[0][4]) * 100,
                    measure="plan_pct",
                    unit="%",
                )
        for y, q in quarters:
            add(area, "iip", f"{y}Q{q}", growth + rng.uniform(-3, 5), measure="yoy_pct", unit="%")

    db = sqlite3.connect(Path(vietnamadminunits.__file__).parent / "data" / "dataset.db")
    communes = [
        f"VN-24-{c}"
        for (c,) in db.execute("select wardCode from admin_units where provinceCode='24' order by wardCode")
    ]
    for code in communes:
        plan = rng.uniform(40, 400)
        done = plan * rng.uniform(0.45, 0.95)
        add(code, "budget_revenue", "2025", round(plan, 1), unit="billion VND", status="plan")
        add(code, "budget_revenue", "2025-9M", round(done, 1), unit="billion VND")
        add(code, "budget_revenue", "2025-9M", done / plan * 100, measure="plan_pct", unit="%")
        add(code, "new_enterprises", "2025-9M", rng.randint(5, 120), unit="enterprises")

    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["area", "indicator", "period", "measure", "value", "unit", "status", "qualifier"])
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
