"""One sentence for a period that is not one, wherever it is typed: the entry grid, forms, the
admin, the model's validators, the write path (import rows and API writes), in the reader's
language (core periods' error_message)."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import override

from marsad.core import periods
from marsad.core.languages import LANGS
from marsad.core.validation import Problem
from marsad.directives.models import validate_period as directive_period
from marsad.observations.forms import check_period
from marsad.observations.messages import problem_message
from marsad.observations.models import validate_period as observation_period
from marsad.web.pickers import PeriodField, period_error

BAD = "quý V/2025"


def _refusal(check) -> str:
    try:
        check(BAD)
    except (ValidationError, forms.ValidationError) as exc:
        return exc.messages[0]
    raise AssertionError(f"{check} took {BAD!r}")


@pytest.mark.parametrize("lang", LANGS)
def test_every_period_input_says_the_one_sentence(lang):
    expected = periods.error_message(BAD, lang)
    with override(lang):
        said = {
            "form and admin field": _refusal(PeriodField().clean),
            "observation's validator": _refusal(observation_period),
            "directive's validator": _refusal(directive_period),
            "entry grid": check_period(BAD)[1],
            "write path and import rows": problem_message(Problem("period", "bad_period", {"period": BAD})),
            "pages": period_error(BAD),
        }
    assert said == dict.fromkeys(said, expected)
    if lang != "en":
        assert expected != periods.error_message(BAD, "en")  # translated, not the English
