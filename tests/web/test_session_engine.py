"""Sessions are read from the shared cache when there is one, never from each process's own."""

from __future__ import annotations

import os
import subprocess
import sys


def _engine(**env) -> str:
    code = "from django.conf import settings; print(settings.SESSION_ENGINE)"
    environ = {k: v for k, v in os.environ.items() if k != "MARSAD_CACHE_URL"} | env
    environ["DJANGO_SETTINGS_MODULE"] = "marsad.web.settings"
    return subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_a_shared_cache_serves_the_sessions():
    assert (
        _engine(MARSAD_CACHE_URL="redis://127.0.0.1:6379/9") == "django.contrib.sessions.backends.cached_db"
    )


def test_each_processs_own_memory_does_not():
    # A sign-out in one process would leave the others a cached copy of the session.
    assert _engine() == "django.contrib.sessions.backends.db"
