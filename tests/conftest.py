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
    from django.core.cache import cache

    cache.clear()
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
