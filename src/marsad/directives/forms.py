"""Forms of the follow-up pages; validation beyond field types lives in ``tracking``."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Inspection, Recommendation


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
