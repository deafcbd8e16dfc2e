from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.core.numbers import find_numbers, format_number, format_percent, parse_number, to_ascii_digits


@pytest.mark.parametrize(
    ("token", "lang", "value"),
    [
        ("5,800", "ar", 5800),
        ("5,800", "en", 5800),
        ("5.800", "vi", 5800),
        ("29.232,75", "vi", 29232.75),
        ("1,710", "vi", 1.71),
        ("8,26", "vi", 8.26),
        ("8.26", "en", 8.26),
        ("١٠,٩٥١", "ar", 10951),
        ("١٫٨", "ar", 1.8),
        ("٥٬٨٠٠", "ar", 5800),
        ("12،984", "ar", 12984),
        ("99،748.3", "ar", 99748.3),
        ("29,956.20", "en", 29956.2),
    ],
)
def test_parse_number_per_language(token, lang, value):
    assert parse_number(token, lang) == value


@pytest.mark.parametrize("token", ["", "abc", "1,2,3,,", ",", "."])
def test_parse_number_refuses_non_numbers(token):
    with pytest.raises(ValueError):
        parse_number(token, "en")


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit", "qualifier"),
    [
        ("أكثر من 5,800 مليار دونج", "ar", 5800, "billion VND", "more_than"),
        ("8.26٪", "ar", 8.26, "%", "exact"),
        ("1.78 كوادريليون دونج", "ar", 1.78, "quadrillion VND", "exact"),
        ("نحو 46 مليار دولار أمريكي", "ar", 46, "billion USD", "about"),
        ("ما يقرب من 2 ألف مليار دونج", "ar", 2, "trillion VND", "about"),
        ("7% تقريبًا", "ar", 7, "%", "about"),
        ("4.72 نقطة مئوية", "ar", 4.72, "pp", "exact"),
        ("hơn 2 tỷ USD", "vi", 2, "billion USD", "more_than"),
        ("1,765 tỷ USD", "vi", 1.765, "billion USD", "exact"),
        ("gần 17%", "vi", 17, "%", "about"),
        ("khoảng 25.315 tỷ đồng", "vi", 25315, "billion VND", "about"),
        ("253 ngàn tỷ đồng", "vi", 253, "trillion VND", "exact"),
        ("3,5 triệu lượt khách", "vi", 3.5, "million visitors", "exact"),
        ("over VND5.45 trillion", "en", 5.45, "trillion VND", "more_than"),
        ("$520 million", "en", 520, "million USD", "exact"),
        ("7.75 per cent", "en", 7.75, "%", "exact"),
        ("3.65 percentage point", "en", 3.65, "pp", "exact"),
        ("at least 3.6 million tourists", "en", 3.6, "million visitors", "at_least"),
        ("VND 17,688 billion", "en", 17688, "billion VND", "exact"),
    ],
)
def test_find_numbers_units_and_qualifiers(text, lang, value, unit, qualifier):
    (m,) = find_numbers(text, lang)
    assert (m.value, m.unit, m.qualifier) == (value, unit, qualifier)
    assert m.start == 0 and m.end == len(text)


def test_digit_translation_keeps_offsets():
    text = "بلغ ١٢٬٤٥٠ مليار دونج، بزيادة ١٥٫٦٪"
    assert len(to_ascii_digits(text)) == len(text)
    (level, pct) = find_numbers(text, "ar")
    assert text[level.num_start : level.num_end] == "١٢٬٤٥٠" and level.value == 12450
    assert pct.value == 15.6 and pct.unit == "%"


@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False), st.sampled_from(["ar", "vi", "en"])
)
def test_formatted_numbers_read_back(value, lang):
    text = format_number(float(value), lang)
    assert parse_number(text, lang) == pytest.approx(float(value))


@given(
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False), st.sampled_from(["ar", "vi", "en"])
)
def test_formatted_percent_is_found_again(value, lang):
    text = format_percent(float(value), lang)
    (m,) = find_numbers(text, lang)
    assert m.unit == "%" and m.value == pytest.approx(float(value))


def test_format_conventions():
    assert format_number(5800, "ar") == "5,800"
    assert format_number(5800, "vi") == "5.800"
    assert format_number(5800, "en") == "5,800"
    assert format_percent(8.26, "ar") == "8.26٪"
    assert format_percent(8.26, "vi") == "8,26%"
    assert format_percent(8.26, "en") == "8.26%"
    assert format_number(1207, "ar", eastern_digits=True) == "١,٢٠٧"
    assert format_number(1207.5, "ar", eastern_digits=True, arabic_marks=True) == "١٬٢٠٧٫٥"
    assert format_number(2.675, "en") == "2.68"
    assert format_number(3, "en", decimals=2) == "3.00"
