"""Each language's corpus of example sentences is its test: exactly the expected facts and targets.

A sentence's facts are compared as (indicator, measure, value) sets, so an extra figure fails as
surely as a missing one; period, qualifier and unit are checked where the example gives them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad.core.extract as extract_pkg
from marsad.core.extract import extract

ROOT = Path(extract_pkg.__file__).parent


def _examples():
    for lang in ("ar", "vi", "en"):
        examples = json.loads((ROOT / lang / "corpus.json").read_text(encoding="utf-8"))
        for i, ex in enumerate(examples):
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
        ev = got["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_every_language_has_forty_examples():
    for lang in ("ar", "vi", "en"):
        assert len(json.loads((ROOT / lang / "corpus.json").read_text(encoding="utf-8"))) >= 40


@pytest.mark.parametrize(("lang", "example"), list(_examples()))
def test_corpus_example(lang, example):
    result = extract(example["text"], lang=lang, year=example.get("year"), strict=True).to_json()
    _check(result["facts"], example["facts"], example["text"])
    _check(result["targets"], example.get("targets", []), example["text"])
