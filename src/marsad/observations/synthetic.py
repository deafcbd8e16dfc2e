"""Synthetic observations in the import layout, for benchmarks and large-file tests."""

from __future__ import annotations

import random

from marsad.areas.models import Area
from marsad.indicators.models import Indicator


def synthetic_rows(n: int, seed: int = 0, *, start_year: int = 2015) -> list[tuple[int, dict]]:
    """``n`` distinct rows: communes x additive indicators x months, values from a seeded RNG."""
    rng = random.Random(seed)
    communes = list(Area.objects.communes().current().values_list("code", flat=True))
    indicators = list(Indicator.objects.filter(area_aggregation="sum").values_list("code", flat=True))
    months = [f"{y}{m:02d}" for y in range(start_year, start_year + 10) for m in range(1, 13)]
    capacity = len(communes) * len(indicators) * len(months)
    if n > capacity:
        raise ValueError(f"at most {capacity:,} distinct synthetic rows")
    rows = []
    for i in range(n):
        month = months[i % len(months)]
        rest = i // len(months)
        indicator = indicators[rest % len(indicators)]
        area = communes[(rest // len(indicators)) % len(communes)]
        value = round(rng.uniform(1, 1000), 2)
        rows.append((i + 2, {"area": area, "indicator": indicator, "period": month, "value": str(value)}))
    return rows
