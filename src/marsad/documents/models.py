"""Narrative reports and legal documents, and what the reader proposed from them.

A read document's facts wait in a review queue (``Proposal``) until a person accepts, corrects
or rejects each; the decision is kept either way.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    class Kind(models.TextChoices):
        REPORT = "report", _("narrative report")
        RESOLUTION = "resolution", _("resolution")
        DECISION = "decision", _("decision")
        CONCLUSION = "conclusion", _("conclusion notice")
        PLAN = "plan", _("plan")

    class Language(models.TextChoices):
        AR = "ar", "العربية"
        VI = "vi", "Tiếng Việt"
        EN = "en", "English"

    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.REPORT)
    number = models.CharField(max_length=60, blank=True, help_text=_("e.g. 01/NQ-CP"))
    issuer = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=2, choices=Language.choices)
    date = models.DateField(null=True, blank=True)
    area = models.ForeignKey("areas.Area", null=True, blank=True, on_delete=models.SET_NULL)
    period = models.CharField(max_length=10, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    text = models.TextField()
    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def save(self, *args, **kwargs):
        self.sha256 = self.digest(self.text)
        super().save(*args, **kwargs)


class Proposal(models.Model):
    """One item the reader found in a document: a fact, a target or a qualitative item."""

    class Kind(models.TextChoices):
        FACT = "fact", _("figure")
        TARGET = "target", _("target")
        DIRECTIVE = "directive", _("directive")
        DIFFICULTY = "difficulty", _("difficulty")
        RECOMMENDATION = "recommendation", _("recommendation")

    class Decision(models.TextChoices):
        PENDING = "pending", _("to review")
        ACCEPTED = "accepted", _("accepted")
        CORRECTED = "corrected", _("accepted with corrections")
        REJECTED = "rejected", _("rejected")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # Figures and targets.
    indicator = models.CharField(max_length=64, blank=True)
    area_code = models.CharField(max_length=24, blank=True)
    period = models.CharField(max_length=10, blank=True)
    measure = models.CharField(max_length=20, blank=True)
    value = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    qualifier = models.CharField(max_length=12, blank=True)
    # Qualitative items: the text as read, and a reviewer's translations into the other languages
    # ({"vi": ..., "en": ...}), carried to the directive, difficulty or recommendation made from it.
    text = models.TextField(blank=True)
    translations = models.JSONField(default=dict, blank=True)
    # Where it was read.
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    evidence = models.TextField()
    decision = models.CharField(
        max_length=10, choices=Decision.choices, default=Decision.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)
    observation = models.ForeignKey(
        "observations.Observation", null=True, blank=True, on_delete=models.SET_NULL
    )
    target = models.ForeignKey("targets.Target", null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["document_id", "span_start", "id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self) -> str:
        if self.kind in (self.Kind.FACT, self.Kind.TARGET):
            return f"{self.indicator} {self.period} {self.measure} {self.value:g}"
        return self.text[:80]
