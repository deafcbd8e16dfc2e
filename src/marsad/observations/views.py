"""Pages for observations: data entry for one unit and period, and file import."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from marsad.accounts import scopes
from marsad.areas.models import Area
from marsad.core import measures
from marsad.core import periods as P
from marsad.indicators.models import Indicator
from marsad.web.access import capturable_area_or_403, viewable_area_or_403

from . import approval, sdmx, transfer, writing
from .entry_template import entry_template
from .forms import ENTRY_MEASURES, check_period, read_grid, shown_text
from .messages import locked_message, problem_message
from .models import Observation
from .quality import approvals, completeness, consistency_warnings

MAX_PICKER = 400


def _may_enter(user) -> None:
    profile = scopes.profile_of(user)
    if not (scopes.is_admin(user) or (profile and profile.role != "viewer")):
        raise PermissionDenied(_("Your role may not enter data."))


def _picker(user) -> list[Area]:
    qs = scopes.capturable_areas(user).current()
    top = list(qs.filter(level__in=[Area.Level.NATION, Area.Level.PROVINCE]).order_by("code"))
    communes = qs.filter(level=Area.Level.COMMUNE)
    if communes.count() <= MAX_PICKER:
        top += list(communes.order_by("name_en"))
    return top


def _eastern_digits(user) -> bool:
    profile = scopes.profile_of(user)
    return bool(profile and profile.eastern_digits and (get_language() or "ar")[:2] == "ar")


@login_required
def entry(request):
    _may_enter(request.user)
    area_code = (request.POST.get("area") or request.GET.get("area") or "").strip()
    period_code = (request.POST.get("period") or request.GET.get("period") or "").strip()
    status = request.POST.get("status") or request.GET.get("status") or "official"
    if status not in measures.STATUSES:
        status = "official"
    picker = _picker(request.user)
    if not area_code and len(picker) == 1:
        area_code = picker[0].code
    context = {
        "picker": picker,
        "area_code": area_code,
        "period_code": period_code,
        "status": status,
        "statuses": measures.STATUSES,
        "measures": ENTRY_MEASURES,
    }
    if not area_code or not period_code:
        return render(request, "observations/entry.html", context)
    area = capturable_area_or_403(request.user, area_code)
    period, period_error = check_period(period_code)
    context.update(area=area)
    if period_error:
        context["period_error"] = period_error
        return render(request, "observations/entry.html", context, status=422 if request.POST else 200)
    indicators = list(Indicator.objects.order_by("parent_id", "code"))
    lang = get_language() or "ar"
    eastern = _eastern_digits(request.user)
    posted = request.POST if request.method == "POST" else None
    grid = read_grid(indicators, _stored_cells(area, period.code, status), posted, lang, eastern)
    lock = writing.lock_of(area.pk, period.code)
    context.update(period=period, grid=grid, lock=lock, lock_text=locked_message(lock) if lock else "")
    if request.method == "POST":
        if lock is not None:
            messages.error(request, locked_message(lock))
            return render(request, "observations/entry.html", context, status=423)
        outcome = _save(grid, area, period.code, status, request.user, lang, eastern)
        if outcome is not None:
            messages.error(request, outcome)
            return render(request, "observations/entry.html", context, status=409 if grid.conflicts else 422)
        saved = sum(1 for c in grid.changes if not c.deletes)
        deleted = sum(1 for c in grid.changes if c.deletes)
        if saved:
            messages.success(
                request, ngettext("%(n)d value saved.", "%(n)d values saved.", saved) % {"n": saved}
            )
        if deleted:
            messages.success(
                request, ngettext("%(n)d value deleted.", "%(n)d values deleted.", deleted) % {"n": deleted}
            )
        if not saved and not deleted:
            messages.info(request, _("Nothing changed."))
        query = urlencode({"area": area.code, "period": period.code, "status": status})
        return redirect(f"{reverse('observations:entry')}?{query}")
    _attach_warnings(grid, area, period.code)
    return render(request, "observations/entry.html", context)


def _stored_cells(area: Area, period: str, status: str) -> dict:
    existing = Observation.objects.filter(area=area, period=period, status=status, measure__in=ENTRY_MEASURES)
    return {(o.indicator.code, o.measure): o for o in existing.select_related("indicator")}


def _attach_warnings(grid, area: Area, period: str) -> None:
    """The consistency checks' disagreements, beside the values they involve."""
    by_id: dict[int, list[str]] = {}
    for item in consistency_warnings(area, period):
        for obs_id in item["observations"]:
            by_id.setdefault(int(obs_id), []).append(item["message"])
    for cell in grid.cells:
        if cell.current is not None:
            cell.warnings = by_id.get(cell.current.pk, [])


class _NothingSaved(Exception):
    """Leaves the grid's transaction so that none of its writes stays."""


def _save(grid, area: Area, period: str, status: str, user, lang: str, eastern: bool) -> str | None:
    """Write the changed cells, all or nothing; the message to show when nothing was written."""
    changes = grid.changes
    for cell in changes:
        stored = cell.current
        if (stored.revision if stored is not None else 0) != cell.revision:
            cell.conflict = stored if stored is not None else "deleted"
    if grid.errors:
        return ngettext(
            "Nothing was saved: %(n)d value needs fixing.",
            "Nothing was saved: %(n)d values need fixing.",
            len(grid.errors),
        ) % {"n": len(grid.errors)}
    if grid.conflicts:
        _rebase_conflicts(grid, lang, eastern)
        return _conflict_text(len(grid.conflicts))
    provenance = writing.Provenance(via="grid")
    try:
        with transaction.atomic():
            for cell in changes:
                try:
                    if cell.deletes:
                        writing.delete_observation(
                            user, cell.current, based_on=cell.revision, provenance=provenance
                        )
                    else:
                        writing.record_observation(
                            user,
                            area=area,
                            indicator=cell.indicator,
                            period=period,
                            measure=cell.measure,
                            status=status,
                            value=cell.value,
                            based_on=cell.revision,
                            provenance=provenance,
                        )
                except writing.Refused as exc:
                    cell.error = "; ".join(problem_message(p) for p in exc.problems)
            if grid.errors:
                raise _NothingSaved
    except writing.Conflict as exc:
        cell.conflict = exc.current if exc.current is not None else "deleted"
        _rebase_conflicts(grid, lang, eastern)
        return _conflict_text(1)
    except _NothingSaved:
        return ngettext(
            "Nothing was saved: %(n)d value needs fixing.",
            "Nothing was saved: %(n)d values need fixing.",
            len(grid.errors),
        ) % {"n": len(grid.errors)}
    return None


def _rebase_conflicts(grid, lang: str, eastern: bool) -> None:
    """A conflicting cell keeps what the person typed and now rests on the stored revision,
    so saving again overwrites knowingly; the stored value is shown beside it."""
    for cell in grid.conflicts:
        stored = cell.conflict if isinstance(cell.conflict, Observation) else None
        cell.revision = stored.revision if stored is not None else 0
        cell.shown = shown_text(stored, lang, eastern)
        cell.conflict_text = cell.shown if stored is not None else _("deleted")


def _conflict_text(n: int) -> str:
    return ngettext(
        "Nothing was saved: %(n)d value was changed by someone else since you opened this form. "
        "Both values are shown; save again to keep yours.",
        "Nothing was saved: %(n)d values were changed by someone else since you opened this form. "
        "Both values are shown; save again to keep yours.",
        n,
    ) % {"n": n}


# -- import -------------------------------------------------------------------------------------
@login_required
def import_page(request):
    """Upload a file: it is checked, then (once the preview is confirmed) imported, as background
    jobs (marsad.jobs) with a progress page; the import itself is transfer's, all-or-nothing."""
    from marsad.jobs import files, tasks, worker

    _may_enter(request.user)
    from marsad.web.security import megabytes

    context: dict = {
        "columns": transfer.COLUMNS,
        "required": transfer.REQUIRED,
        "max_upload_mb": megabytes(settings.MARSAD_MAX_UPLOAD_BYTES),
    }
    if request.method != "POST":
        return render(request, "observations/import.html", context)
    upload = request.FILES.get("file")
    if upload is None:
        context["form_error"] = _("Choose a file to upload.")
        return render(request, "observations/import.html", context, status=422)
    if upload.size > settings.MARSAD_MAX_UPLOAD_BYTES:
        from marsad.web.security import upload_too_large_message

        context["form_error"] = upload_too_large_message()
        return render(request, "observations/import.html", context, status=413)
    name = Path(upload.name).name
    try:
        transfer.detect_format(name)
    except transfer.ImportRejected as exc:
        context["errors"] = exc.errors
        return render(request, "observations/import.html", context, status=422)
    token = files.store(name, upload.chunks())
    job = worker.enqueue(tasks.CHECK_OBSERVATIONS, {"token": token}, request.user)
    return redirect("jobs:detail", job.pk)


# -- data quality, approval and locking ----------------------------------------------------------
def may_approve(user, area: Area) -> bool:
    """Approvers: administrators, and holders of the approve permission within their capture scope."""
    if scopes.is_admin(user):
        return True
    return user.has_perm("observations.approve_period") and scopes.can_capture(user, area)


@login_required
def quality(request):
    area_code = (request.POST.get("area") or request.GET.get("area") or "").strip()
    period_code = (request.POST.get("period") or request.GET.get("period") or "").strip()
    context: dict = {"area_code": area_code, "period_code": period_code}
    if not area_code or not period_code:
        return render(request, "observations/quality.html", context)
    area = viewable_area_or_403(request.user, area_code)
    try:
        period = P.parse(period_code)
    except P.PeriodError:
        context["period_error"] = P.error_message(period_code, get_language())
        return render(request, "observations/quality.html", context, status=422)
    approver = may_approve(request.user, area)
    if request.method == "POST":
        if not approver:
            raise PermissionDenied(_("You may not approve data of %(area)s.") % {"area": area})
        action = request.POST.get("action")
        if action == "approve":
            approval.approve(request.user, area, period.code, note=request.POST.get("note", ""))
            messages.success(
                request,
                _("%(area)s · %(period)s approved and locked.") % {"area": area, "period": period.code},
            )
        elif action == "unlock":
            approval.unlock(request.user, area, period.code)
            messages.success(
                request, _("%(area)s · %(period)s unlocked.") % {"area": area, "period": period.code}
            )
        query = urlencode({"area": area.code, "period": period.code})
        return redirect(f"{reverse('observations:quality')}?{query}")
    lock = writing.lock_of(area.pk, period.code)
    context.update(
        area=area,
        period=period,
        warnings=consistency_warnings(area, period.code, _eastern_digits(request.user)),
        completeness=completeness(area, period.code),
        approvals=approvals(area, period.code),
        lock=lock,
        lock_text=locked_message(lock) if lock else "",
        may_approve=approver,
    )
    return render(request, "observations/quality.html", context)


# -- exchange: the XLSX entry template and SDMX ----------------------------------------------------
@login_required
def template_download(request):
    """The XLSX entry template of an area x period, to fill offline and upload through import."""
    _may_enter(request.user)
    area = capturable_area_or_403(request.user, request.GET.get("area", ""))
    period, error = check_period(request.GET.get("period", ""))
    if error:
        raise Http404(error)
    status = request.GET.get("status") or "official"
    if status not in measures.STATUSES:
        status = "official"
    data = entry_template(area, period.code, status, (get_language() or "ar")[:2])
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="marsad-{area.code}-{period.code}.xlsx"'
    return response


@login_required
def sdmx_data(request):
    """SDMX-CSV 2.0 of the observations the user may read (``area``, ``indicator``, ``period``)."""
    import io

    qs = Observation.objects.restrict(request.user)
    if request.GET.get("area"):
        area = viewable_area_or_403(request.user, request.GET["area"])
        qs = qs.filter(area__in=Area.objects.subtree(area))
    if request.GET.get("indicator"):
        qs = qs.filter(indicator__code=request.GET["indicator"])
    if request.GET.get("period"):
        qs = qs.filter(period=request.GET["period"])
    out = io.BytesIO()
    sdmx.write_sdmx_csv(transfer.export_rows(qs), out)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="marsad-sdmx.csv"'
    return response


def sdmx_structure(request):
    """The data structure definition (SDMX-ML 2.1) of the SDMX-CSV export."""
    areas = Area.objects.order_by("code").values_list("code", "name_en")
    indicators = [(i.code, i.name("en")) for i in Indicator.objects.order_by("code")]
    units = sorted(
        set(Indicator.objects.values_list("unit", flat=True)) | set(measures.MEASURE_UNITS.values())
    )
    xml = sdmx.structure_message(areas, indicators, units)
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")
