"""`marsad init`, `marsad serve` and `marsad demo`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer
from rich.console import Console

console = Console(stderr=True)

REPO_DIR = Path(__file__).resolve().parents[3]


def examples_dir() -> Path:
    """The repository's examples/ folder (seeds and sample data), or ./examples."""
    for candidate in (REPO_DIR / "examples", Path.cwd() / "examples"):
        if candidate.is_dir():
            return candidate
    raise typer.BadParameter("the examples/ folder (seeds and sample data) was not found")


def initialise(verbose: bool = True) -> dict:
    """Create or upgrade the database and load areas, indicators and organisations."""
    from marsad.web.boot import setup_django

    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    db = settings.DATABASES["default"]
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    if db["ENGINE"].endswith("sqlite3"):
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    where = db["NAME"] if db["ENGINE"].endswith("sqlite3") else f"{db.get('HOST')}/{db['NAME']}"
    if verbose:
        console.print(f"[bold]database[/]: {where}")
    call_command("migrate", interactive=False, verbosity=0)
    from marsad.web import secret_key

    written = secret_key.ensure(settings.DATA_DIR)
    if written and verbose:
        console.print(f"secret key: written to {written}")
    from marsad.areas.loading import load_areas
    from marsad.directives.organisations import create_organisations
    from marsad.indicators.loading import load_indicators

    counts = {"areas": load_areas(), "indicators": load_indicators(), "organisations": create_organisations()}
    if verbose:
        for what, c in counts.items():
            console.print(f"{what}: {c}")
    return counts


def register(app: typer.Typer, bench: typer.Typer) -> None:
    @app.command("init")
    def init() -> None:
        """Create the database (SQLite in ./data unless DATABASE_URL is set), load areas and indicators."""
        initialise()
        console.print("[green]ready[/]")

    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", help="address to listen on"),
        port: int = typer.Option(8000, help="port to listen on"),
        workers: int = typer.Option(0, help="worker processes (0: one per core + 1)"),
        dev: bool = typer.Option(
            False, "--dev", help="allow the development secret key (a demo on this machine only)"
        ),
    ) -> None:
        """Serve the web app and API with gunicorn (and the background job worker).

        Refuses to start with the development secret key unless --dev: run `marsad init` (which
        writes a secret into the data directory) or set MARSAD_SECRET_KEY."""
        run_server(host, port, workers, dev=dev)

    @app.command("worker")
    def worker(
        poll: float = typer.Option(1.0, help="seconds between looks for new jobs when idle"),
        once: bool = typer.Option(False, "--once", help="run the waiting jobs, then stop"),
        exit_with_parent: bool = typer.Option(
            False, "--exit-with-parent", help="stop when the process that started this one stops"
        ),
    ) -> None:
        """Run background jobs (web imports and document readings); `marsad serve` starts one."""
        from marsad.web.boot import setup_django

        setup_django()
        import signal
        import threading

        from marsad.jobs import worker as jobs

        if once:
            jobs.recover_interrupted()
            console.print(f"{jobs.run_pending()} job(s) run")
            return
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        jobs.run_worker(poll=poll, stop=stop, parent_pid=os.getppid() if exit_with_parent else None)

    @app.command("token")
    def token(
        username: str = typer.Argument(..., help="the user the token acts as"),
        name: str = typer.Option("cli", help="a name to recognise the token by"),
    ) -> None:
        """Create an API token for USERNAME and print its key (shown once; only its hash is kept)."""
        from marsad.web.boot import setup_django

        setup_django()
        from django.contrib.auth import get_user_model

        from marsad.accounts.tokens import create_token

        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise typer.BadParameter(f"no user is called {username!r}", param_hint="USERNAME")
        print(create_token(user, name))

    @app.command("demo")
    def demo(
        host: str = typer.Option("127.0.0.1"),
        port: int = typer.Option(8000),
        no_serve: bool = typer.Option(False, "--no-serve", help="prepare the demo data and stop"),
    ) -> None:
        """Set up the demo on the embedded SQLite database and serve it.

        Loads the real areas, imports sample data for Bac Ninh and Khanh Hoa / Ninh Thuan,
        ingests the two seed reports, creates a user per role and serves the app.
        """
        if os.environ.get("DATABASE_URL"):
            console.print("[yellow]DATABASE_URL is set: the demo uses that database[/]")
        prepare_demo()
        if not no_serve:
            console.print(f"[bold green]Marsad is at http://{host}:{port}/[/]  (Ctrl+C stops it)")
            run_server(host, port, 0, dev=True)


def run_server(host: str, port: int, workers: int, *, dev: bool = False) -> None:
    from marsad.web.boot import setup_django

    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from marsad.web import secret_key

    if secret_key.read(settings.DATA_DIR) == secret_key.DEV_KEY and not dev:
        console.print(
            "[red]refusing to serve with the development secret key[/]: run `marsad init` (it writes "
            f"a secret into {settings.DATA_DIR}), set MARSAD_SECRET_KEY, or pass --dev for a demo"
        )
        raise typer.Exit(2)

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    workers = workers or (os.cpu_count() or 1) + 1
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "marsad.web.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--threads",
        "4",
        # Longest request line gunicorn takes (its most); longer query strings than the app's
        # limit (MARSAD_MAX_QUERY_CHARS) get the app's 414 with a message, not gunicorn's bare one.
        "--config",
        "python:marsad.web.gunicorn_conf",  # starts the background job worker
        "--limit-request-line",
        "8190",
        "--access-logfile",
        "-",
        "--log-level",
        "warning",
    ]
    env = {"MARSAD_DB_STATEMENT_TIMEOUT": "60", **os.environ, "DJANGO_SETTINGS_MODULE": "marsad.web.settings"}
    os.execvpe(args[0], args, env)


SEEDS = (
    # file, area the text itself never names (seed 000), year of its figures
    ("seeds/000_94520d198d9ed722.txt", "Ninh Thuan", 2024),
    ("seeds/003_54fd96d161a7a906.txt", None, 2025),
)


def prepare_demo() -> None:
    initialise()
    load_demo_data(say=console.print, progress_bar=True)
    from marsad.accounts.demo import create_demo_users

    console.print("[bold]demo users[/] (user / password / role / scope):")
    for username, password, role, scope in create_demo_users():
        console.print(f"  {username} / {password} / {role} / {scope}")


def load_demo_data(say=None, progress_bar: bool = False) -> None:
    """The demo's figures (examples/sample_observations.csv) and its two seeds, read and accepted
    as the demo serves them (their directives, difficulties and recommendations tracked); ``say``
    hears what was loaded. The round-trip tests of the reports load the same."""
    from marsad.directives.loading import load_document_directives
    from marsad.documents.ingest import accept_all, ingest_text
    from marsad.observations.transfer import import_file

    say = say or (lambda *_: None)
    examples = examples_dir()
    sample = examples / "sample_observations.csv"
    if progress_bar:
        from rich.progress import Progress

        with Progress(console=console, transient=True) as progress:
            task = progress.add_task(f"importing {sample.name}", total=None)
            result = import_file(sample, progress=lambda n: progress.advance(task, n))
    else:
        result = import_file(sample)
    say(f"sample data: {result}")

    for rel, area, year in SEEDS:
        path = examples / rel
        text = path.read_text(encoding="utf-8")
        ingested = ingest_text(text, title=path.name, lang="ar", area=area, year=year, file_name=path.name)
        counts = accept_all(ingested.document)
        say(
            f"seed {path.name}: {ingested.proposals} items read, {counts['accepted']} figures/targets accepted"
        )
        if ingested.created:
            loaded = load_document_directives(ingested.document)
            say(
                f"  tracked: {len(loaded.directives)} directives, {loaded.difficulties} difficulties, "
                f"{loaded.recommendations} recommendations"
            )
