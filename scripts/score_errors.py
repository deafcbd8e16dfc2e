"""Aggregate error counts of the reader on one part of the annotated corpus — numbers only.

    .venv/bin/python scripts/score_errors.py dev|heldout|all [--lang ar]

For the held-out part (see ``score_split.py``) this is the only view allowed while developing:
it prints how many strict errors fall in each class, never a text, a figure or a file name.
Each gold fact the strict scorer misses is classed, in this order, as

* ``period``/``area``/``period+area`` wrong — a prediction matches it loosely;
* ``value`` wrong — a prediction has its indicator and measure;
* ``measure`` wrong — a prediction has its indicator;
* ``missed`` — nothing like it was read.

Predictions left over are ``extra`` (counted by measure, and by whether the reader named the
figure's period and area itself or took the document's).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_split import ANNOTATED, SCORER, held_out  # noqa: E402


def _scorer():
    spec = importlib.util.spec_from_file_location("score_reader", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _classify(gold, pred, sc, counts: Counter) -> None:
    used: set[int] = set()
    missed = []
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and sc.match(g, p, True)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
    counts["tp"] += len(used)
    rest = []
    for g in missed:
        loose = next((i for i, p in enumerate(pred) if i not in used and sc.match(g, p, False)), None)
        if loose is not None:
            used.add(loose)
            p = pred[loose]
            bad_period = bool(g.get("period")) and str(p.get("period")) != str(g.get("period"))
            ga = sc.norm_area(g.get("area"))
            bad_area = bool(ga) and sc.norm_area(p.get("area")) != ga
            counts["wrong " + "+".join(n for n, b in (("period", bad_period), ("area", bad_area)) if b)] += 1
        else:
            rest.append(g)
    for g in rest:
        same = [i for i, p in enumerate(pred) if i not in used and p.get("indicator") == g.get("indicator")]
        gm = g.get("measure")
        measured = [i for i in same if pred[i].get("measure") in (gm, "target" if gm == "target" else gm)
                    or (gm == "target" and pred[i].get("measure") == g.get("target_measure"))]  # fmt: skip
        if measured:
            used.add(measured[0])
            counts["wrong value"] += 1
            try:
                gv = sc.base_value(g.get("value"), g.get("unit"))
                pv = sc.base_value(pred[measured[0]].get("value"), pred[measured[0]].get("unit"))
                kind = ("sign" if gv and abs(gv + pv) <= 0.011 * abs(gv)
                        else "scale" if gv and pv and any(abs(pv / gv - f) < 0.01 * f for f in (1e3, 1e-3, 1e6, 1e-6))
                        else "other")  # fmt: skip
            except (TypeError, ValueError, ZeroDivisionError):
                kind = "other"
            counts[f"  wrong value: {kind}"] += 1
        elif same:
            used.add(same[0])
            counts["wrong measure"] += 1
        else:
            counts[f"missed ({gm})"] += 1
    for i, p in enumerate(pred):
        if i in used:
            continue
        counts[f"extra ({p.get('measure')})"] += 1
        rules = p.get("rules") or []
        inds = {g.get("indicator") for g in gold}
        counts["  extra of an indicator the gold has for the text" if p.get("indicator") in inds
               else "  extra of an indicator the gold lacks for the text"] += 1  # fmt: skip
        if "headline" in rules:
            counts["  extra from the headline"] += 1
        if p.get("qualifier") != "exact":
            counts[f"  extra qualified {p.get('qualifier')}"] += 1
        periods = {str(g.get("period")) for g in gold}
        if str(p.get("period")) not in periods:
            counts["  extra with a period the gold never uses for the text"] += 1
        areas = {sc.norm_area(g.get("area")) for g in gold}
        if sc.norm_area(p.get("area")) not in areas:
            counts["  extra with an area the gold never uses for the text"] += 1
        if "period:default" in rules:
            counts["  extra with the document's period"] += 1
        if "period:carried" in rules:
            counts["  extra with the paragraph's period"] += 1


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("dev", "heldout", "all"):
        print(__doc__)
        return 2
    part = argv[0]
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv else None
    sc = _scorer()
    from marsad.core.extract import extract

    counts: Counter[str] = Counter()
    for gold_path in sorted(ANNOTATED.glob("gold_*.json")):
        for d in json.loads(gold_path.read_text(encoding="utf-8"))["documents"]:
            if lang and d["language"] != lang:
                continue
            if part != "all" and held_out(d["file"]) != (part == "heldout"):
                continue
            text = (ANNOTATED / d["file"]).read_text(encoding="utf-8")
            out = extract(text, lang=d["language"]).to_json(explain=True)
            pred = list(out.get("facts", [])) + [dict(t, measure="target") for t in out.get("targets", [])]
            counts["gold"] += len(d["facts"])
            counts["read"] += len(pred)
            _classify(d["facts"], pred, sc, counts)
    for k in ["gold", "read", "tp"] + sorted(k for k in counts if k not in ("gold", "read", "tp")):
        print(f"{k:45} {counts[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
