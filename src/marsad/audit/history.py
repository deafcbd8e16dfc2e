"""Reading history: the one place that reads both shapes of change record.

A single write leaves a :class:`ChangeRecord` per row; a file import leaves one ChangeRecord for
the file and an :class:`ImportedRow` per value. Every page, the API, the admin and the command
line read a row's history here, as ChangeRecords (an imported row is shown as the record it
stands for, built from its import's record; it is never saved), newest first.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

from marsad.core.numbers import format_plain

from .models import ChangeRecord, ImportedRow


def history_of(obj: models.Model) -> list[ChangeRecord]:
    """Every change of ``obj`` (also once deleted: pass an unsaved instance with its pk)."""
    return changes_of(type(obj), [obj.pk], live={obj.pk: obj})


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
        records = records.filter(object_id__in=ids)
        rows = rows.filter(object_id__in=ids)
    records = records.select_related("user", "content_type").order_by("-at", "-id")
    rows = rows.select_related("batch__user", "batch__content_type").order_by("-batch__at", "-batch_id")
    if limit is not None:
        records, rows = records[:limit], rows[:limit]
    rows = list(rows)
    if live is None:  # the rows as they are now name the imported ones (status, key)
        live = model._base_manager.in_bulk({r.object_id for r in rows})
    merged = [*records, *(as_record(r, live.get(r.object_id)) for r in rows)]
    merged.sort(key=lambda c: (c.at, c.pk), reverse=True)
    return merged[:limit] if limit is not None else merged


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
    return ChangeRecord(
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
