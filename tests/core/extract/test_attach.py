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


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "https://www.vietnam.vn/ar/hdnd-huyen-thuan-chau-ky-hop-cuoi-nam\n"
               "في عام 2023، قُدرت إيرادات الميزانية في المنطقة بنحو 85 مليار دونج، أي ما يعادل 104% من التقديرات."),
        ("vi", "https://baoxyz.vn/hdnd-huyen-thuan-chau-ky-hop-cuoi-nam\n"
               "Năm 2023, thu ngân sách trên địa bàn huyện ước đạt 85 tỷ đồng, bằng 104% dự toán."),
    ],
)  # fmt: skip
def test_a_district_named_only_in_the_address_is_the_figures_area(lang, text):
    out = extract(text, lang=lang, strict=True).to_json()
    assert out["document"]["area"] == {"code": "VN-OLD-14-119", "name": "Thuan Chau"}
    assert [(f["value"], f["area"]["name"]) for f in out["facts"]] == [
        (85, "Thuan Chau"),
        (104, "Thuan Chau"),
    ]
