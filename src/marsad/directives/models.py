"""Steering: the units that act, the directives documents set them, and how they are followed.

A *Directive* is a task set by a document (nested: a directive may have sub-tasks). Following
Decision 42/2014/QĐ-TTg, it has one lead unit and cooperating units, and each holds an
*Assignment* (directive x organisation, with its role and its own part of the work). Delegating
a directive to the communes of a province *adds* one assignment per commune People's Committee,
under the lead unit's assignment (``supervisor``): the lead keeps guiding and inspecting them.
Assignees send *ProgressReports*; a report at 100 % completes the assignment. Each report names
the revision of the assignment it was made on, so a stale one is refused, never overwriting. A task's status is computed
from its dates (``marsad.core.steering.classify``) so it is never stale; every change of
status seen is kept as a *StatusChange*. Communes send *Recommendations* up and get *Answers* (a thread, never
overwritten); a review period's *Difficulties* are recorded beside them. Reports, inspections,
answers and status changes all leave change records in the one audit log.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marsad.accounts.scopes import CHANGE, VIEW, ScopedQuerySet
from marsad.audit.changes import Audited
from marsad.core import periods, steering


def _own_unit_only(scope) -> bool:
    """A commune's officers reach only their own unit's work, not their whole area."""
    return scope.role == "commune"


def _own_unit_too(scope, action) -> bool:
    """A department's officers also reach their own unit's assignments wherever they are."""
    return scope.role == "department" or (action == VIEW and scope.role != "commune")


def due_soon_days() -> int:
    return int(getattr(settings, "MARSAD_DUE_SOON_DAYS", steering.DEFAULT_DUE_SOON_DAYS))


def validate_period(code: str) -> None:
    try:
        periods.parse(code)
    except periods.PeriodError:
        raise ValidationError(periods.error_message(code, get_language()), code="invalid_period") from None


class StatusChoices(models.TextChoices):
    DONE_ON_TIME = steering.Status.DONE_ON_TIME.value, _("done on time")
    DONE_LATE = steering.Status.DONE_LATE.value, _("done late")
    IN_PROGRESS = steering.Status.IN_PROGRESS.value, _("in progress within deadline")
    DUE_SOON = steering.Status.DUE_SOON.value, _("due soon")
    OVERDUE = steering.Status.OVERDUE.value, _("overdue")


class Organisation(Audited):
    """A unit that acts: a department, a People's Committee, a Party Committee.

    Audited like the directives: a unit's name is shown beside every task it carries, and the
    pages that keep them cached see a renamed unit through its change record."""

    AUDITED_FIELDS = ("code", "kind", "area", "name_ar", "name_vi", "name_en", "email")

    class Kind(models.TextChoices):
        PARTY_COMMITTEE = "party_committee", _("Party Committee")
        PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
        DEPARTMENT = "department", _("department or agency")
        GOVERNMENT = "government", _("Government")

    code = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="organisations")
    name_ar = models.CharField(max_length=200)
    name_vi = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    email = models.EmailField(blank=True)

    objects = ScopedQuerySet.as_manager()
    SCOPE_AREA = "area"

    class Meta:
        ordering = ["code"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name()

    def name(self, lang: str | None = None) -> str:
        lang = (lang or get_language() or "en")[:2]
        return {"ar": self.name_ar, "vi": self.name_vi}.get(lang) or self.name_en

    def province(self):
        return self.area.province()


class Directive(Audited):
    """A task set by a document: what, by whom, for when, serving which indicator or target."""

    AUDITED_FIELDS = (
        "text",
        "lead_unit",
        "period",
        "deadline",
        "issued_on",
        "expected_result",
        "delegated",
        "closed_on",
    )

    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="directives"
    )
    proposal = models.OneToOneField(
        "documents.Proposal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directive",
        help_text=_("the extracted item this directive was made from"),
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="subtasks"
    )
    number = models.CharField(
        max_length=20, blank=True, help_text=_("its number in the document, e.g. 3 or 3.2")
    )
    text = models.TextField(help_text=_("the task as written, in the document's language"))
    language = models.CharField(max_length=2, default="ar", choices=settings.LANGUAGES)
    text_ar = models.TextField(blank=True)
    text_vi = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.PROTECT,
        related_name="directives",
        help_text=_("where the directive applies (its assignees must be in it)"),
    )
    issuer = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="issued_directives"
    )
    lead_unit = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="led_directives"
    )
    period = models.CharField(max_length=10, validators=[validate_period], db_index=True)
    deadline = models.DateField(null=True, blank=True, help_text=_("empty when the document states none"))
    issued_on = models.DateField(
        null=True, blank=True, help_text=_("the day it was issued: no progress can be dated before it")
    )
    expected_result = models.TextField(blank=True)
    indicator = models.ForeignKey(
        "indicators.Indicator", null=True, blank=True, on_delete=models.SET_NULL, related_name="directives"
    )
    target = models.ForeignKey(
        "targets.Target", null=True, blank=True, on_delete=models.SET_NULL, related_name="directives"
    )
    delegated = models.BooleanField(default=False, help_text=_("delegated to the communes"))
    closed_on = models.DateField(
        null=True, blank=True, help_text=_("no more progress reports after this day")
    )
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    SCOPE_AREA = "area"

    class Meta:
        ordering = ["period", "id"]
        verbose_name = _("directive")
        verbose_name_plural = _("directives")

    def __str__(self) -> str:
        label = f"{self.number}. " if self.number else ""
        return f"{label}{self.display_text()[:100]}"

    def display_text(self, lang: str | None = None) -> str:
        lang = (lang or get_language() or "en")[:2]
        return getattr(self, f"text_{lang}", "") or self.text

    # Scope: a directive is read where it applies or where one of its assignees is (a commune's
    # officers: only through their own unit's assignments); it is changed where it applies.
    @classmethod
    def scope_filter(cls, scope, action) -> Q:
        assigned = Q(
            pk__in=Assignment.objects.filter(Assignment.scope_filter(scope, VIEW)).values("directive_id")
        )
        if action == CHANGE:
            return Q(pk__in=[]) if _own_unit_only(scope) else scope.q("area", CHANGE)
        return assigned if _own_unit_only(scope) else scope.q("area", VIEW) | assigned

    def scope_allows(self, scope, action) -> bool:
        if action == CHANGE:
            return not _own_unit_only(scope) and scope.allows(self.area_id, CHANGE)
        if not _own_unit_only(scope) and scope.allows(self.area_id, VIEW):
            return True
        return (
            self.pk is not None
            and Assignment.objects.filter(
                Q(directive_id=self.pk) & Assignment.scope_filter(scope, VIEW)
            ).exists()
        )

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    def lead_assignment(self):
        return self.assignments.filter(role=Assignment.Role.LEAD).select_related("organisation").first()

    def cooperating_units(self) -> list[Organisation]:
        return [
            a.organisation
            for a in self.assignments.filter(role=Assignment.Role.COOPERATING).select_related("organisation")
        ]

    @property
    def period_obj(self) -> periods.Period:
        return periods.parse(self.period)

    def clean(self) -> None:
        errors = {}
        try:
            period = periods.parse(self.period)
        except periods.PeriodError:
            errors["period"] = periods.error_message(self.period, get_language())
            period = None
        if period and self.deadline and self.deadline < period.start:
            errors["deadline"] = _("The deadline %(deadline)s is before the period starts (%(start)s).") % {
                "deadline": self.deadline.isoformat(),
                "start": period.start.isoformat(),
            }
        if self.parent_id and self.parent_id == self.pk:
            errors["parent"] = _("A directive cannot be its own sub-task.")
        if self.lead_unit_id and self.area_id and not unit_in_area(self.lead_unit, self.area):
            errors["lead_unit"] = _("The lead unit %(unit)s is outside %(area)s.") % {
                "unit": self.lead_unit,
                "area": self.area,
            }
        if errors:
            raise ValidationError(errors)

    def all_assignments(self):
        """Its own assignments and those of all its sub-tasks, at any depth."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(Directive.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            ids += frontier
        return Assignment.objects.filter(directive_id__in=ids)

    def rollup(self, today: date | None = None) -> dict:
        """Counts by status, the average percent done and one status, over every assignment below."""
        from .summary import follow_up

        today = today or timezone.localdate()
        qs = self.all_assignments()
        result = follow_up(qs, today=today)
        avg = qs.aggregate(avg=models.Avg("percent_done"))["avg"]
        statuses = [s for s, n in result.counts.items() if n]
        return {
            "follow_up": result,
            "percent_done": round(avg or 0.0, 1),
            "status": steering.rollup_status(statuses),
        }

    def status(self, today: date | None = None) -> steering.Status | None:
        return self.rollup(today)["status"]

    def target_progress(self) -> dict | None:
        """The latest figure for the target this directive serves, judged by the analytics
        service (the same figure and verdict as the dashboard's)."""
        if self.target is None:
            return None
        from marsad.analytics import service

        found = service.latest_figure(self.target)
        judgement = found["judgement"]
        return {
            "target": self.target,
            "observation": found["figure"],
            "met": None if judgement is None else judgement.status == "met",
            "status": None if judgement is None else judgement.status,
        }


def unit_in_area(unit: Organisation, area) -> bool:
    """Whether a unit works inside an area (the nation holds every unit)."""
    from marsad.areas.models import Area

    if area.level == Area.Level.NATION:
        return True
    unit_area = unit.area
    return unit_area.pk == area.pk or unit_area.parent_id == area.pk or unit_area.successor_id == area.pk


class AssignmentQuerySet(ScopedQuerySet):
    UNMATCHED = "in_progress"  # the live status when no rule holds

    @staticmethod
    def _status_rules(today: date | None, days: int | None) -> list[tuple[Q, str]]:
        """The live status as ``steering.classify`` gives it: the first rule that holds wins,
        and none holding means UNMATCHED."""
        today = today or timezone.localdate()
        days = due_soon_days() if days is None else days
        soon = date.fromordinal(today.toordinal() + days)
        return [
            # Done as of ``today`` only if completed on or before it ("as of any date").
            (Q(completed_on__lte=today, deadline__isnull=True), "done_on_time"),
            (Q(completed_on__lte=today) & Q(completed_on__lte=models.F("deadline")), "done_on_time"),
            (Q(completed_on__lte=today), "done_late"),
            (Q(deadline__isnull=True), "in_progress"),
            (Q(deadline__lt=today), "overdue"),
            (Q(deadline__lte=soon), "due_soon"),
        ]

    def with_status(self, today: date | None = None, days: int | None = None):
        """Annotate ``live_status`` computed in SQL exactly as ``steering.classify`` does."""
        rules = self._status_rules(today, days)
        return self.annotate(
            live_status=Case(
                *(When(rule, then=Value(status)) for rule, status in rules),
                default=Value(self.UNMATCHED),
                output_field=models.CharField(),
            )
        )

    def with_live_status(self, status: str, today: date | None = None):
        """The assignments whose live status is ``status``, as a filter on the same rules (a
        rule matches when it holds and no earlier one does): without the annotation, the
        query compiles in a fraction of the time (the dashboard asks on every view)."""
        match, earlier = Q(pk__in=[]), Q()
        for rule, name in self._status_rules(today, None):
            if name == status:
                match |= earlier & rule
            earlier &= ~rule
        return self.filter(match | earlier if status == self.UNMATCHED else match)


class Assignment(Audited):
    """One unit's share of a directive, followed on its own."""

    AUDITED_FIELDS = (
        "role",
        "supervisor",
        "task",
        "deadline",
        "percent_done",
        "completed_on",
        "status",
        "revision",
    )

    class Role(models.TextChoices):
        LEAD = "lead", _("lead unit")
        COOPERATING = "cooperating", _("cooperating unit")
        DELEGATED = "delegated", _("delegated to the commune")

    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="assignments")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.LEAD, db_index=True)
    supervisor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegates",
        help_text=_("the lead unit's assignment that guides and inspects this one"),
    )
    task = models.TextField(blank=True, help_text=_("this unit's part of the work"))
    revision = models.PositiveIntegerField(default=1)
    assigned_on = models.DateField(null=True, blank=True)
    deadline = models.DateField(null=True, blank=True, help_text=_("the directive's deadline unless changed"))
    percent_done = models.PositiveSmallIntegerField(
        default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    completed_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=16,
        choices=StatusChoices.choices,
        default=StatusChoices.IN_PROGRESS,
        db_index=True,
        help_text=_("the status last recorded (the live status is computed from the dates)"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    # Scope: an assignment belongs to its unit's area; a commune's officers reach only their own
    # unit's, a department's officers their own unit's besides their areas'.
    @classmethod
    def scope_filter(cls, scope, action) -> Q:
        own = Q(organisation_id=scope.organisation_id) if scope.organisation_id else Q(pk__in=[])
        if _own_unit_only(scope):
            return own
        by_area = scope.q("organisation__area", action)
        return by_area | own if _own_unit_too(scope, action) else by_area

    def scope_allows(self, scope, action) -> bool:
        own = scope.organisation_id is not None and self.organisation_id == scope.organisation_id
        if _own_unit_only(scope):
            return own
        if own and _own_unit_too(scope, action):
            return True
        return scope.allows(self.organisation.area_id, action)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["directive", "organisation"], name="assignment_key"),
        ]
        indexes = [models.Index(fields=["organisation", "deadline"])]
        ordering = ["directive_id", "organisation__code"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return f"{self.organisation} — {self.directive}"

    @property
    def delegated(self) -> bool:
        return self.role == self.Role.DELEGATED

    @property
    def progress(self) -> steering.Progress:
        return steering.Progress(self.percent_done, self.completed_on, self.revision)

    def current_status(self, today: date | None = None) -> steering.Status:
        return steering.classify(
            self.deadline, self.completed_on, today or timezone.localdate(), due_soon_days()
        )

    def days_left(self, today: date | None = None) -> int | None:
        if self.deadline is None:
            return None
        return (self.deadline - (today or timezone.localdate())).days

    def clean(self) -> None:
        directive = self.directive
        if not unit_in_area(self.organisation, directive.area):
            raise ValidationError(
                {
                    "organisation": _("%(unit)s is outside %(area)s, where this directive applies.")
                    % {"unit": self.organisation, "area": directive.area}
                }
            )
        if self.deadline:
            start = periods.parse(directive.period).start
            if self.deadline < start:
                raise ValidationError(
                    {
                        "deadline": _("The deadline %(deadline)s is before the period starts (%(start)s).")
                        % {"deadline": self.deadline.isoformat(), "start": start.isoformat()}
                    }
                )

    def refresh_status(self, today: date | None = None, *, user=None, reason: str = "") -> bool:
        """Record the live status if it changed; return whether it did."""
        today = today or timezone.localdate()
        new = self.current_status(today).value
        if new == self.status:
            return False
        old = self.status
        self.status = new
        self.save(changed_by=user, source=reason or "status")
        StatusChange(assignment=self, previous=old, status=new, on=today, reason=reason[:200]).save(
            changed_by=user, source=reason or "status"
        )
        return True


class StatusChange(Audited):
    """A change of an assignment's status, as it was seen (by a report, or the daily run)."""

    AUDITED_FIELDS = ("assignment", "previous", "status", "on", "reason")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="status_changes")
    previous = models.CharField(max_length=16, choices=StatusChoices.choices, blank=True)
    status = models.CharField(max_length=16, choices=StatusChoices.choices)
    on = models.DateField()
    reason = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assignment_id", "at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.on} {self.previous or '-'} -> {self.status}"


def evidence_path(instance: ProgressReport, filename: str) -> str:
    return f"directives/evidence/{instance.assignment_id}/{filename}"


class ProgressReport(Audited):
    """What the assignee reports: how far it got, when, with evidence (never changed afterwards)."""

    AUDITED_FIELDS = ("assignment", "date", "percent", "text", "reason", "revision", "reporter_unit")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reports")
    date = models.DateField()
    text = models.TextField()
    percent = models.PositiveSmallIntegerField(validators=[MinValueValidator(0), MaxValueValidator(100)])
    reason = models.TextField(blank=True, help_text=_("why the percent done went down"))
    revision = models.PositiveIntegerField(
        default=1, help_text=_("the assignment's revision this report made")
    )
    reporter_unit = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("the unit of the person who reported (the lead unit for its delegates)"),
    )
    evidence = models.FileField(upload_to=evidence_path, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assignment_id", "date", "id"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return f"{self.date} {self.percent}%"


class Inspection(Audited):
    """Who checked which unit's assignment, when, and what they found."""

    AUDITED_FIELDS = ("assignment", "inspector", "date", "finding", "result")

    class Result(models.TextChoices):
        SATISFACTORY = "satisfactory", _("satisfactory")
        NEEDS_WORK = "needs_work", _("needs improvement")
        UNSATISFACTORY = "unsatisfactory", _("unsatisfactory")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="inspections")
    inspector = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="inspections_made"
    )
    inspected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    date = models.DateField()
    finding = models.TextField()
    result = models.CharField(max_length=16, choices=Result.choices, default=Result.SATISFACTORY)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")

    def __str__(self) -> str:
        return f"{self.date} {self.get_result_display()}"


class Recommendation(Audited):
    """A recommendation a unit (usually a commune) sends up; its answers are a thread."""

    AUDITED_FIELDS = ("topic", "text", "period", "organisation")

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="recommendations")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="recommendations"
    )
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="recommendations"
    )
    period = models.CharField(max_length=10, blank=True, validators=[validate_period])
    topic = models.CharField(max_length=200)
    text = models.TextField()
    # The text as written (``text``, in ``language``) and a person's translations into the others.
    language = models.CharField(max_length=2, default="ar", choices=settings.LANGUAGES)
    text_ar = models.TextField(blank=True)
    text_vi = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    date = models.DateField(default=timezone.localdate)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()

    # Scope: a recommendation belongs to its area; a commune's officers reach only their unit's.
    @classmethod
    def scope_filter(cls, scope, action) -> Q:
        if _own_unit_only(scope):
            return Q(organisation_id=scope.organisation_id) if scope.organisation_id else Q(pk__in=[])
        return scope.q("area", action)

    def scope_allows(self, scope, action) -> bool:
        if _own_unit_only(scope):
            return scope.organisation_id is not None and self.organisation_id == scope.organisation_id
        return scope.allows(self.area_id, action)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.topic

    @property
    def is_answered(self) -> bool:
        return self.answers.exists()


class Answer(Audited):
    """One answer in a recommendation's thread (from the province, or a follow-up from the unit)."""

    AUDITED_FIELDS = ("recommendation", "text", "unit", "on")

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField()
    unit = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recommendation_id", "created_at", "id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return self.text[:100]


class Difficulty(Audited):
    """A difficulty named in a review period."""

    AUDITED_FIELDS = (
        "period",
        "text",
        "text_ar",
        "text_vi",
        "text_en",
        "cause",
        "cause_ar",
        "cause_vi",
        "cause_en",
    )

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="difficulties")
    period = models.CharField(max_length=10, validators=[validate_period])
    text = models.TextField()
    # The text as written (``text``, in ``language``) and a person's translations into the others;
    # ``cause`` is what the review names as its cause, in the same language, translated the same way.
    language = models.CharField(max_length=2, default="ar", choices=settings.LANGUAGES)
    text_ar = models.TextField(blank=True)
    text_vi = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    cause = models.TextField(blank=True)
    cause_ar = models.TextField(blank=True)
    cause_vi = models.TextField(blank=True)
    cause_en = models.TextField(blank=True)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="difficulties"
    )
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    SCOPE_AREA = "area"

    class Meta:
        ordering = ["period", "id"]
        verbose_name = _("difficulty")
        verbose_name_plural = _("difficulties")

    def __str__(self) -> str:
        return self.text[:100]
