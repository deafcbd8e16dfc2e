"""Writing change records: for a single save and for bulk imports alike."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from marsad.core.numbers import format_plain
from marsad.db import insert_rows

from .models import ChangeRecord


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict:
    """The audited fields of ``obj`` as JSON-ready values (foreign keys by their id)."""
    out = {}
    for name in fields:
        field = obj._meta.get_field(name)
        value = getattr(obj, field.attname)
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif isinstance(value, Decimal) or (isinstance(field, models.DecimalField) and value is not None):
            value = format_plain(field.to_python(value))  # exact, as text: JSON numbers are floats
        out[name] = value
    return out


def record_changes(
    rows: Iterable[tuple[models.Model, str, dict | None, dict | None]], *, user=None, source=""
) -> int:
    """Write one ChangeRecord per (object, action, before, after); return how many."""
    now = timezone.now()
    user_id = getattr(user, "pk", None)
    ct_cache: dict[type, int] = {}
    records = []
    for obj, action, before, after in rows:
        ct = ct_cache.get(type(obj))
        if ct is None:
            ct = ct_cache[type(obj)] = ContentType.objects.get_for_model(type(obj)).pk
        records.append(
            {
                "content_type_id": ct,
                "object_id": obj.pk,
                "object_repr": str(obj)[:300],
                "action": action,
                "before": before,
                "after": after,
                "user_id": user_id,
                "source": (getattr(obj, "_change_source", "") or source)[:300],
                "at": now,
            }
        )
    insert_rows(ChangeRecord, records)
    return len(records)


class Audited(models.Model):
    """Mixin: ``save()`` and ``delete()`` leave a ChangeRecord.

    Set ``AUDITED_FIELDS`` on the model. Pass ``changed_by=`` and ``source=`` to ``save``.
    """

    AUDITED_FIELDS: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, changed_by=None, source: str = "", **kwargs):
        before = None
        if self.pk is not None:
            old = type(self)._base_manager.filter(pk=self.pk).first()
            before = snapshot(old, self.AUDITED_FIELDS) if old else None
        super().save(*args, **kwargs)
        after = snapshot(self, self.AUDITED_FIELDS)
        if before != after:
            action = ChangeRecord.Action.UPDATE if before else ChangeRecord.Action.CREATE
            record_changes([(self, action, before, after)], user=changed_by, source=source)

    def delete(self, *args, changed_by=None, source: str = "", **kwargs):
        before = snapshot(self, self.AUDITED_FIELDS)
        pk = self.pk
        result = super().delete(*args, **kwargs)
        self.pk = pk
        record_changes([(self, ChangeRecord.Action.DELETE, before, None)], user=changed_by, source=source)
        self.pk = None
        return result

    def history(self):
        ct = ContentType.objects.get_for_model(type(self))
        return ChangeRecord.objects.filter(content_type=ct, object_id=self.pk)
