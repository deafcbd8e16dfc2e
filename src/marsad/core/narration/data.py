"""What a periodic report says, as plain data with no language in it.

A :class:`ReportData` is one Review (area x period) ready to be told: the indicator rows with
their measures, the targets and how far they are, and the qualitative items (difficulties,
directives, recommendations), each of which carries its text in the languages it exists in.
Narration turns it into sentences; the renderers turn it into tables and charts.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from marsad.core import periods
from marsad.core.languages import LANGS  # noqa: F401 - narration.LANGS, as before

QUALIFIERS = ("exact", "more_than", "less_than", "about", "at_least")
STATUSES = ("plan", "estimate", "preliminary", "official")
DIRECTIVE_STATUSES = ("in_progress", "due_soon", "overdue", "done_on_time", "done_late")
TARGET_STATUSES = ("met", "on_track", "at_risk", "missed", "unknown")


def default_as_of(period: str | periods.Period) -> date:
    """The day a period's report is written as of, unless told: the end of the following month
    (a Q1 report is dated 30 April, a 9-month report 31 October)."""
    end = periods.parse(period).end
    y, m = (end.year + 1, 1) if end.month == 12 else (end.year, end.month + 1)
    return date(y, m, calendar.monthrange(y, m)[1])


@dataclass(frozen=True, slots=True)
class Text:
    """One text in the languages it was written or translated in (``{"ar": ..., "vi": ...}``),
    the original first."""

    texts: dict[str, str]

    def get(self, lang: str) -> str:
        """The text in ``lang``; else the original (a report never drops an item)."""
        return self.texts.get(lang) or next((t for t in self.texts.values() if t), "")

    def lang_of(self, lang: str) -> str:
        """The language :meth:`get` actually answers in."""
        if self.texts.get(lang):
            return lang
        return next((k for k, t in self.texts.items() if t), lang)

    @classmethod
    def of(cls, value: Text | dict[str, str] | str, lang: str = "en") -> Text:
        if isinstance(value, Text):
            return value
        if isinstance(value, str):
            return cls({lang: value})
        return cls(dict(value))


@dataclass(frozen=True, slots=True)
class DifficultyItem:
    """A difficulty or shortcoming of the period and, when the review names it, its cause."""

    text: Text
    cause: Text | None = None


@dataclass(frozen=True, slots=True)
class UnitFollowUp:
    """How one unit stands with the tasks it was given, as of the report's date.

    The four classes of the Government Office's follow-up: done on time, done late, in progress
    within the deadline (due soon included) and overdue.
    """

    unit: Text | None  # None: the communes and wards together (``communes`` of them)
    done_on_time: int = 0
    done_late: int = 0
    within_deadline: int = 0
    overdue: int = 0
    communes: int = 0

    @property
    def total(self) -> int:
        return self.done_on_time + self.done_late + self.within_deadline + self.overdue


@dataclass(frozen=True, slots=True)
class DocumentForm:
    """What an administrative report carries around its text (Decree 30/2020/NĐ-CP), as the
    area's settings give it. Anything left ``None`` is written from the area's own name by the
    report's language (the People's Committee of the province, the province as the place); an
    empty ``number`` leaves the space the registry fills in when the report is issued."""

    issuing_body: Text | None = None
    parent_body: Text | None = None
    place: Text | None = None
    symbol: str = "BC-UBND"
    number: str = ""
    signer_name: Text | None = None
    signer_authority: Text | None = None
    signer_title: Text | None = None
    recipients: Text | None = None  # one recipient a line, per language


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """One indicator's figures for the report's area and period.

    ``parent`` names the whole this row is a part of (sectors of GRDP), which is what makes
    ``share_pct`` and ``contribution_pp`` meaningful.
    """

    indicator: str
    unit: str
    level: float | None = None
    qualifier: str = "exact"
    status: str = "official"
    yoy_pct: float | None = None
    plan_pct: float | None = None
    share_pct: float | None = None
    contribution_pp: float | None = None
    parent: str | None = None
    level_year_before: float | None = None  # the same period of the previous year
    plan_level: float | None = None  # the year's plan (target level), for the appendix
    # A budget's second estimate, the central government's (the plan is the People's Council's):
    # its level and how much of it the year to date has reached.
    central_level: float | None = None
    central_pct: float | None = None


@dataclass(frozen=True, slots=True)
class TargetRow:
    """A target for the year and where the area stands against it.

    ``measure`` is what is targeted (``yoy_pct``, ``level``, ``share_pct``) and ``qualifier`` the
    direction (``at_least``, ``less_than``, ``exact``, ``about``). ``needed`` is what the rest of
    the year must bring for the target to be met: the growth (%) the remaining period needs for a
    growth target, or the amount still to reach for a level or share target.
    """

    indicator: str
    period: str
    measure: str
    value: float
    unit: str
    qualifier: str = "at_least"
    achieved: float | None = None
    status: str = "unknown"
    needed: float | None = None
    remaining_period: str | None = None
    basis: str = "plan"  # or "central": the central government's estimate (a budget's second)


@dataclass(frozen=True, slots=True)
class DirectiveItem:
    text: Text
    status: str = "in_progress"
    lead_unit: Text | None = None
    deadline: date | None = None
    delegated_to_commune: bool = False


@dataclass(frozen=True, slots=True)
class Standing:
    """Where the area stands among the provinces on one figure of the period.

    ``rank`` of ``of`` provinces with the figure (``provinces``: how many there are in all), and
    ``region_rank`` of ``region_of`` in its socio-economic ``region``; ``national`` is the
    nation's figure on the same measure, when there is one.
    """

    indicator: str
    measure: str
    value: float
    rank: int
    of: int
    provinces: int = 34
    region: str | None = None
    region_rank: int | None = None
    region_of: int = 0
    national: float | None = None


@dataclass(frozen=True, slots=True)
class LaggingCommune:
    name: Text
    value: float


@dataclass(frozen=True, slots=True)
class Lagging:
    """The communes and wards furthest behind the others on one figure of the period (lowest
    first), against the mean of the ``count`` communes with the figure."""

    indicator: str
    measure: str  # plan_pct or yoy_pct
    reference: float
    count: int
    communes: tuple[LaggingCommune, ...] = ()


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One point of a time series drawn against its target line (e.g. GRDP growth by quarter)."""

    indicator: str
    period: str
    measure: str
    value: float


@dataclass(frozen=True, slots=True)
class ReportData:
    area_code: str | None
    area_names: dict[str, str]
    period: str
    area_level: str = "province"  # or the gazetteer's kind: city, commune, ward, special_zone, nation
    rows: tuple[IndicatorRow, ...] = ()
    targets: tuple[TargetRow, ...] = ()
    difficulties: tuple[DifficultyItem, ...] = ()
    directives: tuple[DirectiveItem, ...] = ()
    directives_period: str | None = None
    directives_announced: int | None = None
    recommendations: tuple[Text, ...] = ()
    series: tuple[SeriesPoint, ...] = ()
    as_of: date | None = None  # statuses, overdue counts and latest figures are those of this day
    conclusions: tuple[Text, ...] = ()
    follow_up: tuple[UnitFollowUp, ...] = ()  # the tasks set for this period, by unit, as of as_of
    form: DocumentForm = DocumentForm()
    standings: tuple[Standing, ...] = ()  # rank among the provinces, in the region; the nation
    lagging: Lagging | None = None

    def area_name(self, lang: str) -> str:
        return (
            self.area_names.get(lang)
            or self.area_names.get("en")
            or next(iter(self.area_names.values()), self.area_code or "")
        )

    def row(self, indicator: str) -> IndicatorRow | None:
        for r in self.rows:
            if r.indicator == indicator:
                return r
        return None

    def parts_of(self, parent: str) -> tuple[IndicatorRow, ...]:
        return tuple(r for r in self.rows if r.parent == parent)
