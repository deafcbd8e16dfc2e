"""What each kind of job does. Each task calls the one write path of its domain (the import of
``observations.transfer``, the reading of ``documents.ingest``); none has its own copy.

A task gets the job and a ``progress(n)`` callback (with ``.total`` and ``.step`` to set) and
returns a JSON-ready result, or raises :class:`JobFailed` with errors a person can act on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from . import files

TASKS: dict[str, Callable] = {}

CHECK_OBSERVATIONS = "observations.check"
IMPORT_OBSERVATIONS = "observations.import"
INGEST_DOCUMENT = "documents.ingest"
PREVIEW_ROWS = 20
FORBIDDEN = "forbidden"  # an error's code when the owner's scope refused the job's write


class JobFailed(Exception):
    """The job could not do what was asked; ``errors`` are dicts with at least ``reason``."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__("; ".join(e.get("reason", "") for e in errors[:5]))


def task(kind: str):
    def register(fn):
        TASKS[kind] = fn
        return fn

    return register


def _stored_file(job):
    path = files.stored(job.params.get("token", ""))
    if path is None:
        raise JobFailed([{"reason": _("This upload has expired; upload the file again.")}])
    return path


def _rejected(exc) -> JobFailed:
    return JobFailed([asdict(e) for e in exc.errors])


@task(CHECK_OBSERVATIONS)
def check_observations(job, progress) -> dict:
    """Read and check an uploaded file as the import will (the owner's scope included); write
    nothing. The result is the preview the owner confirms."""
    from marsad.observations import transfer

    path = _stored_file(job)
    progress.step = "checking"
    try:
        rows = list(transfer.read_rows(path, path.name))
        progress.total = len(rows)
        checked = transfer.check_rows(iter(rows), path.name, user=job.owner, progress=progress)
    except transfer.ImportRejected as exc:
        files.forget(job.params["token"])
        raise _rejected(exc) from None
    if checked.height == 0:
        files.forget(job.params["token"])
        raise JobFailed(
            [{"file": path.name, "row": 0, "column": "", "reason": _("The file has no rows to import.")}]
        )
    progress.done = len(rows)
    return {"file": path.name, "rows": checked.height, "preview": rows[:PREVIEW_ROWS]}


@task(IMPORT_OBSERVATIONS)
def import_observations(job, progress) -> dict:
    """Import the checked file (all-or-nothing, through observations.transfer)."""
    from marsad.observations import transfer

    path = _stored_file(job)
    progress.step = "writing"
    progress.total = job.params.get("rows")
    try:
        result = transfer.import_file(path, path.name, user=job.owner, progress=progress)
    except transfer.ImportRejected as exc:
        raise _rejected(exc) from None
    finally:
        files.forget(job.params["token"])
    if result.rows == 0:
        raise JobFailed(
            [{"file": path.name, "row": 0, "column": "", "reason": _("The file has no rows to import.")}]
        )
    progress.done = result.rows
    return asdict(result)


@task(INGEST_DOCUMENT)
def ingest_document(job, progress) -> dict:
    """Read a stored text into the review queue (documents.ingest)."""
    from marsad.documents import ingest

    path = _stored_file(job)
    progress.step = "reading"
    p = job.params
    try:
        text = path.read_text(encoding="utf-8")
        result = ingest.ingest_text(
            text,
            title=p.get("title", ""),
            lang=p.get("doc_lang") or None,
            area=p.get("area") or None,
            source_url=p.get("source_url", ""),
            file_name=p.get("file_name", ""),
            user=job.owner,
        )
    except ingest.InputError as exc:
        raise JobFailed([{"reason": str(exc)}]) from None
    except PermissionDenied as exc:
        raise JobFailed([{"reason": str(exc), "code": FORBIDDEN}]) from None
    finally:
        files.forget(p["token"])
    return {
        "document": result.document.pk,
        "title": result.document.title,
        "created": result.created,
        "proposals": result.proposals,
    }
