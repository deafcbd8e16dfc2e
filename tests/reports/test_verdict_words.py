"""A report words each target's verdict as the dashboard's badge does, in every language."""

from __future__ import annotations

import dataclasses

import pytest
from django.utils import translation

from marsad.core.analytics.targets import VERDICTS
from marsad.core.narration import LANGS
from marsad.reports.render.layout import targets_table
from marsad.web.templatetags.marsad import verdict_words


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("verdict", VERDICTS)
def test_the_report_and_the_dashboard_word_a_verdict_alike(bac_ninh_data, lang, verdict):
    data = dataclasses.replace(
        bac_ninh_data, targets=tuple(dataclasses.replace(t, status=verdict) for t in bac_ninh_data.targets)
    )
    table = targets_table(data, lang)
    with translation.override(lang):
        badge = verdict_words(verdict)
    assert table is not None and [row[-1] for row in table.rows] == [badge] * len(data.targets)
