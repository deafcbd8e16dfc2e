"""Bad inputs on the pages answer 4xx with a message and store nothing (SQLite and PostgreSQL).

BAD_DOCUMENTS is counted in the notes ("bad inputs tried")."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

TEXT = "Bắc Ninh: thu ngân sách quý I/2025 đạt 5.800 tỷ đồng, tăng 12%."

# (case, form fields, file bytes or None, a piece of the English message)
BAD_DOCUMENTS = [
    ("NUL in the pasted text", {"text": TEXT + "\x00"}, None, "NUL character"),
    ("NUL in the title", {"text": TEXT, "title": "a\x00b"}, None, "NUL character"),
    ("NUL in the source address", {"text": TEXT, "source_url": "http://x.vn/\x00"}, None, "NUL character"),
    ("title of 301 characters", {"text": TEXT, "title": "t" * 301}, None, "title is too long"),
    ("source address not a URL", {"text": TEXT, "source_url": "javascript:alert(1)"}, None, "web address"),
    (
        "source address of 600 characters",
        {"text": TEXT, "source_url": "http://x.vn/" + "a" * 600},
        None,
        "too long",
    ),
    ("unknown language", {"text": TEXT, "lang": "xx"}, None, "Unknown language"),
    ("empty text", {"text": "   "}, None, "Paste the report"),
    ("UTF-16 file without BOM", {}, TEXT.encode("utf-16-le"), "not UTF-8"),
    ("UTF-16 big-endian without BOM", {}, TEXT.encode("utf-16-be"), "not UTF-8"),
    ("Latin-1 file", {}, "Hà Noi café crème".encode("latin-1"), "not UTF-8"),
    ("binary file", {}, bytes(range(256)) * 4, "not UTF-8"),
    ("empty file", {}, b"", "Paste the report"),
]


@pytest.mark.parametrize(
    ("case", "fields", "raw", "message"), BAD_DOCUMENTS, ids=[c[0] for c in BAD_DOCUMENTS]
)
def test_a_bad_document_is_refused_with_a_message(client_for, case, fields, raw, message):
    from marsad.documents.models import Document

    data = dict(fields)
    if raw is not None:
        data["file"] = SimpleUploadedFile("report.txt", raw, content_type="text/plain")
    response = client_for("planner").post("/documents/new/", data, headers={"Accept-Language": "en"})
    assert response.status_code == 422, case
    assert message in response.content.decode(), case
    assert not Document.objects.exists()


def test_a_text_over_the_character_limit_is_refused(client_for, settings):
    from marsad.documents.models import Document

    settings.MARSAD_MAX_TEXT_CHARS = 100
    response = client_for("planner").post(
        "/documents/new/", {"text": TEXT * 5}, headers={"Accept-Language": "ar"}
    )
    assert response.status_code == 422
    assert not Document.objects.exists()


def test_utf16_with_its_bom_is_read(client_for, run_jobs):
    from marsad.documents.models import Document

    raw = TEXT.encode("utf-16")  # with the byte-order mark
    response = client_for("planner").post(
        "/documents/new/", {"file": SimpleUploadedFile("r.txt", raw, content_type="text/plain")}
    )
    assert response.status_code == 302
    assert run_jobs() == 1
    assert Document.objects.get().text == TEXT


def test_a_title_of_300_characters_is_stored(client_for, run_jobs):
    from marsad.documents.models import Document

    client_for("planner").post("/documents/new/", {"text": TEXT, "title": "t" * 300})
    assert run_jobs() == 1
    assert Document.objects.get().title == "t" * 300


def test_the_messages_are_translated(client_for):
    client = client_for("planner")
    for lang in ("ar", "vi"):
        html = client.post(
            "/documents/new/", {"text": TEXT, "title": "t" * 301}, headers={"Accept-Language": lang}
        ).content.decode()
        assert "title is too long" not in html, lang
