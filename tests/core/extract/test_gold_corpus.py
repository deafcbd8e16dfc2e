"""The reader against the hand-made gold of the 16 dev articles (scripts/score_extract.py).

The floors sit just below what the reader achieved when the gold was written, so a regression
fails here. Note: the dev articles' sentences are also in the reader's own example corpora, so
these scores are in-sample; they guard against regressions, they do not measure generalisation.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from marsad.core.catalogue import load_catalogue
from marsad.core.gazetteer import load_gazetteer
from marsad.core.periods import parse

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location("score_extract", ROOT / "scripts" / "score_extract.py")
score_extract = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("score_extract", score_extract)  # dataclasses look their module up
_spec.loader.exec_module(score_extract)

DEV = score_extract.SHARED / "corpus" / "dev"
pytestmark = pytest.mark.skipif(not DEV.exists(), reason="shared/corpus/dev is not beside the repository")

GOLD = sorted(score_extract.GOLD_DIR.glob("*.json"))


def test_gold_covers_the_dev_corpus():
    assert {p.stem for p in GOLD} == {p.stem for p in DEV.glob("*.txt")}


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (DEV / gold["file"]).read_text(encoding="utf-8-sig")
    codes = set(load_catalogue())
    gaz = load_gazetteer()
    for item in gold["facts"] + gold["targets"]:
        assert item["indicator"] in codes, item
        assert item["measure"] in {"level", "yoy_pct", "plan_pct", "share_pct", "contribution_pp"}, item
        assert parse(item["period"]).code == item["period"], item
        assert item["area_code"] is None or gaz.get(item["area_code"]) is not None, item
        assert item["evidence_text"] in text, item
    for item in gold["not_annotated"]:
        assert item["text"] in text and item["reason"], item


@pytest.fixture(scope="module")
def plain():
    return score_extract.score(score_extract.gold_cases())["scores"]


@pytest.fixture(scope="module")
def hinted():
    return score_extract.score(score_extract.gold_cases(), hints=True)["scores"]


# Measured 2026-11-22 (no hints): strict F1 all 0.899 (ar 0.711, vi 0.962, en 0.972), relaxed 0.970.
@pytest.mark.parametrize(
    ("mode", "lang", "floor"),
    [
        ("strict", "all", 0.87),
        ("strict", "ar", 0.68),
        ("strict", "vi", 0.93),
        # 0.914 since d07f5c8 (2026-12-01): English now reads the base year of constant prices on
        # the side English writes it ("2010 constant prices"), which raised the held-out English
        # score; a yearbook written in Vietnamese order ("at constant prices 2010") in 16_en now
        # loses its year (3 facts). Known regression, kept visible here rather than fitted.
        ("strict", "en", 0.91),
        ("relaxed", "all", 0.94),
    ],
)
def test_floor_without_hints(plain, mode, lang, floor):
    assert plain[mode][lang]["f1"] >= floor, plain[mode][lang]


# Measured 2026-11-22 (area and year from the gold): strict F1 all 0.959, relaxed 0.970.
def test_floor_with_hints(hinted):
    assert hinted["strict"]["all"]["f1"] >= 0.93, hinted["strict"]["all"]
    assert hinted["relaxed"]["all"]["f1"] >= 0.94, hinted["relaxed"]["all"]


def test_seeds_score_fully():
    seeds = score_extract.seed_cases()
    scores = score_extract.score(seeds, hints=True)["scores"]
    assert scores["strict"]["all"]["f1"] >= 0.95, scores["strict"]["all"]
