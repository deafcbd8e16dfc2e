"""Field names as words: what the admin, the forms and the change log call a model's fields.

Most of Marsad's fields carry no ``verbose_name`` of their own, so Django would show the code
name ("span_end", "qualifier") in every language. :func:`name_fields` gives each such field its
words from this table when the apps are ready; the table's msgids are translated in the one
gettext catalogue like every other string. Only ``field.verbose_name`` is set, never the
argument Django's migrations compare (``_verbose_name``), so no migration follows from it.
A field ``text_ar`` / ``text_vi`` / ``text_en`` is "text (Arabic)", and so on.
"""

from __future__ import annotations

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

FIELD_NAMES = {
    "action": _("action"),
    "after": _("after"),
    "approved_at": _("approved at"),
    "approved_by": _("approved by"),
    "area": _("area"),
    "area_aggregation": _("summing over areas"),
    "area_code": _("area code"),
    "article": _("article"),
    "assigned_on": _("assigned on"),
    "assignment": _("assignment"),
    "at": _("time"),
    "before": _("before"),
    "by": _("by"),
    "capture_areas": _("areas entered for"),
    "cause": _("cause"),
    "closed_on": _("closed on"),
    "code": _("code"),
    "completed_on": _("completed on"),
    "content_type": _("kind of record"),
    "created": _("created"),
    "created_at": _("created at"),
    "created_by": _("created by"),
    "date": _("date"),
    "deadline": _("deadline"),
    "decided_at": _("decided at"),
    "decided_by": _("decided by"),
    "decimals": _("decimals"),
    "decision": _("decision"),
    "delegated": _("delegated"),
    "directive": _("directive"),
    "document": _("document"),
    "eastern_digits": _("Eastern Arabic digits"),
    "entered_by": _("entered by"),
    "evidence": _("evidence"),
    "expected_result": _("expected result"),
    "file_name": _("file name"),
    "finding": _("finding"),
    "headline": _("headline"),
    "import_file": _("import file"),
    "import_row": _("import row"),
    "indicator": _("indicator"),
    "inspected_by": _("inspected by"),
    "inspector": _("inspector"),
    "issued_on": _("issued on"),
    "issuer": _("issuer"),
    "key_digest": _("key digest"),
    "kind": _("kind"),
    "language": _("language"),
    "last_used": _("last used"),
    "lead_unit": _("lead unit"),
    "level": _("administrative level"),
    "measure": _("measure"),
    "name": _("name"),
    "note": _("note"),
    "number": _("number"),
    "object_id": _("record number"),
    "object_repr": _("record"),
    "observation": _("observation"),
    "on": _("on"),
    "organisation": _("unit"),
    "parent": _("part of"),
    "percent": _("percent done"),
    "percent_done": _("percent done"),
    "period": _("period"),
    "prefix": _("prefix"),
    "previous": _("previous status"),
    "proposal": _("extracted item"),
    "qualifier": _("qualifier"),
    "reason": _("reason"),
    "recommendation": _("recommendation"),
    "reported_by": _("reported by"),
    "reporter_unit": _("reporting unit"),
    "result": _("result"),
    "retired_by": _("retired by"),
    "retired_on": _("retired on"),
    "retired_reason": _("reason for retiring"),
    "revision": _("revision"),
    "role": _("role"),
    "sha256": _("SHA-256 fingerprint"),
    "signer_name": _("signer's name"),
    "source": _("source"),
    "source_url": _("source address"),
    "span_end": _("end of the passage"),
    "span_start": _("start of the passage"),
    "status": _("status"),
    "successor": _("succeeded by"),
    "supervisor": _("supervising assignment"),
    "symbol": _("symbol"),
    "target": _("target"),
    "task": _("task"),
    "text": _("text"),
    "time_aggregation": _("summing over time"),
    "title": _("title"),
    "topic": _("topic"),
    "translations": _("translations"),
    "unit": _("unit of measure"),
    "unlocked_at": _("unlocked at"),
    "unlocked_by": _("unlocked by"),
    "updated": _("updated"),
    "updated_at": _("updated at"),
    "updated_by": _("updated by"),
    "user": _("user"),
    "valid_from": _("valid from"),
    "valid_to": _("valid to"),
    "value": _("value"),
    "view_areas": _("areas viewed"),
    "year": _("year"),
}
LANGUAGE_NAMES = {"ar": _("Arabic"), "vi": _("Vietnamese"), "en": _("English")}
# Fields named "unit" that hold an organisation rather than a unit of measure.
_UNIT_IS_ORGANISATION = _("unit")


def field_words(name: str):
    """The words for field ``name`` (lazy), or None when the table has none."""
    if name in FIELD_NAMES:
        return FIELD_NAMES[name]
    base, _sep, lang = name.rpartition("_")
    if lang in LANGUAGE_NAMES and base:
        words = field_words(base)
        if words is not None:
            return format_lazy("{} ({})", words, LANGUAGE_NAMES[lang])
    return None


def _capitalised(words) -> str:
    text = str(words)
    return text[:1].upper() + text[1:]


def name_fields(models) -> None:
    """Give every field of ``models`` that has no verbose_name of its own its words."""
    from django.db.models import ForeignKey

    for model in models:
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False) or getattr(field, "_verbose_name", True) is not None:
                continue
            if field.name == "unit" and isinstance(field, ForeignKey):
                field.verbose_name = _UNIT_IS_ORGANISATION
                continue
            words = field_words(field.name)
            if words is not None:
                field.verbose_name = words


def label_of(model, name: str) -> str:
    """What ``model`` calls its field ``name`` (words in the current language)."""
    from django.core.exceptions import FieldDoesNotExist

    try:
        return _capitalised(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a key the change record kept but the model no longer has
        words = field_words(name)
        return _capitalised(words) if words is not None else name
