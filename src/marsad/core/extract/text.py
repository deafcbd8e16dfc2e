"""Text helpers shared by every language: sentences, clauses, phrase patterns, language detection.

Nothing here changes the text: every function returns offsets into the string it was given.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate

import regex

# Arabic short vowels, shadda, sukun, superscript alef and tatweel may sit between any letters.
_HARAKAT = "[\u064b-\u0652\u0670\u0640]*"
_AR_VARIANTS = {
    "ا": "[اأإآ]",
    "أ": "[اأإآ]",
    "إ": "[اأإآ]",
    "آ": "[اأإآ]",
    "ة": "[ةه]",
    "ه": "[هة]",
    "ى": "[ىي]",
    "ي": "[يى]",
    "ج": "[جغق]",
    "غ": "[غجق]",
    "ؤ": "[ؤو]",
    "ئ": "[ئي]",
}


def ar_phrase(phrase: str) -> str:
    """A regex for an Arabic phrase that tolerates diacritics, hamza/ta-marbuta/ج-غ spellings."""
    out: list[str] = []
    if phrase.startswith("ال"):
        # "للزراعة" is ل + الزراعة with the alef dropped.
        out.append("(?:ال|لل)" + _HARAKAT)
        phrase = phrase[2:]
    for ch in phrase:
        if ch == " ":
            out.append(r"\s+")
        elif ch in _AR_VARIANTS:
            out.append(_AR_VARIANTS[ch] + _HARAKAT)
        elif "\u0600" <= ch <= "\u06ff":
            out.append(regex.escape(ch) + _HARAKAT)
        else:
            out.append(regex.escape(ch))
    return "".join(out)


def phrase_pattern(phrase: str, lang: str) -> str:
    """A regex for a lexicon phrase: free spacing; Arabic spelling variants; raw regex kept.

    Phrases starting with ``re:`` are regular expressions already.
    """
    if phrase.startswith("re:"):
        return phrase[3:]
    if lang == "ar":
        return ar_phrase(phrase)
    return r"\s+".join(regex.escape(w) for w in phrase.split())


def compile_words(phrases: Iterable[str], lang: str, flags: int = 0) -> regex.Pattern:
    """One pattern matching any of ``phrases`` as whole words (longest first)."""
    pats = sorted({phrase_pattern(p, lang) for p in phrases}, key=len, reverse=True)
    body = "|".join(f"(?:{p})" for p in pats) or "(?!)"
    if lang == "ar":
        # Arabic glues و ب ل ف ال to the word: allow them in front, not letters behind.
        return regex.compile(rf"(?<![\w])(?:[وفبل]|ال|لل|وال|بال)?(?:{body})(?!\w)", flags | regex.I)
    return regex.compile(rf"(?<!\w)(?:{body})(?!\w)", flags | regex.I)


# A sentence ends at . ! ? ؟ … followed by a space or a capital (not "8.26", "TP.HCM", "Mr. Phuc"
# or a URL), at a blank line, and at a line end — unless the line is long prose wrapped by the
# page's layout and the next one goes on (PDF and old web pages break lines mid-sentence).
_ABBREVIATIONS = r"(?<!\bTP)(?<!\bTp)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bNo)(?<!\bSt)(?<!\bvs)(?<!\bU\.S)(?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bCo)(?<!\bLtd)(?<!\bInc)"
_SENTENCE_END = regex.compile(
    rf"(?:{_ABBREVIATIONS}[.!?؟…]+(?=\s|$|[\"'”»)])|(?<=[\p{{Ll}}%)])[.!?](?=\p{{Lu}}))+"
)
_NEWLINE = regex.compile(r"\n")  # compiled once: ``regex.finditer(r"\n", ...)`` looks it up per call
_WRAP_MIN = 40  # a line at least this long that stops without punctuation is wrapped prose
_GOES_ON = frozenset("a an and at by for from in is of on or than the to was were with are".split())
_LIST_START = regex.compile(r"\s*(?:[-•+*–]|\(?\d{1,2}[.)]\s|[IVX]+[.)]\s)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: cut at ``. ! ? ؟ …`` (not a decimal point nor an abbreviation) and at
    line ends that end a line of their own (see above)."""
    cuts: list[tuple[int, int]] = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
    pos = 0  # where the line ends at this newline starts (not ``rfind``: slow on some strings)
    for m in _NEWLINE.finditer(text):
        line = text[pos : m.start()].rstrip()
        nxt = m.end()
        following = text[nxt : nxt + 80]
        head = following.strip()[:1]
        last_word = line.rsplit(None, 1)[-1].lower() if line.split() else ""
        wrapped = (
            len(line) >= _WRAP_MIN
            and line[-1:] not in ".!?؟…:;"
            and following[:1] not in ("\n", "")
            and head.isalnum()
            and not _LIST_START.match(following)
            # a title stops before a capital; prose wrapped mid-sentence goes on in lower case, a
            # digit, any non-Latin script, or after a word that cannot end a sentence
            and (not head.isascii() or not head.isupper() or last_word in _GOES_ON)
        )
        if not wrapped:
            cuts.append((m.start(), m.end()))
        pos = nxt
    cuts.sort()
    spans = []
    pos = 0
    for a, b in cuts:
        if a < pos:
            pos = max(pos, b)
            continue
        if a > pos:
            spans.append((pos, a))
        pos = b
    if pos < len(text):
        spans.append((pos, len(text)))
    return [piece for s, e in spans if _FILLED.search(text, s, e) for piece in _bounded(text, s, e)]


_FILLED = re.compile(r"\S")  # what ``str.strip`` keeps, looked for without a copy of the span


MAX_SENTENCE = 4000  # longer runs without a full stop are cut at a space, so work stays linear


def _bounded(text: str, s: int, e: int) -> list[tuple[int, int]]:
    if e - s <= MAX_SENTENCE:
        return [(s, e)]
    out = []
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The spans of the lines that hold more than spaces (``\\S`` is what ``str.strip`` keeps)."""
    return [m.span() for m in _FILLED_LINE.finditer(text)]


_FILLED_LINE = re.compile(r"^[^\n]*\S[^\n]*", re.M)  # one pass, no copy of each line


class Spans:
    """Spans ``(start, end)`` to ask whether any overlaps a given one, in log time (a pass over
    all of them per question would make a document's reading grow with its square)."""

    __slots__ = ("_starts", "_reach")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach = list(accumulate((b for _, b in ordered), max))  # the furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """Some span ``(a, b)`` has ``a < end`` and ``start < b``."""
        i = bisect_left(self._starts, end)  # the spans that start before ``end``
        return i > 0 and self._reach[i - 1] > start


_CLAUSE = regex.compile(r"[;؛]|:(?!\d)")


def clause_cuts(text: str, start: int, end: int) -> list[int]:
    """Positions of ``; ؛ :`` in ``text[start:end]``: items of a list."""
    return [m.start() for m in _CLAUSE.finditer(text, start, end)]


# -- language ----------------------------------------------------------------------------------
_ARABIC = re.compile(r"[\u0600-\u06ff]")
# Each match holds a letter outside ASCII and outside the Arabic block (see _vi_at_most).
_VI_MARKS = regex.compile(
    r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]|\b(?:của|và|năm|tỷ|đồng|tăng)\b",
    regex.I,
)
_ASCII_LETTERS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def detect_language(text: str, sample: int = 20000) -> str | None:
    """``ar``, ``vi`` or ``en`` from the letters of the text; None when it has no letters."""
    head = text[:sample]
    ar = len(_ARABIC.findall(head))
    latin = sum(map(head.count, _ASCII_LETTERS))
    # Vietnamese marks are counted only when the count can change the answer: an Arabic or an
    # English text has too few characters where a mark could be to need it.
    most = _vi_at_most(head, ar)
    if (ar or latin) and ar >= latin + most:
        return "ar"
    if ar < latin and most * 25 < latin:
        return "en"
    vi = len(_VI_MARKS.findall(head)) if most else 0
    if ar == 0 and latin == 0 and vi == 0:
        return None
    if ar >= latin + vi:
        return "ar"
    if vi * 25 >= latin:
        return "vi"
    return "en"


def _vi_at_most(head: str, ar: int) -> int:
    """A bound of the Vietnamese marks in ``head``: its characters neither ASCII nor Arabic
    (each mark, and each of the marked words, holds one)."""
    return len(head) - len(head.encode("ascii", "ignore")) - ar
