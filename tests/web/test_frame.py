"""The frame: sign-in, language and direction, fonts and scripts served by the app, menus."""

from __future__ import annotations

import re

import pytest

from marsad.web.formatting import number_text

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_sign_in_with_the_demo_password_then_sign_out(client, demo_users):
    response = client.post("/accounts/login/", {"username": "planner", "password": "marsad-planner"})
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/dashboard/").status_code == 302


def test_wrong_password_is_refused(client, demo_users):
    response = client.post("/accounts/login/", {"username": "planner", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_arabic_is_the_default_and_right_to_left(client_for):
    html = client_for("planner").get("/dashboard/").content.decode()
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    assert "لوحة" in html  # the menu is in Arabic


@pytest.mark.parametrize(("lang", "word"), [("vi", "Bảng điều khiển"), ("en", "Dashboard")])
def test_switching_language_changes_direction_and_words(client_for, lang, word):
    client = client_for("planner")
    response = client.post("/i18n/setlang/", {"language": lang, "next": "/dashboard/"})
    assert response.status_code == 302
    html = client.get("/dashboard/").content.decode()
    assert f'<html lang="{lang}" dir="ltr">' in html
    assert word in html


def test_fonts_come_from_the_installed_packages(client):
    css = client.get("/fonts/marsad-fonts.css").content.decode()
    assert "Noto Sans Arabic" in css and "/fonts/noto-sans-arabic.ttf" in css
    font = client.get("/fonts/noto-sans-arabic.ttf")
    assert font.status_code == 200 and font["Content-Type"] == "font/ttf"
    assert b"".join(font.streaming_content)[:4] in (b"\x00\x01\x00\x00", b"true", b"OTTO")
    assert client.get("/fonts/../settings.py").status_code == 404


def test_no_page_refers_to_a_cdn(client_for):
    html = client_for("admin").get("/dashboard/").content.decode()
    for src in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not src.startswith(("http://", "https://", "//")), src


def test_menu_follows_the_role(client_for):
    viewer = client_for("viewer").get("/dashboard/").content.decode()
    assert "/observations/entry/" not in viewer
    planner = client_for("planner").get("/dashboard/").content.decode()
    assert "/observations/entry/" in planner


def test_profile_sets_eastern_digits(client_for, demo_users, communes, put):
    client = client_for("commune")
    response = client.post("/accounts/profile/", {"language": "ar", "eastern_digits": "on"})
    assert response.status_code == 302
    demo_users["commune"].profile.refresh_from_db()
    assert demo_users["commune"].profile.eastern_digits
    put(communes[0], "budget_revenue", "2025Q1", 1234.5)
    html = client.get(f"/dashboard/?area={communes[0].code}&period=2025Q1").content.decode()
    assert number_text(1234.5, "ar", True) in html
    assert "١" in number_text(1234.5, "ar", True)


@pytest.mark.parametrize(("lang", "month"), [("ar", "سبتمبر"), ("vi", "tháng 9"), ("en", "September")])
def test_dates_are_written_the_languages_way(lang, month):
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    with translation.override(lang):
        text = Template("{% load marsad %}{% day d %}").render(Context({"d": datetime.date(2025, 9, 30)}))
    assert month in text and "2025" in text
