"""The change log names every kind of record in the reader's words (not the English text stored
when it changed), and a deleted record by what the change record kept."""

from __future__ import annotations

import html
import re

import pytest

from marsad.core import periods

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed(demo_users):
    """A directive and a target of Bac Ninh, both written through the audited save."""
    from marsad.areas.models import Area
    from marsad.directives import tracking
    from marsad.directives.models import Organisation
    from marsad.directives.organisations import units_for_province
    from marsad.indicators.models import Indicator
    from marsad.targets.models import Target

    admin, bac_ninh = demo_users["admin"], Area.objects.get(code="VN-24")
    Organisation.objects.bulk_create(units_for_province(bac_ninh), ignore_conflicts=True)
    directive = tracking.create_directive(
        user=admin,
        area=bac_ninh,
        period="2025-9M",
        language="vi",
        text="Đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
        lead_unit=Organisation.objects.get(code="VN-24-CONS"),
    )
    target = Target(
        area=bac_ninh, indicator=Indicator.objects.get(code="grdp"), year=2025, measure="yoy_pct", value=10.5
    )
    target.save(changed_by=admin, source="targets page")
    return directive, target


def _what(client, lang: str) -> list[str]:
    client.cookies["django_language"] = lang
    page = client.get("/changes/").content.decode()
    rows = re.findall(r"<tr><td>.*?</tr>", page, re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[3] for row in rows]
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in cells]


@pytest.mark.parametrize("lang", ["ar", "vi", "en"])
def test_each_kind_is_named_in_the_readers_words(client_for, changed, lang):
    directive, target = changed
    what = _what(client_for("admin"), lang)
    nine_months = periods.words("2025-9M", lang)
    assert any("Đẩy nhanh" in w and nine_months in w for w in what), what[:6]  # the directive
    assert not [w for w in what if "2025-9M" in w or "yoy_pct" in w], what[:6]
    target_rows = [w for w in what if target.indicator.name(lang) in w and periods.words("2025", lang) in w]
    assert target_rows, what[:6]
    if lang != "en":
        assert not [w for w in what if str(target) in w], "the target's stored English label"
    number = {"ar": "10.5", "vi": "10,5", "en": "10.5"}[lang]
    assert any(number in w for w in target_rows), target_rows


def test_a_deleted_record_is_named_by_what_was_kept(client_for, changed):
    from marsad.audit.models import ChangeRecord
    from marsad.web.changes import describe

    _directive, target = changed
    stored = str(target)
    target.delete(source="targets page")
    record = ChangeRecord.objects.filter(action="delete").latest("id")
    parts = describe(record, "vi")
    assert parts[0] == {"text": stored, "as_written": True}  # shown as written, marked so
    assert {"text": "10,5", "as_written": False} in parts  # what was kept, in the reader's words


def test_a_profiles_areas_are_names_not_a_python_list(client_for, demo_users):
    from marsad.areas.models import Area
    from marsad.audit.models import ChangeRecord
    from marsad.web.changes import change_lines

    client = client_for("admin")
    profile = demo_users["viewer"].profile
    client.cookies["django_language"] = "ar"
    form = {
        "user": profile.user_id,
        "role": profile.role,
        "language": "ar",
        "capture_areas": [],
        "view_areas": [Area.objects.get(code="VN-56").pk],
    }
    response = client.post(f"/admin/accounts/profile/{profile.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[-2000:]
    record = ChangeRecord.objects.filter(content_type__model="profile").latest("id")
    lines = {line["label"]: line for line in change_lines(record, "ar")}
    viewed = lines["المناطق المطلع عليها"] if "المناطق المطلع عليها" in lines else next(iter(lines.values()))
    assert "[" not in viewed["old"] + viewed["new"]
    assert Area.objects.get(code="VN-56").name("ar") in viewed["new"]
