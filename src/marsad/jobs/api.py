"""API: the caller's background jobs and how far each is."""

from datetime import datetime
from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema
from ninja.pagination import paginate

from marsad.accounts import scopes
from marsad.web.apikit import ERRORS, MAX_ID, Pagination

from .models import Job

router = Router(tags=["jobs"])


class JobOut(Schema):
    id: int
    kind: str
    status: str = Field(..., description="queued, running, done or failed")
    progress: int
    total: int | None
    step: str
    result: dict[str, Any] | None
    errors: list[dict[str, Any]]
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


FIELDS = tuple(JobOut.model_fields)


@router.get(
    "/jobs", response={200: list[JobOut], **ERRORS}, summary="The caller's background jobs, newest first"
)
@paginate(Pagination)
def list_jobs(request):
    return Job.objects.restrict(request.auth).order_by("-created_at", "-id").values(*FIELDS)


@router.get("/jobs/{job_id}", response={200: JobOut, **ERRORS}, summary="One background job")
def get_job(request, job_id: int = Path(..., ge=1, le=MAX_ID)):
    job = get_object_or_404(Job, pk=job_id)
    scopes.require(request.auth, job, scopes.VIEW, _("This job is someone else's."))
    return Job.objects.filter(pk=job.pk).values(*FIELDS).get()
