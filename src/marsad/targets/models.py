"""Planned values: area x indicator x year, set by a resolution, with quarterly scenarios.

A target is the one home of a planned value. The ``plan`` observation of the same area,
indicator, year and measure is derived from it (``targets.planning`` writes it through the
observations' write path) and a plan value entered as data sets the target: the two never hold
two numbers. A retired target stays, with its history, but no longer counts: ``Target.objects``
holds the targets in force, ``Target.all_objects`` the retired ones too.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marsad.accounts.scopes import ScopedQuerySet
from marsad.audit.changes import Audited
from marsad.core.analytics.targets import reaches


class InForce(models.Manager.from_queryset(ScopedQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(retired_on__isnull=True)


class Target(Audited):
    AUDITED_FIELDS = (
        "value",
        "qualifier",
        "unit",
        "document",
        "article",
        "note",
        "retired_on",
        "retired_reason",
        "revision",
    )

    class Measure(models.TextChoices):
        LEVEL = "level", _("level")
        YOY_PCT = "yoy_pct", _("growth on the previous year (%)")
        SHARE_PCT = "share_pct", _("share (%)")

    class Basis(models.TextChoices):
        # A province's budget has two estimates for the year: the one the central government
        # assigned and the one its People's Council approved (usually higher). The area's own
        # plan -- for a budget, the People's Council's estimate -- is the target whose number the
        # plan observation carries; the central estimate is a second target beside it.
        PLAN = "plan", _("the area's plan (for a budget: the People's Council's estimate)")
        CENTRAL = "central", _("the estimate assigned by the central government")

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
    basis = models.CharField(
        max_length=10,
        choices=Basis.choices,
        default=Basis.PLAN,
        help_text=_("whose plan or estimate it is: the area's own, or the central government's"),
    )
    document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("the resolution or decision that set it"),
    )
    article = models.CharField(
        max_length=200, blank=True, help_text=_("where in the document, e.g. Article 2, item 1")
    )
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    revision = models.PositiveIntegerField(default=1)
    retired_on = models.DateField(null=True, blank=True)
    retired_reason = models.TextField(blank=True)
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InForce()
    all_objects = ScopedQuerySet.as_manager()
    SCOPE_AREA = "area"

    class Meta:
        base_manager_name = "all_objects"
        constraints = [
            models.UniqueConstraint(
                fields=["area", "indicator", "year", "measure", "basis"],
                condition=Q(retired_on__isnull=True),
                name="target_key",
            )
        ]
        ordering = ["year", "indicator_id"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return self.label("en")

    @property
    def is_plan(self) -> bool:
        """The area's own plan: the target the plan observation carries."""
        return self.basis == self.Basis.PLAN

    @property
    def is_retired(self) -> bool:
        return self.retired_on is not None

    def label(self, lang: str | None = None, eastern_digits: bool = False) -> str:
        """'GRDP — growth at least 10 % — 2025, Bac Ninh' in the reader's language."""
        from .labels import target_label

        return target_label(self, (lang or get_language() or "en")[:2], eastern_digits)

    def is_met_by(self, value: float) -> bool:
        """Whether an achieved value reaches this target (the analytics core's one rule)."""
        return reaches(value, self.value, self.qualifier)


class Scenario(Audited):
    """A target broken down over the year: "the scenario for Q2 is 7.59 %" (same measure and
    direction as its annual target; a quarter or a span from January, e.g. 2025S1, 2025-9M)."""

    AUDITED_FIELDS = ("value", "note")

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="scenarios")
    period = models.CharField(max_length=10)
    value = models.FloatField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["target", "period"], name="scenario_key")]
        ordering = ["target_id", "period"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")

    def __str__(self) -> str:
        return f"{self.period}: {self.value:g}"
