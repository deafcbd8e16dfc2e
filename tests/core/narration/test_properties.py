"""Any report data narrates without error, and every figure it states is in the text, written
the language's way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.core.narration import LANGS, IndicatorRow, ReportData, narrate, narrate_text, stated_facts
from marsad.core.narration.narrate import INDICATOR_ORDER
from marsad.core.numbers import format_number

pct = st.one_of(
    st.none(), st.floats(min_value=-60, max_value=400, allow_nan=False).map(lambda v: round(v, 2))
)
level = st.one_of(
    st.none(), st.floats(min_value=0.5, max_value=5e6, allow_nan=False).map(lambda v: round(v, 2))
)
qualifier = st.sampled_from(["exact", "more_than", "less_than", "about", "at_least"])
status = st.sampled_from(["official", "estimate", "preliminary"])
period = st.sampled_from(["2024Q1", "2024Q3", "2025-9M", "2025S1", "2025", "202503", "2024S2"])


@st.composite
def report_data(draw):
    codes = draw(st.lists(st.sampled_from(INDICATOR_ORDER), min_size=0, max_size=6, unique=True))
    rows = [
        IndicatorRow(code, "billion VND", draw(level), draw(qualifier), draw(status), draw(pct), draw(pct))
        for code in codes
    ]
    if "grdp" in codes:
        for code in draw(
            st.lists(
                st.sampled_from(
                    ["va_industry_construction", "va_services", "va_agriculture_forestry_fishery"]
                ),
                unique=True,
                max_size=3,
            )
        ):
            rows.append(
                IndicatorRow(
                    code,
                    "billion VND",
                    draw(level),
                    yoy_pct=draw(pct),
                    share_pct=draw(pct),
                    contribution_pp=draw(pct),
                    parent="grdp",
                )
            )
    return ReportData(
        "VN-24", {"ar": "باك نينه", "vi": "Bắc Ninh", "en": "Bac Ninh"}, draw(period), rows=tuple(rows)
    )


@settings(max_examples=60, deadline=None)
@given(report_data(), st.sampled_from(LANGS))
def test_every_stated_figure_is_in_the_text(data, lang):
    text = narrate_text(data, lang)
    sections = {s.key: " ".join(s.paragraphs) for s in narrate(data, lang)}
    for fact in stated_facts(data):
        where = sections.get("structure", "") if fact["measure"] in ("share_pct", "contribution_pp") else text
        assert format_number(abs(fact["value"]), lang) in where, fact
    # A decline is said in words, never as a negative number.
    assert not any(f"-{d}" in text for d in "123456789")
