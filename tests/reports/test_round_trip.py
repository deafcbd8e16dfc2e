"""Round trip of the demo's reports: every figure a report states, read back from its HTML, PDF
text and Word file by the reader (no hint of area or year), with the right indicator, measure,
period, value and area — at least 95 % of them, for every language and format.

The reports are the demo's (``marsad demo``: examples/sample_observations.csv and the two
seeds, loaded in a transaction rolled back after the reports' data are taken), for the demo's
areas: Ninh Thuan 2024Q1 (a province closed in the 2025 merger), Bac Ninh 2025-9M (a merged
province after the merger) and Khanh Hoa 2025Q1 (the name before the merger: the province as it
then was, VN-OLD-56, as the reader reads the name).
"""

from __future__ import annotations

import shutil

import pytest

from marsad.core.narration import LANGS
from marsad.reports.round_trip import FORMATS, check

DEMO = (
    ("Ninh Thuan", "2024Q1", "VN-OLD-58"),
    ("Bac Ninh", "2025-9M", "VN-24"),
    ("Khanh Hoa", "2025Q1", "VN-OLD-56"),
)
FLOOR = 0.95
# The demo's data are loaded once for the module (in a rolled-back transaction); the mark makes
# pytest-django set up the test database for it.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_reports(django_db_setup, django_db_blocker):
    from django.db import transaction

    from marsad.cli.setup import load_demo_data
    from marsad.reports.sources import database_report_data

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo_data()
        reports = {area: database_report_data(area, period) for area, period, _code in DEMO}
        transaction.set_rollback(True)
    return reports


@pytest.mark.parametrize("area,period,code", DEMO, ids=[d[0].replace(" ", "_") for d in DEMO])
def test_the_demo_report_is_of_the_area_the_name_meant_then(demo_reports, area, period, code):
    data = demo_reports[area]
    assert data is not None and data.period == period
    assert data.area_code == code


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("area", [d[0] for d in DEMO])
def test_round_trip(demo_reports, area, lang, fmt):
    if fmt == "pdf" and shutil.which("pdftotext") is None:
        pytest.skip("reading a PDF needs pdftotext (poppler-utils; make test installs it)")
    r = check(demo_reports[area], lang, fmt)
    assert r.stated >= 15, f"{area}: the report states only {r.stated} figures"
    assert r.share >= FLOOR, (
        f"{area} {lang} {fmt}: {r.found}/{r.stated} read back; missing {r.missing}; "
        f"under another area {r.wrong_area}"
    )
