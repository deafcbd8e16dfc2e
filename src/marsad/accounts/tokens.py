"""API tokens: a long random key shown once, stored only as its SHA-256 digest.

A client sends ``Authorization: Bearer <key>``; :func:`token_for_key` finds the token. Tokens
are created with :func:`create_token` (on the user's own page, the admin or ``marsad token``),
expire (``expires_at``, DEFAULT_DAYS unless said otherwise), may be read-only (any write
answers 403), and are revoked from the user's own page (or the admin). Creating and revoking
are written to the change log.

``last_used`` is recorded at most every LAST_USED_RESOLUTION_SECONDS, in a background thread:
a request never waits for that write (on SQLite a long import holds the write lock).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.db import connection, models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)

KEY_PREFIX = "msd_"
DEFAULT_DAYS = 90
MAX_DAYS = 3650
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
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text=_("after this the token is refused (empty: never)")
    )
    read_only = models.BooleanField(default=False, help_text=_("the token may read but not change anything"))

    class Meta:
        app_label = "accounts"
        ordering = ["user_id", "name"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} / {self.name} ({self.prefix}…)"

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    AUDITED_FIELDS = ("user", "name", "prefix", "expires_at", "read_only")


def _audit(token: ApiToken, action: str, actor) -> None:
    """A change record of the token's creation or revocation (never its key)."""
    from marsad.audit.changes import record_changes, snapshot

    state = snapshot(token, ApiToken.AUDITED_FIELDS)
    before, after = (None, state) if action == "create" else (state, None)
    record_changes([(token, action, before, after)], user=actor, source="API token")


def create_token(
    user, name: str, *, days: int | None = DEFAULT_DAYS, read_only: bool = False, actor=None
) -> str:
    """Create a token for ``user`` and return its key (the only time the key is visible).

    ``days``: how long it is valid (None: no expiry). ``actor``: who made it (the change log)."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    expires = timezone.now() + timedelta(days=min(days, MAX_DAYS)) if days else None
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        key_digest=digest(key),
        prefix=key[:10],
        expires_at=expires,
        read_only=read_only,
    )
    _audit(token, "create", actor or user)
    return key


def revoke(token: ApiToken, actor) -> None:
    """Delete the token (it is refused from now on) and log who revoked it."""
    _audit(token, "delete", actor)
    token.delete()


def _in_background(fn) -> None:
    """Run ``fn`` in a thread of its own (its own database connection, closed after)."""

    def run():
        try:
            fn()
        except Exception:  # noqa: BLE001 - a busy database only delays last_used
            log.debug("last_used not recorded", exc_info=True)
        finally:
            connection.close()

    threading.Thread(target=run, name="token-last-used", daemon=True).start()


def token_for_key(key: str) -> ApiToken | None:
    """The valid token of ``key`` (active user, not expired), or None."""
    if not key:
        return None
    now = timezone.now()
    token = (
        # the profile too: the scope of every API request reads it
        ApiToken.objects.select_related("user", "user__profile")
        .filter(key_digest=digest(key.strip()))
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    if token.last_used is None or (now - token.last_used).total_seconds() > LAST_USED_RESOLUTION_SECONDS:
        pk = token.pk
        _in_background(lambda: ApiToken.objects.filter(pk=pk).update(last_used=now))
    return token


def user_for_key(key: str):
    """The active user owning the valid token ``key``, or None."""
    token = token_for_key(key)
    return token.user if token is not None else None


class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created", "last_used", "expires_at", "read_only")
    search_fields = ("user__username", "name", "prefix")
    readonly_fields = ("prefix", "created", "last_used")
    raw_id_fields = ("user",)
    actions = ["rotate_tokens"]

    def save_model(self, request, obj, form, change):
        if not change:
            # A token added in the admin gets its key here; the key is shown once.
            key = KEY_PREFIX + secrets.token_urlsafe(32)
            obj.key_digest, obj.prefix = digest(key), key[:10]
            if obj.expires_at is None:
                obj.expires_at = timezone.now() + timedelta(days=DEFAULT_DAYS)
            messages.warning(request, _("New API token (copy it now, it is not shown again): %s") % key)
        from marsad.audit.changes import record_changes, snapshot

        old = ApiToken.objects.filter(pk=obj.pk).first() if change else None
        before = snapshot(old, ApiToken.AUDITED_FIELDS) if old else None
        super().save_model(request, obj, form, change)
        after = snapshot(obj, ApiToken.AUDITED_FIELDS)
        if before != after:
            record_changes(
                [(obj, "update" if before else "create", before, after)], user=request.user, source="admin"
            )

    def delete_model(self, request, obj):
        revoke(obj, request.user)

    def delete_queryset(self, request, queryset):
        for token in queryset:
            revoke(token, request.user)

    @admin.action(description=_("Replace the selected tokens with new keys"))
    def rotate_tokens(self, request, queryset):
        for token in queryset.select_related("user"):
            days = (token.expires_at - token.created).days if token.expires_at else None
            key = create_token(
                token.user, token.name, days=days, read_only=token.read_only, actor=request.user
            )
            revoke(token, request.user)
            messages.warning(request, _("New key for %(name)s: %(key)s") % {"name": token.name, "key": key})
