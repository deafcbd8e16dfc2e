"""The document-level steps of the reader (core/extract/engine.py)."""

from __future__ import annotations

import pytest

from marsad.core.extract import extract

# A box of links to other stories in the middle of a page: its headline's figure is the other
# story's, and the story goes on under it.
RELATED_BOX = {
    "en": (
        "Related news:\nThai Binh's budget revenue reaches VND 4.2 trillion in first half\n\n"
        "Exports of the province reached US$2.1 billion in the first nine months of 2024.",
        "exports",
        "budget_revenue",
    ),
    "vi": (
        "Tin liên quan\nTuyên Quang: 7 tháng thu hút 1,2 triệu lượt khách du lịch\n"
        "Kim ngạch xuất khẩu 9 tháng năm 2024 của tỉnh đạt 2,1 tỷ USD, tăng 12% so với cùng kỳ.",
        "exports",
        "visitors",
    ),
    "ar": (
        "أخبار ذات صلة\nتاي بينه: إيرادات الميزانية تصل إلى 4200 مليار دونج في النصف الأول\n"
        "بلغت قيمة صادرات المقاطعة في الأشهر التسعة الأولى من عام 2024 نحو 2.1 مليار دولار أمريكي.",
        "exports",
        "budget_revenue",
    ),
}


@pytest.mark.parametrize("lang", sorted(RELATED_BOX))
def test_a_related_box_skips_its_headlines_and_not_the_story_under_it(lang):
    text, story, other = RELATED_BOX[lang]
    read = {f.indicator for f in extract(text, lang=lang, year=2024).facts}
    assert story in read
    assert other not in read


# A wire story filed with its place and date ("هانوي 6 يناير 2025 (شينخوا)"): the place is no area
# of its figures and the date no period of them; the story's own year and country are.
DATELINED = {
    "ar": "هانوي 6 يناير 2025 (شينخوا) نما الاقتصاد الفيتنامي بنسبة 7.09 في المائة في عام 2024.\n"
    "وارتفع متوسط مؤشر أسعار المستهلك 3.63 بالمئة.",
    "en": "HANOI, Jan 6, 2025 (Xinhua) -- Vietnam's economy grew 7.09 percent in 2024.\n"
    "Average consumer prices rose 3.63 percent.",
}


@pytest.mark.parametrize("lang", sorted(DATELINED))
def test_a_dateline_with_its_date_names_neither_area_nor_period(lang):
    facts = extract(DATELINED[lang], lang=lang).facts
    assert facts
    assert {(f.area.name if f.area else None, f.period) for f in facts} == {("Vietnam", "2024")}


def test_a_target_named_as_beaten_leaves_the_sentence_a_result():
    # "grew 7.09% in 2024, beating the target of 6-6.5%": 2024 is the year the text reports, so the
    # later figures without a period are 2024's, not the one quarter named in between.
    text = (
        "نما الاقتصاد الفيتنامي بنسبة 7.09 في المائة في عام 2024، متجاوزا الهدف الذي حددته الجمعية الوطنية"
        " والبالغ ما بين 6 و6.5 في المائة.\nوفي الربع الرابع وحده، توسع الناتج المحلي الإجمالي بنسبة 7.55"
        " في المائة.\nوبلغ إجمالي حجم الصادرات 405.53 مليار دولار أمريكي."
    )
    exports = [f for f in extract(text, lang="ar").facts if f.indicator == "exports"]
    assert [f.period for f in exports] == ["2024"]
