"""The area gazetteer: Vietnam, its provinces and communes, before and after the 2025 merger.

Units come from the installed ``vietnamadminunits`` package (MIT), read at load time:

* ``admin_units``: the 3,321 communes, wards and special zones of the 34 provinces in force
  since 1 July 2025 (the two-level local government model);
* ``admin_units_legacy``: the 63 provinces before that date;
* ``converter_2025.json``'s ``DICT_PROVINCE``: which old provinces merged into which new one.

English and Arabic names of the nation and provinces, and the spellings the press uses, live in
our own ``data/area_names.json``. Communes get their English name by folding the Vietnamese one
to ASCII (we do not use ``unidecode``: it is GPL) and the unit type ("Bac Giang Ward"), their
Arabic name by rule (``core/transliteration.py``, stored in ``data/commune_names_ar.json``:
«حي باك جيانج»); a name in area_names.json overrides either.

Codes: ``VN``; ``VN-24`` (a current province, official two-digit code); ``VN-24-07210`` (a
commune: province code + official five-digit ward code); ``VN-OLD-27`` (a province closed on
2025-07-01, with its pre-2025 code; ``successor_code`` is the province it merged into).

The 63 old provinces have ``valid_from=None``: they stand for "before the 2025 merger", and
figures from any earlier year (the 63-province map dates from 2008, most of it from 2004 or
before) belong to them. Current provinces and communes are valid from 2025-07-01.

Name matching folds case, Vietnamese diacritics and đ, spaces and hyphens, and the Arabic
spellings that vary in transliteration: letters (أ/إ/آ -> ا, ة -> ه, ى -> ي, غ/ق/ز -> ج for
"ng"/"gi", ث -> ت for "th", خ -> ك for "kh", short vowels and tatweel dropped) and groups (a
doubled long vowel written once, تش -> ش for "ch", a final نه -> ن for "nh", يا -> ي for "iê");
it ignores the words for "province", "city", "ward", "commune" in the three languages, so
"Tỉnh Bắc Ninh", "bac ninh province", "مقاطعة باك نينة", "محافظة باك نين" all find ``VN-24``.
Every province also answers to its name transliterated by rule (``core/transliteration.py``).

The 696 districts of the old map (``admin_units_legacy``; the level was abolished on 2025-07-01)
are kept beside the records, not among them: figures are stored for provinces and communes, but a
story about a district named only in its page's address ("/hdnd-huyen-tuan-giao-...") is that
district's (:meth:`Gazetteer.district_in_url`), not its province's.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.core.languages import LANGS
from marsad.core.transliteration import commune_name, vi_to_ar

__all__ = [
    "MERGER_DATE",
    "LEVELS",
    "AreaRecord",
    "Gazetteer",
    "GazetteerError",
    "Mention",
    "fold",
    "load_gazetteer",
]

MERGER_DATE = date(2025, 7, 1)
LEVELS = ("nation", "province", "commune")
NATION_CODE = "VN"

_NAMES_FILE = Path(__file__).parent / "data" / "area_names.json"
# Arabic names of the communes, made by rule (core/transliteration.py, scripts/commune_names_ar.py);
# a name in area_names.json wins, so a hand-made name overrides the rule's.
_COMMUNES_AR_FILE = Path(__file__).parent / "data" / "commune_names_ar.json"
_WARD_KINDS = {"Phường": "ward", "Xã": "commune", "Đặc khu": "special_zone"}
_KIND_EN = {"ward": "Ward", "commune": "Commune", "special_zone": "Special Zone"}
_DISTRICT_KINDS = {
    "Huyện": "district",
    "Quận": "urban_district",
    "Thị xã": "town",
    "Thành phố": "provincial_city",
}


def _host_and_path_words(url: str | None) -> tuple[str, str]:
    """A page address's host name (lower case) and the rest as words: escapes, punctuation and
    underscores are spaces ("/ubnd-tinh-vinh-long_hop" -> " ubnd tinh vinh long hop")."""
    m = re.match(r"(?:[a-z][a-z0-9+.-]*://)?([^/?#\s]*)(.*)", (url or "").strip(), re.I)
    host, rest = m.group(1).lower(), m.group(2)  # the pattern matches any string
    slug = re.sub(r"%[0-9a-f]{2}", " ", rest, flags=re.I)
    return host, re.sub(r"[^\w]+|_", " ", slug)


class GazetteerError(ValueError):
    """The gazetteer's sources do not fit together (a name for an unknown code, a bad merge)."""


@dataclass(frozen=True, slots=True)
class AreaRecord:
    """One administrative unit, current or closed."""

    code: str
    level: (
        str  # nation | province | commune (| district: the legacy districts, see Gazetteer.district_in_url)
    )
    name_vi: str
    name_en: str
    name_ar: str
    parent_code: str | None
    valid_from: date | None
    valid_to: date | None  # the first day it no longer exists
    successor_code: str | None
    aliases: tuple[str, ...] = ()
    kind: str = ""  # nation | city | province | ward | commune | special_zone
    lat: float | None = None
    lon: float | None = None

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )

    def name(self, lang: str = "en") -> str:
        """The name in ``lang`` (ar, vi, en); English when there is none (communes in Arabic)."""
        value = {"ar": self.name_ar, "vi": self.name_vi, "en": self.name_en}.get(lang[:2], "")
        return value or self.name_en


@dataclass(frozen=True, slots=True)
class Mention:
    """A name of an area found inside a text: ``text[start:end]`` names ``record``."""

    start: int
    end: int
    text: str
    record: AreaRecord


# --- folding ---------------------------------------------------------------------------------

_ARABIC_MARKS = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0670", "\u0640"}  # harakat, tatweel
# One letter for the letters a transliteration writes either way: "ng"/"gi" (ج غ ق ز),
# "th" (ث ت), "kh" (خ ك); hamza seats and ta marbuta.
_ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ئ": "ي", "ؤ": "و", "غ": "ج"}
    | {"ق": "ج", "ز": "ج", "ث": "ت", "خ": "ك"}
)
_AR = "\u0621-\u064a"
# Letter groups written either way, dropped after the letters are folded: a long vowel doubled
# (تويين، دوونج), the ت of تش ("ch": تشاو/شاو), the ه of a final نه ("nh": نينه/نين), the ا of
# يا inside a word ("iê": ديان/دين, جيانج/جينج).
_ARABIC_GROUPS = re.compile(  # the lookahead first: most letters are none of these
    rf"(?=[يواته])(?:(?<=ي)ي+|(?<=و)و+|(?<=ا)ا+|ت(?=ش)|(?<=ن)ه(?![{_AR}])|(?<=[{_AR}]ي)ا(?=[{_AR}]))"
)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One character folded to zero or one character (so offsets can be mapped back)."""
    if ch in _ARABIC_MARKS:
        return ""
    ch = ch.lower().translate(_ARABIC_LETTERS)
    if ch in "đð":
        return "d"
    if ch.isascii():
        return ch
    base = unicodedata.normalize("NFD", ch)
    kept = "".join(c for c in base if not unicodedata.combining(c))
    return kept[:1] if kept else ""


class _Where:
    """Folded index -> index in the original text (folding drops marks, never adds).

    ``removed`` are the dropped indices of the text; ``then`` maps the indices of a second
    folding (the Arabic letter groups, dropped from the first one's result) back to the first.
    """

    __slots__ = ("_shifted", "_then")

    def __init__(self, removed: list[int], then: _Where | None = None) -> None:
        self._shifted = [r - k for k, r in enumerate(removed)]
        self._then = then

    def __getitem__(self, i: int) -> int:
        if self._then is not None:
            i = self._then[i]
        return i + bisect_right(self._shifted, i) if self._shifted else i


_FOLD_TABLE: dict[int, str | None] = {}


def _fast_fold(text: str) -> tuple[str, _Where]:
    """:func:`fold` with a map back to the original offsets, at the speed of ``str.translate``."""
    new = {ord(c) for c in set(text)} - _FOLD_TABLE.keys()
    for o in new:
        _FOLD_TABLE[o] = _fold_char(chr(o)) or None
    folded = text.translate(_FOLD_TABLE)
    removed: list[int] = []
    if len(folded) != len(text):
        gone = "".join(chr(o) for o, v in _FOLD_TABLE.items() if v is None)
        removed = [m.start() for m in re.finditer(f"[{re.escape(gone)}]", text)]
    groups = [m.span() for m in _ARABIC_GROUPS.finditer(folded)] if _HAS_ARABIC.search(folded) else []
    if not groups:
        return folded, _Where(removed)
    kept, last = [], 0
    for a, b in groups:
        kept.append(folded[last:a])
        last = b
    kept.append(folded[last:])
    second = _Where([i for a, b in groups for i in range(a, b)])
    return "".join(kept), _Where(removed, then=second)


_HAS_ARABIC = re.compile(f"[{_AR}]")


def fold(text: str) -> str:
    """Lower case without Vietnamese diacritics and with Arabic spelling variants unified."""
    return _fast_fold(text)[0]


def _ascii(text: str) -> str:
    """ASCII fold that keeps case: "Hồng Hà" -> "Hong Ha"."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d" if ch == "đ" else "D")
        elif ch.isascii():
            out.append(ch)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)))
    return "".join(out)


def _words(text: str) -> list[str]:
    cleaned = "".join(c if c.isalnum() else " " for c in fold(text))
    return cleaned.split()


# Words that say what kind of unit a name is, folded; stripped from either end of a name.
_UNIT_WORDS = [
    fold(w).split()
    for w in (
        "tinh",
        "thanh pho",
        "tp",
        "phuong",
        "xa",
        "dac khu",
        "province",
        "provincial",
        "city",
        "city of",
        "province of",
        "municipality",
        "ward",
        "commune",
        "special zone",
        "the",
        "مقاطعه",
        "محافظه",
        "ولايه",
        "اقليم",
        "مدينه",
        "بلديه",
        "بمقاطعه",
        "ومقاطعه",
        "لمقاطعه",
        "بمدينه",
        "ومدينه",
        "لمدينه",
        "المقاطعه",
        "المدينه",
    )
]
_UNIT_WORDS.sort(key=len, reverse=True)


def _strip_unit_words(words: list[str]) -> list[str]:
    changed = True
    while changed and words:
        changed = False
        for w in _UNIT_WORDS:
            n = len(w)
            if len(words) > n and words[:n] == w:
                words, changed = words[n:], True
                break
            if len(words) > n and words[-n:] == w:
                words, changed = words[:-n], True
                break
    return words


@lru_cache(maxsize=16384)
def _keys(name: str) -> tuple[str, str]:
    """(exact key, key without unit words) of a name: folded, spaces and punctuation removed."""
    words = _words(name)
    return "".join(words), "".join(_strip_unit_words(list(words)))


# --- the gazetteer -----------------------------------------------------------------------------

_LEVEL_RANK = {level: i for i, level in enumerate(LEVELS)}


class Gazetteer:
    """All areas, with look-ups by code and by name in any of the three languages."""

    def __init__(
        self,
        records: Iterable[AreaRecord],
        aliases_by_lang: dict[str, dict[str, tuple[str, ...]]],
        districts: Iterable[AreaRecord] = (),
    ):
        self._by_code: dict[str, AreaRecord] = {}
        for rec in records:
            if rec.code in self._by_code:
                raise GazetteerError(f"area code {rec.code} appears twice")
            self._by_code[rec.code] = rec
        self._aliases_by_lang = aliases_by_lang
        self._children: dict[str, list[str]] = defaultdict(list)
        self._predecessors: dict[str, list[str]] = defaultdict(list)
        for rec in self._by_code.values():
            if rec.parent_code:
                self._children[rec.parent_code].append(rec.code)
            if rec.successor_code:
                self._predecessors[rec.successor_code].append(rec.code)
        for rec in self._by_code.values():
            for ref in (rec.parent_code, rec.successor_code):
                if ref and ref not in self._by_code:
                    raise GazetteerError(f"area {rec.code} points at unknown area {ref}")
        self._search_cache: dict[tuple[str, ...], Any] = {}
        # The districts of the 63-province map (closed with that level on 2025-07-01): beside the
        # records, not among them (the areas one stores figures for), found by their ASCII name.
        self._districts: dict[str, list[AreaRecord]] = defaultdict(list)
        for rec in districts:
            self._districts[_ascii(rec.name_vi).lower()].append(rec)
        self._index: dict[str, list[tuple[bool, str]]] = defaultdict(list)
        for rec in self._by_code.values():
            for surface in self.surfaces(rec.code):
                exact, stripped = _keys(surface)
                for key, is_exact in ((exact, True), (stripped, False)):
                    if key and (is_exact, rec.code) not in self._index[key]:
                        self._index[key].append((is_exact, rec.code))

    # basic access
    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[AreaRecord]:
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def all(self) -> list[AreaRecord]:
        return list(self._by_code.values())

    def get(self, code: str) -> AreaRecord | None:
        return self._by_code.get(code)

    def __getitem__(self, code: str) -> AreaRecord:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"no area has the code {code!r}") from None

    @property
    def nation(self) -> AreaRecord:
        return self._by_code[NATION_CODE]

    # hierarchy
    def provinces(self, include_closed: bool = False) -> list[AreaRecord]:
        return [
            r for r in self._by_code.values() if r.level == "province" and (include_closed or r.is_current)
        ]

    def children(self, code: str, include_closed: bool = False) -> list[AreaRecord]:
        """The units directly below ``code`` (current ones unless ``include_closed``)."""
        recs = (self._by_code[c] for c in self._children.get(code, ()))
        return [r for r in recs if include_closed or r.is_current]

    def communes(self, province_code: str) -> list[AreaRecord]:
        return [r for r in self.children(province_code) if r.level == "commune"]

    def parent(self, code: str) -> AreaRecord | None:
        rec = self[code]
        return self._by_code.get(rec.parent_code) if rec.parent_code else None

    def ancestors(self, code: str) -> list[AreaRecord]:
        """Parent, grandparent, ... up to the nation (a commune: [province, VN])."""
        out, rec = [], self[code]
        while rec.parent_code:
            rec = self._by_code[rec.parent_code]
            out.append(rec)
        return out

    def successor(self, code: str) -> AreaRecord:
        """Today's unit for ``code``: itself when current, else the end of its successor chain."""
        rec, seen = self[code], set()
        while rec.successor_code and rec.code not in seen:
            seen.add(rec.code)
            rec = self._by_code[rec.successor_code]
        return rec

    def predecessors(self, code: str) -> list[AreaRecord]:
        """The closed units that merged into ``code`` (Bắc Ninh: old Bắc Giang and old Bắc Ninh)."""
        return [self._by_code[c] for c in self._predecessors.get(code, ())]

    def tree_parent_map(self) -> dict[str, str]:
        """child -> parent for current units, and closed province -> its successor.

        Rolling figures up this map puts a closed province's numbers into the province that
        replaced it, and every current unit's numbers into its parent.
        """
        out = {}
        for rec in self._by_code.values():
            if rec.successor_code:
                out[rec.code] = rec.successor_code
            elif rec.is_current and rec.parent_code:
                out[rec.code] = rec.parent_code
        return out

    def valid_on(self, day: date, level: str | None = None) -> list[AreaRecord]:
        return [r for r in self._by_code.values() if r.valid_on(day) and (level is None or r.level == level)]

    # names
    def surfaces(self, code: str, lang: str | None = None) -> tuple[str, ...]:
        """Every way of writing the area's name (its names and aliases), in one or all languages."""
        rec = self[code]
        by_lang = self._aliases_by_lang.get(code, {})
        langs = (lang,) if lang else LANGS
        out: list[str] = []
        for lg in langs:
            name = {"ar": rec.name_ar, "vi": rec.name_vi, "en": rec.name_en}[lg]
            for s in (name, *by_lang.get(lg, ())):
                if s and s not in out:
                    out.append(s)
        return tuple(out)

    def _rank(
        self,
        hits: Iterable[tuple[bool, str]],
        level: str | None,
        include_closed: bool,
        on: date | None,
        within: str | None,
    ) -> AreaRecord | None:
        best, best_score = None, None
        for exact, code in hits:
            rec = self._by_code[code]
            if level and rec.level != level:
                continue
            if on is not None and not rec.valid_on(on):
                continue
            if on is None and not include_closed and not rec.is_current:
                continue
            if within and within != rec.code and within not in (a.code for a in self.ancestors(code)):
                continue
            score = (not exact, _LEVEL_RANK[rec.level], not rec.is_current, rec.code)
            if best_score is None or score < best_score:
                best, best_score = rec, score
        return best

    def find(
        self,
        name: str,
        level: str | None = None,
        *,
        include_closed: bool = True,
        on: date | None = None,
        within: str | None = None,
    ) -> AreaRecord | None:
        """The area called ``name`` (or having that code) in any language, or None.

        Case, diacritics and the words for province/city/ward/commune do not matter. When
        several areas share the name, an exact spelling beats one that needed unit words
        stripped, then the nation beats a province beats a commune, then a current unit beats a
        closed one. ``on`` keeps only units that existed that day ("Bắc Ninh" on 2024-05-01 is
        the old province ``VN-OLD-27``); ``within`` keeps units inside a province.
        """
        text = (name or "").strip()
        if not text:
            return None
        rec = self._by_code.get(text.upper())
        if rec is not None:
            return rec if level is None or rec.level == level else None
        return self._rank(self._hits(text), level, include_closed, on, within)

    def _hits(self, name: str) -> list[tuple[bool, str]]:
        exact, stripped = _keys(name)
        hits = list(self._index.get(exact, ()))
        if stripped != exact:
            hits += [(False, c) for _, c in self._index.get(stripped, ())]
        return hits

    def find_all(self, name: str) -> list[AreaRecord]:
        """Every area that could be meant by ``name``."""
        exact, stripped = _keys(name)
        codes = dict.fromkeys(c for k in (exact, stripped) for _, c in self._index.get(k, ()))
        return [self._by_code[c] for c in codes]

    def alias_index(
        self, lang: str | None = None, levels: Iterable[str] = ("nation", "province")
    ) -> list[tuple[str, str]]:
        """(surface form, code) pairs for finding names inside a text, longest form first.

        A surface shared by several units (old and new "Bắc Ninh") appears once per unit;
        resolve it with :meth:`find` (``on=`` the document's date) or use :meth:`search`.
        """
        wanted = set(levels)
        pairs = {
            (s, rec.code)
            for rec in self._by_code.values()
            if rec.level in wanted
            for s in self.surfaces(rec.code, lang)
        }
        return sorted(pairs, key=lambda p: (-len(p[0]), p[0], p[1]))

    def _matcher(self, levels: tuple[str, ...]) -> re.Pattern:
        """One pattern over folded text for every name of the units of ``levels`` (a trie of
        their folded words), with the Arabic proclitics that may be glued to the first word."""
        key = ("matcher", *levels)
        if key not in self._search_cache:
            phrases = {
                tuple(words) for surface, _ in self.alias_index(None, levels) if (words := _words(surface))
            }
            trie = _trie(phrases)
            self._search_cache[key] = re.compile(rf"(?<!\w)(?:{_PROCLITIC_RE})??(?P<core>{trie})(?!\w)")
        return self._search_cache[key]

    def search(
        self,
        text: str,
        levels: Iterable[str] = ("nation", "province"),
        *,
        on: date | None = None,
        proper_nouns: bool = True,
    ) -> list[Mention]:
        """Names of areas inside ``text``, with character offsets into ``text``, in order.

        At each word the longest name wins; a unit word written with the name ("tỉnh",
        "مقاطعة", "province") is part of the mention, Arabic proclitics glued to the front
        (و، ب، ل، ف، ك، ال) are not; each mention resolves like :meth:`find` (with ``on``, the
        unit that existed that day).

        With ``proper_nouns`` (the default) a name in Latin letters must start with a capital,
        and when it carries Vietnamese diacritics they must be the right ones: "trạng thái bình
        thường" does not mention Thái Bình, nor "diễn biến" Điện Biên; a name right after a
        Vietnamese family name is a person ("Nguyễn Hòa Bình"). Turn it off to read lower-case
        text such as URL slugs ("tinh-vinh-long").

        The text is folded once and every name is looked for in one pass of a compiled trie, so
        the time is linear in the text and small beside reading it.
        """
        levels = tuple(levels)
        matcher = self._matcher(levels)
        exact_vi = self._exact_vi_keys(levels) if proper_nouns else set()
        folded, where = _fast_fold(text)
        out: list[Mention] = []
        pos = taken = 0  # where to look next; the end of the last mention (its words are spent)
        while True:
            m = matcher.search(folded, pos)
            if m is None:
                break
            core_start, core_end = m.start("core"), m.end("core")
            start_f, unit = m.start(), ()
            if m.start() == core_start:
                before = _UNIT_BEFORE_RE.search(folded, max(taken, core_start - 24), core_start)
                if before is not None:
                    unit = tuple(before.group("unit").split())
                    written = text[where[before.start("unit")] : where[before.end("unit") - 1] + 1]
                    name = text[where[core_start] : where[core_end - 1] + 1]
                    if _unit_word_ok(written, name):
                        start_f = before.start("unit")
                    else:
                        unit = ()
            end_f = core_end
            after = _UNIT_AFTER_RE.match(folded, core_end)
            if after is not None:
                end_f = after.end()
            commune_word = " ".join(unit) in _COMMUNE_UNIT_KEYS or (
                after is not None and after.group(1) in ("ward", "commune")
            )
            if not unit and core_start != m.start():
                start_f = core_start  # the glued proclitic is not part of the name
            rec = self._resolve_mention(
                text,
                folded,
                where,
                core_start,
                core_end,
                not unit,
                ("commune",) if commune_word else levels,
                on,
                proper_nouns,
                exact_vi,
            )
            if rec is None or rec.level not in levels:
                # A name after a commune word names a commune, even when communes are not sought.
                pos = end_f if commune_word else core_start + 1
                continue
            # The letters folding dropped after the last one kept (the ه of منه) end the name.
            start, end = where[start_f], where[end_f] if end_f < len(folded) else len(text)
            end = min(end, _trailing_kept(text, where[end_f - 1] + 1, end))
            out.append(Mention(start, end, text[start:end], rec))
            pos = taken = end_f
        return out

    def find_in_url(self, url: str) -> tuple[list[AreaRecord], list[AreaRecord]]:
        """Provinces a page's address names: (in its path, in its host name).

        The path is read as words ("/ubnd-tinh-vinh-long-hop" names Vinh Long); the host as one
        squashed word that may hold a province's name ("baoquangngai.vn" is Quang Ngai's paper,
        "en.sonla.gov.vn" Son La's portal). The nation is never taken from a host name.
        """
        host, slug = _host_and_path_words(url)
        in_path = [
            x.record
            for x in self.search(slug, proper_nouns=False)
            if x.record.level in ("nation", "province")
        ]
        labels = [
            lab for lab in re.split(r"[.\-]", host) if lab and lab not in ("www", "vn", "com", "gov", "org")
        ]
        squashed = "".join(labels)
        in_host: list[AreaRecord] = []
        seen: set[str] = set()
        for surface, code in self._squashed_names():
            if code == NATION_CODE or code in seen:
                continue
            if surface in labels or (len(surface) >= 5 and surface in squashed):
                in_host.append(self._by_code[code])
                seen.add(code)
        return in_path, in_host

    def district_in_url(self, url: str) -> AreaRecord | None:
        """The legacy district a page's address names with its unit word ("/hdnd-huyen-tuan-giao-
        hop": Huyện Tuần Giáo, Điện Biên), None when there is none or the name is several
        provinces' ("huyen-chau-thanh") and the address names none of them."""
        words = _host_and_path_words(url)[1].lower().split()
        in_path, _ = self.find_in_url(url)
        provinces = {r.code for r in in_path}  # an old province, or a new one its district's merged into
        for i, w in enumerate(words):
            after = i + 1 if w == "huyen" else i + 2 if words[i : i + 2] == ["thi", "xa"] else None
            if after is None:
                continue
            for n in (3, 2, 1):
                found = self._districts.get(" ".join(words[after : after + n]), [])
                if len(found) > 1:
                    found = [d for d in found if d.parent_code in provinces
                             or self._by_code[d.parent_code].successor_code in provinces]  # fmt: skip
                if len(found) == 1:
                    return found[0]
        return None

    def _squashed_names(self) -> list[tuple[str, str]]:
        key = ("squashed",)
        if key not in self._search_cache:
            pairs = {
                ("".join(_words(s)), code)
                for s, code in self.alias_index("en")
                if "".join(_words(s)).isascii()
            }
            self._search_cache[key] = sorted(pairs, key=lambda p: (-len(p[0]), p))
        return self._search_cache[key]

    def _resolve_mention(
        self, text, folded, where, core_start, core_end, bare, levels, on, proper_nouns, exact_vi
    ) -> AreaRecord | None:
        """The unit a name found at ``folded[core_start:core_end]`` stands for, or None when it
        is not a mention after all (lower case, wrong diacritics, a person's name)."""
        core = text[where[core_start] : where[core_end - 1] + 1]
        if proper_nouns:
            if _is_latin(core[0]) and not core[0].isupper():
                return None
            if _is_latin(core[0]) and not core.isascii() and _exact_vi_key(core) not in exact_vi:
                return None
            if bare and _after_family_name(text, where[core_start]):
                return None
        hits = [h for h in self._hits(folded[core_start:core_end]) if self._by_code[h[1]].level in levels]
        return self._rank(hits, None, True, on, None)

    def _exact_vi_keys(self, levels: tuple[str, ...]) -> set[str]:
        key = ("exact", *levels)
        if key not in self._search_cache:
            self._search_cache[key] = {
                _exact_vi_key(s) for s, _ in self.alias_index(None, levels) if _is_latin(s[0])
            }
        return self._search_cache[key]


# Vietnamese family names, folded, in Latin and in Arabic transliteration. A province name
# right after one is a person ("Nguyễn Hòa Bình", "نجوين هوا بينه"), not the province. Short
# ones that are also common words (Lê/لي, Hồ/هو, Vũ/فو, Đỗ/دو) are Latin-only and need a capital.
_FAMILY_NAMES = frozenset(
    fold(
        "nguyen tran le pham hoang huynh phan vu vo dang bui do ngo ly dinh truong doan luong trinh "
        "نجوين تران فام هوانج هوينه فان دانج بوي نجو ترونج ترينه"
    ).split()
)
_JOINER = r"[\s\-–.]+"  # what may stand between the words of one name
# Unit words that may precede a name; tried before the bare name so that "tỉnh Hòa Bình" is
# read as unit word + name (the name then passes the capital-letter rule).
_UNITS_BEFORE: tuple[tuple[str, ...], ...] = (
    ("tinh",),
    ("thanh", "pho"),
    ("tp",),
    ("province", "of"),
    ("city", "of"),
    *((fold(w),) for w in ("مقاطعة", "مدينة", "محافظة", "ولاية", "إقليم")),
)
_COMMUNE_UNITS_BEFORE: tuple[tuple[str, ...], ...] = (("phuong",), ("xa",), ("dac", "khu"))
_COMMUNE_UNIT_KEYS = frozenset(" ".join(u) for u in _COMMUNE_UNITS_BEFORE)
_UNIT_BEFORE_RE = re.compile(
    r"(?:(?<=[^\w])|^)(?:[وبلفك]{1,2})?(?:ال)?(?P<unit>"
    + "|".join(
        _JOINER.join(map(re.escape, u))
        for u in sorted(_UNITS_BEFORE + _COMMUNE_UNITS_BEFORE, key=len, reverse=True)
    )
    + rf"){_JOINER}$"
)
_VI_UNIT_KEYS = frozenset({"tỉnh", "thànhphố", "xã", "phường", "đặckhu"})


def _unit_word_ok(written: str, name: str) -> bool:
    """A Vietnamese unit word must carry its diacritics when the name does: in "cách xa Hà Nội"
    ("far from Hanoi") "xa" is not "xã"; in an unaccented slug "tinh-vinh-long" it may."""
    if not _is_latin(written[0]):
        return True  # Arabic: the folded spelling is enough
    if written.isascii():
        return name.isascii() or _exact_vi_key(written) in ("provinceof", "cityof", "tp")
    return _exact_vi_key(written) in _VI_UNIT_KEYS


_UNIT_AFTER_RE = re.compile(rf"{_JOINER}(province|city|ward|commune)(?!\w)")
# Arabic proclitics glued to a name: و ب ل ف ك (up to two) and the article.
_PROCLITIC_RE = r"[وبلفك]{1,2}(?:ال)?|ال"


def _trie(phrases: Iterable[tuple[str, ...]]) -> str:
    """A regular expression matching any of ``phrases`` (tuples of folded words), longest first."""
    root: dict = {}
    for words in phrases:
        node = root
        for i, word in enumerate(words):
            for ch in word:
                node = node.setdefault(ch, {})
            if i + 1 < len(words):
                node = node.setdefault(" ", {})
        node[""] = True

    def emit(node: dict) -> str:
        alts, optional = [], False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            alts.append((_JOINER if ch == " " else re.escape(ch)) + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return emit(root) or "(?!)"


def _trailing_kept(text: str, end: int, limit: int) -> int:
    """``end`` moved past the Arabic letters (not marks, not spaces) right after it, up to ``limit``."""
    while end < limit and "\u0621" <= text[end] <= "\u064a":
        end += 1
    return end


_PREVIOUS_WORD = re.compile(r"(?<!\w)(\w+)\s+$")


def _after_family_name(text: str, start: int) -> bool:
    m = _PREVIOUS_WORD.search(text[max(0, start - 24) : start])
    if m is None:
        return False
    word = m.group(1)
    if fold(word) not in _FAMILY_NAMES:
        return False
    return not _is_latin(word[0]) or word[0].isupper()


def _is_latin(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or "LATIN" in unicodedata.name(ch, ""))


def _exact_vi_key(text: str) -> str:
    """Lower case with diacritics kept, letters and digits only: "Bà Rịa-Vũng Tàu" -> "bàrịavũngtàu"."""
    return "".join(c for c in unicodedata.normalize("NFC", text.lower()) if c.isalnum())


# --- building ----------------------------------------------------------------------------------


def _package_data() -> Path:
    # find_spec locates the package without importing it (its __init__ pulls in pandas).
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or spec.origin is None:
        raise GazetteerError("the vietnamadminunits package is not installed")
    return Path(spec.origin).parent / "data"


def _read_names() -> dict[str, dict]:
    with _NAMES_FILE.open(encoding="utf-8") as fh:
        return json.load(fh)


def _read_communes_ar() -> dict[str, str]:
    with _COMMUNES_AR_FILE.open(encoding="utf-8") as fh:
        return json.load(fh)


def _title_en(vi_short: str) -> str:
    return _ascii(vi_short)


def build_gazetteer(package_data: Path | None = None, names: dict | None = None) -> Gazetteer:
    """Build the gazetteer from the package's data and our names file (uncached)."""
    data = package_data or _package_data()
    names = names if names is not None else _read_names()
    communes_ar = _read_communes_ar()
    db = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    try:
        current_rows = db.execute(
            "SELECT provinceCode, province, provinceShort, provinceKey, provinceLat, provinceLon,"
            " wardCode, ward, wardShort, wardType, wardLat, wardLon"
            " FROM admin_units ORDER BY provinceCode, wardCode"
        ).fetchall()
        legacy_rows = db.execute(
            "SELECT DISTINCT provinceCode, province, provinceShort, provinceKey, provinceLat,"
            " provinceLon FROM admin_units_legacy ORDER BY provinceCode"
        ).fetchall()
        district_rows = db.execute(
            "SELECT DISTINCT provinceCode, districtCode, districtShort, districtType, districtLat,"
            " districtLon FROM admin_units_legacy ORDER BY provinceCode, districtCode"
        ).fetchall()
    finally:
        db.close()
    with (data / "converter_2025.json").open(encoding="utf-8") as fh:
        merges: dict[str, list[str]] = json.load(fh)["DICT_PROVINCE"]

    aliases: dict[str, dict[str, tuple[str, ...]]] = {}
    records: list[AreaRecord] = []

    def named(code: str, vi: str, vi_full: str | None, default_en: str) -> dict:
        entry = names.get(code, {})
        by_lang = {lg: list(entry.get("aliases", {}).get(lg, ())) for lg in LANGS}
        if vi_full and vi_full != vi:
            by_lang["vi"].insert(0, vi_full)
        ascii_vi = _ascii(vi)
        if code != NATION_CODE:
            # The rule's transliteration, as a spelling the press may use and nobody listed.
            by_ar = by_lang["ar"]
            by_ar.extend(t for t in (vi_to_ar(vi),) if t != entry.get("ar") and t not in by_ar)
        en = entry.get("en") or default_en
        if ascii_vi != en and ascii_vi not in by_lang["en"]:
            by_lang["en"].append(ascii_vi)
        aliases[code] = {lg: tuple(v) for lg, v in by_lang.items() if v}
        flat = tuple(dict.fromkeys(a for lg in LANGS for a in by_lang[lg]))
        return {"name_en": en, "name_ar": entry.get("ar", ""), "aliases": flat}

    nation = names.get(NATION_CODE, {})
    records.append(
        AreaRecord(
            code=NATION_CODE,
            level="nation",
            name_vi=nation.get("vi", "Việt Nam"),
            parent_code=None,
            valid_from=None,
            valid_to=None,
            successor_code=None,
            kind="nation",
            **named(NATION_CODE, nation.get("vi", "Việt Nam"), None, "Vietnam"),
        )
    )

    key_to_new: dict[str, str] = {}
    seen_provinces: set[str] = set()
    for pcode, pfull, pshort, pkey, plat, plon, *_ in current_rows:
        code = f"VN-{pcode}"
        if code in seen_provinces:
            continue
        seen_provinces.add(code)
        key_to_new[pkey] = code
        records.append(
            AreaRecord(
                code=code,
                level="province",
                name_vi=pshort,
                parent_code=NATION_CODE,
                valid_from=MERGER_DATE,
                valid_to=None,
                successor_code=None,
                kind="city" if pfull.startswith("Thành phố") else "province",
                lat=plat,
                lon=plon,
                **named(code, pshort, pfull, _title_en(pshort)),
            )
        )

    old_to_new = {old: key_to_new[new] for new, olds in merges.items() for old in olds}
    for pcode, pfull, pshort, pkey, plat, plon in legacy_rows:
        code = f"VN-OLD-{pcode}"
        if pkey not in old_to_new:
            raise GazetteerError(f"old province {pfull} ({code}) has no successor in the 2025 merger")
        records.append(
            AreaRecord(
                code=code,
                level="province",
                name_vi=pshort,
                parent_code=NATION_CODE,
                valid_from=None,
                valid_to=MERGER_DATE,
                successor_code=old_to_new[pkey],
                kind="city" if pfull.startswith("Thành phố") else "province",
                lat=plat,
                lon=plon,
                **named(code, pshort, pfull, _title_en(pshort)),
            )
        )

    for pcode, _pf, _ps, _pk, _plat, _plon, wcode, wfull, wshort, wtype, wlat, wlon in current_rows:
        kind = _WARD_KINDS.get(wtype)
        if kind is None:
            raise GazetteerError(f"unknown ward type {wtype!r} for {wfull}")
        code = f"VN-{pcode}-{wcode}"
        own = names.get(code, {})
        en = own.get("en") or f"{_ascii(wshort)} {_KIND_EN[kind]}"
        ar = own.get("ar") or communes_ar.get(code) or commune_name(wshort, kind)
        aliases[code] = {"vi": (wshort,), "en": (_ascii(wshort),)}
        records.append(
            AreaRecord(
                code=code,
                level="commune",
                name_vi=wfull,
                name_en=en,
                name_ar=ar,
                parent_code=f"VN-{pcode}",
                valid_from=MERGER_DATE,
                valid_to=None,
                successor_code=None,
                aliases=(wshort, _ascii(wshort)),
                kind=kind,
                lat=wlat,
                lon=wlon,
            )
        )

    known = {r.code for r in records}
    unknown = sorted(set(names) - known)
    if unknown:
        raise GazetteerError(f"area_names.json names unknown areas: {', '.join(unknown)}")
    districts = [
        AreaRecord(
            code=f"VN-OLD-{pcode}-{dcode}",
            level="district",
            name_vi=dshort,
            name_en=_ascii(dshort),
            name_ar=vi_to_ar(dshort),
            parent_code=f"VN-OLD-{pcode}",
            valid_from=None,
            valid_to=MERGER_DATE,
            successor_code=None,
            kind=_DISTRICT_KINDS.get(dtype, "district"),
            lat=dlat,
            lon=dlon,
        )
        for pcode, dcode, dshort, dtype, dlat, dlon in district_rows
        if dshort and f"VN-OLD-{pcode}" in known
    ]
    return Gazetteer(records, aliases, districts)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    return build_gazetteer()
