"""The SVG charts: bars proportional to values, mirrored for right-to-left pages."""

from __future__ import annotations

import re

from marsad.web.charts import bar_chart, column_chart


def _rects(svg: str) -> list[dict[str, float]]:
    return [
        {k: float(v) for k, v in re.findall(r'(?<![\w-])(x|y|width|height)="([-\d.]+)"', m)}
        for m in re.findall(r"<rect ([^>]*)>", svg)
    ]


def test_columns_are_proportional_and_time_runs_right_to_left_in_rtl():
    points = [("2025Q1", 10.0), ("2025Q2", 20.0), ("2025Q3", 40.0)]
    ltr, rtl = _rects(column_chart(points)), _rects(column_chart(points, rtl=True))
    assert ltr[2]["height"] == 4 * ltr[0]["height"] and ltr[1]["height"] == 2 * ltr[0]["height"]
    assert ltr[0]["x"] < ltr[2]["x"]
    assert rtl[0]["x"] > rtl[2]["x"]


def test_bars_negative_values_go_the_other_way():
    svg = bar_chart([("industry", 6.0), ("agriculture", -1.5)])
    pos, neg = _rects(svg)
    zero = float(re.search(r'<line x1="([\d.]+)"', svg).group(1))
    assert pos["x"] == zero and neg["x"] + neg["width"] == zero
    assert pos["width"] == 4 * neg["width"]


def test_labels_are_escaped():
    assert "<script>" not in bar_chart([("<script>", 1.0)])
    assert column_chart([]) == ""
