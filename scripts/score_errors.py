"""The reader's errors on one part of the annotated corpus, by class and language.

    PYTHONPATH=src .venv/bin/python scripts/score_errors.py dev|heldout|all [--lang ar] [--show]

Each gold fact the strict scorer (``../shared/tools/score_reader.py --strict``) misses is put in
the first class that fits:

* ``period``, ``area``, ``period+area`` — a prediction matches it loosely, with that wrong;
* ``measure`` — indicator and value right (``target/fact`` when one is a target, the other not);
* ``indicator`` — measure and value right;
* ``value`` — indicator and measure right (split by ``sign``, ``scale`` ×1000, ``other``);
* ``missed`` — nothing near (by measure).

Predictions left over are ``extra`` (by measure; how many came from the headline, carry a
qualifier, the document's or the paragraph's period, or a period or area the gold never uses for
that text). For period errors the shapes of the gold and the read period are counted
("9999Q9->9999").

For the held-out part (see ``score_split.py``) only these counts are printed, never a text, a
figure or a file name; ``--show`` (each error with its evidence) is refused there.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_split import ANNOTATED, SCORER, held_out  # noqa: E402


def _scorer():
    spec = importlib.util.spec_from_file_location("score_reader", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


sr = _scorer()

CLASSES = [
    "ok",
    "period",
    "area",
    "period+area",
    "measure",
    "target/fact",
    "indicator",
    "value",
    "missed",
    "extra",
]


def _shape(period) -> str:
    """The form of a period code without its figures ("9999-9M", "9999Q9", "999999", "9999")."""
    return re.sub(r"\d", "9", str(period)) if period else "none"


def _near(g: dict, p: dict, skip: str) -> bool:
    """``p`` matches ``g`` loosely once the field ``skip`` is taken from ``g``."""
    p2 = dict(p)
    if skip == "measure":
        p2["measure"], p2["target_measure"] = g["measure"], g.get("target_measure")
    elif skip == "indicator":
        p2["indicator"] = g["indicator"]
    elif skip == "value":
        p2["value"], p2["unit"] = g["value"], g.get("unit")
    return sr.match(g, p2, False)


def _value_kind(g: dict, p: dict) -> str:
    try:
        gv, pv = sr.base_value(g.get("value"), g.get("unit")), sr.base_value(p.get("value"), p.get("unit"))
        if gv and abs(gv + pv) <= 0.011 * abs(gv):
            return "sign"
        if gv and pv and any(abs(pv / gv - f) < 0.01 * f for f in (1e3, 1e-3, 1e6, 1e-6)):
            return "scale"
    except (TypeError, ValueError, ZeroDivisionError):
        pass
    return "other"


def classify(gold: list[dict], pred: list[dict], shown: list | None = None) -> Counter:
    """Counts of each class (and their details) for one document; ``shown`` collects
    (class, gold fact, prediction) for ``--show``."""
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
    for g in missed:
        cls, hit = "missed", None
        for i, p in enumerate(pred):
            if i in used or not sr.match(g, p, False):
                continue
            bad_p = bool(g.get("period")) and str(p.get("period")) != str(g.get("period"))
            ga = sr.norm_area(g.get("area"))
            bad_a = bool(ga) and sr.norm_area(p.get("area")) != ga
            cls = "period+area" if bad_p and bad_a else "period" if bad_p else "area"
            if bad_p:
                counts[f"shape {_shape(g.get('period'))}->{_shape(p.get('period'))}"] += 1
            hit = i
            break
        if hit is None:
            for field in ("measure", "indicator", "value"):
                hit = next((i for i, p in enumerate(pred) if i not in used and _near(g, p, field)), None)
                if hit is not None:
                    cls = field
                    if field == "measure" and (g.get("measure") == "target") != (
                        pred[hit].get("measure") == "target"
                    ):
                        cls = "target/fact"
                    if field == "value":
                        counts[f"value: {_value_kind(g, pred[hit])}"] += 1
                    break
        if hit is None:
            counts[
                f"missed: {g.get('target_measure') and 'target ' + g['target_measure'] or g.get('measure')}"
            ] += 1
        else:
            used.add(hit)
        counts[cls] += 1
        if shown is not None:
            shown.append((cls, g, pred[hit] if hit is not None else None))
    periods = {str(g.get("period")) for g in gold}
    areas = {sr.norm_area(g.get("area")) for g in gold}
    for i, p in enumerate(pred):
        if i in used:
            continue
        counts["extra"] += 1
        counts[f"extra: {p.get('measure')}"] += 1
        rules = p.get("rules") or []
        details = [
            ("from the headline", "headline" in rules),
            (f"qualified {p.get('qualifier')}", p.get("qualifier") not in (None, "exact")),
            ("with the document's period", "period:default" in rules),
            ("with the paragraph's period", "period:carried" in rules),
            ("with a period the gold never uses", str(p.get("period")) not in periods),
            ("with an area the gold never uses", sr.norm_area(p.get("area")) not in areas),
        ]
        counts.update(f"extra {name}" for name, yes in details if yes)
        if shown is not None:
            shown.append(("extra", None, p))
    return counts


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("dev", "heldout", "all"):
        print(__doc__)
        return 2
    part = argv[0]
    lang_only = argv[argv.index("--lang") + 1] if "--lang" in argv else None
    show = "--show" in argv
    if show and part != "dev":
        print("--show prints texts: only for the development part", file=sys.stderr)
        return 2
    from marsad.core.extract import extract

    per: dict[str, Counter] = {}
    for gold_path in sorted(ANNOTATED.glob("gold_*.json")):
        for doc in json.loads(gold_path.read_text(encoding="utf-8"))["documents"]:
            if part != "all" and held_out(doc["file"]) != (part == "heldout"):
                continue
            lang = doc["language"]
            if lang_only and lang != lang_only:
                continue
            text = (ANNOTATED / doc["file"]).read_text(encoding="utf-8")
            out = extract(text, lang=lang).to_json(explain=True)
            pred = list(out["facts"]) + [dict(t, measure="target") for t in out["targets"]]
            shown: list | None = [] if show else None
            c = classify(doc["facts"], pred, shown)
            c["gold"], c["read"] = len(doc["facts"]), len(pred)
            per.setdefault(lang, Counter()).update(c)
            per.setdefault("all", Counter()).update(c)
            for cls, g, p in shown or []:
                print(f"{doc['file']} {cls:11} gold {_brief(g)}\n{'':15} read {_brief(p)}")
    langs = sorted(per, key=lambda k: (k == "all", k))
    print(f"{part:8} " + " ".join(f"{k:>11}" for k in ["gold", "read", *CLASSES]))
    for lang in langs:
        print(f"{lang:8} " + " ".join(f"{per[lang][k]:>11}" for k in ["gold", "read", *CLASSES]))
    for prefix in ("missed:", "value:", "extra", "shape"):
        for lang in langs:
            found = sorted((k, v) for k, v in per[lang].items() if k.startswith(prefix) and k != "extra")
            if found:
                print(f"{lang:8} " + ", ".join(f"{k} {v}" for k, v in found))
    return 0


def _brief(f: dict | None) -> str:
    if not f:
        return "-"
    area = f.get("area")
    area = area.get("name") if isinstance(area, dict) else area
    ev = (f.get("evidence") or {}).get("text") if isinstance(f.get("evidence"), dict) else f.get("evidence")
    return (
        f"{f.get('indicator')} {f.get('measure')}/{f.get('target_measure') or ''} {f.get('value')} "
        f"{f.get('unit')} {f.get('period')} {area} {f.get('qualifier')} | {str(ev or '')[:110]!r}"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
