from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad.reports
from marsad.core.narration import report_data_from_document

SAMPLES = Path(marsad.reports.__file__).parent / "samples"


@pytest.fixture
def seed_doc() -> dict:
    return json.loads((SAMPLES / "ninh_thuan_2024Q1.json").read_text(encoding="utf-8"))


@pytest.fixture
def seed_data(seed_doc):
    return report_data_from_document(seed_doc)
