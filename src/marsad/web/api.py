"""The REST API: one NinjaAPI assembling each domain app's router, served under /api/.

The OpenAPI document is at /api/openapi.json and browsable at /api/docs.
Errors answer ``{"detail": "..."}``: 401 without credentials, 403 outside the user's area
scope, 404 for unknown objects, 422 for invalid input.
"""

from __future__ import annotations

import json
import math

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as SchemaError
from ninja.renderers import JSONRenderer

from marsad.accounts.api import router as accounts_router
from marsad.areas.api import router as areas_router
from marsad.core import periods
from marsad.directives.api import router as directives_router
from marsad.documents.api import router as documents_router
from marsad.documents.ingest import InputError
from marsad.indicators.api import router as indicators_router
from marsad.jobs.api import router as jobs_router
from marsad.observations.analytics_api import router as analytics_router
from marsad.observations.api import router as observations_router
from marsad.observations.api import write_error_response
from marsad.observations.writing import WriteError
from marsad.targets.api import router as targets_router

from .apikit import AUTH


def _finite(value):
    """``value`` with every non-finite float (inf, nan) replaced by None, at any depth."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


class StrictJSONRenderer(JSONRenderer):
    """Always valid JSON: no ``Infinity`` or ``NaN`` (Python's json writes them by default); a
    value that is not a finite number is answered as null."""

    def render(self, request, data, *, response_status):
        try:
            return json.dumps(data, cls=self.encoder_class, allow_nan=False)
        except ValueError:
            return json.dumps(_finite(data), cls=self.encoder_class, allow_nan=False)


api = NinjaAPI(
    renderer=StrictJSONRenderer(),
    title="Marsad API",
    version="1",
    urls_namespace="api",
    auth=AUTH,
    description=(
        "Marsad (مرصد), the socio-economic observatory: areas, indicators, observations, targets, "
        "analytics, documents and directives. Authenticate with `Authorization: Bearer <token>` "
        "(tokens are created by an administrator) or a logged-in browser session."
    ),
)

for router in (
    accounts_router,
    areas_router,
    indicators_router,
    observations_router,
    targets_router,
    analytics_router,
    documents_router,
    directives_router,
    jobs_router,
):
    api.add_router("", router)


@api.exception_handler(WriteError)
def write_refused(request, exc):
    return write_error_response(api, request, exc)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "forbidden"}, status=403)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    return api.create_response(request, {"detail": "; ".join(exc.messages)}, status=422)


def _sent(request, loc) -> object:
    """What the client sent at ``loc`` (ninja's ["query", name] or ["body", payload, ...])."""
    if loc and loc[0] == "query":
        return request.GET.get(str(loc[-1]), "")
    try:
        value = json.loads(request.body or b"null")
        for key in loc[2:]:
            value = value[key]
    except (ValueError, KeyError, IndexError, TypeError):
        return ""
    return value


@api.exception_handler(SchemaError)
def schema_refused(request, exc):
    """ninja's list of fields that failed the schema, where a period that breaks the period
    pattern is named by the one period sentence in the caller's language (not a regex)."""
    lang = get_language()
    errors = []
    for error in exc.errors:
        if isinstance(error, dict) and (error.get("ctx") or {}).get("pattern") == periods.CODE_PATTERN:
            error = {**error, "msg": periods.error_message(_sent(request, error.get("loc") or ()), lang)}
        errors.append(error)
    return api.create_response(request, {"detail": errors}, status=422)


@api.exception_handler(InputError)
def input_refused(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=422)


@api.exception_handler(AuthenticationError)
def authentication_required(request, exc):
    message = _("Authentication required: send 'Authorization: Bearer <token>' or log in.")
    return api.create_response(request, {"detail": message}, status=401)
