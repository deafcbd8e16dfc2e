"""The Django admin in the reader's language.

Django translates its own words; Marsad's are the models' field names (marsad.audit.fields),
their choices (the fixed vocabularies' words), the periods, numbers and dates. A period is shown
in the reader's words in the lists, the filters and the forms, and a form reads it back from
those words or a code (core periods' one parser, through :class:`marsad.web.pickers.PeriodField`),
storing the code. Numbers and dates in the lists are written by the pages' formatters (one per
language, Eastern digits when the reader asked for them); codes of the fixed vocabularies
(measures, statuses, qualifiers, units) by their words. Every admin of Marsad's models mixes
:class:`InReadersWords` in.
"""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from marsad.core import periods

from .changes import indicator_name, object_words
from .formatting import day_text, moment_text, number_text, reader_wants_eastern
from .pickers import PeriodField, period_label
from .words import word

admin.site.site_header = _("Marsad administration")
admin.site.site_title = _("Marsad administration")
admin.site.index_title = _("Administration")

PERIOD = "period"
# Text fields holding a code of a fixed vocabulary (a proposal's measure, a unit of measure).
VOCABULARY = frozenset({"measure", "status", "qualifier", "unit"})


def _is_period(db_field) -> bool:
    return db_field.name == PERIOD and isinstance(db_field, models.CharField)


def _most_recent_first(codes) -> list[str]:
    readable = sorted((c for c in codes if periods.is_valid(c)), key=periods.parse, reverse=True)
    return readable + sorted(c for c in codes if not periods.is_valid(c))


class PeriodFilter(admin.AllValuesFieldListFilter):
    """The periods a list holds, most recent first, in the reader's words."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.lookup_choices = _most_recent_first(self.lookup_choices)

    def choices(self, changelist):
        for choice in super().choices(changelist):
            shown = choice["display"]
            if isinstance(shown, str) and periods.is_valid(shown):
                choice = {**choice, "display": period_label(shown)}
            yield choice


def _reader():
    from django.utils.translation import get_language

    return get_language(), reader_wants_eastern()


def _shown(field):
    """How a list shows ``field``'s value in the reader's language, or None to leave it to Django."""
    if _is_period(field):
        return lambda value: period_label(value)
    if field.choices:
        return None  # the choices' words
    if isinstance(field, (models.DecimalField, models.FloatField)):
        return lambda value: number_text(value, *_reader())
    if isinstance(field, models.DateTimeField):
        return lambda value: moment_text(value, *_reader())
    if isinstance(field, models.DateField):
        return lambda value: day_text(value, *_reader())
    if isinstance(field, models.CharField) and field.name in VOCABULARY:
        return word
    if isinstance(field, models.CharField) and field.name == "indicator":  # a code, not a key
        return lambda value: indicator_name(value, _reader()[0])
    return None


_COLUMNS: dict = {}


def _column(model, name: str):
    """The list column of ``model.name`` in the reader's words (the name itself if Django's own
    display is right: text, foreign keys, choices, booleans)."""
    key = (model, name)
    if key not in _COLUMNS:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a method's or a callable's name
            field = None
        show = _shown(field) if field is not None and not field.is_relation else None
        if show is None:
            _COLUMNS[key] = name
        else:

            def column(obj, _show=show, _name=name):
                value = getattr(obj, _name)
                return "-" if value is None or value == "" else _show(value)

            _COLUMNS[key] = admin.display(description=capfirst(field.verbose_name), ordering=name)(column)
    return _COLUMNS[key]


# Django writes a permission's name once, in English, when the tables are made ("Can add API
# token"); the admin says it from its action and its model's (translated) name instead.
_PERMISSION_ACTIONS = {
    "add": _("Can add %(thing)s"),
    "change": _("Can change %(thing)s"),
    "delete": _("Can delete %(thing)s"),
    "view": _("Can view %(thing)s"),
}


def permission_words(permission) -> str:
    """A permission in the reader's words: "accounts | Can add API token" in ar, vi or en."""
    model = permission.content_type.model_class()
    action = permission.codename.split("_", 1)[0]
    if model is None or action not in _PERMISSION_ACTIONS:
        return str(permission)
    app = model._meta.app_config.verbose_name
    text = _PERMISSION_ACTIONS[action] % {"thing": model._meta.verbose_name}
    return f"{app} | {text}"


class InReadersWords:
    """Mix into a ModelAdmin or an inline: its ``period`` is words in the list, the filter and
    the form, and the form reads words or a code; numbers, dates and codes of the vocabularies
    in its list are the reader's."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if _is_period(db_field):
            return PeriodField(
                label=capfirst(db_field.verbose_name),
                required=not db_field.blank,
                help_text=db_field.help_text or None,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.related_model._meta.label == "auth.Permission":
            field.label_from_instance = permission_words
        return field

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The record's heading in the reader's words, not its code-like str()."""
        obj = self.get_object(request, object_id)
        words = object_words(obj, *_reader()) if obj is not None else None
        if words:
            extra_context = {"subtitle": words, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_list_display(self, request):
        shown = super().get_list_display(request)
        return tuple(_column(self.model, name) if isinstance(name, str) else name for name in shown)

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        return tuple((PERIOD, PeriodFilter) if name == PERIOD else name for name in filters)
