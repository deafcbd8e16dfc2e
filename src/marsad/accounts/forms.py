from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Profile


class PreferencesForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    eastern_digits = forms.BooleanField(
        label=_("Show numbers in Eastern Arabic digits (٠١٢٣)"), required=False
    )

    class Meta:
        model = Profile
        fields = ["language", "eastern_digits"]
