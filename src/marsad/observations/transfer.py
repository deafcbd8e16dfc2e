"""Import and export of observations in one tabular layout (CSV, XLSX, JSON).

Layout (one row per observation, header names exactly these):

    area, indicator, period, measure, value, unit, status, qualifier

``area`` is an area code (VN-24), ``indicator`` an indicator code (grdp), ``period`` a period
code (2024Q1). ``measure`` defaults to level, ``status`` to official, ``qualifier`` to exact,
``unit`` to the indicator's unit for levels and to % / pp for the other measures.

An import is all-or-nothing: every row is checked first and any error rejects the whole file,
naming file, row, column and reason. Re-importing the same file changes nothing. An export
re-imports to the same database state.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from marsad.core.numbers import format_plain

from .models import Observation

COLUMNS = ("area", "indicator", "period", "measure", "value", "unit", "status", "qualifier")
REQUIRED = ("area", "indicator", "period", "value")
# Columns a file may carry for the person filling it (the XLSX entry template's indicator name
# and last year's value); the import reads past them.
INFO_COLUMNS = ("name", "last_year")
FORMATS = ("csv", "xlsx", "json")

Progress = Callable[[int], None]


@dataclass(frozen=True)
class RowError:
    file: str
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: row {self.row}, column {self.column!r}: {self.reason}"


class ImportRejected(Exception):
    """The file was not imported; ``errors`` says why, row by row."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        shown = "\n".join(f"  {e}" for e in errors[:20])
        more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(f"import rejected, nothing was written ({len(errors)} error(s)):\n{shown}{more}")


@dataclass
class ImportResult:
    file: str
    rows: int
    created: int
    updated: int
    unchanged: int

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.rows} rows — {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged"
        )


# -- reading files --------------------------------------------------------------------------
def detect_format(name: str) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise ImportRejected([RowError(name, 0, "", f"unknown file type {suffix!r}: use .csv, .xlsx or .json")])


def read_rows(source: str | Path | io.IOBase, name: str | None = None) -> Iterator[tuple[int, dict]]:
    """Yield (row number as a person counts it, {column: text}) from a CSV, XLSX or JSON file."""
    name = name or str(source)
    fmt = detect_format(name)
    if fmt == "xlsx":
        yield from _read_xlsx(source, name)
        return
    text = _read_text(source, name)
    if fmt == "json":
        yield from _read_json(text, name)
    else:
        yield from _read_csv(text, name)


def read_frame(source: str | Path | io.IOBase, name: str | None = None, progress: Progress | None = None):
    """The file's rows as the frame :func:`check_frame` reads (see :func:`rows_frame`).

    A CSV file is parsed by Polars in one pass (no Python object per row); a file it cannot
    read exactly the way :func:`read_rows` counts rows (more values than columns, repeated
    headers) is read by :func:`read_rows`, which names the problem.
    """
    name = name or str(source)
    if detect_format(name) != "csv":
        return rows_frame(read_rows(source, name), progress)
    text = _read_text(source, name)
    frame = _csv_frame(text, name)
    if frame is None:
        return rows_frame(_read_csv(text, name), progress)
    return frame


def _read_text(source, name: str) -> str:
    raw = Path(source).read_bytes() if isinstance(source, (str, Path)) else source.read()
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            [RowError(name, 0, "", f"the file is not UTF-8 text ({exc.reason} at byte {exc.start})")]
        ) from None


def _csv_frame(text: str, name: str):
    """A CSV text as the import frame, or None where Polars would not count rows as csv does."""
    import polars as pl

    first = text.split("\n", 1)[0].rstrip("\r")
    header = next(csv.reader([first]), None)
    if not header or '"' in first:
        return None
    header = _check_header(header, name)
    if len(set(header)) != len(header):
        return None
    try:
        frame = pl.read_csv(
            io.StringIO(text), infer_schema=False, has_header=True, new_columns=header, raise_if_empty=False
        )
    except pl.exceptions.PolarsError:
        return None
    # csv counts records: the header is row 1, every record after it (blank ones too) one more.
    frame = frame.with_row_index("row", offset=2).with_columns(pl.col("row").cast(pl.Int64))
    texts = [c for c in header if c]
    blank = pl.all_horizontal(pl.col(c).fill_null("").str.strip_chars() == "" for c in texts)
    keep = ~blank
    if "last_year" in header:
        keep = keep & (pl.col("value").fill_null("").str.strip_chars() != "")
    frame = frame.filter(keep)
    return frame.select(
        *(
            (pl.col(c).fill_null("") if c in frame.columns else pl.lit("")).alias(c).cast(pl.Utf8)
            for c in COLUMNS
        ),
        "row",
    )


def _check_header(header: Iterable[str], name: str) -> list[str]:
    header = [(h or "").strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportRejected([RowError(name, 1, c, "required column is missing") for c in missing])
    unknown = [h for h in header if h and h not in COLUMNS and h not in INFO_COLUMNS]
    if unknown:
        raise ImportRejected(
            [RowError(name, 1, h, f"unknown column (expected {', '.join(COLUMNS)})") for h in unknown]
        )
    return header


def _read_csv(text: str, name: str) -> Iterator[tuple[int, dict]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return
    header = _check_header(header, name)
    for line_no, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            raise ImportRejected(
                [RowError(name, line_no, "", f"{len(values)} values for {len(header)} columns")]
            )
        yield line_no, dict(zip(header, values, strict=False))


def _read_json(text: str, name: str) -> Iterator[tuple[int, dict]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRejected([RowError(name, exc.lineno, "", f"not valid JSON: {exc.msg}")]) from None
    if isinstance(data, dict):
        data = data.get("observations")
    if not isinstance(data, list):
        raise ImportRejected([RowError(name, 0, "", 'expected a list of rows or {"observations": [...]}')])
    if data:
        _check_header(set().union(*(d.keys() for d in data if isinstance(d, dict))), name)
    for i, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ImportRejected([RowError(name, i, "", "a row must be an object")])
        yield (
            i,
            {
                k.lower(): ("" if v is None else str(v) if not isinstance(v, float) else repr(v))
                for k, v in item.items()
            },
        )


def _read_xlsx(source, name: str) -> Iterator[tuple[int, dict]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        raise ImportRejected([RowError(name, 0, "", f"not a readable XLSX workbook ({exc})")]) from None
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            return
        header = _check_header([str(h) if h is not None else "" for h in header], name)
        for row_no, values in enumerate(rows, start=2):
            if values is None or all(v is None or str(v).strip() == "" for v in values):
                continue
            yield (
                row_no,
                {
                    h: ("" if v is None else repr(v) if isinstance(v, float) else str(v))
                    for h, v in zip(header, values, strict=False)
                },
            )
    finally:
        wb.close()


# -- checking and writing rows: the write path for many rows (see .bulk) ----------------------
def rows_frame(rows: Iterable[tuple[int, dict]], progress: Progress | None = None):
    """The rows as a Polars frame of text columns plus ``row``, the row number a person counts."""
    import polars as pl

    columns: dict[str, list] = {c: [] for c in COLUMNS}
    numbers = []
    for n, (row_no, raw) in enumerate(rows, start=1):
        if "last_year" in raw and not (raw.get("value") or "").strip():
            continue  # a row of the entry template left blank: nothing to enter
        numbers.append(row_no)
        for c in COLUMNS:
            columns[c].append(raw.get(c) or "")
        if progress and n % 10_000 == 0:
            progress(0)
    return pl.DataFrame(
        {**columns, "row": numbers}, schema={**dict.fromkeys(COLUMNS, pl.Utf8), "row": pl.Int64}
    )


def check_rows(rows: Iterable[tuple[int, dict]], name: str, *, user=None, progress: Progress | None = None):
    """Every row checked by the write path's rules; raise ImportRejected listing all errors."""
    return check_frame_of(rows_frame(rows, progress), name, user=user)


def check_frame_of(frame, name: str, *, user=None):
    """:func:`check_rows` for a frame of rows (see :func:`rows_frame`)."""
    from .bulk import RowProblem, check_frame

    try:
        return check_frame(frame, user)
    except RowProblem as exc:
        raise ImportRejected(
            [RowError(name, row, column, reason) for row, column, reason in exc.problems]
        ) from None


def import_file(
    source, name: str | None = None, *, user=None, origin: str = "", progress: Progress | None = None
) -> ImportResult:
    """Import one file; all-or-nothing. ``source`` is a path or a binary file object."""
    name = name or str(source)
    frame = read_frame(source, name, progress)
    return import_frame(frame, Path(name).name, user=user, origin=origin, progress=progress)


def import_rows(
    rows: Iterable[tuple[int, dict]],
    name: str,
    *,
    user=None,
    origin: str = "",
    progress: Progress | None = None,
) -> ImportResult:
    """Import rows as :func:`read_rows` yields them; see :func:`import_frame`."""
    return import_frame(rows_frame(rows, progress), name, user=user, origin=origin, progress=progress)


def import_frame(frame, name: str, *, user=None, origin: str = "", progress: Progress | None = None):
    """Check every row, then write them in one transaction (held only for the write itself).

    ``origin`` is added to each change record's source (the command line names its system user).
    ``progress(n)`` is called as rows are checked (n=0) and written (n rows at a time): a job
    runner or a progress bar can follow it.
    """
    from .bulk import Concurrent, write_frame
    from .messages import locked_message
    from .writing import Locked

    checked = check_frame_of(frame, name, user=user)
    try:
        created, updated, unchanged = write_frame(
            checked, name=name, writer=user, origin=origin, progress=progress
        )
    except Locked as exc:
        raise ImportRejected([RowError(name, 0, "period", locked_message(exc.approval))]) from None
    except Concurrent:
        raise ImportRejected(
            [
                RowError(
                    name, 0, "", "some of these values were changed by someone else meanwhile: import again"
                )
            ]
        ) from None
    return ImportResult(name, checked.height, created, updated, unchanged)


# -- export ---------------------------------------------------------------------------------
def format_value(value) -> str:
    """The exact value in the machine layout (5800, 4600.625, 0.1): never scientific notation."""
    return format_plain(value)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet would run as a formula (=, +, -, @ first) is quoted with '."""
    return "'" + text if text and text.startswith(_FORMULA_STARTS) else text


def export_rows(queryset=None) -> Iterator[dict]:
    qs = (queryset if queryset is not None else Observation.objects.all()).select_related(None)
    qs = qs.order_by("indicator__code", "area__code", "period", "measure", "status").values_list(
        "area__code", "indicator__code", "period", "measure", "value", "unit", "status", "qualifier"
    )
    for area, indicator, period, measure, value, unit, status, qualifier in qs.iterator(chunk_size=5000):
        yield {
            "area": area,
            "indicator": indicator,
            "period": period,
            "measure": measure,
            "value": format_value(value),
            "unit": unit,
            "status": status,
            "qualifier": qualifier,
        }


def _cell_number(text: str):
    number = Decimal(text)
    return int(number) if number == number.to_integral() else float(number)


def write_export(rows: Iterable[dict], fmt: str, out: io.IOBase) -> int:
    """Write rows to a binary stream in ``fmt``; return the number of rows."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    n = 0
    if fmt == "csv":
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        writer = csv.DictWriter(text, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row[c] if c == "value" else neutralise(row[c]) for c in COLUMNS})
            n += 1
        text.detach()
    elif fmt == "json":
        items = []
        for row in rows:
            # A JSON number of at most 15 significant digits reads back exactly (shortest repr).
            number = Decimal(row["value"])
            items.append({**row, "value": int(number) if number == number.to_integral() else float(number)})
        n = len(items)
        out.write(json.dumps({"observations": items}, ensure_ascii=False, indent=1).encode("utf-8"))
    else:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("observations")
        ws.append(list(COLUMNS))
        for row in rows:
            ws.append([neutralise(row[c]) if c != "value" else _cell_number(row["value"]) for c in COLUMNS])
            n += 1
        wb.save(out)
    return n
