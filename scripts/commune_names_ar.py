"""Write src/marsad/core/data/commune_names_ar.json: every commune's Arabic name, by rule.

    .venv/bin/python scripts/commune_names_ar.py

Run it after changing core/transliteration.py or updating vietnamadminunits; review the diff.
A name made by hand goes in core/data/area_names.json (``"VN-24-07210": {"ar": "..."}``), which
wins over this file, so re-running never loses it.
"""

from __future__ import annotations

import json

from marsad.core import gazetteer
from marsad.core.transliteration import commune_name

_KIND_VI = {kind: vi for vi, kind in gazetteer._WARD_KINDS.items()}


def commune_names_ar() -> dict[str, str]:
    names = {}
    for rec in sorted(gazetteer.build_gazetteer()._by_code.values(), key=lambda r: r.code):
        if rec.level != "commune":
            continue
        short = rec.name_vi.removeprefix(_KIND_VI[rec.kind]).strip()
        names[rec.code] = commune_name(short, rec.kind)
    return names


if __name__ == "__main__":
    names = commune_names_ar()
    with gazetteer._COMMUNES_AR_FILE.open("w", encoding="utf-8") as fh:
        json.dump(names, fh, ensure_ascii=False, indent=0, sort_keys=True)
        fh.write("\n")
    print(f"{len(names)} communes written to {gazetteer._COMMUNES_AR_FILE}")
