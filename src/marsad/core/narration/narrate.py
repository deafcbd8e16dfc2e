"""Report text from report data: the decisions all languages share, said by each language.

``narrate(data, lang)`` returns the report's sections in order (results, structure, targets,
difficulties, directives, recommendations); each has a title, paragraphs and list items.
Which sentences appear and how they are shaped follows the data: a decline is said as one, a
plan exceeded as exceeded, "more than" only when the qualifier says so, and sectors are named in
the order of their contribution to growth.
"""

from __future__ import annotations

import re
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
class Item:
    """One listed item (a task, a difficulty, a conclusion...).

    ``text`` is in ``lang``: the report's language when a person translated it, else the
    language it was written in, and then ``original`` is set so the report says so and isolates
    it. ``details`` are always in the report's language (status, lead unit, deadline, cause).
    """

    text: str
    lang: str
    details: str = ""
    original: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the report, under one of the document's parts (``part``: I results, II
    limitations and causes, III tasks and solutions)."""

    key: str
    title: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    part: str = "I"


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
_EASTERN_MARK = {",": "\u066c", ".": "\u066b"}
# A decimal point or thousands comma between two digits: ٫ and ٬ in Eastern digits, so that
# ١٢٫٠٧ reads as twelve point nought seven and not as 12,007.
_NUMBER_MARK = re.compile(r"(?<=\d)[.,](?=\d)")


def eastern(text: str) -> str:
    """Arabic text with Eastern Arabic digits and the Arabic decimal and thousands marks."""
    return _NUMBER_MARK.sub(lambda m: _EASTERN_MARK[m.group()], text).translate(_EASTERN)


def _in_eastern_digits(section: Section) -> Section:
    return Section(
        section.key,
        eastern(section.title),
        tuple(eastern(p) for p in section.paragraphs),
        tuple(
            Item(eastern(i.text) if i.lang == "ar" else i.text, i.lang, eastern(i.details), i.original)
            for i in section.items
        ),
        section.part,
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

    # Where the area stands among the provinces, in its region, and the nation's figure.
    if data.standings:
        said = tuple(
            s for s in (L.standing_sentence(st, period, area, i) for i, st in enumerate(data.standings)) if s
        )
        if said:
            sections.append(Section("standing", L.title("standing"), (" ".join(said),)))

    # Structure: shares, then who drove growth.
    structure: list[str] = []
    for row in headline_rows(data):
        parts = by_contribution(data.parts_of(row.indicator))
        with_share = [r for r in parts if r.share_pct is not None]
        with_share.sort(key=lambda r: -r.share_pct)
        if with_share:
            structure.append(L.shares_sentence(row, with_share, period, area))
        contributions = [Contribution(r, r.contribution_pp) for r in parts if r.contribution_pp is not None]
        if contributions:
            structure.append(L.contributions_sentence(row, contributions, period, area))
    structure = [s for s in structure if s]
    if structure:
        sections.append(Section("structure", L.title("structure"), tuple(structure)))

    if data.targets:
        sentences = tuple(s for s in (L.target_sentence(t) for t in data.targets) if s)
        sections.append(Section("targets", L.title("targets"), sentences))

    follow = follow_up_totals(data)
    if follow["total"] and data.as_of is not None:
        sections.append(
            Section(
                "follow_up",
                L.form("follow_up", period=L.period_name(period)),
                (L.follow_up_sentence(data.as_of, period, follow),),
            )
        )

    # II. Limitations, difficulties and their causes: first the communes furthest behind.
    if data.lagging is not None and data.lagging.communes:
        sections.append(
            Section("lagging", L.form("lagging"), (L.lagging_sentence(data.lagging, period),), part="II")
        )
    if data.difficulties:
        sections.append(
            Section(
                "difficulties",
                L.title("difficulties"),
                (L.difficulties_intro(len(data.difficulties)),),
                tuple(
                    _item(d.text, lang, _cause(L, d.cause, lang) if d.cause else "")
                    for d in data.difficulties
                ),
                part="II",
            )
        )

    # III. Tasks and solutions for the next period.
    if data.conclusions:
        sections.append(
            Section(
                "conclusions",
                L.form("conclusions"),
                (L.conclusions_intro(len(data.conclusions)),),
                tuple(_item(t, lang) for t in data.conclusions),
                part="III",
            )
        )
    if data.directives or data.directives_announced:
        counts = {s: 0 for s in DIRECTIVE_STATUSES}
        for d in data.directives:
            counts[d.status] = counts.get(d.status, 0) + 1
        dperiod = periods.parse(data.directives_period) if data.directives_period else None
        items = tuple(
            _item(
                d.text,
                lang,
                L.directive_details(d.status, d.lead_unit.get(lang) if d.lead_unit else None, d.deadline),
            )
            for d in data.directives
        )
        sections.append(
            Section(
                "directives",
                L.title("directives"),
                (L.directives_intro(len(data.directives), dperiod, data.directives_announced, counts),),
                items,
                part="III",
            )
        )

    if data.recommendations:
        sections.append(
            Section(
                "recommendations",
                L.title("recommendations"),
                (L.recommendations_intro(len(data.recommendations)),),
                tuple(_item(t, lang) for t in data.recommendations),
                part="III",
            )
        )
    return sections


def _item(text, lang: str, details: str = "") -> Item:
    written = text.lang_of(lang)
    return Item(text.get(lang), written, details, original=written != lang)


def _cause(L: Language, cause, lang: str) -> str:
    """ "cause: ..." in the report's language; an untranslated cause is isolated and marked."""
    written = cause.lang_of(lang)
    if written == lang:
        return L.form("cause") + cause.get(lang)
    return f"{L.form('cause')}\u2068{cause.get(lang)}\u2069 ({L.original_marker(written)})"


def follow_up_totals(data: ReportData) -> dict[str, int]:
    """The four classes summed over the units, and their total."""
    keys = ("done_on_time", "done_late", "within_deadline", "overdue")
    totals = {k: sum(getattr(u, k) for u in data.follow_up) for k in keys}
    totals["total"] = sum(totals.values())
    return totals


def item_line(L: Language, item: Item, isolate: bool = True) -> str:
    """An item as one line of plain text: the text (isolated when it is in another language,
    and marked as the original), then its details in the report's language."""
    text = f"\u2068{item.text}\u2069" if isolate and item.original else item.text
    notes = [L.original_marker(item.lang)] if item.original else []
    if item.details:
        notes.append(item.details)
    return f"{text} ({L.CLAUSE_SEPARATOR.join(notes)})" if notes else text


def narrate_text(data: ReportData, lang: str, eastern_digits: bool = False) -> str:
    """The report as plain text: the letterhead, title, each part and section, and the signature."""
    from marsad.core.narration.form import letterhead, signature_block

    L = language(lang)
    E = eastern if eastern_digits and lang == "ar" else str
    head, sign = letterhead(data, lang), signature_block(data, lang)
    lines = [
        *([head.parent_body] if head.parent_body else []),
        head.issuing_body,
        head.number,
        *head.motto,
        head.place_date,
        "",
        head.kind,
        head.title,
        head.as_of_note,
        "",
    ]
    part = None
    lines = [E(line) for line in lines]
    for s in narrate(data, lang, eastern_digits):
        if s.part != part:
            part = s.part
            lines.extend([E(L.part_title(part, _next_period(data))), ""])
        lines.append(s.title)
        lines.extend(s.paragraphs)
        lines.extend(f"- {item_line(L, item)}" for item in s.items)
        lines.append("")
    lines.extend([sign.authority, sign.title, *([sign.name] if sign.name else []), ""])
    lines.extend([sign.recipients_label, *(E(f"- {r}") for r in sign.recipients)])
    return "\n".join(lines).strip() + "\n"


def _next_period(data: ReportData) -> periods.Period | None:
    return periods.parse(data.directives_period) if data.directives_period else None
