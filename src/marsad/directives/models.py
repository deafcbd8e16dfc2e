"""Units that act and the directives they receive (extended by the steering issue)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A unit that acts: a department, a People's Committee, a Party Committee."""

    class Kind(models.TextChoices):
        PARTY_COMMITTEE = "party_committee", _("Party Committee")
        PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
        DEPARTMENT = "department", _("department or agency")
        GOVERNMENT = "government", _("Government")

    code = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="organisations")
    name_ar = models.CharField(max_length=200)
    name_vi = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name()

    def name(self, lang: str | None = None) -> str:
        lang = (lang or get_language() or "en")[:2]
        return {"ar": self.name_ar, "vi": self.name_vi}.get(lang) or self.name_en
