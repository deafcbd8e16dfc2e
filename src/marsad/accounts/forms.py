from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Profile


class PreferencesForm(forms.ModelForm):
    # Each language named in its own language (the reader picks the one they read), so not translated.
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, widget=forms.Select(attrs={"translate": "no"})
    )
    eastern_digits = forms.BooleanField(
        label=_("Show numbers in Eastern Arabic digits (٠١٢٣)"), required=False
    )

    class Meta:
        model = Profile
        fields = ["language", "eastern_digits"]


class TokenForm(forms.Form):
    """A new API token for the user themself: a name, how long it lasts, read-only or not."""

    DAYS = (("30", _("30 days")), ("90", _("90 days")), ("365", _("one year")))

    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("what the token is for"))
    days = forms.ChoiceField(label=_("Valid for"), choices=DAYS, initial="90")
    read_only = forms.BooleanField(
        label=_("Read-only (may not change anything)"), required=False, initial=True
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if "\x00" in name:
            raise forms.ValidationError(_("The name contains a NUL character (\\0)."))
        return name
