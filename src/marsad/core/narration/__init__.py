"""Narration: a review's data told as report text in Arabic, Vietnamese and English.

Pure core (data in, text out)::

    from marsad.core.narration import narrate, report_data_from_observations
    data = report_data_from_observations(observations, area_code="VN-24", area_names=..., period="2025-9M")
    for section in narrate(data, "ar"):
        print(section.title, *section.paragraphs, *section.items)
"""

from marsad.core.narration.build import (
    report_data_from_document,
    report_data_from_observations,
)
from marsad.core.narration.data import (
    LANGS,
    DirectiveItem,
    IndicatorRow,
    ReportData,
    SeriesPoint,
    TargetRow,
    Text,
)
from marsad.core.narration.facts import fact_key, stated_facts
from marsad.core.narration.narrate import Section, language, narrate, narrate_text

__all__ = [
    "LANGS",
    "DirectiveItem",
    "IndicatorRow",
    "ReportData",
    "Section",
    "SeriesPoint",
    "TargetRow",
    "Text",
    "fact_key",
    "language",
    "narrate",
    "narrate_text",
    "report_data_from_document",
    "report_data_from_observations",
    "stated_facts",
]
