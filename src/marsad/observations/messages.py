"""The sentences of the write path's refusals, in the reader's language.

The pure core names a refusal by a code (:class:`marsad.core.validation.Problem`,
:class:`marsad.core.numbers.NumberError`); this module is where codes become words.
"""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marsad.core import periods
from marsad.core.numbers import NumberError, format_number
from marsad.core.validation import Problem

from .models import Approval


def _num(value) -> str:
    return format_number(value, get_language() or "en", max_decimals=None)


def number_error_message(exc: NumberError) -> str:
    if exc.code == "empty":
        return _("empty")
    if exc.code == "decimal_comma":
        return _(
            "“%(text)s” is not a number: in Vietnamese the decimals follow a comma, write %(suggestion)s"
        ) % {
            "text": exc.text,
            "suggestion": exc.suggestion,
        }
    if exc.code == "decimal_point":
        return _("“%(text)s” is not a number: the decimals follow a point, write %(suggestion)s") % {
            "text": exc.text,
            "suggestion": exc.suggestion,
        }
    return _("“%(text)s” is not a number") % {"text": exc.text}


def problem_message(p: Problem) -> str:
    """One refusal as a sentence (without the field's name)."""
    params = p.params
    code = p.code
    if code == "bad_period":
        return periods.error_message(params.get("period", ""), get_language())
    if code == "level_below_minimum" and params.get("min") == 0:
        return _("a level cannot be negative")
    if code == "yoy_pct_below_minimum":
        # xgettext:no-python-format
        return _("a fall of 100 % or more means the value vanished; check the growth")
    if code == "yoy_pct_above_maximum":
        return _("growth over %(max)s %% is not credible; did you type the level here?") % {
            "max": _num(params["max"])
        }
    if code in ("share_pct_below_minimum", "share_pct_above_maximum"):
        # xgettext:no-python-format
        return _("a share lies between 0 and 100 %")
    if code in ("plan_pct_below_minimum", "plan_pct_above_maximum"):
        # xgettext:no-python-format
        return _("the share of plan reached lies between 0 and 1000 %")
    if code.endswith("_below_minimum"):
        return _("at least %(min)s") % {"min": _num(params["min"])}
    if code.endswith("_above_maximum"):
        return _("at most %(max)s: larger than any plausible value in this unit") % {
            "max": _num(params["max"])
        }
    simple = {
        "not_finite": _("not a finite number"),
        "not_a_number": _("not a number"),
        "nul_character": _("contains a NUL character"),
        "unknown_area": _("unknown area %(area)s"),
        "unknown_indicator": _("unknown indicator %(indicator)s"),
        "future_period": _("%(period)s has not started yet: %(status)s values are for past periods"),
        "unknown_measure": _("unknown measure %(measure)s"),
        "unknown_status": _("unknown status %(status)s"),
        "unknown_qualifier": _("unknown qualifier %(qualifier)s"),
        "unit_incompatible": _("unit %(unit)s does not fit this indicator (%(expected)s)"),
        "unit_of_measure": _("unit %(unit)s does not fit this measure (%(expected)s)"),
        "too_many_digits": _("more than %(max)s significant digits cannot be kept exactly"),
        "too_many_decimals": _("more than %(max)s decimals cannot be kept exactly"),
        "too_long": _("longer than %(max)s characters"),
    }
    text = simple.get(code)
    if text is None:
        return code
    return text % {
        k: (_num(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v)
        for k, v in params.items()
    }


def field_messages(problems: list[Problem]) -> list[str]:
    """``field: sentence`` for each refusal, the way a form or an API error names the field."""
    return [f"{p.field}: {problem_message(p)}" for p in problems]


def locked_message(approval: Approval) -> str:
    who = approval.approved_by.get_username() if approval.approved_by else _("an approver")
    return _(
        "%(area)s · %(period)s was approved by %(who)s on %(when)s and is locked; an approver must unlock it first."
    ) % {
        "area": approval.area.code,
        "period": approval.period,
        "who": who,
        "when": date_format(approval.approved_at, "DATETIME_FORMAT"),
    }


def not_allowed_message(area) -> str:
    return _("you may not enter data for %(area)s") % {"area": area}


def write_error_text(exc) -> str:
    """Any refusal of the write path as one sentence for a page."""
    from .writing import Conflict, Locked, NotAllowed, Refused

    if isinstance(exc, Refused):
        return "; ".join(field_messages(exc.problems))
    if isinstance(exc, NotAllowed):
        return not_allowed_message(exc.area)
    if isinstance(exc, Locked):
        return locked_message(exc.approval)
    if isinstance(exc, Conflict):
        return _("The value changed meanwhile; reload and try again.")
    return str(exc)
