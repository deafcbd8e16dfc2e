"""What a periodic report says, as plain data with no language in it.

A :class:`ReportData` is one Review (area x period) ready to be told: the indicator rows with
their measures, the targets and how far they are, and the qualitative items (difficulties,
directives, recommendations), each of which carries its text in the languages it exists in.
Narration turns it into sentences; the renderers turn it into tables and charts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from marsad.core.languages import LANGS

QUALIFIERS = ("exact", "more_than", "less_than", "about", "at_least")
STATUSES = ("plan", "estimate", "preliminary", "official")
DIRECTIVE_STATUSES = ("in_progress", "due_soon", "overdue", "done_on_time", "done_late")
TARGET_STATUSES = ("met", "on_track", "at_risk", "missed", "unknown")


@dataclass(frozen=True, slots=True)
class Text:
    """One text in the languages it was written or translated in (``{"ar": ..., "vi": ...}``)."""

    texts: dict[str, str]

    def get(self, lang: str) -> str:
        """The text in ``lang``; else the first one there is (a report never drops an item)."""
        if self.texts.get(lang):
            return self.texts[lang]
        for other in LANGS:
            if self.texts.get(other):
                return self.texts[other]
        return next(iter(self.texts.values()), "")

    def lang_of(self, lang: str) -> str:
        """The language :meth:`get` actually answers in."""
        if self.texts.get(lang):
            return lang
        for other in LANGS:
            if self.texts.get(other):
                return other
        return next(iter(self.texts), lang)

    @classmethod
    def of(cls, value: Text | dict[str, str] | str, lang: str = "en") -> Text:
        if isinstance(value, Text):
            return value
        if isinstance(value, str):
            return cls({lang: value})
        return cls(dict(value))


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


@dataclass(frozen=True, slots=True)
class DirectiveItem:
    text: Text
    status: str = "in_progress"
    lead_unit: Text | None = None
    deadline: date | None = None
    delegated_to_commune: bool = False


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
    difficulties: tuple[Text, ...] = ()
    directives: tuple[DirectiveItem, ...] = ()
    directives_period: str | None = None
    directives_announced: int | None = None
    recommendations: tuple[Text, ...] = ()
    series: tuple[SeriesPoint, ...] = ()

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
