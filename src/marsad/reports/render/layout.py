"""The report as a sequence of blocks (headings, paragraphs, lists, tables, charts) that every
output format (HTML, PDF, DOCX) lays out the same way."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.core import periods
from marsad.core.narration import ReportData, language, narrate
from marsad.core.narration.data import IndicatorRow
from marsad.core.narration.form import Letterhead, SignatureBlock, letterhead, signature_block
from marsad.core.narration.narrate import Item, by_contribution, eastern, headline_rows
from marsad.reports.render.charts import Chart, report_charts


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class Items:
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Table:
    key: str
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    indent: tuple[bool, ...] = ()  # rows that are parts of the row above them
    numeric: tuple[bool, ...] = ()  # columns of figures: aligned to the end, sized to content


@dataclass(frozen=True, slots=True)
class Figure:
    chart: Chart


@dataclass(frozen=True, slots=True)
class ReportLayout:
    lang: str
    rtl: bool
    title: str
    subtitle: str
    blocks: list = field(default_factory=list)
    footer: str = ""
    head: Letterhead | None = None
    signature: SignatureBlock | None = None
    author: str = ""  # the issuing body: the document's author in its metadata
    page_label: str = ""
    original_markers: dict = field(default_factory=dict)  # lang -> "original text in <lang>"
    appendix: list = field(default_factory=list)  # after the signature, on a page of its own


def _cell(value: float | None, fmt) -> str:
    return "" if value is None else fmt(value)


def _level(L, row: IndicatorRow) -> str:
    return "" if row.level is None else L.qualified_number(row.level, row.qualifier)


def indicator_table(data: ReportData, lang: str) -> Table | None:
    L = language(lang)
    rows, indent = [], []
    for row in headline_rows(data):
        for r, is_part in [(row, False), *((p, True) for p in by_contribution(data.parts_of(row.indicator)))]:
            rows.append(
                (
                    L.part(r.indicator) if is_part else L.indicator(r.indicator),
                    L.unit(r.unit) if r.level is not None else "",
                    _level(L, r),
                    _cell(r.yoy_pct, L.num),
                    _cell(r.plan_pct, L.num),
                )
            )
            indent.append(is_part)
    if not rows:
        return None
    headers = tuple(L.header(k) for k in ("indicator", "unit", "level", "yoy_pct", "plan_pct"))
    return Table(
        "indicators", L.title("indicator_table"), headers, tuple(rows), tuple(indent), NUMERIC_AFTER[2](5)
    )


def structure_table(data: ReportData, lang: str) -> Table | None:
    L = language(lang)
    rows = []
    for parent in headline_rows(data):
        for r in by_contribution(data.parts_of(parent.indicator)):
            if r.share_pct is None and r.contribution_pp is None:
                continue
            rows.append(
                (
                    L.sector(r.indicator),
                    _cell(r.yoy_pct, L.num),
                    _cell(r.share_pct, L.num),
                    _cell(r.contribution_pp, L.num),
                )
            )
    if not rows:
        return None
    headers = tuple(L.header(k) for k in ("sector", "yoy_pct", "share_pct", "contribution_pp"))
    return Table("structure", L.title("structure_table"), headers, tuple(rows), (), NUMERIC_AFTER[1](4))


def targets_table(data: ReportData, lang: str) -> Table | None:
    L = language(lang)
    if not data.targets:
        return None
    rows = []
    for t in data.targets:
        fmt = L.pct if t.measure != "level" else (lambda v, u=t.unit: L.amount(v, u))
        rows.append(
            (
                L.indicator(t.indicator)
                + (f" ({L.header('central_estimate')})" if t.basis == "central" else ""),
                t.period,
                fmt(t.value),
                _cell(t.achieved, fmt),
                _cell(t.needed, fmt),
                L.target_status(t.status),
            )
        )
    headers = tuple(L.header(k) for k in ("indicator", "period", "target", "achieved", "needed", "status"))
    numeric = (False, True, True, True, True, False)
    return Table("targets", L.title("targets"), headers, tuple(rows), (), numeric)


def appendix_table(data: ReportData, lang: str) -> Table | None:
    """The appendix of a review report: every indicator with data, with the year's plan, the
    same period last year, this period, the change on last year and the share of the plan."""
    L = language(lang)
    # A budget's two estimates: the central government's in two more columns, when there is one.
    central = any(r.central_level is not None for r in data.rows)
    rows, indent = [], []
    for row in headline_rows(data):
        for r, is_part in [(row, False), *((p, True) for p in by_contribution(data.parts_of(row.indicator)))]:
            if r.level is None and r.yoy_pct is None and r.plan_pct is None:
                continue
            cells = (
                L.part(r.indicator) if is_part else L.indicator(r.indicator),
                L.unit(r.unit) if r.unit != "%" else "%",
                _cell(r.plan_level, L.num),
                _cell(r.level_year_before, L.num),
                _level(L, r),
                _cell(r.yoy_pct, L.num),
                _cell(r.plan_pct, L.num),
            )
            if central:
                cells += (_cell(r.central_level, L.num), _cell(r.central_pct, L.num))
            rows.append(cells)
            indent.append(is_part)
    if not rows:
        return None
    keys = ("indicator", "unit", "plan_level", "year_before", "this_period", "yoy_pct", "plan_pct")
    if central:
        keys += ("central_estimate", "central_pct")
    title = L.form("appendix_title", period=L.period_name(periods.parse(data.period)))
    return Table(
        "appendix",
        title,
        tuple(L.header(k) for k in keys),
        tuple(rows),
        tuple(indent),
        NUMERIC_AFTER[2](len(keys)),
    )


def follow_up_table(data: ReportData, lang: str) -> Table | None:
    """The tasks of the period by unit, in the Government Office's four classes."""
    if not data.follow_up:
        return None
    L = language(lang)
    keys = ("done_on_time", "done_late", "within_deadline", "overdue")
    rows = tuple(
        (
            u.unit.get(lang) if u.unit is not None else L.form("communes_row", n=L.num(u.communes)),
            *(L.num(getattr(u, k)) for k in keys),
        )
        for u in data.follow_up
    )
    headers = (L.form("unit"), *(L.header(k) for k in keys))
    return Table(
        "follow_up",
        L.form("follow_up", period=L.period_name(periods.parse(data.period))),
        headers,
        rows,
        (),
        NUMERIC_AFTER[1](5),
    )


def standing_table(data: ReportData, lang: str) -> Table | None:
    """Each compared figure: the area's value, its rank among the provinces and in the region,
    and the national figure."""
    if not data.standings:
        return None
    L = language(lang)
    rows = []
    for st in data.standings:
        fmt = L.num
        rows.append(
            (
                L.indicator(st.indicator),
                L.header(st.measure),
                fmt(st.value),
                f"{L.num(st.rank)}/{L.num(st.of)}",
                f"{L.num(st.region_rank)}/{L.num(st.region_of)}" if st.region_rank else "",
                "" if st.national is None else fmt(st.national),
            )
        )
    keys = ("indicator", "measure", "value", "rank", "region_rank", "national")
    headers = tuple(L.header(k) for k in keys)
    return Table("standing", L.title("standing_table"), headers, tuple(rows), (), NUMERIC_AFTER[2](6))


def lagging_table(data: ReportData, lang: str) -> Table | None:
    """The communes furthest behind, their figure and the gap to the communes' average."""
    lag = data.lagging
    if lag is None or not lag.communes:
        return None
    L = language(lang)
    rows = tuple(
        (L.num(i), c.name.get(lang), L.num(c.value), L.num(c.value - lag.reference))
        for i, c in enumerate(lag.communes, start=1)
    )
    headers = (L.header("number"), L.header("commune"), L.header(lag.measure), L.header("gap"))
    numeric = (True, False, True, True)
    return Table("lagging", L.title("lagging_table"), headers, rows, (), numeric)


# Which columns hold figures: every column from the n-th on, of a table of ``width`` columns.
NUMERIC_AFTER = {n: (lambda width, n=n: tuple(i >= n for i in range(width))) for n in (1, 2)}


def _eastern_table(t: Table) -> Table:
    return Table(
        t.key,
        eastern(t.caption),
        t.headers,
        tuple(tuple(eastern(c) for c in row) for row in t.rows),
        t.indent,
        t.numeric,
    )


def build_layout(
    data: ReportData, lang: str, with_charts: bool = True, eastern_digits: bool = False
) -> ReportLayout:
    """The whole document: letterhead, parts I-III with their sections, tables and charts, the
    signature block and distribution list, then the appendix. ``eastern_digits``: Arabic text
    and tables with ٠١٢٣٤٥٦٧٨٩ (the charts keep theirs)."""
    east = eastern_digits and lang == "ar"
    E = eastern if east else str
    L = language(lang)
    period = periods.parse(data.period)
    charts = {c.key: c for c in report_charts(data, lang)} if with_charts else {}
    tables = {
        "results": indicator_table(data, lang),
        "structure": structure_table(data, lang),
        "targets": targets_table(data, lang),
        "follow_up": follow_up_table(data, lang),
        "standing": standing_table(data, lang),
        "lagging": lagging_table(data, lang),
    }
    blocks: list = []
    sections = narrate(data, lang, eastern_digits=east)
    next_period = periods.parse(data.directives_period) if data.directives_period else None
    part, number = None, 0
    for section in sections:
        if section.part != part:
            part, number = section.part, 0
            blocks.append(Heading(E(L.part_title(part, next_period)), 2))
        number += 1
        blocks.append(Heading(E(f"{number}. {section.title}"), 3))
        blocks.extend(Paragraph(p) for p in section.paragraphs if p)
        if section.items:
            blocks.append(Items(section.items))
        table = tables.get(section.key)
        if table is not None:
            blocks.append(_eastern_table(table) if east else table)
        prefix = {
            "structure": ("shares_", "contributions_"),
            "targets": ("series_",),
            "directives": ("directives",),
        }
        for key, chart in charts.items():
            if key.startswith(prefix.get(section.key, ("\0",))):
                blocks.append(Figure(chart))
    # A series chart with no target section still belongs in the report.
    if "targets" not in {s.key for s in sections}:
        blocks.extend(Figure(c) for k, c in charts.items() if k.startswith("series_"))
    appendix = appendix_table(data, lang)
    head = letterhead(data, lang)
    signature = signature_block(data, lang)
    after: list = []
    if appendix is not None:
        after = [Heading(L.form("appendix"), 2), _eastern_table(appendix) if east else appendix]
    return ReportLayout(
        lang=lang,
        rtl=L.rtl,
        title=E(head.title),
        subtitle=L.period_name(period),
        blocks=blocks,
        appendix=after,
        footer="",
        head=Letterhead(
            **{
                k: E(getattr(head, k))
                if isinstance(getattr(head, k), str)
                else tuple(E(x) for x in getattr(head, k))
                for k in Letterhead.__slots__
            }
        ),
        signature=signature,
        author=head.issuing_body,
        page_label=L.form("page"),
        original_markers={code: L.original_marker(code) for code in ("ar", "vi", "en") if code != lang},
    )
