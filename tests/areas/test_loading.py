"""load_areas writes a change record for each area it creates or changes in a table that has
areas (the data version of the cached pages), and none when nothing changed."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _records():
    from django.contrib.contenttypes.models import ContentType

    from marsad.areas.models import Area
    from marsad.audit.models import ChangeRecord

    return ChangeRecord.objects.filter(content_type=ContentType.objects.get_for_model(Area))


def test_a_reload_that_changes_nothing_writes_nothing():
    from marsad.areas.loading import load_areas
    from marsad.areas.models import Area

    assert load_areas() == {"created": 0, "updated": 0, "total": Area.objects.count()}
    assert not _records().exists()


def test_a_renamed_relinked_or_missing_area_is_recorded():
    from marsad.analytics.reading import data_version
    from marsad.areas.loading import load_areas
    from marsad.areas.models import Area

    commune = Area.objects.communes().current().order_by("code").first()
    province = Area.objects.provinces().current().exclude(pk=commune.parent_id).order_by("code").first()
    Area.objects.filter(pk=commune.pk).update(name_en="Old Name", parent=province)
    gone = Area.objects.communes().current().order_by("-code").first()
    code = gone.code
    gone.delete()
    version = data_version()
    counts = load_areas()
    assert counts["created"] == 1 and counts["updated"] >= 1
    assert data_version() != version
    renamed = _records().get(object_id=commune.pk, action="update")
    assert renamed.before["name_en"] == "Old Name" and renamed.after["name_en"] != "Old Name"
    assert renamed.before["parent"] == province.pk and renamed.after["parent"] != province.pk
    assert _records().filter(action="create", object_id=Area.objects.get(code=code).pk).exists()
    assert renamed.source == "load_areas"
