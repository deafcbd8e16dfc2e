"""One number: area x indicator x period x measure x status, with its provenance and history."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marsad.accounts.scopes import ScopedQuerySet
from marsad.audit.changes import Audited
from marsad.core import measures, periods
from marsad.core.numbers import format_plain


def _choices(values):
    """The fixed vocabulary's codes with their words (marsad.web.words), so that forms, the
    admin's lists and filters, and the change log show "growth on the same period last year
    (%)" for yoy_pct in the reader's language."""
    from marsad.web.words import WORDS

    return [(v, WORDS.get(v, v)) for v in values]


class PeriodQuerySet(models.QuerySet):
    """A queryset of rows keyed by a period code, with ``.in_periods(codes)``."""

    def in_periods(self, codes):
        """The rows of these period codes. The codes are given as a range too (the least to the
        greatest): an index on (..., period) is then read once between them for each key, where
        a list alone is one probe per code and key (54 per area for two years' periods)."""
        codes = list(codes)
        if not codes:
            return self.none()
        return self.filter(period__in=codes, period__gte=min(codes), period__lte=max(codes))


class ObservationQuerySet(PeriodQuerySet, ScopedQuerySet):
    pass


def validate_period(code: str) -> None:
    try:
        periods.parse(code)
    except periods.PeriodError:
        raise ValidationError(periods.error_message(code, get_language()), code="invalid_period") from None


# Exact decimal storage: up to 15 significant digits (what SQLite's REAL keeps exactly and what
# the value rules allow) and 10 decimals; PostgreSQL keeps numeric(28, 10).
VALUE_DIGITS, VALUE_DECIMALS = 28, 10


class Observation(Audited):
    AUDITED_FIELDS = (
        "value",
        "unit",
        "qualifier",
        "status",
        "source",
        "document",
        "span_start",
        "span_end",
        "revision",
    )

    class Source(models.TextChoices):
        ENTRY = "entry", _("data entry")
        IMPORT = "import", _("file import")
        DOCUMENT = "document", _("read from a document")

    # Indexes: each one is written by every insert, so none is redundant; none holds the value,
    # so an update of values writes no index entry (a HOT update on PostgreSQL, whose pages are
    # left half free for it: migration 0006). The key (area, indicator, ...) serves lookups by
    # area, the rollup index (indicator, period, ...) those by indicator.
    area = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, related_name="observations", db_index=False
    )
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.PROTECT, related_name="observations", db_index=False
    )
    period = models.CharField(max_length=10, validators=[validate_period])
    measure = models.CharField(max_length=20, choices=_choices(measures.MEASURES), default="level")
    status = models.CharField(max_length=12, choices=_choices(measures.STATUSES), default="official")
    value = models.DecimalField(max_digits=VALUE_DIGITS, decimal_places=VALUE_DECIMALS)
    unit = models.CharField(max_length=40, blank=True)
    qualifier = models.CharField(max_length=12, choices=_choices(measures.QUALIFIERS), default="exact")
    # Provenance: who typed it, which file row, or which span of which document.
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ENTRY)
    # No index: nothing reads values by their writer; deleting a user (rare) scans once.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, db_index=False
    )
    import_file = models.CharField(max_length=255, blank=True)
    import_row = models.PositiveIntegerField(null=True, blank=True)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, db_index=False
    )
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Each write adds one; a write names the revision it was based on (optimistic locking).
    revision = models.PositiveIntegerField(default=1)

    objects = ObservationQuerySet.as_manager()
    SCOPE_AREA = "area"

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area", "indicator", "period", "measure", "status"], name="observation_key"
            )
        ]
        indexes = [
            models.Index(fields=["period"], name="observation_period"),
            # Only the values read from a document (deleting a document finds them).
            models.Index(
                fields=["document"], condition=models.Q(document__isnull=False), name="observation_document"
            ),
            # Rollups read one indicator's levels over many areas and periods. The area comes
            # from the index (SQLite ignores INCLUDE); the value, which imports rewrite, does not.
            models.Index(
                fields=["indicator", "period", "measure", "status"],
                include=["area"],
                name="observation_rollup",
            ),
        ]
        ordering = ["indicator_id", "area_id", "period", "measure"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self) -> str:
        return (
            f"{self.area_id}:{self.indicator_id} {self.period} {self.measure}={format_plain(self.value)} "
            f"({self.status})"
        )

    @property
    def provenance(self) -> str:
        if self.source == self.Source.IMPORT:
            return f"{self.import_file} row {self.import_row}"
        if self.source == self.Source.DOCUMENT:
            return f"document {self.document_id} [{self.span_start}:{self.span_end}]"
        return f"entered by {self.entered_by}" if self.entered_by_id else "entered"

    def clean(self) -> None:
        validate_period(self.period)
        if self.span_start is not None and self.span_end is not None and self.span_end < self.span_start:
            raise ValidationError({"span_end": _("the span ends before it starts")})


class Approval(models.Model):
    """An approver's sign-off of one area x period (DHIS2's data approval).

    While an approval is in force (not unlocked) every value of that area and period is locked:
    the write path refuses changes, naming who approved and when. Unlocking keeps the record.
    """

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="approvals")
    period = models.CharField(max_length=10, validators=[validate_period])
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField()
    note = models.CharField(max_length=300, blank=True)
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unlocked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area", "period"],
                condition=models.Q(unlocked_at__isnull=True),
                name="one_open_approval",
            )
        ]
        ordering = ["-approved_at"]
        permissions = [("approve_period", "Can approve and unlock an area and period")]
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")

    def __str__(self) -> str:
        return f"{self.area_id} {self.period} approved {self.approved_at:%Y-%m-%d}"

    @property
    def in_force(self) -> bool:
        return self.unlocked_at is None
