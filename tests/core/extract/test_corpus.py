"""Each language's corpus of example sentences is its test: the expected facts and targets, and
the named rules each example exercises.

A sentence's facts are compared as (indicator, measure, value) sets, so an extra figure fails as
surely as a missing one; period, qualifier, unit and area are checked where the example gives them.
Every example lists the rules it exercises ("rules"): each must still decide something on it, and
every rule of the language must be exercised by at least one example — a new rule comes with its
example (``scripts/corpus_rules.py`` lists the rules without one).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad.core.extract as extract_pkg
from marsad.core.catalogue import load_catalogue
from marsad.core.extract import LANGUAGES, extract, grammar_for

ROOT = Path(extract_pkg.__file__).parent
EXEMPT_KINDS = {"filler"}  # helper words inside the comparison rules, never a decision of their own


def _corpus(lang: str) -> list[dict]:
    return json.loads((ROOT / lang / "corpus.json").read_text(encoding="utf-8"))


def _examples():
    for lang in LANGUAGES:
        for i, ex in enumerate(_corpus(lang)):
            yield pytest.param(lang, ex, id=f"{lang}-{i:02d}")


def _key(f: dict) -> tuple:
    return (f["indicator"], f["measure"], round(float(f["value"]), 6))


def _check(found: list[dict], expected: list[dict], text: str) -> None:
    assert sorted(map(_key, found)) == sorted(map(_key, expected)), text
    by_key = {_key(f): f for f in found}
    for exp in expected:
        got = by_key[_key(exp)]
        for field in ("period", "qualifier", "unit"):
            if field in exp:
                assert got[field] == exp[field], f"{field} of {_key(exp)} in {text!r}"
        if "area" in exp:  # the area's English name ("Hai Phong", "Vietnam")
            assert (got["area"] or {}).get("name") == exp["area"], f"area of {_key(exp)} in {text!r}"
        ev = got["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_every_language_has_its_examples():
    for lang in LANGUAGES:
        assert len(_corpus(lang)) >= 60


@pytest.mark.parametrize(("lang", "example"), list(_examples()))
def test_corpus_example(lang, example):
    result = extract(example["text"], lang=lang, year=example.get("year"), strict=True)
    out = result.to_json()
    _check(out["facts"], example["facts"], example["text"])
    _check(out["targets"], example.get("targets", []), example["text"])
    assert "rules" in example, f"the example does not say which rules it exercises: {example['text']!r}"
    if not example["rules"]:
        # Only a precision example ("nothing here is a figure") may exercise no rule.
        assert not example["facts"] and not example.get("targets"), example["text"]
    codes = {f"indicator:{c}" for c in load_catalogue()} | {"indicator:none"}
    unknown = set(example["rules"]) - grammar_for(lang).names() - codes
    assert not unknown, f"unknown rule names {sorted(unknown)}"
    silent = set(example["rules"]) - result.rules
    assert not silent, f"rules {sorted(silent)} no longer decide anything in {example['text']!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_has_an_example(lang):
    tagged = {name for ex in _corpus(lang) for name in ex.get("rules", [])}
    # The review meeting's task rules have their examples in tasks_corpus.json (test_tasks.py).
    tasks = json.loads((ROOT / lang / "tasks_corpus.json").read_text(encoding="utf-8"))
    tagged |= {name for ex in tasks for name in ex["rules"]}
    rules = [r for r in grammar_for(lang).rules if r.kind not in EXEMPT_KINDS]
    assert rules, lang
    missing = sorted(r.name for r in rules if r.name not in tagged)
    assert not missing, f"{lang}: rules without an example: {', '.join(missing)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rule_names_are_unique_and_kinds_known(lang):
    g = grammar_for(lang)
    names = [r.name for r in g.rules]
    assert len(names) == len(set(names))
    known = {
        "period", "compared", "compared_adjacent", "horizon", "constant_prices", "constant_prices_before", "constant_prices_after", "last_year", "filler",
        "scale", "currency_after", "count_noun", "percent", "points", "qualifier_before", "qualifier_after",
        "range_from", "range_word", "up", "down", "growth", "reach", "share", "index", "exceed", "contribution",
        "estimate", "yoy_base", "other_base", "plan_base", "share_base", "fold", "per_year", "target", "part",
        "hypothetical", "forecast", "average", "continuation", "link", "respectively", "structure", "rank",
        "no_area", "special_target", "share_target", "threshold", "proper_name", "stock", "comparative", "superlative", "than", "clause_turn", "related",
        "compared_value", "target_after", "aspect", "aspect_count", "period_and", "sector_head", "conversion_link", "nation", "national_source", "province_ref", "indicator_ref", "foreign",
        "directive", "difficulty", "directive_continue", "recommendation", "recommendation_list",
        "table_actual", "table_plan", "table_estimate", "per_unit", "subunit", "range_and",
        "task_count", "praise", "task_call", "conjunction", "task_lead", "task_coop", "unit_split", "unit_article",
        "deadline", "delegated", "aside", "attribution", "list_heading", "yoy_change", "target_end", "point_groups", "spelled_number",
    }  # fmt: skip
    assert {r.kind for r in g.rules} <= known, {r.kind for r in g.rules} - known
