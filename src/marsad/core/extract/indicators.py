"""The indicator dimension: where the text names an indicator of the catalogue.

The names and synonyms per language are catalogue data (:func:`marsad.core.catalogue.load_terms`,
``data/indicator_terms/<lang>.json``), and so are the phrases naming things the catalogue has
no code for (gross output, a revenue sub-item): a mention of those carries ``code`` None and
takes the figures after it away from the indicator named before. Words that point back at the
sector named before ("khu vực này", "this sector") are the language's rules of kind
``indicator_ref``; they carry the code :data:`PREVIOUS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.catalogue import Indicator, load_catalogue, load_terms

from .grammar import Grammar, PhraseSet
from .text import Spans

__all__ = ["IndicatorMention", "find_indicators", "PREVIOUS", "catalogue"]

PREVIOUS = "@previous"


@dataclass(frozen=True, slots=True)
class IndicatorMention:
    start: int
    end: int
    code: str | None  # None: a named thing the catalogue lacks
    rule: str
    weak: bool = False  # a generic name ("economic growth")
    continues: frozenset[str] = frozenset()  # codes it goes on naming when named before it


@lru_cache(maxsize=4)
def _phrase_set(lang: str, lexicon) -> PhraseSet:
    """The catalogue's names of ``lang``, with the other spellings its lexicon derives from
    each (``phrase_variants``: an Arabic construct linked by a preposition)."""
    terms = load_terms(lang)
    variants = getattr(lexicon, "phrase_variants", lambda p: ())
    entries = [(p, (code, p in terms.weak, terms.continues.get(p, frozenset()))) for p, code in terms.terms]
    # After every name as written, so that a name as written wins a spelling derived from another.
    entries += [(v, payload) for p, payload in entries[:] for v in variants(p)]
    return PhraseSet(lang, entries)


def _longer_inside(text: str, phrases: PhraseSet, found, end: int | None):
    """The matches, and a longer one starting at a word inside a match ("عدد الزوار الدوليين":
    "the number of visitors" inside "the number of international visitors", a phrase the
    catalogue has no code for) that one pass of the pattern cannot see."""
    limit = len(text) if end is None else end
    for s, e, payloads in found:
        yield s, e, payloads
        for w in _WORD_START.finditer(text, s + 1, e):
            longer = phrases.match(text, w.start(), limit)
            if longer is not None and longer[1] > e:
                yield longer
                break


_WORD_START = re.compile(r"(?<=\s)\S")


def catalogue() -> dict[str, Indicator]:
    return load_catalogue()


def find_indicators(text: str, g: Grammar, start: int = 0, end: int | None = None) -> list[IndicatorMention]:
    """Indicator mentions in ``text[start:end]``, left to right, longest first where two overlap."""
    out: list[IndicatorMention] = []
    phrases = _phrase_set(g.lang, g.lexicon)
    for s, e, payloads in _longer_inside(text, phrases, phrases.finditer(text, start, end), end):
        if out and s < out[-1].end:
            code = payloads[0][0]
            # "kim ngạch xuất khẩu | gạo": a thing the catalogue lacks, named over the end of an
            # indicator's name, is what the figure is about (one product's exports).
            specific = code is None and out[-1].code is not None and e > out[-1].end
            if not specific and (
                e - s < out[-1].end - out[-1].start
                or (e - s == out[-1].end - out[-1].start and e <= out[-1].end)
            ):
                continue  # inside a longer name already found
            out.pop()
        code, weak, continues = payloads[0]
        out.append(IndicatorMention(s, e, code, f"indicator:{code or 'none'}", weak, continues))
    refs = g.find(text, "indicator_ref", pos=start, endpos=end)
    if refs:
        taken = Spans((m.start, m.end) for m in out)
        for r in refs:
            if not taken.overlaps(r.start, r.end):
                out.append(IndicatorMention(r.start, r.end, PREVIOUS, r.name))
        out.sort(key=lambda m: m.start)
    return out
