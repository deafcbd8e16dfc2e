"""Any text, however odd, gives a result and never an exception; spans always match the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.core.extract import extract

# Text mixing the characters the reader reacts to: digits of both kinds, separators, %, Arabic
# and Vietnamese letters, cue words, line breaks.
_pieces = st.sampled_from(
    ["5,800", "٥٬٨٠٠", "8.26٪", "8,26%", " مليار دونج", " tỷ đồng", " billion VND", "بزيادة ", "tăng ", "up ",
     "الربع الأول", "quý I/2024", "Q1 2023", "GRDP ", "الناتج المحلي الإجمالي ", "thu ngân sách ", "؛", ";", ". ",
     "\n", "\n\n", "(", ")", "أكثر من ", "hơn ", "over ", "100% ", "من الخطة", "dự toán", "of the estimate",
     "النمو المزدوج", "hai con số", "double-digit growth", "الصعوبات، منها:", "khó khăn, hạn chế:", "2024", "[1]"]
)  # fmt: skip
_mixed = st.lists(st.one_of(_pieces, st.text(max_size=12)), max_size=40).map("".join)


def _check_spans(text: str, result: dict) -> None:
    for kind in ("facts", "targets", "directives", "difficulties", "recommendations"):
        for item in result[kind]:
            ev = item["evidence"]
            assert 0 <= ev["start"] <= ev["end"] <= len(text)
            assert text[ev["start"] : ev["end"]] == ev["text"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from([None, "ar", "vi", "en"]))
def test_arbitrary_unicode_never_raises(text, lang):
    result = extract(text, lang=lang, strict=True).to_json()
    _check_spans(text, result)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mixed, st.sampled_from([None, "ar", "vi", "en"]), st.one_of(st.none(), st.integers(1990, 2030)))
def test_report_like_text_never_raises(text, lang, year):
    result = extract(text, lang=lang, year=year, strict=True).to_json()
    _check_spans(text, result)


def test_empty_and_figureless_texts_give_empty_results():
    for text in ("", "   \n\t", "!!! ??? ...", "Một ngày đẹp trời.", "كان الطقس جميلا.", "A fine day."):
        result = extract(text).to_json()
        assert result["facts"] == [] and result["targets"] == []


def test_unknown_language_is_a_message_not_an_error():
    result = extract("GRDP up 8%", lang="fr").to_json()
    assert result["facts"] == [] and "language" in result["document"]["message"]
