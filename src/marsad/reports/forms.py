"""Forms of the report pages: an area's document settings and a narrative item's translations."""

from __future__ import annotations

from django import forms

from marsad.audit.fields import label_of

from .models import ReportSettings


class ReportSettingsForm(forms.ModelForm):
    class Meta:
        model = ReportSettings
        fields = [
            "symbol",
            *(f"{f}_{lang}" for f in ("parent_body", "issuing_body", "place") for lang in ("vi", "ar", "en")),
            "signer_name",
            "signer_name_ar",
            *(f"{f}_{lang}" for f in ("signer_authority", "signer_title") for lang in ("vi", "ar", "en")),
            *(f"recipients_{lang}" for lang in ("vi", "ar", "en")),
        ]
        widgets = {f"recipients_{lang}": forms.Textarea(attrs={"rows": 4}) for lang in ("vi", "ar", "en")}


class TranslationForm(forms.Form):
    """The item's text in the two languages it was not written in (``fields``: text, cause)."""

    def __init__(self, *args, item=None, fields=("text",), **kwargs):
        super().__init__(*args, **kwargs)
        self.item, self.item_fields = item, fields
        written = getattr(item, "language", "ar")
        for field in fields:
            for lang in ("ar", "vi", "en"):
                if lang == written:
                    continue
                name = f"{field}_{lang}"
                self.fields[name] = forms.CharField(
                    label=label_of(type(item), name),
                    required=False,
                    widget=forms.Textarea(
                        attrs={"rows": 3, "lang": lang, "dir": "rtl" if lang == "ar" else "ltr"}
                    ),
                    initial=getattr(item, name, ""),
                )

    def save(self, user=None) -> None:
        names = list(self.fields)
        for name in names:
            setattr(self.item, name, self.cleaned_data[name].strip())
        self.item.save(update_fields=names, changed_by=user, source="translation on the report page")
