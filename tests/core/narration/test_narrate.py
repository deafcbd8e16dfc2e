from __future__ import annotations

import dataclasses

import pytest

from marsad.core.narration import (
    LANGS,
    IndicatorRow,
    ReportData,
    Text,
    narrate,
    narrate_text,
    report_data_from_observations,
    stated_facts,
)
from marsad.core.narration.narrate import by_contribution


def _results(data, lang) -> str:
    return " ".join(narrate(data, lang)[0].paragraphs)


def test_seed_sentences_read_like_the_reports(seed_data):
    ar, vi, en = (_results(seed_data, lang) for lang in LANGS)
    assert (
        "الناتج المحلي الإجمالي لمقاطعة نينه ثوان في الربع الأول من عام 2024 أكثر من 5,800 مليار دونج، بزيادة قدرها 8.26٪ عن نفس الفترة"
        in ar
    )
    assert (
        "تُقدَّر إيرادات الموازنة العامة للدولة في الربع الأول من عام 2024 بـ 1,207 مليار دونج، أي ما يعادل 30.2٪ من الخطة"
        in ar
    )
    assert "quý I/2024 đạt hơn 5.800 tỷ đồng, tăng 8,26% so với cùng kỳ" in vi
    assert "ước đạt 1.207 tỷ đồng, đạt 30,2% dự toán năm, tăng 36,3% so với cùng kỳ" in vi
    assert "in Q1 2024 reached more than 5,800 billion VND, up 8.26% on the same period last year" in en


def _one(**row) -> ReportData:
    base = dict(indicator="grdp", unit="billion VND", level=1000.0)
    return ReportData(
        area_code="VN-24",
        area_names={"ar": "باك نينه", "vi": "Bắc Ninh", "en": "Bac Ninh"},
        period="2025-9M",
        rows=(IndicatorRow(**(base | row)),),
    )


@pytest.mark.parametrize(
    "lang,up,down",
    [("ar", "بزيادة قدرها", "بانخفاض قدره"), ("vi", "tăng", "giảm"), ("en", "up", "down")],
)
def test_growth_and_decline_are_worded_differently(lang, up, down):
    rising, falling = _results(_one(yoy_pct=5.5), lang), _results(_one(yoy_pct=-5.5), lang)
    assert up in rising and down not in rising
    assert down in falling and up not in falling
    assert "-" not in falling.split("5,5" if lang == "vi" else "5.5")[0][-3:]


@pytest.mark.parametrize("lang,word", [("ar", "أكثر من"), ("vi", "hơn"), ("en", "more than")])
def test_more_than_only_when_the_qualifier_says_so(lang, word):
    assert word in _results(_one(qualifier="more_than"), lang)
    assert word not in _results(_one(qualifier="exact"), lang)


@pytest.mark.parametrize("lang,word", [("ar", "متجاوز"), ("vi", "vượt"), ("en", "exceeding")])
def test_plan_exceeded_is_said(lang, word):
    assert word in _results(_one(plan_pct=128.6), lang)
    assert word not in _results(_one(plan_pct=75.0), lang)


@pytest.mark.parametrize("lang,word", [("ar", "دون الخطة"), ("vi", "chưa đạt"), ("en", "falling short")])
def test_plan_missed_is_said_only_when_the_year_is_over(lang, word):
    year = dataclasses.replace(_one(plan_pct=90.0), period="2025")
    assert word in _results(year, lang)
    assert word not in _results(_one(plan_pct=90.0), lang)


def _sectors(contributions: dict[str, float]) -> ReportData:
    rows = [IndicatorRow("grdp", "billion VND", 100.0, yoy_pct=8.0)]
    for code, pp in contributions.items():
        rows.append(
            IndicatorRow(
                code, "billion VND", 30.0, yoy_pct=5.0, share_pct=30.0, contribution_pp=pp, parent="grdp"
            )
        )
    return ReportData("VN-24", {"en": "Bac Ninh"}, "2025Q1", rows=tuple(rows))


@pytest.mark.parametrize("lang", LANGS)
def test_sectors_are_named_in_order_of_contribution(lang):
    from marsad.core.narration import language

    L = language(lang)
    for contributions in (
        {"va_services": 3.0, "va_industry_construction": 4.0, "va_agriculture_forestry_fishery": 1.0},
        {"va_services": 5.0, "va_industry_construction": 0.5, "va_agriculture_forestry_fishery": 2.0},
    ):
        data = _sectors(contributions)
        ordered = sorted(contributions, key=lambda c: -contributions[c])
        structure = narrate(data, lang)[1]
        drivers = structure.paragraphs[-1].lower()
        positions = [drivers.index(L.sector(c).lower()) for c in ordered]
        assert positions == sorted(positions)
        results = _results(data, lang).lower()
        positions = [results.index(L.part(c).lower()) for c in ordered]
        assert positions == sorted(positions)


def test_negative_contribution_is_said_as_a_drag():
    data = _sectors({"va_services": 3.0, "va_agriculture_forestry_fishery": -0.5})
    en = " ".join(narrate(data, "en")[1].paragraphs)
    assert "pulled growth down by 0.5 percentage points" in en
    assert "-0.5" not in en
    vi = " ".join(narrate(data, "vi")[1].paragraphs)
    assert "làm giảm 0,5 điểm phần trăm" in vi


def test_by_contribution_puts_unknown_last():
    a = IndicatorRow("a", "", 5.0, contribution_pp=1.0)
    b = IndicatorRow("b", "", 9.0)
    c = IndicatorRow("c", "", 1.0, contribution_pp=2.0)
    assert [r.indicator for r in by_contribution([a, b, c])] == ["c", "a", "b"]


def test_derived_shares_and_contributions(seed_data):
    grdp = seed_data.row("grdp")
    ind = seed_data.row("va_industry_construction")
    assert ind.parent == "grdp"
    assert ind.share_pct == pytest.approx(ind.level / grdp.level * 100, abs=0.006)
    expected_pp = (
        (ind.level / (1 + ind.yoy_pct / 100)) / (grdp.level / (1 + grdp.yoy_pct / 100)) * ind.yoy_pct
    )
    assert ind.contribution_pp == pytest.approx(expected_pp, abs=0.006)
    total = sum(r.contribution_pp for r in seed_data.parts_of("grdp"))
    assert total < grdp.yoy_pct  # product taxes make up the rest


def test_growth_still_needed_meets_the_target_exactly():
    obs = [
        {"indicator": "grdp", "period": "2025-9M", "measure": "level", "value": 90.0},
        {"indicator": "grdp", "period": "2025-9M", "measure": "yoy_pct", "value": 8.0},
        {"indicator": "grdp", "period": "2024", "measure": "level", "value": 115.0},
        {
            "indicator": "grdp",
            "period": "2025",
            "measure": "yoy_pct",
            "value": 10.0,
            "status": "plan",
            "qualifier": "at_least",
        },
    ]
    data = report_data_from_observations(
        obs, area_code="VN-24", area_names={"en": "Bac Ninh"}, period="2025-9M"
    )
    (t,) = data.targets
    assert t.status == "at_risk" and t.remaining_period == "2025Q4"
    before_9m = 90.0 / 1.08
    rest_before = 115.0 - before_9m
    assert 90.0 + rest_before * (1 + t.needed / 100) == pytest.approx(115.0 * 1.10, rel=1e-3)
    for lang in LANGS:
        text = " ".join(narrate(data, lang)[[s.key for s in narrate(data, lang)].index("targets")].paragraphs)
        assert data.targets[0].needed is not None
        from marsad.core.numbers import format_percent

        assert format_percent(t.needed, lang) in text


def test_untranslated_item_keeps_its_language(seed_data):
    data = dataclasses.replace(seed_data, recommendations=(Text({"vi": "Bố trí biên chế"}),))
    rec = [s for s in narrate(data, "ar") if s.key == "recommendations"][0]
    (item,) = rec.items
    assert (item.text, item.lang, item.original) == ("Bố trí biên chế", "vi", True)
    assert "\u2068Bố trí biên chế\u2069 (النص الأصلي بالفيتنامية)" in narrate_text(data, "ar")


def test_no_figures_still_gives_a_report():
    data = ReportData("VN-24", {"en": "Bac Ninh", "ar": "باك نينه"}, "2025-9M")
    for lang in LANGS:
        assert narrate(data, lang)[0].paragraphs
        assert narrate_text(data, lang).strip()


def test_stated_facts_are_in_the_text(seed_data):
    from marsad.core.numbers import format_number

    facts = stated_facts(seed_data)
    assert {f["measure"] for f in facts} == {"level", "yoy_pct", "plan_pct", "share_pct", "contribution_pp"}
    for lang in LANGS:
        text = narrate_text(seed_data, lang)
        for f in facts:
            assert format_number(f["value"], lang) in text


def test_nine_months_from_quarters_and_targets_on_the_year_to_date():
    obs = []
    for year, values in ((2024, (100.0, 110.0, 120.0)), (2025, (108.0, 121.0, 130.0))):
        for q, v in enumerate(values, start=1):
            obs.append(
                {
                    "indicator": "budget_revenue",
                    "period": f"{year}Q{q}",
                    "measure": "level",
                    "value": v,
                    "unit": "billion VND",
                }
            )
    obs.append(
        {
            "indicator": "budget_revenue",
            "period": "2025",
            "measure": "level",
            "value": 480.0,
            "status": "plan",
        }
    )
    names = {"en": "Bac Ninh"}
    nine = report_data_from_observations(obs, area_code="VN-24", area_names=names, period="2025-9M")
    row = nine.row("budget_revenue")
    assert row.level == 359.0 and row.yoy_pct == pytest.approx((359 / 330 - 1) * 100, abs=0.006)
    q3 = report_data_from_observations(obs, area_code="VN-24", area_names=names, period="2025Q3")
    assert q3.row("budget_revenue").level == 130.0
    (target,) = q3.targets
    assert target.achieved == 359.0 and target.needed == 121.0 and target.remaining_period == "2025Q4"


def test_eastern_digits_only_for_arabic(seed_data):
    import re

    ar = narrate_text(seed_data, "ar", eastern_digits=True)
    # The Arabic decimal and thousands marks: ١٢.٠٧ would read as 12,007.
    assert "٥٬٨٠٠ مليار دونج" in ar and "٨٫٢٦٪" in ar and not re.search(r"[٠-٩][.,][٠-٩]", ar)
    assert not re.search(r"[0-9]", ar)
    assert narrate_text(seed_data, "vi", eastern_digits=True) == narrate_text(seed_data, "vi")


def test_quarterly_growth_line_from_levels():
    obs = [
        {"indicator": "grdp", "period": f"{y}Q{q}", "measure": "level", "value": v, "unit": "billion VND"}
        for y, values in ((2024, (100.0, 100.0, 100.0, 100.0)), (2025, (105.0, 110.0, 120.0, 130.0)))
        for q, v in enumerate(values, start=1)
    ]
    data = report_data_from_observations(
        obs, area_code="VN-24", area_names={"en": "Bac Ninh"}, period="2025Q3"
    )
    line = [(s.period, s.value) for s in data.series if s.indicator == "grdp"]
    # This year's quarters up to the report's (Q4 is after it), growth derived from the levels.
    assert line == [("2025Q1", 5.0), ("2025Q2", 10.0), ("2025Q3", 20.0)]
