"""What an area's reports carry besides the data: its document settings and the meeting's conclusions.

*ReportSettings* hold what Decree 30/2020/NĐ-CP puts around the text of an administrative report
(issuing body and the body above it, the symbol of the document number, the place name written
before the date, the signer, the authority they sign for, the distribution list), each in the
three report languages, entered by the area's planning office in the app. *Conclusion* is one of
the conclusions the chair of the review meeting drew, kept as written with a person's
translations, like directives and difficulties.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marsad.accounts.scopes import ScopedQuerySet
from marsad.audit.changes import Audited
from marsad.observations.models import validate_period


class ReportSettings(models.Model):
    """An area's letterhead and signature block, in Arabic, Vietnamese and English.

    Every field may stay empty: the report then writes what the area's own name gives (the
    People's Committee of the province, its name as the place) and leaves the signer's name for
    the person who signs, as a draft does.
    """

    PER_LANGUAGE = ("parent_body", "issuing_body", "place", "signer_authority", "signer_title", "recipients")

    area = models.OneToOneField("areas.Area", on_delete=models.CASCADE, related_name="report_settings")
    symbol = models.CharField(
        max_length=40,
        blank=True,
        default="BC-UBND",
        help_text=_("the document number's symbol after the number, e.g. BC-UBND"),
    )
    signer_name = models.CharField(max_length=120, blank=True, help_text=_("the person who signs"))
    signer_name_ar = models.CharField(max_length=120, blank=True, help_text=_("the signer's name in Arabic"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(auto_now=True)

    parent_body_ar = models.CharField(max_length=200, blank=True, verbose_name=_("body above the issuer"))
    parent_body_vi = models.CharField(max_length=200, blank=True, verbose_name=_("body above the issuer"))
    parent_body_en = models.CharField(max_length=200, blank=True, verbose_name=_("body above the issuer"))
    issuing_body_ar = models.CharField(max_length=200, blank=True, verbose_name=_("issuing body"))
    issuing_body_vi = models.CharField(max_length=200, blank=True, verbose_name=_("issuing body"))
    issuing_body_en = models.CharField(max_length=200, blank=True, verbose_name=_("issuing body"))
    place_ar = models.CharField(max_length=80, blank=True, verbose_name=_("place name"))
    place_vi = models.CharField(max_length=80, blank=True, verbose_name=_("place name"))
    place_en = models.CharField(max_length=80, blank=True, verbose_name=_("place name"))
    signer_authority_ar = models.CharField(max_length=200, blank=True, verbose_name=_("signs for"))
    signer_authority_vi = models.CharField(max_length=200, blank=True, verbose_name=_("signs for"))
    signer_authority_en = models.CharField(max_length=200, blank=True, verbose_name=_("signs for"))
    signer_title_ar = models.CharField(max_length=200, blank=True, verbose_name=_("signer's title"))
    signer_title_vi = models.CharField(max_length=200, blank=True, verbose_name=_("signer's title"))
    signer_title_en = models.CharField(max_length=200, blank=True, verbose_name=_("signer's title"))
    recipients_ar = models.TextField(blank=True, verbose_name=_("distribution list, one recipient a line"))
    recipients_vi = models.TextField(blank=True, verbose_name=_("distribution list, one recipient a line"))
    recipients_en = models.TextField(blank=True, verbose_name=_("distribution list, one recipient a line"))

    class Meta:
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")

    def __str__(self) -> str:
        return f"{self.area}"

    def value(self, field: str, lang: str) -> str:
        return (getattr(self, f"{field}_{lang}", "") or "").strip()


class Conclusion(Audited):
    """One conclusion of the review meeting's chair for an area and period."""

    AUDITED_FIELDS = ("period", "language", "text", "text_ar", "text_vi", "text_en")

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="conclusions")
    period = models.CharField(max_length=10, db_index=True, validators=[validate_period])
    text = models.TextField(help_text=_("the conclusion as written, in its language"))
    language = models.CharField(max_length=2, default="ar", choices=settings.LANGUAGES)
    text_ar = models.TextField(blank=True)
    text_vi = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="conclusions"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    SCOPE_AREA = "area"

    class Meta:
        ordering = ["period", "id"]
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return self.text[:100]
