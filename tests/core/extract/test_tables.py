"""Tables printed as text (core/extract/tables.py): key figures one cell a line, no header."""

from __future__ import annotations

import pytest

from marsad.core.extract import extract

KEY_FIGURES = {
    "vi": "Năm 2024, tỉnh đạt kết quả khá.\nMột số chỉ tiêu chủ yếu:\nKim ngạch xuất khẩu (triệu USD)\n1.520\n"
    "Tăng so với năm 2023 (%)\n12,5\nThu ngân sách nhà nước (tỷ đồng)\n14.210\nĐạt so với dự toán (%)\n118,4\n",
    "en": "In 2024, the province did well.\nKey figures:\nExport turnover (million USD)\n1,520\n"
    "Increase over 2023 (%)\n12.5\nState budget revenue (billion VND)\n14,210\nCompared to the estimate (%)\n118.4\n",
}


@pytest.mark.parametrize("lang", sorted(KEY_FIGURES))
def test_key_figures_label_then_value_lines(lang):
    out = extract(KEY_FIGURES[lang], lang=lang)
    got = {(f.indicator, f.measure, f.value, f.unit, f.period) for f in out.facts}
    assert got == {
        ("exports", "level", 1520, "million USD", "2024"),
        ("exports", "yoy_pct", 12.5, "%", "2024"),
        ("budget_revenue", "level", 14210, "billion VND", "2024"),
        ("budget_revenue", "plan_pct", 118.4, "%", "2024"),
    }


def test_one_label_and_value_is_no_list():
    text = "Năm 2024, tỉnh đạt kết quả khá.\nKim ngạch xuất khẩu (triệu USD)\n1.520\nTin khác\n"
    assert not extract(text, lang="vi").facts
