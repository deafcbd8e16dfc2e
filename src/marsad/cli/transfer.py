"""`marsad import`, `marsad export`, `marsad history` and `marsad bench import`."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

console = Console(stderr=True)


def _django():
    from marsad.web.boot import setup_django

    setup_django()


def _count_rows(path: Path) -> int | None:
    if path.suffix.lower() == ".csv":
        with path.open("rb") as fh:
            return max(sum(1 for _ in fh) - 1, 0)
    return None


def register(app: typer.Typer, bench: typer.Typer) -> None:
    @app.command("import")
    def import_(
        files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="CSV, XLSX or JSON files"),
        user: str = typer.Option(
            None, "--user", "-u", help="the Marsad user the change log names (default: the system user)"
        ),
    ) -> None:
        """Import observations; each file is all-or-nothing, and re-importing changes nothing."""
        _django()
        from django.contrib.auth import get_user_model
        from django.utils import translation

        translation.activate("en")  # the command line speaks English (the change log keeps codes)

        from marsad.observations.transfer import ImportRejected, import_file
        from marsad.observations.writing import Provenance

        writer = None
        if user:
            writer = get_user_model().objects.filter(username=user).first()
            if writer is None:
                raise typer.BadParameter(f"no user is called {user!r}", param_hint="--user")
        origin = Provenance.command_line().via

        failed = False
        for path in files:
            columns = [
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
            ]
            with Progress(*columns, console=console, transient=True) as progress:
                task = progress.add_task(f"checking {path.name}", total=_count_rows(path))
                try:
                    result = import_file(
                        path, user=writer, origin=origin, progress=lambda n, t=task: progress.advance(t, n)
                    )
                except ImportRejected as exc:
                    progress.stop()
                    console.print(f"[red]{exc}[/]")
                    failed = True
                    continue
            console.print(f"[green]{result}[/]")
        if failed:
            raise typer.Exit(1)

    @app.command("export")
    def export(
        fmt: str = typer.Option("csv", "--format", "-f", help="csv, xlsx, json or sdmx (SDMX-CSV 2.0)"),
        output: Path = typer.Option(None, "--output", "-o", help="file to write (default: standard output)"),
        area: str = typer.Option(None, help="only this area and the units under it (code or name)"),
        indicator: str = typer.Option(None, help="only this indicator code"),
        period: str = typer.Option(None, help="only this period code"),
    ) -> None:
        """Export observations in the import layout (an export re-imports to the same state)."""
        _django()
        from django.db.models import Q

        from marsad.areas.loading import resolve_area
        from marsad.areas.models import Area
        from marsad.observations.models import Observation
        from marsad.observations.sdmx import write_sdmx_csv
        from marsad.observations.transfer import FORMATS, export_rows, write_export

        if fmt not in (*FORMATS, "sdmx"):
            raise typer.BadParameter(f"use one of {', '.join(FORMATS)}, sdmx", param_hint="--format")

        def write(rows, out) -> int:
            return write_sdmx_csv(rows, out) if fmt == "sdmx" else write_export(rows, fmt, out)

        if fmt == "xlsx" and output is None:
            raise typer.BadParameter("XLSX needs a file: give -o FILE.xlsx", param_hint="--output")
        qs = Observation.objects.all()
        if area:
            try:
                a = resolve_area(area)
            except Area.DoesNotExist as exc:
                raise typer.BadParameter(str(exc), param_hint="--area") from None
            qs = qs.filter(Q(area=a) | Q(area__parent=a) | Q(area__successor=a))
        if indicator:
            qs = qs.filter(indicator__code=indicator)
        if period:
            qs = qs.filter(period=period)
        if output is None:
            n = write(export_rows(qs), sys.stdout.buffer)
        else:
            with output.open("wb") as fh:
                n = write(export_rows(qs), fh)
        console.print(f"{n} observations exported" + (f" to {output}" if output else ""))

    @app.command("history")
    def history(
        area: str = typer.Option(None, help="area code"),
        indicator: str = typer.Option(None, help="indicator code"),
        period: str = typer.Option(None, help="period code"),
        limit: int = typer.Option(50, help="at most this many changes"),
    ) -> None:
        """The change log of observations: who changed what, when, from which value to which."""
        _django()
        from marsad.audit.history import changes_of, writer_of
        from marsad.core.numbers import format_plain
        from marsad.observations.models import Observation

        obs = Observation.objects.all()
        if area:
            obs = obs.filter(area__code=area)
        if indicator:
            obs = obs.filter(indicator__code=indicator)
        if period:
            obs = obs.filter(period=period)
        ids = obs.values("pk") if area or indicator or period else None
        table = Table("when", "action", "observation", "old value", "new value", "by", "source")
        for rec in changes_of(Observation, ids, limit=limit):
            old = (rec.before or {}).get("value")
            new = (rec.after or {}).get("value")
            table.add_row(
                f"{rec.at:%Y-%m-%d %H:%M:%S}",
                rec.action,
                rec.object_repr,
                "" if old is None else format_plain(old),
                "" if new is None else format_plain(new),
                writer_of(rec),
                rec.source,
            )
        Console().print(table)

    @bench.command("import")
    def bench_import(
        rows: int = typer.Option(100_000, help="observations to import"),
        repeat: int = typer.Option(1, help="times to repeat on a fresh set of observations"),
    ) -> None:
        """Time importing a CSV file of N new observations, updating all of them, then
        re-importing them unchanged.

        Each run reads the file and checks and writes its rows through the import's write path
        (all-or-nothing, one change record per created or updated row) on the configured
        database. Beside the wall-clock time it shows this process's CPU time and, for a
        PostgreSQL server on this machine, its server process's: on a shared machine the wall
        clock also counts waiting for the CPU.
        """
        import csv
        import tempfile

        from marsad.cli.setup import initialise

        initialise(verbose=False)
        from django.db import connection

        from marsad.audit.models import ChangeRecord, ImportedRow, ImportedRun

        if connection.vendor == "postgresql":
            # Planner statistics, as autovacuum would have gathered them: where it is off or
            # has not run yet (a database just set up) the areas look like 5 rows, and the
            # analytics' joins on them become nested loops (an update of 100,000 values: ~1 s
            # more of server CPU).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        from marsad.observations.models import Observation
        from marsad.observations.synthetic import synthetic_rows
        from marsad.observations.transfer import import_file

        def clean() -> None:
            # One statement each: the ORM's delete would fetch every row (a document's proposal
            # may point at an observation) and delete them in batches, each re-summed by the
            # analytics' triggers -- minutes for 100,000 rows, none of it part of the figures.
            qn = connection.ops.quote_name
            records = f"SELECT id FROM {qn(ChangeRecord._meta.db_table)} WHERE source LIKE 'import bench%%'"
            with connection.cursor() as cursor:
                for model in (ImportedRow, ImportedRun):
                    cursor.execute(f"DELETE FROM {qn(model._meta.db_table)} WHERE batch_id IN ({records})")
                cursor.execute(f"DELETE FROM {qn(ChangeRecord._meta.db_table)} WHERE id IN ({records})")
                cursor.execute(
                    f"DELETE FROM {qn(Observation._meta.db_table)} WHERE import_file = 'bench.csv'"
                )
                if connection.vendor == "postgresql":
                    # The deleted rows' dead versions, left in the table and its indexes until a
                    # vacuum, would make the next run's inserts check every key's dead copies
                    # (twice the insert's time where autovacuum is off or behind): each run
                    # starts as a real import of new keys would.
                    for model in (Observation, ImportedRow, ImportedRun, ChangeRecord):
                        cursor.execute(f"VACUUM {qn(model._meta.db_table)}")

        def server_cpu() -> float | None:
            """The CPU time of this connection's PostgreSQL server process so far, where the
            server runs on this machine (its /proc entry is readable); else None."""
            if connection.vendor != "postgresql":
                return None
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pid = cursor.fetchone()[0]
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return None
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

        def write_csv(path: Path, data) -> None:
            with path.open("w", newline="", encoding="utf-8") as fh:
                out = csv.DictWriter(fh, fieldnames=["area", "indicator", "period", "value"])
                out.writeheader()
                out.writerows(row for _, row in data)

        console.print(f"database: {connection.vendor} ({connection.settings_dict['NAME']}), {rows:,} rows")
        with tempfile.TemporaryDirectory(prefix="marsad-bench-import-") as tmp:
            first, second = Path(tmp) / "first" / "bench.csv", Path(tmp) / "second" / "bench.csv"
            first.parent.mkdir()
            second.parent.mkdir()
            for r in range(repeat):
                data = synthetic_rows(rows, seed=r)
                write_csv(first, data)
                write_csv(
                    second, [(n, {**row, "value": f"{float(row['value']) + 1:.2f}"}) for n, row in data]
                )
                clean()
                timings = []
                for label, path, field in (
                    ("insert", first, "created"),
                    ("update", second, "updated"),
                    ("unchanged", second, "unchanged"),
                ):
                    s0 = server_cpu()
                    t0, c0 = time.perf_counter(), time.process_time()
                    result = import_file(path)
                    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
                    s1 = server_cpu()
                    server = "" if s0 is None or s1 is None else f", server {s1 - s0:.2f} s"
                    count = getattr(result, field)
                    timings.append(
                        f"{label} {count:,} in {elapsed:.2f} s ({rows / elapsed:,.0f} rows/s; "
                        f"CPU {cpu:.2f} s{server})"
                    )
                console.print(f"run {r + 1}: " + "; ".join(timings))
                clean()
