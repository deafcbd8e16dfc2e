"""The report reader: narrative text in Arabic, Vietnamese or English -> facts with their spans.

    from marsad.core.extract import extract
    result = extract(text, lang=None, area=None, year=None)
    result.to_json()   # the contract of DESIGN.md ("document", "facts", "targets", ...)

``lang`` is detected when not given; ``area`` and ``year`` fill in what the text does not say
(the text wins when it names them). Offsets are ``str`` indices into ``text``. The reader never
raises on any text: an empty or unreadable input gives an empty result with a ``message``.

Vocabularies: measures ``level yoy_pct plan_pct share_pct contribution_pp``; qualifiers ``exact
more_than less_than about at_least estimate``; units as :data:`marsad.core.numbers.UNITS`
(``"%"``, ``"pp"``, ``"<scale> VND|USD"``, ``"[<scale> ]visitors|enterprises"``). Conversions
made on purpose: "vượt 28,6% dự toán" is plan_pct 128.6; "bằng 105,4% so với cùng kỳ" and
"equivalent to 306% of last year's figure" are yoy_pct 5.4 and 206; "2.7-fold" is yoy_pct 170;
a decrease is a negative yoy_pct. Areas are the province as it was in the figure's period
(pre-merger ``VN-OLD-xx`` codes before 1 July 2025, from the gazetteer).

Layout (after Duckling): the shared dimensions live here once — :mod:`.quantity` (numbers,
ranges, units, scale words), :mod:`.timeframes` (periods), :mod:`.areas` (places, through the
gazetteer), :mod:`.indicators` (names from the catalogue), :mod:`.measures` (what a figure
measures), :mod:`.attach` (a figure's indicator, period and area), :mod:`.tables`,
:mod:`.sections` (directives, difficulties, recommendations), :mod:`.tasks` (what a directive says
of its lead unit, deadline, delegation) — and each language folder holds its lexicon, its named
rules (``rules.py``; a review meeting's task phrasings in ``tasks.py``) (:class:`.grammar.Rule`: name, kind, pattern, production) and its
corpus of example sentences (``<lang>/corpus.json``), each tagged with the rules it exercises
and run as a test. :mod:`.engine` runs the pipeline.
"""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache

from marsad.core.languages import LANGS

from .model import AreaRef, Evidence, Extraction, Fact, Item
from .text import detect_language

__all__ = ["extract", "Extraction", "Fact", "Item", "Evidence", "AreaRef", "detect_language", "LANGUAGES"]

LANGUAGES = LANGS
MAX_CHARS = 20_000_000  # beyond this the text is not a report; refuse rather than stall

log = logging.getLogger(__name__)


@lru_cache(maxsize=len(LANGUAGES))
def grammar_for(lang: str):
    """The compiled rules of ``lang`` (one of :data:`LANGUAGES`)."""
    from .grammar import Grammar

    rules = importlib.import_module(f"marsad.core.extract.{lang}.rules")
    tasks = importlib.import_module(f"marsad.core.extract.{lang}.tasks")
    lexicon = importlib.import_module(f"marsad.core.extract.{lang}.lexicon")
    return Grammar(lang, list(rules.RULES) + list(tasks.RULES), lexicon)


def extract(
    text: str,
    lang: str | None = None,
    area: str | None = None,
    year: int | None = None,
    *,
    url: str | None = None,
    strict: bool = False,
) -> Extraction:
    """Read ``text``. ``url`` is the article's address when it is not the text's first line
    (an archive record's): its path's place and period count as if it were. ``strict=True`` lets
    internal errors through (tests); otherwise they become an empty result with a message."""
    if not isinstance(text, str):
        return Extraction(language=None, message="the input is not text")
    if lang is not None:
        lang = lang.strip().lower()[:2] or None
    if lang is not None and lang not in LANGUAGES:
        return Extraction(language=lang, message=f"language {lang!r} is not one of ar, vi, en")
    if not text.strip():
        return Extraction(language=lang, message="the text is empty")
    if len(text) > MAX_CHARS:
        return Extraction(language=lang, message=f"the text is longer than {MAX_CHARS} characters")
    detected = lang or detect_language(text)
    if detected is None:
        return Extraction(language=None, message="the text has no words to read")
    try:
        from .engine import read

        return read(text, grammar_for(detected), area, year, url=url)
    except Exception as exc:  # noqa: BLE001 - the reader must never crash on a document
        if strict:
            raise
        log.exception("extract failed")
        return Extraction(language=detected, message=f"the text could not be read: {exc}")
