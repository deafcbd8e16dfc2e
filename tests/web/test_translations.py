"""The gettext catalogues are the one home of the user-visible strings, and they are complete.

The strings are collected from the code and the templates with Django's own `makemessages`
(into a scratch copy, so the working tree is left alone); every one of them must have an Arabic
and a Vietnamese translation in src/marsad/locale, and the committed .mo files must be what
`compilemessages` makes of the .po files. See src/marsad/locale/README.md.
"""

from __future__ import annotations

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

SRC = Path(__file__).resolve().parents[2] / "src" / "marsad"
LOCALE = SRC / "locale"
TRANSLATED = ("ar", "vi")


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: install Debian's gettext package (make system-packages)")
    return path


def _po(lang: str):
    with open(LOCALE / lang / "LC_MESSAGES" / "django.po", "rb") as f:
        return read_po(f, locale=lang)


def _key(message) -> tuple[str | None, str]:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, msgid


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str | None, str], object]:
    """Every message the code and the templates mark for translation, as makemessages finds it."""
    _need("xgettext")
    scratch = tmp_path_factory.mktemp("messages") / "marsad"
    shutil.copytree(SRC, scratch, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (scratch / "locale").mkdir()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "ar", "--no-location"],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    with open(scratch / "locale" / "ar" / "LC_MESSAGES" / "django.po", "rb") as f:
        catalog = read_po(f, locale="ar")
    found = {_key(m): m for m in catalog if m.id}
    assert len(found) > 300, "makemessages found too few strings: is the scratch copy right?"
    return found


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_string_in_the_code_is_translated(extracted, lang):
    catalog = _po(lang)
    missing = []
    for (context, msgid), message in extracted.items():
        entry = catalog.get(message.id if isinstance(message.id, str) else message.id[0], context=context)
        strings = () if entry is None else entry.string
        strings = strings if isinstance(strings, tuple) else (strings,)
        if entry is None or entry.fuzzy or not all(strings):
            missing.append(msgid)
    assert not missing, f"{len(missing)} strings lack a {lang} translation (make messages): {missing[:15]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalogue_keeps_no_string_the_code_no_longer_uses(extracted, lang):
    stale = [_key(m)[1] for m in _po(lang) if m.id and _key(m) not in extracted]
    assert not stale, f"{lang}: entries no code uses (run make messages): {stale[:15]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_match_and_the_file_is_valid(lang):
    """msgfmt --check: %(name)s placeholders and plural forms agree between msgid and msgstr."""
    done = subprocess.run(
        [_need("msgfmt"), "--check", "-o", os.devnull, str(LOCALE / lang / "LC_MESSAGES" / "django.po")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_compiled_catalogue_is_the_po_file(lang):
    """The committed .mo says what the .po says (make compile-messages after every edit)."""
    with open(LOCALE / lang / "LC_MESSAGES" / "django.mo", "rb") as f:
        compiled = gettext.GNUTranslations(f)
    stale = []
    for message in _po(lang):
        if not message.id or message.fuzzy:
            continue
        prefix = f"{message.context}\x04" if message.context else ""
        if isinstance(message.id, str):
            got = compiled._catalog.get(prefix + message.id)
            if got != message.string:
                stale.append(message.id)
        else:
            for n, string in enumerate(message.string):
                if compiled._catalog.get((prefix + message.id[0], n)) != string:
                    stale.append(message.id[0])
                    break
    assert not stale, f"{lang}.mo is older than its .po (make compile-messages): {stale[:10]}"


def test_no_app_keeps_a_catalogue_of_its_own():
    others = [p for p in SRC.rglob("*.po") if LOCALE not in p.parents]
    assert not others, f"strings live in src/marsad/locale only: {others}"


def test_no_marked_string_hides_inside_an_f_string():
    """xgettext does not read inside f-strings: a ``_("...")`` there is never collected, so it
    stays English on Arabic and Vietnamese screens while every other test passes."""
    import re

    marked = re.compile(r"""f["'][^"']*\{\s*(?:_|gettext|ngettext|pgettext|gettext_lazy)\(\s*["']""")
    found = [
        f"{path.relative_to(SRC)}:{n}"
        for path in SRC.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if marked.search(line)
    ]
    assert not found, f"mark these strings outside the f-string: {found}"
