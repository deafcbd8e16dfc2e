"""Who may call the API: tokens, sessions (with CSRF on writes), nobody."""

import pytest

pytestmark = pytest.mark.django_db


def test_no_credentials_is_401(call):
    for path in ("/areas", "/observations", "/indicators", "/me"):
        response = call(None, "get", path)
        assert response.status_code == 401, path
        assert response.json()["detail"]


def test_unknown_token_is_401(client, users):
    response = client.get("/api/areas", headers={"Authorization": "Bearer msd_not-a-real-token"})
    assert response.status_code == 401


def test_token_identifies_its_user(call, users):
    me = call("commune", "get", "/me").json()
    assert me["username"] == "commune"
    assert me["role"] == "commune"
    assert me["administrator"] is False
    assert call("admin", "get", "/me").json()["administrator"] is True


def test_token_is_stored_only_as_digest(users, monkeypatch):
    from marsad.accounts import tokens
    from marsad.accounts.tokens import ApiToken, create_token, digest, user_for_key

    monkeypatch.setattr(tokens, "_in_background", lambda fn: fn())  # last_used: in a thread otherwise

    key = create_token(users["viewer"], "laptop")
    token = ApiToken.objects.get(name="laptop")
    assert key not in (token.key_digest, token.prefix)
    assert token.key_digest == digest(key)
    assert user_for_key(key) == users["viewer"]
    assert token.__class__.objects.get(pk=token.pk).last_used is not None


def test_inactive_user_token_is_refused(call, users):
    users["viewer"].is_active = False
    users["viewer"].save()
    assert call("viewer", "get", "/me").status_code == 401


def test_session_reads_and_csrf_protected_writes(users, places):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(users["commune"])
    assert client.get("/api/me").json()["username"] == "commune"
    body = {"area": places["mine"].code, "indicator": "grdp", "period": "2025Q1", "value": 1.0}
    refused = client.post("/api/observations", body, content_type="application/json")
    assert refused.status_code == 403  # no CSRF token
    client.get("/api/me")
    csrf = client.cookies.get("csrftoken")
    if csrf is None:  # the cookie is set by any page rendering a token; make one
        from django.middleware.csrf import _get_new_csrf_string

        client.cookies["csrftoken"] = csrf_value = _get_new_csrf_string()
    else:
        csrf_value = csrf.value
    accepted = client.post(
        "/api/observations", body, content_type="application/json", headers={"X-CSRFToken": csrf_value}
    )
    assert accepted.status_code == 201, accepted.content


def test_openapi_document_is_served(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Marsad API"
    for path in ("/api/areas", "/api/observations", "/api/observations/{obs_id}/history", "/api/documents"):
        assert path in schema["paths"], path
    assert (
        "BearerAuth" in str(schema["components"]["securitySchemes"])
        or schema["components"]["securitySchemes"]
    )


def test_admin_creates_a_token_and_shows_its_key_once(client, users):
    from django.contrib.messages import get_messages

    from marsad.accounts.tokens import ApiToken, user_for_key

    users["admin"].is_staff = True
    users["admin"].save()
    client.force_login(users["admin"])
    response = client.post(
        "/admin/accounts/apitoken/add/", {"user": users["viewer"].pk, "name": "statistics office"}
    )
    assert response.status_code == 302, response.content[:500]
    token = ApiToken.objects.get(name="statistics office")
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    key = next(word for m in shown for word in m.split() if word.startswith("msd_"))
    assert user_for_key(key) == users["viewer"] and token.prefix == key[:10]
    # Replacing the key: the old one stops working, a new one is shown.
    client.post(
        "/admin/accounts/apitoken/",
        {"action": "rotate_tokens", "_selected_action": [token.pk]},
    )
    assert user_for_key(key) is None
    assert ApiToken.objects.filter(user=users["viewer"], name="statistics office").count() == 1


@pytest.mark.parametrize("lang, word", [("ar", "أرسل"), ("vi", "xác thực"), ("en", "Authentication")])
def test_messages_in_the_callers_language(client, lang, word):
    response = client.get("/api/areas", headers={"Accept-Language": lang})
    assert response.status_code == 401 and word in response.json()["detail"]
