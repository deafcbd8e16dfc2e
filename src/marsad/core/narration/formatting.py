"""Numbers as each language writes them in a report.

ar: ``5,800`` and ``8.26٪`` (Western digits, as Vietnamese news in Arabic writes them);
vi: ``5.800`` and ``8,26%``; en: ``5,800`` and ``8.26%``.

The project's number module (``marsad.core.numbers``) is used when it is there; the local
functions below are the same conventions, kept so narration works on its own.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["format_number", "format_percent", "round_half_up"]

_SEPARATORS = {"ar": (",", "."), "vi": (".", ","), "en": (",", ".")}
_PERCENT = {"ar": "٪", "vi": "%", "en": "%"}
_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def round_half_up(value: float, decimals: int = 2) -> float:
    """Round as people do (8.265 -> 8.27), not banker's rounding."""
    q = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP))


def format_number(value: float, lang: str, eastern_digits: bool = False, decimals: int | None = None) -> str:
    """``value`` with the language's separators; at most 2 decimals unless told, no trailing 0s."""
    thousands, point = _SEPARATORS.get(lang, _SEPARATORS["en"])
    d = Decimal(repr(round_half_up(value, 2 if decimals is None else decimals)))
    if decimals is None:
        d = d.normalize()
        if d == d.to_integral():
            d = d.quantize(Decimal(1))
    else:
        d = d.quantize(Decimal(1).scaleb(-decimals))
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + thousands.join(groups) + (point + frac if frac else "")
    if lang == "ar" and eastern_digits:
        text = text.translate(_EASTERN)
    return text


def format_percent(value: float, lang: str, eastern_digits: bool = False, decimals: int | None = None) -> str:
    return format_number(value, lang, eastern_digits, decimals) + _PERCENT.get(lang, "%")


try:  # one formatting for the whole project when the numbers module is installed
    from marsad.core.numbers import format_number, format_percent, round_half_up
except ImportError:  # pragma: no cover - narration alone
    pass
