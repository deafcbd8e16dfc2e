"""Narrative reports and legal documents, and what the reader proposed from them.

A read document's facts wait in a review queue (``Proposal``) until a person accepts, corrects
or rejects each; the decision is kept either way.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marsad.accounts.scopes import CHANGE, VIEW, ScopedQuerySet


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

    objects = ScopedQuerySet.as_manager()
    SCOPE_AREA = "area"

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    # Scope: a document belongs to its area; one whose area the reader could not tell belongs to
    # whoever added it until an area is set (and to administrators).
    @classmethod
    def scope_filter(cls, scope, action) -> models.Q:
        return scope.q("area", action) | models.Q(area__isnull=True, created_by_id=scope.user_id)

    def scope_allows(self, scope, action) -> bool:
        if self.area_id is None:
            return self.created_by_id is not None and self.created_by_id == scope.user_id
        return scope.allows(self.area_id, action)

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

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["document_id", "span_start", "id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    # Scope: reading a proposal is reading its document; deciding on it writes data for the
    # area it names (its own area code, else the document's), so it needs capture rights there.
    # An item whose area nobody knows yet is decided by whoever may change the document.
    def scope_area(self):
        from marsad.areas.models import Area

        if self.area_code:
            return Area.objects.filter(code=self.area_code.strip().upper()).first()
        return self.document.area if self.document.area_id else None

    @classmethod
    def scope_filter(cls, scope, action) -> models.Q:
        readable = models.Q(document__in=Document.objects.filter(Document.scope_filter(scope, VIEW)))
        if action == VIEW:
            return readable
        capturable = scope.areas(CHANGE)
        return readable & (
            models.Q(area_code__in=capturable.values("code"))
            | models.Q(area_code="", document__area__in=capturable)
            | models.Q(area_code="", document__area__isnull=True, document__created_by_id=scope.user_id)
        )

    def scope_allows(self, scope, action) -> bool:
        if not self.document.scope_allows(scope, VIEW):
            return False
        if action == VIEW:
            return True
        area = self.scope_area()
        if area is None:
            return self.document.scope_allows(scope, CHANGE)
        return scope.allows(area, CHANGE)

    def __str__(self) -> str:
        if self.kind in (self.Kind.FACT, self.Kind.TARGET):
            return f"{self.indicator} {self.period} {self.measure} {self.value:g}"
        return self.text[:80]
