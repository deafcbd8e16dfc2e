"""The Django admin in the reader's language: periods shown in words and read back from words,
the one sentence for what is not a period, numbers and codes of the vocabularies in words,
Marsad's field names and section titles translated."""

from __future__ import annotations

import html
import re

import pytest

from marsad.core import periods

pytestmark = pytest.mark.django_db

WORDS = {  # the period 2025Q3 as each reader types it
    "ar": "الربع الثالث 2025",
    "vi": "quý III/2025",
    "en": "Q3 2025",
}


def _client(client_for, lang: str):
    client = client_for("admin")
    client.cookies["django_language"] = lang
    return client


def _row(**changes) -> dict:
    from marsad.areas.models import Area
    from marsad.indicators.models import Indicator

    row = {
        "area": Area.objects.get(code="VN-24").pk,
        "indicator": Indicator.objects.get(code="grdp").pk,
        "period": "2025Q3",
        "measure": "level",
        "value": "5800",
        "unit": "billion VND",
        "status": "official",
        "qualifier": "exact",
        "source": "entry",
        "import_file": "",
    }
    return row | changes


def _text(response) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("lang", list(WORDS))
def test_an_admin_form_takes_the_period_in_the_readers_words_and_stores_the_code(client_for, lang):
    from marsad.observations.models import Observation

    response = _client(client_for, lang).post(
        "/admin/observations/observation/add/", _row(period=WORDS[lang])
    )
    assert response.status_code == 302, _text(response)[-1500:]
    assert Observation.objects.get(area__code="VN-24", indicator__code="grdp", period="2025Q3").value == 5800


@pytest.mark.parametrize("lang", list(WORDS))
def test_an_admin_form_refuses_what_is_not_a_period_with_the_one_sentence(client_for, lang):
    response = _client(client_for, lang).post("/admin/observations/observation/add/", _row(period="Q5 2025"))
    assert response.status_code == 422
    assert periods.error_message("Q5 2025", lang) in html.unescape(response.content.decode())


@pytest.mark.parametrize("lang", list(WORDS))
def test_the_admin_shows_periods_numbers_and_codes_in_the_readers_words(client_for, put, lang):
    from marsad.areas.models import Area

    obs = put(Area.objects.get(code="VN-24"), "grdp", "2025-9M", 98540.5, measure="yoy_pct")
    client = _client(client_for, lang)
    listed = _text(client.get("/admin/observations/observation/"))
    nine_months = periods.words("2025-9M", lang)
    assert nine_months in listed  # the column and the filter
    assert "2025-9M" not in listed
    assert "yoy_pct" not in listed
    assert {"ar": "98,540.5", "vi": "98.540,5", "en": "98,540.5"}[lang] in listed
    form = html.unescape(client.get(f"/admin/observations/observation/{obs.pk}/change/").content.decode())
    assert f'name="period" value="{nine_months}"' in form
    heading = re.search(r"<h2>(.*?)</h2>", form, re.S).group(1)  # the record's heading, in words
    assert nine_months in heading and "yoy_pct" not in heading and "2025-9M" not in heading
    crumbs = re.search(r'<div class="breadcrumbs">(.*?)</div>', form, re.S).group(1)  # and in the path
    assert nine_months in crumbs and "yoy_pct" not in crumbs and "2025-9M" not in crumbs


def test_the_admin_says_its_sections_and_fields_in_arabic(client_for):
    client = _client(client_for, "ar")
    index = _text(client.get("/admin/"))
    assert "مرصد" in index and "Django" not in index and "جانغو" not in index
    page = client.get("/admin/observations/observation/add/").content.decode()
    labels = [
        html.unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(r"<label[^>]*>(.*?)</label>", page, re.S)
    ]
    assert len(labels) > 10
    english = [label for label in labels if re.search(r"[A-Za-z]", label)]
    assert not english, english


@pytest.mark.parametrize("lang", list(WORDS))
def test_the_meetings_conclusions_show_their_period_in_words(client_for, lang):
    from marsad.areas.models import Area
    from marsad.reports.models import Conclusion

    conclusion = Conclusion.objects.create(
        area=Area.objects.get(code="VN-24"), period="2025-9M", text="Đẩy nhanh giải ngân", language="vi"
    )
    client = _client(client_for, lang)
    nine_months = periods.words("2025-9M", lang)
    listed = _text(client.get("/admin/reports/conclusion/"))
    assert nine_months in listed and "2025-9M" not in listed
    form = html.unescape(client.get(f"/admin/reports/conclusion/{conclusion.pk}/change/").content.decode())
    assert f'name="period" value="{nine_months}"' in form


@pytest.mark.parametrize("lang", ("ar", "vi"))
@pytest.mark.parametrize("page", ("/admin/auth/user/{pk}/change/", "/admin/auth/group/add/"))
def test_permissions_are_named_in_the_readers_words(client_for, lang, page, django_user_model):
    """Django writes permission names once, in English ("Can add API token"); the admin says
    them from their action and the model's translated name."""
    from django.utils import translation

    from marsad.accounts.tokens import ApiToken

    user = django_user_model.objects.get(username="admin")
    text = html.unescape(_client(client_for, lang).get(page.format(pk=user.pk)).content.decode())
    with translation.override(lang):
        add_token = translation.gettext("Can add %(thing)s") % {"thing": ApiToken._meta.verbose_name}
    assert add_token != f"Can add {ApiToken._meta.verbose_name_raw}"
    assert add_token in text
    assert "Can add API token" not in text
