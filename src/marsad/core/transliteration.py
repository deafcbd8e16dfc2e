"""Vietnamese place names in Arabic letters, by rule: «باك جيانج» for "Bắc Giang".

One systematic transliteration, so that the 3,321 communes and wards read in Arabic the way the
Arabic press writes the provinces (data/area_names.json): each Vietnamese syllable becomes one
Arabic word, tones are dropped, vowels are written long.

- Consonants: b ب, c/k ك, qu كو, ch تش (ك at the end), d/đ د, g/gh ج, h ه, kh خ, l ل, m م,
  n ن, ng/ngh نج, nh نه, p ب, ph ف, r ر, s س, t ت, th ث, tr تر, v ف, x س.
- Vowels: a ă â ا; e ê i y ي; o ô ơ u ư و; iê يا (Biên بيان), yê ي (Yên ين); a doubled letter
  is written once (Phước فوك); a word that starts with a vowel takes آ, أو or إي (An آن).
- Digits and hyphens stay ("Hà Giang 1" ها جيانج 1); apostrophes of minority names drop.

The unit type is translated, not transliterated (:func:`commune_name`): ward «حي», commune
«بلدية», special zone «منطقة خاصة». Hand-made names in data/area_names.json win over these.
"""

from __future__ import annotations

import unicodedata

__all__ = ["vi_to_ar", "commune_name", "UNIT_AR"]

UNIT_AR = {"ward": "حي", "commune": "بلدية", "special_zone": "منطقة خاصة"}

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
_CONSONANTS = {
    "ngh": "نج", "ng": "نج", "nh": "نه", "gh": "ج", "kh": "خ", "ph": "ف", "th": "ث",
    "tr": "تر", "ch": "تش", "qu": "كو",
    "b": "ب", "c": "ك", "k": "ك", "d": "د", "đ": "د", "g": "ج", "h": "ه", "l": "ل", "m": "م",
    "n": "ن", "p": "ب", "r": "ر", "s": "س", "t": "ت", "v": "ف", "x": "س", "f": "ف", "j": "ج",
    "w": "و", "z": "ز",
}  # fmt: skip
_VOWELS = {"a": "ا", "ă": "ا", "â": "ا", "e": "ي", "ê": "ي", "i": "ي", "y": "ي"}
_VOWELS |= dict.fromkeys("oôơuư", "و")
_LONG = ("ا", "و", "ي")


def _toneless(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))


def _syllable(word: str) -> str:
    """One Vietnamese word (a syllable, or a minority name's cluster) in Arabic letters."""
    w = _toneless(word).replace("'", "").replace("’", "")
    out: list[str] = []
    i = 0
    starts_with_vowel = bool(w) and w[0] in _VOWELS and w[0] != "y"
    while i < len(w):
        if w.startswith("iê", i):  # Biên بيان, Điện ديان
            out.append("يا")
            i += 2
            continue
        if w.startswith("yê", i):  # Yên ين, Nguyễn نجوين
            out.append("ي")
            i += 2
            continue
        if w[i] in _VOWELS:
            out.append(_VOWELS[w[i]])
            i += 1
            continue
        for size in (3, 2, 1):
            unit = w[i : i + size]
            if len(unit) == size and unit in _CONSONANTS:
                final = i + size == len(w)
                out.append("ك" if unit == "ch" and final else _CONSONANTS[unit])
                i += size
                break
        else:
            out.append(w[i])  # digits and anything unknown stay as written
            i += 1
    text = "".join(out)
    for letter in _LONG:  # one long vowel, not two: Phước فوك, Quốc كوك
        while letter * 2 in text:
            text = text.replace(letter * 2, letter)
    if starts_with_vowel:
        first = text[0]
        text = {"ا": "آ", "و": "أو", "ي": "إي"}[first] + text[1:]
    return text


def vi_to_ar(name: str) -> str:
    """A Vietnamese name in Arabic letters: "Bắc Giang" -> «باك جيانج», "Hà Giang 1" -> «ها جيانج 1»."""
    words = name.replace("-", " - ").split()
    return " ".join(w if w == "-" or w.isdigit() else _syllable(w) for w in words)


def commune_name(short_name_vi: str, kind: str) -> str:
    """The Arabic name of a commune-level unit: «حي باك جيانج», «بلدية فو بون»."""
    return f"{UNIT_AR[kind]} {vi_to_ar(short_name_vi)}"
