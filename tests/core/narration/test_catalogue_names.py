"""Narration keeps grammar; an indicator it has no word for is named from the catalogue."""

from __future__ import annotations

from dataclasses import replace

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


@pytest.mark.parametrize(
    ("module", "plan", "estimate"), [(en, "plan", "estimate"), (vi, "kế hoạch", "dự toán")]
)
def test_the_goal_is_named_as_the_catalogue_plans_it(module, plan, estimate, monkeypatch):
    language = next(
        obj
        for obj in vars(module).values()
        if isinstance(obj, type) and obj.__module__ == module.__name__ and hasattr(obj, "PLAN_WORDS")
    )()
    assert language.plan_word("budget_revenue") == estimate
    assert language.plan_word("grdp") == plan
    assert language.plan_word("no_such_indicator") == plan
    # The word follows the catalogue, not the code's spelling.
    catalogue = dict(load_catalogue())
    catalogue["exports"] = replace(catalogue["exports"], plan_kind="estimate")
    catalogue["budget_revenue"] = replace(catalogue["budget_revenue"], plan_kind="plan")
    monkeypatch.setattr("marsad.core.catalogue.load_catalogue", lambda: catalogue)
    assert language.plan_word("exports") == estimate
    assert language.plan_word("budget_revenue") == plan
