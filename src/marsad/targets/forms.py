"""Forms of the targets pages: choices limited to the planner's scope, labels in the page's language."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marsad.core.languages import LANGS
from marsad.core.numbers import parse_number
from marsad.core.periods import words
from marsad.indicators.models import Indicator

from .labels import direction_words, measure_words
from .models import Target
from .planning import source_documents


class LocalNumberField(forms.CharField):
    """A number as the reader writes it (8,5 in Vietnamese, ٨٫٥ in Arabic, 8.5 in English)."""

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            return float(parse_number(text, (get_language() or "en")[:2]))
        except (ValueError, TypeError):
            raise forms.ValidationError(_("%(value)s is not a number."), params={"value": text}) from None


def document_label(doc) -> str:
    """A document as a menu names it: kind, number and title (isolated: a document's number and
    title are names, often a file name), and its date in the reader's style."""
    from django.utils.translation import get_language

    from marsad.core.languages import isolate
    from marsad.web.formatting import day_text

    parts = [str(doc.get_kind_display())]
    if doc.number:
        parts.append(isolate(doc.number, ltr=True))
    label = " ".join(parts) + " — " + isolate(doc.title)
    if doc.date:
        label += f" ({day_text(doc.date, get_language())})"
    return label


class DocumentChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return document_label(obj)


class IndicatorChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name((get_language() or "en")[:2])


class TargetForm(forms.Form):
    indicator = IndicatorChoice(label=_("indicator"), queryset=Indicator.objects.none())
    year = forms.IntegerField(label=_("year"), min_value=1990, max_value=2100)
    measure = forms.ChoiceField(label=_("measure"))
    qualifier = forms.ChoiceField(label=_("direction"))
    basis = forms.ChoiceField(
        label=_("whose plan or estimate"),
        choices=Target.Basis.choices,
        initial=Target.Basis.PLAN,
        required=False,
        help_text=_(
            "a budget has two estimates: the People's Council's (the plan) and the central government's"
        ),
    )
    value = LocalNumberField(label=_("value"))
    unit = forms.CharField(label=_("unit"), required=False, help_text=_("the indicator's unit unless given"))
    document = DocumentChoice(
        label=_("source resolution"), queryset=None, required=False, empty_label=_("— none —")
    )
    article = forms.CharField(label=_("article"), required=False, help_text=_("e.g. Article 2, item 1"))
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user=None, editing: Target | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        lang = (get_language() or "en")[:2]
        self.fields["indicator"].queryset = Indicator.objects.order_by(
            f"name_{lang}" if lang in LANGS else "name_en"
        )
        self.fields["measure"].choices = [(m, measure_words(m)) for m in Target.Measure.values]
        self.fields["qualifier"].choices = [(d, direction_words(d)) for d in Target.Direction.values]
        self.fields["document"].queryset = source_documents(user)
        if editing is not None:
            for name in ("indicator", "year", "measure", "basis"):
                self.fields[name].disabled = True
                self.fields[name].required = False


class RetireForm(forms.Form):
    reason = forms.CharField(label=_("why it is retired"), widget=forms.Textarea(attrs={"rows": 2}))
    revision = forms.IntegerField(widget=forms.HiddenInput)


class ScenarioForm(forms.Form):
    period = forms.ChoiceField(label=_("period"))
    value = LocalNumberField(label=_("value"))
    note = forms.CharField(label=_("note"), required=False)

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        codes = [f"{year}Q1", f"{year}Q2", f"{year}Q3", f"{year}Q4", f"{year}S1", f"{year}-9M"]
        self.fields["period"].choices = [(c, words(c, (get_language() or "en")[:2])) for c in codes]
