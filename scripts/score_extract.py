"""Score the report reader against the hand-made gold annotations of the dev corpus and the seeds.

    python scripts/score_extract.py            # as a user runs it: no area/year hints
    python scripts/score_extract.py --hints    # with the area and year an analyst would give
    python scripts/score_extract.py --all      # both, and the seeds
    python scripts/score_extract.py --json     # the scores as JSON (no error listing)

Gold: ``tests/core/extract/gold/<stem>.json`` (one per file of ``shared/corpus/dev``). A predicted
fact (or target) matches a gold one when kind (fact/target), indicator, period, measure, area
code and value (within 1e-6) agree; the *relaxed* score ignores the area. Matching is one-to-one;
a prediction repeated with the same key (the same figure read twice) counts once.

Texts are read from ``$MARSAD_SHARED`` (default: the ``shared`` folder beside the repository).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "core" / "extract" / "gold"
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
TOL = 1e-6

# The seeds: the expected area of each (seed 000 never names Ninh Thuan, so it gets it as a hint).
SEED_AREAS = {
    "000_94520d198d9ed722.txt": ("Ninh Thuan", date(2024, 4, 1), True),
    "003_54fd96d161a7a906.txt": ("Bac Ninh", date(2025, 10, 1), False),
}


@dataclass(frozen=True)
class Item:
    kind: str  # "fact" | "target"
    indicator: str
    period: str | None
    measure: str
    value: float
    area: str | None
    evidence: str
    start: int = -1  # where the evidence is in the text (-1: unknown)
    end: int = -1
    qualifier: str | None = None  # not part of the match: reported when it differs

    def same(self, other: Item, relaxed: bool) -> bool:
        return (
            self.kind == other.kind
            and self.indicator == other.indicator
            and self.period == other.period
            and self.measure == other.measure
            and abs(float(self.value) - float(other.value)) <= TOL
            and (relaxed or self.area == other.area)
        )

    def key(self) -> tuple:
        return (self.kind, self.indicator, self.period, self.measure, round(float(self.value), 6), self.area)

    def show(self) -> str:
        return (
            f"{self.kind:6} {self.indicator:32} {self.period!s:8} {self.measure:15} "
            f"{self.value!s:>10} {self.area!s:10} | {self.evidence[:80]!r}"
        )


@dataclass
class Case:
    name: str
    language: str
    text: str
    gold: list[Item]
    hints: dict  # {"area": name|None, "year": int|None}


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def gold_cases(gold_dir: Path = GOLD_DIR, shared: Path = SHARED) -> list[Case]:
    cases = []
    for path in sorted(gold_dir.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        text = read_text(shared / "corpus" / "dev" / g["file"])
        items = []
        for kind, key in (("fact", "facts"), ("target", "targets")):
            for f in g[key]:
                start = text.find(f["evidence_text"])
                items.append(
                    Item(
                        kind,
                        f["indicator"],
                        f["period"],
                        f["measure"],
                        f["value"],
                        f["area_code"],
                        f["evidence_text"],
                        start,
                        start + len(f["evidence_text"]) if start >= 0 else -1,
                        f.get("qualifier"),
                    )
                )
        cases.append(Case(g["file"], g["language"], text, items, g.get("hints") or {}))
    return cases


def seed_cases(shared: Path = SHARED) -> list[Case]:
    from marsad.core.gazetteer import load_gazetteer

    expected = json.loads((shared / "examples" / "seed_expected.json").read_text(encoding="utf-8"))
    gaz = load_gazetteer()
    cases = []
    for d in expected["documents"]:
        name, on, hint = SEED_AREAS[d["file"]]
        area = gaz.find(name, on=on).code
        text = read_text(shared / "seeds" / d["file"])
        items = []
        for kind, key in (("fact", "facts"), ("target", "targets")):
            for f in d[key]:
                start = text.find(f["evidence"])
                items.append(
                    Item(
                        kind,
                        f["indicator"],
                        f["period"],
                        f["measure"],
                        f["value"],
                        area,
                        f["evidence"],
                        start,
                        start + len(f["evidence"]) if start >= 0 else -1,
                        f.get("qualifier"),
                    )
                )
        # Seeds are always scored as a user would run them, except that 000 gets its area.
        cases.append(Case(d["file"], d["language"], text, items, {"area": name if hint else None}))
    return cases


def predict(case: Case, hints: bool) -> list[Item]:
    from marsad.core.extract import extract

    kwargs = {}
    if hints:
        kwargs = {"area": case.hints.get("area"), "year": case.hints.get("year")}
    result = extract(case.text, **kwargs)
    out, seen = [], set()
    for kind, facts in (("fact", result.facts), ("target", result.targets)):
        for f in facts:
            it = Item(
                kind,
                f.indicator,
                f.period,
                f.measure,
                f.value,
                f.area.code if f.area else None,
                f.evidence.text,
                f.evidence.start,
                f.evidence.end,
                f.qualifier,
            )
            if it.key() not in seen:  # the same figure read twice is one figure
                seen.add(it.key())
                out.append(it)
    return out


def match(gold: list[Item], pred: list[Item], relaxed: bool):
    """One-to-one greedy matching; returns (pairs, false negatives, false positives)."""
    free = list(pred)
    pairs, fn = [], []
    for g in gold:
        # prefer a prediction whose evidence overlaps the gold span
        cands = [p for p in free if g.same(p, relaxed)]
        cands.sort(key=lambda p: not (p.start < g.end and g.start < p.end))
        if cands:
            free.remove(cands[0])
            pairs.append((g, cands[0]))
        else:
            fn.append(g)
    return pairs, fn, free


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(cases: list[Case], hints: bool = False) -> dict:
    """Scores per language and overall, strict and relaxed, with the errors of each file."""
    counts = {m: defaultdict(lambda: [0, 0, 0]) for m in ("strict", "relaxed")}
    files = []
    for case in cases:
        pred = predict(case, hints)
        entry = {"file": case.name, "language": case.language}
        for mode in ("strict", "relaxed"):
            pairs, fn, fp = match(case.gold, pred, relaxed=mode == "relaxed")
            for lang in (case.language, "all"):
                c = counts[mode][lang]
                c[0] += len(pairs)
                c[1] += len(fp)
                c[2] += len(fn)
            entry[mode] = {
                "tp": len(pairs),
                "fp": fp,
                "fn": fn,
                "evidence_overlaps": sum(1 for g, p in pairs if p.start < g.end and g.start < p.end),
                "qualifier_differs": [
                    (g, p) for g, p in pairs if g.kind == "fact" and g.qualifier != p.qualifier
                ],
            }
        files.append(entry)
    scores = {mode: {lang: prf(*c) for lang, c in sorted(counts[mode].items())} for mode in counts}
    return {"hints": hints, "scores": scores, "files": files}


def print_report(title: str, res: dict, errors: bool = True) -> None:
    print(f"\n##### {title}")
    print(f"{'':8}{'lang':5} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for mode, by_lang in res["scores"].items():
        for lang, s in by_lang.items():
            print(
                f"{mode:8}{lang:5} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}  "
                f"{s['tp']:3} {s['fp']:3} {s['fn']:3}"
            )
    if not errors:
        return
    pairs = sum(e["strict"]["tp"] for e in res["files"])
    overlaps = sum(e["strict"]["evidence_overlaps"] for e in res["files"])
    print(f"\nmatched (strict) with evidence overlapping the gold span: {overlaps}/{pairs}")
    differs = [(e["file"], g, p) for e in res["files"] for g, p in e["strict"]["qualifier_differs"]]
    if differs:
        print("matched facts whose qualifier differs (not counted as errors):")
        for name, g, p in differs:
            print(
                f"  {name}  {g.indicator} {g.period} {g.measure} {g.value}: gold {g.qualifier}, read {p.qualifier}"
            )
    for entry in res["files"]:
        strict, relaxed = entry["strict"], entry["relaxed"]
        if not (strict["fp"] or strict["fn"]):
            continue
        print(f"\n-- {entry['file']}  strict tp={strict['tp']} relaxed tp={relaxed['tp']}")
        relaxed_fn = {id(i) for i in relaxed["fn"]}
        relaxed_fp = {id(i) for i in relaxed["fp"]}
        for it in strict["fn"]:
            tag = "FN" if id(it) in relaxed_fn else "FN(area)"
            print(f"  {tag:9}{it.show()}")
        for it in strict["fp"]:
            tag = "FP" if id(it) in relaxed_fp else "FP(area)"
            print(f"  {tag:9}{it.show()}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hints", action="store_true", help="give the reader the gold area and year")
    ap.add_argument("--all", action="store_true", help="both modes, and the seeds")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--quiet", action="store_true", help="scores only, no error listing")
    args = ap.parse_args(argv)

    runs = []
    cases = gold_cases()
    if args.all:
        runs = [("dev, no hints", score(cases)), ("dev, with hints", score(cases, hints=True))]
        runs.append(("seeds (000 with area hint Ninh Thuan)", score(seed_cases(), hints=True)))
    else:
        runs = [("dev, with hints" if args.hints else "dev, no hints", score(cases, hints=args.hints))]
    if args.json:
        print(json.dumps({title: res["scores"] for title, res in runs}, indent=1))
        return 0
    for title, res in runs:
        print_report(title, res, errors=not args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
