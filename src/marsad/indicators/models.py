"""What is measured. Loaded from the pure catalogue (marsad.core.catalogue)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marsad.audit.changes import Audited


class Indicator(Audited):
    """Audited: an edit (the admin's, ``load_indicators``'s) leaves a change record, which moves
    the data version the cached pages and figures carry in their keys, so a renamed indicator or
    a changed rule (aggregation, parent, unit, decimals) is seen on the next view."""

    class AreaAggregation(models.TextChoices):
        SUM = "sum", _("sum")
        AVERAGE = "average", _("average")
        NONE = "none", _("none")

    class TimeAggregation(models.TextChoices):
        FLOW = "flow", _("flow")
        STOCK = "stock", _("stock")
        RATE = "rate", _("rate")

    code = models.CharField(max_length=64, unique=True)
    name_ar = models.CharField(max_length=200)
    name_vi = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    unit = models.CharField(max_length=40)
    area_aggregation = models.CharField(max_length=10, choices=AreaAggregation.choices)
    time_aggregation = models.CharField(max_length=10, choices=TimeAggregation.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="parts")
    decimals = models.PositiveSmallIntegerField(default=1)
    headline = models.BooleanField(default=False)

    AUDITED_FIELDS = (
        "code",
        "name_ar",
        "name_vi",
        "name_en",
        "unit",
        "area_aggregation",
        "time_aggregation",
        "parent",
        "decimals",
        "headline",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name()

    def name(self, lang: str | None = None) -> str:
        lang = (lang or get_language() or "en")[:2]
        return {"ar": self.name_ar, "vi": self.name_vi}.get(lang) or self.name_en
