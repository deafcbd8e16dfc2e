"""Data entry for one unit and period: the checks a value must pass, with clear messages."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import regex
from django.utils.translation import gettext as _

from marsad.core import measures
from marsad.core import periods as P

_EASTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Thousands and decimal separators as each language writes them (Arabic: ٬ and ٫ too).
_SEPARATORS = {"vi": (".", ","), "en": (",", "."), "ar": (",", ".")}

# What the entry grid asks for each indicator.
ENTRY_MEASURES = ("level", "yoy_pct", "plan_pct")


def parse_local_number(text: str, lang: str = "en") -> float:
    """A number typed by a person in ``lang``'s way (``5.800,5`` in vi, ``5,800.5`` or ``٥٬٨٠٠٫٥`` in ar).

    Raises ValueError with a message fit to show.
    """
    s = (text or "").strip().translate(_EASTERN).replace("\u066c", ",").replace("\u066b", ".")
    s = s.replace("\u00a0", "").replace(" ", "").replace("%", "").replace("\u066a", "")
    s = s.replace("\u2212", "-")
    if not s:
        raise ValueError(_("empty"))
    thousands, point = _SEPARATORS.get(lang[:2], _SEPARATORS["en"])
    if lang[:2] == "ar" and "," in s and "." not in s and not regex.fullmatch(r"-?\d{1,3}(,\d{3})+", s):
        thousands, point = ".", ","  # "8,26" written with a decimal comma
    if not regex.fullmatch(rf"-?\d{{1,3}}(\{thousands}\d{{3}})*(\{point}\d+)?|-?\d+(\{point}\d+)?", s):
        raise ValueError(_("“%(text)s” is not a number") % {"text": text})
    value = float(s.replace(thousands, "").replace(point, "."))
    if not math.isfinite(value):
        raise ValueError(_("“%(text)s” is not a number") % {"text": text})
    return value


def check_value(measure: str, value: float, indicator_unit: str = "") -> str | None:
    """The validation rules of one value; the message to show, or None when it passes."""
    if measure == "level" and value < 0:
        return _("a level cannot be negative")
    if measure == "yoy_pct" and value <= -100:
        # xgettext:no-python-format
        return _("a fall of 100 % or more means the value vanished; check the growth")
    if measure == "yoy_pct" and value > 1000:
        # xgettext:no-python-format
        return _("growth over 1000 % is not credible; did you type the level here?")
    if measure == "share_pct" and not 0 <= value <= 100:
        return _("a share lies between 0 and 100 %")
    if measure == "plan_pct" and not 0 <= value <= 1000:
        return _("the share of plan reached lies between 0 and 1000 %")
    if measure == "level" and indicator_unit == "%" and value > 100:
        return _("this indicator is a percentage: at most 100")
    return None


def check_period(code: str, today: date | None = None) -> tuple[P.Period | None, str | None]:
    try:
        period = P.parse((code or "").strip())
    except P.PeriodError:
        return None, _("“%(code)s” is not a period: write 2025Q3, 2025-9M, 2025S1, 2025 or 202509") % {
            "code": code
        }
    today = today or date.today()
    if period.start > today:
        return None, _("%(period)s has not started yet") % {"period": period.code}
    return period, None


@dataclass
class EntryCell:
    indicator: object
    measure: str
    raw: str = ""
    value: float | None = None
    current: object = None  # the Observation already stored, if any
    error: str | None = None


@dataclass
class EntryGrid:
    rows: list[list[EntryCell]] = field(default_factory=list)

    @property
    def errors(self) -> list[EntryCell]:
        return [c for row in self.rows for c in row if c.error]

    @property
    def filled(self) -> list[EntryCell]:
        return [c for row in self.rows for c in row if c.value is not None]


def field_name(indicator_code: str, measure: str) -> str:
    return f"v__{indicator_code}__{measure}"


def read_grid(indicators, current: dict, data, lang: str) -> EntryGrid:
    """Read the posted grid (``data`` is request.POST, or None for an empty form)."""
    grid = EntryGrid()
    for ind in indicators:
        row = []
        for measure in ENTRY_MEASURES:
            cell = EntryCell(indicator=ind, measure=measure, current=current.get((ind.code, measure)))
            if data is not None:
                cell.raw = (data.get(field_name(ind.code, measure)) or "").strip()
                if cell.raw:
                    try:
                        cell.value = parse_local_number(cell.raw, lang)
                    except ValueError as exc:
                        cell.error = str(exc)
                    else:
                        cell.error = check_value(measure, cell.value, ind.unit)
            row.append(cell)
        grid.rows.append(row)
    return grid


STATUS_CHOICES = [s for s in measures.STATUSES]
