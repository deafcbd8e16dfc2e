"""Start Django from plain Python (the CLI and scripts), once."""

from __future__ import annotations

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.web.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
