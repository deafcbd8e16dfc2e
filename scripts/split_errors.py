"""Aggregate error counts of the reader on one part of the annotated corpus (no text printed).

    PYTHONPATH=src .venv/bin/python scripts/split_errors.py heldout|dev [--lang vi]

For the held-out part the texts, gold and notes are never shown: this prints only how many
facts went wrong and on which field, per language, so that the rules can be judged without
being fitted to the articles. Each gold fact missed under ``--strict`` is put in the first class
that fits: ``period`` (the loose match has the wrong period), ``area``, ``period+area``,
``measure`` (indicator and value right), ``indicator`` (measure and value right), ``value``
(indicator and measure right), ``target/fact`` (a target read as a fact or the reverse),
``missed`` (nothing near). Extra facts are counted as ``extra_fact`` and ``extra_target``
(those not near any gold fact).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from score_split import ANNOTATED, SCORER, held_out  # noqa: E402

spec = importlib.util.spec_from_file_location("score_reader", SCORER)
sr = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sr)  # type: ignore[union-attr]


def _near(g, p, **skip) -> bool:
    g2, p2 = dict(g), dict(p)
    for k in skip:
        if k == "measure":
            p2["measure"] = g2["measure"]
            p2["target_measure"] = g2.get("target_measure")
        elif k == "indicator":
            p2["indicator"] = g2["indicator"]
        elif k == "value":
            p2["value"], p2["unit"] = g2["value"], g2.get("unit")
    return sr.match(g2, p2, False)


def _shape(period) -> str:
    """The form of a period code, its year relative to nothing ("Y-nM", "YQn", "YMM", "Y")."""
    import re

    if not period:
        return "none"
    return re.sub(r"\d", "9", str(period))


def classify(gold, pred):
    counts: Counter[str] = Counter()
    used: set[int] = set()
    missed = []
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and sr.match(g, p, True)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
    counts["ok"] = len(used)
    rest = [i for i in range(len(pred)) if i not in used]
    for g in missed:
        found = None
        for i in rest:
            p = pred[i]
            if not sr.match(g, p, False):
                continue
            gp, ga = g.get("period"), sr.norm_area(g.get("area"))
            bad_p = bool(gp) and str(p.get("period")) != str(gp)
            bad_a = bool(ga) and sr.norm_area(p.get("area")) != ga
            found = (i, "period+area" if bad_p and bad_a else "period" if bad_p else "area")
            if bad_p:
                counts[f"shape:{_shape(gp)}->{_shape(p.get('period'))}"] += 1
            break
        if found is None:
            for cls, key in (("measure", "measure"), ("indicator", "indicator"), ("value", "value")):
                for i in rest:
                    if _near(g, pred[i], **{key: True}):
                        tgt_g, tgt_p = g.get("measure") == "target", pred[i].get("measure") == "target"
                        found = (i, "target/fact" if cls == "measure" and tgt_g != tgt_p else cls)
                        if found[1] == "target/fact":
                            counts[f"shape:{_shape(g.get('period'))}->{_shape(pred[i].get('period'))}"] += 1
                        break
                if found:
                    break
        if found is None:
            counts["missed_target" if g.get("measure") == "target" else "missed_fact"] += 1
            counts["missed:" + (g.get("target_measure") and "target" or g.get("measure"))] += 1
        else:
            rest.remove(found[0])
            counts[found[1]] += 1
    for i in rest:
        counts["extra_target" if pred[i].get("measure") == "target" else "extra_fact"] += 1
        counts["extra:" + pred[i].get("measure")] += 1
    return counts


def main(argv: list[str]) -> int:
    part = argv[0] if argv and argv[0] in ("dev", "heldout") else "heldout"
    lang_only = argv[argv.index("--lang") + 1] if "--lang" in argv else None
    from marsad.core.extract import extract

    per: dict[str, Counter] = {}
    for gold_path in sorted(ANNOTATED.glob("gold_*.json")):
        for doc in json.loads(gold_path.read_text(encoding="utf-8"))["documents"]:
            if held_out(doc["file"]) != (part == "heldout"):
                continue
            lang = doc["language"]
            if lang_only and lang != lang_only:
                continue
            text = (ANNOTATED / doc["file"]).read_text(encoding="utf-8")
            out = extract(text, lang=lang).to_json()
            pred = list(out["facts"]) + [dict(t, measure="target") for t in out["targets"]]
            c = classify(doc["facts"], pred)
            per.setdefault(lang, Counter()).update(c)
            per.setdefault("all", Counter()).update(c)
    keys = ["ok", "period", "area", "period+area", "measure", "target/fact", "indicator", "value",
            "missed_fact", "missed_target", "extra_fact", "extra_target"]  # fmt: skip
    print(f"{part:8} " + " ".join(f"{k:>12}" for k in keys))
    for lang in sorted(per, key=lambda k: (k == "all", k)):
        print(f"{lang:8} " + " ".join(f"{per[lang][k]:>12}" for k in keys))
    for lang in sorted(per, key=lambda k: (k == "all", k)):
        by = sorted((k, v) for k, v in per[lang].items() if ":" in k and not k.startswith("shape"))
        print(f"{lang:8} by measure: " + ", ".join(f"{k} {v}" for k, v in by))
    for lang in sorted(per, key=lambda k: (k == "all", k)):
        by = sorted((k, v) for k, v in per[lang].items() if k.startswith("shape"))
        print(f"{lang:8} wrong period (gold->read): " + ", ".join(f"{k[6:]} {v}" for k, v in by))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
