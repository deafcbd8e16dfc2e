"""Numbers on pages: the shared core formatting, per language, with optional Eastern digits."""

from __future__ import annotations

from contextvars import ContextVar

from marsad.core.numbers import as_decimal, format_exact, format_number, format_percent

# The signed-in reader's choice of Eastern Arabic digits (their profile), for everything one
# request writes: set by ReaderDigitsMiddleware, read where no caller says otherwise.
_EASTERN_READER: ContextVar[bool] = ContextVar("marsad_eastern_digits", default=False)


def reader_wants_eastern() -> bool:
    """Whether the reader of the current request asked for Eastern Arabic digits."""
    return _EASTERN_READER.get()


class ReaderDigitsMiddleware:
    """Keeps the reader's digits preference for the request (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
        token = _EASTERN_READER.set(bool(profile and profile.eastern_digits))
        try:
            return self.get_response(request)
        finally:
            _EASTERN_READER.reset(token)


def _lang(lang: str | None) -> str:
    return (lang or "ar")[:2]


def number_text(value, lang: str | None, eastern_digits: bool = False, decimals=None) -> str:
    if value is None or value == "":
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if decimals is not None:
        decimals = int(decimals)
    return format_number(number, _lang(lang), eastern_digits, decimals)


def exact_text(value, lang: str | None, eastern_digits: bool = False) -> str:
    """A stored value written exactly, grouped in ``lang`` (``4600.625`` is ``4,600.625``, never
    ``4,600.63``): where a person reads what was stored, as in the change log."""
    if value is None or value == "":
        return "—"
    try:
        return format_exact(as_decimal(value), _lang(lang), eastern_digits)
    except (TypeError, ValueError):
        return str(value)


def percent_text(value, lang: str | None, eastern_digits: bool = False, decimals=1) -> str:
    if value is None or value == "":
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return format_percent(number, _lang(lang), eastern_digits, None if decimals is None else int(decimals))


_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _digits(text: str, lang: str, eastern_digits: bool) -> str:
    return text.translate(_EASTERN) if eastern_digits and lang == "ar" else text


def day_text(value, lang: str | None, eastern_digits: bool = False, style: str = "long") -> str:
    """A date (or the local date of a datetime) in the one style of its language
    (:func:`marsad.core.dates.format_day`)."""
    import datetime

    from django.utils import timezone

    from marsad.core.dates import format_day

    if not value:
        return "—"
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return format_day(value, _lang(lang), eastern_digits, style)


def moment_text(value, lang: str | None, eastern_digits: bool = False) -> str:
    """A date and time in the reader's language and local time zone."""
    from babel.dates import format_datetime
    from django.utils import timezone

    if not value:
        return "—"
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    lang = _lang(lang)
    return _digits(format_datetime(value, "medium", locale=lang), lang, eastern_digits)


def date_text(value, lang: str | None = None) -> str:
    """A date as the language writes it ("1 tháng 12, 2026"), isolated for running text
    (U+2068/U+2069), for messages that name a day; the ``day`` template tag is the page's twin."""
    from django.utils.translation import get_language

    if value is None:
        return "—"
    return "\u2068" + day_text(value, lang or get_language(), reader_wants_eastern()) + "\u2069"
