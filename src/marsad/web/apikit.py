"""What every API router shares: authentication, area scopes, pagination and error helpers.

Authentication: ``Authorization: Bearer <token>`` (see marsad.accounts.tokens) or the browser
session (with Django's CSRF check on writes, for htmx calls from the pages).

Scopes: every queryset goes through ``Model.objects.restrict(user, action)`` and every write
through ``scopes.require(user, obj, CHANGE)`` (marsad.accounts.scopes); asking for one object
outside the scope answers 403 (not 404) with a message (PermissionDenied, see web/api.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Window
from django.db.models.query import ModelIterable, ValuesIterable
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from ninja.security import HttpBearer, SessionAuth
from pydantic import field_validator
from pydantic_core import PydanticKnownError

from marsad.accounts import scopes
from marsad.accounts.tokens import token_for_key
from marsad.areas.models import Area

# Largest id and offset accepted: beyond a 64-bit integer the databases cannot compare.
MAX_ID = 2**63 - 1
MAX_OFFSET = 10**9
AREA_CODE_PATTERN = r"^[A-Za-z0-9-]{1,24}$"
CODE_PATTERN = r"^[A-Za-z0-9_]{1,64}$"


def _kinds(annotation) -> set:
    """The plain types an annotation admits: ``int | None`` -> {int, NoneType}."""
    args = get_args(annotation)
    if not args:
        return {annotation}
    if get_origin(annotation) is Annotated:
        return _kinds(args[0])
    if get_origin(annotation) in (Union, UnionType):
        return set().union(*(_kinds(a) for a in args))
    return {get_origin(annotation) or annotation}


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _as_documented(model, value, info, *, json: bool):
    """``value`` of the field being validated, refused when the OpenAPI document would refuse it
    but pydantic's lax mode would not: a day not written YYYY-MM-DD (lax mode reads 0 as
    1970-01-01) and, in a JSON body, true/false or text where a number or true/false is asked
    for (lax mode reads true as 1 and "12" as 12). A JSON integer may be written 3.0."""
    kinds = _kinds(model.model_fields[info.field_name].annotation)
    if value is None or str in kinds:
        return value
    if dt.date in kinds and not isinstance(value, dt.date):
        if not (isinstance(value, str) and _DAY.fullmatch(value)):
            raise PydanticKnownError("date_type")
    elif json and bool in kinds and not isinstance(value, bool):
        raise PydanticKnownError("bool_type")
    elif json and kinds & {int, float} and isinstance(value, (bool, str)):
        raise PydanticKnownError("float_type" if float in kinds else "int_type")
    return value


class Body(Schema):
    """A JSON request body taken as its OpenAPI document states it (see ``_as_documented``)."""

    @field_validator("*", mode="before")
    @classmethod
    def _as_documented(cls, value, info):
        return _as_documented(cls, value, info, json=True)


class Filters(Schema):
    """Query parameters taken as the OpenAPI document states them: days as YYYY-MM-DD."""

    @field_validator("*", mode="before")
    @classmethod
    def _as_documented(cls, value, info):
        return _as_documented(cls, value, info, json=False)


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request, token):
        # once per request: cached_read asks before the operation does
        memo = getattr(request, "_marsad_token", None)
        if memo is not None and memo[0] == token:
            found = memo[1]
        else:
            found = token_for_key(token)
            request._marsad_token = (token, found)
        if found is None:
            return None
        if found.read_only and request.method not in ("GET", "HEAD", "OPTIONS"):
            raise PermissionDenied(_("This API token is read-only: it may not change anything."))
        request.user = found.user
        return found.user


class ProfileSessionAuth(SessionAuth):
    """The logged-in browser session; CSRF is checked on unsafe methods."""


AUTH = [TokenAuth(), ProfileSessionAuth()]


def _caller(request):
    """The user the operation's authentication will find (AUTH, in its order), else None."""
    for callback in AUTH:
        try:
            found = callback(request)
        except Exception:  # noqa: BLE001 - the operation itself answers the refusal
            return None
        if found:
            return found
    return None


def read_key(request, user, version: str) -> str:
    """The cache key of a GET's answer: the path and the query (its parameters sorted), what
    decides the caller's scope (its fingerprint), the language of the answer and the data
    version (every audited write, import and area load; see analytics.reading.data_version)."""
    from urllib.parse import urlencode

    from django.utils.translation import get_language

    query = urlencode(sorted(request.GET.lists()), doseq=True)
    who = scopes.scope_of(user).fingerprint()
    digest = hashlib.blake2b(f"{request.path}?{query}\n{who}".encode(), digest_size=16).hexdigest()
    return f"marsad:api:{digest}:{get_language()}:{version}"


def cached_read(run):
    """For ``ninja.decorators.decorate_view`` on a read operation: its 200 answers kept as JSON
    under ``read_key``, so that a repeated query is one cache read (no validation, SQL or
    serialisation); any write is a new data version, hence a new key. Only a plain answer is
    kept (no header of its own besides the content type); refusals are never kept."""
    from django.core.cache import cache

    from marsad.analytics.caching import CACHE_SECONDS, FORMAT

    from .dashboard import version_now

    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        user = _caller(request) if request.method == "GET" else None
        if user is None:
            return run(request, *args, **kwargs)
        key = read_key(request, user, version_now())
        kept = cache.get(key, version=FORMAT)
        if kept is not None:
            content_type, body = kept
            return HttpResponse(body, content_type=content_type)
        response = run(request, *args, **kwargs)
        headers = {name.lower() for name in response.headers}
        if response.status_code == 200 and not response.streaming and headers <= {"content-type"}:
            cache.set(key, (response["Content-Type"], response.content), CACHE_SECONDS, version=FORMAT)
        return response

    return wrapper


class Pagination(LimitOffsetPagination):
    """limit/offset pages of at most 1,000 items; ``count`` is the total.

    A page and its total in one statement (``COUNT(*) OVER ()`` beside each row): the database
    finds the rows once, not once to count them and again to return a page. A page past the end
    has no row to carry the total; it is counted apart."""

    TOTAL = "_marsad_total"

    class Input(Schema):
        limit: int = Field(100, ge=1, le=1000)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def paginate_queryset(self, queryset, pagination, request, **params):
        if not _counts_in_one_statement(queryset):
            return super().paginate_queryset(queryset, pagination, request, **params)
        offset = pagination.offset
        limit = min(pagination.limit, self.max_limit)
        page = queryset.annotate(**{self.TOTAL: Window(Count("*"))})[offset : offset + limit]
        rows = list(page)
        if rows:
            count = _pop(rows[0], self.TOTAL)
            for row in rows[1:]:
                _pop(row, self.TOTAL)
        else:
            count = queryset.count() if offset else 0
        return {self.items_attribute: rows, "count": count}


def _counts_in_one_statement(queryset) -> bool:
    """Whether a window count beside the rows gives the queryset's total: a plain query of
    objects or dicts (not a list, a union, DISTINCT rows or a slice)."""
    query = getattr(queryset, "query", None)
    return (
        query is not None
        and getattr(queryset, "_iterable_class", None) in (ModelIterable, ValuesIterable)
        and not query.combinator
        and not query.distinct
        and not query.is_sliced
    )


def _pop(row, name: str):
    if isinstance(row, dict):
        return row.pop(name)
    value = getattr(row, name)
    delattr(row, name)
    return value


class Message(Schema):
    detail: str


class Invalid(Schema):
    """422: a message, or the list of fields that failed validation (loc, msg, type)."""

    detail: str | list[dict[str, Any]]


# 413: a body over the upload or text limit; 414: a query string over MARSAD_MAX_QUERY_CHARS;
# 503: the database too busy to answer in time, nothing written (marsad.web.security).
ERRORS = {
    400: Message,
    401: Message,
    403: Message,
    404: Message,
    413: Message,
    414: Message,
    422: Invalid,
    503: Message,
}


def clean_text(value: str | None) -> str:
    """Text from a client without NUL characters (PostgreSQL refuses them in strings)."""
    return (value or "").replace("\x00", "")


def area_or_404(code: str) -> Area:
    return get_object_or_404(Area, code=clean_text(code).strip().upper())


def viewable_area(user, code: str) -> Area:
    """The area ``code`` (404 when unknown, 403 when outside the user's scope)."""
    area = area_or_404(code)
    scopes.require(user, area, scopes.VIEW)
    return area
