"""The fixed vocabularies of an observation: measures, statuses and qualifiers."""

from __future__ import annotations

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
