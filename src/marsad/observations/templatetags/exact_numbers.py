"""``{% exact_number value %}``: a stored value for a form field, exactly, in the reader's locale.

The same text :func:`marsad.core.numbers.read_number` reads back, so a value shown in a form
and submitted unchanged is the same value.
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from marsad.accounts import scopes
from marsad.core.numbers import format_exact

register = template.Library()


@register.simple_tag(takes_context=True)
def exact_number(context, value) -> str:
    if value is None or value == "":
        return ""
    request = context.get("request")
    profile = scopes.profile_of(getattr(request, "user", None))
    lang = get_language() or "ar"
    return format_exact(value, lang, bool(profile and profile.eastern_digits and lang[:2] == "ar"))
