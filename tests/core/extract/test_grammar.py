"""The grammar's shortcuts find what the plain patterns find (they only skip work)."""

from __future__ import annotations

import random
import re

import pytest
import regex

from marsad.core.extract import grammar_for
from marsad.core.extract.grammar import (
    PhraseSet,
    Words,
    _case_partnered,
    _trie,
    _trie_pattern,
    case_flag,
    fold,
    last_class,
    longest_space_run,
    needle_starts,
    reach,
    required_words,
    start_led,
    windows,
    word_led,
)

SAMPLES = {
    "en": "GRDP grew 8.2% in the first quarter of 2024; the Province's budget revenue reached VND 5.2 trillion.\n"
    "Difficulties: exports -fold, 2.7-fold, per year /year; HCMC – Can Tho, in Q2, by the end of June.",
    "ar": "التحديات والصعوبات: تراجع الصادرات. التَّوصِيات: تعزيز الاستثمار. المهام الرئيسية للعام "
    "2025: نمو الناتج المحلي 8% في الربع الأول، وإيرادات الميزانية في الأشهر التسعة الأولى من هذا العام.",
    "vi": "Quý I/2024, GRDP tăng 8,2%; thu ngân sách 6 tháng đầu năm đạt 5.200 tỷ đồng, bằng 45,2% dự toán.\n"
    "Khó khăn, hạn chế: kim ngạch xuất khẩu giảm; Tổng Mức Bán Lẻ hàng hoá tăng.",
}


def test_required_words():
    # a class of a few letters gives each spelling of the word
    assert required_words(r"(?<!\w)qu[ýí]\s+(?P<q>IV|I)(?:\s*/\s*(?P<q>\d))?") == {"quý", "quí"}
    # the most selective part: the longest shortest string
    assert required_words(r"(?:first|second)\s+half") == {"first", "second"}
    assert required_words(r"(?:H|the)\s+half") == {"half"}
    assert required_words(r"(?:first|second)?\s*(?:19|20)\d\d") == {"19", "20"}
    assert required_words(r"\d+") is None  # nothing but digits: no word to look for
    assert required_words(r"\p{L}+") is None  # a pattern re cannot parse


def test_an_arabic_phrase_requires_its_word_not_a_letter():
    # A phrase in Arabic allows diacritics between its letters and spelling variants of some:
    # the word is still what a match must contain, spelled each way, the diacritics folded away.
    pattern = _trie_pattern("ar", ["توصيات"])
    assert "ت[ًٌٍَُِّْٰـ]*[وؤ][ًٌٍَُِّْٰـ]*ص" in pattern
    # up to the alef, whose five spellings end the run
    assert required_words(pattern) == {f"ت{w}ص{y}" for w in "وؤ" for y in "يىئی"}
    assert fold("التَّوصِيات") == "التوصيات"
    assert fold("Tết") == "tết"


@pytest.mark.parametrize("lang", ["en", "vi", "ar"])
def test_scan_skips_only_rules_that_cannot_match(lang):
    g = grammar_for(lang)
    text = SAMPLES[lang]
    for kind in ("period", "directive", "difficulty", "recommendation"):
        plain = [(r.name, m.span()) for r, p in g.regexes(kind) for m in p.finditer(text)]
        assert [(r.name, m.span()) for r, m in g.scan(kind, text)] == plain
        assert [(r.name, m.span()) for r, m in g.scan(kind, text.upper())] == [
            (r.name, m.span()) for r, p in g.regexes(kind) for m in p.finditer(text.upper())
        ]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_first_character_pattern_finds_what_the_trie_finds(lang):
    rng = random.Random(12)
    phrases = ["tăng", "tăng trưởng", "-fold", "/year", "so với", "year-on-year", "of", "K", "đạt"]
    ps = PhraseSet(lang, [(p, p) for p in phrases])
    plain = re.compile(rf"(?<!\w)(?:{_trie_pattern(lang, ps.table)})(?!\w)", re.I)
    assert ps.pattern.pattern != plain.pattern  # few first characters: the skipping form
    base = SAMPLES[lang] + " tăng trưởng 2.7-fold ,  /year Of K \u212a đẠT"
    for _ in range(2000):
        chars = [c.upper() if rng.random() < 0.3 else c for c in base[rng.randrange(len(base)) :][:80]]
        text = "".join(chars)
        a, b = rng.randrange(len(text) + 1), len(text)
        assert [m.span() for m in ps.pattern.finditer(text, a, b)] == [
            m.span() for m in plain.finditer(text, a, b)
        ]
    assert _trie(["ab", "ac"]) == {"a": {"b": {"": True}, "c": {"": True}}}


def test_expressions_skipped_only_where_their_words_are_absent():
    ps = PhraseSet("en", [("re:of\\s+(?:the\\s+)?plan", "plan"), ("re:per\\s+cent", "pct")])
    assert ps.pattern is None  # expressions only: no phrase trie to scan for
    assert ps._extra_needles == {"plan", "cent"}  # the longest words each expression needs
    text = "5% OF THE PLAN and 3 PER CENT"
    assert [(s, e) for s, e, _ in ps.finditer(text)] == [(3, 14), (21, 29)]
    assert list(ps.finditer("nothing here")) == []
    assert fold("İN") == "in" == fold("ıN")  # re matches "in" there when it ignores case


@pytest.mark.parametrize("text", ["5% OF THE PLAN and 3 PER CENT; of plan", "Straße of the plan ß per cent"])
def test_a_windows_needles_are_told_as_a_fold_of_the_window_tells_them(text):
    # A window's question is answered from the document's needle index (or, when folding changes
    # the length, from the window's own fold): the same answer for every window.
    ps = PhraseSet("en", [("re:of\\s+(?:the\\s+)?plan", "plan"), ("re:per\\s+cent", "pct")])
    for a in range(len(text)):
        for b in range(a + 1, len(text) + 1):
            told = ps._extra_for(text, a, b) is not None
            assert told == any(n in fold(text[a:b]) for n in ps._extra_needles), (a, b)
    assert (ps._needles_in(text) is None) == ("ß" in text)


@pytest.mark.parametrize("text", ["المُستهدَف 8%ً والهدفُ 7% ثمّ مستهدف", "هدفً مستهـدف"])
def test_a_windows_needles_in_arabic_with_diacritics(text):
    # The fold drops the diacritics: the index still answers in the text's offsets.
    ps = PhraseSet("ar", [("re:مستهدف", "a"), ("re:ه[ًٌٍَُِّْٰـ]*د[ًٌٍَُِّْٰـ]*ف", "b")])
    assert ps._extra_needles == {"مستهدف", "هدف"}
    assert ps._needles_in(text) is not None
    for a in range(len(text)):
        for b in range(a + 1, len(text) + 1):
            told = ps._extra_for(text, a, b) is not None
            assert told == any(n in fold(text[a:b]) for n in ps._extra_needles), (a, b)


def test_word_led_only_where_every_match_starts_on_a_word():
    assert word_led(r"(?<!\w)(?:in|of)\s+(?P<year>(?:19|20)\d\d)") == r"\b(?:in|of)\s+(?P<year>(?:19|20)\d\d)"
    assert word_led(r"(?<!\w)(?:the\s+)?(?:first|H)(?=\d)") == r"\b(?:the\s+)?(?:first|H)(?=\d)"
    assert word_led(r"(?<!\w)quý\s+[IV]+").startswith(r"\b")
    for kept in (
        r"(?<!\w)\s*-\s*fold",  # may start on a space or a dash
        r"(?<!\w)(?:the\s+)?\s*year",  # the article may be absent and the space comes first
        r"(?<!\w)(?:\(|in)\s+2024",
        r"(?<!\w)[^\W\d]+",  # a negated class
        r"(?<!\w)(?:in)?",  # may be empty
        r"(?<!\w)²",  # a number that is no word character
        r"(?<!\d)(?:in|of)",  # no leading (?<!\w)
    ):
        assert word_led(kept) == kept, kept


@pytest.mark.parametrize("lang", ["ar", "vi", "en"])
def test_word_led_rules_match_as_written(lang):
    # Every rule rewritten finds what its pattern as written finds, even after marks, digits,
    # underscores and punctuation.
    rng = random.Random(14)
    g = grammar_for(lang)
    base = SAMPLES.get(lang, "في الربع الأول من عام 2024 ارتفع الناتج بنسبة 8.2٪، والنصف الأول")
    base += " _in 2024 ²of 2023 a\u0301in 2022 (the first half) x-the year 2021"
    rewritten = [r for r in g.rules if isinstance(r.pattern, str) and word_led(r.pattern) != r.pattern]
    assert rewritten
    for rule in rewritten:
        as_written = regex.compile(rule.pattern, regex.I | regex.V0)
        led = regex.compile(word_led(rule.pattern), regex.I | regex.V0)
        for _ in range(200):
            text = "".join(
                c.upper() if rng.random() < 0.3 else c for c in base[rng.randrange(len(base)) :][:90]
            )
            assert [m.span() for m in led.finditer(text)] == [m.span() for m in as_written.finditer(text)]


def test_case_flag_dropped_only_where_no_character_has_case():
    assert case_flag(r"(?<!\w)و?(?:حتى|لغاية)\s+(?P<year>\d{4})(?!\d)", regex.I) == 0
    assert case_flag(r"[\u0600-\u06ff]+\s*[-–]\s*\d", re.I) == 0
    for kept in (
        r"(?:quý|Q)\s*\d",
        r"الربع\s+Q\d",  # one Latin letter is enough
        r"[\u0041-\u0600]",  # a range over cased letters
        r"\u0130\d",  # written as an escape
        r"(?P<a>ال)\s+(?P=a)",  # a back-reference compares text ignoring case
        r"\p{Arabic}+",  # what re cannot parse
        "\u212a",  # the Kelvin sign is a k ignoring case
    ):
        assert case_flag(kept, regex.I) == regex.I, kept


def test_characters_without_case_partners_match_only_themselves():
    # The characters of the rules and phrase sets that case_flag lets match without the flag match
    # no other character ignoring case, in re or in regex (checked against all of Unicode).
    g = grammar_for("ar")
    chars = {c for r in g.rules if isinstance(r.pattern, str) for c in r.pattern}
    chars |= {c for r in g.rules if not isinstance(r.pattern, str) for p in r.pattern.phrases for c in p}
    partnered = _case_partnered()
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for ch in sorted(chars - partnered):
        for engine in (re, regex):
            assert {m.group() for m in engine.finditer(engine.escape(ch), everything, engine.I)} == {ch}, ch


def test_the_reach_of_a_pattern():
    # (span, read past the start): "\\s+" counts as the text's longest run of spaces
    assert reach(r"\bab\s+c(?!\w)") == ((3, 1), (4, 1))
    assert reach(r"(?<!\w{3})x{2,4}") == ((4, 0), (4, 0))  # a look-behind reads before the start
    assert reach(r".*x") is None  # unbounded, and not by spaces
    assert reach(r"(a)\1") is None
    assert longest_space_run("a  b\n\n\n c") == 4
    assert longest_space_run("a b") == 1
    texts = ["x  y", "x     y", "x y", "x  y"]  # the last two cached, the third evicting the first
    assert [longest_space_run(t) for t in texts * 2] == [2, 5, 1, 2] * 2


def test_windows_hold_every_place_a_rule_can_match():
    text = "xx first yy first" + " " * 30 + "first" + "z" * 200
    # each from two before a needle to seven after its start; those that meet are one
    assert windows(text, ["first"], 2, 6) == [(1, 19), (45, 54)]
    assert windows(text, ["absent"], 2, 6) == []
    assert windows(text, ["x", "y", "z", " "], 5, 5) == [(0, len(text))]  # too many: the whole text


def test_needle_starts_overlapping_and_per_fold():
    one, other = "aaa 2020 năm", "x2020"
    assert needle_starts(one, "aa") == [0, 1]  # overlapping ones too
    assert needle_starts(one, "20") == [4, 6]
    assert needle_starts(other, "20") == [1, 3]  # another text: not the last one's answer
    assert needle_starts(one, "20", [1]) == [5, 7]  # a diacritic dropped before offset 1 of the fold
    assert needle_starts(one, "20") == [4, 6]
    assert needle_starts(one, "a", most=2) is None  # three: more than asked for
    assert needle_starts(one, "a", most=3) == [0, 1, 2]
    assert needle_starts(one, "a", most=2) is None  # cached, still more than asked for


@pytest.mark.parametrize("lang", ["en", "vi", "ar"])
def test_a_windowed_scan_finds_what_a_whole_pass_finds(lang):
    g = grammar_for(lang)
    rng = random.Random(5)
    base = SAMPLES[lang]
    inserts = [" " * 60, "\n\n", "\t ", " 2024 ", "Q3 ", "quý II ", " tháng 9", "first half ", "الربع الأول "]
    for _ in range(150):
        chars = list(base)
        for _ in range(rng.randrange(6)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(inserts))
        text = "".join(chars)[rng.randrange(40) :]
        for kind in ("period", "directive", "difficulty", "recommendation"):
            assert [(r.name, m.span()) for r, m in g.scan(kind, text)] == [
                (r.name, m.span()) for r, p in g.regexes(kind) for m in p.finditer(text)
            ]


def test_start_led_only_where_the_first_characters_are_known():
    led = start_led(r"(?:about|over)?\s*(?P<sign>-)?$", re.I)
    assert led == r"(?=[AO\-\n\sao])(?:(?:about|over)?\s*(?P<sign>-)?$)|$"
    assert start_led(r"(?:Ă|b)\d", re.I) == r"(?=[BbĂă])(?:(?:Ă|b)\d)"
    # A look-around reads no character: the item after it gives the first one.
    assert start_led(r"(?<!\w)x|(?<=,\s)(?!y)z") == r"(?=[xz])(?:(?<!\w)x|(?<=,\s)(?!y)z)"
    for kept in (
        r"ab|c*",  # may be empty anywhere
        r"(?<!\w)(?=x)",  # look-arounds only: an empty match
        r"[^a]b",  # a negated class
        r".b",  # any character
        r"(?P<a>x*)$",  # its empty match at the end is no bare "$" (the group is "")
        r"(?i:a)b",  # a flag set inside
    ):
        assert start_led(kept) == kept, kept


@pytest.mark.parametrize("lang", ["ar", "vi", "en"])
def test_start_led_searches_find_what_the_pattern_finds(lang):
    # The quantity reader's look-behind pattern (qualifier, "from", currency, sign before a
    # number), searched in windows ending anywhere: led or not, the same match and groups.
    from marsad.core.extract.quantity import _patterns

    pats = _patterns(grammar_for(lang))
    led = pats.before
    assert led.pattern.startswith("(?=[")
    plain = re.compile(led.pattern[led.pattern.index("(?:") + 3 : -len(")|$")], led.flags)
    rng = random.Random(12)
    base = SAMPLES[lang] + " about 5, từ 8 đến 9, nearly US$ 2, hơn 3,5%, أكثر من 4، بنحو -7\n8"
    for _ in range(400):
        text = "".join(c.upper() if rng.random() < 0.3 else c for c in base)
        hi = rng.randrange(len(text) + 1)
        lo = max(0, hi - rng.randrange(1, 41))
        a, b = plain.search(text, lo, hi), led.search(text, lo, hi)
        assert (a.span(), a.groupdict()) == (b.span(), b.groupdict())


def test_last_class_is_what_a_match_ends_in_before_its_spaces():
    assert last_class(r"(?:about|over)?\s*(?P<sign>-)?$", re.I) == r"RT\-rt"
    assert last_class(r"ab[\s,]\s*") == ",b"  # the class may end in a space: what is before too
    assert last_class(r"x(?:y|\s)?\d?") == r"\dxy"
    assert last_class(r"(?<=a)b(?=c)") == "b"  # look-arounds read nothing of the match
    for unknown in (r"a.", r"[^a]", r"(a)\1", r"a(?i:b)"):
        assert last_class(unknown) is None, unknown


@pytest.mark.parametrize("lang", ["ar", "vi", "en"])
def test_the_search_before_a_number_cut_where_no_word_ends_finds_the_same(lang):
    # The words before a number (qualifier, "from", currency, sign) searched from where
    # :func:`_before_start` says: the same match and groups as over the whole window.
    from marsad.core.extract.quantity import _before_start, _patterns

    pats = _patterns(grammar_for(lang))
    assert pats.before_last is not None
    rng = random.Random(7)
    base = (
        SAMPLES[lang] + " about 5, từ 8 đến 9, nearly US$ 2, hơn 3,5%, أكثر من 4، بنحو -7\n8 (x) 9\u00a0 \t4"
    )
    cut = 0
    for _ in range(2000):
        text = "".join(c.upper() if rng.random() < 0.3 else c for c in base)
        hi = rng.randrange(len(text) + 1)
        lo = max(0, hi - rng.randrange(1, 41))
        start = _before_start(pats, text, lo, hi)
        cut += start > lo
        a, b = pats.before.search(text, lo, hi), pats.before.search(text, start, hi)
        assert (a.span(), a.groupdict()) == (b.span(), b.groupdict()), (text[lo:hi], start - lo)
    assert cut > 200  # the cut is made, not only allowed


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_phrases_found_in_lower_case_as_ignoring_case_finds_them(lang):
    # Every phrase set of the language that runs lowered finds what its pattern with re.I
    # finds, in text cased at random and sprinkled with characters whose case is odd (a text
    # holding "ſ", "ı" or "İ" is not lowered: the pattern with re.I runs).
    from marsad.core.extract import extract
    from marsad.core.extract.indicators import _phrase_set

    g = grammar_for(lang)
    extract(SAMPLES[lang], lang=lang)  # the phrase sets the reader builds
    sets = [ps for ps in [*g._phrase_sets.values(), _phrase_set(lang, g.lexicon)] if ps._lower is not None]
    assert len(sets) >= 2
    rng = random.Random(5)
    odd = ["ſ", "ı", "İ", "\u212a", "ẞ", "Σ", "ǅ", "µ", "\u0301", " ", "-", "\n"]
    phrases = [p for r in g.rules if isinstance(r.pattern, Words) for p in r.pattern.phrases]
    base = SAMPLES[lang] + " " + " ".join(phrases)
    for _ in range(40):
        start = rng.randrange(len(base))
        chars = [c.upper() if rng.random() < 0.3 else c for c in base[start : start + 300]]
        if rng.random() < 0.5:
            chars = [rng.choice(odd) if rng.random() < 0.02 else c for c in chars]
        text = "".join(chars)
        for ps in sets:
            lowered_run = (list(ps.finditer(text)), [ps.match(text, at) for at in range(0, len(text), 5)])
            keep, ps._lower = ps._lower, None
            try:
                assert (
                    list(ps.finditer(text)),
                    [ps.match(text, at) for at in range(0, len(text), 5)],
                ) == lowered_run
            finally:
                ps._lower = keep


def test_expressions_of_a_phrase_set_are_led_and_find_what_they_found():
    # The expressions' pattern is led by a look-ahead at their first characters (a look-behind
    # in one of them read through): the same matches as the pattern without it, at any window.
    ps = PhraseSet(
        "en", [("re:(?<=,\\s)after\\s+\\w+", "after"), ("re:of\\s+(?:the\\s+)?plan", "plan"), ("grew", "g")]
    )
    assert ps.extra.pattern.startswith("(?=[")
    plain = re.compile(ps.extra.pattern[ps.extra.pattern.index("(?<!") :], ps.extra.flags)
    text = "Exports grew, after falling, of the plan; AFTER it, Of Plan, ofplan, xafter, , after rain."
    for pos in range(len(text)):
        for end in (len(text), pos + 12):
            got = [(m.span(), m.lastgroup) for m in ps.extra.finditer(text, pos, end)]
            assert got == [(m.span(), m.lastgroup) for m in plain.finditer(text, pos, end)]
    assert [p for _, _, p in ps.finditer(text)] == [["g"], ["after"], ["plan"], ["plan"], ["after"]]


@pytest.mark.parametrize(
    "lang, phrases, text",
    [
        (
            "en",
            ["related news", "other stories", "see also"],
            "Related  News: x. See\nalso the other-stories; SEE ALSO.",
        ),
        ("vi", ["tin liên quan", "xem thêm"], "Tin liên quan. Xem  thêm tin khác; xem thêm."),
        ("ar", ["أخبار ذات صلة", "اقرأ أيضا"], "وأخبار ذات صلة، واقرأ أيضاً الخبر. اقرأ أيضا"),
    ],
)
def test_a_small_phrase_set_skips_windows_without_its_words_and_finds_the_same(lang, phrases, text):
    # A set of a few phrases is not run over a window that lacks the words its phrases need:
    # every window finds what the pattern finds there, with the skip or without it.
    ps = PhraseSet(lang, [(p, p) for p in phrases])
    assert ps._trie_needles  # the words are told
    found = []
    for pos in range(len(text)):
        for end in range(pos, min(len(text), pos + 30) + 1):
            got = list(ps.finditer(text, pos, end))
            needles, ps._trie_needles = ps._trie_needles, None
            assert got == list(ps.finditer(text, pos, end)), (pos, end)
            ps._trie_needles = needles
            found += got
    assert found  # the phrases are found where the words are
