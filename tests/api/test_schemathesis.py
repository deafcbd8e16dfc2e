"""Schemathesis against the app's OpenAPI document, with every check it has: no generated request
makes the API fail (5xx); every answer has a documented status code, content type, headers and
schema; a request the schema allows is not refused as invalid (ST202), one it forbids is refused
(ST201); and the probes of the other checks (authentication, methods, missing headers) hold.

Cases come from the schema the app serves (examples, coverage of each parameter's bounds and
fuzzing, positive and negative) and are sent, with an administrator's token (so requests get past
authentication into the code), to the Django WSGI app in process. The schema is loaded when the
module is collected, not from a fixture: schemathesis' lazy fixture loader does not run under
pytest 9. ``MARSAD_SCHEMATHESIS_EXAMPLES`` raises the number of generated cases per operation for
a longer search than the suite's (derandomized, so the suite's run is the same every time).
"""

import json
import os
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("MARSAD_SCHEMATHESIS_EXAMPLES", "12"))

# The rules a JSON Schema cannot state, which the one write path of observations checks against
# the catalogue and answers 422 naming the field and the rule (marsad.core.validation): the unit
# must be the indicator's (or the measure's), the value within the indicator x measure's range and
# at most 15 significant digits, a text value a number, an official figure's period not after
# today. A schema-valid body refused for any other reason (a type, a length, a pattern: what the
# schema does state) is still a failure.
CATALOGUE_RULES = re.compile(
    r"unit_incompatible|unit_of_measure|future_period|not_a_number|not_finite|too_many_digits"
    r"|too_many_decimals|[a-z_]+_(below_minimum|above_maximum)"
)
WRITES_CHECKED_AGAINST_THE_CATALOGUE = {
    "POST /api/observations",
    "PUT /api/observations/{obs_id}",
    "PATCH /api/observations/{obs_id}",
}


def _not_json(constant):
    raise ValueError(f"{constant} is not JSON")


@schemathesis.check
def strict_json(ctx, response, case):
    """Every JSON answer is JSON: no NaN or Infinity (which Python's json writes by default)."""
    content_type = response.headers.get("content-type") or response.headers.get("Content-Type") or ""
    if "json" in str(content_type) and response.content:
        json.loads(response.content, parse_constant=_not_json)


# Days that may not be after today (a summary's as_of, a directive's issued_on, a report's or an
# inspection's date, a retirement's on): the schema states the format, not the calendar.
DAYS_NOT_AFTER_TODAY = {"as_of", "issued_on", "date", "on"}


def _names_a_day_after_today(case) -> bool:
    import datetime as dt

    given = {**(case.query or {}), **(case.body if isinstance(case.body, dict) else {})}
    for name in DAYS_NOT_AFTER_TODAY & set(given):
        try:
            if dt.date.fromisoformat(str(given[name])) > dt.date.today():
                return True
        except ValueError:
            pass
    return False


def _refused_by_a_rule_beyond_the_schema(case, response) -> bool:
    return response.status_code == 422 and (
        _names_a_day_after_today(case) or _a_catalogue_refusal(case, response)
    )


def _a_catalogue_refusal(case, response) -> bool:
    if case.operation.label not in WRITES_CHECKED_AGAINST_THE_CATALOGUE or response.status_code != 422:
        return False
    detail = json.loads(response.content).get("detail")
    return isinstance(detail, list) and all(CATALOGUE_RULES.fullmatch(d.get("type", "")) for d in detail)


def _served_schema() -> dict:
    """The OpenAPI document as GET /api/openapi.json serves it (the prefix given, not reversed)."""
    from marsad.web.api import api

    return api.get_openapi_schema(path_prefix="/api/")


def _wsgi_app():
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


schema = schemathesis.openapi.from_dict(_served_schema())
# Every request, the checks' own probes included, goes to the app in process.
schema.app = _wsgi_app()
# A request refused for its size (413: a body over the upload or text limit, 414: a query string
# over MARSAD_MAX_QUERY_CHARS; both documented on every operation) is refused, as ST201 wants.
_rejection = schema.config.checks.negative_data_rejection
_rejection.expected_statuses = [*_rejection.expected_statuses, "413", "414"]


@pytest.fixture
def in_the_test_transaction():
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    # As Django's test client does: a request must not close the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="MARSAD_SCHEMATHESIS_EXAMPLES" not in os.environ,
    suppress_health_check=list(HealthCheck),
)
def test_every_check_holds(case, in_the_test_transaction, tokens, observations):
    headers = {"Authorization": f"Bearer {tokens['admin']}"}
    response = case.call(headers=headers)
    excluded = [positive_data_acceptance] if _refused_by_a_rule_beyond_the_schema(case, response) else []
    case.validate_response(
        response,
        headers=headers,
        additional_checks=[strict_json],
        excluded_checks=excluded,
        transport_kwargs={"headers": headers},
    )


def test_the_json_check_refuses_what_is_not_json():
    from types import SimpleNamespace

    answer = SimpleNamespace(headers={"content-type": ["application/json"]}, content=b'{"gap_pct": NaN}')
    with pytest.raises(ValueError, match="NaN is not JSON"):
        strict_json(None, answer, None)
    strict_json(None, SimpleNamespace(headers=answer.headers, content=b'{"gap_pct": null}'), None)
