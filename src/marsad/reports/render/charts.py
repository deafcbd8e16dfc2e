"""Report charts as Vega-Lite specs, drawn by vl-convert to SVG (HTML) or PNG (PDF, DOCX).

Labels are in the report's language. vl-convert shapes Arabic and lays it out right to left
once the Noto fonts shipped by the ``fontpkg-*`` packages are registered; for Arabic the charts
are also mirrored (category axis on the right, bars growing leftwards) as an Arabic reader
expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.core import periods
from marsad.core.narration import ReportData, language
from marsad.core.narration.data import DIRECTIVE_STATUSES
from marsad.core.narration.narrate import by_contribution, headline_rows

WIDTH = 460


@dataclass(frozen=True, slots=True)
class Chart:
    key: str
    title: str
    spec: dict


@cache
def _register_fonts() -> None:
    import fontpkg_noto_sans
    import fontpkg_noto_sans_arabic
    import vl_convert

    vl_convert.register_font_directory(str(fontpkg_noto_sans_arabic.ROOT / "files"))
    vl_convert.register_font_directory(str(fontpkg_noto_sans.ROOT / "files"))


def _rtl(lang: str, text: str) -> str:
    """Arabic label wrapped in right-to-left marks, so a label mixing Arabic and a number
    ("الهدف 10٪") is ordered as a right-to-left line whatever direction the renderer starts in."""
    return f"\u200f{text}\u200f" if lang == "ar" else text


def _font(lang: str) -> str:
    return "Noto Sans Arabic" if lang == "ar" else "Noto Sans"


def _base(lang: str, title: str) -> dict:
    font = _font(lang)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": _rtl(lang, title), "anchor": "end" if lang == "ar" else "start"},
        "width": WIDTH,
        "config": {
            "font": font,
            "axis": {
                "labelFont": font,
                "titleFont": font,
                "labelFontSize": 11,
                "titleFontSize": 11,
                "labelLimit": 260,
            },
            "legend": {"labelFont": font, "titleFont": font, "orient": "bottom"},
            "title": {"font": font, "fontSize": 13},
            "view": {"stroke": None},
        },
    }


def _bars(lang: str, title: str, rows: list[dict], value_title: str, color: str = "#2f6690") -> dict:
    """Horizontal bars, one per category, in the given order; mirrored for Arabic."""
    rtl = lang == "ar"
    spec = _base(lang, title)
    spec["height"] = {"step": 26}
    # Room beyond the longest bar for its value label.
    spec["padding"] = (
        {"left": 36, "right": 5, "top": 5, "bottom": 5}
        if rtl
        else {"left": 5, "right": 36, "top": 5, "bottom": 5}
    )
    spec["data"] = {"values": rows}
    spec["layer"] = [
        {"mark": {"type": "bar", "color": color}},
        {
            "mark": {"type": "text", "align": "right" if rtl else "left", "dx": -4 if rtl else 4},
            "encoding": {"text": {"field": "label"}},
        },
    ]
    spec["encoding"] = {
        "y": {
            "field": "name",
            "type": "nominal",
            "sort": None,
            "title": None,
            "axis": {"orient": "right" if rtl else "left"},
        },
        "x": {
            "field": "value",
            "type": "quantitative",
            "title": _rtl(lang, value_title),
            "scale": {"reverse": rtl},
        },
    }
    return spec


def structure_charts(data: ReportData, lang: str) -> list[Chart]:
    L = language(lang)
    charts = []
    for parent in headline_rows(data):
        parts = by_contribution(data.parts_of(parent.indicator))
        shares = [r for r in parts if r.share_pct is not None]
        if shares:
            shares.sort(key=lambda r: -r.share_pct)
            rows = [
                {"name": L.sector(r.indicator), "value": r.share_pct, "label": L.pct(r.share_pct)}
                for r in shares
            ]
            title = f"{L.header('share_pct')}: {L.indicator(parent.indicator)}"
            charts.append(
                Chart(f"shares_{parent.indicator}", title, _bars(lang, title, rows, L.header("share_pct")))
            )
        contrib = [r for r in parts if r.contribution_pp is not None]
        if contrib:
            rows = [
                {"name": L.sector(r.indicator), "value": r.contribution_pp, "label": L.num(r.contribution_pp)}
                for r in contrib
            ]
            title = f"{L.header('contribution_pp')}: {L.indicator(parent.indicator)}"
            charts.append(
                Chart(
                    f"contributions_{parent.indicator}",
                    title,
                    _bars(lang, title, rows, L.header("contribution_pp"), color="#3a7d44"),
                )
            )
    return charts


def series_charts(data: ReportData, lang: str) -> list[Chart]:
    """Each growth series against its growth target for the year, when there is one."""
    L = language(lang)
    charts = []
    growth_targets = {t.indicator: t for t in data.targets if t.measure == "yoy_pct"}
    by_indicator: dict[str, list] = {}
    for point in data.series:
        by_indicator.setdefault(point.indicator, []).append(point)
    for code, points in by_indicator.items():
        target = growth_targets.get(code)
        # GRDP's growth, and any growth with a target to be drawn against; one point is no line.
        if len(points) < 2 or (target is None and code != "grdp"):
            continue
        rtl = lang == "ar"
        values = [
            {"period": L.period_short(periods.parse(p.period)), "order": i, "value": p.value}
            for i, p in enumerate(points)
        ]
        title = (
            f"{L.title('series_chart' if target is not None else 'series_chart_plain')}: {L.indicator(code)}"
        )
        spec = _base(lang, title)
        spec["height"] = 180
        x = {
            "field": "period",
            "type": "ordinal",
            "sort": {"field": "order"},
            "title": None,
            "scale": {"reverse": rtl},
            "axis": {
                "labelAngle": 0 if lang == "en" else -30,
                "labelAlign": "center" if lang == "en" else ("left" if rtl else "right"),
            },
        }
        layers: list[dict] = [
            {
                "data": {"values": values},
                "mark": {"type": "line", "point": True, "color": "#2f6690"},
                "encoding": {
                    "x": x,
                    "y": {
                        "field": "value",
                        "type": "quantitative",
                        "title": _rtl(lang, L.header("yoy_pct")),
                        "axis": {"orient": "right" if rtl else "left"},
                    },
                },
            }
        ]
        if target is not None:
            layers.append(
                {
                    "data": {
                        "values": [
                            {
                                "target": target.value,
                                "label": _rtl(lang, f"{L.header('target')} {L.pct(target.value)}"),
                            }
                        ]
                    },
                    "layer": [
                        {
                            "mark": {"type": "rule", "color": "#c0392b", "strokeDash": [6, 4]},
                            "encoding": {"y": {"field": "target", "type": "quantitative"}},
                        },
                        {
                            "mark": {
                                "type": "text",
                                "color": "#c0392b",
                                "align": "left" if rtl else "right",
                                "dy": -6,
                                "x": 0 if rtl else WIDTH,
                            },
                            "encoding": {
                                "y": {"field": "target", "type": "quantitative"},
                                "text": {"field": "label"},
                            },
                        },
                    ],
                }
            )
        spec["layer"] = layers
        charts.append(Chart(f"series_{code}", title, spec))
    return charts


def directive_chart(data: ReportData, lang: str) -> list[Chart]:
    if not data.directives:
        return []
    L = language(lang)
    counts = {s: 0 for s in DIRECTIVE_STATUSES}
    for d in data.directives:
        counts[d.status] = counts.get(d.status, 0) + 1
    colors = {
        "in_progress": "#2f6690",
        "due_soon": "#e1a100",
        "overdue": "#c0392b",
        "done_on_time": "#3a7d44",
        "done_late": "#8e7dbe",
    }
    rows = [
        {"name": L.directive_status(s), "value": c, "label": L.num(c), "status": s}
        for s, c in counts.items()
        if c
    ]
    title = L.title("directive_chart")
    spec = _bars(lang, title, rows, L.header("count"))
    spec["layer"][0]["encoding"] = {
        "color": {
            "field": "status",
            "type": "nominal",
            "legend": None,
            "scale": {"domain": list(colors), "range": list(colors.values())},
        }
    }
    spec["encoding"]["x"]["axis"] = {"tickMinStep": 1, "format": "d"}
    return [Chart("directives", title, spec)]


def report_charts(data: ReportData, lang: str) -> list[Chart]:
    return [*structure_charts(data, lang), *series_charts(data, lang), *directive_chart(data, lang)]


def to_svg(chart: Chart) -> str:
    import vl_convert

    _register_fonts()
    return vl_convert.vegalite_to_svg(chart.spec)


def to_png(chart: Chart, scale: float = 2.0) -> bytes:
    import vl_convert

    _register_fonts()
    return vl_convert.vegalite_to_png(chart.spec, scale=scale)
