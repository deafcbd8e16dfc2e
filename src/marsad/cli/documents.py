"""`marsad ingest` and `marsad review`: read reports into the review queue and decide on them."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

console = Console(stderr=True)
out = Console()


def _django():
    from marsad.web.boot import setup_django

    setup_django()


def read_document_text(path: Path) -> str:
    """The text of a report file, with a clear error for files that are not text."""
    from marsad.cli.extract import read_text_file

    return read_text_file(path)


def register(app: typer.Typer, bench: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        file: Path = typer.Argument(..., exists=True, dir_okay=False, help="a narrative report (UTF-8 text)"),
        lang: str = typer.Option(None, help="ar, vi or en (detected when not given)"),
        area: str = typer.Option(None, help="the area when the text does not name it"),
        year: int = typer.Option(None, help="the year when the text does not say it"),
        title: str = typer.Option("", help="a title for the document"),
        url: str = typer.Option("", help="where the report was published"),
        accept_all: bool = typer.Option(False, "--accept-all", help="accept every figure and target at once"),
    ) -> None:
        """Store a report and what Marsad reads in it, as proposals waiting for review."""
        text = read_document_text(file)
        _django()
        from marsad.documents.ingest import accept_all as accept_everything
        from marsad.documents.ingest import ingest_text

        result = ingest_text(
            text,
            title=title or file.name,
            lang=lang,
            area=area,
            year=year,
            source_url=url,
            file_name=file.name,
        )
        doc = result.document
        state = "stored" if result.created else "already stored"
        console.print(
            f"document {doc.pk} ({doc.language}, {doc.area or 'area unknown'}, {doc.period or 'period unknown'}) {state}: {result.proposals} items to review"
        )
        if accept_all:
            counts = accept_everything(doc)
            console.print(
                f"accepted {counts['accepted']}, skipped {counts['skipped']} (area or period unknown)"
            )
        _print_proposals(doc)

    review = typer.Typer(
        help="Review what was read from documents: list, accept, reject.", no_args_is_help=True
    )
    app.add_typer(review, name="review")

    @review.command("list")
    def review_list(document: int = typer.Argument(..., help="document id")) -> None:
        """The items read from a document and the decision on each."""
        _django()
        from marsad.documents.models import Document

        doc = Document.objects.filter(pk=document).first()
        if doc is None:
            raise typer.BadParameter(f"no document {document}")
        _print_proposals(doc)

    @review.command("accept")
    def review_accept(
        proposal: int = typer.Argument(..., help="proposal id"),
        value: float = typer.Option(None, help="correct the value"),
        period: str = typer.Option(None, help="correct the period"),
        area: str = typer.Option(None, help="correct the area (code)"),
        indicator: str = typer.Option(None, help="correct the indicator code"),
    ) -> None:
        """Accept a figure or target (with corrections) into the data."""
        _django()
        from marsad.documents.ingest import ReviewError, accept
        from marsad.documents.models import Proposal

        p = Proposal.objects.filter(pk=proposal).first()
        if p is None:
            raise typer.BadParameter(f"no proposal {proposal}")
        try:
            written = accept(
                p, corrections={"value": value, "period": period, "area_code": area, "indicator": indicator}
            )
        except ReviewError as exc:
            console.print(f"[red]{exc}[/]")
            raise typer.Exit(1) from None
        console.print(f"[green]accepted[/]: {written}")

    @review.command("reject")
    def review_reject(proposal: int = typer.Argument(..., help="proposal id")) -> None:
        """Reject an item; the decision is kept."""
        _django()
        from marsad.documents.ingest import ReviewError, reject
        from marsad.documents.models import Proposal

        p = Proposal.objects.filter(pk=proposal).first()
        if p is None:
            raise typer.BadParameter(f"no proposal {proposal}")
        try:
            reject(p)
        except ReviewError as exc:
            console.print(f"[red]{exc}[/]")
            raise typer.Exit(1) from None
        console.print("[yellow]rejected[/]")


def _print_proposals(doc) -> None:
    table = Table(
        "id", "kind", "indicator", "area", "period", "measure", "value", "qualifier", "decision", "evidence"
    )
    for p in doc.proposals.all():
        table.add_row(
            str(p.pk),
            p.kind,
            p.indicator,
            p.area_code,
            p.period,
            p.measure,
            "" if p.value is None else f"{p.value:g}",
            p.qualifier,
            p.decision,
            (p.evidence or p.text)[:60],
        )
    out.print(table)
