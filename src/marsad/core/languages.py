"""The three languages of Marsad, and the catalogues every part of it translates with.

Pure core: no Django. The Django shell reads the same gettext catalogues through its own
machinery (settings.LOCALE_PATHS); the command line, the reports and the narration read them
here, so a word is translated once, in src/marsad/locale/{ar,vi}/LC_MESSAGES/django.po.
"""

from __future__ import annotations

import gettext as _gettext
from functools import cache
from pathlib import Path

__all__ = [
    "LANGS",
    "SOURCE",
    "DEFAULT",
    "NAMES",
    "RTL",
    "LOCALE_DIR",
    "check",
    "translator",
    "gettext_noop",
    "isolate",
    "FSI",
    "LRI",
    "PDI",
]

LANGS = ("ar", "vi", "en")  # the order menus and reports list them in
SOURCE = "en"  # the language of the msgids in the code
DEFAULT = "ar"  # Arabic first: the language of a reader who has not chosen
NAMES = {"ar": "العربية", "vi": "Tiếng Việt", "en": "English"}  # each in its own language
RTL = frozenset({"ar"})

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "django"  # one domain, shared with the Django shell


def check(lang: str) -> str:
    """``lang`` if Marsad speaks it, else a ValueError that says which languages it speaks."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    return lang


@cache
def translator(lang: str) -> _gettext.NullTranslations:
    """The catalogue of ``lang``: ``translator("ar").gettext("Area")`` gives «المنطقة».

    English is the source language, so its translator hands the msgid back unchanged.
    """
    check(lang)
    if lang == SOURCE:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def gettext_noop(message: str) -> str:
    """Mark ``message`` for `make messages` where it is defined; translate it where it is shown."""
    return message


# Unicode bidi isolates, for plain text (CLI, e-mail, DOCX, PDF text). The web pages use the
# `bdi` template filter (marsad.web.templatetags.marsad), which writes <bdi> elements instead.
FSI = "\u2068"  # first strong isolate: the direction of the token's first letter
LRI = "\u2066"  # left-to-right isolate: codes, periods, numbers with units
PDI = "\u2069"  # pop directional isolate


def isolate(text: object, ltr: bool = False) -> str:
    """``text`` wrapped so that right-to-left text around it cannot reorder it (``9M-2025``).

    ``ltr=True`` for tokens that are always written left to right (codes, file names, numbers
    with units); otherwise the token takes the direction of its first letter (names).
    """
    text = "" if text is None else str(text)
    if not text:
        return text
    return f"{LRI if ltr else FSI}{text}{PDI}"
