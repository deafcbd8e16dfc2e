"""`marsad extract FOLDER|ARCHIVE.jsonl`: many articles, read in parallel processes, as JSON lines.

Each article is one task for a worker process running :func:`marsad.core.extract.records.read_record`
(the same function a Dask or Ray job maps over an archive's partitions, see the README). The
output keeps the input's order: a folder's files sorted by path, an archive's lines in order.
At most ``jobs * IN_FLIGHT`` articles are in memory at once, however large the archive.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from marsad.core.extract.records import RecordError, parse_line, read_record

from .extract import TextFileError, is_archive, read_text_file

__all__ = ["run_batch", "tasks_of", "read_task"]

IN_FLIGHT = 16  # tasks queued per worker process


def _open_archive(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _count(path: Path) -> int:
    """How many tasks ``path`` holds (files, and lines of archives), for the progress bar."""
    if path.is_dir():
        return sum(_count(p) if is_archive(p) else 1 for p in _files(path))
    try:
        with _open_archive(path) as fh:
            return sum(1 for line in fh if line.strip())
    except (OSError, EOFError, gzip.BadGzipFile):
        return 0


def _files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and (p.suffix.lower() == ".txt" or is_archive(p))
    )


def tasks_of(path: Path, root: Path | None = None) -> Iterator[tuple[str, Any]]:
    """The tasks of a folder or archive, in order: ("file", name), ("record", record) or
    ("error", message) for a line that is no record."""
    root = root or (path if path.is_dir() else path.parent)
    if path.is_dir():
        for p in _files(path):
            if is_archive(p):
                yield from tasks_of(p, root)
            else:
                yield ("file", str(p))
        return
    name = _name(path, root)
    try:
        fh = _open_archive(path)
    except OSError as exc:
        yield ("error", f"{name}: cannot be read ({exc.strerror})")
        return
    with fh:
        lineno = 0
        try:
            for lineno, raw in enumerate(fh, start=1):  # noqa: B007 - lineno is read after the loop
                where = f"{name} line {lineno}"
                try:
                    record = parse_line(raw, where)
                except RecordError as exc:
                    yield ("error", str(exc))
                    continue
                if record is not None:
                    record["file"], record["line"] = name, lineno
                    yield ("record", record)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield ("error", f"{name} after line {lineno}: the archive is damaged ({exc})")


def _name(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def read_task(task: tuple[str, Any], defaults: dict[str, Any], root: str) -> tuple[str | None, str | None]:
    """(JSON line, None) or (None, error message) for one task; runs in a worker process."""
    kind, value = task
    if kind == "file":
        name = _name(Path(value), Path(root))
        try:
            record: dict[str, Any] = {"text": read_text_file(Path(value)), "file": name}
        except TextFileError as exc:
            return None, exc.message
    else:
        record = dict(value)
    for key, default in defaults.items():
        if record.get(key) in (None, "") and default is not None:
            record[key] = default
    try:
        result = read_record(record)
    except Exception as exc:  # noqa: BLE001 - one article never stops the run
        return None, f"{_where(record)}: could not be read ({type(exc).__name__}: {exc})"
    if "error" in result:
        return None, f"{_where(record)}: {result['error']}"
    return json.dumps(result, ensure_ascii=False), None


def _where(record: dict[str, Any]) -> str:
    if record.get("line") is not None:
        return f"{record.get('file')} line {record['line']}"
    return str(record.get("file") or record.get("id") or "the record")


def _work(args: tuple) -> tuple[str | None, str | None]:
    return read_task(*args)


def run_batch(
    path: Path,
    output: Path | None,
    *,
    jobs: int = 0,
    defaults: dict[str, Any] | None = None,
    progress: bool = True,
) -> int:
    """Read every article of ``path`` into JSON lines (``output``, or stdout); 0, or 1 when some
    article or line could not be read (each said on stderr with its line number)."""
    defaults = {k: v for k, v in (defaults or {}).items() if v is not None}
    if jobs <= 0:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    root = str(path if path.is_dir() else path.parent)
    err = Console(stderr=True, highlight=False)
    total = _count(path)
    out: IO[str] = output.open("w", encoding="utf-8") if output else sys.stdout
    written = errors = 0
    t0 = time.perf_counter()
    pool = None
    if jobs > 1 and total > 1:
        import multiprocessing

        pool = multiprocessing.get_context("forkserver").Pool(jobs)
    bar = Progress(
        TextColumn("[bold]extract[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=not progress,
        transient=False,
    )
    try:
        with bar:
            task_id = bar.add_task("extract", total=total or None)
            pending: deque = deque()

            def drain(keep: int) -> None:
                nonlocal written, errors
                while len(pending) > keep:
                    line, problem = pending.popleft()
                    if hasattr(line, "get"):  # an AsyncResult
                        line, problem = line.get()
                    if problem is not None:
                        errors += 1
                        err.print(f"[red]error[/]: {problem}", markup=True, soft_wrap=True)
                    else:
                        out.write(line + "\n")
                        written += 1
                    bar.advance(task_id)

            for task in tasks_of(path):
                if task[0] == "error":
                    pending.append((None, task[1]))
                elif pool is None:
                    pending.append(read_task(task, defaults, root))
                else:
                    pending.append((pool.apply_async(_work, ((task, defaults, root),)), None))
                drain(jobs * IN_FLIGHT)
            drain(0)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if output:
            out.close()
        else:
            out.flush()
    seconds = time.perf_counter() - t0
    err.print(
        f"{written} articles read, {errors} not read, in {seconds:.1f} s with {jobs if pool else 1} process(es)",
        highlight=False,
    )
    return 1 if errors else 0
