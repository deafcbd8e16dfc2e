"""API tokens: a long random key shown once, stored only as its SHA-256 digest.

A client sends ``Authorization: Bearer <key>``; :func:`user_for_key` finds the user. Tokens are
created with :func:`create_token` (from the admin's "create token" action or a CLI command) and
revoked by deleting them.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_PREFIX = "msd_"
# last_used is written at most this often per token, so reads do not each cost a write.
LAST_USED_RESOLUTION_SECONDS = 300


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(
        max_length=100, help_text=_("what the token is for, e.g. 'statistics office import'")
    )
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(
        max_length=12, editable=False, help_text=_("the first characters, to recognise it")
    )
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        app_label = "accounts"
        ordering = ["user_id", "name"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} / {self.name} ({self.prefix}…)"


def create_token(user, name: str) -> str:
    """Create a token for ``user`` and return its key (the only time the key is visible)."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name[:100], key_digest=digest(key), prefix=key[:10])
    return key


def user_for_key(key: str):
    """The active user owning ``key``, or None."""
    if not key:
        return None
    token = ApiToken.objects.select_related("user").filter(key_digest=digest(key.strip())).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or (now - token.last_used).total_seconds() > LAST_USED_RESOLUTION_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user


class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created", "last_used")
    search_fields = ("user__username", "name", "prefix")
    readonly_fields = ("prefix", "created", "last_used")
    raw_id_fields = ("user",)
    actions = ["rotate_tokens"]

    def save_model(self, request, obj, form, change):
        if not change:
            # A token added in the admin gets its key here; the key is shown once.
            key = KEY_PREFIX + secrets.token_urlsafe(32)
            obj.key_digest, obj.prefix = digest(key), key[:10]
            messages.warning(request, _("New API token (copy it now, it is not shown again): %s") % key)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Replace the selected tokens with new keys"))
    def rotate_tokens(self, request, queryset):
        for token in queryset.select_related("user"):
            key = create_token(token.user, token.name)
            token.delete()
            messages.warning(request, _("New key for %(name)s: %(key)s") % {"name": token.name, "key": key})
