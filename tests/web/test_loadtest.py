"""The load driver reads whole answers and reports its own CPU beside the latencies."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODY = b"x" * 5000


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as gunicorn answers

    def do_GET(self):  # noqa: N802 - the standard library's name
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


def test_the_driver_reports_its_own_cpu_and_reads_whole_answers():
    from marsad.web.loadtest import Target, drive

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        out = {}
        # in a thread of its own, as in its own process: another test may leave this thread's loop running
        driver = threading.Thread(
            target=lambda: out.update(
                drive(url, Target("page", "/"), users=2, duration=0.5, think=0.0, warmup=0.1)
            )
        )
        driver.start()
        driver.join(timeout=30)
        result = out
    finally:
        server.shutdown()
        server.server_close()
    assert result["requests"] > 0 and not result["errors"]
    assert result["mean_bytes"] == len(BODY)
    assert result["driver_cpu_ms_per_request"] > 0
