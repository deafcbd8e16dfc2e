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
    assert format_number(1207.5, "ar", eastern_digits=True) == "١٬٢٠٧٫٥"  # Eastern digits, Arabic marks
    assert format_number(1207.5, "ar", eastern_digits=True, arabic_marks=False) == "١,٢٠٧.٥"
    assert format_number(2.675, "en") == "2.68"
    assert format_number(3, "en", decimals=2) == "3.00"


# -- the one parser and formatter of typed numbers (forms, corrections, API text) -------------
from decimal import Decimal  # noqa: E402

from marsad.core.numbers import (  # noqa: E402
    LANGS,
    NumberError,
    format_exact,
    format_plain,
    read_number,
    read_plain_number,
    significant_digits,
)

ISSUE_VALUES = ("123456.789", "4600.625", "0.1", "29232.75", "1500000", "-0.5", "0")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("text", ISSUE_VALUES)
def test_exact_text_reads_back_to_the_same_value(lang, text):
    value = Decimal(text)
    for eastern in (False, True):
        shown = format_exact(value, lang, eastern)
        assert "e" not in shown.lower()
        assert read_number(shown, lang) == value


@pytest.mark.parametrize(
    ("lang", "value", "shown"),
    [
        ("vi", "4600.625", "4.600,625"),
        ("en", "4600.625", "4,600.625"),
        ("ar", "4600.625", "4,600.625"),
        ("en", "1500000", "1,500,000"),
        ("vi", "0.1", "0,1"),
        ("en", "123456.789", "123,456.789"),
    ],
)
def test_exact_text_per_locale(lang, value, shown):
    assert format_exact(Decimal(value), lang) == shown


def test_eastern_digits_use_the_arabic_marks():
    assert format_exact(Decimal("29232.75"), "ar", eastern_digits=True) == "٢٩٬٢٣٢٫٧٥"


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1.234,5", "vi", "1234.5"),
        ("98.540", "vi", "98540"),
        ("10,17", "vi", "10.17"),
        ("1234,5", "vi", "1234.5"),
        ("1,234.5", "en", "1234.5"),
        ("1234.5", "en", "1234.5"),
        ("١٬٢٣٤٫٥", "ar", "1234.5"),
        ("١,٢٣٤.٥", "ar", "1234.5"),
        ("1,234.5", "ar", "1234.5"),
        ("12،984", "ar", "12984"),
        ("\u200e-5", "ar", "-5"),
        ("−5", "en", "-5"),
        ("+5", "en", "5"),
        ("1 234,5", "vi", "1234.5"),
        ("1\u00a0234.5", "en", "1234.5"),
        (".5", "en", "0.5"),
    ],
)
def test_read_number_per_locale(text, lang, value):
    assert read_number(text, lang) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "lang", "code", "suggestion"),
    [
        ("10.17", "vi", "decimal_comma", "10,17"),
        ("4600.625", "vi", "decimal_comma", "4.600,625"),
        ("8,26", "en", "decimal_point", "8.26"),
        ("8,26", "ar", "decimal_point", "8.26"),
        ("", "en", "empty", ""),
        ("1_000", "en", "not_a_number", ""),
        ("inf", "en", "not_a_number", ""),
        ("nan", "vi", "not_a_number", ""),
        ("1e5", "en", "not_a_number", ""),
        ("1,23", "en", "decimal_point", "1.23"),
        ("12,34,567", "en", "not_a_number", ""),
        ("5.", "en", "not_a_number", ""),
        ("--5", "en", "not_a_number", ""),
    ],
)
def test_read_number_refuses_with_a_reason(text, lang, code, suggestion):
    with pytest.raises(NumberError) as err:
        read_number(text, lang)
    assert err.value.code == code
    assert err.value.suggestion == suggestion


def test_read_plain_number_is_the_machine_layout():
    assert read_plain_number("-1234.5") == Decimal("-1234.5")
    assert read_plain_number("1.5e6") == Decimal("1500000")
    assert read_plain_number("٤٦٠٠٫٦٢٥") == Decimal("4600.625")
    for bad in ("1_000", "inf", "NaN", "1,234.5", "", "0x10", "1e99999"):
        with pytest.raises(NumberError):
            read_plain_number(bad)


def test_format_plain_is_exact_and_never_scientific():
    assert format_plain(Decimal("1.5E+6")) == "1500000"
    assert format_plain(0.1) == "0.1"
    assert format_plain(Decimal("4600.6250000000")) == "4600.625"
    assert format_plain(Decimal("0E-10")) == "0"


def test_significant_digits():
    assert significant_digits(Decimal("1500000")) == 2
    assert significant_digits(Decimal("4600.625")) == 7
    assert significant_digits(Decimal("0")) == 1


decimals_15 = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=None, allow_nan=False, allow_infinity=False
).filter(lambda d: significant_digits(d) <= 15)


@given(decimals_15, st.sampled_from(LANGS), st.booleans())
def test_round_trip_every_value_every_locale(value, lang, eastern):
    assert read_number(format_exact(value, lang, eastern), lang) == value


@pytest.mark.parametrize(
    "text",
    ["476837158.2031249999999999999500034465870639362207253471", "15624999999999.99999999999999999"],
)
def test_plain_writing_of_long_values_is_never_rounded(text):
    # Decimal.normalize() rounds to the context's 28 digits; the writing must stay exact.
    value = Decimal(text)
    assert read_plain_number(format_plain(value)) == value
    assert significant_digits(value) == len(text.replace(".", "").lstrip("0"))


@given(decimals_15)
def test_plain_round_trip(value):
    assert read_plain_number(format_plain(value)) == value


@given(st.text(max_size=12), st.sampled_from(LANGS))
def test_read_number_raises_only_number_errors(text, lang):
    try:
        value = read_number(text, lang)
    except NumberError:
        return
    assert value.is_finite()
