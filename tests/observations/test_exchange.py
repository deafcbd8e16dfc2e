"""Exchange formats: exact exports, formula neutralisation, the XLSX entry template, SDMX-CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from marsad.observations.models import Observation
from marsad.observations.sdmx import sdmx_period, structure_message, write_sdmx_csv
from marsad.observations.transfer import export_rows, import_file, neutralise, write_export

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield


EXACT = ("123456.789", "4600.625", "0.1", "29232.75")


def _csv(rows) -> bytes:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
    return out.getvalue().encode()


def _import(rows, name="x.csv"):
    return import_file(io.BytesIO(_csv(rows)), name)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_exact_values_round_trip_export_then_import(fmt):
    rows = [
        {"area": "VN-24", "indicator": "exports", "period": f"2024Q{i + 1}", "value": v}
        for i, v in enumerate(EXACT)
    ]
    _import(rows)
    out = io.BytesIO()
    write_export(export_rows(), fmt, out)
    Observation.objects.all().delete()
    import_file(io.BytesIO(out.getvalue()), f"again.{fmt}")
    stored = dict(Observation.objects.values_list("period", "value"))
    assert {p: str(v.normalize()) for p, v in stored.items()} == {
        f"2024Q{i + 1}": str(Decimal(v).normalize()) for i, v in enumerate(EXACT)
    }
    if fmt == "csv":
        text = out.getvalue().decode()
        assert all(v in text for v in EXACT) and "e+" not in text.lower()


@pytest.mark.parametrize("text", ['=HYPERLINK("x")', "+1", "-1+2", "@SUM(A1)", "\tx"])
def test_exports_neutralise_formulas(text):
    assert neutralise(text).startswith("'")
    assert neutralise("billion VND") == "billion VND"


def test_sdmx_periods():
    assert [sdmx_period(c) for c in ("2024", "2024S2", "2024Q3", "202403", "2025-9M")] == [
        "2024",
        "2024-S2",
        "2024-Q3",
        "2024-03",
        "2025-01-01/P9M",
    ]


def test_sdmx_csv_and_structure():
    _import([{"area": "VN-24", "indicator": "grdp", "period": "2025-9M", "value": "4600.625"}])
    out = io.BytesIO()
    assert write_sdmx_csv(export_rows(), out) == 1
    lines = out.getvalue().decode().splitlines()
    assert lines[0].startswith(
        "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,MEASURE,OBS_KIND,TIME_PERIOD,OBS_VALUE"
    )
    assert lines[1].split(",")[:9] == [
        "dataflow",
        "MARSAD:DF_OBSERVATIONS(1.0)",
        "I",
        "VN-24",
        "grdp",
        "level",
        "official",
        "2025-01-01/P9M",
        "4600.625",
    ]
    from xml.etree import ElementTree

    xml = structure_message([("VN-24", "Bac Ninh")], [("grdp", "GRDP")], ["billion VND", "%"])
    root = ElementTree.fromstring(xml)
    ns = {"str": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"}
    dims = [d.get("id") for d in root.iterfind(".//str:Dimension", ns)]
    assert dims == ["REF_AREA", "INDICATOR", "MEASURE", "OBS_KIND"]
    assert root.find(".//str:TimeDimension", ns).get("id") == "TIME_PERIOD"


def test_the_xlsx_entry_template_imports_back_through_the_same_path():
    from openpyxl import load_workbook

    from marsad.areas.models import Area
    from marsad.observations.entry_template import entry_template

    area = Area.objects.get(code="VN-24")
    _import([{"area": "VN-24", "indicator": "grdp", "period": "2023Q1", "value": "4000.5"}])
    data = entry_template(area, "2024Q1", lang="vi")
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[:8] == ["area", "indicator", "period", "measure", "value", "unit", "status", "qualifier"]
    assert ws.protection.sheet is True
    grdp = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "grdp" and r[3].value == "level")
    assert grdp[9].value == 4000.5  # last year's value beside the cell to fill
    assert grdp[0].protection.locked and not grdp[4].protection.locked
    assert {dv.formula1 for dv in ws.data_validations.dataValidation} >= {
        '"plan,estimate,preliminary,official"'
    }
    grdp[4].value = 4600.625
    out = io.BytesIO()
    wb.save(out)
    result = import_file(io.BytesIO(out.getvalue()), "filled.xlsx")
    assert result.created == 1
    assert Observation.objects.get(period="2024Q1").value == Decimal("4600.625")
