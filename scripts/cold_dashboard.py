"""Time cold dashboard pages: each request made after the cache is emptied (Django's test client).

    MARSAD_DATA_DIR=/tmp/i11p-big DATABASE_URL=postgres://postgres@127.0.0.1:5432/marsad_i11p_big \
    MARSAD_CACHE_URL=redis://127.0.0.1:6379/5 PYTHONPATH=src python scripts/cold_dashboard.py \
        --user admin --password marsad-admin "area=VN-24&period=2025-9M" "area=VN-24-07210"

Each page is asked ``--runs`` times, the cache emptied before each (``cache.clear()``: with
MARSAD_CACHE_URL, that Redis database's FLUSHDB, so use a database of your own; and the
process's recent values), and once more
warm. The process's own memos (templates, the area tree, the rules) stay, as in a server that
has served pages: each page is asked once before timing. ``--profile`` prints the
functions with the most cumulative time of the last cold run of each page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", help="query strings of /dashboard/ (area=...&period=...)")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="marsad-admin")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.web.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    from marsad.analytics import caching

    client = Client(HTTP_ACCEPT_LANGUAGE=args.lang)
    if not client.login(username=args.user, password=args.password):
        sys.exit(f"cannot log in as {args.user}")
    # A server's process has served pages before (its templates compiled, its tree and rules
    # read, the number formats loaded): each page once, then the cache emptied before each run.
    for query in args.pages:
        client.get(f"/dashboard/?{query}")
    for query in args.pages:
        url = f"/dashboard/?{query}"
        times, cpu = [], []
        for run in range(args.runs):
            getattr(caching, "clear", cache.clear)()  # (older code: no recent values)
            profiler = None
            if args.profile and run == args.runs - 1:
                import cProfile

                profiler = cProfile.Profile()
                profiler.enable()
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            if profiler is not None:
                profiler.disable()
            if response.status_code != 200:
                sys.exit(f"{url}: HTTP {response.status_code}")
        start = time.perf_counter()
        client.get(url)
        warm = time.perf_counter() - start
        print(
            f"{url}: cold min {min(times) * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms"
            f" ({args.runs} runs; this process's CPU: min {min(cpu) * 1000:.0f} ms), warm {warm * 1000:.1f} ms"
        )
        if profiler is not None:
            import pstats

            pstats.Stats(profiler).sort_stats("cumulative").print_stats(150)


if __name__ == "__main__":
    main()
