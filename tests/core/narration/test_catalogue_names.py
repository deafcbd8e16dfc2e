"""Narration keeps grammar; an indicator it has no word for is named from the catalogue."""

from __future__ import annotations

import pytest

from marsad.core.catalogue import load_catalogue
from marsad.core.narration import ar, en, vi


@pytest.mark.parametrize(("module", "lang"), [(en, "en"), (vi, "vi"), (ar, "ar")])
def test_an_indicator_without_a_narration_word_takes_the_catalogues_name(module, lang):
    language = next(
        obj
        for obj in vars(module).values()
        if isinstance(obj, type) and obj.__module__ == module.__name__ and hasattr(obj, "INDICATORS")
    )

    class Bare(language):
        INDICATORS: dict[str, str] = {}

    name = Bare().indicator("budget_revenue")
    assert name == load_catalogue()["budget_revenue"].name(lang)
    assert name != "budget_revenue"
    assert Bare().indicator("no_such_indicator") == "no_such_indicator"  # unknown: nothing better
