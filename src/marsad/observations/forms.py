"""The entry grid of one unit and period: which cells a person changed, read in their language.

Each cell carries, beside its input, the text it was shown with (``o__``) and the revision of
the stored value (``r__``, 0 when empty). Only a cell whose text differs from what was shown
is a change; an emptied cell deletes its value. The write path checks the revision, so a form
opened before a colleague's save cannot put the old values back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marsad.core import measures
from marsad.core import periods as P
from marsad.core.languages import LANGS, isolate
from marsad.core.numbers import NumberError, format_exact, read_number

from .messages import number_error_message

# What the entry grid asks for each indicator.
ENTRY_MEASURES = ("level", "yoy_pct", "plan_pct")
_PERCENT_SIGNS = ("%", "\u066a")


def _lang() -> str:
    lang = (get_language() or "ar")[:2]
    return lang if lang in LANGS else "en"


def check_period(code: str, today: date | None = None) -> tuple[P.Period | None, str | None]:
    try:
        period = P.parse((code or "").strip())
    except P.PeriodError:
        return None, P.error_message(code, get_language())
    today = today or date.today()
    if period.start > today:
        return None, _("The period %(period)s has not started yet") % {
            "period": isolate(P.words(period, _lang()))
        }
    return period, None


def read_cell(text: str, measure: str, lang: str) -> Decimal:
    """A typed cell; a percent sign after a percentage is allowed. Raises NumberError."""
    text = (text or "").strip()
    if measure != "level" and text.endswith(_PERCENT_SIGNS):
        text = text[:-1].strip()
    return read_number(text, lang)


@dataclass
class EntryCell:
    indicator: object
    measure: str
    current: object = None  # the Observation stored when the form was built, if any
    shown: str = ""  # the text the form showed
    raw: str = ""  # the text posted back
    revision: int = 0  # the revision the form was built on
    value: Decimal | None = None
    error: str | None = None
    conflict: object = None  # the stored Observation (or "deleted") when it changed meanwhile
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return field_name(self.indicator.code, self.measure)

    @property
    def changed(self) -> bool:
        return self.raw != self.shown

    @property
    def deletes(self) -> bool:
        return self.changed and not self.raw


@dataclass
class EntryGrid:
    rows: list[list[EntryCell]] = field(default_factory=list)

    @property
    def cells(self) -> list[EntryCell]:
        return [c for row in self.rows for c in row]

    @property
    def errors(self) -> list[EntryCell]:
        return [c for c in self.cells if c.error]

    @property
    def conflicts(self) -> list[EntryCell]:
        return [c for c in self.cells if c.conflict is not None]

    @property
    def changes(self) -> list[EntryCell]:
        return [c for c in self.cells if c.changed and (c.value is not None or c.deletes)]


def field_name(indicator_code: str, measure: str) -> str:
    return f"v__{indicator_code}__{measure}"


def shown_text(obs, lang: str, eastern_digits: bool = False) -> str:
    return "" if obs is None else format_exact(obs.value, lang, eastern_digits)


def read_grid(indicators, current: dict, data, lang: str, eastern_digits: bool = False) -> EntryGrid:
    """Build the grid from the stored values, and read the posted one (``data``: request.POST)."""
    grid = EntryGrid()
    for ind in indicators:
        row = []
        for measure in ENTRY_MEASURES:
            obs = current.get((ind.code, measure))
            cell = EntryCell(indicator=ind, measure=measure, current=obs)
            cell.shown = shown_text(obs, lang, eastern_digits)
            cell.raw = cell.shown
            cell.revision = obs.revision if obs is not None else 0
            if data is not None:
                name = field_name(ind.code, measure)
                cell.shown = (data.get("o__" + name[3:]) or "").strip()
                cell.raw = (data.get(name) or "").strip()
                try:
                    cell.revision = int(data.get("r__" + name[3:]) or 0)
                except ValueError:
                    cell.revision = 0
                if cell.changed and cell.raw:
                    try:
                        cell.value = read_cell(cell.raw, measure, lang)
                    except NumberError as exc:
                        cell.error = number_error_message(exc)
                    else:
                        if cell.shown:
                            try:
                                if read_cell(cell.shown, measure, lang) == cell.value:
                                    cell.raw = cell.shown  # the same number retyped: no change
                                    cell.value = None
                            except NumberError:
                                pass
            row.append(cell)
        grid.rows.append(row)
    return grid


STATUS_CHOICES = list(measures.STATUSES)
