"""Pages for observations: data entry for one unit and period, and file import."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from marsad.accounts import scopes
from marsad.areas.models import Area
from marsad.core import measures
from marsad.indicators.models import Indicator
from marsad.web.access import capturable_area_or_403

from . import transfer
from .forms import ENTRY_MEASURES, check_period, read_grid
from .models import Observation

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
        return render(request, "observations/entry.html", context)
    indicators = list(Indicator.objects.order_by("parent_id", "code"))
    existing = Observation.objects.filter(
        area=area, period=period.code, status=status, measure__in=ENTRY_MEASURES
    )
    current = {(o.indicator.code, o.measure): o for o in existing.select_related("indicator")}
    lang = get_language() or "ar"
    grid = read_grid(indicators, current, request.POST if request.method == "POST" else None, lang)
    context.update(period=period, grid=grid)
    if request.method == "POST":
        if grid.errors:
            messages.error(
                request,
                ngettext(
                    "Nothing was saved: %(n)d value needs fixing.",
                    "Nothing was saved: %(n)d values need fixing.",
                    len(grid.errors),
                )
                % {"n": len(grid.errors)},
            )
            return render(request, "observations/entry.html", context, status=422)
        saved = _save(grid, area, period.code, status, request.user)
        messages.success(
            request,
            ngettext("%(n)d value saved.", "%(n)d values saved.", saved) % {"n": saved}
            if saved
            else _("Nothing changed."),
        )
        query = urlencode({"area": area.code, "period": period.code, "status": status})
        return redirect(f"{reverse('observations:entry')}?{query}")
    return render(request, "observations/entry.html", context)


def _save(grid, area: Area, period: str, status: str, user) -> int:
    saved, plans = 0, []
    with transaction.atomic():
        for cell in grid.filled:
            ind = cell.indicator
            obs = cell.current
            if obs is not None and obs.value == cell.value and obs.qualifier == "exact":
                continue
            if obs is None:
                obs = Observation(
                    area=area, indicator=ind, period=period, measure=cell.measure, status=status
                )
            obs.value = cell.value
            obs.unit = ind.unit if cell.measure == "level" else measures.MEASURE_UNITS[cell.measure]
            obs.qualifier = "exact"
            obs.source, obs.entered_by = Observation.Source.ENTRY, user
            obs.document, obs.span_start, obs.span_end = None, None, None
            obs.save(changed_by=user, source="form")
            saved += 1
            if status == "plan":
                plans.append(obs)
        if plans:  # a plan value is a target: set the targets they stand for (one concept)
            from marsad.targets.planning import adopt_plans

            adopt_plans(plans, user=user, source="data entry")
    return saved


# -- import -------------------------------------------------------------------------------------
def _upload_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports"


def _forget_old_uploads(max_age: float = 86400) -> None:
    """Previews never confirmed leave their file behind; drop those older than a day."""
    import time

    root = _upload_dir()
    if not root.is_dir():
        return
    for folder in root.iterdir():
        if folder.is_dir() and time.time() - folder.stat().st_mtime > max_age:
            shutil.rmtree(folder, ignore_errors=True)


def _stored(token: str) -> Path | None:
    try:
        uuid.UUID(token)
    except (ValueError, TypeError):
        return None
    folder = _upload_dir() / token
    files = list(folder.glob("*")) if folder.is_dir() else []
    return files[0] if files else None


def _scope_errors(rows, name: str, user) -> list[transfer.RowError]:
    """Rows for areas the user may not enter data for."""
    if scopes.is_admin(user):
        return []
    allowed = {c.upper() for c in scopes.capturable_areas(user).values_list("code", flat=True)}
    return [
        transfer.RowError(
            name, row_no, "area", _("you may not enter data for %(area)s") % {"area": raw.get("area")}
        )
        for row_no, raw in rows
        if (raw.get("area") or "").strip() and (raw.get("area") or "").strip().upper() not in allowed
    ]


def _check(path: Path, user):
    """(rows, errors) of a stored upload, without writing anything."""
    name = path.name
    try:
        rows = list(transfer.read_rows(path, name))
        transfer.check_rows(iter(rows), name)
    except transfer.ImportRejected as exc:
        return [], exc.errors
    return rows, _scope_errors(rows, name, user)


@login_required
def import_page(request):
    _may_enter(request.user)
    context: dict = {"columns": transfer.COLUMNS, "required": transfer.REQUIRED}
    if request.method != "POST":
        return render(request, "observations/import.html", context)
    token = request.POST.get("token", "")
    if "file" in request.FILES:
        _forget_old_uploads()
        upload = request.FILES["file"]
        name = Path(upload.name).name
        token = str(uuid.uuid4())
        folder = _upload_dir() / token
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / name, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    path = _stored(token)
    if path is None:
        if token:
            raise Http404(_("This upload has expired; upload the file again."))
        context["form_error"] = _("Choose a file to upload.")
        return render(request, "observations/import.html", context, status=422)
    rows, errors = _check(path, request.user)
    context.update(token=token, file_name=path.name, errors=errors, count=len(rows), preview=rows[:20])
    if errors:
        shutil.rmtree(path.parent, ignore_errors=True)
        return render(request, "observations/import.html", context, status=422)
    if request.POST.get("confirm") != "1":
        return render(request, "observations/import.html", context)
    try:
        result = transfer.import_rows(iter(rows), path.name, user=request.user)
    except transfer.ImportRejected as exc:  # changed since the preview
        context["errors"] = exc.errors
        return render(request, "observations/import.html", context, status=422)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
    context.update(result=result, preview=[], token="")
    return render(request, "observations/import.html", context)
