"""``marsad bench web``: the dashboard and an API query under concurrent users (load test)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer
from rich.console import Console

console = Console(stderr=True)


def register(app: typer.Typer, bench: typer.Typer) -> None:
    @bench.command("web")
    def bench_web(
        users: int = typer.Option(50, help="concurrent users (one keep-alive connection each)"),
        duration: float = typer.Option(30.0, help="seconds of load per target"),
        think: list[float] = typer.Option(
            [0.0], help="seconds a user waits between requests (repeat to run several)"
        ),
        months: int = typer.Option(24, help="months of the synthetic national set (120 = the full set)"),
        indicators: int = typer.Option(
            0, help="indicators of the synthetic set (0: the catalogue's additive ones; 30: the national set)"
        ),
        data_dir: Path = typer.Option(
            Path("data/loadtest"), help="where the load-test database lives (kept between runs)"
        ),
        fresh: bool = typer.Option(False, help="rebuild the database even if it is there"),
        workers: int = typer.Option(0, help="gunicorn workers (0: one per core + 1)"),
        threads: int = typer.Option(4, help="threads per gunicorn worker"),
        period: str = typer.Option("2025Q2", help="the period the dashboard and the query ask for"),
        browse: bool = typer.Option(
            False,
            help="also as users browse: each user walks the province's and its communes' pages over "
            "quarters and languages, so nearly every page is computed for the first time",
        ),
        as_json: bool = typer.Option(False, "--json", help="print the results as JSON"),
    ) -> None:
        """Serve a demo + synthetic national database with gunicorn on loopback and measure p50/p95
        of the dashboard page and an API query under USERS concurrent users driven from a second
        process. Goal: p95 <= 150 ms."""
        from marsad.web import loadtest

        if os.environ.get("DATABASE_URL"):
            console.print("[yellow]DATABASE_URL is set: the load test uses (and fills) that database[/]")
        data_dir = data_dir.resolve()
        data_dir.mkdir(parents=True, exist_ok=True)
        os.environ["MARSAD_DATA_DIR"] = str(data_dir)
        credentials_file = data_dir / loadtest.CREDENTIALS
        if fresh and not os.environ.get("DATABASE_URL"):
            for name in ("marsad.sqlite3", "marsad.sqlite3-wal", "marsad.sqlite3-shm", loadtest.CREDENTIALS):
                (data_dir / name).unlink(missing_ok=True)
        if credentials_file.exists():
            credentials = json.loads(credentials_file.read_text(encoding="utf-8"))
            console.print(f"reusing {data_dir} ({credentials.get('synthetic_rows', 0):,} synthetic rows)")
            credentials["session_cookie"] = loadtest.session_cookie(credentials["user"])
        else:
            console.print(f"preparing {data_dir} (demo + synthetic national set, {months} months)…")
            credentials = loadtest.prepare(
                data_dir, months=months, indicators=indicators or None, log=lambda m: console.print(m)
            )
        load_before = os.getloadavg()[0]
        port = loadtest.free_port()
        server = loadtest.serve(data_dir, port, workers=workers, threads=threads)
        results = []
        try:
            url = f"http://127.0.0.1:{port}"
            for pause in think:
                chosen = loadtest.targets(credentials, period=period)
                if browse:
                    chosen += loadtest.browsing(credentials, period=period)
                for target in chosen:
                    console.print(f"{target.name}: {users} users, think {pause:g} s, {duration:g} s…")
                    before = loadtest.server_cpu_seconds(server)
                    result = loadtest.drive_in_subprocess(
                        url, target, users=users, duration=duration, think=pause
                    )
                    after = loadtest.server_cpu_seconds(server)
                    # the warm-up's requests are in the CPU too: per request, an upper bound
                    if before is not None and after is not None and result["requests"]:
                        result["server_cpu_ms_per_request"] = round(
                            (after - before) * 1000 / (result["requests"] + result.get("warmup_requests", 0)),
                            1,
                        )
                    results.append(result)
        finally:
            loadtest.stop(server)
        summary = {
            "cpus": os.cpu_count(),
            "server": f"gunicorn gthread, {workers or (os.cpu_count() or 1) + 1} workers x {threads} threads",
            "database": os.environ.get("DATABASE_URL", "").split("@")[-1] or "sqlite",
            "cache": os.environ.get("MARSAD_CACHE_URL") or "each process's memory",
            "synthetic_rows": credentials.get("synthetic_rows"),
            "months": credentials.get("months"),
            # Other work on the machine skews the figures: say how busy it was.
            "load_average_1min": {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2)},
            "results": results,
        }
        if as_json:
            print(json.dumps(summary, indent=2))
            return
        from rich.table import Table

        load = summary["load_average_1min"]
        table = Table(
            title=f"{summary['server']}, {summary['database']}, cache {summary['cache']}, {summary['cpus']} CPUs, "
            f"load average {load['before']} -> {load['after']}"
        )
        for col in (
            "target",
            "think s",
            "requests",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "CPU ms/req",
            "driver ms/req",
            "errors",
        ):
            table.add_column(col, justify="right" if col != "target" else "left")
        for r in results:
            table.add_row(
                r["target"],
                f"{r['think_s']:g}",
                str(r["requests"]),
                f"{r['throughput_rps']:g}",
                f"{r['p50_ms']:g}",
                f"{r['p95_ms']:g}",
                f"{r['p99_ms']:g}",
                str(r.get("server_cpu_ms_per_request", "—")),
                str(r.get("driver_cpu_ms_per_request", "—")),
                str(sum(r["errors"].values())),
            )
        Console().print(table)


if __name__ == "__main__":  # `python -m marsad.cli.web bench web`, until cli/main.py lists this module
    from marsad.cli.main import COMMAND_MODULES, app, bench

    if "marsad.cli.web" not in COMMAND_MODULES:
        register(app, bench)
    app()
