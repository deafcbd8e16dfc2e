"""The XLSX entry template of one area x period: filled offline, uploaded back through import.

Its first sheet is the import layout itself (area, indicator, period, measure, value, unit,
status, qualifier), one row per indicator x measure the grid asks for, with two columns to read
(``name``, ``last_year``) that the import ignores. The key columns are locked (the sheet is
protected, without a password: it guards against slips, not people); the value, status and
qualifier cells are open, status and qualifier with drop-down lists of their vocabularies.
"""

from __future__ import annotations

import io

from marsad.core import measures, periods

from .forms import ENTRY_MEASURES
from .models import Observation
from .transfer import COLUMNS, INFO_COLUMNS

OPEN_COLUMNS = ("value", "status", "qualifier")


def entry_template(area, period: str, status: str = "official", lang: str = "en") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    from marsad.indicators.models import Indicator

    p = periods.parse(period)
    last = p.same_period_last_year().code
    stored = {
        (o.indicator_id, o.measure, o.period): o.value
        for o in Observation.objects.filter(
            area=area, period__in=[p.code, last], status=status, measure__in=ENTRY_MEASURES
        )
    }
    wb = Workbook()
    ws = wb.active
    ws.title = "observations"
    header = [*COLUMNS, *INFO_COLUMNS]
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    open_fill = PatternFill("solid", fgColor="FFF8DC")
    for ind in Indicator.objects.order_by("parent_id", "code"):
        for measure in ENTRY_MEASURES:
            unit = ind.unit if measure == "level" else measures.MEASURE_UNITS[measure]
            value = stored.get((ind.pk, measure, p.code))
            before = stored.get((ind.pk, measure, last))
            ws.append(
                [
                    area.code,
                    ind.code,
                    p.code,
                    measure,
                    None if value is None else _number(value),
                    unit,
                    status,
                    "exact",
                    ind.name(lang),
                    None if before is None else _number(before),
                ]
            )
    rows = ws.max_row
    for name in OPEN_COLUMNS:
        col = header.index(name) + 1
        for r in range(2, rows + 1):
            cell = ws.cell(row=r, column=col)
            cell.protection = Protection(locked=False)
            cell.fill = open_fill
    letter = {name: ws.cell(row=1, column=header.index(name) + 1).column_letter for name in OPEN_COLUMNS}
    for name, choices in (("status", measures.STATUSES), ("qualifier", measures.QUALIFIERS)):
        dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=False)
        dv.add(f"{letter[name]}2:{letter[name]}{rows}")
        ws.add_data_validation(dv)
    number = DataValidation(type="decimal", operator="between", formula1="-1E+17", formula2="1E+17")
    number.add(f"{letter['value']}2:{letter['value']}{rows}")
    ws.add_data_validation(number)
    ws.protection.sheet = True
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHIJ", (14, 30, 10, 14, 16, 14, 12, 12, 40, 16), strict=True):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _number(value):
    """A stored value as a spreadsheet number: exact for up to 15 significant digits."""
    return int(value) if value == value.to_integral() else float(value)
