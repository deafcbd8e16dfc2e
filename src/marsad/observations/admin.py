"""The admin's observations go through the write path: scope, lock, rules, revision, audit."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marsad.audit.fields import field_words
from marsad.audit.history import history_of
from marsad.core.numbers import NumberError, format_plain, read_plain_number
from marsad.web.admin import InReadersWords
from marsad.web.changes import change_lines, source_words
from marsad.web.formatting import moment_text, reader_wants_eastern

from . import writing
from .messages import number_error_message, problem_message, write_error_text
from .models import Approval, Observation


class ValueField(forms.CharField):
    """The value in the machine layout (``-1234.5``), read by the write path's own parser:
    Django's DecimalField would take ``1_000`` for 1000 and round what has too many digits."""

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            return read_plain_number(text)
        except NumberError as exc:
            raise ValidationError(number_error_message(exc)) from None


class ObservationForm(forms.ModelForm):
    # The revision the form was opened on: a save based on an older one is refused.
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False, label=_("based on revision"))
    value = ValueField(label=capfirst(field_words("value")))
    writer = None  # set by ObservationAdmin.get_form

    class Meta:
        model = Observation
        exclude = ("revision",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["based_on"].initial = self.instance.revision
            self.initial["value"] = format_plain(self.instance.value)

    def clean(self):
        """The write path's checks, so that a refusal shows on the form, naming the fields."""
        data = super().clean()
        if self.errors:
            return data
        try:
            area, *_ = writing.validate(
                data["area"],
                data["indicator"],
                data["period"],
                data["measure"],
                data["status"],
                data["value"],
                data.get("unit") or "",
                data["qualifier"],
            )
            writing.check_scope(self.writer, area)
            writing.check_lock(area, data["period"])
        except writing.Refused as exc:
            for p in exc.problems:
                self.add_error(p.field if p.field in self.fields else None, problem_message(p))
        except writing.WriteError as exc:
            raise ValidationError(write_error_text(exc)) from exc
        stored = self.instance.pk and Observation.objects.filter(pk=self.instance.pk).first()
        if stored and data.get("based_on") not in (None, stored.revision):
            raise ValidationError(write_error_text(writing.Conflict(stored, data["based_on"])))
        return data


@admin.register(Observation)
class ObservationAdmin(InReadersWords, admin.ModelAdmin):
    form = ObservationForm
    list_display = (
        "area",
        "indicator",
        "period",
        "measure",
        "value",
        "unit",
        "status",
        "qualifier",
        "source",
    )
    list_filter = ("measure", "status", "source", "indicator")
    search_fields = ("area__code", "area__name_en", "indicator__code", "period")
    raw_id_fields = ("area", "indicator", "document", "entered_by")
    readonly_fields = ("change_log", "revision")

    @admin.display(description=_("change log"))
    def change_log(self, obj):
        """The value's history as the change log page says it: when, who, what, from where."""
        if not obj.pk:
            return "-"
        lang, eastern = get_language(), reader_wants_eastern()
        records = history_of(obj)
        rows = [
            format_html(
                "<li>{} · {} · <bdi>{}</bdi> · {}: {}</li>",
                moment_text(c.at, lang, eastern),
                c.get_action_display(),
                c.user or "—",
                source_words(c.source, lang, eastern),
                "; ".join(
                    f"{line['label']}: {line['old']} → {line['new']}"
                    for line in change_lines(c, lang, eastern)
                ),
            )
            for c in records
        ]
        return format_html("<ul>{}</ul>", mark_safe("".join(rows))) if rows else "-"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """A refused form answers 422 (the other write paths' answer), not 200."""
        response = super().render_change_form(request, context, add, change, form_url, obj)
        if request.method == "POST" and context["adminform"].form.errors:
            response.status_code = 422
        return response

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.writer = request.user
        return form

    def save_model(self, request, obj, form, change):
        based_on = form.cleaned_data.get("based_on")
        try:
            written = writing.record_observation(
                request.user,
                area=obj.area,
                indicator=obj.indicator,
                period=obj.period,
                measure=obj.measure,
                status=obj.status,
                value=obj.value,
                unit=obj.unit,
                qualifier=obj.qualifier,
                based_on=based_on if change and based_on is not None else writing.ANY_REVISION,
                provenance=writing.Provenance(via="admin"),
            )
        except writing.WriteError as exc:  # changed between the form's checks and the save
            self.message_user(request, write_error_text(exc), messages.ERROR)
            return
        obj.pk, obj.revision = written.observation.pk, written.observation.revision

    def delete_model(self, request, obj):
        try:
            writing.delete_observation(request.user, obj, provenance=writing.Provenance(via="admin"))
        except writing.WriteError as exc:
            self.message_user(request, write_error_text(exc), messages.ERROR)

    def delete_queryset(self, request, queryset):
        """The bulk delete action: one change record per value, all or nothing."""
        try:
            writing.delete_observations(request.user, queryset, provenance=writing.Provenance(via="admin"))
        except writing.WriteError as exc:
            self.message_user(request, write_error_text(exc), messages.ERROR)


@admin.register(Approval)
class ApprovalAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("area", "period", "approved_by", "approved_at", "unlocked_by", "unlocked_at")
    list_filter = ("period",)
    raw_id_fields = ("area",)
    readonly_fields = ("approved_by", "approved_at", "unlocked_by", "unlocked_at")

    def has_add_permission(self, request):
        return False  # approvals are made on the data quality page, audited
