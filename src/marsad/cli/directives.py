"""`marsad directives ...`, `marsad remind` and `marsad bench directives`: steering from the shell."""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from marsad.core.languages import gettext_noop, translator

from .formatting import EASTERN_DIGITS, Reader

console = Console(stderr=True)
out = Console()


def _django():
    from marsad.web.boot import setup_django

    setup_django()
    from django.utils import translation

    # Messages on the terminal in English; --lang chooses the language of summaries.
    translation.activate("en")


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (write YYYY-MM-DD)") from None


def _area(text: str | None):
    if not text:
        return None
    from marsad.areas.loading import resolve_area
    from marsad.areas.models import Area

    try:
        return resolve_area(text)
    except Area.DoesNotExist as exc:
        raise typer.BadParameter(str(exc)) from None


def _unit(text: str | None):
    if not text:
        return None
    from marsad.directives.models import Organisation
    from marsad.directives.organisations import find_unit

    try:
        return find_unit(text)
    except Organisation.DoesNotExist as exc:
        raise typer.BadParameter(str(exc)) from None


def _fail(exc: Exception) -> None:
    messages = getattr(exc, "messages", None) or [str(exc)]
    for m in messages:
        console.print(f"[red]error[/]: {m}")
    raise typer.Exit(2)


# The summary table's columns: msgids of the one catalogue, translated when printed.
SUMMARY_COLUMNS = (
    ("name", gettext_noop("Unit")),
    ("total", gettext_noop("Tasks")),
    ("done_on_time", gettext_noop("done on time")),
    ("done_late", gettext_noop("done late")),
    ("in_progress", gettext_noop("in progress")),
    ("due_soon", gettext_noop("due soon")),
    ("overdue", gettext_noop("overdue")),
)


def print_summary(data: dict, lang: str, eastern_digits: bool = False) -> None:
    """The summary's sentence and, by unit, its table, in ``lang`` with the one number formatter."""
    from marsad.core import steering

    total = steering.FollowUp()
    for status in steering.Status:
        total.add(status, data[status.value])
    out.print(steering.summary_sentence(total, lang, eastern_digits))
    units = data.get("units")
    if units:
        r, words = Reader(lang, eastern_digits), translator(lang).gettext
        table = Table(show_lines=False)
        for key, title in SUMMARY_COLUMNS:
            table.add_column(words(title), justify="left" if key == "name" else "right")
        for u in units:
            table.add_row(
                u["name"].get(lang) or u["code"],
                *(r.number(u[key], 0) for key, _title in SUMMARY_COLUMNS[1:]),
            )
        out.print(table)


def register(app: typer.Typer, bench: typer.Typer) -> None:
    directives = typer.Typer(help="Directives: follow-up summary, loading from documents, delegation.")
    app.add_typer(directives, name="directives")

    @directives.command("summary")
    def summary_cmd(
        area: str = typer.Option(None, help="a province or commune (code or name); default everywhere"),
        period: str = typer.Option(None, help="directives of this period, e.g. 2025 or 2025Q4"),
        unit: str = typer.Option(None, help="one unit (code such as VN-24-FIN, or its name)"),
        by_unit: bool = typer.Option(False, "--by-unit", help="also one line per unit"),
        as_json: bool = typer.Option(False, "--json", help="print JSON (for the dashboard)"),
        lang: str = typer.Option("en", help="ar, vi or en"),
        today: str = typer.Option(None, help="count as on this day (YYYY-MM-DD); default today"),
        eastern_digits: bool = EASTERN_DIGITS,
    ) -> None:
        """The Government Office follow-up summary: done on time/late, within deadline, overdue."""
        _django()
        from marsad.core import periods
        from marsad.directives.summary import summary

        if period:
            try:
                period = periods.parse(period).code
            except periods.PeriodError as exc:
                raise typer.BadParameter(str(exc)) from None
        data = summary(
            area=_area(area), period=period, unit=_unit(unit), today=_date(today), per_unit=by_unit
        )
        if as_json:
            out.print_json(json.dumps(data, ensure_ascii=False))
        else:
            print_summary(data, lang, eastern_digits)

    @directives.command("load-document")
    def load_document_cmd(
        document: str = typer.Argument(..., help="a document id, or a report file to ingest first"),
        area: str = typer.Option(None, help="the area, when the document does not name it"),
        lang: str = typer.Option(None, help="the file's language (ar, vi, en)"),
        year: int = typer.Option(None, help="the year, when the text does not say it"),
        lead: str = typer.Option(
            None,
            "--lead-unit",
            help="the lead unit, when you know it (the report does not say: left unknown)",
        ),
    ) -> None:
        """Turn a document's extracted directives into tracked directives (one action)."""
        _django()
        from django.core.exceptions import ValidationError

        from marsad.directives.loading import load_document
        from marsad.documents.models import Document

        if document.isdigit() and not Path(document).exists():
            doc = Document.objects.filter(pk=int(document)).first()
            if doc is None:
                raise typer.BadParameter(f"there is no document {document}")
        else:
            path = Path(document)
            if not path.is_file():
                raise typer.BadParameter(f"{document} is neither a document id nor a file")
            from marsad.cli.documents import read_document_text
            from marsad.documents.ingest import ingest_text

            doc = ingest_text(
                read_document_text(path),
                title=path.name,
                lang=lang,
                area=area,
                year=year,
                file_name=path.name,
            ).document
        try:
            result = load_document(doc, area=_area(area), lead_unit=_unit(lead))
        except ValidationError as exc:
            _fail(exc)
        out.print(
            f"document {doc.pk}: {len(result.directives)} directives tracked "
            f"({result.skipped} already tracked or rejected), {result.difficulties} difficulties, "
            f"{result.recommendations} recommendations"
        )
        if result.stated_count is not None:
            read = len(result.directives) + result.skipped
            out.print(f"the document announces {result.stated_count} tasks; {read} read from its text")
        for d in result.directives:
            due = d.deadline or "no deadline stated"
            lead_unit = d.lead_unit.code if d.lead_unit_id else "lead unit not stated"
            out.print(f"  #{d.pk} [{d.period}, {due}, {lead_unit}] {d.text[:90]}")
        for d in result.to_delegate:
            out.print(
                f"  #{d.pk}: the document delegates it to the communes — "
                f"marsad directives delegate {d.pk} --to-communes-of <province>"
            )
        if result.unknown_units:
            names = ", ".join(sorted(set(result.unknown_units)))
            out.print(f"  units named in the document but not among the area's units: {names}")

    @directives.command("delegate")
    def delegate_cmd(
        directive_id: int = typer.Argument(..., help="the directive's id"),
        to_communes_of: str = typer.Option(..., "--to-communes-of", help="the province, e.g. 'Bac Ninh'"),
    ) -> None:
        """Delegate a directive to every commune of a province: one assignment per commune."""
        _django()
        from django.core.exceptions import ValidationError

        from marsad.directives.delegation import delegate_to_communes
        from marsad.directives.models import Directive

        directive = Directive.objects.filter(pk=directive_id).first()
        if directive is None:
            raise typer.BadParameter(f"there is no directive {directive_id}")
        try:
            assignments = delegate_to_communes(directive, _area(to_communes_of))
        except ValidationError as exc:
            _fail(exc)
        out.print(f"directive {directive.pk}: {len(assignments)} commune assignments")

    @directives.command("organisations")
    def organisations_cmd() -> None:
        """Create the units that act (People's Committees, Party Committees, departments)."""
        _django()
        from marsad.directives.organisations import create_organisations

        out.print(create_organisations())

    @app.command("remind")
    def remind(
        dry_run: bool = typer.Option(False, "--dry-run", help="list the notices without sending them"),
        today: str = typer.Option(None, help="as on this day (YYYY-MM-DD); default today"),
    ) -> None:
        """Send due-soon and overdue notices by e-mail (run daily from cron)."""
        _django()
        from marsad.directives.reminders import send_reminders

        result = send_reminders(_date(today), dry_run=dry_run)
        for to, subject in result.pop("preview"):
            out.print(f"{', '.join(to)}: {subject}")
        out.print(result)

    @bench.command("directives")
    def bench_directives(
        n: int = typer.Option(20_000, help="directives to generate"),
        repeat: int = typer.Option(5, help="timed runs of the summary"),
        today: str = typer.Option("2025-11-15", help="the day the statuses are computed for"),
    ) -> None:
        """Generate N directives with assignments and progress, and time the follow-up summary.

        Runs on a throw-away SQLite database unless DATABASE_URL is set; there everything
        generated is rolled back at the end.
        """
        if not os.environ.get("DATABASE_URL"):
            os.environ["MARSAD_DATA_DIR"] = tempfile.mkdtemp(prefix="marsad-bench-")
        _django()
        from django.core.management import call_command
        from django.db import transaction

        from marsad.areas.loading import load_areas
        from marsad.areas.models import Area
        from marsad.core import steering
        from marsad.directives.models import Assignment
        from marsad.directives.summary import by_unit, follow_up, summary
        from marsad.directives.synthetic import generate

        day = _date(today)
        call_command("migrate", interactive=False, verbosity=0)
        if not Area.objects.exists():
            load_areas()

        class Rollback(Exception):
            pass

        try:
            with transaction.atomic():
                t0 = time.perf_counter()
                counts = generate(n, today=day)
                console.print(f"generated {counts} in {time.perf_counter() - t0:.1f} s")
                qs = Assignment.objects.all()
                timings: dict[str, list[float]] = {
                    "summary (total)": [],
                    "summary by unit": [],
                    "pure tally": [],
                }
                result = None
                for _ in range(repeat):
                    t = time.perf_counter()
                    result = follow_up(qs, today=day)
                    timings["summary (total)"].append(time.perf_counter() - t)
                    t = time.perf_counter()
                    rows = by_unit(qs, today=day)
                    timings["summary by unit"].append(time.perf_counter() - t)
                    t = time.perf_counter()
                    dates = list(qs.values_list("deadline", "completed_on"))
                    pure = steering.tally(steering.classify(d, c, day) for d, c in dates)
                    timings["pure tally"].append(time.perf_counter() - t)
                assert pure.as_dict() == result.as_dict(), "SQL and pure classification disagree"
                out.print(steering.summary_sentence(result, "en"))
                out.print(f"units: {len(rows)}; summary(): {summary(today=day)['total']:,} tasks")
                for name, values in timings.items():
                    out.print(
                        f"{name}: median {statistics.median(values) * 1000:.1f} ms, "
                        f"best {min(values) * 1000:.1f} ms over {len(values)} runs"
                    )
                raise Rollback
        except Rollback:
            pass
