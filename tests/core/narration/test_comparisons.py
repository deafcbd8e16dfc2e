"""Rank among the provinces and in the region, the national figure and the lagging communes,
told in each language and laid out as tables."""

from __future__ import annotations

import dataclasses

import pytest

from marsad.core.narration import LANGS, Text, narrate
from marsad.core.narration.data import Lagging, LaggingCommune, Standing
from marsad.reports.render.layout import build_layout, lagging_table, standing_table


@pytest.fixture
def compared(seed_data):
    standings = (
        Standing("grdp", "yoy_pct", 8.26, rank=5, of=34, region=None, national=6.93),
        Standing(
            "budget_revenue",
            "yoy_pct",
            36.3,
            rank=2,
            of=30,
            region="red_river_delta",
            region_rank=1,
            region_of=6,
        ),
    )
    lagging = Lagging(
        "budget_revenue",
        "plan_pct",
        reference=31.5,
        count=47,
        communes=(
            LaggingCommune(
                Text({"ar": "بلدية فووك ها", "vi": "Xã Phước Hà", "en": "Phuoc Ha Commune"}), 12.4
            ),
            LaggingCommune(Text({"ar": "حي دو لونغ", "vi": "Phường Đô Vinh", "en": "Do Vinh Ward"}), 18.25),
        ),
    )
    return dataclasses.replace(seed_data, standings=standings, lagging=lagging)


def _section(data, lang, key):
    return next(s for s in narrate(data, lang) if s.key == key)


@pytest.mark.parametrize(
    ("lang", "first", "region", "national"),
    [
        ("en", "ranked 5th of the 34 provinces and cities", "1st of 6 in the Red River Delta", "6.93%"),
        ("vi", "đứng thứ 5/34 tỉnh, thành phố cả nước", "thứ 1/6 vùng Đồng bằng sông Hồng", "6,93%"),
        (
            "ar",
            "المرتبة الخامسة بين المقاطعات والمدن الـ34",
            "المرتبة الأولى بين مقاطعات منطقة دلتا النهر الأحمر الـ6",
            "6.93٪",
        ),
    ],
)
def test_rank_region_and_nation_are_said(compared, lang, first, region, national):
    section = _section(compared, lang, "standing")
    text = " ".join(section.paragraphs)
    assert first in text and region in text and national in text
    assert section.part == "I"
    # the second figure is ranked among fewer provinces: said with its own count
    assert "30" in text


def test_fewer_provinces_with_a_figure_are_said_as_such(compared):
    few = dataclasses.replace(compared, standings=(Standing("grdp", "yoy_pct", 8.26, rank=1, of=2),))
    text = _section(few, "en", "standing").paragraphs[0]
    assert "1st of the 2 provinces and cities with a figure for Q1 2024" in text
    assert "national" not in text  # no national figure: nothing invented


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Of the 47 communes and wards", "Phuoc Ha Commune at 12.4%", "average 31.5%"]),
        ("vi", ["Trong 47 xã, phường", "Xã Phước Hà (12,4%)", "bình quân 31,5%"]),
        ("ar", ["البلديات والأحياء الـ47", "بلدية فووك ها (12.4٪)", "المتوسط 31.5٪"]),
    ],
)
def test_lagging_communes_are_named_with_their_figures(compared, lang, words):
    section = _section(compared, lang, "lagging")
    assert section.part == "II"
    for w in words:
        assert w in section.paragraphs[0]


@pytest.mark.parametrize("lang", LANGS)
def test_tables_of_the_comparisons(compared, lang):
    st = standing_table(compared, lang)
    assert [r[3] for r in st.rows] == ["5/34", "2/30"] and st.rows[1][4] == "1/6" and st.rows[0][4] == ""
    lag = lagging_table(compared, lang)
    assert lag.rows[0][1] == compared.lagging.communes[0].name.get(lang)
    assert lag.numeric == (True, False, True, True)
    keys = [b.key for b in build_layout(compared, lang, with_charts=False).blocks if hasattr(b, "key")]
    assert "standing" in keys and "lagging" in keys


def test_no_comparisons_no_sections(seed_data):
    assert {"standing", "lagging"}.isdisjoint(s.key for s in narrate(seed_data, "en"))
