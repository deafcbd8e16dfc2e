"""Numbers on pages: the shared core formatting, per language, with optional Eastern digits."""

from __future__ import annotations

from marsad.core.numbers import format_number, format_percent


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


def percent_text(value, lang: str | None, eastern_digits: bool = False, decimals=1) -> str:
    if value is None or value == "":
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return format_percent(number, _lang(lang), eastern_digits, None if decimals is None else int(decimals))


def date_text(value, lang: str | None = None) -> str:
    """A date as the language writes it ("1 tháng 12, 2026"), isolated for running text
    (U+2068/U+2069), for messages that name a day; the ``day`` template tag is the page's twin."""
    from babel.dates import format_date
    from django.utils.translation import get_language

    if value is None:
        return "—"
    return "\u2068" + format_date(value, "long", locale=_lang(lang or get_language())) + "\u2069"
