"""Planned values: area x indicator x year, set by a document."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marsad.accounts.scopes import ScopedQuerySet
from marsad.audit.changes import Audited
from marsad.core.analytics.targets import reaches


class Target(Audited):
    AUDITED_FIELDS = ("value", "qualifier", "unit", "document")

    class Measure(models.TextChoices):
        LEVEL = "level", _("level")
        YOY_PCT = "yoy_pct", _("growth on the previous year (%)")
        SHARE_PCT = "share_pct", _("share (%)")

    class Direction(models.TextChoices):
        AT_LEAST = "at_least", _("at least")
        LESS_THAN = "less_than", _("less than")
        EXACT = "exact", _("exactly")
        ABOUT = "about", _("about")

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="targets")
    indicator = models.ForeignKey("indicators.Indicator", on_delete=models.PROTECT, related_name="targets")
    year = models.PositiveSmallIntegerField()
    measure = models.CharField(max_length=12, choices=Measure.choices)
    value = models.FloatField()
    unit = models.CharField(max_length=40, blank=True)
    qualifier = models.CharField(max_length=12, choices=Direction.choices, default=Direction.AT_LEAST)
    document = models.ForeignKey("documents.Document", null=True, blank=True, on_delete=models.SET_NULL)
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)

    objects = ScopedQuerySet.as_manager()
    SCOPE_AREA = "area"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "indicator", "year", "measure"], name="target_key")
        ]
        ordering = ["year", "indicator_id"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return (
            f"{self.area_id}:{self.indicator_id} {self.year} {self.measure} {self.qualifier} {self.value:g}"
        )

    def is_met_by(self, value: float) -> bool:
        """Whether an achieved value reaches this target (the analytics core's one rule)."""
        return reaches(value, self.value, self.qualifier)
