"""Directives, difficulties and recommendations: one item per task or point, with its period."""

from __future__ import annotations

import pytest

from marsad.core.extract import extract

DOCS = {
    "ar": (
        "في الربع الأول، نما الناتج المحلي الإجمالي بنسبة 7.2%.\n"
        "ومع ذلك، لا تزال هناك بعض القيود: بطء صرف رأس مال الاستثمار العام؛ ركود سوق العقارات.\n"
        "وفي الربع الثاني، طلب رئيس اللجنة الشعبية من الإدارات والمحليات تسريع صرف رأس مال الاستثمار العام؛"
        " وإزالة العقبات أمام الشركات.\n"
        "واقترحت المحليات العديد من التوصيات المتعلقة بتخصيص رأس المال للطرق، ودعم التحول الرقمي.",
        ["بطء صرف", "ركود سوق"],
        ["تسريع صرف", "إزالة العقبات"],
        ["تخصيص رأس المال", "دعم التحول"],
    ),
    "vi": (
        "Quý I/2024, GRDP của tỉnh tăng 7,2% so với cùng kỳ.\n"
        "Tuy nhiên, tình hình kinh tế - xã hội vẫn còn một số khó khăn, hạn chế: giải ngân vốn đầu tư công còn chậm;"
        " thị trường bất động sản trầm lắng; một số dự án trọng điểm chậm tiến độ.\n"
        "Về nhiệm vụ trọng tâm quý II/2024, Chủ tịch UBND tỉnh yêu cầu các sở, ngành tập trung đẩy nhanh giải ngân"
        " vốn đầu tư công; tháo gỡ khó khăn cho doanh nghiệp; chuẩn bị tốt kỳ thi tốt nghiệp THPT.\n"
        "Tại hội nghị, các địa phương đã kiến nghị về việc bố trí vốn cho các công trình giao thông, hỗ trợ kinh phí"
        " chuyển đổi số và bổ sung biên chế.",
        ["giải ngân vốn", "thị trường bất động sản", "một số dự án"],
        ["Về nhiệm vụ", "tháo gỡ", "chuẩn bị"],
        ["bố trí vốn", "hỗ trợ kinh phí", "bổ sung biên chế"],
    ),
    "en": (
        "In the first quarter of 2024, the province's GRDP grew 7.2%.\n"
        "However, the province still faces difficulties: slow public investment disbursement; a sluggish property"
        " market; and delays in key projects.\n"
        "For the second quarter, the chairman asked departments and localities to speed up public investment"
        " disbursement; remove obstacles for businesses; and prepare well for the high school exams.\n"
        "Localities made recommendations on funding for transport works, support for digital transformation and"
        " additional staff.",
        ["slow public", "sluggish", "delays"],
        ["For the second quarter", "remove obstacles", "prepare well"],
        ["funding for transport", "support for digital", "additional staff"],
    ),
}


@pytest.mark.parametrize("lang", sorted(DOCS))
def test_sections_split_into_items(lang):
    text, difficulties, directives, recommendations = DOCS[lang]
    result = extract(text, year=2024, strict=True).to_json()  # the Arabic text writes no year
    assert result["document"]["language"] == lang
    for key, expected in (
        ("difficulties", difficulties),
        ("directives", directives),
        ("recommendations", recommendations),
    ):
        items = result[key]
        assert len(items) == len(expected), (key, [i["text"] for i in items])
        for item, start in zip(items, expected, strict=True):
            assert start in item["text"]
            ev = item["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["text"] == item["text"]
    assert {d["period"] for d in result["directives"]} == {"2024Q2"}
    # The figures stay facts: no item holds the reported growth.
    assert [f["value"] for f in result["facts"]] == [7.2]
