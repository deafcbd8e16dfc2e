"""``{% figure fig %}``: a number from the analytics service with its provenance.

The number opens (click, or hover for the summary in its title) on how it was reached — the
method, how many communes or provinces were summed, what it was computed from (each observation
linked to its history: who entered it, which import row or document span) — and, flagged, the
other routes that give a different value with their gap.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marsad.core.analytics.figures import METHOD_LABELS
from marsad.web.formatting import number_text, percent_text

from .marsad import _eastern

register = template.Library()

PERCENT_MEASURES = ("yoy_pct", "plan_pct", "share_pct")
MAX_INPUTS = 12


def _text(context, value, measure, decimals):
    eastern = _eastern(context)
    if measure in PERCENT_MEASURES:
        return percent_text(value, get_language(), eastern, decimals if decimals is not None else 2)
    return number_text(value, get_language(), eastern, decimals)


_SENTINEL = 987654321987654321
_CHANGES: dict[tuple, str] = {}


def _changes_url(pk: str) -> str:
    """An observation's history URL: reversed once per URLconf and prefix with a stand-in id
    (a dashboard links a few hundred inputs; reversing each was a twentieth of its CPU)."""
    key = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    if key not in _CHANGES:
        _CHANGES[key] = reverse("web:observation-changes", args=[_SENTINEL])
    return _CHANGES[key].replace(str(_SENTINEL), pk)


def _input(key: str) -> dict:
    """An input: an observation id (linked to its history) or another figure's key."""
    if key.isdigit():
        return {"label": f"#{key}", "url": _changes_url(str(int(key)))}
    area, indicator, period, measure, *plan = key.split("|") + [""]
    return {"label": " ".join(x for x in (area, indicator, period, measure) if x), "url": ""}


@register.inclusion_tag("web/_figure.html", takes_context=True)
def figure(context, fig, decimals=None, measure=None):
    if fig is None:
        return {"fig": None}
    measure = measure or fig.measure
    inputs = [_input(k) for k in fig.inputs[:MAX_INPUTS]]
    if not fig.derived and fig.id.isdigit():
        inputs = [_input(fig.id)]
    method = _(METHOD_LABELS.get(fig.method, fig.method))
    others = [
        {
            "method": _(METHOD_LABELS.get(d.method, d.method)),
            "other": _text(context, d.other, d.measure, decimals),
            "gap": _text(context, d.gap, d.measure, decimals),
            "gap_pct": None
            if d.gap_pct is None
            else percent_text(d.gap_pct, get_language(), _eastern(context), 1),
        }
        for d in fig.disagreements
    ]
    return {
        "fig": fig,
        "text": _text(context, fig.value, measure, decimals),
        "mark": {"more_than": ">", "at_least": "≥", "less_than": "<"}.get(fig.qualifier, ""),
        "method": method,
        "inputs": inputs,
        "more_inputs": max(0, len(fig.inputs) - MAX_INPUTS),
        "others": others,
    }
