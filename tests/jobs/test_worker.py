"""The job queue: exclusive claims, progress, failures kept with their messages, interrupted
jobs recovered, and the worker command (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import socket
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    from django.contrib.auth.models import User

    return User.objects.create(username="owner", is_superuser=True)


@pytest.fixture
def fake_task(monkeypatch):
    """A job kind whose behaviour each test sets (``calls`` records the progress it saw)."""
    from marsad.jobs import tasks

    state = {"behaviour": lambda job, progress: {"ok": True}}

    def run(job, progress):
        return state["behaviour"](job, progress)

    monkeypatch.setitem(tasks.TASKS, "test.fake", run)
    return state


def test_a_job_is_claimed_once(owner, fake_task):
    from marsad.jobs import worker

    job = worker.enqueue("test.fake", {}, owner)
    assert job.status == "queued"
    first = worker.claim("a:1")
    assert first.pk == job.pk and first.status == "running" and first.worker == "a:1"
    assert worker.claim("b:2") is None


def test_a_finished_job_keeps_its_result_and_progress(owner, fake_task):
    from marsad.jobs import worker

    def behaviour(job, progress):
        progress.total = 10
        for _ in range(10):
            progress(1)
        return {"rows": 10}

    fake_task["behaviour"] = behaviour
    job = worker.enqueue("test.fake", {}, owner)
    assert worker.run_pending() == 1
    job.refresh_from_db()
    assert (job.status, job.result, job.progress, job.total, job.percent) == (
        "done",
        {"rows": 10},
        10,
        10,
        100,
    )
    assert job.started_at <= job.finished_at


def test_progress_is_written_while_the_job_runs(owner, fake_task):
    from marsad.jobs import worker
    from marsad.jobs.models import Job

    job = worker.enqueue("test.fake", {}, owner)
    reporter = worker.Reporter(worker.claim())
    reporter.total, reporter.step = 50, "writing"
    reporter(20)
    reporter.write()
    job.refresh_from_db()
    assert (job.progress, job.total, job.step, job.percent) == (20, 50, "writing", 40)
    assert Job.objects.get(pk=job.pk).heartbeat_at is not None


def test_a_refusal_and_a_crash_are_failures_with_a_message(owner, fake_task):
    from marsad.jobs import worker
    from marsad.jobs.tasks import JobFailed

    def refuse(job, progress):
        raise JobFailed([{"row": 3, "column": "value", "reason": "not a number"}])

    fake_task["behaviour"] = refuse
    job = worker.run(worker.enqueue("test.fake", {}, owner))
    assert job.status == "failed" and job.errors == [{"row": 3, "column": "value", "reason": "not a number"}]

    def crash(job, progress):
        raise RuntimeError("boom")

    fake_task["behaviour"] = crash
    job = worker.run(worker.enqueue("test.fake", {}, owner, lang="vi"))
    assert job.status == "failed" and "boom" not in str(job.errors)
    assert job.errors[0]["reason"] and "unexpected" not in job.errors[0]["reason"]  # in Vietnamese


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_job_whose_worker_died_is_marked_interrupted(owner, fake_task):
    from marsad.jobs import worker
    from marsad.jobs.models import Job

    host = socket.gethostname()
    now = timezone.now()
    old = now - timedelta(seconds=worker.STALE_SECONDS + 5)
    dead = Job.objects.create(kind="test.fake", owner=owner, status="running", worker=f"{host}:{_dead_pid()}")
    alive = Job.objects.create(
        kind="test.fake", owner=owner, status="running", worker=f"{host}:{os.getpid()}", heartbeat_at=old
    )
    elsewhere_quiet = Job.objects.create(
        kind="test.fake", owner=owner, status="running", worker="other-host:1", heartbeat_at=old
    )
    elsewhere_beating = Job.objects.create(
        kind="test.fake", owner=owner, status="running", worker="other-host:2", heartbeat_at=now
    )
    assert worker.recover_interrupted() == 2
    status = dict(Job.objects.values_list("pk", "status"))
    assert status[dead.pk] == "failed" and status[elsewhere_quiet.pk] == "failed"
    assert status[alive.pk] == "running" and status[elsewhere_beating.pk] == "running"
    assert (
        "interrupted" in Job.objects.get(pk=dead.pk).errors[0]["reason"] or Job.objects.get(pk=dead.pk).errors
    )


def test_an_unknown_kind_is_not_queued(owner):
    from marsad.jobs import worker

    with pytest.raises(ValueError):
        worker.enqueue("no.such.kind", {}, owner)


def test_the_worker_loop_runs_a_job_and_stops(owner, fake_task, monkeypatch):
    import threading

    from marsad.jobs import worker
    from marsad.jobs.models import Job

    # The loop closes stale connections between jobs; here that would end the test's transaction.
    monkeypatch.setattr(worker, "close_old_connections", lambda: None)
    stop = threading.Event()
    threading.Timer(60, stop.set).start()  # never hang the suite, whatever happens

    def behaviour(job, progress):
        stop.set()
        return {"ok": 1}

    fake_task["behaviour"] = behaviour
    job = worker.enqueue("test.fake", {}, owner)
    worker.run_worker(poll=0.01, stop=stop)  # in this thread: the test's transaction sees it
    assert Job.objects.get(pk=job.pk).status == "done"


def test_the_worker_stops_when_its_parent_is_gone(owner):
    from marsad.jobs import worker

    worker.run_worker(poll=0.01, parent_pid=-1)  # returns at once: its parent is not pid -1


def test_a_failure_quoting_a_nul_character_is_kept_with_it_shown(owner, fake_task):
    """An error may quote the bad input it names; PostgreSQL's JSON refuses a NUL character."""
    from marsad.jobs import worker
    from marsad.jobs.tasks import JobFailed

    def behaviour(job, progress):
        raise JobFailed([{"row": 2, "reason": "'billion\x00' is not a unit"}])

    fake_task["behaviour"] = behaviour
    job = worker.enqueue("test.fake", {}, owner)
    worker.run_pending()
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.errors == [{"row": 2, "reason": "'billion\\x00' is not a unit"}]
