"""The targets pages: a planner's list per area and year, set / edit / retire, scenarios, and
target vs actual. Every write goes through ``planning``; a user who may not plan sees no form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marsad.areas.models import Area
from marsad.core import periods
from marsad.web import pickers
from marsad.web.formerrors import errors_into

from . import planning
from .forms import RetireForm, ScenarioForm, TargetForm
from .models import Scenario, Target
from .overview import overview as target_overview


def _year(request) -> int:
    try:
        year = int(request.GET.get("year") or 0)
    except ValueError:
        year = 0
    return year if 1990 <= year <= 2100 else timezone.localdate().year


def _list_url(target: Target) -> str:
    area = target.area
    if area.level == Area.Level.COMMUNE:
        query = (
            f"province={area.parent.code}&commune={area.code}" if area.parent_id else f"commune={area.code}"
        )
    else:
        query = f"province={area.code}"
    return reverse("targets:list") + f"?{query}&year={target.year}"


@login_required
def target_list(request):
    picker = pickers.area_picker(request)
    area = picker.area
    year = _year(request)
    show_retired = request.GET.get("retired") == "1"
    targets = planning.visible_targets(request.user, retired=show_retired).filter(year=year)
    targets = targets.filter(area=area) if area is not None else targets.none()
    targets = targets.prefetch_related("scenarios").order_by("retired_on", "indicator__code", "measure")
    communes_with_targets = []
    if area is not None and area.level == Area.Level.PROVINCE:
        ids = (
            planning.visible_targets(request.user)
            .filter(year=year, area__parent=area)
            .values_list("area_id", flat=True)
            .distinct()
        )
        communes_with_targets = sorted(Area.objects.filter(pk__in=list(ids)), key=lambda a: a.name())
    applied = pickers.Applied()
    pickers.applied_area(applied, request, picker)
    if "year" in request.GET:
        applied.add(request, _("year"), str(year), "year")
    if show_retired:
        applied.add(request, _("retired targets"), _("shown"), "retired")
    may_plan = area is not None and planning.can_plan(request.user, area)
    return render(
        request,
        "targets/list.html",
        {
            "picker": picker,
            "area": area,
            "year": year,
            "years": list(range(timezone.localdate().year + 1, timezone.localdate().year - 5, -1)),
            "targets": targets,
            "show_retired": show_retired,
            "communes_with_targets": communes_with_targets,
            "applied": applied,
            "may_plan": may_plan,
            "overview_period": str(year),
        },
    )


def _area_from_query(request) -> Area:
    code = request.GET.get("area") or request.POST.get("area")
    area = Area.objects.filter(code=(code or "").upper()).first()
    if area is None:
        raise PermissionDenied
    return area


@login_required
def target_new(request):
    area = _area_from_query(request)
    if not planning.can_plan(request.user, area):
        raise PermissionDenied
    form = TargetForm(request.POST or None, user=request.user, initial={"year": _year(request)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            target = planning.set_target(
                area=area,
                indicator=data["indicator"],
                year=data["year"],
                measure=data["measure"],
                value=data["value"],
                direction=data["qualifier"],
                unit=data["unit"],
                document=data["document"],
                article=data["article"],
                note=data["note"],
                user=request.user,
                source="targets page",
                basis=data.get("basis") or Target.Basis.PLAN,
            )
            messages.success(request, _("Target set: %(t)s.") % {"t": target.label()})
            return redirect(_list_url(target))
        except ValidationError as exc:
            errors_into(form, exc)
    return render(
        request,
        "targets/form.html",
        {"form": form, "area": area, "target": None},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def target_edit(request, pk: int):
    target = get_object_or_404(planning.visible_targets(request.user, retired=True), pk=pk)
    if not planning.can_plan(request.user, target.area) or target.is_retired:
        raise PermissionDenied
    initial = {
        "indicator": target.indicator,
        "year": target.year,
        "measure": target.measure,
        "qualifier": target.qualifier,
        "value": target.value,
        "unit": target.unit,
        "document": target.document,
        "article": target.article,
        "note": target.note,
        "revision": target.revision,
    }
    form = TargetForm(request.POST or None, user=request.user, editing=target, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                target = planning.edit_target(
                    target,
                    revision=data["revision"],
                    user=request.user,
                    source="targets page",
                    value=data["value"],
                    qualifier=data["qualifier"],
                    unit=data["unit"],
                    document=data["document"],
                    article=data["article"],
                    note=data["note"],
                )
                messages.success(request, _("Target changed: %(t)s.") % {"t": target.label()})
                return redirect(_list_url(target))
            except planning.StaleTarget as exc:
                form.add_error(None, str(exc))
                status = 409
            except ValidationError as exc:
                errors_into(form, exc)
    return render(
        request,
        "targets/form.html",
        {
            "form": form,
            "area": target.area,
            "target": target,
            "retire_form": RetireForm(initial={"revision": target.revision}),
            "scenario_form": ScenarioForm(year=target.year),
            "scenarios": target.scenarios.all(),
            "history": target.history()[:50],
        },
        status=status,
    )


@login_required
@require_POST
def target_retire(request, pk: int):
    target = get_object_or_404(planning.visible_targets(request.user), pk=pk)
    if not planning.can_plan(request.user, target.area):
        raise PermissionDenied
    form = RetireForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the target is retired."))
        return redirect("targets:edit", pk=pk)
    try:
        planning.retire_target(
            target,
            revision=form.cleaned_data["revision"],
            reason=form.cleaned_data["reason"],
            user=request.user,
        )
        messages.success(request, _("Target retired: %(t)s.") % {"t": target.label()})
    except (planning.StaleTarget, ValidationError) as exc:
        messages.error(request, "; ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("targets:edit", pk=pk)
    return redirect(_list_url(target))


@login_required
@require_POST
def scenario_set(request, pk: int):
    target = get_object_or_404(planning.visible_targets(request.user), pk=pk)
    if not planning.can_plan(request.user, target.area):
        raise PermissionDenied
    form = ScenarioForm(request.POST, year=target.year)
    if form.is_valid():
        try:
            planning.set_scenario(
                target,
                period=form.cleaned_data["period"],
                value=form.cleaned_data["value"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
            messages.success(request, _("Scenario saved."))
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
    else:
        messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect("targets:edit", pk=pk)


@login_required
@require_POST
def scenario_remove(request, pk: int, scenario_id: int):
    target = get_object_or_404(planning.visible_targets(request.user), pk=pk)
    if not planning.can_plan(request.user, target.area):
        raise PermissionDenied
    planning.remove_scenario(get_object_or_404(Scenario, pk=scenario_id, target=target), user=request.user)
    messages.success(request, _("Scenario removed."))
    return redirect("targets:edit", pk=pk)


@login_required
def target_overview_page(request):
    picker = pickers.area_picker(request)
    area = picker.area
    period_code = pickers.clean_period(request.GET.get("period")) or str(timezone.localdate().year)
    period = periods.parse(period_code)
    rows = []
    if area is not None:
        targets = planning.visible_targets(request.user).filter(area=area, year=period.year)
        rows = target_overview(area, period, targets)
    applied = pickers.Applied()
    pickers.applied_area(applied, request, picker)
    if "period" in request.GET:
        applied.add(request, _("period"), pickers.period_label(period.code), "period")
    counts = {}
    for row in rows:
        counts[row.verdict or "none"] = counts.get(row.verdict or "none", 0) + 1
    return render(
        request,
        "targets/overview.html",
        {
            "picker": picker,
            "area": area,
            "period": period,
            "period_choices": pickers.period_choices(),
            "rows": rows,
            "counts": counts,
            "applied": applied,
        },
    )
