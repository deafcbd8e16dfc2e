"""Security headers, HTTPS behind a proxy, request limits and the secret key."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = (
    "/",
    "/dashboard/",
    "/explorer/",
    "/changes/",
    "/documents/",
    "/documents/new/",
    "/observations/import/",
    "/directives/",
    "/targets/",
    "/accounts/profile/",
)


def test_every_page_sends_a_content_security_policy_without_inline_script(client_for):
    client = client_for("planner")
    for url in PAGES:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        csp = response.headers["Content-Security-Policy"]
        script_src = re.search(r"script-src ([^;]*)", csp).group(1)
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        html = response.content.decode()
        # Under that policy an inline script or handler would not run: the pages must have none.
        inline = [m for m in re.findall(r"<script\b([^>]*)>", html) if "src=" not in m and "json" not in m]
        assert inline == [], url
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), url


def test_the_login_page_has_the_policy_too(client):
    response = client.get("/accounts/login/")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_behind_an_https_proxy_cookies_are_secure_and_hsts_is_sent(client, demo_users):
    response = client.get("/accounts/login/", headers={"X-Forwarded-Proto": "https"})
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert response.cookies["csrftoken"]["secure"] is True
    assert response.cookies["csrftoken"]["httponly"] is True
    token = response.cookies["csrftoken"].value
    client.cookies["csrftoken"] = token
    response = client.post(
        "/accounts/login/",
        {"username": "planner", "password": "marsad-planner", "csrfmiddlewaretoken": token},
        headers={"X-Forwarded-Proto": "https", "Referer": "https://testserver/accounts/login/"},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] is True and session["httponly"] is True and session["samesite"] == "Lax"


def test_over_plain_http_cookies_are_not_marked_secure(client):
    response = client.get("/accounts/login/")
    assert "Strict-Transport-Security" not in response.headers
    assert not response.cookies["csrftoken"]["secure"]


def test_a_long_query_string_is_refused_with_a_message(client_for, settings):
    client = client_for("planner")
    long = "x" * (settings.MARSAD_MAX_QUERY_CHARS + 1)
    page = client.get(f"/explorer/?q={long}", headers={"Accept-Language": "en"})
    assert page.status_code == 414
    assert "The address is too long" in page.content.decode()
    api = client.get(f"/api/observations?area={long}")
    assert api.status_code == 414 and "detail" in api.json()


def test_a_body_over_the_upload_limit_is_refused_before_it_is_read(client_for, settings):
    settings.MARSAD_MAX_UPLOAD_BYTES = 1000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = client_for("planner")
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("big.csv", b"area,indicator,period,value\n" + b"x" * 5000)
    response = client.post("/observations/import/", {"file": big}, headers={"Accept-Language": "en"})
    assert response.status_code == 413
    assert "The file is too large: at most 0 MB" in response.content.decode()


def test_pasted_text_over_the_limit_is_refused_with_a_message(client_for, settings):
    from marsad.documents.models import Document

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    response = client_for("planner").post(
        "/documents/new/", {"text": "a" * 5000}, headers={"Accept-Language": "vi"}
    )
    assert response.status_code == 413
    assert "Văn bản gửi quá lớn" in response.content.decode()
    assert not Document.objects.exists()


def test_serve_refuses_the_development_key_unless_told_it_is_a_demo(settings, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from marsad.cli.main import app

    monkeypatch.delenv("MARSAD_SECRET_KEY", raising=False)
    settings.DATA_DIR = tmp_path
    result = CliRunner().invoke(app, ["serve", "--port", "1"])
    assert result.exit_code == 2
    assert "development secret key" in result.output


def test_init_writes_a_private_secret_key_once(tmp_path, monkeypatch):
    from marsad.web import secret_key

    monkeypatch.delenv("MARSAD_SECRET_KEY", raising=False)
    assert secret_key.read(tmp_path) == secret_key.DEV_KEY
    path = secret_key.ensure(tmp_path)
    key = secret_key.read(tmp_path)
    assert key != secret_key.DEV_KEY and len(key) >= 50
    assert path.stat().st_mode & 0o077 == 0
    assert secret_key.ensure(tmp_path) is None and secret_key.read(tmp_path) == key
    monkeypatch.setenv("MARSAD_SECRET_KEY", "from-the-environment")
    assert secret_key.read(tmp_path) == "from-the-environment"


def test_a_busy_database_answers_503_saying_nothing_was_written(rf):
    from django.db import OperationalError
    from django.utils import translation

    from marsad.web.security import LimitsMiddleware

    middleware = LimitsMiddleware(lambda request: None)
    for path in ("/api/observations", "/observations/entry/"):
        request = rf.post(path)
        from django.contrib.auth.models import AnonymousUser

        request.user = AnonymousUser()
        with translation.override("en"):
            response = middleware.process_exception(request, OperationalError("database is locked"))
        assert response.status_code == 503 and response["Retry-After"]
        assert "nothing was written" in response.content.decode()
    assert middleware.process_exception(rf.get("/"), OperationalError("no such table: x")) is None


def test_postgresql_ends_orphans_idle_transactions_and_long_lock_waits():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL settings")
    with connection.cursor() as cursor:
        shown = {}
        for name in (
            "idle_in_transaction_session_timeout",
            "lock_timeout",
            "client_connection_check_interval",
        ):
            cursor.execute(f"SHOW {name}")
            shown[name] = cursor.fetchone()[0]
    assert shown == {
        "idle_in_transaction_session_timeout": "1min",
        "lock_timeout": "15s",
        "client_connection_check_interval": "2s",
    }


def test_postgresql_compiles_no_plan_just_in_time():
    # JIT cost ~1 s of the 2.7 s a province's period list took on the 12 M set: off for the app.
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL settings")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_sqlite_waits_a_bounded_time_for_the_write_lock(settings):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings")
    assert 0 < settings.DATABASES["default"]["OPTIONS"]["timeout"] < 30  # gunicorn's worker timeout


def test_api_answers_are_always_valid_json():
    import json

    from marsad.web.api import StrictJSONRenderer

    body = StrictJSONRenderer().render(
        None, {"a": [1.5, float("inf"), {"b": float("nan")}]}, response_status=200
    )
    assert json.loads(body, parse_constant=lambda c: pytest.fail(f"{c} in the answer")) == {
        "a": [1.5, None, {"b": None}]
    }
