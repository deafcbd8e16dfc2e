"""Who a user is in Marsad: a role and two area scopes (DHIS2-style).

``capture_areas``: where the user may enter or change data (and update assignments).
``view_areas``: where the user may read data. Both include every unit below the areas named
(a province scope covers its communes). Administrators see everything.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("administrator")
    PLANNER = "planner", _("provincial planner")
    DEPARTMENT = "department", _("department officer")
    COMMUNE = "commune", _("commune officer")
    VIEWER = "viewer", _("viewer")


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.VIEWER)
    capture_areas = models.ManyToManyField("areas.Area", blank=True, related_name="capturers")
    view_areas = models.ManyToManyField("areas.Area", blank=True, related_name="viewers")
    organisation = models.ForeignKey(
        "directives.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text=_("the unit the user works for (department, commune People's Committee)"),
    )
    language = models.CharField(max_length=2, default="ar", choices=settings.LANGUAGES)
    eastern_digits = models.BooleanField(default=False, help_text=_("show numbers in Eastern Arabic digits"))

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"

    def audit_state(self) -> dict:
        """What the change log keeps of a profile: role, unit, scopes (area codes), preferences."""
        return {
            "role": self.role,
            "organisation": self.organisation_id,
            "capture_areas": sorted(self.capture_areas.values_list("code", flat=True)) if self.pk else [],
            "view_areas": sorted(self.view_areas.values_list("code", flat=True)) if self.pk else [],
            "language": self.language,
            "eastern_digits": self.eastern_digits,
        }


def user_audit_state(user) -> dict:
    """What the change log keeps of an account (never its password)."""
    return {
        "username": user.get_username(),
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "groups": sorted(user.groups.values_list("name", flat=True)) if user.pk else [],
    }


from .throttle import LoginAttempt  # noqa: E402, F401  (sign-in attempts: accounts.throttle)
from .tokens import ApiToken  # noqa: E402, F401  (API tokens live in their own module)
