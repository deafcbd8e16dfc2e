"""Sign-in throttling: after too many wrong passwords, an account, and separately an address,
is locked out for a while; every attempt is kept (the audit of sign-ins, in the admin).

Own implementation rather than django-axes: a dozen lines over one table that works across
gunicorn workers on SQLite and PostgreSQL alike (a per-process cache would not), with the
messages in the project's catalogue. Limits (settings): MARSAD_LOGIN_FAILURES wrong passwords per
account within MARSAD_LOGIN_LOCKOUT_MINUTES; an address gets four times as many (an office
behind one NAT address shares it). A correct password during a lockout is refused too.
"""

from __future__ import annotations

import math
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

ADDRESS_FACTOR = 4


class LoginAttempt(models.Model):
    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    succeeded = models.BooleanField(default=False)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        app_label = "accounts"
        ordering = ["-at"]
        verbose_name = _("sign-in attempt")
        verbose_name_plural = _("sign-in attempts")

    def __str__(self) -> str:
        return (
            f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.address} {'ok' if self.succeeded else 'failed'}"
        )


def address_of(request) -> str | None:
    """The client's address (REMOTE_ADDR: a proxy in front must pass the client's own)."""
    return request.META.get("REMOTE_ADDR") or None


def _window() -> timedelta:
    return timedelta(minutes=settings.MARSAD_LOGIN_LOCKOUT_MINUTES)


def _normal(username: str) -> str:
    return (username or "").strip().lower()[:150]


def locked_for(username: str, address: str | None) -> int:
    """Seconds until the account or the address may try again (0: not locked out)."""
    since = timezone.now() - _window()
    failures = LoginAttempt.objects.filter(succeeded=False, at__gte=since)
    mine = failures.filter(username=_normal(username))
    # A successful sign-in starts the account's count again (the address keeps its count).
    last_success = (
        LoginAttempt.objects.filter(username=_normal(username), succeeded=True, at__gte=since)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    if last_success is not None:
        mine = mine.filter(at__gt=last_success)
    waits = []
    for qs, limit in (
        (mine, settings.MARSAD_LOGIN_FAILURES),
        (
            failures.filter(address=address) if address else failures.none(),
            settings.MARSAD_LOGIN_FAILURES * ADDRESS_FACTOR,
        ),
    ):
        times = list(qs.order_by("-at").values_list("at", flat=True)[:limit])
        if len(times) >= limit:
            # Locked until the oldest of the last ``limit`` failures leaves the window.
            waits.append((times[-1] + _window() - timezone.now()).total_seconds())
    return max(0, math.ceil(max(waits, default=0)))


def record(username: str, address: str | None, succeeded: bool) -> None:
    LoginAttempt.objects.create(username=_normal(username), address=address, succeeded=succeeded)


def lockout_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many wrong passwords: signing in is blocked for %(n)d minute. Try again later, or ask "
        "an administrator.",
        "Too many wrong passwords: signing in is blocked for %(n)d minutes. Try again later, or ask "
        "an administrator.",
        minutes,
    ) % {"n": minutes}
