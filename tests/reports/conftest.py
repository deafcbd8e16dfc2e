from __future__ import annotations

import pytest

from marsad.reports.sources import sample_report_data


@pytest.fixture(scope="session")
def seed_data():
    return sample_report_data("Ninh Thuan", "2024Q1")


@pytest.fixture(scope="session")
def bac_ninh_data():
    return sample_report_data("Bac Ninh", "2025-9M")
