"""Two people writing the same value at the same moment: one wins, the other is told, none is lost.

Real threads, each with its own connection, on SQLite (a file database, as in production) and
on PostgreSQL: the API's PUT with a revision, the entry grid's save with its hidden revision,
and first writes of a new key through the API (one success, the rest 409, never a 500).
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


def _race(n: int, one) -> list:
    """Run ``one(i)`` in ``n`` threads released together; return their results in order."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i):
        try:
            barrier.wait()
            results[i] = one(i)
        except Exception as exc:  # noqa: BLE001 - the test reports what went wrong
            results[i] = f"error {type(exc).__name__}: {exc}"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def _token(user) -> str:
    from marsad.accounts.tokens import create_token

    return create_token(user, "two writers")


def test_two_api_writers_on_one_revision(shared_database, demo_users, communes):
    from django.test import Client

    from marsad.audit.models import ChangeRecord
    from marsad.observations.models import Observation
    from marsad.observations.writing import Provenance, record_observation

    mine, _ = communes
    with shared_database():
        obs = record_observation(
            None, area=mine, indicator="grdp", period="2024Q4", value="100", provenance=Provenance(via="test")
        ).observation
        headers = {"Authorization": f"Bearer {_token(demo_users['commune'])}"}

        def put(i):
            response = Client().put(
                f"/api/observations/{obs.pk}",
                {"value": 200 + i, "revision": 1},
                content_type="application/json",
                headers=headers,
            )
            return response.status_code, response.json()

        results = _race(2, put)
        statuses = sorted(r[0] for r in results if isinstance(r, tuple))
        assert statuses == [200, 409], results
        won = next(body for status, body in results if status == 200)
        lost = next(body for status, body in results if status == 409)
        # The one refused is told what is stored now: the other's value, revision 2.
        assert lost["current"]["value"] == won["value"] and lost["current"]["revision"] == 2
        stored = Observation.objects.get(pk=obs.pk)
        assert (float(stored.value), stored.revision) == (won["value"], 2)
        assert ChangeRecord.objects.filter(object_id=obs.pk, action="update").count() == 1


def test_two_grid_writers_on_one_revision(shared_database, demo_users, communes):
    from django.test import Client

    from marsad.observations.models import Observation
    from marsad.observations.writing import Provenance, record_observation

    mine, _ = communes
    with shared_database():
        obs = record_observation(
            None,
            area=mine,
            indicator="budget_revenue",
            period="2024Q4",
            value="100",
            provenance=Provenance(via="test"),
        ).observation
        clients = []
        for _ in range(2):
            client = Client()
            client.force_login(demo_users["commune"])
            client.cookies["django_language"] = "en"
            clients.append(client)

        def save(i):
            form = {
                "area": mine.code,
                "period": "2024Q4",
                "status": "official",
                "o__budget_revenue__level": "100",
                "v__budget_revenue__level": str(300 + i),
                "r__budget_revenue__level": "1",
            }
            response = clients[i].post("/observations/entry/", form)
            return response.status_code, response.content.decode(), 300 + i

        results = _race(2, save)
        assert sorted(r[0] for r in results if isinstance(r, tuple)) == [302, 409], [
            r[:1] if isinstance(r, tuple) else r for r in results
        ]
        winner = next(value for status, _, value in results if status == 302)
        page = next(html for status, html, _ in results if status == 409)
        # The refused grid shows the stored value beside what was typed; nothing overwritten.
        assert str(winner) in page and 'class="conflict' in page
        stored = Observation.objects.get(pk=obs.pk)
        assert (stored.value, stored.revision) == (winner, 2)


def test_concurrent_first_writes_through_the_api(shared_database, demo_users, communes):
    from django.test import Client

    from marsad.observations.models import Observation

    mine, _ = communes
    with shared_database():
        headers = {"Authorization": f"Bearer {_token(demo_users['commune'])}"}

        def post(i):
            body = {"area": mine.code, "indicator": "grdp", "period": "2024Q3", "value": 100 + i}
            return Client().post("/api/observations", body, content_type="application/json", headers=headers)

        results = _race(6, post)
        statuses = sorted(r.status_code if not isinstance(r, str) else r for r in results)
        assert statuses == [201] + [409] * 5, statuses
        assert Observation.objects.filter(area=mine, indicator__code="grdp", period="2024Q3").count() == 1


def test_api_reads_keep_answering_during_an_import(shared_database, demo_users, communes):
    """The import holds the database for its write only; readers are not locked out meanwhile."""
    from django.test import Client

    from marsad.observations.synthetic import synthetic_rows
    from marsad.observations.transfer import import_rows

    mine, _ = communes
    with shared_database():
        headers = {"Authorization": f"Bearer {_token(demo_users['commune'])}"}
        rows = synthetic_rows(20_000, seed=3)
        done = threading.Event()

        def one(i):
            if i == 0:
                try:
                    return import_rows(rows, "big.csv").created
                finally:
                    done.set()
            answers = []
            while not done.is_set() or not answers:
                response = Client().get("/api/observations", {"area": mine.code, "limit": 5}, headers=headers)
                answers.append(response.status_code)
            return answers

        created, answers = _race(2, one)
        assert created == 20_000, created
        assert answers and set(answers) == {200}, answers
