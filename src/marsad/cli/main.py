"""The ``marsad`` command line: one Typer app, one module per domain word.

Each module in ``COMMAND_MODULES`` defines ``register(app, bench)`` and adds its commands to the
main app and its benchmarks to ``marsad bench``. Modules are imported lazily by Typer's callback
machinery only once, so a command's heavy imports (Django, DuckDB) stay inside the command.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="marsad",
    help="Marsad (مرصد): socio-economic observatory and steering for provincial governments.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
bench = typer.Typer(help="Benchmarks: measured speed of Marsad's main paths.", no_args_is_help=True)
app.add_typer(bench, name="bench")

COMMAND_MODULES = (
    "marsad.cli.setup",  # init, demo, serve
    "marsad.cli.areas",  # areas
    "marsad.cli.transfer",  # import, export, history
    "marsad.cli.extract",  # extract
    "marsad.cli.documents",  # ingest, review
    "marsad.cli.analytics",  # analytics
    "marsad.cli.directives",  # directives, remind
    "marsad.cli.report",  # report
    "marsad.cli.web",  # bench web (load test)
)

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app, bench)


if __name__ == "__main__":  # pragma: no cover
    app()
