"""gunicorn settings for ``marsad serve``: start the background job worker beside the web
workers once the server is ready, and stop it with the server (the worker also stops by itself
when the server's master process is gone, e.g. after ``kill -9``)."""

from __future__ import annotations

import os
import subprocess
import sys

_worker: subprocess.Popen | None = None


def when_ready(server) -> None:
    global _worker
    # The worker's statements may run longer than a web request's (a large import's write).
    env = {
        **os.environ,
        "MARSAD_DB_STATEMENT_TIMEOUT": os.environ.get("MARSAD_JOB_STATEMENT_TIMEOUT", "1800"),
    }
    _worker = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli.main", "worker", "--exit-with-parent"], env=env
    )
    server.log.info("background job worker started (pid %s)", _worker.pid)


def on_exit(server) -> None:
    if _worker is not None and _worker.poll() is None:
        _worker.terminate()
        try:
            _worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            _worker.kill()
