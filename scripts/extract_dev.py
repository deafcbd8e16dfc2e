"""Print what the reader finds in each dev/seed file, for checking by hand against README."""

import sys
from pathlib import Path

from marsad.core.extract import extract

for path in sys.argv[1:]:
    text = Path(path).read_text(encoding="utf-8-sig")
    r = extract(text, strict=True)
    d = r.to_json()["document"]
    print(
        f"=== {Path(path).name} lang={d['language']} area={d['area']} period={d['reporting_period']} year={d['year']}"
    )
    for kind in ("facts", "targets"):
        for f in getattr(r, kind):
            a = f.area.name if f.area else None
            print(
                f"  {kind[0].upper()} {f.indicator:28} {a!s:14} {f.period!s:8} {f.measure:15} {f.value!s:>9} {f.unit!s:14} {f.qualifier:9} | {f.evidence.text[:70]}"
            )
    for kind in ("directives", "difficulties", "recommendations"):
        for it in getattr(r, kind):
            print(f"  {kind[:3]} {it.period} | {it.text[:90]}")
