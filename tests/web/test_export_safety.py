"""Every way observations leave Marsad for a spreadsheet (the explorer's CSV and XLSX downloads,
the SDMX-CSV download, ``marsad export`` as CSV, XLSX and SDMX) writes a text that begins as a
formula (=, +, -, @) as text: quoted with ' in CSV, a string cell (never a formula) in XLSX.

The units are written straight into the table, as a database filled before today's checks (or
by hand) may hold them: the write path itself refuses them (a unit must be the indicator's).
"""

from __future__ import annotations

import csv
import io

import pytest

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://x.y/","c")', "+1+1", "-2+3", "@SUM(A1:A9)"]
AREA = "VN-24"


@pytest.fixture
def hostile(demo_users):
    from marsad.areas.models import Area
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    area, grdp = Area.objects.get(code=AREA), Indicator.objects.get(code="grdp")
    for i, unit in enumerate(HOSTILE):
        obs = Observation(area=area, indicator=grdp, period=f"2023Q{i + 1}", value=10 + i, unit="billion VND")
        obs.save(changed_by=demo_users["admin"], source="fixture")
        Observation.objects.filter(pk=obs.pk).update(unit=unit)
    return HOSTILE


def _csv_cells(data: bytes) -> set[str]:
    return {cell for row in csv.reader(io.StringIO(data.decode("utf-8"))) for cell in row}


def _xlsx_cells(data: bytes) -> list:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def _assert_csv_safe(data: bytes):
    cells = _csv_cells(data)
    assert {"'" + unit for unit in HOSTILE} <= cells, cells
    assert not cells & set(HOSTILE)


def _assert_xlsx_safe(data: bytes):
    cells = _xlsx_cells(data)
    texts = {c.value for c in cells if c.data_type == "s"}
    assert {"'" + unit for unit in HOSTILE} <= texts, texts
    assert not [c.coordinate for c in cells if c.data_type == "f"], "a formula cell"
    assert not texts & set(HOSTILE)


def test_the_explorer_downloads_write_formulas_as_text(client_for, hostile):
    client = client_for("admin")
    query = {"indicator": "grdp", "area": AREA}
    as_csv = client.get("/explorer/download.csv", query)
    assert as_csv.status_code == 200
    _assert_csv_safe(as_csv.content)
    as_xlsx = client.get("/explorer/download.xlsx", query)
    assert as_xlsx.status_code == 200
    _assert_xlsx_safe(as_xlsx.content)


def test_the_sdmx_download_writes_formulas_as_text(client_for, hostile):
    response = client_for("admin").get("/observations/sdmx/data.csv", {"area": AREA, "indicator": "grdp"})
    assert response.status_code == 200
    _assert_csv_safe(response.content)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "sdmx"])
def test_marsad_export_writes_formulas_as_text(hostile, tmp_path, fmt):
    from typer.testing import CliRunner

    from marsad.cli.main import app

    out = tmp_path / f"export.{'xlsx' if fmt == 'xlsx' else 'csv'}"
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--indicator", "grdp", "-o", str(out)])
    assert result.exit_code == 0, result.output
    (_assert_xlsx_safe if fmt == "xlsx" else _assert_csv_safe)(out.read_bytes())
