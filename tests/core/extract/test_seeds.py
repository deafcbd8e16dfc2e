"""End to end on the two seed reports: every fact and target of seed_expected.json, nothing wrong."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import regex

from marsad.core.extract import extract


def _shared() -> Path:
    """``$MARSAD_SHARED``, else the first ``shared/`` beside the repository or a folder above it
    (a worktree such as ``/work/wt/x`` sits one level deeper than the main checkout)."""
    if os.environ.get("MARSAD_SHARED"):
        return Path(os.environ["MARSAD_SHARED"])
    here = Path(__file__).resolve()
    for folder in here.parents[3:]:
        if (folder / "shared" / "examples").is_dir():
            return folder / "shared"
    return here.parents[4] / "shared"


SHARED = _shared()
EXPECTED = SHARED / "examples" / "seed_expected.json"

pytestmark = pytest.mark.skipif(not EXPECTED.exists(), reason="shared/ (seeds) is not beside the repository")


def _documents():
    if not EXPECTED.exists():
        return []
    return [
        pytest.param(d, id=d["file"]) for d in json.loads(EXPECTED.read_text(encoding="utf-8"))["documents"]
    ]


def _key(f: dict) -> tuple:
    return (f["indicator"], f["period"], f["measure"], round(float(f["value"]), 6))


@pytest.mark.parametrize("doc", _documents())
def test_seed_facts_and_targets(doc):
    text = (SHARED / "seeds" / doc["file"]).read_text(encoding="utf-8-sig")
    result = extract(text, strict=True).to_json()
    assert result["document"]["language"] == doc["language"]
    assert result["document"]["reporting_period"] == doc["reporting_period"]
    for kind in ("facts", "targets"):
        expected = {_key(f): f for f in doc[kind]}
        found = {_key(f): f for f in result[kind]}
        # Nothing missing, nothing extra (the expected list is complete for these documents).
        assert sorted(found) == sorted(expected), kind
        for key, exp in expected.items():
            got = found[key]
            assert got["qualifier"] == exp.get("qualifier", "exact")
            assert got["unit"] == exp["unit"]
            ev = got["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["text"]
            # The evidence holds the figure as the analyst's evidence writes it ("5,800", "8.26").
            for figure in regex.findall(r"\d[\d.,]*\d|\d", exp["evidence"]):
                assert figure in ev["text"], (figure, ev["text"])
    if doc["area"].get("named_in_text"):
        assert result["document"]["area"]["name"] == doc["area"]["name"]
    else:
        assert result["document"]["area"] is None


@pytest.mark.parametrize("doc", _documents())
def test_seed_directives_and_difficulties(doc):
    text = (SHARED / "seeds" / doc["file"]).read_text(encoding="utf-8-sig")
    result = extract(text, strict=True).to_json()
    directives = result["directives"]
    assert len(directives) >= len(doc["directives"]["examples"]) - 2
    assert {d["period"] for d in directives} == {doc["directives"]["period"]}
    for item in directives + result["difficulties"] + result["recommendations"]:
        ev = item["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"] == item["text"]
    assert len(result["difficulties"]) == len(doc.get("difficulties", []))
    assert len(result["recommendations"]) == len(doc.get("recommendations_from_communes", []))
