"""`marsad report` (one area's periodic report as PDF, DOCX, HTML or text) and
`marsad bench report` (how long one province's quarterly report takes in each format)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import typer

from .formatting import EASTERN_DIGITS


def _dated(data, day, number: str):
    """A report from a file or the samples, written as of ``day`` and numbered ``number``."""
    import dataclasses

    if day:
        data = dataclasses.replace(data, as_of=day)
    if number:
        data = dataclasses.replace(data, form=dataclasses.replace(data.form, number=number))
    return data


def register(app: typer.Typer, bench: typer.Typer) -> None:
    @app.command("report")
    def report(
        area: str = typer.Option(None, "--area", help='Area name or code, e.g. "Bac Ninh" or VN-24'),
        period: str = typer.Option(None, "--period", help="Period code: 2024Q1, 2025-9M, 2025S1, 2025"),
        lang: str = typer.Option("ar", "--lang", help="ar, vi or en"),
        fmt: str = typer.Option(None, "--format", help="pdf, docx, html or text (default: from -o's suffix)"),
        output: Path = typer.Option(
            None, "-o", "--output", help="File to write (default: stdout for html/text)"
        ),
        from_file: Path = typer.Option(
            None,
            "--from-file",
            exists=True,
            dir_okay=False,
            help="Report JSON, or observations CSV/JSON (import layout)",
        ),
        charts: bool = typer.Option(True, "--charts/--no-charts", help="Draw the charts"),
        eastern_digits: bool = EASTERN_DIGITS,
        source: str = typer.Option(
            "auto", "--source", help="auto (the database, else the shipped samples), db or sample"
        ),
        as_of: str = typer.Option(
            None,
            "--as-of",
            help="The day the report is written as of (YYYY-MM-DD; default: the end of the month after the period)",
        ),
        number: str = typer.Option("", "--number", help="The document's number, e.g. 125 (Số: 125/BC-UBND)"),
    ) -> None:
        """Write the review report of an area and period, in Arabic, Vietnamese or English."""
        from rich.console import Console

        from marsad.core.narration import LANGS
        from marsad.reports.render import FORMATS, render_report
        from marsad.reports.sources import (
            ReportSourceError,
            database_report_data,
            report_data_from_file,
            sample_report_data,
        )

        err = Console(stderr=True)
        if lang not in LANGS:
            err.print(f"[red]--lang must be one of {', '.join(LANGS)}[/]")
            raise typer.Exit(2)
        fmt = fmt or (output.suffix.lstrip(".").lower() if output else "text")
        fmt = {"txt": "text", "htm": "html"}.get(fmt, fmt)
        if fmt not in FORMATS:
            err.print(f"[red]--format must be one of {', '.join(FORMATS)}[/]")
            raise typer.Exit(2)
        if fmt in ("pdf", "docx") and output is None:
            err.print(f"[red]a {fmt} report needs -o FILE[/]")
            raise typer.Exit(2)
        try:
            from datetime import date

            day = date.fromisoformat(as_of) if as_of else None
        except ValueError as exc:
            err.print(f"[red]--as-of must be a date as YYYY-MM-DD, not {as_of!r}[/]")
            raise typer.Exit(2) from exc
        try:
            data = None
            if from_file:
                data = report_data_from_file(from_file, area, period)
            elif source in ("auto", "db") and area and period:
                data = database_report_data(area, period, as_of=day, number=number)
                if data is None and source == "db":
                    raise ReportSourceError(f"the database has no data for {area} {period}")
            if data is None:
                data = sample_report_data(area, period)
            data = _dated(data, day, number)
        except (ReportSourceError, ValueError) as exc:
            err.print(f"[red]{exc}[/]")
            raise typer.Exit(1) from exc
        started = time.perf_counter()
        content = render_report(data, lang, fmt, charts=charts, eastern_digits=eastern_digits)
        if output is None:
            sys.stdout.write(content.decode("utf-8"))
            return
        output.write_bytes(content)
        err.print(
            f"[green]{output}[/]: {data.area_name('en')} {data.period}, {lang}, {fmt}, "
            f"{len(content):,} bytes in {time.perf_counter() - started:.2f} s"
        )

    @bench.command("report")
    def bench_report(
        repeat: int = typer.Option(3, "--repeat", min=1, help="Runs per language and format"),
        area: str = typer.Option("Ninh Thuan", "--area"),
        period: str = typer.Option("2024Q1", "--period"),
        source: str = typer.Option("sample", "--source", help="sample (the seed's review) or db"),
    ) -> None:
        """Time one province's quarterly report in each format and language (best and mean of N).

        The time includes building the report data (and reading the database with --source db).
        """
        from rich.console import Console
        from rich.table import Table

        from marsad.core.narration import LANGS
        from marsad.reports.render import render_report
        from marsad.reports.sources import database_report_data, sample_report_data

        def load():
            if source == "db":
                found = database_report_data(area, period)
                if found is None:
                    raise typer.BadParameter(f"the database has no data for {area} {period}")
                return found
            return sample_report_data(area, period)

        data = load()
        render_report(data, "ar", "html")  # warm up: fonts registered, vl-convert started
        table = Table(title=f"marsad bench report: {data.area_name('en')} {data.period}, {repeat} runs each")
        for col in ("format", "lang", "best s", "mean s", "size KiB"):
            table.add_column(col, justify="right" if col != "format" else "left")
        for fmt in ("text", "html", "pdf", "docx"):
            for lang in LANGS:
                times, size = [], 0
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    size = len(render_report(load(), lang, fmt))
                    times.append(time.perf_counter() - t0)
                table.add_row(
                    fmt, lang, f"{min(times):.3f}", f"{sum(times) / len(times):.3f}", f"{size / 1024:.0f}"
                )
        Console().print(table)
