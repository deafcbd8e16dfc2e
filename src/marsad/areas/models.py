"""Administrative units: the nation, provinces/cities and communes/wards/special zones.

The pure gazetteer (marsad.core.gazetteer) is the source; ``load_areas`` copies it here so
observations, users' scopes and directives can point at areas with foreign keys.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marsad.accounts.scopes import ScopedQuerySet
from marsad.audit.changes import Audited


class AreaQuerySet(ScopedQuerySet):
    def current(self):
        return self.filter(valid_to__isnull=True)

    def provinces(self):
        return self.filter(level=Area.Level.PROVINCE)

    def communes(self):
        return self.filter(level=Area.Level.COMMUNE)

    def subtree(self, area: Area):
        """The area itself and every unit below it (communes of a province)."""
        if area.level == Area.Level.NATION:
            return self.all()
        return self.filter(models.Q(pk=area.pk) | models.Q(parent=area) | models.Q(successor=area))


class Area(Audited):
    """Audited: an edit (the admin's, ``load_areas``'s) leaves a change record, the data version
    the cached pages carry in their keys, so a renamed or relinked area is seen on the next view."""

    class Level(models.TextChoices):
        NATION = "nation", _("nation")
        PROVINCE = "province", _("province")
        COMMUNE = "commune", _("commune")

    code = models.CharField(max_length=24, unique=True)
    level = models.CharField(max_length=10, choices=Level.choices, db_index=True)
    kind = models.CharField(
        max_length=20, blank=True, help_text=_("ward, commune, special zone, city, province")
    )
    name_vi = models.CharField(max_length=120)
    name_en = models.CharField(max_length=120, db_index=True)
    name_ar = models.CharField(max_length=120, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True, help_text=_("the day the unit ceased to exist"))
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text=_("the unit it merged into"),
    )

    objects = AreaQuerySet.as_manager()
    AUDITED_FIELDS = (
        "code",
        "level",
        "kind",
        "name_vi",
        "name_en",
        "name_ar",
        "parent",
        "valid_from",
        "valid_to",
        "successor",
    )
    SCOPE_AREA = ""  # an area is in scope when it is one of the user's (see accounts.scopes)

    class Meta:
        ordering = ["code"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return self.name()

    def name(self, lang: str | None = None) -> str:
        lang = (lang or get_language() or "en")[:2]
        return {"ar": self.name_ar, "vi": self.name_vi}.get(lang) or self.name_en

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def province(self) -> Area | None:
        """The province this area belongs to (itself for a province)."""
        if self.level == self.Level.PROVINCE:
            return self
        if self.level == self.Level.COMMUNE:
            return self.parent
        return None
