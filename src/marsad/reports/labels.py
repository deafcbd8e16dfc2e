"""The report pages' own words (the report's words are narration's), from the one gettext
catalogue: ``label(key, lang)`` is the msgid of ``key`` translated into ``lang``."""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop, override

LABELS: dict[str, str] = {
    "reports": gettext_noop("Reports"),
    "intro": gettext_noop(
        "The review meeting's report of an area and a period, written from the observatory's data in three languages."
    ),
    "area": gettext_noop("Area"),
    "period": gettext_noop("Period"),
    "language": gettext_noop("Report language"),
    "show": gettext_noop("Show the report"),
    "download": gettext_noop("Download"),
    "pick_area": gettext_noop("Choose an area."),
    "as_of": gettext_noop("As of"),
    "number": gettext_noop("Document number"),
    "apply": gettext_noop("Apply"),
    "bad_date": gettext_noop("That is not a date: {value} (use YYYY-MM-DD)"),
    "settings": gettext_noop("Report settings"),
    "settings_intro": gettext_noop(
        "What Decree 30/2020 puts around the report's text: issuing body, symbol, place, signer and recipients, in the three languages. A field left empty is written from the area's name."
    ),
    "save": gettext_noop("Save"),
    "saved": gettext_noop("Settings saved."),
    "translate": gettext_noop("Translate"),
    "translations": gettext_noop("Translations"),
    "translations_intro": gettext_noop(
        "The original stays as written; a report uses the translation in its language, else prints the original marked as such."
    ),
    "original": gettext_noop("Original text"),
    "untranslated": gettext_noop("Items with no translation into this language"),
}


def label(key: str, lang: str) -> str:
    with override(lang):
        return gettext(LABELS[key])
