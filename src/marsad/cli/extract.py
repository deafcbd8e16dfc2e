"""`marsad extract FILE` (the report reader's JSON) and `marsad bench extract` (its throughput).

Files are read as UTF-8 (a BOM is removed), or UTF-16 when they start with a UTF-16 BOM; the
offsets in the JSON are character offsets into that decoded, BOM-stripped text. Binary and
undecodable files are refused with a message on stderr and exit code 2. A PDF, a Word document
or an HTML page is read for its text (``marsad.documents.files``); the offsets are then into
that text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from marsad.core.languages import LANGS

BINARY_CONTROL_RATIO = 0.10  # share of control bytes beyond which a file is not text


class TextFileError(typer.BadParameter):
    """A file that is missing, binary or not in a supported encoding."""


def decode_text(data: bytes, name: str = "the file") -> str:
    """The text of ``data``: UTF-8 (BOM removed) or UTF-16 with a BOM; refuse binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise TextFileError(f"{name} starts like UTF-16 but does not decode ({exc.reason})") from None
    head = data[:8192]
    if b"\x00" in head:
        raise TextFileError(f"{name} looks like a binary file, not a text report")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    if head and controls / len(head) > BINARY_CONTROL_RATIO:
        raise TextFileError(f"{name} looks like a binary file, not a text report")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TextFileError(
            f"{name} is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8 or UTF-16 with a BOM"
        ) from None


def read_text_file(path: Path) -> str:
    """The text of a report file (text, PDF, DOCX or HTML), or :class:`TextFileError` saying why
    it cannot be read."""
    path = Path(path)
    if not path.exists():
        raise TextFileError(f"{path} does not exist")
    if path.is_dir():
        raise TextFileError(f"{path} is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TextFileError(f"{path} cannot be read: {exc.strerror}") from None
    # A PDF, Word document or HTML page (the project's own reports too) is read for its text.
    from marsad.documents.files import FileTextError, file_text

    try:
        return file_text(data, str(path), decode_text)
    except FileTextError as exc:
        raise TextFileError(str(exc)) from None


def extract_file(
    path: Path, lang: str | None = None, area: str | None = None, year: int | None = None
) -> dict:
    """Read ``path`` and return the extract JSON (for ``ingest`` and scripts)."""
    from marsad.core.extract import extract

    return extract(read_text_file(path), lang=lang, area=area, year=year).to_json()


ARCHIVE_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def is_archive(path: Path) -> bool:
    """A JSON-lines archive (one article a line), by its name."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def _corpus_text(target_kb: int) -> tuple[str, list[tuple[str, str]]]:
    """Documents built from the language corpora's example sentences, about ``target_kb`` KB each."""
    import json

    import marsad.core.extract as pkg

    docs = []
    for lang in LANGS:
        path = Path(pkg.__file__).parent / lang / "corpus.json"
        examples = json.loads(path.read_text(encoding="utf-8"))
        sentences = [e["text"] for e in examples]
        body = "\n".join(sentences)
        reps = max(1, (target_kb * 1024) // max(1, len(body.encode("utf-8"))))
        docs.append((lang, "\n".join([body] * reps)))
    return "", docs


def _calls(fn) -> int:
    """The Python function calls (built-ins included) that ``fn()`` makes: a count of work that,
    unlike seconds, does not depend on what else the machine runs."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.runcall(fn)
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # (cc, nc, tt, ct, callers)


def _bench_articles(folder: Path, rounds: int, calls: bool = False) -> None:
    """KB/s per language on real articles: each read alone (the usual case), then all of one
    language joined into one document and that repeated four times (equal KB/s: linear). The
    best and the median of the rounds; with ``calls``, the Python calls per KB of one reading."""
    import statistics
    import time

    from marsad.core.extract import detect_language, extract

    by_lang: dict[str, list[str]] = {}
    for path in sorted(Path(folder).glob("*.txt")):
        try:
            text = read_text_file(path)
        except TextFileError:
            continue
        lang = detect_language(text)
        if lang:
            by_lang.setdefault(lang, []).append(text)
    if not by_lang:
        typer.echo(f"error: no readable articles in {folder}", err=True)
        raise typer.Exit(2)

    def timed(fn) -> tuple[float, float]:
        """(best, median) CPU seconds of the rounds."""
        seconds = []
        for _ in range(max(1, rounds)):
            t0 = time.process_time()
            fn()
            seconds.append(max(time.process_time() - t0, 1e-9))
        return min(seconds), statistics.median(seconds)

    def counted(fn, kb: float) -> str:
        return f", {_calls(fn) / kb:6.0f} calls/KB" if calls else ""

    for lang in sorted(by_lang):
        texts = by_lang[lang]
        extract(texts[0], lang=lang)  # the grammar is compiled once, outside the timing
        kb = sum(len(t.encode("utf-8")) for t in texts) / 1024

        def one_by_one(texts=texts, lang=lang):
            return [extract(t, lang=lang) for t in texts]

        best, median = timed(one_by_one)
        typer.echo(
            f"extract {lang}: {len(texts):3d} articles, {kb:7.0f} KB one by one: {kb / best:7.0f} KB/s"
            f" (median {kb / median:.0f}){counted(one_by_one, kb)}"
        )
        for factor in (1, 4):
            joined = "\n\n".join(texts * factor)

            def whole(joined=joined, lang=lang):
                return extract(joined, lang=lang)

            best, median = timed(whole)
            typer.echo(
                f"extract {lang}: joined x{factor}, {kb * factor:7.0f} KB in one document: "
                f"{kb * factor / best:7.0f} KB/s (median {kb * factor / median:.0f}){counted(whole, kb * factor)}"
            )


def register(app: typer.Typer, bench: typer.Typer) -> None:
    @app.command("extract")
    def extract_command(
        file: Path = typer.Argument(
            ..., help="a report (UTF-8, or UTF-16 with a BOM), a folder of them, or a JSON-lines archive"
        ),
        lang: str = typer.Option(None, "--lang", help="ar, vi or en (detected when not given)"),
        area: str = typer.Option(None, "--area", help="the area when the text names none (name or code)"),
        year: int = typer.Option(None, "--year", help="the year when the text does not say it"),
        compact: bool = typer.Option(False, "--compact", help="one line of JSON"),
        jobs: int = typer.Option(
            0, "--jobs", "-j", help="processes for a folder or archive (0: one per core)", min=0
        ),
        output: Path = typer.Option(None, "--output", "-o", help="write the JSON lines here, not stdout"),
        progress: bool = typer.Option(True, "--progress/--no-progress", help="a progress bar on stderr"),
    ) -> None:
        """Print what a report says (figures, targets, directives, difficulties) as JSON.

        A folder (its *.txt files, and the *.jsonl archives in it) or a JSON-lines archive (one
        article a line: {"text": ..., "url": ...}, .jsonl or .jsonl.gz) is read in parallel and
        written as JSON lines, one per article, in input order; a bad line is reported with its
        line number and the others are still read (exit code 1 when any was bad).
        """
        import json

        from marsad.core.extract import LANGUAGES, extract

        if lang is not None and lang not in LANGUAGES:
            typer.echo(f"error: --lang must be one of {', '.join(LANGUAGES)}", err=True)
            raise typer.Exit(2)
        if file.is_dir() or is_archive(file):
            from .extract_batch import run_batch

            if not file.exists():
                typer.echo(f"error: {file} does not exist", err=True)
                raise typer.Exit(2)
            defaults = {"lang": lang, "area": area, "year": year}
            code = run_batch(file, output, jobs=jobs, defaults=defaults, progress=progress)
            raise typer.Exit(code)
        try:
            text = read_text_file(file)
        except TextFileError as exc:
            typer.echo(f"error: {exc.message}", err=True)
            raise typer.Exit(2) from None
        result = extract(text, lang=lang, area=area, year=year).to_json()
        data = json.dumps(result, ensure_ascii=False, indent=None if compact else 2) + "\n"
        if output is not None:
            output.write_text(data, encoding="utf-8")
        else:
            sys.stdout.write(data)

    @bench.command("extract")
    def bench_extract(
        size_kb: int = typer.Option(256, help="size of each language's benchmark document, in KB"),
        rounds: int = typer.Option(
            3, help="timed rounds; the best is reported (and, for --articles, the median)"
        ),
        articles: Path = typer.Option(
            None,
            "--articles",
            help="a folder of real articles (*.txt, the language detected): read one by one, then joined",
        ),
        calls: bool = typer.Option(
            False,
            "--calls",
            help="also count the Python calls of one reading per KB (the machine's load plays no part)",
        ),
    ) -> None:
        """Throughput of the reader in KB/s (CPU time of this process, one core): on documents
        built from the example sentences, or on a folder of real articles (``--articles``).
        With ``--calls``, the Python function calls of one reading per KB, at both sizes: equal
        at ×1 and ×4 shows the work is linear however loaded the machine is."""
        import time

        from marsad.core.extract import extract

        if articles is not None:
            _bench_articles(articles, rounds, calls)
            return
        total_kb = 0.0
        total_s = 0.0
        # Two sizes, the second four times the first: equal KB/s shows the time is linear.
        for factor in (1, 4):
            _, docs = _corpus_text(size_kb * factor)
            for lang, text in docs:
                kb = len(text.encode("utf-8")) / 1024
                best = float("inf")
                found = 0
                for _ in range(max(1, rounds)):
                    t0 = time.process_time()
                    result = extract(text, lang=lang)
                    best = min(best, time.process_time() - t0)
                    found = len(result.facts) + len(result.targets)
                total_kb += kb
                total_s += best
                counted = (
                    f", {_calls(lambda text=text, lang=lang: extract(text, lang=lang)) / kb:6.0f} calls/KB"
                    if calls
                    else ""
                )
                typer.echo(
                    f"extract {lang}: {kb:8.0f} KB in {best:6.2f} s = {kb / best:8.1f} KB/s ({found} facts+targets){counted}"
                )
        typer.echo(f"extract all: {total_kb:8.0f} KB in {total_s:6.2f} s = {total_kb / total_s:8.1f} KB/s")
