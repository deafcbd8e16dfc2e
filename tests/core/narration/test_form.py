"""The document form: what the letterhead says about the area's boundaries."""

from __future__ import annotations

import dataclasses

import pytest

from marsad.core.narration import LANGS
from marsad.core.narration.form import letterhead

KHANH_HOA = {"ar": "خانه هوا", "vi": "Khánh Hòa", "en": "Khanh Hoa"}
NINH_THUAN = {"ar": "نينه ثوان", "vi": "Ninh Thuận", "en": "Ninh Thuan"}


def _as(data, code, period):
    return dataclasses.replace(data, area_code=code, area_names=KHANH_HOA, period=period, as_of=None)


@pytest.mark.parametrize("lang", LANGS)
def test_a_merged_province_before_the_merger_says_its_figures_are_on_todays_boundaries(seed_data, lang):
    note = letterhead(_as(seed_data, "VN-56", "2025Q1"), lang).as_of_note
    assert NINH_THUAN[lang] in note  # the former province the figures include
    assert "2025" in note


@pytest.mark.parametrize(
    "code,period",
    [("VN-OLD-56", "2025Q1"), ("VN-56", "2025Q3")],
    ids=["the old province as it was", "a period after the merger"],
)
@pytest.mark.parametrize("lang", LANGS)
def test_no_boundary_note_when_the_name_alone_says_it(seed_data, code, period, lang):
    note = letterhead(_as(seed_data, code, period), lang).as_of_note
    assert NINH_THUAN[lang] not in note
