"""Numbers on pages: the shared core formatting, per language, with optional Eastern digits."""

from __future__ import annotations

import inspect

from marsad.core.narration import formatting as _fallback


def _pick(name: str):
    """The shared ``marsad.core.numbers`` formatter when it exists with the same call shape."""
    try:
        from marsad.core import numbers
    except ImportError:  # pragma: no cover - depends on another helper's module
        return getattr(_fallback, name)
    fn = getattr(numbers, name, None)
    if fn is None or "eastern_digits" not in inspect.signature(fn).parameters:
        return getattr(_fallback, name)
    return fn


format_number = _pick("format_number")
format_percent = _pick("format_percent")


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
