"""`marsad` commands for analytics (filled in by its issue)."""

import typer


def register(app: typer.Typer, bench: typer.Typer) -> None:
    """Add this module's commands to ``app`` and its benchmarks to ``bench``."""
