"""The load driver reads whole answers and reports its own CPU beside the latencies; browsing users
ask for different pages."""

from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

BODY = b"x" * 5000
ASKED: Counter = Counter()  # (path, Accept-Language) of every request the test server answered


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as gunicorn answers

    def do_GET(self):  # noqa: N802 - the standard library's name
        ASKED[(self.path, self.headers.get("Accept-Language"))] += 1
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


def _drive(target, users=2, duration=0.5, think=0.0):
    from marsad.web.loadtest import drive

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        out = {}
        # in a thread of its own, as in its own process: another test may leave this thread's loop running
        driver = threading.Thread(
            target=lambda: out.update(
                drive(url, target, users=users, duration=duration, think=think, warmup=0.1)
            )
        )
        driver.start()
        driver.join(timeout=30)
        result = out
    finally:
        server.shutdown()
        server.server_close()
    return result


def test_the_driver_reports_its_own_cpu_and_reads_whole_answers():
    from marsad.web.loadtest import Target

    result = _drive(Target("page", "/"))
    assert result["requests"] > 0 and not result["errors"]
    assert result["mean_bytes"] == len(BODY)
    assert result["driver_cpu_ms_per_request"] > 0


def test_browsing_users_walk_different_pages_in_their_languages():
    from marsad.web.loadtest import Target

    ASKED.clear()
    walk = [(f"/p{i}", ("ar", "vi", "en")[i % 3]) for i in range(40)]
    result = _drive(Target("walk", "/first", walk=walk), users=4, duration=0.4, think=0.02)
    assert not result["errors"] and result["pages"] == 40
    walked = {key: n for key, n in ASKED.items() if key[0] != "/first"}  # the warm-up asks /first only
    assert set(walked) <= {(p, lang) for p, lang in walk}
    # four users from four starting points: pages from every quarter of the walk, none asked by all
    assert {int(p[2:]) // 10 for p, _ in walked} == {0, 1, 2, 3}
    assert max(walked.values()) < result["requests"] / 2


@pytest.mark.django_db
def test_browsing_covers_the_province_its_communes_periods_and_languages():
    from marsad.web.loadtest import browsing

    dashboard, api = browsing({"session_cookie": "s=1", "token": "t"}, area="VN-24", period="2025Q2")
    paths = {p for p, _ in dashboard.walk}
    assert "/dashboard/?area=VN-24&period=2025Q2" in paths
    assert "/dashboard/?area=VN-24&period=2024Q3" in paths  # eight quarters back
    assert "/dashboard/?area=VN-24&period=2025S1" in paths and "/dashboard/?area=VN-24&period=2024" in paths
    assert {lang for _, lang in dashboard.walk} == {"ar", "vi", "en"}
    areas = {p.split("area=")[1].split("&")[0] for p in paths}
    assert len(areas) == 100 and all(a.startswith("VN-24") for a in areas)  # Bac Ninh and its 99 communes
    assert len(dashboard.walk) == len(set(dashboard.walk)) == 100 * 10 * 3
    assert dashboard.walk[0][0] != dashboard.walk[1][0]  # the next page is another place
    assert len(api.walk) == len(dashboard.walk) and api.name == "api-observations-browse"
