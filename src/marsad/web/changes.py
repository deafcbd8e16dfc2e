"""The change log in the reader's language: field names as words, values formatted, sources said.

A change record keeps the machine's values (codes, ids, numbers in the plain layout) and the
source its writer named in a fixed form ("import FILE row N", "document N [a:b]", "grid").
Pages show them through :func:`change_lines` and :func:`source_words`, with the model's field
names (marsad.audit.fields) and the fixed vocabularies' words.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marsad.audit.fields import label_of
from marsad.core import periods
from marsad.core.languages import isolate

from .formatting import day_text, exact_text, number_text, percent_text
from .words import word


def _lang(lang: str | None) -> str:
    from django.utils.translation import get_language

    return (lang or get_language() or "ar")[:2]


def value_text(model, name: str, value, lang: str | None = None, eastern: bool = False) -> str:
    """A value a change record kept for ``model.name``, as the reader writes it."""
    lang = _lang(lang)
    if value is None or value == "" or value == []:
        return "—"
    try:
        field = model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        field = None
    if isinstance(value, (list, tuple)):
        return _list_text(field, value, lang)
    if isinstance(value, (datetime.date, datetime.datetime)):
        value = value.isoformat()
    if name == "area_code" and isinstance(value, str):
        from marsad.areas.models import Area

        area = Area.objects.filter(code=value).first()
        return isolate(area.name(lang)) if area is not None else isolate(value, ltr=True)
    if name == "year" and isinstance(value, int):
        return (
            periods.words(str(value), lang, eastern_digits=eastern) if 1900 <= value <= 2999 else str(value)
        )
    if isinstance(value, bool) or isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(field, models.ForeignKey):
        related = field.related_model._base_manager.filter(pk=value).first()
        return isolate(related) if related is not None else f"#{value}"
    if isinstance(field, models.DateField) and isinstance(value, str):
        try:
            return day_text(datetime.date.fromisoformat(value[:10]), lang, eastern)
        except ValueError:
            return value
    if isinstance(field, (models.DecimalField, models.FloatField, models.IntegerField)) or isinstance(
        value, (int, float)
    ):
        if name in ("percent", "percent_done"):
            return percent_text(value, lang, eastern, 0)
        if name in ("span_start", "span_end", "revision", "import_row", "object_id"):
            return number_text(value, lang, eastern, 0)
        return exact_text(value, lang, eastern)
    if name == "period":
        try:
            return periods.words(value, lang, eastern_digits=eastern)
        except periods.PeriodError:
            return str(value)
    if field is not None and field.choices:
        shown = dict(field.flatchoices).get(value)
        if shown is not None and str(shown) != str(value):
            return str(shown)
    return word(str(value))


def _list_text(field, values, lang: str) -> str:
    """A list a change record kept (a profile's areas by code, an account's groups by name)."""
    related = getattr(field, "related_model", None) if field is not None else None
    names = {}
    if related is not None and any(f.name == "code" for f in related._meta.fields):
        names = {r.code: str(r) for r in related._base_manager.filter(code__in=[str(v) for v in values])}
    separator = "، " if lang == "ar" else ", "
    return separator.join(isolate(names.get(str(v), v)) for v in values)


# What names a record of each kind in the change log's "what" column, in the reader's words: its
# fields, taken from the row as it is now (or as the record kept it, once deleted). The fields in
# AS_WRITTEN are people's text (a title, a directive's task), shown as written and marked so.
IDENTITY = {
    "observation": ("indicator", "area", "period", "measure", "status"),
    "directive": ("number", "text", "period", "area"),
    "assignment": ("organisation", "directive"),
    "statuschange": ("assignment", "status", "on"),
    "progressreport": ("assignment", "date", "percent"),
    "inspection": ("assignment", "date", "result"),
    "recommendation": ("topic", "period", "organisation"),
    "answer": ("recommendation", "unit", "on"),
    "difficulty": ("area", "period", "text"),
    "target": ("indicator", "area", "year", "measure", "value"),
    "scenario": ("target", "period", "value"),
    "document": ("title", "kind", "period", "area"),
    "proposal": ("document", "kind", "indicator", "area_code", "period", "measure", "value"),
    "profile": ("user", "role", "organisation"),
    "user": ("username",),
    "apitoken": ("user", "name"),
    "approval": ("area", "period"),
    "conclusion": ("area", "period", "language"),
    "organisation": ("name", "area"),
}
AS_WRITTEN = frozenset({"title", "text", "topic", "name", "username", "number"})


def describe(record, lang: str | None = None, eastern: bool = False) -> list[dict]:
    """The record a change was made to, as parts ``{"text", "as_written"}`` in the reader's
    words («توجيه: 3 · … · الأشهر التسعة الأولى من عام 2025 · باك نينه»). A record deleted since,
    or of a kind this table does not know, is named by what was stored when it changed (marked
    as written), followed by what the change record kept of its naming fields."""
    lang = _lang(lang)
    model = record.content_type.model_class() if record.content_type_id else None
    names = IDENTITY.get(model._meta.model_name) if model is not None else None
    stored = [{"text": record.object_repr, "as_written": True}]
    if names is None:
        return stored
    live = model._base_manager.filter(pk=record.object_id).first()
    kept = {**(record.before or {}), **(record.after or {})}
    parts = _named(model, names, live, kept, lang, eastern)
    return parts if live is not None else stored + parts


def object_words(obj, lang: str | None = None, eastern: bool = False) -> str | None:
    """A record as the change log names it («مشاهدة: الناتج المحلي … · الربع الأول من عام 2023»
    without the kind), for the admin's headings; None for a kind the table does not know."""
    names = IDENTITY.get(obj._meta.model_name)
    if names is None:
        return None
    return " · ".join(p["text"] for p in _named(type(obj), names, obj, {}, _lang(lang), eastern)) or None


def _named(model, names, live, kept: dict, lang: str, eastern: bool) -> list[dict]:
    parts = []
    for name in names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if live is not None:
            value = getattr(live, field.attname)
        elif name in kept:
            value = kept[name]
        else:
            continue
        if value is None or value == "":
            continue
        if name == "text" and live is not None and hasattr(live, "display_text"):
            value = live.display_text(lang)
        if name in AS_WRITTEN:
            text = str(value)
            parts.append({"text": text if len(text) <= 100 else text[:99] + "…", "as_written": True})
        elif name == "indicator" and not field.is_relation:  # a proposal's indicator code
            parts.append({"text": indicator_name(value, lang), "as_written": False})
        else:
            parts.append({"text": value_text(model, name, value, lang, eastern), "as_written": False})
    return parts


def indicator_name(code: str, lang: str) -> str:
    """The name of the indicator with ``code`` in ``lang`` (the code, isolated, if none has it)."""
    from marsad.indicators.models import Indicator

    indicator = Indicator.objects.filter(code=code).first()
    return indicator.name(lang) if indicator is not None else isolate(code, ltr=True)


def change_lines(record, lang: str | None = None, eastern: bool = False) -> list[dict]:
    """(label, old, new) of each field a change record changed, in the reader's language."""
    model = record.content_type.model_class() if record.content_type_id else None
    out = []
    for name, (old, new) in record.changed_fields().items():
        before, after = (
            value_text(model, name, old, lang, eastern),
            value_text(model, name, new, lang, eastern),
        )
        if before == after:  # "" and None, both "—": no change a reader could see
            continue
        out.append(
            {"label": label_of(model, name) if model is not None else name, "old": before, "new": after}
        )
    return out


# The sources writers name (marsad.observations.writing.Provenance.describe, and the ``source=``
# of each save in the apps): a pattern, and the words it is shown with.
_SOURCES = [
    (re.compile(r"import (?P<file>.+) row (?P<row>\d+)"), gettext_lazy("import of %(file)s, row %(row)s")),
    (re.compile(r"import (?P<file>.+)"), gettext_lazy("import of %(file)s")),
    (
        re.compile(r"document (?P<doc>\d+) \[(?P<start>\d*):(?P<end>\d*)\]"),
        gettext_lazy("read from document %(doc)s (characters %(start)s–%(end)s)"),
    ),
    (re.compile(r"document (?P<doc>\d+)"), gettext_lazy("read from document %(doc)s")),
    (re.compile(r"progress report (?P<report>\d+)(?: of .*)?"), gettext_lazy("progress report %(report)s")),
    (
        re.compile(r"answer to recommendation (?P<rec>\d+)"),
        gettext_lazy("answer to recommendation %(rec)s"),
    ),
    (
        re.compile(r"scenario of target (?P<target>\d+) removed"),
        gettext_lazy("scenario of target %(target)s removed"),
    ),
    (re.compile(r"scenario of target (?P<target>\d+)"), gettext_lazy("scenario of target %(target)s")),
    (
        re.compile(r"delegated to the communes of (?P<code>\S+)"),
        gettext_lazy("delegated to the communes of %(code)s"),
    ),
    (re.compile(r"cli \((?P<who>.*)\)"), gettext_lazy("command line (%(who)s)")),
    (re.compile(r"migration: (?P<what>.*)"), gettext_lazy("database upgrade: %(what)s")),
]
_FIXED_SOURCES = {
    "grid": gettext_lazy("entry grid"),
    "api": gettext_lazy("API"),
    "API": gettext_lazy("API"),
    "admin": gettext_lazy("administration"),
    "review": gettext_lazy("review of a read document"),
    "entry": gettext_lazy("data entry"),
    "document": gettext_lazy("read from a document"),
    "directive": gettext_lazy("directive"),
    "delegation": gettext_lazy("delegation"),
    "lead assignment": gettext_lazy("lead unit's assignment"),
    "cooperating assignment": gettext_lazy("cooperating unit's assignment"),
    "delegated assignment": gettext_lazy("commune's assignment"),
    "progress report": gettext_lazy("progress report"),
    "inspection": gettext_lazy("inspection"),
    "recommendation sent": gettext_lazy("recommendation sent"),
    "lead unit named": gettext_lazy("lead unit named"),
    "close": gettext_lazy("closed"),
    "approval": gettext_lazy("approval"),
    "unlock": gettext_lazy("unlocked"),
    "target retired": gettext_lazy("target retired"),
    "targets page": gettext_lazy("targets page"),
    "target stated in the directive": gettext_lazy("target stated in the directive"),
}


def source_words(source: str, lang: str | None = None, eastern: bool = False) -> str:
    """A change record's source in the reader's words; names and numbers isolated."""
    source = (source or "").strip()
    if not source:
        return "—"
    if source in _FIXED_SOURCES:
        return str(_FIXED_SOURCES[source])
    for pattern, words in _SOURCES:
        m = pattern.fullmatch(source)
        if m:
            values = {
                k: number_text(v, _lang(lang), eastern, 0)
                if v.isdigit()
                else isolate(v, ltr=k in ("file", "code"))
                for k, v in m.groupdict().items()
            }
            return str(words) % values
    return isolate(source)
