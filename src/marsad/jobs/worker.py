"""The job queue and its worker: claim a waiting job, run its task, record how it ended.

The queue is the ``Job`` table (SQLite and PostgreSQL alike): a worker claims a job with a
conditional UPDATE (``status = queued``), so two workers never run the same job. While a job runs,
a heartbeat thread writes its progress and ``heartbeat_at`` every second on its own connection
(an import's progress must be visible while the import's transaction is open). A job whose
worker died (``kill -9``) is marked failed by the next worker: the process is gone (same host)
or its heartbeat is older than ``STALE_SECONDS``. The imports are all-or-nothing, so an
interrupted job has written nothing.

``marsad serve`` starts one worker process beside gunicorn; ``marsad worker`` runs one alone.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Job
from .tasks import TASKS, JobFailed

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 1.0
STALE_SECONDS = 120


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def enqueue(kind: str, params: dict, owner=None, *, lang: str | None = None) -> Job:
    """Queue a job; ``lang`` is the language its messages are written in (the asker's)."""
    if kind not in TASKS:
        raise ValueError(f"unknown job kind {kind!r}")
    params = {**params, "lang": lang or translation.get_language() or settings.LANGUAGE_CODE}
    job = Job.objects.create(kind=kind, params=params, owner=owner)
    if getattr(settings, "MARSAD_JOBS_EAGER", False):
        run(job)
        job.refresh_from_db()
    return job


def claim(name: str | None = None) -> Job | None:
    """The oldest waiting job, now marked running for this worker (None when there is none)."""
    name = name or worker_name()
    for pk in Job.objects.filter(status=Job.Status.QUEUED).order_by("id").values_list("pk", flat=True)[:5]:
        now = timezone.now()
        claimed = Job.objects.filter(pk=pk, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING, worker=name[:80], started_at=now, heartbeat_at=now
        )
        if claimed:
            return Job.objects.get(pk=pk)
    return None


class Reporter:
    """The ``progress(n)`` callback handed to a task: counts in memory, written by the heartbeat."""

    def __init__(self, job: Job):
        self.job_id = job.pk
        self.done = 0
        self.total: int | None = None
        self.step = ""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"job-{job.pk}-heartbeat", daemon=True)

    def __call__(self, n: int = 0) -> None:
        self.done += n

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _beat(self) -> None:
        try:
            while not self._stop.wait(HEARTBEAT_SECONDS):
                self.write()
        finally:
            connection.close()  # this thread's own connection

    def write(self) -> None:
        try:
            Job.objects.filter(pk=self.job_id, status=Job.Status.RUNNING).update(
                progress=self.done, total=self.total, step=self.step[:40], heartbeat_at=timezone.now()
            )
        except Exception:  # noqa: BLE001 - a busy database delays the progress shown, nothing else
            log.debug("heartbeat of job %s not written", self.job_id, exc_info=True)


def storable(value):
    """``value`` with each NUL character shown as ``\\x00``: an error may quote the bad input
    it names, and PostgreSQL's JSON refuses ``\\u0000`` (the job would never end)."""
    if isinstance(value, str):
        return value.replace("\x00", "\\x00")
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [storable(v) for v in value]
    return value


def run(job: Job) -> Job:
    """Run a claimed (or, eagerly, a just created) job to its end; never raises."""
    task = TASKS[job.kind]
    if job.status == Job.Status.QUEUED:
        now = timezone.now()
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.RUNNING, worker=worker_name()[:80], started_at=now, heartbeat_at=now
        )
    reporter = Reporter(job)
    reporter.start()
    status, result, errors = Job.Status.DONE, None, []
    try:
        with translation.override(job.params.get("lang") or settings.LANGUAGE_CODE):
            try:
                result = task(job, reporter)
            except JobFailed as exc:
                status, errors = Job.Status.FAILED, exc.errors
            except Exception:
                log.exception("job %s (%s) failed", job.pk, job.kind)
                status = Job.Status.FAILED
                errors = [{"reason": _("The job stopped on an unexpected error; nothing was written.")}]
    finally:
        reporter.stop()
    Job.objects.filter(pk=job.pk).update(
        status=status,
        result=storable(result),
        errors=storable(errors),
        progress=reporter.done,
        total=reporter.total,
        step="",
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_interrupted() -> int:
    """Mark failed the running jobs whose worker is gone; return how many."""
    host = socket.gethostname()
    stale_before = timezone.now() - timedelta(seconds=STALE_SECONDS)
    failed = 0
    for job in Job.objects.filter(status=Job.Status.RUNNING):
        where, _sep, pid = job.worker.rpartition(":")
        gone = (where == host and pid.isdigit() and not _process_alive(int(pid))) or (
            where != host and (job.heartbeat_at is None or job.heartbeat_at < stale_before)
        )
        if gone:
            with translation.override(job.params.get("lang") or settings.LANGUAGE_CODE):
                message = _(
                    "The job was interrupted (its worker stopped); nothing was written. Start it again."
                )
            failed += Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
                status=Job.Status.FAILED, errors=[{"reason": message}], finished_at=timezone.now()
            )
    return failed


def run_pending(limit: int | None = None) -> int:
    """Run waiting jobs until there are none (or ``limit``); return how many ran."""
    ran = 0
    while limit is None or ran < limit:
        job = claim()
        if job is None:
            break
        run(job)
        ran += 1
    return ran


def run_worker(
    *, poll: float = 1.0, stop: threading.Event | None = None, parent_pid: int | None = None
) -> None:
    """Run jobs as they come until ``stop`` is set or the parent process (the web server) is gone."""
    stop = stop or threading.Event()
    log.info("job worker %s started", worker_name())
    recover_interrupted()
    last_recovery = time.monotonic()
    while not stop.is_set():
        if parent_pid is not None and os.getppid() != parent_pid:
            break  # the server that started this worker has gone: do not outlive it
        close_old_connections()
        try:
            if time.monotonic() - last_recovery > STALE_SECONDS / 2:
                recover_interrupted()
                last_recovery = time.monotonic()
            job = claim()
        except Exception:  # noqa: BLE001 - the database is busy or restarting: try again shortly
            log.warning("job worker: could not look for jobs", exc_info=True)
            job = None
        if job is None:
            stop.wait(poll)
            continue
        run(job)
