"""The follow-up pages: the board (tasks, by unit and by commune), the summary, a directive, an
assignment, the recommendations inbox. Reads go through the one scope mechanism, writes through
``tracking``; a form or button is shown only to a user who may use it."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marsad.accounts import scopes
from marsad.core import steering
from marsad.web import pickers
from marsad.web.formatting import date_text, day_text
from marsad.web.formerrors import errors_into

from . import tracking
from .delegation import delegate_to_communes
from .forms import (
    AnswerForm,
    CooperatingForm,
    DelegateForm,
    DirectiveForm,
    InspectionForm,
    LeadUnitForm,
    ProgressReportForm,
    RecommendationForm,
)
from .models import Assignment, Difficulty, Organisation, Recommendation, StatusChoices
from .summary import by_unit, follow_up, select

PAGE = 25


# -- filters ---------------------------------------------------------------------------------
class Filters:
    """The board's filters read from the query, each shown back when applied."""

    def __init__(self, request):
        self.request = request
        get = request.GET
        self.picker = pickers.area_picker(request)
        self.area = self.picker.area if ("province" in get or "commune" in get) else None
        if get.get("area"):  # an area by code (links, the API's habit): 404 unknown, 403 outside the scope
            from marsad.web.access import viewable_area_or_403

            self.area = viewable_area_or_403(request.user, get["area"])
        self.status = get.get("status") if get.get("status") in StatusChoices.values else ""
        self.role = get.get("role") if get.get("role") in Assignment.Role.values else ""
        self.period = pickers.clean_period(get.get("period"))
        self.q = (get.get("q") or "").strip()[:200]
        self.today = timezone.localdate()
        self.as_of = self.today
        if get.get("as_of"):
            try:
                self.as_of = min(date.fromisoformat(get["as_of"]), self.today)
            except ValueError:
                pass
        self.unit = None
        if get.get("unit"):
            self.unit = Organisation.objects.restrict(request.user).filter(code=get["unit"]).first()
        self.applied = pickers.Applied()
        pickers.applied_area(self.applied, request, self.picker)
        labels = dict(StatusChoices.choices)
        if self.status:
            self.applied.add(request, _("status"), str(labels[self.status]), "status")
        if self.role:
            self.applied.add(request, _("role"), str(Assignment.Role(self.role).label), "role")
        if self.period:
            self.applied.add(request, _("period"), pickers.period_label(self.period), "period")
        if self.unit:
            self.applied.add(request, _("unit"), self.unit.name(), "unit")
        if self.q:
            self.applied.add(request, _("search"), self.q, "q")
        if self.as_of != self.today:
            self.applied.add(request, _("as of"), day_text(self.as_of, get_language()), "as_of")

    def units(self):
        """The units a user may pick: the chosen province's own units, by name."""
        province = self.picker.province
        if province is None:
            return []
        qs = Organisation.objects.restrict(self.request.user).filter(area=province)
        return sorted(qs, key=lambda u: u.name())

    def assignments(self, base):
        qs = select(area=self.area, period=self.period or None, unit=self.unit, queryset=base)
        if self.role:
            qs = qs.filter(role=self.role)
        if self.q:
            words = Q()
            for field in ("text", "text_ar", "text_vi", "text_en", "number"):
                words |= Q(**{f"directive__{field}__icontains": self.q})
            qs = qs.filter(words)
        return qs


def _context_common(f: Filters) -> dict:
    return {
        "filters": f,
        "picker": f.picker,
        "applied": f.applied,
        "statuses": StatusChoices.choices,
        "roles": Assignment.Role.choices,
        "period_choices": pickers.period_choices(),
        "units_offered": f.units(),
        "query": pickers.query_without(f.request),
    }


@login_required
def board(request):
    f = Filters(request)
    visible = tracking.visible_assignments(request.user)
    scoped = f.assignments(visible)
    from .summary import as_of

    totals = follow_up(scoped, today=f.as_of)
    rows = as_of(scoped, f.as_of).with_status(f.as_of).order_by("deadline", "id")
    if f.status:
        rows = rows.filter(live_status=f.status)
    page = Paginator(rows.select_related("directive", "organisation"), PAGE).get_page(request.GET.get("page"))
    awaiting = []
    if scopes.is_admin(request.user) or tracking._role(request.user) == "planner":
        awaiting = list(
            tracking.visible_directives(request.user)
            .filter(lead_unit__isnull=True, closed_on__isnull=True)
            .order_by("-id")[:20]
        )
    return render(
        request,
        "directives/board.html",
        {
            **_context_common(f),
            "page": page,
            "totals": totals.as_dict(),
            "classes": totals.classes(),
            "units": by_unit(scoped, today=f.as_of, level="province")[:15],
            "communes": by_unit(scoped, today=f.as_of, level="commune")[:15],
            "may_create": tracking.can_direct(request.user, f.picker.province)
            if f.picker.province
            else False,
            "awaiting": awaiting,
            "today": f.today,
        },
    )


def _eastern_digits(user, lang: str) -> bool:
    """The reader asked for Eastern Arabic digits (their profile) and reads Arabic."""
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return bool(lang == "ar" and profile and profile.eastern_digits)


@login_required
def summary_page(request):
    """The Government Office's follow-up summary: four classes by unit and by commune."""
    f = Filters(request)
    scoped = f.assignments(tracking.visible_assignments(request.user))
    totals = follow_up(scoped, today=f.as_of)
    units = by_unit(scoped, today=f.as_of, level="province")
    communes = by_unit(scoped, today=f.as_of, level="commune")
    lang = (request.LANGUAGE_CODE or "ar")[:2]
    return render(
        request,
        "directives/summary.html",
        {
            **_context_common(f),
            "totals": totals.as_dict(),
            "sentence": steering.summary_sentence(totals, lang, _eastern_digits(request.user, lang)),
            "units": units,
            "communes": Paginator(communes, 50).get_page(request.GET.get("page")),
        },
    )


@login_required
def summary_json(request):
    """The follow-up summary as data for the dashboard (within the user's scope)."""
    from .summary import summary

    f = Filters(request)
    data = summary(
        area=f.area,
        period=f.period or None,
        unit=f.unit,
        today=f.as_of,
        per_unit=request.GET.get("by_unit") == "1",
        queryset=tracking.visible_assignments(request.user),
    )
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


# -- one directive ---------------------------------------------------------------------------
@login_required
def directive_detail(request, pk: int):
    directive = get_object_or_404(tracking.visible_directives(request.user), pk=pk)
    today = timezone.localdate()
    mine = tracking.visible_assignments(request.user).filter(directive=directive).with_status(today)
    own = mine.exclude(role=Assignment.Role.DELEGATED).order_by("role", "organisation__code")
    delegated = mine.filter(role=Assignment.Role.DELEGATED).order_by("organisation__code")
    q = (request.GET.get("q") or "").strip()
    if q:
        delegated = delegated.filter(
            Q(organisation__name_vi__icontains=q)
            | Q(organisation__name_en__icontains=q)
            | Q(organisation__name_ar__icontains=q)
        )
    rollup = directive.rollup(today)
    can_direct = tracking.can_direct(request.user, directive.area) and not directive.is_closed
    can_delegate = tracking.can_delegate(request.user, directive)
    return render(
        request,
        "directives/directive_detail.html",
        {
            "directive": directive,
            "own_assignments": own,
            "delegated": Paginator(delegated, PAGE).get_page(request.GET.get("page")),
            "delegated_total": directive.assignments.filter(role=Assignment.Role.DELEGATED).count(),
            "q": q,
            "delegated_query": urlencode({"q": q}) if q else "",
            "rollup": rollup,
            "follow_up": rollup["follow_up"].as_dict(),
            "subtasks": tracking.visible_directives(request.user).filter(parent=directive),
            # A target outside the reader's scope (linked by someone who sees more) stays hidden.
            "target_progress": directive.target_progress()
            if directive.target_id and scopes.permits(request.user, directive.target, scopes.VIEW)
            else None,
            "can_direct": can_direct,
            "delegate_form": DelegateForm(directive=directive)
            if can_delegate and directive.lead_unit_id
            else None,
            "cooperating_form": CooperatingForm(directive=directive) if can_direct else None,
            "lead_form": LeadUnitForm(directive=directive)
            if can_direct and not directive.lead_unit_id
            else None,
            "today": today,
        },
    )


@login_required
@require_POST
def delegate(request, pk: int):
    directive = get_object_or_404(tracking.visible_directives(request.user), pk=pk)
    if not tracking.can_delegate(request.user, directive):
        raise PermissionDenied
    form = DelegateForm(request.POST, directive=directive)
    if form.is_valid():
        try:
            created = delegate_to_communes(directive, form.cleaned_data["province"], user=request.user)
            messages.success(
                request,
                _("Delegated to %(n)d communes; the lead unit keeps its assignment.") % {"n": len(created)},
            )
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
    else:
        messages.error(request, _("Choose a province."))
    return redirect("directives:detail", pk=pk)


@login_required
@require_POST
def add_cooperating(request, pk: int):
    directive = get_object_or_404(tracking.visible_directives(request.user), pk=pk)
    if not tracking.can_direct(request.user, directive.area):
        raise PermissionDenied
    form = CooperatingForm(request.POST, directive=directive)
    if form.is_valid():
        try:
            tracking.add_cooperating_unit(
                directive,
                form.cleaned_data["organisation"],
                task=form.cleaned_data["task"],
                user=request.user,
            )
            messages.success(request, _("Cooperating unit added."))
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
    else:
        messages.error(request, _("Choose a unit."))
    return redirect("directives:detail", pk=pk)


@login_required
@require_POST
def set_lead(request, pk: int):
    directive = get_object_or_404(tracking.visible_directives(request.user), pk=pk)
    if not tracking.can_direct(request.user, directive.area):
        raise PermissionDenied
    form = LeadUnitForm(request.POST, directive=directive)
    if form.is_valid():
        try:
            tracking.set_lead_unit(directive, form.cleaned_data["lead_unit"], user=request.user)
            messages.success(request, _("Lead unit named."))
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
    return redirect("directives:detail", pk=pk)


# -- one assignment --------------------------------------------------------------------------
@login_required
def assignment_detail(request, pk: int):
    assignment = get_object_or_404(tracking.visible_assignments(request.user), pk=pk)
    can_report = tracking.can_report(request.user, assignment) and not assignment.directive.is_closed
    can_inspect = tracking.can_inspect(request.user, assignment)
    form = ProgressReportForm(initial={"revision": assignment.revision, "percent": assignment.percent_done})
    inspection_form = InspectionForm()
    status = 200
    if request.method == "POST":
        status = 400
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
            if not can_report:
                raise PermissionDenied
            form = ProgressReportForm(request.POST, request.FILES)
            if form.is_valid():
                data = form.cleaned_data
                try:
                    tracking.report_progress(
                        assignment,
                        percent=data["percent"],
                        text=data["text"],
                        reason=data["reason"],
                        on=data["date"],
                        revision=data["revision"],
                        evidence=data.get("evidence"),
                        user=request.user,
                    )
                    messages.success(request, _("Progress report recorded."))
                    return redirect("directives:assignment", pk=pk)
                except tracking.StaleAssignment as exc:
                    form.add_error(None, str(exc))
                    status = 409
                except ValidationError as exc:
                    errors_into(form, exc)
        assignment.refresh_from_db()
    return render(
        request,
        "directives/assignment_detail.html",
        {
            "assignment": assignment,
            "status": assignment.current_status(),
            "reports": assignment.reports.select_related("reported_by", "reporter_unit"),
            "inspections": assignment.inspections.select_related("inspector", "inspected_by"),
            "history": assignment.status_changes.all(),
            "delegates": assignment.delegates.count(),
            "form": form if can_report else None,
            "inspection_form": inspection_form if can_inspect else None,
            "today": timezone.localdate(),
        },
        status=status,
    )


@login_required
@require_POST
def load_document(request, document_id: int):
    """The button beside an ingested document: track its extracted directives."""
    from marsad.documents.models import Document

    from .loading import load_document as load

    document = get_object_or_404(Document.objects.restrict(request.user), pk=document_id)
    area = document.area
    if area is None or not tracking.can_direct(request.user, area.province() or area):
        raise PermissionDenied
    try:
        result = load(document, user=request.user)
        messages.success(request, _("%(n)d directives are now tracked.") % {"n": len(result.directives)})
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect("directives:board")


# -- recommendations -------------------------------------------------------------------------
@login_required
def recommendations(request):
    own_unit = tracking.own_unit(request.user)
    may_send = own_unit is not None and tracking._role(request.user) not in (None, "viewer")
    form = RecommendationForm()
    if request.method == "POST":
        if not may_send:
            raise PermissionDenied
        form = RecommendationForm(request.POST)
        if form.is_valid():
            rec = form.save(commit=False)
            rec.organisation, rec.area, rec.created_by = own_unit, own_unit.area, request.user
            rec.save(changed_by=request.user, source="recommendation sent")
            messages.success(request, _("Recommendation sent."))
            return redirect("directives:recommendations")
    items = Recommendation.objects.select_related("area", "organisation").prefetch_related(
        "answers__by", "answers__unit"
    )
    items = items.restrict(request.user)
    if request.GET.get("open") == "1":
        items = items.filter(answers__isnull=True)
    q = (request.GET.get("q") or "").strip()
    if q:
        items = items.filter(Q(topic__icontains=q) | Q(text__icontains=q))
    page = Paginator(items.distinct(), PAGE).get_page(request.GET.get("page"))
    for rec in page:
        rec.may_answer = tracking.can_answer(request.user, rec)
    difficulties = Difficulty.objects.select_related("area").order_by("-period", "-id").restrict(request.user)
    return render(
        request,
        "directives/recommendations.html",
        {
            "difficulties": difficulties[:50],
            "page": page,
            "q": q,
            "query": pickers.query_without(request),
            "form": form if may_send else None,
            "answer_form": AnswerForm(),
        },
    )


@login_required
@require_POST
def answer(request, pk: int):
    rec = get_object_or_404(Recommendation.objects.restrict(request.user), pk=pk)
    if not tracking.can_answer(request.user, rec):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        tracking.answer_recommendation(rec, answer=form.cleaned_data["answer"], user=request.user)
        messages.success(request, _("Answer added to the thread."))
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect("directives:recommendations")


# -- a new directive -------------------------------------------------------------------------
@login_required
def directive_new(request):
    """A planner types in a directive (from a resolution, a decision, a conclusion notice...)."""
    if not scopes.is_admin(request.user) and tracking._role(request.user) != "planner":
        raise PermissionDenied
    form = DirectiveForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        cooperating = list(data.pop("cooperating") or [])
        lead_task = data.pop("lead_task", "")
        if data.get("issued_on") is None:
            data.pop("issued_on", None)  # the document's date, or today
        elif data["issued_on"] > timezone.localdate():
            form.add_error(
                "issued_on",
                _("%(day)s is in the future (today is %(today)s).")
                % {"day": date_text(data["issued_on"]), "today": date_text(timezone.localdate())},
            )
            return render(request, "directives/directive_form.html", {"form": form}, status=400)
        if not tracking.can_direct(request.user, data["area"]):
            raise PermissionDenied
        try:
            directive = tracking.create_directive(
                user=request.user,
                cooperating=cooperating,
                lead_task=lead_task,
                created_by=request.user,
                **data,
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
