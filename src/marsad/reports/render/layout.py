"""The report as a sequence of blocks (headings, paragraphs, lists, tables, charts) that every
output format (HTML, PDF, DOCX) lays out the same way."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.core import periods
from marsad.core.narration import ReportData, language, narrate
from marsad.core.narration.data import IndicatorRow
from marsad.core.narration.narrate import by_contribution, eastern, headline_rows
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
    items: tuple[str, ...]
    langs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    key: str
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    indent: tuple[bool, ...] = ()  # rows that are parts of the row above them


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
    return Table("indicators", L.title("indicator_table"), headers, tuple(rows), tuple(indent))


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
    return Table("structure", L.title("structure_table"), headers, tuple(rows))


def targets_table(data: ReportData, lang: str) -> Table | None:
    L = language(lang)
    if not data.targets:
        return None
    rows = []
    for t in data.targets:
        fmt = L.pct if t.measure != "level" else (lambda v, u=t.unit: L.amount(v, u))
        rows.append(
            (
                L.indicator(t.indicator),
                t.period,
                fmt(t.value),
                _cell(t.achieved, fmt),
                _cell(t.needed, fmt),
                L.target_status(t.status),
            )
        )
    headers = tuple(L.header(k) for k in ("indicator", "period", "target", "achieved", "needed", "status"))
    return Table("targets", L.title("targets"), headers, tuple(rows))


def _eastern_table(t: Table) -> Table:
    return Table(
        t.key,
        eastern(t.caption),
        t.headers,
        tuple(tuple(eastern(c) for c in row) for row in t.rows),
        t.indent,
    )


def build_layout(
    data: ReportData, lang: str, with_charts: bool = True, eastern_digits: bool = False
) -> ReportLayout:
    """``eastern_digits``: Arabic text and tables with ٠١٢٣٤٥٦٧٨٩ (the charts keep theirs)."""
    east = eastern_digits and lang == "ar"
    L = language(lang)
    period = periods.parse(data.period)
    charts = {c.key: c for c in report_charts(data, lang)} if with_charts else {}
    tables = {
        "results": indicator_table(data, lang),
        "structure": structure_table(data, lang),
        "targets": targets_table(data, lang),
    }
    blocks: list = []
    sections = narrate(data, lang, eastern_digits=east)
    for section in sections:
        blocks.append(Heading(section.title))
        blocks.extend(Paragraph(p) for p in section.paragraphs if p)
        if section.items:
            blocks.append(Items(section.items, section.item_langs))
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
    return ReportLayout(
        lang=lang,
        rtl=L.rtl,
        title=(eastern if east else str)(
            L.report_title(L.area_phrase(data.area_name(lang), data.area_level), period)
        ),
        subtitle=L.period_name(period),
        blocks=blocks,
        footer=L.title("generated"),
    )
