"""The fixed vocabularies of an observation: measures, statuses and qualifiers."""

from __future__ import annotations

from marsad.core.languages import gettext_noop

# What a number says about its indicator.
MEASURES = ("level", "yoy_pct", "plan_pct", "share_pct", "contribution_pp")
# How final a number is; "plan" marks planned values.
STATUSES = ("plan", "estimate", "preliminary", "official")
# How the source qualified the number ("more than 5,800").
QUALIFIERS = ("exact", "more_than", "less_than", "about", "at_least", "estimate")

# Units of the measures that are not in the indicator's own unit.
MEASURE_UNITS = {"yoy_pct": "%", "plan_pct": "%", "share_pct": "%", "contribution_pp": "pp"}

# When several statuses exist for one key, analytics and dashboards read the most final one.
STATUS_RANK = {"official": 3, "preliminary": 2, "estimate": 1, "plan": 0}

# The words of the vocabularies' codes and of the catalogue's units: msgids of the one gettext
# catalogue, translated where they are shown (web/words on pages, cli/formatting on the terminal).
WORDS = {
    # statuses
    "plan": gettext_noop("plan"),
    "estimate": gettext_noop("estimate"),
    "preliminary": gettext_noop("preliminary"),
    "official": gettext_noop("official"),
    # measures
    "level": gettext_noop("level"),
    "yoy_pct": gettext_noop("growth on the same period last year (%)"),
    "plan_pct": gettext_noop("share of the year's plan (%)"),
    "share_pct": gettext_noop("share (%)"),
    "contribution_pp": gettext_noop("contribution to growth (pp)"),
    # qualifiers
    "exact": gettext_noop("exact"),
    "more_than": gettext_noop("more than"),
    "less_than": gettext_noop("less than"),
    "about": gettext_noop("about"),
    "at_least": gettext_noop("at least"),
    "at_most": gettext_noop("at most"),
    # units
    "billion VND": gettext_noop("billion VND"),
    "million USD": gettext_noop("million USD"),
    "index": gettext_noop("index"),
    "enterprises": gettext_noop("enterprises"),
    "visitors": gettext_noop("visitors"),
    "pp": gettext_noop("pp"),
    "%": "%",
}
