"""Report text from report data: the decisions all languages share, said by each language.

``narrate(data, lang)`` returns the report's sections in order (results, structure, targets,
difficulties, directives, recommendations); each has a title, paragraphs and list items.
Which sentences appear and how they are shaped follows the data: a decline is said as one, a
plan exceeded as exceeded, "more than" only when the qualifier says so, and sectors are named in
the order of their contribution to growth.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from marsad.core import periods
from marsad.core.narration.data import DIRECTIVE_STATUSES, LANGS, IndicatorRow, ReportData
from marsad.core.narration.language import Contribution, Language, plan_position

# The order a review reads its figures in: growth first, then the budget, trade, investment...
INDICATOR_ORDER = (
    "grdp",
    "iip",
    "retail_sales",
    "exports",
    "imports",
    "trade_turnover",
    "budget_revenue",
    "budget_expenditure",
    "investment_capital",
    "public_investment_disbursed",
    "fdi_registered",
    "ddi_registered",
    "new_enterprises",
    "cpi",
    "visitors",
    "tourism_revenue",
    "poverty_rate",
    "communes_with_digital_product",
    "socio_economic_targets_met",
)


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the report. ``item_langs`` gives the language each item is written in
    (an item without a translation keeps its own language and direction)."""

    key: str
    title: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    item_langs: tuple[str, ...] = ()


def language(lang: str) -> Language:
    if lang not in LANGS:
        raise ValueError(f"report language {lang!r} is not one of {', '.join(LANGS)}")
    return import_module(f"marsad.core.narration.{lang}").LANGUAGE


def _order_key(row: IndicatorRow) -> tuple[int, str]:
    try:
        return (INDICATOR_ORDER.index(row.indicator), row.indicator)
    except ValueError:
        return (len(INDICATOR_ORDER), row.indicator)


def by_contribution(parts: tuple[IndicatorRow, ...] | list[IndicatorRow]) -> list[IndicatorRow]:
    """Parts in order of their contribution to the parent's growth, largest first.

    Parts with no known contribution follow, largest level first; ties keep the given order.
    """
    known = [r for r in parts if r.contribution_pp is not None]
    unknown = [r for r in parts if r.contribution_pp is None]
    known.sort(key=lambda r: -r.contribution_pp)
    unknown.sort(key=lambda r: -(r.level or 0))
    return known + unknown


def headline_rows(data: ReportData) -> list[IndicatorRow]:
    """Rows told in their own sentence: every row that is not a part of another row present."""
    present = {r.indicator for r in data.rows}
    return sorted((r for r in data.rows if r.parent not in present), key=_order_key)


_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def eastern(text: str) -> str:
    """Arabic text with Eastern Arabic digits (a reader's preference)."""
    return text.translate(_EASTERN)


def _in_eastern_digits(section: Section) -> Section:
    return Section(
        section.key,
        eastern(section.title),
        tuple(eastern(p) for p in section.paragraphs),
        tuple(
            eastern(i) if lang == "ar" else i
            for i, lang in zip(section.items, section.item_langs, strict=False)
        ),
        section.item_langs,
    )


def narrate(data: ReportData, lang: str, eastern_digits: bool = False) -> list[Section]:
    """The report's sections; ``eastern_digits`` writes Arabic with ٠١٢٣٤٥٦٧٨٩."""
    sections = _narrate(data, lang)
    if eastern_digits and lang == "ar":
        return [_in_eastern_digits(s) for s in sections]
    return sections


def _narrate(data: ReportData, lang: str) -> list[Section]:
    L = language(lang)
    period = periods.parse(data.period)
    area = L.area_phrase(data.area_name(lang), data.area_level)
    sections: list[Section] = []

    # Results: one sentence per headline indicator, its parts right after it.
    paragraphs: list[str] = []
    first = True
    for row in headline_rows(data):
        plan = plan_position(row.plan_pct, period) if row.plan_pct is not None else None
        sentence = L.indicator_sentence(row, period, area if first else None, plan)
        parts = by_contribution(data.parts_of(row.indicator))
        if not sentence:
            # No figure for the whole: its parts are told on their own ("of which" needs a whole).
            for part in parts:
                own = L.indicator_sentence(part, period, area if first else None, None)
                if own:
                    first = False
                    paragraphs.append(own)
            continue
        first = False
        if parts:
            sentence += " " + L.parts_sentence(parts)
        paragraphs.append(sentence.strip())
    if not paragraphs:
        paragraphs.append(L.no_figures(period))
    sections.append(Section("results", L.title("results"), tuple(paragraphs)))

    # Structure: shares, then who drove growth.
    structure: list[str] = []
    for row in headline_rows(data):
        parts = by_contribution(data.parts_of(row.indicator))
        with_share = [r for r in parts if r.share_pct is not None]
        with_share.sort(key=lambda r: -r.share_pct)
        if with_share:
            structure.append(L.shares_sentence(row, with_share))
        contributions = [Contribution(r, r.contribution_pp) for r in parts if r.contribution_pp is not None]
        if contributions:
            structure.append(L.contributions_sentence(row, contributions))
    structure = [s for s in structure if s]
    if structure:
        sections.append(Section("structure", L.title("structure"), tuple(structure)))

    if data.targets:
        sentences = tuple(s for s in (L.target_sentence(t) for t in data.targets) if s)
        sections.append(Section("targets", L.title("targets"), sentences))

    if data.difficulties:
        sections.append(
            Section(
                "difficulties",
                L.title("difficulties"),
                (L.difficulties_intro(len(data.difficulties)),),
                tuple(t.get(lang) for t in data.difficulties),
                tuple(t.lang_of(lang) for t in data.difficulties),
            )
        )

    if data.directives or data.directives_announced:
        counts = {s: 0 for s in DIRECTIVE_STATUSES}
        for d in data.directives:
            counts[d.status] = counts.get(d.status, 0) + 1
        dperiod = periods.parse(data.directives_period) if data.directives_period else None
        items = tuple(
            L.directive_line(
                d.text.get(lang),
                d.status,
                d.lead_unit.get(lang) if d.lead_unit else None,
                d.deadline.isoformat() if d.deadline else None,
            )
            for d in data.directives
        )
        sections.append(
            Section(
                "directives",
                L.title("directives"),
                (L.directives_intro(len(data.directives), dperiod, data.directives_announced, counts),),
                items,
                tuple(d.text.lang_of(lang) for d in data.directives),
            )
        )

    if data.recommendations:
        sections.append(
            Section(
                "recommendations",
                L.title("recommendations"),
                (L.recommendations_intro(len(data.recommendations)),),
                tuple(t.get(lang) for t in data.recommendations),
                tuple(t.lang_of(lang) for t in data.recommendations),
            )
        )
    return sections


def narrate_text(data: ReportData, lang: str, eastern_digits: bool = False) -> str:
    """The report as plain text: title, then each section's title, paragraphs and items."""
    L = language(lang)
    title = L.report_title(L.area_phrase(data.area_name(lang), data.area_level), periods.parse(data.period))
    lines = [eastern(title) if eastern_digits and lang == "ar" else title, ""]
    for s in narrate(data, lang, eastern_digits):
        lines.append(s.title)
        lines.extend(s.paragraphs)
        lines.extend(f"- {item}" for item in s.items)
        lines.append("")
    return "\n".join(lines).strip() + "\n"
