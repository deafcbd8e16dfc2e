"""The follow-up pages: the board (by status and unit), a directive, an assignment, the
recommendations inbox. Every query goes through ``tracking.visible_*`` so a commune's officers
see and update only their own assignments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marsad.accounts import scopes
from marsad.accounts.models import Role
from marsad.core import periods
from marsad.web.formerrors import errors_into

from . import tracking
from .delegation import delegate_to_communes
from .forms import AnswerForm, DelegateForm, InspectionForm, ProgressReportForm, RecommendationForm
from .models import Difficulty, Organisation, Recommendation, StatusChoices
from .summary import by_unit, follow_up, select


def _filters(request):
    status = request.GET.get("status") or ""
    if status not in StatusChoices.values:
        status = ""
    period = request.GET.get("period") or ""
    try:
        period = periods.parse(period).code if period else ""
    except periods.PeriodError:
        period = ""
    unit = None
    if request.GET.get("unit"):
        unit = Organisation.objects.filter(code=request.GET["unit"]).first()
    return status, period, unit


def _area_filter(request):
    """The area filter: 404 when unknown, 403 outside the user's scope."""
    from marsad.web.access import viewable_area_or_403

    code = request.GET.get("area")
    return viewable_area_or_403(request.user, code) if code else None


@login_required
def board(request):
    today = timezone.localdate()
    status, period, unit = _filters(request)
    area = _area_filter(request)
    visible = tracking.visible_assignments(request.user)
    scoped = select(area=area, period=period or None, unit=unit, queryset=visible)
    totals = follow_up(scoped, today=today)
    rows = scoped.with_status(today).order_by("deadline", "id")
    if status:
        rows = rows.filter(live_status=status)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    units = by_unit(select(area=area, period=period or None, queryset=visible), today=today)[:30]
    return render(
        request,
        "directives/board.html",
        {
            "page": page,
            "totals": totals.as_dict(),
            "statuses": StatusChoices.choices,
            "status": status,
            "period": period,
            "unit": unit,
            "area": area,
            "units": units,
            "today": today,
        },
    )


@login_required
def summary_json(request):
    """The follow-up summary as data for the dashboard (within the user's scope)."""
    from .summary import summary

    _, period, unit = _filters(request)
    data = summary(
        area=_area_filter(request),
        period=period or None,
        unit=unit,
        per_unit=request.GET.get("by_unit") == "1",
        queryset=tracking.visible_assignments(request.user),
    )
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@login_required
def directive_detail(request, pk: int):
    directive = get_object_or_404(tracking.visible_directives(request.user), pk=pk)
    today = timezone.localdate()
    assignments = (
        tracking.visible_assignments(request.user)
        .filter(directive=directive)
        .with_status(today)
        .order_by("organisation__code")
    )
    rollup = directive.rollup(today)
    can_direct = tracking.can_direct(request.user, directive.area)
    return render(
        request,
        "directives/directive_detail.html",
        {
            "directive": directive,
            "assignments": assignments,
            "rollup": rollup,
            "follow_up": rollup["follow_up"].as_dict(),
            "subtasks": tracking.visible_directives(request.user).filter(parent=directive),
            # A target outside the reader's scope (linked by someone who sees more) stays hidden.
            "target_progress": directive.target_progress()
            if directive.target_id and scopes.permits(request.user, directive.target, scopes.VIEW)
            else None,
            "can_direct": can_direct,
            "delegate_form": DelegateForm() if can_direct else None,
            "today": today,
        },
    )


@login_required
def assignment_detail(request, pk: int):
    assignment = get_object_or_404(tracking.visible_assignments(request.user), pk=pk)
    can_update = tracking.can_update(request.user, assignment)
    can_inspect = tracking.can_direct(request.user, assignment.directive.area)
    form = ProgressReportForm()
    inspection_form = InspectionForm()
    if request.method == "POST":
        if request.POST.get("action") == "inspect":
            if not can_inspect:
                raise PermissionDenied
            inspection_form = InspectionForm(request.POST)
            if inspection_form.is_valid():
                try:
                    tracking.record_inspection(
                        assignment,
                        finding=inspection_form.cleaned_data["finding"],
                        on=inspection_form.cleaned_data["date"],
                        result=inspection_form.cleaned_data["result"],
                        user=request.user,
                    )
                    messages.success(request, _("Inspection recorded."))
                    return redirect("directives:assignment", pk=pk)
                except ValidationError as exc:
                    errors_into(inspection_form, exc)
        else:
            if not can_update:
                raise PermissionDenied
            form = ProgressReportForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    tracking.report_progress(
                        assignment,
                        percent=form.cleaned_data["percent"],
                        text=form.cleaned_data["text"],
                        on=form.cleaned_data["date"],
                        evidence=form.cleaned_data.get("evidence"),
                        user=request.user,
                    )
                    messages.success(request, _("Progress report recorded."))
                    return redirect("directives:assignment", pk=pk)
                except ValidationError as exc:
                    errors_into(form, exc)
    return render(
        request,
        "directives/assignment_detail.html",
        {
            "assignment": assignment,
            "status": assignment.current_status(),
            "reports": assignment.reports.all(),
            "inspections": assignment.inspections.select_related("inspector"),
            "history": assignment.status_changes.all(),
            "form": form if can_update else None,
            "inspection_form": inspection_form if can_inspect else None,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def delegate(request, pk: int):
    directive = get_object_or_404(tracking.visible_directives(request.user), pk=pk)
    if not tracking.can_direct(request.user, directive.area):
        raise PermissionDenied
    form = DelegateForm(request.POST)
    if form.is_valid():
        from marsad.areas.loading import resolve_area
        from marsad.areas.models import Area

        try:
            province = resolve_area(form.cleaned_data["province"])
            created = delegate_to_communes(directive, province, user=request.user)
            messages.success(request, _("Delegated to %(n)d communes.") % {"n": len(created)})
        except (Area.DoesNotExist, ValidationError) as exc:
            messages.error(request, "; ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("directives:detail", pk=pk)


@login_required
@require_POST
def load_document(request, document_id: int):
    """The button beside an ingested document: track its extracted directives."""
    from marsad.documents.models import Document

    from .loading import load_document as load

    document = get_object_or_404(Document, pk=document_id)
    area = document.area
    if area is None or not tracking.can_direct(request.user, area.province() or area):
        raise PermissionDenied
    try:
        result = load(document, user=request.user)
        messages.success(request, _("%(n)d directives are now tracked.") % {"n": len(result.directives)})
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect("directives:board")


def _visible_recommendations(user):
    return Recommendation.objects.select_related("area", "organisation", "answered_by").restrict(user)


@login_required
def recommendations(request):
    profile = scopes.profile_of(request.user)
    own_unit = profile.organisation if profile else None
    form = RecommendationForm()
    if request.method == "POST":
        if own_unit is None:
            raise PermissionDenied
        form = RecommendationForm(request.POST)
        if form.is_valid():
            rec = form.save(commit=False)
            rec.organisation, rec.area, rec.created_by = own_unit, own_unit.area, request.user
            rec.save()
            messages.success(request, _("Recommendation sent."))
            return redirect("directives:recommendations")
    items = _visible_recommendations(request.user)
    if request.GET.get("open") == "1":
        items = items.filter(answer="")
    difficulties = Difficulty.objects.select_related("area").order_by("-period", "-id").restrict(request.user)
    return render(
        request,
        "directives/recommendations.html",
        {
            "difficulties": difficulties[:50],
            "page": Paginator(items, 50).get_page(request.GET.get("page")),
            "form": form if own_unit else None,
            "answer_form": AnswerForm(),
        },
    )


@login_required
@require_POST
def answer(request, pk: int):
    rec = get_object_or_404(_visible_recommendations(request.user), pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        tracking.answer_recommendation(rec, answer=form.cleaned_data["answer"], user=request.user)
        messages.success(request, _("Answer saved."))
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect("directives:recommendations")


@login_required
def directive_new(request):
    """A planner types in a directive (from a resolution, a decision, a conclusion notice...)."""
    from .forms import DirectiveForm

    if not scopes.is_admin(request.user) and not (
        (p := scopes.profile_of(request.user)) and p.role in (Role.PLANNER, Role.DEPARTMENT)
    ):
        raise PermissionDenied
    form = DirectiveForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        cooperating = data.pop("cooperating_units", [])
        if not tracking.can_direct(request.user, data["area"]):
            raise PermissionDenied
        try:
            directive = tracking.create_directive(
                user=request.user, cooperating_units=cooperating, created_by=request.user, **data
            )
            messages.success(request, _("Directive created."))
            return redirect("directives:detail", pk=directive.pk)
        except ValidationError as exc:
            errors_into(form, exc)
    return render(
        request,
        "directives/directive_form.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def evidence(request, pk: int, report_id: int):
    """A progress report's attachment, only for those who may see the assignment."""
    from django.http import FileResponse

    assignment = get_object_or_404(tracking.visible_assignments(request.user), pk=pk)
    report = get_object_or_404(assignment.reports.exclude(evidence=""), pk=report_id)
    return FileResponse(
        report.evidence.open("rb"), as_attachment=True, filename=report.evidence.name.rsplit("/", 1)[-1]
    )
