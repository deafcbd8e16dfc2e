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


# Published before its period ends: a plan, unless the text estimates it; but a report of the
# span's last month (a December session on the year) gives results, estimated or not.
PUBLISHED_LATE = (
    "Cập nhật: 10/12/2024 08:15\nCơ cấu kinh tế năm 2024: nông, lâm, thủy sản chiếm 25,6%; "
    "công nghiệp - xây dựng 30,2%; dịch vụ 38,4%."
)


def test_a_report_of_the_last_month_of_the_year_gives_results():
    out = extract(PUBLISHED_LATE, lang="vi")
    assert {(f.indicator, f.measure, f.period) for f in out.facts} == {
        ("va_agriculture_forestry_fishery", "share_pct", "2024"),
        ("va_industry_construction", "share_pct", "2024"),
        ("va_services", "share_pct", "2024"),
    }
    assert not out.targets


def test_a_figure_of_a_year_published_months_before_its_end_is_a_plan():
    out = extract(PUBLISHED_LATE.replace("10/12/2024", "10/06/2024"), lang="vi")
    assert not out.facts
    assert len(out.targets) == 3


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "vi",
            "Năm 2025, Bắc Ninh hút 1,1 tỷ USD vốn FDI.\nXem thêm: Hải Phòng đặt mục tiêu hút 3 tỷ USD FDI năm 2025\n",
        ),
        (
            "en",
            "In 2025, Bac Ninh attracted US$1.1 billion of FDI.\nRelated news: Hai Phong seeks to lure $4 billion in FDI\n",
        ),
    ],
)
def test_a_link_on_the_line_of_its_word_is_another_story(lang, text):
    out = extract(text, lang=lang)
    assert [(f.indicator, f.value) for f in out.facts] == [("fdi_registered", 1.1)]
    assert not out.targets
