"""Fill the web pages' translations into the shared .po files and compile every .mo with Babel.

python -m marsad.web.i18n.compile           # fill (only empty entries) and compile
python -m marsad.web.i18n.compile --check   # exit 1 if a web string lacks a translation
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .strings import WEB, WEB_PLURALS

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
LANGS = {"ar": 0, "vi": 1}


def _guessed(message) -> bool:
    """msgmerge filled this entry from a similar msgid (fuzzy, or a kept "previous msgid" note)."""
    notes = [c for c in message.user_comments if c.lstrip().startswith("| msgid")]
    return bool(message.fuzzy or message.previous_id or notes)


def _settle(message, string) -> None:
    message.string = string
    message.flags.discard("fuzzy")
    message.previous_id = []
    message.user_comments = [c for c in message.user_comments if not c.lstrip().startswith("| msgid")]


def fill(lang: str) -> list[str]:
    """Add the missing web translations to ``lang``'s .po; return msgids still untranslated."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"
    with open(po, "rb") as f:
        catalog = read_po(f, locale=lang)
    catalog.fuzzy = False
    catalog.project, catalog.version = "Marsad", "1"
    index = LANGS[lang]
    for msgid, forms in WEB.items():
        message = catalog.get(msgid)
        if message is None:
            catalog.add(msgid, forms[index])
        elif not message.string or _guessed(message):  # msgmerge's guesses are replaced
            _settle(message, forms[index])
    for ids, forms in WEB_PLURALS.items():
        message = catalog.get(ids[0])
        strings = tuple(forms[index])[: catalog.num_plurals]
        strings = strings + (strings[-1],) * (catalog.num_plurals - len(strings))
        if message is None:
            catalog.add(ids, strings)
        elif not any(message.string) or _guessed(message):
            _settle(message, strings)
    with open(po, "wb") as f:
        write_po(f, catalog, width=100, omit_header=False)
    missing = [
        m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]
    with open(po.with_suffix(".mo"), "wb") as f:
        write_mo(f, catalog)
    return [str(m) for m in missing]


def main(argv: list[str]) -> int:
    status = 0
    for lang in LANGS:
        missing = fill(lang)
        if missing:
            print(f"{lang}: {len(missing)} untranslated: {missing[:10]}")
            status = 1 if "--check" in argv else status
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
