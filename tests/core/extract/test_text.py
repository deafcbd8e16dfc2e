"""The text helpers: :class:`Spans` answers as a pass over every span would."""

import random

import regex
from hypothesis import given
from hypothesis import strategies as st

from marsad.core.extract.text import _ARABIC, _VI_MARKS, Spans, detect_language, paragraphs

span = st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(span, max_size=12), span)
def test_spans_overlap_as_a_pass_over_all_of_them(spans, probe):
    start, end = probe
    expected = any(a < end and start < b for a, b in spans)
    assert Spans(spans).overlaps(start, end) is expected


def test_a_span_inside_a_long_one_is_seen_past_shorter_ones():
    # the long span starts first and ends last: only the furthest end so far tells it
    spans = Spans([(0, 100), (10, 12), (20, 22)])
    assert spans.overlaps(50, 60)
    assert not Spans([(10, 12), (20, 22)]).overlaps(50, 60)
    assert not Spans([]).overlaps(0, 5)


def _detect_counting_all(text: str, sample: int = 20000) -> str | None:
    # detect_language as a count of every kind of letter would answer (before its shortcuts)
    head = text[:sample]
    ar = len(_ARABIC.findall(head))
    latin = len(regex.findall(r"[A-Za-z]", head))
    vi = len(_VI_MARKS.findall(head))
    if ar == 0 and latin == 0 and vi == 0:
        return None
    if ar >= latin + vi:
        return "ar"
    if vi * 25 >= latin:
        return "vi"
    return "en"


_PIECES = ["GRDP grew ", "tăng ", "của ", "và ", "VÀ ", "Đồng ", "năm ", "ước đạt ", "ارتفع ", "الناتج ",
           "“", "—", "é", "ß", "8,5% ", "2024 ", "\n", " ", "tỷ", "a\u0300"]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=400), st.integers(1, 30))
def test_language_detected_as_counting_every_letter_would(pieces, repeat):
    text = "".join(pieces) * repeat
    assert detect_language(text) == _detect_counting_all(text)


def test_each_vietnamese_mark_holds_a_letter_outside_ascii_and_arabic():
    # The bound that lets detect_language skip counting the marks.
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for m in _VI_MARKS.finditer(everything + " của và năm tỷ đồng tăng CỦA VÀ"):
        assert any(not c.isascii() and not "\u0600" <= c <= "\u06ff" for c in m.group())


def test_paragraphs_are_the_lines_holding_more_than_spaces():
    # What a line-by-line ``strip`` keeps, whatever the spaces: the exotic ones included.
    rng = random.Random(3)
    alphabet = ["\n", " ", "\t", "\r", "\u2028", "\u00a0", "\u3000", "\x1c", "\x85", "a", "\u200b", "\x0b"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(14)))
        lines, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        assert paragraphs(text) == lines, repr(text)
