"""Shared fixtures: a test database (SQLite, or PostgreSQL when DATABASE_URL is set) that holds
the real areas and the indicator catalogue, loaded once per session."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.web.settings")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from marsad.areas.loading import load_areas
        from marsad.indicators.loading import load_indicators

        load_areas()
        load_indicators()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rolled-back tests can reuse ids and timestamps."""
    from marsad.analytics import caching

    caching.clear()
    yield


@pytest.fixture(autouse=True)
def _reference_data_after_a_flush(request):
    """A transactional test empties every table when it ends; the next one loads the areas and
    the catalogue again (pytest-django runs transactional tests last, so only they need it)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from marsad.areas.models import Area

    if not Area.objects.exists():
        from marsad.areas.loading import load_areas
        from marsad.indicators.loading import load_indicators

        load_areas()
        load_indicators()


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    """``with shared_database():`` — a database several threads write at once, as in production.

    PostgreSQL is used as it is. SQLite's test database lives in memory with a shared cache,
    which locks tables rather than the file; inside the block this thread and every new one
    use a file copy of it (WAL, IMMEDIATE transactions, a busy timeout: the settings' own).
    """
    from contextlib import contextmanager

    from django.db import connection, connections

    @contextmanager
    def shared():
        if connection.vendor != "sqlite" or not connection.is_in_memory_db():
            yield
            return
        import sqlite3

        memory = connections["default"]
        memory.ensure_connection()
        path = tmp_path / "shared.sqlite3"
        target = sqlite3.connect(path)
        memory.connection.backup(target)
        target.close()
        params = connections.settings["default"]
        name = params["NAME"]
        params["NAME"] = str(path)
        on_file = connections.create_connection("default")
        connections["default"] = on_file
        try:
            yield
        finally:
            on_file.close()
            params["NAME"] = name
            connections["default"] = memory

    return shared


@pytest.fixture
def run_jobs(db):
    """Run the queued background jobs as ``marsad worker`` would; returns how many ran."""
    from marsad.jobs import worker

    return worker.run_pending
