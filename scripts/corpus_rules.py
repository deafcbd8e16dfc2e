"""Which rules each corpus example exercises, and which rules no example exercises yet.

    .venv/bin/python scripts/corpus_rules.py            # rules of each language without an example
    .venv/bin/python scripts/corpus_rules.py --write    # fill in "rules" where an example has none
    .venv/bin/python scripts/corpus_rules.py --show vi  # every example of vi with the rules it fires

An example's "rules" are the rule names it is meant to exercise (and the catalogue's names it
reads, "indicator:<code>", "indicator:none" for a named thing without a code; an example that
must read nothing may exercise no rule at all); the corpus test checks that
each of them still fires on it and that every rule of the language has an example. Writing a new
rule: add an example sentence (written fresh, not copied from the annotated articles), run this
with --write to tag it, check the tags make sense, and keep them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import marsad.core.extract as pkg
from marsad.core.extract import LANGUAGES, extract, grammar_for

ROOT = Path(pkg.__file__).parent
EXEMPT_KINDS = {"filler"}  # helper vocabulary inside other rules, never a decision of its own


def fired(lang: str, example: dict) -> list[str]:
    result = extract(example["text"], lang=lang, year=example.get("year"), strict=True)
    names = grammar_for(lang).names()
    return sorted(r for r in result.rules if r in names or r.startswith("indicator:"))


def main(argv: list[str]) -> int:
    write = "--write" in argv
    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    missing_any = False
    for lang in LANGUAGES:
        path = ROOT / lang / "corpus.json"
        examples = json.loads(path.read_text(encoding="utf-8"))
        covered: set[str] = set()
        changed = False
        for i, ex in enumerate(examples):
            got = fired(lang, ex)
            if write and "rules" not in ex:
                ex["rules"] = got
                changed = True
            covered |= set(ex.get("rules", []))
            if show == lang:
                print(f"{lang}-{i:02d}", got, "|", ex["text"][:100])
        g = grammar_for(lang)
        todo = sorted(r.name for r in g.rules if r.kind not in EXEMPT_KINDS and r.name not in covered)
        if todo:
            missing_any = True
            print(f"{lang}: {len(todo)} rules without an example: {', '.join(todo)}")
        if changed:
            path.write_text(json.dumps(examples, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if missing_any else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
