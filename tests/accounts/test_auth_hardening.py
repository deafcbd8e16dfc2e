"""Sign-in throttling, API tokens (expiry, read-only, revocation, last_used off the request's
path) and the change log of accounts, tokens and documents."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MARSAD_LOGIN_FAILURES = 5
    settings.MARSAD_LOGIN_LOCKOUT_MINUTES = 15


@pytest.fixture
def users(db):
    from marsad.accounts.demo import create_demo_users

    create_demo_users()
    from django.contrib.auth.models import User

    return {u.username: u for u in User.objects.all()}


def _login(client, username, password, address="10.0.0.1", lang="en"):
    return client.post(
        "/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        headers={"Accept-Language": lang},
    )


def test_wrong_passwords_lock_the_account_even_for_the_right_one(users):
    client = Client()
    for _ in range(5):
        assert _login(client, "admin", "wrong").status_code == 200
    locked = _login(client, "admin", "marsad-admin")
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account from another address is not affected.
    assert _login(Client(), "planner", "marsad-planner", address="10.0.0.9").status_code == 302


def test_the_lockout_ends_after_the_window(users, time_machine=None):
    import time_machine

    client = Client()
    for _ in range(5):
        _login(client, "admin", "wrong")
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert _login(client, "admin", "marsad-admin").status_code == 302


def test_one_address_trying_many_accounts_is_locked_out(users):
    client = Client()
    for i in range(20):
        _login(client, f"nobody{i}", "wrong", address="10.9.9.9")
    assert _login(client, "planner", "marsad-planner", address="10.9.9.9").status_code == 429
    assert _login(Client(), "planner", "marsad-planner", address="10.9.9.8").status_code == 302


def test_a_success_starts_the_accounts_count_again(users):
    client = Client()
    for _ in range(4):
        _login(client, "viewer", "wrong")
    assert _login(client, "viewer", "marsad-viewer").status_code == 302
    client.logout()
    for _ in range(4):
        _login(client, "viewer", "wrong")
    assert _login(client, "viewer", "marsad-viewer").status_code == 302


def test_every_attempt_is_kept_and_the_message_is_translated(users):
    from marsad.accounts.throttle import LoginAttempt

    client = Client()
    for _ in range(6):
        _login(client, "admin", "wrong", lang="vi")
    assert LoginAttempt.objects.filter(username="admin", succeeded=False).count() == 6
    html = _login(client, "admin", "marsad-admin", lang="vi").content.decode()
    assert "Nhập sai mật khẩu quá nhiều lần" in html
    html = _login(client, "admin", "marsad-admin", lang="ar").content.decode()
    assert "Too many wrong passwords" not in html and "محاولات خاطئة كثيرة" in html


def test_the_admin_signs_in_through_the_throttled_page(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert "next=/admin/" in response.url


# -- API tokens ------------------------------------------------------------------------------
@pytest.fixture
def sync_last_used(monkeypatch):
    from marsad.accounts import tokens

    monkeypatch.setattr(tokens, "_in_background", lambda fn: fn())


def test_a_token_expires(users, sync_last_used):
    from marsad.accounts.tokens import DEFAULT_DAYS, ApiToken, create_token

    key = create_token(users["viewer"], "reader")
    token = ApiToken.objects.get()
    assert abs((token.expires_at - timezone.now()) - timedelta(days=DEFAULT_DAYS)) < timedelta(minutes=1)
    assert Client().get("/api/me", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert Client().get("/api/me", headers={"Authorization": f"Bearer {key}"}).status_code == 401


def test_a_read_only_token_reads_but_never_writes(users, sync_last_used):
    from marsad.accounts.tokens import create_token

    key = create_token(users["planner"], "dashboard", read_only=True)
    auth = {"Authorization": f"Bearer {key}"}
    assert Client().get("/api/observations?area=VN-24", headers=auth).status_code == 200
    written = Client().post(
        "/api/observations",
        {"area": "VN-24", "indicator": "grdp", "period": "2025Q1", "value": 5, "unit": "billion VND"},
        content_type="application/json",
        headers={**auth, "Accept-Language": "en"},
    )
    assert written.status_code == 403 and "read-only" in written.json()["detail"]
    from marsad.observations.models import Observation

    assert not Observation.objects.exists()


def test_last_used_is_recorded_off_the_request_and_at_most_every_few_minutes(users, monkeypatch):
    from marsad.accounts import tokens

    queued = []
    monkeypatch.setattr(tokens, "_in_background", queued.append)
    key = tokens.create_token(users["viewer"], "reader")
    auth = {"Authorization": f"Bearer {key}"}
    assert Client().get("/api/me", headers=auth).status_code == 200
    assert tokens.ApiToken.objects.get().last_used is None  # the request did not write it
    assert len(queued) == 1
    queued[0]()
    assert tokens.ApiToken.objects.get().last_used is not None
    Client().get("/api/me", headers=auth)
    assert len(queued) == 1  # within the resolution: no second write


def test_last_used_write_failing_does_not_fail_the_request(users, monkeypatch):
    """While an import holds SQLite's write lock the update fails: in its own thread, quietly."""
    import threading

    from django.db import OperationalError

    from marsad.accounts import tokens

    started = []
    real = threading.Thread

    def thread(*args, **kwargs):
        t = real(*args, **kwargs)
        started.append(t)
        return t

    def locked():
        raise OperationalError("database is locked")

    monkeypatch.setattr(tokens.threading, "Thread", thread)
    tokens._in_background(locked)
    key = tokens.create_token(users["viewer"], "reader")
    assert Client().get("/api/me", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    assert len(started) == 2
    for t in started:
        t.join(10)
        assert not t.is_alive()


def test_tokens_are_made_and_revoked_on_the_users_own_page_and_logged(users, sync_last_used):
    from django.contrib.contenttypes.models import ContentType

    from marsad.accounts.tokens import ApiToken
    from marsad.audit.models import ChangeRecord

    client = Client()
    client.force_login(users["planner"])
    page = client.post("/accounts/profile/", {"action": "create-token", "name": "my script", "days": "30"})
    assert page.status_code == 200
    key = page.context["new_key"]
    token = ApiToken.objects.get(user=users["planner"])
    assert not token.read_only and (token.expires_at - timezone.now()).days in (29, 30)
    assert key in page.content.decode() and token.key_digest not in page.content.decode()
    # Somebody else cannot revoke it.
    other = Client()
    other.force_login(users["viewer"])
    assert other.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 302
    assert not ApiToken.objects.exists()
    assert Client().get("/api/me", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    ct = ContentType.objects.get_for_model(ApiToken)
    actions = list(ChangeRecord.objects.filter(content_type=ct).order_by("id").values_list("action", "user"))
    assert actions == [("create", users["planner"].pk), ("delete", users["planner"].pk)]
    changes = client.get("/changes/").content.decode()
    assert "my script" in changes


# -- the change log of accounts and documents ------------------------------------------------
def test_role_and_scope_changes_in_the_admin_reach_the_change_log(users):
    from django.contrib.contenttypes.models import ContentType

    from marsad.accounts.models import Profile
    from marsad.areas.models import Area
    from marsad.audit.models import ChangeRecord

    admin = Client()
    admin.force_login(users["admin"])
    profile = Profile.objects.get(user=users["viewer"])
    ha_noi = Area.objects.get(code="VN-01")
    response = admin.post(
        f"/admin/accounts/profile/{profile.pk}/change/",
        {
            "user": users["viewer"].pk,
            "role": "planner",
            "capture_areas": [ha_noi.pk],
            "view_areas": [],
            "organisation": "",
            "language": "en",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = ChangeRecord.objects.get(
        content_type=ContentType.objects.get_for_model(Profile), object_id=profile.pk
    )
    assert record.user == users["admin"]
    assert record.changed_fields()["role"] == ("viewer", "planner")
    assert record.changed_fields()["capture_areas"][1] == ["VN-01"]
    # The viewer reads the change of their own profile; the admin reads everything.
    viewer = Client()
    viewer.force_login(users["viewer"])
    page = viewer.get("/changes/").content.decode()
    # The change log names the role in the page's language, as a word, not its stored code.
    from django.utils import translation

    from marsad.accounts.models import Role

    lang = re.search(r'<html lang="(\w+)"', page).group(1)
    with translation.override(lang):
        assert str(Role.PLANNER.label) in page


def test_an_accounts_activation_is_logged(users):
    from django.contrib.contenttypes.models import ContentType

    from marsad.audit.models import ChangeRecord

    admin = Client()
    admin.force_login(users["admin"])
    target = users["department"]
    response = admin.post(
        f"/admin/auth/user/{target.pk}/change/",
        {
            "username": target.username,
            "first_name": target.first_name,
            "last_name": target.last_name,
            "email": "",
            "is_active": "",
            "is_staff": "",
            "date_joined_0": "2025-01-01",
            "date_joined_1": "00:00:00",
            "initial-date_joined_0": "2025-01-01",
            "initial-date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    record = ChangeRecord.objects.get(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    )
    assert record.changed_fields()["is_active"] == (True, False)
    assert "password" not in str(record.before) + str(record.after)


def test_preferences_changes_are_logged(users):
    from marsad.audit.models import ChangeRecord

    client = Client()
    client.force_login(users["planner"])
    client.post("/accounts/profile/", {"language": "vi"})
    record = ChangeRecord.objects.get(source="preferences")
    assert record.changed_fields()["language"] == ("ar", "vi")


def test_documents_and_decisions_reach_the_change_log(users):
    from django.contrib.contenttypes.models import ContentType

    from marsad.audit.models import ChangeRecord
    from marsad.documents import ingest
    from marsad.documents.models import Document, Proposal

    text = "Bac Ninh: GRDP in the first quarter of 2025 reached 5,800 billion VND, up 7.5%."
    result = ingest.ingest_text(text, lang="en", area="Bac Ninh", user=users["planner"])
    doc_ct = ContentType.objects.get_for_model(Document)
    created = ChangeRecord.objects.get(content_type=doc_ct, object_id=result.document.pk)
    assert created.action == "create" and created.user == users["planner"]
    proposals = list(result.document.proposals.filter(kind="fact"))
    assert proposals, "the reader found no figure"
    ingest.reject(proposals[0], users["planner"])
    decided = ChangeRecord.objects.get(
        content_type=ContentType.objects.get_for_model(Proposal), object_id=proposals[0].pk
    )
    assert decided.changed_fields()["decision"] == ("pending", "rejected")
    client = Client()
    client.force_login(users["planner"])
    page = client.get("/changes/").content.decode()
    assert str(result.document.title) in page
    # Outside the scope: the commune officer of another area does not see them.
    commune = Client()
    commune.force_login(users["commune"])
    assert result.document.title not in commune.get("/changes/").content.decode()
