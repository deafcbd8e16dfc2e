"""Change log: one record per create, update or delete of an audited row.

NetBox-style: one mechanism for every model that keeps history (observations, targets,
directives). A file import of observations writes one record for the whole file (action
``import``: who, when, which file, how many rows), one compact :class:`ImportedRow` per updated
value (old and new value, revision, file row) and one :class:`ImportedRun` per run of created
values -- 100,000 JSON records and their indexes took longer than the values themselves.
:func:`marsad.audit.history.history_of` reads every shape as one history.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeRecord(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("updated")
        DELETE = "delete", _("deleted")
        IMPORT = "import", _("imported")

    # One index, (content_type, object_id), serves every lookup of a row's history and the
    # foreign key; single-column indexes on each would only slow bulk imports down.
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, db_index=False)
    # None for an import's record: it names the file; its rows are ImportedRows.
    object_id = models.BigIntegerField(null=True, blank=True)
    object_repr = models.CharField(max_length=300)
    action = models.CharField(max_length=10, choices=Action.choices)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    source = models.CharField(
        max_length=300, blank=True, help_text=_("import file and row, document span, or form")
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    def changed_fields(self) -> dict[str, tuple[object, object]]:
        """Field -> (old, new) for the fields that differ."""
        before, after = self.before or {}, self.after or {}
        keys = sorted(set(before) | set(after))
        return {k: (before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)}


class ImportedRow(models.Model):
    """One value an import updated (or, before :class:`ImportedRun`, created): the compact
    change record of a bulk write.

    Its import's :class:`ChangeRecord` says who, when and from which file; this row says which
    observation, from which row, and what it was and became. The new state is the import's
    (source ``import``, no document); what it replaced is kept whole, so nothing a JSON record
    held is lost. Written by COPY; its key (object, import) is its only index.
    """

    pk = models.CompositePrimaryKey("object_id", "batch")
    object_id = models.BigIntegerField()
    # No index of its own: history finds rows by their object (the key); one index more cost a
    # third of these rows' COPY, and nothing lists one import's rows yet.
    batch = models.ForeignKey(ChangeRecord, on_delete=models.CASCADE, related_name="rows", db_index=False)
    row = models.PositiveIntegerField()
    # None: created by this import (revision 1); else the revision it replaced.
    old_revision = models.PositiveIntegerField(null=True)
    old_value = models.DecimalField(max_digits=28, decimal_places=10, null=True)
    new_value = models.DecimalField(max_digits=28, decimal_places=10)
    old_unit = models.CharField(max_length=40, null=True)
    new_unit = models.CharField(max_length=40)
    old_qualifier = models.CharField(max_length=12, null=True)
    new_qualifier = models.CharField(max_length=12)
    old_source = models.CharField(max_length=10, null=True)
    old_document = models.BigIntegerField(null=True)
    old_span_start = models.PositiveIntegerField(null=True)
    old_span_end = models.PositiveIntegerField(null=True)

    class Meta:
        verbose_name = _("imported value")
        verbose_name_plural = _("imported values")


class ImportedRun(models.Model):
    """Values an import created, one after another: observations ``first_id`` .. ``last_id``
    from the file's rows ``first_row`` onwards (the n-th id from row ``first_row + n``).

    A created value has no old state, and its new one is the observation's first revision,
    which the value's next change keeps as its "before" (or, while there is none, the
    observation itself): so an import's created values need no row each -- one per run of
    consecutive ids and rows, usually one per file, where a row each cost as much as the
    values' own heap.
    """

    batch = models.ForeignKey(ChangeRecord, on_delete=models.CASCADE, related_name="runs")
    first_id = models.BigIntegerField()
    last_id = models.BigIntegerField()
    first_row = models.PositiveIntegerField()

    class Meta:
        # A value's creation: the run whose id range holds it (runs never overlap).
        indexes = [models.Index(fields=["first_id", "last_id"], name="audit_importedrun_ids")]
        verbose_name = _("run of imported values")
        verbose_name_plural = _("runs of imported values")

    def row_of(self, object_id: int) -> int:
        """The file row that created ``object_id`` (one of this run's)."""
        return self.first_row + object_id - self.first_id
