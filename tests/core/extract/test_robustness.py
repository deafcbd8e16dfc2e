"""Any text, however odd, gives a result and never an exception; spans always match the text."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

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


# -- no inf/NaN, and the fuzz script's own checks --------------------------------------------------
_huge = st.builds(
    lambda digits, sep, unit: digits + sep + unit,
    st.text("9", min_size=300, max_size=500) | st.just("1" + ".000" * 110) | st.just("1e308"),
    st.sampled_from([" ", "", ",5 ", ".5 "]),
    st.sampled_from(["tỷ đồng", "billion VND", "مليار دونج", "%", "٪", "nghìn tỷ đồng", ""]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["GRDP đạt ", "GRDP reached ", "بلغ الناتج المحلي الإجمالي ", "thu ngân sách tăng "]),
    _huge,
)
def test_a_run_of_digits_is_no_figure_and_never_inf(head, figure):
    result = extract(head + figure, strict=True).to_json()
    json.dumps(result, allow_nan=False)  # raises on inf or NaN
    for f in result["facts"] + result["targets"]:
        assert abs(f["value"]) <= 1e18


def _fuzz_script():
    path = Path(__file__).resolve().parents[3] / "scripts" / "fuzz_extract.py"
    spec = importlib.util.spec_from_file_location("fuzz_extract", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fuzz_script_finds_nothing_on_a_small_run():
    fuzz = _fuzz_script()
    done, failures, _, _ = fuzz.fuzz(300, seed=7)
    assert done == 300
    assert failures == [], failures[:3]


def test_the_fuzz_checks_catch_a_bad_result(monkeypatch):
    fuzz = _fuzz_script()
    import marsad.core.extract as pkg
    from marsad.core.extract.model import Evidence, Extraction, Fact

    def broken(text, **kwargs):
        fact = Fact(
            indicator="grdp",
            area=None,
            period=None,
            measure="level",
            value=float("inf"),
            unit=None,
            qualifier="exact",
            evidence=Evidence(0, 1, "x"),
        )
        return Extraction(language="vi", facts=[fact])

    monkeypatch.setattr(pkg, "extract", broken)
    assert "inf" in fuzz.check("GRDP 5", None, None)
