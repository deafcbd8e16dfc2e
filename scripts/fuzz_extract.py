"""Fuzz the report reader: many generated inputs, each checked; then time against size.

    .venv/bin/python scripts/fuzz_extract.py --count 200000 [--seed 1] [--jobs 2] [--start 0]

Input ``i`` depends only on the seed and ``i``: ``--start`` checks ``i`` from there, so that a long
run can be split over processes or machines, or taken up where one stopped.

Each input is one of: a mutated slice of a real article (``../shared/corpus``, the seeds, the
language corpora: characters dropped, doubled, swapped, digits and separators inserted), a
string of report-like pieces (figures with every separator, Eastern digits, scale words, cue
words, brackets, list marks, huge runs of digits), or random Unicode (any plane, control and
bidi characters, lone surrogates). Every result must: raise nothing (``strict=True``), give
evidence equal to ``text[start:end]`` with ``0 <= start <= end <= len(text)``, carry no
``inf``/``NaN`` (the JSON is dumped with ``allow_nan=False``), and survive ``json.dumps``.
Then the time of one article repeated 1, 4 and 16 times is printed per language: the same KB/s
at each size means the time is linear in the size.

Exit code 0 when every input passed; the failing inputs are written to ``--failures`` (JSON).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))

PIECES = [
    "5,800", "٥٬٨٠٠", "٥٫٨", "8.26٪", "8,26%", "126,484 tỷ đồng", "2.300 مليون", "(-7,56%)", "6,5-7%",
    "56.000 - 61.000 tỷ", " مليار دونج", " tỷ đồng", " triệu USD", " billion VND", " nghìn tỷ", "بزيادة ",
    "tăng ", "giảm ", "up ", "down ", "rose ", "الربع الأول", "quý I/2024", "6 tháng đầu năm", "Q1 2023",
    "the first nine months of 2025", "9 tháng năm 2025", "GRDP ", "الناتج المحلي الإجمالي ", "thu ngân sách ",
    "budget revenue ", "FDI ", "؛", ";", ". ", ", ", "، ", "\n", "\n\n", "(", ")", "[", "]", "أكثر من ", "hơn ",
    "over ", "100% ", "من الخطة", "dự toán", "of the estimate", "so với cùng kỳ", "same period last year",
    "النمو المزدوج", "hai con số", "double-digit growth", "الصعوبات، منها:", "khó khăn, hạn chế:", "2024",
    "2021-2025", "[1]", "- ", "• ", "1) ", "IV. ", "12 nhiệm vụ", "12 tasks", "حددت 12 مهمة", "trước ngày 31/12/2025",
    "by the end of Q2", "بحلول نهاية الربع الثاني", "Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng",
    "The Department of Finance shall lead, in coordination with the Department of Construction",
    "تتولى إدارة المالية بالتنسيق مع إدارة البناء", "phân cấp cho cấp xã", "praised", "biểu dương", "أشاد",
    "HANOI — ", "https://baobacninh.vn/kinh-te/", "Ảnh: ", "Photo: ", "\u200f", "\u200e", "\u202b", "\ufeff",
    "1e308", "9" * 40, "9" * 400, "0." + "0" * 50 + "1", "1" + ".000" * 40, "%", "٪", "‰", "lần", "-fold",
]  # fmt: skip


def _articles() -> list[str]:
    texts = []
    for folder in (SHARED / "corpus" / "annotated", SHARED / "corpus" / "dev", SHARED / "seeds"):
        texts += [p.read_text(encoding="utf-8-sig") for p in sorted(folder.glob("*.txt"))]
    for lang in ("ar", "vi", "en"):
        path = ROOT / "src" / "marsad" / "core" / "extract" / lang / "corpus.json"
        if path.exists():
            texts += [e["text"] for e in json.loads(path.read_text(encoding="utf-8"))]
    return [t for t in texts if t.strip()] or ["GRDP tăng 8,1%."]


def _random_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.3:
            out.append(chr(rng.randrange(0x20, 0x7F)))
        elif r < 0.5:
            out.append(chr(rng.randrange(0x600, 0x700)))
        elif r < 0.65:
            out.append(chr(rng.choice([rng.randrange(0xC0, 0x1FF), rng.randrange(0x1EA0, 0x1EFA)])))
        elif r < 0.75:
            out.append(chr(rng.randrange(0, 0x20)))
        elif r < 0.8:
            out.append(chr(rng.randrange(0xD800, 0xE000)))  # lone surrogates
        elif r < 0.85:
            out.append(chr(rng.randrange(0x2000, 0x2070)))  # spaces, dashes, bidi marks
        else:
            out.append(chr(rng.randrange(0, 0x110000)))
    return "".join(out)


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randrange(0, 12)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.25:
            del chars[i]
        elif op < 0.45:
            chars.insert(i, chars[i])
        elif op < 0.6:
            j = rng.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
        elif op < 0.85:
            chars.insert(i, rng.choice("0123456789٠١٢٣٤٥٦٧٨٩.,،٫٬%٪-–()/ \n:;؛"))
        else:
            chars.insert(i, rng.choice(PIECES))
    return "".join(chars)


def make_input(rng: random.Random, articles: list[str]) -> tuple[str, str | None, int | None]:
    """One generated input: (text, lang or None, year or None)."""
    kind = rng.random()
    if kind < 0.45:
        source = rng.choice(articles)
        size = rng.choice([40, 120, 200, 400, 800]) if rng.random() < 0.95 else 3000
        start = rng.randrange(0, max(1, len(source) - size))
        text = _mutate(rng, source[start : start + size])
    elif kind < 0.85:
        text = "".join(
            rng.choice(PIECES) if rng.random() < 0.75 else _random_unicode(rng, rng.randrange(1, 8))
            for _ in range(rng.randrange(1, 40))
        )
    else:
        text = _random_unicode(rng, rng.randrange(0, 300))
    lang = rng.choice([None, None, "ar", "vi", "en"])
    year = rng.choice([None, None, rng.randrange(1990, 2031)])
    return text, lang, year


def check(text: str, lang: str | None, year: int | None) -> str | None:
    """None when the result is sound, else what is wrong with it."""
    from marsad.core.extract import extract

    try:
        out = extract(text, lang=lang, year=year, strict=True).to_json()
    except Exception as exc:  # noqa: BLE001 - counting them is the point
        return f"exception {type(exc).__name__}: {exc}"
    try:
        json.dumps(out, ensure_ascii=False, allow_nan=False)
    except ValueError as exc:
        return f"not JSON without inf/NaN: {exc}"
    for kind in ("facts", "targets", "directives", "difficulties", "recommendations"):
        for item in out[kind]:
            ev = item["evidence"]
            if (
                not (0 <= ev["start"] <= ev["end"] <= len(text))
                or text[ev["start"] : ev["end"]] != ev["text"]
            ):
                return f"{kind} evidence {ev['start']}:{ev['end']} is not the text's slice"
            value = item.get("value")
            if value is not None and not (isinstance(value, int) or math.isfinite(value)):
                return f"{kind} value {value!r}"
    return None


def _chunk(args: tuple[int, int, int]) -> tuple[int, list[dict], float, int]:
    seed, first, count = args
    articles = _articles()
    failures = []
    slowest, slowest_len = 0.0, 0
    for i in range(first, first + count):
        rng = random.Random(f"{seed}-{i}")
        text, lang, year = make_input(rng, articles)
        t0 = time.perf_counter()
        problem = check(text, lang, year)
        dt = time.perf_counter() - t0
        if dt > slowest:
            slowest, slowest_len = dt, len(text)
        if problem:
            failures.append({"index": i, "problem": problem, "lang": lang, "year": year, "text": text})
    return count, failures, slowest, slowest_len


def fuzz(count: int, seed: int = 1, jobs: int = 1, chunk: int = 2000, start: int = 0):
    """(inputs checked, failures, slowest seconds, its length) of inputs ``start`` to
    ``start + count - 1``."""
    stop = start + count
    tasks = [(seed, first, min(chunk, stop - first)) for first in range(start, stop, chunk)]
    done, failures, slowest, slowest_len = 0, [], 0.0, 0
    if jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("forkserver").Pool(jobs) as pool:
            results = pool.imap_unordered(_chunk, tasks)
            for n, fails, slow, slow_len in results:
                done += n
                failures += fails
                if slow > slowest:
                    slowest, slowest_len = slow, slow_len
                print(f"  {done}/{count} inputs, {len(failures)} failures", file=sys.stderr, flush=True)
    else:
        for task in tasks:
            n, fails, slow, slow_len = _chunk(task)
            done += n
            failures += fails
            if slow > slowest:
                slowest, slowest_len = slow, slow_len
            print(f"  {done}/{count} inputs, {len(failures)} failures", file=sys.stderr, flush=True)
    return done, failures, slowest, slowest_len


def linearity(factors=(1, 4, 16)) -> list[tuple[str, int, float]]:
    """(language, KB, KB/s) of one article of each language repeated ``factors`` times."""
    from marsad.core.extract import extract

    out = []
    for lang in ("ar", "vi", "en"):
        files = sorted((SHARED / "corpus" / "annotated").glob(f"*_{lang}.txt"))
        if not files:
            continue
        base = "\n\n".join(p.read_text(encoding="utf-8-sig") for p in files[:3])
        extract(base, lang=lang)
        for k in factors:
            text = "\n\n".join([base] * k)
            t0 = time.perf_counter()
            extract(text, lang=lang)
            dt = time.perf_counter() - t0
            kb = len(text.encode("utf-8")) / 1024
            out.append((lang, round(kb), kb / dt))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="the index of the first input")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--failures", type=Path, default=Path("fuzz_failures.json"))
    parser.add_argument("--no-linearity", action="store_true")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    done, failures, slowest, slowest_len = fuzz(args.count, args.seed, args.jobs, start=args.start)
    seconds = time.perf_counter() - t0
    kinds: dict[str, int] = {}
    for f in failures:
        key = f["problem"].split(":")[0]
        kinds[key] = kinds.get(key, 0) + 1
    print(
        f"fuzz: {done} inputs (seed {args.seed}, from {args.start}) in {seconds:.0f} s: "
        f"{len(failures)} failures {kinds or ''}; "
        f"slowest input {slowest * 1000:.0f} ms ({slowest_len} chars)"
    )
    if failures:
        args.failures.write_text(json.dumps(failures[:200], ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"the first failing inputs are in {args.failures}")
    if not args.no_linearity:
        for lang, kb, speed in linearity():
            print(f"linearity {lang}: {kb:6d} KB at {speed:7.0f} KB/s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
