"""What every report language provides, and the decisions all languages share.

The shared logic (which way a figure moved, where it stands against the plan, which sector
drove growth) is decided once here and in :mod:`marsad.core.narration.narrate`; a language
module only says those decided things in its own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from marsad.core import periods
from marsad.core.narration.data import IndicatorRow, TargetRow
from marsad.core.numbers import format_number, format_percent


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    FLAT = "flat"


class PlanPosition(StrEnum):
    PROGRESS = "progress"  # part of the year, part of the plan: nothing to judge yet
    REACHED = "reached"
    EXCEEDED = "exceeded"
    SHORT = "short"  # the whole year is over and the plan was not reached


def direction(pct: float) -> Direction:
    if pct > 0:
        return Direction.UP
    if pct < 0:
        return Direction.DOWN
    return Direction.FLAT


def plan_position(plan_pct: float, period: periods.Period) -> PlanPosition:
    if plan_pct > 100:
        return PlanPosition.EXCEEDED
    if plan_pct == 100:
        return PlanPosition.REACHED
    if period.length == 12:
        return PlanPosition.SHORT
    return PlanPosition.PROGRESS


@dataclass(frozen=True, slots=True)
class Contribution:
    """A part's contribution to its parent's growth, ordered by the narrator."""

    row: IndicatorRow
    pp: float


class Language:
    """Base of ``ar``/``vi``/``en``: words, numbers and sentence forms of one language."""

    code: str = "en"
    rtl: bool = False

    # Words keyed by indicator / unit / status code; filled by each language.
    INDICATORS: dict[str, str] = {}
    PART_NAMES: dict[str, str] = {}
    SECTOR_NAMES: dict[str, str] = {}
    QUALIFIER_WORDS: dict[str, str] = {}  # "more_than" -> "more than " (with its space)
    UNITS: dict[str, str] = {}
    DIRECTIVE_STATUS: dict[str, str] = {}
    TARGET_STATUS: dict[str, str] = {}
    TITLES: dict[str, str] = {}
    HEADERS: dict[str, str] = {}
    # A directive's details ("lead: ...", "deadline ...") and the separators between them.
    LEAD_LABEL: str = "lead: "
    DEADLINE_LABEL: str = "deadline "
    CLAUSE_SEPARATOR: str = "; "
    LIST_SEPARATOR: str = ", "

    # -- numbers -----------------------------------------------------------------------------
    def num(self, value: float) -> str:
        return format_number(value, self.code)

    def pct(self, value: float) -> str:
        return format_percent(abs(value), self.code)

    def signed_pct(self, value: float) -> str:
        return format_percent(value, self.code)

    def amount(self, value: float, unit: str) -> str:
        if unit == "%":
            return format_percent(value, self.code)
        return f"{self.num(value)} {self.unit(unit)}".strip()

    def qualified_number(self, value: float, qualifier: str) -> str:
        """A number with its qualifier word: "more than 5,800"."""
        return self.QUALIFIER_WORDS.get(qualifier, "") + self.num(value)

    # -- words ---------------------------------------------------------------------------
    def indicator(self, code: str) -> str:
        return self.INDICATORS.get(code) or code

    def part(self, code: str) -> str:
        """A sector as named inside a list of parts ("services", not "value of services")."""
        return self.PART_NAMES.get(code) or self.indicator(code)

    def sector(self, code: str) -> str:
        """A part as named in the structure paragraph ("the services sector")."""
        return self.SECTOR_NAMES.get(code) or self.part(code)

    def unit(self, unit: str) -> str:
        return self.UNITS.get(unit, unit)

    def title(self, key: str) -> str:
        return self.TITLES[key]

    def header(self, key: str) -> str:
        return self.HEADERS[key]

    def directive_status(self, status: str) -> str:
        return self.DIRECTIVE_STATUS.get(status, status)

    def target_status(self, status: str) -> str:
        return self.TARGET_STATUS.get(status, status)

    # -- to be said by each language ------------------------------------------------------
    def area_phrase(self, name: str, level: str) -> str:
        """The area as the first sentence names it ("Ninh Thuan province")."""
        return name

    def period_phrase(self, period: periods.Period) -> str:
        """Adverbial: "in Q1 2024" / "في الربع الأول من عام 2024" / "quý I/2024"."""
        raise NotImplementedError

    def period_name(self, period: periods.Period) -> str:
        """Noun, for titles: "Q1 2024"."""
        raise NotImplementedError

    def period_short(self, period: periods.Period) -> str:
        """For chart axes: "Q1 2024" / "Q1/2024" / "الربع الأول 2024"."""
        return self.period_name(period)

    def report_title(self, area: str, period: periods.Period) -> str:
        """``area`` as :meth:`area_phrase` gives it."""
        raise NotImplementedError

    def indicator_sentence(
        self, row: IndicatorRow, period: periods.Period, area: str | None, plan: PlanPosition | None
    ) -> str:
        raise NotImplementedError

    def parts_sentence(self, parts: list[IndicatorRow]) -> str:
        raise NotImplementedError

    def shares_sentence(self, parent: IndicatorRow, parts: list[IndicatorRow]) -> str:
        raise NotImplementedError

    def contributions_sentence(self, parent: IndicatorRow, ordered: list[Contribution]) -> str:
        raise NotImplementedError

    def target_sentence(self, target: TargetRow) -> str:
        raise NotImplementedError

    def directives_intro(
        self, n: int, period: periods.Period | None, announced: int | None, counts: dict[str, int]
    ) -> str:
        raise NotImplementedError

    def difficulties_intro(self, n: int) -> str:
        raise NotImplementedError

    def recommendations_intro(self, n: int) -> str:
        raise NotImplementedError

    def no_figures(self, period: periods.Period) -> str:
        raise NotImplementedError

    def status_counts(self, counts: dict[str, int]) -> str:
        """ "3 overdue, 2 in progress" in the language; empty when nothing is counted."""
        return self.LIST_SEPARATOR.join(
            f"{c} {self.directive_status(s)}" for s, c in (counts or {}).items() if c
        )

    def directive_line(self, text: str, status: str, lead_unit: str | None, deadline: str | None) -> str:
        extra = [self.directive_status(status)]
        if lead_unit:
            extra.append(f"{self.LEAD_LABEL}{lead_unit}")
        if deadline:
            extra.append(f"{self.DEADLINE_LABEL}{deadline}")
        return f"{text} ({self.CLAUSE_SEPARATOR.join(extra)})"
