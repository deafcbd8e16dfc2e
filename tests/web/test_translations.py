"""Every string the web templates show exists in Arabic and Vietnamese, and the .mo files say so."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
import regex

from marsad.web.i18n.strings import WEB

SRC = Path(__file__).resolve().parents[2] / "src" / "marsad"
MINE = [SRC / "web" / "templates", SRC / "accounts" / "templates", SRC / "observations" / "templates"]
MINE += [SRC / "documents" / "templates"]


def _template_strings() -> set[str]:
    found = set()
    for folder in MINE:
        for path in folder.rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            found |= set(regex.findall(r'{%\s*trans\s+"([^"]+)"', text))
            found |= set(regex.findall(r"{%\s*trans\s+'([^']+)'", text))
    return {s.replace("%", "%%") if "%" in s and "%(" not in s and "%%" not in s else s for s in found}


def test_every_template_string_has_a_translation():
    missing = sorted(_template_strings() - set(WEB))
    assert not missing, missing


@pytest.mark.parametrize("lang", ["ar", "vi"])
def test_compiled_catalogues_translate_the_web_strings(lang):
    mo = SRC / "locale" / lang / "LC_MESSAGES" / "django.mo"
    catalogue = gettext.GNUTranslations(mo.open("rb"))
    index = {"ar": 0, "vi": 1}[lang]
    wrong = {m: catalogue.gettext(m) for m, forms in WEB.items() if catalogue.gettext(m) != forms[index]}
    assert not wrong, list(wrong)[:10]
