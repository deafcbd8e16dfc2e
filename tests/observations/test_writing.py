"""The one write path: concurrent first writes, stale revisions, locks and exact values."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection

from marsad.observations import writing
from marsad.observations.approval import approve
from marsad.observations.models import Observation


def _write(area, value, based_on=writing.NEW):
    return writing.record_observation(
        None,
        area=area,
        indicator="grdp",
        period="2024Q1",
        value=value,
        based_on=based_on,
        provenance=writing.Provenance(via="test"),
    )


@pytest.mark.django_db(transaction=True)
def test_concurrent_first_writes_give_one_success_and_conflicts_never_a_500(shared_database):
    with shared_database():
        _concurrent_first_writes()


def _concurrent_first_writes():
    from marsad.areas.models import Area

    area = Area.objects.get(code="VN-24")
    outcomes: list[str] = []
    barrier = threading.Barrier(6)

    def one(i):
        try:
            barrier.wait()
            _write(area, Decimal(100 + i))
            outcomes.append("created")
        except writing.Conflict:
            outcomes.append("conflict")
        except Exception as exc:  # noqa: BLE001 - the test reports what went wrong
            outcomes.append(f"error {type(exc).__name__}: {exc}")
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict"] * 5 + ["created"], outcomes
    assert Observation.objects.filter(area=area, indicator__code="grdp", period="2024Q1").count() == 1
    Observation.objects.all().delete()


@pytest.mark.django_db
def test_a_stale_revision_is_refused_and_nothing_overwritten():
    from marsad.areas.models import Area

    area = Area.objects.get(code="VN-24")
    first = _write(area, Decimal("4600.625")).observation
    _write(area, Decimal("4700"), based_on=first.revision)
    with pytest.raises(writing.Conflict) as err:
        _write(area, Decimal("1"), based_on=first.revision)
    assert err.value.current.value == Decimal("4700")
    assert Observation.objects.get(pk=first.pk).revision == 2


@pytest.mark.django_db
def test_values_are_kept_exactly():
    from marsad.areas.models import Area

    area = Area.objects.get(code="VN-24")
    for text in ("123456.789", "4600.625", "0.1", "29232.75", "12345678.9012345"):
        obs = _write(area, Decimal(text), based_on=writing.ANY_REVISION).observation
        assert Observation.objects.get(pk=obs.pk).value == Decimal(text)


@pytest.mark.django_db
def test_an_approved_period_is_locked_until_unlocked(django_user_model):
    from marsad.areas.models import Area
    from marsad.observations.approval import unlock

    approver = django_user_model.objects.create_superuser("approver", password="a-long-password")
    area = Area.objects.get(code="VN-24")
    approve(approver, area, "2024Q1")
    with pytest.raises(writing.Locked) as err:
        _write(area, Decimal(5))
    assert err.value.approval.approved_by == approver
    unlock(approver, area, "2024Q1")
    assert _write(area, Decimal(5)).action == "created"


def test_in_periods_keeps_exactly_the_codes_asked(db):
    from marsad.observations.synthetic import synthetic_rows
    from marsad.observations.transfer import import_rows

    import_rows(synthetic_rows(300), "rows.csv")
    codes = sorted(set(Observation.objects.values_list("period", flat=True)))
    assert len(codes) >= 3
    asked = [codes[0], codes[-1]]  # a range that holds the codes between, which are not asked
    found = set(Observation.objects.in_periods(asked).values_list("period", flat=True))
    assert found == set(asked)
    assert not Observation.objects.in_periods([]).exists()
