"""Named rules and the phrase sets they compile to: the reader's one way of saying what words mean.

A language folder (``ar/``, ``vi/``, ``en/``) declares its rules; the shared dimensions
(:mod:`.quantity`, :mod:`.timeframes`, :mod:`.measures`, :mod:`.attach`, :mod:`.sections`) know
what each *kind* of rule does, never which words a language uses. A rule is::

    Rule("growth_up", "up", words("tăng", "tăng thêm"))          # name, kind, pattern
    Rule("quarter_roman", "period", r"quý\\s+(?P<q>IV|I{1,3})", quarter)   # with a production

The pattern is a list of phrases (compiled into one trie per kind group, tolerant of spacing,
dashes and — for Arabic — diacritics, spelling variants and glued proclitics) or a regular
expression. The production is a callable that turns a match into a value, or None when the
kind alone says it all. Every match remembers its rule's name, so each fact can say which rules
made it (``Fact.rules``) and each corpus example can say which rules it exercises.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from re._casefix import _EXTRA_CASES
from typing import Any

import regex

__all__ = ["Rule", "Match", "PhraseSet", "words", "key_of", "alternation", "Grammar"]


@dataclass(frozen=True)
class Words:
    """A pattern written as phrases (any of them, whole words, longest first)."""

    phrases: tuple[str, ...]


def words(*phrases: str) -> Words:
    return Words(tuple(p for p in phrases if p))


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    pattern: Words | str
    prod: Callable[[re.Match], Any] | Any = None
    flags: int = 0

    def __post_init__(self) -> None:
        if not self.name or not self.kind:
            raise ValueError("a rule needs a name and a kind")


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    rule: Rule
    value: Any = None
    # The rule's kind and name, stored rather than looked up: attachment reads ``kind`` of every
    # cue many times per figure (a fifth of all the reader's Python calls were that property).
    kind: str = field(init=False, repr=False, compare=False)
    name: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", self.rule.kind)
        object.__setattr__(self, "name", self.rule.name)


# -- phrase normalisation ------------------------------------------------------------------------

_AR_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
_AR_FOLD = str.maketrans(
    {
        **dict.fromkeys(_AR_MARKS, None),
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "غ": "ج",
        "ق": "ج",
        "ک": "ك",
        "ی": "ي",
    }
)
_AR_CLASS = {
    "ا": "[اأإآٱ]",
    "ه": "[هة]",
    "ي": "[يىئی]",
    "و": "[وؤ]",
    "ج": "[جغق]",
    "ك": "[كک]",
}
_HARAKAT = f"[{_AR_MARKS}]*"
# Vietnamese writes the tone of "oa", "oe", "uy" on either vowel ("hóa"/"hoá", "thủy"/"thuỷ").
_VI_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_VI_TONE_RE = re.compile("|".join(_VI_TONES), re.I)
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"\s*([,\-–—‐/])\s*")


def _vi_canonical(s: str) -> str:
    return _VI_TONE_RE.sub(lambda m: _VI_TONES[m.group(0).lower()], s)


@lru_cache(maxsize=1 << 16)
def key_of(lang: str, text: str) -> str:
    """The lookup form of a phrase or of the text it matched (same for every spelling)."""
    s = unicodedata.normalize("NFC", text)
    if lang == "ar":
        s = s.translate(_AR_FOLD)
    else:
        s = _vi_canonical(s.lower())
    s = _PUNCT.sub(lambda m: "-" if m.group(1) in "-–—‐" else m.group(1), s)
    s = _SPACES.sub(" ", s).strip()
    if lang == "ar" and " " in s:
        # Machine translation drops or adds the article inside a phrase ("إيرادات الميزانية",
        # "إيرادات ميزانية"): the words after the first are keyed without it.
        head, *rest = s.split(" ")
        s = " ".join([head, *(_AR_INNER_ARTICLE.sub("", w) if len(w) >= 5 else w for w in rest)])
    return s


_AR_INNER_ARTICLE = re.compile(r"^(?:ال|لل)")


def _emit_char(lang: str, ch: str) -> str:
    if ch == " ":
        return r"\s+(?:ال|لل)?" if lang == "ar" else r"\s+"
    if ch == "-":
        return r"\s*[-–—‐]\s*"
    if ch in ",/":
        return rf"\s*{re.escape(ch)}\s*"
    if lang == "ar" and "\u0600" <= ch <= "\u06ff":
        return _AR_CLASS.get(ch, re.escape(ch)) + _HARAKAT
    return re.escape(ch)


def _trie(keys: Iterable[str]) -> dict:
    root: dict = {}
    for k in keys:
        node = root
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = True
    return root


def _trie_pattern(lang: str, keys: Iterable[str], root: dict | None = None) -> str:
    root = _trie(keys) if root is None else root

    def emit(node: dict) -> str:
        alts = []
        optional = False
        for ch in sorted(node, key=lambda c: (c == "", c)):
            if ch == "":
                optional = True
                continue
            alts.append(_emit_char(lang, ch) + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return emit(root)


_DASHES = "-–—‐"
_FEW_PHRASES = 60  # a phrase set this small, whose phrases need this few words, is looked for by them
# Phrases starting with this many different characters or fewer are found faster by skipping to
# those characters (:func:`_first_char_pattern`); with more, most letters are such a start and the
# plain trie is faster.
_FEW_FIRST = 12


def _first_char_pattern(lang: str, root: dict, tail: str) -> str:
    """``(?<!\\w)(?:TRIE)TAIL`` (re.I) written to start on a class of the characters a match can
    start with, so that the scan skips to them instead of trying the trie at every character: the
    first character is read by the class (case-blind by hand), the look-behind after it looks one
    further back, and each branch of the trie checks that character again by looking behind."""
    first: set[str] = set()
    branches = []
    for ch in sorted(root):  # the order of the trie's own branches
        rest = _trie_pattern(lang, (), root[ch])
        if ch == "-":  # "\s*[-–—‐]\s*": a space or a dash comes first
            first |= {"\\s", *map(re.escape, _DASHES)}
            branches.append(rf"(?<=\s)\s*[{_DASHES}]\s*{rest}|(?<=[{_DASHES}])\s*{rest}")
        elif ch in ",/":  # "\s*,\s*"
            first |= {"\\s", re.escape(ch)}
            branches.append(rf"(?<=\s)\s*{re.escape(ch)}\s*{rest}|(?<={re.escape(ch)})\s*{rest}")
        else:
            first |= {re.escape(c) for c in _case_blind(ch)}
            branches.append(rf"(?<={re.escape(ch)}){rest}")
    return rf"(?-i:[{''.join(sorted(first))}])(?<!\w[\s\S])(?:{'|'.join(branches)}){tail}"


@cache
def _case_blind(ch: str) -> frozenset[str]:
    """The characters :mod:`re` matches ``ch`` with when it ignores case."""
    one = re.compile(re.escape(ch), re.I)
    return frozenset(c for c in (ch, *_cased()) if one.fullmatch(c))


@lru_cache(maxsize=1)
def _cased() -> tuple[str, ...]:
    # Outside the first plane no character folds to one of the phrases' scripts.
    return tuple(c for c in map(chr, range(0x10000)) if c.lower() != c or c.upper() != c)


# Arabic glues و ف (and), ب ل ك (prepositions) and the article ال to the front of a word; the
# article's alef drops after ل ("للصادرات"). The phrase itself is written without its article.
_AR_PREFIX = r"(?:[وف]?(?:[بك]?ال|لل|[بلك])|[وف])?"
_AR_ARTICLE = re.compile(r"^(?:ال|لل)")


def _ar_core(key: str) -> str:
    return _AR_ARTICLE.sub("", key, count=1) if len(key) > 4 else key


class PhraseSet:
    """Phrases with payloads, found in text as whole words in one pass (a compiled trie)."""

    def __init__(self, lang: str, entries: Iterable[tuple[str, Any]], *, boundary: bool = True) -> None:
        self.lang = lang
        self.table: dict[str, list[Any]] = {}
        regexes: list[tuple[str, Any]] = []
        for phrase, payload in entries:
            if phrase.startswith("re:"):
                regexes.append((phrase[3:], payload))
                continue
            k = key_of(lang, phrase)
            if lang == "ar":
                k = _ar_core(k)
            if not k:
                continue
            self.table.setdefault(k, []).append(payload)
        surface: set[str] = set()
        for k in self.table:
            surface.add(k)
            if lang == "vi":
                surface |= _vi_variants(k)
        self._regex_payloads = [p for _, p in regexes]
        lead = r"(?<!\w)" if boundary else ""
        tail = r"(?!\w)" if boundary else ""
        root = _trie(surface)
        trie = _trie_pattern(lang, surface, root) if surface else "(?!)"
        if lang == "ar":
            self.pattern = _compiled(rf"{lead}{_AR_PREFIX}(?P<core>{trie}){tail}")
        elif surface and boundary and len(root) <= _FEW_FIRST:
            self.pattern = _compiled(_first_char_pattern(lang, root, tail))
        else:
            self.pattern = _compiled(rf"{lead}(?:{trie}){tail}")
        # The same pattern without re.I, run over the text in lower case (:func:`lowered`) where
        # that matches what ignoring case matches: a case-blind try of each letter costs twice.
        self._lower = None
        if lang != "ar" and self.pattern.flags & re.I and "(?-i:" not in self.pattern.pattern:
            if _lower_safe(self.pattern.pattern):
                self._lower = re.compile(self.pattern.pattern)
        # Regular-expression phrases run as a second pattern, so that a short phrase of the trie
        # ("of") never hides a longer expression starting at the same place ("of this year's plan").
        body = "|".join(f"(?P<x{i}>{r})" for i, (r, _) in enumerate(regexes))
        # Led by a look-ahead at the characters a match starts with: re then tries the look-behind
        # and every expression only there (a fifth of the time of the expressions of English cues).
        first = start_class(body, re.I) if regexes else None
        look = f"(?=[{first[0]}])" if first is not None and not first[1] else ""
        self.extra = _compiled(rf"{look}{lead}(?:{body}){tail}") if regexes else None
        # What every match of the expressions contains: where it is absent they are not run.
        needed = required_words("|".join(f"(?:{r})" for r, _ in regexes)) if regexes else None
        self._extra_needles = None if needed is None else frozenset(map(fold, needed))
        self._needle_index: tuple[str | None, tuple[list[int], list[int]] | None] = (None, None)
        # A set of a few phrases ("special_target", "related"), asked of every sentence, is not
        # run where the words one of which each of its phrases holds are absent (most sentences).
        self._trie_needles = None
        if surface and len(self.table) <= _FEW_PHRASES:
            needed = required_words(self.pattern.pattern)
            if needed and len(needed) <= _FEW_PHRASES and min(map(len, needed)) >= 2:
                self._trie_needles = frozenset(map(fold, needed))
        self._trie_index: tuple[str | None, tuple[list[int], list[int]] | None] = (None, None)
        if not surface:
            self.pattern = None  # no phrases, only expressions: nothing to scan the text for

    def _payloads(self, m: re.Match) -> tuple[int, list[Any]]:
        """(start of the phrase proper, payloads) of a match."""
        name = m.lastgroup
        if name and name.startswith("x"):
            return m.start(), [self._regex_payloads[int(name[1:])]]
        if self.lang == "ar":
            start = m.start("core") if m.group("core") is not None else m.start()
            k = _ar_core(key_of("ar", m.group("core") or m.group(0)))
            return start, self.table.get(k, [])
        return m.start(), self.table.get(key_of(self.lang, m.group(0)), [])

    def _extra_for(self, text: str, pos: int, endpos: int):
        """The expressions' pattern, or None when ``text[pos:endpos]`` lacks what they need."""
        if self.extra is None or self._extra_needles is None:
            return self.extra
        return self.extra if self._holds(text, pos, endpos, extra=True) else None

    def _trie_for(self, text: str, pos: int, endpos: int):
        """The phrases' pattern, or None when ``text[pos:endpos]`` holds none of the words one of
        which each of them holds (a set of a few phrases, asked of every sentence)."""
        if self.pattern is None or self._trie_needles is None:
            return self.pattern
        return self.pattern if self._holds(text, pos, endpos, extra=False) else None

    def _holds(self, text: str, pos: int, endpos: int, *, extra: bool) -> bool:
        """Whether ``text[pos:endpos]`` holds one of the needles of the expressions (``extra``)
        or of the phrases, as folded text."""
        needles = self._extra_needles if extra else self._trie_needles
        if pos == 0 and endpos == len(text):
            window = _folded(text)  # the whole document, folded once
        elif (found := self._needles_in(text, extra)) is not None:
            starts, first_end = found
            i = bisect_left(starts, pos)  # the first needle starting in the window ...
            return i < len(starts) and first_end[i] <= endpos  # ... ends in it
        elif endpos - pos <= _FOLD_WINDOW:
            window = fold(text[pos:endpos])
        else:
            return True  # folding a long stretch for each call would cost more than it saves
        return any(n in window for n in needles or ())

    def _needles_in(self, text: str, extra: bool = True) -> tuple[list[int], list[int]] | None:
        """Where the needles of the expressions (``extra``) or of the phrases are in ``text``'s
        fold: (starts in order, the least end of the needles starting there or after), for a
        window's question in log time instead of a fold of the window per question (a
        sentence's words each ask one), in offsets of the text. None when folding changes the
        text's length otherwise than by the diacritics it drops (then offsets in the fold
        cannot be told in the text)."""
        cached = self._needle_index if extra else self._trie_index
        if cached[0] is text:
            return cached[1]
        folded, kept = _fold_index(text)
        index = None
        if kept is not None:  # a window's fold is the fold's window
            spans = []
            for n in (self._extra_needles if extra else self._trie_needles) or ():
                at = folded.find(n)
                while at != -1:
                    spans.append((in_text(kept, at), in_text(kept, at + len(n) - 1) + 1))
                    at = folded.find(n, at + 1)
            spans.sort()
            starts = [a for a, _ in spans]
            first_end = list(accumulate(reversed([b for _, b in spans]), min))[::-1]
            index = (starts, first_end)
        # One tuple, replaced whole (threads: see _folded).
        if extra:
            self._needle_index = (text, index)
        else:
            self._trie_index = (text, index)
        return index

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, list]]:
        endpos = len(text) if endpos is None else endpos
        found = []
        trie = self._trie_for(text, pos, endpos)
        for pattern in (trie, self._extra_for(text, pos, endpos)):
            if pattern is None:
                continue
            if pattern is self.pattern and self._lower is not None and (low := lowered(text)) is not None:
                table, lang = self.table, self.lang
                for m in self._lower.finditer(low, pos, endpos):
                    a, b = m.span()
                    payloads = table.get(key_of(lang, text[a:b]), [])
                    if payloads:
                        found.append((a, b, payloads))
                continue
            for m in pattern.finditer(text, pos, endpos):
                start, payloads = self._payloads(m)
                if payloads:
                    found.append((start, m.end(), payloads))
        if self.extra is not None:
            found.sort(key=lambda f: (f[0], -f[1]))
        yield from found

    def match(self, text: str, pos: int, endpos: int | None = None) -> tuple[int, int, list] | None:
        """The longest phrase starting exactly at ``pos`` (its glued Arabic proclitics included)."""
        endpos = len(text) if endpos is None else endpos
        best = None
        for pattern in (self.pattern, self._extra_for(text, pos, endpos)):
            if pattern is None:
                continue
            if pattern is self.pattern and self._lower is not None and (low := lowered(text)) is not None:
                m = self._lower.match(low, pos, endpos)
                if m is None:
                    continue
                start, payloads = m.start(), self.table.get(key_of(self.lang, text[m.start() : m.end()]), [])
                if payloads and (best is None or m.end() > best[1]):
                    best = (start, m.end(), payloads)
                continue
            m = pattern.match(text, pos, endpos)
            if m is None:
                continue
            start, payloads = self._payloads(m)
            if payloads and (best is None or m.end() > best[1]):
                best = (start, m.end(), payloads)
        return best


# -- lower case instead of ignoring case --------------------------------------------------------------
# Ignoring case, re matches a character with a pattern's letter when their lower cases are the
# same, or when re's table of extra cases pairs them ("s" with "ſ", "i" with "ı"). So a pattern
# naming lower-case letters only finds, without re.I, in ``text.lower()`` what it finds with re.I
# in ``text``, as long as lowering keeps each character one character, a word character a word
# character and a space a space, and the text holds none of the extra cases of those letters.
# Both sides are checked: the pattern when it is built (:func:`_lower_safe`: the only letters
# with extra cases it may name are the ASCII ones), the text when it is lowered (:func:`lowered`:
# None when it does not qualify, and the pattern with re.I is run).


@lru_cache(maxsize=1)
def _text_unsafe() -> re.Pattern:
    """A class of the characters a text to lower may not hold (astral ones included)."""
    extra = {chr(c) for k, v in _EXTRA_CASES.items() if chr(k).isascii() for c in v}
    word, space = re.compile(r"\w"), re.compile(r"\s")
    bad = []
    for code in range(0x10000):
        c = chr(code)
        low = c.lower()
        if (
            len(low) != 1
            or low in extra
            or (word.match(c) is None) != (word.match(low) is None)
            or (space.match(c) is None) != (space.match(low) is None)
        ):
            bad.append(re.escape(c))
    return re.compile(f"[{''.join(bad)}\U00010000-\U0010ffff]")


def _lower_safe(pattern: str) -> bool:
    """Whether every character ``pattern`` names is a lower-case one (see above)."""
    named = _characters_named(pattern)
    if named is None:
        return False
    for c in named:
        if c.lower() != c or (ord(c) in _EXTRA_CASES and not c.isascii()):
            return False
    return True


_last_lowered: tuple[tuple[str, str | None], ...] = ()


def lowered(text: str) -> str | None:
    """``text.lower()`` when it qualifies (see above), else None; cached for the last two texts."""
    global _last_lowered
    for cached, low in _last_lowered:
        if cached is text:
            return low
    low = text.lower()
    if len(low) != len(text) or _text_unsafe().search(text):
        low = None
    _last_lowered = ((text, low), *_last_lowered[:1])  # replaced whole (threads: see _folded)
    return low


def _compiled(pattern: str) -> re.Pattern:
    """``pattern`` compiled to match ignoring case (without the flag when that changes nothing)."""
    return re.compile(pattern, case_flag(pattern, re.I))


def alternation(lang: str, phrases: Iterable[str]) -> str:
    """A regular expression (no groups, no word boundaries) for any of ``phrases``."""
    keys: set[str] = set()
    for p in phrases:
        k = key_of(lang, p)
        if k:
            keys.add(k)
            if lang == "vi":
                keys |= _vi_variants(k)
    return _trie_pattern(lang, keys) or "(?!)"


def _vi_variants(key: str) -> set[str]:
    """The other tone placements of a canonical Vietnamese key ("hóa" -> "hoá")."""
    inverse = {v: k for k, v in _VI_TONES.items()}
    out = {key}
    for canon, other in inverse.items():
        if canon in key:
            out |= {s.replace(canon, other) for s in out}
    for a, b in (("tỷ", "tỉ"), ("ký", "kí"), ("lý", "lí"), ("mỹ", "mĩ")):
        if a in key:
            out |= {s.replace(a, b) for s in out}
    return out - {key}


# -- a language's grammar ------------------------------------------------------------------------


@dataclass
class Grammar:
    """All the named rules of one language, compiled once, grouped by what reads them."""

    lang: str
    rules: list[Rule]
    lexicon: Any  # the language's lexicon module (scale words, currencies, ...)
    _phrase_sets: dict[tuple[str, ...], PhraseSet] = field(default_factory=dict)
    _regexes: dict = field(default_factory=dict)
    _needles: dict[str, frozenset[str] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names = [r.name for r in self.rules]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise ValueError(f"{self.lang}: rule names used twice: {', '.join(sorted(dup))}")
        for rule in self.rules:
            if not isinstance(rule.pattern, Words):
                words_ = required_words(rule.pattern)
                self._needles[rule.name] = None if words_ is None else frozenset(map(fold, words_))

    def of(self, *kinds: str) -> list[Rule]:
        return [r for r in self.rules if r.kind in kinds]

    def phrases(self, *kinds: str) -> PhraseSet:
        """One phrase set for the word rules of ``kinds``; payloads are the rules."""
        if kinds not in self._phrase_sets:
            entries = []
            for rule in self.of(*kinds):
                if isinstance(rule.pattern, Words):
                    entries += [(p, rule) for p in rule.pattern.phrases]
                else:
                    entries.append(("re:" + rule.pattern, rule))
            self._phrase_sets[kinds] = PhraseSet(self.lang, entries)
        return self._phrase_sets[kinds]

    def regexes(self, kind: str) -> list[tuple[Rule, regex.Pattern]]:
        """The regular-expression rules of ``kind``, compiled with :mod:`regex` (a name may be
        captured in two branches; look-behinds may vary in width)."""
        if kind not in self._regexes:
            out = []
            for rule in self.of(kind):
                if isinstance(rule.pattern, Words):
                    raise ValueError(
                        f"{self.lang}: rule {rule.name} of kind {kind} needs a regular expression"
                    )
                pattern = word_led(rule.pattern)
                out.append(
                    (rule, regex.compile(pattern, case_flag(pattern, regex.I) | regex.V0 | rule.flags))
                )
            self._regexes[kind] = out
        return self._regexes[kind]

    def scan(self, kind: str, text: str) -> Iterator[tuple[Rule, Any]]:
        """(rule, match) of every regular-expression rule of ``kind`` over the whole of ``text``,
        rule by rule as :meth:`regexes` lists them. A rule whose required words
        (:func:`required_words`) are nowhere in the text is not run: it cannot match there; one
        whose reach is bounded (:func:`reach`) runs only around the places its words are
        (:func:`windows`), and finds there exactly what a pass over the whole text finds."""
        folded, kept = _fold_index(text)
        spaces: int | None = None
        for rule, pattern in self.regexes(kind):
            needles = self._needles.get(rule.name, ())
            if needles is None:
                yield from ((rule, m) for m in pattern.finditer(text))
                continue
            if not any(n in folded for n in needles):
                continue
            bound = self._reach(rule, pattern)
            if bound is None or kept is None:
                yield from ((rule, m) for m in pattern.finditer(text))
                continue
            if spaces is None:
                spaces = longest_space_run(text)
            width, ahead = (a + b * spaces for a, b in bound)
            for lo, hi in windows(folded, needles, width, ahead, kept, len(text)):
                for m in pattern.finditer(text, lo, hi):
                    yield rule, m

    def _reach(self, rule: Rule, pattern) -> tuple[tuple[int, int], tuple[int, int]] | None:
        key = ("reach", rule.name)
        if key not in self._regexes:
            self._regexes[key] = reach(pattern.pattern)  # type: ignore[assignment]
        return self._regexes[key]  # type: ignore[return-value]

    def find(self, text: str, *kinds: str, pos: int = 0, endpos: int | None = None) -> list[Match]:
        """Every match of the word rules of ``kinds`` in ``text[pos:endpos]``, in order."""
        out = []
        for start, end, rules in self.phrases(*kinds).finditer(text, pos, endpos):
            out.extend(Match(start, end, r) for r in rules)
        return out

    def names(self) -> set[str]:
        return {r.name for r in self.rules}

    def word_table(self, *kinds: str) -> tuple[str, dict[str, Rule]]:
        """(regular expression, key -> rule) for the word rules of ``kinds``: for patterns that
        embed them (the quantity pattern embeds scale words, currencies, qualifiers)."""
        key = ("table", *kinds)
        if key not in self._regexes:
            table: dict[str, Rule] = {}
            for rule in self.of(*kinds):
                if not isinstance(rule.pattern, Words):
                    raise ValueError(f"{self.lang}: rule {rule.name} of kind {rule.kind} must list words")
                for p in rule.pattern.phrases:
                    table.setdefault(key_of(self.lang, p), rule)
            phrases = [p for rule in self.of(*kinds) for p in rule.pattern.phrases]
            self._regexes[key] = (alternation(self.lang, phrases), table)  # type: ignore[assignment]
        return self._regexes[key]  # type: ignore[return-value]

    def lookup(self, kinds: tuple[str, ...], written: str) -> Rule | None:
        return self.word_table(*kinds)[1].get(key_of(self.lang, written))


# -- where a match can start -----------------------------------------------------------------------
_NOT_AFTER_WORD = r"(?<!\w)"


def word_led(pattern: str) -> str:
    r"""``pattern`` with a leading ``(?<!\w)`` written ``\b`` when every match of the rest starts
    with a word character: then the two say the same, and :mod:`regex` tests ``\b`` at each
    character of a document faster than a look-behind (a sixth of the period scan of English)."""
    if not pattern.startswith(_NOT_AFTER_WORD):
        return pattern
    rest = pattern[len(_NOT_AFTER_WORD) :]
    try:
        tree = _sre_parse.parse(_NAMED_GROUP.sub("(?:", rest))
    except (re.error, RecursionError, OverflowError):
        return pattern
    return r"\b" + rest if _starts_on_word(list(tree)) is True else pattern


def _starts_on_word(items) -> bool | None:
    """True when every match of the sequence ``items`` starts with a word character, False when
    one may start otherwise, None when those not empty do but one may be empty (then what follows
    the sequence decides)."""
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            got = None  # zero-width: the next item reads the first character
        elif op is _sre.SUBPATTERN:
            got = _starts_on_word(list(av[3]))
        elif op is _sre.ATOMIC_GROUP:
            got = _starts_on_word(list(av))
        elif op is _sre.BRANCH:
            branches = [_starts_on_word(list(b)) for b in av[1]]
            got = False if False in branches else None if None in branches else True
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, sub = av
            got = _starts_on_word(list(sub))
            if got is True and low == 0:
                got = None
        elif op is _sre.LITERAL:
            got = _word_char(chr(av))
        elif op is _sre.IN:
            got = all(_word_member(o, a) for o, a in av)
        else:
            return False  # any character, a negated one, a back-reference: maybe not a word's
        if got is not None:
            return got
    return None


def _word_char(ch: str) -> bool:
    # Letters, marks and decimal digits are word characters for :mod:`regex` (and so are the
    # letters a letter matches ignoring case); other numbers ("²") are not.
    cat = unicodedata.category(ch)
    return cat[0] in "LM" or cat == "Nd" or ch == "_"


def _word_member(op, av) -> bool:
    if op is _sre.LITERAL:
        return _word_char(chr(av))
    if op is _sre.RANGE:
        low, high = av
        return high - low < 4096 and all(_word_char(chr(c)) for c in range(low, high + 1))
    if op is _sre.CATEGORY:
        return av in (
            _sre.CATEGORY_WORD,
            _sre.CATEGORY_DIGIT,
            _sre.CATEGORY_UNI_WORD,
            _sre.CATEGORY_UNI_DIGIT,
        )
    return False  # a negation


# -- how far a match can reach -------------------------------------------------------------------
# A bound is a pair (a, b): at most a + b * (the longest run of spaces in the text) characters.
Bound = tuple[int, int]


def reach(pattern: str) -> tuple[Bound, Bound] | None:
    """(how many characters a match of ``pattern`` can span, how far past its start an attempt
    to match can read — look-aheads and the character after a greedy run included), or None when
    either is unbounded beyond runs of spaces (``\\s+`` spans at most the text's longest run of
    spaces) or cannot be told."""
    try:
        tree = _sre_parse.parse(_NAMED_GROUP.sub("(?:", pattern))
        return _reach_seq(list(tree))
    except (re.error, RecursionError, OverflowError, _Unbounded):
        return None


class _Unbounded(Exception):
    """A pattern item whose reach has no bound that the text's spaces give."""


def _reach_seq(items) -> tuple[Bound, Bound]:
    width, ahead = (0, 0), (0, 0)
    for op, av in items:
        w, r = _reach_item(op, av)
        ahead = _max(ahead, _add(width, r))
        width = _add(width, w)
    return width, ahead


def _reach_item(op, av) -> tuple[Bound, Bound]:
    if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY, _sre.CATEGORY):
        return (1, 0), (1, 0)
    if op is _sre.AT:
        return (0, 0), (1, 0)  # "\\b", "$": the character at the position is looked at
    if op is _sre.SUBPATTERN:
        return _reach_seq(list(av[3]))
    if op is _sre.ATOMIC_GROUP:
        return _reach_seq(list(av))
    if op is _sre.BRANCH:
        width, ahead = (0, 0), (0, 0)
        for branch in av[1]:
            w, r = _reach_seq(list(branch))
            width, ahead = _max(width, w), _max(ahead, r)
        return width, ahead
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        direction, sub = av
        # A look-behind reads the text before the position, which a window leaves as it is.
        return (0, 0), (_reach_seq(list(sub))[1] if direction == 1 else (0, 0))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        _low, high, sub = av
        items = list(sub)
        if high is _sre.MAXREPEAT:
            if len(items) == 1 and _spaces_only(*items[0]):
                return (0, 1), (1, 1)  # a run of spaces, and the character that ends it
            raise _Unbounded(op)
        _w, r = _reach_seq(items)
        return (high * r[0], high * r[1]), (high * r[0], high * r[1])
    raise _Unbounded(op)  # a back-reference, a conditional group


def _add(x: Bound, y: Bound) -> Bound:
    return x[0] + y[0], x[1] + y[1]


def _max(x: Bound, y: Bound) -> Bound:
    return max(x[0], y[0]), max(x[1], y[1])


def _spaces_only(op, av) -> bool:
    """Whether the item matches spaces only (``\\s``, ``[ \\t]``, ``\\n``)."""
    if op is _sre.LITERAL:
        return chr(av) in _SPACE_CHARS
    if op is _sre.CATEGORY:
        return av in (_sre.CATEGORY_SPACE, _sre.CATEGORY_UNI_SPACE)
    if op is _sre.IN:
        return all(_spaces_only(o, a) for o, a in av)
    return False


_SPACE_CHARS = frozenset(" \t\n\r\f\v")


@lru_cache(maxsize=1)
def _long_space() -> regex.Pattern:
    """Two or more characters that either engine takes for a space."""
    re_space, regex_space = re.compile(r"\s"), regex.compile(r"\s")
    chars = [chr(c) for c in range(0x10000) if re_space.match(chr(c)) or regex_space.match(chr(c))]
    return regex.compile("[" + "".join(map(re.escape, chars)) + "]{2,}")


def longest_space_run(text: str) -> int:
    """The length of the longest run of spaces in ``text`` (1 when none is longer), cached for
    the last two texts as :func:`_fold_index` caches folds: each kind's scan of a document asks."""
    global _last_spaces
    for cached, n in _last_spaces:
        if cached is text:
            return n
    n = max((m.end() - m.start() for m in _long_space().finditer(text)), default=1)
    _last_spaces = ((text, n), *_last_spaces[:1])
    return n


_last_spaces: tuple[tuple[str, int], ...] = ()  # (text, its longest run), replaced whole (threads)


def needle_starts(
    folded: str, needle: str, kept: list[int] | None = (), most: int | None = None
) -> list[int] | None:
    """Where ``needle`` is in the text whose fold is ``folded`` (offsets of the text, through
    ``kept``: see :func:`_fold_index`), overlapping ones included; None when there are more
    than ``most`` (the search stops there). Cached for the last fold: the rules of a kind share
    needles ("19", "20", "năm"), and each kind's scan asks again."""
    global _last_needles
    cached_fold, table = _last_needles
    if cached_fold is not folded:
        table = {}
        _last_needles = (folded, table)  # replaced whole (threads: see _folded)
    cached = table.get(needle)
    if cached is not None and cached[0] is kept:
        starts = cached[1]
        return None if most is not None and len(starts) > most else starts
    starts = []
    at = folded.find(needle)
    while at != -1:
        if most is not None and len(starts) >= most:
            return None  # more than ``most``: not all looked for, nothing cached
        starts.append(in_text(kept, at))
        at = folded.find(needle, at + 1)
    table[needle] = (kept, starts)
    return starts


_last_needles: tuple[str | None, dict] = (None, {})


def windows(
    folded: str, needles: Iterable[str], width: int, ahead: int, kept: list[int] = (), size: int | None = None
) -> list[tuple[int, int]]:
    """The stretches of the text (merged, in order) where a rule can match: a match contains one
    of ``needles``, so it starts at most ``width`` characters before one and an attempt from
    there reads at most ``ahead`` characters. ``folded`` is the text's fold and ``kept`` where its
    characters are in the text (:func:`_fold_index`), ``size`` the text's length.
    Every match of a pass over the whole text lies in one stretch, and a pass over a stretch
    finds no other (an attempt from inside one never reads past its end). One stretch over the
    whole text when the needles are too many for stretches to save anything."""
    size = len(folded) if size is None else size
    spans: list[tuple[int, int]] = []
    budget = size // (width + ahead + 1) // 2  # beyond this many, the stretches cover most of it
    for n in needles:
        starts = needle_starts(folded, n, kept, budget - len(spans))
        if starts is None:
            return [(0, size)]
        spans += [(max(0, start - width), min(size, start + ahead + 1)) for start in starts]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


# -- whether ignoring case changes what a pattern matches ------------------------------------------


def case_flag(pattern: str, flag: int) -> int:
    r"""``flag`` (``re.I`` or ``regex.I``) when ignoring case can change what ``pattern`` matches,
    else 0: a pattern naming only characters without case (Arabic letters, digits, spaces, ``\d``,
    ``\s``, ``\w``) matches the same without it, and both engines try a plain character faster
    than a case-blind one (an Arabic month name at every character of a document)."""
    partnered = _case_partnered()
    if any(c in partnered for c in set(_NOT_LITERAL_LETTERS.sub("", pattern))):
        return flag  # a letter with case, written as itself (the parse below would say so, slowly)
    named = _characters_named(pattern)
    if named is None or any(ord(ch) >= 0x10000 or ch in partnered for ch in named):
        return flag
    return 0


def _characters_named(pattern: str) -> list[str] | None:
    """Every character ``pattern`` can match by naming it (literals, classes, ranges), or None
    when that cannot be told from the pattern (it does not parse, a class is too wide to list,
    an item's matches are unknown)."""
    try:
        ranges = list(_chars_named(list(_sre_parse.parse(_NAMED_GROUP.sub("(?:", pattern)))))
    except (re.error, RecursionError, OverflowError, _CaseUnknown):
        return None
    if any(high - low > 4096 for low, high in ranges):
        return None
    return [chr(code) for low, high in ranges for code in range(low, high + 1)]


# Letters of a pattern that are not characters to match as written: escapes (\d, \u06ff), group
# names, flags.
_NOT_LITERAL_LETTERS = re.compile(
    r"\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|N\{[^}]*\}|[A-Za-z])|\(\?P<\w+>|\(\?P=\w+\)|\(\?[A-Za-z-]*:"
)


class _CaseUnknown(Exception):
    """A pattern item whose matches ignoring case cannot be told from its characters."""


def _chars_named(items):
    """(low, high) of every character or range of characters that ``items`` name."""
    for op, av in items:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL):
            yield av, av
        elif op is _sre.IN:
            for o, a in av:
                if o in (_sre.LITERAL, _sre.NOT_LITERAL):
                    yield a, a
                elif o is _sre.RANGE:
                    yield a
                elif o not in (_sre.CATEGORY, _sre.NEGATE):
                    raise _CaseUnknown(o)
        elif op is _sre.SUBPATTERN:
            yield from _chars_named(list(av[3]))
        elif op is _sre.ATOMIC_GROUP:
            yield from _chars_named(list(av))
        elif op is _sre.BRANCH:
            for branch in av[1]:
                yield from _chars_named(list(branch))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            yield from _chars_named(list(av[2]))
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            yield from _chars_named(list(av[1]))
        elif op not in (_sre.AT, _sre.ANY, _sre.CATEGORY):
            raise _CaseUnknown(op)  # a back-reference compares text ignoring case; anything else


@lru_cache(maxsize=1)
def _case_partnered() -> frozenset[str]:
    """The characters of the first plane that match another when case is ignored."""
    out: set[str] = set()
    for c in _cased():
        out.add(c)
        out.update(x for x in (c.lower(), c.upper(), c.casefold()) if len(x) == 1)
    return frozenset(out)


# -- what a regular expression cannot match without ------------------------------------------------
_FOLD_WINDOW = 2000  # a stretch of text this long or shorter is folded to look for required words
# (text, its fold, kept) of the last two texts folded (a document and its ASCII-digit copy): a
# document is folded once. Tuples, replaced whole, so that threads reading different documents
# never pair one text with another's fold.
_last_folded: tuple[tuple[str | None, str, list[int] | None], ...] = ()


def _folded(text: str) -> str:
    """``fold(text)``, cached: every kind's scan of a document shares it."""
    return _fold_index(text)[0]


def _fold_index(text: str) -> tuple[str, list[int] | None]:
    """(``fold(text)``, kept): kept lists, for each diacritic the fold drops, the fold's offset
    of the character after it (:func:`in_text` turns an offset of the fold into one of the text);
    None when folding changes the length otherwise (a case fold of one character into two)."""
    global _last_folded
    for cached in _last_folded:
        if cached[0] is text:
            return cached[1], cached[2]
    folded = fold(text)
    kept: list[int] | None = []
    if len(folded) != len(text):
        dropped = [m.start() for m in _MARK.finditer(text)]
        kept = [at - k for k, at in enumerate(dropped)] if len(folded) + len(dropped) == len(text) else None
    _last_folded = ((text, folded, kept), *_last_folded[:1])
    return folded, kept


def in_text(kept: list[int] | None, at: int) -> int:
    """The text's offset of the fold's character at ``at`` (``kept``: see :func:`_fold_index`)."""
    return at + bisect_right(kept, at) if kept else at


# The only characters that re or regex match with another when ignoring case while their
# case-folds differ: the Turkish dotted and dotless i (checked over all of Unicode).
_TURKISH_I = str.maketrans({"\u0130": "i", "\u0131": "i"})


def fold(text: str) -> str:
    """``text`` as the required words are looked for in it: two characters that :mod:`re` or
    :mod:`regex` match with each other when ignoring case fold to the same, and the Arabic
    diacritics a phrase allows between its letters are dropped (:func:`_ignorable`)."""
    if "\u0130" in text or "\u0131" in text:
        text = text.translate(_TURKISH_I)
    return _MARK.sub("", text).casefold()


_MARK = re.compile(f"[{_AR_MARKS}]")


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def required_words(pattern: str) -> set[str] | None:
    """Strings one of which every match of ``pattern`` contains (as a case-insensitive
    substring), or None when none can be told (a pattern :mod:`re` cannot parse, a match that
    may be digits only). Matching ignores case at most as ``str.casefold`` does, so a text whose
    fold contains none of them has no match: the scan can be skipped."""
    try:
        # Group names play no part here (and the regex module allows one twice).
        tree = _sre_parse.parse(_NAMED_GROUP.sub("(?:", pattern))
    except (re.error, RecursionError, OverflowError):
        return None
    return _required_seq(list(tree))


def _required_seq(items) -> set[str] | None:
    found: list[set[str]] = []
    # The strings the run of fixed characters read so far can be: a character class of a few
    # letters ("[هة]", "[اأإآ]": Arabic spelling variants) multiplies them, and the diacritics a
    # phrase allows between its letters ("[\u064b-\u0652\u0670\u0640]*") are skipped, as
    # :func:`fold` removes them from the text: so an Arabic phrase still requires a word.
    run: set[str] = {""}
    for op, av in items:
        chars = _class_chars(op, av)
        if chars is not None and len(run) * len(chars) <= _MAX_VARIANTS:
            run = {r + c for r in run for c in chars}
            continue
        if _ignorable(op, av):
            continue
        if run != {""}:
            found.append(run)
        run = {""}
        if chars is not None:  # too many variants to carry on: the class alone
            run = set(chars)
            continue
        got = _required_item(op, av)
        if got:
            found.append(got)
    if run != {""}:
        found.append(run)
    # The most selective: the longest shortest string, then the fewest strings.
    return max(found, key=lambda s: (min(len(x) for x in s), -len(s))) if found else None


_MAX_VARIANTS = 16  # the spellings of one run, each looked for in the text


def _class_chars(op, av) -> tuple[str, ...] | None:
    """The characters an item matches one of, when it is one character of at most four."""
    if op is _sre.LITERAL:
        return (chr(av),)
    if op is _sre.IN and all(o is _sre.LITERAL for o, _ in av) and len(av) <= 4:
        return tuple(sorted({chr(a) for _, a in av}))
    return None


_IGNORABLE = frozenset(_AR_MARKS)


def _ignorable(op, av) -> bool:
    """A repeat of characters :func:`fold` removes (Arabic diacritics, tatweel): it adds nothing
    to a match's fold."""
    if op not in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        return False
    (sub_op, sub_av), *rest = list(av[2]) or [(None, None)]
    if rest or sub_op is not _sre.IN:
        return False
    for o, a in sub_av:
        if o is _sre.LITERAL:
            if chr(a) not in _IGNORABLE:
                return False
        elif o is _sre.RANGE:
            if any(chr(c) not in _IGNORABLE for c in range(a[0], a[1] + 1)):
                return False
        else:
            return False
    return True


def _required_item(op, av) -> set[str] | None:
    if op is _sre.SUBPATTERN:
        return _required_seq(list(av[3]))
    if op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            got = _required_seq(list(branch))
            if not got:
                return None
            out |= got
        return out
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _required_seq(list(sub)) if low >= 1 else None
    if op is _sre.IN:
        chars = set()
        for o, a in av:
            if o is not _sre.LITERAL:
                return None
            chars.add(chr(a))
        return chars if len(chars) <= 4 else None
    return None  # a look-around, an anchor, a class: nothing required


# -- where a match can start -------------------------------------------------------------------------


def start_led(pattern: str, flags: int = 0) -> str:
    r"""``pattern`` led by a look-ahead at a class of the characters every non-empty match of it
    starts with (``(?=[...])(?:pattern)``, and ``|$`` when it can match empty at the end only):
    the same matches, but a place where no match can start is left after one look at one
    character instead of a try of every branch (the search of the 40 characters before each
    number, for its qualifier, currency or sign). ``pattern`` as it is when its first characters
    cannot be told (an empty match elsewhere, ``.``, a flag set inside)."""
    first = start_class(pattern, flags)
    if first is None:
        return pattern
    members, at_end = first
    led = f"(?=[{members}])(?:{pattern})"
    return led + "|$" if at_end else led


def start_class(pattern: str, flags: int = 0) -> tuple[str, bool] | None:
    """(the inside of a class of the characters every non-empty match of ``pattern`` starts
    with, whether it can also match empty, at the end only), or None when they cannot be told
    (see :func:`start_led`)."""
    try:
        tree = _sre_parse.parse(_NAMED_GROUP.sub("(?:", pattern), flags)
        items, nullable = _first_items(list(tree))
    except (re.error, RecursionError, OverflowError, _CaseUnknown):
        return None
    if nullable:
        return None  # an empty match anywhere
    ignore = bool((flags | tree.state.flags) & re.I)
    at_end = any(op is _END for op, _av in items)
    members = _class_members([(op, av) for op, av in items if op is not _END], ignore)
    if members is None:
        return None
    if at_end:
        members.add(r"\n")  # "$" matches before a last newline too
        empty = re.compile(pattern, flags).match("")
        if empty is None or any(v is not None for v in empty.groups()):
            return None  # its empty match is not what a bare "$" gives
    if not members:
        return None
    return "".join(sorted(members)), at_end


def last_class(pattern: str, flags: int = 0) -> str | None:
    r"""The inside of a class of the characters that can be the last one other than a space
    (``\s``) of a match of ``pattern`` (what comes after it in the match is spaces only), or
    None when they cannot be told (a negated class, any character, a back-reference, a flag set
    inside). A text whose last character before its trailing spaces is outside the class has no
    match that holds that character: a search of a pattern ending in ``$`` (the words before a
    number) can start after it."""
    try:
        tree = _sre_parse.parse(_NAMED_GROUP.sub("(?:", pattern), flags)
        items, _spaces = _last_items(list(tree))
    except (re.error, RecursionError, OverflowError, _CaseUnknown):
        return None
    ignore = bool((flags | tree.state.flags) & re.I)
    members = _class_members(items, ignore)
    return "".join(sorted(members)) if members else None


def _class_members(items, ignore: bool) -> set[str] | None:
    """The escaped members of one character class holding every character the items (literals,
    ranges, categories) match, case-blind when ``ignore``; None when an item is none of those or
    a range too wide to list."""
    members: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars = [chr(av)]
        elif op is _sre.RANGE:
            low, high = av
            if high - low > 4096:
                return None
            chars = [chr(c) for c in range(low, high + 1)]
        elif op is _sre.CATEGORY and av in _CATEGORY_CLASS:
            members.add(_CATEGORY_CLASS[av])
            continue
        else:
            return None
        for ch in chars:
            members.update(re.escape(c) for c in (_case_blind(ch) if ignore else (ch,)))
    return members


def _last_items(items) -> tuple[list, bool]:
    """(the items — literals, ranges, categories — one of which the last character other than
    a space of a match of the sequence is, whether the sequence can match spaces only or
    nothing). Raise :class:`_CaseUnknown` for an item whose characters cannot be told."""
    out: list = []
    for op, av in reversed(items):
        got, spaces = _last_item(op, av)
        out += got
        if not spaces:
            return out, False
    return out, True


def _last_item(op, av) -> tuple[list, bool]:
    if op is _sre.LITERAL:
        return ([], True) if chr(av).isspace() else ([(op, av)], False)
    if op is _sre.IN:
        if any(o is _sre.NEGATE or o not in (_sre.LITERAL, _sre.RANGE, _sre.CATEGORY) for o, _ in av):
            raise _CaseUnknown(op)
        members = [(o, a) for o, a in av if not (o is _sre.CATEGORY and a in _SPACE_CATEGORIES)]
        return members, len(members) < len(av) or any(_holds_space(o, a) for o, a in members)
    if op is _sre.CATEGORY:
        if av in _SPACE_CATEGORIES:
            return [], True
        if av in _CATEGORY_CLASS:
            return [(op, av)], False
        raise _CaseUnknown(op)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return [], True  # reads no character
    if op is _sre.SUBPATTERN:
        if av[1] or av[2]:  # flags changed inside the group
            raise _CaseUnknown(op)
        return _last_items(list(av[3]))
    if op is _sre.BRANCH:
        out, spaces = [], False
        for branch in av[1]:
            got, s = _last_items(list(branch))
            out += got
            spaces = spaces or s
        return out, spaces
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _high, sub = av
        got, spaces = _last_items(list(sub))
        return got, spaces or low == 0
    raise _CaseUnknown(op)  # any character, a back-reference, an atomic group


_SPACE_CATEGORIES = (_sre.CATEGORY_SPACE, _sre.CATEGORY_UNI_SPACE)


def _holds_space(op, av) -> bool:
    r"""Whether a member of a class (a literal, a range, a category other than ``\s``) may be
    a space (``str.isspace``, which is what ``\s`` matches)."""
    if op is _sre.LITERAL:
        return chr(av).isspace()
    if op is _sre.RANGE:
        return any(chr(c).isspace() for c in _SPACE_CODES if av[0] <= c <= av[1])
    return False  # \d, \w: no space


_SPACE_CODES = tuple(c for c in range(0x110000) if chr(c).isspace())


_END = "end"  # an item of :func:`_first_items`: the end of the text, or a newline before it
_CATEGORY_CLASS = {
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_UNI_SPACE: r"\s",
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_UNI_DIGIT: r"\d",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_UNI_WORD: r"\w",
}


def _first_items(items) -> tuple[list, bool]:
    """(the items — literals, ranges, categories — one of which a non-empty match of the
    sequence starts with, whether the sequence can match the empty string). Raise
    :class:`_CaseUnknown` for an item whose first character cannot be told."""
    out: list = []
    for op, av in items:
        if op is _sre.LITERAL:
            return [*out, (op, av)], False
        if op is _sre.IN:
            if any(o is _sre.NEGATE for o, _ in av):
                raise _CaseUnknown(op)
            return [*out, *av], False
        if op is _sre.CATEGORY:
            return [*out, (op, av)], False
        if op is _sre.AT:
            if av is _sre.AT_END:
                return [*out, (_END, None)], False  # an empty match at the end, or before its newline
            raise _CaseUnknown(op)
        if op is _sre.SUBPATTERN:
            if av[1] or av[2]:  # flags changed inside the group
                raise _CaseUnknown(op)
            got, nullable = _first_items(list(av[3]))
        elif op is _sre.BRANCH:
            got, nullable = [], False
            for branch in av[1]:
                g, n = _first_items(list(branch))
                got += g
                nullable = nullable or n
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, sub = av
            got, nullable = _first_items(list(sub))
            nullable = nullable or low == 0
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            continue  # "(?<=,\s)after": a look-around reads no character, the next item the first
        else:
            raise _CaseUnknown(op)  # any character, a back-reference
        out += got
        if not nullable:
            return out, False
    return out, True
