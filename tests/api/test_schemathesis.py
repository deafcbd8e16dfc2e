"""Schemathesis against the app's OpenAPI document: no generated request makes the API fail (5xx),
and every answer has a documented status code and matches its documented schema.

Cases are generated from the schema the app serves for every operation and sent, with an
administrator's token (so requests get past authentication into the code), to the Django WSGI
app in process. (The schema is loaded when the module is collected, not from a fixture:
schemathesis' lazy fixture loader does not run under pytest 9.)
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

pytestmark = pytest.mark.django_db


def _served_schema() -> dict:
    """The OpenAPI document as GET /api/openapi.json serves it (the prefix given, not reversed)."""
    from marsad.web.api import api

    return api.get_openapi_schema(path_prefix="/api/")


schema = schemathesis.openapi.from_dict(_served_schema())


@pytest.fixture
def wsgi_app():
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    # As Django's test client does: a request must not close the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case, wsgi_app, tokens, observations):
    case.call_and_validate(
        app=wsgi_app,
        headers={"Authorization": f"Bearer {tokens['admin']}"},
        checks=[not_a_server_error, response_schema_conformance, status_code_conformance],
    )
