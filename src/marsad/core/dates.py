"""Dates as each language writes them: the one date style per language (Babel, CLDR).

ar «31 ديسمبر 2025», vi "31 tháng 12, 2025", en "31 December 2025" (``long``: running text and
headings); ``medium`` / ``short`` for table cells. Eastern Arabic digits in Arabic when the reader
asked for them. Pages (marsad.web.formatting), the command line and the reports all write dates
through :func:`format_day`; files and APIs keep ISO dates.
"""

from __future__ import annotations

from datetime import date

from marsad.core.languages import LANGS

_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
STYLES = ("long", "medium", "short")


def format_day(value: date | None, lang: str, eastern_digits: bool = False, style: str = "long") -> str:
    """``value`` in ``lang``'s style; "—" for no date."""
    from babel.dates import format_date

    if value is None:
        return "—"
    lang = lang[:2] if lang and lang[:2] in LANGS else "en"
    if style not in STYLES:
        raise ValueError(f"unknown date style {style!r}: use one of {', '.join(STYLES)}")
    text = format_date(value, style, locale=lang)
    return text.translate(_EASTERN) if eastern_digits and lang == "ar" else text
