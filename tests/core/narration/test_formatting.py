from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.core.numbers import format_number, format_percent, round_half_up

values = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


def _read(text: str, lang: str) -> float:
    thousands, point = {"vi": (".", ","), "ar": (",", "."), "en": (",", ".")}[lang]
    return float(text.replace(thousands, "").replace(point, "."))


@given(values, st.sampled_from(["ar", "vi", "en"]))
def test_formatted_number_reads_back_to_the_value(value, lang):
    text = format_number(float(value), lang)
    assert _read(text, lang) == float(value)


@given(values, st.sampled_from(["ar", "vi", "en"]))
def test_groups_of_three_digits(value, lang):
    thousands = "." if lang == "vi" else ","
    whole = format_number(float(value), lang).lstrip("-").split("," if lang == "vi" else ".")[0]
    groups = whole.split(thousands)
    assert 1 <= len(groups[0]) <= 3
    assert all(len(g) == 3 for g in groups[1:])


def test_language_conventions():
    assert format_number(5800, "ar") == "5,800"
    assert format_number(5800, "vi") == "5.800"
    assert format_percent(8.26, "vi") == "8,26%"
    assert format_percent(8.26, "ar") == "8.26٪"
    assert format_percent(30.2, "en") == "30.2%"
    assert format_number(1207, "ar", eastern_digits=True) == "١٬٢٠٧"  # Arabic marks with Eastern digits


def test_rounds_half_up():
    assert round_half_up(8.265) == 8.27
    assert format_number(2.675, "en") == "2.68"
