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


def observations_from_db(area_codes: list[str], periods: list[str]):
    """The observations of these areas (with their communes and merged provinces) from the database."""
    try:
        from marsad.web.boot import setup_django

        setup_django()
        from marsad.observations.query import observation_frame
    except Exception as exc:  # Django missing or not configured
        raise typer.BadParameter(
            f"cannot read the database ({exc}); run `marsad init` first or pass --from-file FILE"
        ) from None
    try:
        return observation_frame(area_codes, periods, include_children=True)
    except Exception as exc:  # e.g. no such table: the database was never initialised
        raise typer.BadParameter(
            f"cannot read observations from the database ({exc}); run `marsad init` or pass --from-file FILE"
        ) from None


def _periods_around(code: str) -> list[str]:
    """Every period code of the period's year and the year before (what derivations may need)."""
    from marsad.core import periods as P

    p = P.parse(code)
    codes = []
    for y in (p.year - 1, p.year):
        codes.append(P.year(y).code)
        codes += [P.half(y, h).code for h in (1, 2)]
        codes += [P.quarter(y, q).code for q in range(1, 5)]
        codes += [P.month(y, m).code for m in range(1, 13)]
        codes += [P.year_to_date(y, n).code for n in range(2, 12)]
    return list(dict.fromkeys(codes))


def _fmt(cell: dict | None, decimals: int = 1) -> str:
    if not cell or cell.get("value") is None:
        return ""
    mark = {"more_than": ">", "at_least": "≥", "less_than": "<"}.get(cell.get("qualifier"), "")
    text = f"{mark}{cell['value']:,.{decimals}f}"
    return text + ("*" if cell.get("derived") else "")


def _jsonable(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items()} for r in rows]


def register(app: typer.Typer, bench: typer.Typer) -> None:
    """Add this module's commands to ``app`` and its benchmarks to ``bench``."""

    @app.command("analytics")
    def analytics(
        area: str = typer.Option(
            ..., "--area", help="Area name (any language) or code, e.g. 'Ninh Thuan' or VN-56."
        ),
        period: str = typer.Option(..., "--period", help="Period code: 2024Q1, 2025-9M, 2024 ..."),
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
    ) -> None:
        """The derived table of an area and period: growth, plan, shares, contributions, checks."""
        import polars as pl

        from marsad.core import periods as P
        from marsad.core.analytics import AreaTree, check_consistency, derived_table, growth_needed_for
        from marsad.core.analytics.frames import observation_frame
        from marsad.core.analytics.table import LABELS, wide_rows
        from marsad.core.catalogue import load_catalogue
        from marsad.core.gazetteer import load_gazetteer

        if lang not in LANGS:
            raise typer.BadParameter(f"--lang must be one of {', '.join(LANGS)}")
        try:
            p = P.parse(period)
        except P.PeriodError as exc:
            raise typer.BadParameter(str(exc)) from None
        gazetteer = load_gazetteer()
        record = gazetteer.get(area) or gazetteer.find(area)
        if record is None:
            raise typer.BadParameter(f"no area is called {area!r}")
        catalogue = load_catalogue()
        tree = AreaTree.from_gazetteer(gazetteer)
        if from_file is not None:
            observations = read_observation_file(from_file)
        else:
            codes = [record.code, *(r.code for r in gazetteer.predecessors(record.code))]
            observations = observations_from_db(codes, _periods_around(p.code))
        table = derived_table(observations, record.code, p.code, catalogue, tree)
        own = observation_frame(observations)
        own = own.filter(own["area"] == record.code)
        disagreements = check_consistency(own, catalogue)
        needed = None
        if target_yoy is not None:
            # the area's own observations of the whole two years, and what the table rolled up
            known = pl.concat([own, observation_frame(table)])
            try:
                needed = growth_needed_for(
                    known, record.code, indicator, p.code, target_yoy=target_yoy, catalogue=catalogue
                )
            except ValueError as exc:
                console.print(f"[yellow]growth needed: {exc}[/]")

        if as_json:
            payload = {
                "area": {"code": record.code, "name": record.name(lang)},
                "period": p.code,
                "rows": _jsonable(table.to_dicts()),
                "disagreements": disagreements,
                "growth_needed": needed.as_dict() if needed else None,
            }
            typer.echo(json.dumps(payload, ensure_ascii=False, default=str, indent=2))
            return
        _print_table(table, record, p.code, catalogue, lang, disagreements, needed, LABELS, wide_rows)

    @bench.command("analytics")
    def bench_analytics(
        communes: int = typer.Option(3321, help="Number of communes."),
        indicators: int = typer.Option(30, help="Number of indicators."),
        months: int = typer.Option(120, help="Number of months."),
        repeat: int = typer.Option(50, help="Timed runs of each query (after one warm-up)."),
        as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    ) -> None:
        """Rollup of one indicator to provinces and nation, every quarter with yoy: engine vs raw SQL."""
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


def _print_table(table, record, period, catalogue, lang, disagreements, needed, labels, wide_rows) -> None:
    from rich.table import Table

    def L(key: str) -> str:
        return labels[key][lang]

    rows = wide_rows(table, period)
    t = Table(title=f"{L('title')}: {record.name(lang)} ({record.code}), {period}")
    cols = [
        "indicator",
        "unit",
        "level",
        "level_last_year",
        "yoy_pct",
        "plan_pct",
        "plan",
        "share_pct",
        "contribution_pp",
    ]
    for c in cols:
        t.add_column(L(c), justify="left" if c in ("indicator", "unit") else "right")
    for r in rows:
        ind = catalogue.get(r["indicator"])
        name = ind.name(lang) if ind else r["indicator"]
        decimals = getattr(ind, "decimals", 1) if ind else 1
        t.add_row(
            name,
            r["unit"] or (ind.unit if ind else ""),
            _fmt(r["level"], decimals),
            _fmt(r["level_last_year"], decimals),
            _fmt(r["yoy_pct"], 2),
            _fmt(r["plan_pct"], 1),
            _fmt(r["plan"], decimals),
            _fmt(r["share_pct"], 2),
            _fmt(r["contribution_pp"], 2),
        )
    if not rows:
        out.print(L("no_data"))
        return
    out.print(t)
    out.print(f"[dim]{L('derived_mark')}[/]")
    if disagreements:
        out.print(f"[bold]{L('disagreements')}[/]")
        for d in disagreements:
            out.print(f"  {d['check']}: {d['message']} [dim]({', '.join(map(str, d['observations']))})[/]")
    else:
        out.print(L("consistent"))
    if needed is not None:
        out.print(
            f"[bold]{L('growth_needed')}[/] ({L('target')} {needed.target_yoy_pct:+.2f}%): "
            f"{', '.join(needed.remainder)} {needed.growth_needed_pct:+.2f}%"
            + (f" [dim]{L('weight_assumed')}[/]" if needed.weight_assumed else "")
        )
