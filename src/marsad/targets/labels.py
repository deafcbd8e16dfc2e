"""Readable labels of targets in the reader's language: what a picker or a table row says.

"GRDP: growth on the previous year at least 10% (2025, Bac Ninh)" — never the raw
"73:22 2024 share_pct exact 100". Numbers are written by the one formatter per locale
(``core.numbers``); in Arabic the number is isolated (U+2068/U+2069) so it keeps its order
inside right-to-left text.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from marsad.core.numbers import format_number, format_percent
from marsad.web.words import word

FSI, PDI = "\u2068", "\u2069"


def _value(target, lang: str, eastern_digits: bool) -> str:
    if target.measure in ("yoy_pct", "share_pct"):
        text = format_percent(target.value, lang, eastern_digits)
    else:
        unit = word(target.unit or target.indicator.unit)
        text = f"{format_number(target.value, lang, eastern_digits)} {unit}".strip()
    return f"{FSI}{text}{PDI}" if lang == "ar" else text


def measure_words(measure: str) -> str:
    return {
        "level": _("level"),
        "yoy_pct": _("growth on the previous year"),
        "share_pct": _("share"),
    }.get(measure, measure)


def direction_words(direction: str) -> str:
    return {
        "at_least": _("at least"),
        "less_than": _("less than"),
        "exact": _("exactly"),
        "about": _("about"),
    }.get(direction, direction)


def target_label(target, lang: str, eastern_digits: bool = False, *, with_place: bool = True) -> str:
    with translation.override(lang):
        text = _("%(indicator)s: %(measure)s %(direction)s %(value)s") % {
            "indicator": target.indicator.name(lang),
            "measure": measure_words(target.measure),
            "direction": direction_words(target.qualifier),
            "value": _value(target, lang, eastern_digits),
        }
        if getattr(target, "basis", "plan") == "central":
            text = _("%(target)s, the central government's estimate") % {"target": text}
        if with_place:
            year = str(target.year)
            year = f"{FSI}{year}{PDI}" if lang == "ar" else year
            text = _("%(target)s (%(year)s, %(area)s)") % {
                "target": text,
                "year": year,
                "area": target.area.name(lang),
            }
    return text
