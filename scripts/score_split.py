"""Score the reader on one part of the annotated corpus: the development part or the held-out part.

    .venv/bin/python scripts/score_split.py dev [--strict] [--show] [--lang ar]
    .venv/bin/python scripts/score_split.py heldout [--strict]

The split was fixed before the rules were written: an article whose number is divisible by 3
(03, 06, ..., 60 — 20 of the 60, about a third per language) is held out. Those texts, their gold
and their notes are not read while developing; they are scored only to check that the rules
generalise. This writes the filtered gold beside symbolic links to the texts in a temporary
folder and runs ``../shared/tools/score_reader.py`` on it with the remaining options.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
ANNOTATED = SHARED / "corpus" / "annotated"
SCORER = SHARED / "tools" / "score_reader.py"


def held_out(file_name: str) -> bool:
    return int(file_name.split("_", 1)[0]) % 3 == 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("dev", "heldout", "all"):
        print(__doc__)
        return 2
    part, rest = argv[0], argv[1:]
    with tempfile.TemporaryDirectory(prefix="marsad-gold-") as tmp:
        golds = []
        for gold_path in sorted(ANNOTATED.glob("gold_*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            docs = [
                d for d in gold["documents"] if part == "all" or held_out(d["file"]) == (part == "heldout")
            ]
            for d in docs:
                os.symlink(ANNOTATED / d["file"], Path(tmp) / d["file"])
            out = Path(tmp) / gold_path.name
            out.write_text(json.dumps({"documents": docs}, ensure_ascii=False), encoding="utf-8")
            golds.append(str(out))
        return subprocess.call([sys.executable, str(SCORER), *rest, *golds])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
