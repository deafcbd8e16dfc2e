"""The six socio-economic regions and the provinces in each (data: ``core/data/regions.json``).

A report ranks a province among the 34 and among the provinces of its region; the region's
name in each language is the narration's (``Language.REGIONS``).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

_FILE = Path(__file__).parent / "data" / "regions.json"


@cache
def regions() -> dict[str, tuple[str, ...]]:
    """Region key -> the codes of its provinces."""
    raw = json.loads(_FILE.read_text(encoding="utf-8"))
    return {k: tuple(v) for k, v in raw.items() if not k.startswith("_")}


def region_of(code: str) -> str | None:
    """The region of a current province (``VN-24`` -> ``red_river_delta``), else None."""
    for key, codes in regions().items():
        if code in codes:
            return key
    return None
