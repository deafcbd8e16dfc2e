"""The languages module: one list of languages, the catalogues outside Django, plain-text isolates."""

from __future__ import annotations

import pytest

from marsad.core import languages
from marsad.core.languages import LANGS, isolate, translator


def test_three_languages_arabic_first():
    assert LANGS == ("ar", "vi", "en")
    assert languages.DEFAULT == "ar"
    assert set(languages.NAMES) == set(LANGS)


def test_the_cli_and_core_read_the_same_catalogues_as_django():
    assert translator("ar").gettext("Area") == "المنطقة"
    assert translator("vi").gettext("Area") == "Địa bàn"
    assert translator("en").gettext("Area") == "Area"


def test_plurals_follow_each_language():
    ar = translator("ar")
    one = ar.ngettext("%(n)d value saved.", "%(n)d values saved.", 1)
    many = ar.ngettext("%(n)d value saved.", "%(n)d values saved.", 11)
    assert "قيمة" in one and "قيمة" in many
    assert translator("en").ngettext("%(n)d value saved.", "%(n)d values saved.", 2) == "%(n)d values saved."


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="ar, vi, en"):
        translator("fr")


def test_isolate_wraps_tokens_for_right_to_left_text():
    assert isolate("2025-9M", ltr=True) == "\u20662025-9M\u2069"
    assert isolate("Bắc Ninh") == "\u2068Bắc Ninh\u2069"
    assert isolate("") == "" and isolate(None) == ""
