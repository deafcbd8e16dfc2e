"""Words of the fixed vocabularies (statuses, measures, qualifiers) and the catalogue's units, in
the page's language: the ``label`` template filter and the change log show codes through here."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

WORDS = {
    # statuses
    "plan": _("plan"),
    "estimate": _("estimate"),
    "preliminary": _("preliminary"),
    "official": _("official"),
    # measures
    "level": _("level"),
    "yoy_pct": _("growth on the same period last year (%)"),
    "plan_pct": _("share of the year's plan (%)"),
    "share_pct": _("share (%)"),
    "contribution_pp": _("contribution to growth (pp)"),
    # qualifiers
    "exact": _("exact"),
    "more_than": _("more than"),
    "less_than": _("less than"),
    "about": _("about"),
    "at_least": _("at least"),
    "at_most": _("at most"),
    # units
    "billion VND": _("billion VND"),
    "million USD": _("million USD"),
    "index": _("index"),
    "enterprises": _("enterprises"),
    "visitors": _("visitors"),
    "pp": _("pp"),
    "%": "%",
}


def word(code) -> str:
    """``code`` in the page's language; a code the vocabularies do not know comes back as is."""
    if code is None:
        return ""
    shown = WORDS.get(str(code))
    return str(code) if shown is None else str(shown)
