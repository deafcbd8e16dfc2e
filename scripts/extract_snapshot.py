"""The reader's output on every text at hand, as JSON lines: to check that a change meant to be
output-identical (a speed-up) is.

    PYTHONPATH=src .venv/bin/python scripts/extract_snapshot.py before.jsonl
    ... change the reader ...
    PYTHONPATH=src .venv/bin/python scripts/extract_snapshot.py after.jsonl --against before.jsonl

The texts: the annotated and dev corpora and the seeds (``../shared``), every example of the
language corpora and task corpora, the fresh sentences and articles of the tests, a few thousand
generated inputs of ``fuzz_extract.py`` (fixed seed), and long documents (the benchmark's, each
language's articles joined). Each line is one text's result with the rules that made it
(``to_json(explain=True)`` and the document's rules). ``--against`` prints how many results
differ and the names of the first few (a held-out article is named, never printed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
EXTRACT = ROOT / "src" / "marsad" / "core" / "extract"


def texts(fuzz_count: int, fuzz_seed: int):
    """(name, text, lang, year, url) of every text to read."""
    for folder in ("corpus/annotated", "corpus/dev", "seeds"):
        for p in sorted((SHARED / folder).glob("*.txt")):
            yield f"{folder}/{p.name}", p.read_text(encoding="utf-8-sig"), None, None, None
    for lang in ("ar", "vi", "en"):
        for corpus in ("corpus.json", "tasks_corpus.json"):
            path = EXTRACT / lang / corpus
            for i, ex in enumerate(json.loads(path.read_text(encoding="utf-8"))):
                yield f"{lang}/{corpus}#{i}", ex["text"], lang, ex.get("year"), None
    fresh = ROOT / "tests" / "core" / "extract" / "fresh_sentences.json"
    for i, ex in enumerate(json.loads(fresh.read_text(encoding="utf-8"))):
        yield f"fresh_sentences#{i}", ex["text"], ex["lang"], ex.get("year"), None
    for p in sorted((ROOT / "tests" / "core" / "extract" / "fresh_ar").glob("*.txt")):
        yield f"fresh_ar/{p.name}", p.read_text(encoding="utf-8"), "ar", None, None
    sys.path.insert(0, str(ROOT / "scripts"))
    from fuzz_extract import _articles, make_input

    articles = _articles()
    for i in range(fuzz_count):
        text, lang, year = make_input(random.Random(f"{fuzz_seed}-{i}"), articles)
        yield f"fuzz#{i}", text, lang, year, None
    # Long documents: what grows faster than the text shows only there.
    from marsad.cli.extract import _corpus_text

    for lang, doc in _corpus_text(256)[1]:
        yield f"bench256/{lang}", doc, lang, None, None
    for lang in ("ar", "vi", "en"):
        joined = "\n\n".join(
            p.read_text(encoding="utf-8-sig")
            for p in sorted((SHARED / "corpus/annotated").glob(f"*_{lang}.txt"))
        )
        yield f"joined/{lang}", joined, lang, None, None
        yield f"joined_url/{lang}", joined, lang, 2024, "https://example.org/2024/kinh-te"


def result_of(text: str, lang, year, url) -> dict:
    from marsad.core.extract import extract

    try:
        r = extract(text, lang=lang, year=year, url=url, strict=True)
    except Exception as exc:  # noqa: BLE001 - an exception is an output too
        return {"exception": f"{type(exc).__name__}: {exc}"}
    out = r.to_json(explain=True)
    out["rules"] = sorted(r.rules)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("output", type=Path)
    ap.add_argument("--against", type=Path, help="an earlier snapshot to compare with")
    ap.add_argument("--fuzz", type=int, default=3000, help="generated inputs")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    n = 0
    with args.output.open("w", encoding="utf-8") as out:
        for name, text, lang, year, url in texts(args.fuzz, args.seed):
            digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
            record = {"name": name, "text_sha": digest, "out": result_of(text, lang, year, url)}
            out.write(json.dumps(record, sort_keys=True) + "\n")  # ASCII: lone surrogates survive
            n += 1
    print(f"{n} results written to {args.output}")
    if args.against is None:
        return 0
    before = {}
    for raw in args.against.read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        before[rec["name"]] = rec
    differ = []
    for raw in args.output.read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        old = before.get(rec["name"])
        if old is None or old["text_sha"] != rec["text_sha"]:
            continue  # a text that changed (a corpus edited) is not comparable
        if old["out"] != rec["out"]:
            differ.append(rec["name"])
    print(f"{len(differ)} of {n} results differ" + (f": {', '.join(differ[:20])}" if differ else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
