"""Whole articles written fresh, per language (``fresh_LANG/``: the text files and
``gold_LANG.json`` in the annotated corpus' format, annotated by its README's conventions before
the reader was run on them), with the traps the conventions name: parts (a district, an
industrial park, foreign visitors), national and other provinces' figures in a provincial story,
asides about another period, targets for next year beside this year's results, multiples,
prices per unit, month-on-month changes, multi-year averages, constant-price base years.

Arabic (machine-translated provincial news): batch 1 (articles 01-10) scored strict F1 0.889 and
batch 2 (11-18) 0.912 when they were written, before the rules they prompted; batch 5 (33-42:
review meetings with periods given once per paragraph, indexes on the same period, a quarter and
the months to its end, requests with a figure) 0.841. Vietnamese
(provincial news) and English (the Vietnamese English-language press), 01-05 each, scored 0.967
and 0.917 on their first run, before the rules they prompted; 06-07 each (bylines, captions, a
related-news link, a month beside the months to date, a national story ranking provinces) 0.952
and 0.938; 08-11 (a headline ending on "plan", double-digit growth told as a result, a national
quarter) 0.795. Batch 6 (en 12-16, vi 08-12, ar 43-45: yoy growth phrased many ways, sector lists
after dashes, several provinces per sentence, key-figure lines under a heading, range and
double-digit targets, quarter scenarios, a "respectively" bracket for the year before) scored
0.935 on its first run (ar 0.984, vi 0.923, en 0.926); batch 7 (vi 13-15, en 17-18, ar 46-47:
places with "lần lượt", a bracketed figure of the same period last year, regional round-ups, a
target sentence that turns back to last year's result) 0.903 (ar 1.000, vi 0.919, en 0.800).
Batch 8 (ar 48-53, written after reading the annotated corpus' development articles to imitate
real machine-translated news: Vietnamese dots and decimal commas kept, Arabic thousands and
decimal separators, a key-figure table, datelines, a native wire story, bracketed minus and
targets, "first/second/third sector" in brackets, ranges, numbers in words) scored 0.711 on its
first run (tp 53 fp 20 fn 23; the whole ar set 0.951), 0.974 after the rules it prompted (the
whole ar set 0.991).
Batch 8 of vi and en (vi 16-19, en 19-22: merged provinces after 1 July 2025, an FDI ranking with "lần lượt"
and the scale word only on the last value, key figures printed label-then-number, a structure
list after "Cơ cấu kinh tế", an English comma inside Vietnamese, "có thể đạt", a commune's
figure, "fell X% to $Y", "just 28% of the figure a year earlier", a list closed by a bare number,
Vietnamese number formats in English) 0.836 on its first run (vi 0.782, en 0.885); after the
rules it prompted the whole sets read vi 0.996, en 0.976 (floors raised to 0.98 and 0.96).
FLOORS sit just below the first runs.
A fact matches as in ``score_reader.py --strict``: indicator, measure (a target's own measure or
"target"), value (0.5 % relative), period, area.

    python -m tests.core.extract.test_fresh_articles [LANG]     # P/R/F1 and the errors
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from marsad.core.extract import extract

HERE = Path(__file__).parent
# A little below each language's score when its articles came (vi, en: their first run): a
# regression fails.
FLOORS = {"ar": 0.98, "vi": 0.98, "en": 0.96}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15}


def _base(value, unit) -> float:
    v = float(value)
    for word in (unit or "").split():
        v *= _SCALE.get(word, 1.0)
    return v


def _area(a) -> str | None:
    if isinstance(a, dict):
        a = a.get("name")
    if not a:
        return None
    a = unicodedata.normalize("NFKD", a).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", re.sub(r"\b(province|city)\b", "", a)) or None


def _match(g: dict, p: dict) -> bool:
    if g["indicator"] != p["indicator"]:
        return False
    if g["measure"] == "target":
        if p["measure"] not in ("target", g["target_measure"]):
            return False
    elif g["measure"] != p["measure"]:
        return False
    a, b = _base(g["value"], g["unit"]), _base(p["value"], p.get("unit"))
    if abs(a - b) > max(0.011, 0.005 * max(abs(a), abs(b))):
        return False
    return str(p.get("period")) == str(g["period"]) and _area(p.get("area")) == _area(g["area"])


def _gold(lang: str) -> list[dict]:
    return json.loads((HERE / f"fresh_{lang}" / f"gold_{lang}.json").read_text(encoding="utf-8"))["documents"]


def score(lang: str, verbose: bool = False) -> tuple[float, int, int, int]:
    tp = fp = fn = 0
    for doc in _gold(lang):
        text = (HERE / f"fresh_{lang}" / doc["file"]).read_text(encoding="utf-8")
        out = extract(text, lang=lang, strict=True).to_json()
        pred = out["facts"] + [dict(t, measure="target") for t in out["targets"]]
        used: set[int] = set()
        for g in doc["facts"]:
            hit = next((i for i, p in enumerate(pred) if i not in used and _match(g, p)), None)
            if hit is None:
                fn += 1
                if verbose:
                    print(
                        doc["file"],
                        "missed",
                        g["indicator"],
                        g["measure"],
                        g["value"],
                        g["period"],
                        g["area"],
                    )
            else:
                used.add(hit)
        tp += len(used)
        fp += len(pred) - len(used)
        if verbose:
            for i, p in enumerate(pred):
                if i not in used:
                    print(doc["file"], "extra ", p["indicator"], p["measure"], p["value"], p["period"],
                          (p.get("area") or {}).get("name"), "|", p["evidence"]["text"])  # fmt: skip
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return (2 * prec * rec / (prec + rec) if prec + rec else 0.0), tp, fp, fn


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_fresh_articles_score_above_the_floor(lang):
    f1, tp, fp, fn = score(lang)
    assert f1 >= FLOORS[lang], f"{lang} strict F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})"


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_every_article_has_its_gold(lang):
    gold = {d["file"] for d in _gold(lang)}
    assert gold == {p.name for p in (HERE / f"fresh_{lang}").glob(f"*_{lang}.txt")}


if __name__ == "__main__":
    for lang in sys.argv[1:] or sorted(FLOORS):
        f1, tp, fp, fn = score(lang, verbose=True)
        print(f"{lang} strict F1 {f1:.3f}  (tp {tp} fp {fp} fn {fn})")
