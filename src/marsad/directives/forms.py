"""Forms of the follow-up pages; validation beyond field types lives in ``tracking``.

Choices come from the user's scope (``accounts.scopes``) and carry readable labels in the page's
language: units and areas by name, documents by kind, number and title, targets in words.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marsad.audit.fields import LANGUAGE_NAMES
from marsad.core.languages import isolate
from marsad.core.periods import words as period_words
from marsad.targets.forms import DocumentChoice
from marsad.web.pickers import PeriodField

from .models import Directive, Inspection, Organisation, Recommendation


def _lang() -> str:
    return (get_language() or "ar")[:2]


class DateInput(forms.DateInput):
    input_type = "date"


class PastDateInput(DateInput):
    """A date picker that offers no day after today (the server refuses them too)."""

    def get_context(self, name, value, attrs):
        attrs = {**(attrs or {}), "max": timezone.localdate().isoformat()}
        return super().get_context(name, value, attrs)


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name(_lang())


class UnitsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name(_lang())


class AreaChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name(_lang())


class TargetChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label(_lang())


class DirectiveChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        number = f"{obj.number}. " if obj.number else ""
        return f"{number}{isolate(obj.display_text(_lang())[:90])} ({period_words(obj.period, _lang())})"


class ProgressReportForm(forms.Form):
    date = forms.DateField(label=_("date"), initial=timezone.localdate, widget=PastDateInput)
    percent = forms.IntegerField(label=_("percent done"), min_value=0, max_value=100)
    text = forms.CharField(label=_("what was done"), widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(
        label=_("why the percent went down"),
        required=False,
        help_text=_("required when the percent done is lower than the last report's"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence = forms.FileField(label=_("evidence (attachment)"), required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput)


class InspectionForm(forms.Form):
    date = forms.DateField(label=_("date"), initial=timezone.localdate, widget=PastDateInput)
    result = forms.ChoiceField(label=_("result"), choices=Inspection.Result.choices)
    finding = forms.CharField(label=_("finding"), widget=forms.Textarea(attrs={"rows": 3}))


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["topic", "text", "period"]
        field_classes = {"period": PeriodField}
        labels = {"topic": _("topic"), "text": _("recommendation"), "period": _("review period")}


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("answer"), widget=forms.Textarea(attrs={"rows": 3}))


class CooperatingForm(forms.Form):
    organisation = UnitChoice(label=_("cooperating unit"), queryset=Organisation.objects.none())
    task = forms.CharField(
        label=_("its part of the work"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, directive: Directive, **kwargs):
        super().__init__(*args, **kwargs)
        taken = directive.assignments.values("organisation_id")
        self.fields["organisation"].queryset = _units_of(directive.area).exclude(pk__in=taken)


class LeadUnitForm(forms.Form):
    lead_unit = UnitChoice(label=_("lead unit"), queryset=Organisation.objects.none())

    def __init__(self, *args, directive: Directive, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = _units_of(directive.area)


def _units_of(area):
    """The province's own units (not its 99 communes' committees), by kind and code."""
    from marsad.areas.models import Area

    qs = Organisation.objects.select_related("area")
    if area.level == Area.Level.NATION:
        return qs.exclude(area__level=Area.Level.COMMUNE).order_by("kind", "code")
    return qs.filter(area=area).order_by("kind", "code")


class DirectiveForm(forms.Form):
    """A directive typed in by a planner; areas, units, documents and targets from their scope."""

    area = AreaChoice(label=_("area"), queryset=None)
    number = forms.CharField(label=_("number"), required=False, max_length=20)
    text = forms.CharField(label=_("task"), widget=forms.Textarea(attrs={"rows": 3}))
    language = forms.ChoiceField(label=_("language of the text"))
    text_ar = forms.CharField(
        label=_("Arabic translation"), required=False, widget=forms.Textarea(attrs={"rows": 2, "dir": "rtl"})
    )
    text_vi = forms.CharField(
        label=_("Vietnamese translation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    text_en = forms.CharField(
        label=_("English translation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    document = DocumentChoice(label=_("document"), queryset=None, required=False, empty_label=_("— none —"))
    parent = DirectiveChoice(label=_("part of"), queryset=None, required=False, empty_label=_("— none —"))
    lead_unit = UnitChoice(label=_("lead unit"), queryset=None)
    lead_task = forms.CharField(
        label=_("the lead unit's part"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    cooperating = UnitsChoice(
        label=_("cooperating units"),
        queryset=None,
        required=False,
        help_text=_("each gets its own assignment; give each its part on the directive's page"),
    )
    period = PeriodField(label=_("period"))
    issued_on = forms.DateField(
        label=_("issued on"),
        required=False,
        widget=PastDateInput,
        help_text=_("the document's date; today when left empty"),
    )
    deadline = forms.DateField(label=_("deadline"), required=False, widget=DateInput)
    expected_result = forms.CharField(
        label=_("expected result"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    target = TargetChoice(
        label=_("target it serves"), queryset=None, required=False, empty_label=_("— none —")
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from django.conf import settings

        from marsad.accounts import scopes
        from marsad.areas.models import Area
        from marsad.targets.planning import source_documents, visible_targets

        self.fields["language"].choices = [(code, LANGUAGE_NAMES[code]) for code, _name in settings.LANGUAGES]
        capturable = scopes.capturable_areas(user) if user is not None else Area.objects.all()
        # Current provinces only, by name: a closed province never shows twice beside its successor.
        areas = capturable.filter(level=Area.Level.PROVINCE, valid_to__isnull=True)
        self.fields["area"].queryset = areas.order_by(
            f"name_{_lang()}" if _lang() in ("vi", "en") else "name_en"
        )
        units = (
            Organisation.objects.filter(area__in=areas)
            .select_related("area")
            .order_by("area__code", "kind", "code")
        )
        self.fields["lead_unit"].queryset = units
        self.fields["cooperating"].queryset = units
        self.fields["parent"].queryset = Directive.objects.filter(area__in=areas).order_by("-id")
        self.fields["document"].queryset = source_documents(user)
        self.fields["target"].queryset = (
            visible_targets(user).filter(area__in=areas).select_related("indicator", "area").order_by("-year")
        )


class DelegateForm(forms.Form):
    province = AreaChoice(label=_("province"), queryset=None)

    def __init__(self, *args, directive: Directive, **kwargs):
        super().__init__(*args, **kwargs)
        from marsad.areas.models import Area

        area = directive.area
        if area.level == Area.Level.NATION:
            qs = Area.objects.provinces().current()
        else:
            qs = Area.objects.filter(pk=area.pk)
        self.fields["province"].queryset = qs
        if area.level == Area.Level.PROVINCE:
            self.fields["province"].initial = area.pk
