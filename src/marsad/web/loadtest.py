"""Load test: the dashboard and an API query under concurrent users, from a second process.

Three steps, each usable alone:

``prepare``  a database in its own data directory: the demo (real areas, sample data, the two
             seed reports, one user per role) plus the analytics synthetic national set (every
             current commune x the catalogue's indicators x months, mapped onto the real
             communes); then an API token and a logged-in session for the demo planner.
``serve``    gunicorn on 127.0.0.1 over that database (the production server of ``marsad serve``).
``drive``    run in a separate process: N users, each a keep-alive HTTP/1.1 connection on
             loopback, request after request (optionally with a think time), for a fixed
             duration; latencies of complete responses give p50/p95/p99 per target.

``marsad bench web`` (marsad.cli.web) runs the three in order and prints the figures.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

CREDENTIALS = "loadtest.json"
LOAD_USER = "planner"  # the demo's provincial planner (Bac Ninh): a scoped, realistic reader
LOAD_AREA = "VN-24"


# -- prepare --------------------------------------------------------------------------------
def prepare(
    data_dir: Path, *, months: int = 24, end_year: int = 2025, indicators: int | None = None, log=print
) -> dict:
    """Build the load-test database in ``data_dir`` (MARSAD_DATA_DIR must point there already,
    or DATABASE_URL at an empty database) and return the credentials of the load user."""
    from marsad.web import secret_key
    from marsad.web.boot import setup_django

    # The key the server will sign sessions with, before the settings read it: otherwise the
    # session below is signed with the development key and the server finds it corrupted.
    secret_key.ensure(data_dir)
    setup_django()
    from marsad.cli.setup import prepare_demo

    started = time.perf_counter()
    prepare_demo()
    log(f"demo data ready in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    rows = load_synthetic(months=months, end_year=end_year, indicators=indicators, log=log)
    log(f"synthetic national set: {rows:,} observations in {time.perf_counter() - started:.0f} s")
    credentials = login(LOAD_USER)
    credentials.update(months=months, synthetic_rows=rows, area=LOAD_AREA)
    (data_dir / CREDENTIALS).write_text(json.dumps(credentials, indent=2), encoding="utf-8")
    return credentials


def load_synthetic(
    *, months: int, end_year: int, log=print, batch: int = 50_000, indicators: int | None = None
) -> int:
    """Insert the analytics synthetic set, its communes mapped one to one onto the real ones.

    Rows go straight to the observations table in batches (no change records: they are
    generated, not entered), status ``official`` and measure ``level``. ``indicators`` beyond
    the catalogue's additive ones (30 for the national set of the benchmarks) are created as
    ``synthetic_NN`` indicators of this database only. On PostgreSQL the rows go in by COPY
    (12 M rows in minutes rather than the better part of an hour).
    """
    from django.db import connection, transaction
    from django.utils import timezone

    from marsad.areas.models import Area
    from marsad.core.analytics.synthetic import synthetic_catalogue, synthetic_data
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    communes = list(Area.objects.communes().current().order_by("code").values_list("pk", flat=True))
    catalogue = synthetic_catalogue(indicators or 30)
    named = [code for code in catalogue if not code.startswith("synthetic_")]
    wanted = list(catalogue) if indicators else named
    for code in wanted:
        if code.startswith("synthetic_"):
            label = f"Synthetic indicator {code[-2:]} (benchmark data)"
            Indicator.objects.get_or_create(
                code=code,
                defaults={
                    "name_en": label,
                    "name_vi": label,
                    "name_ar": label,
                    "unit": "units",
                    "area_aggregation": "sum",
                    "time_aggregation": "flow",
                },
            )
    known = dict(Indicator.objects.values_list("code", "pk"))
    start_year = end_year + 1 - (months + 11) // 12
    data = synthetic_data(
        communes=len(communes), indicators=len(wanted), months=months, start_year=start_year
    )
    frame = data.frame
    commune_pk = dict(zip(data.communes, communes, strict=True))
    indicator_pk = {code: known[code] for code in data.catalogue if code in known}
    missing = set(data.catalogue) - set(indicator_pk)
    if missing:
        frame = frame.filter(~frame["indicator"].cast(str).is_in(list(missing)))
    now = timezone.now()
    table = Observation._meta.db_table
    columns = (
        "area_id, indicator_id, period, measure, status, value, unit, qualifier, source, "
        "import_file, created_at, updated_at, revision"
    )
    total = frame.height
    done = 0
    if connection.vendor == "postgresql":
        done = _copy_synthetic(frame, table, columns, commune_pk, indicator_pk, now, log)
    else:
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * 13)})"
        with transaction.atomic(), connection.cursor() as cursor:
            for chunk in frame.iter_slices(batch):
                rows = [
                    (
                        commune_pk[area],
                        indicator_pk[ind],
                        period,
                        "level",
                        "official",
                        float(value),
                        unit,
                        "exact",
                        "import",
                        "synthetic",
                        now,
                        now,
                        1,
                    )
                    for area, ind, period, value, unit in zip(
                        chunk["area"].cast(str),
                        chunk["indicator"].cast(str),
                        chunk["period"].cast(str),
                        chunk["value"],
                        chunk["unit"].cast(str),
                        strict=True,
                    )
                ]
                cursor.executemany(sql, rows)
                done += len(rows)
                log(f"  {done:,} / {total:,}")
    with connection.cursor() as cursor:
        # Every table, as autovacuum would leave them after a bulk load: statistics (stale area
        # statistics make PostgreSQL loop per commune) and, on PostgreSQL, the visibility map
        # (without it "the periods with data of a province" reads the table's heap, 3.5 GB, not
        # its index: 2.7 s instead of 0.2 s).
        cursor.execute("VACUUM (ANALYZE)" if connection.vendor == "postgresql" else "ANALYZE")
    return done


def _copy_synthetic(
    frame, table: str, columns: str, commune_pk, indicator_pk, now, log, batch=500_000
) -> int:
    """PostgreSQL: the synthetic rows by COPY, in chunks written as CSV by Polars."""
    import io

    import polars as pl
    from django.db import connection, transaction

    stamp = now.isoformat()
    done = 0
    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor: COPY FROM STDIN
        for chunk in frame.iter_slices(batch):
            out = chunk.select(
                pl.col("area").cast(pl.Utf8).replace_strict(commune_pk, return_dtype=pl.Int64),
                pl.col("indicator").cast(pl.Utf8).replace_strict(indicator_pk, return_dtype=pl.Int64),
                pl.col("period").cast(pl.Utf8),
                pl.lit("level").alias("measure"),
                pl.lit("official").alias("status"),
                pl.col("value"),
                pl.col("unit").cast(pl.Utf8),
                pl.lit("exact").alias("qualifier"),
                pl.lit("import").alias("source"),
                pl.lit("synthetic").alias("import_file"),
                pl.lit(stamp).alias("created_at"),
                pl.lit(stamp).alias("updated_at"),
                pl.lit(1).alias("revision"),
            )
            buffer = io.BytesIO()
            out.write_csv(buffer, include_header=False)
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv)") as copy:
                copy.write(buffer.getvalue())
            done += out.height
            log(f"  {done:,} / {frame.height:,}")
    return done


def login(username: str) -> dict:
    """An API token and a session cookie for ``username`` (as if they had logged in)."""
    from django.contrib.auth import get_user_model

    from marsad.accounts.tokens import create_token

    user = get_user_model().objects.get(username=username)
    return {
        "user": username,
        "token": create_token(user, f"load test {datetime.now(UTC):%Y-%m-%d %H:%M}"),
        "session_cookie": session_cookie(username),
    }


def session_cookie(username: str) -> str:
    """A new logged-in session for ``username``, as the ``Cookie`` header of its requests.

    Signed with the key of the settings in force: call it with MARSAD_DATA_DIR (or
    MARSAD_SECRET_KEY) as the server will have them. ``marsad bench web`` makes one each run, so
    a session that expired, or was signed with another key, is never reused."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model

    from marsad.web.boot import setup_django

    setup_django()
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore  # noqa: N806 - the server's
    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


# -- serve ----------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(data_dir: Path, port: int, *, workers: int = 0, threads: int = 4) -> subprocess.Popen:
    """gunicorn (gthread workers) over the load-test database; returns once it answers."""
    workers = workers or (os.cpu_count() or 1) + 1
    env = {**os.environ, "MARSAD_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "marsad.web.settings"}
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "marsad.web.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "gthread",
        "--log-level",
        "warning",
        "--keep-alive",
        "30",
    ]
    server = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped (exit {server.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start within 60 s")


def server_cpu_seconds(server: subprocess.Popen) -> float | None:
    """CPU seconds (user + system) used so far by the server: gunicorn's master and workers
    (and any process they started), from /proc. On a machine other work keeps busy, latency
    says how long requests queued; CPU per request says what a request costs. None off Linux."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    parents: dict[int, int] = {}
    times: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) "
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime + stime
    tree, frontier = {server.pid}, [server.pid]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(times.get(pid, 0) for pid in tree) / tick


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


# -- drive ----------------------------------------------------------------------------------
@dataclass
class Target:
    name: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    # Browsing: instead of asking for ``path`` over and over (after the first request every
    # answer is a cache hit), each user walks these (path, language) pages in turn, each user
    # from its own starting point, so most requests ask for a page nobody asked for before.
    walk: list[tuple[str, str]] = field(default_factory=list)

    def page(self, user: int, n: int, users: int) -> tuple[str, dict[str, str]]:
        """The path and headers of user ``user``'s ``n``-th request."""
        if not self.walk:
            return self.path, self.headers
        path, language = self.walk[(user * len(self.walk) // max(users, 1) + n) % len(self.walk)]
        return path, {**self.headers, "Accept-Language": language}


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    bytes: int = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


class _Closed(Exception):
    """The server answered and closed the connection."""

    def __init__(self, status: int, size: int) -> None:
        super().__init__(status, size)
        self.status, self.size = status, size


async def _request(reader, writer, host: str, path: str, headers: dict[str, str]) -> tuple[int, int]:
    head = [f"GET {path} HTTP/1.1", f"Host: {host}", "Connection: keep-alive"]
    head += [f"{k}: {v}" for k, v in headers.items()]
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    length, chunked, close = None, False, False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "transfer-encoding" and "chunked" in value:
            chunked = True
        elif name == "connection" and value == "close":
            close = True
    size = 0
    if chunked:
        while True:
            n = int((await reader.readline()).split(b";")[0], 16)
            if n == 0:
                await reader.readline()
                break
            size += len(await reader.readexactly(n + 2)) - 2
    elif length is not None:
        size = len(await reader.readexactly(length))
    else:
        size = len(await reader.read())
        close = True
    if close:
        raise _Closed(status, size)
    return status, size


async def _user(url: str, page, until: float, think: float, tally: Tally, stagger: float) -> None:
    """One user: ``page(n)`` is the (path, headers) of its ``n``-th request."""
    parts = urlsplit(url)
    host, port = parts.hostname, parts.port or 80
    await asyncio.sleep(stagger)
    reader = writer = None
    n = 0
    while time.monotonic() < until:
        if writer is None:
            reader, writer = await asyncio.open_connection(host, port)
        path, headers = page(n)
        n += 1
        started = time.perf_counter()
        try:
            status, size = await _request(reader, writer, f"{host}:{port}", path, headers)
        except _Closed as closed:  # answered, then closed: count the answer and reconnect
            status, size = closed.status, closed.size
            writer.close()
            writer = None
        except (ConnectionError, asyncio.IncompleteReadError, ValueError) as exc:
            tally.error(type(exc).__name__)
            if writer is not None:
                writer.close()
            writer = None
            continue
        elapsed = time.perf_counter() - started
        if status == 200:
            tally.latencies.append(elapsed)
            tally.bytes += size
        else:
            tally.error(f"HTTP {status}")
        if think:
            await asyncio.sleep(think)
    if writer is not None:
        writer.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


async def _drive(url: str, target: Target, users: int, duration: float, think: float, warmup: float) -> dict:
    # Warm-up: a few requests per worker so imports and caches are not measured (on the target's
    # own path only: a browsing walk's pages stay unasked).
    warm = Tally()

    def first(n: int) -> tuple[str, dict[str, str]]:
        return target.path, target.headers

    await asyncio.gather(
        *(_user(url, first, time.monotonic() + warmup, 0.0, warm, 0.0) for _ in range(min(users, 8)))
    )
    tally = Tally()
    started = time.monotonic()
    cpu = time.process_time()  # the driver's own CPU: it shares the machine with the server
    until = started + duration
    await asyncio.gather(
        *(
            _user(
                url, partial(target.page, i, users=users), until, think, tally, (i / users) * min(think, 1.0)
            )
            for i in range(users)
        )
    )
    wall = time.monotonic() - started
    cpu = time.process_time() - cpu
    ms = [v * 1000 for v in tally.latencies]
    return {
        "target": target.name,
        "path": target.path,
        "pages": len(target.walk) or 1,
        "users": users,
        "think_s": think,
        "duration_s": round(wall, 1),
        "requests": len(ms),
        "throughput_rps": round(len(ms) / wall, 1),
        "p50_ms": round(percentile(ms, 0.50), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        "max_ms": round(max(ms), 1) if ms else None,
        "errors": tally.errors,
        "mean_bytes": round(tally.bytes / len(ms)) if ms else 0,
        "warmup_requests": len(warm.latencies),
        "driver_cpu_ms_per_request": round(cpu * 1000 / len(ms), 2) if ms else None,
    }


def drive(
    url: str, target: Target, *, users: int, duration: float, think: float, warmup: float = 3.0
) -> dict:
    return asyncio.run(_drive(url, target, users, duration, think, warmup))


def drive_in_subprocess(
    url: str, target: Target, *, users: int, duration: float, think: float, warmup: float = 3.0
) -> dict:
    """The load generator in its own process (so it does not share a CPU scheduler slot with
    the caller's Python); its JSON result on stdout."""
    spec = json.dumps(
        {
            "url": url,
            "target": target.__dict__,
            "users": users,
            "duration": duration,
            "think": think,
            "warmup": warmup,
        }
    )
    done = subprocess.run(
        [sys.executable, "-m", "marsad.web.loadtest"],
        input=spec,  # on standard input: a browsing walk is too long for a command line
        capture_output=True,
        text=True,
        timeout=duration + warmup + 120,
        check=True,
    )
    return json.loads(done.stdout)


def targets(credentials: dict, *, area: str = LOAD_AREA, period: str = "2025Q2") -> list[Target]:
    """The two things measured: the dashboard page (session) and an API query (token)."""
    year = period[:4]
    return [
        Target(
            "dashboard",
            f"/dashboard/?area={area}&period={period}",
            {"Cookie": credentials["session_cookie"], "Accept-Language": "ar"},
        ),
        Target(
            "api-observations",
            f"/api/observations?area={area}&subtree=true&indicator=grdp"
            f"&period_from={year}Q1&period_to={period}&limit=100",
            {"Authorization": f"Bearer {credentials['token']}"},
        ),
    ]


def browsing(credentials: dict, *, area: str = LOAD_AREA, period: str = "2025Q2") -> list[Target]:
    """The same two targets as users browse them: the province and each of its communes, the
    eight quarters to ``period``, its half-year and the year before, in the three languages — for
    the dashboard some 3,000 pages, so nearly every request is a page computed for the first time
    (the figures of a cold cache at scale), not the cache's answer to the same question."""
    from marsad.areas.models import Area
    from marsad.core import periods

    last = periods.parse(period)
    quarters = [last]
    while len(quarters) < 8:
        quarters.append(quarters[-1].previous())
    year = last.year
    times = [*quarters, periods.half(year, 1), periods.year(year - 1)]
    province = Area.objects.get(code=area)
    communes = list(Area.objects.filter(parent=province).order_by("code").values_list("code", flat=True))
    places = [area, *communes]
    languages = ("ar", "vi", "en")
    # Place changes fastest, then language, then period: a user's next page is another place.
    pages = [(t, lang, place) for t in times for lang in languages for place in places]
    dashboard, api = targets(credentials, area=area, period=period)
    dashboard.name += "-browse"
    dashboard.walk = [(f"/dashboard/?area={place}&period={t.code}", lang) for t, lang, place in pages]
    api.name += "-browse"
    indicators = ("grdp", "budget_revenue", "retail_sales", "exports")
    api.walk = [
        (
            f"/api/observations?area={place}&subtree=true&indicator={indicators[i % len(indicators)]}"
            f"&period_from={t.year - 1}Q1&period_to={t.code}&limit=100",
            "en",
        )
        for i, (t, _, place) in enumerate(pages)
    ]
    return [dashboard, api]


if __name__ == "__main__":  # the load generator process
    spec = json.loads(sys.stdin.read())
    result = drive(
        spec["url"],
        Target(**spec["target"]),
        users=spec["users"],
        duration=spec["duration"],
        think=spec["think"],
        warmup=spec["warmup"],
    )
    print(json.dumps(result))
