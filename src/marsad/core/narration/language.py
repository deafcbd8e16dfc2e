"""What every report language provides, and the decisions all languages share.

The shared logic (which way a figure moved, where it stands against the plan, which sector
drove growth) is decided once here and in :mod:`marsad.core.narration.narrate`; a language
module only says those decided things in its own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from marsad.core import periods
from marsad.core.analytics.targets import VERDICT_LABELS
from marsad.core.languages import translator
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
    PLAN_WORDS: dict[str, str] = {}  # catalogue plan_kind -> word, where the language tells them apart
    DIRECTIVE_STATUS: dict[str, str] = {}
    TITLES: dict[str, str] = {}
    HEADERS: dict[str, str] = {}
    # A directive's details ("lead: ...", "deadline ...") and the separators between them.
    LEAD_LABEL: str = "lead: "
    DEADLINE_LABEL: str = "deadline "
    CLAUSE_SEPARATOR: str = "; "
    LIST_SEPARATOR: str = ", "

    # The document form (Decree 30/2020/NĐ-CP and its Arabic and English equivalents): the
    # national motto, the document's kind, the parts' titles, the signature and distribution.
    FORM: dict[str, str] = {}
    MONTHS: tuple[str, ...] = ()
    # Each language's name in this language, as "original text in <language>" says it.
    LANGUAGE_NAMES: dict[str, str] = {}
    # The six socio-economic regions (core/regions.py), as a sentence names them.
    REGIONS: dict[str, str] = {}

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
        """The indicator as narration names it; one it has no word for is named as the catalogue
        names it in this language (never the raw code)."""
        return self.INDICATORS.get(code) or _catalogue_name(code, self.code)

    def plan_word(self, code: str) -> str:
        """What the indicator's yearly goal is called in this language (the catalogue's
        ``plan_kind``: a budget's goal is its estimate)."""
        return self.PLAN_WORDS[_plan_kind(code)]

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
        """A verdict in the words every page and command says (VERDICT_LABELS, translated by the
        one catalogue), so the report never words a verdict otherwise than the dashboard."""
        label = VERDICT_LABELS.get(status, VERDICT_LABELS["unknown"])
        return translator(self.code).gettext(label)

    def verdict_aside(self, status: str) -> str:
        """ " (on track)" after the growth still needed; nothing once met or missed."""
        return f" ({self.target_status(status)})" if status in ("on_track", "at_risk") else ""

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

    def shares_sentence(
        self, parent: IndicatorRow, parts: list[IndicatorRow], period: periods.Period, area: str
    ) -> str:
        """The parts' shares of ``parent``, the period (and where the language needs it, the
        area) named: the sentence stands on its own when a table above it (a PDF's cells read
        line by line) leaves another period or the national column as the last one named."""
        raise NotImplementedError

    def contributions_sentence(
        self, parent: IndicatorRow, ordered: list[Contribution], period: periods.Period, area: str
    ) -> str:
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

    # -- the document form -------------------------------------------------------------
    def form(self, key: str, **values) -> str:
        return self.FORM[key].format(**values)

    def list_of(self, items: list[str]) -> str:
        """ "A, B and C" with the language's "and" (the form's ``and``: " and ", " và ", " و")."""
        if len(items) < 2:
            return "".join(items)
        return ", ".join(items[:-1]) + self.form("and") + items[-1]

    def date(self, d: date) -> str:
        """A day in words: "31 October 2025"."""
        return f"{d.day} {self.MONTHS[d.month - 1]} {d.year}"

    def place_date(self, place: str, d: date) -> str:
        """The place and date line under the motto: "Bac Ninh, 31 October 2025"."""
        return f"{place}, {self.date(d)}"

    def number_line(self, number: str, symbol: str) -> str:
        """ "No.: 123/BC-UBND"; with no number yet, the blank the registry fills in."""
        return self.form("number", number=number or "\u2002" * 6, symbol=symbol)

    def issuing_body(self, area: str, level: str) -> str:
        """The issuer when the settings name none: the area's People's Committee."""
        return self.form("default_issuer", area=area.upper())

    def original_marker(self, lang: str) -> str:
        """ "original text in Arabic": said of an item printed as written, untranslated."""
        return self.form("original", language=self.LANGUAGE_NAMES.get(lang, lang))

    def part_title(self, part: str, next_period: periods.Period | None) -> str:
        when = self.period_name(next_period) if next_period else self.form("next_period")
        return self.form(f"part_{part}", period=when.upper())

    def follow_up_sentence(self, as_of: date, period: periods.Period, totals: dict[str, int]) -> str:
        raise NotImplementedError

    def conclusions_intro(self, n: int) -> str:
        raise NotImplementedError

    def standing_sentence(self, standing, period: periods.Period, area: str, index: int) -> str:
        """Rank among the provinces and in the region, and the national figure; ``index``: the
        sentence's place in the paragraph (the first names the area and who is ranked; the
        others vary their opening)."""
        raise NotImplementedError

    def lagging_sentence(self, lagging, period: periods.Period) -> str:
        """The communes furthest behind on one figure, against the communes' average."""
        raise NotImplementedError

    def region(self, key: str | None) -> str:
        return self.REGIONS.get(key or "", key or "")

    def status_counts(self, counts: dict[str, int]) -> str:
        """ "3 overdue, 2 in progress" in the language; empty when nothing is counted."""
        return self.LIST_SEPARATOR.join(
            f"{c} {self.directive_status(s)}" for s, c in (counts or {}).items() if c
        )

    def directive_details(self, status: str | None, lead_unit: str | None, deadline: date | None) -> str:
        """What follows a task, in the report's language: "(overdue; lead: ...; deadline 31
        December 2025)". A task still in progress says nothing of its status; a lead unit or
        deadline that was never given is not invented."""
        extra = [self.directive_status(status)] if status and status != "in_progress" else []
        if lead_unit:
            extra.append(f"{self.LEAD_LABEL}{lead_unit}")
        if deadline:
            extra.append(f"{self.DEADLINE_LABEL}{self.date(deadline)}")
        return self.CLAUSE_SEPARATOR.join(extra)

    def directive_line(self, text: str, status: str, lead_unit: str | None, deadline: date | None) -> str:
        details = self.directive_details(status, lead_unit, deadline)
        return f"{text} ({details})" if details else text


def _plan_kind(code: str) -> str:
    from marsad.core.catalogue import load_catalogue

    entry = load_catalogue().get(code)
    return entry.plan_kind if entry is not None else "plan"


def _catalogue_name(code: str, lang: str) -> str:
    from marsad.core.catalogue import load_catalogue

    entry = load_catalogue().get(code)
    return entry.name(lang) if entry is not None else code
