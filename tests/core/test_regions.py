"""The six socio-economic regions hold each of the 34 current provinces exactly once."""

from __future__ import annotations

from marsad.core.gazetteer import load_gazetteer
from marsad.core.regions import region_of, regions


def test_every_current_province_is_in_one_region():
    current = {r.code for r in load_gazetteer().provinces()}
    listed = [code for codes in regions().values() for code in codes]
    assert len(listed) == len(set(listed)) == 34
    assert set(listed) == current


def test_region_of():
    assert region_of("VN-24") == "red_river_delta"
    assert region_of("VN-56") == "north_central_coast"
    assert region_of("VN-OLD-58") is None  # Ninh Thuan closed on 1 July 2025
