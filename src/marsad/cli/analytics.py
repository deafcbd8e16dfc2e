"""`marsad analytics` (the derived table of an area and period) and `marsad bench analytics`."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from marsad.core.languages import LANGS

from .formatting import EASTERN_DIGITS, Reader

console = Console(stderr=True)
out = Console(width=None if sys.stdout.isatty() else 160)

_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")


def read_observation_file(path: Path) -> list[dict[str, Any]]:
    """Observations from a CSV, JSON or XLSX file in the import layout (area, indicator, period,
    measure, value, unit, status, qualifier)."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data.get("observations", data.get("rows", [])) if isinstance(data, dict) else data
    elif suffix in (".csv", ".txt"):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        it = sheet.iter_rows(values_only=True)
        header = [str(h).strip() for h in next(it)]
        rows = [dict(zip(header, r, strict=False)) for r in it]
    else:
        raise typer.BadParameter(f"{path.name}: expected a .csv, .json or .xlsx file")
    clean = []
    for i, r in enumerate(rows, start=2):
        value = r.get("value")
        if isinstance(value, str):
            value = value.translate(_EASTERN_DIGITS).replace(",", "").strip()
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise typer.BadParameter(
                f"{path.name}, row {i}: value {r.get('value')!r} is not a number"
            ) from None
        clean.append(
            {
                **{k: (v.strip() if isinstance(v, str) else v) for k, v in r.items() if v not in ("", None)},
                "value": number,
            }
        )
    return clean


def register(app: typer.Typer, bench: typer.Typer) -> None:
    """Add this module's commands to ``app`` and its benchmarks to ``bench``."""

    @app.command("analytics")
    def analytics(
        area: str = typer.Option(
            ..., "--area", help="Area name (any language) or code, e.g. 'Ninh Thuan' or VN-56."
        ),
        period: str = typer.Option(..., "--period", help="Period code: 2024Q1, 2025-9M, 2024 ..."),
        basis: str = typer.Option(
            "current", "--basis", help="Boundaries: current (today's 34 provinces) or historical (the 63)."
        ),
        from_file: Path | None = typer.Option(
            None,
            "--from-file",
            exists=True,
            dir_okay=False,
            help="Read observations from a CSV/JSON/XLSX file.",
        ),
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
        lang: str = typer.Option("en", "--lang", help="Language of names and headings: ar, vi or en."),
        target_yoy: float | None = typer.Option(
            None, "--target-yoy", help="Growth target on the year (%): also print the growth still needed."
        ),
        indicator: str = typer.Option("grdp", "--indicator", help="The indicator --target-yoy is about."),
        eastern_digits: bool = EASTERN_DIGITS,
    ) -> None:
        """The figures of an area and period: each with how it was reached, the routes that
        disagree with it, and the year's targets judged."""
        from marsad.core import periods as P
        from marsad.core.analytics import growth_needed_for
        from marsad.core.analytics.figures import BASES
        from marsad.core.catalogue import load_catalogue
        from marsad.core.gazetteer import load_gazetteer

        if lang not in LANGS:
            raise typer.BadParameter(f"--lang must be one of {', '.join(LANGS)}")
        if basis not in BASES:
            raise typer.BadParameter(f"--basis must be one of {', '.join(BASES)}")
        try:
            p = P.parse(period)
        except P.PeriodError as exc:
            raise typer.BadParameter(str(exc)) from None
        gazetteer = load_gazetteer()
        record = gazetteer.get(area) or gazetteer.find(area)
        if record is None:
            raise typer.BadParameter(f"no area is called {area!r}")
        catalogue = load_catalogue()
        if from_file is not None:
            figs = _figures_from_file(
                read_observation_file(from_file), record, p, basis, catalogue, gazetteer
            )
            verdicts = []
        else:
            figs, verdicts = _figures_from_db(record.code, p, basis)
        needed = None
        if target_yoy is not None:
            try:
                needed = growth_needed_for(
                    figs.base, record.code, indicator, p.code, target_yoy=target_yoy, catalogue=catalogue
                )
            except ValueError as exc:
                console.print(f"[yellow]growth needed: {exc}[/]")
        if as_json:
            payload = {
                **figs.as_dict(),
                "area": {"code": record.code, "name": record.name(lang)},
                "targets": [_verdict_dict(v) for v in verdicts],
                "growth_needed": needed.as_dict() if needed else None,
            }
            typer.echo(json.dumps(payload, ensure_ascii=False, default=str, indent=2))
            return
        _print_figures(figs, record, catalogue, lang, verdicts, needed, eastern_digits)

    @bench.command("analytics")
    def bench_analytics(
        communes: int = typer.Option(3321, help="Number of communes."),
        indicators: int = typer.Option(30, help="Number of indicators."),
        months: int = typer.Option(120, help="Number of months."),
        repeat: int = typer.Option(50, help="Timed runs of each query (after one warm-up)."),
        as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
        database: bool = typer.Option(
            False,
            "--database",
            help="Time the analytics service's national rollup on the configured database "
            "(DATABASE_URL; fill it with `marsad bench web --months 120 --indicators 30`) "
            "against hand-written SQL, instead of the in-memory DuckDB engine.",
        ),
        indicator: str | None = typer.Option(None, help="--database: the indicator (default: the busiest)."),
        year: int | None = typer.Option(None, help="--database: the year (default: the latest)."),
    ) -> None:
        """Rollup of one indicator to provinces and nation, every quarter with yoy: engine vs raw SQL."""
        if database:
            _bench_database(indicator, year, repeat, as_json)
            return
        from marsad.core.analytics.bench import run_bench

        res = run_bench(
            communes, indicators, months, repeat, progress=lambda m: console.print(f"[dim]{m}[/]")
        )
        d = res.as_dict()
        if as_json:
            typer.echo(json.dumps(d, indent=2))
            return
        from rich.table import Table

        t = Table(title=f"marsad bench analytics — {d['rows']:,} observations, year {d['year']}")
        t.add_column("query")
        t.add_column("median ms", justify="right")
        names = {
            "engine": "(a) rollup() engine, DuckDB",
            "engine_traced": "(a') rollup() with inputs traced",
            "raw_sql": "(b) raw DuckDB SQL",
            "polars": "(c) Polars lazy query",
        }
        for k, v in d["median_ms"].items():
            t.add_row(names.get(k, k), f"{v:.2f}")
        out.print(t)
        ok = d["median_ms"]["engine"] <= 50 and d["ratio_engine_to_sql"] <= 1.5
        out.print(
            f"ratio (a)/(b): {d['ratio_engine_to_sql']:.2f}   goal (a) <= 50 ms and <= 1.5 x (b): "
            + ("[green]met[/]" if ok else "[red]not met[/]")
        )
        out.print(
            f"generate {d['generate_s']:.2f} s, load {d['load_s']:.2f} s, DuckDB table {d['duckdb_mib']:.0f} MiB, "
            f"peak RSS {d['peak_rss_mib']:.0f} MiB; engine and SQL agree: {d['results_agree']}"
        )


def _bench_database(indicator: str | None, year: int | None, repeat: int, as_json: bool) -> None:
    from marsad.web.boot import setup_django

    setup_django()
    from marsad.analytics.bench import run_db_bench

    res = run_db_bench(
        indicator, year, repeat=min(repeat, 20), progress=lambda m: console.print(f"[dim]{m}[/]")
    )
    d = res.as_dict()
    if as_json:
        typer.echo(json.dumps(d, indent=2))
        return
    from rich.table import Table

    t = Table(
        title=f"marsad bench analytics --database — {d['database']}, {d['observations']:,} observations"
    )
    t.add_column("query")
    t.add_column("median ms", justify="right")
    names = {
        "engine_cold": f"(a) service: the nation's {d['indicator']}, nothing cached",
        "engine_after_write": "(a*) the same on the request after a write to one commune",
        "engine_warm": "(a') the same, cached under the data versions",
        "hand_sql": "(b) hand-written SQL: provinces' and nation's quarters + growth",
        "engine_all_indicators_cold": "(a'') service: every indicator of the nation, nothing cached",
    }
    for k, v in d["median_ms"].items():
        t.add_row(names.get(k, k), f"{v:.2f}")
    out.print(t)
    ok = d["median_ms"]["engine_cold"] <= 50 and d["ratio_cold_to_sql"] <= 1.5
    out.print(
        f"ratio (a)/(b): {d['ratio_cold_to_sql']:.2f}, (a')/(b): {d['ratio_warm_to_sql']:.2f}   "
        "goal (a) <= 50 ms and <= 1.5 x (b): " + ("[green]met[/]" if ok else "[red]not met[/]")
    )
    if "engine_after_write" in d["median_ms"]:
        after = d["median_ms"]["engine_after_write"]
        out.print(
            f"after a write: {after:.1f} ms, {after / d['median_ms']['hand_sql']:.2f} x (b); "
            f"each write seen by the next call: {d['writes_seen']}"
        )
    out.print(f"engine and SQL agree: {d['results_agree']} (largest relative gap {d['max_rel_diff']:.2g})")


def _figures_from_db(code: str, p, basis: str):
    try:
        from marsad.web.boot import setup_django

        setup_django()
        from marsad.analytics import service

        return service.figures(code, p, basis), service.target_verdicts(code, p, basis)
    except Exception as exc:  # e.g. no such table: the database was never initialised
        from django.core.exceptions import ImproperlyConfigured
        from django.db import DatabaseError

        if isinstance(exc, DatabaseError | ImproperlyConfigured):
            raise typer.BadParameter(
                f"cannot read the database ({exc}); run `marsad init` or pass --from-file FILE"
            ) from None
        raise


def _figures_from_file(records, record, p, basis, catalogue, gazetteer):
    """The same engine over a file: the area's rows, its communes' sums, the merged provinces'."""
    from marsad.core.analytics.figures import area_figures, before_merger, child_levels

    by_area: dict[str, list] = {}
    for r in records:
        by_area.setdefault(r.get("area"), []).append(r)
    code = record.code
    own = list(by_area.get(code, []))
    preds = [r for r in gazetteer.predecessors(code)]
    namesake = next((r.code for r in preds if r.name_vi == record.name_vi), None)
    others = [r.code for r in preds if r.code != namesake]
    if namesake:
        own += by_area.get(namesake, [])
    merged = {}
    if basis == "current":
        merged = {c: by_area.get(c, []) for c in others}
    elif others:
        own = [r for r in own if before_merger(str(r["period"]))]
    communes = [r.code for r in gazetteer.children(code)]
    children = child_levels(records, communes, catalogue) if basis == "current" or not others else []
    return area_figures(code, p, own=own, merged=merged, children=children, catalogue=catalogue, basis=basis)


def _verdict_dict(v) -> dict:
    return {
        "indicator": v.indicator,
        "measure": v.measure,
        "target": v.value,
        "qualifier": v.qualifier,
        "period": v.period,
        "achieved": v.achieved,
        "status": v.status,
        "source": v.source,
        "judgement": v.judgement.as_dict(),
    }


def _print_figures(figs, record, catalogue, lang, verdicts, needed, eastern_digits=False) -> None:
    from rich.table import Table

    from marsad.core import periods as P
    from marsad.core.analytics.figures import BASIS_LABELS, METHOD_LABELS
    from marsad.core.analytics.targets import VERDICT_LABELS
    from marsad.core.languages import translator

    _ = translator(lang).gettext
    r = Reader(lang, eastern_digits)
    p = P.parse(figs.period)
    last = p.same_period_last_year().code
    # The words are marked outside the f-strings, where `make messages` finds them.
    heading, derived, disagree = _("Figures"), _("derived value"), _("Figures that disagree")
    shown, gap, targets = _("shown"), _("gap"), _("Targets")
    needs, target = _("Growth the rest of the year needs"), _("Target")
    t = Table(
        title=f"{heading}: {record.name(lang)} ({record.code}), {r.period(figs.period)} — "
        f"{_(BASIS_LABELS[figs.basis])}"
    )
    for c, right in (
        (_("Indicator"), False),
        (_("Unit"), False),
        (_("Level"), True),
        (_("How"), False),
        (_("Same period last year"), True),
        (_("Growth (%)"), True),
        (_("Of plan (%)"), True),
        (_("Annual plan"), True),
        (_("Share (%)"), True),
        (_("Contribution (pp)"), True),
    ):
        t.add_column(c, justify="right" if right else "left")
    indicators = sorted(figs.indicators(), key=lambda c: list(catalogue).index(c) if c in catalogue else 999)
    for code in indicators:
        ind = catalogue.get(code)
        decimals = getattr(ind, "decimals", 1) if ind else 1
        level = figs.get(code)
        how = ""
        if level is not None:
            how = _(METHOD_LABELS.get(level.method, level.method))
            if level.expected:
                how += f" ({r.number(level.count, 0)}/{r.number(level.expected, 0)})"
            if level.disagreements:
                how += " ⚠"
        t.add_row(
            ind.name(lang) if ind else code,
            r.unit((level.unit if level else "") or (ind.unit if ind else "")),
            _fmt_fig(r, level, decimals),
            how,
            _fmt_fig(r, figs.get(code, period=last), decimals),
            _fmt_fig(r, figs.get(code, "yoy_pct"), 2),
            _fmt_fig(r, figs.get(code, "plan_pct"), 1),
            _fmt_fig(r, figs.get(code, period=str(p.year), plan=True), decimals),
            _fmt_fig(r, figs.get(code, "share_pct"), 2),
            _fmt_fig(r, figs.get(code, "contribution_pp"), 2),
        )
    if not indicators:
        out.print(_("No data"))
        return
    out.print(t)
    out.print(f"[dim]* {derived}[/]")
    if figs.disagreements:
        out.print(f"[bold]{disagree}[/]")
        for d in figs.disagreements:
            ind = catalogue.get(d.indicator)
            gap_pct = f" ({r.percent(d.gap_pct, 1, signed=True)})" if d.gap_pct is not None else ""
            out.print(
                f"  {ind.name(lang) if ind else d.indicator} {r.period(d.period)} {r.unit(d.measure)}: "
                f"{shown} {r.number(d.value, 2)}; {_(METHOD_LABELS.get(d.method, d.method))} "
                f"{r.number(d.other, 2)}, {gap} {r.number(d.gap, 2, signed=True)}{gap_pct}"
            )
    else:
        out.print(_("The figures agree"))
    if verdicts:
        out.print(f"[bold]{targets}[/]")
        for v in verdicts:
            ind = catalogue.get(v.indicator)
            achieved = "—" if v.achieved is None else r.number(v.achieved, 2)
            out.print(
                f"  {ind.name(lang) if ind else v.indicator} ({r.unit(v.measure)}, {r.unit(v.qualifier)} "
                f"{r.number(v.value, 2)}): {r.period(v.period)} {achieved} → {_(VERDICT_LABELS.get(v.status, v.status))}"
            )
    if needed is not None:
        remainder = r.separator.join(r.period(c) for c in needed.remainder)
        out.print(
            f"[bold]{needs}[/] ({target} "
            f"{r.percent(needed.target_yoy_pct, 2, signed=True)}): "
            f"{remainder} {r.percent(needed.growth_needed_pct, 2, signed=True)}"
        )


def _fmt_fig(r: Reader, fig, decimals: int = 1) -> str:
    if fig is None:
        return ""
    mark = {"more_than": ">", "at_least": "≥", "less_than": "<"}.get(fig.qualifier, "")
    return f"{mark}{r.number(fig.value, decimals)}" + ("*" if fig.derived else "")
