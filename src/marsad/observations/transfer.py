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
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from marsad.areas.models import Area
from marsad.audit.changes import record_changes, snapshot
from marsad.audit.models import ChangeRecord
from marsad.core import measures, periods
from marsad.db import insert_rows
from marsad.indicators.models import Indicator

from .models import Observation

COLUMNS = ("area", "indicator", "period", "measure", "value", "unit", "status", "qualifier")
REQUIRED = ("area", "indicator", "period", "value")
FORMATS = ("csv", "xlsx", "json")
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")

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
    raw = Path(source).read_bytes() if isinstance(source, (str, Path)) else source.read()
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            [RowError(name, 0, "", f"the file is not UTF-8 text ({exc.reason} at byte {exc.start})")]
        ) from None
    if fmt == "json":
        yield from _read_json(text, name)
    else:
        yield from _read_csv(text, name)


def _check_header(header: Iterable[str], name: str) -> list[str]:
    header = [(h or "").strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportRejected([RowError(name, 1, c, "required column is missing") for c in missing])
    unknown = [h for h in header if h and h not in COLUMNS]
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


# -- checking rows --------------------------------------------------------------------------
def parse_value(text: str) -> float:
    """A plain number; Eastern Arabic digits are read as digits. Raises ValueError."""
    cleaned = text.strip().translate(_EASTERN_DIGITS).replace("\u066c", "")
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


@dataclass
class _Row:
    row: int
    area_id: int
    indicator_id: int
    period: str
    measure: str
    status: str
    value: float
    unit: str
    qualifier: str

    @property
    def key(self) -> tuple:
        return (self.area_id, self.indicator_id, self.period, self.measure, self.status)


def check_rows(rows: Iterable[tuple[int, dict]], name: str, progress: Progress | None = None) -> list[_Row]:
    """Every row checked; raise ImportRejected listing all errors if any."""
    areas = dict(Area.objects.values_list("code", "id"))
    areas_ci = {code.upper(): pk for code, pk in areas.items()}
    indicators = {code: (pk, unit) for code, pk, unit in Indicator.objects.values_list("code", "id", "unit")}
    errors: list[RowError] = []
    good: list[_Row] = []
    seen: dict[tuple, int] = {}
    for n, (row_no, raw) in enumerate(rows, start=1):
        if progress and n % 1000 == 0:
            progress(1000)
        get = lambda c, raw=raw: (raw.get(c) or "").strip()  # noqa: E731
        row_errors = []
        area_id = areas.get(get("area")) or areas_ci.get(get("area").upper())
        if not get("area"):
            row_errors.append(RowError(name, row_no, "area", "empty: give an area code such as VN-24"))
        elif area_id is None:
            row_errors.append(RowError(name, row_no, "area", f"unknown area code {get('area')!r}"))
        ind = indicators.get(get("indicator"))
        if ind is None:
            row_errors.append(
                RowError(name, row_no, "indicator", f"unknown indicator code {get('indicator')!r}")
            )
        try:
            period = periods.parse(get("period")).code
        except periods.PeriodError as exc:
            period = ""
            row_errors.append(RowError(name, row_no, "period", str(exc)))
        measure = get("measure") or "level"
        if measure not in measures.MEASURES:
            row_errors.append(
                RowError(name, row_no, "measure", f"{measure!r} is not one of {', '.join(measures.MEASURES)}")
            )
        status = get("status") or "official"
        if status not in measures.STATUSES:
            row_errors.append(
                RowError(name, row_no, "status", f"{status!r} is not one of {', '.join(measures.STATUSES)}")
            )
        qualifier = get("qualifier") or "exact"
        if qualifier not in measures.QUALIFIERS:
            row_errors.append(
                RowError(
                    name, row_no, "qualifier", f"{qualifier!r} is not one of {', '.join(measures.QUALIFIERS)}"
                )
            )
        try:
            value = parse_value(get("value"))
        except ValueError:
            value = math.nan
            row_errors.append(RowError(name, row_no, "value", f"{get('value')!r} is not a number"))
        if row_errors:
            errors.extend(row_errors)
            continue
        unit = get("unit") or (ind[1] if measure == "level" else measures.MEASURE_UNITS[measure])
        row = _Row(row_no, area_id, ind[0], period, measure, status, value, unit, qualifier)
        if row.key in seen:
            errors.append(
                RowError(
                    name,
                    row_no,
                    "",
                    f"the same observation as row {seen[row.key]} (area, indicator, period, measure, status)",
                )
            )
            continue
        seen[row.key] = row_no
        good.append(row)
    if errors:
        raise ImportRejected(errors)
    return good


# -- writing --------------------------------------------------------------------------------
def import_file(
    source, name: str | None = None, *, user=None, progress: Progress | None = None
) -> ImportResult:
    """Import one file; all-or-nothing. ``source`` is a path or a binary file object."""
    name = name or str(source)
    return import_rows(read_rows(source, name), Path(name).name, user=user, progress=progress)


def import_rows(
    rows: Iterable[tuple[int, dict]], name: str, *, user=None, progress: Progress | None = None
) -> ImportResult:
    checked = check_rows(rows, name, progress)
    with transaction.atomic():
        result = _write(checked, name, user)
    return result


def _write(rows: list[_Row], name: str, user) -> ImportResult:
    fields = Observation.AUDITED_FIELDS
    existing: dict[tuple, Observation] = {}
    by_indicator: dict[int, set[str]] = {}
    for r in rows:
        by_indicator.setdefault(r.indicator_id, set()).add(r.period)
    for indicator_id, period_set in by_indicator.items():
        qs = Observation.objects.filter(indicator_id=indicator_id, period__in=period_set)
        for obs in qs.iterator(chunk_size=5000):
            existing[(obs.area_id, obs.indicator_id, obs.period, obs.measure, obs.status)] = obs
    now = timezone.now()
    created, updated, changes = [], [], []
    for r in rows:
        obs = existing.get(r.key)
        if obs is None:
            created.append(r)
        elif (obs.value, obs.unit, obs.qualifier) != (r.value, r.unit, r.qualifier):
            before = snapshot(obs, fields)
            obs.value, obs.unit, obs.qualifier = r.value, r.unit, r.qualifier
            obs.source, obs.import_file, obs.import_row = Observation.Source.IMPORT, name, r.row
            obs.document, obs.span_start, obs.span_end = None, None, None
            obs.updated_at = now
            updated.append(obs)
            changes.append((obs, ChangeRecord.Action.UPDATE, before, snapshot(obs, fields)))
    user_id = getattr(user, "pk", None)
    insert_rows(
        Observation,
        (
            {
                "area_id": r.area_id,
                "indicator_id": r.indicator_id,
                "period": r.period,
                "measure": r.measure,
                "status": r.status,
                "value": r.value,
                "unit": r.unit,
                "qualifier": r.qualifier,
                "source": Observation.Source.IMPORT,
                "entered_by_id": user_id,
                "import_file": name,
                "import_row": r.row,
                "document_id": None,
                "span_start": None,
                "span_end": None,
                "created_at": now,
                "updated_at": now,
            }
            for r in created
        ),
    )
    Observation.objects.bulk_update(
        updated,
        [
            "value",
            "unit",
            "qualifier",
            "source",
            "import_file",
            "import_row",
            "document",
            "span_start",
            "span_end",
            "updated_at",
        ],
        batch_size=2000,
    )
    if created:
        # Read the new rows back for their ids: the change log points at them.
        wanted = {r.key for r in created}
        for indicator_id, period_set in by_indicator.items():
            qs = Observation.objects.filter(
                indicator_id=indicator_id, period__in=period_set, import_file=name
            )
            for obs in qs.iterator(chunk_size=5000):
                if (obs.area_id, obs.indicator_id, obs.period, obs.measure, obs.status) in wanted:
                    changes.append((obs, ChangeRecord.Action.CREATE, None, snapshot(obs, fields)))
    record_changes(changes, user=user, source=f"import {name}")
    # A plan value is a target: set the targets these plan rows stand for (one concept).
    plans = [obs for obs, _action, _before, _after in changes if obs.status == "plan"]
    if plans:
        from marsad.targets.planning import adopt_plans

        adopt_plans(plans, user=user, source=f"import {name}")
    return ImportResult(name, len(rows), len(created), len(updated), len(rows) - len(created) - len(updated))


# -- export ---------------------------------------------------------------------------------
def format_value(value: float) -> str:
    """The shortest text that reads back as the same float (5800.0 -> 5800)."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


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
            writer.writerow(row)
            n += 1
        text.detach()
    elif fmt == "json":
        items = []
        for row in rows:
            items.append(
                {
                    **row,
                    "value": float(row["value"])
                    if "." in row["value"] or "e" in row["value"]
                    else int(row["value"]),
                }
            )
        n = len(items)
        out.write(json.dumps({"observations": items}, ensure_ascii=False, indent=1).encode("utf-8"))
    else:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("observations")
        ws.append(list(COLUMNS))
        for row in rows:
            ws.append([row[c] if c != "value" else float(row["value"]) for c in COLUMNS])
            n += 1
        wb.save(out)
    return n
