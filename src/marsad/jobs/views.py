"""A job's progress page (refreshing itself while the job runs) and the owner's list of jobs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from marsad.accounts import scopes
from marsad.observations.transfer import COLUMNS

from . import files, tasks, worker
from .models import Job


def job_for(user, pk: int) -> Job:
    job = get_object_or_404(Job, pk=pk)
    scopes.require(user, job, scopes.VIEW, _("This job is someone else's."))
    return job


@login_required
def job_list(request):
    page = Paginator(Job.objects.restrict(request.user).select_related("owner"), 30).get_page(
        request.GET.get("page")
    )
    return render(request, "jobs/list.html", {"page": page})


@login_required
def detail(request, pk: int):
    job = job_for(request.user, pk)
    context = {"job": job, "columns": COLUMNS, "kinds": tasks}
    if job.kind == tasks.CHECK_OBSERVATIONS and job.status == Job.Status.DONE:
        context["confirmable"] = files.stored(job.params.get("token", "")) is not None and not job.params.get(
            "confirmed_by_job"
        )
    status = 200
    if job.status == Job.Status.FAILED:
        status = 403 if any(e.get("code") == tasks.FORBIDDEN for e in job.errors) else 422
    return render(request, "jobs/detail.html", context, status=status)


@login_required
def confirm(request, pk: int):
    """Import the rows a finished check job previewed (a new job)."""
    if request.method != "POST":
        return redirect("jobs:detail", pk)
    job = job_for(request.user, pk)
    if job.owner_id != request.user.pk:
        raise PermissionDenied(_("This job is someone else's."))
    if job.kind != tasks.CHECK_OBSERVATIONS or job.status != Job.Status.DONE:
        raise Http404(_("There is nothing to import in this job."))
    if job.params.get("confirmed_by_job"):
        return redirect("jobs:detail", job.params["confirmed_by_job"])
    if files.stored(job.params.get("token", "")) is None:
        raise Http404(_("This upload has expired; upload the file again."))
    rows = (job.result or {}).get("rows")
    started = worker.enqueue(
        tasks.IMPORT_OBSERVATIONS, {"token": job.params["token"], "rows": rows}, request.user
    )
    Job.objects.filter(pk=job.pk).update(params={**job.params, "confirmed_by_job": started.pk})
    return redirect("jobs:detail", started.pk)
