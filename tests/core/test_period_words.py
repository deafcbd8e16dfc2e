"""Periods in words, both ways: shown in each language, read back from words and codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.core import periods as P
from marsad.core.languages import isolate
from marsad.core.periods import Kind, PeriodError, error_message, examples, find, parse, words


@st.composite
def any_period(draw) -> P.Period:
    y = draw(st.integers(1990, 2100))
    kind = draw(st.sampled_from(["year", "half", "quarter", "month", "ytd"]))
    if kind == "year":
        return P.year(y)
    if kind == "half":
        return P.half(y, draw(st.integers(1, 2)))
    if kind == "quarter":
        return P.quarter(y, draw(st.integers(1, 4)))
    if kind == "month":
        return P.month(y, draw(st.integers(1, 12)))
    return P.year_to_date(y, draw(st.sampled_from([2, 4, 5, 7, 8, 9, 10, 11])))


@given(any_period(), st.sampled_from(["ar", "vi", "en"]), st.booleans(), st.booleans())
def test_what_is_shown_reads_back_as_the_same_period(period, lang, short, eastern):
    assert parse(words(period, lang, short=short, eastern_digits=eastern)) == period


@pytest.mark.parametrize(
    ("code", "lang", "long", "short"),
    [
        ("2025Q3", "vi", "quý III/2025", "quý III/2025"),
        ("2025-9M", "vi", "9 tháng đầu năm 2025", "9 tháng/2025"),
        ("2025S1", "vi", "6 tháng đầu năm 2025", "6 tháng/2025"),
        ("202510", "vi", "tháng 10/2025", "T10/2025"),
        ("2025Q3", "ar", "الربع الثالث من عام 2025", "الربع الثالث 2025"),
        ("2025-9M", "ar", "الأشهر التسعة الأولى من عام 2025", "9 أشهر 2025"),
        ("2025-2M", "ar", "الشهران الأولان من عام 2025", "شهران 2025"),
        ("202503", "ar", "مارس 2025", "مارس 2025"),
        ("2025", "ar", "عام 2025", "2025"),
        ("2025Q3", "en", "Q3 2025", "Q3 2025"),
        ("2025-9M", "en", "first 9 months of 2025", "9M 2025"),
        ("2025S2", "en", "second half of 2025", "H2 2025"),
    ],
)
def test_each_language_writes_periods_its_own_way(code, lang, long, short):
    assert words(code, lang) == long
    assert words(code, lang, short=True) == short


def test_eastern_digits_in_arabic_only():
    assert words("2025Q3", "ar", eastern_digits=True) == "الربع الثالث من عام ٢٠٢٥"
    assert words("2025Q3", "en", eastern_digits=True) == "Q3 2025"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("quý III/2025", "2025Q3"),
        ("Quý 3 năm 2025", "2025Q3"),
        ("9 tháng 2025", "2025-9M"),
        ("9 tháng năm 2025", "2025-9M"),
        ("6 tháng cuối năm 2024", "2024S2"),
        ("tháng 9 năm 2025", "202509"),
        ("الربع الثالث 2025", "2025Q3"),
        ("الربع الثالث، ٢٠٢٥", "2025Q3"),
        ("التسعة أشهر الأولى من 2025", "2025-9M"),
        ("الأشهرُ التسعةُ الأولى من العام 2025", "2025-9M"),  # with vowel marks
        ("آذار 2025", "202503"),
        ("Q3 2025", "2025Q3"),
        ("2025 q3", "2025Q3"),
        ("9M 2025", "2025-9M"),
        ("9M-2025", "2025-9M"),  # the code as right-to-left text used to show it
        ("\u20682025-9M\u2069", "2025-9M"),  # copied from a page with its isolates
        ("the first nine months of 2025", "2025-9M"),
        ("third quarter of 2025", "2025Q3"),
        ("Sept 2025", "202509"),
        ("3/2025", "202503"),
        ("6 months of 2025", "2025S1"),  # one spelling per span
        ("first 3 months of 2025", "2025Q1"),
    ],
)
def test_inputs_accept_the_words_people_write(text, code):
    assert parse(text).code == code


@pytest.mark.parametrize(
    "bad", ["Q5 2025", "quý V/2025", "tháng 13/2025", "الربع الخامس 2025", "hello", "quý III"]
)
def test_what_is_not_a_period_is_refused_with_examples(bad):
    with pytest.raises(PeriodError, match="is not a period"):
        parse(bad)


def test_find_reads_periods_in_running_text_with_offsets():
    text = (
        "Trong 9 tháng đầu năm, GRDP tăng; وفي الربع الثالث من عام ٢٠٢٥ ارتفع، مقارنة بالأشهر التسعة الأولى."
    )
    found = find(text)
    assert [text[p.start : p.end] for p in found] == [
        "9 tháng đầu năm",
        "الربع الثالث من عام ٢٠٢٥",
        "بالأشهر التسعة الأولى",
    ]
    assert (found[0].kind, found[0].n, found[0].year) == (Kind.YTD, 9, None)
    assert found[0].period(2025).code == "2025-9M"
    assert found[1].period().code == "2025Q3"
    with pytest.raises(PeriodError, match="year"):
        found[2].period()


def test_offsets_hold_when_vowel_marks_are_skipped():
    text = "خلالَ الرُّبعِ الأوّلِ من عامِ 2024 نما"
    (p,) = find(text)
    assert text[p.start : p.end] == "الرُّبعِ الأوّلِ من عامِ 2024"
    assert p.period().code == "2024Q1"


def test_examples_for_help_texts():
    assert P.examples("vi") == ("quý III/2025", "9 tháng đầu năm 2025", "năm 2025", "2025Q3")
    assert all(parse(e) for lang in ("ar", "vi", "en") for e in P.examples(lang))


def test_an_unknown_language_is_refused():
    with pytest.raises(PeriodError, match="ar, vi, en"):
        words("2025", "fr")


@pytest.mark.parametrize(
    "lang, sentence", [("ar", "ليست فترة"), ("vi", "không phải là một kỳ"), ("en", "is not a period")]
)
def test_one_sentence_for_what_is_not_a_period_in_each_language(lang, sentence):
    text = error_message("9M-2026x", lang)
    assert sentence in text
    assert isolate("9M-2026x") in text  # what was typed cannot be reordered by the Arabic around it
    assert all(isolate(e) in text for e in examples(lang))


@pytest.mark.parametrize("bad", ["1800Q1", "2025Q5", "quý V/2025", "   "])
def test_the_error_keeps_what_was_read_and_says_the_one_sentence(bad):
    with pytest.raises(PeriodError) as caught:
        parse(bad)
    assert caught.value.text == bad
    assert str(caught.value) == error_message(bad, "en")
