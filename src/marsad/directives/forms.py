"""Forms of the follow-up pages; validation beyond field types lives in ``tracking``."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Directive, Inspection, Organisation, Recommendation


class DateInput(forms.DateInput):
    input_type = "date"


class ProgressReportForm(forms.Form):
    date = forms.DateField(label=_("date"), initial=timezone.localdate, widget=DateInput)
    percent = forms.IntegerField(label=_("percent done"), min_value=0, max_value=100)
    text = forms.CharField(label=_("what was done"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=_("evidence (attachment)"), required=False)


class InspectionForm(forms.Form):
    date = forms.DateField(label=_("date"), initial=timezone.localdate, widget=DateInput)
    result = forms.ChoiceField(label=_("result"), choices=Inspection.Result.choices)
    finding = forms.CharField(label=_("finding"), widget=forms.Textarea(attrs={"rows": 3}))


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["topic", "text", "period"]
        labels = {"topic": _("topic"), "text": _("recommendation"), "period": _("review period")}


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("answer"), widget=forms.Textarea(attrs={"rows": 3}))


class DelegateForm(forms.Form):
    province = forms.CharField(label=_("province"), help_text=_("code or name, e.g. Bac Ninh"))


class DirectiveForm(forms.ModelForm):
    """A directive typed in by a planner; units and areas limited to the planner's scope."""

    class Meta:
        model = Directive
        fields = [
            "area",
            "number",
            "text",
            "language",
            "text_ar",
            "text_vi",
            "text_en",
            "document",
            "parent",
            "lead_unit",
            "cooperating_units",
            "period",
            "deadline",
            "expected_result",
            "indicator",
            "target",
        ]
        widgets = {
            "deadline": DateInput,
            "text": forms.Textarea(attrs={"rows": 3}),
            "text_ar": forms.Textarea(attrs={"rows": 2, "dir": "rtl"}),
            "text_vi": forms.Textarea(attrs={"rows": 2}),
            "text_en": forms.Textarea(attrs={"rows": 2}),
            "expected_result": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "area": _("area"),
            "number": _("number"),
            "text": _("task"),
            "language": _("language"),
            "text_ar": _("Arabic translation"),
            "text_vi": _("Vietnamese translation"),
            "text_en": _("English translation"),
            "document": _("document"),
            "parent": _("part of"),
            "lead_unit": _("lead unit"),
            "cooperating_units": _("cooperating units"),
            "period": _("period"),
            "deadline": _("deadline"),
            "expected_result": _("expected result"),
            "indicator": _("indicator"),
            "target": _("target"),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from marsad.accounts import scopes
        from marsad.areas.models import Area
        from marsad.documents.models import Document

        areas = scopes.capturable_areas(user) if user is not None else Area.objects.all()
        self.fields["area"].queryset = areas.filter(level__in=(Area.Level.NATION, Area.Level.PROVINCE))
        units = Organisation.objects.filter(area__in=areas).order_by("kind", "code")
        self.fields["lead_unit"].queryset = units
        self.fields["cooperating_units"].queryset = units
        self.fields["parent"].queryset = Directive.objects.filter(area__in=areas).order_by("-id")
        documents = Document.objects.order_by("-date", "-id")
        targets = self.fields["target"].queryset
        if user is not None:  # the choices a person sees are their scope's (accounts.scopes)
            documents, targets = documents.restrict(user), targets.restrict(user)
        self.fields["document"].queryset = documents
        self.fields["target"].queryset = targets
