"""An indicator edited (the admin's save, a catalogue reload) moves the data version the cached
pages and figures are kept under, and a reload that changes nothing writes nothing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _records():
    from django.contrib.contenttypes.models import ContentType

    from marsad.audit.models import ChangeRecord
    from marsad.indicators.models import Indicator

    return ChangeRecord.objects.filter(content_type=ContentType.objects.get_for_model(Indicator))


def test_a_reload_that_changes_nothing_writes_nothing():
    from marsad.indicators.loading import load_indicators
    from marsad.indicators.models import Indicator

    assert load_indicators() == {"created": 0, "updated": 0, "total": Indicator.objects.count()}
    assert not _records().exists()


def test_an_edit_in_the_admin_moves_the_data_version():
    from marsad.analytics.reading import data_version
    from marsad.indicators.models import Indicator

    ind = Indicator.objects.get(code="grdp")
    version = data_version()
    ind.name_en = "Gross regional product"
    ind.save()
    assert data_version() != version
    change = _records().get(object_id=ind.pk, action="update")
    assert (
        change.after["name_en"] == "Gross regional product"
        and change.before["name_en"] != change.after["name_en"]
    )


def test_a_reload_records_a_renamed_rule_changed_or_missing_indicator():
    from marsad.analytics.reading import data_version
    from marsad.indicators.loading import load_indicators
    from marsad.indicators.models import Indicator

    Indicator.objects.filter(code="grdp").update(name_en="Old Name", decimals=7)
    gone = Indicator.objects.filter(parent__isnull=True, parts__isnull=True).order_by("-code").first()
    code = gone.code
    gone.delete()
    version = data_version()
    counts = load_indicators()
    assert counts["created"] == 1 and counts["updated"] >= 1
    assert data_version() != version
    renamed = _records().get(object_id=Indicator.objects.get(code="grdp").pk, action="update")
    assert renamed.before["name_en"] == "Old Name" and renamed.after["name_en"] != "Old Name"
    assert renamed.before["decimals"] == 7 and renamed.after["decimals"] != 7
    assert _records().filter(action="create", object_id=Indicator.objects.get(code=code).pk).exists()
    assert renamed.source == "load_indicators"
