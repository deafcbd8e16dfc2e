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
        for y, q in quarters:
            seasonal = (0.92, 1.0, 1.03, 1.08)[q - 1]
            g = (1 + growth / 100 + rng.uniform(-0.015, 0.015)) ** (y - 2023)
            total = base * seasonal * g
            parts = {}
            for code, share in SECTORS.items():
                parts[code] = total * share * (1 + rng.uniform(-0.02, 0.02))
            parts["product_taxes"] = total - sum(parts.values())
            for code, v in {"grdp": total, **parts}.items():
                level[(code, y, q)] = round(v)
            budget = total * 0.09 * (1 + rng.uniform(-0.05, 0.05))
            level[("budget_revenue", y, q)] = round(budget)
            level[("exports", y, q)] = round(total / 25 * (1 + rng.uniform(-0.05, 0.05)), 1)
        for (code, y, q), v in level.items():
            unit = "million USD" if code == "exports" else "billion VND"
            add(area, code, f"{y}Q{q}", v, unit=unit)
            prev = level.get((code, y - 1, q))
            if prev:
                add(area, code, f"{y}Q{q}", (v / prev - 1) * 100, measure="yoy_pct", unit="%")
        for y in (2023, 2024, 2025):
            yearly = sum(v for (c, yy, _), v in level.items() if c == "budget_revenue" and yy == y)
            if yearly:
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
            if plan_rows:
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
