"""Security headers (HeadersMiddleware, outermost but Django's) and request limits
(LimitsMiddleware, once the language and the user are known).

- Content-Security-Policy on every answer: scripts only from the app's own static files (no
  inline script, no ``eval``); styles from the app and inline (the report pages embed their
  stylesheet per language, charts set colours; styles run no code); no plugins, no framing.
- Cookies are marked ``Secure`` when the request came over HTTPS (directly or through a proxy
  that sets ``X-Forwarded-Proto: https``, see ``SECURE_PROXY_SSL_HEADER`` in the settings), so
  the same installation serves plain HTTP on a laptop and HTTPS behind a proxy. HSTS is sent
  by Django's SecurityMiddleware on HTTPS answers only.
- Limits, each refused with a message in the reader's language (JSON under /api/): a body larger
  than the upload limit (413, before it is read), form fields larger than the text limit (413),
  too many fields (400), a query string longer than ``MARSAD_MAX_QUERY_CHARS`` (414); a database
  too busy to answer in time (503, "nothing was written").
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


BUSY_SIGNS = (
    "database is locked",  # SQLite: another connection holds the write lock
    "lock timeout",  # PostgreSQL: lock_timeout
    "statement timeout",  # PostgreSQL: statement_timeout
    "idle-in-transaction timeout",
)


def busy(exception: Exception) -> bool:
    text = str(exception).lower()
    return any(sign in text for sign in BUSY_SIGNS)


def busy_message() -> str:
    return _(
        "The database is busy (a large import may be being written); nothing was written. "
        "Try again in a moment."
    )


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.0f}"


def refusal(request, status: int, message: str):
    """A refusal with ``message``: JSON ``{"detail": ...}`` for the API, a page otherwise."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return render(request, "web/refused.html", {"message": message}, status=status)


def upload_too_large_message() -> str:
    return _("The file is too large: at most %(mb)s MB may be uploaded.") % {
        "mb": megabytes(settings.MARSAD_MAX_UPLOAD_BYTES)
    }


def text_too_large_message() -> str:
    return _("The text sent is too large: at most %(mb)s MB of text may be sent at once.") % {
        "mb": megabytes(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    }


class HeadersMiddleware:
    """CSP on every answer; every cookie Secure on HTTPS (placed outside the session and CSRF
    middleware, so it sees the cookies they set)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.is_secure():
            for morsel in response.cookies.values():
                morsel["secure"] = True
        return response


class LimitsMiddleware:
    """Refuse over-long query strings and over-large bodies with a message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._limits(request) or self.get_response(request)

    def process_exception(self, request, exception):
        """A database too busy to answer in time (SQLite's write lock held by a long import, a
        PostgreSQL lock or statement timeout): 503 with a message; the statement was rolled back."""
        if isinstance(exception, OperationalError) and busy(exception):
            response = refusal(request, 503, busy_message())
            response["Retry-After"] = "5"
            return response
        return None

    def _limits(self, request):
        query = request.META.get("QUERY_STRING", "")
        if len(query) > settings.MARSAD_MAX_QUERY_CHARS:
            return refusal(
                request,
                414,
                _("The address is too long: at most %(n)d characters after the “?”.")
                % {"n": settings.MARSAD_MAX_QUERY_CHARS},
            )
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return None
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MARSAD_MAX_UPLOAD_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return refusal(request, 413, upload_too_large_message())
        try:
            # Read the form (or body) here, so that a field over the limit is refused with a
            # message rather than the bare 400 Django gives when the CSRF check first reads it.
            if request.content_type == "multipart/form-data":
                request.POST  # noqa: B018
            else:
                request.body  # noqa: B018
        except RequestDataTooBig:
            return refusal(request, 413, text_too_large_message())
        except TooManyFieldsSent:
            return refusal(request, 400, _("Too many fields were sent in one request."))
        return None
