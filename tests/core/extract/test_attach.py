"""Attachment of a figure's area: what the corpus examples (indicator, measure, value) cannot say."""

from __future__ import annotations

import pytest

from marsad.core.extract import extract


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "In 2024, the GRDP growth of Hai Phong, Bac Giang and Quang Ninh was 10.2 percent, "
               "9.5 percent and 9 percent, respectively."),
        ("vi", "Năm 2024, tăng trưởng GRDP của Hải Phòng, Bắc Giang và Quảng Ninh lần lượt đạt 10,2%, 9,5% và 9%."),
    ],
)  # fmt: skip
def test_places_listed_respectively_take_their_figures_in_order(lang, text):
    facts = extract(text, lang=lang, strict=True).to_json()["facts"]
    got = [(f["value"], f["area"]["name"]) for f in facts]
    assert got == [(10.2, "Hai Phong"), (9.5, "Bac Giang"), (9, "Quang Ninh")]
