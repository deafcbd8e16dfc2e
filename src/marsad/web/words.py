"""Words of the fixed vocabularies (statuses, measures, qualifiers) and the catalogue's units, in
the page's language: the ``label`` template filter and the change log show codes through here."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from marsad.core import measures

# The vocabularies' words (msgids in marsad.core.measures), translated when shown.
WORDS = {code: (_(msgid) if msgid != "%" else msgid) for code, msgid in measures.WORDS.items()}


def word(code) -> str:
    """``code`` in the page's language; a code the vocabularies do not know comes back as is."""
    if code is None:
        return ""
    shown = WORDS.get(str(code))
    return str(code) if shown is None else str(shown)
