"""Reading history: the one place that reads both shapes of change record.

A single write leaves a :class:`ChangeRecord` per row; a file import leaves one ChangeRecord for
the file, an :class:`ImportedRow` per updated value and an :class:`ImportedRun` per run of
created ones. Every page, the API, the admin and the command line read a row's history here, as
ChangeRecords (an imported value is shown as the record it stands for, built from its import's
record; it is never saved), newest first.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from decimal import Decimal
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import models

from marsad.core.numbers import format_plain

from .models import ChangeRecord, ImportedRow, ImportedRun


def history_of(obj: models.Model) -> list[ChangeRecord]:
    """Every change of ``obj`` (also once deleted: pass an unsaved instance with its pk)."""
    return changes_of(type(obj), [obj.pk], live={} if obj._state.adding else {obj.pk: obj})


def changes_of(
    model: type[models.Model],
    ids: Iterable[int] | models.QuerySet | None = None,
    *,
    limit: int | None = None,
    live: dict | None = None,
) -> list[ChangeRecord]:
    """The changes of ``model``'s rows ``ids`` (a list or a values("pk") queryset; None: all of
    them), newest first, at most ``limit``. ``live`` maps ids to the rows as they are now
    (read here if not given), which name an imported row and its status."""
    ct = ContentType.objects.get_for_model(model)
    records = ChangeRecord.objects.filter(content_type=ct).exclude(action=ChangeRecord.Action.IMPORT)
    rows = ImportedRow.objects.filter(batch__content_type=ct)
    if ids is not None:
        if isinstance(ids, models.QuerySet):
            ids = [r["pk"] for r in ids]
        ids = sorted(set(ids))
        records = records.filter(object_id__in=ids)
        rows = rows.filter(object_id__in=ids)
    records = records.select_related("user", "content_type").order_by("-at", "-id")
    rows = rows.select_related("batch__user", "batch__content_type").order_by("-batch__at", "-batch_id")
    if limit is not None:
        records, rows = records[:limit], rows[:limit]
    rows = list(rows)
    created = _created(ct, ids, limit)
    if live is None:  # the rows as they are now name the imported ones (status, key)
        live = model._base_manager.in_bulk({r.object_id for r in rows} | {i for _, i in created})
    merged = [
        *records,
        *(as_record(r, live.get(r.object_id)) for r in rows),
        *(created_record(run, i, live.get(i)) for run, i in created),
    ]
    merged.sort(key=lambda c: (c.at, c.pk), reverse=True)
    merged = merged[:limit] if limit is not None else merged
    _fill_created(merged, live)
    return merged


def _created(ct: ContentType, ids: list[int] | None, limit: int | None) -> list[tuple[ImportedRun, int]]:
    """(run, id) of the values of ``ids`` (None: all) that an import created, newest first, at
    most ``limit``."""
    runs = ImportedRun.objects.filter(batch__content_type=ct)
    if ids is not None:
        if not ids:
            return []
        runs = runs.filter(first_id__lte=ids[-1], last_id__gte=ids[0])
    runs = runs.select_related("batch__user", "batch__content_type").order_by("-batch__at", "-batch_id")
    out: list[tuple[ImportedRun, int]] = []
    for run in runs.iterator():
        if ids is None:
            span = range(run.last_id, run.first_id - 1, -1)
        else:  # the wanted ids within the run (sorted: no walk over the run's every id)
            span = reversed(ids[bisect_left(ids, run.first_id) : bisect_right(ids, run.last_id)])
        out.extend(islice(((run, i) for i in span), None if limit is None else limit - len(out)))
        if limit is not None and len(out) >= limit:
            break
    return out


def _fill_created(history: list[ChangeRecord], live: dict) -> None:
    """Give each created value of ``history`` (newest first) the state it was created in: the
    "before" of its next change or, while it has none, the value as it is now."""
    pending: dict[int, ChangeRecord] = {}
    for record in reversed(history):
        first = pending.pop(record.object_id, None)
        if first is not None and record.before:  # the key's status too, once deleted
            first.after.update(
                {k: record.before[k] for k in (*_CREATED_STATE, "status") if k in record.before}
            )
        if getattr(record, "_created_by_run", False):
            pending[record.object_id] = record
    for object_id, first in pending.items():
        obj = live.get(object_id)
        if obj is not None:
            first.after.update({k: _plain(getattr(obj, k)) for k in _CREATED_STATE})


_CREATED_STATE = ("value", "unit", "qualifier")


def _plain(value):
    return format_plain(value) if isinstance(value, Decimal) else value


def created_record(run: ImportedRun, object_id: int, obj: models.Model | None = None) -> ChangeRecord:
    """The change record of a value an import created (its created state filled in by
    :func:`_fill_created`)."""
    batch = run.batch
    status = {"status": obj.status} if obj is not None and hasattr(obj, "status") else {}
    after = {
        "value": None,
        "unit": None,
        "qualifier": None,
        **status,
        "source": "import",
        "document": None,
        "span_start": None,
        "span_end": None,
        "revision": 1,
    }
    record = ChangeRecord(
        id=batch.pk,
        content_type=batch.content_type,
        object_id=object_id,
        object_repr=str(obj)[:300] if obj is not None else batch.object_repr,
        action=ChangeRecord.Action.CREATE,
        before=None,
        after=after,
        user=batch.user,
        source=f"{batch.source} row {run.row_of(object_id)}"[:300],
        at=batch.at,
    )
    record._created_by_run = True
    record.origin = _origin(batch)
    return record


def as_record(row: ImportedRow, obj: models.Model | None = None) -> ChangeRecord:
    """The change record an imported row stands for (same who, when, old and new)."""
    batch = row.batch
    updated = row.old_revision is not None
    status = {"status": obj.status} if obj is not None and hasattr(obj, "status") else {}
    after = {
        "value": format_plain(row.new_value),
        "unit": row.new_unit,
        "qualifier": row.new_qualifier,
        **status,
        "source": "import",
        "document": None,
        "span_start": None,
        "span_end": None,
        "revision": row.old_revision + 1 if updated else 1,
    }
    before = None
    if updated:
        before = {
            "value": format_plain(row.old_value),
            "unit": row.old_unit,
            "qualifier": row.old_qualifier,
            **status,
            "source": row.old_source,
            "document": row.old_document,
            "span_start": row.old_span_start,
            "span_end": row.old_span_end,
            "revision": row.old_revision,
        }
    record = ChangeRecord(
        id=batch.pk,
        content_type=batch.content_type,
        object_id=row.object_id,
        object_repr=str(obj)[:300] if obj is not None else batch.object_repr,
        action=ChangeRecord.Action.UPDATE if updated else ChangeRecord.Action.CREATE,
        before=before,
        after=after,
        user=batch.user,
        source=f"{batch.source} row {row.row}"[:300],
        at=batch.at,
    )
    record.origin = _origin(batch)
    return record


def _origin(batch: ChangeRecord) -> str:
    """Who wrote an import where no Marsad user did (the command line's system user)."""
    return (batch.after or {}).get("by", "")


def writer_of(record: ChangeRecord) -> str:
    """Who made a change: the Marsad user, else where the import came from, else ""."""
    return str(record.user) if record.user else getattr(record, "origin", "")
